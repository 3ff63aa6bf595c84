package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"lantoa/internal/problem"
)

var testLimits = Limits{MaxStreamBytes: 64 << 20, MaxPages: 100}

func read(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func text(data []byte, lim Limits) (string, error) {
	return Text(bytes.NewReader(data), int64(len(data)), lim)
}

// inOrder reports the first of want missing from s, or out of order.
func inOrder(s string, want []string) string {
	at := 0
	for _, w := range want {
		i := strings.Index(s[at:], w)
		if i < 0 {
			if strings.Contains(s, w) {
				return fmt.Sprintf("%q out of order", w)
			}
			return fmt.Sprintf("%q missing", w)
		}
		at += i + len(w)
	}
	return ""
}

func TestText(t *testing.T) {
	tests := []struct {
		file string
		want []string // in this order
		not  []string // never in the text
	}{
		{"congvan.pdf", []string{
			"LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM\nLIÊN ĐOÀN LAO ĐỘNG\nTỈNH LAI CHÂU\nSố: 967/LĐLĐ\nV/v tổ chức các hoạt động Tháng Công\nnhân năm 2022\n",
			"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
			"Lai Châu, ngày 11 tháng 7 năm 2022\n",
			"Kính gửi: Các công đoàn cơ sở trực thuộc.",
			"Thực hiện Kế hoạch số 45/KH-TLĐ ngày 02 tháng 3 năm 2022 của Tổng Liên\nđoàn Lao động Việt Nam",
			"hồ sơ (file) gửi về Văn phòng\n(office) trước ngày 25/7/2022",
			"thư điện tử:\ncongdoan@laichau.gov.vn.",
			"àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ\nừứửữự ỳýỷỹỵ đ Đ Ư Ơ Ă Â Ê Ô.",
			"Nơi nhận:\n- Như trên;\n- Lưu: VT, ToC.",
			"TM. BAN THƯỜNG VỤ\nCHỦ TỊCH\n\nNguyễn Văn An",
		}, nil},
		{"winansi.pdf", []string{
			"UBND TỈNH LAI CHÂU\nSố: 12/TB-UBND\n",
			"Kính gửi: Sở Nội vụ tỉnh\n",
			"Thực hiện Nghị quyết số 05 hợp lệ kỳ này\n",
			"về việc đẩy mạnh phong trào\n",
			"thi đua yêu nước\n",
			"gửi hồ sơ (file) trước ngày 30\n",
			"diện tích 20 m2 mỗi phòng\n",
			"Standard Times text\n",
			"Nơi nhận:    KT. GIÁM ĐỐC\n- Như trên;    PHÓ GIÁM ĐỐC\n- Lưu: VT.    Lê Văn Bình\n",
		}, nil},
		{"identity.pdf", []string{
			"ỦY BAN NHÂN DÂN    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
			"TỈNH LAI CHÂU    Độc lập - Tự do - Hạnh phúc\n",
			"Số: 967/QĐ-UBND    Lai Châu, ngày 11 tháng 7 năm 2022\n",
			"\nQUYẾT ĐỊNH\nVề việc giao chỉ tiêu năm 2023\n",
			"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n",
			"Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV.\n",
			"Điều 1. Giao chỉ tiêu cho các đơn vị, file kèm theo.\n",
			"Trang 1/1",
			"BẢN NHÁP",
		}, []string{"QQ", "ẨN", "Dieu"}},
		{"khoa-rc4.pdf", []string{"Số: 12/TB-UBND", "Lê Văn Bình"}, nil},
		{"khoa-aes128.pdf", []string{"Số: 12/TB-UBND", "Lê Văn Bình"}, nil},
		{"khoa-aes256.pdf", []string{"Số: 12/TB-UBND", "Lê Văn Bình"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := text(read(t, tt.file), testLimits)
			if err != nil {
				t.Fatal(err)
			}
			if msg := inOrder(got, tt.want); msg != "" {
				t.Errorf("%s in:\n%s", msg, got)
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("%q in:\n%s", n, got)
				}
			}
			if !norm.NFC.IsNormalString(got) {
				t.Error("text is not NFC")
			}
		})
	}
}

