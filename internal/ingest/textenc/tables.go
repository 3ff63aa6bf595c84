package textenc

import (
	"unicode"

	"golang.org/x/text/encoding/charmap"
)

// Tones, in the order of the rows of vowelGrid.
const (
	toneNone  = iota
	toneGrave // huyền
	toneHook  // hỏi
	toneTilde // ngã
	toneAcute // sắc
	toneDot   // nặng
)

// Columns of vowelGrid, named as typed in Telex.
const (
	vA  = iota // a
	vAw        // ă
	vAa        // â
	vE         // e
	vEe        // ê
	vI         // i
	vO         // o
	vOo        // ô
	vOw        // ơ
	vU         // u
	vUw        // ư
	vY         // y
)

// vowelGrid holds the twelve vowels of Vietnamese (columns) under each of the
// six tones (rows). The legacy decoders compose letters from it, and the
// syllable check splits them back into vowel and tone.
var vowelGrid = [6][12]rune{
	{'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'},
	{'à', 'ằ', 'ầ', 'è', 'ề', 'ì', 'ò', 'ồ', 'ờ', 'ù', 'ừ', 'ỳ'},
	{'ả', 'ẳ', 'ẩ', 'ẻ', 'ể', 'ỉ', 'ỏ', 'ổ', 'ở', 'ủ', 'ử', 'ỷ'},
	{'ã', 'ẵ', 'ẫ', 'ẽ', 'ễ', 'ĩ', 'õ', 'ỗ', 'ỡ', 'ũ', 'ữ', 'ỹ'},
	{'á', 'ắ', 'ấ', 'é', 'ế', 'í', 'ó', 'ố', 'ớ', 'ú', 'ứ', 'ý'},
	{'ạ', 'ặ', 'ậ', 'ẹ', 'ệ', 'ị', 'ọ', 'ộ', 'ợ', 'ụ', 'ự', 'ỵ'},
}

// vowel is a letter of vowelGrid, in either case.
type vowel struct {
	col, tone uint8
	upper, ok bool
}

// Tables behind vowelOf: Latin-1 and Latin Extended-A/B (up to ư, U+01B0),
// and the Vietnamese block of Latin Extended Additional.
var (
	latinVowels [0x1B1]vowel
	extVowels   [0x60]vowel // U+1EA0…U+1EFF
	upperGrid   [6][12]rune
)

func init() {
	for tone, row := range vowelGrid {
		for col, r := range row {
			for _, upper := range []bool{false, true} {
				v := vowel{uint8(col), uint8(tone), upper, true}
				if upper {
					r = unicode.ToUpper(r)
					upperGrid[tone][col] = r
				}
				if r < 0x1B1 {
					latinVowels[r] = v
				} else {
					extVowels[r-0x1EA0] = v
				}
			}
		}
	}
}

// vowelOf splits a letter into vowel, tone and case; ok is false for a
// letter that is not one of the vowels of Vietnamese.
func vowelOf(r rune) vowel {
	switch {
	case 0 <= r && r < rune(len(latinVowels)):
		return latinVowels[r]
	case 0x1EA0 <= r && r <= 0x1EFF:
		return extVowels[r-0x1EA0]
	}
	return vowel{}
}

// letter is the inverse of vowelOf.
func (v vowel) letter() rune {
	if v.upper {
		return upperGrid[v.tone][v.col]
	}
	return vowelGrid[v.tone][v.col]
}

// tableOf lists what each byte of a one-byte code page decodes to.
func tableOf(cm *charmap.Charmap) *[256]rune {
	var t [256]rune
	for i := range t {
		t[i] = cm.DecodeByte(byte(i))
	}
	return &t
}

var (
	cp1252Table = tableOf(charmap.Windows1252)
	cp1258Table = tableOf(charmap.Windows1258)
)

// tcvn3Letters are the letters of TCVN 5712:1993 VN3 (ABC, the .VnTime fonts):
// all 67 lowercase letters, and uppercase only for the seven toneless letters
// beyond ASCII. Capitals with a tone were typed as these lowercase codes in the
// all-capital .VnTimeH font, so they decode as lowercase: the bytes do not
// say otherwise.
var tcvn3Letters = [...]struct {
	b byte
	r rune
}{
	{0xA1, 'Ă'}, {0xA2, 'Â'}, {0xA3, 'Ê'}, {0xA4, 'Ô'}, {0xA5, 'Ơ'}, {0xA6, 'Ư'}, {0xA7, 'Đ'},
	{0xA8, 'ă'}, {0xA9, 'â'}, {0xAA, 'ê'}, {0xAB, 'ô'}, {0xAC, 'ơ'}, {0xAD, 'ư'}, {0xAE, 'đ'},
	{0xB5, 'à'}, {0xB6, 'ả'}, {0xB7, 'ã'}, {0xB8, 'á'}, {0xB9, 'ạ'},
	{0xBB, 'ằ'}, {0xBC, 'ẳ'}, {0xBD, 'ẵ'}, {0xBE, 'ắ'}, {0xC6, 'ặ'},
	{0xC7, 'ầ'}, {0xC8, 'ẩ'}, {0xC9, 'ẫ'}, {0xCA, 'ấ'}, {0xCB, 'ậ'},
	{0xCC, 'è'}, {0xCE, 'ẻ'}, {0xCF, 'ẽ'}, {0xD0, 'é'}, {0xD1, 'ẹ'},
	{0xD2, 'ề'}, {0xD3, 'ể'}, {0xD4, 'ễ'}, {0xD5, 'ế'}, {0xD6, 'ệ'},
	{0xD7, 'ì'}, {0xD8, 'ỉ'}, {0xDC, 'ĩ'}, {0xDD, 'í'}, {0xDE, 'ị'},
	{0xDF, 'ò'}, {0xE1, 'ỏ'}, {0xE2, 'õ'}, {0xE3, 'ó'}, {0xE4, 'ọ'},
	{0xE5, 'ồ'}, {0xE6, 'ổ'}, {0xE7, 'ỗ'}, {0xE8, 'ố'}, {0xE9, 'ộ'},
	{0xEA, 'ờ'}, {0xEB, 'ở'}, {0xEC, 'ỡ'}, {0xED, 'ớ'}, {0xEE, 'ợ'},
	{0xEF, 'ù'}, {0xF1, 'ủ'}, {0xF2, 'ũ'}, {0xF3, 'ú'}, {0xF4, 'ụ'},
	{0xF5, 'ừ'}, {0xF6, 'ử'}, {0xF7, 'ữ'}, {0xF8, 'ứ'}, {0xF9, 'ự'},
	{0xFA, 'ỳ'}, {0xFB, 'ỷ'}, {0xFC, 'ỹ'}, {0xFD, 'ý'}, {0xFE, 'ỵ'},
}

