package document

import (
	"fmt"
	"iter"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"lantoa/internal/vn"
)

// Parse reads the metadata of an administrative document from its text.
// It never fails: what it cannot find stays empty and is named in Warnings.
func Parse(text string) Metadata {
	p := newParser(text)
	p.header()
	p.typeAndSubject()
	p.closing()
	p.recipientsList()
	p.bodyParts()
	p.warn()
	return p.m
}

type parser struct {
	m     Metadata
	lines []string
	full  string // lines joined with "\n"
	start []int  // byte offset of each line in full
	f     folded
	fline []int // byte offset of each line in f.fold

	num                 notation
	numAt, numEnd       int  // byte range of the document's own "Số …" in full (-1 when absent)
	dateAt, dateEnd     int  // byte range of "Place, ngày … năm …"
	headAt              int  // where the document starts (after any web page chrome)
	titleLine, subjLine int  // line of the type name and the line after the subject
	bodyAt, bodyEnd     int  // byte range of the body
	kgAt                int  // "Kính gửi"
	nnAt                int  // "Nơi nhận"
	sigLine             int  // line of the signing authority
	sigAt               int  // byte offset of the signing authority
	kgEnd               int  // the line after the recipients
	kgEndAt             int  // byte offset where the recipients end
	vv                  bool // a "V/v" line was seen
}

func newParser(text string) *parser {
	lines := clean(text)
	p := &parser{lines: lines, numAt: -1, numEnd: -1, dateAt: -1, dateEnd: -1, titleLine: -1, subjLine: -1,
		kgAt: -1, nnAt: -1, sigLine: -1, sigAt: -1}
	var b strings.Builder
	b.Grow(len(text) + len(lines))
	for _, l := range lines {
		p.start = append(p.start, b.Len())
		b.WriteString(l)
		b.WriteByte('\n')
	}
	p.full = b.String()
	p.f = newFolded(p.full)
	p.fline = lineStarts(p.f.fold)
	p.bodyEnd = len(p.full)
	return p
}

// lineStarts returns the byte offset of each line of s, whose lines all
// end with "\n", and len(s) as the start of the line after the last.
func lineStarts(s string) []int {
	starts := []int{0}
	for at := 0; ; {
		k := strings.IndexByte(s[at:], '\n')
		if k < 0 {
			return starts
		}
		at += k + 1
		starts = append(starts, at)
	}
}

// foldedLine returns the folded form of line i: folding keeps every "\n",
// so the lines of the folded text are the folded lines.
func (p *parser) foldedLine(i int) string {
	return p.f.fold[p.fline[i] : p.fline[i+1]-1]
}

// linesWith yields, in order, each line from first to last whose folded
// form holds word. It looks for the word in the folded text, not line by line.
func (p *parser) linesWith(first, last int, word string) iter.Seq[int] {
	return func(yield func(int) bool) {
		if first > last || first >= len(p.lines) {
			return
		}
		last = min(last, len(p.lines)-1)
		base := p.fline[first]
		i, prev := first, -1
		for at := range indexAll(p.f.fold[base:p.fline[last+1]], word) {
			for p.fline[i+1] <= base+at {
				i++
			}
			if i != prev {
				prev = i
				if !yield(i) {
					return
				}
			}
		}
	}
}

// lineOf returns the index of the line holding byte offset at of full.
func (p *parser) lineOf(at int) int {
	return sort.Search(len(p.start), func(i int) bool { return p.start[i] > at }) - 1
}

var (
	reNumberLine = regexp.MustCompile(`^(?:Số|SỐ|So|SO)\s*:?\s*`)
)

