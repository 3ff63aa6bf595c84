package web

import (
	"net/http"
	"strconv"
	"strings"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/task"
	"lantoa/internal/vn"
)

// Assigning work from a document takes one form: the reader's proposal
// (each assignment found, with the units its text names checked, and a
// list to pick from for a text that named none), one deadline, and a
// button. Nothing is stored until it is sent.

// assignForm is the form as typed; Fresh means it was never sent, so every
// proposed unit starts checked.
type assignForm struct {
	Fresh     bool
	Checked   map[org.ID]bool
	Picked    map[int]map[org.ID]bool
	Extra     map[org.ID]bool
	ExtraTask string
	Due       string
}

type assignData struct {
	app.Proposal
	Form     assignForm
	Error    string // of the whole form
	DueError string
	DueHint  string // the deadline in the document's words, when it gives no date
}

// ShowBox reports whether the checkbox of unit u in item n is drawn: a
// unit named by several items has one checkbox, in the first.
func (d assignData) ShowBox(n int, u org.ID) bool {
	for i := 0; i < n; i++ {
		for _, x := range d.Items[i].Units {
			if x.ID == u && !d.Assigned[u] {
				return false
			}
		}
	}
	return true
}

// SameTask reports whether item n has the task of the item before it: a
// letter read as one task for several lines is shown once, not per line.
func (d assignData) SameTask(n int) bool {
	return n > 0 && n < len(d.Items) && d.Items[n].Task != "" && d.Items[n].Task == d.Items[n-1].Task
}

// IsChecked reports whether unit u's checkbox is ticked.
func (d assignData) IsChecked(u org.ID) bool { return d.Form.Fresh || d.Form.Checked[u] }

// IsPicked reports whether unit u is selected in item n's list.
func (d assignData) IsPicked(n int, u org.ID) bool { return d.Form.Picked[n][u] }

func (s *server) assignPage(w http.ResponseWriter, r *http.Request) {
	a, id, ok := s.signedInFor(w, r)
	if !ok {
		return
	}
	p, err := s.app.ProposeAssignments(r.Context(), a, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := assignForm{Fresh: true}
	if !p.Due.Date.IsZero() {
		f.Due = vn.FormatDate(p.Due.Date)
	}
	s.renderAssign(w, r, a, http.StatusOK, assignData{Proposal: p, Form: f})
}

func (s *server) renderAssign(w http.ResponseWriter, r *http.Request, a app.Actor, status int, d assignData) {
	if d.Due.Date.IsZero() {
		d.DueHint = d.Due.Text
	}
	s.render(w, r, status, "assign", view{Title: "Giao nhiệm vụ — " + d.Document.Title(), Actor: &a, Data: d})
}

func (s *server) assign(w http.ResponseWriter, r *http.Request) {
	a, id, ok := s.signedInFor(w, r)
	if !ok {
		return
	}
	if !s.formRead(w, r) {
		return
	}
	f, choice := readAssignForm(r)
	due, dueError := optionalDay(f.Due)
	var err error
	if dueError == "" {
		choice.Due = task.Deadline{Date: due}
		_, err = s.app.AssignChosen(r.Context(), a, id, choice)
		if err == nil {
			http.Redirect(w, r, documentURL(id), http.StatusSeeOther)
			return
		}
	}
	msg := ""
	if err != nil {
		var ok bool
		if msg, ok = formError(err); !ok {
			s.fail(w, r, err)
			return
		}
	}
	p, perr := s.app.ProposeAssignments(r.Context(), a, id)
	if perr != nil {
		s.fail(w, r, perr)
		return
	}
	if dueError != "" {
		dueError = "Hạn báo cáo phải viết theo dạng ngày/tháng/năm, ví dụ 15/12/2022"
	}
	s.renderAssign(w, r, a, http.StatusBadRequest, assignData{Proposal: p, Form: f, Error: msg, DueError: dueError})
}

// readAssignForm reads the checked units ("don-vi"), the units picked per
// item ("chon-{n}"), the units chosen beside the proposal with their task
// ("chon-them", "nhiem-vu-them") and the deadline ("han").
func readAssignForm(r *http.Request) (assignForm, app.AssignChoice) {
	f := assignForm{Checked: map[org.ID]bool{}, Picked: map[int]map[org.ID]bool{}, Extra: map[org.ID]bool{},
		ExtraTask: clean(r.PostForm.Get("nhiem-vu-them")), Due: strings.TrimSpace(r.PostForm.Get("han"))}
	c := app.AssignChoice{Picked: map[int][]org.ID{}, ExtraTask: f.ExtraTask}
	for _, v := range r.PostForm["don-vi"] {
		if id, ok := positiveID(v); ok && !f.Checked[org.ID(id)] {
			f.Checked[org.ID(id)] = true
			c.Checked = append(c.Checked, org.ID(id))
		}
	}
	for _, v := range r.PostForm["chon-them"] {
		if id, ok := positiveID(v); ok && !f.Extra[org.ID(id)] {
			f.Extra[org.ID(id)] = true
			c.Extra = append(c.Extra, org.ID(id))
		}
	}
	for key, vs := range r.PostForm {
		n, err := strconv.Atoi(strings.TrimPrefix(key, "chon-"))
		if !strings.HasPrefix(key, "chon-") || err != nil || n < 0 {
			continue
		}
		for _, v := range vs {
			if id, ok := positiveID(v); ok {
				if f.Picked[n] == nil {
					f.Picked[n] = map[org.ID]bool{}
				}
				if !f.Picked[n][org.ID(id)] {
					f.Picked[n][org.ID(id)] = true
					c.Picked[n] = append(c.Picked[n], org.ID(id))
				}
			}
		}
	}
	return f, c
}

func documentURL(id document.ID) string { return "/van-ban/" + strconv.FormatInt(int64(id), 10) }