// tcvn3Table reads the bytes VN3 leaves unassigned as Windows-1252: these
// files were saved through the Western code page of Windows, so the curly
// quotes and dashes Word put in them sit at their Windows-1252 places.
var tcvn3Table = func() *[256]rune {
	t := *cp1252Table
	for _, l := range tcvn3Letters {
		t[l.b] = l.r
	}
	return &t
}()

// VNI-Windows writes a vowel as an ASCII base letter followed by one byte for
// its marks; vniMarks lists those bytes in lower case (the upper-case ones are
// 0x20 lower). shape says which vowel the mark turns the base into.
const (
	shapeNone       = iota // tone only: a e o u y, and ơ ư (single bytes)
	shapeCircumflex        // â ê ô
	shapeBreve             // ă
)

var vniMarks = [...]struct {
	b           byte
	shape, tone uint8
}{
	{0xF9, shapeNone, toneAcute}, {0xF8, shapeNone, toneGrave}, {0xFB, shapeNone, toneHook},
	{0xF5, shapeNone, toneTilde}, {0xEF, shapeNone, toneDot},
	{0xE2, shapeCircumflex, toneNone}, {0xE1, shapeCircumflex, toneAcute}, {0xE0, shapeCircumflex, toneGrave},
	{0xE5, shapeCircumflex, toneHook}, {0xE3, shapeCircumflex, toneTilde}, {0xE4, shapeCircumflex, toneDot},
	{0xEA, shapeBreve, toneNone}, {0xE9, shapeBreve, toneAcute}, {0xE8, shapeBreve, toneGrave},
	{0xFA, shapeBreve, toneHook}, {0xFC, shapeBreve, toneTilde}, {0xEB, shapeBreve, toneDot},
}

// vniLetters are the VNI bytes that are letters on their own, in lower case
// (upper case 0x20 lower): đ, ơ and ư, the toned i, and ỵ.
var vniLetters = [...]struct {
	b byte
	r rune
}{
	{0xF1, 'đ'}, {0xF4, 'ơ'}, {0xF6, 'ư'},
	{0xEC, 'ì'}, {0xE6, 'ỉ'}, {0xF3, 'ĩ'}, {0xED, 'í'}, {0xF2, 'ị'},
	{0xEE, 'ỵ'},
}

// vniBase is a byte that can carry a VNI mark: the column of its vowel, and
// whether it is upper case.
type vniBase struct {
	col   uint8
	upper bool
	ok    bool
}

// vniMark is a byte that adds marks to the vowel before it.
type vniMark struct {
	shape, tone uint8
	ok          bool
}

var (
	vniBases  [256]vniBase
	vniMarkOf [256]vniMark
	vniTable  *[256]rune // each byte alone; the rest of the range as Windows-1252
)

func init() {
	for c, col := range map[byte]uint8{'a': vA, 'e': vE, 'o': vO, 'u': vU, 'y': vY, 0xF4: vOw, 0xF6: vUw} {
		vniBases[c] = vniBase{col: col, ok: true}
		vniBases[c-0x20] = vniBase{col: col, upper: true, ok: true}
	}
	for _, m := range vniMarks {
		vniMarkOf[m.b] = vniMark{m.shape, m.tone, true}
		vniMarkOf[m.b-0x20] = vniMark{m.shape, m.tone, true}
	}
	t := *cp1252Table
	for _, l := range vniLetters {
		t[l.b] = l.r
		t[l.b-0x20] = unicode.ToUpper(l.r)
	}
	vniTable = &t
}

// composeVNI is the letter a VNI base byte and mark byte spell together.
func composeVNI(base vniBase, m vniMark) (rune, bool) {
	col := base.col
	switch m.shape {
	case shapeCircumflex:
		switch col {
		case vA:
			col = vAa
		case vE:
			col = vEe
		case vO:
			col = vOo
		default:
			return 0, false
		}
	case shapeBreve:
		if col != vA {
			return 0, false
		}
		col = vAw
	}
	return vowel{col: col, tone: m.tone, upper: base.upper, ok: true}.letter(), true
}
