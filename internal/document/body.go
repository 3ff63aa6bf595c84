package document

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"lantoa/internal/vn"
)

var (
	reInlineBullet = regexp.MustCompile(`(?:^|[;.]\s*|\s)-\s+`)
	reNextSentence = regexp.MustCompile(`[.]\s+\p{Lu}`)
	reRoman        = regexp.MustCompile(`^[ivx]+\.\s`)
)

// recipientsList reads "Kính gửi:" and the recipients after it.
func (p *parser) recipientsList() {
	lo := indexFold(p.f, p.headAt)
	hi := indexFold(p.f, p.bodyEnd)
	k := strings.Index(p.f.fold[lo:hi], "kinh gui")
	if k < 0 {
		return
	}
	p.kgAt = p.f.origAt(lo + k)
	at := p.f.origAt(lo + k + len("kinh gui"))
	line := p.lineOf(at)
	rest := strings.TrimLeft(p.full[at:p.start[line]+len(p.lines[line])], ":*  ")
	var items []string
	if strings.TrimSpace(rest) != "" {
		if len(rest) > 200 || strings.Contains(rest, "; -") || strings.HasPrefix(rest, "-") {
			// Flattened: "Kính gửi: - A; - B. Vừa qua, …"
			if m := reNextSentence.FindStringIndex(rest); m != nil {
				rest = rest[:m[0]]
			}
			for _, it := range reInlineBullet.Split(rest, -1) {
				if it = trimItem(it); it != "" {
					items = append(items, it)
				}
			}
			p.m.Recipients = items
			p.kgEnd, p.kgEndAt = line+1, at+strings.Index(p.full[at:], rest)+len(rest)
			return
		}
		items = append(items, trimItem(rest))
	}
	i := line + 1
	for ; i < len(p.lines) && len(items) < 40; i++ {
		l := p.lines[i]
		if l == "" {
			continue
		}
		if isListItem(l) {
			items = append(items, trimItem(l))
			continue
		}
		last := len(items) - 1
		if last >= 0 && unicode.IsLower(firstRune(l)) && !strings.HasSuffix(strings.TrimSpace(p.lines[i-1]), ";") && len(items[last]) < 500 {
			items[last] = trimItem(items[last] + " " + l)
			continue
		}
		break
	}
	p.kgEnd = i
	p.kgEndAt = p.start[min(i, len(p.lines)-1)]
	p.m.Recipients = items
}

// bodyParts reads what the body says: citations, the obligations it
// carries, and, when the header was lost, the issuer named in the text.
func (p *parser) bodyParts() {
	p.bodyAt = p.start[p.bodyStartLine()]
	if p.bodyAt > p.bodyEnd {
		p.bodyAt = p.bodyEnd
	}
	p.citations()
	if p.m.Issuer == "" {
		p.issuerFromBody()
	}
	p.assignments()
	p.reportDeadline()
	p.formsAsked()
}

func (p *parser) bodyStartLine() int {
	line := 0
	for _, at := range []int{p.numEnd, p.dateEnd} {
		if at >= 0 {
			line = max(line, p.lineOf(at)+1)
		}
	}
	line = max(line, p.subjLine, p.kgEnd)
	return min(line, len(p.lines)-1)
}

var (
	reIssuerList = regexp.MustCompile(`(?:\s*,|\s+va|\s+hoac)\s+(?:` + typeAlternation() + `)(?:\s|$)`)
)

func typeAlternation() string {
	var alts []string
	for _, t := range docTypes {
		alts = append(alts, strings.ReplaceAll(t.Fold, " ", `\s+`))
	}
	return strings.Join(alts, "|")
}

