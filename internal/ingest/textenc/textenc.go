// Package textenc decodes plain-text files written in the encodings found in
// Vietnamese offices: UTF-8 and UTF-16, Windows-1258, and the two font
// encodings of the 1990s still met in archives, TCVN3 (ABC, the .VnTime
// fonts) and VNI-Windows.
//
// Unicode is recognised by its byte-order mark, by the NUL bytes of UTF-16,
// or by being valid UTF-8. The legacy encodings cannot be told apart by their
// bytes, so the text is decoded with each and the one whose words are most
// often real Vietnamese syllables wins.
package textenc

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"lantoa/internal/problem"
)

// Names of the encodings Decode reports.
const (
	UTF8        = "utf-8"
	UTF8BOM     = "utf-8-bom"
	UTF16LE     = "utf-16le"
	UTF16BE     = "utf-16be"
	Windows1258 = "windows-1258"
	TCVN3       = "tcvn3"
	VNI         = "vni"
)

// Decode converts b to a UTF-8 string and names the encoding it detected.
//
// The text is NFC, without a byte-order mark. Control characters other than
// tab, line and page breaks become U+FFFD; if they and U+FFFD make more than
// 1% of the text, the file is not text. UTF-8 with a few bad bytes (a
// truncated or slightly damaged file) is still UTF-8, the bad bytes becoming
// U+FFFD: see mostlyUTF8. TCVN3 has no capitals with a tone, so those typed
// in a .VnTimeH font come out in lower case ("CộNG HòA"). Errors are
// problem.Invalid with a one-line message for a clerk.
func Decode(b []byte) (text, encoding string, err error) {
	text, encoding, err = decode(b)
	if err != nil {
		return "", "", err
	}
	if text, err = finish(text); err != nil {
		return "", "", err
	}
	return text, encoding, nil
}

func errEmpty() error {
	return problem.Errorf(problem.Invalid, "tệp rỗng: không có nội dung")
}

func errBinary() error {
	return problem.Errorf(problem.Invalid, "tệp không phải văn bản (có dữ liệu nhị phân)")
}

func errUnknown() error {
	return problem.Errorf(problem.Invalid, "không nhận ra bảng mã của tệp văn bản: hãy lưu lại dưới dạng Unicode (UTF-8)")
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

const replacement = "\uFFFD"

// decode picks the encoding and decodes; finish checks and tidies the result.
func decode(b []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		// The mark declares UTF-8: trust it and replace what is broken.
		return string(bytes.ToValidUTF8(b[len(bomUTF8):], []byte(replacement))), UTF8BOM, nil
	case bytes.HasPrefix(b, bomUTF16LE):
		return decodeUTF16(b[2:], false), UTF16LE, nil
	case bytes.HasPrefix(b, bomUTF16BE):
		return decodeUTF16(b[2:], true), UTF16BE, nil
	}
	if enc := sniffUTF16(b); enc != "" {
		return decodeUTF16(b, enc == UTF16BE), enc, nil
	}
	// Editors and interrupted saves leave NUL padding or a DOS end-of-file
	// mark (Ctrl-Z) at the end of a file.
	t := bytes.TrimRight(b, "\x00\x1a")
	if len(t) == 0 && bytes.IndexByte(b, 0) >= 0 {
		return "", "", errBinary()
	}
	if utf8.Valid(t) {
		return string(t), UTF8, nil
	}
	// Every candidate keeps bytes below 0x20 as they are, so check them here
	// rather than call binary junk an unknown encoding; finish checks again.
	if junkControls(t)*100 > len(t) {
		return "", "", errBinary()
	}
	if mostlyUTF8(t) {
		return string(bytes.ToValidUTF8(t, []byte(replacement))), UTF8, nil
	}
	return guessLegacy(t)
}

// finish rejects text that is mostly control characters or U+FFFD, replaces
// the remaining control characters, normalises to NFC and rejects text with
// nothing to read.
func finish(s string) (string, error) {
	ctl := junkControls(s)
	bad := ctl + strings.Count(s, replacement)
	if strings.HasSuffix(s, replacement) {
		bad-- // the last character of a truncated file: not a sign of binary data
	}
	if bad > 0 && bad*100 > utf8.RuneCountInString(s) {
		return "", errBinary()
	}
	if ctl > 0 {
		s = strings.Map(func(r rune) rune {
			if r < utf8.RuneSelf && isJunkControl(byte(r)) {
				return utf8.RuneError
			}
			return r
		}, s)
	}
	if !stableNFC(s) {
		s = norm.NFC.String(s)
	}
	if strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == utf8.RuneError }) == "" {
		if strings.Contains(s, replacement) {
			return "", errBinary()
		}
		return "", errEmpty()
	}
	return s, nil
}

