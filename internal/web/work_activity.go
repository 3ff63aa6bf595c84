package web

import (
	"net/http"
	"net/url"
	"strings"

	"lantoa/internal/app"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/vn"
)

// activityData is the activity form's: first the choice of a form of
// propaganda, then the activity with that form's indicators.
type activityData struct {
	app.AssignmentView
	Forms                               []report.Form
	Form                                report.Form // zero until chosen
	Started, Ended, Title, Place, Links string
	Fields                              []indicatorField
	Errors                              map[string]string
	Error                               string
}

func (s *server) activityPage(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	d, err := s.activityForm(r, a, r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if d.Form.Code != "" {
		d.Started = vn.FormatDate(s.app.Today())
	}
	s.renderActivity(w, r, a, http.StatusOK, d)
}

// activityForm reads the assignment and form of propaganda the request
// names and lays out the form's indicators.
func (s *server) activityForm(r *http.Request, a app.Actor, q url.Values) (activityData, error) {
	id, err := assignmentID(q.Get("nhiem-vu"))
	if err != nil {
		return activityData{}, err
	}
	v, err := s.app.ActivityAssignment(r.Context(), a, id)
	if err != nil {
		return activityData{}, err
	}
	d := activityData{AssignmentView: v, Forms: report.Forms, Errors: map[string]string{}}
	if code := q.Get("hinh-thuc"); code != "" {
		if d.Form = report.FormByCode(code); d.Form.Code == "" {
			return d, problem.Errorf(problem.Invalid, "Hình thức tuyên truyền %q không có trong danh mục; hãy chọn lại", code)
		}
	}
	for _, i := range v.Indicators.Indicators {
		if d.Form.Code != "" && i.Form == d.Form.Code {
			d.Fields = append(d.Fields, indicatorField{Indicator: i})
		}
	}
	return d, nil
}

func (s *server) renderActivity(w http.ResponseWriter, r *http.Request, a app.Actor, status int, d activityData) {
	s.render(w, r, status, "work-activity", view{Title: "Ghi hoạt động", Actor: &a, Data: d})
}

func (s *server) recordActivity(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	if !s.formRead(w, r) {
		return
	}
	f := r.PostForm
	d, err := s.activityForm(r, a, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if d.Form.Code == "" {
		d.Errors["hinh-thuc"] = "Hãy chọn hình thức tuyên truyền"
		s.renderActivity(w, r, a, http.StatusBadRequest, d)
		return
	}
	in := d.read(f)
	if len(d.Errors) > 0 || d.fieldErrors() {
		s.renderActivity(w, r, a, http.StatusBadRequest, d)
		return
	}
	if _, err := s.app.RecordActivity(r.Context(), a, in); err != nil {
		msg, ok := formError(err)
		if !ok {
			s.fail(w, r, err)
			return
		}
		d.Error = msg
		s.renderActivity(w, r, a, http.StatusBadRequest, d)
		return
	}
	http.Redirect(w, r, assignmentURL(d.Assignment.ID), http.StatusSeeOther)
}

// read takes the activity from the submitted form, noting what cannot be
// read next to its field.
func (d *activityData) read(f url.Values) app.ActivityInput {
	d.Started, d.Ended = clean(f.Get("ngay-bat-dau")), clean(f.Get("ngay-ket-thuc"))
	d.Title, d.Place, d.Links = clean(f.Get("ten")), clean(f.Get("dia-diem")), clean(f.Get("lien-ket"))
	asg := d.Assignment
	in := app.ActivityInput{Unit: asg.Assignee, Form: d.Form.Code, Title: d.Title, Place: d.Place,
		Links:   strings.Fields(d.Links),
		Targets: []report.Target{{Document: asg.Document, Assignment: asg.ID}}}
	var ok bool
	switch {
	case d.Started == "":
		d.Errors["ngay-bat-dau"] = "Hãy nhập ngày thực hiện"
	default:
		if in.Started, ok = parseDay(d.Started); !ok {
			d.Errors["ngay-bat-dau"] = "Ngày phải viết dạng ngày/tháng/năm, ví dụ 05/03/2025"
		}
	}
	if d.Ended != "" {
		if in.Ended, ok = parseDay(d.Ended); !ok {
			d.Errors["ngay-ket-thuc"] = "Ngày phải viết dạng ngày/tháng/năm, ví dụ 07/03/2025"
		} else if !in.Started.IsZero() && in.Ended.Before(in.Started) {
			d.Errors["ngay-ket-thuc"] = "Ngày kết thúc trước ngày bắt đầu"
		}
	}
	if d.Title == "" {
		d.Errors["ten"] = "Hãy ghi tên hoạt động"
	}
	for i := range d.Fields {
		if v, given := d.Fields[i].read(f); given {
			in.Values = append(in.Values, v)
		}
	}
	return in
}

// fieldErrors reports whether some indicator could not be read.
func (d activityData) fieldErrors() bool {
	for _, f := range d.Fields {
		if f.Error != "" {
			return true
		}
	}
	return false
}

// assignmentFor reads the assignment a form names (?nhiem-vu=ID) and
// checks that the actor may do what the form does with it; refusal is the
// message, with the unit's name for %s.
func (s *server) assignmentFor(r *http.Request, a app.Actor, q url.Values, may func(app.AssignmentView) bool, refusal string) (app.AssignmentView, error) {
	id, err := assignmentID(q.Get("nhiem-vu"))
	if err != nil {
		return app.AssignmentView{}, err
	}
	v, err := s.app.Assignment(r.Context(), a, id)
	if err != nil {
		return app.AssignmentView{}, err
	}
	if !may(v) {
		return app.AssignmentView{}, problem.Errorf(problem.Forbidden, refusal, v.Unit.Name)
	}
	return v, nil
}
