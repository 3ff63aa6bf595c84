package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"lantoa/internal/app"
	"lantoa/internal/store/storetest"
)

// unitRow finds the tree row of a unit by its exact name.
func unitRow(body, name string) bool {
	return regexp.MustCompile(`<td class="depth-\d">` + regexp.QuoteMeta(name) + ` <span`).MatchString(body)
}

func TestWebPasswordChangeEndsOtherSessionsAndTheOldPassword(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, _ := demoSite(t, dsn)
		const user, next = "btgtu.chuyenvien", "mật khẩu mới của Mai 2025"
		here, elsewhere := signIn(t, h, user, demoPassword).cookie, signIn(t, h, user, demoPassword).cookie
		if here == nil || elsewhere == nil {
			t.Fatal("sign in: got no session cookie")
		}
		if p := request(t, h, "GET", "/mat-khau", here, nil); p.status != http.StatusOK || !strings.Contains(text(p), "Mật khẩu hiện tại") {
			t.Fatalf("password page: got %d, want 200 with the form:\n%s", p.status, p.body)
		}
		for _, c := range []struct {
			current, next, repeat, want string
		}{
			{"sai mật khẩu rồi", next, next, "Mật khẩu hiện tại không đúng"},
			{demoPassword, "ngắn", "ngắn", "Mật khẩu mới phải có ít nhất 10 ký tự"},
			{demoPassword, demoPassword, demoPassword, "Mật khẩu mới phải khác mật khẩu hiện tại"},
			{demoPassword, next, next + "x", "Nhập lại mật khẩu mới chưa khớp"},
		} {
			p := request(t, h, "POST", "/mat-khau", here, url.Values{"mat-khau": {c.current}, "mat-khau-moi": {c.next}, "nhap-lai": {c.repeat}})
			if p.status != http.StatusBadRequest || !strings.Contains(text(p), `class="field-error"`) || !strings.Contains(text(p), c.want) {
				t.Errorf("change %q → %q/%q: got %d, want 400 with %q next to the field:\n%s", c.current, c.next, c.repeat, p.status, c.want, p.body)
			}
			if strings.Contains(p.body, c.next) || strings.Contains(p.body, c.current) {
				t.Errorf("change %q → %q: the page sends a password back", c.current, c.next)
			}
		}
		p := request(t, h, "POST", "/mat-khau", here, url.Values{"mat-khau": {demoPassword}, "mat-khau-moi": {next}, "nhap-lai": {next}})
		if p.status != http.StatusOK || !strings.Contains(text(p), "Đã đổi mật khẩu") {
			t.Fatalf("change the password: got %d, want 200 saying it is changed:\n%s", p.status, p.body)
		}
		if p := request(t, h, "GET", "/", here, nil); p.status != http.StatusOK {
			t.Errorf("home in the session that changed the password: got %d, want 200", p.status)
		}
		if p := request(t, h, "GET", "/", elsewhere, nil); p.status != http.StatusSeeOther || p.header.Get("Location") != "/dang-nhap" {
			t.Errorf("home in the other session: got %d to %q, want 303 to /dang-nhap", p.status, p.header.Get("Location"))
		}
		if p := signIn(t, h, user, demoPassword); p.status != http.StatusForbidden || p.cookie != nil {
			t.Errorf("sign in with the old password: got %d, cookie %v; want 403 and no session", p.status, p.cookie)
		}
		if p := signIn(t, h, user, next); p.status != http.StatusSeeOther || p.cookie == nil {
			t.Errorf("sign in with the new password: got %d, cookie %v; want 303 with a session", p.status, p.cookie)
		}
	})
}

