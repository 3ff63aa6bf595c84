package api

import (
	"net/http"
	"time"

	"lantoa/internal/document"
)

type todoView struct {
	assignmentView
	Document documentView `json:"document"`
	Overdue  bool         `json:"overdue"`
	DaysLate int          `json:"days_late"`
}

// toDo lists what the caller's units must still do, earliest deadline first.
func (s *server) toDo(w http.ResponseWriter, r *http.Request, c caller) error {
	items, err := s.app.ToDo(r.Context(), c.actor)
	if err != nil {
		return err
	}
	out := make([]todoView, len(items))
	for i, t := range items {
		out[i] = todoView{assignmentView: assignmentOf(t.Assignment), Document: documentView{doc: t.Document}, Overdue: t.Overdue, DaysLate: t.DaysLate}
	}
	return reply(w, http.StatusOK, out)
}

// rollup is a directive's results at a unit as of a day (today by default).
func (s *server) rollup(w http.ResponseWriter, r *http.Request, c caller) error {
	directive, asOf, err := directiveAsOf(r)
	if err != nil {
		return err
	}
	code, err := required(r, "unit", "mã đơn vị, ví dụ ltu")
	if err != nil {
		return err
	}
	unit, err := s.app.UnitByCode(r.Context(), code)
	if err != nil {
		return err
	}
	ru, err := s.app.Rollup(r.Context(), c.actor, directive, unit.ID, asOf)
	if err != nil {
		return err
	}
	return reply(w, http.StatusOK, rollupOf(ru))
}

// directiveAsOf reads what the roll-up routes are about: the directive
// (required) and the day (as_of, zero for today).
func directiveAsOf(r *http.Request) (document.ID, time.Time, error) {
	ds, err := required(r, "directive", "mã số của văn bản chỉ đạo")
	if err != nil {
		return 0, time.Time{}, err
	}
	directive, err := parseID(ds, "văn bản chỉ đạo")
	if err != nil {
		return 0, time.Time{}, err
	}
	asOf, err := parseDate(r.URL.Query().Get("as_of"), "as_of")
	return document.ID(directive), asOf, err
}
