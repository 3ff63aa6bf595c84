package web

import (
	"bytes"
	"context"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"lantoa/internal/app"
	"lantoa/internal/demo"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
	"lantoa/internal/vn"
)

const demoPassword = "mật khẩu mẫu Lai Châu"

// page is a response as a browser would see it.
type page struct {
	status int
	header http.Header
	body   string
	cookie *http.Cookie // the session cookie set, if any
}

// request sends a request to h with the session cookie c (when not nil),
// a form (for POST) and extra headers given as name, value pairs.
func request(t *testing.T, h http.Handler, method, path string, c *http.Cookie, form url.Values, headers ...string) page {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	r := httptest.NewRequest(method, path, body)
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if c != nil {
		r.AddCookie(c)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		r.Header.Set(headers[i], headers[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	res := w.Result()
	p := page{status: res.StatusCode, header: res.Header, body: w.Body.String()}
	for _, k := range res.Cookies() {
		if k.Name == cookieName {
			p.cookie = k
		}
	}
	return p
}

func signIn(t *testing.T, h http.Handler, username, pw string, headers ...string) page {
	t.Helper()
	return request(t, h, "POST", "/dang-nhap", nil, url.Values{"ten": {username}, "mat-khau": {pw}}, headers...)
}

// demoSite loads the demo into a new database and returns the web
// application over it, with its store and the database's name.
func demoSite(t *testing.T, dsn string) (http.Handler, *store.Store) {
	t.Helper()
	s := storetest.Open(t, dsn)
	if _, err := demo.Load(context.Background(), s, demoPassword); err != nil {
		t.Fatalf("load the demo: %v", err)
	}
	return New(Options{App: app.New(s, nil), Ping: s.Ping}), s
}

func TestWebSignInShowsTheWorkOfTheDemoOfficerUntilSignOut(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		h, s := demoSite(t, dsn)

		if p := request(t, h, "GET", "/", nil, nil); p.status != http.StatusSeeOther || p.header.Get("Location") != "/dang-nhap" {
			t.Errorf("home without signing in: got %d to %q, want 303 to /dang-nhap", p.status, p.header.Get("Location"))
		}
		if p := request(t, h, "GET", "/dang-nhap", nil, nil); p.status != http.StatusOK || !strings.Contains(p.body, "Tên đăng nhập") {
			t.Errorf("sign-in page: got %d, want 200 with the form:\n%s", p.status, p.body)
		}

		// In the demo only the Front's officer still has work open.
		in := signIn(t, h, "mttqtp.chuyenvien", demoPassword)
		if in.status != http.StatusSeeOther || in.header.Get("Location") != "/" || in.cookie == nil {
			t.Fatalf("sign in: got %d to %q, cookie %v; want 303 to / with a session cookie", in.status, in.header.Get("Location"), in.cookie)
		}
		if !in.cookie.HttpOnly || in.cookie.SameSite != http.SameSiteLaxMode || in.cookie.Secure {
			t.Errorf("cookie over plain HTTP: got %+v, want HttpOnly, SameSite=Lax, not Secure", in.cookie)
		}
		if c := signIn(t, h, "mttqtp.chuyenvien", demoPassword, "X-Forwarded-Proto", "https").cookie; c == nil || !c.Secure {
			t.Errorf("cookie behind an HTTPS proxy: got %+v, want Secure", c)
		}

		home := request(t, h, "GET", "/", in.cookie, nil)
		if home.status != http.StatusOK {
			t.Fatalf("home: got %d, want 200:\n%s", home.status, home.body)
		}
		// The page lists what the use case says this person must do.
		svc := app.New(s, nil)
		acc, err := svc.AccountByUsername(ctx, "mttqtp.chuyenvien")
		if err != nil {
			t.Fatal(err)
		}
		actor, err := svc.ActorFor(ctx, acc.ID, "")
		if err != nil {
			t.Fatal(err)
		}
		todos, err := svc.ToDo(ctx, actor)
		if err != nil {
			t.Fatal(err)
		}
		if len(todos) == 0 || !todos[0].Overdue {
			t.Fatalf("the demo officer has %d assignments to do; the test needs an overdue one", len(todos))
		}
		body := html.UnescapeString(home.body)
		for _, want := range []string{"Trang chủ — Việc cần làm", "Giàng Thị Dợ", "Đăng xuất", "Quá hạn"} {
			if !strings.Contains(body, want) {
				t.Errorf("home lacks %q", want)
			}
		}
		for _, td := range todos {
			if !strings.Contains(body, td.Document.Title()) {
				t.Errorf("home lacks the assignment of %q", td.Document.Title())
			}
			if d := td.Assignment.Due.Date; !d.IsZero() && !strings.Contains(body, vn.FormatDate(d)) {
				t.Errorf("home lacks the deadline %s of %q", vn.FormatDate(d), td.Document.Title())
			}
			if td.Overdue && (!strings.Contains(body, `class="todo overdue"`) || !strings.Contains(body, "Quá hạn")) {
				t.Errorf("overdue %q is not marked red and \"Quá hạn\"", td.Document.Title())
			}
		}

		other := signIn(t, h, "btgthu.chuyenvien", demoPassword)
		if p := request(t, h, "GET", "/", other.cookie, nil); !strings.Contains(html.UnescapeString(p.body), "Không có nhiệm vụ nào cần làm") {
			t.Errorf("home of a person with nothing open: got %d, want the empty list:\n%s", p.status, p.body)
		}

		out := request(t, h, "POST", "/dang-xuat", in.cookie, url.Values{})
		if out.status != http.StatusSeeOther || out.header.Get("Location") != "/dang-nhap" {
			t.Errorf("sign out: got %d to %q, want 303 to /dang-nhap", out.status, out.header.Get("Location"))
		}
		if out.cookie == nil || out.cookie.MaxAge >= 0 {
			t.Errorf("sign out: cookie %+v, want it deleted", out.cookie)
		}
		// The old cookie, kept by a copy of the browser, no longer works.
		if p := request(t, h, "GET", "/", in.cookie, nil); p.status != http.StatusSeeOther {
			t.Errorf("home with the signed-out cookie: got %d, want 303 to sign in", p.status)
		}
	})
}

func TestWebRefusesWrongPasswordsAndThrottles(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, _ := demoSite(t, dsn)
		for i := 1; i <= app.MaxLoginFailures; i++ {
			p := signIn(t, h, "btgtu.chuyenvien", "không phải mật khẩu")
			if p.status != http.StatusForbidden || p.cookie != nil || !strings.Contains(html.UnescapeString(p.body), "Tên đăng nhập hoặc mật khẩu không đúng") {
				t.Fatalf("wrong password, try %d: got %d, cookie %v; want 403, no cookie, the message:\n%s", i, p.status, p.cookie, p.body)
			}
		}
		p := signIn(t, h, "btgtu.chuyenvien", demoPassword)
		if p.status != http.StatusTooManyRequests || p.cookie != nil || !strings.Contains(html.UnescapeString(p.body), "hãy chờ 15 phút") {
			t.Errorf("right password after %d failures: got %d, cookie %v; want 429, no cookie, a message to wait:\n%s", app.MaxLoginFailures, p.status, p.cookie, p.body)
		}
		if p := signIn(t, h, "btgthu.chuyenvien", demoPassword); p.cookie == nil {
			t.Errorf("another person is locked out too: got %d", p.status)
		}
	})
}

