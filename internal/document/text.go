package document

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"lantoa/internal/vn"
)

var (
	reBookmark   = regexp.MustCompile(`\[bookmark:[^\]]*\]`)
	reHTMLBreak  = regexp.MustCompile(`(?i)<br\s*/?>|</?p>`)
	reHTMLTag    = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?>`)
	reLoneMarks  = regexp.MustCompile(`(^|[\s(])\p{M}+`)
	rePageNumber = regexp.MustCompile(`^\s*(?:-\s*)?(?:Trang\s+)?\d{1,3}(?:\s*-)?\s*$`)
)

// oddSpaces maps line ends, spaces and dashes to their plain forms.
var oddSpaces = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u00a0", " ", "\u2007", " ", "\u202f", " ",
	"\u200b", "", "\ufeff", "", "\t", " ", "\u2013", "-", "\u2014", "-", "\u2010", "-", "\u2011", "-")

// clean repairs what converters leave in the text of real documents and
// returns it as lines: markup (HTML breaks, Markdown emphasis, table pipes,
// "[bookmark: …]"), rules of dashes or stars, tone marks left floating
// by PDF text layers, page numbers alone on a line, odd spaces.
func clean(text string) []string {
	text = vn.NFC(strings.ToValidUTF8(text, "\uFFFD"))
	text = oddSpaces.Replace(text)
	// Each repair runs only where its trigger occurs: most texts need few.
	if strings.Contains(text, "[bookmark:") {
		text = reBookmark.ReplaceAllString(text, "")
	}
	if strings.Contains(text, "<") {
		if strings.Contains(text, "<br") || strings.Contains(text, "<BR") || strings.Contains(text, "<p") || strings.Contains(text, "</p") {
			text = reHTMLBreak.ReplaceAllString(text, "\n")
		}
		text = reHTMLTag.ReplaceAllString(text, "")
	}
	if strings.Contains(text, "***") {
		text = breakStarRules(text)
	}
	if strings.Contains(text, "**") {
		text = strings.ReplaceAll(text, "**", "")
	}
	if strings.Contains(text, "---") || strings.Contains(text, "___") || strings.Contains(text, "===") {
		text = breakRules(text)
	}
	if hasCombining(text) {
		text = reLoneMarks.ReplaceAllString(text, "$1")
	}
	lines := strings.Split(text, "\n")
	out := lines[:0]
	for i, l := range lines {
		l = strings.TrimSpace(strings.Trim(strings.TrimSpace(l), "*|"))
		if l == "_" || l == "-" {
			l = ""
		}
		// A page number between two lines of running text is noise.
		if len(l) <= 14 && rePageNumber.MatchString(l) && i > 0 && i+1 < len(lines) && strings.TrimSpace(lines[i-1]) != "" && strings.TrimSpace(lines[i+1]) != "" {
			continue
		}
		out = append(out, l)
	}
	return out
}

// folded is a text with its search form: lower case, no diacritics, đ as d,
// rune for rune, so that a match in the folded form maps back to the
// original. Patterns are written once in plain ASCII and still match every
// spelling (hoá/hóa, uỷ/ủy, capitals, a missing accent).
type folded struct {
	orig string
	fold string
	off  []int // off[i] is the byte offset in orig of byte i of fold; off[len(fold)] = len(orig)
}

func newFolded(s string) folded {
	var b strings.Builder
	b.Grow(len(s))
	off := make([]int, 0, len(s)+1)
	for i, r := range s {
		f := foldRune(r)
		n := utf8.RuneLen(f)
		if n < 0 {
			f, n = '?', 1
		}
		for k := 0; k < n; k++ {
			off = append(off, i)
		}
		b.WriteRune(f)
	}
	off = append(off, len(s))
	return folded{orig: s, fold: b.String(), off: off}
}

// span returns the original text of the folded byte range [i, j).
func (f folded) span(i, j int) string { return f.orig[f.off[i]:f.off[j]] }

// foldRune is vn.FoldRune keeping one rune for one: a combining mark
// left alone by a converter becomes a space.
func foldRune(r rune) rune {
	if f := vn.FoldRune(r); f >= 0 {
		return f
	}
	return ' '
}

// flatten joins lines into one line of text with single spaces.
func flatten(lines []string) string {
	return strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
}

// isUpperText reports whether s has letters and none of them is lower case.
func isUpperText(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// startsUpper reports whether the first letter of s is a capital.
func startsUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
		if unicode.IsDigit(r) {
			return false
		}
	}
	return false
}

// trimItem strips list bullets and closing punctuation from a list item.
func trimItem(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, "-+•·–* ")
	s = strings.TrimRight(s, " ;,.:")
	s = strings.TrimSuffix(s, "./")
	return strings.TrimSpace(s)
}

// hasCombining reports whether s holds a combining diacritic (U+0300–U+036F).
func hasCombining(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xCC || s[i] == 0xCD && s[i+1] < 0xB0 {
			return true
		}
	}
	return false
}

// breakRules turns rules drawn with three or more -, _ or = into line breaks.
func breakRules(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c == '-' || c == '_' || c == '=' {
			j := i
			for j < len(s) && s[j] == c {
				j++
			}
			if j-i >= 3 {
				b.WriteByte('\n')
			} else {
				b.WriteString(s[i:j])
			}
			i = j
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// breakStarRules turns a rule of stars glued between two capitals
// ("TRUNG ƯƠNG***Số") into a line break; stars around words are emphasis.
func breakStarRules(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] != '*' {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '*' {
			j++
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		if j-i >= 3 && unicode.IsUpper(before) && unicode.IsUpper(after) {
			b.WriteByte('\n')
		} else {
			b.WriteString(s[i:j])
		}
		i = j
	}
	return b.String()
}
