package export

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"lantoa/internal/report"

	"github.com/xuri/excelize/v2"
)

// XLSX writes a workbook: each sheet with its title, header rows frozen
// with the first column, bold totals, widths that fit the contents.
func XLSX(w Workbook) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLSXStyles(f)
	if err != nil {
		return nil, err
	}
	for i, sh := range w.Sheets {
		name := sheetName(sh.Name)
		if i == 0 {
			if err := f.SetSheetName(f.GetSheetName(0), name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
		if err := writeSheet(f, name, sh, st); err != nil {
			return nil, err
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

type xlsxStyles struct {
	title, header, text, num, pct, totalText, totalNum, totalPct int
}

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	font := func(bold bool, size float64) *excelize.Font {
		return &excelize.Font{Family: "Times New Roman", Size: size, Bold: bold}
	}
	border := []excelize.Border{{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1}}
	pctFmt := "0.0%"
	var s xlsxStyles
	for _, x := range []struct {
		dst   *int
		style excelize.Style
	}{
		{&s.title, excelize.Style{Font: font(true, 14)}},
		{&s.header, excelize.Style{Font: font(true, 11), Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF4"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&s.text, excelize.Style{Font: font(false, 11), Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&s.num, excelize.Style{Font: font(false, 11), Border: border, NumFmt: 3}},
		{&s.pct, excelize.Style{Font: font(false, 11), Border: border, CustomNumFmt: &pctFmt}},
		{&s.totalText, excelize.Style{Font: font(true, 11), Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&s.totalNum, excelize.Style{Font: font(true, 11), Border: border, NumFmt: 3}},
		{&s.totalPct, excelize.Style{Font: font(true, 11), Border: border, CustomNumFmt: &pctFmt}},
	} {
		id, err := f.NewStyle(&x.style)
		if err != nil {
			return s, err
		}
		*x.dst = id
	}
	return s, nil
}

func writeSheet(f *excelize.File, name string, sh Sheet, st xlsxStyles) error {
	depth := 1
	for _, c := range sh.Columns {
		depth = max(depth, len(c.Header))
	}
	ncol := len(sh.Columns)
	if err := f.SetCellStr(name, "A1", sh.Title); err != nil {
		return err
	}
	f.SetCellStyle(name, "A1", "A1", st.title)
	widths := make([]int, ncol)
	fit := func(col int, s string) {
		if n := utf8.RuneCountInString(s); n > widths[col] {
			widths[col] = n
		}
	}
	// Header rows start on row 3. Neighbours with the same header under
	// the same parent merge across; a column whose header repeats
	// downwards ("Đơn vị") is one tall cell.
	top := 3
	for level := range depth {
		r := top + level
		for c := 0; c < ncol; {
			h := headerAt(sh.Columns[c], level)
			end := c
			for end+1 < ncol && headerAt(sh.Columns[end+1], level) == h && sameAbove(sh.Columns, c, end+1, level) {
				end++
			}
			if end == c && level > 0 && headerAt(sh.Columns[c], level-1) == h {
				c++ // inside the tall cell above
				continue
			}
			bottom := level
			for end == c && bottom+1 < depth && headerAt(sh.Columns[c], bottom+1) == h {
				bottom++
			}
			from, _ := excelize.CoordinatesToCellName(c+1, r)
			to, _ := excelize.CoordinatesToCellName(end+1, top+bottom)
			if err := f.SetCellStr(name, from, h); err != nil {
				return err
			}
			if from != to {
				if err := f.MergeCell(name, from, to); err != nil {
					return err
				}
			}
			f.SetCellStyle(name, from, to, st.header)
			if end == c {
				fit(c, longestWord(h))
			}
			c = end + 1
		}
	}
	body := top + depth
	put := func(r int, cells []Cell, total bool) {
		for c, v := range cells {
			if c >= ncol {
				break
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r)
			style := st.text
			switch {
			case v.IsNum && sh.Columns[c].Percent:
				style = st.pct
				f.SetCellFloat(name, cell, v.Num, -1, 64)
			case v.IsNum:
				style = st.num
				f.SetCellFloat(name, cell, v.Num, -1, 64)
				fit(c, formatWidth(v.Num))
			case v.Blank:
				style = st.pct
			default:
				f.SetCellStr(name, cell, v.Text)
				fit(c, v.Text)
			}
			if total {
				style = map[int]int{st.text: st.totalText, st.num: st.totalNum, st.pct: st.totalPct}[style]
			}
			f.SetCellStyle(name, cell, cell, style)
		}
	}
	for i, row := range sh.Rows {
		put(body+i, row, false)
	}
	if sh.Total != nil {
		put(body+len(sh.Rows), sh.Total, true)
	}
	for c, w := range widths {
		col, _ := excelize.ColumnNumberToName(c + 1)
		width := float64(min(max(w, 6), 60)) + 2
		if sh.Columns[c].Percent {
			width = 10
		}
		f.SetColWidth(name, col, col, width)
	}
	first, _ := excelize.CoordinatesToCellName(2, body)
	return f.SetPanes(name, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: body - 1, TopLeftCell: first, ActivePane: "bottomRight"})
}

// headerAt is a column's header at a level; a shorter header repeats its
// last line downwards.
func headerAt(c SheetColumn, level int) string {
	if len(c.Header) == 0 {
		return ""
	}
	return c.Header[min(level, len(c.Header)-1)]
}

// sameAbove reports whether columns a and b share every header above level,
// so that merging them at level stays inside their parent.
func sameAbove(cs []SheetColumn, a, b, level int) bool {
	for l := range level {
		if headerAt(cs[a], l) != headerAt(cs[b], l) {
			return false
		}
	}
	return true
}

// longestWord is what a wrapped header needs across.
func longestWord(s string) string {
	long := ""
	for _, w := range strings.Fields(s) {
		if utf8.RuneCountInString(w) > utf8.RuneCountInString(long) {
			long = w
		}
	}
	return long
}

// formatWidth is how wide a figure shows, with its thousands separators.
func formatWidth(x float64) string { return report.FormatNumber(x) }

// sheetName keeps a tab name within Excel's 31 characters.
func sheetName(s string) string {
	rs := []rune(s)
	if len(rs) > 31 {
		rs = rs[:31]
	}
	return string(rs)
}