// citations finds every notation the body mentions, with the type name
// before it, the date and issuer after it, and the relation of its clause.
func (p *parser) citations() {
	lo, hi := indexFold(p.f, p.headAt), indexFold(p.f, p.bodyEnd)
	own := ""
	if p.numAt >= 0 {
		own = p.num.key()
	}
	seen := map[string]int{}
	body := p.full[:p.f.origAt(hi)]
	for at := p.f.origAt(lo); at < len(body); at++ {
		// Notations start with a number: try the pattern only there.
		for at < len(body) && !isDigit(body[at]) {
			at++
		}
		if at == len(body) || at > 0 && isWordByte(body[at-1]) {
			continue
		}
		var m []int
		if mayStartNotation(body, at) {
			m = notationAt(body[at:])
		}
		if m == nil {
			for at+1 < len(body) && body[at+1] >= '0' && body[at+1] <= '9' {
				at++
			}
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += at
			}
		}
		at = m[1] - 1
		n, end, ok := notationFrom(p.full, m)
		if !ok || (p.numAt >= 0 && m[0] >= p.numAt && m[0] < p.numEnd) {
			continue
		}
		key := n.key()
		if key == own {
			continue
		}
		fi := indexFold(p.f, m[0])
		c := Citation{NumberSymbol: n.String()}
		c.DocType = p.typeBefore(fi)
		if c.DocType == "" {
			c.DocType = n.typeOf(p.m.Family)
		}
		after := indexFold(p.f, end)
		if d := citeDate(p.f.fold[after:min(len(p.f.fold), after+60)]); d != nil {
			month := d[4:6]
			if month[0] < 0 {
				month = d[6:8]
			}
			sub := p.f.fold[after:]
			if iso, ok := isoDate(atoi(sub[d[8]:d[9]]), atoi(sub[month[0]:month[1]]), atoi(sub[d[2]:d[3]])); ok {
				c.Date = iso
			}
			after += d[1]
		}
		if lead := issuerLeadEnd(p.f.fold[after:min(len(p.f.fold), after+20)]); lead >= 0 {
			s := after + lead
			e := min(len(p.f.fold), s+120)
			e = s + issuerEnd(p.f.fold[s:e])
			if l := findIssuerList(p.f.fold[s:e]); l != nil {
				e = s + l[0]
			}
			// A wrapped issuer goes on; a header line after it does not.
			for k := s; k < e; k++ {
				if p.f.fold[k] == '\n' {
					line := p.lineOf(p.f.origAt(k) + 1)
					if line >= 0 && (isUpperText(p.lines[line]) || strings.HasPrefix(p.foldedLine(line), "doc lap")) {
						e = k
						break
					}
				}
			}
			c.Issuer = singleSpaced(p.f.span(s, e))
		}
		c.Relation = p.relationAt(fi)
		if k, dup := seen[key]; dup {
			prev := &p.m.Citations[k]
			if relationRank[c.Relation] > relationRank[prev.Relation] {
				prev.Relation = c.Relation
			}
			if prev.Date == "" {
				prev.Date = c.Date
			}
			if prev.Issuer == "" {
				prev.Issuer = c.Issuer
			}
			continue
		}
		seen[key] = len(p.m.Citations)
		p.m.Citations = append(p.m.Citations, c)
	}
}

// citeDate reads the date after a cited notation (", ban hành ngày
// 05/01/2022") at the start of folded s: dateAt's submatch indexes, with
// the whole match from the start of s.
func citeDate(s string) []int {
	i := spacesEnd(s, 0)
	if i < len(s) && s[i] == ',' {
		i = spacesEnd(s, i+1)
	}
	if j := spacesEnd(s, i+len("ban hanh")); strings.HasPrefix(s[i:], "ban hanh") && j > i+len("ban hanh") {
		i = j
	}
	m := dateAt(s[i:])
	for k := 1; k < len(m); k++ {
		if m[k] >= 0 {
			m[k] += i
		}
	}
	return m
}

// issuerLeadEnd returns the end of the ", của " or " do " that begins
// folded s and leads to the issuer of a citation, or -1.
func issuerLeadEnd(s string) int {
	i := spacesEnd(s, 0)
	if i < len(s) && s[i] == ',' {
		i = spacesEnd(s, i+1)
	}
	for _, w := range []string{"cua", "do"} {
		if end := i + len(w); strings.HasPrefix(s[i:], w) && spacesEnd(s, end) > end {
			return spacesEnd(s, end)
		}
	}
	return -1
}

// issuerStops are the words after which the issuer of a citation is over
// ("… của Bộ Chính trị về …").
var issuerStops = newPhrases([]string{"ve", "v/v", "quy dinh", "huong dan", "ban hanh", "tai", "da", "nham", "thuc hien",
	"phe duyet", "trien khai", "theo", "ngay", "so", "voi", "cho", "va cac", "ket luan"})