func TestWebAdminSeesTheOrganisationTreeOfADay(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, _ := demoSite(t, dsn)
		c := signIn(t, h, "admin", demoPassword).cookie

		p := request(t, h, "GET", "/quan-tri/don-vi?ngay=31/12/2022", c, nil)
		body := text(p)
		if p.status != http.StatusOK || !strings.Contains(body, "Cây tổ chức ngày 31/12/2022") {
			t.Fatalf("tree on 31/12/2022: got %d, want 200 with its title:\n%s", p.status, p.body)
		}
		for _, name := range []string{"Ban Tuyên giáo Tỉnh ủy Lai Châu", "Thành ủy Lai Châu", "Ban Bí thư Trung ương Đảng"} {
			if !unitRow(body, name) {
				t.Errorf("tree on 31/12/2022: got no row for %q, want one", name)
			}
		}
		if n := strings.Count(body, ">Ban Tuyên giáo Thành ủy Lai Châu <span"); n != 1 {
			t.Errorf("tree on 31/12/2022: got %d rows for the board with two parents, want 1", n)
		}
		if !strings.Contains(body, "Ban của cấp ủy") || !strings.Contains(body, "BTGTU") {
			t.Errorf("tree on 31/12/2022: got no kind label or notation of the provincial board:\n%s", body)
		}
		// The board was renamed on 01/03/2025: its row says so, with its end.
		if !strings.Contains(body, "Đổi tên từ 01/03/2025: Ban Tuyên giáo Tỉnh ủy Lai Châu →") || !strings.Contains(body, "đến 28/02/2025") {
			t.Errorf("tree on 31/12/2022: got no rename event or end of validity of the provincial board:\n%s", body)
		}

		p = request(t, h, "GET", "/quan-tri/don-vi?ngay=01/08/2025", c, nil)
		body = text(p)
		if p.status != http.StatusOK || unitRow(body, "Thành ủy Lai Châu") || unitRow(body, "Ban Tuyên giáo Tỉnh ủy Lai Châu") {
			t.Errorf("tree on 01/08/2025: got %d, want 200 without the closed city committee and the renamed board:\n%s", p.status, body)
		}
		if !unitRow(body, "Tỉnh ủy Lai Châu") {
			t.Errorf("tree on 01/08/2025: got no row for the provincial committee:\n%s", body)
		}

		if p := request(t, h, "GET", "/quan-tri/don-vi?ngay=2022-12-31", c, nil); p.status != http.StatusBadRequest || !strings.Contains(text(p), "Ngày phải viết theo dạng ngày/tháng/năm") {
			t.Errorf("tree on a mistyped day: got %d, want 400 with the field's error:\n%s", p.status, p.body)
		}
	})
}

func TestWebAdminCreatesAnAccountThatSignsIn(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, _ := demoSite(t, dsn)
		c := signIn(t, h, "admin", demoPassword).cookie
		form := func(unit, pw string) url.Values {
			return url.Values{"ten": {"btgtu.ctv"}, "ho-ten": {"Lò Văn Hải (Cộng tác viên BTG Tỉnh ủy)"}, "mat-khau": {pw},
				"don-vi": {unit}, "vai-tro": {"collaborator"}}
		}
		const pw = "cộng tác viên Lai Châu"

		if p := request(t, h, "GET", "/quan-tri/tai-khoan", c, nil); p.status != http.StatusOK || !strings.Contains(text(p), "Văn thư — Ban Tuyên giáo Tỉnh ủy Lai Châu") {
			t.Errorf("accounts page: got %d, want 200 listing the demo clerk's role:\n%s", p.status, p.body)
		}
		if p := request(t, h, "POST", "/quan-tri/tai-khoan", c, form("khong-co", pw)); p.status != http.StatusBadRequest || !strings.Contains(text(p), `Không có đơn vị mã "khong-co"`) {
			t.Errorf("create in an unknown unit: got %d, want 400 saying so:\n%s", p.status, p.body)
		}
		if p := request(t, h, "POST", "/quan-tri/tai-khoan", c, form("ltu-btg", "ngắn")); p.status != http.StatusBadRequest || !strings.Contains(text(p), `id="mat-khau-loi">Mật khẩu phải có ít nhất 10 ký tự`) {
			t.Errorf("create with a short password: got %d, want 400 with the error next to the password:\n%s", p.status, p.body)
		}
		// The board was renamed in 2025: nobody administers it any more.
		if p := request(t, h, "POST", "/quan-tri/tai-khoan", c, form("ltu-btg", pw)); p.status != http.StatusForbidden || !strings.Contains(text(p), `id="don-vi-loi">Chỉ quản trị của đơn vị hoặc của đơn vị cấp trên`) {
			t.Errorf("create in a unit that has ended: got %d, want 403 with the error next to the unit:\n%s", p.status, p.body)
		}
		p := request(t, h, "POST", "/quan-tri/tai-khoan", c, form("ltu-btgdv", pw))
		if p.status != http.StatusSeeOther || p.header.Get("Location") != "/quan-tri/tai-khoan?da-tao=btgtu.ctv" {
			t.Fatalf("create: got %d to %q, want 303 back to the list:\n%s", p.status, p.header.Get("Location"), p.body)
		}
		list := text(request(t, h, "GET", "/quan-tri/tai-khoan?da-tao=btgtu.ctv", c, nil))
		if !strings.Contains(list, "Đã tạo tài khoản btgtu.ctv") || !strings.Contains(list, "Cộng tác viên — Ban Tuyên giáo và Dân vận Tỉnh ủy Lai Châu") {
			t.Errorf("list after creating: got no notice or no new role:\n%s", list)
		}
		if p := request(t, h, "POST", "/quan-tri/tai-khoan", c, form("ltu-btgdv", pw)); p.status != http.StatusConflict || !strings.Contains(text(p), `id="ten-loi">Tên đăng nhập "btgtu.ctv" đã có người dùng`) {
			t.Errorf("create the same username again: got %d, want 409 next to the username:\n%s", p.status, p.body)
		}
		if p := signIn(t, h, "btgtu.ctv", pw); p.status != http.StatusSeeOther || p.cookie == nil {
			t.Errorf("sign in as the new account: got %d, cookie %v; want 303 with a session", p.status, p.cookie)
		}
	})
}

