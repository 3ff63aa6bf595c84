package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
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

// Callers asking at once share readings of the version, but one that asks
// after a write has committed never gets a reading from before it.
func TestSharedVersionReadingsAreNeverOlderThanTheQuestion(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		readers, writer := storetest.Open(t, dsn), storetest.Open(t, dsn)
		stop := make(chan struct{})
		var busy sync.WaitGroup
		for range 8 { // keep readings in flight all the time
			busy.Add(1)
			go func() {
				defer busy.Done()
				for {
					select {
					case <-stop:
						return
					default:
						readers.Version(ctx)
					}
				}
			}()
		}
		defer func() { close(stop); busy.Wait() }()
		for i := range 20 {
			if err := writer.InTx(ctx, func(tx *store.Tx) error {
				_, err := tx.CreateAccount(ctx, org.Account{Username: fmt.Sprintf("can-bo-%d", i)})
				return err
			}); err != nil {
				t.Fatal(err)
			}
			committed, err := writer.Version(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var asked sync.WaitGroup
			for range 8 {
				asked.Add(1)
				go func() {
					defer asked.Done()
					if v, err := readers.Version(ctx); err != nil || v < committed {
						t.Errorf("write %d: a reading asked for after the commit gave %d (%v), the commit made %d", i, v, err, committed)
					}
				}()
			}
			asked.Wait()
		}
	})
}