// issuerEnd returns where the issuer at the start of folded s ends: at the
// first stop word between spaces, punctuation mark, blank line or " - ";
// len(s) when none comes.
func issuerEnd(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte(",;.(:\"*", c) >= 0 || strings.HasPrefix(s[i:], "“") || strings.HasPrefix(s[i:], "”"):
			return i
		case c == '\n' && strings.IndexByte(s[i+1:spacesEnd(s, i+1)], '\n') >= 0:
			return i
		case c == ' ' && i+2 < len(s) && s[i+1] == '-' && isSpaceByte(s[i+2]):
			return i
		case isSpaceByte(c) && i+1 < len(s):
			for k := range issuerStops.at(s, i+1) {
				if end := i + 1 + len(issuerStops.list[k]); end < len(s) && isSpaceByte(s[end]) {
					return i
				}
			}
		}
	}
	return len(s)
}

// findIssuerList is reIssuerList's match, tried only when a comma or the
// word "và" or "hoặc" it needs is there.
func findIssuerList(s string) []int {
	if !strings.Contains(s, ",") && !strings.Contains(s, "va") && !strings.Contains(s, "hoac") {
		return nil
	}
	return reIssuerList.FindStringIndex(s)
}

func isWordByte(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b == '/'
}

// typeWords are the words of each folded type name, in docTypes order.
var typeWords = func() [][]string {
	out := make([][]string, len(docTypes))
	for k, t := range docTypes {
		out[k] = strings.Fields(t.Fold)
	}
	return out
}()

// typeBefore returns the type name written just before a notation
// ("Hướng dẫn số", "Nghị quyết 13-NQ/TƯ", "Luật Giáo dục số").
func (p *parser) typeBefore(fi int) string {
	win := p.f.fold[max(0, fi-160):fi]
	if k := strings.LastIndexByte(win, ';'); k >= 0 {
		win = win[k+1:]
	}
	words := strings.Fields(win)
	saysSo := false // "… số 12": only then may a title stand between type and number
	if n := len(words); n > 0 && strings.HasPrefix(words[n-1], "so") && len(words[n-1]) <= 3 {
		words, saysSo = words[:n-1], true
	}
	// The nearest type name, with at most twelve words of title between it
	// and "số" and no other "số" among them.
	maxBack := 0 // without "số", the type stands right before the number
	if saysSo {
		maxBack = 12
	}
	for back := 0; back <= maxBack && back < len(words); back++ {
		end := len(words) - back
		if back > 0 && (words[end] == "so" || words[end] == "so:") {
			break
		}
		for k, t := range docTypes {
			if tw := typeWords[k]; end-len(tw) >= 0 && slices.Equal(words[end-len(tw):end], tw) {
				return t.Name
			}
		}
	}
	return ""
}

// relationRank orders relations from the weakest mention to the strongest,
// so a document cited twice keeps the strongest.
var relationRank = map[Relation]int{Refers: 0, Implements: 1, BasedOn: 2, Replaces: 3, Repeals: 4}

// sentenceEndAt reports whether a sentence or list item ends at byte i of
// folded text: ". ", a blank line, a new "-" item, "; -", a line ending in
// . ; or :, and " - " before the lead words of a clause ("… - Căn cứ"). The
// end is the byte range [from, to); the next sentence starts at to.
func sentenceEndAt(s string, i int) (from, to int, ok bool) {
	switch c := s[i]; c {
	case '.', ';', ':':
		j, n := skipBlank(s, i+1)
		switch {
		case j == i+1:
		case j < len(s) && (s[j] == '-' || s[j] == '+') && c != '.':
			return i, min(j+1, len(s)), true
		case c == '.' || n > 0:
			return i, j, true
		}
	case '\n':
		j, n := skipBlank(s, i+1)
		switch {
		case n > 0:
			return i, j, true
		case j < len(s) && (s[j] == '-' || s[j] == '+'):
			return i, j + 1, true
		}
	case '-':
		if i > 0 && s[i-1] == ' ' && i+1 < len(s) && s[i+1] == ' ' {
			j, _ := skipBlank(s, i+1)
			for _, lead := range []string{"can cu", "thuc hien", "xet", "trien khai", "bai bo"} {
				if strings.HasPrefix(s[j:], lead) {
					return i - 1, j, true
				}
			}
		}
	}
	return 0, 0, false
}

