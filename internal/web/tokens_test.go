package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"lantoa/internal/store/storetest"
)

var (
	shownToken  = regexp.MustCompile(`value="(lantoa_[A-Za-z0-9_-]+)"`)
	revokeForms = regexp.MustCompile(`action="(/ma-truy-cap/\d+/thu-hoi)"`)
)

// apiStatus is the status of an API call made with a bearer token.
func apiStatus(h http.Handler, token string) int {
	r := httptest.NewRequest("GET", "/api/v1/assignments", nil)
	r.Header.Set("Authorization", "Bearer "+token)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Code
}

// A person makes a token on the page, sees it once, uses it with the API,
// and revokes it there; nobody else can revoke it.
func TestWebTokenPageCreatesShowsOnceAndRevokes(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, _ := demoSite(t, dsn)
		c := session(t, h, "ldld.lanhdao")
		wantText(t, "empty token page", request(t, h, "GET", "/ma-truy-cap", c, nil), http.StatusOK,
			"Mã truy cập API", "Bạn chưa tạo mã truy cập nào.")

		wantText(t, "token without a name", request(t, h, "POST", "/ma-truy-cap", c, url.Values{"ten": {" "}}), http.StatusBadRequest,
			"Hãy đặt tên cho mã truy cập")
		wantText(t, "token with an ISO date", request(t, h, "POST", "/ma-truy-cap", c, url.Values{"ten": {"Bảng tính"}, "het-han": {"2099-12-31"}}),
			http.StatusBadRequest, "ngày/tháng/năm", `value="Bảng tính"`)

		made := request(t, h, "POST", "/ma-truy-cap", c, url.Values{"ten": {"Bảng tính tổng hợp"}, "het-han": {"31/12/2099"}})
		wantText(t, "new token", made, http.StatusCreated, "chỉ hiện nó một lần", "Bảng tính tổng hợp", "31/12/2099", "Đang dùng được")
		m := shownToken.FindStringSubmatch(made.body)
		if m == nil {
			t.Fatalf("the new token is not shown:\n%s", made.body)
		}
		token := m[1]
		if got := apiStatus(h, token); got != http.StatusOK {
			t.Fatalf("API with the new token: %d, want 200", got)
		}
		list := request(t, h, "GET", "/ma-truy-cap", c, nil)
		wantText(t, "token list", list, http.StatusOK, "Bảng tính tổng hợp", "31/12/2099", "Đang dùng được")
		if strings.Contains(list.body, token) {
			t.Errorf("the token is shown again on the list")
		}
		if strings.Contains(list.body, "Chưa dùng") {
			t.Errorf("a used token is listed as never used:\n%s", text(list))
		}
		f := revokeForms.FindStringSubmatch(list.body)
		if f == nil {
			t.Fatalf("no revoke button:\n%s", list.body)
		}

		other := session(t, h, "ldld.vanthu")
		wantText(t, "another person revoking", request(t, h, "POST", f[1], other, url.Values{}), http.StatusNotFound)
		if got := apiStatus(h, token); got != http.StatusOK {
			t.Fatalf("after another person's attempt: API %d, want 200", got)
		}

		redirected(t, "revoke", request(t, h, "POST", f[1], c, url.Values{}), "/ma-truy-cap")
		list = request(t, h, "GET", "/ma-truy-cap", c, nil)
		wantText(t, "after revoking", list, http.StatusOK, "Đã thu hồi")
		if revokeForms.MatchString(list.body) {
			t.Errorf("a revoked token still has a revoke button")
		}
		if got := apiStatus(h, token); got != http.StatusUnauthorized {
			t.Errorf("API with the revoked token: %d, want 401", got)
		}

		en := request(t, h, "GET", "/ma-truy-cap", c, nil, "Cookie", languageCookie+"=en; "+c.Name+"="+c.Value)
		wantText(t, "page in English", en, http.StatusOK, "API tokens", "Revoked")
	})
}
