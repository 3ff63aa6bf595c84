package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/vn"
)

// UnitRow is one line of an organisation sheet, as typed: unit code, name,
// kind, family, parent codes, valid from, valid to (the last valid day).
type UnitRow struct {
	Line                     int // line in the file (1 = first), for errors
	Code, Name, Kind, Family string
	Parents                  []string
	ValidFrom, ValidTo       string // dd/mm/yyyy; ValidTo may be empty (still valid)

	// read by checkRows
	kind           org.Kind
	family         document.Family
	from, to       time.Time
	fromSet, toSet bool
}

// LineError is what is wrong with one line of a sheet.
type LineError struct {
	Line int
	Msg  string
}

func (e LineError) String() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("Dòng %d: %s", e.Line, e.Msg)
}

// SheetErrors are all the faults found in a sheet, by line. Nothing of
// the sheet was written. ImportUnits returns them wrapped in a
// problem.Invalid error; errors.As finds them.
type SheetErrors []LineError

func (e SheetErrors) Error() string {
	lines := make([]string, len(e))
	for i, l := range e {
		lines[i] = l.String()
	}
	return "Tệp danh sách đơn vị có lỗi, chưa ghi gì. " + strings.Join(lines, "; ")
}

// refused is the error a caller gets for faults of the sheet.
func refused(errs SheetErrors) error { return problem.Wrap(problem.Invalid, errs, errs.Error()) }

// UnitsImported is the result of an organisation import.
type UnitsImported struct {
	Units, Links int
	DryRun       bool
	Codes        []string // the units created (or that would be), in file order
}

// unitKindWords are the Vietnamese names a sheet may give a kind by,
// besides its code, folded.
var unitKindWords = map[string]org.Kind{
	"cap uy": org.PartyCommittee, "cap uy dang": org.PartyCommittee, "ban cua cap uy": org.PartyBoard, "ban dang": org.PartyBoard,
	"chi bo": org.PartyCell, "dang bo co so": org.PartyCell, "chi bo, dang bo co so": org.PartyCell,
	"lien doan lao dong": org.UnionFederation, "lien doan lao dong, cong doan nganh": org.UnionFederation, "cong doan nganh": org.UnionFederation,
	"cong doan co so": org.GrassrootsUnion, "mat tran": org.FrontCommittee, "uy ban mat tran to quoc": org.FrontCommittee,
	"to chuc chinh tri - xa hoi": org.MassOrg, "doan the": org.MassOrg, "co quan nha nuoc": org.StateOffice,
	"trung tam van hoa - the thao - truyen thong": org.MediaCentre, "trung tam": org.MediaCentre,
	"bao, dai": org.Press, "bao dai": org.Press, "hoi": org.Association,
}

// unitFamilyWords are the Vietnamese names of the families, folded.
var unitFamilyWords = map[string]document.Family{
	"dang": document.Party, "van ban dang": document.Party, "nha nuoc": document.State, "van ban nha nuoc": document.State,
	"chinh quyen": document.State, "cong doan": document.Union, "van ban cong doan": document.Union, "mat tran": document.Front,
	"van ban mat tran": document.Front, "doan": document.Youth, "doan thanh nien": document.Youth, "van ban doan": document.Youth,
}

func kindOf(s string) (org.Kind, bool) {
	if k := org.Kind(strings.ToLower(strings.TrimSpace(s))); slices.Contains(org.Kinds, k) {
		return k, true
	}
	k, ok := unitKindWords[vn.Fold(strings.TrimSpace(s))]
	return k, ok
}

func familyOf(s string) (document.Family, bool) {
	switch f := document.Family(strings.ToLower(strings.TrimSpace(s))); f {
	case document.Party, document.State, document.Union, document.Front, document.Youth:
		return f, true
	}
	f, ok := unitFamilyWords[vn.Fold(strings.TrimSpace(s))]
	return f, ok
}

// parseSheetDay reads dd/mm/yyyy (or d/m/yyyy, with - or . between).
func parseSheetDay(s string) (time.Time, bool) {
	s = strings.NewReplacer("-", "/", ".", "/").Replace(strings.TrimSpace(s))
	t, err := time.Parse("2/1/2006", s)
	return t, err == nil
}

