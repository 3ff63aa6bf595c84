package web

import (
	"context"
	"net/http"
	"slices"

	"lantoa/internal/app"
)

// noticeRoutes mounts the reminders page.
func (s *server) noticeRoutes(mux *http.ServeMux) {
	s.pages.add("notices")
	mux.HandleFunc("GET /thong-bao", s.noticesPage)
}

// noticesData is the reminders page's: what is near or past its deadline.
type noticesData struct {
	Notices []app.Notice
	Within  int // days before a deadline the list starts
}

func (s *server) noticesPage(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	ns, err := s.app.Notices(r.Context(), a, s.remindDays)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "notices", view{Title: "Thông báo", Actor: &a, Data: noticesData{Notices: ns, Within: s.noticeWindow()}})
}

// noticeWindow is how many days ahead of a deadline the notices start.
func (s *server) noticeWindow() int {
	days := s.remindDays
	if len(days) == 0 {
		days = app.DefaultRemindDays
	}
	return slices.Max(days)
}

// noticeCount is how many notices the person has, for the menu; a failure
// to count is logged and shows as none, since the page itself still works.
func (s *server) noticeCount(ctx context.Context, a app.Actor) int {
	n, err := s.app.NoticeCount(ctx, a, s.remindDays)
	if err != nil {
		s.log.Warn("counting notices", "account", a.Account, "err", err)
	}
	return n
}
