package document

import (
	"iter"
	"regexp"
	"strings"
)

// phrases is a list of folded words or phrases indexed by their first two
// bytes: a scan of the folded text tries at each position only the phrases
// that can start there, which is what a regular expression of alternatives
// without a literal prefix cannot do.
type phrases struct {
	list   []string
	byHead [27 * 27][]int // indexes into list, in list order, by headKey of their first two bytes
}

func newPhrases(list []string) *phrases {
	ps := &phrases{list: list}
	for k, w := range list {
		h := headKey(w, 0)
		ps.byHead[h] = append(ps.byHead[h], k)
	}
	return ps
}

// headKey maps the two bytes of s at i to one of 27×27 keys: a letter
// (a–z) counts as itself, any other byte, or the end, as 0. Equal heads
// have equal keys.
func headKey(s string, i int) int {
	if i+1 < len(s) {
		return int(letterKeys[s[i]])*27 + int(letterKeys[s[i+1]])
	}
	return int(letterKeys[s[i]]) * 27
}

// letterKeys numbers the letters a–z from 1; other bytes are 0.
var letterKeys = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = uint8(c-'a') + 1
	}
	return t
}()

// at yields, in list order, the index of each phrase that s has at byte i.
func (ps *phrases) at(s string, i int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for _, k := range ps.byHead[headKey(s, i)] {
			if strings.HasPrefix(s[i:], ps.list[k]) && !yield(k) {
				return
			}
		}
	}
}

// startsAt reports whether one of the phrases starts at byte i of s.
func (ps *phrases) startsAt(s string, i int) bool {
	for range ps.at(s, i) {
		return true
	}
	return false
}

// isSpaceByte is the white space of regular expressions' \s.
func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' }

// ledRegexp is a regular expression that begins with one of a few literal
// lead words. Go's regexp tries an expression without a literal prefix at
// every byte; this one is tried, anchored, only where a lead word begins,
// which finds the same leftmost match.
type ledRegexp struct {
	leads *phrases
	re    *regexp.Regexp
}

// newLedRegexp compiles (lead|lead|…)rest: the leads are group 1, tried in order.
func newLedRegexp(leads []string, rest string) ledRegexp {
	quoted := make([]string, len(leads))
	for k, w := range leads {
		quoted[k] = regexp.QuoteMeta(w)
	}
	return ledRegexp{newPhrases(leads), regexp.MustCompile(`^(` + strings.Join(quoted, "|") + `)` + rest)}
}

// FindStringSubmatchIndex is that of regexp.Regexp.
func (lr ledRegexp) FindStringSubmatchIndex(s string) []int {
	for i := range len(s) {
		if !lr.leads.startsAt(s, i) {
			continue
		}
		if m := lr.re.FindStringSubmatchIndex(s[i:]); m != nil {
			for k := range m {
				if m[k] >= 0 {
					m[k] += i
				}
			}
			return m
		}
	}
	return nil
}

// dateAt reads "ngay D thang M nam Y" or "ngay D/M/Y" (also with . or -)
// at the start of folded s and returns submatch indexes as a regular
// expression would: the whole date, the day, the month of the first form,
// the month of the second, the year (19xx or 20xx); nil if there is none.
func dateAt(s string) []int {
	if !strings.HasPrefix(s, "ngay") {
		return nil
	}
	m := []int{0, 0, 0, 0, -1, -1, -1, -1, 0, 0}
	m[2], m[3] = number12(s, spacesEnd(s, len("ngay")))
	if m[3] < 0 {
		return nil
	}
	i := spacesEnd(s, m[3])
	switch {
	case strings.HasPrefix(s[i:], "thang"):
		m[4], m[5] = number12(s, spacesEnd(s, i+len("thang")))
		if m[5] < 0 || !strings.HasPrefix(s[spacesEnd(s, m[5]):], "nam") {
			return nil
		}
		i = spacesEnd(s, spacesEnd(s, m[5])+len("nam"))
	case i < len(s) && isDateSep(s[i]):
		m[6], m[7] = number12(s, spacesEnd(s, i+1))
		if m[7] < 0 {
			return nil
		}
		j := spacesEnd(s, m[7])
		if j == len(s) || !isDateSep(s[j]) {
			return nil
		}
		i = spacesEnd(s, j+1)
	default:
		return nil
	}
	if len(s)-i < 4 || s[i:i+2] != "19" && s[i:i+2] != "20" || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
		return nil
	}
	m[8], m[9], m[1] = i, i+4, i+4
	return m
}

// number12 returns the byte range of a number of one or two digits at byte
// i of s, or -1, -1.
func number12(s string, i int) (int, int) {
	if j := digitsEnd(s, i); j > i && j-i <= 2 {
		return i, j
	}
	return -1, -1
}

func isDateSep(b byte) bool { return b == '/' || b == '.' || b == '-' }
