package export

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"lantoa/internal/report"
	"lantoa/internal/task"
	"lantoa/internal/vn"
)

// Results is what a unit's results report on a directive is written from:
// the unit's header, the directive, the roll-up at the unit, the
// documents issued below it and, when the unit wrote a report, its words.
type Results struct {
	Party     bool
	Top       string // the party layout's name top right; empty for the party's own
	Superior  string // header lines of the reporting unit, as printed
	Issuer    string
	Number    string // "Số      -BC/BTGTU": a report exported here is not numbered yet
	Place     string
	Unit      string // the unit's name, in sentences
	Directive Directive
	Rollup    report.Rollup
	Issued    []Directive       // documents implementing the directive issued in the unit's subtree
	Narrative *report.Narrative // nil when the unit has no report on the directive
	To        []string          // Kính gửi: the units above
	Capacity  []string
	Signer    string
	Copies    []string
	Demo      bool // the figures are the demonstration's
}

// Directive names a document as sentences cite it.
type Directive struct {
	Type, NumberSymbol, Issuer, Subject string
	Date                                time.Time
}

// Cite is "Chỉ thị số 12-CT/TW ngày 05/01/2022 của Ban Bí thư".
func (d Directive) Cite() string {
	s := strings.TrimSpace(d.Type + " số " + d.NumberSymbol)
	if d.NumberSymbol == "" {
		s = d.Type
	}
	if !d.Date.IsZero() {
		s += " ngày " + vn.FormatDate(d.Date)
	}
	if d.Issuer != "" {
		s += " của " + d.Issuer
	}
	return s
}

// lateShown caps the late units listed in the letter itself; the
// annex lists them all.
const lateShown = 50