// ImportUnits creates the units of a sheet and their direction links, in
// one transaction, after checking the whole sheet: every line's fields,
// codes used twice or already taken, parents that are neither in the
// sheet nor stored, loops among the sheet's units, and the actor's right
// to administer each stored parent (a unit with no parent: the system
// only). Any fault leaves the database as it was and comes back as
// SheetErrors, every fault with its line. A dry run checks and writes
// nothing. A unit's links to its parents are valid over the unit's span.
func (s *Service) ImportUnits(ctx context.Context, a Actor, rows []UnitRow, dryRun bool) (UnitsImported, error) {
	res := UnitsImported{DryRun: dryRun}
	if len(rows) == 0 {
		return res, refused(SheetErrors{{Msg: "Tệp không có dòng đơn vị nào"}})
	}
	errs, byCode := checkRows(rows)
	// Codes the sheet does not define must be stored units, and the
	// sheet's own codes must not be.
	stored := map[string]org.Unit{}
	err := s.store.View(ctx, func(tx *store.Tx) error {
		today := dayOf(tx.Now())
		for i := range rows {
			r := &rows[i]
			if u, err := tx.UnitByCode(ctx, r.Code); err == nil && r.Code != "" {
				errs = append(errs, LineError{r.Line, fmt.Sprintf("mã đơn vị %q đã có trong cơ sở dữ liệu (%s)", r.Code, u.Name)})
			} else if err != nil && problem.KindOf(err) != problem.NotFound {
				return err
			}
			if len(r.Parents) == 0 && !a.System {
				errs = append(errs, LineError{r.Line, "đơn vị không có cấp trên: chỉ quản trị hệ thống mới tạo được đơn vị cấp cao nhất"})
			}
			for _, p := range r.Parents {
				if _, inSheet := byCode[p]; inSheet {
					continue
				}
				u, ok := stored[p]
				if !ok {
					var err error
					u, err = tx.UnitByCode(ctx, p)
					if problem.KindOf(err) == problem.NotFound {
						errs = append(errs, LineError{r.Line, fmt.Sprintf("không có đơn vị cấp trên mã %q (trong tệp hay trong cơ sở dữ liệu)", p)})
						continue
					}
					if err != nil {
						return err
					}
					stored[p] = u
				}
				if err := mayAdminister(ctx, tx, a, u.ID, today); err != nil {
					errs = append(errs, LineError{r.Line, fmt.Sprintf("bạn không quản trị đơn vị cấp trên %s (%s)", u.Code, u.Name)})
				}
			}
		}
		return nil
	})
	if err != nil {
		return res, err
	}
	order, loop := parentsFirst(rows, byCode)
	if loop != nil {
		lines := make([]string, len(loop))
		for i, r := range loop {
			lines[i] = fmt.Sprintf("%s (dòng %d)", r.Code, r.Line)
		}
		errs = append(errs, LineError{loop[0].Line, "các đơn vị cấp trên tạo thành vòng: " + strings.Join(lines, " → ")})
	}
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(x, y LineError) int { return x.Line - y.Line })
		return res, refused(errs)
	}
	for _, r := range rows {
		res.Codes = append(res.Codes, r.Code)
		res.Links += len(r.Parents)
	}
	res.Units = len(rows)
	if dryRun {
		return res, nil
	}
	err = s.store.InTx(ctx, func(tx *store.Tx) error {
		ids := map[string]org.ID{}
		for code, u := range stored {
			ids[code] = u.ID
		}
		for _, r := range order {
			u, err := tx.CreateUnit(ctx, r.unit())
			if err != nil {
				return lineFault(r.Line, err)
			}
			ids[r.Code] = u.ID
			for _, p := range r.Parents {
				if err := tx.AddLink(ctx, org.Link{Parent: ids[p], Child: u.ID, Valid: u.Valid}); err != nil {
					return lineFault(r.Line, err)
				}
			}
		}
		return audit(ctx, tx, a, "unit.import", "org", fmt.Sprintf("Nạp danh sách đơn vị: %d đơn vị, %d liên kết chỉ đạo", res.Units, res.Links))
	})
	return res, err
}

// lineFault turns a refusal of the store (checked again there) into the
// sheet error of its line; other errors pass as they are.
func lineFault(line int, err error) error {
	var pe *problem.Error
	if errors.As(err, &pe) && (pe.Kind == problem.Invalid || pe.Kind == problem.Conflict) {
		return refused(SheetErrors{{line, pe.Msg}})
	}
	return err
}

