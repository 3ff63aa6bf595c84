package api

import (
	"net"
	"net/http"
	"strings"

	"lantoa/internal/app"
	"lantoa/internal/problem"
)

// authenticate finds the caller of a request by its bearer token: a
// session token or a personal API token.
func (s *server) authenticate(r *http.Request) (caller, error) {
	scheme, token, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	token = strings.TrimSpace(token)
	if !strings.EqualFold(scheme, "Bearer") || token == "" {
		return caller{}, noSession("Cần đăng nhập: gửi mã phiên nhận từ POST " + prefix + "/session, hoặc mã truy cập cá nhân, trong tiêu đề Authorization: Bearer …")
	}
	a, err := s.app.ActorForBearer(r.Context(), token, clientAddr(r))
	if problem.KindOf(err) == problem.NotFound {
		return caller{}, noSession("Mã phiên hoặc mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi; hãy đăng nhập lại hoặc tạo mã mới")
	}
	return caller{actor: a, token: token}, err
}

// clientAddr is where a request came from, for the audit log and the
// sign-in throttle.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

type credentials struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

type sessionJSON struct {
	Token   string `json:"token"`
	Expires string `json:"expires"`
}

// signIn opens a session, under the same throttle as the sign-in page.
func (s *server) signIn(w http.ResponseWriter, r *http.Request, _ caller) error {
	var in credentials
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	se, err := s.app.SignIn(r.Context(), clientAddr(r), in.Username, in.Password)
	if err != nil {
		return err
	}
	return reply(w, http.StatusCreated, sessionJSON{Token: se.Token, Expires: moment(se.Expires)})
}

// signOut ends the caller's session. A personal token is no session: it
// ends by being revoked.
func (s *server) signOut(w http.ResponseWriter, r *http.Request, c caller) error {
	if app.IsAPIToken(c.token) {
		return problem.Errorf(problem.Invalid, "Đây là mã truy cập cá nhân, không phải phiên đăng nhập: hãy thu hồi mã bằng DELETE "+prefix+"/tokens/{id}")
	}
	if err := s.app.SignOut(r.Context(), c.actor, c.token); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
