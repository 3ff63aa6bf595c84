package export_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"lantoa/internal/app"
	"lantoa/internal/demo"
	"lantoa/internal/export"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// demoResults loads the demo and gathers the results report of 12-CT/TW
// at a unit (by code; "" for the highest unit it reached) as of 31/12/2022.
func demoResults(t *testing.T, s *store.Store, code string) export.Results {
	t.Helper()
	ctx := t.Context()
	svc := app.New(s, nil)
	docs, err := svc.DocumentsByNumber(ctx, app.System(), "12-CT/TW")
	if err != nil || len(docs) != 1 {
		t.Fatalf("12-CT/TW: %v, %d documents", err, len(docs))
	}
	q := app.ResultsQuery{Directive: docs[0].ID, On: time.Date(2022, 12, 31, 0, 0, 0, 0, time.UTC)}
	if code != "" {
		u, err := svc.UnitByCode(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		q.Unit = u.ID
	}
	r, err := svc.ResultsReport(ctx, app.System(), q)
	if err != nil {
		t.Fatalf("results report at %q: %v", code, err)
	}
	return r
}

func loadDemo(t *testing.T) *store.Store {
	t.Helper()
	s := storetest.Open(t, filepath.Join(t.TempDir(), "lantoa.db"))
	if _, err := demo.Load(t.Context(), s, "mật khẩu thử xuất báo cáo"); err != nil {
		t.Fatalf("load the demo: %v", err)
	}
	return s
}

// docxText is the text of a Word document's body as Word shows it: the
// runs of each paragraph joined, one paragraph a line.
func docxText(t *testing.T, data []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	var doc io.ReadCloser
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			doc, err = f.Open()
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	if doc == nil {
		t.Fatal("no word/document.xml")
	}
	defer doc.Close()
	var b strings.Builder
	dec := xml.NewDecoder(doc)
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document.xml is not well-formed XML: %v", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			inText = x.Name.Local == "t"
		case xml.EndElement:
			if x.Name.Local == "p" {
				b.WriteByte('\n')
			}
			inText = false
		case xml.CharData:
			if inText {
				b.Write(x)
			}
		}
	}
	return b.String()
}

func wantAll(t *testing.T, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s: want %q in:\n%s", what, w, got)
		}
	}
}

// The provincial propaganda board's report on 12-CT/TW, as Word reads it:
// the party header, the unnumbered notation, the figures of the demo's
// roll-up, coverage x/y (%) and the late units.
func TestResultsReportDOCXHasThePartyLayoutAndTheDemoFigures(t *testing.T) {
	s := loadDemo(t)
	r := demoResults(t, s, "ltu-btg")
	data, err := r.File(export.FormatDOCX)
	if err != nil {
		t.Fatal(err)
	}
	text := docxText(t, data)
	wantAll(t, "DOCX", text,
		"TỈNH ỦY LAI CHÂU\nBAN TUYÊN GIÁO\n*\n", "ĐẢNG CỘNG SẢN VIỆT NAM", "Lai Châu, ngày 31 tháng 12 năm 2022",
		"-BC/BTGTU", "BÁO CÁO\nKết quả triển khai thực hiện Chỉ thị số 12-CT/TW",
		"Hướng dẫn số 71-HD/BTGTU ngày 22/06/2022 của Ban Tuyên giáo Tỉnh ủy Lai Châu",
		"Đã báo cáo kết quả", "31/37", "83,8%", // coverage x/y and %
		"Đại biểu dự", "829", "5.945", "773/814 (95%)", // figures of the roll-up
		"Phòng Văn hóa và Thông tin thành phố Lai Châu: hạn 30/11/2022, quá hạn 31 ngày", // a late unit
		"Nơi nhận:", "- Tỉnh ủy Lai Châu (để báo cáo);", "Lưu Văn phòng", "TRƯỞNG BAN")
	if strings.Contains(text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") {
		t.Error("a party board's report carries the state's Quốc hiệu")
	}
	z, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	for _, f := range z.File {
		if f.Name == "word/styles.xml" {
			rc, _ := f.Open()
			styles, _ := io.ReadAll(rc)
			rc.Close()
			wantAll(t, "styles.xml", string(styles), `w:ascii="Times New Roman"`, `<w:sz w:val="28"/>`) // 14 pt
		}
	}
}

