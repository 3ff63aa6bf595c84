package textenc

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tally counts how Vietnamese a decoded text looks. Only words with a letter
// beyond ASCII are counted: the ASCII ones read the same in every candidate.
type tally struct {
	good int // words that are Vietnamese syllables
	bad  int // words that are not
	junk int // symbols that do not occur in Vietnamese documents
}

// acceptable holds when at least 60% of the counted words and symbols are
// Vietnamese. A right guess scores near 100%, a wrong one seldom above 20%.
func (t tally) acceptable() bool {
	return t.good > 0 && 5*t.good >= 3*(t.good+t.bad+t.junk)
}

func (t tally) net() int { return t.good - t.bad - t.junk }

// score tallies the words and symbols of s.
func score(s string) tally {
	var t tally
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			t.word(s[start:i])
			start = -1
		}
		if r >= utf8.RuneSelf && !ordinarySymbol(r) {
			t.junk++
		}
	}
	if start >= 0 {
		t.word(s[start:])
	}
	return t
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// ordinarySymbol reports the characters beyond ASCII that Vietnamese
// documents use between words. Marks that one of the legacy encodings uses
// for letters (« » · § ¨ ©…) are left out: they are what a wrong guess shows.
func ordinarySymbol(r rune) bool {
	switch r {
	case '\u00A0', '°', '–', '—', '‘', '’', '“', '”', '…', '•', '€', '₫':
		return true
	}
	return false
}

func (t *tally) word(w string) {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return
	}
	switch syllable(w) {
	case isSyllable:
		t.good++
	case notSyllable:
		t.bad++
	}
}

type verdict int

const (
	notSyllable    verdict = iota
	isSyllable             // one Vietnamese syllable
	consonantsOnly         // an abbreviation such as HĐND: says nothing
)

// onsets are the initial consonants; syllable tries every one that starts
// the word. q and qu both appear so that "quốc" is q+uôc and "quanh" qu+anh;
// g and gi so that "gì" is g+i and "gia" gi+a.
var onsets = [...]string{"", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
	"nh", "p", "ph", "q", "qu", "r", "s", "t", "th", "tr", "v", "x"}

// rhymes are the toneless rhymes of Vietnamese, with the medial o/u where
// there is one.
var rhymes = func() map[string]bool {
	const list = `a ai ao au ay am an ang anh ap at ac ach
		ăm ăn ăng ăp ăt ăc
		âu ây âm ân âng âp ât âc
		e eo em en eng ep et ec
		ê êu êm ên ênh êp êt êch
		i ia iu im in inh ip it ich
		iêu iêm iên iêng iêp iêt iêc
		o oi om on ong op ot oc oong ooc
		ô ôi ôm ôn ông ôp ôt ôc
		ơ ơi ơm ơn ơp ơt
		u ua ui um un ung up ut uc
		uôi uôm uôn uông uôt uôc
		ư ưa ưi ưu ưm ưn ưng ưt ưc
		ươi ươu ươm ươn ương ươp ươt ươc
		y yêu yêm yên yêt
		oa oai oao oay oam oan oang oanh oap oat oac oach
		oăm oăn oăng oăt oăc
		oe oeo oen oet
		uân uâng uât uây
		uê uêch uênh uơ
		uy uya uyu uych uynh uyp uyt uyên uyêt`
	m := make(map[string]bool)
	for _, r := range strings.Fields(list) {
		m[r] = true
	}
	return m
}()

// maxSyllable is the length in letters of the longest syllable ("nghiêng").
const maxSyllable = 7

// syllable checks that w spells one Vietnamese syllable: an onset and a
// rhyme from the lists above, at most one tone, and only the sắc or nặng
// tone on a rhyme closed by p, t, c or ch. Upper and lower case are alike.
func syllable(w string) verdict {
	var buf [4 * maxSyllable]byte
	plain := buf[:0] // w in lower case without its tone
	tone, vowels, n := uint8(toneNone), 0, 0
	for _, r := range w {
		if n++; n > maxSyllable {
			return notSyllable
		}
		switch v := vowelOf(r); {
		case v.ok:
			if v.tone != toneNone {
				if tone != toneNone {
					return notSyllable
				}
				tone = v.tone
			}
			vowels++
			plain = utf8.AppendRune(plain, vowelGrid[toneNone][v.col])
		case r < utf8.RuneSelf && 'a' <= r|0x20 && r|0x20 <= 'z':
			plain = append(plain, byte(r|0x20))
		case r == 'đ' || r == 'Đ':
			plain = append(plain, "đ"...)
		default:
			return notSyllable
		}
	}
	if vowels == 0 {
		return consonantsOnly
	}
	for _, on := range onsets {
		if !bytes.HasPrefix(plain, []byte(on)) {
			continue
		}
		rhyme := plain[len(on):]
		if !rhymes[string(rhyme)] {
			continue
		}
		stop := bytes.HasSuffix(rhyme, []byte("ch")) || bytes.IndexByte([]byte("cpt"), rhyme[len(rhyme)-1]) >= 0
		if !stop || tone == toneAcute || tone == toneDot {
			return isSyllable
		}
	}
	return notSyllable
}