// skipBlank returns the end of the spaces and line breaks at byte j of s,
// and how many line breaks they hold.
func skipBlank(s string, j int) (end, breaks int) {
	for ; j < len(s) && (s[j] == ' ' || s[j] == '\n'); j++ {
		if s[j] == '\n' {
			breaks++
		}
	}
	return j, breaks
}

// lastSentenceEnd returns the last sentence end of s that ends at or
// before byte at, if it ends at or after byte lo. Ends grow with the byte
// they are found at, so it is the first found going back from at; one
// reaching lo is found no further back than the punctuation before the
// spaces, breaks and bullet that run up to lo.
func lastSentenceEnd(s string, lo, at int) (from, to int, ok bool) {
	stop := max(lo-1, 0)
	for stop > 0 && strings.IndexByte(" \n-+", s[stop]) >= 0 {
		stop--
	}
	for i := at - 1; i >= stop; i-- {
		if f, t, end := sentenceEndAt(s, i); end && t <= at {
			return f, t, t >= lo
		}
	}
	return 0, 0, false
}

// relationAt reads how the sentence holding a citation refers to it: the
// lead words of a "Căn cứ …; …; …" list hold for every item of it.
func (p *parser) relationAt(fi int) Relation {
	start := max(0, fi-600)
	sentence := p.f.fold[start:fi]
	if from, to, ok := lastSentenceEnd(p.f.fold, start, fi); ok {
		sentence = p.f.fold[to:fi]
		if j := strings.LastIndex(p.f.fold[from:to], "- "); j >= 0 && to-from > 3 && p.f.fold[to-1] != ' ' {
			sentence = p.f.fold[from+j+2 : fi] // " - Căn cứ …": keep the lead words
		}
	}
	clause := sentence
	if k := strings.LastIndexAny(clause, ";,"); k >= 0 {
		clause = clause[k+1:]
	}
	lead := strings.TrimLeft(sentence, " -+*\n0123456789.")
	switch {
	case strings.Contains(clause, "bai bo") || strings.Contains(clause, "het hieu luc"):
		return Repeals
	case strings.Contains(clause, "thay the"):
		return Replaces
	case strings.HasPrefix(lead, "can cu") || strings.HasPrefix(lead, "xet ") || strings.HasPrefix(lead, "tren co so"):
		return BasedOn
	case strings.HasPrefix(lead, "thuc hien") || strings.HasPrefix(lead, "trien khai") || strings.HasPrefix(lead, "de trien khai") || strings.HasPrefix(lead, "de thuc hien"):
		return Implements
	}
	return Refers
}

// issuerVerbs are what the issuing body does in the opening sentences.
var issuerVerbs = newPhrases([]string{"yeu cau", "huong dan", "de nghi", "trien khai", "ban hanh", "thong bao", "chi dao",
	"quyet dinh", "xay dung ke hoach", "to chuc", "ke hoach"})

// issuerFromBody finds the body that speaks in the opening paragraphs
// ("…, Ban Thường vụ LĐLĐ tỉnh yêu cầu …") when the header was lost.
func (p *parser) issuerFromBody() {
	lo := indexFold(p.f, p.bodyAt)
	hi := min(indexFold(p.f, p.bodyEnd), lo+4000)
	body := p.f.fold[lo:hi]
	for at, end := nextIssuerVerb(body, 0); at >= 0; at, end = nextIssuerVerb(body, end) {
		seg := body[:at]
		cut := max(strings.LastIndexAny(seg, ",;:\n("), 0)
		cand := strings.TrimSpace(seg[cut:])
		cand = strings.TrimLeft(cand, ",;:( ")
		if cand == "" || !startsOrgFolded(cand) || len(cand) > 90 {
			continue
		}
		k := lo + strings.Index(body[cut:], cand) + cut
		if !startsUpper(p.f.span(k, k+len(cand))) {
			continue
		}
		p.m.Issuer = singleSpaced(p.f.span(k, k+len(cand)))
		p.m.Warnings = append(p.m.Warnings, "không thấy tên cơ quan ban hành ở tiêu đề: đã lấy từ nội dung")
		if p.m.Family == "" {
			p.m.Family = familyOfName(cand)
		}
		return
	}
}

