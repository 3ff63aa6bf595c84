// Package export writes documents in the official layout of Vietnamese
// administrative documents (DOCX and PDF) and results annexes (XLSX). It
// is pure: a model goes in, the bytes of a file come out. Which family's
// layout, what the number reads and what the body says are decided by the
// caller; this package only lays them out as the rules ask
// (reference/formats.md §1: HD 36-HD/VPTW for the party, NĐ 30/2020 for
// the state, followed by unions and the Front).
package export

import (
	"fmt"
	"time"
)

// Letter is one document as printed: the header block, the body and the
// signature block.
type Letter struct {
	Party    bool   // party layout: the organisation's name top right, a "*" under the issuer
	Top      string // that name: "ĐẢNG CỘNG SẢN VIỆT NAM" when empty, "ĐOÀN TNCS HỒ CHÍ MINH" for the youth union
	Superior string // the body directly above the issuer, printed first: "TỈNH ỦY LAI CHÂU"; may be empty
	Issuer   string // the issuing body: "BAN TUYÊN GIÁO"
	Number   string // the number line as printed: "Số 05-BC/BTGTU", "Số:     /BC-LĐLĐ"
	Place    string // "Lai Châu"
	Date     time.Time
	TypeName string // "BÁO CÁO"; empty for a công văn
	Subject  string // trích yếu; a công văn's "V/v …" (printed under the number)
	To       []string
	Body     []Block
	Capacity []string // "T/M BAN THƯỜNG VỤ", "PHÓ TRƯỞNG BAN"
	Signer   string
	Copies   []string // Nơi nhận
	Note     string   // a line after the signature block, e.g. that the figures are a demonstration's
}

// BlockKind is what a block of the body is.
type BlockKind int

const (
	Paragraph BlockKind = iota // justified, first line indented
	Heading                    // bold, not indented: "I. …", "1. …"
	Item                       // a line of a list: "- …", not indented
	TableBlock
)

// Block is a paragraph, a heading, a list line or a table of the body.
type Block struct {
	Kind  BlockKind
	Text  string
	Table *Table
}

// The template asks a block what it is by these.
func (b Block) IsParagraph() bool { return b.Kind == Paragraph }
func (b Block) IsHeading() bool   { return b.Kind == Heading }
func (b Block) IsItem() bool      { return b.Kind == Item }

// Table is a table of the body, bordered, its header row repeated on
// every page.
type Table struct {
	Columns []Column
	Rows    []Row
}

// Column is a table column: its title and its share of the text width.
type Column struct {
	Title  string
	Weight float64 // relative width
	Num    bool    // figures, right-aligned
}

// Row is a table row. A Group row is one cell spanning the table, bold
// (a form's name over its indicators); a Total row is bold.
type Row struct {
	Cells []string
	Group bool
	Total bool
}

// DateLine is the place and date as printed: "Lai Châu, ngày 05 tháng 02
// năm 2026". Days below 10 and the months January and February take a
// leading zero (NĐ 30, Phụ lục I); a zero date leaves the blanks to fill.
func (l Letter) DateLine() string {
	place := l.Place
	if place != "" {
		place += ", "
	}
	if l.Date.IsZero() {
		return place + "ngày      tháng      năm"
	}
	m := fmt.Sprint(int(l.Date.Month()))
	if l.Date.Month() <= 2 {
		m = "0" + m
	}
	return fmt.Sprintf("%sngày %02d tháng %s năm %d", place, l.Date.Day(), m, l.Date.Year())
}

// TopLine is the name printed top right in the party layout.
func (l Letter) TopLine() string {
	if l.Top != "" {
		return l.Top
	}
	return "ĐẢNG CỘNG SẢN VIỆT NAM"
}

// CongVan reports whether the letter is a công văn: no type name, its
// subject printed under the number.
func (l Letter) CongVan() bool { return l.TypeName == "" }
