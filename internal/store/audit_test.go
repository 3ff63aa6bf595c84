package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

func TestAuditLogAndAccountsAreScopedToUnitsOnADay(t *testing.T) {
	now := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now = time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
		ids := tree(t, s, []string{"a", "b", "c"}, [][2]string{{"a", "b"}, {"a", "c"}})
		accounts := map[string]int64{}
		err := s.InTx(ctx, func(tx *store.Tx) error {
			for _, p := range []struct {
				name, unit string
			}{{"x", "b"}, {"y", "c"}, {"z", "a"}} {
				acc, err := tx.CreateAccount(ctx, org.Account{Username: p.name, Memberships: []org.Membership{{Unit: ids[p.unit], Role: org.Officer}}})
				if err != nil {
					return err
				}
				accounts[p.name] = acc.ID
			}
			if err := tx.AddMembership(ctx, accounts["x"], org.Membership{Unit: ids["c"], Role: org.Clerk}); err != nil {
				return err
			}
			return tx.Audit(ctx, store.AuditEntry{Action: "unit.create", Object: "unit:1"}) // the system's
		})
		if err != nil {
			t.Fatal(err)
		}
		// Each person acts three times, a minute apart, x first.
		for i, action := range []string{"one", "two", "three"} {
			for j, who := range []string{"x", "y", "z"} {
				now = time.Date(2026, 3, 2, 9, i*3+j, 0, 0, time.UTC)
				if err := s.InTx(ctx, func(tx *store.Tx) error {
					return tx.Audit(ctx, store.AuditEntry{Account: accounts[who], Action: action, Remote: "10.0.0.9"})
				}); err != nil {
					t.Fatal(err)
				}
			}
		}
		read := func(sc store.UnitScope, limit, offset int) ([]string, int) {
			var got []string
			var total int
			err := s.View(ctx, func(tx *store.Tx) error {
				lines, n, err := tx.AuditLog(ctx, sc, limit, offset)
				for _, l := range lines {
					got = append(got, l.Username+" "+l.Action+" "+l.At.Format("15:04"))
				}
				total = n
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return got, total
		}
		on := day("2026-03-02")
		if got, total := read(store.UnitScope{Under: []org.ID{ids["b"]}, On: on}, 2, 0); total != 3 || !slices.Equal(got, []string{"x three 09:06", "x two 09:03"}) {
			t.Errorf("first page of b's log: got %v of %d, want x's two newest of 3", got, total)
		}
		if got, _ := read(store.UnitScope{Under: []org.ID{ids["b"]}, On: on}, 2, 2); !slices.Equal(got, []string{"x one 09:00"}) {
			t.Errorf("second page of b's log: got %v, want x's oldest", got)
		}
		if got, total := read(store.UnitScope{All: true}, 100, 0); total != 10 || got[9] != " unit.create 08:00" {
			t.Errorf("whole log: got %v of %d, want 10 ending with the system's entry", got, total)
		}
		if _, total := read(store.UnitScope{On: on}, 100, 0); total != 0 {
			t.Errorf("log of no units: got %d entries, want none", total)
		}
		if _, total := read(store.UnitScope{Under: []org.ID{ids["a"]}, On: day("2019-12-31")}, 100, 0); total != 0 {
			t.Errorf("a's log before its units existed: got %d entries, want none", total)
		}

		usernames := func(sc store.UnitScope) (got []string, roles int) {
			err := s.View(ctx, func(tx *store.Tx) error {
				accs, err := tx.AccountsIn(ctx, sc)
				for _, a := range accs {
					got = append(got, a.Username)
					roles += len(a.Memberships)
					if a.PasswordHash != "" {
						t.Errorf("account %s: got its password hash in a listing", a.Username)
					}
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return got, roles
		}
		if got, roles := usernames(store.UnitScope{Under: []org.ID{ids["c"]}, On: on}); !slices.Equal(got, []string{"x", "y"}) || roles != 3 {
			t.Errorf("accounts of c: got %v with %d roles, want [x y] with all 3 of their roles", got, roles)
		}
		if got, _ := usernames(store.UnitScope{All: true}); !slices.Equal(got, []string{"x", "y", "z"}) {
			t.Errorf("all accounts: got %v, want [x y z]", got)
		}
	}, store.WithClock(func() time.Time { return now }))
}

func TestEndOtherSessionsKeepsOnlyTheOneGiven(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		var me, other int64
		err := s.InTx(ctx, func(tx *store.Tx) error {
			for name, id := range map[string]*int64{"toi": &me, "nguoi.khac": &other} {
				acc, err := tx.CreateAccount(ctx, org.Account{Username: name})
				if err != nil {
					return err
				}
				*id = acc.ID
			}
			exp := tx.Now().Add(time.Hour)
			for _, h := range []string{"me1", "me2", "me3"} {
				if err := tx.CreateSession(ctx, h, me, exp, ""); err != nil {
					return err
				}
			}
			if err := tx.CreateSession(ctx, "other1", other, exp, ""); err != nil {
				return err
			}
			return tx.EndOtherSessions(ctx, me, "me2")
		})
		if err != nil {
			t.Fatal(err)
		}
		for hash, alive := range map[string]bool{"me1": false, "me2": true, "me3": false, "other1": true} {
			err := s.View(ctx, func(tx *store.Tx) error { _, err := tx.SessionAccount(ctx, hash); return err })
			if (err == nil) != alive || (err != nil && problem.KindOf(err) != problem.NotFound) {
				t.Errorf("session %s: got %v, want alive %v", hash, err, alive)
			}
		}
	})
}
