package report

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/task"
)

// Total is an indicator's figure added over activities or reports: the
// sum of numerators and of denominators (never of percentages), and how
// many values (or, for a distinct-units indicator, units) went into it.
type Total struct {
	Indicator Indicator
	Num, Den  float64
	N         int64
}

// Add adds another figure of the same indicator.
func (t *Total) Add(num, den float64, n int64) {
	t.Num += num
	t.Den += den
	t.N += n
}

// Percent is Num of Den in per cent; ok is false without a denominator.
func (t Total) Percent() (p float64, ok bool) { return Percent(t.Num, t.Den) }

// Percent is num of den in per cent, computed when shown; ok is false
// when den is zero.
func Percent(num, den float64) (p float64, ok bool) {
	if den == 0 {
		return 0, false
	}
	return num / den * 100, true
}

// Totals adds figures by indicator code.
type Totals map[string]*Total

// Add adds a figure of an indicator.
func (ts Totals) Add(ind Indicator, num, den float64, n int64) {
	t := ts[ind.Code]
	if t == nil {
		t = &Total{Indicator: ind}
		ts[ind.Code] = t
	}
	t.Add(num, den, n)
}

// List is the totals in catalogue order, then by code.
func (ts Totals) List() []Total {
	out := make([]Total, 0, len(ts))
	for _, t := range ts {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].Indicator, out[j].Indicator
		if a.Ordinal != b.Ordinal {
			return a.Ordinal < b.Ordinal
		}
		return a.Code < b.Code
	})
	return out
}

// Coverage counts distinct units with work assigned under a directive's
// cascade (lead or support: "để biết" asks nothing) and how many of them
// had reached each stage on the day: a unit has reached a stage when all
// its assignments have. Late counts assignments overdue that day.
type Coverage struct {
	Assigned     int
	Received     int
	Acknowledged int
	Implementing int
	Reported     int
	Accepted     int
	Late         int
}

// Of is the number of units at stage s, of those assigned.
func (c Coverage) Of(s task.Status) (x, y int) {
	switch s {
	case task.Received:
		x = c.Received
	case task.Acknowledged:
		x = c.Acknowledged
	case task.Implementing:
		x = c.Implementing
	case task.Reported:
		x = c.Reported
	case task.Accepted:
		x = c.Accepted
	case task.Sent:
		x = c.Assigned
	}
	return x, c.Assigned
}

// Late is an assignment overdue on the roll-up's day.
type Late struct {
	Assignment task.Assignment
	Unit       org.Unit
	DaysLate   int
}

// Part is the roll-up of one unit: its subtree's totals and coverage.
type Part struct {
	Unit     org.Unit
	Totals   []Total
	Coverage Coverage
}

// Rollup is a directive's results at a unit on a day: totals over the
// unit's subtree, coverage, the late list, and the same per direct child.
type Rollup struct {
	Directive document.ID
	On        time.Time
	Part
	Late     []Late // most overdue first, at most the limit asked for; Coverage.Late counts them all
	Children []Part // in Vietnamese name order
}

// FormatNumber writes a figure as Vietnamese readers do: "." between
// thousands, "," before decimals, at most two decimals.
func FormatNumber(x float64) string {
	neg := x < 0
	x = math.Round(math.Abs(x)*100) / 100
	whole, frac := math.Modf(x)
	digits := strconv.FormatFloat(whole, 'f', 0, 64)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if cents := int(math.Round(frac * 100)); cents > 0 {
		s := strconv.Itoa(cents + 100)[1:]
		b.WriteString("," + strings.TrimRight(s, "0"))
	}
	return b.String()
}

// FormatPercent writes num of den as a percentage, "—" without a
// denominator: "87,5%".
func FormatPercent(num, den float64) string {
	p, ok := Percent(num, den)
	if !ok {
		return "—"
	}
	return FormatNumber(p) + "%"
}
