package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/store/storetest"
	"lantoa/internal/task"
)

// educationUnion is the demo in July 2022 with people in the provincial
// education union (a leader and an officer) and in a school's union below
// it, and the education union's assignment from 967/LĐLĐ.
func educationUnion(t *testing.T, dsn string) (http.Handler, *app.Service, task.Assignment, org.Unit) {
	t.Helper()
	ctx := context.Background()
	h, svc := siteOn(t, dsn, "2022-07-25")
	unit := func(code string) org.Unit {
		u, err := svc.UnitByCode(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	union, school := unit("cd-giaoduc"), unit("cdcs-thpt-lqd")
	for _, p := range []struct {
		username string
		unit     org.ID
		role     org.Role
	}{{"cdgd.lanhdao", union.ID, org.Leader}, {"cdgd.chuyenvien", union.ID, org.Officer}, {"lqd.chuyenvien", school.ID, org.Officer}} {
		if _, err := svc.CreateAccount(ctx, app.System(), app.NewAccount{Username: p.username, DisplayName: p.username,
			Password: demoPassword, Memberships: []org.Membership{{Unit: p.unit, Role: p.role}}}); err != nil {
			t.Fatal(err)
		}
	}
	ds, err := svc.DocumentsByNumber(ctx, app.System(), "967/LĐLĐ")
	if err != nil {
		t.Fatal(err)
	}
	lines, err := svc.DocumentAssignments(ctx, app.System(), ds[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		if l.Unit.ID == union.ID {
			return h, svc, l.Assignment, school
		}
	}
	t.Fatalf("967/LĐLĐ gives the education union no assignment")
	return nil, nil, task.Assignment{}, org.Unit{}
}

func TestWebIssueAnImplementingDocumentFromAnAssignment(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		h, svc, as, school := educationUnion(t, dsn)
		leader := session(t, h, "cdgd.lanhdao")
		path := fmt.Sprintf("/nhiem-vu/%d/ban-hanh", as.ID)

		wantText(t, "the assignment page", request(t, h, "GET", fmt.Sprintf("/nhiem-vu/%d", as.ID), leader, nil), http.StatusOK,
			`href="`+path+`"`, "Ban hành văn bản triển khai")
		formPage := request(t, h, "GET", path, leader, nil)
		wantText(t, "the draft form", formPage, http.StatusOK,
			"Thực hiện Công văn số 967/LĐLĐ ngày 11/07/2022", "Căn cứ Hướng dẫn số 71-HD/BTGTU",
			fmt.Sprintf(`<input type="checkbox" name="nhan" value="%d" id="nhan-%s">`, school.ID, school.Code),
			"Chỉ tiêu báo cáo", `name="hanh-dong" value="ban-hanh"`)
		offered := regexp.MustCompile(`name="chi-tieu" value="([^"]+)" id="[^"]+" checked>`).FindAllStringSubmatch(text(formPage), -1)
		if len(offered) < 3 {
			t.Fatalf("the form ticks %d indicators of the set, want them all", len(offered))
		}

		form := url.Values{"loai": {"Kế hoạch"}, "trich-yeu": {"tuyên truyền Chỉ thị số 12-CT/TW trong ngành Giáo dục"},
			"noi-dung": {"Tổ chức quán triệt trong giáo viên."}, "nhan": {fmt.Sprint(school.ID)},
			"nhiem-vu-" + fmt.Sprint(school.ID): {"Tổ chức hội nghị quán triệt trong giáo viên"}, "han": {"30/11/2022"},
			"nguoi-ky": {"Nguyễn Thị Hà"}, "chuc-vu": {"TM. BAN THƯỜNG VỤ\nCHỦ TỊCH"}, "hanh-dong": {"ban-hanh"},
			"chi-tieu-chon": {"1"}, "chi-tieu": {offered[0][1], offered[2][1]}}
		with := func(k, v string) url.Values {
			f := url.Values{}
			for key, vs := range form {
				f[key] = vs
			}
			f.Set(k, v)
			return f
		}
		// Mistakes are said in the form, and nothing is stored.
		wantText(t, "issuing without a signer", request(t, h, "POST", path, leader, with("nguoi-ky", "")), http.StatusBadRequest,
			"Văn bản ban hành phải có người ký")
		wantText(t, "a wrong deadline", request(t, h, "POST", path, leader, with("han", "31/11/2022")), http.StatusBadRequest,
			"Ngày phải viết theo dạng ngày/tháng/năm")
		wantText(t, "no indicator ticked", request(t, h, "POST", path, leader, with("chi-tieu", "")), http.StatusBadRequest,
			"Hãy chọn ít nhất một chỉ tiêu báo cáo")
		if home := text(request(t, h, "GET", "/", session(t, h, "lqd.chuyenvien"), nil)); strings.Contains(home, "quán triệt trong giáo viên") {
			t.Fatalf("a refused form gave the school work:\n%s", home)
		}

		// Issuing numbers the document and shows it.
		loc := redirected(t, "issue", request(t, h, "POST", path, leader, form), "/van-ban/")
		idText, _, _ := strings.Cut(strings.TrimPrefix(loc, "/van-ban/"), "?")
		id, err := strconv.ParseInt(idText, 10, 64)
		if err != nil {
			t.Fatalf("issue redirected to %q", loc)
		}
		issued, err := svc.Document(ctx, app.System(), document.ID(id))
		if err != nil || issued.Status != document.Issued || issued.NumberSymbol == "" {
			t.Fatalf("issued document: %+v, %v; want issued with a number", issued, err)
		}
		wantText(t, "the issued document", request(t, h, "GET", loc, leader, nil), http.StatusOK,
			"Đã ban hành văn bản số "+issued.NumberSymbol, "Nguyễn Thị Hà", "CHỦ TỊCH", "967/LĐLĐ")
		// The school's officer finds the task at home at once, with its deadline.
		home := request(t, h, "GET", "/", session(t, h, "lqd.chuyenvien"), nil)
		wantText(t, "home of the school's officer", home, http.StatusOK,
			issued.NumberSymbol, "Tổ chức hội nghị quán triệt trong giáo viên", "30/11/2022")

		// It is asked for the two indicators ticked, not the whole set.
		link := regexp.MustCompile(`href="/nhiem-vu/(\d+)"`).FindStringSubmatch(text(home))
		if link == nil {
			t.Fatalf("no assignment link on the school's home page")
		}
		n, _ := strconv.ParseInt(link[1], 10, 64)
		v, err := svc.Assignment(ctx, app.System(), task.ID(n))
		if err != nil || len(v.Indicators.Indicators) != 2 || v.Indicators.Indicators[0].Code != offered[0][1] || v.Indicators.Indicators[1].Code != offered[2][1] {
			t.Fatalf("the school reports on %+v (%v); want the two indicators ticked, %s and %s", v.Indicators.Indicators, err, offered[0][1], offered[2][1])
		}
	})
}

func TestWebIssueFormIsForTheAssigneesPeopleOnly(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, svc, as, school := educationUnion(t, dsn)
		path := fmt.Sprintf("/nhiem-vu/%d/ban-hanh", as.ID)
		form := url.Values{"loai": {"Công văn"}, "trich-yeu": {"V/v tuyên truyền"}, "nhan": {fmt.Sprint(school.ID)},
			"nguoi-ky": {"X"}, "hanh-dong": {"ban-hanh"}}
		// Another unit's people, and the leader of the federation above
		// (who sees the assignment but does not draft for the union).
		for _, username := range []string{"btgthu.vanthu", "ldldtp.chuyenvien", "ldld.lanhdao"} {
			c := session(t, h, username)
			if p := request(t, h, "GET", path, c, nil); p.status != http.StatusForbidden {
				t.Errorf("draft form for %s: got %d, want 403", username, p.status)
			}
			if p := request(t, h, "POST", path, c, form); p.status != http.StatusForbidden {
				t.Errorf("issuing by %s: got %d, want 403", username, p.status)
			}
		}
		if p := request(t, h, "GET", "/nhiem-vu/999999/ban-hanh", session(t, h, "cdgd.lanhdao"), nil); p.status != http.StatusNotFound {
			t.Errorf("draft form of an assignment that does not exist: got %d, want 404", p.status)
		}

		// An officer drafts but does not issue: the draft waits for the leader.
		officer := session(t, h, "cdgd.chuyenvien")
		if body := text(request(t, h, "GET", path, officer, nil)); strings.Contains(body, `value="ban-hanh"`) {
			t.Errorf("the officer is offered to issue:\n%s", body)
		}
		form.Set("hanh-dong", "luu")
		draftPath := redirected(t, "save the draft", request(t, h, "POST", path, officer, form), "/van-ban/")
		wantText(t, "the draft", request(t, h, "GET", draftPath, officer, nil), http.StatusOK, "Dự thảo", "V/v tuyên truyền")
		if p := request(t, h, "POST", draftPath+"/ban-hanh", officer, url.Values{"nguoi-ky": {"X"}}); p.status != http.StatusForbidden {
			t.Errorf("the officer issues the draft: got %d, want 403", p.status)
		}
		stranger := session(t, h, "btgthu.vanthu")
		if p := request(t, h, "POST", draftPath+"/ban-hanh", stranger, url.Values{"nguoi-ky": {"X"}}); p.status != http.StatusForbidden {
			t.Errorf("another unit's clerk issues the draft: got %d, want 403", p.status)
		}
		if p := request(t, h, "GET", draftPath, stranger, nil); p.status != http.StatusForbidden {
			t.Errorf("another unit's clerk opens the draft: got %d, want 403", p.status)
		}
		leader := session(t, h, "cdgd.lanhdao")
		done := redirected(t, "the leader issues the draft", request(t, h, "POST", draftPath+"/ban-hanh", leader,
			url.Values{"nguoi-ky": {"Nguyễn Thị Hà"}, "chuc-vu": {"CHỦ TỊCH"}}), draftPath)
		wantText(t, "the issued draft", request(t, h, "GET", done, leader, nil), http.StatusOK, "Đã ban hành văn bản số")
		todos, err := svc.ToDo(context.Background(), app.Actor{Memberships: []org.Membership{{Unit: school.ID, Role: org.Officer}}})
		if err != nil || len(todos) != 1 {
			t.Errorf("the school's work after the draft is issued: %d, %v; want 1", len(todos), err)
		}
	})
}