// A union federation writes in the state's layout: Quốc hiệu and Tiêu
// ngữ, "Số:" and the code before the issuer.
func TestResultsReportOfAUnionUsesTheStateLayout(t *testing.T) {
	s := loadDemo(t)
	r := demoResults(t, s, "ldld")
	data, err := r.File(export.FormatDOCX)
	if err != nil {
		t.Fatal(err)
	}
	text := docxText(t, data)
	wantAll(t, "DOCX", text, "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM\nLIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU\n",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", "Số:", "/BC-LĐLĐ",
		"Kính gửi: Ban Tuyên giáo Tỉnh ủy Lai Châu", "Lưu: VT, LĐLĐ", "Công văn số 967/LĐLĐ")
	if strings.Contains(text, "ĐẢNG CỘNG SẢN VIỆT NAM") {
		t.Error("a union's report carries the party header")
	}
	// The youth union prints its own name where the party prints its.
	youth, err := demoResults(t, s, "tinhdoan").File(export.FormatDOCX)
	if err != nil {
		t.Fatal(err)
	}
	text = docxText(t, youth)
	wantAll(t, "youth DOCX", text, "TỈNH ĐOÀN LAI CHÂU\n*\n", "ĐOÀN TNCS HỒ CHÍ MINH", "-BC/TĐTN", "TM. BAN THƯỜNG VỤ")
	if strings.Contains(text, "ĐẢNG CỘNG SẢN VIỆT NAM") {
		t.Error("the youth union's report carries the party's name")
	}
}

// Without a unit, the report is made at the highest unit the directive
// reached: its issuer, the Secretariat.
func TestResultsReportDefaultsToTheHighestUnitReached(t *testing.T) {
	s := loadDemo(t)
	r := demoResults(t, s, "")
	if r.Unit != "Ban Bí thư Trung ương Đảng" || r.Rollup.Coverage.Assigned != 37 {
		t.Errorf("default unit: got %q with %d units assigned, want the Secretariat with 37", r.Unit, r.Rollup.Coverage.Assigned)
	}
}

// The annex, read back with excelize: units as rows, indicators as
// columns with ratios split into numerator, denominator and share, a
// totals row, the progress and late lists on their own sheets.
func TestResultsAnnexXLSXHasIndicatorsByUnitAndTheLateList(t *testing.T) {
	s := loadDemo(t)
	r := demoResults(t, s, "ltu-btg")
	data, err := r.File(export.FormatXLSX)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("excelize cannot read the annex: %v", err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, "|") != "Chỉ tiêu|Tiến độ|Quá hạn|Văn bản triển khai" {
		t.Errorf("sheets: got %v", got)
	}
	rows, err := f.GetRows("Chỉ tiêu")
	if err != nil {
		t.Fatal(err)
	}
	all := func(rows [][]string) string {
		var b strings.Builder
		for _, r := range rows {
			b.WriteString(strings.Join(r, "|") + "\n")
		}
		return b.String()
	}
	grid := all(rows)
	wantAll(t, "Chỉ tiêu", grid, "Đơn vị", "Hội nghị học tập, quán triệt", "Đảng viên dự / tổng số đảng viên",
		"Tử số (người)", "Mẫu số (người)", "Tỷ lệ (%)", "Tỉnh ủy Lai Châu", "Tổng cộng Ban Tuyên giáo Tỉnh ủy Lai Châu")
	total := rows[len(rows)-1]
	wantAll(t, "totals row", strings.Join(total, "|"), "|829|", "|773|814|95.0%|", "5,945")
	if panes, err := f.GetPanes("Chỉ tiêu"); err != nil || !panes.Freeze || panes.YSplit < 3 || panes.XSplit != 1 {
		t.Errorf("header rows and unit column not frozen: %+v, %v", panes, err)
	}
	if w, _ := f.GetColWidth("Chỉ tiêu", "A"); w < 30 {
		t.Errorf("unit column %v wide: the names do not fit", w)
	}
	progress, _ := f.GetRows("Tiến độ")
	wantAll(t, "Tiến độ", all(progress), "Được giao|Đã nhận|Đã xem|Đã triển khai|Đã báo cáo|Tỷ lệ báo cáo (%)",
		"Tổng cộng Ban Tuyên giáo Tỉnh ủy Lai Châu (mỗi đơn vị tính một lần)|37|37|34|31|31|83.8%|30|4")
	late, _ := f.GetRows("Quá hạn")
	if len(late) != 3+4 { // title, blank, header, four late units
		t.Errorf("late sheet: got %d rows, want 3 + 4:\n%s", len(late), all(late))
	}
	wantAll(t, "Quá hạn", all(late), "Ban Tuyên giáo Huyện ủy Mường Tè|", "|15/12/2022|16")
}

