package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
	"lantoa/internal/task"
	"lantoa/internal/vn"
)

// BenchmarkRollup measures a directive's roll-up at the root of a
// province-size organisation and at one district (a drill-down), on each
// engine:
//
//	LANTOA_TEST_POSTGRES='postgres://postgres@127.0.0.1:5432/test?sslmode=disable' \
//	  go test ./internal/store -run '^$' -bench Rollup -benchtime 200x
//
// The data (5,000 units, 20,000 assignments over a three-level cascade,
// 200,000 activities) is loaded once per engine in multi-row statements,
// then the sums are rebuilt in SQL; each iteration is a fresh read
// transaction computing the whole roll-up, as a request would.
func BenchmarkRollup(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchRollup(b, filepath.Join(b.TempDir(), "lantoa.db")) })
	b.Run("postgres", func(b *testing.B) { benchRollup(b, storetest.PostgresDSN(b)) })
}

func benchRollup(b *testing.B, dsn string) {
	s := storetest.Open(b, dsn)
	p := loadProvince(b, s)
	on := day("2022-12-15")
	for _, c := range []struct {
		name string
		unit org.ID
	}{{"root", p.root}, {"district", p.district}} {
		b.Run(c.name, func(b *testing.B) {
			var r report.Rollup
			for b.Loop() {
				err := s.View(b.Context(), func(tx *store.Tx) error {
					var err error
					r, err = tx.Rollup(b.Context(), store.RollupQuery{Directive: p.directive, Unit: c.unit, On: on})
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			if len(r.Totals) == 0 || r.Coverage.Assigned == 0 || len(r.Children) == 0 {
				b.Fatalf("empty roll-up: %d totals, %+v, %d children", len(r.Totals), r.Coverage, len(r.Children))
			}
		})
	}
}

type province struct {
	root, district org.ID
	directive      document.ID
}

// loadProvince generates the organisation of a province: a province
// committee, 10 districts, 400 communes, 4,589 cells and grassroots
// unions (some directed by their commune and their district as well, a
// few communes shared by two districts); a directive, 30 district
// documents implementing it, 400 commune plans implementing those, and
// their 19,966 assignments at every stage, mostly lead, some support or
// "để biết", due in September to November; 200,000 activities over six
// months with two or three figures each, some answering two documents.
func loadProvince(b testing.TB, s *store.Store) province {
	b.Helper()
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(2022, 12))
	start := time.Now()
	const from, open = "2020-01-01", "9999-12-31"
	created := "2022-01-01T00:00:00.000000Z"

	var units, links [][]any
	parents := map[int64][]int64{}
	unit := func(id int64, name string, kind org.Kind) {
		units = append(units, []any{id, fmt.Sprintf("u%d", id), fmt.Sprintf("U%d", id), name, vn.Fold(name), vn.SortKey(name),
			string(kind), "party", from, open, created})
	}
	link := func(parent, child int64) {
		links = append(links, []any{parent, child, from, open})
		parents[child] = append(parents[child], parent)
	}
	var id int64 = 1
	root := id
	unit(root, "Tỉnh ủy", org.PartyCommittee)
	var districts []int64
	communes := map[int64][]int64{} // by district
	cells := map[int64][]int64{}    // by commune
	for d := range 10 {
		id++
		districts = append(districts, id)
		unit(id, fmt.Sprintf("Huyện ủy %d", d+1), org.PartyCommittee)
		link(root, id)
	}
	for c := range 400 {
		id++
		d := districts[c%10]
		communes[d] = append(communes[d], id)
		unit(id, fmt.Sprintf("Đảng ủy xã %d", c+1), org.PartyCommittee)
		link(d, id)
		if c%50 == 0 {
			link(districts[(c+1)%10], id) // on a district border: two districts direct it
		}
	}
	var allCommunes []int64
	for _, d := range districts {
		allCommunes = append(allCommunes, communes[d]...)
	}
	for c := range 4589 {
		id++
		x := allCommunes[c%400]
		cells[x] = append(cells[x], id)
		unit(id, fmt.Sprintf("Chi bộ %d", c+1), org.PartyCell)
		link(x, id)
		if c%20 == 0 {
			link(parents[x][0], id) // a grassroots union the district's federation also directs
		}
	}
	// The closure: every unit with itself and every ancestor, once.
	var closure [][]any
	ancestors := map[int64]map[int64]bool{}
	var anc func(u int64) map[int64]bool
	anc = func(u int64) map[int64]bool {
		if a, ok := ancestors[u]; ok {
			return a
		}
		a := map[int64]bool{u: true}
		for _, p := range parents[u] {
			for x := range anc(p) {
				a[x] = true
			}
		}
		ancestors[u] = a
		return a
	}
	for u := int64(1); u <= id; u++ {
		for a := range anc(u) {
			closure = append(closure, []any{a, u, from, open})
		}
	}

	// Documents: the directive, three documents per district, one plan per commune.
	var docs, dclosure, asgs [][]any
	var docID int64
	newDoc := func(ns string, issuer int64, cites ...int64) int64 {
		docID++
		docs = append(docs, []any{docID, ns, document.RefKey(ns), issuer, "2022-07-01", "Kế hoạch " + ns, "issued", created, created})
		up := map[int64]bool{docID: true}
		for _, c := range cites {
			for _, r := range dclosure {
				if r[1] == c {
					up[r[0].(int64)] = true
				}
			}
		}
		for a := range up {
			dclosure = append(dclosure, []any{a, docID})
		}
		return docID
	}
	stage := func() []any {
		// sent, received, acknowledged, implementing, reported, accepted: each stage reached by fewer units.
		times := []any{"2022-07-05T08:00:00.000000Z", nil, nil, nil, nil, nil}
		day := 6
		for i := 1; i < len(times) && rng.IntN(10) < 8; i++ {
			day += 1 + rng.IntN(25)
			times[i] = fmt.Sprintf("2022-%02d-%02dT09:00:00.000000Z", 7+day/30, 1+day%28)
		}
		return times
	}
	status := []string{"sent", "received", "acknowledged", "implementing", "reported", "accepted"}
	roles := []task.Role{task.Lead, task.Lead, task.Lead, task.Lead, task.Lead, task.Lead, task.Support, task.Support, task.Support, task.Inform}
	var all []task.Assignment // what the roll-up is checked against
	assign := func(doc, unit int64) {
		t := stage()
		n := 0
		for n+1 < len(t) && t[n+1] != nil {
			n++
		}
		due := fmt.Sprintf("2022-%02d-%02d", 9+rng.IntN(3), 1+rng.IntN(28))
		role := roles[rng.IntN(len(roles))]
		id := int64(len(asgs) + 1)
		asgs = append(asgs, append([]any{id, doc, unit, string(role), due, status[n], created, created}, t...))
		a := task.Assignment{ID: task.ID(id), Document: document.ID(doc), Assignee: org.ID(unit), Role: role, Due: task.Deadline{Date: day(due)}}
		for i, at := range []*time.Time{&a.SentAt, &a.ReceivedAt, &a.AcknowledgedAt, &a.ImplementingAt, &a.ReportedAt, &a.AcceptedAt} {
			if t[i] != nil {
				*at, _ = time.Parse("2006-01-02T15:04:05.000000Z", t[i].(string))
			}
		}
		all = append(all, a)
	}
	directive := newDoc("12-CT/TU", root)
	for _, d := range districts {
		assign(directive, d)
		for _, x := range communes[d] {
			assign(directive, x)
		}
	}
	districtDocs := map[int64][]int64{}
	communePlan := map[int64]int64{}
	for i, d := range districts {
		for k := range 3 {
			dd := newDoc(fmt.Sprintf("%d-HD/HU%d", k+1, i+1), d, directive)
			districtDocs[d] = append(districtDocs[d], dd)
			for _, x := range communes[d] {
				assign(dd, x)
				for _, c := range cells[x] {
					assign(dd, c)
				}
			}
		}
		for j, x := range communes[d] {
			plan := newDoc(fmt.Sprintf("%d-KH/ĐU%d", j+1, x), x, districtDocs[d][j%3])
			communePlan[x] = plan
			for _, c := range cells[x] {
				assign(plan, c)
			}
		}
	}
	districtOf := map[int64]int64{}
	for _, d := range districts {
		for _, x := range communes[d] {
			districtOf[x] = d
			for _, c := range cells[x] {
				districtOf[c] = d
			}
		}
	}

	// Activities: most by cells, answering their commune's plan; some by
	// communes and districts; one in ten also answers the directive itself.
	numeric := map[string][]report.Indicator{}
	var forms []string
	for _, ind := range report.Catalogue().Indicators {
		if ind.Kind != report.Text {
			if numeric[ind.Form] == nil {
				forms = append(forms, ind.Form)
			}
			numeric[ind.Form] = append(numeric[ind.Form], ind)
		}
	}
	var acts, vals, targets [][]any
	activities := make([]report.Activity, 0, 200_000) // what the roll-up is checked against
	allCells := make([]int64, 0, 4589)
	for _, x := range allCommunes {
		allCells = append(allCells, cells[x]...)
	}
	for a := int64(1); a <= 200_000; a++ {
		var u, target int64
		switch k := rng.IntN(100); {
		case k < 80:
			u = allCells[rng.IntN(len(allCells))]
			target = communePlan[parents[u][0]]
		case k < 97:
			u = allCommunes[rng.IntN(len(allCommunes))]
			target = districtDocs[districtOf[u]][rng.IntN(3)]
		default:
			u = districts[rng.IntN(len(districts))]
			target = directive
		}
		f := forms[rng.IntN(len(forms))]
		on := time.Date(2022, 7, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(184)).Format("2006-01-02")
		acts = append(acts, []any{a, u, f, on, on, "Hoạt động " + f, created})
		act := report.Activity{Unit: org.ID(u), Ended: day(on), Targets: []report.Target{{Document: document.ID(target)}}}
		is := numeric[f]
		for _, i := range rng.Perm(len(is))[:min(len(is), 2+rng.IntN(2))] {
			v := []any{a, is[i].Code, float64(1 + rng.IntN(100)), 0.0}
			switch {
			case is[i].Aggregation == report.Distinct:
				v[2] = 1.0
			case is[i].Kind == report.Ratio:
				v[3] = v[2].(float64) + float64(rng.IntN(20))
			}
			vals = append(vals, v)
			act.Values = append(act.Values, report.Value{Code: is[i].Code, Num: v[2].(float64), Den: v[3].(float64)})
		}
		targets = append(targets, []any{a, target})
		if target != directive && rng.IntN(10) == 0 {
			targets = append(targets, []any{a, directive})
			act.Targets = append(act.Targets, report.Target{Document: document.ID(directive)})
		}
		activities = append(activities, act)
	}
	generated := time.Since(start)

	err := s.InTx(ctx, func(tx *store.Tx) error {
		for _, t := range []struct {
			table, cols string
			rows        [][]any
		}{
			{"units", "id, code, notation, name, name_key, sort_key, kind, family, valid_from, valid_to, created_at", units},
			{"unit_links", "parent_id, child_id, valid_from, valid_to", links},
			{"unit_closure", "ancestor_id, descendant_id, valid_from, valid_to", closure},
			{"documents", "id, number_symbol, ref_key, issuer_unit_id, issued_on, subject, status, created_at, updated_at", docs},
			{"doc_closure", "ancestor_id, descendant_id", dclosure},
			{"assignments", "id, document_id, assignee_id, role, due_on, status, created_at, updated_at, sent_at, received_at, acknowledged_at, implementing_at, reported_at, accepted_at", asgs},
			{"activities", "id, unit_id, form, started_on, ended_on, title, created_at", acts},
			{"activity_values", "activity_id, indicator_code, num, den", vals},
			{"activity_targets", "activity_id, document_id", targets},
		} {
			if err := tx.BulkInsert(ctx, t.table, t.cols, len(t.rows[0]), t.rows); err != nil {
				return fmt.Errorf("%s: %w", t.table, err)
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	loaded := time.Since(start)
	if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.RebuildRollups(ctx) }); err != nil {
		b.Fatal(err)
	}
	rebuilt := time.Since(start)
	if err := s.InTx(ctx, func(tx *store.Tx) error { _, err := tx.ExecContext(ctx, `ANALYZE`); return err }); err != nil {
		b.Fatal(err)
	}
	var sums int
	s.View(ctx, func(tx *store.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM rollup_sums`).Scan(&sums)
	})
	b.Logf("%s: %d units, %d closure rows, %d documents, %d assignments, %d activities, %d values, %d targets, %d sum rows; generated in %v, loaded in %v, sums rebuilt in %v",
		s.Engine(), len(units), len(closure), len(docs), len(asgs), len(acts), len(vals), len(targets), sums,
		generated.Round(time.Millisecond), (loaded - generated).Round(time.Millisecond), (rebuilt - loaded).Round(time.Millisecond))

	// The rebuilt sums must say what the data says: check the roll-ups
	// measured (and a day in another month) against a count made activity
	// by activity and assignment by assignment.
	inCascade := map[document.ID]bool{}
	for _, d := range docs {
		inCascade[document.ID(d[0].(int64))] = true
	}
	under := func(u org.ID) map[org.ID]bool {
		sub := map[org.ID]bool{}
		for v, as := range ancestors {
			if as[int64(u)] {
				sub[org.ID(v)] = true
			}
		}
		return sub
	}
	p := province{root: org.ID(root), district: org.ID(districts[0]), directive: document.ID(directive)}
	for _, u := range []org.ID{p.root, p.district} {
		for _, on := range []time.Time{day("2022-12-15"), day("2022-10-31")} {
			var r report.Rollup
			err := s.View(ctx, func(tx *store.Tx) error {
				var err error
				r, err = tx.Rollup(ctx, store.RollupQuery{Directive: p.directive, Unit: u, On: on})
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
			for _, part := range append([]report.Part{r.Part}, r.Children...) {
				sub := under(part.Unit.ID)
				if got, want := figures(part.Totals), countFigures(activities, sub, inCascade, on); !reflect.DeepEqual(got, want) {
					b.Fatalf("totals of %s on %s: got %v, want %v", part.Unit.Name, on.Format("02/01/2006"), got, want)
				}
				want, late := countCoverage(all, sub, inCascade, on, 100)
				if part.Coverage != want {
					b.Fatalf("coverage of %s on %s: got %+v, want %+v", part.Unit.Name, on.Format("02/01/2006"), part.Coverage, want)
				}
				if part.Unit.ID != u {
					continue
				}
				var got []task.ID
				for _, l := range r.Late {
					got = append(got, l.Assignment.ID)
				}
				if !reflect.DeepEqual(got, late) {
					b.Fatalf("late list of %s on %s: got %v, want %v", part.Unit.Name, on.Format("02/01/2006"), got, late)
				}
			}
		}
	}
	return p
}
