package store_test

import (
	"context"
	"errors"
	"testing"

	"lantoa/internal/org"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// What one instance keeps under a data version is dropped as soon as
// another instance commits a write; reads and rolled-back writes keep it.
func TestDataVersionMovesOnEveryCommittedWriteOfAnyInstance(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		a, b := storetest.Open(t, dsn), storetest.Open(t, dsn)
		version := func(s *store.Store) int64 {
			t.Helper()
			v, err := s.Version(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		v0 := version(a)
		if err := a.View(ctx, func(tx *store.Tx) error { _, err := tx.Units(ctx, store.UnitFilter{}); return err }); err != nil {
			t.Fatal(err)
		}
		failed := errors.New("refused")
		if err := b.InTx(ctx, func(tx *store.Tx) error {
			if _, err := tx.CreateAccount(ctx, org.Account{Username: "bo-qua"}); err != nil {
				return err
			}
			return failed
		}); !errors.Is(err, failed) {
			t.Fatalf("rolled-back write: %v", err)
		}
		if v := version(a); v != v0 {
			t.Fatalf("a read and a rolled-back write moved the version from %d to %d", v0, v)
		}
		if err := b.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.CreateAccount(ctx, org.Account{Username: "vanthu"})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if v := version(a); v <= v0 {
			t.Fatalf("a write committed by another instance left the version at %d (was %d)", v, v0)
		}
	})
}
