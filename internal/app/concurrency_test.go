package app_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// Two server instances on one database record activities of the same unit
// at the same time: nothing fails and the roll-up counts every figure once
// and the unit once.
func TestActivitiesFromTwoInstancesAddUpExactly(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		clock := func() time.Time { return time.Date(2022, 8, 1, 9, 0, 0, 0, time.UTC) }
		a, b := storetest.Open(t, dsn, store.WithClock(clock)), storetest.Open(t, dsn, store.WithClock(clock))
		sa, sb := app.New(a, nil), app.New(b, nil)
		sys := app.System()
		since := org.Span{From: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}
		huyen, err := sa.CreateUnit(ctx, sys, org.Unit{Code: "huyen", Name: "Liên đoàn Lao động huyện", Kind: org.UnionFederation, Family: document.Union, Valid: since})
		if err != nil {
			t.Fatal(err)
		}
		cdcs, err := sa.CreateUnit(ctx, sys, org.Unit{Code: "cdcs", Name: "Công đoàn cơ sở trường học", Kind: org.GrassrootsUnion, Family: document.Union, Valid: since}, huyen.ID)
		if err != nil {
			t.Fatal(err)
		}
		reg, err := sa.RegisterIncoming(ctx, sys, cdcs.ID, app.RegisterInput{Metadata: document.Metadata{NumberSymbol: "967/LĐLĐ", DocType: "Công văn",
			Date: "2022-07-11", Subject: "tuyên truyền Chỉ thị 12-CT/TW"}, IssuerUnit: huyen.ID})
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, 40)
		for i := range 40 {
			svc := sa
			if i%2 == 1 {
				svc = sb
			}
			wg.Go(func() {
				_, err := svc.RecordActivity(ctx, sys, app.ActivityInput{Unit: cdcs.ID, Form: "SHCD", Title: "Sinh hoạt công đoàn",
					Started: time.Date(2022, 7, 31-i%20, 0, 0, 0, 0, time.UTC), // back-dated, in no order
					Values:  []report.Value{{Code: "SHCD.don_vi", Num: 1}, {Code: "SHCD.luot", Num: 10}},
					Targets: []report.Target{{Document: reg.Document.ID}}})
				errs <- err
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("record: %v", err)
			}
		}
		r, err := sa.Rollup(ctx, sys, reg.Document.ID, huyen.ID, time.Date(2022, 7, 31, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]float64{}
		for _, tot := range r.Totals {
			got[tot.Indicator.Code] = tot.Num
		}
		if got["SHCD.luot"] != 400 || got["SHCD.don_vi"] != 1 {
			t.Fatalf("totals %v, want 400 attendances from 1 unit", got)
		}
		early, err := sa.Rollup(ctx, sys, reg.Document.ID, huyen.ID, time.Date(2022, 7, 11, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		for _, tot := range early.Totals {
			if tot.Indicator.Code == "SHCD.don_vi" && tot.Num != 1 {
				t.Fatalf("on 11/07 the unit counts %v times, want once (its first day is 11/07)", tot.Num)
			}
		}
	})
}
