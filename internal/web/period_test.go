package web

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"lantoa/internal/app"
	"lantoa/internal/store/storetest"
)

// The city board's officer finds the board's reporting calendar of 2022
// under the 15th–14th rule, opens the monthly report of September (15/08
// to 14/09) and finds it pre-filled with the board's activity of 14/09;
// the calendar then links to it. The board's collaborator sees the
// calendar but cannot open a report.
func TestWebPeriodCalendarOpensAPrefilledMonthlyReport(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, s := demoSiteOn(t, dsn, demoCampaignDay)
		board, err := app.New(s, nil).UnitByCode(context.Background(), "tp-btg")
		if err != nil {
			t.Fatal(err)
		}
		officer := session(t, h, "btgthu.chuyenvien")
		cal := text(request(t, h, "GET", "/bao-cao-dinh-ky?nam=2022", officer, nil))
		for _, want := range []string{"Báo cáo định kỳ — Ban Tuyên giáo Thành ủy Lai Châu", "Tháng 9/2022", "15/08/2022 – 14/09/2022",
			"Quý III/2022", "6 tháng cuối năm 2022", "Năm 2022", "15/12/2021 – 14/12/2022", "Lập báo cáo"} {
			if !strings.Contains(cal, want) {
				t.Errorf("calendar lacks %q", want)
			}
		}
		if n := strings.Count(cal, "Trễ hạn"); n != 12+4+2+1 {
			t.Errorf("%d periods marked late on 31/12/2022, want every period of 2022 (none was sent)", n)
		}
		open := url.Values{"don-vi": {fmt.Sprint(board.ID)}, "loai": {"thang"}, "tu-ngay": {"2022-08-15"}}
		p := request(t, h, "POST", "/bao-cao-dinh-ky/mo", officer, open)
		at := redirected(t, "opening September's report", p, "/bao-cao/")
		rep := text(request(t, h, "GET", at, officer, nil))
		if !strings.Contains(rep, "Kỳ báo cáo 15/08/2022–14/09/2022") || !strings.Contains(rep, "6.944") {
			t.Errorf("September's report is not pre-filled with the posts of 14/09 (6.944 views):\n%s", rep)
		}
		if strings.Contains(rep, "504") {
			t.Error("September's report counts August's talk (09/08)")
		}
		if again := request(t, h, "POST", "/bao-cao-dinh-ky/mo", officer, open); again.header.Get("Location") != at {
			t.Errorf("opening September again went to %q, want %q", again.header.Get("Location"), at)
		}
		cal = text(request(t, h, "GET", "/bao-cao-dinh-ky?nam=2022", officer, nil))
		if !regexp.MustCompile(`href="` + at + `">Dự thảo</a>`).MatchString(cal) {
			t.Errorf("the calendar does not link September to its draft %s", at)
		}

		collab := session(t, h, "btgthu.ctv")
		if cal := text(request(t, h, "GET", "/bao-cao-dinh-ky?nam=2022", collab, nil)); strings.Contains(cal, "Lập báo cáo") {
			t.Error("the collaborator is offered to open reports")
		}
		open.Set("tu-ngay", "2022-07-15")
		if p := request(t, h, "POST", "/bao-cao-dinh-ky/mo", collab, open); p.status != 403 {
			t.Errorf("the collaborator opening August's report: %d, want 403", p.status)
		}
		other := session(t, h, "ldld.vanthu")
		if p := request(t, h, "GET", fmt.Sprintf("/bao-cao-dinh-ky?don-vi=%d", board.ID), other, nil); p.status != 403 {
			t.Errorf("the federation's clerk reading the board's calendar: %d, want 403", p.status)
		}
	})
}
