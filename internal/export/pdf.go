package export

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
	"time"

	"codeberg.org/go-fonts/liberation/liberationserifbold"
	"codeberg.org/go-fonts/liberation/liberationserifbolditalic"
	"codeberg.org/go-fonts/liberation/liberationserifitalic"
	"codeberg.org/go-fonts/liberation/liberationserifregular"
	"codeberg.org/go-pdf/fpdf"
)

// The PDF embeds Liberation Serif, which has every Vietnamese letter and
// the metrics of Times New Roman, the font the rules ask for; no system
// font is needed.
const serif = "LiberationSerif"

func newPDF() *fpdf.Fpdf {
	p := fpdf.New("P", "mm", "A4", "")
	for style, ttf := range map[string][]byte{"": liberationserifregular.TTF, "B": liberationserifbold.TTF,
		"I": liberationserifitalic.TTF, "BI": liberationserifbolditalic.TTF} {
		p.AddUTF8FontFromBytes(serif, style, ttf)
	}
	return p
}

// measuring is one PDF kept to measure text for the DOCX rules; fpdf is
// not safe for concurrent use, hence the lock.
var measuring struct {
	sync.Mutex
	pdf *fpdf.Fpdf
}

// measure is the width in mm of s in Times New Roman (Liberation Serif
// has the same metrics).
func measure(s, style string, pt float64) float64 {
	measuring.Lock()
	defer measuring.Unlock()
	if measuring.pdf == nil {
		measuring.pdf = newPDF()
	}
	measuring.pdf.SetFont(serif, style, pt)
	return measuring.pdf.GetStringWidth(s)
}

// pdfWriter lays a letter out on A4 pages, top to bottom.
type pdfWriter struct {
	p *fpdf.Fpdf
	y float64
}

const (
	pageBottom = pageH - marginBottom
	ptMM       = 25.4 / 72 // one point in mm
)

