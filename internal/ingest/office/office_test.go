package office

import (
	"archive/zip"
	"bytes"
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"

	"lantoa/internal/ingest/docx"
	"lantoa/internal/problem"
)

func TestUnavailable(t *testing.T) {
	t.Setenv("PATH", t.TempDir()) // hide an installed LibreOffice
	if soffice() != "" {
		t.Skip("LibreOffice được tìm thấy ngoài PATH: không thử được trường hợp chưa cài")
	}
	tests := []struct{ name, want string }{
		{"cong-van.doc", "không đọc được tệp .doc: máy chưa cài LibreOffice; hãy mở tệp bằng Word hoặc LibreOffice và lưu lại dưới dạng .docx (hoặc cài LibreOffice: apt-get install libreoffice-writer-nogui)"},
		{"Ke-hoach.ODT", "không đọc được tệp .odt: máy chưa cài LibreOffice"},
		{"khong-duoi", "không đọc được tệp: máy chưa cài LibreOffice"},
	}
	for _, tt := range tests {
		_, err := ToDOCX(t.Context(), tt.name, []byte("x"))
		if problem.KindOf(err) != problem.Unavailable || err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: got %v (%v), want Unavailable %q", tt.name, err, problem.KindOf(err), tt.want)
		}
	}
}

func TestExtension(t *testing.T) {
	for name, want := range map[string]string{
		"a.doc": ".doc", "A.ODT": ".odt", "x": "", "a.tar.gz": ".gz", "a. b": "", "a.d$c": "", "a.docxxxx": "", "a.": "",
	} {
		if got := extension(name); got != want {
			t.Errorf("extension(%q) = %q, want %q", name, got, want)
		}
	}
}

// needSoffice skips a test that runs LibreOffice when it is absent; each
// run costs seconds, so -short skips them too.
func needSoffice(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("LibreOffice (soffice) không có: bỏ qua chuyển đổi thật")
	}
	if testing.Short() {
		t.Skip("-short: bỏ qua chuyển đổi bằng LibreOffice")
	}
}

// sample is a .docx with an official-document header table.
func sample(t *testing.T) []byte {
	t.Helper()
	p := func(s string) string { return `<w:p><w:r><w:t xml:space="preserve">` + s + `</w:t></w:r></w:p>` }
	cell := func(ps ...string) string {
		return `<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>` + strings.Join(ps, "") + `</w:tc>`
	}
	body := `<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid><w:tr>` +
		cell(p("LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU"), p("Số: 967/LĐLĐ")) +
		cell(p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), p("Lai Châu, ngày 11 tháng 7 năm 2022")) +
		`</w:tr></w:tbl>` + p("Kính gửi: Các cấp công đoàn trong tỉnh")
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			body + `</w:body></w:document>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, _ := zw.Create(p.name)
		w.Write([]byte(p.data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	needSoffice(t)
	src := sample(t)
	for _, tt := range []struct{ ext, to string }{{"odt", "odt"}, {"doc", "doc:MS Word 97"}} {
		t.Run(tt.ext, func(t *testing.T) {
			t.Parallel()
			legacy, err := convert(t.Context(), "mau.docx", src, tt.to)
			if err != nil {
				t.Fatalf("docx → %s: %v", tt.ext, err)
			}
			back, err := ToDOCX(t.Context(), "mau."+tt.ext, legacy)
			if err != nil {
				t.Fatalf("%s → docx: %v", tt.ext, err)
			}
			text, err := docx.Text(bytes.NewReader(back), int64(len(back)), docx.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			// The header lines must survive, column by column.
			want := []string{"LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU", "Số: 967/LĐLĐ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
				"Lai Châu, ngày 11 tháng 7 năm 2022", "Kính gửi: Các cấp công đoàn trong tỉnh"}
			at := 0
			for _, w := range want {
				i := strings.Index(text[at:], w)
				if i < 0 {
					t.Fatalf("%q missing or out of order in\n%s", w, text)
				}
				at += i + len(w)
			}
		})
	}
}

func TestConversionFails(t *testing.T) {
	needSoffice(t)
	junk := append([]byte("PK\x03\x04"), bytes.Repeat([]byte("rác không phải tài liệu "), 100)...)
	_, err := ToDOCX(t.Context(), "hong.odt", junk)
	if problem.KindOf(err) != problem.Invalid || err == nil || !strings.Contains(err.Error(), "không chuyển được tệp .odt sang .docx") {
		t.Errorf("got %v (%v), want Invalid", err, problem.KindOf(err))
	}
}

func TestTimeout(t *testing.T) {
	needSoffice(t)
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := ToDOCX(ctx, "mau.odt", sample(t))
	if problem.KindOf(err) != problem.Unavailable || time.Since(start) > 10*time.Second {
		t.Errorf("got %v (%v) after %v, want Unavailable soon after the deadline", err, problem.KindOf(err), time.Since(start))
	}
}
