package e2e

import (
	"context"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
	"lantoa/internal/web"
)

// password is every account's password in these tests.
const password = "mật khẩu thử Lai Châu"

// clock is the time the server reads; the test moves it forward.
type clock struct{ ns atomic.Int64 }

func newClock(t time.Time) *clock {
	c := &clock{}
	c.set(t)
	return c
}

func (c *clock) now() time.Time  { return time.Unix(0, c.ns.Load()).UTC() }
func (c *clock) set(t time.Time) { c.ns.Store(t.UnixNano()) }
func (c *clock) day() string     { return c.now().Format("02/01/2006") }

// site serves the web application in this process over the database dsn,
// with the store reading the clock's time.
func site(t *testing.T, dsn string, c *clock) (*httptest.Server, *app.Service, *store.Store) {
	t.Helper()
	s := storetest.Open(t, dsn, store.WithClock(c.now))
	svc := app.New(s, nil)
	srv := httptest.NewServer(web.New(web.Options{App: svc, Ping: s.Ping}))
	t.Cleanup(srv.Close)
	return srv, svc, s
}

// The accounts of the Lai Châu world.
const (
	provinceClerk   = "lc.vanthu"
	provinceLeader  = "lc.lanhdao"
	tamDuongOfficer = "tamduong.chuyenvien"
	phongThoOfficer = "phongtho.chuyenvien"
)

// laiChau builds the small world of the acceptance scenario with the use
// cases: the provincial labour federation of Lai Châu directing the
// federations of two districts and of the provincial city, the name
// "Liên đoàn Lao động các huyện, thành phố" of 967/LĐLĐ stands for; a
// clerk and a leader of the province, and an officer of each district.
func laiChau(t *testing.T, svc *app.Service) map[string]org.Unit {
	t.Helper()
	ctx := context.Background()
	sys := app.System()
	since := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	unit := func(code, name, place string, parents ...org.ID) org.Unit {
		u, err := svc.CreateUnit(ctx, sys, org.Unit{Code: code, Notation: "LĐLĐ", Name: name, Kind: org.UnionFederation,
			Family: document.Union, Place: place, Valid: org.Span{From: since}}, parents...)
		if err != nil {
			t.Fatalf("create %s: %v", name, err)
		}
		return u
	}
	province := unit("ldld-laichau", "Liên đoàn Lao động tỉnh Lai Châu", "Lai Châu")
	units := map[string]org.Unit{
		"province": province,
		"tamduong": unit("ldld-tamduong", "Liên đoàn Lao động huyện Tam Đường", "Tam Đường", province.ID),
		"phongtho": unit("ldld-phongtho", "Liên đoàn Lao động huyện Phong Thổ", "Phong Thổ", province.ID),
		"city":     unit("ldld-thanhpho", "Liên đoàn Lao động thành phố Lai Châu", "Lai Châu", province.ID),
	}
	account := func(username, name string, role org.Role, u org.Unit) {
		if _, err := svc.CreateAccount(ctx, sys, app.NewAccount{Username: username, DisplayName: name, Password: password,
			Memberships: []org.Membership{{Unit: u.ID, Role: role}}}); err != nil {
			t.Fatalf("create the account %s: %v", username, err)
		}
	}
	account(provinceClerk, "Phạm Thị Thu (Văn thư LĐLĐ tỉnh)", org.Clerk, province)
	account(provinceLeader, "Đông Thị Nghĩa (Phó Chủ tịch LĐLĐ tỉnh)", org.Leader, province)
	account(tamDuongOfficer, "Lò Văn Tâm (Chuyên viên LĐLĐ huyện Tam Đường)", org.Officer, units["tamduong"])
	account(phongThoOfficer, "Vàng Thị Mỷ (Chuyên viên LĐLĐ huyện Phong Thổ)", org.Officer, units["phongtho"])
	return units
}
