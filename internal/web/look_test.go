package web

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"lantoa/internal/store/storetest"
)

// fetch sends a request with the given cookies (the session and the
// language) and returns the page and the language cookie it set, if any.
func fetch(t *testing.T, h http.Handler, method, path string, form url.Values, cookies ...*http.Cookie) (page, *http.Cookie) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	r := httptest.NewRequest(method, path, body)
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for _, c := range cookies {
		if c != nil {
			r.AddCookie(c)
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	p := page{status: w.Code, header: w.Header(), body: w.Body.String()}
	var lang *http.Cookie
	for _, k := range w.Result().Cookies() {
		if k.Name == languageCookie {
			lang = k
		}
	}
	return p, lang
}

// switchTo presses the language switch on path and returns the language
// cookie the browser keeps.
func switchTo(t *testing.T, h http.Handler, lang, path string, session *http.Cookie) *http.Cookie {
	t.Helper()
	p, c := fetch(t, h, "POST", "/ngon-ngu", url.Values{"lang": {lang}, "back": {path}}, session)
	if p.status != http.StatusSeeOther || p.header.Get("Location") != path || c == nil || c.Value != lang {
		t.Fatalf("switch to %s on %s: got %d to %q, cookie %v", lang, path, p.status, p.header.Get("Location"), c)
	}
	return c
}

// shows checks a page loaded and reads in one language: every text of
// want is on it, none of the texts of unwanted.
func shows(t *testing.T, what string, p page, want, unwanted []string) {
	t.Helper()
	body := text(p)
	if p.status != http.StatusOK {
		t.Errorf("%s: got status %d, want 200:\n%s", what, p.status, body)
		return
	}
	for _, s := range want {
		if !strings.Contains(body, s) {
			t.Errorf("%s: page does not show %q:\n%s", what, s, body)
		}
	}
	for _, s := range unwanted {
		if strings.Contains(body, s) {
			t.Errorf("%s: page still shows %q", what, s)
		}
	}
}

// firstLink is the first path on the page matching pattern (one group).
func firstLink(t *testing.T, what string, p page, pattern string) string {
	t.Helper()
	m := regexp.MustCompile(pattern).FindStringSubmatch(p.body)
	if m == nil {
		t.Fatalf("%s: no link matching %s:\n%s", what, pattern, text(p))
	}
	return m[1]
}

// The header every signed-in page shows, in English.
var (
	englishHeader    = []string{`<html lang="en">`, "Registers", "Change password", "API tokens", "Sign out", "Menu", "Tiếng Việt"}
	vietnameseHeader = []string{"Sổ văn bản", "Đổi mật khẩu", "Mã truy cập API", "Đăng xuất", "Vào sổ văn bản đến"}
)

// An officer and an administrator switch to English: the pages they work
// with read in English, with no Vietnamese word of the interface left
// (names of units, people and indicators stay as they are), and switching
// back brings the Vietnamese back.
func TestWebPagesReadInEnglishAfterTheSwitch(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, s := demoSiteOn(t, dsn, demoCampaignDay)
		officer := session(t, h, "mttqtp.chuyenvien")
		en := switchTo(t, h, "en", "/", officer)

		home, _ := fetch(t, h, "GET", "/", nil, officer, en)
		shows(t, "home", home, englishHeader, vietnameseHeader)

		register, _ := fetch(t, h, "GET", "/van-ban", nil, officer, en)
		shows(t, "register", register,
			append([]string{"<title>Registers — ", "Number, notation or subject", "Registered from", "Filter", "Registered on", "Incoming", "Outgoing"}, englishHeader...),
			append([]string{"Trích yếu", "Lọc", "Ngày vào sổ", "Văn bản đến", "Tất cả"}, vietnameseHeader...))

		// The officer's open assignment, its activity form and its returned report.
		asg := firstLink(t, "home", home, `href="(/nhiem-vu/\d+)"`)
		assignment, _ := fetch(t, h, "GET", asg, nil, officer, en)
		shows(t, "assignment", assignment, append([]string{"Record an activity"}, englishHeader...), vietnameseHeader)

		activity, _ := fetch(t, h, "GET", "/hoat-dong/moi?nhiem-vu="+strings.TrimPrefix(asg, "/nhiem-vu/"), nil, officer, en)
		shows(t, "activity form", activity,
			[]string{"Record an activity", "Form of propaganda", "Oral propaganda", "Knowledge contests", "Continue"},
			[]string{"Hình thức tuyên truyền", "Tuyên truyền miệng", "Tiếp tục", "Ghi hoạt động"})

		rep := firstLink(t, "assignment", assignment, `href="(/bao-cao/\d+)"`)
		report, _ := fetch(t, h, "GET", rep, nil, officer, en)
		shows(t, "report", report,
			append([]string{"Reporting period", "Returned", "Comment on return", "Figures", "Oral propaganda", "Public opinion", "Save", "Send the report"}, englishHeader...),
			append([]string{"Kỳ báo cáo", "Trả lại", "Ý kiến khi trả lại", "Số liệu", "Tuyên truyền miệng", "Dư luận xã hội", "Gửi báo cáo", "Lưu"}, vietnameseHeader...))

		// The administrator: the dashboard of a directive and the administration pages.
		admin := session(t, h, "admin")
		dashboard, _ := fetch(t, h, "GET", "/theo-doi/"+directiveID(t, s, "12-CT/TW")+"?don-vi=ltu&ngay=31/12/2022", nil, admin, en)
		shows(t, "dashboard", dashboard,
			append([]string{"<title>Implementation dashboard 12-CT/TW — Tỉnh ủy Lai Châu · Lan Tỏa</title>", "Tỉnh ủy Lai Châu — as of 31/12/2022", "Progress of the assigned units", "Assigned</span>",
				"Units late in reporting", "days overdue", "Results by form of propaganda", "Study and briefing conferences", "By subordinate unit", "Reporting rate"}, englishHeader...),
			append([]string{"Theo dõi triển khai", "đến ngày", "Được giao", "Quá hạn", "Kết quả theo hình thức", "Tỷ lệ báo cáo"}, vietnameseHeader...))

		accounts, _ := fetch(t, h, "GET", "/quan-tri/tai-khoan", nil, admin, en)
		shows(t, "accounts", accounts,
			append([]string{"Accounts and roles", "Create an account", "Initial password (at least 10 characters)", "Officer", "Administrator", "Active", "Organisation", "Audit log"}, englishHeader...),
			append([]string{"Tài khoản và vai trò", "Tạo tài khoản", "Chuyên viên —", "Đang dùng", "Cây tổ chức"}, vietnameseHeader...))

		log, _ := fetch(t, h, "GET", "/quan-tri/nhat-ky", nil, admin, en)
		shows(t, "audit log", log,
			append([]string{"Audit log", "newest first", "Time", "From address"}, englishHeader...),
			append([]string{"Nhật ký hoạt động", "mới nhất trước", "Thời điểm"}, vietnameseHeader...))

		password, _ := fetch(t, h, "GET", "/mat-khau", nil, admin, en)
		shows(t, "password", password,
			append([]string{"Current password", "New password (at least 10 characters)", "Repeat the new password"}, englishHeader...),
			append([]string{"Mật khẩu hiện tại", "Nhập lại mật khẩu mới"}, vietnameseHeader...))
		wrong, _ := fetch(t, h, "POST", "/mat-khau", url.Values{"mat-khau": {"không phải mật khẩu"}, "mat-khau-moi": {"mật khẩu mới dài"}, "nhap-lai": {"mật khẩu mới dài"}}, admin, en)
		if body := text(wrong); !strings.Contains(body, "The current password is wrong") || strings.Contains(body, "Mật khẩu hiện tại không đúng") {
			t.Errorf("a wrong current password, in English: got %d:\n%s", wrong.status, body)
		}

		vi := switchTo(t, h, "vi", "/van-ban", officer)
		back, _ := fetch(t, h, "GET", "/van-ban", nil, officer, vi)
		shows(t, "register after switching back", back,
			[]string{`<html lang="vi">`, "Sổ văn bản — ", "Trích yếu", "Lọc", "Đăng xuất", "English"},
			[]string{"Registers", "Filter", "Sign out", "Tiếng Việt"})
	})
}