// nextIssuerVerb finds the first " verb " of issuerVerbs in s from byte
// from on, with the white space around it.
func nextIssuerVerb(s string, from int) (at, end int) {
	for i := from; i+1 < len(s); i++ {
		if !isSpaceByte(s[i]) {
			continue
		}
		for k := range issuerVerbs.at(s, i+1) {
			if e := i + 1 + len(issuerVerbs.list[k]); e < len(s) && isSpaceByte(s[e]) {
				return i, e + 1
			}
		}
	}
	return -1, -1
}

func startsOrgFolded(f string) bool {
	f += " "
	for _, h := range orgHeads {
		if strings.HasPrefix(f, h) {
			return true
		}
	}
	return false
}

// familyOfName guesses the family from an issuer's name.
func familyOfName(f string) Family {
	switch {
	case containsAny(f, "ldld", "lien doan lao dong", "cong doan", "tld"):
		return Union
	case containsAny(f, "mat tran", "mttq", "mttw", "hoi nong dan", "hoi lien hiep phu nu", "cuu chien binh", "hoi nd", "hnd"):
		return Front
	case containsAny(f, "doan tncs", "tinh doan", "thanh doan", "huyen doan"):
		return Youth
	case containsAny(f, "tinh uy", "thanh uy", "huyen uy", "dang uy", "ban tuyen giao", "ban dan van", "ban to chuc", "ban bi thu", "bo chinh tri", "chi bo"):
		return Party
	case containsAny(f, "uy ban nhan dan", "ubnd", "hoi dong nhan dan", "so ", "bo ", "chinh phu"):
		return State
	}
	return ""
}

var (
	reSection = regexp.MustCompile(`^(?:[ivx]+|\d+|dieu\s+\d+)\s*[.:)-]?\s*`)
)

// afterSection returns a folded line without its heading number ("ii.",
// "3)", "dieu 2.").
func afterSection(f string) string { return f[len(reSection.FindString(f)):] }

// assignments reads who must do what: the items of "Tổ chức thực hiện",
// or, in a letter without one, each "Kính gửi" recipient for the whole letter.
func (p *parser) assignments() {
	first, last := p.lineOf(p.bodyAt), p.lineOf(max(p.bodyEnd-1, 0))
	sec := -1
	for i := range p.linesWith(first, last, "thuc hien") {
		rest := afterSection(p.foldedLine(i))
		if strings.HasPrefix(rest, "to chuc thuc hien") || strings.HasPrefix(rest, "trach nhiem thuc hien") || strings.HasPrefix(rest, "phan cong thuc hien") {
			sec = i
		}
	}
	if sec >= 0 {
		p.sectionAssignments(sec+1, last)
	}
	if len(p.m.Assignments) == 0 && len(p.m.Recipients) > 0 {
		task := strings.TrimLeft(oneLine(p.full[min(max(p.kgEndAt, p.bodyAt), p.bodyEnd):p.bodyEnd]), ".;,: ")
		for _, r := range p.m.Recipients {
			p.m.Assignments = append(p.m.Assignments, Assignment{Assignee: r, Task: task})
		}
	}
}

// sectionAssignments turns the items of a "Tổ chức thực hiện" section into
// assignments; an item that only groups sub-items ("3. Các cơ quan làm
// công tác tuyên truyền") gives none itself.
func (p *parser) sectionAssignments(from, to int) {
	type item struct {
		marker string
		text   string
		more   []string // continuation lines, joined at the end
	}
	var items []item
	for i := from; i <= to && i < len(p.lines); i++ {
		l := p.lines[i]
		if l == "" {
			continue
		}
		if reRoman.MatchString(p.foldedLine(i)) {
			break // the next top-level section
		}
		if marker := itemMarker(l); marker != "" {
			items = append(items, item{marker: marker, text: strings.TrimSpace(l[len(marker):])})
			continue
		}
		if len(items) > 0 {
			items[len(items)-1].more = append(items[len(items)-1].more, l)
		}
	}
	for k := range items {
		if len(items[k].more) > 0 {
			items[k].text += " " + strings.Join(items[k].more, " ")
		}
	}
	for k, it := range items {
		numbered := !strings.ContainsAny(it.marker, "-+•")
		if numbered && k+1 < len(items) && strings.ContainsAny(items[k+1].marker, "-+•") && len(it.text) < 120 && !strings.Contains(it.text, ":") {
			continue
		}
		if a, ok := assignmentOf(it.text); ok {
			p.m.Assignments = append(p.m.Assignments, a)
		}
	}
}

