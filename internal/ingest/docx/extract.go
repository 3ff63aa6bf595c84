package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Namespaces recognised, transitional and strict spellings.
const (
	nsOther = iota
	nsW     // WordprocessingML
	nsMC    // markup compatibility
	nsM     // Office math
)

var namespaces = map[string]int{
	"http://schemas.openxmlformats.org/wordprocessingml/2006/main": nsW,
	"http://purl.oclc.org/ooxml/wordprocessingml/main":             nsW,
	"http://schemas.openxmlformats.org/markup-compatibility/2006":  nsMC,
	"http://schemas.openxmlformats.org/officeDocument/2006/math":   nsM,
	"http://purl.oclc.org/ooxml/officeDocument/math":               nsM,
}

// What an element means to the extractor.
type kind uint8

const (
	kOther    kind = iota
	kP             // paragraph
	kR             // run
	kT             // text: w:t, m:t
	kSkip          // a subtree whose text is not shown: deletions, field codes
	kTab           // w:tab in a run (in w:tabs it is a tab stop)
	kBreak         // w:br, w:cr
	kHyphen        // w:noBreakHyphen
	kSym           // w:sym
	kPPr           // paragraph properties
	kRPr           // run properties
	kDel           // w:del, w:moveFrom: a deletion, or in pPr/rPr a deleted paragraph mark
	kAlt           // mc:AlternateContent
	kChoice        // mc:Choice
	kFallback      // mc:Fallback
	kNote          // w:footnote, w:endnote
	kPStyle        // paragraph style, in pPr
	kNumPr         // list numbering, in pPr
	kIlvl          // list level, in numPr
	kNumID         // list, in numPr
)

var wordKinds = map[string]kind{
	"p": kP, "r": kR, "t": kT,
	"delText": kSkip, "instrText": kSkip, "delInstrText": kSkip,
	"tab": kTab, "ptab": kTab, "br": kBreak, "cr": kBreak,
	"noBreakHyphen": kHyphen, "sym": kSym,
	"pPr": kPPr, "rPr": kRPr, "del": kDel, "moveFrom": kDel,
	"footnote": kNote, "endnote": kNote,
	"pStyle": kPStyle, "numPr": kNumPr, "ilvl": kIlvl, "numId": kNumID,
	// Tracked formatting changes hold the old properties, numbering included.
	"pPrChange": kSkip, "rPrChange": kSkip, "tblPrChange": kSkip, "trPrChange": kSkip,
	"tcPrChange": kSkip, "sectPrChange": kSkip, "numberingChange": kSkip,
}

type frame struct {
	kind   kind
	chosen bool // for kAlt: a Choice was taken
}

// para is an open paragraph.
type para struct {
	line        []byte
	markDeleted bool // the paragraph mark is a tracked deletion: join with the next
	style       string
	numID       string
	ilvl        int // -1: not given
}

// extractor turns WordprocessingML tokens into lines. Paragraphs nested in
// an open one (text boxes, which live inside a run) are held in deferred and
// written after the line of the outermost paragraph, so that line stays whole.
type extractor struct {
	out      *strings.Builder
	num      *numbering
	prefix   map[string]int // prefix → namespace; declarations are taken as global (Word declares all on the root)
	stack    []frame
	skip     int // while > 0, the depth of the element whose subtree is skipped
	paras    []para
	open     int // paragraphs open
	deferred []byte
	carry    bool // paras[0].line continues into the next outermost paragraph
	loose    bool // text outside any paragraph was written without its line end
}

func newExtractor(out *strings.Builder, num *numbering) *extractor {
	return &extractor{
		out:    out,
		num:    num,
		prefix: map[string]int{"w": nsW, "mc": nsMC, "m": nsM},
		stack:  make([]frame, 0, 32),
	}
}

// reset prepares for another part; the namespace prefixes are kept.
func (x *extractor) reset() {
	x.stack, x.skip, x.open, x.deferred, x.carry, x.loose = x.stack[:0], 0, 0, x.deferred[:0], false, false
	x.paras = x.paras[:0]
}

func (x *extractor) classify(se xml.StartElement) kind {
	for _, a := range se.Attr {
		switch {
		case a.Name.Space == "xmlns":
			x.prefix[a.Name.Local] = namespaces[a.Value]
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			x.prefix[""] = namespaces[a.Value]
		}
	}
	switch x.prefix[se.Name.Space] {
	case nsW:
		return wordKinds[se.Name.Local]
	case nsM:
		if se.Name.Local == "t" {
			return kT
		}
	case nsMC:
		switch se.Name.Local {
		case "AlternateContent":
			return kAlt
		case "Choice":
			return kChoice
		case "Fallback":
			return kFallback
		}
	}
	return kOther
}

