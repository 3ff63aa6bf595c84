package api

import (
	"net/http"

	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
)

// searchDocuments answers GET /documents?q=…: the documents the caller may
// see whose text holds every word, the best first (app.Search), each with
// the words around what matched and, when it has one, its line in a
// register of the units searched.
func (s *server) searchDocuments(w http.ResponseWriter, r *http.Request, c caller) error {
	q := r.URL.Query()
	f := store.SearchFilter{Query: q.Get("q"), DocType: q.Get("type"), Issuer: q.Get("issuer")}
	if code := q.Get("unit"); code != "" {
		u, err := s.app.UnitByCode(r.Context(), code)
		if err != nil {
			return err
		}
		f.Units = []org.ID{u.ID}
	}
	if v := q.Get("register"); v != "" {
		if f.Register = registers[v]; f.Register == "" {
			return problem.Errorf(problem.Invalid, "Tham số register phải là incoming (văn bản đến), outgoing (văn bản đi) hoặc reference (tham chiếu), không phải %q", v)
		}
	}
	if v := q.Get("status"); v != "" {
		if f.Status = documentStatuses[v]; f.Status == "" {
			return problem.Errorf(problem.Invalid, "Tham số status phải là draft, issued, received, revoked hoặc replaced, không phải %q", v)
		}
	}
	var err error
	if f.From, err = parseDate(q.Get("from"), "from"); err != nil {
		return err
	}
	if f.To, err = parseDate(q.Get("to"), "to"); err != nil {
		return err
	}
	if f.Limit, err = intParam(r, "limit", searchPage, 1, maxPage); err != nil {
		return err
	}
	if f.Offset, err = intParam(r, "offset", 0, 0, 1<<30); err != nil {
		return err
	}
	page, err := s.app.Search(r.Context(), c.actor, f)
	if err != nil {
		return err
	}
	out := searchPageView{Total: page.Total, More: page.More, Limit: f.Limit, Offset: f.Offset, Items: make([]documentView, len(page.Hits))}
	for i, h := range page.Hits {
		extra := searchExtra{Snippet: h.Snippet.HTML()}
		if e := h.Entry; e != nil {
			extra.registerLine = &registerLine{Register: string(e.Register), UnitID: int64(e.Unit), EntryNo: e.No, EntryOn: day(e.On)}
		}
		out.Items[i] = documentView{doc: h.Document, extra: extra}
	}
	return reply(w, http.StatusOK, out)
}

// searchPage is how many documents a page of search results holds unless
// the caller asks otherwise.
const searchPage = 20

type searchPageView struct {
	Total  int            `json:"total"` // documents found, counted up to 1000
	More   bool           `json:"more"`  // more than total were found
	Limit  int            `json:"limit"`
	Offset int            `json:"offset"`
	Items  []documentView `json:"items"`
}

// searchExtra is what a search adds to a document.
type searchExtra struct {
	Snippet string `json:"snippet"` // HTML: the matched words in <mark>, the rest escaped
	*registerLine
}