// itemMarker returns the marker that starts a list item ("2.", "1.2)",
// "a)", "-", "•") with the spaces after it, or "".
func itemMarker(l string) string {
	i := 0
	switch {
	case l != "" && isDigit(l[0]):
		i = digitsEnd(l, 0)
		for i+1 < len(l) && l[i] == '.' && isDigit(l[i+1]) {
			i = digitsEnd(l, i+1)
		}
		if i < len(l) && l[i] == '.' {
			i++
		}
		if i < len(l) && l[i] == ')' {
			i++
		}
	case len(l) >= 2 && l[0] >= 'a' && l[0] <= 'z' && l[1] == ')':
		i = 2
	case strings.HasPrefix(l, "đ)"):
		i = len("đ)")
	case isListItem(l):
		_, i = utf8.DecodeRuneInString(l)
	default:
		return ""
	}
	return l[:spacesEnd(l, i)]
}

// digitsEnd returns the end of the digits at byte i of s.
func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// assignmentOf reads "Assignee: task" or "Assignee chủ trì …".
func assignmentOf(text string) (Assignment, bool) {
	text = singleSpaced(text)
	if k := strings.Index(text, ":"); k > 0 && k < 300 {
		who := strings.TrimSpace(text[:k])
		if startsUpper(who) && !strings.ContainsAny(who, ".;") {
			task := strings.TrimSpace(text[k+1:])
			return Assignment{Assignee: trimAssignee(who), Task: task, Role: roleOf(task)}, true
		}
	}
	f := newFolded(text)
	best := firstAssignVerb(f.fold, 250)
	if best <= 0 {
		return Assignment{}, false
	}
	who := f.span(0, best)
	if !startsUpper(who) {
		return Assignment{}, false
	}
	task := strings.TrimSpace(f.span(best, len(f.fold)))
	return Assignment{Assignee: trimAssignee(who), Task: task, Role: roleOf(task)}, true
}

var assignVerbPhrases = newPhrases(assignVerbs)

// firstAssignVerb returns where the first of assignVerbs that ends a word
// begins in folded s, if it begins at or before byte limit; else -1.
func firstAssignVerb(s string, limit int) int {
	for k := 1; k <= limit && k < len(s); k++ {
		for v := range assignVerbPhrases.at(s, k) {
			if e := k + len(assignVerbs[v]); e == len(s) || !unicode.IsLetter(rune(s[e])) {
				return k
			}
		}
	}
	return -1
}

func trimAssignee(s string) string {
	s = strings.TrimSpace(s)
	for _, lead := range []string{"Giao ", "Đề nghị ", "Yêu cầu "} {
		s = strings.TrimPrefix(s, lead)
	}
	return strings.TrimRight(s, " ,;:")
}

func roleOf(task string) string {
	f := vn.Fold(task)
	switch {
	case strings.HasPrefix(f, "chu tri") || strings.Contains(f, " chu tri"):
		return "chủ trì"
	case strings.HasPrefix(f, "phoi hop"):
		return "phối hợp"
	}
	return ""
}

var (
	reDeadlineDate = newLedRegexp([]string{"truoc", "cham nhat la", "cham nhat", "han chot", "khong muon hon", "han bao cao"},
		`\s*(?:la\s*)?(?:ngay\s*)(\d{1,2})\s*(?:/|-|\.|\s*thang\s*)\s*(\d{1,2})(?:\s*(?:/|-|\.|\s*nam\s*)\s*((?:19|20)\d\d))?`)
	reDeadlineText = newLedRegexp([]string{"trong", "vao", "cung voi", "long ghep vao", "long ghep trong"},
		`\s+bao\s+cao\s+(?:ket qua\s+)?(?:so ket|tong ket|nam|dinh ky|6 thang|sau thang|quy|thang|hang nam|cuoi nam)[^.;,()]*`)
)