func TestWebAdministrationIsForAdministratorsOnly(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, s := demoSite(t, dsn)
		c := signIn(t, h, "btgtu.lanhdao", demoPassword).cookie
		for _, path := range []string{"/quan-tri/don-vi", "/quan-tri/don-vi?ngay=31/12/2022", "/quan-tri/tai-khoan", "/quan-tri/nhat-ky"} {
			if p := request(t, h, "GET", path, c, nil); p.status != http.StatusForbidden {
				t.Errorf("GET %s as a leader: got %d, want 403:\n%s", path, p.status, p.body)
			}
		}
		p := request(t, h, "POST", "/quan-tri/tai-khoan", c, url.Values{"ten": {"ke.la"}, "mat-khau": {"mật khẩu đủ dài"}, "don-vi": {"ltu-btg"}, "vai-tro": {"admin"}})
		if p.status != http.StatusForbidden {
			t.Errorf("create an account as a leader: got %d, want 403", p.status)
		}
		if _, err := app.New(s, nil).AccountByUsername(context.Background(), "ke.la"); err == nil {
			t.Error("create an account as a leader: got the account created, want none")
		}
	})
}

func TestWebAuditLogShowsSignInsNewestFirst(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, _ := demoSite(t, dsn)
		signIn(t, h, "btgtu.vanthu", demoPassword)
		c := signIn(t, h, "admin", demoPassword).cookie
		p := request(t, h, "GET", "/quan-tri/nhat-ky", c, nil)
		body := text(p)
		if p.status != http.StatusOK {
			t.Fatalf("audit log: got %d, want 200:\n%s", p.status, p.body)
		}
		first := regexp.MustCompile(`<td>(\d\d/\d\d/\d{4} \d\d:\d\d)</td>\s*<td>Quản trị hệ thống <span class="code">\(admin\)</span></td>\s*<td><code>session.sign_in</code>`)
		if !first.MatchString(body) {
			t.Errorf("audit log: got no sign-in of admin with its time, want one:\n%s", body)
		}
		admin, clerk := strings.Index(body, "(admin)"), strings.Index(body, "(btgtu.vanthu)")
		if admin < 0 || clerk < 0 || admin > clerk {
			t.Errorf("audit log: got admin's sign-in at %d and the clerk's earlier one at %d, want the newest first", admin, clerk)
		}
		m := regexp.MustCompile(`trang 1/(\d+)`).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("audit log: got no page count:\n%s", body)
		}
		if m[1] != "1" && !strings.Contains(body, `href="/quan-tri/nhat-ky?trang=2"`) {
			t.Errorf("audit log of %s pages: got no link to page 2", m[1])
		}
		if p := request(t, h, "GET", "/quan-tri/nhat-ky?trang=9999", c, nil); p.status != http.StatusOK || !strings.Contains(text(p), "Không có mục nào ở trang này") {
			t.Errorf("audit log far past the end: got %d, want 200 saying the page is empty", p.status)
		}
	})
}
