package org

import (
	"sort"
	"time"
)

// Span is a range of days [From, To). A zero From is "since always", a zero
// To is "still valid".
type Span struct {
	From, To time.Time
}

// Always is the span with no start and no end.
var Always = Span{}

func (s Span) valid() bool { return s.To.IsZero() || s.From.IsZero() || s.To.After(s.From) }

// Contains reports whether day d lies in the span.
func (s Span) Contains(d time.Time) bool {
	return !d.Before(s.From) && (s.To.IsZero() || d.Before(s.To))
}

// Intersect is the days both spans share; ok is false when there are none.
func (s Span) Intersect(o Span) (Span, bool) {
	r := Span{From: s.From, To: s.To}
	if o.From.After(r.From) {
		r.From = o.From
	}
	if r.To.IsZero() || (!o.To.IsZero() && o.To.Before(r.To)) {
		r.To = o.To
	}
	return r, r.To.IsZero() || r.To.After(r.From)
}

// Union merges spans into the fewest disjoint ones, in order.
func Union(spans []Span) []Span {
	if len(spans) < 2 {
		return spans
	}
	ss := append([]Span(nil), spans...)
	sort.Slice(ss, func(i, j int) bool { return ss[i].From.Before(ss[j].From) })
	out := ss[:1]
	for _, s := range ss[1:] {
		last := &out[len(out)-1]
		if last.To.IsZero() {
			break // the last span reaches to the end: it covers the rest
		}
		if !s.From.After(last.To) {
			if s.To.IsZero() || s.To.After(last.To) {
				last.To = s.To
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// Reach is, for one unit, the days over which each unit directs it,
// itself included: the closure of the direction graph at one node.
type Reach map[ID][]Span

// Reaching computes the reach of a unit valid over self, from its direction
// links and the reach of each parent: an ancestor directs it over the days
// when some path from that ancestor is valid end to end. Spans of one
// ancestor are merged, so a unit reached by several paths counts once.
func Reaching(id ID, self Span, parents []Link, reachOf func(ID) Reach) Reach {
	r := Reach{id: {self}}
	for _, l := range parents {
		through, ok := l.Valid.Intersect(self)
		if !ok {
			continue
		}
		for anc, spans := range reachOf(l.Parent) {
			for _, s := range spans {
				if x, ok := s.Intersect(through); ok {
					r[anc] = append(r[anc], x)
				}
			}
		}
	}
	for anc, spans := range r {
		r[anc] = Union(spans)
	}
	return r
}
