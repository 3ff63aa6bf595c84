package cadence

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("02/01/2006", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestNthUnderTheStateRule(t *testing.T) {
	cases := []struct {
		kind          Kind
		year, index   int
		from, to, due string
		label         string
	}{
		// January's figures start in December of the year before.
		{Monthly, 2023, 1, "15/12/2022", "14/01/2023", "17/01/2023", "Tháng 1/2023"}, // 14/01 is a Saturday
		{Monthly, 2023, 3, "15/02/2023", "14/03/2023", "16/03/2023", "Tháng 3/2023"},
		{Monthly, 2024, 3, "15/02/2024", "14/03/2024", "18/03/2024", "Tháng 3/2024"}, // leap year: February has 29 days
		{Monthly, 2023, 12, "15/11/2023", "14/12/2023", "18/12/2023", "Tháng 12/2023"},
		{Quarterly, 2023, 1, "15/12/2022", "14/03/2023", "16/03/2023", "Quý I/2023"},
		{Quarterly, 2023, 4, "15/09/2023", "14/12/2023", "18/12/2023", "Quý IV/2023"},
		{SixMonth, 2023, 1, "15/12/2022", "14/06/2023", "16/06/2023", "6 tháng đầu năm 2023"},
		{SixMonth, 2023, 2, "15/06/2023", "14/12/2023", "18/12/2023", "6 tháng cuối năm 2023"},
		{Annual, 2023, 1, "15/12/2022", "14/12/2023", "18/12/2023", "Năm 2023"},
	}
	for _, c := range cases {
		p, err := StateRule.Nth(c.kind, c.year, c.index)
		if err != nil {
			t.Fatalf("%s %d/%d: %v", c.kind, c.index, c.year, err)
		}
		if !p.From.Equal(day(c.from)) || !p.To.Equal(day(c.to)) || !p.Due.Equal(day(c.due)) {
			t.Errorf("%s: got %s–%s due %s, want %s–%s due %s", c.label,
				p.From.Format("02/01/2006"), p.To.Format("02/01/2006"), p.Due.Format("02/01/2006"), c.from, c.to, c.due)
		}
		if p.Label() != c.label {
			t.Errorf("label %q, want %q", p.Label(), c.label)
		}
	}
}

func TestCalendarRuleUsesWholeMonths(t *testing.T) {
	r := Rule{CutDay: 1, DueWorkDays: 0}
	p, err := r.Nth(Quarterly, 2024, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !p.From.Equal(day("01/01/2024")) || !p.To.Equal(day("31/03/2024")) || !p.Due.Equal(p.To) {
		t.Errorf("quarter I/2024 under the calendar rule: %v–%v due %v", p.From, p.To, p.Due)
	}
	feb, _ := r.Nth(Monthly, 2024, 2)
	if !feb.To.Equal(day("29/02/2024")) {
		t.Errorf("February 2024 ends %v", feb.To)
	}
}

func TestPeriodsOfAYearTileItWithoutGapOrOverlap(t *testing.T) {
	for _, r := range []Rule{StateRule, {CutDay: 1}, {CutDay: 20, DueWorkDays: 5}} {
		for _, k := range Kinds {
			ps := r.PeriodsIn(2023, k)
			if want := 12 / k.months(); len(ps) != want {
				t.Fatalf("%v %s: %d periods, want %d", r, k, len(ps), want)
			}
			next, _ := r.Nth(k, 2024, 1)
			ps = append(ps, next)
			for i := 1; i < len(ps); i++ {
				if !ps[i].From.Equal(ps[i-1].To.AddDate(0, 0, 1)) {
					t.Errorf("%v %s: %s ends %v but %s starts %v", r, k, ps[i-1].Label(), ps[i-1].To, ps[i].Label(), ps[i].From)
				}
			}
		}
	}
}

func TestContainingAcrossTheYearBoundary(t *testing.T) {
	cases := []struct {
		kind  Kind
		on    string
		label string
	}{
		{Monthly, "20/12/2022", "Tháng 1/2023"}, // after the cut-off, December's days count for January
		{Monthly, "14/12/2022", "Tháng 12/2022"},
		{Quarterly, "31/12/2022", "Quý I/2023"},
		{Annual, "15/12/2022", "Năm 2023"},
		{Annual, "14/12/2022", "Năm 2022"},
		{SixMonth, "15/06/2023", "6 tháng cuối năm 2023"},
	}
	for _, c := range cases {
		p, err := StateRule.Containing(c.kind, day(c.on))
		if err != nil {
			t.Fatal(err)
		}
		if p.Label() != c.label {
			t.Errorf("%s on %s: %s, want %s", c.kind, c.on, p.Label(), c.label)
		}
	}
}

func TestStartingRefusesADayThatOpensNoPeriod(t *testing.T) {
	if _, err := StateRule.Starting(Quarterly, day("15/12/2022")); err != nil {
		t.Errorf("15/12/2022 opens quarter I/2023: %v", err)
	}
	if _, err := StateRule.Starting(Quarterly, day("15/01/2023")); err == nil {
		t.Error("15/01/2023 opens no quarter, yet was accepted")
	}
	if _, err := ParseKind("tuan"); err == nil {
		t.Error("a weekly kind was accepted")
	}
	if err := (Rule{CutDay: 31}).Validate(); err == nil {
		t.Error("a cut-off on the 31st was accepted")
	}
}
