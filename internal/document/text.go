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
	rePageNumber = regexp.MustCompile(`^\s*(?:-\s*)?(?:Trang\s+)?\d{1,3}(?:\s*-)?\s*$`)
)

// oddSpaces maps spaces, invisible marks and dashes to their plain forms.
var oddSpaces = map[rune]string{'\t': " ", '\u00a0': " ", '\u2007': " ", '\u202f': " ",
	'\u200b': "", '\ufeff': "", '\u2013': "-", '\u2014': "-", '\u2010': "-", '\u2011': "-"}

// clean repairs what converters leave in the text of real documents and
// returns it as lines: markup (HTML breaks, Markdown emphasis, table pipes,
// "[bookmark: …]"), rules of dashes or stars, tone marks left floating
// by PDF text layers, page numbers alone on a line, odd spaces.
func clean(text string) []string {
	plain := isPlainNFC(text) // and so holds no combining mark
	if !plain {
		text = vn.NFC(strings.ToValidUTF8(text, "\uFFFD"))
	}
	text = plainSpaces(text)
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
	if !plain && hasCombining(text) {
		text = dropLoneMarks(text)
	}
	lines := strings.Split(text, "\n")
	out := lines[:0]
	for i, l := range lines {
		l = strings.TrimSpace(strings.Trim(strings.TrimSpace(l), "*|"))
		if l == "_" || l == "-" {
			l = ""
		}
		// A page number between two lines of running text is noise.
		if len(l) <= 14 && l != "" && i > 0 && i+1 < len(lines) && strings.TrimSpace(lines[i-1]) != "" && strings.TrimSpace(lines[i+1]) != "" && rePageNumber.MatchString(l) {
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
	off  []int32 // off[i] is the byte offset in orig of byte i of fold; off[len(fold)] = len(orig)
}

// origAt returns the byte offset in orig of byte i of fold.
func (f folded) origAt(i int) int { return int(f.off[i]) }

func newFolded(s string) folded {
	// Written by index: a letter never folds longer than it is written.
	fold := make([]byte, len(s))
	off := make([]int32, len(s)+1) // texts are far below 2 GB
	k := 0                         // fold[:k] is written
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			fold[k], off[k] = lowerASCII(c), int32(i)
			k, i = k+1, i+1
			continue
		}
		r, n := decodeLatin(s, i)
		if r < rune(len(asciiFolds)) && asciiFolds[r] != 0 {
			fold[k], off[k] = asciiFolds[r], int32(i) // a Vietnamese letter: the common case
			k++
		} else {
			if extra := k + utf8.UTFMax + len(s) - (i + n) - len(fold); extra > 0 { // room for a rune that folds longer, and the rest
				fold, off = append(fold, make([]byte, extra)...), append(off, make([]int32, extra)...)
			}
			w := utf8.EncodeRune(fold[k:], foldRune(r))
			for j := k; j < k+w; j++ {
				off[j] = int32(i)
			}
			k += w
		}
		i += n
	}
	off[k] = int32(len(s))
	return folded{orig: s, fold: string(fold[:k]), off: off[:k+1]}
}

// asciiFolds holds the folded byte of every letter up to Latin Extended
// Additional that folds to ASCII, and 0 for other runes.
var asciiFolds = func() (t [0x1F00]byte) {
	for r := range t {
		if f := foldRune(rune(r)); r >= utf8.RuneSelf && f < utf8.RuneSelf {
			t[r] = byte(f)
		}
	}
	return t
}()

// decodeLatin is utf8.DecodeRuneInString(s[i:]) made quick for the two-
// and three-byte sequences of Vietnamese letters (U+0080–U+07FF,
// U+1000–U+1FFF).
func decodeLatin(s string, i int) (rune, int) {
	if c := s[i]; c >= 0xC2 && c <= 0xDF && i+1 < len(s) && isContinuation(s[i+1]) {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	} else if c == 0xE1 && i+2 < len(s) && isContinuation(s[i+1]) && isContinuation(s[i+2]) {
		return 0x1000 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// span returns the original text of the folded byte range [i, j).
func (f folded) span(i, j int) string { return f.orig[f.origAt(i):f.origAt(j)] }

// foldRune is vn.FoldRune keeping one rune for one: a combining mark
// left alone by a converter becomes a space.
func foldRune(r rune) rune {
	if f := vn.FoldRune(r); f >= 0 {
		return f
	}
	return ' '
}

// singleSpaced returns the words of s separated by single spaces, as
// strings.Join(strings.Fields(s), " ") does, copying runs of words that are
// already single-spaced at once.
func singleSpaced(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if n := spaceAt(s, i); n > 0 {
			i += n
			continue
		}
		run := i
		i = singleSpacedEnd(s, i)
		if run == 0 && i == len(s) {
			return s // nothing to change
		}
		if b.Len() == 0 {
			b.Grow(len(s))
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(s[run:i])
	}
	return b.String()
}

// singleSpacedEnd returns the end of the words from byte i of s that are
// parted by single spaces: where white space of another kind, or more than
// one space, or the end comes.
func singleSpacedEnd(s string, i int) int {
	for ; i < len(s); i++ {
		if spaceAt(s, i) > 0 && (s[i] != ' ' || i+1 == len(s) || spaceAt(s, i+1) > 0) {
			return i
		}
	}
	return i
}

// spaceLeads marks the bytes that can start white space (unicode.IsSpace):
// the ASCII spaces and the first bytes of U+0085, U+00A0, U+1680,
// U+2000–U+205F and U+3000.
var spaceLeads = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true,
	0xC2: true, 0xE1: true, 0xE2: true, 0xE3: true}

// spaceAt returns the length of the white space that starts at byte i of
// s, or 0.
func spaceAt(s string, i int) int {
	if !spaceLeads[s[i]] {
		return 0
	}
	return leadSpaceAt(s, i)
}

// leadSpaceAt is spaceAt where byte i of s is one of spaceLeads.
func leadSpaceAt(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return 1
	}
	if s[i] == 0xE1 && (i+1 == len(s) || s[i+1] != 0x9A) {
		return 0 // a Vietnamese letter, not U+1680
	}
	if r, n := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
		return n
	}
	return 0
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

