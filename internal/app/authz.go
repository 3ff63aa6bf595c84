package app

import (
	"context"
	"slices"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/vn"
)

// Authorization is decided here and nowhere else, and denies by default:
//   - a person acts for a unit only in the roles they hold in it;
//   - a unit's report is sent by its officers or leaders, and accepted or
//     returned by a leader of the unit above that asked for it (or of a
//     unit directing that one), never by anyone of the unit itself,
//     whatever else they lead;
//   - everyone sees the work of their own units; leaders and
//     administrators also see everything their units direct;
//   - a confidential document (Mật and above) is shown only to people
//     granted it, whoever they are;
//   - nobody acts for a unit outside the days it exists: a unit closed or
//     merged away keeps its past readable, to its people and to those who
//     directed it on its last day.

// roles each action needs in the acting unit.
var (
	registerRoles = []org.Role{org.Clerk, org.Admin}                          // register, number, send
	draftRoles    = []org.Role{org.Officer, org.Clerk, org.Leader, org.Admin} // draft documents, assignments
	issueRoles    = []org.Role{org.Clerk, org.Leader, org.Admin}              // issue with a number
	workRoles     = []org.Role{org.Officer, org.Clerk, org.Leader, org.Admin} // acknowledge, report
	activityRoles = []org.Role{org.Collaborator, org.Officer, org.Leader, org.Admin, org.Clerk}
	decideRoles   = []org.Role{org.Leader}              // accept or return the reports of units below
	submitRoles   = []org.Role{org.Officer, org.Leader} // send a unit's report
	adminRoles    = []org.Role{org.Admin}
)

// holds reports whether the actor holds one of roles in unit itself.
func (a Actor) holds(unit org.ID, roles []org.Role) bool {
	for _, m := range a.Memberships {
		if m.Unit != unit {
			continue
		}
		for _, r := range roles {
			if m.Role == r {
				return true
			}
		}
	}
	return false
}

func forbidden() error {
	return problem.Errorf(problem.Forbidden, "Bạn không có quyền làm việc này cho đơn vị này")
}

// mayActFor checks that the actor holds one of roles in unit and that the
// unit stands on day on: a unit closed or merged away keeps its past, which
// its people may still read, but nobody acts for it any more.
func mayActFor(ctx context.Context, tx *store.Tx, a Actor, unit org.ID, roles []org.Role, on time.Time) error {
	if a.System {
		return nil
	}
	if !a.holds(unit, roles) {
		return forbidden()
	}
	return unitStands(ctx, tx, unit, on)
}

// unitStands refuses acting for a unit on a day outside its existence.
func unitStands(ctx context.Context, tx *store.Tx, unit org.ID, on time.Time) error {
	u, err := tx.Unit(ctx, unit)
	if err != nil {
		return err
	}
	switch {
	case u.Valid.Contains(on):
		return nil
	case on.Before(u.Valid.From):
		return problem.Errorf(problem.Forbidden, "%s chỉ hoạt động từ ngày %s: chưa làm việc được cho đơn vị này",
			u.Name, vn.FormatDate(u.Valid.From))
	default:
		return problem.Errorf(problem.Forbidden, "%s không còn tồn tại từ ngày %s (đã giải thể hoặc sáp nhập): chỉ còn xem được văn bản, báo cáo cũ của đơn vị, không làm việc được cho đơn vị này nữa",
			u.Name, vn.FormatDate(u.Valid.To))
	}
}

// maySeeUnit checks that the actor belongs to unit, or leads or administers
// a unit that directs it on day on (or on its last day, once it is closed).
func maySeeUnit(ctx context.Context, tx *store.Tx, a Actor, unit org.ID, on time.Time) error {
	if a.System {
		return nil
	}
	for _, m := range a.Memberships {
		if m.Unit == unit {
			return nil
		}
	}
	overseers := []org.Role{org.Leader, org.Admin}
	err := directsAs(ctx, tx, a, unit, on, overseers, forbidden())
	if err == nil || problem.KindOf(err) != problem.Forbidden {
		return err
	}
	// A unit closed or merged away keeps its past readable to those who
	// directed it on its last day, as to its own people.
	u, err := tx.Unit(ctx, unit)
	if err != nil {
		return err
	}
	if u.Valid.To.IsZero() || on.Before(u.Valid.To) {
		return forbidden()
	}
	return directsAs(ctx, tx, a, unit, u.Valid.To.AddDate(0, 0, -1), overseers, forbidden())
}

// mayAdminister checks that the actor administers unit or a unit directing
// it on day on.
func mayAdminister(ctx context.Context, tx *store.Tx, a Actor, unit org.ID, on time.Time) error {
	return directsAs(ctx, tx, a, unit, on, adminRoles,
		problem.Errorf(problem.Forbidden, "Chỉ quản trị của đơn vị hoặc của đơn vị cấp trên mới làm được việc này"))
}