func (x *extractor) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		if x.skip > 0 {
			x.stack = append(x.stack, frame{})
			return nil
		}
		k := x.classify(t)
		x.stack = append(x.stack, frame{kind: k})
		x.start(k, t)
	case xml.EndElement:
		k := x.stack[len(x.stack)-1].kind // walk has checked the tags match
		x.stack = x.stack[:len(x.stack)-1]
		if x.skip > 0 {
			if len(x.stack) < x.skip {
				x.skip = 0
			}
			return nil
		}
		switch {
		case k == kP:
			x.endParagraph()
		case k == kPPr && x.parent(0) == kP && x.open > 0:
			// Properties come first in a paragraph: its number goes before its text.
			p := &x.paras[x.open-1]
			if l := x.num.label(p.numID, p.ilvl, p.style); l != "" {
				p.line = append(append(p.line, l...), ' ')
			}
		}
	case xml.CharData:
		if x.skip == 0 && len(x.stack) > 0 && x.stack[len(x.stack)-1].kind == kT {
			x.emit(t)
		}
	}
	return nil
}

// parent returns the kind of the element enclosing the current one.
func (x *extractor) parent(up int) kind {
	if i := len(x.stack) - 1 - up; i >= 0 {
		return x.stack[i].kind
	}
	return kOther
}

func (x *extractor) skipSubtree() { x.skip = len(x.stack) }

func (x *extractor) start(k kind, se xml.StartElement) {
	switch k {
	case kP:
		x.startParagraph()
	case kSkip:
		x.skipSubtree()
	case kDel:
		if x.parent(1) == kRPr && x.parent(2) == kPPr && x.open > 0 {
			x.paras[x.open-1].markDeleted = true
		}
		x.skipSubtree()
	case kTab:
		if x.parent(1) == kR {
			x.emit([]byte{'\t'})
		}
	case kBreak:
		if x.parent(1) == kR {
			x.emit([]byte{'\n'})
		}
	case kHyphen:
		if x.parent(1) == kR {
			x.emit([]byte{'-'})
		}
	case kSym:
		// Symbol-font characters sit in the private-use area and mean nothing
		// as text; a real code point is kept.
		c, err := strconv.ParseUint(attr(se.Attr, "char"), 16, 32)
		if r := rune(c); err == nil && x.parent(1) == kR && utf8.ValidRune(r) && !(r >= 0xE000 && r <= 0xF8FF) && r >= ' ' {
			x.emit(utf8.AppendRune(nil, r))
		}
	case kChoice:
		// Only the first Choice is read: Fallback repeats the same content
		// (a text box as DrawingML then as VML) and would double it.
		if i := len(x.stack) - 2; i >= 0 && x.stack[i].kind == kAlt {
			if x.stack[i].chosen {
				x.skipSubtree()
			}
			x.stack[i].chosen = true
		}
	case kFallback:
		if i := len(x.stack) - 2; i >= 0 && x.stack[i].kind == kAlt && x.stack[i].chosen {
			x.skipSubtree()
		}
	case kPStyle, kIlvl, kNumID:
		inPPr := x.parent(1) == kPPr && x.parent(2) == kP
		inNumPr := x.parent(1) == kNumPr && x.parent(2) == kPPr && x.parent(3) == kP
		if x.open == 0 || !(k == kPStyle && inPPr || k != kPStyle && inNumPr) {
			break
		}
		p, val := &x.paras[x.open-1], attr(se.Attr, "val")
		switch k {
		case kPStyle:
			p.style = val
		case kNumID:
			p.numID = val
		case kIlvl:
			if i, err := strconv.Atoi(val); err == nil && i >= 0 && i < 9 {
				p.ilvl = i
			}
		}
	case kNote:
		switch attr(se.Attr, "type") { // separator lines and continuation notices are not notes
		case "separator", "continuationSeparator", "continuationNotice":
			x.skipSubtree()
		}
	}
}

func (x *extractor) emit(b []byte) {
	if x.open == 0 {
		x.out.Write(b)
		x.loose = true
		return
	}
	x.paras[x.open-1].line = append(x.paras[x.open-1].line, b...)
}

func (x *extractor) startParagraph() {
	if x.open == 0 && x.loose {
		x.out.WriteByte('\n')
		x.loose = false
	}
	if x.open == len(x.paras) {
		x.paras = append(x.paras, para{})
	}
	p := &x.paras[x.open]
	if !(x.open == 0 && x.carry) {
		p.line = p.line[:0]
	}
	p.markDeleted, p.style, p.numID, p.ilvl = false, "", "", -1
	x.carry = false
	x.open++
}

func (x *extractor) endParagraph() {
	x.open--
	p := &x.paras[x.open]
	switch {
	case x.open > 0:
		x.deferred = append(append(x.deferred, p.line...), '\n')
	case p.markDeleted:
		x.carry = true
	default:
		x.flush()
	}
}

func (x *extractor) flush() {
	x.out.Write(x.paras[0].line)
	x.out.WriteByte('\n')
	x.out.Write(x.deferred)
	x.paras[0].line = x.paras[0].line[:0]
	x.deferred = x.deferred[:0]
	x.carry = false
}

// finish writes what a part left open: a last paragraph whose mark was
// deleted, text outside paragraphs.
func (x *extractor) finish() {
	if x.carry {
		x.flush()
	}
	if x.loose {
		x.out.WriteByte('\n')
		x.loose = false
	}
}
