package store_test

import (
	"context"
	"testing"
	"time"

	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

func TestADigestIsClaimedOncePerPersonAndDay(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		day := time.Date(2022, 12, 20, 0, 0, 0, 0, time.UTC)
		var acc org.Account
		claim := func(who string, on time.Time) bool {
			t.Helper()
			var ok bool
			if err := s.InTx(ctx, func(tx *store.Tx) error {
				var err error
				ok, err = tx.ClaimDigest(ctx, acc.ID, on, who, "an@lantoa.example", 2)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			return ok
		}
		do := func(fn func(tx *store.Tx) error) {
			t.Helper()
			if err := s.InTx(ctx, fn); err != nil {
				t.Fatal(err)
			}
		}
		do(func(tx *store.Tx) error {
			var err error
			acc, err = tx.CreateAccount(ctx, org.Account{Username: "an", Email: " an@lantoa.example "})
			return err
		})
		if !claim("one", day) || claim("two", day) {
			t.Fatal("the day's digest was claimed twice, or not at all")
		}
		// Another pass cannot release what it does not hold.
		do(func(tx *store.Tx) error { return tx.ReleaseDigest(ctx, acc.ID, day, "two") })
		if claim("two", day) {
			t.Fatal("a claim was released by someone else")
		}
		// The holder, failing to send, gives it back.
		do(func(tx *store.Tx) error { return tx.ReleaseDigest(ctx, acc.ID, day, "one") })
		if !claim("two", day) {
			t.Fatal("a released claim could not be taken again")
		}
		do(func(tx *store.Tx) error { return tx.DigestSent(ctx, acc.ID, day, "two") })
		do(func(tx *store.Tx) error { return tx.ReleaseDigest(ctx, acc.ID, day, "two") })
		if claim("three", day) {
			t.Fatal("a sent digest was claimed again")
		}
		if !claim("three", day.AddDate(0, 0, 1)) {
			t.Fatal("the next day's digest could not be claimed")
		}
		var sent int
		s.View(ctx, func(tx *store.Tx) error {
			var err error
			sent, err = tx.DigestsSent(ctx, day)
			return err
		})
		if sent != 1 {
			t.Errorf("%d digests sent on the day, want 1", sent)
		}
	})
}

func TestAccountEmailIsCheckedAndKept(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		err := s.InTx(ctx, func(tx *store.Tx) error {
			acc, err := tx.CreateAccount(ctx, org.Account{Username: "an", Email: "an@lantoa.example"})
			if err != nil {
				return err
			}
			for _, bad := range []string{"an", "an@", "Nguyễn An <an@lantoa.example>", "an@localhost"} {
				if err := tx.SetAccountEmail(ctx, acc.ID, bad); problem.KindOf(err) != problem.Invalid {
					t.Errorf("address %q: %v, want refused", bad, err)
				}
			}
			if err := tx.SetAccountEmail(ctx, acc.ID, "an.nguyen@btgtu.laichau.gov.vn"); err != nil {
				return err
			}
			got, err := tx.AccountByUsername(ctx, "an")
			if err != nil {
				return err
			}
			if got.Email != "an.nguyen@btgtu.laichau.gov.vn" {
				t.Errorf("email %q", got.Email)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
