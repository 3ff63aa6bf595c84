package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"lantoa/internal/problem"
)

// part is one entry of a package built by a test.
type part struct{ name, data string }

const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	packageRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	docOpen = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" mc:Ignorable="wps"><w:body>`
	docClose = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
)

// build zips parts, in order, into a package.
func build(t testing.TB, parts ...part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// docxOf is a minimal .docx whose body is body.
func docxOf(t testing.TB, body string, extra ...part) []byte {
	t.Helper()
	parts := []part{{"[Content_Types].xml", contentTypes}, {"_rels/.rels", packageRels}, {"word/document.xml", docOpen + body + docClose}}
	return build(t, append(parts, extra...)...)
}

func text(data []byte, lim Limits) (string, error) {
	return Text(bytes.NewReader(data), int64(len(data)), lim)
}

// p is a paragraph of one run per argument.
func p(runs ...string) string {
	var b strings.Builder
	b.WriteString(`<w:p><w:pPr><w:jc w:val="center"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>`)
	for _, r := range runs {
		fmt.Fprintf(&b, `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, r)
	}
	b.WriteString(`</w:p>`)
	return b.String()
}

func cell(paras ...string) string { return "<w:tc>" + strings.Join(paras, "") + "</w:tc>" }
func row(cells ...string) string  { return "<w:tr>" + strings.Join(cells, "") + "</w:tr>" }
func table(rows ...string) string {
	return `<w:tbl><w:tblPr><w:tblBorders><w:top w:val="nil"/></w:tblBorders></w:tblPr>` + strings.Join(rows, "") + "</w:tbl>"
}

const textBox = `<w:p><w:r><w:t>Nơi nhận:</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>` +
	`<w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
	`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>` +
	`<w:r><w:t xml:space="preserve"> - Như trên;</w:t></w:r></w:p>`

func TestText(t *testing.T) {
	header := table(row(
		cell(p("LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU"), p("Số: 967/LĐLĐ"), p("V/v triển khai Chỉ thị")),
		cell(p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), p("Độc lập - Tự do - Hạnh phúc"), p("Lai Châu, ngày 11 tháng 7 năm 2022")),
	))
	tests := []struct {
		name, body, want string
	}{
		{"header table two columns", header + p("Kính gửi: Các LĐLĐ huyện, thành phố"),
			"LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU\nSố: 967/LĐLĐ\nV/v triển khai Chỉ thị\n" +
				"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLai Châu, ngày 11 tháng 7 năm 2022\n" +
				"Kính gửi: Các LĐLĐ huyện, thành phố\n"},
		{"two rows", table(row(cell(p("A1")), cell(p("B1"))), row(cell(p("A2")), cell(p("B2"), p("B2b")))), "A1\nB1\nA2\nB2\nB2b\n"},
		{"nested table", table(row(cell(p("ngoài"), table(row(cell(p("trong 1")), cell(p("trong 2"))))), cell(p("phải")))),
			"ngoài\ntrong 1\ntrong 2\nphải\n"},
		{"run split mid-word", p("Chỉ th", "ị số ", "05-CT/TW"), "Chỉ thị số 05-CT/TW\n"},
		{"tracked deletion ignored, insertion kept",
			`<w:p><w:r><w:t xml:space="preserve">ngày </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>10</w:delText></w:r></w:del>` +
				`<w:ins w:id="2" w:author="A"><w:r><w:t>11</w:t></w:r></w:ins><w:moveFrom w:id="3"><w:r><w:t>cũ</w:t></w:r></w:moveFrom>` +
				`<w:moveTo w:id="4"><w:r><w:t xml:space="preserve"> tháng 7</w:t></w:r></w:moveTo></w:p>`,
			"ngày 11 tháng 7\n"},
		{"deleted paragraph mark joins", `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Điều 1. </w:t></w:r></w:p>` + p("Nội dung"),
			"Điều 1. Nội dung\n"},
		{"text box in AlternateContent not doubled", textBox, "Nơi nhận: - Như trên;\nHộp chữ\n"},
		{"VML text box alone", `<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>` + p("VML") + `</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`, "\nVML\n"},
		{"line break tab hyphens", `<w:p><w:r><w:t>Nơi nhận:</w:t><w:br/><w:t>- Như trên;</w:t><w:cr/><w:tab/><w:t>Lưu VT</w:t>` +
			`<w:noBreakHyphen/><w:t>BTC</w:t><w:softHyphen/><w:t>x</w:t><w:sym w:font="Symbol" w:char="F0B7"/><w:sym w:char="2013"/></w:r></w:p>`,
			"Nơi nhận:\n- Như trên;\n\tLưu VT-BTCx–\n"},
		{"field code skipped, result kept", `<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`, "Trang 3\n"},
		{"hyperlink sdt smartTag", `<w:sdt><w:sdtContent><w:p><w:hyperlink r:id="x" xmlns:r="r"><w:r><w:t>Luật</w:t></w:r></w:hyperlink><w:smartTag><w:r><w:t xml:space="preserve"> số 12</w:t></w:r></w:smartTag></w:p></w:sdtContent></w:sdt>`,
			"Luật số 12\n"},
		{"math", `<w:p><m:oMath><m:r><m:t>x=2</m:t></m:r></m:oMath></w:p>`, "x=2\n"},
		{"entities and CDATA", `<w:p><w:r><w:t>A &amp; B &lt;C&gt; &#7889;</w:t><w:t><![CDATA[<D>]]></w:t></w:r></w:p>`, "A & B <C> ố<D>\n"},
		{"empty paragraphs kept as lines", p() + p("x") + p(), "\nx\n\n"},
		{"empty body", "", ""},
		{"other prefix", `<x:p xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:r><x:t>tiền tố khác</x:t></x:r></x:p><w:p><o:t xmlns:o="urn:other">không</o:t></w:p>`,
			"tiền tố khác\n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := text(docxOf(t, tt.body), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestParts(t *testing.T) {
	elsewhere := strings.ReplaceAll(packageRels, "word/document.xml", "/noi-dung/chinh.xml")
	ctOnly := strings.ReplaceAll(contentTypes, "/word/document.xml", "/Noi-Dung/Chinh.xml")
	footnotes := `<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Theo Nghị định số 30/2020/NĐ-CP</w:t></w:r></w:p></w:footnote></w:footnotes>`
	docRels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>` +
		`<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://x" TargetMode="External"/></Relationships>`
	body := docOpen + p("Thân") + docClose
	tests := []struct {
		name  string
		parts []part
		want  string
	}{
		{"through package relationship", []part{{"[Content_Types].xml", contentTypes}, {"_rels/.rels", elsewhere}, {"noi-dung/chinh.xml", body}}, "Thân\n"},
		{"through content types, any case", []part{{"[Content_Types].xml", ctOnly}, {"noi-dung/chinh.xml", body}}, "Thân\n"},
		{"footnotes after the body", []part{{"word/document.xml", body}, {"word/_rels/document.xml.rels", docRels}, {"word/footnotes.xml", footnotes}},
			"Thân\n Theo Nghị định số 30/2020/NĐ-CP\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := text(build(t, tt.parts...), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// numbered is a body using automatic numbering, the parts it needs, and
// its text.
func numbered() (body string, parts []part, want string) {
	lvl := func(i int, start, format, text string) string {
		return fmt.Sprintf(`<w:lvl w:ilvl="%d"><w:start w:val="%s"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/></w:lvl>`, i, start, format, text)
	}
	numbering := `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
		`<w:abstractNum w:abstractNumId="0">` + lvl(0, "1", "decimal", "%1.") + lvl(1, "1", "lowerLetter", "%2)") + lvl(2, "1", "bullet", "-") + lvl(3, "1", "bullet", "\uf0b7") + `</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="1">` + lvl(0, "1", "upperRoman", "%1.") + lvl(1, "1", "decimal", "%1.%2.") + `</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01, 02"/></mc:Choice>` +
		`<mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="Điều %1."/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
		`<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	styles := `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Muc"><w:basedOn w:val="Heading1"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Vong1"><w:basedOn w:val="Vong2"/></w:style><w:style w:type="paragraph" w:styleId="Vong2"><w:basedOn w:val="Vong1"/></w:style></w:styles>`
	rels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/word/styles.xml"/></Relationships>`
	np := func(pPr, s string) string {
		return `<w:p><w:pPr>` + pPr + `</w:pPr><w:r><w:t>` + s + `</w:t></w:r></w:p>`
	}
	num := func(id, ilvl int, s string) string {
		return np(fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, ilvl, id), s)
	}
	body = np(`<w:pStyle w:val="Heading1"/>`, "MỤC ĐÍCH") + num(1, 0, "Nội dung") + num(1, 1, "chi tiết") + num(1, 1, "thêm") +
		num(1, 2, "gạch") + num(1, 3, "chấm") + num(1, 0, "Tiếp") + num(1, 1, "lại từ a") +
		np(`<w:pStyle w:val="Muc"/>`, "TỔ CHỨC THỰC HIỆN") + np(`<w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="1"/></w:numPr>`, "mục con") +
		num(5, 0, "danh sách cùng định nghĩa nối tiếp") + num(3, 0, "bắt đầu lại") + num(1, 0, "nối tiếp") + num(3, 0, "vẫn nối tiếp") + num(4, 0, "Phạm vi") + num(4, 0, "Đối tượng") +
		np(`<w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr>`, "tắt số") +
		np(`<w:pPrChange w:id="1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr></w:pPr></w:pPrChange>`, "số cũ đã bỏ") +
		np(`<w:pStyle w:val="Vong1"/>`, "vòng") + num(9, 0, "không có danh sách") +
		table(row(cell(num(4, 0, "trong bảng"))))
	want = "I. MỤC ĐÍCH\n1. Nội dung\na) chi tiết\nb) thêm\n- gạch\n• chấm\n2. Tiếp\na) lại từ a\nII. TỔ CHỨC THỰC HIỆN\nII.1. mục con\n" +
		"3. danh sách cùng định nghĩa nối tiếp\n1. bắt đầu lại\n2. nối tiếp\n3. vẫn nối tiếp\nĐiều 1. Phạm vi\nĐiều 2. Đối tượng\ntắt số\nsố cũ đã bỏ\nvòng\nkhông có danh sách\nĐiều 3. trong bảng\n"
	return body, []part{{"word/_rels/document.xml.rels", rels}, {"word/numbering.xml", numbering}, {"word/styles.xml", styles}}, want
}

func TestNumbering(t *testing.T) {
	body, parts, want := numbered()
	got, err := text(docxOf(t, body, parts...), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v      int
		format string
		want   string
	}{
		{1, "decimal", "1"}, {4, "upperRoman", "IV"}, {1994, "upperRoman", "MCMXCIV"}, {9, "lowerRoman", "ix"},
		{1, "lowerLetter", "a"}, {26, "lowerLetter", "z"}, {27, "lowerLetter", "aa"}, {28, "upperLetter", "BB"},
		{3, "decimalZero", "03"}, {12, "decimalZero", "12"}, {0, "upperRoman", "0"}, {7, "cardinalText", "7"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.v, tt.format); got != tt.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", tt.v, tt.format, got, tt.want)
		}
	}
}

// rawEntry is a package whose document.xml holds deflated content but
// declares the uncompressed size declared, as a zip bomb may.
func rawEntry(t testing.TB, content []byte, declared uint64) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	fw.Write(content)
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: declared})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	zw.Close()
	return buf.Bytes()
}

// bombXML is a valid document of about n bytes that compresses very well.
func bombXML(n int) []byte {
	return []byte(docOpen + "<w:p><w:r><w:t>" + strings.Repeat("a", n) + "</w:t></w:r></w:p>" + docClose)
}

func TestHostile(t *testing.T) {
	valid := docxOf(t, p("Số: 967/LĐLĐ"))
	manyEntries := []part{{"word/document.xml", docOpen + docClose}}
	for i := range 20 {
		manyEntries = append(manyEntries, part{fmt.Sprintf("word/media/%d.png", i), "x"})
	}
	corrupted := bytes.Clone(docxOf(t, strings.Repeat(p("Nội dung văn bản dài để có dữ liệu nén ở giữa tệp."), 200)))
	for i := len(corrupted) / 2; i < len(corrupted)/2+60; i++ {
		corrupted[i] ^= 0x5a
	}
	laughs := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
		`<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>` + docOpen[strings.Index(docOpen, "<w:document"):] + p("&lol3;") + docClose
	deep := strings.Repeat("<w:sdt><w:sdtContent>", 200) + p("sâu") + strings.Repeat("</w:sdtContent></w:sdt>", 200)
	ole := append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 600)...)
	encrypted := append(bytes.Clone(ole), utf16le("EncryptedPackage")...)
	small := Limits{MaxUnzippedBytes: 1 << 20, MaxEntries: 10, MaxXMLDepth: 64}

	tests := []struct {
		name string
		data []byte
		lim  Limits
		kind problem.Kind
		msg  string // part of the message
	}{
		{"not a zip", []byte("đây không phải tệp nén, chỉ là chữ"), Limits{}, problem.Invalid, "không mở được như tệp nén"},
		{"empty", nil, Limits{}, problem.Invalid, "không mở được như tệp nén"},
		{"truncated zip", valid[:len(valid)/2], Limits{}, problem.Invalid, "không mở được như tệp nén"},
		{"truncated end record", valid[:len(valid)-10], Limits{}, problem.Invalid, "không mở được như tệp nén"},
		{"corrupted data", corrupted, Limits{}, problem.Invalid, "bị hỏng"},
		{"no document.xml", build(t, part{"[Content_Types].xml", contentTypes}, part{"word/styles.xml", "<x/>"}), Limits{}, problem.Invalid, "word/document.xml"},
		{"too many entries", build(t, manyEntries...), small, problem.TooLarge, "quá nhiều thành phần"},
		{"declared 1 GiB", rawEntry(t, bombXML(1<<20), 1<<30), Limits{}, problem.TooLarge, "giải nén quá lớn"},
		{"honest bomb over a small limit", docxOf(t, string(bombXML(2<<20))), small, problem.TooLarge, "giải nén quá lớn"},
		{"bomb lying about its size", rawEntry(t, bombXML(8<<20), 1000), Limits{}, problem.TooLarge, "giải nén quá lớn"},
		{"parts together over the limit", docxOf(t, p(strings.Repeat("a", 600<<10)),
			part{"word/_rels/document.xml.rels", `<Relationships><Relationship Type="x/footnotes" Target="footnotes.xml"/></Relationships>`},
			part{"word/footnotes.xml", "<w:footnotes>" + strings.Repeat("b", 600<<10) + "</w:footnotes>"}), small, problem.TooLarge, "giải nén quá lớn"},
		{"deep nesting", docxOf(t, deep), small, problem.Invalid, "lồng quá sâu"},
		{"very deep nesting", docxOf(t, strings.Repeat("<a>", 1e6)), Limits{}, problem.Invalid, "lồng quá sâu"},
		{"billion laughs", build(t, part{"word/document.xml", laughs}), Limits{}, problem.Invalid, "DTD"},
		{"DTD after a long comment", build(t, part{"word/document.xml", "<!--" + strings.Repeat("x", 10000) + "-->" + laughs[strings.Index(laughs, "<!DOCTYPE"):]}), Limits{}, problem.Invalid, "DTD"},
		{"DTD inside the body", docxOf(t, `<!DOCTYPE x [<!ENTITY a "b">]>`), Limits{}, problem.Invalid, "DTD"},
		{"undefined entity", docxOf(t, p("&lol9;")), Limits{}, problem.Invalid, "cấu trúc XML"},
		{"mismatched tags", docxOf(t, "<w:p><w:r></w:p></w:r>"), Limits{}, problem.Invalid, "không khớp"},
		{"unclosed root", build(t, part{"word/document.xml", docOpen + p("x")}), Limits{}, problem.Invalid, "cấu trúc XML"},
		{"invalid UTF-8", docxOf(t, p("\xff\xfe")), Limits{}, problem.Invalid, "cấu trúc XML"},
		{"foreign encoding", build(t, part{"word/document.xml", `<?xml version="1.0" encoding="windows-1258"?><w:document/>`}), Limits{}, problem.Invalid, "cấu trúc XML"},
		{"password protected", encrypted, Limits{}, problem.Unsupported, "mật khẩu"},
		{"old Word file", ole, Limits{}, problem.Unsupported, "Word 97"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := text(tt.data, tt.lim)
			if err == nil {
				t.Fatalf("no error; text %q", shorten(got))
			}
			if k := problem.KindOf(err); k != tt.kind {
				t.Errorf("kind %v, want %v (%v)", k, tt.kind, err)
			}
			if msg := err.Error(); !strings.Contains(msg, tt.msg) || strings.Contains(msg, "\n") {
				t.Errorf("message %q, want one line containing %q", msg, tt.msg)
			}
		})
	}
}

