package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/task"
	"lantoa/internal/vn"
)

// ReportInput opens a results report.
type ReportInput struct {
	Unit       org.ID
	Assignment task.ID     // the assignment answered; or
	Directive  document.ID // a directive answered without an assignment
	From, To   time.Time
	Narrative  report.Narrative
}

// CreateReport opens a draft report with its figures computed from the
// unit's own activities in the period and the accepted reports of the
// units below it, on the indicators the directive asks for.
func (s *Service) CreateReport(ctx context.Context, by Actor, in ReportInput) (report.Report, error) {
	if err := s.mayActToday(ctx, by, in.Unit, workRoles); err != nil {
		return report.Report{}, err
	}
	r := report.Report{Unit: in.Unit, Assignment: in.Assignment, Directive: in.Directive, Narrative: in.Narrative,
		Period: report.Period{From: dayOf(in.From), To: dayOf(in.To)}, CreatedBy: by.Account}
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		if r.Assignment != 0 {
			a, err := tx.Assignment(ctx, r.Assignment)
			if err != nil {
				return err
			}
			if a.Assignee != r.Unit {
				return problem.Errorf(problem.Invalid, "Nhiệm vụ số %d không giao cho đơn vị này", a.ID)
			}
			if a.Role == task.Inform {
				return problem.Errorf(problem.Invalid, "Nhiệm vụ \"để biết\" không cần báo cáo")
			}
			r.Directive = a.Document
		}
		if err := r.Validate(); err != nil {
			return err
		}
		if err := s.prefill(ctx, tx, &r); err != nil {
			return err
		}
		var err error
		if r, err = tx.CreateReport(ctx, r); err != nil {
			return err
		}
		return audit(ctx, tx, by, "report.create", reportObject(r.ID), periodText(r.Period))
	})
	return r, err
}

// prefill computes a report's figures, keeping those a person overrode.
func (s *Service) prefill(ctx context.Context, tx *store.Tx, r *report.Report) error {
	defs, err := s.reportIndicators(ctx, tx, r.Directive)
	if err != nil {
		return err
	}
	var own, below []report.Value
	if r.PeriodKind != "" { // a periodic report sums all the unit's work
		own, below, err = tx.PeriodReportSources(ctx, r.Unit, r.Period)
	} else {
		own, below, err = tx.ReportSources(ctx, r.Unit, r.Directive, r.Period)
	}
	if err != nil {
		return err
	}
	r.Values = report.Prefill(r.Values, defs, report.Once(own, defs), below)
	return nil
}

// reportIndicators is the indicator set the directive's reports use, by code.
func (s *Service) reportIndicators(ctx context.Context, tx *store.Tx, directive document.ID) (map[string]report.Indicator, error) {
	set, err := tx.IndicatorSetFor(ctx, directive)
	if err != nil {
		return nil, err
	}
	defs := make(map[string]report.Indicator, len(set.Indicators))
	for _, i := range set.Indicators {
		defs[i.Code] = i
	}
	return defs, nil
}

// ReportEdit changes a draft or returned report: figures set by hand (the
// computed figure is kept beside each), and the narrative when given.
type ReportEdit struct {
	Values    []report.Value
	Narrative *report.Narrative
	Refresh   bool // compute the figures again from activities and reports below
}

// EditReport applies an edit to a report the unit may still change.
func (s *Service) EditReport(ctx context.Context, by Actor, id report.ID, e ReportEdit) (report.Report, error) {
	var r report.Report
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		var err error
		if r, err = lockedReport(ctx, tx, id); err != nil {
			return err
		}
		if err := mayActFor(ctx, tx, by, r.Unit, workRoles, s.Today()); err != nil {
			return err
		}
		if !r.Status.Editable() {
			return problem.Errorf(problem.Conflict, "Báo cáo đang ở trạng thái \"%s\", không sửa được", r.Status.Label())
		}
		if e.Refresh {
			if err := s.prefill(ctx, tx, &r); err != nil {
				return err
			}
		}
		defs, err := s.reportIndicators(ctx, tx, r.Directive)
		if err != nil {
			return err
		}
		var changed []string
		for _, v := range e.Values {
			def, ok := defs[v.Code]
			if !ok {
				return problem.Errorf(problem.Invalid, "Chỉ tiêu %q không thuộc bộ chỉ tiêu của văn bản này", v.Code)
			}
			v.Text = strings.TrimSpace(vn.NFC(v.Text))
			if err := def.Check(v); err != nil {
				return err
			}
			r.Values = report.Override(r.Values, v, by.Account, tx.Now())
			changed = append(changed, v.Code)
		}
		if e.Narrative != nil {
			r.Narrative = *e.Narrative
		}
		if r, err = tx.SaveReport(ctx, r); err != nil {
			return err
		}
		return audit(ctx, tx, by, "report.edit", reportObject(r.ID), strings.Join(changed, ", "))
	})
	return r, err
}

// SubmitReport sends a report to the directing unit; the assignment it
// answers is then reported.
func (s *Service) SubmitReport(ctx context.Context, by Actor, id report.ID) (report.Report, error) {
	return s.moveReport(ctx, by, id, reportStep{action: "report.submit", byUnit: true, next: func(r report.Report) (report.Status, task.Status, error) {
		to, err := r.Status.SubmitStatus()
		return to, task.Reported, err
	}})
}

