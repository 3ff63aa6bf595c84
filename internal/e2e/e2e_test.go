package e2e

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"lantoa/internal/org"
	"lantoa/internal/store/storetest"
)

// seedLetter is the provincial federation's Công văn 967/LĐLĐ as the
// issue gives it, kept in the shared directory beside the repository.
const seedLetter = "../../../shared/seeds/000_0b34238a42a14946.txt"

const subject967 = "Tuyên truyền, phổ biến, quán triệt Chỉ thị số 12-CT/TW ngày 05/01/2022 của Ban Bí thư"

// TestAcceptance967GoesToTwoDistrictsAndOneReportsInTime is the issue's
// acceptance test, every step through the browser: the provincial clerk
// registers 967/LĐLĐ from its file, assigns it to two district
// federations with a deadline; one district acknowledges, records an
// activity and reports; the provincial leader sees it on the dashboard
// and accepts the report; after the deadline the other district is late.
func TestAcceptance967GoesToTwoDistrictsAndOneReportsInTime(t *testing.T) {
	letter, err := filepath.Abs(seedLetter)
	if err == nil {
		_, err = os.Stat(letter)
	}
	if err != nil {
		t.Skipf("e2e: skipped, the seed letter %s is not there (the shared directory must sit beside the repository): %v", seedLetter, err)
	}
	browserCtx := browser(t)
	shots := newShooter(t)
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		start := time.Now()
		// The server's clock starts at the browser's: the session cookie
		// expires by the server's clock, and a browser drops a cookie
		// that expired by its own.
		c := newClock(time.Now())
		srv, svc, _ := site(t, dsn, c)
		units := laiChau(t, svc)
		b := newTab(t, browserCtx, srv.URL, shots.take())

		docID := registerTheLetter(t, b, c, letter)
		deadline := c.now().AddDate(0, 0, 8)
		assignToTwoDistricts(t, b, docID, units, deadline.Format("02/01/2006"))
		b.signOut()

		reportPath := districtReports(t, b, c, deadline.Format("02/01/2006"))
		b.signOut()

		// 4. The provincial leader follows the directive and accepts the report.
		b.signIn(provinceLeader, password)
		b.shot("trang-chu-lanh-dao")
		dashboard := "/theo-doi/" + docID
		if st := b.open(dashboard); st != 200 {
			t.Fatalf("dashboard %s: got status %d:\n%s", dashboard, st, b.text())
		}
		b.sees("dashboard after one report", "Liên đoàn Lao động tỉnh Lai Châu", "Được giao 2/2", "Đã báo cáo 1/2", "Đại biểu dự 120 người",
			"Liên đoàn Lao động huyện Tam Đường", "Liên đoàn Lao động huyện Phong Thổ")
		b.shot("theo-doi")
		// From the dashboard to the document, its assignment to Tam Đường,
		// and the report sent for it.
		b.press("open the document from the dashboard", `main a[href="/van-ban/`+docID+`"]`)
		b.sees("the document with its assignments", "Liên đoàn Lao động huyện Tam Đường", "Liên đoàn Lao động huyện Phong Thổ")
		if n := eval[int](b, `document.querySelectorAll('main a[href^="/nhiem-vu/"]').length`); n != 2 {
			t.Errorf("the document lists %d assignments, want the two districts':\n%s", n, b.text())
		}
		b.shot("van-ban-da-giao")
		if got, want := b.download("save the letter as it was uploaded", `main a[href$="/tep-goc"]`), mustRead(t, letter); !bytes.Equal(got, want) {
			t.Errorf("the original file saved from the document page has %d bytes, want the %d bytes uploaded", len(got), len(want))
		}
		b.press("open Tam Đường's assignment", b.linkNamed("Liên đoàn Lao động huyện Tam Đường", "/nhiem-vu/"))
		b.sees("Tam Đường's assignment seen by the province", "Đã báo cáo")
		b.press("open the report", `main a[href="`+reportPath+`"]`)
		b.sees("the report the leader decides on", "Liên đoàn Lao động huyện Tam Đường", "Đã gửi", "Duyệt báo cáo",
			"Đại biểu dự", "120", "Đã tổ chức hội nghị quán triệt cho cán bộ công đoàn cơ sở.")
		b.shot("bao-cao-duyet")
		b.press("accept the report", `form[action$="/duyet"] button`)
		b.sees("the accepted report", "Đã duyệt")
		b.open(dashboard)
		b.sees("dashboard after the acceptance", "Đã báo cáo 1/2", "Đã duyệt 1/2",
			"Hội nghị học tập, quán triệt", "Đại biểu dự 120 người", "Hội nghị học tập, quán triệt 1 hội nghị")
		if strings.Contains(b.text(), "Đơn vị quá hạn báo cáo") {
			t.Errorf("dashboard before the deadline lists late units:\n%s", b.text())
		}

		// 5. Past the deadline, the district that did not report is late.
		c.set(deadline.AddDate(0, 0, 3))
		b.open(dashboard)
		if b.location() != dashboard { // the session ran out over the days
			b.signIn(provinceLeader, password)
			b.open(dashboard)
		}
		b.sees("dashboard after the deadline", c.day(), "Đơn vị quá hạn báo cáo", "Quá hạn 3 ngày")
		late := eval[string](b, `[...document.querySelectorAll("tr.row-late td:first-child")].map(e => e.innerText).join("|")`)
		if late != "Liên đoàn Lao động huyện Phong Thổ" {
			t.Errorf("late units on the dashboard: got %q, want only Liên đoàn Lao động huyện Phong Thổ:\n%s", late, b.text())
		}
		b.shot("theo-doi-qua-han")

		// 6. The results report downloads from the dashboard, ready to sign.
		report := wordText(t, b.download("download the results report", `main a[href^="/xuat/theo-doi/`+docID+`/docx"]`))
		for _, want := range []string{"BÁO CÁO", "967/LĐLĐ", "Liên đoàn Lao động huyện Tam Đường", "Liên đoàn Lao động huyện Phong Thổ", "120"} {
			if !strings.Contains(report, want) {
				t.Errorf("the downloaded report does not say %q:\n%s", want, report)
			}
		}
		t.Logf("scenario took %s", time.Since(start).Round(time.Millisecond))
	})
}

