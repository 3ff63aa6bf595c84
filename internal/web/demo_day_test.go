package web

import (
	"context"
	"net/http"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/demo"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// demoCampaignDay is the last day of the demo's 2022 campaign: the units
// it was made for stand, so their people may still act for them (the
// district level closed on 01/07/2025).
var demoCampaignDay = time.Date(2022, 12, 31, 9, 0, 0, 0, time.UTC)

// demoSiteOn is demoSite with the clock stopped on day.
func demoSiteOn(t *testing.T, dsn string, day time.Time) (http.Handler, *store.Store) {
	t.Helper()
	s := storetest.Open(t, dsn)
	if _, err := demo.Load(context.Background(), s, demoPassword); err != nil {
		t.Fatalf("load the demo: %v", err)
	}
	at := s.WithClock(func() time.Time { return day })
	return New(Options{App: app.New(at, nil), Ping: s.Ping}), at
}