// The PDF embeds a font with every Vietnamese letter: pdftotext, when
// installed, reads the header and the figures back.
func TestResultsReportPDFReadsBackInVietnamese(t *testing.T) {
	s := loadDemo(t)
	r := demoResults(t, s, "ltu-btg")
	data, err := r.File(export.FormatPDF)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", data[:min(16, len(data))])
	}
	if !bytes.Contains(data, []byte("/FontFile2")) {
		t.Error("the PDF embeds no TrueType font")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed: the text layer is not checked")
	}
	file := filepath.Join(t.TempDir(), "bao-cao.pdf")
	os.WriteFile(file, data, 0o644)
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	wantAll(t, "PDF text", text, "ĐẢNG CỘNG SẢN VIỆT NAM", "TỈNH ỦY LAI CHÂU", "BAN TUYÊN GIÁO", "-BC/BTGTU",
		"Lai Châu, ngày 31 tháng 12 năm 2022", "BÁO CÁO", "Người nghe", "5.945 lượt", "773/814 (95%)", "31/37 83,8%",
		"Phòng Văn hóa và Thông tin thành phố Lai Châu")
}

// A stored document exports in its own family's layout: the demo's
// guidance 71-HD/BTGTU with its number, and its body without its header.
func TestDocumentLetterLaysOutAStoredDocument(t *testing.T) {
	s := loadDemo(t)
	svc := app.New(s, nil)
	docs, err := svc.DocumentsByNumber(t.Context(), app.System(), "71-HD/BTGTU")
	if err != nil {
		t.Fatal(err)
	}
	l, _, err := svc.DocumentLetter(t.Context(), app.System(), docs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	data, err := export.DOCX(l)
	if err != nil {
		t.Fatal(err)
	}
	text := docxText(t, data)
	wantAll(t, "DOCX", text, "TỈNH ỦY LAI CHÂU\nBAN TUYÊN GIÁO\n*\n", "Số 71-HD/BTGTU", "HƯỚNG DẪN", "ĐẢNG CỘNG SẢN VIỆT NAM")
	if n := strings.Count(text, "ĐẢNG CỘNG SẢN VIỆT NAM"); n != 1 {
		t.Errorf("the header is printed %d times: the body repeats it", n)
	}
	// A union's công văn: "V/v" under its number, "Kính gửi" once.
	docs, err = svc.DocumentsByNumber(t.Context(), app.System(), "967/LĐLĐ")
	if err != nil {
		t.Fatal(err)
	}
	if l, _, err = svc.DocumentLetter(t.Context(), app.System(), docs[0].ID); err != nil {
		t.Fatal(err)
	}
	if data, err = export.DOCX(l); err != nil {
		t.Fatal(err)
	}
	text = docxText(t, data)
	wantAll(t, "công văn DOCX", text, "Số: 967/LĐLĐ\nV/v tuyên truyền", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Kính gửi:", "TM. BAN THƯỜNG VỤ")
	if n := strings.Count(text, "Các Công đoàn cơ sở trực thuộc"); n != 1 || strings.Contains(text, "CÔNG VĂN") {
		t.Errorf("the recipients are printed %d times (want once), or the công văn got a type name:\n%s", n, text)
	}
}

// Only those who may see the dashboard get the report: the city's
// collaborator may not export the province's.
func TestResultsReportIsRefusedToWhoCannotSeeTheUnit(t *testing.T) {
	s := loadDemo(t)
	ctx := t.Context()
	svc := app.New(s, nil)
	acc, err := svc.AccountByUsername(ctx, "btgthu.ctv")
	if err != nil {
		t.Fatal(err)
	}
	a, err := svc.ActorFor(ctx, acc.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := svc.DocumentsByNumber(ctx, app.System(), "12-CT/TW")
	u, _ := svc.UnitByCode(ctx, "ltu")
	_, err = svc.ResultsReport(ctx, a, app.ResultsQuery{Directive: docs[0].ID, Unit: u.ID, On: time.Date(2022, 12, 31, 0, 0, 0, 0, time.UTC)})
	if problem.KindOf(err) != problem.Forbidden {
		t.Errorf("collaborator exporting the province: got %v, want forbidden", err)
	}
}

func TestFileNameKeepsVietnamese(t *testing.T) {
	if name := export.FileName("Báo cáo 12-CT/TW Ban Tuyên giáo Tỉnh ủy Lai Châu 31/12/2022", export.FormatDOCX); name != "Báo cáo 12-CT-TW Ban Tuyên giáo Tỉnh ủy Lai Châu 31-12-2022.docx" {
		t.Errorf("got %q", name)
	}
}

// A Vietnamese file name keeps its letters for clients that read the UTF-8
// form, others get a readable ASCII one, and nothing in a name can break
// out of the header.
func TestAttachmentNamesSurviveEveryClient(t *testing.T) {
	for name, want := range map[string]string{
		"967-LDLD-cong-van.txt":         `attachment; filename="967-LDLD-cong-van.txt"`,
		"Báo cáo kết quả 12-CT-TW.docx": `attachment; filename="bao-cao-ket-qua-12-ct-tw.docx"; filename*=utf-8''B%C3%A1o%20c%C3%A1o%20k%E1%BA%BFt%20qu%E1%BA%A3%2012-CT-TW.docx`,
		"Đ-ĐỀ.pdf":                      `attachment; filename="d-de.pdf"; filename*=utf-8''%C4%90-%C4%90%E1%BB%80.pdf`,
		"a\"b\r\nX: y.xlsx":             `attachment; filename="a-b-x-y.xlsx"; filename*=utf-8''a%22b%0D%0AX%3A%20y.xlsx`,
	} {
		if got := export.Attachment(name); got != want {
			t.Errorf("Attachment(%q) = %s\nwant %s", name, got, want)
		}
	}
}

// A unit that wrote a report on the cascade has its words in the export:
// the city board's results, public opinion, limitations and proposals.
func TestResultsReportCarriesWhatTheUnitWrote(t *testing.T) {
	s := loadDemo(t)
	r := demoResults(t, s, "tp-btg")
	data, err := r.File(export.FormatDOCX)
	if err != nil {
		t.Fatal(err)
	}
	wantAll(t, "DOCX", docxText(t, data), "3. Đánh giá chung\nĐơn vị đã triển khai đầy đủ",
		"IV. TÌNH HÌNH DƯ LUẬN XÃ HỘI\nCán bộ, đảng viên và Nhân dân đồng tình",
		"V. HẠN CHẾ, KHÓ KHĂN\n", "VI. ĐỀ XUẤT, KIẾN NGHỊ\nĐề nghị cấp trên cung cấp thêm tài liệu song ngữ tiếng dân tộc.",
		"THÀNH ỦY LAI CHÂU\nBAN TUYÊN GIÁO\n*\n", "-BC/BTGThU")
}