// menu is the phone menu of a page: the <details> in the header.
var menu = regexp.MustCompile(`(?s)<details class="menu">\s*<summary>([^<]*)</summary>(.*?)</details>`)

// On a phone the navigation folds behind one "Menu" that opens without
// script, holding the person's own links and the language switch too; no
// page carries an inline style or script, which the CSP would block.
func TestWebPhoneMenuHoldsEveryLinkAndPagesHaveNoInlineCode(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, s := demoSite(t, dsn)
		admin := session(t, h, "admin")
		paths := []string{"/", "/van-ban", "/quan-tri/tai-khoan", "/quan-tri/nhat-ky", "/mat-khau",
			"/theo-doi/" + directiveID(t, s, "12-CT/TW") + "?don-vi=ltu&ngay=31/12/2022"}
		for _, path := range paths {
			p := request(t, h, "GET", path, admin, nil)
			m := menu.FindStringSubmatch(p.body)
			if p.status != http.StatusOK || m == nil {
				t.Errorf("%s: got %d and no <details class=\"menu\"> in the header:\n%s", path, p.status, p.body)
				continue
			}
			if strings.TrimSpace(m[1]) != "Menu" {
				t.Errorf("%s: the menu button says %q, want Menu", path, m[1])
			}
			for _, want := range []string{"Quản trị hệ thống", `href="/van-ban"`, `href="/quan-tri/tai-khoan"`, `href="/mat-khau"`,
				`href="/ma-truy-cap"`, `action="/dang-xuat"`, `action="/ngon-ngu"`} {
				if !strings.Contains(m[2], want) {
					t.Errorf("%s: the phone menu lacks %s", path, want)
				}
			}
			for _, bad := range []string{"style=", "<script", "<style", "onclick=", "javascript:"} {
				if strings.Contains(strings.ToLower(p.body), bad) {
					t.Errorf("%s: the page carries inline code %q, which the CSP blocks", path, bad)
				}
			}
		}
		// Signed out, there is no menu, only the language switch.
		if p := request(t, h, "GET", "/dang-nhap", nil, nil); menu.MatchString(p.body) || !strings.Contains(p.body, `action="/ngon-ngu"`) {
			t.Errorf("sign-in page: want the language switch and no menu:\n%s", p.body)
		}
	})
}