// Letter writes the results report: what was issued below, how far the
// units have come, each form's figures, the units below one by one, the
// late units, then what the unit wrote.
func (r Results) Letter() Letter {
	ru := r.Rollup
	l := Letter{Party: r.Party, Top: r.Top, Superior: r.Superior, Issuer: r.Issuer, Number: r.Number, Place: r.Place,
		Date: ru.On, TypeName: "BÁO CÁO", Capacity: r.Capacity, Signer: r.Signer, Copies: r.Copies}
	l.Subject = "Kết quả triển khai thực hiện " + strings.TrimSpace(r.Directive.Type+" số "+r.Directive.NumberSymbol)
	if r.Directive.Subject != "" {
		l.Subject += " " + r.Directive.Subject
	}
	var b []Block
	para := func(s string) { b = append(b, Block{Kind: Paragraph, Text: s}) }
	head := func(s string) { b = append(b, Block{Kind: Heading, Text: s}) }
	item := func(s string) { b = append(b, Block{Kind: Item, Text: s}) }

	para(fmt.Sprintf("Thực hiện %s, %s báo cáo kết quả triển khai thực hiện tính đến ngày %s như sau:",
		r.Directive.Cite(), r.Unit, vn.FormatDate(ru.On)))

	head("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TRIỂN KHAI")
	head("1. Văn bản triển khai")
	if len(r.Issued) == 0 {
		para("Chưa có văn bản triển khai nào của " + r.Unit + " và các đơn vị trực thuộc được cập nhật vào hệ thống.")
	} else {
		para(fmt.Sprintf("%s và các đơn vị trực thuộc đã ban hành %d văn bản triển khai:", r.Unit, len(r.Issued)))
		for i, d := range r.Issued {
			line := "- " + d.Cite()
			if d.Subject != "" {
				line += " " + d.Subject
			}
			end := ";"
			if i == len(r.Issued)-1 {
				end = "."
			}
			item(line + end)
		}
	}
	head("2. Tiến độ tiếp nhận, triển khai và báo cáo")
	c := ru.Coverage
	if c.Assigned == 0 {
		para("Chưa có đơn vị nào được giao nhiệm vụ thực hiện văn bản này.")
	} else {
		para(fmt.Sprintf("Có %d đơn vị được giao nhiệm vụ; %s đơn vị đã báo cáo; %d nhiệm vụ quá hạn báo cáo.",
			c.Assigned, Fraction(float64(c.Reported), float64(c.Assigned)), c.Late))
		t := &Table{Columns: []Column{{Title: "Bước", Weight: 3}, {Title: "Số đơn vị", Weight: 1.3, Num: true}, {Title: "Tỷ lệ", Weight: 1.2, Num: true}}}
		for _, s := range coverageSteps {
			x, y := c.Of(s.Status)
			t.Rows = append(t.Rows, Row{Cells: []string{s.Label, fmt.Sprintf("%d/%d", x, y), Percent(float64(x), float64(y))}})
		}
		b = append(b, Block{Kind: TableBlock, Table: t})
	}
	if n := r.Narrative; n != nil && n.Results != "" {
		head("3. Đánh giá chung")
		for _, p := range paragraphs(n.Results) {
			para(p)
		}
	}

	head("II. KẾT QUẢ TUYÊN TRUYỀN THEO HÌNH THỨC")
	if s := sessionsLine(ru.Totals); s != "" {
		para(s)
	}
	if len(ru.Totals) == 0 {
		para("Chưa có kết quả nào được báo cáo đến ngày này.")
	} else {
		t := &Table{Columns: []Column{{Title: "Chỉ tiêu", Weight: 3.4}, {Title: "Kết quả", Weight: 1.6, Num: true}, {Title: "Đơn vị tính", Weight: 1.2}}}
		form := "\x00"
		for _, x := range ru.Totals {
			if x.Indicator.Form != form {
				form = x.Indicator.Form
				t.Rows = append(t.Rows, Row{Cells: []string{FormName(form)}, Group: true})
			}
			t.Rows = append(t.Rows, Row{Cells: []string{x.Indicator.Label, TotalValue(x), TotalMeasure(x)}})
		}
		b = append(b, Block{Kind: TableBlock, Table: t})
	}

	head("III. TÌNH HÌNH THỰC HIỆN CỦA CÁC ĐƠN VỊ TRỰC THUỘC")
	if kids := activeChildren(ru.Children); len(kids) == 0 {
		para("Không có đơn vị trực thuộc nào được giao nhiệm vụ.")
	} else {
		t := &Table{Columns: []Column{{Title: "Đơn vị", Weight: 3.2}, {Title: "Được giao", Weight: 1, Num: true},
			{Title: "Đã nhận", Weight: 1, Num: true}, {Title: "Đã báo cáo", Weight: 1.6, Num: true}, {Title: "Quá hạn", Weight: 1, Num: true}}}
		for _, k := range kids {
			kc := k.Coverage
			t.Rows = append(t.Rows, Row{Cells: []string{k.Unit.Name, fmt.Sprint(kc.Assigned), fmt.Sprint(kc.Received),
				Fraction(float64(kc.Reported), float64(kc.Assigned)), fmt.Sprint(kc.Late)}})
		}
		b = append(b, Block{Kind: TableBlock, Table: t})
	}
	if len(ru.Late) == 0 {
		para("Không có đơn vị nào quá hạn báo cáo.")
	} else {
		para(fmt.Sprintf("Các đơn vị quá hạn báo cáo (%d nhiệm vụ):", c.Late))
		for i, x := range ru.Late {
			if i == lateShown {
				item(fmt.Sprintf("- và %d nhiệm vụ quá hạn khác (xem phụ lục).", c.Late-lateShown))
				break
			}
			end := ";"
			if i == len(ru.Late)-1 && c.Late <= len(ru.Late) {
				end = "."
			}
			item(fmt.Sprintf("- %s: hạn %s, quá hạn %d ngày%s", x.Unit.Name, vn.FormatDate(x.Assignment.Due.Date), x.DaysLate, end))
		}
	}

	if n := r.Narrative; n != nil {
		part := 4
		for _, s := range []struct{ title, text string }{
			{"TÌNH HÌNH DƯ LUẬN XÃ HỘI", n.Opinion},
			{"HẠN CHẾ, KHÓ KHĂN", n.Limitations},
			{"ĐỀ XUẤT, KIẾN NGHỊ", n.Proposals},
		} {
			if s.text == "" {
				continue
			}
			head(roman(part) + ". " + s.title)
			for _, p := range paragraphs(s.text) {
				para(p)
			}
			part++
		}
	}
	para(fmt.Sprintf("Trên đây là báo cáo kết quả triển khai thực hiện %s của %s./.",
		strings.TrimSpace(r.Directive.Type+" số "+r.Directive.NumberSymbol), r.Unit))
	l.Body = b
	if r.Demo {
		l.Note = "Số liệu trình diễn (dữ liệu mẫu), không phải số liệu thực tế."
	}
	l.To = r.To
	return l
}