// stableNFC reports whether every character of s is one that is NFC and
// combines with no neighbour: ASCII, precomposed Latin letters and common
// punctuation, which is what Vietnamese text is made of. It is several times
// faster than norm's own check, which runs only when this one fails.
func stableNFC(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !stableRune(r) {
			return false
		}
		i += n
	}
	return true
}

// stableRune holds for the characters stableNFC accepts; TestStableRune
// checks each against norm.
func stableRune(r rune) bool {
	return 0xA0 <= r && r <= 0x24F || 0x1E00 <= r && r <= 0x1EFF ||
		0x2010 <= r && r <= 0x2027 || r == 0x20AB || r == 0x20AC
}

// isJunkControl reports the control characters text files do not contain:
// all but tab, line feed, vertical tab and form feed (which Word writes for
// manual line and page breaks) and carriage return.
func isJunkControl(c byte) bool {
	return c < 0x20 && (c < '\t' || c > '\r') || c == 0x7F
}

func junkControls[T string | []byte](s T) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isJunkControl(s[i]) {
			n++
		}
	}
	return n
}

// mostlyUTF8 reports whether b is UTF-8 damaged in a few places (a bad
// copy, a stray byte of another encoding): under 1% of its characters are
// lost, counting each run of bad bytes as one character (it becomes one
// U+FFFD), and valid multi-byte sequences outnumber the bad runs ten to one,
// which legacy text, almost never valid UTF-8 beyond ASCII, does not
// achieve. A sequence cut off at the very end (a truncated file) is not
// counted as damage.
func mostlyUTF8(b []byte) bool {
	chars, multi, bad := 0, 0, 0
	inBad := false
	for i := 0; i < len(b); {
		chars++
		if b[i] < utf8.RuneSelf {
			i++
			inBad = false
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r != utf8.RuneError || n > 1:
			multi++
			inBad = false
		case !utf8.FullRune(b[i:]):
			n = len(b) - i // cut off at the end
		case !inBad:
			bad++
			inBad = true
			if 100*bad > len(b) {
				return false // more than 1% whatever the rest holds
			}
		}
		i += n
	}
	return multi > 0 && multi >= 10*bad && 100*bad <= chars
}

// sniffUTF16 recognises UTF-16 without a byte-order mark by its NUL bytes.
// In Vietnamese or English text most code units are below U+0200, so their
// high byte is zero: zeros fill at least 30% of one parity. Their low byte is
// almost never zero, so the other parity must have at most 1% zeros, which
// no ASCII-compatible text with a run of NULs passes. The first 64 KiB
// decide.
func sniffUTF16(b []byte) string {
	b = b[:min(len(b), 64<<10)]
	pairs := len(b) / 2
	if pairs < 2 {
		return ""
	}
	even, odd := 0, 0
	for i := 0; i+1 < len(b); i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	switch {
	case 10*odd >= 3*pairs && 100*even <= pairs:
		return UTF16LE
	case 10*even >= 3*pairs && 100*odd <= pairs:
		return UTF16BE
	}
	return ""
}

// decodeUTF16 decodes UTF-16; unpaired surrogates and an odd last byte (a
// truncated file) become U+FFFD.
func decodeUTF16(b []byte, bigEndian bool) string {
	unit := func(i int) rune {
		if bigEndian {
			return rune(b[i])<<8 | rune(b[i+1])
		}
		return rune(b[i+1])<<8 | rune(b[i])
	}
	var sb strings.Builder
	sb.Grow(len(b)/2*3 + 3)
	i := 0
	for ; i+1 < len(b); i += 2 {
		r := unit(i)
		if utf16.IsSurrogate(r) {
			if i+3 < len(b) {
				if pair := utf16.DecodeRune(r, unit(i+2)); pair != utf8.RuneError {
					sb.WriteRune(pair)
					i += 2
					continue
				}
			}
			r = utf8.RuneError
		}
		sb.WriteRune(r)
	}
	if i < len(b) {
		sb.WriteRune(utf8.RuneError)
	}
	return sb.String()
}

