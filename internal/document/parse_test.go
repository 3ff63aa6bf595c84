package document

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// A party guidance as a converter leaves it: the header table read column
// by column, then the body. The wording is ours; the facts follow the
// Lai Châu chain.
const partyGuidance = `TỈNH ỦY LAI CHÂU
BAN TUYÊN GIÁO
*
Số 71-HD/BTGTU
ĐẢNG CỘNG SẢN VIỆT NAM
Lai Châu, ngày 22 tháng 6 năm 2022

HƯỚNG DẪN
tuyên truyền Chỉ thị số 12-CT/TW, ngày 05/01/2022
của Ban Bí thư về đối ngoại nhân dân
-----
Thực hiện Chỉ thị số 12-CT/TW, ngày 05/01/2022 của Ban Bí thư; Kế hoạch số 45-KH/TU, ngày 10-3-2022 của Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy hướng dẫn như sau:
I. MỤC ĐÍCH, YÊU CẦU
Giúp cán bộ, đảng viên nắm vững nội dung Chỉ thị.
II. HÌNH THỨC TUYÊN TRUYỀN
1. Hình thức
- Tuyên truyền miệng qua đội ngũ báo cáo viên; sinh hoạt chi bộ.
- Cổ động trực quan bằng khẩu hiệu, pa nô; phát thanh trên loa truyền thanh cơ sở.
- Đăng tải trên mạng xã hội, trang Zalo của cơ quan.
III. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo các huyện ủy, thành ủy: Hướng dẫn tuyên truyền tại địa phương.
2. Các cơ quan báo chí
- Báo Lai Châu: Mở chuyên mục về đối ngoại nhân dân.
- Đài Phát thanh và Truyền hình tỉnh: Xây dựng phóng sự.
3. Ủy ban Mặt trận Tổ quốc tỉnh chủ trì, phối hợp với các đoàn thể tuyên truyền trong hội viên.
Các đơn vị báo cáo kết quả về Ban Tuyên giáo Tỉnh ủy trước ngày 15/12/2022.

Nơi nhận:
- Ban Tuyên giáo Trung ương (b/c),
- Thường trực Tỉnh ủy (b/c),
- Các huyện ủy, thành ủy,
- Lưu Văn phòng.
T/M BAN TUYÊN GIÁO
PHÓ TRƯỞNG BAN
(Đã ký)
Nguyễn Văn Minh
`

