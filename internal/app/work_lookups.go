package app

import (
	"context"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/task"
)

// AssignmentView is an assignment with what its page shows beside it.
type AssignmentView struct {
	Assignment task.Assignment
	Document   document.Document // only what identifies it, when confidential and not granted
	Unit       org.Unit          // the assignee
	Events     []task.Event      // oldest first
	Reports    []report.Report   // answering it, latest period first
	Indicators report.IndicatorSet
	MayWork    bool // may acknowledge it and report on it
	MayRecord  bool // may record activities answering it
}

// Assignment reads an assignment the actor may see: one of their units',
// or of a unit a unit they lead or administer directs.
func (s *Service) Assignment(ctx context.Context, a Actor, id task.ID) (AssignmentView, error) {
	var v AssignmentView
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		if v.Assignment, err = tx.Assignment(ctx, id); err != nil {
			return err
		}
		if err := maySeeUnit(ctx, tx, a, v.Assignment.Assignee, dayOf(tx.Now())); err != nil {
			return err
		}
		if v.Document, err = tx.Document(ctx, v.Assignment.Document); err != nil {
			return err
		}
		ok, err := mayOpen(ctx, tx, a, v.Document)
		if err != nil {
			return err
		}
		if !ok {
			v.Document = identityOnly(v.Document)
			v.Assignment.Task = ""
		}
		if v.Unit, err = tx.Unit(ctx, v.Assignment.Assignee); err != nil {
			return err
		}
		if v.Events, err = tx.AssignmentEvents(ctx, id); err != nil {
			return err
		}
		if v.Reports, err = tx.Reports(ctx, store.ReportFilter{Assignment: id}); err != nil {
			return err
		}
		if v.Indicators, err = tx.IndicatorSetFor(ctx, v.Assignment.Document); err != nil {
			return err
		}
		v.MayWork = mayActFor(ctx, tx, a, v.Assignment.Assignee, workRoles, dayOf(tx.Now())) == nil
		// An activity counts under the assignment's document: recording
		// one needs the document, granted when it is confidential.
		v.MayRecord = ok && mayActFor(ctx, tx, a, v.Assignment.Assignee, activityRoles, dayOf(tx.Now())) == nil
		return nil
	})
	return v, err
}

// ReportView is a report with the indicators its figures are on and what
// the actor may do with it.
type ReportView struct {
	Report     report.Report
	Unit       org.Unit
	Indicators report.IndicatorSet
	MayEdit    bool // may save it (when its status allows)
	MaySubmit  bool // may send it
	MayDecide  bool // leads a unit above: may accept or return it
}

// ReportPage reads a report the actor may see, for its page.
func (s *Service) ReportPage(ctx context.Context, a Actor, id report.ID) (ReportView, error) {
	var v ReportView
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		if v.Report, err = tx.Report(ctx, id); err != nil {
			return err
		}
		today := dayOf(tx.Now())
		if err := maySeeUnit(ctx, tx, a, v.Report.Unit, today); err != nil {
			return err
		}
		if v.Unit, err = tx.Unit(ctx, v.Report.Unit); err != nil {
			return err
		}
		if v.Indicators, err = tx.IndicatorSetFor(ctx, v.Report.Directive); err != nil {
			return err
		}
		v.MayEdit = mayActFor(ctx, tx, a, v.Report.Unit, workRoles, today) == nil
		v.MaySubmit = mayActFor(ctx, tx, a, v.Report.Unit, submitRoles, today) == nil
		err = mayDecideReport(ctx, tx, a, v.Report, today)
		if err != nil && problem.KindOf(err) != problem.Forbidden {
			return err
		}
		v.MayDecide = err == nil
		return nil
	})
	return v, err
}
