package api_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// A leader downloads the board's report as Word and as PDF, with a file
// name in Vietnamese and in ASCII; a unit the caller may not see and an
// unknown format are refused as problems.
func TestAPIExportsTheResultsReport(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		h := demoAPI(t, s)
		token := signIn(t, h, "btgtu.lanhdao")
		var found []docJSON
		get(t, h, token, "/api/v1/documents?number="+url.QueryEscape("12-CT/TW")).decode(t, &found)
		if len(found) != 1 {
			t.Fatalf("12-CT/TW: %+v", found)
		}
		base := fmt.Sprintf("/api/v1/rollup/export?directive=%d&unit=ltu-btg&as_of=2022-12-31", found[0].ID)

		res := get(t, h, token, base+"&format=docx")
		if res.status != http.StatusOK {
			t.Fatalf("docx: status %d: %s", res.status, res.body)
		}
		if ct := res.header.Get("Content-Type"); ct != "application/vnd.openxmlformats-officedocument.wordprocessingml.document" {
			t.Errorf("Content-Type %q", ct)
		}
		cd := res.header.Get("Content-Disposition")
		if !strings.Contains(cd, `filename="bao-cao-12-ct-tw-ban-tuyen-giao-tinh-uy-lai-chau-31-12-2022.docx"`) ||
			!strings.Contains(cd, "filename*=utf-8''B%C3%A1o%20c%C3%A1o%2012-CT-TW") {
			t.Errorf("Content-Disposition %q", cd)
		}
		doc := documentXML(t, res.body)
		for _, want := range []string{"ĐẢNG CỘNG SẢN VIỆT NAM", "BAN TUYÊN GIÁO", "-BC/BTGTU", "31/37"} {
			if !strings.Contains(doc, want) {
				t.Errorf("document.xml lacks %q", want)
			}
		}
		if pdf := get(t, h, token, base+"&format=pdf"); pdf.status != http.StatusOK || !bytes.HasPrefix(pdf.body, []byte("%PDF")) {
			t.Errorf("pdf: status %d, starts %q", pdf.status, pdf.body[:min(8, len(pdf.body))])
		}
		if x := get(t, h, token, base+"&format=xlsx"); x.status != http.StatusOK || !bytes.HasPrefix(x.body, []byte("PK")) {
			t.Errorf("xlsx: status %d", x.status)
		}
		get(t, h, token, base+"&format=odt").problem(t, http.StatusBadRequest)
		front := signIn(t, h, "mttqtp.chuyenvien")
		get(t, h, front, fmt.Sprintf("/api/v1/rollup/export?directive=%d&unit=ltu&format=pdf", found[0].ID)).problem(t, http.StatusForbidden)
	})
}

// A guidance downloads as Word in its party layout, named by its number;
// a spreadsheet of a letter is refused.
func TestAPIExportsADocumentInItsOfficialLayout(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		h := demoAPI(t, s)
		token := signIn(t, h, "btgtu.lanhdao")
		var found []docJSON
		get(t, h, token, "/api/v1/documents?number="+url.QueryEscape("71-HD/BTGTU")).decode(t, &found)
		if len(found) != 1 {
			t.Fatalf("71-HD/BTGTU: %+v", found)
		}
		path := fmt.Sprintf("/api/v1/documents/%d/export", found[0].ID)
		res := get(t, h, token, path+"?format=docx")
		if res.status != http.StatusOK || !strings.Contains(res.header.Get("Content-Disposition"), `filename="huong-dan-71-hd-btgtu.docx"`) {
			t.Fatalf("docx: status %d, %q: %s", res.status, res.header.Get("Content-Disposition"), res.body[:min(200, len(res.body))])
		}
		doc := documentXML(t, res.body)
		for _, want := range []string{"ĐẢNG CỘNG SẢN VIỆT NAM", "HƯỚNG DẪN", "71-HD/BTGTU"} {
			if !strings.Contains(doc, want) {
				t.Errorf("document.xml lacks %q", want)
			}
		}
		if pdf := get(t, h, token, path+"?format=pdf"); pdf.status != http.StatusOK || !bytes.HasPrefix(pdf.body, []byte("%PDF")) {
			t.Errorf("pdf: status %d", pdf.status)
		}
		get(t, h, token, path+"?format=xlsx").problem(t, http.StatusBadRequest)
	})
}

// documentXML is the word/document.xml of a .docx.
func documentXML(t *testing.T, docx []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatalf("the docx is not a zip: %v", err)
	}
	f, err := z.Open("word/document.xml")
	if err != nil {
		t.Fatalf("the docx has no document: %v", err)
	}
	defer f.Close()
	var doc bytes.Buffer
	doc.ReadFrom(f)
	return doc.String()
}
