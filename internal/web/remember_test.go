package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/report"
	"lantoa/internal/store/storetest"
)

// Two instances on one database: the dashboard one instance keeps shows
// an activity the other has just recorded, at the very next request.
func TestWebKeptDashboardFollowsAWriteOfAnotherInstance(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		a, s := demoSite(t, dsn)
		other := app.New(storetest.Open(t, dsn), nil)
		c := signedInAs(t, a, "admin")
		id := directiveID(t, s, "12-CT/TW")
		path := "/theo-doi/" + id + "?don-vi=ltu&ngay=31/12/2022"
		listeners := func() string {
			t.Helper()
			p := request(t, a, "GET", path, c, nil)
			if p.status != http.StatusOK {
				t.Fatalf("dashboard: got %d:\n%s", p.status, p.body)
			}
			body := text(p)
			i := strings.Index(body, "Người nghe")
			if i < 0 {
				t.Fatalf("dashboard shows no listeners:\n%s", body)
			}
			return body[i:min(len(body), i+200)]
		}
		before := listeners()
		if again := listeners(); again != before {
			t.Fatalf("the same dashboard twice differs: %q then %q", before, again)
		}
		if !strings.Contains(before, "5.945") {
			t.Fatalf("demo listeners: got %q, want 5.945", before)
		}
		n, _ := strconv.ParseInt(id, 10, 64)
		directive := document.ID(n)
		unit, err := other.UnitByCode(ctx, "tp-btg")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := other.RecordActivity(ctx, app.System(), app.ActivityInput{
			Unit: unit.ID, Form: "TTM", Title: "Nói chuyện chuyên đề đối ngoại nhân dân",
			Started: time.Date(2022, 12, 20, 0, 0, 0, 0, time.UTC),
			Values:  []report.Value{{Code: "TTM.buoi", Num: 1}, {Code: "TTM.luot_nghe", Num: 55}},
			Targets: []report.Target{{Document: directive}},
		}); err != nil {
			t.Fatal(err)
		}
		if after := listeners(); !strings.Contains(after, "6.000") {
			t.Errorf("after another instance recorded 55 listeners: got %q, want 6.000", after)
		}
	})
}
