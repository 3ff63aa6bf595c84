package api

import (
	"net/http"
	"strconv"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/report"
	"lantoa/internal/task"
)

type valueJSON struct {
	Code string  `json:"code"`
	Num  float64 `json:"num"`
	Den  float64 `json:"den"`
	Text string  `json:"text"`
}

func valueOf(v report.Value) valueJSON { return valueJSON{v.Code, v.Num, v.Den, v.Text} }

func (v valueJSON) value() report.Value {
	return report.Value{Code: v.Code, Num: v.Num, Den: v.Den, Text: v.Text}
}

type reportValueView struct {
	valueJSON
	Computed     valueJSON `json:"computed"` // from activities and the accepted reports below
	OverriddenBy *int64    `json:"overridden_by"`
	OverriddenAt *string   `json:"overridden_at"` // null: the computed figure stands
}

type narrativeJSON struct {
	Results     string `json:"results"`     // kết quả
	Opinion     string `json:"opinion"`     // dư luận xã hội
	Limitations string `json:"limitations"` // hạn chế
	Proposals   string `json:"proposals"`   // đề xuất
}

func (n narrativeJSON) narrative() report.Narrative {
	return report.Narrative{Results: n.Results, Opinion: n.Opinion, Limitations: n.Limitations, Proposals: n.Proposals}
}

type periodView struct {
	From *string `json:"from"`
	To   *string `json:"to"`
}

type reportView struct {
	ID          int64             `json:"id"`
	Unit        int64             `json:"unit_id"`
	Assignment  *int64            `json:"assignment_id"`
	Directive   int64             `json:"directive_id"`
	Period      periodView        `json:"period"`
	Status      string            `json:"status"`
	StatusLabel string            `json:"status_label"`
	Values      []reportValueView `json:"values"`
	Narrative   narrativeJSON     `json:"narrative"`
	Comment     string            `json:"comment"` // why it was returned
	CreatedAt   *string           `json:"created_at"`
	UpdatedAt   *string           `json:"updated_at"`
	SubmittedAt *string           `json:"submitted_at"`
	DecidedAt   *string           `json:"decided_at"`
	DecidedBy   *int64            `json:"decided_by"`
}

func reportOf(r report.Report) reportView {
	n := r.Narrative
	v := reportView{ID: int64(r.ID), Unit: int64(r.Unit), Assignment: optionalID(int64(r.Assignment)), Directive: int64(r.Directive),
		Period: periodView{From: day(r.Period.From), To: day(r.Period.To)}, Status: string(r.Status), StatusLabel: r.Status.Label(),
		Values: make([]reportValueView, len(r.Values)), Narrative: narrativeJSON{n.Results, n.Opinion, n.Limitations, n.Proposals},
		Comment: r.Comment, CreatedAt: momentOrNil(r.CreatedAt), UpdatedAt: momentOrNil(r.UpdatedAt),
		SubmittedAt: momentOrNil(r.SubmittedAt), DecidedAt: momentOrNil(r.DecidedAt), DecidedBy: optionalID(r.DecidedBy)}
	for i, x := range r.Values {
		v.Values[i] = reportValueView{valueJSON: valueOf(x.Value), Computed: valueOf(x.Auto),
			OverriddenBy: optionalID(x.OverriddenBy), OverriddenAt: momentOrNil(x.OverriddenAt)}
	}
	return v
}

type reportPageView struct {
	reportView
	UnitView  unitView `json:"unit"`
	MayEdit   bool     `json:"may_edit"`
	MaySubmit bool     `json:"may_submit"`
	MayDecide bool     `json:"may_decide"` // leads a unit above: may accept or return it
}

type newReportJSON struct {
	UnitID       int64         `json:"unit_id"`
	Unit         string        `json:"unit"` // its code, instead of unit_id
	AssignmentID int64         `json:"assignment_id"`
	DirectiveID  int64         `json:"directive_id"` // without an assignment
	From         date          `json:"from"`
	To           date          `json:"to"`
	Narrative    narrativeJSON `json:"narrative"`
}

