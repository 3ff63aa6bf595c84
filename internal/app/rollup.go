package app

import (
	"context"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/store"
)

// Rollup is a directive's results at a unit on a day (today when on is
// zero): totals over the unit's subtree as the organisation stood that
// day, coverage, the late list and the same per direct child.
func (s *Service) Rollup(ctx context.Context, by Actor, directive document.ID, unit org.ID, on time.Time) (report.Rollup, error) {
	if on.IsZero() {
		on = s.Today()
	}
	on = dayOf(on)
	var r report.Rollup
	err := s.store.View(ctx, func(tx *store.Tx) error {
		if err := maySeeUnit(ctx, tx, by, unit, on); err != nil {
			return err
		}
		d, err := tx.Document(ctx, directive)
		if err != nil {
			return err
		}
		if err := maySeeDocument(ctx, tx, by, d, on); err != nil {
			return err
		}
		if r, err = tx.Rollup(ctx, store.RollupQuery{Directive: directive, Unit: unit, On: on}); err != nil {
			return err
		}
		return hideUngrantedTasks(ctx, tx, by, r.Late)
	})
	return r, err
}

// RebuildRollups recomputes the roll-up sums after the organisation
// changed (links added or ended, units merged, split or closed): the sums
// are kept per validity range of the tree. Only the system runs it.
func (s *Service) RebuildRollups(ctx context.Context, by Actor, directives ...document.ID) error {
	if !by.System {
		return problem.Errorf(problem.Forbidden, "Chỉ quản trị hệ thống mới tính lại được số liệu tổng hợp")
	}
	return s.store.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.RebuildRollups(ctx, directives...); err != nil {
			return err
		}
		return audit(ctx, tx, by, "rollup.rebuild", "", "")
	})
}

// hideUngrantedTasks blanks the task text of late assignments whose
// document is confidential and not granted to the actor: the late list
// names the unit and the deadline, never what a secret document asks.
func hideUngrantedTasks(ctx context.Context, tx *store.Tx, by Actor, late []report.Late) error {
	open := map[document.ID]bool{}
	for i := range late {
		id := late[i].Assignment.Document
		ok, known := open[id]
		if !known {
			d, err := tx.Document(ctx, id)
			if err != nil {
				return err
			}
			if ok, err = mayOpen(ctx, tx, by, d); err != nil {
				return err
			}
			open[id] = ok
		}
		if !ok {
			late[i].Assignment.Task = ""
		}
	}
	return nil
}
