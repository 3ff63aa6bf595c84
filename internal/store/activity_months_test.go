package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// The dashboard's "activity over time": each activity once, in the month
// it ended, even when two paths of the tree lead to its unit and it
// answers two documents of the cascade.
func TestActivityMonthsCountEachActivityOnceInItsMonth(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		u := tree(t, s, []string{"tinh", "btg", "mttq", "tp", "chibo", "khac"},
			[][2]string{{"tinh", "btg"}, {"tinh", "mttq"}, {"btg", "tp"}, {"mttq", "tp"}, {"tp", "chibo"}})
		d := docs(t, s, []string{"12-CT/TW"}, []string{"71-HD/BTGTU", "12-CT/TW"}, []string{"5-KH/ThU", "71-HD/BTGTU"}, []string{"9-CT/TW"})
		act := func(unit, on string, targets ...string) {
			a := report.Activity{Unit: u[unit], Form: "TTM", Started: day(on), Title: "Tuyên truyền miệng " + on,
				Values: []report.Value{{Code: "TTM.buoi", Num: 1}}}
			for _, x := range targets {
				a.Targets = append(a.Targets, report.Target{Document: d[x]})
			}
			record(t, s, a)
		}
		act("chibo", "2022-06-10", "71-HD/BTGTU", "5-KH/ThU") // two documents, two paths: once
		act("tp", "2022-06-28", "12-CT/TW")
		act("tinh", "2022-07-20", "12-CT/TW")
		act("tp", "2022-07-06", "9-CT/TW")     // another directive
		act("khac", "2022-07-07", "12-CT/TW")  // a unit outside the tree
		act("chibo", "2022-08-02", "5-KH/ThU") // after the day asked
		act("chibo", "2021-12-30", "5-KH/ThU") // before the months asked
		var got []store.MonthCount
		err := s.View(ctx, func(tx *store.Tx) error {
			var err error
			got, err = tx.ActivityMonths(ctx, d["12-CT/TW"], u["tinh"], day("2022-01-15"), day("2022-07-31"))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		want := []store.MonthCount{{Month: time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC), N: 2}, {Month: time.Date(2022, 7, 1, 0, 0, 0, 0, time.UTC), N: 1}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("activities by month at the province: got %+v, want %+v", got, want)
		}
	})
}
