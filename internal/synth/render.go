package synth

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"lantoa/internal/document"
)

// render writes the text of a document: header, title or V/v, lead-in,
// body by type, recipients, signature.
func (g *Generator) render(is *issuer, code string, d Document, topic string, refs []cited) string {
	var b strings.Builder
	line := func(format string, args ...any) {
		fmt.Fprintf(&b, format, args...)
		b.WriteByte('\n')
	}
	g.header(&b, is, code, d)
	if code != "CV" {
		line("")
		line("%s", strings.ToUpper(d.Type))
		line("%s", d.Subject)
		line("-----")
	} else {
		line("")
		line("Kính gửi:")
		subs := g.subordinatesOf(is, 2+g.rng.IntN(2))
		for i, s := range subs {
			end := ";"
			if i == len(subs)-1 {
				end = "."
			}
			line("- %s%s", s, end)
		}
		line("")
	}
	g.leadIn(&b, is, code, topic, refs)
	g.body(&b, is, code, d, topic)
	line("")
	line("Nơi nhận:")
	for _, r := range g.distribution(is, code) {
		line("- %s", r)
	}
	for _, c := range g.capacity(is) {
		line("%s", c)
	}
	line("")
	line("%s", g.person())
	return b.String()
}

// header writes the header block in one of the shapes converters leave
// the two-column header table in: the left column (issuer, number, V/v)
// then the right one (national or party line, place and date); the right
// one first; or row by row with the two cells on one line, separated by a
// tab (Docx turns those lines back into a table).
func (g *Generator) header(b *strings.Builder, is *issuer, code string, d Document) {
	var left, right []string
	if is.parent != "" {
		left = append(left, is.parent)
	}
	left = append(left, is.name)
	if is.family == document.Party {
		left = append(left, "*", "Số "+d.NumberSymbol)
		right = append(right, "ĐẢNG CỘNG SẢN VIỆT NAM")
	} else {
		left = append(left, "Số: "+d.NumberSymbol)
		right = append(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
	}
	if code == "CV" {
		left = append(left, "V/v "+d.Subject)
	}
	right = append(right, is.place+", "+longDate(d.Date))
	var lines []string
	switch r := g.rng.IntN(10); {
	case r < 6:
		lines = append(left, right...)
	case r < 8:
		lines = append(right, left...)
	default:
		// Rows: the issuer lines beside the national lines, the number beside the date.
		numberAt := slices.IndexFunc(left, func(s string) bool { return strings.HasPrefix(s, "Số") })
		top, bottom := left[:numberAt], left[numberAt:]
		date := right[len(right)-1]
		nat := right[:len(right)-1]
		for i := range max(len(top), len(nat)) {
			lines = append(lines, cell(top, i)+"\t"+cell(nat, i))
		}
		lines = append(lines, bottom[0]+"\t"+date)
		lines = append(lines, bottom[1:]...)
	}
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
}

func cell(col []string, i int) string {
	if i < len(col) {
		return col[i]
	}
	return ""
}

// longDate writes "ngày 05 tháng 02 năm 2022": the day always on two
// digits, the month only for January and February.
func longDate(t time.Time) string {
	m := fmt.Sprint(int(t.Month()))
	if t.Month() <= 2 {
		m = fmt.Sprintf("%02d", int(t.Month()))
	}
	return fmt.Sprintf("ngày %02d tháng %s năm %d", t.Day(), m, t.Year())
}

// shortDate writes "05/01/2022" or "05/5/2022", as citations do.
func shortDate(t time.Time) string {
	m := fmt.Sprint(int(t.Month()))
	if t.Month() <= 2 {
		m = fmt.Sprintf("%02d", int(t.Month()))
	}
	return fmt.Sprintf("%02d/%s/%d", t.Day(), m, t.Year())
}

func citation(r cited) string {
	return fmt.Sprintf("%s số %s ngày %s của %s về %s", r.typeName, r.numberSymbol, shortDate(r.date), r.issuer, r.topic)
}

// leadIn writes the "Căn cứ / Thực hiện" lines and the sentence that
// introduces the body.
func (g *Generator) leadIn(b *strings.Builder, is *issuer, code, topic string, refs []cited) {
	who := is.cited
	if code == "QĐ" {
		fmt.Fprintf(b, "%s\n\n", authority(is))
		fmt.Fprintf(b, "Căn cứ chức năng, nhiệm vụ, quyền hạn của %s;\n", who)
		for _, r := range refs {
			fmt.Fprintf(b, "Căn cứ %s;\n", citation(r))
		}
		fmt.Fprintf(b, "Xét đề nghị của Chánh Văn phòng,\n\nQUYẾT ĐỊNH:\n")
		return
	}
	if len(refs) == 0 {
		fmt.Fprintf(b, "Để tiếp tục thực hiện tốt nhiệm vụ về %s, %s %s như sau:\n\n", topic, who, verbOf(is.family, code))
		return
	}
	for i, r := range refs {
		lead := "Thực hiện"
		if i > 0 && g.rng.IntN(2) == 0 {
			lead = "Căn cứ"
		}
		sep := ";"
		if i == len(refs)-1 {
			sep = ","
		}
		fmt.Fprintf(b, "%s %s%s\n", lead, citation(r), sep)
	}
	fmt.Fprintf(b, "%s %s như sau:\n\n", who, verbOf(is.family, code))
}

// authority is the line that opens a decision: who decides.
func authority(is *issuer) string {
	switch {
	case is.collective == "":
		return is.head + " " + is.name
	case strings.HasPrefix(is.name, is.collective):
		return is.name
	}
	return is.collective + " " + is.name
}

func verbOf(family document.Family, code string) string {
	switch {
	case code == "CT" && family == document.Party:
		return "chỉ thị các cấp ủy, tổ chức đảng thực hiện tốt một số nội dung"
	case code == "CT":
		return "yêu cầu các sở, ban, ngành, địa phương thực hiện tốt một số nội dung"
	}
	switch code {
	case "NQ":
		return "quyết nghị"
	case "KL":
		return "kết luận"
	case "HD":
		return "hướng dẫn thực hiện"
	case "KH":
		return "ban hành kế hoạch thực hiện"
	case "BC":
		return "báo cáo kết quả thực hiện"
	case "TB":
		return "thông báo"
	}
	return "đề nghị các đơn vị thực hiện một số nội dung"
}

// body writes the part that differs by type.
func (g *Generator) body(b *strings.Builder, is *issuer, code string, d Document, topic string) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...); b.WriteByte('\n') }
	deadline := shortDate(d.Date.AddDate(0, 0, 20+g.rng.IntN(60)))
	switch code {
	case "QĐ":
		w("Điều 1. %s, gồm các thành viên có tên tại danh sách kèm theo.", upperFirst(strings.TrimPrefix(d.Subject, "về việc ")))
		w("Điều 2. Tổ có nhiệm vụ tham mưu, theo dõi, đôn đốc và báo cáo kết quả thực hiện trước ngày %s.", deadline)
		w("Điều 3. Văn phòng, các cơ quan, đơn vị liên quan và các đồng chí có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.")
		w("Quyết định có hiệu lực kể từ ngày ký./.")
	case "BC":
		w("I. KẾT QUẢ THỰC HIỆN")
		for i, r := range g.rng.Perm(len(results))[:2+g.rng.IntN(3)] {
			f := results[r]
			w("%d. %s", i+1, fmt.Sprintf(f.text, f.a/2+g.rng.IntN(f.a), f.b/2+g.rng.IntN(f.b)))
		}
		w("II. HẠN CHẾ, NGUYÊN NHÂN")
		w("%s", pick(g.rng, shortcomings))
		w("III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI")
		w("Tiếp tục tuyên truyền về %s; tăng cường kiểm tra, đôn đốc cơ sở./.", topic)
	case "TB":
		w("Ngày %s, đồng chí %s, %s, chủ trì hội nghị về %s. Sau khi nghe báo cáo và ý kiến của các đại biểu, đồng chí chủ trì kết luận:",
			shortDate(d.Date.AddDate(0, 0, -1-g.rng.IntN(5))), g.person(), titleCase(is.deputy), topic)
		g.tasks(b, is, 2)
		w("%s thông báo để các cơ quan, đơn vị biết, thực hiện./.", is.cited)
	case "CV":
		for range 2 + g.rng.IntN(2) {
			w("- %s.", pick(g.rng, tasks))
		}
		w("Đề nghị các đơn vị triển khai nghiêm túc và báo cáo kết quả về %s trước ngày %s./.", is.cited, deadline)
	case "CT", "KL", "NQ":
		w("Thời gian qua, công tác %s đã đạt được một số kết quả quan trọng; tuy nhiên vẫn còn những hạn chế cần khắc phục.", topic)
		w("%s", pick(g.rng, purposes))
		g.tasks(b, is, 3+g.rng.IntN(2))
		who := "Các cấp ủy, tổ chức đảng"
		if is.family != document.Party {
			who = "Các cơ quan, đơn vị"
		}
		w("%s báo cáo kết quả thực hiện trước ngày %s./.", who, deadline)
	default: // HD, KH
		w("I. MỤC ĐÍCH, YÊU CẦU")
		w("%s", pick(g.rng, purposes))
		w("%s", pick(g.rng, purposes))
		w("II. NỘI DUNG, HÌNH THỨC")
		w("1. Nội dung: những điểm cốt lõi về %s và kết quả thực hiện của địa phương.", topic)
		w("2. Hình thức: %s; %s.", lowerFirst(pick(g.rng, tasks)), lowerFirst(pick(g.rng, tasks)))
		w("III. TỔ CHỨC THỰC HIỆN")
		g.tasks(b, is, 2+g.rng.IntN(3))
		w("Các đơn vị gửi báo cáo kết quả về %s trước ngày %s.", is.cited, deadline)
	}
}

