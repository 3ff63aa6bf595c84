package web

import (
	"context"
	"fmt"
	"net/http"

	"lantoa/internal/app"
	"lantoa/internal/task"
)

// assignmentData is the assignment page's.
type assignmentData struct {
	app.AssignmentView
	Overdue  bool
	DaysLate int
}

// MayAcknowledge is whether the page offers "Đã nhận" and "Đã xem".
func (d assignmentData) MayAcknowledge() bool {
	st := d.Assignment.Status
	return d.MayWork && (st == task.Sent || st == task.Received)
}

// Answerable is whether the unit still works on it: activities and a
// report may still be added.
func (d assignmentData) Answerable() bool {
	switch d.Assignment.Status {
	case task.Reported, task.Accepted:
		return false
	}
	return d.Assignment.Role != task.Inform
}

func (s *server) assignmentPage(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	id, err := assignmentID(r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v, err := s.app.Assignment(r.Context(), a, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	today := s.app.Today()
	d := assignmentData{AssignmentView: v, Overdue: v.Assignment.Overdue(today), DaysLate: v.Assignment.DaysLate(today)}
	s.render(w, r, http.StatusOK, "work-assignment", view{Title: "Nhiệm vụ — " + v.Document.Title(), Actor: &a, Data: d})
}

func (s *server) receive(w http.ResponseWriter, r *http.Request) {
	s.moveAssignment(w, r, s.app.Receive)
}

func (s *server) acknowledge(w http.ResponseWriter, r *http.Request) {
	s.moveAssignment(w, r, s.app.Acknowledge)
}

// moveAssignment applies a status change and shows the assignment again.
func (s *server) moveAssignment(w http.ResponseWriter, r *http.Request, move func(context.Context, app.Actor, task.ID) (task.Assignment, error)) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	id, err := assignmentID(r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := move(r.Context(), a, id); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, assignmentURL(id), http.StatusSeeOther)
}

func assignmentURL(id task.ID) string { return fmt.Sprintf("/nhiem-vu/%d", id) }
