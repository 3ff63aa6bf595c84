package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// tree builds units and links in one transaction; links are "parent>child"
// pairs of codes valid from 2020.
func tree(t *testing.T, s *store.Store, codes []string, links [][2]string) map[string]org.ID {
	t.Helper()
	ids := map[string]org.ID{}
	err := s.InTx(context.Background(), func(tx *store.Tx) error {
		for _, c := range codes {
			u, err := tx.CreateUnit(context.Background(), org.Unit{Code: c, Notation: c, Name: "Đơn vị " + c,
				Kind: org.PartyBoard, Family: document.Party, Valid: org.Span{From: day("2020-01-01")}})
			if err != nil {
				return err
			}
			ids[c] = u.ID
		}
		for _, l := range links {
			if err := tx.AddLink(context.Background(), org.Link{Parent: ids[l[0]], Child: ids[l[1]], Valid: org.Span{From: day("2020-01-01")}}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func codesOf(ids map[string]org.ID, got []org.ID) []string {
	back := map[org.ID]string{}
	for c, id := range ids {
		back[id] = c
	}
	var out []string
	for _, id := range got {
		out = append(out, back[id])
	}
	return out
}

func subtree(t *testing.T, s *store.Store, ids map[string]org.ID, root string, on string) []string {
	t.Helper()
	var got []org.ID
	err := s.View(context.Background(), func(tx *store.Tx) error {
		var err error
		got, err = tx.Subtree(context.Background(), ids[root], day(on))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return codesOf(ids, got)
}

func TestSubtreeOnADAGCountsEachUnitOnce(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		// The city Front takes guidance from the city propaganda board and
		// belongs to the provincial Front: two paths from the province.
		ids := tree(t, s, []string{"tinh", "btg-tinh", "mttq-tinh", "btg-tp", "mttq-tp", "chibo"},
			[][2]string{{"tinh", "btg-tinh"}, {"tinh", "mttq-tinh"}, {"btg-tinh", "btg-tp"}, {"mttq-tinh", "mttq-tp"}, {"btg-tp", "mttq-tp"}, {"mttq-tp", "chibo"}})
		got := subtree(t, s, ids, "tinh", "2022-06-22")
		want := []string{"tinh", "btg-tinh", "mttq-tinh", "btg-tp", "mttq-tp", "chibo"}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("subtree of tinh = %v, want %v", got, want)
		}
		if got := subtree(t, s, ids, "btg-tp", "2022-06-22"); !reflect.DeepEqual(got, []string{"btg-tp", "mttq-tp", "chibo"}) {
			t.Fatalf("subtree of btg-tp = %v", got)
		}
		var anc []org.ID
		s.View(context.Background(), func(tx *store.Tx) error {
			anc, _ = tx.Ancestors(context.Background(), ids["chibo"], day("2022-06-22"))
			return nil
		})
		if got := codesOf(ids, anc); !reflect.DeepEqual(got, []string{"tinh", "btg-tinh", "mttq-tinh", "btg-tp", "mttq-tp", "chibo"}) {
			t.Fatalf("ancestors of chibo = %v", got)
		}
	})
}

func TestLinkThatMakesACycleIsRefused(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ids := tree(t, s, []string{"a", "b", "c"}, [][2]string{{"a", "b"}, {"b", "c"}})
		err := s.InTx(context.Background(), func(tx *store.Tx) error {
			return tx.AddLink(context.Background(), org.Link{Parent: ids["c"], Child: ids["a"]})
		})
		if problem.KindOf(err) != problem.Invalid {
			t.Fatalf("cycle: err = %v, want invalid", err)
		}
		// Nothing of the refused link was kept.
		if got := subtree(t, s, ids, "c", "2022-01-01"); !reflect.DeepEqual(got, []string{"c"}) {
			t.Fatalf("subtree of c after refused link = %v", got)
		}
	})
}

func TestEndedLinkAndMergeChangeTheTreeFromTheirDate(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ids := tree(t, s, []string{"tinh", "huyen-a", "huyen-b", "xa-1", "xa-2"},
			[][2]string{{"tinh", "huyen-a"}, {"tinh", "huyen-b"}, {"huyen-a", "xa-1"}, {"huyen-b", "xa-2"}})
		ctx := context.Background()
		// 2025: the districts disappear; a merged unit takes their communes.
		err := s.InTx(ctx, func(tx *store.Tx) error {
			merged, err := tx.CreateUnit(ctx, org.Unit{Code: "cum", Notation: "C", Name: "Cụm xã", Kind: org.PartyCommittee,
				Family: document.Party, Valid: org.Span{From: day("2025-07-01")}})
			if err != nil {
				return err
			}
			ids["cum"] = merged.ID
			_, err = tx.Reorganise(ctx, org.Event{Kind: org.Merge, EffectiveOn: day("2025-07-01"), From: []org.ID{ids["huyen-a"], ids["huyen-b"]}, To: []org.ID{merged.ID}})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := subtree(t, s, ids, "tinh", "2022-06-22"); !reflect.DeepEqual(got, []string{"tinh", "huyen-a", "huyen-b", "xa-1", "xa-2"}) {
			t.Fatalf("2022 tree = %v", got)
		}
		if got := subtree(t, s, ids, "tinh", "2025-08-01"); !reflect.DeepEqual(got, []string{"tinh", "xa-1", "xa-2", "cum"}) {
			t.Fatalf("2025 tree = %v", got)
		}
		if got := subtree(t, s, ids, "cum", "2025-08-01"); !reflect.DeepEqual(got, []string{"xa-1", "xa-2", "cum"}) {
			t.Fatalf("merged unit's tree = %v", got)
		}
		var evs []org.Event
		s.View(ctx, func(tx *store.Tx) error { evs, err = tx.Events(ctx, ids["cum"]); return err })
		if len(evs) != 1 || evs[0].Kind != org.Merge || len(evs[0].From) != 2 {
			t.Fatalf("events = %+v", evs)
		}
		// Ending a link takes the commune out of the tree from that day.
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.EndLink(ctx, ids["cum"], ids["xa-2"], day("2026-01-01")) }); err != nil {
			t.Fatal(err)
		}
		if got := subtree(t, s, ids, "tinh", "2026-02-01"); !reflect.DeepEqual(got, []string{"tinh", "xa-1", "cum"}) {
			t.Fatalf("2026 tree = %v", got)
		}
	})
}

