package web

import (
	"net/http"

	"lantoa/internal/app"
	"lantoa/internal/document"
)

// homeData is the home page's: the person's open assignments, earliest
// deadline first, how many are late, and the documents that came in last.
type homeData struct {
	Todos   []app.Todo
	Overdue int
	Recent  []document.Document // "Văn bản mới": the latest entered in the person's registers
}

// recentCount is how many new documents the home page lists.
const recentCount = 10

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
	if d.Recent, err = s.app.RecentDocuments(r.Context(), a, recentCount); err != nil {
		s.fail(w, r, err)
		return
	}
	for _, t := range todos {
		if t.Overdue {
			d.Overdue++
		}
	}
	s.render(w, r, http.StatusOK, "home", view{Title: "Trang chủ — Việc cần làm", Actor: &a, Data: d})
}
