package api

import (
	"encoding/base64"
	"net/http"
	"strconv"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/task"
)

type targetJSON struct {
	DocumentID   int64 `json:"document_id"`
	AssignmentID int64 `json:"assignment_id"` // its document follows when document_id is left out
}

type fileJSON struct {
	Name    string `json:"name"`
	Content string `json:"content_base64"`
}

type newActivityJSON struct {
	UnitID    int64        `json:"unit_id"`
	Unit      string       `json:"unit"` // its code, instead of unit_id
	Form      string       `json:"form"` // a form of propaganda, e.g. TTM
	StartedOn date         `json:"started_on"`
	EndedOn   date         `json:"ended_on"` // null: a one-day activity
	Title     string       `json:"title"`
	Place     string       `json:"place"`
	Links     []string     `json:"links"`
	Values    []valueJSON  `json:"values"`
	Targets   []targetJSON `json:"targets"`
	Files     []fileJSON   `json:"files"`
}

type evidenceView struct {
	SHA256 string `json:"sha256"`
	Name   string `json:"name"`
	Size   int64  `json:"size"`
}

type activityView struct {
	ID        int64          `json:"id"`
	Unit      int64          `json:"unit_id"`
	Form      string         `json:"form"`
	StartedOn *string        `json:"started_on"`
	EndedOn   *string        `json:"ended_on"`
	Title     string         `json:"title"`
	Place     string         `json:"place"`
	Links     []string       `json:"links"`
	Values    []valueJSON    `json:"values"`
	Targets   []targetJSON   `json:"targets"`
	Files     []evidenceView `json:"files"`
	CreatedBy *int64         `json:"created_by"`
	CreatedAt *string        `json:"created_at"`
}

func activityOf(a report.Activity) activityView {
	v := activityView{ID: int64(a.ID), Unit: int64(a.Unit), Form: a.Form, StartedOn: day(a.Started), EndedOn: day(a.Ended),
		Title: a.Title, Place: a.Place, Links: append([]string{}, a.Links...), Values: make([]valueJSON, len(a.Values)),
		Targets: make([]targetJSON, len(a.Targets)), Files: make([]evidenceView, len(a.Files)),
		CreatedBy: optionalID(a.CreatedBy), CreatedAt: momentOrNil(a.CreatedAt)}
	for i, x := range a.Values {
		v.Values[i] = valueOf(x)
	}
	for i, t := range a.Targets {
		v.Targets[i] = targetJSON{DocumentID: int64(t.Document), AssignmentID: int64(t.Assignment)}
	}
	for i, f := range a.Files {
		v.Files[i] = evidenceView{SHA256: f.SHA256, Name: f.Name, Size: f.Size}
	}
	return v
}

// recordActivity stores what a unit did, counted at once in the roll-ups
// of the directives it answers.
func (s *server) recordActivity(w http.ResponseWriter, r *http.Request, c caller) error {
	var in newActivityJSON
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	unit, err := s.unitOfBody(r, c, in.Unit, in.UnitID)
	if err != nil {
		return err
	}
	a := app.ActivityInput{Unit: unit, Form: in.Form, Started: in.StartedOn.Time, Ended: in.EndedOn.Time,
		Title: in.Title, Place: in.Place, Links: in.Links}
	for _, v := range in.Values {
		a.Values = append(a.Values, v.value())
	}
	for _, t := range in.Targets {
		a.Targets = append(a.Targets, report.Target{Document: document.ID(t.DocumentID), Assignment: task.ID(t.AssignmentID)})
	}
	for _, f := range in.Files {
		data, err := base64.StdEncoding.DecodeString(f.Content)
		if err != nil {
			return problem.Errorf(problem.Invalid, "Tệp minh chứng %q: content_base64 không phải base64 hợp lệ", f.Name)
		}
		a.Files = append(a.Files, app.FileInput{Name: f.Name, Data: data})
	}
	if a.Started.IsZero() {
		return problem.Errorf(problem.Invalid, "Thiếu started_on: ngày bắt đầu hoạt động, dạng YYYY-MM-DD")
	}
	act, err := s.app.RecordActivity(r.Context(), c.actor, a)
	if err != nil {
		return err
	}
	w.Header().Set("Location", prefix+"/activities/"+strconv.FormatInt(int64(act.ID), 10))
	return reply(w, http.StatusCreated, activityOf(act))
}

func (s *server) activity(w http.ResponseWriter, r *http.Request, c caller) error {
	id, err := pathID(r, "hoạt động")
	if err != nil {
		return err
	}
	a, err := s.app.Activity(r.Context(), c.actor, report.ActivityID(id))
	if err != nil {
		return err
	}
	return reply(w, http.StatusOK, activityOf(a))
}

// maxActivities caps a list of activities.
const maxActivities = 200

// activities lists activities, latest first: the work for an assignment
// (its unit's activities under its document's cascade: a unit gets one
// assignment per document), or a unit's, optionally under one directive.
func (s *server) activities(w http.ResponseWriter, r *http.Request, c caller) error {
	q := r.URL.Query()
	f := store.ActivityFilter{Limit: maxActivities}
	var err error
	if f.From, err = parseDate(q.Get("from"), "from"); err != nil {
		return err
	}
	if f.To, err = parseDate(q.Get("to"), "to"); err != nil {
		return err
	}
	if v := q.Get("directive"); v != "" {
		id, err := parseID(v, "văn bản chỉ đạo")
		if err != nil {
			return err
		}
		f.Directive = document.ID(id)
	}
	if v := q.Get("assignment"); v != "" {
		id, err := parseID(v, "nhiệm vụ")
		if err != nil {
			return err
		}
		asg, err := s.app.Assignment(r.Context(), c.actor, task.ID(id))
		if err != nil {
			return err
		}
		f.Unit, f.Directive = asg.Assignment.Assignee, asg.Assignment.Document
	} else if f.Unit, err = s.unitParam(r, c); err != nil {
		return err
	}
	as, err := s.app.Activities(r.Context(), c.actor, f)
	if err != nil {
		return err
	}
	out := make([]activityView, len(as))
	for i, a := range as {
		out[i] = activityOf(a)
	}
	return reply(w, http.StatusOK, out)
}
