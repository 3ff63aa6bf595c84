package app

import (
	"context"
	"sort"
	"strings"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/export"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/vn"
)

// exportLateLimit is how many late assignments an export lists, most
// overdue first (a page shows a hundred); the annex says when there are
// more. The store reads them by an IN list whose cost grows faster than
// its length, so the list stays at a size a clerk can still work through.
const exportLateLimit = 1000

// ResultsQuery asks for a directive's results report at a unit as of a
// day. Unit 0 is the highest unit the directive reached; a zero day is today.
type ResultsQuery struct {
	Directive document.ID
	Unit      org.ID
	On        time.Time
}

// ResultsReport gathers what a unit's results report on a directive says:
// the roll-up at the unit, the documents its subtree issued to implement
// the directive, the words of the unit's own report when it has one, and
// its header in its family's layout. Whoever may see the dashboard may
// export it.
func (s *Service) ResultsReport(ctx context.Context, by Actor, q ResultsQuery) (export.Results, error) {
	on := q.On
	if on.IsZero() {
		on = s.Today()
	}
	on = dayOf(on)
	var out export.Results
	err := s.store.View(ctx, func(tx *store.Tx) error {
		d, err := tx.Document(ctx, q.Directive)
		if err != nil {
			return err
		}
		if err := maySeeDocument(ctx, tx, by, d, on); err != nil {
			return err
		}
		unit := q.Unit
		if unit == 0 {
			if unit, err = highestReached(ctx, tx, d, on); err != nil {
				return err
			}
		}
		if err := maySeeUnit(ctx, tx, by, unit, on); err != nil {
			return err
		}
		ru, err := tx.Rollup(ctx, store.RollupQuery{Directive: d.ID, Unit: unit, On: on, LateLimit: exportLateLimit})
		if err != nil {
			return err
		}
		if err := hideUngrantedLate(ctx, tx, by, ru.Late); err != nil {
			return err
		}
		u := ru.Unit
		parents, err := tx.Parents(ctx, u.ID, on)
		if err != nil {
			return err
		}
		issued, issuers, cascade, err := issuedBelow(ctx, tx, by, d, u.ID, on)
		if err != nil {
			return err
		}
		out = export.Results{Party: partyLayout(u.Family), Number: reportNumber(u), Place: u.Place, Unit: u.Name,
			Directive: citeOf(d), Rollup: ru, Issued: issued, Demo: u.Demo}
		out.Superior, out.Issuer = headerLines(u, parents)
		out.Top = topLine(u.Family)
		out.Capacity = capacityOf(u)
		// Kính gửi: the units above that passed the directive down.
		for _, p := range parents {
			if issuers[p.ID] {
				out.To = append(out.To, p.Name)
			}
		}
		if len(out.To) == 0 {
			for _, p := range parents {
				if p.Family == u.Family {
					out.To = append(out.To, p.Name)
				}
			}
		}
		out.Copies = copiesOf(u, out.To)
		if out.Party { // a party report names those it goes to under Nơi nhận, not in a "Kính gửi"
			out.To = nil
		}
		n, err := narrativeOf(ctx, tx, u.ID, cascade)
		if err != nil {
			return err
		}
		out.Narrative = n
		return nil
	})
	return out, err
}