// A unit may also implement a directive in its register directly: the
// federation's leader issues a plan from 71-HD/BTGTU to a union below.
func TestWebIssueFromAParentDocument(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		h, svc := siteOn(t, dsn, "2022-07-25")
		health, err := svc.UnitByCode(ctx, "cd-yte")
		if err != nil {
			t.Fatal(err)
		}
		leader := session(t, h, "ldld.lanhdao")
		doc := "/van-ban/" + directiveIDOf(t, svc, "71-HD/BTGTU")
		wantText(t, "the guidance's page", request(t, h, "GET", doc, leader, nil), http.StatusOK, `href="`+doc+`/trien-khai"`)
		wantText(t, "the draft form from the guidance", request(t, h, "GET", doc+"/trien-khai", leader, nil), http.StatusOK,
			"Thực hiện Hướng dẫn số 71-HD/BTGTU ngày 22/06/2022", `action="`+doc+`/trien-khai?don-vi=ldld"`,
			fmt.Sprintf(`id="nhan-%s"`, health.Code))
		form := url.Values{"loai": {"Kế hoạch"}, "trich-yeu": {"tuyên truyền Chỉ thị số 12-CT/TW trong công nhân"},
			"nhan": {fmt.Sprint(health.ID)}, "nhiem-vu": {"Tuyên truyền trong ngành Y tế"}, "han": {"01/12/2022"},
			"nguoi-ky": {"Đông Thị Nghĩa"}, "hanh-dong": {"ban-hanh"}}
		loc := redirected(t, "issue from the guidance", request(t, h, "POST", doc+"/trien-khai?don-vi=ldld", leader, form), "/van-ban/")
		wantText(t, "the plan issued", request(t, h, "GET", loc, leader, nil), http.StatusOK, "Đã ban hành văn bản số", "Kế hoạch")
		todos, err := svc.ToDo(ctx, app.Actor{Memberships: []org.Membership{{Unit: health.ID, Role: org.Officer}}})
		found := false
		for _, td := range todos {
			found = found || td.Assignment.Task == "Tuyên truyền trong ngành Y tế"
		}
		if err != nil || !found {
			t.Errorf("the health union's work: %d items, %v; want the plan's task", len(todos), err)
		}

		// Not for a unit one does not draft for, nor for a document one may not see.
		if p := request(t, h, "GET", doc+"/trien-khai?don-vi=tp-btg", leader, nil); p.status != http.StatusForbidden {
			t.Errorf("the federation's leader drafting for the city board: got %d, want 403", p.status)
		}
		letter := "/van-ban/" + directiveIDOf(t, svc, "967/LĐLĐ") + "/trien-khai"
		if p := request(t, h, "GET", letter, session(t, h, "mttqtp.chuyenvien"), nil); p.status != http.StatusForbidden {
			t.Errorf("the city Front's officer drafting from the federation's letter: got %d, want 403", p.status)
		}
		if p := request(t, h, "POST", letter, session(t, h, "mttqtp.chuyenvien"), form); p.status != http.StatusForbidden {
			t.Errorf("the city Front's officer issuing from the federation's letter: got %d, want 403", p.status)
		}
	})
}

func directiveIDOf(t *testing.T, svc *app.Service, numberSymbol string) string {
	t.Helper()
	ds, err := svc.DocumentsByNumber(context.Background(), app.System(), numberSymbol)
	if err != nil || len(ds) != 1 {
		t.Fatalf("find %s: %d documents, %v", numberSymbol, len(ds), err)
	}
	return strconv.FormatInt(int64(ds[0].ID), 10)
}
