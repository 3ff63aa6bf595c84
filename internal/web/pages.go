package web

import (
	"net/http"

	"lantoa/internal/problem"
)

// loginForm is the sign-in page's data.
type loginForm struct {
	Username, Error string
}

func (s *server) loginPage(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(cookieName); err == nil {
		if _, err := s.app.ActorForSession(r.Context(), c.Value, remote(r)); err == nil {
			http.Redirect(w, r, "/", http.StatusSeeOther)
			return
		}
	}
	s.render(w, r, http.StatusOK, "login", view{Title: "Đăng nhập", Data: loginForm{}})
}

func (s *server) login(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, problem.Errorf(problem.Invalid, "Không đọc được nội dung gửi lên; hãy mở lại trang đăng nhập và thử lại"))
		return
	}
	username := r.PostForm.Get("ten")
	se, err := s.app.SignIn(r.Context(), remote(r), username, r.PostForm.Get("mat-khau"))
	if err != nil {
		status, msg := statusOf(err)
		if status == http.StatusInternalServerError {
			s.fail(w, r, err)
			return
		}
		s.render(w, r, status, "login", view{Title: "Đăng nhập", Data: loginForm{Username: username, Error: msg}})
		return
	}
	setSession(w, r, se)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (s *server) logout(w http.ResponseWriter, r *http.Request) {
	a, token, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	if err := s.app.SignOut(r.Context(), a, token); err != nil {
		s.fail(w, r, err)
		return
	}
	clearSession(w, r)
	http.Redirect(w, r, "/dang-nhap", http.StatusSeeOther)
}