// legacy is an encoding that must be guessed from the words it yields.
type legacy struct {
	name   string
	decode func([]byte) string
}

// legacies are tried in this order, which settles ties: TCVN3 was the
// standard in party and state offices, VNI common in the South.
var legacies = [...]legacy{
	{TCVN3, decodeTCVN3},
	{VNI, decodeVNI},
	{Windows1258, decodeWindows1258},
}

// sampleSize bounds the bytes decoded three times to choose an encoding:
// about ten thousand words, plenty.
const sampleSize = 64 << 10

// guessLegacy decodes b with the legacy encoding under which its words look
// most Vietnamese, if one looks Vietnamese enough (tally.acceptable). The
// words compared are those of a sample that starts at the line of the first
// byte beyond ASCII, since lines of ASCII read the same in every encoding.
func guessLegacy(b []byte) (string, string, error) {
	first := 0
	for first < len(b) && b[first] < utf8.RuneSelf {
		first++
	}
	start := bytes.LastIndexByte(b[:first], '\n') + 1
	sample := b[start:min(len(b), start+sampleSize)]
	best, bestText, bestTally := -1, "", tally{}
	for i, l := range legacies {
		text := l.decode(sample)
		// Strictly better: ties go to the earlier encoding.
		if t := score(text); t.acceptable() && (best < 0 || t.net() > bestTally.net()) {
			best, bestText, bestTally = i, text, t
		}
	}
	if best < 0 {
		return "", "", errUnknown()
	}
	if len(sample) < len(b) {
		bestText = legacies[best].decode(b)
	}
	return bestText, legacies[best].name, nil
}

func decodeTCVN3(b []byte) string { return decodeTable(b, tcvn3Table) }

// decodeWindows1258 decodes Windows-1258, putting each tone mark written as
// a combining character after a vowel on the vowel, as NFC does (finish
// normalises whatever else is left, at norm's slower pace).
func decodeWindows1258(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	var last rune // the vowel just decoded, not yet written
	for len(b) > 0 {
		i := 0
		for i < len(b) && b[i] < utf8.RuneSelf && !isASCIIVowel(b[i]) {
			i++
		}
		if i > 0 {
			if last != 0 {
				sb.WriteRune(last)
				last = 0
			}
			sb.Write(b[:i])
			b = b[i:]
			continue
		}
		r := cp1258Table[b[0]]
		b = b[1:]
		if last != 0 {
			if toned, ok := addTone(last, cp1258Tones[r]); ok {
				r = toned
			} else {
				sb.WriteRune(last)
			}
			last = 0
		}
		if vowelOf(r).ok {
			last = r
		} else {
			sb.WriteRune(r)
		}
	}
	if last != 0 {
		sb.WriteRune(last)
	}
	return sb.String()
}

func isASCIIVowel(c byte) bool {
	switch c | 0x20 {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// cp1258Tones are the combining tone marks of Windows-1258.
var cp1258Tones = map[rune]uint8{0x300: toneGrave, 0x309: toneHook, 0x303: toneTilde, 0x301: toneAcute, 0x323: toneDot}

// addTone puts tone on vowel v, which must have none yet.
func addTone(v rune, tone uint8) (rune, bool) {
	vw := vowelOf(v)
	if !vw.ok || tone == toneNone || vw.tone != toneNone {
		return 0, false
	}
	vw.tone = tone
	return vw.letter(), true
}

// decodeTable decodes a one-byte encoding, copying runs of ASCII whole.
func decodeTable(b []byte, t *[256]rune) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for len(b) > 0 {
		i := 0
		for i < len(b) && b[i] < utf8.RuneSelf {
			i++
		}
		sb.Write(b[:i])
		if i == len(b) {
			break
		}
		sb.WriteRune(t[b[i]])
		b = b[i+1:]
	}
	return sb.String()
}

// decodeVNI decodes VNI-Windows: a vowel followed by a mark byte is one
// letter; any other byte stands alone.
func decodeVNI(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for i := 0; i < len(b); i++ {
		c := b[i]
		if base := vniBases[c]; base.ok && i+1 < len(b) {
			if m := vniMarkOf[b[i+1]]; m.ok {
				if r, ok := composeVNI(base, m); ok {
					sb.WriteRune(r)
					i++
					continue
				}
			}
		}
		if c < utf8.RuneSelf {
			sb.WriteByte(c)
		} else {
			sb.WriteRune(vniTable[c])
		}
	}
	return sb.String()
}
