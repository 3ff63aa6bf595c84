package api

import (
	"context"
	"net/http"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/task"
)

type eventView struct {
	Status      string `json:"status"`
	StatusLabel string `json:"status_label"`
	At          string `json:"at"`
	AccountID   *int64 `json:"account_id"`
	DocumentID  *int64 `json:"document_id"` // the implementing document, for "implementing"
	Note        string `json:"note"`
}

type assignmentPageView struct {
	assignmentView
	Document  documentView `json:"document"`
	Unit      unitView     `json:"assignee_unit"`
	Events    []eventView  `json:"events"`
	Reports   []reportView `json:"reports"`
	MayWork   bool         `json:"may_work"`   // may receive, acknowledge and report on it
	MayRecord bool         `json:"may_record"` // may record activities answering it
}

func optionalID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// assignment is one assignment with its history and reports.
func (s *server) assignment(w http.ResponseWriter, r *http.Request, c caller) error {
	id, err := pathID(r, "nhiệm vụ")
	if err != nil {
		return err
	}
	v, err := s.app.Assignment(r.Context(), c.actor, task.ID(id))
	if err != nil {
		return err
	}
	out := assignmentPageView{assignmentView: assignmentOf(v.Assignment), Document: documentView{doc: v.Document},
		Unit: unitOf(v.Unit), Events: make([]eventView, len(v.Events)), Reports: make([]reportView, len(v.Reports)),
		MayWork: v.MayWork, MayRecord: v.MayRecord}
	for i, e := range v.Events {
		out.Events[i] = eventView{Status: string(e.Status), StatusLabel: e.Status.Label(), At: moment(e.At),
			AccountID: optionalID(e.Account), DocumentID: optionalID(int64(e.Document)), Note: e.Note}
	}
	for i, rp := range v.Reports {
		out.Reports[i] = reportOf(rp)
	}
	return reply(w, http.StatusOK, out)
}

// receive records that the caller's unit has received an assignment.
func (s *server) receive(w http.ResponseWriter, r *http.Request, c caller) error {
	return s.moveAssignment(w, r, c, s.app.Receive)
}

// acknowledge records that the caller's unit has read an assignment.
func (s *server) acknowledge(w http.ResponseWriter, r *http.Request, c caller) error {
	return s.moveAssignment(w, r, c, s.app.Acknowledge)
}

func (s *server) moveAssignment(w http.ResponseWriter, r *http.Request, c caller,
	move func(ctx context.Context, a app.Actor, id task.ID) (task.Assignment, error)) error {
	id, err := pathID(r, "nhiệm vụ")
	if err != nil {
		return err
	}
	a, err := move(r.Context(), c.actor, task.ID(id))
	if err != nil {
		return err
	}
	return reply(w, http.StatusOK, assignmentOf(a))
}

// newAssignmentJSON is an assignment written by hand.
type newAssignmentJSON struct {
	UnitID         int64  `json:"unit_id"`
	Unit           string `json:"unit"` // its code, instead of unit_id
	Role           string `json:"role"` // lead (default), support, inform
	Task           string `json:"task"`
	DueOn          date   `json:"due_on"`
	DueText        string `json:"due_text"` // a deadline in words ("trước ngày 15 hằng tháng")
	IndicatorSetID int64  `json:"indicator_set_id"`
}

// assignJSON either lists the assignments, or leaves them to the reader of
// the document: "matches" then maps the assignee texts it found to the
// units meant (ids), for those its names do not settle.
type assignJSON struct {
	Assignments []newAssignmentJSON `json:"assignments"`
	Matches     map[string][]int64  `json:"matches"`
}

type assignedView struct {
	Created   []assignmentView `json:"created"`
	Existing  []assignmentView `json:"existing"`  // units this document already assigned, left as they were
	Unmatched []string         `json:"unmatched"` // assignee texts no unit (or several) fit: send them in "matches"
}

func assignmentList(as []task.Assignment) []assignmentView {
	out := make([]assignmentView, len(as))
	for i, a := range as {
		out[i] = assignmentOf(a)
	}
	return out
}

// assignFromDocument turns a document into assignments: those listed, or
// those the document itself names. 201 when any was created.
func (s *server) assignFromDocument(w http.ResponseWriter, r *http.Request, c caller) error {
	id, err := pathID(r, "văn bản")
	if err != nil {
		return err
	}
	var in assignJSON
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	var done app.Assigned
	if len(in.Assignments) > 0 {
		if len(in.Matches) > 0 {
			return problem.Errorf(problem.Invalid, "Gửi \"assignments\" (giao từng đơn vị) hoặc \"matches\" (giao theo văn bản), không gửi cả hai")
		}
		list := make([]app.AssignmentInput, len(in.Assignments))
		for i, x := range in.Assignments {
			if list[i], err = s.assignmentInput(r, x); err != nil {
				return err
			}
		}
		done.Created, err = s.app.CreateAssignments(r.Context(), c.actor, document.ID(id), list)
	} else {
		matches := map[string][]org.ID{}
		for text, ids := range in.Matches {
			for _, u := range ids {
				matches[text] = append(matches[text], org.ID(u))
			}
		}
		done, err = s.app.AssignFromDocument(r.Context(), c.actor, document.ID(id), matches)
	}
	if err != nil {
		return err
	}
	out := assignedView{Created: assignmentList(done.Created), Existing: assignmentList(done.Existing), Unmatched: done.Unmatched}
	if out.Unmatched == nil {
		out.Unmatched = []string{}
	}
	status := http.StatusOK
	if len(done.Created) > 0 {
		status = http.StatusCreated
	}
	return reply(w, status, out)
}

func (s *server) assignmentInput(r *http.Request, x newAssignmentJSON) (app.AssignmentInput, error) {
	in := app.AssignmentInput{Unit: org.ID(x.UnitID), Role: task.Role(x.Role), Task: x.Task,
		Due: task.Deadline{Date: x.DueOn.Time, Text: x.DueText}, IndicatorSet: x.IndicatorSetID}
	switch {
	case x.Unit != "" && x.UnitID != 0:
		return in, problem.Errorf(problem.Invalid, "Mỗi nhiệm vụ ghi đơn vị bằng \"unit\" (mã) hoặc \"unit_id\" (số), không ghi cả hai")
	case x.Unit != "":
		u, err := s.app.UnitByCode(r.Context(), x.Unit)
		in.Unit = u.ID
		return in, err
	case x.UnitID == 0:
		return in, problem.Errorf(problem.Invalid, "Mỗi nhiệm vụ phải ghi đơn vị nhận: \"unit\" (mã) hoặc \"unit_id\" (số)")
	}
	return in, nil
}
