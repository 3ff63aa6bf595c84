package web

import (
	"net/http"
	"net/url"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/report"
	"lantoa/internal/task"
	"lantoa/internal/vn"
)

// stageLine is how many units had reached a stage, of those assigned.
type stageLine struct {
	Label string
	X, Y  int
}

// formTotals are the indicator totals of one form of propaganda.
type formTotals struct {
	Name   string
	Totals []totalLine
}

type totalLine struct {
	Label, Value, Measure string
}

// childLine is a direct child's roll-up, with the link to its own page.
type childLine struct {
	Unit     org.Unit
	Coverage report.Coverage
	URL      string
}

type dashboardData struct {
	Doc      document.Document
	Unit     org.Unit
	Day      string // the day field as typed, or the roll-up's day
	DayError string
	Rollup   report.Rollup
	Stages   []stageLine
	Forms    []formTotals
	Children []childLine
	Chart    barChart
	Status   statusChart
	Timeline timelineChart
}

// timelineMonths is how far back the activity over time looks.
const timelineMonths = 12

// dashboardStages are the stages shown, in order.
var dashboardStages = []task.Status{task.Sent, task.Received, task.Acknowledged, task.Implementing, task.Reported, task.Accepted}

func (s *server) dashboard(w http.ResponseWriter, r *http.Request) {
	a, id, ok := s.signedInFor(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	q := r.URL.Query()
	unit, err := s.chosenUnit(ctx, a, q.Get("don-vi"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := dashboardData{Unit: unit, Day: q.Get("ngay")}
	if d.Doc, err = s.app.Document(ctx, a, id); err != nil {
		s.fail(w, r, err)
		return
	}
	title := "Theo dõi triển khai " + d.Doc.NumberSymbol + " — " + unit.Name
	on, dayError := optionalDay(d.Day)
	if dayError != "" {
		d.DayError = dayError
		s.render(w, r, http.StatusBadRequest, "dashboard", view{Title: title, Actor: &a, Data: d})
		return
	}
	if d.Rollup, err = s.app.Rollup(ctx, a, id, unit.ID, on); err != nil {
		s.fail(w, r, err)
		return
	}
	d.Day = vn.FormatDate(d.Rollup.On)
	for _, st := range dashboardStages {
		x, y := d.Rollup.Coverage.Of(st)
		label := st.Label()
		if st == task.Sent {
			label = "Được giao" // every unit assigned counts as sent to
		}
		d.Stages = append(d.Stages, stageLine{Label: label, X: x, Y: y})
	}
	d.Forms = groupByForm(d.Rollup.Totals)
	for _, c := range d.Rollup.Children {
		v := url.Values{"don-vi": {c.Unit.Code}, "ngay": {d.Day}}
		d.Children = append(d.Children, childLine{Unit: c.Unit, Coverage: c.Coverage, URL: "?" + v.Encode()})
	}
	d.Chart = coverageChart(d.Rollup.Children)
	d.Status = statusBreakdown(d.Rollup.Coverage)
	months, err := s.app.ActivityMonths(ctx, a, id, unit.ID, d.Rollup.On, timelineMonths)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Timeline = activityTimeline(months)
	s.render(w, r, http.StatusOK, "dashboard", view{Title: title, Actor: &a, Data: d})
}

// groupByForm puts the totals (in catalogue order) under their forms.
func groupByForm(ts []report.Total) []formTotals {
	var out []formTotals
	for _, t := range ts {
		name := report.FormByCode(t.Indicator.Form).Name
		if name == "" {
			name = "Chỉ tiêu khác"
		}
		if len(out) == 0 || out[len(out)-1].Name != name {
			out = append(out, formTotals{Name: name})
		}
		last := &out[len(out)-1]
		measure := t.Indicator.Measure
		if t.Indicator.Kind == report.Text {
			measure = "ý kiến" // how many answers were written, in the page's words
		}
		last.Totals = append(last.Totals, totalLine{Label: t.Indicator.Label, Value: totalValue(t), Measure: measure})
	}
	return out
}

// totalValue shows a total as its kind reads: a count, a share of a
// denominator, or how many answers were written (counted in "ý kiến").
func totalValue(t report.Total) string {
	switch t.Indicator.Kind {
	case report.Ratio:
		v := report.FormatNumber(t.Num) + "/" + report.FormatNumber(t.Den)
		if p, ok := t.Percent(); ok {
			v += " (" + report.FormatNumber(p) + "%)"
		}
		return v
	case report.Text:
		return report.FormatNumber(float64(t.N))
	}
	return report.FormatNumber(t.Num)
}
