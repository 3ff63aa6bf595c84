// Package vn holds the rules of Vietnamese text that every layer shares:
// normalisation to NFC, the old/new tone placement, the folded form used for
// search and matching, collation for sorting names, and dd/mm/yyyy dates.
package vn

import (
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode normalisation form C, the form stored everywhere.
func NFC(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// Fold returns the search key of s: lower case, without tone marks or other
// diacritics, with đ as d. "Chỉ thị", "CHI THI" and "chi thi" fold alike, and
// so do both tone placements (hoá/hóa, uỷ/ủy).
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f := FoldRune(r); f >= 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// FoldRune returns the folded form of one rune, or -1 for a combining mark,
// which folding drops. Letters of Vietnamese come from a table built once.
func FoldRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r < rune(len(foldTable)):
		return foldTable[r]
	}
	return foldSlow(r)
}

// foldTable covers Latin-1, Latin Extended and Latin Extended Additional,
// where every letter of Vietnamese lives, and the combining marks.
var foldTable = func() (t [0x1F00]rune) {
	for r := range t {
		t[r] = foldSlow(rune(r))
	}
	return t
}()

func foldSlow(r rune) rune {
	if unicode.Is(unicode.Mn, r) {
		return -1
	}
	if r == 'đ' || r == 'Đ' {
		return 'd'
	}
	d := norm.NFD.String(string(r))
	base, _ := utf8.DecodeRuneInString(d)
	return unicode.ToLower(base)
}

// tone marks as combining characters (NFD).
const (
	grave     = '\u0300'
	acute     = '\u0301'
	tilde     = '\u0303'
	hook      = '\u0309'
	dotBelow  = '\u0323'
	toneMarks = "\u0300\u0301\u0303\u0309\u0323"
)

// ModernTones rewrites the open syllables oa, oe and uy to carry the tone on
// the second vowel (hoá, khoẻ, thuỷ), the placement of the current spelling
// rules. OldTones does the reverse (hóa, khỏe, thủy). Other syllables are left
// as they are, so each is safe to apply to any text.
func ModernTones(s string) string { return placeTones(s, true) }

// OldTones puts the tone of open oa, oe, uy on the first vowel (hóa, thủy).
func OldTones(s string) string { return placeTones(s, false) }

func placeTones(s string, modern bool) string {
	d := []rune(norm.NFD.String(s))
	out := make([]rune, 0, len(d))
	i := 0
	for i < len(d) {
		if !isLetter(d[i]) {
			out = append(out, d[i])
			i++
			continue
		}
		j := i
		for j < len(d) && isLetter(d[j]) {
			j++
		}
		out = append(out, retone(d[i:j], modern)...)
		i = j
	}
	return norm.NFC.String(string(out))
}

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// retone moves the tone mark of one decomposed syllable when the syllable
// ends in oa, oe or uy (not after q, where u belongs to the consonant).
func retone(syl []rune, modern bool) []rune {
	var tone rune
	bare := make([]rune, 0, len(syl))
	for _, r := range syl {
		if strings.ContainsRune(toneMarks, r) {
			tone = r
			continue
		}
		bare = append(bare, r)
	}
	n := len(bare)
	if tone == 0 || n < 2 {
		return syl
	}
	a, b := unicode.ToLower(bare[n-2]), unicode.ToLower(bare[n-1])
	if !(a == 'o' && (b == 'a' || b == 'e') || a == 'u' && b == 'y') {
		return syl
	}
	if a == 'u' && n >= 3 && unicode.ToLower(bare[n-3]) == 'q' {
		return syl
	}
	at := n - 1 // after the last vowel: modern placement
	if !modern {
		at = n - 1 - 1
	}
	res := make([]rune, 0, n+1)
	res = append(res, bare[:at+1]...)
	res = append(res, tone)
	res = append(res, bare[at+1:]...)
	return res
}

// collators are reused; a collate.Collator keeps buffers and is not safe
// for use by two goroutines at once.
var collators = sync.Pool{New: func() any { return collate.New(language.Vietnamese) }}

// Compare orders two names as a Vietnamese reader expects (a ă â b c d đ e ê …).
func Compare(a, b string) int {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	return c.CompareString(a, b)
}

// SortKey returns bytes whose byte order is the Vietnamese order of s; it is
// stored beside names so that both databases sort them the same way.
func SortKey(s string) []byte {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	var buf collate.Buffer
	return append([]byte(nil), c.KeyFromString(&buf, s)...)
}

// FormatDate writes t as dd/mm/yyyy, the form officials read.
func FormatDate(t time.Time) string { return t.Format("02/01/2006") }
