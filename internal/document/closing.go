package document

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"lantoa/internal/vn"
)

var (
	reAuthMark   = regexp.MustCompile(`^(?:(?:TM|KT|TL|TUQ)\.\s*|(?:T/M|K/T|T/L)\s+)\p{Lu}`)
	reSigned     = regexp.MustCompile(`(?i)^[(\[]?\s*(đã ký|đã kí|da ky|ký|signature|chữ ký|ký tên[^)\]]*|ký, ghi rõ[^)\]]*|ký và đóng dấu)\s*[)\]]?\.?$`)
	reFlatBullet = regexp.MustCompile(`(?:^|[;.]\s*)-\s+`)
)

// closing reads the end of the document: "Nơi nhận" and the signature.
func (p *parser) closing() {
	from := p.headAt
	if k := strings.Index(p.f.fold[indexFold(p.f, from):], "noi nhan"); k >= 0 {
		p.nnAt = p.f.origAt(indexFold(p.f, from) + k)
	}
	p.signature()
	if p.nnAt >= 0 {
		p.m.Distribution = p.distribution()
		p.bodyEnd = p.nnAt
	}
	if p.sigAt >= 0 && p.sigAt < p.bodyEnd {
		p.bodyEnd = p.sigAt
	}
}

// distribution reads the "Nơi nhận" list: one item per bullet, wrapped
// lines joined, ending at the signature or after the "Lưu" item.
func (p *parser) distribution() []string {
	line := p.lineOf(p.nnAt)
	first := p.full[p.nnAt : p.start[line]+len(p.lines[line])]
	first = strings.TrimLeft(first[len(strings.SplitN(first, ":", 2)[0]):], ": ")
	if len(first) > 120 || strings.Contains(first, "; -") || findAuthority(first) != nil { // a flattened list: "- A; - B; - Lưu VT. TM. …"
		if m := findAuthority(first); m != nil {
			first = first[:m[0]]
		}
		var items []string
		for _, it := range reFlatBullet.Split(first, -1) {
			if it = trimItem(it); it != "" {
				items = append(items, it)
			}
		}
		return items
	}
	var items []string
	blank, closed, plain := false, false, false
	add := func(s string) {
		if s = trimItem(s); s != "" {
			items = append(items, s)
		}
	}
	if strings.TrimSpace(first) != "" {
		add(first)
	}
	for i := line + 1; i < len(p.lines) && len(items) < 60; i++ {
		l := p.lines[i]
		if i == p.sigLine {
			break
		}
		if l == "" {
			blank = true
			continue
		}
		bullet := isListItem(l) || plain
		if !bullet && len(items) == 0 && !isSignatureLine(l) && len(l) < 100 {
			bullet, plain = true, true // a list written without dashes: one item a line
		}
		if plain && (blank && isSignatureLine(l) || isSignatureLine(l)) {
			break
		}
		if !bullet && (blank || closed || len(items) == 0 || isSignatureLine(l) || len(items[len(items)-1]) > 500) {
			break
		}
		if bullet {
			add(l)
			closed = strings.HasPrefix(vn.Fold(trimItem(l)), "luu")
		} else {
			items[len(items)-1] = trimItem(items[len(items)-1] + " " + l)
		}
		blank = false
	}
	return items
}

// isAuthority reports whether l starts with a signing authority: "TM.",
// "KT.", "TL.", "TUQ.", "Q." (spaces allowed before the stop) or "T/M",
// "K/T", "T/L", "T/UQ", followed by more text.
func isAuthority(l string) bool {
	for _, mark := range []string{"TM", "KT", "TL", "TUQ", "Q", "TM.", "T.M"} {
		if rest, ok := strings.CutPrefix(l, mark); ok {
			if j := spacesEnd(rest, 0); j < len(rest) && rest[j] == '.' && spacesEnd(rest, j+1) < len(rest) {
				return true
			}
		}
	}
	for _, mark := range []string{"T/M", "K/T", "T/L", "T/UQ"} {
		if rest, ok := strings.CutPrefix(l, mark); ok && spacesEnd(rest, 0) < len(rest) {
			return true
		}
	}
	return false
}

