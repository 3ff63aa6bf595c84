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

// filterForm is what the register and the search pages filter documents
// on, as typed, with the error of each date that could not be read.
type filterForm struct {
	Query, DocType, Issuer, Register, Status, From, To string
	FromError, ToError                                 string
}

func readFilterForm(q url.Values) filterForm {
	return filterForm{Query: q.Get("q"), DocType: q.Get("loai"), Issuer: q.Get("co-quan"), Register: q.Get("so"),
		Status: q.Get("trang-thai"), From: q.Get("tu-ngay"), To: q.Get("den-ngay")}
}

// values are the filters as a query string, without the page.
func (f filterForm) values() url.Values {
	v := url.Values{}
	for k, x := range map[string]string{"q": f.Query, "loai": f.DocType, "co-quan": f.Issuer, "so": f.Register,
		"trang-thai": f.Status, "tu-ngay": f.From, "den-ngay": f.To} {
		if x != "" {
			v.Set(k, x)
		}
	}
	return v
}

// checkedFilters are a filter form's values that the store takes.
type checkedFilters struct {
	Register document.Register
	Status   document.Status
	From, To time.Time
}

// check reads the form: an unknown register or status is dropped (the
// form shows "all"), a wrong date is said beside its field.
func (f *filterForm) check() checkedFilters {
	var c checkedFilters
	switch reg := document.Register(f.Register); reg {
	case document.Incoming, document.Outgoing, document.Reference:
		c.Register = reg
	default:
		f.Register = ""
	}
	if _, known := docStatusLabels[document.Status(f.Status)]; known {
		c.Status = document.Status(f.Status)
	} else {
		f.Status = ""
	}
	c.From, f.FromError = optionalDay(f.From)
	c.To, f.ToError = optionalDay(f.To)
	return c
}

// pageOf is the page asked for (from 1) and the offset of its first line.
func pageOf(q url.Values, size int) (pageNo, offset int) {
	pageNo, _ = strconv.Atoi(q.Get("trang"))
	pageNo = max(pageNo, 1)
	return pageNo, (pageNo - 1) * size
}

// registerForm is the register page's filters: a unit's registers.
type registerForm struct {
	Unit string
	filterForm
}

func (f registerForm) values() url.Values {
	v := f.filterForm.values()
	if f.Unit != "" {
		v.Set("don-vi", f.Unit)
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
	form := registerForm{Unit: q.Get("don-vi"), filterForm: readFilterForm(q)}
	unit, err := s.chosenUnit(r.Context(), a, form.Unit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	form.Unit = unit.Code
	c := form.check()
	f := store.RegisterFilter{Unit: unit.ID, DocType: form.DocType, Issuer: form.Issuer, Query: form.Query,
		Register: c.Register, Status: c.Status, From: c.From, To: c.To, Limit: registerPageSize}
	pageNo, offset := pageOf(q, registerPageSize)
	f.Offset = offset

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
