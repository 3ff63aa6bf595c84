package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/cadence"
	"lantoa/internal/org"
	"lantoa/internal/problem"
)

// periodRoutes mounts the periodic reporting calendar.
func (s *server) periodRoutes(mux *http.ServeMux) {
	s.pages.add("period")
	mux.HandleFunc("GET /bao-cao-dinh-ky", s.periodPage)
	mux.HandleFunc("POST /bao-cao-dinh-ky/mo", s.openPeriodReport)
	mux.HandleFunc("POST /bao-cao-dinh-ky/quy-tac", s.setCadenceRule)
}

// periodData is the calendar page's: a unit's reporting year, the units
// the person may switch to, and the years around.
type periodData struct {
	app.PeriodCalendar
	Units      []org.Unit
	Kinds      []cadence.Kind
	Prev, Next int
	MayRule    bool // offer the form changing the cut-off rule (the use case decides)
	Saved      bool
}

const periodTitle = "Báo cáo định kỳ"

func (s *server) periodPage(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	d := periodData{Kinds: cadence.Kinds, MayRule: a.Administers(), Saved: q.Get("da-luu") != ""}
	var ids []org.ID
	for _, m := range a.Memberships {
		ids = append(ids, m.Unit)
	}
	var err error
	if d.Units, err = s.app.UnitsByIDs(r.Context(), ids); err != nil {
		s.fail(w, r, err)
		return
	}
	unit, ok := positiveID(q.Get("don-vi"))
	if q.Get("don-vi") != "" && !ok {
		s.fail(w, r, problem.Errorf(problem.NotFound, "Không có đơn vị này. Hãy kiểm tra lại địa chỉ."))
		return
	}
	if !ok {
		if len(d.Units) == 0 {
			s.message(w, r, http.StatusOK, periodTitle, "Tài khoản của bạn chưa thuộc đơn vị nào nên chưa có lịch báo cáo định kỳ.")
			return
		}
		unit = int64(d.Units[0].ID)
	}
	year, err := s.app.ReportingYear(r.Context(), s.app.Today())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if y := q.Get("nam"); y != "" {
		if year, err = strconv.Atoi(y); err != nil {
			s.fail(w, r, problem.Errorf(problem.Invalid, "Năm %q không đúng; hãy ghi bốn chữ số, ví dụ 2023", y))
			return
		}
	}
	if d.PeriodCalendar, err = s.app.PeriodCalendar(r.Context(), a, org.ID(unit), year); err != nil {
		s.fail(w, r, err)
		return
	}
	d.Prev, d.Next = year-1, year+1
	s.render(w, r, http.StatusOK, "period", view{Title: periodTitle, Actor: &a, Data: d})
}

func (s *server) openPeriodReport(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok || !s.formRead(w, r) {
		return
	}
	p := r.PostForm
	unit, okUnit := positiveID(p.Get("don-vi"))
	kind, err := cadence.ParseKind(p.Get("loai"))
	from, errFrom := time.Parse(time.DateOnly, p.Get("tu-ngay"))
	if !okUnit || err != nil || errFrom != nil {
		s.fail(w, r, problem.Errorf(problem.Invalid, "Không rõ kỳ báo cáo nào; hãy mở lại trang báo cáo định kỳ và thử lại"))
		return
	}
	rep, err := s.app.OpenPeriodReport(r.Context(), a, org.ID(unit), kind, from)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, reportURL(rep.ID), http.StatusSeeOther)
}

func (s *server) setCadenceRule(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok || !s.formRead(w, r) {
		return
	}
	p := r.PostForm
	cut, err1 := strconv.Atoi(p.Get("ngay-chot"))
	due, err2 := strconv.Atoi(p.Get("han"))
	if err1 != nil || err2 != nil {
		s.fail(w, r, problem.Errorf(problem.Invalid, "Ngày chốt và số ngày làm việc phải là số nguyên"))
		return
	}
	if err := s.app.SetCadenceRule(r.Context(), a, cadence.Rule{CutDay: cut, DueWorkDays: due}); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/bao-cao-dinh-ky?"+url.Values{"don-vi": {p.Get("don-vi")}, "da-luu": {"1"}}.Encode(), http.StatusSeeOther)
}

// LastDay is the day of the month a period ends on under the rule.
func (d periodData) LastDay() int { return d.Rule.CutDay - 1 }
