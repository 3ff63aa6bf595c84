package web

import (
	"strconv"

	"lantoa/internal/report"
)

// The bar chart is drawn on the server as SVG: one row per child unit
// with work assigned, the unit's name above a light bar for the units
// assigned and a dark one for those that reported, on one scale, with
// "reported/assigned" at the end of the row.
const (
	chartWidth    = 480.0
	chartRow      = 52.0
	chartBar      = 18.0
	chartValueW   = 64.0 // room for "12/37" right of the bars
	chartNameRune = 44   // longer names are cut, shown whole on hover
)

type barChart struct {
	Width, Height float64
	Bars          []bar
}

type bar struct {
	Name, Short, Value   string
	TextY, BarY, ValueY  float64
	AssignedW, ReportedW float64
	Late                 bool
}

// BarHeight and ValueX place every row's bar and figure, for the template.
func (barChart) BarHeight() float64 { return chartBar }
func (barChart) ValueX() float64    { return chartWidth }

func coverageChart(children []report.Part) barChart {
	most := 0
	for _, c := range children {
		most = max(most, c.Coverage.Assigned)
	}
	c := barChart{Width: chartWidth}
	if most == 0 {
		return c
	}
	scale := (chartWidth - chartValueW) / float64(most)
	for _, p := range children {
		cv := p.Coverage
		if cv.Assigned == 0 {
			continue
		}
		top := float64(len(c.Bars)) * chartRow
		c.Bars = append(c.Bars, bar{
			Name: p.Unit.Name, Short: shorten(p.Unit.Name, chartNameRune),
			Value: strconv.Itoa(cv.Reported) + "/" + strconv.Itoa(cv.Assigned),
			TextY: top + 18, BarY: top + 26, ValueY: top + 26 + chartBar - 3,
			AssignedW: float64(cv.Assigned) * scale, ReportedW: float64(cv.Reported) * scale,
			Late: cv.Late > 0,
		})
	}
	c.Height = float64(len(c.Bars))*chartRow + 4
	return c
}

// shorten cuts s to n runes, marking the cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
