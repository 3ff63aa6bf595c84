package pdf

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Simple fonts name their glyphs (Encoding, Differences); this file maps
// those names and the standard encodings to Unicode.

// glyphNames lists the glyph names that cannot be derived: punctuation,
// symbols and letters without a decomposition ("name hex …").
const glyphNames = `space 20 exclam 21 quotedbl 22 numbersign 23 dollar 24 percent 25 ampersand 26
quotesingle 27 parenleft 28 parenright 29 asterisk 2a plus 2b comma 2c hyphen 2d period 2e slash 2f
zero 30 one 31 two 32 three 33 four 34 five 35 six 36 seven 37 eight 38 nine 39 colon 3a semicolon 3b
less 3c equal 3d greater 3e question 3f at 40 bracketleft 5b backslash 5c bracketright 5d
asciicircum 5e underscore 5f grave 60 braceleft 7b bar 7c braceright 7d asciitilde 7e
nbspace a0 nonbreakingspace a0 exclamdown a1 cent a2 sterling a3 currency a4 yen a5 brokenbar a6
section a7 dieresis a8 copyright a9 ordfeminine aa guillemotleft ab logicalnot ac sfthyphen ad
softhyphen ad registered ae macron af degree b0 plusminus b1 twosuperior b2 threesuperior b3
acute b4 mu b5 paragraph b6 periodcentered b7 middot b7 cedilla b8 onesuperior b9 ordmasculine ba
guillemotright bb onequarter bc onehalf bd threequarters be questiondown bf AE c6 Eth d0
multiply d7 Oslash d8 Thorn de germandbls df ae e6 eth f0 divide f7 oslash f8 thorn fe
Dcroat 110 Dslash 110 dcroat 111 dmacron 111 dotlessi 131 Lslash 141 lslash 142 OE 152 oe 153
florin 192 circumflex 2c6 caron 2c7 breve 2d8 dotaccent 2d9 ring 2da ogonek 2db tilde 2dc
hungarumlaut 2dd gravecomb 300 acutecomb 301 tildecomb 303 hookabovecomb 309 dotbelowcomb 323
endash 2013 emdash 2014 quoteleft 2018 quoteright 2019 quotesinglbase 201a quotedblleft 201c
quotedblright 201d quotedblbase 201e dagger 2020 daggerdbl 2021 bullet 2022 ellipsis 2026
perthousand 2030 guilsinglleft 2039 guilsinglright 203a fraction 2044 Euro 20ac trademark 2122
minus 2212 fi fb01 fl fb02 ff fb00 ffi fb03 ffl fb04`

// markNames name the combining marks of derived glyph names, in the order
// the names use them: horn, then circumflex or breve, then the tone mark,
// dot below last ("ohorndotbelow", "acircumflexacute", "abrevedotbelow").
var markNames = map[rune]struct {
	name string
	rank int
}{
	0x31B: {"horn", 0}, 0x302: {"circumflex", 1}, 0x306: {"breve", 1}, 0x300: {"grave", 2},
	0x301: {"acute", 2}, 0x303: {"tilde", 2}, 0x304: {"macron", 2}, 0x307: {"dotaccent", 2},
	0x308: {"dieresis", 2}, 0x309: {"hookabove", 2}, 0x30A: {"ring", 2}, 0x30B: {"hungarumlaut", 2},
	0x30C: {"caron", 2}, 0x327: {"cedilla", 2}, 0x328: {"ogonek", 2}, 0x323: {"dotbelow", 3},
}

var glyphTable = sync.OnceValue(func() map[string]rune {
	m := map[string]rune{}
	f := strings.Fields(glyphNames)
	for i := 0; i+1 < len(f); i += 2 {
		v, _ := strconv.ParseUint(f[i+1], 16, 32)
		m[f[i]] = rune(v)
	}
	for r := 'A'; r <= 'Z'; r++ {
		m[string(r)], m[string(r+32)] = r, r+32
	}
	// Accented letters: Latin-1, Latin Extended-A and B (ơ, ư), and the
	// Vietnamese letters of Latin Extended Additional.
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			d := []rune(norm.NFD.String(string(r)))
			if len(d) < 2 || d[0] > 'z' {
				continue
			}
			marks := d[1:]
			ok := true
			for _, mk := range marks {
				if _, known := markNames[mk]; !known {
					ok = false
				}
			}
			if !ok {
				continue
			}
			sort.SliceStable(marks, func(i, j int) bool { return markNames[marks[i]].rank < markNames[marks[j]].rank })
			n := string(d[0])
			for _, mk := range marks {
				n += markNames[mk].name
			}
			if _, dup := m[n]; !dup {
				m[n] = r
			}
		}
	}
	add(0xC0, 0x24F)
	add(0x1E00, 0x1EFF)
	return m
})

