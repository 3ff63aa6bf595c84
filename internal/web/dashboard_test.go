package web

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"lantoa/internal/store/storetest"
)

func TestWebDashboardShowsTheProvinceAsOfTheCampaignsEnd(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, s := demoSite(t, dsn)
		c := signedInAs(t, h, "admin")
		path := "/theo-doi/" + directiveID(t, s, "12-CT/TW")
		p := request(t, h, "GET", path+"?don-vi=ltu&ngay=31/12/2022", c, nil)
		body := text(p)
		if p.status != http.StatusOK {
			t.Fatalf("dashboard: got %d, want 200:\n%s", p.status, body)
		}
		for _, want := range []string{"Tỉnh ủy Lai Châu — đến ngày 31/12/2022", `Được giao</span> <strong class="stage-value">37/37</strong>`,
			"Quá hạn", "Theo đơn vị trực thuộc", "<svg", "Kết quả theo hình thức tuyên truyền"} {
			if !strings.Contains(body, want) {
				t.Errorf("dashboard: want %q on the page:\n%s", want, body)
			}
		}
		// A child unit's row links to the same page for that unit and day.
		m := regexp.MustCompile(`<a href="(\?don-vi=tp-thu&ngay=31%2F12%2F2022)">Thành ủy Lai Châu</a>`).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("dashboard: want a row for Thành ủy Lai Châu linking to its own page:\n%s", body)
		}
		child := request(t, h, "GET", path+m[1], c, nil)
		if child.status != http.StatusOK || !strings.Contains(text(child), "Thành ủy Lai Châu — đến ngày 31/12/2022") {
			t.Errorf("drill down to tp-thu: got %d, want 200 with its roll-up:\n%s", child.status, child.body)
		}
		// A day not written dd/mm/yyyy is said by its field.
		if bad := request(t, h, "GET", path+"?don-vi=ltu&ngay=2022-12-31", c, nil); bad.status != http.StatusBadRequest || !strings.Contains(text(bad), "Ngày phải viết theo dạng ngày/tháng/năm") {
			t.Errorf("bad day: got %d, want 400 with the field's error", bad.status)
		}
	})
}

func TestWebDashboardRefusesAUnitTheCollaboratorCannotSee(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, s := demoSite(t, dsn)
		c := signedInAs(t, h, "btgthu.ctv")
		p := request(t, h, "GET", "/theo-doi/"+directiveID(t, s, "12-CT/TW")+"?don-vi=ltu&ngay=31/12/2022", c, nil)
		if p.status != http.StatusForbidden || strings.Contains(p.body, "Được giao") {
			t.Errorf("dashboard of ltu for the city's collaborator: got %d, want 403 and no figures:\n%s", p.status, p.body)
		}
	})
}

// The status breakdown adds up to the units assigned, and the activity
// columns count the demo's activities month by month.
func TestWebDashboardBreaksDownStatusAndActivityOverTime(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, s := demoSite(t, dsn)
		c := signedInAs(t, h, "admin")
		p := request(t, h, "GET", "/theo-doi/"+directiveID(t, s, "12-CT/TW")+"?don-vi=ltu&ngay=31/12/2022", c, nil)
		body := text(p)
		if p.status != http.StatusOK {
			t.Fatalf("dashboard: got %d:\n%s", p.status, body)
		}
		sum := 0
		for _, m := range regexp.MustCompile(`(?:Chưa nhận|Đã nhận, chưa xem|Đã xem, chưa triển khai|Đang triển khai, chưa báo cáo|Đã báo cáo, chờ duyệt|Đã duyệt): <strong>(\d+)</strong>`).FindAllStringSubmatch(body, -1) {
			n, _ := strconv.Atoi(m[1])
			sum += n
		}
		if sum != 37 {
			t.Errorf("status breakdown adds up to %d units, want the 37 assigned:\n%s", sum, body)
		}
		m := regexp.MustCompile(`(\d+) hoạt động trong 12 tháng đến ngày 31/12/2022`).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("dashboard shows no activity over time:\n%s", body)
		}
		if n, _ := strconv.Atoi(m[1]); n < 10 || n > 95 {
			t.Errorf("activities in 2022 at the province: got %d, want most of the demo's 95", n)
		}
		if cols := strings.Count(body, `fill="#0b5cad"></rect>`); cols < 12 {
			t.Errorf("activity over time: got %d columns, want one per month", cols)
		}
	})
}