// AcceptReport accepts a sent report; the assignment is then accepted.
func (s *Service) AcceptReport(ctx context.Context, by Actor, id report.ID) (report.Report, error) {
	return s.moveReport(ctx, by, id, reportStep{action: "report.accept", next: decision(report.Accepted, task.Accepted)})
}

// ReturnReport sends a report back with what to correct; the assignment is
// then returned.
func (s *Service) ReturnReport(ctx context.Context, by Actor, id report.ID, comment string) (report.Report, error) {
	comment = strings.TrimSpace(vn.NFC(comment))
	if comment == "" {
		return report.Report{}, problem.Errorf(problem.Invalid, "Hãy ghi lý do trả lại báo cáo")
	}
	return s.moveReport(ctx, by, id, reportStep{action: "report.return", comment: comment, next: decision(report.Returned, task.Returned)})
}

func decision(to report.Status, asg task.Status) func(report.Report) (report.Status, task.Status, error) {
	return func(r report.Report) (report.Status, task.Status, error) {
		if !r.Status.Awaiting() {
			return r.Status, asg, problem.Errorf(problem.Conflict, "Báo cáo đang ở trạng thái \"%s\", không chờ duyệt", r.Status.Label())
		}
		return to, asg, nil
	}
}

// reportStep is a move of a report: the unit's own (sending) or the
// directing unit's (deciding), and the statuses the report and its
// assignment take.
type reportStep struct {
	action  string
	comment string
	byUnit  bool
	next    func(report.Report) (report.Status, task.Status, error)
}

// moveReport takes a report to the status the step gives and the
// assignment it answers along, in one transaction, after checking who
// may do it.
func (s *Service) moveReport(ctx context.Context, by Actor, id report.ID, step reportStep) (report.Report, error) {
	var r report.Report
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		var err error
		if r, err = lockedReport(ctx, tx, id); err != nil {
			return err
		}
		if step.byUnit {
			err = mayActFor(ctx, tx, by, r.Unit, submitRoles, s.Today())
		} else {
			err = mayDecideReport(ctx, tx, by, r, s.Today())
		}
		if err != nil {
			return err
		}
		to, asg, err := step.next(r)
		if err != nil {
			return err
		}
		from := r.Status
		if r, err = tx.MoveReport(ctx, id, from, to, by.Account, step.comment); err != nil {
			return err
		}
		if r.Assignment != 0 {
			if err := moveAssignment(ctx, tx, r.Assignment, asg, by.Account, step.comment); err != nil {
				return err
			}
		}
		return audit(ctx, tx, by, step.action, reportObject(r.ID), step.comment)
	})
	return r, err
}

// moveAssignment moves the assignment a report answers. An assignment
// already accepted (a report of an earlier period) stays so; any other
// status that cannot move there is a Conflict: another report on it is
// waiting, or it was returned by other means.
func moveAssignment(ctx context.Context, tx *store.Tx, id task.ID, to task.Status, account int64, note string) error {
	a, err := tx.Assignment(ctx, id)
	if err != nil {
		return err
	}
	if a.Status == task.Accepted {
		return nil
	}
	if !task.CanMove(a.Status, to) {
		return problem.Errorf(problem.Conflict, "Nhiệm vụ đang ở trạng thái \"%s\" (có báo cáo khác đang chờ duyệt?), không chuyển sang \"%s\" được",
			a.Status.Label(), to.Label())
	}
	_, err = tx.Move(ctx, id, to, account, 0, note)
	return err
}

// Report reads a report the actor may see.
func (s *Service) Report(ctx context.Context, by Actor, id report.ID) (report.Report, error) {
	var r report.Report
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		if r, err = tx.Report(ctx, id); err != nil {
			return err
		}
		return maySeeUnit(ctx, tx, by, r.Unit, s.Today())
	})
	return r, err
}

// CreateIndicatorSet attaches an indicator set (the annex of a guidance)
// to a document the actor's unit issued: what a directive asks every unit
// below to report is decided by its issuer, nobody else.
func (s *Service) CreateIndicatorSet(ctx context.Context, by Actor, unit org.ID, set report.IndicatorSet) (report.IndicatorSet, error) {
	if err := s.mayActToday(ctx, by, unit, draftRoles); err != nil {
		return set, err
	}
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		if set.Document != 0 {
			d, err := tx.Document(ctx, set.Document)
			if err != nil {
				return err
			}
			if err := maySeeDocument(ctx, tx, by, d, s.Today()); err != nil {
				return err
			}
			if !by.System && d.IssuerUnit != int64(unit) {
				return problem.Errorf(problem.Forbidden, "Chỉ đơn vị ban hành %s mới đặt được bộ chỉ tiêu báo cáo của văn bản", d.NumberSymbol)
			}
		}
		var err error
		if set, err = tx.CreateIndicatorSet(ctx, set); err != nil {
			return err
		}
		return audit(ctx, tx, by, "indicator_set.create", fmt.Sprintf("indicator_set:%d", set.ID), set.Code)
	})
	return set, err
}

// lockedReport reads a report to change it: two people saving the same
// report take turns, the second working on what the first saved.
func lockedReport(ctx context.Context, tx *store.Tx, id report.ID) (report.Report, error) {
	if err := tx.Lock(ctx, reportObject(id)); err != nil {
		return report.Report{}, err
	}
	return tx.Report(ctx, id)
}

func reportObject(id report.ID) string { return fmt.Sprintf("report:%d", id) }

func periodText(p report.Period) string {
	return vn.FormatDate(p.From) + "–" + vn.FormatDate(p.To)
}
