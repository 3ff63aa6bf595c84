package store_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
	"lantoa/internal/task"
)

// TestCoverageMatchesANaiveCount moves random assignments through their
// stages day by day on a random DAG (returns and reports after the
// deadline included), adds assignments that take units back, issues
// documents that put assignments in implementation, reorganises, and
// grows the cascade; every coverage and late list is checked against a
// count made assignment by assignment with task.Assignment.Reached.
func TestCoverageMatchesANaiveCount(t *testing.T) {
	clock := day("2022-06-01")
	now := func() time.Time { return clock }
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := t.Context()
		clock = day("2022-06-01").Add(8 * time.Hour)
		rng := rand.New(rand.NewPCG(5, 21))
		u, codes := dag(t, s)
		// L3 implements G3, which is registered only later: the cascade
		// of D then grows by L3 and its assignments.
		d := docs(t, s, []string{"D"}, []string{"G1", "D"}, []string{"G2", "D"}, []string{"L1", "G1"}, []string{"L2", "G1", "G2"},
			[]string{"E"}, []string{"L3", "G3"}, []string{"G4", "D"})
		names := []string{"D", "G1", "G2", "L1", "L2", "E", "L3"}
		given := map[string]bool{}
		var asgs []task.ID
		give := func(n int) {
			t.Helper()
			for range n {
				dn, unit := names[rng.IntN(len(names))], codes[rng.IntN(len(codes))]
				if given[dn+" "+unit] {
					continue
				}
				given[dn+" "+unit] = true
				a := task.Assignment{Document: d[dn], Assignee: u[unit], Role: []task.Role{task.Lead, task.Lead, task.Support, task.Inform}[rng.IntN(4)]}
				if rng.IntN(6) > 0 {
					a.Due.Date = clock.Truncate(24*time.Hour).AddDate(0, 0, rng.IntN(30))
				}
				err := s.InTx(ctx, func(tx *store.Tx) error {
					var err error
					a, err = tx.CreateAssignment(ctx, a)
					return err
				})
				if err != nil {
					t.Fatalf("assign %s to %s: %v", dn, unit, err)
				}
				asgs = append(asgs, a.ID)
			}
		}
		move := func() {
			t.Helper()
			id := asgs[rng.IntN(len(asgs))]
			err := s.InTx(ctx, func(tx *store.Tx) error {
				a, err := tx.Assignment(ctx, id)
				if err != nil {
					return err
				}
				var next []task.Status
				for _, to := range task.Statuses {
					if task.CanMove(a.Status, to) {
						next = append(next, to)
					}
				}
				if len(next) == 0 {
					return nil
				}
				_, err = tx.Move(ctx, id, next[rng.IntN(len(next))], 0, 0, "")
				return err
			})
			if err != nil {
				t.Fatalf("move %d: %v", id, err)
			}
		}
		issued := 0
		issue := func() {
			t.Helper()
			// A unit issues its own plan for a document of D's cascade
			// that assigned it something not yet in implementation.
			err := s.InTx(ctx, func(tx *store.Tx) error {
				var a task.Assignment
				for _, i := range rng.Perm(len(asgs)) {
					b, err := tx.Assignment(ctx, asgs[i])
					if err != nil {
						return err
					}
					if b.Role != task.Inform && b.ImplementingAt.IsZero() && b.AcceptedAt.IsZero() && b.ReportedAt.IsZero() &&
						b.Document != d["E"] && b.Document != d["L3"] {
						a = b
						break
					}
				}
				if a.ID == 0 {
					return nil // every one is further on
				}
				cited, err := tx.Document(ctx, a.Document)
				if err != nil {
					return err
				}
				issued++
				plan := doc(fmt.Sprintf("%d-KH/DV%d", issued, a.Assignee), "Kế hoạch", clock.Format("2006-01-02"),
					cite(cited.NumberSymbol, "", document.Implements))
				plan.IssuerUnit = int64(a.Assignee)
				_, err = tx.CreateDocument(ctx, plan)
				return err
			})
			if err != nil {
				t.Fatalf("issue a plan: %v", err)
			}
		}
		check := func(stage string, docNames []string, days ...string) {
			t.Helper()
			for _, dn := range docNames {
				for _, uc := range []string{"root", "h0", "h2", "x0"} {
					limit := 50
					if uc == "root" {
						limit = 4 // the page is cut in deadline order
					}
					for _, on := range days {
						var r report.Rollup
						err := s.View(ctx, func(tx *store.Tx) error {
							var err error
							r, err = tx.Rollup(ctx, store.RollupQuery{Directive: d[dn], Unit: u[uc], On: day(on), LateLimit: limit})
							return err
						})
						if err != nil {
							t.Fatal(err)
						}
						want, late := naiveCoverage(t, s, d[dn], u[uc], day(on), limit)
						if r.Coverage != want {
							t.Fatalf("%s: %s at %s on %s: coverage %+v, want %+v", stage, dn, uc, on, r.Coverage, want)
						}
						var got []task.ID
						for _, l := range r.Late {
							got = append(got, l.Assignment.ID)
						}
						if !reflect.DeepEqual(got, late) {
							t.Fatalf("%s: %s at %s on %s: late list %v, want %v", stage, dn, uc, on, got, late)
						}
						for _, c := range r.Children {
							if want, _ := naiveCoverage(t, s, d[dn], c.Unit.ID, day(on), 0); c.Coverage != want {
								t.Fatalf("%s: %s at %s, child %s, on %s: coverage %+v, want %+v", stage, dn, uc, c.Unit.Code, on, c.Coverage, want)
							}
						}
					}
				}
			}
		}
		days := []string{"2022-06-01", "2022-06-12", "2022-06-30", "2022-07-01", "2022-07-16", "2022-07-31", "2022-08-20", "2022-09-30"}
		give(30)
		for i := range 92 {
			clock = day("2022-06-01").AddDate(0, 0, i).Add(time.Duration(7+rng.IntN(10)) * time.Hour)
			for range 1 + rng.IntN(4) {
				move()
			}
			switch i {
			case 14, 40:
				give(12) // units that had reached a stage may fall back
			case 9, 30, 50, 70:
				issue()
				check("plan issued", []string{"D"}, days...)
			case 45:
				// x0 leaves h0 for h2 from today, with a cell already
				// late and never reported that must follow it.
				err := s.InTx(ctx, func(tx *store.Tx) error {
					_, err := tx.CreateAssignment(ctx, task.Assignment{Document: d["G4"], Assignee: u["c0"], Role: task.Lead,
						Due: task.Deadline{Date: day("2022-07-10")}})
					if err != nil {
						return err
					}
					if err := tx.EndLink(ctx, u["h0"], u["x0"], clock.Truncate(24*time.Hour)); err != nil {
						return err
					}
					return tx.AddLink(ctx, org.Link{Parent: u["h2"], Child: u["x0"], Valid: org.Span{From: clock.Truncate(24 * time.Hour)}})
				})
				if err != nil {
					t.Fatal(err)
				}
				check("reorganised", []string{"D", "G1"}, days...)
			case 60:
				docs(t, s, []string{"G3", "D"}) // D's cascade gains L3
				check("cascade grown", []string{"D", "L3"}, days...)
			}
			if i == 20 {
				check("three weeks in", []string{"D", "L2"}, days...)
			}
		}
		check("moved", []string{"D", "G1", "L2", "E"}, days...)
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.RebuildRollups(ctx) }); err != nil {
			t.Fatal(err)
		}
		check("rebuilt", []string{"D", "G2", "L3"}, days...)
	}, store.WithClock(now))
}

