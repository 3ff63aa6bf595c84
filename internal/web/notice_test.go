package web

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/store/storetest"
)

// On 16/12/2022 two district boards are a day late with the province's
// guidance: the provincial board's leader finds both on "Thông báo", and
// the menu of every page counts the notices.
func TestWebNoticesListLateAssignmentsAndTheMenuCountsThem(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, _ := demoSiteOn(t, dsn, time.Date(2022, 12, 16, 9, 0, 0, 0, time.UTC))
		lead := session(t, h, "btgtu.lanhdao")
		page := text(request(t, h, "GET", "/thong-bao", lead, nil))
		for _, want := range []string{"Ban Tuyên giáo Huyện ủy Mường Tè", "Ban Tuyên giáo Huyện ủy Nậm Nhùn", `15/12/2022 — <strong class="late">quá hạn 1 ngày</strong>`, "Nhiệm vụ do đơn vị bạn giao."} {
			if !strings.Contains(page, want) {
				t.Errorf("notices lack %q", want)
			}
		}
		n := strings.Count(page, `<li class="todo`)
		if n < 2 {
			t.Fatalf("%d notices listed", n)
		}
		home := text(request(t, h, "GET", "/", lead, nil))
		if !strings.Contains(home, fmt.Sprintf(`Thông báo <span class="count" aria-label="%d thông báo">%d</span>`, n, n)) {
			t.Errorf("the menu does not count %d notices", n)
		}
		if !strings.Contains(home, fmt.Sprintf("%d thông báo: nhiệm vụ sắp đến hạn hoặc quá hạn báo cáo", n)) {
			t.Errorf("the home page does not point to the %d notices", n)
		}
		english := text(request(t, h, "GET", "/thong-bao", nil, nil, "Cookie", languageCookie+"=en; "+lead.Name+"="+lead.Value))
		if !strings.Contains(english, "1 days overdue") || !strings.Contains(english, "Notices") {
			t.Errorf("the English page does not say how late")
		}
	})
}

// The administrator gives an account the address its reminders go to;
// a malformed one is refused with a message, and a person without
// administration rights cannot change another's.
func TestWebAdministratorSetsWhereRemindersGo(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, s := demoSiteOn(t, dsn, demoCampaignDay)
		acc, err := app.New(s, nil).AccountByUsername(context.Background(), "btgthu.ctv")
		if err != nil {
			t.Fatal(err)
		}
		path := fmt.Sprintf("/quan-tri/tai-khoan/%d/thu-dien-tu", acc.ID)
		admin := session(t, h, "admin")
		p := request(t, h, "POST", path, admin, url.Values{"ten": {"btgthu.ctv"}, "thu-dien-tu": {"ctv.tp@btgthu.laichau.gov.vn"}})
		redirected(t, "saving the address", p, "/quan-tri/tai-khoan?da-doi-thu=btgthu.ctv")
		list := text(request(t, h, "GET", "/quan-tri/tai-khoan?da-doi-thu=btgthu.ctv", admin, nil))
		if !strings.Contains(list, `value="ctv.tp@btgthu.laichau.gov.vn"`) || !strings.Contains(list, "Đã lưu địa chỉ thư điện tử của btgthu.ctv.") {
			t.Error("the accounts page does not show the saved address")
		}
		if p := request(t, h, "POST", path, admin, url.Values{"thu-dien-tu": {"ctv.tp"}}); p.status != 400 || !strings.Contains(text(p), "không đúng dạng") {
			t.Errorf("a malformed address: %d", p.status)
		}
		if p := request(t, h, "POST", path, session(t, h, "btgthu.chuyenvien"), url.Values{"thu-dien-tu": {"x@lantoa.example"}}); p.status != 403 {
			t.Errorf("an officer changing a colleague's address: %d, want 403", p.status)
		}
	})
}