// findAuthority finds an authority mark ("TM.", "K/T") at the start of s or
// after a space or stop, and before a capital: the byte range from that
// space or stop through the capital. The pattern is tried only at a T or K.
func findAuthority(s string) []int {
	for i := 0; i < len(s); i++ {
		k := strings.IndexAny(s[i:], "TK")
		if k < 0 {
			return nil
		}
		i += k
		start := i
		if i > 0 {
			if !isSpaceByte(s[i-1]) && s[i-1] != '.' && s[i-1] != ';' && s[i-1] != ',' {
				continue
			}
			start = i - 1
		}
		if m := reAuthMark.FindStringIndex(s[i:]); m != nil {
			return []int{start, i + m[1]}
		}
	}
	return nil
}

// isSignedNote reports whether s only notes a signature: "(đã ký)",
// "[chữ ký]", "Ký tên, đóng dấu". The pattern is tried only when s has
// the words it needs.
func isSignedNote(s string) bool {
	return containsAny(vn.Fold(s), "ky", "ki", "ignature") && reSigned.MatchString(s)
}

// isListItem reports whether l starts with a bullet: -, + or •.
func isListItem(l string) bool {
	return strings.HasPrefix(l, "-") || strings.HasPrefix(l, "+") || strings.HasPrefix(l, "•")
}

func isSignatureLine(l string) bool {
	if l == "" || !startsUpper(l) {
		return false
	}
	return isAuthority(l) || isUpperText(l) && startsPosition(l)
}

func startsPosition(s string) bool { return startsWithAny(s, positions) }

// signature finds the signing authority and position lines and the
// signer's name under them.
func (p *parser) signature() {
	lo := p.lineOf(max(p.headAt, 0))
	if p.nnAt >= 0 {
		lo = max(lo, p.lineOf(p.nnAt)-25)
	}
	for i := lo; i < len(p.lines); i++ {
		l := p.lines[i]
		if len(l) <= 120 || !containsAny(l, "TM.", "KT.", "TL.", "TUQ.", "T/M", "K/T", "T/L") {
		} else if m := findAuthority(l); m != nil && !isAuthority(l) {
			// A flattened page: the signature sits inside a long line.
			if p.inlineSignature(l[m[0]:]) {
				p.sigLine, p.sigAt = i, p.start[i]+m[0]
				return
			}
			continue
		}
		if len(l) > 200 || !isSignatureLine(l) || utf8.RuneCountInString(l) > 90 {
			continue
		}
		if caps, name, ok := p.signatureAt(i); ok {
			p.sigLine, p.sigAt = i, p.start[i]
			p.m.SignerCapacity, p.m.SignerName = caps, name
			return
		}
	}
}

// signatureAt reads capacity lines from line i and the name below them.
func (p *parser) signatureAt(i int) (caps []string, name string, ok bool) {
	var lines []string
	seen := 0
	for j := i; j < len(p.lines) && seen < 8; j++ {
		l := strings.Trim(p.lines[j], "*_ ")
		if l == "" || isSignedNote(l) {
			continue
		}
		seen++
		if isPersonName(l) {
			name = l
			break
		}
		if !(isUpperText(l) || startsPosition(l)) || len(lines) >= 5 {
			break
		}
		lines = append(lines, splitGlued(l)...)
	}
	if len(lines) == 0 || name == "" && !isAuthority(lines[0]) {
		return nil, "", false
	}
	return groupCapacity(lines), name, true
}

// inlineSignature reads "TM. BAN BÍ THƯ …ĐOÀNBÍ THƯ THƯỜNG TRỰC (đã ký) Phan Văn Mãi".
func (p *parser) inlineSignature(s string) bool {
	words := strings.Fields(s)
	var capsWords []string
	k := 0
	for ; k < len(words) && (isUpperText(words[k]) || strings.Trim(words[k], ".,") == "") && k < 16; k++ {
		capsWords = append(capsWords, words[k])
	}
	if len(capsWords) < 2 {
		return false
	}
	for k < len(words) && isSignedNote(strings.Join(words[k:min(k+2, len(words))], " ")) {
		k += 2
	}
	var nameWords []string
	for ; k < len(words) && len(nameWords) < 5 && startsUpper(words[k]) && !isUpperText(words[k]); k++ {
		nameWords = append(nameWords, words[k])
	}
	p.m.SignerCapacity = groupCapacity(splitGlued(strings.Join(capsWords, " ")))
	if n := strings.Join(nameWords, " "); isPersonName(n) {
		p.m.SignerName = n
	}
	return true
}