// startsWithAny reports whether the folded form of s, followed by a space,
// starts with one of heads (folded first words, as in vocab.go). Only the
// start of s is folded: heads are far shorter than headLen.
func startsWithAny(s string, heads []string) bool {
	const headLen = 24
	var buf [headLen + utf8.UTFMax]byte
	n := 0
	for _, r := range s {
		if n >= headLen {
			break
		}
		if f := vn.FoldRune(r); f >= 0 {
			n += utf8.EncodeRune(buf[n:], f)
		}
	}
	if n < headLen {
		n += copy(buf[n:], " ") // all of s is folded
	}
	head := string(buf[:n])
	for _, h := range heads {
		if strings.HasPrefix(head, h) {
			return true
		}
	}
	return false
}

// firstRune returns the first rune of s.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
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

// dropLoneMarks removes the combining marks that stand at the start of s
// or after a space or "(", where a PDF text layer left them floating.
func dropLoneMarks(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	loose := true // a mark here would stand alone
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if loose && unicode.Is(unicode.M, r) {
			for i < len(s) && unicode.Is(unicode.M, r) {
				i += n
				r, n = utf8.DecodeRuneInString(s[i:])
			}
			loose = false
			continue
		}
		b.WriteString(s[i : i+n])
		loose = r < utf8.RuneSelf && isSpaceByte(byte(r)) || r == '('
		i += n
	}
	return b.String()
}

// breakRules turns rules drawn with three or more -, _ or = into line breaks.
func breakRules(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	done := 0 // s[:done] is written
	rules := [...]string{"---", "___", "==="}
	var next [len(rules)]int // where each kind of rule next starts at or after done, or -1
	for k, r := range rules {
		next[k] = strings.Index(s, r)
	}
	for {
		for k, r := range rules {
			if next[k] >= 0 && next[k] < done {
				next[k] = indexFrom(s, r, done)
			}
		}
		i := -1
		for _, at := range next {
			if at >= 0 && (i < 0 || at < i) {
				i = at
			}
		}
		if i < 0 {
			break
		}
		j := i + 3
		for j < len(s) && s[j] == s[i] {
			j++
		}
		b.WriteString(s[done:i])
		b.WriteByte('\n')
		done = j
	}
	b.WriteString(s[done:])
	return b.String()
}

// indexFrom is strings.Index of sub in s from byte from on.
func indexFrom(s, sub string, from int) int {
	if k := strings.Index(s[from:], sub); k >= 0 {
		return from + k
	}
	return -1
}

// breakStarRules turns a rule of stars glued between two capitals
// ("TRUNG ƯƠNG***Số") into a line break; stars around words are emphasis.
func breakStarRules(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	done := 0 // s[:done] is written
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '*')
		if k < 0 {
			break
		}
		i += k
		j := i + 1
		for j < len(s) && s[j] == '*' {
			j++
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		if j-i >= 3 && unicode.IsUpper(before) && unicode.IsUpper(after) {
			b.WriteString(s[done:i])
			b.WriteByte('\n')
			done = j
		}
		i = j
	}
	b.WriteString(s[done:])
	return b.String()
}

// isPlainNFC reports whether s is valid UTF-8 made only of characters that
// are in NFC whatever surrounds them: ASCII, the Latin letters of
// Vietnamese (U+0080–U+02FF, U+1E00–U+1EFF), general punctuation and the
// BOM. Almost every text is; checking it costs a fraction of a full check.
func isPlainNFC(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
		case c >= 0xC2 && c <= 0xCB && i+1 < len(s) && isContinuation(s[i+1]):
			i += 2 // U+0080–U+02FF, below the combining marks
		case i+2 < len(s) && isContinuation(s[i+2]) && (c == 0xE1 && s[i+1] >= 0xB8 && s[i+1] <= 0xBB || // U+1E00–U+1EFF
			c == 0xE2 && s[i+1] == 0x80 && s[i+2] >= 0x82 || // U+2002–U+203F (U+2000 and U+2001 are not NFC)
			c == 0xEF && s[i+1] == 0xBB && s[i+2] == 0xBF): // U+FEFF
			i += 3
		default:
			return false
		}
	}
	return true
}

func isContinuation(b byte) bool { return b&0xC0 == 0x80 }

// oddLeads marks the bytes that start a line end or an entry of oddSpaces.
var oddLeads = func() (t [256]bool) {
	for r := range oddSpaces {
		t[utf8.AppendRune(nil, r)[0]] = true
	}
	t['\r'] = true
	return t
}()

// plainSpaces maps line ends to "\n" and odd spaces and dashes to their
// plain forms (oddSpaces). It copies s only when something changes.
func plainSpaces(s string) string {
	var b []byte
	done := 0 // s[:done] is in b already
	for i := 0; i < len(s); i++ {
		if !oddLeads[s[i]] {
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		repl, odd := oddSpaces[r]
		if r == '\r' {
			repl, odd = "\n", true
			if i+1 < len(s) && s[i+1] == '\n' {
				repl = ""
			}
		}
		if odd {
			b = append(append(b, s[done:i]...), repl...)
			done = i + n
		}
	}
	if done == 0 {
		return s
	}
	return string(append(b, s[done:]...))
}