// glyphText maps a glyph name to its text: standard names, uniXXXX,
// uXXXX[XX], ligatures written f_i, and suffixed variants (a.sc, one.alt).
func glyphText(n string) string {
	if n == "" || n == ".notdef" {
		return ""
	}
	if r, ok := glyphTable()[n]; ok {
		return string(r)
	}
	if i := strings.IndexByte(n, '.'); i > 0 {
		return glyphText(n[:i])
	}
	if strings.Contains(n, "_") {
		var b strings.Builder
		for _, part := range strings.Split(n, "_") {
			b.WriteString(glyphText(part))
		}
		return b.String()
	}
	if strings.HasPrefix(n, "uni") && len(n) >= 7 && (len(n)-3)%4 == 0 {
		var b strings.Builder
		for i := 3; i+4 <= len(n); i += 4 {
			v, err := strconv.ParseUint(n[i:i+4], 16, 32)
			if err != nil {
				return ""
			}
			b.WriteRune(rune(v))
		}
		return b.String()
	}
	if n[0] == 'u' && len(n) >= 5 && len(n) <= 7 {
		if v, err := strconv.ParseUint(n[1:], 16, 32); err == nil && utf8.ValidRune(rune(v)) {
			return string(rune(v))
		}
	}
	return ""
}

// standardHigh is the upper half of StandardEncoding (the lower half is
// ASCII with curly quotes at 0x27 and 0x60).
var standardHigh = map[byte]string{
	0xa1: "exclamdown", 0xa2: "cent", 0xa3: "sterling", 0xa4: "fraction", 0xa5: "yen", 0xa6: "florin",
	0xa7: "section", 0xa8: "currency", 0xa9: "quotesingle", 0xaa: "quotedblleft", 0xab: "guillemotleft",
	0xac: "guilsinglleft", 0xad: "guilsinglright", 0xae: "fi", 0xaf: "fl", 0xb1: "endash", 0xb2: "dagger",
	0xb3: "daggerdbl", 0xb4: "periodcentered", 0xb6: "paragraph", 0xb7: "bullet", 0xb8: "quotesinglbase",
	0xb9: "quotedblbase", 0xba: "quotedblright", 0xbb: "guillemotright", 0xbc: "ellipsis",
	0xbd: "perthousand", 0xbf: "questiondown", 0xc1: "grave", 0xc2: "acute", 0xc3: "circumflex",
	0xc4: "tilde", 0xc5: "macron", 0xc6: "breve", 0xc7: "dotaccent", 0xc8: "dieresis", 0xca: "ring",
	0xcb: "cedilla", 0xcd: "hungarumlaut", 0xce: "ogonek", 0xcf: "caron", 0xd0: "emdash", 0xe1: "AE",
	0xe3: "ordfeminine", 0xe8: "Lslash", 0xe9: "Oslash", 0xea: "OE", 0xeb: "ordmasculine", 0xf1: "ae",
	0xf5: "dotlessi", 0xf8: "lslash", 0xf9: "oslash", 0xfa: "oe", 0xfb: "germandbls",
}

// baseEncoding returns the text of the 256 codes of a named encoding.
func baseEncoding(n name) [256]string {
	var t [256]string
	switch n {
	case "MacRomanEncoding":
		for i := 32; i < 256; i++ {
			t[i] = string(charmap.Macintosh.DecodeByte(byte(i)))
		}
	case "StandardEncoding":
		for i := 32; i < 127; i++ {
			t[i] = string(rune(i))
		}
		t[0x27], t[0x60] = "\u2019", "\u2018"
		for c, g := range standardHigh {
			t[c] = glyphText(g)
		}
	default: // WinAnsiEncoding, and the guess for fonts that name none
		for i := 32; i < 256; i++ {
			t[i] = string(charmap.Windows1252.DecodeByte(byte(i)))
		}
		for _, i := range []int{0x81, 0x8d, 0x8f, 0x90, 0x9d} {
			t[i] = "" // undefined in Windows-1252
		}
		t[0x7f], t[0xa0], t[0xad] = "", " ", "-"
	}
	return t
}
