package memo

import (
	"testing"
	"time"
)

func TestValueIsServedOnlyAtItsVersionAndBeforeItsEnd(t *testing.T) {
	var m Memo[string, int]
	now := time.Date(2026, 12, 2, 8, 0, 0, 0, time.UTC)
	m.Put("a", 7, now.Add(time.Hour), 42)
	if v, ok := m.Get("a", 7, now); !ok || v != 42 {
		t.Fatalf("same version: got %d %v, want 42", v, ok)
	}
	if _, ok := m.Get("a", 8, now); ok {
		t.Fatal("a value kept at version 7 was served at version 8")
	}
	if _, ok := m.Get("a", 7, now.Add(time.Hour)); ok {
		t.Fatal("a value was served at the end of its validity")
	}
	if _, ok := m.Get("b", 7, now); ok {
		t.Fatal("an unknown key was served")
	}
}

func TestFullMemoStartsAgainAndStaysBounded(t *testing.T) {
	m := Memo[int, int]{Max: 3}
	for i := range 10 {
		m.Put(i, 1, time.Time{}, i)
		if len(m.entries) > 3 {
			t.Fatalf("after %d puts the memo holds %d values, more than its 3", i+1, len(m.entries))
		}
	}
	if v, ok := m.Get(9, 1, time.Now()); !ok || v != 9 {
		t.Fatalf("the latest value is gone: %d %v", v, ok)
	}
}