func shorten(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

func TestBudgetReader(t *testing.T) {
	left := int64(10)
	b := &budgetReader{r: strings.NewReader(strings.Repeat("x", 11)), left: &left}
	n, err := io.Copy(io.Discard, b)
	if !errors.Is(err, errOverBudget) || n != 10 {
		t.Errorf("read %d, err %v; want 10 and errOverBudget", n, err)
	}
	left = 3
	b = &budgetReader{r: strings.NewReader("abc"), left: &left}
	if got, err := io.ReadAll(b); err != nil || string(got) != "abc" {
		t.Errorf("exactly the budget: %q, %v", got, err)
	}
}

func TestCountSignature(t *testing.T) {
	sig := []byte("PK\x01\x02")
	data := make([]byte, 3<<20)
	for _, off := range []int{0, 1<<20 - 2, 1<<20 + 2, 2<<20 - 1, 3<<20 - 4} {
		copy(data[off:], sig)
	}
	if n := countSignature(bytes.NewReader(data), int64(len(data)), sig, 100); n != 5 {
		t.Errorf("count %d, want 5", n)
	}
	if n := countSignature(bytes.NewReader(data), int64(len(data)), sig, 2); n != 2 {
		t.Errorf("count with max 2: %d", n)
	}
}

// seeds are packages for the fuzzer to start from.
func seeds(t testing.TB) [][]byte {
	body, parts, _ := numbered()
	return [][]byte{
		docxOf(t, body, parts...),
		docxOf(t, table(row(cell(p("LIÊN ĐOÀN"), p("Số: 967/LĐLĐ")), cell(p("CỘNG HÒA"), p("Lai Châu, ngày 11 tháng 7 năm 2022"))))),
		docxOf(t, textBox+p("Chỉ th", "ị")+`<w:p><w:del><w:r><w:delText>x</w:delText></w:r></w:del><w:r><w:br/></w:r></w:p>`),
		rawEntry(t, bombXML(1000), 1<<30),
		docxOf(t, p("a"))[:100],
		[]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1EncryptedPackage"),
		[]byte("PK\x05\x06" + strings.Repeat("\x00", 18)),
	}
}

func FuzzText(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFuzz(t, data)
	})
}