// groupCapacity turns capacity lines into authority lines and the position
// line: "K/T CHÁNH" + "VĂN PHÒNG" + "PHÓ CHÁNH VĂN PHÒNG" gives
// ["K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]; each "TM.", "KT."… line
// starts an authority of its own ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH").
func groupCapacity(lines []string) []string {
	for i := range lines {
		lines[i] = singleSpaced(lines[i])
	}
	if len(lines) == 0 {
		return nil
	}
	if !isAuthority(lines[0]) {
		return []string{strings.Join(lines, " ")}
	}
	var out []string
	last := 0 // the first line of the last authority
	for k := 1; k < len(lines); k++ {
		if isAuthority(lines[k]) {
			out = append(out, strings.Join(lines[last:k], " "))
			last = k
		}
	}
	rest := lines[last:]
	deputy := strings.HasPrefix(rest[0], "KT") || strings.HasPrefix(rest[0], "K/T")
	split := -1
	for k := 1; k < len(rest); k++ {
		if strings.HasSuffix(rest[k-1], ",") {
			continue
		}
		f := vn.Fold(rest[k]) + " "
		if deputy && strings.HasPrefix(f, "pho ") || !deputy && startsPosition(rest[k]) {
			split = k
			break
		}
	}
	if split < 0 {
		split = len(rest) - 1
	}
	if split <= 0 {
		return append(out, strings.Join(rest, " "))
	}
	return append(out, strings.Join(rest[:split], " "), strings.Join(rest[split:], " "))
}

// splitGlued splits a capitals line where a lost line break glued two words
// ("ĐOÀNBÍ" is "ĐOÀN" + "BÍ"): each part is then a line of its own.
func splitGlued(l string) []string {
	words := strings.Fields(l)
	for i, w := range words {
		rs := []rune(w)
		if len(rs) < 4 || !isUpperText(w) || isSyllable(string(foldRunes(rs))) {
			continue
		}
		for k := 2; k <= len(rs)-2; k++ {
			if isSyllable(string(foldRunes(rs[:k]))) && isSyllable(string(foldRunes(rs[k:]))) {
				left := strings.Join(append(words[:i:i], string(rs[:k])), " ")
				right := strings.Join(append([]string{string(rs[k:])}, words[i+1:]...), " ")
				return append([]string{left}, splitGlued(right)...)
			}
		}
	}
	return []string{l}
}

// isSyllable reports whether a folded word is shaped like one Vietnamese syllable.
func isSyllable(w string) bool {
	w = strings.ToLower(w)
	for n := 0; n <= 3 && n <= len(w); n++ {
		if (n == 0 || onsets[w[:n]]) && isRhyme(w[n:]) {
			return true
		}
	}
	return false
}

// isRhyme reports whether a folded word part is one to three vowels and
// an optional final consonant.
func isRhyme(s string) bool {
	v := 0
	for v < len(s) && v <= 3 && strings.IndexByte("aeiouy", s[v]) >= 0 {
		v++
	}
	switch s[v:] {
	case "", "ch", "nh", "ng", "c", "m", "n", "p", "t":
		return v >= 1 && v <= 3
	}
	return false
}

// isPersonName reports whether s looks like a Vietnamese full name: two to
// six capitalised syllables ("Đông Thị Nghĩa").
func isPersonName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 6 || isUpperText(s) && startsPosition(s) {
		return false
	}
	for _, w := range words {
		if !startsUpper(w) || !isSyllable(vn.Fold(w)) {
			return false
		}
	}
	return !startsPosition(s) && !startsOrg(s)
}
