package app

import (
	"context"
	"fmt"
	"slices"
	"time"

	"lantoa/internal/cadence"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/store"
)

// PeriodLine is one period of a unit's reporting calendar and where its
// report stands.
type PeriodLine struct {
	Period  cadence.Period
	Report  report.Report // ID 0: not opened yet
	Started bool          // the period has begun: its report may be opened
	Current bool          // today lies in the period
	Late    bool          // not sent by its due day (today past it), or sent after it
}

// PeriodCalendar is a unit's periodic reports of one reporting year.
type PeriodCalendar struct {
	Unit    org.Unit
	Year    int
	Today   time.Time
	Rule    cadence.Rule
	Lines   []PeriodLine // kind by kind (monthly first), earliest first
	MayOpen bool         // may open (create) the unit's reports
}

// Kind lists the lines of one kind, for the page's sections.
func (c PeriodCalendar) Kind(k cadence.Kind) []PeriodLine {
	var out []PeriodLine
	for _, l := range c.Lines {
		if l.Period.Kind == k {
			out = append(out, l)
		}
	}
	return out
}

// ReportingYear is the reporting year a day falls in (its annual period):
// under the state rule 20/12/2022 is in 2023.
func (s *Service) ReportingYear(ctx context.Context, day time.Time) (int, error) {
	var y int
	err := s.store.View(ctx, func(tx *store.Tx) error {
		rule, err := tx.CadenceRule(ctx)
		if err != nil {
			return err
		}
		p, err := rule.Containing(cadence.Annual, day)
		y = p.Year
		return err
	})
	return y, err
}

// PeriodCalendar lays out a unit's reporting year: every monthly,
// quarterly, six-month and annual period under the rule in force, with
// the report opened for it, if any, and whether it is late.
func (s *Service) PeriodCalendar(ctx context.Context, a Actor, unit org.ID, year int) (PeriodCalendar, error) {
	c := PeriodCalendar{Year: year}
	if year < 2000 || year > 2100 {
		return c, problem.Errorf(problem.Invalid, "Năm %d nằm ngoài lịch báo cáo (2000–2100)", year)
	}
	err := s.store.View(ctx, func(tx *store.Tx) error {
		c.Today = dayOf(tx.Now())
		if err := maySeeUnit(ctx, tx, a, unit, c.Today); err != nil {
			return err
		}
		var err error
		if c.Unit, err = tx.Unit(ctx, unit); err != nil {
			return err
		}
		if c.Rule, err = tx.CadenceRule(ctx); err != nil {
			return err
		}
		c.MayOpen = mayActFor(ctx, tx, a, unit, workRoles, c.Today) == nil
		periods := c.Rule.PeriodsIn(year)
		first, last := periods[0].From, periods[0].From
		for _, p := range periods {
			if p.From.Before(first) {
				first = p.From
			}
			if p.From.After(last) {
				last = p.From
			}
		}
		reports, err := tx.PeriodReports(ctx, unit, first, last)
		if err != nil {
			return err
		}
		for _, p := range periods {
			l := PeriodLine{Period: p, Started: !c.Today.Before(p.From), Current: !c.Today.Before(p.From) && !c.Today.After(p.To)}
			if i := slices.IndexFunc(reports, func(r report.Report) bool {
				return r.PeriodKind == string(p.Kind) && r.Period.From.Equal(p.From)
			}); i >= 0 {
				l.Report = reports[i]
			}
			sent := l.Report.SubmittedAt
			l.Late = sent.IsZero() && c.Today.After(p.Due) || !sent.IsZero() && dayOf(sent).After(p.Due)
			c.Lines = append(c.Lines, l)
		}
		return nil
	})
	return c, err
}

// OpenPeriodReport opens a unit's report of a period: the one already
// opened, or a new draft pre-filled from all the unit's activities in the
// period and the accepted periodic reports of the units below it. Two
// people (on two instances) opening it at once get the same report.
func (s *Service) OpenPeriodReport(ctx context.Context, by Actor, unit org.ID, kind cadence.Kind, from time.Time) (report.Report, error) {
	var r report.Report
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		today := dayOf(tx.Now())
		if err := mayActFor(ctx, tx, by, unit, workRoles, today); err != nil {
			return err
		}
		rule, err := tx.CadenceRule(ctx)
		if err != nil {
			return err
		}
		p, err := rule.Starting(kind, dayOf(from))
		if err != nil {
			return err
		}
		if today.Before(p.From) {
			return problem.Errorf(problem.Invalid, "Kỳ %s chưa bắt đầu (từ ngày %s)", p.Label(), p.From.Format("02/01/2006"))
		}
		if err := tx.Lock(ctx, fmt.Sprintf("period-report:%d:%s", unit, p.Key())); err != nil {
			return err
		}
		r, err = tx.PeriodReport(ctx, unit, kind, p.From)
		if problem.KindOf(err) != problem.NotFound {
			return err
		}
		r = report.Report{Unit: unit, PeriodKind: string(kind), Period: report.Period{From: p.From, To: p.To}, CreatedBy: by.Account}
		if err := s.prefill(ctx, tx, &r); err != nil {
			return err
		}
		if r, err = tx.CreateReport(ctx, r); err != nil {
			return err
		}
		return audit(ctx, tx, by, "report.create", reportObject(r.ID), p.Label())
	})
	return r, err
}

// SetCadenceRule changes how every unit's reporting periods are cut: a
// setting of the whole deployment, so only the administrator of a unit at
// the top of the organisation (or the command line) may change it.
func (s *Service) SetCadenceRule(ctx context.Context, by Actor, rule cadence.Rule) error {
	return s.store.InTx(ctx, func(tx *store.Tx) error {
		if !by.System {
			top := false
			for _, m := range by.Memberships {
				if m.Role != org.Admin {
					continue
				}
				parents, err := tx.Parents(ctx, m.Unit, dayOf(tx.Now()))
				if err != nil {
					return err
				}
				top = top || len(parents) == 0
			}
			if !top {
				return problem.Errorf(problem.Forbidden, "Chỉ quản trị của đơn vị cấp cao nhất mới đổi được lịch báo cáo định kỳ")
			}
		}
		if err := tx.SetCadenceRule(ctx, rule); err != nil {
			return err
		}
		return audit(ctx, tx, by, "cadence.set", "report_cadence", fmt.Sprintf("ngày chốt %d, hạn %d ngày làm việc", rule.CutDay, rule.DueWorkDays))
	})
}
