package web

import (
	"net/http"
	"strconv"

	"lantoa/internal/document"
	"lantoa/internal/store"
)

// searchPageSize is how many documents a page of search results shows.
const searchPageSize = 20

func (s *server) searchRoutes(mux *http.ServeMux) {
	s.pages.add("search")
	mux.HandleFunc("GET /tim-kiem", s.searchPage)
}

type searchData struct {
	Form       filterForm
	Registers  []statusOption // value and label, like the statuses
	Statuses   []statusOption
	Page       store.SearchPage
	Searched   bool // words were given and read: the results below are an answer
	PageNo     int
	Pages      int
	Prev, Next string // links to the neighbouring pages, empty at the ends
	First      int    // the rank of the first document shown, counting from 1
}

// searchPage finds documents by the words of their number, subject or
// text, in the units the person sees (app.Search), with the register's
// filters; the words found are marked in each document's snippet.
func (s *server) searchPage(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	form := readFilterForm(q)
	c := form.check()
	f := store.SearchFilter{Query: form.Query, DocType: form.DocType, Issuer: form.Issuer, Register: c.Register, Status: c.Status,
		From: c.From, To: c.To, Limit: searchPageSize}
	pageNo, offset := pageOf(q, searchPageSize)
	f.Offset = offset

	d := searchData{Form: form, PageNo: pageNo, First: f.Offset + 1}
	for _, t := range registerTabs[1:] {
		d.Registers = append(d.Registers, statusOption{string(t.reg), t.label})
	}
	for _, st := range []document.Status{document.Received, document.Issued, document.Draft, document.Revoked, document.Replaced} {
		d.Statuses = append(d.Statuses, statusOption{string(st), docStatusLabels[st]})
	}
	const title = "Tìm văn bản"
	if form.FromError != "" || form.ToError != "" {
		s.render(w, r, http.StatusBadRequest, "search", view{Title: title, Actor: &a, Data: d})
		return
	}
	if len(store.SearchTerms(form.Query)) == 0 { // an empty box: the form alone
		s.render(w, r, http.StatusOK, "search", view{Title: title, Actor: &a, Data: d})
		return
	}
	var err error
	if d.Page, err = s.app.Search(r.Context(), a, f); err != nil {
		s.fail(w, r, err)
		return
	}
	d.Searched = true
	d.Pages = max((d.Page.Total+searchPageSize-1)/searchPageSize, 1)
	page := func(n int) string {
		v := form.values()
		v.Set("trang", strconv.Itoa(n))
		return "/tim-kiem?" + v.Encode()
	}
	if pageNo > 1 {
		d.Prev = page(min(pageNo-1, d.Pages))
	}
	if pageNo < d.Pages {
		d.Next = page(pageNo + 1)
	}
	s.render(w, r, http.StatusOK, "search", view{Title: title, Actor: &a, Data: d})
}
