package web

import (
	"net/http"

	"lantoa/internal/app"
	"lantoa/internal/export"
	"lantoa/internal/problem"
)

// Downloads of documents in the official layout. They live under /xuat/,
// outside the remembered dashboard pages, so a file is never kept in
// memory between requests.
func (s *server) exportRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /xuat/theo-doi/{id}/{format}", s.exportDashboard)
	mux.HandleFunc("GET /xuat/bao-cao/{id}/{format}", s.exportReport)
	mux.HandleFunc("GET /xuat/van-ban/{id}/{format}", s.exportDocument)
}

// exportDashboard sends the results report of the dashboard as shown:
// the directive at the unit (don-vi) as of the day (ngay).
func (s *server) exportDashboard(w http.ResponseWriter, r *http.Request) {
	a, id, ok := s.signedInFor(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	f, err := export.ParseFormat(r.PathValue("format"))
	if err != nil {
		s.fail(w, r, problem.Errorf(problem.NotFound, "Không có tệp này. Hãy tải từ trang theo dõi."))
		return
	}
	q := r.URL.Query()
	unit, err := s.chosenUnit(ctx, a, q.Get("don-vi"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	on, dayError := optionalDay(q.Get("ngay"))
	if dayError != "" {
		s.fail(w, r, problem.Errorf(problem.Invalid, "%s", dayError))
		return
	}
	res, err := s.app.ResultsReport(ctx, a, app.ResultsQuery{Directive: id, Unit: unit.ID, On: on})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.sendResults(w, r, res, f)
}

// exportReport sends a unit's report: the roll-up at its unit at the end
// of its period, with the words it wrote.
func (s *server) exportReport(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	id, err := reportID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f, err := export.ParseFormat(r.PathValue("format"))
	if err != nil {
		s.fail(w, r, problem.Errorf(problem.NotFound, "Không có tệp này. Hãy tải từ trang báo cáo."))
		return
	}
	rep, err := s.app.Report(ctx, a, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if rep.Directive == 0 {
		s.fail(w, r, problem.Errorf(problem.NotFound, "Báo cáo định kỳ chưa xuất được thành tệp; hãy tải báo cáo theo từng văn bản chỉ đạo."))
		return
	}
	on := rep.Period.To
	if today := s.app.Today(); on.After(today) {
		on = today
	}
	res, err := s.app.ResultsReport(ctx, a, app.ResultsQuery{Directive: rep.Directive, Unit: rep.Unit, On: on})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	n := rep.Narrative
	res.Narrative = &n
	s.sendResults(w, r, res, f)
}

// exportDocument sends a document laid out in its family's official form.
func (s *server) exportDocument(w http.ResponseWriter, r *http.Request) {
	a, id, ok := s.signedInFor(w, r)
	if !ok {
		return
	}
	f, err := export.ParseFormat(r.PathValue("format"))
	if err != nil || f == export.FormatXLSX {
		s.fail(w, r, problem.Errorf(problem.NotFound, "Không có tệp này. Văn bản tải được dạng .docx hoặc .pdf."))
		return
	}
	l, d, err := s.app.DocumentLetter(r.Context(), a, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data, err := l.File(f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sendFile(w, export.FileName(app.DocumentTitle(d), f), data)
}

func (s *server) sendResults(w http.ResponseWriter, r *http.Request, res export.Results, f export.Format) {
	data, err := res.File(f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sendFile(w, res.FileName(f), data)
}
