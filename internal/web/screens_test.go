package web

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"lantoa/internal/app"
	"lantoa/internal/org"
	"lantoa/internal/store/storetest"
	"lantoa/internal/task"
)

// A task read from a "Kính gửi" letter is the whole letter: the home page
// and the assignment page show its first words and keep the whole text
// behind "Xem toàn văn"; a short task shows as it is.
func TestWebShortTaskShowsWhole(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, _, short := workSite(t, dsn)
		home := text(request(t, h, "GET", "/", session(t, h, "cdgd.chuyenvien"), nil))
		if !strings.Contains(home, `<p class="task">`+short.Task+`</p>`) || strings.Contains(home, "Xem toàn văn") {
			t.Errorf("home with a short task: want it whole, with no \"Xem toàn văn\":\n%s", home)
		}
	})
}

func TestWebLongTaskShowsItsBriefAndTheWholeTextOnDemand(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		long := strings.Repeat("Tổ chức quán triệt Chỉ thị số 12-CT/TW đến cán bộ, đoàn viên, người lao động; ", 12) + "báo cáo kết quả."
		h, a := schoolAssigned(t, dsn, long)
		officer := session(t, h, "lqd.chuyenvien")
		cut := brief(long, 240)
		full := regexp.MustCompile(`<details class="full-text"><summary>Xem toàn văn</summary><p>` + regexp.QuoteMeta(long) + `</p></details>`)
		for _, path := range []string{"/", fmt.Sprintf("/nhiem-vu/%d", a.ID)} {
			p := request(t, h, "GET", path, officer, nil)
			body := text(p)
			if p.status != http.StatusOK || !strings.Contains(body, cut) || !full.MatchString(body) {
				t.Errorf("%s: got %d, want the brief %q and the whole task behind \"Xem toàn văn\":\n%s", path, p.status, cut, body)
			}
			if n := strings.Count(body, long); n != 1 {
				t.Errorf("%s: the whole task is on the page %d times, want once (behind \"Xem toàn văn\")", path, n)
			}
		}
	})
}

// schoolAssigned is the demo with 967/LĐLĐ assigned to a school's union
// with the task given, and an officer of that union, lqd.chuyenvien.
func schoolAssigned(t *testing.T, dsn, taskText string) (http.Handler, task.Assignment) {
	t.Helper()
	ctx := context.Background()
	h, s := demoSite(t, dsn)
	svc := app.New(s, nil)
	ds, err := svc.DocumentsByNumber(ctx, app.System(), "967/LĐLĐ")
	if err != nil || len(ds) != 1 {
		t.Fatalf("find 967/LĐLĐ: got %d documents, %v; want one", len(ds), err)
	}
	school, err := svc.UnitByCode(ctx, "cdcs-thpt-lqd")
	if err != nil {
		t.Fatal(err)
	}
	as, err := svc.CreateAssignments(ctx, app.System(), ds[0].ID, []app.AssignmentInput{{Unit: school.ID, Task: taskText}})
	if err != nil || len(as) != 1 {
		t.Fatalf("assign: got %v, %v; want one assignment", as, err)
	}
	if _, err := svc.CreateAccount(ctx, app.System(), app.NewAccount{Username: "lqd.chuyenvien", DisplayName: "Lò Thị Hà",
		Password: demoPassword, Memberships: []org.Membership{{Unit: school.ID, Role: org.Officer}}}); err != nil {
		t.Fatal(err)
	}
	return h, as[0]
}

// The 2025 reorganisation names dozens of units: the tree lists it once
// below, each unit it touches links to it, and a unit with no end shows
// none (never the zero year).
func TestWebUnitsPageShowsEachReorganisationOnce(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, _ := demoSite(t, dsn)
		p := request(t, h, "GET", "/quan-tri/don-vi?ngay=31/12/2022", session(t, h, "admin"), nil)
		body := text(p)
		if p.status != http.StatusOK {
			t.Fatalf("tree on 31/12/2022: got %d, want 200:\n%s", p.status, body)
		}
		if strings.Contains(body, "0000") {
			t.Errorf("tree on 31/12/2022: a date of the year 0000 is shown:\n%s", body)
		}
		row := regexp.MustCompile(`Ban Bí thư Trung ương Đảng <span class="code">\(tw-bbt\)</span>.*?</tr>`).FindString(strings.ReplaceAll(body, "\n", " "))
		if !strings.Contains(row, "từ 01/01/2020") || strings.Contains(row, "đến") {
			t.Errorf("the central secretariat, open-ended: want \"từ 01/01/2020\" and no end, got row %q", row)
		}

		const closing = "Giải thể từ 01/07/2025: Thành ủy Lai Châu, "
		if n := strings.Count(body, closing); n != 1 {
			t.Errorf("the 2025 dissolution is written out %d times, want once", n)
		}
		m := regexp.MustCompile(`<li id="su-kien-(\d+)">` + regexp.QuoteMeta(closing)).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("tree on 31/12/2022: no listed event starts %q:\n%s", closing, body)
		}
		if n := strings.Count(body, `href="#su-kien-`+m[1]+`">Giải thể 01/07/2025</a>`); n < 5 {
			t.Errorf("%d units link to the 2025 dissolution, want the many it closed", n)
		}
		ids := regexp.MustCompile(`<li id="su-kien-(\d+)">`).FindAllStringSubmatch(body, -1)
		seen := map[string]bool{}
		for _, id := range ids {
			if seen[id[1]] {
				t.Errorf("event %s is listed twice", id[1])
			}
			seen[id[1]] = true
		}
	})
}

// A mistyped address keeps the navigation of someone signed in, and sends
// no one to the sign-in page.
func TestWebNotFoundKeepsTheNavigationOfTheSignedIn(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, _ := demoSite(t, dsn)
		in := request(t, h, "GET", "/khong-co-trang-nay", session(t, h, "btgtu.chuyenvien"), nil)
		wantText(t, "not found, signed in", in, http.StatusNotFound, "Không tìm thấy trang", `action="/dang-xuat"`, `href="/van-ban"`)
		out := request(t, h, "GET", "/khong-co-trang-nay", nil, nil)
		wantText(t, "not found, signed out", out, http.StatusNotFound, "Không tìm thấy trang")
		if strings.Contains(out.body, `action="/dang-xuat"`) {
			t.Errorf("not found, signed out: the page offers to sign out:\n%s", out.body)
		}
	})
}
