package task

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestStatusMachine(t *testing.T) {
	allowed := [][2]Status{{Sent, Received}, {Received, Acknowledged}, {Acknowledged, Implementing}, {Implementing, Reported},
		{Reported, Accepted}, {Reported, Returned}, {Returned, Reported}, {Sent, Reported}}
	for _, m := range allowed {
		if !CanMove(m[0], m[1]) {
			t.Errorf("%s → %s refused", m[0], m[1])
		}
	}
	refused := [][2]Status{{Accepted, Reported}, {Reported, Acknowledged}, {Sent, Accepted}, {Implementing, Received}, {Accepted, Returned}}
	for _, m := range refused {
		if CanMove(m[0], m[1]) {
			t.Errorf("%s → %s allowed", m[0], m[1])
		}
	}
}

func TestOverdueIsDerivedFromTheDeadlineAndTheDay(t *testing.T) {
	a := Assignment{Role: Lead, Status: Acknowledged, Due: Deadline{Date: day("2022-12-15")}}
	if a.Overdue(day("2022-12-15")) {
		t.Error("late on the deadline day itself")
	}
	if !a.Overdue(day("2022-12-16")) || a.DaysLate(day("2022-12-31")) != 16 {
		t.Errorf("not late after the deadline: %d days", a.DaysLate(day("2022-12-31")))
	}
	a.Status = Reported
	if a.Overdue(day("2023-01-10")) {
		t.Error("a reported assignment is late")
	}
	a.Status = Returned
	if !a.Overdue(day("2023-01-10")) {
		t.Error("a returned report past the deadline is not late")
	}
	words := Assignment{Role: Lead, Status: Sent, Due: Deadline{Text: "trong báo cáo năm 2022"}}
	inform := Assignment{Role: Inform, Status: Sent, Due: Deadline{Date: day("2022-12-15")}}
	if words.Overdue(day("2030-01-01")) || inform.Overdue(day("2030-01-01")) {
		t.Error("a deadline in words, or a 'để biết' assignment, is late")
	}
}

func TestReachedIsCumulativeAndDated(t *testing.T) {
	at := func(s string) time.Time { return day(s).Add(9 * time.Hour) }
	a := Assignment{SentAt: at("2022-06-24"), ReceivedAt: at("2022-06-25"), ReportedAt: at("2022-12-10")}
	cases := []struct {
		stage Status
		on    string
		want  bool
	}{
		{Received, "2022-06-24", false},
		{Received, "2022-06-25", true}, // the end of the day counts
		{Acknowledged, "2022-12-09", false},
		{Acknowledged, "2022-12-10", true}, // reporting implies having read it
		{Implementing, "2022-12-10", true},
		{Accepted, "2022-12-31", false},
	}
	for _, c := range cases {
		if got := a.Reached(c.stage, day(c.on)); got != c.want {
			t.Errorf("Reached(%s, %s) = %v, want %v", c.stage, c.on, got, c.want)
		}
	}
}

func TestRoleOfReadsTheDocumentsWords(t *testing.T) {
	for text, want := range map[string]Role{"chủ trì": Lead, "Phối hợp": Support, "để biết": Inform, "": Lead, "PHỐI HỢP thực hiện": Support} {
		if got := RoleOf(text); got != want {
			t.Errorf("RoleOf(%q) = %s, want %s", text, got, want)
		}
	}
}
