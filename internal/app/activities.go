package app

import (
	"context"
	"fmt"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/task"
)

// MaxEvidenceBytes bounds one evidence file (a photo, a scanned list).
const MaxEvidenceBytes = 20 << 20

// ActivityInput is an activity as a person enters it.
type ActivityInput struct {
	Unit           org.ID
	Form           string
	Started, Ended time.Time // Ended zero: a one-day activity
	Title, Place   string
	Links          []string
	Values         []report.Value
	Targets        []report.Target
	Files          []FileInput
	Demo           bool
}

// FileInput is an uploaded evidence file.
type FileInput struct {
	Name string
	Data []byte
}

// RecordActivity stores what a unit did, with its evidence, and counts it
// in the roll-ups of the directives it answers; all of it or nothing.
func (s *Service) RecordActivity(ctx context.Context, by Actor, in ActivityInput) (report.Activity, error) {
	if err := s.mayActToday(ctx, by, in.Unit, activityRoles); err != nil {
		return report.Activity{}, err
	}
	a := report.Activity{Unit: in.Unit, Form: in.Form, Started: dayOf(in.Started), Title: in.Title, Place: in.Place,
		Links: in.Links, Values: in.Values, Targets: in.Targets, Demo: in.Demo, CreatedBy: by.Account}
	if !in.Ended.IsZero() {
		a.Ended = dayOf(in.Ended)
	}
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		a.Files = a.Files[:0]
		for _, f := range in.Files {
			if len(f.Data) > MaxEvidenceBytes {
				return problem.Errorf(problem.TooLarge, "Tệp minh chứng %q lớn hơn %d MB", f.Name, MaxEvidenceBytes>>20)
			}
			sha, err := tx.PutBlob(ctx, f.Data)
			if err != nil {
				return err
			}
			a.Files = append(a.Files, report.File{SHA256: sha, Name: f.Name, Size: int64(len(f.Data))})
		}
		// An activity counts under the documents it answers: only issued
		// ones the actor may read, or every directive could be inflated.
		for _, t := range a.Targets {
			if t.Document == 0 {
				continue
			}
			d, err := tx.Document(ctx, t.Document)
			if err != nil {
				return err
			}
			if d.Status == document.Draft {
				return problem.Errorf(problem.Invalid, "Văn bản %s còn là dự thảo: chưa thể báo cáo hoạt động theo văn bản này", d.Title())
			}
			if err := maySeeDocument(ctx, tx, by, d, dayOf(tx.Now())); err != nil {
				return err
			}
		}
		var err error
		if a, err = tx.CreateActivity(ctx, a); err != nil {
			return err
		}
		return audit(ctx, tx, by, "activity.record", fmt.Sprintf("activity:%d", a.ID), a.Title)
	})
	return a, err
}

// Activity reads an activity the actor may see.
func (s *Service) Activity(ctx context.Context, by Actor, id report.ActivityID) (report.Activity, error) {
	var a report.Activity
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		if a, err = tx.Activity(ctx, id); err != nil {
			return err
		}
		return maySeeUnit(ctx, tx, by, a.Unit, s.Today())
	})
	return a, err
}

// Activities lists a unit's activities, latest first.
func (s *Service) Activities(ctx context.Context, by Actor, f store.ActivityFilter) ([]report.Activity, error) {
	if f.Unit == 0 && !by.System {
		return nil, problem.Errorf(problem.Invalid, "Hãy chọn đơn vị")
	}
	var as []report.Activity
	err := s.store.View(ctx, func(tx *store.Tx) error {
		if f.Unit != 0 {
			if err := maySeeUnit(ctx, tx, by, f.Unit, s.Today()); err != nil {
				return err
			}
		}
		var err error
		as, err = tx.Activities(ctx, f)
		return err
	})
	return as, err
}

// ActivityAssignment reads the assignment an activity is about to be
// recorded against, for its form, refusing whoever could not save it: the
// assignee's people, and for a confidential document only those granted
// it, since the activity counts under the document.
func (s *Service) ActivityAssignment(ctx context.Context, by Actor, id task.ID) (AssignmentView, error) {
	v, err := s.Assignment(ctx, by, id)
	if err != nil || v.MayRecord {
		return v, err
	}
	err = s.store.View(ctx, func(tx *store.Tx) error {
		if err := mayActFor(ctx, tx, by, v.Assignment.Assignee, activityRoles, dayOf(tx.Now())); err != nil {
			return err
		}
		return problem.Errorf(problem.Forbidden, "Nhiệm vụ này thực hiện văn bản mật %s: chỉ người được giao văn bản mới ghi được hoạt động theo nhiệm vụ", v.Document.NumberSymbol)
	})
	return AssignmentView{}, err
}
