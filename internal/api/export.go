package api

import (
	"net/http"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/export"
)

// rollupExport sends a directive's results report at a unit as a file:
// the report in the official layout (docx, pdf) or its annex of figures
// (xlsx). Without a unit, the highest unit the directive reached reports.
func (s *server) rollupExport(w http.ResponseWriter, r *http.Request, c caller) error {
	directive, asOf, err := directiveAsOf(r)
	if err != nil {
		return err
	}
	fs, err := required(r, "format", "docx, pdf hoặc xlsx")
	if err != nil {
		return err
	}
	f, err := export.ParseFormat(fs)
	if err != nil {
		return err
	}
	in := app.ResultsQuery{Directive: directive, On: asOf}
	if code := r.URL.Query().Get("unit"); code != "" {
		unit, err := s.app.UnitByCode(r.Context(), code)
		if err != nil {
			return err
		}
		in.Unit = unit.ID
	}
	res, err := s.app.ResultsReport(r.Context(), c.actor, in)
	if err != nil {
		return err
	}
	data, err := res.File(f)
	if err != nil {
		return err
	}
	return sendFile(w, res.FileName(f), f.ContentType(), data)
}

// documentExport answers GET /documents/{id}/export?format=docx|pdf: the
// document laid out in its family's official form.
func (s *server) documentExport(w http.ResponseWriter, r *http.Request, c caller) error {
	id, err := pathID(r, "văn bản")
	if err != nil {
		return err
	}
	fs, err := required(r, "format", "docx hoặc pdf")
	if err != nil {
		return err
	}
	f, err := export.ParseFormat(fs)
	if err != nil {
		return err
	}
	l, d, err := s.app.DocumentLetter(r.Context(), c.actor, document.ID(id))
	if err != nil {
		return err
	}
	data, err := l.File(f)
	if err != nil {
		return err
	}
	return sendFile(w, export.FileName(app.DocumentTitle(d), f), f.ContentType(), data)
}
