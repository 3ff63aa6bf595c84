package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"lantoa/internal/app"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/vn"
)

// newReportData is the form opening a report: the period it covers.
type newReportData struct {
	app.AssignmentView
	From, To string
	Errors   map[string]string
	Error    string
}

func (s *server) newReportPage(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	d, err := s.newReportForm(r, a, r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	from := d.Assignment.SentAt
	if from.IsZero() {
		from = d.Assignment.CreatedAt
	}
	d.From, d.To = vn.FormatDate(from.In(vietnam)), vn.FormatDate(s.app.Today())
	s.renderNewReport(w, r, a, http.StatusOK, d)
}

func (s *server) newReportForm(r *http.Request, a app.Actor, q url.Values) (newReportData, error) {
	v, err := s.assignmentFor(r, a, q, func(v app.AssignmentView) bool { return v.MayWork }, "Bạn không lập báo cáo được cho %s")
	if err != nil {
		return newReportData{}, err
	}
	return newReportData{AssignmentView: v, Errors: map[string]string{}}, nil
}

func (s *server) renderNewReport(w http.ResponseWriter, r *http.Request, a app.Actor, status int, d newReportData) {
	s.render(w, r, status, "work-report-new", view{Title: "Lập báo cáo kết quả", Actor: &a, Data: d})
}

func (s *server) createReport(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	if !s.formRead(w, r) {
		return
	}
	d, err := s.newReportForm(r, a, r.PostForm)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.From, d.To = clean(r.PostForm.Get("tu-ngay")), clean(r.PostForm.Get("den-ngay"))
	from, okFrom := parseDay(d.From)
	to, okTo := parseDay(d.To)
	if !okFrom {
		d.Errors["tu-ngay"] = "Ngày phải viết dạng ngày/tháng/năm, ví dụ 01/01/2025"
	}
	if !okTo {
		d.Errors["den-ngay"] = "Ngày phải viết dạng ngày/tháng/năm, ví dụ 30/06/2025"
	} else if okFrom && to.Before(from) {
		d.Errors["den-ngay"] = "Ngày cuối kỳ trước ngày đầu kỳ"
	}
	if len(d.Errors) > 0 {
		s.renderNewReport(w, r, a, http.StatusBadRequest, d)
		return
	}
	rep, err := s.app.CreateReport(r.Context(), a, app.ReportInput{Unit: d.Assignment.Assignee, Assignment: d.Assignment.ID, From: from, To: to})
	if err != nil {
		msg, ok := formError(err)
		if !ok {
			s.fail(w, r, err)
			return
		}
		d.Error = msg
		s.renderNewReport(w, r, a, http.StatusBadRequest, d)
		return
	}
	http.Redirect(w, r, reportURL(rep.ID), http.StatusSeeOther)
}

func reportURL(id report.ID) string { return fmt.Sprintf("/bao-cao/%d", id) }

// reportData is the report page's.
type reportData struct {
	app.ReportView
	Fields    []indicatorField
	Narrative report.Narrative
	Comment   string // the reason for returning it, as typed
	Errors    map[string]string
	Error     string
}

// FieldGroups are the fields under their forms of propaganda.
func (d reportData) FieldGroups() []fieldGroup { return groupFields(d.Fields) }

// Editable is whether the page offers its fields for changing.
func (d reportData) Editable() bool { return d.MayEdit && d.Report.Status.Editable() }

// Submittable is whether the page offers "Gửi báo cáo".
func (d reportData) Submittable() bool { return d.MaySubmit && d.Report.Status.Editable() }

// Decidable is whether the page offers "Duyệt" and "Trả lại".
func (d reportData) Decidable() bool { return d.MayDecide && d.Report.Status.Awaiting() }

// reportForm reads a report the actor may see and lays out its figures:
// every indicator of the directive's set, with the stored figure.
func (s *server) reportForm(ctx context.Context, a app.Actor, id report.ID) (reportData, error) {
	v, err := s.app.ReportPage(ctx, a, id)
	if err != nil {
		return reportData{}, err
	}
	d := reportData{ReportView: v, Narrative: v.Report.Narrative, Errors: map[string]string{}}
	stored := map[string]report.ReportValue{}
	for _, x := range v.Report.Values {
		stored[x.Code] = x
	}
	for _, i := range v.Indicators.Indicators {
		f := indicatorField{Indicator: i}
		if x, ok := stored[i.Code]; ok {
			f.shown(x.Value)
			f.Overridden = x.Overridden()
			f.Auto = valueText(i, x.Auto)
		}
		d.Fields = append(d.Fields, f)
	}
	return d, nil
}

func (s *server) reportPage(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	id, err := reportID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d, err := s.reportForm(r.Context(), a, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderReport(w, r, a, http.StatusOK, d)
}

func (s *server) renderReport(w http.ResponseWriter, r *http.Request, a app.Actor, status int, d reportData) {
	title := fmt.Sprintf("Báo cáo kết quả — %s", d.Unit.Name)
	s.render(w, r, status, "work-report", view{Title: title, Actor: &a, Data: d})
}

// reportAction reads the signed-in person, the report and the submitted
// form of a POST on a report; ok is false when a page was already sent.
func (s *server) reportAction(w http.ResponseWriter, r *http.Request) (a app.Actor, d reportData, ok bool) {
	a, _, ok = s.signedIn(w, r)
	if !ok {
		return a, d, false
	}
	id, err := reportID(r)
	if err == nil {
		err = r.ParseForm()
	}
	if err == nil {
		d, err = s.reportForm(r.Context(), a, id)
	}
	if err != nil {
		s.fail(w, r, err)
		return a, d, false
	}
	return a, d, true
}

func (s *server) saveReport(w http.ResponseWriter, r *http.Request) {
	a, d, ok := s.reportAction(w, r)
	if !ok {
		return
	}
	stored := map[string]report.Value{}
	for _, x := range d.Report.Values {
		stored[x.Code] = x.Value
	}
	var e app.ReportEdit
	for i := range d.Fields {
		v, given := d.Fields[i].read(r.PostForm)
		if given && d.Fields[i].Error == "" && v != stored[v.Code] {
			e.Values = append(e.Values, v)
		}
	}
	d.Narrative = report.Narrative{Results: r.PostForm.Get("ket-qua"), Opinion: r.PostForm.Get("du-luan"),
		Limitations: r.PostForm.Get("han-che"), Proposals: r.PostForm.Get("de-xuat")}
	d.Narrative.Normalise()
	e.Narrative = &d.Narrative
	for _, f := range d.Fields {
		if f.Error != "" {
			d.Error = "Có chỉ tiêu chưa đúng, hãy xem các ô được đánh dấu"
			s.renderReport(w, r, a, http.StatusBadRequest, d)
			return
		}
	}
	if _, err := s.app.EditReport(r.Context(), a, d.Report.ID, e); err != nil {
		s.reportFailed(w, r, a, d, err, "")
		return
	}
	http.Redirect(w, r, reportURL(d.Report.ID), http.StatusSeeOther)
}

func (s *server) submitReport(w http.ResponseWriter, r *http.Request) {
	s.reportStep(w, r, s.app.SubmitReport)
}

func (s *server) acceptReport(w http.ResponseWriter, r *http.Request) {
	s.reportStep(w, r, s.app.AcceptReport)
}

// reportStep moves a report one step (send, accept) and shows it again.
func (s *server) reportStep(w http.ResponseWriter, r *http.Request, step func(context.Context, app.Actor, report.ID) (report.Report, error)) {
	a, d, ok := s.reportAction(w, r)
	if !ok {
		return
	}
	if _, err := step(r.Context(), a, d.Report.ID); err != nil {
		s.reportFailed(w, r, a, d, err, "")
		return
	}
	http.Redirect(w, r, reportURL(d.Report.ID), http.StatusSeeOther)
}

func (s *server) returnReport(w http.ResponseWriter, r *http.Request) {
	a, d, ok := s.reportAction(w, r)
	if !ok {
		return
	}
	d.Comment = clean(r.PostForm.Get("nhan-xet"))
	if _, err := s.app.ReturnReport(r.Context(), a, d.Report.ID, d.Comment); err != nil {
		s.reportFailed(w, r, a, d, err, "nhan-xet")
		return
	}
	http.Redirect(w, r, reportURL(d.Report.ID), http.StatusSeeOther)
}

// reportFailed shows the report again with a problem the person can
// correct, next to field when one is named, or the error page otherwise.
func (s *server) reportFailed(w http.ResponseWriter, r *http.Request, a app.Actor, d reportData, err error, field string) {
	msg, ok := formError(err)
	if !ok {
		s.fail(w, r, err)
		return
	}
	status, _ := statusOf(err)
	if field != "" && problem.KindOf(err) == problem.Invalid {
		d.Errors[field] = msg
	} else {
		d.Error = msg
	}
	s.renderReport(w, r, a, status, d)
}
