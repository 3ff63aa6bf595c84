// Package memo keeps values computed from the database for as long as the
// database's data version has not moved. Every instance checks the version
// on each use, so what one instance keeps never disagrees with what another
// has written: this is a shortcut, never a second source of truth.
package memo

import (
	"sync"
	"time"
)

// Memo holds at most Max values (the zero value holds 1024). When full it
// starts again empty: cheap, and the values are cheap to compute again.
type Memo[K comparable, V any] struct {
	Max int

	mu      sync.Mutex
	entries map[K]entry[V]
}

type entry[V any] struct {
	version int64
	until   time.Time // zero: no end but the version
	value   V
}

// Get is the value kept for k when it was computed at version and is still
// valid at now.
func (m *Memo[K, V]) Get(k K, version int64, now time.Time) (V, bool) {
	m.mu.Lock()
	e, ok := m.entries[k]
	m.mu.Unlock()
	if !ok || e.version != version || (!e.until.IsZero() && !now.Before(e.until)) {
		var zero V
		return zero, false
	}
	return e.value, true
}

// Put keeps v for k, computed from data read after the version was read,
// and valid until the given moment (zero for as long as the version holds).
func (m *Memo[K, V]) Put(k K, version int64, until time.Time, v V) {
	m.mu.Lock()
	defer m.mu.Unlock()
	max := m.Max
	if max <= 0 {
		max = 1024
	}
	if m.entries == nil || len(m.entries) >= max {
		m.entries = make(map[K]entry[V], max)
	}
	m.entries[k] = entry[V]{version: version, until: until, value: v}
}
