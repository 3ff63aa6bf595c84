package textenc

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"lantoa/internal/problem"
)

// sentences are the kind of lines Lan Tỏa reads: headings, bases, bodies and
// distribution lists of party, union and state documents.
var sentences = []string{
	"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\r\nĐộc lập - Tự do - Hạnh phúc",
	"Căn cứ Hướng dẫn số 71-HD/BTGTU ngày 22/6/2022 của Ban Tuyên giáo Tỉnh ủy",
	"ĐẢNG BỘ TỈNH QUẢNG NGÃI\nHUYỆN ỦY SƠN TỊNH\n*\nSố 215-CV/HU",
	"Thực hiện Kế hoạch số 45-KH/HU của Ban Thường vụ Huyện ủy về việc tổ chức học tập, quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, Ban Thường vụ Đảng ủy xã đề nghị các chi bộ trực thuộc triển khai thực hiện nghiêm túc.",
	"Nơi nhận:\n- Thường trực Huyện ủy (để b/c);\n- Các đồng chí Ủy viên Ban Chấp hành;\n- Lưu Văn phòng.",
	"Liên đoàn Lao động tỉnh đề nghị công đoàn cơ sở báo cáo kết quả trước ngày 15/12/2023; quá thời hạn trên, đơn vị nào không gửi sẽ bị trừ điểm thi đua.",
	"Đoàn Thanh niên Cộng sản Hồ Chí Minh, Hội Liên hiệp Phụ nữ, Hội Cựu chiến binh, Hội Nông dân và Mặt trận Tổ quốc Việt Nam cùng phối hợp thực hiện.",
	"Độc lập - Tự do - Hạnh phúc",
}

// letters are the 134 letters of Vietnamese beyond ASCII: the twelve vowels
// under six tones and đ, in both cases, less the six plain ASCII vowels.
func letters(t testing.TB) []rune {
	var lower []rune
	for _, row := range vowelGrid {
		for _, r := range row {
			if r >= utf8.RuneSelf {
				lower = append(lower, r)
			}
		}
	}
	lower = append(lower, 'đ')
	var all []rune
	for _, r := range lower {
		all = append(all, r, unicode.ToUpper(r))
	}
	if len(all) != 134 {
		t.Fatalf("%d letters, want 134", len(all))
	}
	return all
}

// ansi returns the Windows-1252 bytes of s: legacy text written as Notepad
// shows it, e.g. TCVN3 "ViÖt Nam" for "Việt Nam".
func ansi(t testing.TB, s string) []byte {
	var out []byte
	for _, r := range s {
		b, ok := charmap.Windows1252.EncodeRune(r)
		if !ok {
			t.Fatalf("%q not in Windows-1252", r)
		}
		out = append(out, b)
	}
	return out
}

// tcvn3Lower is what TCVN3 keeps of s: capitals with a tone have no code and
// are typed (and read back) as the lowercase letter.
func tcvn3Lower(s string) string {
	return strings.Map(func(r rune) rune {
		if v := vowelOf(r); v.upper && v.tone != toneNone {
			v.upper = false
			return v.letter()
		}
		return r
	}, s)
}

// encodeTCVN3 inverts tcvn3Letters; capitals with a tone take the lowercase code.
func encodeTCVN3(t testing.TB, s string) []byte {
	code := map[rune]byte{}
	for _, l := range tcvn3Letters {
		code[l.r] = l.b
	}
	var out []byte
	for _, r := range tcvn3Lower(s) {
		switch b, ok := code[r]; {
		case ok:
			out = append(out, b)
		case r < utf8.RuneSelf:
			out = append(out, byte(r))
		default:
			t.Fatalf("%q not in TCVN3", r)
		}
	}
	return out
}

