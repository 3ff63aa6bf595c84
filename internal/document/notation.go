package document

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"lantoa/internal/vn"
)

// A notation as printed: number, separator, symbol. Party: "71-HD/BTGTU";
// state and union: "12/UBND-VX", "967/LĐLĐ"; normative: "30/2020/NĐ-CP";
// youth: "367-QĐ/TWĐTN-VP". Real text adds spaces ("367 - QĐ", "34 /KH")
// or loses the slash ("8264 UBND-KGVX").
const symPart = `[A-ZĐƯ][\p{L}0-9&]*`

// notationPattern is what notationAt reads, written as a regular expression.
const notationPattern = `(\d{1,6})(\s*[-/]\s*|\s+)((?:(?:19|20)\d\d\s*/\s*)?` + symPart + `(?:\s*[-/]\s*[A-ZĐƯ0-9][\p{L}0-9&]*)*)`

// notation is a parsed number and symbol.
type notation struct {
	Number string
	Sep    string // "-", "/" or " "
	Symbol string
}

func (n notation) String() string { return n.Number + n.Sep + n.Symbol }

// key identifies a notation however it was spaced or accented.
func (n notation) key() string { return notationKey(n.String()) }

func notationKey(s string) string {
	var b strings.Builder
	for _, r := range vn.Fold(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// parseNotation reads a notation at the start of s (after "Số:" or "số").
// It returns the notation, the byte length consumed, and whether one was found.
func parseNotation(s string) (notation, int, bool) {
	m := notationAt(s)
	if m == nil {
		return notation{}, 0, false
	}
	return notationFrom(s, m)
}

// notationAt matches a notation at the start of s as ^notationPattern does
// and returns the same submatch indexes (number, separator, symbol). It is
// written out by hand because it runs at every number of a text.
func notationAt(s string) []int {
	d := 0
	for d < len(s) && isDigit(s[d]) {
		d++
	}
	if d == 0 || d > 6 {
		return nil
	}
	// The separator: `\s*[-/]\s*`, else `\s+`.
	for _, q := range [2]int{dashEnd(s, d), spacesEnd(s, d)} {
		if q <= d {
			continue
		}
		if end := symbolEnd(s, q); end > 0 {
			return []int{0, end, 0, d, d, q, q, end}
		}
	}
	return nil
}

// dashEnd returns the end of a - or / at byte i with the spaces around
// it, or -1.
func dashEnd(s string, i int) int {
	j := spacesEnd(s, i)
	if j == len(s) || s[j] != '-' && s[j] != '/' {
		return -1
	}
	return spacesEnd(s, j+1)
}

// spacesEnd returns the end of the white space at byte i.
func spacesEnd(s string, i int) int {
	for i < len(s) && isSpaceByte(s[i]) {
		i++
	}
	return i
}

// symbolEnd returns the end of a symbol at byte i (an optional "2020/"
// year, then codes joined by - or /), or -1.
func symbolEnd(s string, i int) int {
	if len(s)-i >= 4 && (s[i:i+2] == "19" || s[i:i+2] == "20") && isDigit(s[i+2]) && isDigit(s[i+3]) {
		if j := spacesEnd(s, i+4); j < len(s) && s[j] == '/' {
			i = spacesEnd(s, j+1)
		}
	}
	end := codeEnd(s, i, false)
	for end > 0 {
		next := codeEnd(s, dashEnd(s, end), true)
		if next < 0 {
			break
		}
		end = next
	}
	return end
}

// codeEnd returns the end of a code at byte i: a capital (A–Z, Đ, Ư) or,
// when digitFirst, a digit, then letters, digits and &; or -1.
func codeEnd(s string, i int, digitFirst bool) int {
	if i < 0 {
		return -1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if !(r >= 'A' && r <= 'Z' || r == 'Đ' || r == 'Ư' || digitFirst && r >= '0' && r <= '9') {
		return -1
	}
	for i += n; i < len(s); i += n {
		r, n = utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !(r >= '0' && r <= '9') && r != '&' {
			break
		}
	}
	return i
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func notationFrom(s string, m []int) (notation, int, bool) {
	num, sep, sym := s[m[2]:m[3]], strings.TrimSpace(s[m[4]:m[5]]), s[m[6]:m[7]]
	sym, cut := trimSymbol(sym)
	end := m[7]
	if cut {
		end = m[6] + len(sym)
	}
	sym = strings.Join(strings.Fields(sym), "")
	if sep == "" {
		sep = " "
		// Without a separator the number may be anything ("2 CÁC…"): only
		// accept a symbol that has the shape of one.
		if !strings.ContainsAny(sym, "-/") {
			return notation{}, 0, false
		}
	}
	if !hasCode(sym) {
		return notation{}, 0, false
	}
	return notation{Number: num, Sep: sep, Symbol: sym}, end, true
}

// hasCode reports whether a symbol has at least one code of two capitals
// (or a capital and a digit), which dates and amounts never have.
func hasCode(sym string) bool {
	upper := 0
	for _, r := range sym {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2 || upper == 1 && strings.ContainsAny(sym, "0123456789") && len(sym) > 2
}

// trimSymbol cuts words glued to the end of a symbol when a converter lost
// the line break after it ("QĐ/TWĐTN-VPĐOÀN TNCS"): codes use plain capitals
// and Đ, so a marked vowel shows a Vietnamese word, which starts at its
// initial consonant. A code that is itself such a word ("TƯ", damaged "TU")
// is kept. It reports whether it cut.
func trimSymbol(sym string) (string, bool) {
	rs := []rune(sym)
	for i, r := range rs {
		if r < 0x80 || r == 'Đ' || r == 'đ' {
			continue
		}
		v := i
		for v > 0 && isVowelRune(rs[v-1]) {
			v--
		}
		j := v
		for n := 3; n >= 1; n-- {
			if v-n >= 0 && onsets[strings.ToLower(string(foldRunes(rs[v-n:v])))] {
				j = v - n
				break
			}
		}
		if j == 0 || rs[j-1] == '-' || rs[j-1] == '/' {
			return sym, false
		}
		return strings.TrimRight(string(rs[:j]), "-/ "), true
	}
	return sym, false
}

// onsets are the initial consonants of Vietnamese syllables (folded).
var onsets = map[string]bool{
	"b": true, "c": true, "ch": true, "d": true, "g": true, "gh": true, "gi": true, "h": true, "k": true,
	"kh": true, "l": true, "m": true, "n": true, "ng": true, "ngh": true, "nh": true, "p": true, "ph": true,
	"qu": true, "r": true, "s": true, "t": true, "th": true, "tr": true, "v": true, "x": true,
}

func foldRunes(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[i] = foldRune(r)
	}
	return out
}

func isVowelRune(r rune) bool {
	b := foldRune(r)
	return strings.ContainsRune("aeiouy", b)
}

// typeOf returns the type a notation shows, if any: the code of a party or
// normative notation ("HD" in 71-HD/BTGTU, "NĐ" in 30/2020/NĐ-CP), or of a
// state one ("QĐ" in 15/QĐ-BNV). State and union công văn carry no code.
func (n notation) typeOf(family Family) string {
	parts := strings.FieldsFunc(n.Symbol, func(r rune) bool { return r == '-' || r == '/' })
	if len(parts) == 0 {
		return ""
	}
	code := parts[0]
	if len(parts) > 1 && len(code) == 4 && code[0] >= '0' && code[0] <= '9' {
		code = parts[1]
	}
	if strings.HasPrefix(code, "QH") || strings.HasPrefix(code, "UBTVQH") {
		return ""
	}
	return typeByCode(code, family)
}