// mayDecideReport checks that the actor may accept or return r on day on:
// a leader of a unit that asked for it, or of a unit directing one that
// did, and nobody of r's own unit, whatever else they lead (a board's head
// sitting on the committee above, say). The units that asked are those
// above r's unit holding the document r answers (issued by them, in their
// registers, or assigned to them and passed down). A unit directing r's
// unit along another line did not ask and does not decide: the provincial
// Front does not accept what the city Front reports to the city board.
// When no unit above holds the document, any unit above asked.
func mayDecideReport(ctx context.Context, tx *store.Tx, a Actor, r report.Report, on time.Time) error {
	for _, m := range a.Memberships {
		if m.Unit == r.Unit {
			return problem.Errorf(problem.Forbidden, "Người của đơn vị không duyệt báo cáo của chính đơn vị mình: báo cáo do lãnh đạo đơn vị cấp trên duyệt")
		}
	}
	if a.System {
		return nil
	}
	askers, err := askingUnits(ctx, tx, r, on)
	if err != nil {
		return err
	}
	for _, k := range askers {
		switch err := directsAs(ctx, tx, a, k, on, decideRoles, forbidden()); {
		case err == nil:
			return nil
		case problem.KindOf(err) != problem.Forbidden:
			return err
		}
	}
	return problem.Errorf(problem.Forbidden, "Báo cáo này gửi đơn vị đã giao việc: chỉ lãnh đạo của đơn vị đó hoặc đơn vị cấp trên của nó mới duyệt được")
}

// askingUnits lists the units above r's unit on day on that hold the
// document r answers, or r's unit itself when none does.
func askingUnits(ctx context.Context, tx *store.Tx, r report.Report, on time.Time) ([]org.ID, error) {
	above, err := tx.Ancestors(ctx, r.Unit, on)
	if err != nil {
		return nil, err
	}
	holders, err := tx.DocumentUnits(ctx, r.Directive)
	if err != nil {
		return nil, err
	}
	isAbove := make(map[org.ID]bool, len(above))
	for _, u := range above {
		isAbove[u] = u != r.Unit
	}
	var askers []org.ID
	for _, u := range holders { // a directive's holders may be many; the units above, few
		if isAbove[u] {
			askers = append(askers, u)
		}
	}
	if len(askers) == 0 {
		askers = []org.ID{r.Unit}
	}
	return askers, nil
}

// directsAs passes when the actor holds one of roles in unit or a unit
// directing it on day on, and returns refusal otherwise.
func directsAs(ctx context.Context, tx *store.Tx, a Actor, unit org.ID, on time.Time, roles []org.Role, refusal error) error {
	if a.System {
		return nil
	}
	for _, m := range a.Memberships {
		if !slices.Contains(roles, m.Role) {
			continue
		}
		ok, err := tx.Directs(ctx, m.Unit, unit, on)
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
	}
	return refusal
}

// maySeeDocument checks that the actor may read a document: granted, when
// it is confidential; otherwise it must concern a unit the actor sees (in
// its registers, issued by it, or assigning it work).
func maySeeDocument(ctx context.Context, tx *store.Tx, a Actor, d document.Document, on time.Time) error {
	if d.Confidential() {
		if a.System {
			return nil
		}
		ok, err := tx.Granted(ctx, a.Account, d.ID)
		if err != nil {
			return err
		}
		if !ok {
			return problem.Errorf(problem.Forbidden, "Văn bản %s là văn bản mật: chỉ người được giao mới xem được", d.NumberSymbol)
		}
		return nil
	}
	if a.System {
		return nil
	}
	switch ok, err := concernsSeenUnit(ctx, tx, a, d, on); {
	case err != nil:
		return err
	case !ok:
		return problem.Errorf(problem.Forbidden, "Văn bản này không thuộc đơn vị của bạn")
	}
	return nil
}

// concernsSeenUnit reports whether d concerns a unit the actor sees on day
// on: in its registers, issued by it, or assigning it work.
func concernsSeenUnit(ctx context.Context, tx *store.Tx, a Actor, d document.Document, on time.Time) (bool, error) {
	if a.System {
		return true, nil
	}
	units, err := tx.DocumentUnits(ctx, d.ID)
	if err != nil {
		return false, err
	}
	for _, u := range units {
		switch err := maySeeUnit(ctx, tx, a, u, on); {
		case err == nil:
			return true, nil
		case problem.KindOf(err) != problem.Forbidden:
			return false, err // a database error is not a refusal
		}
	}
	return false, nil
}

// listedDocument is how a document appears in a list of documents related
// to one the actor opened (citing it, implementing it): in full when the
// actor may open it; identified only (number, type, no content) when it is
// confidential and concerns a unit the actor sees, as a register line
// shows it; not at all otherwise, since another unit's papers are none of
// the actor's business.
func listedDocument(ctx context.Context, tx *store.Tx, a Actor, d document.Document, on time.Time) (document.Document, bool, error) {
	switch err := maySeeDocument(ctx, tx, a, d, on); {
	case err == nil:
		return d, true, nil
	case problem.KindOf(err) != problem.Forbidden:
		return d, false, err
	}
	ok, err := concernsSeenUnit(ctx, tx, a, d, on)
	if err != nil || !ok {
		return d, false, err
	}
	return identityOnly(d), true, nil
}

// mayActToday is mayActFor on today, in a transaction of its own, for a use
// case that checks before it reads or writes anything.
func (s *Service) mayActToday(ctx context.Context, a Actor, unit org.ID, roles []org.Role) error {
	return s.store.View(ctx, func(tx *store.Tx) error {
		return mayActFor(ctx, tx, a, unit, roles, dayOf(tx.Now()))
	})
}