func (r UnitRow) unit() org.Unit {
	u := org.Unit{Code: r.Code, Name: r.Name, Kind: r.kind, Family: r.family, Valid: org.Span{From: r.from}}
	if r.toSet {
		u.Valid.To = r.to.AddDate(0, 0, 1) // the sheet gives the last valid day; spans end the day after
	}
	return u
}

// checkRows checks each line on its own and codes used twice; it returns
// the lines by code.
func checkRows(rows []UnitRow) ([]LineError, map[string]*UnitRow) {
	var errs []LineError
	byCode := map[string]*UnitRow{}
	for i := range rows {
		r := &rows[i]
		r.Code, r.Name = strings.TrimSpace(vn.NFC(r.Code)), strings.TrimSpace(vn.NFC(r.Name))
		bad := func(format string, args ...any) { errs = append(errs, LineError{r.Line, fmt.Sprintf(format, args...)}) }
		switch {
		case r.Code == "":
			bad("thiếu mã đơn vị")
		case strings.ContainsAny(r.Code, " \t/"):
			bad("mã đơn vị %q không được chứa khoảng trắng hay dấu /", r.Code)
		case byCode[r.Code] != nil:
			bad("mã đơn vị %q trùng với dòng %d", r.Code, byCode[r.Code].Line)
		default:
			byCode[r.Code] = r
		}
		if r.Name == "" {
			bad("thiếu tên đơn vị")
		}
		var ok bool
		if r.kind, ok = kindOf(r.Kind); !ok {
			bad("loại đơn vị %q không có trong danh mục (ví dụ: party_committee, party_board, state_office, union_federation, front_committee)", r.Kind)
		}
		if r.family, ok = familyOf(r.Family); !ok {
			bad("khối %q không có trong danh mục (party, state, union, front, youth hoặc Đảng, Nhà nước, Công đoàn, Mặt trận, Đoàn)", r.Family)
		}
		switch t, ok := parseSheetDay(r.ValidFrom); {
		case strings.TrimSpace(r.ValidFrom) == "":
			bad("thiếu ngày bắt đầu hiệu lực (dd/mm/yyyy)")
		case !ok:
			bad("ngày bắt đầu %q không đúng dạng ngày/tháng/năm, ví dụ 01/07/2025", r.ValidFrom)
		default:
			r.from, r.fromSet = t, true
		}
		if strings.TrimSpace(r.ValidTo) != "" {
			if t, ok := parseSheetDay(r.ValidTo); ok {
				r.to, r.toSet = t, true
			} else {
				bad("ngày hết hiệu lực %q không đúng dạng ngày/tháng/năm, ví dụ 30/06/2025", r.ValidTo)
			}
		}
		if r.fromSet && r.toSet && r.to.Before(r.from) {
			bad("ngày hết hiệu lực %s trước ngày bắt đầu %s", vn.FormatDate(r.to), vn.FormatDate(r.from))
		}
		seen := map[string]bool{}
		parents := r.Parents[:0]
		for _, p := range r.Parents {
			p = strings.TrimSpace(vn.NFC(p))
			switch {
			case p == "" || seen[p]:
				continue
			case p == r.Code:
				bad("đơn vị %q không thể là cấp trên của chính nó", p)
				continue
			}
			seen[p] = true
			parents = append(parents, p)
		}
		r.Parents = parents
	}
	return errs, byCode
}

// parentsFirst orders the sheet's units so that each comes after its
// parents in the sheet; loop is the units of a loop when there is one.
func parentsFirst(rows []UnitRow, byCode map[string]*UnitRow) (order []*UnitRow, loop []*UnitRow) {
	const (
		unseen = iota
		open
		done
	)
	state := map[*UnitRow]int{}
	var path []*UnitRow
	var visit func(r *UnitRow) bool
	visit = func(r *UnitRow) bool {
		switch state[r] {
		case done:
			return true
		case open:
			at := slices.Index(path, r)
			loop = append(slices.Clone(path[at:]), r)
			return false
		}
		state[r] = open
		path = append(path, r)
		for _, p := range r.Parents {
			if pr := byCode[p]; pr != nil && pr != r {
				if !visit(pr) {
					return false
				}
			}
		}
		path = path[:len(path)-1]
		state[r] = done
		order = append(order, r)
		return true
	}
	for i := range rows {
		if byCode[rows[i].Code] != &rows[i] {
			continue // a line whose code repeats another: already reported
		}
		if !visit(&rows[i]) {
			return nil, loop
		}
	}
	return order, nil
}
