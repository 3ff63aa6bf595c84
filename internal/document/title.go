package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// typeAndSubject finds the type name printed in capitals under the header
// ("HƯỚNG DẪN", "KẾ HOẠCH") and the subject under it, or for a công văn the
// "V/v …" lines; failing both, the type the notation's code shows.
func (p *parser) typeAndSubject() {
	after := max(p.numEnd, p.dateEnd)
	if after < 0 {
		after = p.headAt
	}
	if at, end, name := p.findTitle(after); name != "" {
		p.m.DocType = name
		p.subjectAfterTitle(at, end)
	} else if at, end, name := p.findTitle(p.headAt); name != "" && (p.numAt < 0 || at < p.numAt+3000) {
		p.m.DocType = name
		p.subjectAfterTitle(at, end)
	}
	if p.m.Subject == "" {
		p.subjectVv()
	}
	if p.m.DocType == "" && p.numAt >= 0 {
		p.m.DocType = p.num.typeOf(p.m.Family)
		if p.m.DocType == "" && (p.num.Sep != "-" || strings.HasPrefix(p.num.Symbol, "CV")) && !strings.Contains(p.num.Symbol, "/") || p.m.DocType == "" && p.m.Subject != "" && p.vv {
			p.m.DocType = "Công văn"
		}
	}
	if p.m.DocType == "" && p.vv {
		p.m.DocType = "Công văn"
	}
}

// findTitle returns the first type name in capitals that starts a line (or
// directly follows the header on a flattened one) at or after byte from.
func (p *parser) findTitle(from int) (at, end int, name string) {
	limit := min(len(p.full), from+2500)
	for i := p.lineOf(max(from, 0)); i >= 0 && i < len(p.lines) && p.start[i] < limit; i++ {
		cands := []int{p.start[i]}
		if p.start[i] < from {
			cands = []int{from}
		}
		for _, c := range cands {
			for c < len(p.full) && (p.full[c] == ' ' || p.full[c] == '\n') && c < from+3 {
				c++
			}
			if n, e := titleAt(p.full, c); n != "" {
				return c, e, n
			}
		}
	}
	return 0, 0, ""
}

// compactTypes are the folded type names without spaces, in docTypes order.
var compactTypes = func() []string {
	out := make([]string, len(docTypes))
	for k, t := range docTypes {
		out[k] = strings.ReplaceAll(t.Fold, " ", "")
	}
	return out
}()

// titleAt matches a type name in capitals at byte at, letting spaces and one
// line break fall anywhere inside it ("K ÉT LUẬN", "NGHỊ\nQUYẾT").
func titleAt(s string, at int) (string, int) {
	letters := make([]rune, 0, 24) // the longest type name is shorter
	ends := make([]int, 0, 24)
	newlines := 0
	for i, r := range s[at:] {
		if len(letters) >= 24 {
			break
		}
		if r == '\n' {
			newlines++
			if newlines > 1 {
				break
			}
			continue
		}
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				break
			}
			letters = append(letters, foldRune(r))
			ends = append(ends, at+i+len(string(r)))
			continue
		}
		if r != ' ' {
			break
		}
	}
	compact := string(letters)
	for k, t := range docTypes {
		want := compactTypes[k]
		if strings.HasPrefix(compact, want) {
			end := ends[utf8.RuneCountInString(want)-1]
			// A longer capital word ("CÔNG VĂN" inside "CÔNG VĂNPHÒNG") is not a title.
			if next, _ := utf8.DecodeRuneInString(s[end:]); unicode.IsUpper(next) && len(compact) > len(want) && !strings.HasPrefix(s[end:], "V") {
				continue
			}
			return t.Name, end
		}
	}
	return "", 0
}

// subjectAfterTitle reads the subject lines that follow a type name.
func (p *parser) subjectAfterTitle(at, end int) {
	p.titleLine = p.lineOf(at)
	line := p.lineOf(end)
	rest := strings.TrimSpace(p.full[end : p.start[line]+len(p.lines[line])])
	var parts []string
	inline := false
	i := line + 1
	switch {
	case rest == "":
	case isUpperText(rest) && utf8.RuneCountInString(rest) < 60:
		// "THÔNG BÁO KẾT LUẬN": the rest of the title line belongs to the title.
	default:
		// A flattened text: the subject runs on the same line.
		if k := strings.Index(rest, "\n"); k >= 0 {
			rest = rest[:k]
		}
		if isInline := len(rest) > 300; isInline {
			rest = cutSubject(rest)
		}
		parts = append(parts, rest)
		inline = true
	}
	for ; i < len(p.lines) && len(parts) < 8; i++ {
		l := p.lines[i]
		if l == "" {
			if len(parts) == 0 {
				continue
			}
			break
		}
		fl := p.foldedLine(i)
		if startsBody(fl) && !(i == line+1 && p.subjectLeadLine(i)) || p.isPlaceDateLine(i) {
			break
		}
		if len(parts) > 0 && startsSentence(l) && !strings.HasPrefix(fl, "ve ") || inline && !unicode.IsLower(firstRune(l)) {
			break
		}
		parts = append(parts, l)
	}
	p.subjLine = i
	p.m.Subject = cleanSubject(strings.Join(parts, " "))
}