// TestColumnsNeverInterleave: a line holding text of both header columns
// must keep them apart with a clear gap.
func TestColumnsNeverInterleave(t *testing.T) {
	left := []string{"ĐOÀN", "TỈNH", "Số:", "V/v", "ỦY BAN"}
	right := []string{"CỘNG HÒA", "Độc lập", "Lai Châu,"}
	for _, file := range []string{"congvan.pdf", "identity.pdf"} {
		got, err := text(read(t, file), testLimits)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(got, "\n") {
			for _, l := range left {
				for _, r := range right {
					i, j := strings.Index(line, l), strings.Index(line, r)
					if i >= 0 && j >= 0 && (j < i || !strings.Contains(line[i:j], columnSep)) {
						t.Errorf("%s: columns mixed in %q", file, line)
					}
				}
			}
		}
	}
}

// TestAgainstPdftotext compares words with poppler's when it is installed.
func TestAgainstPdftotext(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	for _, file := range []string{"congvan.pdf", "winansi.pdf", "identity.pdf"} {
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", filepath.Join("testdata", file), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		got, err := text(read(t, file), testLimits)
		if err != nil {
			t.Fatal(err)
		}
		ours := map[string]int{}
		for _, w := range strings.Fields(got) {
			ours[w]++
		}
		theirs := strings.Fields(norm.NFC.String(string(out)))
		found := 0
		for _, w := range theirs {
			if ours[w] > 0 {
				ours[w]--
				found++
			}
		}
		if found != len(theirs) {
			t.Errorf("%s: %d of pdftotext's %d words", file, found, len(theirs))
		}
	}
}