// tasks writes n numbered obligations "1. Unit: does something."
func (g *Generator) tasks(b *strings.Builder, is *issuer, n int) {
	for i, s := range g.subordinatesOf(is, n) {
		fmt.Fprintf(b, "%d. %s: %s.\n", i+1, s, pick(g.rng, tasks))
	}
}

// subordinatesOf names up to n distinct units under is.
func (g *Generator) subordinatesOf(is *issuer, n int) []string {
	list := subordinates[string(is.family)]
	start := g.rng.IntN(len(list))
	out := make([]string, 0, n)
	for i := range min(n, len(list)) {
		s := list[(start+i)%len(list)]
		if strings.Contains(s, "%s") {
			prov := is.province
			if prov == "" {
				prov = "Nhân Dân"
			}
			s = fmt.Sprintf(s, prov)
		}
		out = append(out, s)
	}
	return out
}

func (g *Generator) distribution(is *issuer, code string) []string {
	var out []string
	if code == "CV" {
		out = append(out, "Như kính gửi;")
	}
	for _, s := range is.superiors {
		out = append(out, g.issuers[s].cited+" (b/c);")
		if len(out) >= 3 {
			break
		}
	}
	if code != "CV" {
		out = append(out, g.subordinatesOf(is, 2)...)
		for i := len(out) - 2; i < len(out); i++ {
			out[i] += ";"
		}
	}
	return append(out, "Lưu: VT.")
}

