package web

import (
	"errors"
	"net"
	"net/http"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/problem"
)

// cookieName holds the session token; the database knows only its hash.
const cookieName = "lantoa_phien"

// secure reports whether the browser reached us over HTTPS, directly or
// through a proxy that says so, so the cookie is never sent in clear.
func secure(r *http.Request) bool {
	return r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https"
}

// setSession gives the browser the session's token for the session's
// lifetime, counted by the browser (Max-Age), so an office PC whose clock
// is wrong keeps the cookie as long as the database keeps the session.
func setSession(w http.ResponseWriter, r *http.Request, se app.Session) {
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: se.Token, Path: "/", MaxAge: int(app.SessionLifetime / time.Second),
		HttpOnly: true, Secure: secure(r), SameSite: http.SameSiteLaxMode})
}

func clearSession(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: secure(r), SameSite: http.SameSiteLaxMode})
}

// remote is where a request came from, for the audit log.
func remote(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// signedIn finds who is signed in and their session token. When nobody
// is (no cookie, or a session that ended or expired) it sends the browser
// to the sign-in page, and on any other error shows it; ok is then false.
func (s *server) signedIn(w http.ResponseWriter, r *http.Request) (a app.Actor, token string, ok bool) {
	c, err := r.Cookie(cookieName)
	if err == nil {
		a, err = s.app.ActorForSession(r.Context(), c.Value, remote(r))
	}
	switch {
	case err == nil:
		return a, c.Value, true
	case errors.Is(err, http.ErrNoCookie) || problem.KindOf(err) == problem.NotFound:
		clearSession(w, r)
		http.Redirect(w, r, "/dang-nhap", http.StatusSeeOther)
	default:
		s.fail(w, r, err)
	}
	return app.Actor{}, "", false
}
