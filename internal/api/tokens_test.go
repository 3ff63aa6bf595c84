package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

type tokenJSON struct {
	ID         int64   `json:"id"`
	Name       string  `json:"name"`
	Token      string  `json:"token"`
	LastUsedAt *string `json:"last_used_at"`
	ExpiresOn  *string `json:"expires_on"`
	RevokedAt  *string `json:"revoked_at"`
}

func newToken(t *testing.T, h http.Handler, bearer, body string) tokenJSON {
	t.Helper()
	res := call(t, h, bearer, "POST", "/api/v1/tokens", "application/json", strings.NewReader(body))
	if res.status != http.StatusCreated {
		t.Fatalf("create token %s: status %d; body %s", body, res.status, res.body)
	}
	var tok tokenJSON
	res.decode(t, &tok)
	return tok
}

// A script's token: made once with a session, it then works alone (as
// its owner, with the owner's rights) until revoked, and is refused in
// Vietnamese afterwards. Requests that cannot be read say why.
func TestAPITokenCreateUseRevoke(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		h := demoAPI(t, s)
		session := signIn(t, h, "ldld.lanhdao")
		tok := newToken(t, h, session, `{"name": "Bảng tính tổng hợp", "expires_on": "2099-12-31"}`)
		if tok.Token == "" || tok.ID == 0 || str(tok.ExpiresOn) != "2099-12-31" || tok.LastUsedAt != nil {
			t.Fatalf("new token %+v, want its text, id, expiry 2099-12-31 and no use yet", tok)
		}
		// Signing out of the session that made it leaves the token working.
		if res := call(t, h, session, "DELETE", "/api/v1/session", "", nil); res.status != http.StatusNoContent {
			t.Fatalf("sign out: %d %s", res.status, res.body)
		}
		var todos []todoJSON
		res := get(t, h, tok.Token, "/api/v1/assignments")
		res.decode(t, &todos)
		if res.status != http.StatusOK {
			t.Fatalf("to-do with the token: status %d; body %s", res.status, res.body)
		}
		call(t, h, tok.Token, "DELETE", "/api/v1/session", "", nil).problem(t, http.StatusBadRequest)
		// It has its owner's rights, no more: the province's results are not hers.
		get(t, h, tok.Token, "/api/v1/rollup?directive=1&unit=ltu").problem(t, http.StatusForbidden)

		var list []tokenJSON
		get(t, h, tok.Token, "/api/v1/tokens").decode(t, &list)
		if len(list) != 1 || list[0].ID != tok.ID || list[0].Token != "" || list[0].LastUsedAt == nil || list[0].Name != "Bảng tính tổng hợp" {
			t.Fatalf("tokens listed %+v, want the one token, used, without its text", list)
		}

		other := signIn(t, h, "ldld.vanthu")
		call(t, h, other, "DELETE", fmt.Sprintf("/api/v1/tokens/%d", tok.ID), "", nil).problem(t, http.StatusNotFound)
		if res := call(t, h, tok.Token, "DELETE", fmt.Sprintf("/api/v1/tokens/%d", tok.ID), "", nil); res.status != http.StatusNoContent {
			t.Fatalf("revoke: status %d; body %s", res.status, res.body)
		}
		detail := get(t, h, tok.Token, "/api/v1/assignments").problem(t, http.StatusUnauthorized)
		if !strings.Contains(detail, "thu hồi") {
			t.Errorf("revoked token refused with %q, want it to say tokens may be revoked", detail)
		}
		get(t, h, "lantoa_khongcomanay", "/api/v1/assignments").problem(t, http.StatusUnauthorized)

		get(t, h, other, "/api/v1/tokens").decode(t, &list)
		if len(list) != 0 {
			t.Errorf("another person's tokens %+v, want none", list)
		}

		// Requests that cannot be read say so, field by field.
		for body, want := range map[string]string{
			`{"name": "A", "het_han": "2099-01-01"}`:    `"het_han"`,
			`{"name": "A"`:                              "JSON",
			`{"name": ""}`:                              "tên",
			`{"name": "A", "expires_on": "31/12/2099"}`: "YYYY-MM-DD",
			`{"name": "A", "expires_on": "2001-01-01"}`: "đã qua",
		} {
			res := call(t, h, other, "POST", "/api/v1/tokens", "application/json", strings.NewReader(body))
			if d := res.problem(t, http.StatusBadRequest); !strings.Contains(d, want) {
				t.Errorf("%s: detail %q, want it to mention %s", body, d, want)
			}
		}
		call(t, h, other, "DELETE", "/api/v1/tokens/abc", "", nil).problem(t, http.StatusBadRequest)
		call(t, h, "", "POST", "/api/v1/tokens", "application/json", strings.NewReader(`{"name":"A"}`)).problem(t, http.StatusUnauthorized)
	})
}