func TestParsePartyGuidance(t *testing.T) {
	m := Parse(partyGuidance)
	want := map[string]string{
		"family": "party", "doc_type": "Hướng dẫn", "number": "71", "symbol": "HD/BTGTU", "number_symbol": "71-HD/BTGTU",
		"issuer": "BAN TUYÊN GIÁO", "parent_issuer": "TỈNH ỦY LAI CHÂU", "place": "Lai Châu", "date": "2022-06-22",
		"subject":     "tuyên truyền Chỉ thị số 12-CT/TW, ngày 05/01/2022 của Ban Bí thư về đối ngoại nhân dân",
		"signer_name": "Nguyễn Văn Minh",
	}
	got := map[string]string{
		"family": string(m.Family), "doc_type": m.DocType, "number": m.Number, "symbol": m.Symbol, "number_symbol": m.NumberSymbol,
		"issuer": m.Issuer, "parent_issuer": m.ParentIssuer, "place": m.Place, "date": m.Date, "subject": m.Subject,
		"signer_name": m.SignerName,
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %q, want %q", k, got[k], w)
		}
	}
	if want := []string{"T/M BAN TUYÊN GIÁO", "PHÓ TRƯỞNG BAN"}; !reflect.DeepEqual(m.SignerCapacity, want) {
		t.Errorf("signer_capacity = %q, want %q", m.SignerCapacity, want)
	}
	wantCites := []Citation{
		{NumberSymbol: "12-CT/TW", DocType: "Chỉ thị", Date: "2022-01-05", Issuer: "Ban Bí thư", Relation: Implements},
		{NumberSymbol: "45-KH/TU", DocType: "Kế hoạch", Date: "2022-03-10", Issuer: "Tỉnh ủy", Relation: Implements},
	}
	if !reflect.DeepEqual(m.Citations, wantCites) {
		t.Errorf("citations:\n got %+v\nwant %+v", m.Citations, wantCites)
	}
	var who []string
	for _, a := range m.Assignments {
		who = append(who, a.Assignee)
	}
	wantWho := []string{"Ban Tuyên giáo các huyện ủy, thành ủy", "Báo Lai Châu", "Đài Phát thanh và Truyền hình tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"}
	if !reflect.DeepEqual(who, wantWho) {
		t.Errorf("assignees = %q, want %q", who, wantWho)
	}
	if len(m.Assignments) == 4 && m.Assignments[3].Role != "chủ trì" {
		t.Errorf("role of the Front = %q, want chủ trì", m.Assignments[3].Role)
	}
	if m.ReportDeadline == nil || m.ReportDeadline.Date != "2022-12-15" {
		t.Errorf("report_deadline = %+v, want 2022-12-15", m.ReportDeadline)
	}
	for _, f := range []string{"TTM", "SHCB", "TQ", "PT", "MXH"} {
		if !contains(m.Forms, f) {
			t.Errorf("forms %v lack %s", m.Forms, f)
		}
	}
	if want := []string{"Ban Tuyên giáo Trung ương (b/c)", "Thường trực Tỉnh ủy (b/c)", "Các huyện ủy, thành ủy", "Lưu Văn phòng"}; !reflect.DeepEqual(m.Distribution, want) {
		t.Errorf("distribution = %q, want %q", m.Distribution, want)
	}
}

// A state công văn whose header columns were interleaved row by row.
const stateLetter = `ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LAI CHÂU Độc lập - Tự do - Hạnh phúc
KHẨN
Số: 1520/UBND-VX Lai Châu, ngày 5 tháng 8 năm 2022
V/v khẩn trương tổ chức tuyên truyền
về đối ngoại nhân dân

Kính gửi:
- Sở Văn hóa, Thể thao và Du lịch;
- Sở Thông tin và Truyền thông;
- Ủy ban nhân dân các huyện, thành phố.

Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ; Quyết định này thay thế Quyết định số 15/QĐ-UBND ngày 01/02/2021 của UBND tỉnh.
Đề nghị các đơn vị tổng hợp kết quả vào báo cáo năm 2022.
Bãi bỏ Công văn số 99/UBND-VX ngày 10/01/2022.

Nơi nhận:
- Như trên;
- Lưu: VT, VX.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Trần Thị Hoa
`

func TestParseStateLetter(t *testing.T) {
	m := Parse(stateLetter)
	check := func(field, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", field, got, want)
		}
	}
	check("family", string(m.Family), "state")
	check("doc_type", m.DocType, "Công văn")
	check("number_symbol", m.NumberSymbol, "1520/UBND-VX")
	check("issuer", m.Issuer, "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU")
	check("parent_issuer", m.ParentIssuer, "")
	check("place", m.Place, "Lai Châu")
	check("date", m.Date, "2022-08-05")
	check("subject", m.Subject, "khẩn trương tổ chức tuyên truyền về đối ngoại nhân dân")
	check("urgency", m.Urgency, "Khẩn")
	check("signer_name", m.SignerName, "Trần Thị Hoa")
	if want := []string{"Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông", "Ủy ban nhân dân các huyện, thành phố"}; !reflect.DeepEqual(m.Recipients, want) {
		t.Errorf("recipients = %q, want %q", m.Recipients, want)
	}
	if len(m.Assignments) != 3 || m.Assignments[0].Assignee != "Sở Văn hóa, Thể thao và Du lịch" || !strings.HasPrefix(m.Assignments[0].Task, "Căn cứ Nghị định") {
		t.Errorf("a letter gives each recipient the whole letter; got %+v", m.Assignments)
	}
	rel := map[string]Relation{}
	for _, c := range m.Citations {
		rel[c.NumberSymbol] = c.Relation
	}
	if want := map[string]Relation{"30/2020/NĐ-CP": BasedOn, "15/QĐ-UBND": Replaces, "99/UBND-VX": Repeals}; !reflect.DeepEqual(rel, want) {
		t.Errorf("relations = %v, want %v", rel, want)
	}
	if m.ReportDeadline == nil || m.ReportDeadline.Date != "" || m.ReportDeadline.Text != "vào báo cáo năm 2022" {
		t.Errorf("report_deadline = %+v, want the words of the annual report", m.ReportDeadline)
	}
}

