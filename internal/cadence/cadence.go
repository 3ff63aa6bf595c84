// Package cadence is the calendar of periodic reports: monthly, quarterly,
// six-month and annual periods under a cut-off rule, and the day each
// report is due. It is pure: the rule in force is read elsewhere.
//
// The state rule (the default) closes figures on the 14th: the monthly
// report of month M covers 15/(M-1) to 14/M, the first quarter 15/12 to
// 14/3, the first half 15/12 to 14/6, the year 15/12 to 14/12, and a
// report is due two working days after its last day.
package cadence

import (
	"fmt"
	"time"

	"lantoa/internal/problem"
)

// Kind is how long a reporting period is.
type Kind string

const (
	Monthly   Kind = "thang"
	Quarterly Kind = "quy"
	SixMonth  Kind = "6-thang"
	Annual    Kind = "nam"
)

// Kinds lists the kinds, shortest first.
var Kinds = []Kind{Monthly, Quarterly, SixMonth, Annual}

// Label is the kind in the users' words.
func (k Kind) Label() string {
	switch k {
	case Monthly:
		return "Báo cáo tháng"
	case Quarterly:
		return "Báo cáo quý"
	case SixMonth:
		return "Báo cáo 6 tháng"
	case Annual:
		return "Báo cáo năm"
	}
	return string(k)
}

// months is how many months a period of the kind spans.
func (k Kind) months() int {
	switch k {
	case Monthly:
		return 1
	case Quarterly:
		return 3
	case SixMonth:
		return 6
	case Annual:
		return 12
	}
	return 0
}

// ParseKind reads a kind as stored or sent by a form.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", problem.Errorf(problem.Invalid, "Không có loại báo cáo định kỳ %q (tháng, quý, 6 tháng, năm)", s)
}

// Rule is how periods are cut: a period of months starting with month M
// begins on CutDay of month M-1 (or on the 1st of M when CutDay is 1, the
// calendar rule), and its report is due DueWorkDays working days (Monday
// to Friday) after its last day.
type Rule struct {
	CutDay      int
	DueWorkDays int
}

// StateRule is the rule of state reporting: figures from the 15th of the
// previous month to the 14th, due two working days later.
var StateRule = Rule{CutDay: 15, DueWorkDays: 2}

// Validate checks that the rule cuts every month the same way.
func (r Rule) Validate() error {
	if r.CutDay < 1 || r.CutDay > 28 {
		return problem.Errorf(problem.Invalid, "Ngày chốt số liệu phải từ 1 đến 28 (ngày %d không có ở mọi tháng)", r.CutDay)
	}
	if r.DueWorkDays < 0 || r.DueWorkDays > 30 {
		return problem.Errorf(problem.Invalid, "Hạn gửi phải từ 0 đến 30 ngày làm việc sau ngày chốt")
	}
	return nil
}

// Period is one reporting period: the Index-th period of its kind in
// reporting year Year (month 1–12, quarter 1–4, half 1–2, year 1), the
// days it covers, both ends included, and the day its report is due.
type Period struct {
	Kind     Kind
	Year     int
	Index    int
	From, To time.Time
	Due      time.Time
}

// Key names the period for a unit: its kind and first day.
func (p Period) Key() string { return string(p.Kind) + "/" + p.From.Format(time.DateOnly) }

// Label names the period in Vietnamese: "Tháng 3/2023", "Quý I/2023",
// "6 tháng đầu năm 2023", "Năm 2023".
func (p Period) Label() string {
	switch p.Kind {
	case Monthly:
		return fmt.Sprintf("Tháng %d/%d", p.Index, p.Year)
	case Quarterly:
		return fmt.Sprintf("Quý %s/%d", Roman(p.Index), p.Year)
	case SixMonth:
		if p.Index == 1 {
			return fmt.Sprintf("6 tháng đầu năm %d", p.Year)
		}
		return fmt.Sprintf("6 tháng cuối năm %d", p.Year)
	}
	return fmt.Sprintf("Năm %d", p.Year)
}

// Roman is a quarter's number as written: I, II, III, IV.
func Roman(n int) string {
	if n >= 1 && n <= 4 {
		return []string{"I", "II", "III", "IV"}[n-1]
	}
	return fmt.Sprint(n)
}

// Nth is the index-th period of kind k in reporting year year.
func (r Rule) Nth(k Kind, year, index int) (Period, error) {
	n := k.months()
	if n == 0 {
		return Period{}, problem.Errorf(problem.Invalid, "Không có loại báo cáo định kỳ %q", k)
	}
	if index < 1 || index > 12/n {
		return Period{}, problem.Errorf(problem.Invalid, "%s không có kỳ thứ %d", k.Label(), index)
	}
	first := (index-1)*n + 1
	from := r.start(year, first)
	to := r.start(year, first+n).AddDate(0, 0, -1)
	return Period{Kind: k, Year: year, Index: index, From: from, To: to, Due: addWorkDays(to, r.DueWorkDays)}, nil
}

// start is the first day counted for month m of year (m may run past 12).
func (r Rule) start(year, m int) time.Time {
	if r.CutDay <= 1 {
		return time.Date(year, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(year, time.Month(m-1), r.CutDay, 0, 0, 0, 0, time.UTC)
}

// PeriodsIn lists the periods of reporting year year of each kind given
// (all kinds when none), kind by kind in the order given, earliest first.
func (r Rule) PeriodsIn(year int, kinds ...Kind) []Period {
	if len(kinds) == 0 {
		kinds = Kinds
	}
	var out []Period
	for _, k := range kinds {
		for i := 1; i <= 12/max(k.months(), 1); i++ {
			if p, err := r.Nth(k, year, i); err == nil {
				out = append(out, p)
			}
		}
	}
	return out
}

// Containing is the period of kind k whose days include day.
func (r Rule) Containing(k Kind, day time.Time) (Period, error) {
	day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
	for _, y := range []int{day.Year(), day.Year() + 1} {
		for _, p := range r.PeriodsIn(y, k) {
			if !day.Before(p.From) && !day.After(p.To) {
				return p, nil
			}
		}
	}
	return Period{}, problem.Errorf(problem.Invalid, "Không có loại báo cáo định kỳ %q", k)
}

// Starting is the period of kind k that begins on from, if any: what a
// form names a period by.
func (r Rule) Starting(k Kind, from time.Time) (Period, error) {
	p, err := r.Containing(k, from)
	if err != nil {
		return p, err
	}
	if !p.From.Equal(from) {
		return Period{}, problem.Errorf(problem.Invalid, "Không có kỳ %s nào bắt đầu ngày %s", k.Label(), from.Format("02/01/2006"))
	}
	return p, nil
}

// addWorkDays is the day n working days (Monday to Friday) after day.
func addWorkDays(day time.Time, n int) time.Time {
	for n > 0 {
		day = day.AddDate(0, 0, 1)
		if wd := day.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return day
}