// encodeVNI writes s the way VNI-Windows keyboards do, from the rules of
// VNI rather than from the decoder's tables: the base letter, then one byte
// for circumflex or breve and tone together; ơ, ư, đ, the toned i and ỵ are
// single bytes. Capitals use the byte 0x20 lower.
func encodeVNI(t testing.TB, s string) []byte {
	toneOnly := map[rune]byte{0: 0, 0x301: 0xF9, 0x300: 0xF8, 0x309: 0xFB, 0x303: 0xF5, 0x323: 0xEF}
	circumflex := map[rune]byte{0: 0xE2, 0x301: 0xE1, 0x300: 0xE0, 0x309: 0xE5, 0x303: 0xE3, 0x323: 0xE4}
	breve := map[rune]byte{0: 0xEA, 0x301: 0xE9, 0x300: 0xE8, 0x309: 0xFA, 0x303: 0xFC, 0x323: 0xEB}
	toneI := map[rune]byte{0x301: 0xED, 0x300: 0xEC, 0x309: 0xE6, 0x303: 0xF3, 0x323: 0xF2}
	var out []byte
	for _, r := range s {
		if r < utf8.RuneSelf {
			out = append(out, byte(r))
			continue
		}
		upper := unicode.IsUpper(r)
		caseOf := func(b byte) byte {
			if upper && b >= 0xC0 {
				return b - 0x20
			}
			return b
		}
		if unicode.ToLower(r) == 'đ' {
			out = append(out, caseOf(0xF1))
			continue
		}
		d := []rune(norm.NFD.String(string(unicode.ToLower(r))))
		base, shape, tone := d[0], rune(0), rune(0)
		for _, m := range d[1:] {
			switch m {
			case 0x302, 0x306, 0x31B:
				shape = m
			default:
				tone = m
			}
		}
		baseByte := byte(unicode.ToUpper(base))
		if !upper {
			baseByte = byte(base)
		}
		switch {
		case base == 'i' && tone != 0:
			out = append(out, caseOf(toneI[tone]))
		case base == 'y' && tone == 0x323:
			out = append(out, caseOf(0xEE))
		case shape == 0x31B: // horn: ơ ư are single bytes
			out = append(out, caseOf(map[rune]byte{'o': 0xF4, 'u': 0xF6}[base]))
			if tone != 0 {
				out = append(out, caseOf(toneOnly[tone]))
			}
		case shape == 0x302:
			out = append(out, baseByte, caseOf(circumflex[tone]))
		case shape == 0x306:
			out = append(out, baseByte, caseOf(breve[tone]))
		case tone != 0 && strings.ContainsRune("aeouy", base):
			out = append(out, baseByte, caseOf(toneOnly[tone]))
		default:
			t.Fatalf("%q not in VNI", r)
		}
	}
	return out
}

// encodeWindows1258 writes each letter precomposed when Windows-1258 has it,
// else as the letter without its tone followed by the combining tone mark.
func encodeWindows1258(t testing.TB, s string) []byte {
	var out []byte
	for _, r := range s {
		if b, ok := charmap.Windows1258.EncodeRune(r); ok {
			out = append(out, b)
			continue
		}
		var base, marks []rune
		for _, d := range norm.NFD.String(string(r)) {
			switch d {
			case 0x300, 0x301, 0x303, 0x309, 0x323:
				marks = append(marks, d)
			default:
				base = append(base, d)
			}
		}
		for _, x := range append([]rune(norm.NFC.String(string(base))), marks...) {
			b, ok := charmap.Windows1258.EncodeRune(x)
			if !ok {
				t.Fatalf("%q not in Windows-1258", r)
			}
			out = append(out, b)
		}
	}
	return out
}

func encodeUTF16(s string, bigEndian bool) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestLettersRoundTrip(t *testing.T) {
	for _, r := range letters(t) {
		s := string(r)
		if got := decodeVNI(encodeVNI(t, s)); got != s {
			t.Errorf("vni: %q decodes to %q", s, got)
		}
		if got := decodeWindows1258(encodeWindows1258(t, s)); got != s {
			t.Errorf("windows-1258: %q decodes to %q", s, got)
		}
		if got, want := decodeTCVN3(encodeTCVN3(t, s)), tcvn3Lower(s); got != want {
			t.Errorf("tcvn3: %q decodes to %q, want %q", s, got, want)
		}
	}
}