// coverageSteps are the stages a report lists, in the order units reach them.
var coverageSteps = []struct {
	Status task.Status
	Label  string
}{
	{task.Received, "Đã nhận văn bản"},
	{task.Acknowledged, "Đã xem, nghiên cứu"},
	{task.Implementing, "Đã ban hành văn bản triển khai"},
	{task.Reported, "Đã báo cáo kết quả"},
	{task.Accepted, "Báo cáo đã được duyệt"},
}

// sessionsLine sums up the conferences: how many and who attended.
func sessionsLine(ts []report.Total) string {
	var parts []string
	for _, t := range ts {
		if t.Indicator.Form != "HNQT" || t.Indicator.Kind == report.Text {
			continue
		}
		m := TotalMeasure(t)
		var v string
		if t.Indicator.Kind == report.Ratio {
			v = strings.TrimSpace(report.FormatNumber(t.Num)+"/"+report.FormatNumber(t.Den)+" "+m) + " (" + Percent(t.Num, t.Den) + ")"
		} else {
			v = strings.TrimSpace(report.FormatNumber(t.Num) + " " + m)
		}
		if vn.Fold(t.Indicator.Label) == vn.Fold(FormName("HNQT")) {
			parts = append(parts, v)
			continue
		}
		parts = append(parts, lowerFirst(t.Indicator.Label)+": "+v)
	}
	if len(parts) == 0 {
		return ""
	}
	return "Hội nghị học tập, quán triệt: " + strings.Join(parts, "; ") + "."
}

// activeChildren are the children with work or figures: a unit the
// directive never reached has nothing to report.
func activeChildren(ps []report.Part) []report.Part {
	var out []report.Part
	for _, p := range ps {
		if p.Coverage.Assigned > 0 || len(p.Totals) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// FormName is a form's name, "Chỉ tiêu khác" for a code not in the catalogue.
func FormName(code string) string {
	if n := report.FormByCode(code).Name; n != "" {
		return n
	}
	return "Chỉ tiêu khác"
}

// TotalValue writes a total as its kind reads: a count, "x/y (p%)" for a
// ratio, or for a text indicator how many answers were written.
func TotalValue(t report.Total) string {
	switch t.Indicator.Kind {
	case report.Ratio:
		return Fraction(t.Num, t.Den)
	case report.Text:
		return report.FormatNumber(float64(t.N))
	}
	return report.FormatNumber(t.Num)
}

// TotalMeasure is the unit of measure printed beside a total.
func TotalMeasure(t report.Total) string {
	switch {
	case t.Indicator.Kind == report.Text:
		return "ý kiến"
	case t.Indicator.Aggregation == report.Distinct && t.Indicator.Measure == "":
		return "đơn vị"
	}
	return t.Indicator.Measure
}

// Fraction writes "x/y (p%)" the Vietnamese way: "773/814 (95%)".
func Fraction(x, y float64) string {
	s := report.FormatNumber(x) + "/" + report.FormatNumber(y)
	if p := Percent(x, y); p != "—" {
		s += " (" + p + ")"
	}
	return s
}

// Percent is x of y in per cent to one decimal, "83,8%"; "—" without y.
func Percent(x, y float64) string {
	p, ok := report.Percent(x, y)
	if !ok {
		return "—"
	}
	return report.FormatNumber(math.Round(p*10)/10) + "%"
}

func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// lowerFirst puts a label in the middle of a sentence.
func lowerFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToLower(r)) + s[i+utf8.RuneLen(r):]
	}
	return s
}

func roman(n int) string {
	return [...]string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}[min(n, 10)]
}
