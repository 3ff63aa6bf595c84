package web

import (
	"errors"
	"net/http"

	"lantoa/internal/app"
)

// adminPages are the templates of the administration pages and the
// password change.
var adminPages = []string{"admin-password", "admin-units", "admin-accounts", "admin-log"}

// adminRoutes mounts the administration pages and the password change.
func (s *server) adminRoutes(mux *http.ServeMux) {
	for _, name := range adminPages {
		s.pages.add(name)
	}
	mux.HandleFunc("GET /mat-khau", s.passwordPage)
	mux.HandleFunc("POST /mat-khau", s.changePassword)
	mux.HandleFunc("GET /quan-tri/don-vi", s.unitsPage)
	mux.HandleFunc("POST /quan-tri/don-vi", s.createUnit)
	mux.HandleFunc("POST /quan-tri/don-vi/to-chuc-lai", s.reorganise)
	mux.HandleFunc("GET /quan-tri/tai-khoan", s.accountsPage)
	mux.HandleFunc("POST /quan-tri/tai-khoan", s.createAccount)
	mux.HandleFunc("POST /quan-tri/tai-khoan/{id}/thu-dien-tu", s.setAccountEmail)
	mux.HandleFunc("GET /quan-tri/nhat-ky", s.auditPage)
}

// passwordForm is the password change page's data: an error per field,
// or Done once changed. Passwords are never sent back to the browser.
type passwordForm struct {
	CurrentError, NewError, RepeatError string
	MinLength                           int
	Done                                bool
}

const passwordTitle = "Đổi mật khẩu"

func (s *server) passwordPage(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "admin-password", view{Title: passwordTitle, Actor: &a, Data: passwordForm{MinLength: app.MinPasswordLength}})
}

func (s *server) changePassword(w http.ResponseWriter, r *http.Request) {
	a, token, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	if !s.formRead(w, r) {
		return
	}
	f := r.PostForm
	err := s.app.ChangePassword(r.Context(), a, token, f.Get("mat-khau"), f.Get("mat-khau-moi"), f.Get("nhap-lai"))
	d := passwordForm{MinLength: app.MinPasswordLength, Done: err == nil}
	status, msg := http.StatusOK, ""
	if err != nil {
		status, msg = statusOf(err)
	}
	switch {
	case err == nil:
	case errors.Is(err, app.ErrNewPassword):
		d.NewError = msg
	case errors.Is(err, app.ErrRepeatPassword):
		d.RepeatError = msg
	case errors.Is(err, app.ErrCurrentPassword), errors.Is(err, app.ErrTooManyAttempts):
		d.CurrentError = msg
	default:
		s.fail(w, r, err)
		return
	}
	s.render(w, r, status, "admin-password", view{Title: passwordTitle, Actor: &a, Data: d})
}