func TestParseFlattenedYouthDecision(t *testing.T) {
	// A page that lost every line break: cells glued together.
	text := "BAN CHẤP HÀNH TRUNG ƯƠNG***Số: 12 - QĐ/TWĐTN-VPĐOÀN TNCS HỒ CHÍ MINH Hà Nội, ngày 03 tháng 02 năm 2014 QUYẾT ĐỊNHVề việc ban hành quy chế làm việc--------- BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN - Căn cứ Quyết định số 84 QĐ/TWĐTN ngày 22/02/2013 của Ban Chấp hành Trung ương Đoàn; QUYẾT ĐỊNH Điều 1. Ban hành quy chế. Nơi nhận: - Như điều 3; - Lưu VP. TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀNBÍ THƯ THƯỜNG TRỰC (đã ký) Lê Quốc Phong"
	m := Parse(text)
	if m.NumberSymbol != "12-QĐ/TWĐTN-VP" || m.Family != Youth || m.DocType != "Quyết định" || m.Date != "2014-02-03" {
		t.Errorf("header = %q %q %q %q", m.NumberSymbol, m.Family, m.DocType, m.Date)
	}
	if m.Subject != "Về việc ban hành quy chế làm việc" {
		t.Errorf("subject = %q", m.Subject)
	}
	if want := []string{"TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN", "BÍ THƯ THƯỜNG TRỰC"}; !reflect.DeepEqual(m.SignerCapacity, want) || m.SignerName != "Lê Quốc Phong" {
		t.Errorf("signature = %q %q", m.SignerCapacity, m.SignerName)
	}
	if len(m.Citations) != 1 || m.Citations[0].NumberSymbol != "84 QĐ/TWĐTN" || m.Citations[0].Relation != BasedOn {
		t.Errorf("citations = %+v", m.Citations)
	}
	if want := []string{"Như điều 3", "Lưu VP"}; !reflect.DeepEqual(m.Distribution, want) {
		t.Errorf("distribution = %q", m.Distribution)
	}
}

func TestParseNeverInvents(t *testing.T) {
	m := Parse("Các đồng chí chú ý giữ gìn vệ sinh chung trong cơ quan.\n")
	if m.NumberSymbol != "" || m.Date != "" || m.DocType != "" || m.Issuer != "" || len(m.Citations) != 0 || m.SignerName != "" || m.Place != "" {
		t.Errorf("invented values from a plain sentence: %+v", m)
	}
	if len(m.Warnings) == 0 || !strings.Contains(m.Warnings[0], "số, ký hiệu") {
		t.Errorf("warnings = %q, want one about the missing number", m.Warnings)
	}
	b, _ := json.Marshal(m)
	for _, field := range []string{`"number_symbol":null`, `"recipients":[]`, `"report_deadline":null`, `"citations":[]`} {
		if !strings.Contains(string(b), field) {
			t.Errorf("JSON lacks %s: %s", field, b)
		}
	}
}