// hideUngrantedLate blanks the task of late assignments whose document is
// confidential and not granted to the actor, as the dashboard does, with
// the documents read at once: an export lists a thousand of them.
func hideUngrantedLate(ctx context.Context, tx *store.Tx, by Actor, late []report.Late) error {
	var ids []document.ID
	seen := map[document.ID]bool{}
	for _, l := range late {
		if id := l.Assignment.Document; !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	docs, err := tx.DocumentsByID(ctx, ids)
	if err != nil {
		return err
	}
	open := make(map[document.ID]bool, len(docs))
	for id, d := range docs {
		if open[id], err = mayOpen(ctx, tx, by, d); err != nil {
			return err
		}
	}
	for i := range late {
		if !open[late[i].Assignment.Document] {
			late[i].Assignment.Task = ""
		}
	}
	return nil
}

// highestReached is the unit a directive's report is made at when none
// is named: of the units it concerns (its issuer, the units holding it,
// the units it assigns work to), the one directing the most of the others.
func highestReached(ctx context.Context, tx *store.Tx, d document.Document, on time.Time) (org.ID, error) {
	if d.IssuerUnit != 0 {
		return org.ID(d.IssuerUnit), nil
	}
	units, err := tx.DocumentUnits(ctx, d.ID)
	if err != nil {
		return 0, err
	}
	if len(units) == 0 {
		return 0, problem.Errorf(problem.NotFound, "Văn bản %s chưa đến đơn vị nào trong hệ thống; hãy chọn đơn vị", d.NumberSymbol)
	}
	concerned := map[org.ID]bool{}
	for _, u := range units {
		concerned[u] = true
	}
	under := map[org.ID]int{}
	for _, u := range units {
		as, err := tx.Ancestors(ctx, u, on)
		if err != nil {
			return 0, err
		}
		for _, a := range as {
			if concerned[a] {
				under[a]++
			}
		}
	}
	sort.Slice(units, func(i, j int) bool {
		if under[units[i]] != under[units[j]] {
			return under[units[i]] > under[units[j]]
		}
		return units[i] < units[j]
	})
	return units[0], nil
}

// issuedBelow lists the documents of the directive's cascade issued in
// the unit's subtree (as far as the actor may see them), by date, the
// units that issued any document of the cascade, and the cascade itself.
func issuedBelow(ctx context.Context, tx *store.Tx, by Actor, d document.Document, unit org.ID, on time.Time) ([]export.Directive, map[org.ID]bool, map[document.ID]bool, error) {
	nodes, err := tx.Cascade(ctx, d.ID)
	if err != nil {
		return nil, nil, nil, err
	}
	sub, err := tx.Subtree(ctx, unit, on)
	if err != nil {
		return nil, nil, nil, err
	}
	cascade := make(map[document.ID]bool, len(nodes))
	inSub := make(map[org.ID]bool, len(sub))
	for _, u := range sub {
		inSub[u] = true
	}
	issuers := map[org.ID]bool{}
	if d.IssuerUnit != 0 {
		issuers[org.ID(d.IssuerUnit)] = true
	}
	var shown []document.Document
	var ids []org.ID
	for _, n := range nodes {
		doc := n.Doc
		cascade[doc.ID] = true
		if doc.IssuerUnit != 0 {
			issuers[org.ID(doc.IssuerUnit)] = true
		}
		if doc.ID == d.ID || doc.Status == document.Draft || !inSub[org.ID(doc.IssuerUnit)] {
			continue
		}
		if date := doc.IssuedOn(); !date.IsZero() && date.After(on) {
			continue
		}
		doc, ok, err := listedDocument(ctx, tx, by, doc, on)
		if err != nil {
			return nil, nil, nil, err
		}
		if ok {
			shown = append(shown, doc)
			ids = append(ids, org.ID(doc.IssuerUnit))
		}
	}
	// Sentences name an issuer by the unit's name, not in the capitals
	// its header was printed in.
	us, err := tx.UnitsByIDs(ctx, ids)
	if err != nil {
		return nil, nil, nil, err
	}
	names := make(map[int64]string, len(us))
	for _, u := range us {
		names[int64(u.ID)] = u.Name
	}
	out := make([]export.Directive, 0, len(shown))
	for _, doc := range shown {
		c := citeOf(doc)
		if n := names[doc.IssuerUnit]; n != "" {
			c.Issuer = n
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out, issuers, cascade, nil
}

// narrativeOf is what the unit wrote in its latest report on a document
// of the directive's cascade (a unit answers the document that assigned
// it work), nil without one.
func narrativeOf(ctx context.Context, tx *store.Tx, unit org.ID, cascade map[document.ID]bool) (*report.Narrative, error) {
	rs, err := tx.Reports(ctx, store.ReportFilter{Unit: unit})
	if err != nil {
		return nil, err
	}
	for _, r := range rs { // latest period first
		if cascade[r.Directive] {
			n := r.Narrative
			return &n, nil
		}
	}
	return nil, nil
}

func citeOf(d document.Document) export.Directive {
	return export.Directive{Type: d.DocType, NumberSymbol: d.NumberSymbol, Issuer: d.Issuer, Subject: d.Subject, Date: d.IssuedOn()}
}

// topLine is what the youth union prints where the party prints its name
// (reference/formats.md §1.5).
func topLine(f document.Family) string {
	if f == document.Youth {
		return "ĐOÀN TNCS HỒ CHÍ MINH"
	}
	return ""
}

// partyLayout: the party and the youth union print the party's header
// and signing forms; the state, unions and the Front the state's.
func partyLayout(f document.Family) bool { return f == document.Party || f == document.Youth }

// reportNumber is the number line of a report not yet numbered: the
// blank for the number, then the notation in the family's style
// ("Số      -BC/BTGTU", "Số:      /BC-LĐLĐ").
func reportNumber(u org.Unit) string {
	code, _ := document.TypeCode("Báo cáo", u.Family)
	const blank = "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0" // no-break spaces: the number is written in by hand
	if document.NumberingOf(u.Family).Dashed {
		so := "Số" // the party writes no colon; the youth union does ("Số: 367-QĐ/TWĐTN-VP")
		if u.Family == document.Youth {
			so = "Số:"
		}
		return so + blank + "-" + code + "/" + u.Notation
	}
	return "Số:" + blank + "/" + code + "-" + u.Notation
}

// headerLines are the two lines naming the issuer: the body directly
// above (when the unit belongs to it: "TỈNH ỦY LAI CHÂU" over "BAN TUYÊN
// GIÁO") and the unit itself. A committee at the top of its line prints
// its own name alone.
func headerLines(u org.Unit, parents []org.Unit) (superior, issuer string) {
	name := vn.NFC(u.Name)
	upper := func(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }
	for _, p := range parents {
		pn := vn.NFC(p.Name)
		if len(name) > len(pn) && strings.HasSuffix(vn.Fold(name), " "+vn.Fold(pn)) {
			own := strings.TrimSpace(name[:len(name)-len(pn)])
			return upper(pn), upper(own)
		}
	}
	for _, p := range parents {
		if p.Family == u.Family && u.Kind != org.PartyCommittee {
			return upper(p.Name), upper(name)
		}
	}
	return "", upper(name)
}

// capacityOf is the signing capacity a unit's report usually carries,
// with the family's punctuation (T/M for the party, TM. for the others,
// the youth union included).
func capacityOf(u org.Unit) []string {
	tm := "TM. "
	if u.Family == document.Party {
		tm = "T/M "
	}
	switch u.Kind {
	case org.PartyCommittee, org.UnionFederation, org.MassOrg:
		return []string{tm + "BAN THƯỜNG VỤ"}
	case org.PartyCell:
		return []string{tm + "CHI BỘ", "BÍ THƯ"}
	case org.FrontCommittee:
		return []string{tm + "BAN THƯỜNG TRỰC", "CHỦ TỊCH"}
	case org.GrassrootsUnion:
		return []string{tm + "BAN CHẤP HÀNH", "CHỦ TỊCH"}
	case org.PartyBoard:
		return []string{"TRƯỞNG BAN"}
	case org.StateOffice:
		return []string{"TRƯỞNG PHÒNG"}
	case org.MediaCentre:
		return []string{"GIÁM ĐỐC"}
	case org.Press:
		return []string{"TỔNG BIÊN TẬP"}
	}
	return []string{"THỦ TRƯỞNG ĐƠN VỊ"}
}

// copiesOf is the Nơi nhận list: the units the report goes to, then the
// file copy, in the family's words.
func copiesOf(u org.Unit, to []string) []string {
	var out []string
	if partyLayout(u.Family) {
		for _, t := range to {
			out = append(out, t+" (để báo cáo)")
		}
		return append(out, "Lưu Văn phòng")
	}
	if len(to) > 0 {
		out = append(out, "Như kính gửi")
	}
	return append(out, "Lưu: VT, "+u.Notation)
}