// header finds the number, the place and date, the issuing bodies and the family.
func (p *parser) header() {
	for at := range indexAll(p.f.fold, "so") {
		if at > 0 && isLetterByte(p.f.fold[at-1]) || p.full[p.f.origAt(at)] != 'S' {
			continue
		}
		m := reNumberLine.FindStringIndex(p.full[p.f.origAt(at):])
		if m == nil || m[0] != 0 {
			continue
		}
		if n, end, ok := parseNotation(p.full[p.f.origAt(at)+m[1]:]); ok {
			p.num, p.numAt, p.numEnd = n, p.f.origAt(at), p.f.origAt(at)+m[1]+end
			break
		}
	}
	for m := range placeDates(p.f.fold) {
		if p.numAt >= 0 && abs(p.f.origAt(m[0])-p.numAt) > 2000 {
			continue
		}
		place := placeBefore(p.f.orig[:p.f.origAt(m[0])])
		if place == "" {
			continue
		}
		month := m[4:6]
		if month[0] < 0 {
			month = m[6:8]
		}
		d, mo, y := atoi(p.f.fold[m[2]:m[3]]), atoi(p.f.fold[month[0]:month[1]]), atoi(p.f.fold[m[8]:m[9]])
		if date, ok := isoDate(y, mo, d); ok {
			p.m.Date = date
		}
		p.m.Place = place
		p.dateAt, p.dateEnd = p.f.origAt(m[0])-len(place), p.f.origAt(m[1])
		break
	}
	if p.numAt >= 0 {
		p.m.Number, p.m.Symbol, p.m.NumberSymbol = p.num.Number, p.num.Symbol, p.num.String()
	}
	p.headAt = p.issuers()
	p.family()
	p.marks()
}

// placeBefore returns the place name that ends s: capitalised words
// ("Lai Châu", "Phan Rang-Tháp Chàm", "Thành phố Hồ Chí Minh").
func placeBefore(s string) string {
	if len(s) > 120 {
		s = s[len(s)-120:]
		for len(s) > 0 && !utf8.RuneStart(s[0]) {
			s = s[1:]
		}
	}
	words := strings.Fields(s)
	var got []string
	for i := len(words) - 1; i >= 0 && len(got) < 6; i-- {
		w := strings.Trim(words[i], "*_")
		if w == "" {
			break
		}
		lower := vn.Fold(w)
		if !startsUpper(w) && lower != "pho" && lower != "xa" {
			break
		}
		if len(got) > 0 && isUpperText(w) && utf8.RuneCountInString(w) > 1 && !isUpperText(got[0]) {
			break // the end of an upper-case header line glued before the place
		}
		if strings.ContainsAny(w, "0123456789:/()") {
			break
		}
		got = append([]string{w}, got...)
	}
	for len(got) > 0 && (vn.Fold(got[0]) == "pho" || vn.Fold(got[0]) == "xa") {
		got = got[1:]
	}
	return strings.Join(got, " ")
}

// issuers reads the header block above the number: the issuing body and its
// superior, after removing the mottos and the place and date that two-column
// layouts interleave with them. It returns where the document starts.
func (p *parser) issuers() int {
	anchor := p.numAt
	if anchor < 0 {
		anchor = p.dateAt
	}
	if anchor < 0 {
		return 0
	}
	line := p.lineOf(anchor)
	from := line
	var chunks []string
	// Text on the number's own line before it (flattened headers).
	if pre := p.full[p.start[line]:anchor]; strings.TrimSpace(pre) != "" {
		chunks = append(chunks, headerChunks(pre)...)
	}
	var above []string
	for i := line - 1; i >= 0 && len(above) < 8; i-- {
		l := p.lines[i]
		if l == "" {
			continue
		}
		rest := stripHeaderNoise(l)
		if strings.TrimSpace(strings.Trim(rest, "*-|_ ")) == "" {
			from = i
			continue
		}
		if !isUpperText(rest) {
			break
		}
		above = append([]string{l}, above...)
		from = i
	}
	if len(above) > 0 {
		chunks = append(headerChunks(strings.Join(above, "\n")), chunks...)
	}
	names := joinOrgLines(chunks)
	switch {
	case len(names) >= 2:
		p.m.ParentIssuer, p.m.Issuer = names[len(names)-2], names[len(names)-1]
	case len(names) == 1:
		p.m.Issuer = names[0]
	}
	return p.start[from]
}

var (
	reMottos   []*regexp.Regexp
	reListMark = regexp.MustCompile(`^\d+\.\s+`)
	reGap      = regexp.MustCompile(`\s{3,}`)
)

func init() {
	for _, m := range mottos {
		reMottos = append(reMottos, regexp.MustCompile(m))
	}
}

// hasMotto reports whether folded s holds motto k, looking for the words it
// starts with first.
func hasMotto(k int, s string) bool {
	prefix, _ := reMottos[k].LiteralPrefix()
	return strings.Contains(s, prefix) && reMottos[k].MatchString(s)
}

