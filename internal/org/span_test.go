package org

import (
	"reflect"
	"testing"
	"time"
)

func d(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestSpanContainsAndIntersect(t *testing.T) {
	s := Span{From: d("2022-01-01"), To: d("2025-07-01")}
	for day, want := range map[string]bool{"2021-12-31": false, "2022-01-01": true, "2025-06-30": true, "2025-07-01": false} {
		if got := s.Contains(d(day)); got != want {
			t.Errorf("Contains(%s) = %v, want %v", day, got, want)
		}
	}
	if !Always.Contains(d("1990-01-01")) || !Always.Contains(d("2099-01-01")) {
		t.Error("Always does not contain every day")
	}
	got, ok := s.Intersect(Span{From: d("2024-01-01")})
	if !ok || got != (Span{From: d("2024-01-01"), To: d("2025-07-01")}) {
		t.Errorf("intersect = %v %v", got, ok)
	}
	if _, ok := s.Intersect(Span{From: d("2025-07-01")}); ok {
		t.Error("spans that only touch share a day")
	}
}

func TestUnionMergesOverlappingAndTouchingSpans(t *testing.T) {
	got := Union([]Span{
		{From: d("2023-01-01"), To: d("2024-01-01")},
		{From: d("2020-01-01"), To: d("2021-01-01")},
		{From: d("2021-01-01"), To: d("2022-01-01")}, // touches the one before
		{From: d("2023-06-01"), To: d("2023-07-01")}, // inside
	})
	want := []Span{{From: d("2020-01-01"), To: d("2022-01-01")}, {From: d("2023-01-01"), To: d("2024-01-01")}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Union = %v, want %v", got, want)
	}
	open := Union([]Span{{From: d("2020-01-01")}, {From: d("2021-01-01"), To: d("2022-01-01")}})
	if !reflect.DeepEqual(open, []Span{{From: d("2020-01-01")}}) {
		t.Fatalf("open span does not swallow the rest: %v", open)
	}
}

func TestReachingCountsAnAncestorOnceOverEveryPath(t *testing.T) {
	// province → district → commune, and province → board → commune from
	// 2023; the district link ends in 2025.
	reach := map[ID]Reach{
		1: {1: {Always}},
		2: {2: {Always}, 1: {Always}},
		3: {3: {{From: d("2023-01-01")}}, 1: {{From: d("2023-01-01")}}},
	}
	got := Reaching(4, Span{From: d("2020-01-01")}, []Link{
		{Parent: 2, Child: 4, Valid: Span{To: d("2025-07-01")}},
		{Parent: 3, Child: 4, Valid: Always},
	}, func(id ID) Reach { return reach[id] })
	want := Reach{
		4: {{From: d("2020-01-01")}},
		2: {{From: d("2020-01-01"), To: d("2025-07-01")}},
		3: {{From: d("2023-01-01")}},
		1: {{From: d("2020-01-01")}}, // both paths, merged into one span
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Reaching = %v, want %v", got, want)
	}
}

func TestEventShapes(t *testing.T) {
	on := d("2025-07-01")
	ok := []Event{
		{Kind: Merge, EffectiveOn: on, From: []ID{1, 2}, To: []ID{3}},
		{Kind: Split, EffectiveOn: on, From: []ID{1}, To: []ID{2, 3}},
		{Kind: Rename, EffectiveOn: on, From: []ID{1}, To: []ID{2}},
		{Kind: Close, EffectiveOn: on, From: []ID{1, 2}},
	}
	for _, e := range ok {
		if err := e.Validate(); err != nil {
			t.Errorf("%s: %v", e.Kind, err)
		}
	}
	bad := []Event{
		{Kind: Merge, EffectiveOn: on, From: []ID{1}, To: []ID{3}},
		{Kind: Split, EffectiveOn: on, From: []ID{1}, To: []ID{2}},
		{Kind: Close, EffectiveOn: on, From: []ID{1}, To: []ID{2}},
		{Kind: Rename, From: []ID{1}, To: []ID{2}},
		{Kind: "move", EffectiveOn: on, From: []ID{1}, To: []ID{2}},
	}
	for _, e := range bad {
		if e.Validate() == nil {
			t.Errorf("%+v accepted", e)
		}
	}
}