// wordText is the text of a .docx: its paragraphs' runs, one paragraph a line.
func wordText(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("the download is not a .docx: %v", err)
	}
	f, err := zr.Open("word/document.xml")
	if err != nil {
		t.Fatalf("the .docx has no document: %v", err)
	}
	defer f.Close()
	var b strings.Builder
	dec := xml.NewDecoder(f)
	inText := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			inText = e.Name.Local == "t"
		case xml.EndElement:
			inText = false
			if e.Name.Local == "p" {
				b.WriteByte('\n')
			}
		case xml.CharData:
			if inText {
				b.Write(e)
			}
		}
	}
	return b.String()
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// registerTheLetter is step 1: the provincial clerk uploads the letter,
// checks what Lan Tỏa read and saves it; it returns the document's id.
func registerTheLetter(t *testing.T, b *tab, c *clock, letter string) string {
	t.Helper()
	b.open("/dang-nhap")
	b.shot("dang-nhap")
	b.signIn(provinceClerk, password)
	b.shot("trang-chu-van-thu")
	b.open("/van-ban/moi")
	b.shot("van-ban-moi")
	b.do("choose the file", chromedp.SetUploadFiles(chromedp.CSS("#tep"), []string{letter}, chromedp.NodeReady))
	if st := b.press("read the letter", `form[action="/van-ban/moi"] button[type=submit]`); st != 200 {
		t.Fatalf("read the letter: got status %d:\n%s", st, b.text())
	}
	for field, want := range map[string]string{"#so-ky-hieu": "967/LĐLĐ", "#loai": "Công văn", "#ngay-ban-hanh": "11/07/2022",
		"#ngay-den": c.day(), "#don-vi": "ldld-laichau"} {
		if got := b.value(field); got != want {
			t.Errorf("read the letter: the field %s holds %q, want %q", field, got, want)
		}
	}
	if got := b.value("#trich-yeu"); !strings.Contains(got, subject967) {
		t.Errorf("read the letter: the subject reads %q, want it to hold %q", got, subject967)
	}
	// The letter names its issuer only by its notation; the clerk types it
	// when Lan Tỏa could not read it.
	if b.value("#co-quan") == "" {
		t.Logf("read the letter: no issuer read; the clerk types it")
		b.fill("#co-quan", "Liên đoàn Lao động tỉnh Lai Châu")
	}
	b.shot("van-ban-kiem-tra")
	if st := b.press("save the letter", `form[action="/van-ban/luu"] button[type=submit]`); st != 200 {
		t.Fatalf("save the letter: got status %d:\n%s", st, b.text())
	}
	m := regexp.MustCompile(`^/van-ban/(\d+)(\?.*)?$`).FindStringSubmatch(b.location())
	if m == nil {
		t.Fatalf("save the letter: landed on %s, want the document's page:\n%s", b.location(), b.text())
	}
	b.sees("the registered letter", "Công văn 967/LĐLĐ", "11/07/2022", subject967)
	b.shot("van-ban")
	b.open("/van-ban")
	b.sees("the register", "967/LĐLĐ")
	b.shot("so-van-ban")
	b.open("/van-ban/" + m[1])
	return m[1]
}

