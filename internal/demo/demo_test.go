package demo_test

import (
	"context"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/demo"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

func TestDemoLoadsOnceAndFollowsTheReorganisation(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		sum, err := demo.Load(ctx, s, "mat-khau-demo-2022")
		if err != nil {
			t.Fatal(err)
		}
		if sum.AlreadyLoaded || sum.Units < 50 || len(sum.Accounts) < 10 {
			t.Fatalf("first load: %+v", sum)
		}
		again, err := demo.Load(ctx, s, "")
		if err != nil || !again.AlreadyLoaded {
			t.Fatalf("second load: %+v, %v", again, err)
		}
		count := func(root string, on string) (n int, has func(string) bool) {
			t.Helper()
			d, _ := time.Parse("2006-01-02", on)
			members := map[int64]bool{}
			err := s.View(ctx, func(tx *store.Tx) error {
				u, err := tx.UnitByCode(ctx, root)
				if err != nil {
					return err
				}
				ids, err := tx.Subtree(ctx, u.ID, d)
				for _, id := range ids {
					members[int64(id)] = true
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return len(members), func(code string) bool {
				var in bool
				s.View(ctx, func(tx *store.Tx) error {
					u, err := tx.UnitByCode(ctx, code)
					in = err == nil && members[int64(u.ID)]
					return nil
				})
				return in
			}
		}
		n2022, in2022 := count("ltu", "2022-06-22")
		n2025, in2025 := count("ltu", "2025-08-01")
		for _, c := range []string{"tp-btg", "mttq-tp", "cb-tdp1", "ldld", "hu-sinho-btg"} {
			if !in2022(c) {
				t.Errorf("2022: %s not under the province", c)
			}
		}
		for _, c := range []string{"tp-thu", "hu-sinho", "ldld-tp", "ltu-btg"} {
			if in2025(c) {
				t.Errorf("2025: closed unit %s still under the province", c)
			}
		}
		for _, c := range []string{"ltu-btgdv", "xu2025-si-lo-lau", "pu2025-tanphong", "cb-tdp1"} {
			if !in2025(c) {
				t.Errorf("2025: %s not under the province", c)
			}
		}
		if n2022 < 45 || n2025 < 40 {
			t.Errorf("subtree sizes 2022 %d, 2025 %d", n2022, n2025)
		}
	})
}

// At the end of the 2022 campaign the province's roll-up of Chỉ thị
// 12-CT/TW counts every demo activity once, shows who received, reported
// and is late, and stays the same after the 2025 reorganisation.
func TestDemoRollupAddsUpEveryActivityOnce(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		sum, err := demo.Load(ctx, s, "mat-khau-demo-2022")
		if err != nil {
			t.Fatal(err)
		}
		svc := app.New(s, nil)
		sys := app.System()
		r, err := svc.Rollup(ctx, sys, sum.Directive, sum.Province, sum.AsOf)
		if err != nil {
			t.Fatal(err)
		}
		acts, err := svc.Activities(ctx, sys, store.ActivityFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(acts) != sum.Activities || len(acts) == 0 {
			t.Fatalf("%d activities stored, summary says %d", len(acts), sum.Activities)
		}
		want := map[string]float64{}
		for _, a := range acts {
			for _, v := range a.Values {
				want[v.Code] += v.Num
			}
		}
		got := map[string]float64{}
		for _, tot := range r.Totals {
			got[tot.Indicator.Code] = tot.Num
		}
		for _, code := range []string{"TTM.buoi", "TTM.luot_nghe", "SHCB.dang_vien", "TQ.khau_hieu", "MXH.luot_xem", "BC.tin_bai"} {
			if got[code] != want[code] || want[code] == 0 {
				t.Errorf("%s: roll-up %v, activities add up to %v", code, got[code], want[code])
			}
		}
		c := r.Coverage
		if c.Assigned != sum.Assignments || c.Received != c.Assigned || c.Reported >= c.Assigned || c.Late == 0 {
			t.Errorf("coverage %+v with %d assignments", c, sum.Assignments)
		}
		if len(r.Late) != c.Late {
			t.Errorf("late list has %d, coverage says %d", len(r.Late), c.Late)
		}
		late := map[string]bool{}
		for _, l := range r.Late {
			late[l.Unit.Code] = true
		}
		for _, code := range []string{"hu-muongte-btg", "hu-namnhun-btg", "phong-vhtt", "chihoi-vhnt-tp"} {
			if !late[code] {
				t.Errorf("%s missing from the late list %v", code, late)
			}
		}
	})
}

func TestDemoRefusesADatabaseWithOtherData(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		svc := app.New(s, nil)
		if _, err := svc.CreateUnit(ctx, app.System(), org.Unit{Code: "that", Name: "Tỉnh ủy Thái Bình", Kind: org.PartyCommittee, Family: document.Party}); err != nil {
			t.Fatal(err)
		}
		if _, err := demo.Load(ctx, s, "mat-khau-demo-2022"); problem.KindOf(err) != problem.Conflict {
			t.Fatalf("demo into a database with other data: %v", err)
		}
		if us, _ := svc.Units(ctx, store.UnitFilter{}); len(us) != 1 {
			t.Fatalf("the refused demo left %d units", len(us))
		}
	})
}