// reportDeadline finds when results are due: a sentence about reporting
// with a date, or with the words of a periodic report.
func (p *parser) reportDeadline() {
	lo, hi := indexFold(p.f, p.bodyAt), indexFold(p.f, p.bodyEnd)
	body := p.f.fold[lo:hi]
	// Only the sentences about reporting are read, each cut around its "báo cáo".
	for k := strings.Index(body, "bao cao"); k >= 0; {
		from, to := sentenceAround(body, k)
		if d := p.deadlineIn(lo+from, lo+to); d != nil {
			p.m.ReportDeadline = d
			return
		}
		next := strings.Index(body[to:], "bao cao")
		if next < 0 {
			return
		}
		k = to + next
	}
}

// deadlineIn reads a due date or the words of a periodic report in the
// folded sentence [from, to).
func (p *parser) deadlineIn(from, to int) *Deadline {
	s := p.f.fold[from:to]
	if strings.Contains(s, "ngay") { // the word the date pattern needs
		if m := reDeadlineDate.FindStringSubmatchIndex(s); m != nil {
			year := 0
			if m[8] >= 0 {
				year = atoi(s[m[8]:m[9]])
			} else if len(p.m.Date) >= 4 {
				year = atoi(p.m.Date[:4])
			}
			month, day := atoi(s[m[6]:m[7]]), atoi(s[m[4]:m[5]])
			if iso, ok := isoDate(year, month, day); ok {
				if p.m.Date != "" && iso < p.m.Date && m[8] < 0 {
					iso, _ = isoDate(year+1, month, day)
				}
				return &Deadline{Date: iso, Text: oneLine(p.f.span(from+m[0], from+m[1]))}
			}
		}
	}
	if m := reDeadlineText.FindStringSubmatchIndex(s); m != nil {
		return &Deadline{Text: oneLine(p.f.span(from+m[0], from+m[1]))}
	}
	return nil
}

// sentenceAround returns the byte range of the sentence of folded text s
// that holds byte k, where sentences end at semicolons and full stops.
func sentenceAround(s string, k int) (from, to int) {
	from, to = k, k
	for from > 0 && !endsSentence(s, from-1) {
		from--
	}
	for to < len(s) && !endsSentence(s, to) {
		to++
	}
	return from, min(to+1, len(s))
}

// endsSentence reports whether byte i of s ends a sentence: a semicolon, or
// a full stop before a space or the end that does not follow a number.
func endsSentence(s string, i int) bool {
	return s[i] == ';' || s[i] == '.' && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n') && !(i > 0 && s[i-1] >= '0' && s[i-1] <= '9')
}

func oneLine(s string) string {
	return strings.TrimRight(singleSpaced(s), " ,;.")
}

// formsAsked lists the propaganda forms the text asks for, read from its
// "Hình thức" section when it has one, else from the whole body.
func (p *parser) formsAsked() {
	first, last := p.lineOf(p.bodyAt), p.lineOf(max(p.bodyEnd-1, 0))
	from, to := first, last
	for i := range p.linesWith(first, last, "hinh thuc") {
		f := p.foldedLine(i)
		rest := afterSection(f)
		if rest != f && strings.HasPrefix(rest, "hinh thuc") || strings.HasPrefix(f, "hinh thuc tuyen truyen") {
			from, to = i, last
			prefix := reSection.FindString(f)
			for j := i + 1; j <= last; j++ {
				g := p.foldedLine(j)
				if reRoman.MatchString(g) || prefix != "" && reSection.FindString(g) != "" && sameLevel(prefix, reSection.FindString(g)) {
					to = j - 1
					break
				}
			}
			break
		}
	}
	lo, hi := indexFold(p.f, p.start[from]), indexFold(p.f, min(p.bodyEnd, p.start[min(to+1, len(p.lines)-1)]))
	if to+1 >= len(p.lines) {
		hi = indexFold(p.f, p.bodyEnd)
	}
	if hi <= lo || !containsAny(p.f.fold[indexFold(p.f, p.bodyAt):indexFold(p.f, p.bodyEnd)], "tuyen truyen", "pho bien", "quan triet", "thong tin") {
		return // not about dissemination: office names alone ask for no form
	}
	p.m.Forms = p.formsIn(lo, hi)
}