// assignToTwoDistricts is step 2: on the assign page the clerk keeps the
// two district federations, sets the deadline and assigns.
func assignToTwoDistricts(t *testing.T, b *tab, docID string, units map[string]org.Unit, deadline string) {
	t.Helper()
	page := "/van-ban/" + docID + "/giao-nhiem-vu"
	keep := map[string]bool{units["tamduong"].Code: true, units["phongtho"].Code: true}
	// From the document's page, by its link when it has one.
	st := int64(0)
	if link := `a[href="` + page + `"]`; b.has(link) {
		st = b.press("open the assign page", link)
	} else {
		st = b.open(page)
	}
	if st != 200 || !b.has(`input[type=checkbox][name="don-vi"]`) || !b.has("#han") || !b.has("#giao") {
		t.Fatalf("step 2, assign: the page %s is not there (status %d, or no don-vi checkboxes, #han and #giao):\n%s", page, st, b.text())
	}
	b.sees("the assign page", "967/LĐLĐ", "Liên đoàn Lao động huyện Tam Đường", "Liên đoàn Lao động huyện Phong Thổ")
	b.shot("giao-nhiem-vu")
	// Each unit's box has the id don-vi-{code}: keep the two districts only.
	ids := eval[[]string](b, `[...document.querySelectorAll('input[type=checkbox][name="don-vi"]')].map(e => e.id)`)
	for _, id := range ids {
		sel := "#" + id
		code := strings.TrimPrefix(id, "don-vi-")
		if checked := eval[bool](b, "document.querySelector("+jsString(sel)+").checked"); checked != keep[code] {
			b.do("tick "+code, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
		}
	}
	for code := range keep {
		if !eval[bool](b, "!!document.querySelector("+jsString("#don-vi-"+code)+")?.checked") {
			t.Fatalf("assign: no ticked checkbox #don-vi-%s; the page offers %q", code, ids)
		}
	}
	if n := eval[int](b, `document.querySelectorAll('input[type=checkbox][name="don-vi"]:checked').length`); n != 2 {
		t.Fatalf("assign: %d units ticked, want the two districts", n)
	}
	b.fill("#han", deadline)
	if st := b.press("assign", "#giao"); st != 200 || !regexp.MustCompile(`^/van-ban/`+docID+`(\?.*)?$`).MatchString(b.location()) {
		t.Fatalf("assign: got status %d on %s, want the document's page:\n%s", st, b.location(), b.text())
	}
}

// districtReports is step 3: the officer of Tam Đường finds the task on
// the home page, acknowledges it, records a conference and reports; it
// returns the report's path.
func districtReports(t *testing.T, b *tab, c *clock, deadline string) string {
	t.Helper()
	b.signIn(tamDuongOfficer, password)
	b.sees("the district's home page", "1 nhiệm vụ chưa báo cáo", "Công văn 967/LĐLĐ", deadline, "Chủ trì")
	b.shot("trang-chu")
	b.press("open the task", `a[href^="/nhiem-vu/"]`)
	b.sees("the task", "Nhiệm vụ: Công văn 967/LĐLĐ", "Liên đoàn Lao động huyện Tam Đường", "Hạn báo cáo "+deadline)
	b.press("acknowledge", `form[action$="/xem"] button`)
	b.sees("the acknowledged task", "Trạng thái Đã xem")
	b.shot("nhiem-vu")

	b.press("record an activity", `a[href^="/hoat-dong/moi"]`)
	b.shot("hoat-dong-chon-hinh-thuc")
	b.do("choose the conference", chromedp.SetValue(chromedp.CSS("#hinh-thuc"), "HNQT", chromedp.NodeReady))
	b.press("go on", `form[method=get][action="/hoat-dong/moi"] button`)
	b.sees("the conference form", "Hội nghị học tập, quán triệt", "Đại biểu dự")
	b.fill("#ten", "Hội nghị quán triệt Chỉ thị 12-CT/TW cho cán bộ công đoàn huyện Tam Đường")
	b.fill("#ngay-bat-dau", c.day())
	b.fill("#dia-diem", "Hội trường LĐLĐ huyện Tam Đường")
	b.fill(`[name="ct-HNQT.hoi_nghi"]`, "1")
	b.fill(`[name="ct-HNQT.dai_bieu"]`, "120")
	b.shot("hoat-dong")
	if st := b.press("save the activity", `form[method=post][action="/hoat-dong/moi"] button[type=submit]`); st != 200 ||
		!strings.HasPrefix(b.location(), "/nhiem-vu/") {
		t.Fatalf("save the activity: got status %d on %s, want the task's page:\n%s", st, b.location(), b.text())
	}

	b.press("start the report", `a[href^="/bao-cao/moi"]`)
	b.sees("the report's period", "Lập báo cáo kết quả", "Từ ngày", "Đến ngày")
	if got := b.value("#den-ngay"); got != c.day() {
		t.Errorf("the report's period ends on %q, want today %s", got, c.day())
	}
	b.shot("bao-cao-moi")
	b.fill("#tu-ngay", "11/07/2022")
	b.fill("#den-ngay", c.day())
	b.press("make the report", `form[action="/bao-cao/moi"] button`)
	reportPath := b.location()
	if !regexp.MustCompile(`^/bao-cao/\d+$`).MatchString(reportPath) {
		t.Fatalf("make the report: landed on %s, want the report:\n%s", reportPath, b.text())
	}
	if got := b.value(`[name="ct-HNQT.dai_bieu"]`); got != "120" {
		t.Errorf("the draft report's delegates: got %q, want 120 from the activity", got)
	}
	b.fill("#ket-qua", "Đã tổ chức hội nghị quán triệt cho cán bộ công đoàn cơ sở.")
	b.press("save the report", `form.entry button[type=submit]`)
	b.shot("bao-cao")
	b.press("send the report", `form[action$="/gui"] button`)
	b.sees("the sent report", "Đã gửi", "Đã tổ chức hội nghị quán triệt cho cán bộ công đoàn cơ sở.")
	return reportPath
}