func TestWebSessionWorksOnASecondInstance(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		first, _ := demoSite(t, dsn)
		other := storetest.Open(t, dsn)
		second := New(Options{App: app.New(other, nil), Ping: other.Ping})
		in := signIn(t, first, "btgthu.chuyenvien", demoPassword)
		if in.cookie == nil {
			t.Fatalf("sign in on the first instance: got %d, no cookie", in.status)
		}
		if p := request(t, second, "GET", "/", in.cookie, nil); p.status != http.StatusOK || !strings.Contains(p.body, "Đỗ Thu Trang") {
			t.Errorf("home on the second instance: got %d, want 200 for Đỗ Thu Trang", p.status)
		}
		request(t, second, "POST", "/dang-xuat", in.cookie, url.Values{})
		if p := request(t, first, "GET", "/", in.cookie, nil); p.status != http.StatusSeeOther {
			t.Errorf("first instance after signing out on the second: got %d, want 303 to sign in", p.status)
		}
	})
}

func TestWebRefusesCrossSiteStateChanges(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, _ := demoSite(t, dsn)
		p := signIn(t, h, "btgthu.chuyenvien", demoPassword, "Sec-Fetch-Site", "cross-site")
		if p.status != http.StatusForbidden || p.cookie != nil {
			t.Errorf("cross-site sign-in: got %d, cookie %v; want 403 and no cookie", p.status, p.cookie)
		}
		in := signIn(t, h, "btgthu.chuyenvien", demoPassword, "Sec-Fetch-Site", "same-origin")
		if in.cookie == nil {
			t.Fatalf("same-origin sign-in: got %d, no cookie", in.status)
		}
		if p := request(t, h, "POST", "/dang-xuat", in.cookie, url.Values{}, "Sec-Fetch-Site", "cross-site"); p.status != http.StatusForbidden {
			t.Errorf("cross-site sign-out: got %d, want 403", p.status)
		}
		if p := request(t, h, "GET", "/", in.cookie, nil); p.status != http.StatusOK {
			t.Errorf("home after a refused cross-site sign-out: got %d, want 200 (still signed in)", p.status)
		}
	})
}