// FuzzDocumentXML fuzzes the XML of the main part inside a valid package,
// which random bytes rarely reach through the zip checksums.
func FuzzDocumentXML(f *testing.F) {
	f.Add(docOpen + table(row(cell(p("A"), p("B")), cell(p("C")))) + docClose)
	f.Add(docOpen + textBox + docClose)
	f.Add(docOpen + `<w:p><w:pPr><w:rPr><w:del/></w:rPr></w:pPr><w:r><w:tab/><w:sym w:char="2013"/><w:t>x</w:t></w:r></w:p>` + docClose)
	f.Add(`<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>`)
	f.Add(`<w:footnote w:type="separator"><w:p/></w:footnote><x:p xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"/>`)
	f.Fuzz(func(t *testing.T, xml string) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store})
		io.WriteString(w, xml)
		zw.Close()
		checkFuzz(t, buf.Bytes())
	})
}

func checkFuzz(t *testing.T, data []byte) {
	got, err := text(data, Limits{MaxUnzippedBytes: 1 << 20, MaxEntries: 50, MaxXMLDepth: 64})
	if err != nil {
		if k := problem.KindOf(err); k == problem.Internal {
			t.Fatalf("error without a kind: %v", err)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Fatalf("message on several lines: %q", err)
		}
		return
	}
	if !utf8.ValidString(got) {
		t.Fatalf("invalid UTF-8 in %q", got)
	}
}