// subjectLeadLine reports whether line i, right under the type name,
// opens the subject although it reads like a body lead: "KẾ HOẠCH /
// Thực hiện Chỉ thị số 12-CT/TW …". The body's own "Thực hiện …, Ban …
// hướng dẫn như sau:" ends its paragraph with a colon or says "như sau".
func (p *parser) subjectLeadLine(i int) bool {
	fl := p.foldedLine(i)
	if !strings.HasPrefix(fl, "thuc hien ") && !strings.HasPrefix(fl, "trien khai ") {
		return false
	}
	var para []string
	for j := i; j < len(p.lines) && p.lines[j] != "" && len(para) < 6; j++ {
		para = append(para, p.foldedLine(j))
	}
	text := strings.TrimSpace(strings.Join(para, " "))
	return !strings.HasSuffix(text, ":") && !strings.Contains(text, "nhu sau")
}

// findVv finds "V/v" (or "V/V", "v/v") at the start of s or after a space,
// or "Về việc" at the start of a line, with the colon and spaces after it.
func findVv(s string) []int {
	for i := 0; i < len(s); i++ {
		k := strings.IndexAny(s[i:], "Vv")
		if k < 0 {
			return nil
		}
		i += k
		rest := s[i:]
		var start int
		switch {
		case (strings.HasPrefix(rest, "V/v") || strings.HasPrefix(rest, "V/V") || strings.HasPrefix(rest, "v/v")) && (i == 0 || isSpaceByte(s[i-1])):
			start, i = max(i-1, 0), i+len("V/v")
		case strings.HasPrefix(rest[1:], "ề việc") && (i == 0 || s[i-1] == '\n'):
			start, i = max(i-1, 0), i+len("Về việc")
		default:
			continue
		}
		i = blanksEnd(s, i)
		if i < len(s) && s[i] == ':' {
			i = blanksEnd(s, i+1)
		}
		return []int{start, i}
	}
	return nil
}

// blanksEnd returns the end of the spaces and tabs at byte i of s.
func blanksEnd(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// bodyLeads are the words a body starts with (folded): a subject ends there.
var bodyLeads = []string{"can cu", "thuc hien", "kinh gui", "theo ", "xet ", "nhan duoc", "de ", "qua ", "tiep theo",
	"trong ", "i.", "1.", "dieu 1"}

// startsBody reports whether a folded line starts a body: one of bodyLeads
// or a date ("ngày 5 …").
func startsBody(fl string) bool {
	for _, lead := range bodyLeads {
		if strings.HasPrefix(fl, lead) {
			return true
		}
	}
	return strings.HasPrefix(fl, "ngay ") && len(fl) > len("ngay ") && isDigit(fl[len("ngay ")])
}

// startsSentence reports whether l starts with a capital and a small letter.
func startsSentence(l string) bool {
	first, n := utf8.DecodeRuneInString(l)
	return unicode.IsUpper(first) && unicode.IsLower(firstRune(l[n:]))
}

// cutSubject ends an inline subject at the start of the body.
func cutSubject(s string) string {
	f := newFolded(s)
	for _, kw := range []string{" can cu ", " - can cu", " thuc hien ", " kinh gui", " dieu 1"} {
		if k := strings.Index(f.fold, kw); k > 0 {
			s = f.span(0, k)
			f = newFolded(s)
		}
	}
	return s
}

func cleanSubject(s string) string {
	s = singleSpaced(strings.ReplaceAll(s, "*", ""))
	return strings.TrimRight(strings.TrimSpace(s), " .;,:")
}

// subjectVv reads the "V/v …" lines of a công văn.
func (p *parser) subjectVv() {
	lo := p.headAt
	hi := min(len(p.full), max(p.numEnd, p.dateEnd, lo)+1500)
	loc := findVv(p.full[lo:hi])
	if loc == nil {
		return
	}
	p.vv = true
	at := lo + loc[1]
	line := p.lineOf(at)
	first := strings.TrimSpace(p.full[at:max(at, p.start[line]+len(p.lines[line]))])
	parts := []string{first}
	if len(first) > 200 { // flattened: the subject ends where "Kính gửi" begins
		f := newFolded(first)
		if k := strings.Index(f.fold, "kinh gui"); k > 0 {
			parts[0] = f.span(0, k)
		} else if k := strings.Index(first, ". "); k > 0 {
			parts[0] = first[:k]
		}
	} else {
		blank := false
		for i := line + 1; i < len(p.lines) && len(parts) < 8; i++ {
			l := p.lines[i]
			if l == "" {
				if blank {
					break
				}
				blank = true
				continue
			}
			if !unicode.IsLower(firstRune(l)) || startsBody(p.foldedLine(i)) {
				break
			}
			blank = false
			parts = append(parts, l)
		}
	}
	p.m.Subject = cleanSubject(strings.Join(parts, " "))
}

// isPlaceDateLine reports whether line i is the header's "Place, ngày …".
func (p *parser) isPlaceDateLine(i int) bool {
	m := findPlaceDate(p.foldedLine(i))
	return m != nil && m[0] < 60 && placeBefore(p.full[p.start[i]:p.f.origAt(p.fline[i]+m[0])]) != ""
}