// TestLegacyAsSeen checks the tables against text as it shows in a Western
// Notepad, written from knowledge of the encodings rather than the tables.
func TestLegacyAsSeen(t *testing.T) {
	tests := []struct {
		enc, seen, want string
	}{
		{TCVN3, "Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"},
		{TCVN3, "§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"},
		{TCVN3, "Ban Th\u00adêng vô HuyÖn ñy", "Ban Thường vụ Huyện ủy"},
		{TCVN3, "N¨m 2023, c«ng t¸c x©y dùng §¶ng ®\u00adîc quan t©m", "Năm 2023, công tác xây dựng Đảng được quan tâm"},
		{TCVN3, "Ch\u00ad¬ng tr×nh kû niÖm ngµy thµnh lËp §oµn", "Chương trình kỷ niệm ngày thành lập Đoàn"},
		{TCVN3, "“Häc tËp vµ lµm theo” – ®ît 2", "“Học tập và làm theo” – đợt 2"},
		{VNI, "Vieät Nam", "Việt Nam"},
		{VNI, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"},
		{VNI, "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{VNI, "Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"},
		{VNI, "Ban Thöôøng vuï Huyeän uûy, Tænh uûy", "Ban Thường vụ Huyện ủy, Tỉnh ủy"},
		{VNI, "Naêm 2023, coâng taùc xaây döïng Ñaûng ñöôïc quan taâm", "Năm 2023, công tác xây dựng Đảng được quan tâm"},
		{VNI, "Quyõ hoã trôï, kyõ thuaät, ngaøy kyù, Ngheä An", "Quỹ hỗ trợ, kỹ thuật, ngày ký, Nghệ An"},
	}
	for _, tt := range tests {
		b := ansi(t, tt.seen)
		var got string
		if tt.enc == TCVN3 {
			got = decodeTCVN3(b)
		} else {
			got = decodeVNI(b)
		}
		if got != tt.want {
			t.Errorf("%s %q: got %q, want %q", tt.enc, tt.seen, got, tt.want)
		}
		if text, enc, err := Decode(b); err != nil || enc != tt.enc || text != tt.want {
			t.Errorf("Decode(%s %q) = %q, %q, %v", tt.enc, tt.seen, text, enc, err)
		}
	}
	// Windows-1258 puts most tones after the letter as combining marks.
	if got := decodeWindows1258([]byte("Vi\xEA\xF2t Nam, Ha\xCC N\xF4\xF2i")); got != "Việt Nam, Hà Nội" {
		t.Errorf("windows-1258: got %q", got)
	}
}

func TestDecodeEncodings(t *testing.T) {
	encoders := []struct {
		name   string
		encode func(string) []byte
		want   func(string) string
	}{
		{UTF8, func(s string) []byte { return []byte(s) }, nil},
		{UTF8, func(s string) []byte { return []byte(norm.NFD.String(s)) }, nil},
		{UTF8BOM, func(s string) []byte { return append([]byte("\xEF\xBB\xBF"), s...) }, nil},
		{UTF16LE, func(s string) []byte { return append([]byte{0xFF, 0xFE}, encodeUTF16(s, false)...) }, nil},
		{UTF16BE, func(s string) []byte { return append([]byte{0xFE, 0xFF}, encodeUTF16(s, true)...) }, nil},
		{UTF16LE, func(s string) []byte { return encodeUTF16(s, false) }, nil},
		{UTF16BE, func(s string) []byte { return encodeUTF16(s, true) }, nil},
		{Windows1258, func(s string) []byte { return encodeWindows1258(t, s) }, nil},
		{TCVN3, func(s string) []byte { return encodeTCVN3(t, s) }, tcvn3Lower},
		{VNI, func(s string) []byte { return encodeVNI(t, s) }, nil},
	}
	for _, e := range encoders {
		for _, s := range sentences {
			want := s
			if e.want != nil {
				want = e.want(s)
			}
			text, enc, err := Decode(e.encode(s))
			if err != nil || enc != e.name || text != want {
				t.Errorf("%s %q:\n got %q, %q, %v\nwant %q, %q", e.name, s, text, enc, err, want, e.name)
			}
		}
	}
}

// TestDetectLegacy reads the same text, written in each legacy encoding,
// with all three decoders: only the right one may look Vietnamese.
func TestDetectLegacy(t *testing.T) {
	s := strings.Join(sentences, "\n")
	inputs := map[string][]byte{
		TCVN3:       encodeTCVN3(t, s),
		VNI:         encodeVNI(t, s),
		Windows1258: encodeWindows1258(t, s),
	}
	for name, b := range inputs {
		for _, l := range legacies {
			tl := score(l.decode(b))
			if (l.name == name) != tl.acceptable() {
				t.Errorf("%s read as %s: %+v, acceptable = %v", name, l.name, tl, tl.acceptable())
			}
		}
	}
}

// TestDecodeLongLegacy covers files longer than the sample the encoding is
// chosen on, including one whose first 64 KiB are ASCII.
func TestDecodeLongLegacy(t *testing.T) {
	body := strings.Repeat(strings.Join(sentences, "\r\n")+"\r\n", 100)
	late := strings.Repeat("Phu luc 2023 - bang so lieu\r\n", 3000) + sentences[3]
	for _, s := range []string{body, late} {
		if len(s) <= sampleSize {
			t.Fatalf("input of %d bytes is within one sample", len(s))
		}
		text, enc, err := Decode(encodeVNI(t, s))
		if err != nil || enc != VNI || text != s {
			t.Errorf("%d bytes of VNI: got %s, %v, same text = %v", len(s), enc, err, text == s)
		}
	}
}

func TestDecodeASCIIAndDamagedUTF8(t *testing.T) {
	long := strings.Repeat(sentences[3]+"\n", 3)
	tests := []struct {
		name     string
		in       string
		want     string
		encoding string
	}{
		{"ascii", "Ke hoach so 12-KH/DU\r\n", "Ke hoach so 12-KH/DU\r\n", UTF8},
		{"stray byte", strings.Replace(long, " học", "\xFF học", 1), strings.Replace(long, " học", "\uFFFD học", 1), UTF8},
		{"broken letter", strings.Replace(long, "ức", "\xE1\xFF\xBB\xA9c", 1), strings.Replace(long, "ức", "\uFFFDc", 1), UTF8},
		{"truncated", "Hạnh phúc, Việt"[:len("Hạnh phúc, Việt")-2], "Hạnh phúc, Vi\uFFFD", UTF8},
		{"nul padding", "Tỉnh ủy\n\x00\x00\x00\x00", "Tỉnh ủy\n", UTF8},
		{"dos end of file", "Tỉnh ủy\r\n\x1a", "Tỉnh ủy\r\n", UTF8},
		{"stray control", long + "\x07", long + "\uFFFD", UTF8},
		{"bom stripped", "\xEF\xBB\xBFSố 1", "Số 1", UTF8BOM},
		{"odd utf-16", "\xFF\xFE" + string(encodeUTF16(long, false)) + "c", long + "\uFFFD", UTF16LE},
	}
	for _, tt := range tests {
		text, enc, err := Decode([]byte(tt.in))
		if err != nil || text != tt.want || enc != tt.encoding {
			t.Errorf("%s: got %q, %q, %v; want %q, %q", tt.name, text, enc, err, tt.want, tt.encoding)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	// High bytes in word-sized groups: text in some encoding, but no
	// Vietnamese one.
	var foreign []byte
	for range 300 {
		for range 2 + rng.IntN(5) {
			foreign = append(foreign, byte(0x80+rng.IntN(0x80)))
		}
		foreign = append(foreign, ' ')
	}
	tests := []struct {
		name string
		in   []byte
		msg  string
	}{
		{"nil", nil, "tệp rỗng"},
		{"blank", []byte(" \r\n\t "), "tệp rỗng"},
		{"bom only", []byte("\xEF\xBB\xBF"), "tệp rỗng"},
		{"utf-16 bom only", []byte("\xFF\xFE"), "tệp rỗng"},
		{"ctrl-z", []byte("\x1a"), "tệp rỗng"},
		{"nul", []byte{0, 0, 0, 0}, "nhị phân"},
		{"random", random, "nhị phân"},
		{"controls", []byte("\x01\x02\x03abc\x04\x05"), "nhị phân"},
		{"elf", append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00"), bytes.Repeat([]byte("Việt Nam "), 20)...), "nhị phân"},
		{"latin-1", ansi(t, "Grüße aus Köln: die Straße, der Bäcker, Übermorgen."), "không nhận ra bảng mã"},
		{"high bytes", foreign, "không nhận ra bảng mã"},
		{"damaged short utf-8", []byte("Vi\xFFệt Nam"), "không nhận ra bảng mã"},
		{"utf-8 bom junk", []byte("\xEF\xBB\xBF\xFF\xFE\xFD"), "nhị phân"},
		{"utf-16 junk", []byte("\xFF\xFE\x00\xD8\x00\xD8\x01\x00"), "nhị phân"},
	}
	for _, tt := range tests {
		text, enc, err := Decode(tt.in)
		if err == nil {
			t.Errorf("%s: no error, got %q as %s", tt.name, text, enc)
			continue
		}
		msg := err.Error()
		if problem.KindOf(err) != problem.Invalid || !strings.Contains(msg, tt.msg) || strings.Contains(msg, "\n") {
			t.Errorf("%s: got %q (%v), want Invalid with %q on one line", tt.name, msg, problem.KindOf(err), tt.msg)
		}
	}
}

func TestSyllable(t *testing.T) {
	tests := []struct {
		w    string
		want verdict
	}{
		{"người", isSyllable}, {"được", isSyllable}, {"NGHĨA", isSyllable}, {"Quyết", isSyllable},
		{"quốc", isSyllable}, {"gì", isSyllable}, {"giữa", isSyllable}, {"khuya", isSyllable},
		{"hoạch", isSyllable}, {"thuở", isSyllable}, {"uỷ", isSyllable}, {"ủy", isSyllable},
		{"nghiêng", isSyllable}, {"xoong", isSyllable}, {"CộNG", isSyllable}, {"quỳnh", isSyllable},
		{"HĐND", consonantsOnly}, {"Đ", consonantsOnly},
		{"các", isSyllable}, {"cac", notSyllable}, {"càc", notSyllable}, {"cãch", notSyllable},
		{"Vieät", notSyllable}, {"ViÖt", notSyllable}, {"cđa", notSyllable}, {"hóà", notSyllable},
		{"café", notSyllable}, {"nghiêngg", notSyllable}, {"Hµ", notSyllable}, {"µ", notSyllable},
	}
	for _, tt := range tests {
		if got := syllable(tt.w); got != tt.want {
			t.Errorf("syllable(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func TestStableRune(t *testing.T) {
	n := 0
	for r := rune(0x80); r <= 0xFFFF; r++ {
		if !stableRune(r) {
			continue
		}
		n++
		s := string(r)
		if !norm.NFC.IsNormalString(s) || !norm.NFC.PropertiesString(s).BoundaryBefore() {
			t.Errorf("%U is not a stable NFC character", r)
		}
	}
	if n < 500 {
		t.Errorf("only %d stable characters", n)
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range sentences[:3] {
		f.Add([]byte(s))
		f.Add(encodeTCVN3(f, s))
		f.Add(encodeVNI(f, s))
		f.Add(encodeWindows1258(f, s))
		f.Add(encodeUTF16(s, false))
		f.Add(append([]byte{0xFE, 0xFF}, encodeUTF16(s, true)...))
	}
	for _, s := range []string{"", "\xEF\xBB\xBF", "\xFF\xFE\x00", "\x00\x00", "a\xFFb", "Vi\xE1\xBB", "\x1a", "e\xCC\xCC\xCC", "aù\xF4\xF9"} {
		f.Add([]byte(s))
	}
	names := map[string]bool{UTF8: true, UTF8BOM: true, UTF16LE: true, UTF16BE: true, Windows1258: true, TCVN3: true, VNI: true}
	f.Fuzz(func(t *testing.T, b []byte) {
		// The shortcuts agree with norm.
		if got, want := norm.NFC.String(decodeWindows1258(b)), norm.NFC.String(decodeTable(b, cp1258Table)); got != want {
			t.Fatalf("decodeWindows1258 = %q, NFC of the table = %q", got, want)
		}
		if s := string(b); utf8.ValidString(s) && stableNFC(s) && !norm.NFC.IsNormalString(s) {
			t.Fatalf("stableNFC(%q) but not NFC", s)
		}
		text, enc, err := Decode(b)
		if err != nil {
			if problem.KindOf(err) != problem.Invalid || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %q (%v): want one line of kind Invalid", err, problem.KindOf(err))
			}
			return
		}
		if !names[enc] {
			t.Fatalf("unknown encoding %q", enc)
		}
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8: %q", text)
		}
		if !norm.NFC.IsNormalString(text) {
			t.Fatalf("not NFC: %q", text)
		}
		if junkControls(text) > 0 {
			t.Fatalf("control characters left in %q", text)
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	s := strings.Repeat(strings.Join(sentences, "\r\n")+"\r\n", 1000) // about 1 MB
	inputs := []struct {
		name string
		in   []byte
	}{
		{UTF8, []byte(s)},
		{TCVN3, encodeTCVN3(b, s)},
		{VNI, encodeVNI(b, s)},
		{Windows1258, encodeWindows1258(b, s)},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.in)))
			for b.Loop() {
				if _, enc, err := Decode(in.in); err != nil || enc != in.name {
					b.Fatal(enc, err)
				}
			}
		})
	}
}