// pages is a body of about n A4 pages laid out as Word writes them: a
// borderless header table, numbered articles, a data table, formatted runs.
func pages(n int) string {
	run := func(s string) string {
		return `<w:r w:rsidRPr="00B51C2A"><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr><w:t xml:space="preserve">` + s + `</w:t></w:r>`
	}
	para := func(runs ...string) string {
		var b strings.Builder
		b.WriteString(`<w:p w:rsidR="00A77B3E" w:rsidRDefault="00A77B3E" w:rsidP="00C1D2E3"><w:pPr><w:spacing w:before="120" w:after="120" w:line="312" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr>`)
		for _, r := range runs {
			b.WriteString(run(r))
		}
		b.WriteString(`</w:p>`)
		return b.String()
	}
	var b strings.Builder
	b.WriteString(table(row(cell(para("LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU"), para("Số: 967/LĐLĐ")),
		cell(para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), para("Lai Châu, ngày 11 tháng 7 năm 2022")))))
	for i := range n {
		fmt.Fprintf(&b, "%s", para(fmt.Sprintf("Điều %d. ", i+1), "Phạm vi điều chỉnh và đối tượng áp dụng"))
		for j := range 12 {
			b.WriteString(para("Các cấp công đoàn ", "tổ chức quán triệt, triển khai thực hiện ",
				fmt.Sprintf("nội dung thứ %d của chỉ thị; báo cáo kết quả về Liên đoàn Lao động tỉnh trước ngày %d tháng %d năm 2022 ", j+1, j%28+1, j%12+1),
				"để tổng hợp, báo cáo Tổng Liên đoàn Lao động Việt Nam theo quy định."))
		}
		var rows []string
		for r := range 6 {
			rows = append(rows, row(cell(para(fmt.Sprint(r+1))), cell(para("Công đoàn cơ sở trực thuộc")), cell(para(fmt.Sprintf("%d đoàn viên", 40+r)))))
		}
		b.WriteString(table(rows...))
	}
	return b.String()
}

func BenchmarkText(b *testing.B) {
	body := pages(30)
	data := docxOf(b, body)
	// Throughput counts the XML parsed: the generated text is repetitive and
	// would make the zip size flatter us.
	b.SetBytes(int64(len(docOpen + body + docClose)))
	var out string
	for b.Loop() {
		var err error
		if out, err = text(data, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(data)), "docx-bytes")
	b.ReportMetric(float64(len(out)), "text-bytes")
}
