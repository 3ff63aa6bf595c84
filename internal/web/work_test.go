package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lantoa/internal/app"
	"lantoa/internal/org"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
	"lantoa/internal/task"
	"lantoa/internal/vn"
)

// workSite is the demo with a fresh assignment of the provincial labour
// federation's 967/LĐLĐ to a school's trade union, and an officer of that
// union to do it.
func workSite(t *testing.T, dsn string) (http.Handler, *app.Service, task.Assignment) {
	t.Helper()
	ctx := context.Background()
	h, s := demoSite(t, dsn)
	svc := app.New(s, nil)
	ds, err := svc.DocumentsByNumber(ctx, app.System(), "967/LĐLĐ")
	if err != nil || len(ds) != 1 {
		t.Fatalf("find 967/LĐLĐ: got %d documents, %v; want one", len(ds), err)
	}
	ldld, err := svc.UnitByCode(ctx, "cdcs-thpt-lqd")
	if err != nil {
		t.Fatal(err)
	}
	as, err := svc.CreateAssignments(ctx, app.System(), ds[0].ID,
		[]app.AssignmentInput{{Unit: ldld.ID, Task: "Tổ chức hội nghị quán triệt trong giáo viên, người lao động"}})
	if err != nil || len(as) != 1 {
		t.Fatalf("assign: got %v, %v; want one assignment", as, err)
	}
	if _, err := svc.CreateAccount(ctx, app.System(), app.NewAccount{Username: "cdgd.chuyenvien", DisplayName: "Vừ Thị Hoa",
		Password: demoPassword, Memberships: []org.Membership{{Unit: ldld.ID, Role: org.Officer}}}); err != nil {
		t.Fatal(err)
	}
	return h, svc, as[0]
}

// session signs username in and returns the session cookie.
func session(t *testing.T, h http.Handler, username string) *http.Cookie {
	t.Helper()
	in := signIn(t, h, username, demoPassword)
	if in.cookie == nil {
		t.Fatalf("sign in as %s: got %d, no session cookie", username, in.status)
	}
	return in.cookie
}

// redirected checks p is a redirect to a path starting with prefix and returns that path.
func redirected(t *testing.T, what string, p page, prefix string) string {
	t.Helper()
	loc := p.header.Get("Location")
	if p.status != http.StatusSeeOther || !strings.HasPrefix(loc, prefix) {
		t.Fatalf("%s: got %d to %q, want 303 to %s…:\n%s", what, p.status, loc, prefix, text(p))
	}
	return loc
}

func wantText(t *testing.T, what string, p page, status int, parts ...string) {
	t.Helper()
	body := text(p)
	if p.status != status {
		t.Errorf("%s: got status %d, want %d:\n%s", what, p.status, status, body)
	}
	for _, s := range parts {
		if !strings.Contains(body, s) {
			t.Errorf("%s: page does not show %q:\n%s", what, s, body)
		}
	}
}

