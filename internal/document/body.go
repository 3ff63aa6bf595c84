package document

import (
	"regexp"
	"slices"
	"sort"
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
	p.kgAt = p.f.off[lo+k]
	at := p.f.off[lo+k+len("kinh gui")]
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
		if reListItem.MatchString(l) {
			items = append(items, trimItem(l))
			continue
		}
		last := len(items) - 1
		if last >= 0 && unicode.IsLower([]rune(l)[0]) && !strings.HasSuffix(strings.TrimSpace(p.lines[i-1]), ";") && len(items[last]) < 500 {
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
	reCiteDate   = regexp.MustCompile(`^\s*,?\s*(?:ban hanh\s+)?ngay\s*(\d{1,2})\s*(?:thang\s*(\d{1,2})\s*nam|[/.-]\s*(\d{1,2})\s*[/.-])\s*((?:19|20)\d\d)`)
	reCiteIssuer = regexp.MustCompile(`^\s*,?\s*(?:cua|do)\s+`)
	reIssuerStop = regexp.MustCompile(`\s(ve|v/v|quy dinh|huong dan|ban hanh|tai|da|nham|thuc hien|phe duyet|trien khai|theo|ngay|so|voi|cho|va cac|ket luan)\s|[,;.(:"“”*]|\n\s*\n| -\s`)
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
	body := p.full[:p.f.off[hi]]
	for at := p.f.off[lo]; at < len(body); at++ {
		// Notations start with a number: try the pattern only there.
		if c := body[at]; c < '0' || c > '9' || at > 0 && isWordByte(body[at-1]) {
			continue
		}
		var m []int
		if mayStartNotation(body, at) {
			m = reNotationAt.FindStringSubmatchIndex(body[at:])
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
		if d := reCiteDate.FindStringSubmatchIndex(p.f.fold[after:min(len(p.f.fold), after+60)]); d != nil {
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
		if loc := reCiteIssuer.FindStringIndex(p.f.fold[after:min(len(p.f.fold), after+20)]); loc != nil {
			s := after + loc[1]
			e := min(len(p.f.fold), s+120)
			if stop := reIssuerStop.FindStringIndex(p.f.fold[s:e]); stop != nil {
				e = s + stop[0]
			}
			if l := reIssuerList.FindStringIndex(p.f.fold[s:e]); l != nil {
				e = s + l[0]
			}
			// A wrapped issuer goes on; a header line after it does not.
			for k := s; k < e; k++ {
				if p.f.fold[k] == '\n' {
					line := p.lineOf(p.f.off[k] + 1)
					if line >= 0 && (isUpperText(p.lines[line]) || strings.HasPrefix(p.foldedLine(line), "doc lap")) {
						e = k
						break
					}
				}
			}
			c.Issuer = strings.Join(strings.Fields(p.f.span(s, e)), " ")
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

func isWordByte(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b == '/'
}

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
	for back := 0; back <= 12 && back < len(words); back++ {
		end := len(words) - back
		if back > 0 && (words[end] == "so" || words[end] == "so:") {
			break
		}
		for _, t := range docTypes {
			tw := strings.Fields(t.Fold)
			if end-len(tw) < 0 || !slices.Equal(words[end-len(tw):end], tw) {
				continue
			}
			if back > 0 && !saysSo {
				continue
			}
			return t.Name
		}
	}
	return ""
}

// relationRank orders relations from the weakest mention to the strongest,
// so a document cited twice keeps the strongest.
var relationRank = map[Relation]int{Refers: 0, Implements: 1, BasedOn: 2, Replaces: 3, Repeals: 4}

// sentenceEnds finds where sentences and list items end in folded text:
// ". ", a blank line, a new "-" item, "; -", a line ending in . ; or :, and
// " - " before the lead words of a clause ("… - Căn cứ"). Each is a byte
// range; the next sentence starts where it ends.
func sentenceEnds(s string) [][]int {
	var out [][]int
	space := func(j int) (int, int) { // end of the white space at j, and how many line breaks it holds
		n := 0
		for j < len(s) && (s[j] == ' ' || s[j] == '\n') {
			if s[j] == '\n' {
				n++
			}
			j++
		}
		return j, n
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '.', ';', ':':
			j, n := space(i + 1)
			switch {
			case j == i+1:
			case j < len(s) && (s[j] == '-' || s[j] == '+') && c != '.':
				out = append(out, []int{i, min(j+1, len(s))})
			case c == '.' || n > 0:
				out = append(out, []int{i, j})
			}
		case '\n':
			j, n := space(i + 1)
			switch {
			case n > 0:
				out = append(out, []int{i, j})
			case j < len(s) && (s[j] == '-' || s[j] == '+'):
				out = append(out, []int{i, j + 1})
			}
		case '-':
			if i > 0 && s[i-1] == ' ' && i+1 < len(s) && s[i+1] == ' ' {
				j, _ := space(i + 1)
				for _, lead := range []string{"can cu", "thuc hien", "xet", "trien khai", "bai bo"} {
					if strings.HasPrefix(s[j:], lead) {
						out = append(out, []int{i - 1, j})
						break
					}
				}
			}
		}
	}
	return out
}

// relationAt reads how the sentence holding a citation refers to it: the
// lead words of a "Căn cứ …; …; …" list hold for every item of it.
func (p *parser) relationAt(fi int) Relation {
	if p.sentenceEnds == nil {
		p.sentenceEnds = sentenceEnds(p.f.fold)
	}
	start := max(0, fi-600)
	sentence := p.f.fold[start:fi]
	k := sort.Search(len(p.sentenceEnds), func(i int) bool { return p.sentenceEnds[i][1] > fi }) - 1
	if k >= 0 && p.sentenceEnds[k][1] >= start {
		last := p.sentenceEnds[k]
		sentence = p.f.fold[last[1]:fi]
		if j := strings.LastIndex(p.f.fold[last[0]:last[1]], "- "); j >= 0 && last[1]-last[0] > 3 && p.f.fold[last[1]-1] != ' ' {
			sentence = p.f.fold[last[0]+j+2 : fi] // " - Căn cứ …": keep the lead words
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

var issuerVerbs = regexp.MustCompile(`\s(yeu cau|huong dan|de nghi|trien khai|ban hanh|thong bao|chi dao|quyet dinh|xay dung ke hoach|to chuc|ke hoach)\s`)

// issuerFromBody finds the body that speaks in the opening paragraphs
// ("…, Ban Thường vụ LĐLĐ tỉnh yêu cầu …") when the header was lost.
func (p *parser) issuerFromBody() {
	lo := indexFold(p.f, p.bodyAt)
	hi := min(indexFold(p.f, p.bodyEnd), lo+4000)
	body := p.f.fold[lo:hi]
	for _, m := range issuerVerbs.FindAllStringIndex(body, -1) {
		seg := body[:m[0]]
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
		p.m.Issuer = strings.Join(strings.Fields(p.f.span(k, k+len(cand))), " ")
		p.m.Warnings = append(p.m.Warnings, "không thấy tên cơ quan ban hành ở tiêu đề: đã lấy từ nội dung")
		if p.m.Family == "" {
			p.m.Family = familyOfName(cand)
		}
		return
	}
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
	reItem    = regexp.MustCompile(`^(?:(\d+(?:\.\d+)*)\.?\)?|([a-zđ])\)|([-+•]))\s*`)
	reSection = regexp.MustCompile(`^(?:[ivx]+|\d+|dieu\s+\d+)\s*[.:)-]?\s*`)
)

// assignments reads who must do what: the items of "Tổ chức thực hiện",
// or, in a letter without one, each "Kính gửi" recipient for the whole letter.
func (p *parser) assignments() {
	first, last := p.lineOf(p.bodyAt), p.lineOf(max(p.bodyEnd-1, 0))
	sec := -1
	for i := first; i <= last && i < len(p.lines); i++ {
		f := p.foldedLine(i)
		if !strings.Contains(f, "thuc hien") {
			continue
		}
		rest := reSection.ReplaceAllString(f, "")
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
		if f := vn.Fold(l); reRoman.MatchString(f) {
			break // the next top-level section
		}
		if m := reItem.FindStringSubmatch(l); m != nil && m[0] != "" && (m[1] != "" || m[2] != "" || m[3] != "") {
			items = append(items, item{marker: m[0], text: strings.TrimSpace(l[len(m[0]):])})
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

// assignmentOf reads "Assignee: task" or "Assignee chủ trì …".
func assignmentOf(text string) (Assignment, bool) {
	text = strings.Join(strings.Fields(text), " ")
	if k := strings.Index(text, ":"); k > 0 && k < 300 {
		who := strings.TrimSpace(text[:k])
		if startsUpper(who) && !strings.ContainsAny(who, ".;") {
			task := strings.TrimSpace(text[k+1:])
			return Assignment{Assignee: trimAssignee(who), Task: task, Role: roleOf(task)}, true
		}
	}
	f := newFolded(text)
	best := -1
	for _, v := range assignVerbs {
		for from := 0; ; {
			k := strings.Index(f.fold[from:], v)
			if k < 0 {
				break
			}
			k += from
			if e := k + len(v); e == len(f.fold) || !unicode.IsLetter(rune(f.fold[e])) {
				if k > 0 && (best < 0 || k < best) {
					best = k
				}
				break
			}
			from = k + len(v)
		}
	}
	if best <= 0 || best > 250 {
		return Assignment{}, false
	}
	who := f.span(0, best)
	if !startsUpper(who) {
		return Assignment{}, false
	}
	task := strings.TrimSpace(f.span(best, len(f.fold)))
	return Assignment{Assignee: trimAssignee(who), Task: task, Role: roleOf(task)}, true
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
	reDeadlineDate = regexp.MustCompile(`(truoc|cham nhat(?: la)?|han chot|khong muon hon|han bao cao)\s*(?:la\s*)?(?:ngay\s*)(\d{1,2})\s*(?:/|-|\.|\s*thang\s*)\s*(\d{1,2})(?:\s*(?:/|-|\.|\s*nam\s*)\s*((?:19|20)\d\d))?`)
	reDeadlineText = regexp.MustCompile(`(trong|vao|cung voi|long ghep (?:vao|trong))\s+bao\s+cao\s+(?:ket qua\s+)?(?:so ket|tong ket|nam|dinh ky|6 thang|sau thang|quy|thang|hang nam|cuoi nam)[^.;,()]*`)
)

// reportDeadline finds when results are due: a sentence about reporting
// with a date, or with the words of a periodic report.
func (p *parser) reportDeadline() {
	lo, hi := indexFold(p.f, p.bodyAt), indexFold(p.f, p.bodyEnd)
	body := p.f.fold[lo:hi]
	for _, sent := range splitSentences(body) {
		if !strings.Contains(body[sent[0]:sent[1]], "bao cao") {
			continue
		}
		s := body[sent[0]:sent[1]]
		if m := reDeadlineDate.FindStringSubmatchIndex(s); m != nil {
			y := p.m.Date
			year := 0
			if m[8] >= 0 {
				year = atoi(s[m[8]:m[9]])
			} else if len(y) >= 4 {
				year = atoi(y[:4])
			}
			if iso, ok := isoDate(year, atoi(s[m[6]:m[7]]), atoi(s[m[4]:m[5]])); ok {
				if p.m.Date != "" && iso < p.m.Date && m[8] < 0 {
					iso, _ = isoDate(year+1, atoi(s[m[6]:m[7]]), atoi(s[m[4]:m[5]]))
				}
				p.m.ReportDeadline = &Deadline{Date: iso, Text: oneLine(p.f.span(lo+sent[0]+m[0], lo+sent[0]+m[1]))}
				return
			}
		}
		if m := reDeadlineText.FindStringIndex(s); m != nil {
			p.m.ReportDeadline = &Deadline{Text: oneLine(p.f.span(lo+sent[0]+m[0], lo+sent[0]+m[1]))}
			return
		}
	}
}

// splitSentences cuts folded text at sentence ends and semicolons.
func splitSentences(s string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(s); i++ {
		end := s[i] == ';' || s[i] == '.' && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n') && !(i > 0 && s[i-1] >= '0' && s[i-1] <= '9')
		if end || i == len(s)-1 {
			out = append(out, [2]int{start, i + 1})
			start = i + 1
		}
	}
	return out
}

func oneLine(s string) string {
	return strings.TrimRight(strings.Join(strings.Fields(s), " "), " ,;.")
}

// formsAsked lists the propaganda forms the text asks for, read from its
// "Hình thức" section when it has one, else from the whole body.
func (p *parser) formsAsked() {
	first, last := p.lineOf(p.bodyAt), p.lineOf(max(p.bodyEnd-1, 0))
	from, to := first, last
	for i := first; i <= last && i < len(p.lines); i++ {
		f := p.foldedLine(i)
		if !strings.Contains(f, "hinh thuc") {
			continue
		}
		rest := reSection.ReplaceAllString(f, "")
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
	section := p.f.fold[lo:hi]
	for _, fm := range forms {
		for _, w := range fm.Words {
			if p.asksFor(section, lo, w) {
				p.m.Forms = append(p.m.Forms, fm.Code)
				break
			}
		}
	}
}

// brands are names of channels, capitalised wherever they are written.
var brands = map[string]bool{"facebook": true, "zalo": true, "fanpage": true, "youtube": true, "tiktok": true, "mocha": true, "website": true}

// asksFor reports whether a form's words occur in the section as words of
// the text, not inside an office's name ("Đài Phát thanh - Truyền hình",
// "Sở Văn hóa, Thể thao"): such names capitalise words that running text
// writes in lower case, except at the start of a sentence or item.
func (p *parser) asksFor(section string, base int, w string) bool {
	for _, k := range indexAll(section, w) {
		at := base + k
		if at > 0 && isLetterByte(p.f.fold[at-1]) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(p.f.orig[p.f.off[at]:])
		if !unicode.IsUpper(r) || brands[w] {
			return true
		}
		before := strings.TrimRight(p.f.orig[max(0, p.f.off[at]-3):p.f.off[at]], " ")
		if before == "" || strings.HasSuffix(before, "\n") || strings.HasSuffix(before, "-") || strings.HasSuffix(before, ".") ||
			strings.HasSuffix(before, ":") || strings.HasSuffix(before, ";") || strings.HasSuffix(before, "(") {
			return true
		}
		// Inside a proper name the words before are capitalised too.
		prev := strings.Fields(p.f.orig[max(0, p.f.off[at]-40):p.f.off[at]])
		if len(prev) > 2 {
			prev = prev[len(prev)-2:]
		}
		named := false
		for _, w := range prev {
			named = named || startsUpper(w)
		}
		if !named {
			return true
		}
	}
	return false
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