func TestParseRepairs(t *testing.T) {
	base := Parse(partyGuidance)
	variants := map[string]string{
		"decomposed Unicode": norm.NFD.String(partyGuidance),
		"bookmarks and markup": strings.Replace(strings.Replace(partyGuidance, "HƯỚNG DẪN", "[bookmark: _Hlk1]**HƯỚNG DẪN**", 1),
			"Số 71-HD/BTGTU", "|\nSố 71-HD/BTGTU\n|", 1),
		"page number inside a sentence": strings.Replace(partyGuidance, "Giúp cán bộ, đảng viên", "Giúp cán bộ,\n2\nđảng viên", 1),
		"spaces inside the notation":    strings.Replace(partyGuidance, "Số 71-HD/BTGTU", "Số 71 - HD/BTGTU", 1),
		"CRLF line ends":                strings.ReplaceAll(partyGuidance, "\n", "\r\n"),
	}
	for name, text := range variants {
		m := Parse(text)
		if m.NumberSymbol != base.NumberSymbol || m.Date != base.Date || m.Issuer != base.Issuer || m.DocType != base.DocType ||
			len(m.Citations) != len(base.Citations) || m.SignerName != base.SignerName {
			t.Errorf("%s: got %q %q %q %q %d %q", name, m.NumberSymbol, m.Date, m.Issuer, m.DocType, len(m.Citations), m.SignerName)
		}
	}
	if m := Parse(variants["page number inside a sentence"]); len(m.Warnings) != len(base.Warnings) {
		t.Errorf("page number changed the warnings: %q", m.Warnings)
	}
}

func TestNotation(t *testing.T) {
	tests := []struct{ in, want string }{
		{"71-HD/BTGTU", "71-HD/BTGTU"},
		{"967/LĐLĐ", "967/LĐLĐ"},
		{"30/2020/NĐ-CP ngày", "30/2020/NĐ-CP"},
		{"367 - QĐ/TWĐTN-VP", "367-QĐ/TWĐTN-VP"},
		{"34 /KH-LĐLĐ", "34/KH-LĐLĐ"},
		{"8264 UBND-KGVX", "8264 UBND-KGVX"},
		{"12-CT/TWngày", "12-CT/TW"},
		{"445-KL/TƯ", "445-KL/TƯ"},
		{"674-CV/ThU,", "674-CV/ThU"},
	}
	for _, tt := range tests {
		n, _, ok := parseNotation(tt.in)
		if !ok || n.String() != tt.want {
			t.Errorf("parseNotation(%q) = %q, %v; want %q", tt.in, n.String(), ok, tt.want)
		}
	}
	for _, not := range []string{"22/6/2022", "15.000 hợp tác xã", "2 năm", "5 CÁC"} {
		if n, _, ok := parseNotation(not); ok {
			t.Errorf("parseNotation(%q) = %q, want none", not, n)
		}
	}
	if notationKey("12- CT/TW") != notationKey("12-CT/TW") {
		t.Error("spacing changes the notation key")
	}
}

func TestToneSpellingsMatch(t *testing.T) {
	a := Parse(strings.ReplaceAll(partyGuidance, "TỈNH ỦY", "TỈNH UỶ"))
	if a.ParentIssuer != "TỈNH UỶ LAI CHÂU" || a.Family != Party {
		t.Errorf("modern tone placement broke the header: %q %q", a.ParentIssuer, a.Family)
	}
	b := Parse(strings.Replace(stateLetter, "CỘNG HÒA", "CỘNG HOÀ", 1))
	if b.Issuer != "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU" {
		t.Errorf("CỘNG HOÀ was not taken for the motto: issuer %q", b.Issuer)
	}
}