func TestWebOfficerAcknowledgesRecordsAndReportsAndTheLeaderAboveReturnsIt(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		h, svc, asg := workSite(t, dsn)
		path := assignmentURL(asg.ID)
		c := session(t, h, "cdgd.chuyenvien")

		wantText(t, "assignment page", request(t, h, "GET", path, c, nil), http.StatusOK,
			"967/LĐLĐ", "Công đoàn cơ sở Trường THPT Chuyên Lê Quý Đôn", "Chủ trì", "Đã gửi", "Đã nhận", "Đã xem", "Ghi hoạt động", "Báo cáo kết quả")
		redirected(t, "acknowledge", request(t, h, "POST", path+"/xem", c, url.Values{}), path)
		wantText(t, "assignment page after reading", request(t, h, "GET", path, c, nil), http.StatusOK, "Đã xem")
		if got := assignmentStatus(t, svc, asg.ID); got != task.Acknowledged {
			t.Errorf("status after 'Đã xem': got %s, want %s", got, task.Acknowledged)
		}

		// The activity: the form first, then its indicators.
		form := "/hoat-dong/moi?nhiem-vu=" + fmt.Sprint(asg.ID)
		wantText(t, "activity form", request(t, h, "GET", form, c, nil), http.StatusOK, "Hình thức tuyên truyền", "Tuyên truyền miệng")
		wantText(t, "activity form of a conference", request(t, h, "GET", form+"&hinh-thuc=HNQT", c, nil), http.StatusOK,
			"Hội nghị học tập, quán triệt", "Đảng viên dự / tổng số đảng viên", "trên")
		today := vn.FormatDate(svc.Today())
		fields := url.Values{"nhiem-vu": {fmt.Sprint(asg.ID)}, "hinh-thuc": {"HNQT"}, "ten": {""}, "ngay-bat-dau": {"31/02/2025"},
			"ct-HNQT.hoi_nghi": {"một"}, "ct-HNQT.dang_vien": {"60"}, "ct-HNQT.dang_vien-mau": {"50"}}
		wantText(t, "activity with mistakes", request(t, h, "POST", "/hoat-dong/moi", c, fields), http.StatusBadRequest,
			"Hãy ghi tên hoạt động", "Ngày phải viết dạng ngày/tháng/năm", "Hãy nhập một số", "tử số 60 lớn hơn mẫu số 50")
		fields.Set("ten", "Hội nghị quán triệt Công văn 967 cho giáo viên")
		fields.Set("ngay-bat-dau", today)
		fields.Set("ct-HNQT.hoi_nghi", "2")
		fields.Set("ct-HNQT.dang_vien", "45")
		fields.Set("ct-HNQT.dai_bieu", "1.250")
		redirected(t, "record the activity", request(t, h, "POST", "/hoat-dong/moi", c, fields), path)
		acts, err := svc.Activities(ctx, app.System(), store.ActivityFilter{Unit: asg.Assignee})
		if err != nil {
			t.Fatal(err)
		}
		if len(acts) != 1 || acts[0].Title != "Hội nghị quán triệt Công văn 967 cho giáo viên" ||
			!hasValue(acts[0].Values, report.Value{Code: "HNQT.dai_bieu", Num: 1250}) ||
			!hasValue(acts[0].Values, report.Value{Code: "HNQT.dang_vien", Num: 45, Den: 50}) {
			t.Errorf("activities of the federation: got %+v, want the conference with 1.250 delegates and 45/50 members", acts)
		}

		// The report: the period, then the prefilled figures.
		wantText(t, "report form", request(t, h, "GET", "/bao-cao/moi?nhiem-vu="+fmt.Sprint(asg.ID), c, nil), http.StatusOK, today)
		wantText(t, "report with a bad period", request(t, h, "POST", "/bao-cao/moi", c,
			url.Values{"nhiem-vu": {fmt.Sprint(asg.ID)}, "tu-ngay": {today}, "den-ngay": {"hôm nay"}}), http.StatusBadRequest, "Ngày phải viết dạng")
		rpath := redirected(t, "create the report", request(t, h, "POST", "/bao-cao/moi", c,
			url.Values{"nhiem-vu": {fmt.Sprint(asg.ID)}, "tu-ngay": {"01/01/2025"}, "den-ngay": {today}}), "/bao-cao/")
		wantText(t, "draft report", request(t, h, "GET", rpath, c, nil), http.StatusOK,
			"Dự thảo", `name="ct-HNQT.dai_bieu" value="1.250"`, "Lưu", "Gửi báo cáo")
		redirected(t, "save the report", request(t, h, "POST", rpath, c, url.Values{"ct-HNQT.dai_bieu": {"1.300"},
			"ct-HNQT.dang_vien": {"45"}, "ct-HNQT.dang_vien-mau": {"50"}, "ket-qua": {"Đã tổ chức 2 hội nghị quán triệt."}}), rpath)
		wantText(t, "saved report", request(t, h, "GET", rpath, c, nil), http.StatusOK,
			`value="1.300"`, "Số tính từ hoạt động và báo cáo cấp dưới: 1.250 — đã sửa tay", "Đã tổ chức 2 hội nghị quán triệt.")
		redirected(t, "submit the report", request(t, h, "POST", rpath+"/gui", c, url.Values{}), rpath)
		wantText(t, "sent report", request(t, h, "GET", rpath, c, nil), http.StatusOK, "Đã gửi", "1.300")
		if got := assignmentStatus(t, svc, asg.ID); got != task.Reported {
			t.Errorf("status after sending the report: got %s, want %s", got, task.Reported)
		}

		// The leader of the federation above returns it.
		boss := session(t, h, "ldld.lanhdao")
		wantText(t, "report seen from above", request(t, h, "GET", rpath, boss, nil), http.StatusOK, "Duyệt", "Trả lại")
		wantText(t, "return without a reason", request(t, h, "POST", rpath+"/tra-lai", boss, url.Values{"nhan-xet": {"  "}}),
			http.StatusBadRequest, "Hãy ghi lý do trả lại báo cáo")
		redirected(t, "return the report", request(t, h, "POST", rpath+"/tra-lai", boss,
			url.Values{"nhan-xet": {"Bổ sung số đoàn viên công đoàn dự hội nghị"}}), rpath)
		wantText(t, "returned report", request(t, h, "GET", rpath, c, nil), http.StatusOK,
			"Trả lại", "Bổ sung số đoàn viên công đoàn dự hội nghị", "Gửi báo cáo")
		if got := assignmentStatus(t, svc, asg.ID); got != task.Returned {
			t.Errorf("status after the return: got %s, want %s", got, task.Returned)
		}
		if p := request(t, h, "POST", rpath+"/duyet", c, url.Values{}); p.status != http.StatusForbidden {
			t.Errorf("the unit accepting its own report: got %d, want 403", p.status)
		}
	})
}

func TestWebPersonOfAnotherUnitCannotSeeOrActOnTheAssignment(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, svc, asg := workSite(t, dsn)
		c := session(t, h, "chibo.tdp1")
		path := assignmentURL(asg.ID)
		for _, p := range []struct {
			what string
			page page
		}{
			{"assignment page", request(t, h, "GET", path, c, nil)},
			{"'Đã xem'", request(t, h, "POST", path+"/xem", c, url.Values{})},
			{"activity form", request(t, h, "GET", "/hoat-dong/moi?nhiem-vu="+fmt.Sprint(asg.ID), c, nil)},
			{"report form", request(t, h, "GET", "/bao-cao/moi?nhiem-vu="+fmt.Sprint(asg.ID), c, nil)},
		} {
			if p.page.status != http.StatusForbidden {
				t.Errorf("%s by a chi bộ's leader: got %d, want 403", p.what, p.page.status)
			}
		}
		if got := assignmentStatus(t, svc, asg.ID); got != task.Sent {
			t.Errorf("status after the outsider tried: got %s, want %s", got, task.Sent)
		}
		if p := request(t, h, "GET", "/nhiem-vu/khong-co", c, nil); p.status != http.StatusNotFound {
			t.Errorf("assignment with a bad id: got %d, want 404", p.status)
		}
	})
}

func assignmentStatus(t *testing.T, svc *app.Service, id task.ID) task.Status {
	t.Helper()
	v, err := svc.Assignment(context.Background(), app.System(), id)
	if err != nil {
		t.Fatal(err)
	}
	return v.Assignment.Status
}

func hasValue(vs []report.Value, want report.Value) bool {
	for _, v := range vs {
		if v == want {
			return true
		}
	}
	return false
}