func TestUnitCodeIsUniqueAndNamesSortVietnamese(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		err := s.InTx(ctx, func(tx *store.Tx) error {
			for i, n := range []string{"Đoàn Thanh niên", "Ban Dân vận", "Ủy ban MTTQ", "Công đoàn", "Chi bộ Ăn uống"} {
				if _, err := tx.CreateUnit(ctx, org.Unit{Code: string(rune('a' + i)), Name: n, Kind: org.MassOrg, Family: document.Front}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		err = s.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.CreateUnit(ctx, org.Unit{Code: "a", Name: "Trùng", Kind: org.MassOrg, Family: document.Front})
			return err
		})
		if problem.KindOf(err) != problem.Conflict {
			t.Fatalf("duplicate code: %v", err)
		}
		var us []org.Unit
		s.View(ctx, func(tx *store.Tx) error { us, err = tx.Units(ctx, store.UnitFilter{}); return err })
		var names []string
		for _, u := range us {
			names = append(names, u.Name)
		}
		want := []string{"Ban Dân vận", "Chi bộ Ăn uống", "Công đoàn", "Đoàn Thanh niên", "Ủy ban MTTQ"}
		if !reflect.DeepEqual(names, want) {
			t.Fatalf("order = %v, want %v", names, want)
		}
		s.View(ctx, func(tx *store.Tx) error { us, err = tx.Units(ctx, store.UnitFilter{Query: "uy ban"}); return err })
		if len(us) != 1 || us[0].Name != "Ủy ban MTTQ" {
			t.Fatalf("search 'uy ban' = %+v", us)
		}
	})
}
