package e2e

import (
	"context"
	"fmt"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/demo"
	"lantoa/internal/store/storetest"
)

// TestDemoPagesOpenAndAreShotAtBothWidths opens the pages that need a full
// organisation and a year of results (administration, the provincial
// dashboard with its chart, a home page with late work) in the demo, as
// the people who use them, checks each shows its title, and takes their
// screenshots.
func TestDemoPagesOpenAndAreShotAtBothWidths(t *testing.T) {
	browserCtx := browser(t)
	shots := newShooter(t)
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		start := time.Now()
		srv, svc, st := site(t, dsn, newClock(time.Now()))
		b := newTab(t, browserCtx, srv.URL, shots.take())
		if _, err := demo.Load(context.Background(), st, password); err != nil {
			t.Fatalf("load the demo: %v", err)
		}
		ds, err := svc.DocumentsByNumber(context.Background(), app.System(), "12-CT/TW")
		if err != nil || len(ds) != 1 {
			t.Fatalf("find 12-CT/TW in the demo: got %d documents, %v; want one", len(ds), err)
		}
		directive := fmt.Sprint(ds[0].ID)
		t.Logf("demo loaded in %s", time.Since(start).Round(time.Millisecond))

		pages := []struct {
			who, path, name string
			shows           []string
			element         string // a CSS selector the page must match
		}{
			{"admin", "/quan-tri/don-vi?ngay=31/12/2022", "quan-tri-don-vi", []string{"Cây tổ chức ngày 31/12/2022", "Ban Tuyên giáo Tỉnh ủy Lai Châu"}, ""},
			{"admin", "/quan-tri/tai-khoan", "quan-tri-tai-khoan", []string{"Tài khoản và vai trò", "Văn thư — Ban Tuyên giáo Tỉnh ủy Lai Châu"}, ""},
			{"admin", "/quan-tri/nhat-ky", "quan-tri-nhat-ky", []string{"Nhật ký hoạt động"}, ""},
			{"admin", "/theo-doi/" + directive + "?don-vi=ltu&ngay=31/12/2022", "theo-doi-tinh",
				[]string{"Theo dõi triển khai", "Tỉnh ủy Lai Châu — đến ngày 31/12/2022", "Được giao 37/37", "Theo đơn vị trực thuộc"}, "svg.bars rect"},
			{"admin", "/khong-co-trang-nay", "khong-tim-thay", []string{"Không tìm thấy trang"}, ""},
			{"mttqtp.chuyenvien", "/", "trang-chu-qua-han", []string{"Trang chủ — Việc cần làm"}, ""},
			{"mttqtp.chuyenvien", "/van-ban", "so-van-ban-demo", []string{"Sổ văn bản"}, ""},
			{"mttqtp.chuyenvien", "/mat-khau", "mat-khau", []string{"Mật khẩu hiện tại"}, ""},
			{"btgtu.lanhdao", "/tim-kiem?q=chi+thi+12+doi+ngoai", "tim-kiem", []string{"Tìm văn bản", "12-CT/TW"}, "mark"},
			{"btgtu.lanhdao", "/thong-bao", "thong-bao", []string{"Thông báo"}, ""},
			{"btgtu.lanhdao", "/bao-cao-dinh-ky?nam=2022", "bao-cao-dinh-ky", []string{"Báo cáo định kỳ — Ban Tuyên giáo Tỉnh ủy Lai Châu"}, ""},
		}
		who := ""
		for _, p := range pages {
			if p.who != who {
				if who != "" {
					b.signOut()
				}
				b.signIn(p.who, password)
				who = p.who
			}
			b.open(p.path)
			b.sees(p.path+" as "+p.who, p.shows...)
			if p.element != "" && !b.has(p.element) {
				t.Errorf("%s as %s: nothing matches %s", p.path, p.who, p.element)
			}
			b.shot(p.name)
		}
		t.Logf("demo pages took %s", time.Since(start).Round(time.Millisecond))
	})
}
