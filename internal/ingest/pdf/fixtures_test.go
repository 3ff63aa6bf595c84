package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The files in testdata are generated from our own text; they are
// committed so that the tests run without LibreOffice or qpdf. Regenerate:
//
//	go test ./internal/ingest/pdf -run TestFixtures -update
//
// congvan.pdf comes from `soffice --headless --convert-to pdf congvan.fodt`
// (LibreOffice 7.4: TrueType subsets with ToUnicode, a header table);
// winansi.pdf, identity.pdf and scanned.pdf are written by the builders
// below; khoa-*.pdf are winansi.pdf encrypted by qpdf (RC4 and AES-128
// with an empty user password, AES-256 with object streams, and one that
// needs a password).
var update = flag.Bool("update", false, "regenerate the PDF files in testdata")

func TestFixtures(t *testing.T) {
	if !*update {
		t.Skip("only with -update")
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join("testdata", name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("winansi.pdf", winAnsiPDF())
	write("identity.pdf", identityPDF())
	write("scanned.pdf", scannedPDF())
	run := func(name string, args ...string) {
		cmd := exec.Command(name, args...)
		cmd.Dir = "testdata"
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
	}
	run("soffice", "--headless", "--convert-to", "pdf", "congvan.fodt")
	run("qpdf", "--allow-weak-crypto", "--encrypt", "", "chu", "128", "--use-aes=n", "--", "winansi.pdf", "khoa-rc4.pdf")
	run("qpdf", "--allow-weak-crypto", "--encrypt", "", "chu", "128", "--use-aes=y", "--", "winansi.pdf", "khoa-aes128.pdf")
	run("qpdf", "--object-streams=generate", "--encrypt", "", "chu", "256", "--", "winansi.pdf", "khoa-aes256.pdf")
	run("qpdf", "--encrypt", "matkhau", "chu", "256", "--", "winansi.pdf", "khoa-matkhau.pdf")
}

// vietGlyphs are the letters of the WinAnsi fixture outside Windows-1252,
// named as fonts name them (derived names, uniXXXX, uXXXX, a ligature).
var vietGlyphs = map[rune]string{
	'ố': "ocircumflexacute", 'đ': "dcroat", 'Đ': "Dcroat", 'ử': "uhornhookabove", 'ự': "uhorndotbelow",
	'ệ': "ecircumflexdotbelow", 'ơ': "ohorn", 'ư': "uhorn", 'ạ': "adotbelow", 'ﬁ': "fi",
	'ộ': "ocircumflexdotbelow", 'Ỉ': "Ihookabove", 'ị': "idotbelow", 'ề': "ecircumflexgrave",
	'ẩ': "acircumflexhookabove", 'ợ': "uni1EE3", 'ỳ': "u1EF3", 'Ố': "Ocircumflexacute", 'ồ': "ocircumflexgrave",
	'ỗ': "ocircumflextilde", 'ở': "ohornhookabove", 'ụ': "udotbelow", 'ỉ': "ihookabove", 'ế': "ecircumflexacute",
	'ớ': "ohornacute", 'ậ': "acircumflexdotbelow", 'ă': "abreve",
}

// winAnsiPDF is written by hand like the output of older report writers:
// a WinAnsi Type1 font with Differences, strings shown whole, glyph by
// glyph, with TJ kerning for spaces, under a scaled CTM, condensed, with
// word spacing, a superscript, a standard font without widths, and a
// two-column signature block.
func winAnsiPDF() []byte {
	f := newSimpleFont(vietGlyphs)
	var c strings.Builder
	line := func(y float64, s string) {
		fmt.Fprintf(&c, "BT /F1 12 Tf 72 %.1f Td %s Tj ET\n", y, f.str(s))
	}
	line(800, "UBND TỈNH LAI CHÂU")
	line(785, "Số: 12/TB-UBND")
	// Glyph by glyph: every glyph placed with Td, spaces only as gaps.
	fmt.Fprintf(&c, "BT /F1 12 Tf 72 755 Td\n")
	for _, w := range strings.Fields("Kính gửi: Sở Nội vụ tỉnh") {
		for _, r := range w {
			fmt.Fprintf(&c, "%s Tj %.2f 0 Td\n", f.str(string(r)), f.width(string(r), 12))
		}
		fmt.Fprintf(&c, "3.5 0 Td\n")
	}
	c.WriteString("ET\n")
	// TJ: words apart only by kerning, small kerning inside words.
	fmt.Fprintf(&c, "BT /F1 12 Tf 72 735 Td [%s 15 %s -333 %s -20 %s -333 %s] TJ ET\n",
		f.str("Th"), f.str("ực"), f.str("hi"), f.str("ện"), f.str("Nghị quyết số 05 hợp lệ kỳ này"))
	// A CTM that doubles a 6-point font.
	fmt.Fprintf(&c, "q 2 0 0 2 0 0 cm BT /F1 6 Tf 36 360 Td %s Tj ET Q\n", f.str("về việc đẩy mạnh phong trào"))
	// Condensed to 70 % and justified with word spacing.
	fmt.Fprintf(&c, "BT /F1 12 Tf 70 Tz 72 700 Td %s Tj ET\n", f.str("thi đua yêu nước"))
	fmt.Fprintf(&c, "BT /F1 12 Tf 6 Tw 72 685 Td %s Tj ET\n", f.str("gửi hồ sơ (ﬁle) trước ngày 30"))
	// A superscript stays on its line.
	fmt.Fprintf(&c, "BT /F1 12 Tf 72 670 Td %s Tj 5 Ts %s Tj 0 Ts %s Tj ET\n", f.str("diện tích 20 m"), f.str("2"), f.str(" mỗi phòng"))
	// A standard font that gives no widths.
	fmt.Fprintf(&c, "BT /F2 12 Tf 72 650 Td (Standard Times text) Tj ET\n")
	// A signature block: two columns on shared baselines.
	sig := [][2]string{{"Nơi nhận:", "KT. GIÁM ĐỐC"}, {"- Như trên;", "PHÓ GIÁM ĐỐC"}, {"- Lưu: VT.", "Lê Văn Bình"}}
	for i, r := range sig {
		y := 610 - 15*float64(i)
		line(y, r[0])
		fmt.Fprintf(&c, "BT /F1 12 Tf 330 %.1f Td %s Tj ET\n", y, f.str(r[1]))
	}
	b := &builder{}
	f1 := b.add(f.dict("Helvetica"))
	f2 := b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>")
	content := b.addStream("", []byte(c.String()), true)
	root := b.pages(fmt.Sprintf("<< /Font << /F1 %d 0 R /F2 %d 0 R >> >>", f1, f2), content)
	return b.bytes(root, "/ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]")
}

// identityPDF is written like Word's "Save as PDF": a Type0 font with
// Identity-H codes and a ToUnicode CMap of ranges, each word placed on its
// own, a header of two columns without a table, fake bold, an ActualText
// span, a footer in a form XObject, a rotated stamp, an inline image, text
// off the page, and object and cross-reference streams.
func identityPDF() []byte {
	f := newCIDFont()
	for _, r := range "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" {
		f.code(string(r)) // codes in runs: the ToUnicode CMap gets ranges
	}
	var c strings.Builder
	words := func(x, y, size float64, s string, gap float64) {
		for _, w := range strings.Fields(s) {
			fmt.Fprintf(&c, "BT /F1 %g Tf 1 0 0 1 %.2f %.2f Tm [%s] TJ ET\n", size, x, y, f.hex(w))
			x += f.width(w, size) + gap*size
		}
	}
	centre := func(mid, y, size float64, s string) {
		words(mid-(f.width(s, size))/2, y, size, s, f.advance())
	}
	c.WriteString("q BI /W 4 /H 1 /BPC 8 /CS /G ID \x00EI\xffEI\x01 EI Q\n")
	centre(150, 800, 12, "ỦY BAN NHÂN DÂN")
	centre(150, 786, 12, "TỈNH LAI CHÂU")
	centre(150, 760, 13, "Số: 967/QĐ-UBND")
	centre(400, 800, 12, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	centre(400, 785, 13, "Độc lập - Tự do - Hạnh phúc")
	centre(400, 760, 13, "Lai Châu, ngày 11 tháng 7 năm 2022")
	// Fake bold: the title drawn twice, a quarter point apart.
	centre(297, 720, 14, "QUYẾT ĐỊNH")
	centre(297.25, 720, 14, "QUYẾT ĐỊNH")
	centre(297, 703, 13, "Về việc giao chỉ tiêu năm 2023")
	// Justified body: gaps between words of 0.25 to 0.7 em.
	gaps := []float64{0.25, 0.4, 0.7, 0.3}
	for i, l := range []string{
		"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
		"Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV.",
	} {
		words(85, 670-16*float64(i), 13, l, gaps[i%len(gaps)])
	}
	// ActualText replaces what the glyphs would say.
	fmt.Fprintf(&c, "/Span << /ActualText (\xfe\xff%s) >> BDC BT /F1 13 Tf 85 620 Td [%s] TJ ET EMC\n",
		utf16bytes("Điều 1."), f.hex("Dieu1"))
	words(140, 620, 13, "Giao chỉ tiêu cho các đơn vị, ﬁle kèm theo.", f.advance())
	// Off the page: never shown.
	words(-400, 600, 13, "ẨN", f.advance())
	// A rotated stamp in the margin, reading upwards.
	fmt.Fprintf(&c, "BT /F1 10 Tf 0 1 -1 0 40 300 Tm [%s] TJ ET\n", f.hex("BẢN NHÁP"))
	c.WriteString("q 1 0 0 1 0 0 cm /Fm1 Do Q\n")
	var form strings.Builder
	fmt.Fprintf(&form, "BT /F1 10 Tf 280 40 Td [%s] TJ ET\n", f.hex("Trang 1/1"))

	b := &builder{}
	tu := b.addStream("", f.toUnicode(), true)
	desc := b.add("<< /Type /FontDescriptor /FontName /TimesNewRomanPSMT /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>")
	cidf := b.add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TimesNewRomanPSMT /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 500 /W [1 [500 500] 3 %d 500] /CIDToGIDMap /Identity >>", desc, len(f.texts)))
	f1 := b.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /TimesNewRomanPSMT /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", cidf, tu))
	fm := b.addStream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >>", f1), []byte(form.String()), true)
	content := b.addStream("", []byte(c.String()), true)
	root := b.pages(fmt.Sprintf("<< /Font << /F1 %d 0 R >> /XObject << /Fm1 %d 0 R >> >>", f1, fm), content)
	return b.bytesObjStm(root)
}

func utf16bytes(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '(' || r == ')' || r == '\\' {
			b.WriteString("\x00\\" + string(r))
			continue
		}
		b.WriteByte(byte(r >> 8))
		b.WriteByte(byte(r))
	}
	return b.String()
}

// scannedPDF has one page that only draws an image.
func scannedPDF() []byte {
	b := &builder{}
	px := bytes.Repeat([]byte{0x20, 0xe0}, 32)
	img := b.addStream("/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8", px, true)
	content := b.addStream("", []byte("q 500 0 0 700 50 70 cm /Im1 Do Q\n"), true)
	root := b.pages(fmt.Sprintf("<< /XObject << /Im1 %d 0 R >> >>", img), content)
	return b.bytes(root, "")
}
