package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/store"
)

// registerPageSize is how many register lines a page shows.
const registerPageSize = 30

// registerTab is one of a unit's registers, as a link.
type registerTab struct {
	Label, URL string
	Current    bool
}

// registerForm is the register page's filters as typed, with the error
// of each field that could not be read.
type registerForm struct {
	Unit, Register, DocType, Issuer, From, To, Status, Query string
	FromError, ToError                                       string
}

// values are the filters as a query string, without the page.
func (f registerForm) values() url.Values {
	v := url.Values{}
	for k, x := range map[string]string{"don-vi": f.Unit, "so": f.Register, "loai": f.DocType, "co-quan": f.Issuer,
		"tu-ngay": f.From, "den-ngay": f.To, "trang-thai": f.Status, "q": f.Query} {
		if x != "" {
			v.Set(k, x)
		}
	}
	return v
}

type registerData struct {
	Unit       org.Unit
	Units      []org.Unit // the person's own, to switch between
	Form       registerForm
	Tabs       []registerTab
	Statuses   []statusOption
	Page       store.RegisterPage
	PageNo     int
	Pages      int
	Prev, Next string // links to the neighbouring pages, empty at the ends
	First      int    // the number of the first line shown, counting from 1
}

type statusOption struct {
	Value, Label string
}

var registerTabs = []struct {
	reg   document.Register
	label string
}{
	{"", "Tất cả"},
	{document.Incoming, "Văn bản đến"},
	{document.Outgoing, "Văn bản đi"},
	{document.Reference, "Tham chiếu"},
}

func (s *server) registerPage(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	form := registerForm{Unit: q.Get("don-vi"), Register: q.Get("so"), DocType: q.Get("loai"), Issuer: q.Get("co-quan"),
		From: q.Get("tu-ngay"), To: q.Get("den-ngay"), Status: q.Get("trang-thai"), Query: q.Get("q")}
	unit, err := s.chosenUnit(r.Context(), a, form.Unit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	form.Unit = unit.Code
	f := store.RegisterFilter{Unit: unit.ID, DocType: form.DocType, Issuer: form.Issuer, Query: form.Query,
		Status: document.Status(form.Status), Limit: registerPageSize}
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
	f.Offset = (pageNo - 1) * registerPageSize

	d := registerData{Unit: unit, Form: form, PageNo: pageNo, First: f.Offset + 1}
	if d.Units, err = s.ownUnits(r.Context(), a); err != nil {
		s.fail(w, r, err)
		return
	}
	for _, st := range []document.Status{document.Received, document.Issued, document.Draft, document.Revoked, document.Replaced} {
		d.Statuses = append(d.Statuses, statusOption{string(st), docStatusLabels[st]})
	}
	for _, t := range registerTabs {
		v := form.values()
		v.Del("so")
		if t.reg != "" {
			v.Set("so", string(t.reg))
		}
		d.Tabs = append(d.Tabs, registerTab{Label: t.label, URL: "/van-ban?" + v.Encode(), Current: t.reg == f.Register})
	}
	title := "Sổ văn bản — " + unit.Name
	if form.FromError != "" || form.ToError != "" {
		s.render(w, r, http.StatusBadRequest, "register", view{Title: title, Actor: &a, Data: d})
		return
	}
	if d.Page, err = s.app.Register(r.Context(), a, f); err != nil {
		s.fail(w, r, err)
		return
	}
	d.Pages = max((d.Page.Total+registerPageSize-1)/registerPageSize, 1)
	page := func(n int) string {
		v := form.values()
		v.Set("trang", strconv.Itoa(n))
		return "/van-ban?" + v.Encode()
	}
	if pageNo > 1 {
		d.Prev = page(min(pageNo-1, d.Pages))
	}
	if pageNo < d.Pages {
		d.Next = page(pageNo + 1)
	}
	s.render(w, r, http.StatusOK, "register", view{Title: title, Actor: &a, Data: d})
}

// optionalDay reads a filter's day: zero when left empty, and the error
// to show by the field when it is not a date.
func optionalDay(s string) (time.Time, string) {
	if s == "" {
		return time.Time{}, ""
	}
	t, ok := parseDay(s)
	if !ok {
		return time.Time{}, "Ngày phải viết theo dạng ngày/tháng/năm, ví dụ 15/07/2022"
	}
	return t, ""
}