func TestWebHealthHeadersAndErrorPages(t *testing.T) {
	t.Parallel()
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		h := New(Options{App: app.New(s, nil), Ping: s.Ping})
		p := request(t, h, "GET", "/healthz", nil, nil)
		if p.status != http.StatusOK {
			t.Errorf("/healthz: got %d, want 200", p.status)
		}
		want := map[string]string{
			"Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "same-origin",
		}
		for _, path := range []string{"/dang-nhap", "/khong-co-trang-nay"} {
			p := request(t, h, "GET", path, nil, nil)
			for k, v := range want {
				if got := p.header.Get(k); got != v {
					t.Errorf("%s: header %s = %q, want %q", path, k, got, v)
				}
			}
		}
		if p := request(t, h, "GET", "/khong-co-trang-nay", nil, nil); p.status != http.StatusNotFound || !strings.Contains(html.UnescapeString(p.body), "Không có trang này") {
			t.Errorf("unknown page: got %d, want 404 in Vietnamese:\n%s", p.status, p.body)
		}
		if p := request(t, h, "GET", "/static/site.css", nil, nil); p.status != http.StatusOK || !strings.Contains(p.body, `"Segoe UI", Roboto, "Noto Sans", Arial`) {
			t.Errorf("style sheet: got %d, want 200 with the system font stack", p.status)
		}
		big := url.Values{"ten": {strings.Repeat("a", maxBody)}, "mat-khau": {"x"}}
		if p := request(t, h, "POST", "/dang-nhap", nil, big); p.status != http.StatusBadRequest {
			t.Errorf("sign-in with a body over %d bytes: got %d, want 400", maxBody, p.status)
		}

		var logged bytes.Buffer
		srv := newServer(Options{App: app.New(s, nil), Ping: s.Ping, Log: slog.New(slog.NewTextHandler(&logged, nil))})
		boom := srv.wrap(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("bí mật nội bộ") }))
		p = request(t, boom, "GET", "/", nil, nil)
		body := html.UnescapeString(p.body)
		if p.status != http.StatusInternalServerError || !strings.Contains(body, "Lan Tỏa gặp lỗi") {
			t.Errorf("panic: got %d, want 500 with a Vietnamese page:\n%s", p.status, p.body)
		}
		if strings.Contains(body, "bí mật nội bộ") || strings.Contains(body, "goroutine") || strings.Contains(body, ".go:") {
			t.Errorf("panic page shows internals:\n%s", p.body)
		}
		if !strings.Contains(logged.String(), "bí mật nội bộ") {
			t.Errorf("the panic is not logged: %s", logged.String())
		}

		s.Close()
		if p := request(t, h, "GET", "/healthz", nil, nil); p.status != http.StatusServiceUnavailable {
			t.Errorf("/healthz with the database closed: got %d, want 503", p.status)
		}
	})
}
