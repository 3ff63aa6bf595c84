package demo_test

import (
	"context"
	"testing"
	"time"

	"lantoa/internal/demo"
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
