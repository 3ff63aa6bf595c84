package api

import (
	"net/http"
	"strconv"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
)

// Paging of a register: a page is at most maxPage lines.
const (
	defaultPage = 50
	maxPage     = 200
)

// documents answers GET /documents: by number and notation when "number"
// is given (a list), a full-text search when "q" is (search.go), otherwise
// a page of a unit's registers matching the filters, the latest entry
// first.
func (s *server) documents(w http.ResponseWriter, r *http.Request, c caller) error {
	if r.URL.Query().Has("number") {
		return s.documentsByNumber(w, r, c)
	}
	if r.URL.Query().Get("q") != "" {
		return s.searchDocuments(w, r, c)
	}
	f, err := s.registerFilter(r, c)
	if err != nil {
		return err
	}
	page, err := s.app.Register(r.Context(), c.actor, f)
	if err != nil {
		return err
	}
	out := registerPageView{Total: page.Total, Limit: f.Limit, Offset: f.Offset, Items: make([]documentView, len(page.Entries))}
	for i, e := range page.Entries {
		out.Items[i] = documentView{doc: e.Document, extra: registerLine{Register: string(e.Register), UnitID: int64(e.Unit),
			EntryNo: e.No, EntryOn: day(e.On)}}
	}
	return reply(w, http.StatusOK, out)
}

type registerPageView struct {
	Total  int            `json:"total"` // lines matching in all pages
	Limit  int            `json:"limit"`
	Offset int            `json:"offset"`
	Items  []documentView `json:"items"`
}

// registerLine is what a register adds to a document in a search.
type registerLine struct {
	Register string  `json:"register"`
	UnitID   int64   `json:"register_unit_id"`
	EntryNo  int64   `json:"entry_no"` // số đến or số đi; 0 in the reference register
	EntryOn  *string `json:"entry_on"`
}

var registers = map[string]document.Register{"incoming": document.Incoming, "outgoing": document.Outgoing, "reference": document.Reference}

var documentStatuses = map[string]document.Status{"draft": document.Draft, "issued": document.Issued, "received": document.Received,
	"revoked": document.Revoked, "replaced": document.Replaced}

// registerFilter reads the query of a register search.
func (s *server) registerFilter(r *http.Request, c caller) (store.RegisterFilter, error) {
	q := r.URL.Query()
	f := store.RegisterFilter{Query: q.Get("q"), DocType: q.Get("type"), Issuer: q.Get("issuer"), Limit: defaultPage}
	var err error
	if f.Unit, err = s.unitParam(r, c); err != nil {
		return f, err
	}
	if v := q.Get("register"); v != "" {
		if f.Register = registers[v]; f.Register == "" {
			return f, problem.Errorf(problem.Invalid, "Tham số register phải là incoming (văn bản đến), outgoing (văn bản đi) hoặc reference (tham chiếu), không phải %q", v)
		}
	}
	if v := q.Get("status"); v != "" {
		if f.Status = documentStatuses[v]; f.Status == "" {
			return f, problem.Errorf(problem.Invalid, "Tham số status phải là draft, issued, received, revoked hoặc replaced, không phải %q", v)
		}
	}
	if f.From, err = parseDate(q.Get("from"), "from"); err != nil {
		return f, err
	}
	if f.To, err = parseDate(q.Get("to"), "to"); err != nil {
		return f, err
	}
	if f.Limit, err = intParam(r, "limit", defaultPage, 1, maxPage); err != nil {
		return f, err
	}
	f.Offset, err = intParam(r, "offset", 0, 0, 1<<30)
	return f, err
}

// unitParam is the unit the query's "unit" names by its code; without it,
// the caller's own unit when they act for exactly one.
func (s *server) unitParam(r *http.Request, c caller) (org.ID, error) {
	if code := r.URL.Query().Get("unit"); code != "" {
		u, err := s.app.UnitByCode(r.Context(), code)
		return u.ID, err
	}
	if u, ok := onlyUnit(c.actor); ok {
		return u, nil
	}
	return 0, problem.Errorf(problem.Invalid, "Thiếu tham số unit (mã đơn vị, ví dụ ltu-btg): bạn làm việc cho nhiều đơn vị hoặc không thuộc đơn vị nào")
}

// onlyUnit is the one unit the actor acts for, if there is just one.
func onlyUnit(a app.Actor) (org.ID, bool) {
	var unit org.ID
	for _, m := range a.Memberships {
		if unit != 0 && m.Unit != unit {
			return 0, false
		}
		unit = m.Unit
	}
	return unit, unit != 0
}

// intParam reads a whole-number query parameter within [lo, hi].
func intParam(r *http.Request, param string, def, lo, hi int) (int, error) {
	v := r.URL.Query().Get(param)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, problem.Errorf(problem.Invalid, "Tham số %s phải là số nguyên từ %d đến %d, không phải %q", param, lo, hi, v)
	}
	return n, nil
}