// PDF writes the letter as a PDF in the official layout, the same as the
// DOCX: header block, type name and subject, body, signature block.
func PDF(l Letter) ([]byte, error) {
	p := newPDF()
	p.SetMargins(marginLeft, marginTop, marginRight)
	p.SetAutoPageBreak(false, marginBottom)
	p.SetTitle(strings.TrimSpace(l.TypeName+" "+l.Subject), true)
	p.SetAuthor(l.Issuer, true)
	p.SetCreationDate(time.Now())
	w := &pdfWriter{p: p}
	p.SetHeaderFuncMode(func() {
		if n := p.PageNo(); n > 1 { // page numbers from the second page, centred in the top margin
			p.SetFont(serif, "", 13)
			p.SetXY(marginLeft, 10)
			p.CellFormat(textWidth, 5, strconv.Itoa(n), "", 0, "C", false, 0, "")
		}
	}, true)
	p.AddPage()
	w.y = marginTop
	bodyPt := 13.0
	if l.Party {
		bodyPt = 14
	}
	w.header(l, bodyPt)
	w.titleBlock(l, bodyPt)
	for _, b := range l.Body {
		switch b.Kind {
		case Paragraph:
			w.text(b.Text, "", bodyPt, 10, 'J', 2)
		case Heading:
			w.text(b.Text, "B", bodyPt, 10, 'J', 2)
		case Item:
			w.text(b.Text, "", bodyPt, 10, 'J', 1)
		case TableBlock:
			if b.Table != nil {
				w.table(b.Table)
			}
		}
	}
	w.signature(l, bodyPt)
	if l.Note != "" {
		w.y += 4
		w.text(l.Note, "I", 11, 0, 'L', 0)
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func lineHeight(pt float64) float64 { return pt * ptMM * 1.2 }

// room starts a new page when h mm do not fit on this one.
func (w *pdfWriter) room(h float64) {
	if w.y+h > pageBottom {
		w.p.AddPage()
		w.y = marginTop + 2
	}
}

// wrap breaks text into lines no wider than first (the first line) and rest.
func (w *pdfWriter) wrap(text string, first, rest float64) []string {
	var lines []string
	var cur string
	width := first
	for _, word := range strings.Split(text, " ") { // only spaces break: the blanks of a number are kept
		if word == "" {
			continue
		}
		try := word
		if cur != "" {
			try = cur + " " + word
		}
		if cur != "" && w.p.GetStringWidth(try) > width {
			lines = append(lines, cur)
			cur, width = word, rest
			continue
		}
		cur = try
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// text writes a paragraph across the text width: the first line indented
// by indent mm, aligned 'J' (justified), 'L' or 'C', then after mm of space.
func (w *pdfWriter) text(s, style string, pt, indent float64, align byte, after float64) {
	w.block(marginLeft, textWidth, s, style, pt, indent, align)
	w.y += after
}

// block writes wrapped text in a column starting at x, w mm wide.
func (w *pdfWriter) block(x, width float64, s, style string, pt, indent float64, align byte) {
	p := w.p
	p.SetFont(serif, style, pt)
	lh := lineHeight(pt)
	lines := w.wrap(s, width-indent, width)
	for i, line := range lines {
		w.room(lh)
		left, avail := x, width
		if i == 0 {
			left, avail = x+indent, width-indent
		}
		base := w.y + lh*0.78
		switch {
		case align == 'C':
			p.Text(left+(avail-p.GetStringWidth(line))/2, base, line)
		case align == 'R':
			p.Text(left+avail-p.GetStringWidth(line), base, line)
		case align == 'J' && i < len(lines)-1:
			words := strings.Split(line, " ")
			if len(words) < 2 {
				p.Text(left, base, line)
				break
			}
			used := 0.0
			for _, wd := range words {
				used += p.GetStringWidth(wd)
			}
			gap := (avail - used) / float64(len(words)-1)
			at := left
			for _, wd := range words {
				p.Text(at, base, wd)
				at += p.GetStringWidth(wd) + gap
			}
		default:
			p.Text(left, base, line)
		}
		w.y += lh
	}
}

// column writes centred lines in a column and returns where it ends.
type colLine struct {
	text, style string
	pt          float64
	rule        float64 // a rule this wide (mm) under the line, 0 for none
	before      float64
	align       byte
}

func (w *pdfWriter) column(x, width, y float64, lines []colLine) float64 {
	w.y = y
	for _, l := range lines {
		w.y += l.before
		if l.text != "" {
			align := l.align
			if align == 0 {
				align = 'C'
			}
			w.block(x, width, l.text, l.style, l.pt, 0, align)
		}
		if l.rule > 0 {
			w.y += 0.6
			mid := x + width/2
			w.p.SetLineWidth(0.3)
			w.p.Line(mid-l.rule/2, w.y, mid+l.rule/2, w.y)
			w.y += 1.2
		}
	}
	return w.y
}

func (w *pdfWriter) header(l Letter, bodyPt float64) {
	leftW := headerLeftState
	if l.Party {
		leftW = headerLeftParty
	}
	rightW := textWidth - leftW
	headPt, numPt := headerSizes(l)
	var left, right []colLine
	if l.Superior != "" {
		left = append(left, colLine{text: l.Superior, pt: headPt})
	}
	if l.Party {
		left = append(left, colLine{text: l.Issuer, style: "B", pt: headPt}, colLine{text: "*", pt: headPt})
		right = append(right, colLine{text: l.TopLine(), style: "B", pt: 15, rule: partyTitleRule(l.TopLine())},
			colLine{text: l.DateLine(), style: "I", pt: bodyPt, before: 6, align: 'R'})
	} else {
		left = append(left, colLine{text: l.Issuer, style: "B", pt: headPt, rule: issuerRule(l.Issuer, headPt)})
		right = append(right, colLine{text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style: "B", pt: 12},
			colLine{text: "Độc lập - Tự do - Hạnh phúc", style: "B", pt: 13, rule: tieuNguRule()},
			colLine{text: l.DateLine(), style: "I", pt: bodyPt, before: 4})
	}
	left = append(left, colLine{text: l.Number, pt: numPt, before: 1})
	if l.CongVan() && l.Subject != "" {
		style := ""
		if l.Party {
			style = "I"
		}
		left = append(left, colLine{text: l.Subject, style: style, pt: 12, before: 2})
	}
	top := w.y
	endL := w.column(marginLeft, leftW, top, left)
	endR := w.column(marginLeft+leftW, rightW, top, right)
	w.y = max(endL, endR)
}

func (w *pdfWriter) titleBlock(l Letter, bodyPt float64) {
	if l.CongVan() {
		w.y += 4
	} else {
		w.y += 8
		size := 14.0
		if l.Party {
			size = 16
		}
		w.block(marginLeft, textWidth, l.TypeName, "B", size, 0, 'C')
		if l.Subject != "" {
			w.block(marginLeft+10, textWidth-20, l.Subject, "B", bodyPt, 0, 'C')
		}
		if l.Party {
			w.block(marginLeft, textWidth, "-----", "", bodyPt, 0, 'C')
		} else {
			w.y += 1
			mid := marginLeft + textWidth/2
			w.p.SetLineWidth(0.3)
			w.p.Line(mid-subjectRuleMM/2, w.y, mid+subjectRuleMM/2, w.y)
		}
		w.y += 5
	}
	switch len(l.To) {
	case 0:
	case 1:
		w.block(marginLeft, textWidth, "Kính gửi: "+l.To[0], "", bodyPt, 0, 'C')
		w.y += 4
	default:
		w.block(marginLeft+40, textWidth-40, "Kính gửi:", "", bodyPt, 0, 'L')
		for i, to := range l.To {
			end := ";"
			if i == len(l.To)-1 {
				end = "."
			}
			w.block(marginLeft+60, textWidth-60, "- "+to+end, "", bodyPt, 0, 'L')
		}
		w.y += 4
	}
}

// table draws a bordered table, the header row again on each new page.
func (w *pdfWriter) table(t *Table) {
	p := w.p
	const pt, pad = 12.0, 1.2
	lh := lineHeight(pt)
	total := 0.0
	for _, c := range t.Columns {
		total += c.Weight
	}
	widths := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		widths[i] = textWidth * c.Weight / total
	}
	type cell struct {
		lines []string
		w     float64
		align byte
	}
	layout := func(texts []string, style string, group, header bool) ([]cell, float64) {
		p.SetFont(serif, style, pt)
		var cells []cell
		n := 1
		for i, c := range t.Columns {
			cw := widths[i]
			if group {
				cw = textWidth
			}
			s := ""
			if i < len(texts) {
				s = texts[i]
			}
			align := byte('L')
			switch {
			case header:
				align = 'C'
			case c.Num && !group:
				align = 'R'
			}
			ls := w.wrap(s, cw-2*pad, cw-2*pad)
			n = max(n, len(ls))
			cells = append(cells, cell{ls, cw, align})
			if group {
				break
			}
		}
		return cells, float64(n)*lh + 2*pad
	}
	draw := func(cells []cell, h float64, style string, fill bool) {
		p.SetFont(serif, style, pt)
		p.SetLineWidth(0.2)
		x := marginLeft
		for _, c := range cells {
			if fill {
				p.SetFillColor(232, 238, 244)
				p.Rect(x, w.y, c.w, h, "FD")
			} else {
				p.Rect(x, w.y, c.w, h, "D")
			}
			for i, line := range c.lines {
				base := w.y + pad + float64(i)*lh + lh*0.78
				switch c.align {
				case 'C':
					p.Text(x+(c.w-p.GetStringWidth(line))/2, base, line)
				case 'R':
					p.Text(x+c.w-pad-p.GetStringWidth(line), base, line)
				default:
					p.Text(x+pad, base, line)
				}
			}
			x += c.w
		}
		w.y += h
	}
	var titles []string
	for _, c := range t.Columns {
		titles = append(titles, c.Title)
	}
	head, headH := layout(titles, "B", false, true)
	w.room(headH + lh + 2*pad)
	draw(head, headH, "B", true)
	for _, r := range t.Rows {
		style := ""
		switch {
		case r.Group:
			style = "BI"
		case r.Total:
			style = "B"
		}
		cells, h := layout(r.Cells, style, r.Group, false)
		if w.y+h > pageBottom {
			w.p.AddPage()
			w.y = marginTop + 2
			draw(head, headH, "B", true)
		}
		draw(cells, h, style, false)
	}
	w.y += 3
}

// signature writes Nơi nhận on the left and the signer on the right, kept
// together on one page.
func (w *pdfWriter) signature(l Letter, bodyPt float64) {
	const leftW, rightW = 75.0, 90.0
	copyPt := 11.0
	if l.Party {
		copyPt = 12
	}
	h := lineHeight(bodyPt)*float64(len(l.Capacity)+6) + 8
	h = max(h, lineHeight(copyPt)*float64(len(l.Copies)+1)+8)
	w.room(h)
	top := w.y + 4
	var left []colLine
	if l.Party {
		left = append(left, colLine{text: "Nơi nhận:", pt: bodyPt, align: 'L'})
	} else {
		left = append(left, colLine{text: "Nơi nhận:", style: "BI", pt: 12, align: 'L'})
	}
	for i, c := range l.Copies {
		end := ";"
		if i == len(l.Copies)-1 {
			end = "."
		}
		left = append(left, colLine{text: "- " + c + end, pt: copyPt, align: 'L'})
	}
	endL := w.column(marginLeft, leftW, top, left)
	if l.Party { // the party underlines "Nơi nhận:"
		w.p.SetFont(serif, "", bodyPt)
		y := top + lineHeight(bodyPt)*0.9
		w.p.SetLineWidth(0.2)
		w.p.Line(marginLeft, y, marginLeft+w.p.GetStringWidth("Nơi nhận:"), y)
	}
	var right []colLine
	for _, c := range l.Capacity {
		right = append(right, colLine{text: c, style: "B", pt: bodyPt})
	}
	right = append(right, colLine{text: l.Signer, style: "B", pt: bodyPt, before: lineHeight(bodyPt) * 4})
	endR := w.column(marginLeft+leftW, rightW, top, right)
	w.y = max(endL, endR)
}

// headerSizes are the header lines' and the number's sizes: 14 pt for
// the party (HD 36); for the state 12 pt names and a 13 pt number (NĐ 30,
// Phụ lục I: 12–13 pt).
func headerSizes(l Letter) (head, number float64) {
	if l.Party {
		return 14, 14
	}
	return 12, 13
}

// The rules under the header lines: as long as the party header, as long
// as the Tiêu ngữ, a third of the issuer's name, and under the subject.
const subjectRuleMM = 30.0

func partyTitleRule(top string) float64 { return measure(top, "B", 15) }
func tieuNguRule() float64              { return measure("Độc lập - Tự do - Hạnh phúc", "B", 13) }
func issuerRule(issuer string, pt float64) float64 {
	w := measure(issuer, "B", pt)
	return min(max(w/3, 15), headerLeftState-10)
}
