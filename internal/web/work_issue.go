package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/task"
	"lantoa/internal/vn"
)

// A unit implements an assignment (or a directive in its register) by issuing its own document (a guidance,
// a plan, a letter) to the units below it. The form drafts it from the
// assignment; "Lưu dự thảo" keeps the draft, "Ban hành" also issues it
// with a number, and each recipient finds its task at once.

// issueForm is the draft as typed, with the error of each field.
type issueForm struct {
	DocType, Subject, Grounds, Body string
	Recipients                      map[org.ID]bool
	Tasks, Dues                     map[org.ID]string // per recipient
	Task, Due                       string            // for every recipient without its own
	Signer, Capacity                string
	Indicators                      map[string]bool // the codes ticked
	Errors                          map[string]string
}

type issueData struct {
	app.ImplementingView
	Form         issueForm
	Types        []string
	Error        string
	Draft        document.ID // a draft saved although issuing was refused
	Action, Back string      // where the form is sent, and the page it was opened from
}

// implementingLoader reads the form's subject from the request: an
// assignment, or a parent document and the unit issuing.
type implementingLoader func(r *http.Request, a app.Actor) (v app.ImplementingView, action, back string, err error)

// fromAssignment loads the form of /nhiem-vu/{id}/ban-hanh.
func (s *server) fromAssignment(r *http.Request, a app.Actor) (app.ImplementingView, string, string, error) {
	id, err := assignmentID(r.PathValue("id"))
	if err != nil {
		return app.ImplementingView{}, "", "", err
	}
	v, err := s.app.ImplementingForm(r.Context(), a, id)
	return v, assignmentURL(id) + "/ban-hanh", assignmentURL(id), err
}

// fromDocument loads the form of /van-ban/{id}/trien-khai, for the unit
// named by "don-vi" (a code, in the query or the form) or the person's first.
func (s *server) fromDocument(r *http.Request, a app.Actor) (app.ImplementingView, string, string, error) {
	id, err := documentID(r)
	if err != nil {
		return app.ImplementingView{}, "", "", err
	}
	var unit org.ID
	if code := r.FormValue("don-vi"); code != "" {
		u, err := s.app.UnitByCode(r.Context(), code)
		if err != nil {
			return app.ImplementingView{}, "", "", err
		}
		unit = u.ID
	}
	v, err := s.app.ImplementingFormFor(r.Context(), a, id, unit)
	action := documentURL(id) + "/trien-khai?don-vi=" + url.QueryEscape(v.Unit.Code)
	return v, action, documentURL(id), err
}

func (s *server) issuePage(w http.ResponseWriter, r *http.Request) {
	s.implementingPage(w, r, s.fromAssignment)
}

func (s *server) issue(w http.ResponseWriter, r *http.Request) {
	s.implement(w, r, s.fromAssignment)
}

func (s *server) implementingDocumentPage(w http.ResponseWriter, r *http.Request) {
	s.implementingPage(w, r, s.fromDocument)
}

func (s *server) implementDocument(w http.ResponseWriter, r *http.Request) {
	s.implement(w, r, s.fromDocument)
}

func (s *server) implementingPage(w http.ResponseWriter, r *http.Request, load implementingLoader) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	v, action, back, err := load(r, a)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := issueForm{DocType: app.ImplementingTypes[0], Subject: v.Parent.Subject, Grounds: strings.Join(v.Lines[1:], "\n"),
		Task: v.Assignment.Task, Recipients: map[org.ID]bool{}, Tasks: map[org.ID]string{}, Dues: map[org.ID]string{},
		Indicators: map[string]bool{}}
	for _, ind := range v.Indicators.Indicators {
		f.Indicators[ind.Code] = true
	}
	if d := v.Assignment.Due.Date; !d.IsZero() {
		f.Due = vn.FormatDate(d)
	}
	s.renderIssue(w, r, a, http.StatusOK, issueData{ImplementingView: v, Form: f, Action: action, Back: back})
}

func (s *server) renderIssue(w http.ResponseWriter, r *http.Request, a app.Actor, status int, d issueData) {
	d.Types = app.ImplementingTypes
	s.render(w, r, status, "issue", view{Title: "Ban hành văn bản triển khai", Actor: &a, Data: d})
}

