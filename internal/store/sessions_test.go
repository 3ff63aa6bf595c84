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

func TestSessionIsSeenByAnotherInstanceUntilItExpiresOrEnds(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		now := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
		clock := func() time.Time { return now }
		a, b := storetest.Open(t, dsn, store.WithClock(clock)), storetest.Open(t, dsn, store.WithClock(clock))
		var acc org.Account
		err := a.InTx(ctx, func(tx *store.Tx) error {
			var err error
			if acc, err = tx.CreateAccount(ctx, org.Account{Username: "vanthu"}); err != nil {
				return err
			}
			if err := tx.CreateSession(ctx, "h1", acc.ID, now.Add(time.Hour), "10.0.0.1"); err != nil {
				return err
			}
			return tx.CreateSession(ctx, "h2", acc.ID, now.Add(time.Hour), "10.0.0.1")
		})
		if err != nil {
			t.Fatal(err)
		}
		account := func(hash string) (int64, error) {
			var id int64
			err := b.View(ctx, func(tx *store.Tx) error {
				var err error
				id, err = tx.SessionAccount(ctx, hash)
				return err
			})
			return id, err
		}
		if got, err := account("h1"); err != nil || got != acc.ID {
			t.Fatalf("session on the second instance: got %d, %v; want %d", got, err, acc.ID)
		}
		if err := b.InTx(ctx, func(tx *store.Tx) error { return tx.DeleteSession(ctx, "h1") }); err != nil {
			t.Fatal(err)
		}
		if _, err := account("h1"); problem.KindOf(err) != problem.NotFound {
			t.Errorf("ended session: got %v, want NotFound", err)
		}
		if got, err := account("h2"); err != nil || got != acc.ID {
			t.Errorf("the other session after one ended: got %d, %v; want %d", got, err, acc.ID)
		}
		now = now.Add(time.Hour)
		if _, err := account("h2"); problem.KindOf(err) != problem.NotFound {
			t.Errorf("session at its expiry: got %v, want NotFound", err)
		}
	})
}

func TestLoginFailuresCountWithinTheWindowAndClear(t *testing.T) {
	now := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		start := now
		record := func() {
			t.Helper()
			if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.RecordLoginFailure(ctx, "vanthu", "10.0.0.1", time.Hour) }); err != nil {
				t.Fatal(err)
			}
			now = now.Add(time.Minute)
		}
		count := func(since time.Time) int {
			t.Helper()
			var n int
			if err := s.View(ctx, func(tx *store.Tx) error {
				var err error
				n, err = tx.LoginFailures(ctx, "vanthu", since)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			return n
		}
		for range 3 {
			record()
		}
		if got := count(start); got != 3 {
			t.Errorf("failures since the first: got %d, want 3", got)
		}
		if got := count(start.Add(90 * time.Second)); got != 1 {
			t.Errorf("failures in the last 90 s: got %d, want 1", got)
		}
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.ClearLoginFailures(ctx, "vanthu") }); err != nil {
			t.Fatal(err)
		}
		if got := count(start); got != 0 {
			t.Errorf("failures after a success: got %d, want 0", got)
		}
	}, store.WithClock(func() time.Time { return now }))
}
