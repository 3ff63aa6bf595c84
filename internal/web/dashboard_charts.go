package web

import (
	"strconv"

	"lantoa/internal/report"
	"lantoa/internal/store"
)

// The status breakdown: one bar split by the furthest stage each assigned
// unit has reached (the stages are cumulative, so each segment is the
// difference of two), with a legend that carries the figures.
type statusChart struct {
	Width    float64
	Segments []statusSegment
}

type statusSegment struct {
	Label  string
	N      int
	X, W   float64
	Colour string
}

// statusColours run from "not yet received" (warm) to "accepted" (dark).
var statusColours = []string{"#b3261e", "#e8a33d", "#c9d7e8", "#8fb3de", "#3f7fc4", "#0b3d78"}

func statusBreakdown(c report.Coverage) statusChart {
	reached := []int{c.Assigned, c.Received, c.Acknowledged, c.Implementing, c.Reported, c.Accepted, 0}
	labels := []string{"Chưa nhận", "Đã nhận, chưa xem", "Đã xem, chưa triển khai", "Đang triển khai, chưa báo cáo", "Đã báo cáo, chờ duyệt", "Đã duyệt"}
	ch := statusChart{Width: chartWidth}
	if c.Assigned == 0 {
		return ch
	}
	x := 0.0
	for i, l := range labels {
		n := max(reached[i]-reached[i+1], 0)
		w := chartWidth * float64(n) / float64(c.Assigned)
		ch.Segments = append(ch.Segments, statusSegment{Label: l, N: n, X: x, W: w, Colour: statusColours[i]})
		x += w
	}
	return ch
}

// The activity over time: one column per month, the count above it and
// the month under it.
type timelineChart struct {
	Width, Height float64
	Columns       []timelineColumn
	Total         int
}

type timelineColumn struct {
	Label, Value       string
	X, Y, W, H, LabelX float64
}

const (
	timelineTop    = 22.0 // room for the count above the tallest column
	timelinePlot   = 120.0
	timelineBottom = 24.0 // room for the month
)

func activityTimeline(months []store.MonthCount) timelineChart {
	ch := timelineChart{Width: chartWidth, Height: timelineTop + timelinePlot + timelineBottom}
	most := 0
	for _, m := range months {
		most = max(most, m.N)
		ch.Total += m.N
	}
	if len(months) == 0 {
		return ch
	}
	slot := chartWidth / float64(len(months))
	for i, m := range months {
		h := 0.0
		if most > 0 {
			h = timelinePlot * float64(m.N) / float64(most)
		}
		label := strconv.Itoa(int(m.Month.Month()))
		if i == 0 || m.Month.Month() == 1 {
			label += "/" + strconv.Itoa(m.Month.Year()%100)
		}
		ch.Columns = append(ch.Columns, timelineColumn{
			Label: label, Value: strconv.Itoa(m.N),
			X: float64(i)*slot + slot*0.15, W: slot * 0.7, Y: timelineTop + timelinePlot - h, H: h,
			LabelX: float64(i)*slot + slot/2,
		})
	}
	return ch
}

// BaseY and LabelY place the axis and the month labels, for the template.
func (c timelineChart) BaseY() float64  { return timelineTop + timelinePlot }
func (c timelineChart) LabelY() float64 { return c.Height - 6 }