// capacity writes the signing block above the name: who the signer signs
// for and as what, in the family's abbreviations.
func (g *Generator) capacity(is *issuer) []string {
	tm, kt := "TM.", "KT."
	if is.family == document.Party {
		tm, kt = "T/M", "K/T"
	}
	deputy := g.rng.IntN(3) > 0
	switch {
	case is.collective != "" && deputy && is.family != document.Party && is.collective == "ỦY BAN NHÂN DÂN":
		return []string{tm + " " + is.collective, kt + " " + is.head, is.deputy}
	case is.collective != "" && deputy:
		return []string{tm + " " + is.collective, is.deputy}
	case is.collective != "":
		return []string{tm + " " + is.collective, is.head}
	case deputy:
		return []string{kt + " " + is.head, is.deputy}
	}
	return []string{is.head}
}

func (g *Generator) person() string {
	return pick(g.rng, surnames) + " " + pick(g.rng, middles) + " " + pick(g.rng, givens)
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// titleCase writes a position as a sentence names it: "PHÓ CHỦ TỊCH" → "Phó Chủ tịch".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if i == 0 || i == 1 && words[0] == "phó" {
			r, n := utf8.DecodeRuneInString(w)
			words[i] = string(unicode.ToUpper(r)) + w[n:]
		}
	}
	return strings.Join(words, " ")
}