func TestErrors(t *testing.T) {
	congvan := read(t, "congvan.pdf")
	bomb := func() []byte {
		b := &builder{}
		content := b.addStream("", bytes.Repeat([]byte("0 0 m "), 2<<20), true)
		return b.bytes(b.pages("<< >>", content), "")
	}
	manyPages := func(n int) []byte {
		b := &builder{}
		var cs []int
		for i := 0; i < n; i++ {
			cs = append(cs, b.addStream("", []byte("BT /F1 12 Tf 72 700 Td (trang) Tj ET"), false))
		}
		return b.bytes(b.pages("<< >>", cs...), "")
	}
	noUnicode := func() []byte {
		b := &builder{}
		cid := b.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>")
		f := b.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [%d 0 R] >>", cid))
		content := b.addStream("", []byte("BT /F1 12 Tf 72 700 Td <00410042> Tj ET"), false)
		return b.bytes(b.pages(fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", f), content), "")
	}
	junk := make([]byte, 4096)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range junk {
		junk[i] = byte(r.IntN(256))
	}
	tests := []struct {
		name string
		data []byte
		lim  Limits
		kind problem.Kind
		msg  string
	}{
		{"scanned", read(t, "scanned.pdf"), testLimits, problem.Unsupported, "bản quét"},
		{"password", read(t, "khoa-matkhau.pdf"), testLimits, problem.Unsupported, "mật khẩu"},
		{"fonts without Unicode", noUnicode(), testLimits, problem.Unsupported, "ToUnicode"},
		{"truncated", congvan[:len(congvan)/2], testLimits, problem.Invalid, "bị hỏng"},
		{"junk", append([]byte("%PDF-1.4\n"), junk...), testLimits, problem.Invalid, "bị hỏng"},
		{"header only", []byte("%PDF-1.7\n%%EOF\n"), testLimits, problem.Invalid, "bị hỏng"},
		{"not a pdf", []byte("Công văn số 12"), testLimits, problem.Invalid, "bị hỏng"},
		{"flate bomb", bomb(), Limits{MaxStreamBytes: 1 << 20, MaxPages: 10}, problem.TooLarge, "giải nén"},
		{"too many pages", manyPages(5), Limits{MaxStreamBytes: 1 << 20, MaxPages: 3}, problem.TooLarge, "quá nhiều trang"},
		{"page tree loop", bytes.Replace(congvan, []byte("/Kids[ 1 0 R ]"), []byte("/Kids[ 4 0 R ]"), 1), testLimits, problem.Invalid, "bị hỏng"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := text(tt.data, tt.lim)
			if err == nil {
				t.Fatalf("no error; text %q", got)
			}
			if k := problem.KindOf(err); k != tt.kind || !strings.Contains(err.Error(), tt.msg) || strings.Contains(err.Error(), "\n") {
				t.Errorf("got %v %q, want %v with %q on one line", k, err, tt.kind, tt.msg)
			}
		})
	}
}

// TestRepair: damage that viewers and pdftotext read through.
func TestRepair(t *testing.T) {
	congvan := read(t, "congvan.pdf")
	i := bytes.IndexByte(congvan, '\n') + 1
	tests := []struct {
		name string
		data []byte
	}{
		{"prefix before the header", append([]byte("From: văn thư\n\n"), congvan...)},
		{"offsets shifted", append(append(append([]byte{}, congvan[:i]...), "% a comment added by an editor\n"...), congvan[i:]...)},
		{"PDF 2.0 header", bytes.Replace(congvan, []byte("%PDF-1.6"), []byte("%PDF-2.0"), 1)},
		{"zeros after EOF", append(append([]byte{}, congvan...), make([]byte, 3000)...)},
		{"no xref", congvan[:bytes.LastIndex(congvan, []byte("xref"))]},
		{"wrong stream lengths", regexp.MustCompile(`/Length \d+/`).ReplaceAll(congvan, []byte("/Length 10/"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := text(tt.data, testLimits)
			if err != nil {
				t.Fatal(err)
			}
			if msg := inOrder(got, []string{"Số: 967/LĐLĐ", "Kính gửi", "Nguyễn Văn An"}); msg != "" {
				t.Errorf("%s in:\n%s", msg, got)
			}
		})
	}
}

// TestCorruptNeverPanics cuts and flips the fixtures everywhere.
func TestCorruptNeverPanics(t *testing.T) {
	for _, file := range []string{"winansi.pdf", "identity.pdf", "khoa-aes256.pdf"} {
		data := read(t, file)
		for i := 0; i < len(data); i += 7 {
			check(t, data[:i])
			mut := bytes.Clone(data)
			mut[i] ^= 0x55
			check(t, mut)
		}
	}
}

func check(t *testing.T, data []byte) {
	t.Helper()
	_, err := text(data, Limits{MaxStreamBytes: 1 << 20, MaxPages: 10})
	if err == nil {
		return
	}
	var pe *problem.Error
	if !errors.As(err, &pe) || pe.Kind == problem.Internal {
		t.Fatalf("error without a kind: %v", err)
	}
	if pe.Err != nil && strings.Contains(pe.Err.Error(), "panic") {
		t.Fatalf("panic on %d bytes: %v", len(data), pe.Err)
	}
}

func FuzzText(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.pdf"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := text(data, Limits{MaxStreamBytes: 4 << 20, MaxPages: 50})
		if err != nil {
			var pe *problem.Error
			if !errors.As(err, &pe) || pe.Kind == problem.Internal {
				t.Fatalf("error without a kind: %v", err)
			}
			if pe.Err != nil && strings.Contains(pe.Err.Error(), "panic") {
				t.Fatalf("panic: %v", pe.Err)
			}
			return
		}
		if !norm.NFC.IsNormalString(got) {
			t.Error("text is not NFC")
		}
	})
}

func BenchmarkText(b *testing.B) {
	for _, file := range []string{"congvan.pdf", "identity.pdf"} {
		data := read(b, file)
		b.Run(file, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := text(data, testLimits); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
