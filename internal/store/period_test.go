package store_test

import (
	"context"
	"testing"
	"time"

	"lantoa/internal/cadence"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

func TestOneUnitHasOnePeriodicReportPerPeriod(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		from, to := time.Date(2022, 12, 15, 0, 0, 0, 0, time.UTC), time.Date(2023, 1, 14, 0, 0, 0, 0, time.UTC)
		var r, made report.Report
		err := s.InTx(ctx, func(tx *store.Tx) error {
			rule, err := tx.CadenceRule(ctx)
			if err != nil {
				return err
			}
			if rule != cadence.StateRule {
				t.Errorf("a new database cuts periods by %+v, want the state rule", rule)
			}
			u, err := tx.CreateUnit(ctx, org.Unit{Code: "xa", Name: "Đảng ủy xã Bình Lư", Kind: org.PartyCommittee, Family: document.Party,
				Valid: org.Span{From: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}})
			if err != nil {
				return err
			}
			r = report.Report{Unit: u.ID, PeriodKind: string(cadence.Monthly), Period: report.Period{From: from, To: to}}
			made, err = tx.CreateReport(ctx, r)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		err = s.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.CreateReport(ctx, r)
			return err
		})
		if problem.KindOf(err) != problem.Conflict {
			t.Errorf("a second January report: %v, want a conflict", err)
		}
		err = s.InTx(ctx, func(tx *store.Tx) error {
			q := r
			q.PeriodKind = string(cadence.Quarterly)
			q.Period.To = time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC)
			if _, err := tx.CreateReport(ctx, q); err != nil { // the quarter starts the same day: another report
				return err
			}
			got, err := tx.PeriodReport(ctx, r.Unit, cadence.Monthly, from)
			if err != nil {
				return err
			}
			if got.ID != made.ID || got.Directive != 0 || got.PeriodKind != "thang" {
				t.Errorf("read back %+v", got)
			}
			listed, err := tx.PeriodReports(ctx, r.Unit, from, from)
			if err != nil {
				return err
			}
			if len(listed) != 2 {
				t.Errorf("%d periodic reports start on 15/12/2022, want 2", len(listed))
			}
			if err := (cadence.Rule{CutDay: 0}).Validate(); err == nil {
				t.Error("cut-off day 0 accepted")
			}
			return tx.SetCadenceRule(ctx, cadence.Rule{CutDay: 1, DueWorkDays: 5})
		})
		if err != nil {
			t.Fatal(err)
		}
		s.View(ctx, func(tx *store.Tx) error {
			if rule, err := tx.CadenceRule(ctx); err != nil || rule != (cadence.Rule{CutDay: 1, DueWorkDays: 5}) {
				t.Errorf("rule after the change: %+v, %v", rule, err)
			}
			return nil
		})
	})
}
