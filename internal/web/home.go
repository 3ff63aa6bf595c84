package web

import (
	"net/http"

	"lantoa/internal/app"
)

// homeData is the home page's: the person's open assignments, earliest
// deadline first, and how many are late.
type homeData struct {
	Todos   []app.Todo
	Overdue int
}

func (s *server) home(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	todos, err := s.app.ToDo(r.Context(), a)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := homeData{Todos: todos}
	for _, t := range todos {
		if t.Overdue {
			d.Overdue++
		}
	}
	s.render(w, r, http.StatusOK, "home", view{Title: "Trang chủ — Việc cần làm", Actor: &a, Data: d})
}
