package export

import (
	"fmt"

	"lantoa/internal/report"
	"lantoa/internal/vn"
)

// Workbook is a results annex: sheets of figures.
type Workbook struct {
	Sheets []Sheet
}

// Sheet is one table: a title line, up to three header rows (the cells of
// a header row that repeat side by side are merged), the rows and a
// totals row.
type Sheet struct {
	Name    string // the tab, at most 31 characters
	Title   string
	Columns []SheetColumn
	Rows    [][]Cell
	Total   []Cell // nil when the sheet has no totals
}

// SheetColumn is a column's header, from the widest group down: a form,
// an indicator, then "Tử số", "Mẫu số", "Tỷ lệ (%)" for a ratio.
type SheetColumn struct {
	Header  []string
	Percent bool // the cells are shares (0.958), shown as 95,8%
}

// Cell is a figure or a text.
type Cell struct {
	Text  string
	Num   float64
	IsNum bool
	Blank bool // a percentage without a denominator
}

func num(x float64) Cell { return Cell{Num: x, IsNum: true} }
func text(s string) Cell { return Cell{Text: s} }
func share(x, y float64) Cell {
	if y == 0 {
		return Cell{Blank: true}
	}
	return Cell{Num: x / y, IsNum: true}
}

// Annex is the results annex of the report: indicators by unit (the
// units directly below as rows, the whole subtree as the totals row),
// the progress of the units, the late list and the documents issued.
func (r Results) Annex() Workbook {
	ru := r.Rollup
	kids := activeChildren(ru.Children)
	day := vn.FormatDate(ru.On)
	what := fmt.Sprintf("%s %s — %s, đến ngày %s", r.Directive.Type, r.Directive.NumberSymbol, r.Unit, day)

	// Indicators: the unit's totals decide the columns (every child's
	// figure is in them), text answers are not figures.
	var inds []report.Indicator
	for _, t := range ru.Totals {
		if t.Indicator.Kind != report.Text {
			inds = append(inds, t.Indicator)
		}
	}
	figures := Sheet{Name: "Chỉ tiêu", Title: "Kết quả theo chỉ tiêu — " + what}
	figures.Columns = append(figures.Columns, SheetColumn{Header: []string{"Đơn vị", "Đơn vị", "Đơn vị"}})
	for _, ind := range inds {
		form, label := FormName(ind.Form), ind.Label
		if ind.Kind == report.Ratio {
			figures.Columns = append(figures.Columns,
				SheetColumn{Header: []string{form, label, "Tử số (" + ind.Measure + ")"}},
				SheetColumn{Header: []string{form, label, "Mẫu số (" + ind.Measure + ")"}},
				SheetColumn{Header: []string{form, label, "Tỷ lệ (%)"}, Percent: true})
			continue
		}
		m := ind.Measure
		if m == "" {
			m = "đơn vị"
		}
		figures.Columns = append(figures.Columns, SheetColumn{Header: []string{form, label, m}})
	}
	row := func(name string, ts []report.Total) []Cell {
		by := map[string]report.Total{}
		for _, t := range ts {
			by[t.Indicator.Code] = t
		}
		cells := []Cell{text(name)}
		for _, ind := range inds {
			t := by[ind.Code]
			if ind.Kind == report.Ratio {
				cells = append(cells, num(t.Num), num(t.Den), share(t.Num, t.Den))
				continue
			}
			cells = append(cells, num(t.Num))
		}
		return cells
	}
	for _, k := range kids {
		figures.Rows = append(figures.Rows, row(k.Unit.Name, k.Totals))
	}
	figures.Total = row("Tổng cộng "+r.Unit+" (mỗi đơn vị, mỗi hoạt động tính một lần)", ru.Totals)

	progress := Sheet{Name: "Tiến độ", Title: "Tiến độ các đơn vị được giao — " + what}
	for _, h := range []string{"Đơn vị", "Được giao", "Đã nhận", "Đã xem", "Đã triển khai", "Đã báo cáo"} {
		progress.Columns = append(progress.Columns, SheetColumn{Header: []string{h}})
	}
	progress.Columns = append(progress.Columns, SheetColumn{Header: []string{"Tỷ lệ báo cáo (%)"}, Percent: true},
		SheetColumn{Header: []string{"Đã duyệt"}}, SheetColumn{Header: []string{"Nhiệm vụ quá hạn"}})
	cov := func(name string, c report.Coverage) []Cell {
		return []Cell{text(name), num(float64(c.Assigned)), num(float64(c.Received)), num(float64(c.Acknowledged)),
			num(float64(c.Implementing)), num(float64(c.Reported)), share(float64(c.Reported), float64(c.Assigned)),
			num(float64(c.Accepted)), num(float64(c.Late))}
	}
	for _, k := range kids {
		progress.Rows = append(progress.Rows, cov(k.Unit.Name, k.Coverage))
	}
	progress.Total = cov("Tổng cộng "+r.Unit+" (mỗi đơn vị tính một lần)", ru.Coverage)

	late := Sheet{Name: "Quá hạn", Title: "Đơn vị quá hạn báo cáo — " + what}
	if n := ru.Coverage.Late; n > len(ru.Late) {
		late.Title += fmt.Sprintf(" (%d trong %d nhiệm vụ quá hạn, quá hạn lâu nhất trước)", len(ru.Late), n)
	}
	for _, h := range []string{"STT", "Đơn vị", "Nhiệm vụ", "Hạn báo cáo", "Số ngày quá hạn"} {
		late.Columns = append(late.Columns, SheetColumn{Header: []string{h}})
	}
	for i, x := range ru.Late {
		late.Rows = append(late.Rows, []Cell{num(float64(i + 1)), text(x.Unit.Name), text(brief(x.Assignment.Task, 200)),
			text(vn.FormatDate(x.Assignment.Due.Date)), num(float64(x.DaysLate))})
	}

	issued := Sheet{Name: "Văn bản triển khai", Title: "Văn bản triển khai đã ban hành — " + what}
	for _, h := range []string{"STT", "Loại văn bản", "Số, ký hiệu", "Ngày ban hành", "Cơ quan ban hành", "Trích yếu"} {
		issued.Columns = append(issued.Columns, SheetColumn{Header: []string{h}})
	}
	for i, d := range r.Issued {
		on := ""
		if !d.Date.IsZero() {
			on = vn.FormatDate(d.Date)
		}
		issued.Rows = append(issued.Rows, []Cell{num(float64(i + 1)), text(d.Type), text(d.NumberSymbol), text(on), text(d.Issuer), text(d.Subject)})
	}
	return Workbook{Sheets: []Sheet{figures, progress, late, issued}}
}

// brief cuts a long text at a word, with an ellipsis.
func brief(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	cut := n
	for cut > n/2 && rs[cut] != ' ' {
		cut--
	}
	return string(rs[:cut]) + "…"
}