// formWords are the words of all forms, and formOf the form of each.
var formWords, formOf = func() (*phrases, []int) {
	var words []string
	var of []int
	for k, fm := range forms {
		for _, w := range fm.Words {
			words = append(words, w)
			of = append(of, k)
		}
	}
	return newPhrases(words), of
}()

// formsIn returns the codes of the forms whose words the folded range
// [lo, hi) uses, in the order of forms.
func (p *parser) formsIn(lo, hi int) []string {
	asked := make([]bool, len(forms))
	for at := lo; at < hi; at++ {
		if at > 0 && isLetterByte(p.f.fold[at-1]) {
			continue
		}
		for k := range formWords.at(p.f.fold[:hi], at) {
			if w := formWords.list[k]; !asked[formOf[k]] && p.asksAt(at, w) {
				asked[formOf[k]] = true
			}
		}
	}
	var codes []string
	for k, fm := range forms {
		if asked[k] {
			codes = append(codes, fm.Code)
		}
	}
	return codes
}

// brands are names of channels, capitalised wherever they are written.
var brands = map[string]bool{"facebook": true, "zalo": true, "fanpage": true, "youtube": true, "tiktok": true, "mocha": true, "website": true}

// asksAt reports whether the form's word w at folded byte at is a word of
// the text, not inside an office's name ("Đài Phát thanh - Truyền hình",
// "Sở Văn hóa, Thể thao"): such names capitalise words that running text
// writes in lower case, except at the start of a sentence or item.
func (p *parser) asksAt(at int, w string) bool {
	r, _ := utf8.DecodeRuneInString(p.f.orig[p.f.origAt(at):])
	if !unicode.IsUpper(r) || brands[w] {
		return true
	}
	before := strings.TrimRight(p.f.orig[max(0, p.f.origAt(at)-3):p.f.origAt(at)], " ")
	if before == "" || strings.HasSuffix(before, "\n") || strings.HasSuffix(before, "-") || strings.HasSuffix(before, ".") ||
		strings.HasSuffix(before, ":") || strings.HasSuffix(before, ";") || strings.HasSuffix(before, "(") {
		return true
	}
	// Inside a proper name the words before are capitalised too.
	prev := strings.Fields(p.f.orig[max(0, p.f.origAt(at)-40):p.f.origAt(at)])
	if len(prev) > 2 {
		prev = prev[len(prev)-2:]
	}
	for _, w := range prev {
		if startsUpper(w) {
			return false
		}
	}
	return true
}

// sameLevel reports whether two heading numbers ("2." and "3.") are siblings.
func sameLevel(a, b string) bool {
	depth := func(s string) int { return strings.Count(strings.TrimRight(strings.TrimSpace(s), ".):-"), ".") }
	digit := func(s string) bool { return len(s) > 0 && s[0] >= '0' && s[0] <= '9' }
	return digit(a) == digit(b) && depth(a) == depth(b)
}

// warn names what the reader could not find.
func (p *parser) warn() {
	var w []string
	if p.m.NumberSymbol == "" {
		w = append(w, "không thấy số, ký hiệu (bảng tiêu đề có thể đã mất khi chuyển đổi)")
	}
	if p.m.Date == "" {
		w = append(w, "không thấy ngày ban hành")
	}
	if p.m.DocType == "" {
		w = append(w, "không xác định được loại văn bản")
	}
	if p.m.Issuer == "" {
		w = append(w, "không thấy cơ quan ban hành")
	}
	if p.m.SignerName == "" {
		w = append(w, "không thấy người ký")
	}
	p.m.Warnings = append(w, p.m.Warnings...)
}

// mayStartNotation is a cheap test before the notation pattern: after the
// digits come a separator or a capital, as in "71-HD", "12/UBND", "84 QĐ".
func mayStartNotation(s string, at int) bool {
	i := at
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i >= len(s) {
		return false
	}
	c := s[i]
	return c == '-' || c == '/' || c >= 'A' && c <= 'Z' || c >= 0xC3 // Đ, Ư and other capitals start with 0xC3–0xC6
}