func (s *server) implement(w http.ResponseWriter, r *http.Request, load implementingLoader) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	if !s.formRead(w, r) {
		return
	}
	v, action, back, err := load(r, a)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f, in := readIssueForm(r, v)
	d := issueData{ImplementingView: v, Form: f, Action: action, Back: back}
	if len(f.Errors) > 0 {
		s.renderIssue(w, r, a, http.StatusBadRequest, d)
		return
	}
	if r.PostForm.Get("hanh-dong") != "ban-hanh" {
		draft, err := s.app.DraftImplementing(r.Context(), a, in)
		if err != nil {
			s.issueFailed(w, r, a, err, d)
			return
		}
		http.Redirect(w, r, documentURL(draft.ID), http.StatusSeeOther)
		return
	}
	signer := app.Signer{Name: f.Signer, Capacity: lines(f.Capacity)}
	issued, draft, err := s.app.IssueImplementing(r.Context(), a, in, signer)
	if err != nil {
		d.Draft = draft.ID
		s.issueFailed(w, r, a, err, d)
		return
	}
	http.Redirect(w, r, documentURL(issued.Document.ID)+"?da-ban-hanh=1", http.StatusSeeOther)
}

// issueFailed shows a refusal the user can correct in the form, anything
// else as an error page.
func (s *server) issueFailed(w http.ResponseWriter, r *http.Request, a app.Actor, err error, d issueData) {
	msg, ok := formError(err)
	if !ok {
		s.fail(w, r, err)
		return
	}
	d.Error = msg
	s.renderIssue(w, r, a, http.StatusBadRequest, d)
}

// readIssueForm reads the form: loai, trich-yeu, can-cu, noi-dung; the
// recipients "nhan" (unit ids), each with "nhiem-vu-{id}" and "han-{id}",
// or the common "nhiem-vu" and "han"; the indicators "chi-tieu" (codes;
// "chi-tieu-chon" says the form offered them); nguoi-ky and chuc-vu.
func readIssueForm(r *http.Request, v app.ImplementingView) (issueForm, app.DraftInput) {
	pf := r.PostForm
	f := issueForm{DocType: pf.Get("loai"), Subject: clean(pf.Get("trich-yeu")), Grounds: clean(pf.Get("can-cu")), Body: clean(pf.Get("noi-dung")),
		Task: clean(pf.Get("nhiem-vu")), Due: strings.TrimSpace(pf.Get("han")), Signer: clean(pf.Get("nguoi-ky")), Capacity: clean(pf.Get("chuc-vu")),
		Recipients: map[org.ID]bool{}, Tasks: map[org.ID]string{}, Dues: map[org.ID]string{}, Errors: map[string]string{},
		Indicators: map[string]bool{}}
	in := app.DraftInput{Unit: v.Unit.ID, Parent: v.Parent.ID, DocType: f.DocType, Subject: f.Subject,
		Body: strings.TrimSpace(f.Grounds + "\n" + f.Body), IndicatorSet: v.Indicators.ID}
	if pf.Has("chi-tieu-chon") { // the form offered the indicators
		in.Indicators = []string{}
		for _, code := range pf["chi-tieu"] {
			if code = strings.TrimSpace(code); code != "" && !f.Indicators[code] {
				f.Indicators[code] = true
				in.Indicators = append(in.Indicators, code)
			}
		}
	}
	common, msg := optionalDay(f.Due)
	if msg != "" {
		f.Errors["han"] = msg
	}
	for _, u := range v.Recipients {
		key := strconv.FormatInt(int64(u.ID), 10)
		f.Tasks[u.ID], f.Dues[u.ID] = clean(pf.Get("nhiem-vu-"+key)), strings.TrimSpace(pf.Get("han-"+key))
	}
	for _, val := range pf["nhan"] {
		n, ok := positiveID(val)
		u := org.ID(n)
		if !ok || f.Recipients[u] {
			continue
		}
		f.Recipients[u] = true
		rt := app.RecipientTask{Unit: u, Role: task.Lead, Task: f.Tasks[u], Due: task.Deadline{Date: common}}
		if rt.Task == "" {
			rt.Task = f.Task
		}
		if f.Dues[u] != "" {
			due, msg := optionalDay(f.Dues[u])
			if msg != "" {
				f.Errors["han-"+strconv.FormatInt(n, 10)] = msg
			}
			rt.Due.Date = due
		}
		in.Recipients = append(in.Recipients, rt)
	}
	return f, in
}

// lines splits text typed one item a line, dropping empty lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// issueDraft issues a draft saved earlier, from its document page.
func (s *server) issueDraft(w http.ResponseWriter, r *http.Request) {
	a, id, ok := s.signedInFor(w, r)
	if !ok {
		return
	}
	if !s.formRead(w, r) {
		return
	}
	signer := app.Signer{Name: clean(r.PostForm.Get("nguoi-ky")), Capacity: lines(clean(r.PostForm.Get("chuc-vu")))}
	if _, err := s.app.Issue(r.Context(), a, id, signer); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, documentURL(id)+"?da-ban-hanh=1", http.StatusSeeOther)
}