// The style sheet folds the navigation on a phone and prints without the
// parts that only work on a screen.
func TestStyleSheetFoldsTheMenuAndPrintsCleanly(t *testing.T) {
	t.Parallel()
	b, err := fs.ReadFile(files, "static/site.css")
	if err != nil {
		t.Fatal(err)
	}
	css := string(b)
	block := func(at string) string {
		i := strings.Index(css, at)
		if i < 0 {
			t.Fatalf("site.css has no %s", at)
		}
		depth, j := 0, strings.Index(css[i:], "{")+i
		for k := j; k < len(css); k++ {
			switch css[k] {
			case '{':
				depth++
			case '}':
				if depth--; depth == 0 {
					return css[j : k+1]
				}
			}
		}
		t.Fatalf("site.css: %s is not closed", at)
		return ""
	}
	phone := block("@media (max-width: 600px) {\n  .wide-nav")
	for _, want := range []string{".wide-nav { display: none; }", "details.menu { display: block; }", "min-height: 44px"} {
		if !strings.Contains(phone, want) {
			t.Errorf("phone rules lack %q:\n%s", want, phone)
		}
	}
	print := block("@media print")
	for _, want := range []string{".wide-nav, details.menu, .language, nav, form, button", "display: none !important",
		"border: 1px solid #000", "break-inside: avoid", "a[href]::after { content: none; }", "color: #000", "background: #fff"} {
		if !strings.Contains(print, want) {
			t.Errorf("print rules lack %q:\n%s", want, print)
		}
	}
	if !strings.Contains(css, "@page { size: A4; margin: 2cm; }") {
		t.Error("site.css sets no A4 page with 2 cm margins")
	}
}
