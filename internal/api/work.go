package api

import (
	"net/http"

	"lantoa/internal/document"
	"lantoa/internal/store"
	"lantoa/internal/task"
)

// maxUnits caps a unit search: enough to pick from, small to send.
const maxUnits = 100

// units lists the units in being today whose names hold the words of q,
// in Vietnamese alphabetical order.
func (s *server) units(w http.ResponseWriter, r *http.Request, _ caller) error {
	us, err := s.app.Units(r.Context(), store.UnitFilter{Query: r.URL.Query().Get("q"), On: s.app.Today(), Limit: maxUnits})
	if err != nil {
		return err
	}
	out := make([]unitView, len(us))
	for i, u := range us {
		out[i] = unitOf(u)
	}
	return reply(w, http.StatusOK, out)
}

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

// acknowledge records that the caller's unit has read an assignment.
func (s *server) acknowledge(w http.ResponseWriter, r *http.Request, c caller) error {
	id, err := pathID(r, "nhiệm vụ")
	if err != nil {
		return err
	}
	a, err := s.app.Acknowledge(r.Context(), c.actor, task.ID(id))
	if err != nil {
		return err
	}
	return reply(w, http.StatusOK, assignmentOf(a))
}

// rollup is a directive's results at a unit as of a day (today by default).
func (s *server) rollup(w http.ResponseWriter, r *http.Request, c caller) error {
	q := r.URL.Query()
	ds, err := required(r, "directive", "mã số của văn bản chỉ đạo")
	if err != nil {
		return err
	}
	directive, err := parseID(ds, "văn bản chỉ đạo")
	if err != nil {
		return err
	}
	code, err := required(r, "unit", "mã đơn vị, ví dụ ltu")
	if err != nil {
		return err
	}
	asOf, err := parseDate(q.Get("as_of"), "as_of")
	if err != nil {
		return err
	}
	unit, err := s.app.UnitByCode(r.Context(), code)
	if err != nil {
		return err
	}
	ru, err := s.app.Rollup(r.Context(), c.actor, document.ID(directive), unit.ID, asOf)
	if err != nil {
		return err
	}
	return reply(w, http.StatusOK, rollupOf(ru))
}
