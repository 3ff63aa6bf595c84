package web

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/vn"
)

// tokenRoutes mounts the page where a person makes and revokes the
// personal tokens their scripts use with the API.
func (s *server) tokenRoutes(mux *http.ServeMux) {
	s.pages.add("tokens")
	mux.HandleFunc("GET /ma-truy-cap", s.tokensPage)
	mux.HandleFunc("POST /ma-truy-cap", s.createToken)
	mux.HandleFunc("POST /ma-truy-cap/{id}/thu-hoi", s.revokeToken)
}

const tokensTitle = "Mã truy cập API"

// tokenForm is the form as typed, with an error per field.
type tokenForm struct {
	Name, Expires           string
	NameError, ExpiresError string
}

// tokensData is the page's: the new token, shown this once after it is
// made, the form, and the person's tokens.
type tokensData struct {
	New     string
	NewName string
	Form    tokenForm
	Tokens  []tokenLine
}

// tokenLine is a token as listed, its dates ready to show.
type tokenLine struct {
	store.APIToken
	Created, LastUsed, LastDay string // dd/mm/yyyy; empty when none
	Active                     bool
}

func (s *server) tokensPage(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	s.showTokens(w, r, a, http.StatusOK, tokensData{})
}

// showTokens renders the page with the person's tokens under d.
func (s *server) showTokens(w http.ResponseWriter, r *http.Request, a app.Actor, status int, d tokensData) {
	ts, err := s.app.APITokens(r.Context(), a)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	now := s.app.Now()
	for _, t := range ts {
		l := tokenLine{APIToken: t, Created: dateOrEmpty(t.CreatedAt), LastUsed: dateOrEmpty(t.LastUsed), LastDay: dateOrEmpty(t.LastDay()),
			Active: t.Revoked.IsZero() && (t.Expires.IsZero() || t.Expires.After(now))}
		d.Tokens = append(d.Tokens, l)
	}
	s.render(w, r, status, "tokens", view{Title: tokensTitle, Actor: &a, Data: d})
}

func (s *server) createToken(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	if !s.formRead(w, r) {
		return
	}
	f := tokenForm{Name: r.PostForm.Get("ten"), Expires: r.PostForm.Get("het-han")}
	expires, dayError := optionalDay(f.Expires)
	if dayError != "" {
		f.ExpiresError = dayError
		s.showTokens(w, r, a, http.StatusBadRequest, tokensData{Form: f})
		return
	}
	t, err := s.app.CreateAPIToken(r.Context(), a, f.Name, expires)
	if err != nil {
		status, msg := statusOf(err)
		switch {
		case errors.Is(err, app.ErrTokenName):
			f.NameError = msg
		case errors.Is(err, app.ErrTokenExpiry):
			f.ExpiresError = msg
		default:
			s.fail(w, r, err)
			return
		}
		s.showTokens(w, r, a, status, tokensData{Form: f})
		return
	}
	// Shown in this answer only: the page is not cached (render sets
	// no-store) and the database keeps only its hash.
	s.showTokens(w, r, a, http.StatusCreated, tokensData{New: t.Token, NewName: t.Info.Name})
}

func (s *server) revokeToken(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.fail(w, r, problem.Errorf(problem.NotFound, "Không có mã truy cập này"))
		return
	}
	if _, err := s.app.RevokeAPIToken(r.Context(), a, id); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/ma-truy-cap", http.StatusSeeOther)
}

func dateOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return vn.FormatDate(t)
}
