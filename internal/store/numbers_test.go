package store_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// newUnit stores a unit of a family, valid from 2020.
func newUnit(t *testing.T, s *store.Store, code string, family document.Family) org.Unit {
	t.Helper()
	var u org.Unit
	err := s.InTx(context.Background(), func(tx *store.Tx) error {
		var err error
		u, err = tx.CreateUnit(context.Background(), org.Unit{Code: code, Notation: strings.ToUpper(code), Name: "Đơn vị " + code,
			Kind: org.PartyBoard, Family: family, Valid: org.Span{From: day("2020-01-01")}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestNumbersFromTwoInstancesHaveNoGapAndNoDuplicate(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		instances := []*store.Store{storetest.Open(t, dsn), storetest.Open(t, dsn)}
		const perInstance = 50
		var mu sync.Mutex
		var got []int64
		var wg sync.WaitGroup
		for _, s := range instances {
			for range perInstance {
				wg.Go(func() {
					err := s.InTx(ctx, func(tx *store.Tx) error {
						n, err := tx.NextNumber(ctx, "out/1/2022/*")
						if err == nil {
							mu.Lock()
							got = append(got, n)
							mu.Unlock()
						}
						return err
					})
					if err != nil {
						t.Error(err)
					}
				})
			}
		}
		wg.Wait()
		slices.Sort(got)
		if len(got) != 2*perInstance {
			t.Fatalf("got %d numbers, want %d", len(got), 2*perInstance)
		}
		for i, n := range got {
			if n != int64(i+1) {
				t.Fatalf("numbers sorted = %v…, want 1..%d with no gap or duplicate (position %d is %d)", got[:i+1], 2*perInstance, i, n)
			}
		}
	})
}

func TestRolledBackNumberIsGivenBack(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		take := func(fail bool) int64 {
			var n int64
			err := s.InTx(ctx, func(tx *store.Tx) error {
				var err error
				if n, err = tx.NextNumber(ctx, "out/1/2022/*"); err != nil {
					return err
				}
				if fail {
					return errors.New("the issue failed after the number was taken")
				}
				return nil
			})
			if fail != (err != nil) {
				t.Fatalf("take(fail=%v): err = %v", fail, err)
			}
			return n
		}
		if n := take(false); n != 1 {
			t.Fatalf("first number = %d, want 1", n)
		}
		take(true)
		if n := take(false); n != 2 {
			t.Fatalf("number after a rolled-back issue = %d, want 2 (no gap)", n)
		}
	})
}

func allocate(t *testing.T, s *store.Store, u org.Unit, typ, on string, secret bool) (int64, error) {
	t.Helper()
	var n int64
	err := s.InTx(context.Background(), func(tx *store.Tx) error {
		var err error
		n, err = tx.AllocateNumber(context.Background(), u, typ, day(on), secret)
		return err
	})
	return n, err
}

func TestPartyNumbersRunPerTypeWithinTheTerm(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		btg := newUnit(t, s, "btgtu", document.Party)
		if _, err := allocate(t, s, btg, "Hướng dẫn", "2022-06-22", false); problem.KindOf(err) != problem.Invalid || !strings.Contains(err.Error(), "nhiệm kỳ") {
			t.Fatalf("party number with no term declared: err = %v, want invalid, asking to declare the term", err)
		}
		err := s.InTx(ctx, func(tx *store.Tx) error {
			if err := tx.SetTerm(ctx, org.Term{Unit: btg.ID, Starts: day("2020-10-15"), Ends: day("2025-10-01"), Name: "nhiệm kỳ 2020–2025"}); err != nil {
				return err
			}
			return tx.SetTerm(ctx, org.Term{Unit: btg.ID, Starts: day("2025-10-01"), Ends: day("2030-10-01"), Name: "nhiệm kỳ 2025–2030"})
		})
		if err != nil {
			t.Fatal(err)
		}
		steps := []struct {
			typ, on string
			secret  bool
			want    int64
		}{
			{"Hướng dẫn", "2022-06-22", false, 1},
			{"Hướng dẫn", "2022-06-24", false, 2},
			{"Kế hoạch", "2022-07-01", false, 1},
			{"Hướng dẫn", "2022-08-01", true, 3},  // secret documents share the sequence
			{"Hướng dẫn", "2023-01-05", false, 4}, // a new year does not restart it
			{"Hướng dẫn", "2025-10-02", false, 1}, // a new term does
		}
		for _, st := range steps {
			n, err := allocate(t, s, btg, st.typ, st.on, st.secret)
			if err != nil || n != st.want {
				t.Errorf("%s on %s (secret %v) = %d, %v; want %d", st.typ, st.on, st.secret, n, err, st.want)
			}
		}
	})
}

func TestStateNumbersRunPerYearWithSecretApart(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ubnd := newUnit(t, s, "ubnd", document.State)
		other := newUnit(t, s, "ldld", document.Union)
		steps := []struct {
			unit    org.Unit
			typ, on string
			secret  bool
			want    int64
		}{
			{ubnd, "Quyết định", "2022-03-01", false, 1},
			{ubnd, "Công văn", "2022-03-02", false, 2}, // one sequence for every type
			{ubnd, "Công văn", "2022-03-03", true, 1},  // secret documents apart
			{ubnd, "Công văn", "2022-12-31", false, 3},
			{ubnd, "Công văn", "2023-01-01", false, 1},  // a new year restarts
			{other, "Công văn", "2022-03-04", false, 1}, // each issuer its own
		}
		for _, st := range steps {
			n, err := allocate(t, s, st.unit, st.typ, st.on, st.secret)
			if err != nil || n != st.want {
				t.Errorf("%s: %s on %s (secret %v) = %d, %v; want %d", st.unit.Code, st.typ, st.on, st.secret, n, err, st.want)
			}
		}
	})
}

func TestArrivalNumbersRunPerUnitPerYear(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		a, b := newUnit(t, s, "a", document.Party), newUnit(t, s, "b", document.State)
		var got []int64
		err := s.InTx(ctx, func(tx *store.Tx) error {
			for _, step := range []struct {
				unit org.ID
				on   time.Time
			}{{a.ID, day("2022-07-12")}, {a.ID, day("2022-07-13")}, {b.ID, day("2022-07-13")}, {a.ID, day("2023-01-02")}} {
				n, err := tx.NextArrival(ctx, step.unit, step.on)
				if err != nil {
					return err
				}
				got = append(got, n)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if want := []int64{1, 2, 1, 1}; !slices.Equal(got, want) {
			t.Fatalf("arrival numbers = %v, want %v", got, want)
		}
	})
}