// naiveCoverage counts coverage assignment by assignment from the subtree
// and the cascade on the day, with the limit first overdue assignments.
func naiveCoverage(t *testing.T, s *store.Store, d document.ID, u org.ID, on time.Time, limit int) (report.Coverage, []task.ID) {
	t.Helper()
	var c report.Coverage
	var late []task.ID
	err := s.View(t.Context(), func(tx *store.Tx) error {
		inSub, inCascade, err := scope(tx, d, u, on)
		if err != nil {
			return err
		}
		all, err := tx.Assignments(t.Context(), store.AssignmentFilter{})
		c, late = countCoverage(all, inSub, inCascade, on, limit)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return c, late
}

// countCoverage counts the coverage of the units in inSub under the
// documents in inCascade on the day from their assignments, with
// task.Assignment.Reached, and lists the limit first overdue ones.
func countCoverage(all []task.Assignment, inSub map[org.ID]bool, inCascade map[document.ID]bool, on time.Time, limit int) (report.Coverage, []task.ID) {
	var c report.Coverage
	var late []task.Assignment
	byUnit := map[org.ID][]task.Assignment{}
	for _, a := range all {
		if !inCascade[a.Document] || !inSub[a.Assignee] || a.Role == task.Inform || !a.Reached(task.Sent, on) {
			continue
		}
		byUnit[a.Assignee] = append(byUnit[a.Assignee], a)
		if !a.Due.Date.IsZero() && on.After(a.Due.Date) && !a.Reached(task.Reported, on) {
			late = append(late, a)
		}
	}
	c.Assigned, c.Late = len(byUnit), len(late)
	for _, as := range byUnit {
		for st, n := range map[task.Status]*int{task.Received: &c.Received, task.Acknowledged: &c.Acknowledged,
			task.Implementing: &c.Implementing, task.Reported: &c.Reported, task.Accepted: &c.Accepted} {
			all := true
			for _, a := range as {
				all = all && a.Reached(st, on)
			}
			if all {
				*n++
			}
		}
	}
	sort.Slice(late, func(i, j int) bool {
		if !late[i].Due.Date.Equal(late[j].Due.Date) {
			return late[i].Due.Date.Before(late[j].Due.Date)
		}
		return late[i].ID < late[j].ID
	})
	var ids []task.ID
	for _, a := range late[:min(limit, len(late))] {
		ids = append(ids, a.ID)
	}
	return c, ids
}
