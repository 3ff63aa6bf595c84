package web

import (
	"net/http"
	"net/url"
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

// searchForm is the search page's words and filters as typed, with the
// error of each date that could not be read.
type searchForm struct {
	Query, DocType, Issuer, Register, Status, From, To string
	FromError, ToError                                 string
}

// values are the words and filters as a query string, without the page.
func (f searchForm) values() url.Values {
	v := url.Values{}
	for k, x := range map[string]string{"q": f.Query, "loai": f.DocType, "co-quan": f.Issuer, "so": f.Register,
		"trang-thai": f.Status, "tu-ngay": f.From, "den-ngay": f.To} {
		if x != "" {
			v.Set(k, x)
		}
	}
	return v
}

type searchData struct {
	Form       searchForm
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
	form := searchForm{Query: q.Get("q"), DocType: q.Get("loai"), Issuer: q.Get("co-quan"), Register: q.Get("so"),
		Status: q.Get("trang-thai"), From: q.Get("tu-ngay"), To: q.Get("den-ngay")}
	f := store.SearchFilter{Query: form.Query, DocType: form.DocType, Issuer: form.Issuer, Status: document.Status(form.Status),
		Limit: searchPageSize}
	switch reg := document.Register(form.Register); reg {
	case document.Incoming, document.Outgoing, document.Reference:
		f.Register = reg
	default:
		form.Register = ""
	}
	if _, known := docStatusLabels[f.Status]; !known {
		f.Status, form.Status = "", ""
	}
	f.From, form.FromError = optionalDay(form.From)
	f.To, form.ToError = optionalDay(form.To)
	pageNo, _ := strconv.Atoi(q.Get("trang"))
	pageNo = max(pageNo, 1)
	f.Offset = (pageNo - 1) * searchPageSize

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
