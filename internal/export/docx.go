package export

import (
	"archive/zip"
	"bytes"
	"embed"
	"encoding/xml"
	"strings"
	"text/template"
	"time"
)

// The WordprocessingML parts are our own templates: the document (header
// table, body, signature table), its styles, and the page number header
// that shows from the second page on.
//
//go:embed docx
var docxFiles embed.FS

var docxTemplate = template.Must(template.New("").Funcs(template.FuncMap{
	"x":     xmlText,
	"twips": func(mm float64) int { return int(mm*56.7 + 0.5) },
	"half":  func(pt float64) int { return int(pt * 2) },
	"colW":  columnTwips,
	"last":  func(i, n int) bool { return i == n-1 },
	"cols":  func(t *Table) int { return len(t.Columns) },
}).ParseFS(docxFiles, "docx/*.xml"))

// page is A4 with the margins both rulebooks allow: 20 mm top and bottom,
// 30 mm left, 15 mm right (HD 36 digests; NĐ 30 asks 20–25, 30–35, 15–20).
const (
	pageW, pageH                     = 210.0, 297.0
	marginTop, marginBottom          = 20.0, 20.0
	marginLeft, marginRight          = 30.0, 15.0
	textWidth                        = pageW - marginLeft - marginRight
	headerLeftParty, headerLeftState = 80.0, 75.0
)

// docxView is what the document template reads.
type docxView struct {
	Letter
	DateText   string
	BodyPt     float64 // body text size: 14 pt (party), 13 pt (state)
	LeftMM     float64 // the header table's left column
	RightMM    float64
	TextMM     float64
	Created    string
	QuocHieu   string
	TieuNgu    string
	PartyTitle string
	HeadPt     float64 // the issuer lines
	NumberPt   float64
	// Rules under header lines are paragraph borders narrowed by equal
	// indents (twips) to the length the rules ask.
	IssuerRule, TitleRule, SubjectRule int
}

// DOCX writes the letter as a Word document in the official layout.
func DOCX(l Letter) ([]byte, error) {
	v := docxView{Letter: l, DateText: l.DateLine(), TextMM: textWidth,
		QuocHieu: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", TieuNgu: "Độc lập - Tự do - Hạnh phúc",
		PartyTitle: l.TopLine(), Created: time.Now().UTC().Format("2006-01-02T15:04:05Z")}
	v.BodyPt, v.LeftMM = 13, headerLeftState
	if l.Party {
		v.BodyPt, v.LeftMM = 14, headerLeftParty
	}
	v.RightMM = textWidth - v.LeftMM
	v.HeadPt, v.NumberPt = headerSizes(l)
	rule := func(column, width float64) int { return int(max(column-width, 0) / 2 * 56.7) }
	if l.Party {
		v.TitleRule = rule(v.RightMM, partyTitleRule(l.TopLine()))
	} else {
		v.TitleRule = rule(v.RightMM, tieuNguRule())
		v.IssuerRule = rule(v.LeftMM, issuerRule(l.Issuer, v.HeadPt))
	}
	v.SubjectRule = rule(textWidth, subjectRuleMM)
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, part := range []struct{ name, tmpl string }{
		{"[Content_Types].xml", "content_types.xml"},
		{"_rels/.rels", "rels.xml"},
		{"docProps/core.xml", "core.xml"},
		{"word/_rels/document.xml.rels", "document_rels.xml"},
		{"word/document.xml", "document.xml"},
		{"word/styles.xml", "styles.xml"},
		{"word/settings.xml", "settings.xml"},
		{"word/header1.xml", "header1.xml"},
	} {
		w, err := z.Create(part.name)
		if err != nil {
			return nil, err
		}
		if err := docxTemplate.ExecuteTemplate(w, part.tmpl, v); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// xmlText escapes text for an XML element or attribute.
func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// columnTwips is column i's width in twips, its share of the text width.
func columnTwips(t *Table, i int) int {
	total := 0.0
	for _, c := range t.Columns {
		total += c.Weight
	}
	if total == 0 {
		return 0
	}
	return int(textWidth * t.Columns[i].Weight / total * 56.7)
}