// unitOfBody is the unit a body names by code or id; with neither, the
// caller's own unit when they act for exactly one.
func (s *server) unitOfBody(r *http.Request, c caller, code string, id int64) (org.ID, error) {
	switch {
	case code != "" && id != 0:
		return 0, bothUnitFields()
	case code != "":
		u, err := s.app.UnitByCode(r.Context(), code)
		return u.ID, err
	case id != 0:
		return org.ID(id), nil
	}
	if u, ok := onlyUnit(c.actor); ok {
		return u, nil
	}
	return 0, missingUnitField()
}

// createReport opens a draft report, its figures computed.
func (s *server) createReport(w http.ResponseWriter, r *http.Request, c caller) error {
	var in newReportJSON
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	unit, err := s.unitOfBody(r, c, in.Unit, in.UnitID)
	if err != nil {
		return err
	}
	rp, err := s.app.CreateReport(r.Context(), c.actor, app.ReportInput{Unit: unit, Assignment: task.ID(in.AssignmentID),
		Directive: document.ID(in.DirectiveID), From: in.From.Time, To: in.To.Time, Narrative: in.Narrative.narrative()})
	if err != nil {
		return err
	}
	w.Header().Set("Location", prefix+"/reports/"+strconv.FormatInt(int64(rp.ID), 10))
	return reply(w, http.StatusCreated, reportOf(rp))
}

func reportID(r *http.Request) (report.ID, error) {
	id, err := pathID(r, "báo cáo")
	return report.ID(id), err
}

// reportPage is a report with what the caller may do with it.
func (s *server) reportPage(w http.ResponseWriter, r *http.Request, c caller) error {
	id, err := reportID(r)
	if err != nil {
		return err
	}
	v, err := s.app.ReportPage(r.Context(), c.actor, id)
	if err != nil {
		return err
	}
	return reply(w, http.StatusOK, reportPageView{reportView: reportOf(v.Report), UnitView: unitOf(v.Unit),
		MayEdit: v.MayEdit, MaySubmit: v.MaySubmit, MayDecide: v.MayDecide})
}

type reportEditJSON struct {
	Values    []valueJSON    `json:"values"`    // figures set by hand
	Narrative *narrativeJSON `json:"narrative"` // replaced when given
	Refresh   bool           `json:"refresh"`   // compute the figures again first
}

// editReport changes a draft or returned report.
func (s *server) editReport(w http.ResponseWriter, r *http.Request, c caller) error {
	id, err := reportID(r)
	if err != nil {
		return err
	}
	var in reportEditJSON
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	e := app.ReportEdit{Refresh: in.Refresh}
	for _, v := range in.Values {
		e.Values = append(e.Values, v.value())
	}
	if in.Narrative != nil {
		n := in.Narrative.narrative()
		e.Narrative = &n
	}
	rp, err := s.app.EditReport(r.Context(), c.actor, id, e)
	if err != nil {
		return err
	}
	return reply(w, http.StatusOK, reportOf(rp))
}

func (s *server) submitReport(w http.ResponseWriter, r *http.Request, c caller) error {
	return s.reportStep(w, r, func(id report.ID) (report.Report, error) { return s.app.SubmitReport(r.Context(), c.actor, id) })
}

func (s *server) acceptReport(w http.ResponseWriter, r *http.Request, c caller) error {
	return s.reportStep(w, r, func(id report.ID) (report.Report, error) { return s.app.AcceptReport(r.Context(), c.actor, id) })
}

type returnJSON struct {
	Comment string `json:"comment"` // what to correct
}

func (s *server) returnReport(w http.ResponseWriter, r *http.Request, c caller) error {
	var in returnJSON
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	return s.reportStep(w, r, func(id report.ID) (report.Report, error) {
		return s.app.ReturnReport(r.Context(), c.actor, id, in.Comment)
	})
}

// reportStep runs a move of the report in the path and answers it.
func (s *server) reportStep(w http.ResponseWriter, r *http.Request, step func(report.ID) (report.Report, error)) error {
	id, err := reportID(r)
	if err != nil {
		return err
	}
	rp, err := step(id)
	if err != nil {
		return err
	}
	return reply(w, http.StatusOK, reportOf(rp))
}