func TestUrgencyIsAStampNotAWord(t *testing.T) {
	m := Parse(strings.Replace(stateLetter, "KHẨN\n", "", 1))
	if m.Urgency != "" {
		t.Errorf("urgency = %q from the words of the subject", m.Urgency)
	}
	m = Parse(strings.Replace(stateLetter, "KHẨN\n", "MẬT\n", 1))
	if m.Confidentiality != "Mật" {
		t.Errorf("confidentiality = %q, want Mật", m.Confidentiality)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{partyGuidance, stateLetter, "Số:", "ngày 1 tháng 1 năm 2020", "Kính gửi:", "Nơi nhận:\n-", "TM.", "III. TỔ CHỨC THỰC HIỆN\n1.", "\x00\xff", "V/v", "Số 1-A/B", "*** ---"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m := Parse(s)
		if _, err := json.Marshal(m); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	text := strings.Repeat(partyGuidance, 1)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Parse(text)
	}
}

// BenchmarkParseCorpus reads the real documents of ../shared when present.
func BenchmarkParseCorpus(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "*", "*.txt"))
	if len(files) == 0 {
		b.Skip("../shared không có")
	}
	var texts []string
	size := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		size += len(t)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, t := range texts {
			Parse(t)
		}
	}
}

func TestParseListsWithoutDashes(t *testing.T) {
	text := strings.Replace(stateLetter, "Nơi nhận:\n- Như trên;\n- Lưu: VT, VX.", "Nơi nhận:\nNhư trên;\nLưu: VT, VX.", 1)
	m := Parse(text)
	if want := []string{"Như trên", "Lưu: VT, VX"}; !reflect.DeepEqual(m.Distribution, want) {
		t.Errorf("distribution = %q, want %q", m.Distribution, want)
	}
	if m.SignerName != "Trần Thị Hoa" {
		t.Errorf("signer = %q", m.SignerName)
	}
	party := strings.Replace(stateLetter, "V/v khẩn trương", "về việc khẩn trương", 1)
	if m := Parse(party); m.Subject != "khẩn trương tổ chức tuyên truyền về đối ngoại nhân dân" || m.DocType != "Công văn" {
		t.Errorf("'về việc' subject = %q (%q)", m.Subject, m.DocType)
	}
}

func TestCapacityOfTwoAuthorities(t *testing.T) {
	text := strings.Replace(stateLetter, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", 1)
	m := Parse(text)
	if want := []string{"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}; !reflect.DeepEqual(m.SignerCapacity, want) || m.SignerName != "Trần Thị Hoa" {
		t.Errorf("signature = %q %q, want %q", m.SignerCapacity, m.SignerName, want)
	}
}

// A plan or guidance titled "thực hiện …" keeps that line as its subject,
// while the body's "Thực hiện …, … như sau:" stays the body.
func TestSubjectThatOpensWithThucHien(t *testing.T) {
	for _, subject := range []string{"thực hiện Chỉ thị số 12-CT/TW ngày 05/01/2022 của Ban Bí thư", "Thực hiện Nghị quyết số 05-NQ/TU của Tỉnh ủy"} {
		text := "TỈNH ỦY LAI CHÂU\nBAN TUYÊN GIÁO\n*\nSố 72-HD/BTGTU\t\tLai Châu, ngày 22 tháng 6 năm 2022\n\nHƯỚNG DẪN\n" + subject +
			"\nvề công tác đối ngoại nhân dân\n\nThực hiện Chỉ thị số 12-CT/TW, Ban Tuyên giáo Tỉnh ủy hướng dẫn như sau:\n1. Mục đích\n"
		m := Parse(text)
		if want := subject + " về công tác đối ngoại nhân dân"; m.Subject != want {
			t.Errorf("subject = %q\nwant %q", m.Subject, want)
		}
	}
	body := "TỈNH ỦY LAI CHÂU\nBAN TUYÊN GIÁO\n*\nSố 72-HD/BTGTU\t\tLai Châu, ngày 22 tháng 6 năm 2022\n\nHƯỚNG DẪN\nThực hiện Chỉ thị số 12-CT/TW, Ban Tuyên giáo Tỉnh ủy hướng dẫn như sau:\n1. Mục đích\n"
	if m := Parse(body); m.Subject != "" {
		t.Errorf("a body lead under the title was read as the subject %q", m.Subject)
	}
}
