package app_test

import (
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/cadence"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// A commune's monthly report of January 2023 (15/12/2022–14/01/2023) sums
// its activities of those days, whatever they answered; the district's
// first quarter adds the accepted monthly report once.
func TestPeriodicReportsSumAllWorkOfThePeriod(t *testing.T) {
	now := reportDay("2023-01-16").Add(9 * time.Hour)
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := t.Context()
		w := newReportWorld(t, s)
		w.talk(t, w.collabX1, w.xa1, "2022-12-14", 1, 10, w.plan)  // December's
		w.talk(t, w.collabX1, w.xa1, "2022-12-15", 1, 30, w.other) // January's, on another directive
		w.talk(t, w.collabX1, w.xa1, "2023-01-14", 2, 50, w.plan)  // January's last day
		w.talk(t, w.leadHuyen, w.huyen, "2023-01-05", 1, 100, w.directive)

		jan, err := w.svc.OpenPeriodReport(ctx, w.officerX1, w.xa1, cadence.Monthly, reportDay("2022-12-15"))
		if err != nil {
			t.Fatal(err)
		}
		if v := value(jan, "TTM.luot_nghe"); v.Num != 80 || value(jan, "TTM.buoi").Num != 3 {
			t.Fatalf("January: %v listeners in %v sessions, want 80 in 3", v.Num, value(jan, "TTM.buoi").Num)
		}
		if jan.Directive != 0 || jan.PeriodKind != string(cadence.Monthly) || !jan.Period.To.Equal(reportDay("2023-01-14")) {
			t.Errorf("January report: %+v", jan)
		}
		again, err := w.svc.OpenPeriodReport(ctx, w.officerX1, w.xa1, cadence.Monthly, reportDay("2022-12-15"))
		if err != nil || again.ID != jan.ID {
			t.Fatalf("opening January again gave report %d (%v), want %d", again.ID, err, jan.ID)
		}
		if _, err := w.svc.SubmitReport(ctx, w.officerX1, jan.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.AcceptReport(ctx, w.leadHuyen, jan.ID); err != nil {
			t.Fatalf("the district's leader accepts: %v", err)
		}
		q1, err := w.svc.OpenPeriodReport(ctx, w.leadHuyen, w.huyen, cadence.Quarterly, reportDay("2022-12-15"))
		if err != nil {
			t.Fatal(err)
		}
		if v := value(q1, "TTM.luot_nghe"); v.Num != 180 {
			t.Errorf("quarter I: %v listeners, want 100 of its own and 80 of the commune", v.Num)
		}
	}, store.WithClock(func() time.Time { return now }))
}

func TestPeriodCalendarSaysWhatIsLate(t *testing.T) {
	now := reportDay("2023-01-18").Add(9 * time.Hour)
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := t.Context()
		w := newReportWorld(t, s)
		dec, err := w.svc.OpenPeriodReport(ctx, w.officerX1, w.xa1, cadence.Monthly, reportDay("2022-11-15"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.SubmitReport(ctx, w.officerX1, dec.ID); err != nil { // due 16/12/2022, sent 18/01/2023
			t.Fatal(err)
		}
		year, err := w.svc.ReportingYear(ctx, reportDay("2022-12-20"))
		if err != nil || year != 2023 {
			t.Fatalf("20/12/2022 is in reporting year %d (%v), want 2023", year, err)
		}
		c, err := w.svc.PeriodCalendar(ctx, w.officerX1, w.xa1, 2023)
		if err != nil {
			t.Fatal(err)
		}
		months := c.Kind(cadence.Monthly)
		if len(months) != 12 || len(c.Kind(cadence.Quarterly)) != 4 || len(c.Kind(cadence.SixMonth)) != 2 || len(c.Kind(cadence.Annual)) != 1 {
			t.Fatalf("calendar of %d lines", len(c.Lines))
		}
		jan, feb := months[0], months[1]
		if !jan.Late || jan.Report.ID != 0 || jan.Current || !jan.Started {
			t.Errorf("January (due 17/01/2023, not opened): %+v", jan)
		}
		if !feb.Current || feb.Late {
			t.Errorf("February (current): %+v", feb)
		}
		c22, err := w.svc.PeriodCalendar(ctx, w.officerX1, w.xa1, 2022)
		if err != nil {
			t.Fatal(err)
		}
		late := c22.Kind(cadence.Monthly)[11]
		if late.Report.ID != dec.ID || late.Report.Status != report.Submitted || !late.Late {
			t.Errorf("December 2022, sent a month late: %+v", late)
		}
		if !c.MayOpen {
			t.Error("the commune's officer may not open its reports")
		}
	}, store.WithClock(func() time.Time { return now }))
}

func TestPeriodicReportsAreOpenedOnlyByTheUnitForABegunPeriod(t *testing.T) {
	now := reportDay("2023-01-16").Add(9 * time.Hour)
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := t.Context()
		w := newReportWorld(t, s)
		_, err := w.svc.OpenPeriodReport(ctx, w.officerX2, w.xa1, cadence.Monthly, reportDay("2022-12-15"))
		kindOf(t, err, problem.Forbidden, "another commune's officer opening its report")
		_, err = w.svc.OpenPeriodReport(ctx, w.officerX1, w.xa1, cadence.Monthly, reportDay("2023-01-15"))
		if err != nil {
			t.Errorf("the current month: %v", err)
		}
		_, err = w.svc.OpenPeriodReport(ctx, w.officerX1, w.xa1, cadence.Monthly, reportDay("2023-02-15"))
		kindOf(t, err, problem.Invalid, "a month not begun")
		_, err = w.svc.OpenPeriodReport(ctx, w.officerX1, w.xa1, cadence.Quarterly, reportDay("2023-01-15"))
		kindOf(t, err, problem.Invalid, "a quarter starting mid-quarter")
		_, err = w.svc.PeriodCalendar(ctx, w.officerX2, w.xa1, 2023)
		kindOf(t, err, problem.Forbidden, "another commune's calendar")
		err = w.svc.SetCadenceRule(ctx, w.leadHuyen, cadence.Rule{CutDay: 1})
		kindOf(t, err, problem.Forbidden, "a leader changing the cut-off")
		if err := w.svc.SetCadenceRule(ctx, app.System(), cadence.Rule{CutDay: 1}); err != nil {
			t.Fatal(err)
		}
		c, err := w.svc.PeriodCalendar(ctx, w.officerX1, w.xa1, 2023)
		if err != nil {
			t.Fatal(err)
		}
		if q := c.Kind(cadence.Quarterly)[0].Period; !q.From.Equal(reportDay("2023-01-01")) || !q.To.Equal(reportDay("2023-03-31")) {
			t.Errorf("under the calendar rule quarter I is %v–%v", q.From, q.To)
		}
	}, store.WithClock(func() time.Time { return now }))
}