// stripHeaderNoise removes mottos and a place-date from a header line.
func stripHeaderNoise(s string) string {
	f := newFolded(s)
	cut := make([]bool, len(s))
	mark := func(i, j int) {
		for k := f.origAt(i); k < f.origAt(j); k++ {
			cut[k] = true
		}
	}
	for k, re := range reMottos {
		if !hasMotto(k, f.fold) {
			continue
		}
		for _, m := range re.FindAllStringIndex(f.fold, -1) {
			mark(m[0], m[1])
		}
	}
	if m := findPlaceDate(f.fold); m != nil {
		// Cut the place and date, keep what precedes the place: the end of an issuer line.
		place := placeBefore(s[:f.origAt(m[0])])
		from := max(0, f.origAt(m[0])-len(place))
		for from > 0 && !utf8.RuneStart(s[from]) {
			from--
		}
		for k := from; k < f.origAt(m[1]); k++ {
			cut[k] = true
		}
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if cut[i] {
			if i == 0 || !cut[i-1] {
				b.WriteString("\n")
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// headerChunks splits header text into the pieces that can name an issuer.
func headerChunks(s string) []string {
	var out []string
	for _, part := range strings.Split(stripHeaderNoise(s), "\n") {
		for _, piece := range splitGaps(part) {
			piece = strings.TrimSpace(strings.Trim(piece, "*-|_ "))
			piece = strings.TrimPrefix(piece, reListMark.FindString(piece))
			piece = upperRun(piece)
			if piece != "" && !reStamp.MatchString(piece) {
				out = append(out, piece)
			}
		}
	}
	return out
}

// splitGaps splits s where three or more spaces part two columns.
func splitGaps(s string) []string {
	run := 0 // white space in a row
	for i := 0; i < len(s) && run < 3; i++ {
		if isSpaceByte(s[i]) {
			run++
		} else {
			run = 0
		}
	}
	if run < 3 {
		return []string{s}
	}
	return reGap.Split(s, -1)
}

// upperRun returns the words of s from the last upper-case stretch (header
// text glued after lower-case web page text keeps only the header).
func upperRun(s string) string {
	words := strings.Fields(s)
	i := len(words)
	for i > 0 && isUpperOrPunct(words[i-1]) {
		i--
	}
	return strings.Join(words[i:], " ")
}

func isUpperOrPunct(w string) bool {
	return isUpperText(w) || strings.Trim(w, "-.,&()") == ""
}

// joinOrgLines joins header lines into organisation names: a line that
// begins a new name (BAN …, SỞ …, ỦY BAN …) starts one; any other continues
// the previous ("BAN CHẤP HÀNH" + "TRUNG ƯƠNG").
func joinOrgLines(chunks []string) []string {
	var names []string
	for _, c := range chunks {
		if len(names) == 0 || startsOrg(c) && !incomplete(names[len(names)-1]) {
			names = append(names, c)
			continue
		}
		names[len(names)-1] += " " + c
	}
	return names
}

func startsOrg(s string) bool { return startsWithAny(s, orgHeads) }

// incomplete reports a name cut by a line break inside its head ("HỘI" of
// "HỘI ĐỒNG", "ỦY BAN" of "ỦY BAN NHÂN DÂN").
func incomplete(s string) bool {
	switch vn.Fold(s) {
	case "hoi", "uy ban", "ban", "lien doan", "cong doan", "mat tran", "uy ban mat tran", "van phong", "trung tam":
		return true
	}
	return false
}

// family decides the rulebook from the header mottos, then the notation.
func (p *parser) family() {
	lo, hi := p.headAt, len(p.full)
	if p.dateEnd > 0 {
		hi = min(hi, max(p.dateEnd, p.numEnd)+200)
	} else if p.numEnd > 0 {
		hi = min(hi, p.numEnd+400)
	} else {
		hi = min(hi, 600)
	}
	head := p.f.fold[indexFold(p.f, lo):indexFold(p.f, hi)]
	issuer := vn.Fold(p.m.Issuer + " " + p.m.ParentIssuer + " " + p.m.Symbol)
	byName := familyOfName(issuer)
	switch {
	case hasMotto(3, head) || strings.Contains(issuer, "tncs") || strings.Contains(issuer, "dtn"):
		p.m.Family = Youth
	case hasMotto(2, head):
		p.m.Family = Party
	case byName == Union || byName == Front:
		p.m.Family = byName
	case hasMotto(0, head) || hasMotto(1, head):
		p.m.Family = State
	case p.numAt >= 0 && p.num.Sep == "-":
		p.m.Family = Party
	case p.numAt >= 0:
		p.m.Family = State
	}
}

// indexFold maps a byte offset of orig to the matching offset of fold.
func indexFold(f folded, at int) int {
	k, _ := slices.BinarySearch(f.off, int32(at))
	return k
}

// reStamp matches a header piece that is only an urgency or secrecy stamp.
var reStamp = regexp.MustCompile(`^(?:HỎA TỐC|HOẢ TỐC|THƯỢNG KHẨN|KHẨN|MẬT|TỐI MẬT|TUYỆT MẬT)$`)

var (
	reUrgency = regexp.MustCompile(`(^|[^\p{L}])(HỎA TỐC|HOẢ TỐC|THƯỢNG KHẨN|KHẨN)([^\p{L}]|$)`)
	reSecret  = regexp.MustCompile(`(^|[^\p{L}])(TUYỆT MẬT|TỐI MẬT|MẬT)([^\p{L}]|$)`)
)

// marks reads the urgency and secrecy stamps: capitals, standing alone in
// the header (the "khẩn trương" of a subject is not a stamp).
func (p *parser) marks() {
	lo := p.headAt
	hi := min(len(p.full), max(p.dateEnd, p.numEnd, lo)+300)
	for _, l := range p.lines[p.lineOf(lo):min(len(p.lines), p.lineOf(hi)+1)] {
		if !strings.Contains(l, "KHẨN") && !strings.Contains(l, "TỐC") && !strings.Contains(l, "MẬT") {
			continue
		}
		if p.m.Urgency == "" {
			if m := reUrgency.FindStringSubmatch(l); m != nil && utf8.RuneCountInString(strings.TrimSpace(l)) < 40 {
				p.m.Urgency = map[string]string{"HỎA TỐC": "Hỏa tốc", "HOẢ TỐC": "Hỏa tốc", "THƯỢNG KHẨN": "Thượng khẩn", "KHẨN": "Khẩn"}[m[2]]
			}
		}
		if p.m.Confidentiality == "" {
			if m := reSecret.FindStringSubmatch(l); m != nil && utf8.RuneCountInString(strings.TrimSpace(l)) < 30 {
				p.m.Confidentiality = map[string]string{"TUYỆT MẬT": "Tuyệt mật", "TỐI MẬT": "Tối mật", "MẬT": "Mật"}[m[2]]
			}
		}
	}
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

func atoi(s string) int { n, _ := strconv.Atoi(strings.TrimSpace(s)); return n }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// isoDate checks a day, month and year and writes them as 2006-01-02.
func isoDate(y, m, d int) (string, bool) {
	if y < 1945 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	days := [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if d > days[m-1] || m == 2 && d == 29 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

// findPlaceDate finds the first date of folded text (see dateAt) with the
// white space before it and the comma before that, if any: the byte range
// from the comma or space through the year.
func findPlaceDate(fold string) []int {
	for at := range indexAll(fold, "ngay") {
		if m := dateAt(fold[at:]); m != nil {
			start := at
			for start > 0 && isSpaceByte(fold[start-1]) {
				start--
			}
			if start > 0 && fold[start-1] == ',' {
				start--
			}
			return []int{start, at + m[1]}
		}
	}
	return nil
}

// placeDates yields each "…, ngày D tháng M năm Y" (or D/M/Y) of folded
// text, as dateAt's submatch indexes but from the comma: a date after a
// comma, as in the header's "Place, ngày …", not one in a sentence.
func placeDates(fold string) iter.Seq[[]int] {
	return func(yield func([]int) bool) {
		for at := range indexAll(fold, "ngay") {
			start := at
			for start > 0 && (fold[start-1] == ' ' || fold[start-1] == '\n') {
				start--
			}
			if start == 0 || fold[start-1] != ',' || !digitAfter(fold, at+len("ngay")) {
				continue
			}
			m := dateAt(fold[at:])
			if m == nil {
				continue
			}
			for k := range m {
				if m[k] >= 0 {
					m[k] += at
				}
			}
			m[0] = start - 1
			if !yield(m) {
				return
			}
		}
	}
}

// digitAfter reports whether a digit follows the white space at byte i of s.
func digitAfter(s string, i int) bool {
	for i < len(s) && isSpaceByte(s[i]) {
		i++
	}
	return i < len(s) && s[i] >= '0' && s[i] <= '9'
}

// indexAll yields the offset of every occurrence of sub in s, in order and
// not overlapping, finding each only when the loop asks for it.
func indexAll(s, sub string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for from := 0; ; {
			k := strings.Index(s[from:], sub)
			if k < 0 || !yield(from+k) {
				return
			}
			from += k + len(sub)
		}
	}
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }
