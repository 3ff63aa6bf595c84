package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// numbering renders the automatic numbers and bullets of list paragraphs
// ("1.", "a)", "II.", "Điều 3.", "-"), which Word keeps out of the text but
// which the document parser reads as item markers and section headings.
//
// It covers what office documents use: levels with start, format and text,
// numbers sharing an abstract definition and its counters, start overrides,
// numbering given by a paragraph style. Not covered: level overrides that
// redefine a whole level, numbering style links, legal-style (isLgl) numbers.
type numbering struct {
	nums     map[string]*list
	styles   map[string]styleNum // paragraph style id → numbering, basedOn resolved on use
	styleLvl map[string]int      // paragraph style id → level of an abstract list naming it
}

type level struct {
	start  int
	format string // numFmt: decimal, lowerLetter, upperRoman, bullet, none…
	text   string // lvlText: "%1.", "%1.%2.", "Điều %1.", "-"
}

type counters struct {
	n       [9]int
	started [9]bool
}

// abstractNum is a list definition. Its counters are shared by every list
// using it, as in Word: a list with a start override restarts the count at
// its first paragraph, and lists using the same definition continue from
// there (LibreOffice writes every numbered list that way).
type abstractNum struct {
	levels [9]level
	count  counters
}

type list struct {
	abs       *abstractNum
	override  [9]int // start overrides, 0 when none
	restarted [9]bool
}

type styleNum struct {
	numID, basedOn string
	ilvl           int // -1: not given
}

func newNumbering() *numbering {
	return &numbering{nums: map[string]*list{}, styles: map[string]styleNum{}, styleLvl: map[string]int{}}
}

// readNumbering returns a token handler filling n from numbering.xml, and
// a function to call once the part has been read.
func (n *numbering) readNumbering() (token func(xml.Token) error, done func()) {
	abstracts := map[string]*abstractNum{}
	type num struct {
		id, abstract string
		override     [9]int
	}
	var nums []num
	var abs *abstractNum
	inNum := false
	lvl, overrideLvl := -1, -1
	token = func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			val := attr(t.Attr, "val")
			switch t.Name.Local {
			case "abstractNum":
				abs = &abstractNum{}
				for i := range abs.levels {
					abs.levels[i] = level{start: 1, format: "decimal"}
				}
				if id := attr(t.Attr, "abstractNumId"); abstracts[id] == nil {
					abstracts[id] = abs
				}
			case "num":
				nums = append(nums, num{id: attr(t.Attr, "numId")})
				inNum = true
			case "lvl":
				lvl = -1
				if i, err := strconv.Atoi(attr(t.Attr, "ilvl")); err == nil && i >= 0 && i < 9 && abs != nil && !inNum {
					lvl = i
				}
			case "lvlOverride":
				overrideLvl = -1
				if i, err := strconv.Atoi(attr(t.Attr, "ilvl")); err == nil && i >= 0 && i < 9 {
					overrideLvl = i
				}
			case "abstractNumId":
				if inNum {
					nums[len(nums)-1].abstract = val
				}
			case "startOverride":
				if i, err := strconv.Atoi(val); err == nil && inNum && overrideLvl >= 0 && i > 0 && i < 1e6 {
					nums[len(nums)-1].override[overrideLvl] = i
				}
			case "start", "numFmt", "lvlText", "pStyle":
				if lvl < 0 {
					break
				}
				l := &abs.levels[lvl]
				switch t.Name.Local {
				case "start":
					if i, err := strconv.Atoi(val); err == nil && i >= 0 && i < 1e6 {
						l.start = i
					}
				case "numFmt":
					l.format = val // in mc:AlternateContent the Fallback comes last and wins: fine
				case "lvlText":
					l.text = val
				case "pStyle":
					n.styleLvl[val] = lvl
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "abstractNum":
				abs, lvl = nil, -1
			case "num":
				inNum = false
			case "lvl":
				lvl = -1
			}
		}
		return nil
	}
	done = func() {
		for _, m := range nums {
			a := abstracts[m.abstract]
			if a == nil || n.nums[m.id] != nil {
				continue
			}
			n.nums[m.id] = &list{abs: a, override: m.override}
		}
	}
	return token, done
}

// readStyles returns a token handler taking the numbering of paragraph
// styles from styles.xml.
func (n *numbering) readStyles() func(xml.Token) error {
	var id string
	var s styleNum
	return func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				id, s = "", styleNum{ilvl: -1}
				if attr(t.Attr, "type") == "paragraph" {
					id = attr(t.Attr, "styleId")
				}
			case "basedOn":
				s.basedOn = attr(t.Attr, "val")
			case "numId":
				s.numID = attr(t.Attr, "val")
			case "ilvl":
				if i, err := strconv.Atoi(attr(t.Attr, "val")); err == nil && i >= 0 && i < 9 {
					s.ilvl = i
				}
			}
		case xml.EndElement:
			if t.Name.Local == "style" && id != "" {
				if _, dup := n.styles[id]; !dup {
					n.styles[id] = s
				}
				id = ""
			}
		}
		return nil
	}
}

// label returns the marker of the next paragraph of a list and advances its
// counters. numID "" with a style takes the style's numbering; ilvl -1 means
// not given. "" when the paragraph is not numbered.
func (n *numbering) label(numID string, ilvl int, style string) string {
	if n == nil {
		return ""
	}
	if numID == "" && style != "" {
		// Follow basedOn, a few steps at most: a cycle must not loop.
		for s, i := style, 0; s != "" && i < 10 && numID == ""; i++ {
			sn, ok := n.styles[s]
			if !ok {
				break
			}
			numID = sn.numID
			if ilvl < 0 {
				ilvl = sn.ilvl
			}
			s = sn.basedOn
		}
		if ilvl < 0 {
			if l, ok := n.styleLvl[style]; ok {
				ilvl = l
			}
		}
	}
	l := n.nums[numID]
	if l == nil { // also numId 0, which switches numbering off
		return ""
	}
	ilvl = max(ilvl, 0)
	c := &l.abs.count
	switch {
	case l.override[ilvl] > 0 && !l.restarted[ilvl]:
		c.n[ilvl], c.started[ilvl], l.restarted[ilvl] = l.override[ilvl], true, true
	case c.started[ilvl]:
		c.n[ilvl]++
	default:
		c.n[ilvl], c.started[ilvl] = l.abs.levels[ilvl].start, true
	}
	for j := ilvl + 1; j < 9; j++ {
		c.started[j] = false // a deeper level restarts after this one
	}
	lv := l.abs.levels[ilvl]
	switch lv.format {
	case "none":
		return ""
	case "bullet":
		switch lv.text {
		case "-", "–", "—", "−", "":
			return "-"
		case "+":
			return "+"
		}
		return "•" // Symbol and Wingdings glyphs are private-use code points
	}
	var b strings.Builder
	for i := 0; i < len(lv.text); i++ {
		if d := lv.text[i]; d == '%' && i+1 < len(lv.text) && lv.text[i+1] >= '1' && lv.text[i+1] <= '9' {
			k := int(lv.text[i+1] - '1')
			v := c.n[k]
			if !c.started[k] {
				v = l.abs.levels[k].start
			}
			b.WriteString(formatNumber(v, l.abs.levels[k].format))
			i++
			continue
		}
		b.WriteByte(lv.text[i])
	}
	return b.String()
}

func formatNumber(v int, format string) string {
	switch format {
	case "lowerLetter", "upperLetter":
		// Word's letters: a…z, then aa…zz, aaa…
		if v < 1 {
			v = 1
		}
		s := strings.Repeat(string(rune('a'+(v-1)%26)), min((v-1)/26+1, 10))
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		s := roman(v)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	case "decimalZero":
		if v >= 0 && v < 10 {
			return "0" + strconv.Itoa(v)
		}
	}
	return strconv.Itoa(v)
}

func roman(v int) string {
	if v < 1 || v > 3999 {
		return strconv.Itoa(v)
	}
	var b strings.Builder
	for _, r := range []struct {
		n int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for ; v >= r.n; v -= r.n {
			b.WriteString(r.s)
		}
	}
	return b.String()
}
