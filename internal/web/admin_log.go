package web

import (
	"net/http"
	"strconv"

	"lantoa/internal/app"
)

// auditData is the audit log page's: a page of entries and the links to
// the pages around it.
type auditData struct {
	Log        app.AuditPage
	Prev, Next string
}

func (s *server) auditPage(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	page, err := strconv.Atoi(r.URL.Query().Get("trang"))
	if err != nil {
		page = 1 // a missing or mistyped page number opens the newest entries
	}
	d := auditData{}
	if d.Log, err = s.app.AuditLog(r.Context(), a, page); err != nil {
		s.fail(w, r, err)
		return
	}
	if d.Log.Page > 1 {
		d.Prev = "/quan-tri/nhat-ky?trang=" + strconv.Itoa(min(d.Log.Page-1, d.Log.Pages))
	}
	if d.Log.Page < d.Log.Pages {
		d.Next = "/quan-tri/nhat-ky?trang=" + strconv.Itoa(d.Log.Page+1)
	}
	s.render(w, r, http.StatusOK, "admin-log", view{Title: "Nhật ký hoạt động", Actor: &a, Data: d})
}
