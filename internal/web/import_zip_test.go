package web

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"lantoa/internal/store/storetest"
	"lantoa/internal/synth"
)

// documentsZip is a .zip of n generated documents, a damaged Word file
// and a picture.
func documentsZip(t *testing.T, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	g := synth.New(9)
	for range n {
		name, data := g.Next().File(false)
		fw, _ := zw.Create("2023/" + name)
		fw.Write(data)
	}
	fw, _ := zw.Create("hong.docx")
	fw.Write([]byte("không phải tệp Word"))
	fw, _ = zw.Create("anh.png")
	fw.Write([]byte("\x89PNG"))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// waitForJob reloads a job page, as the browser does on its Refresh
// header, until the job is no longer running.
func waitForJob(t *testing.T, h http.Handler, c *http.Cookie, path string) page {
	t.Helper()
	for range 2000 {
		p := request(t, h, "GET", path, c, nil)
		if p.status != http.StatusOK {
			t.Fatalf("job page %s: got %d:\n%s", path, p.status, p.body)
		}
		if p.header.Get("Refresh") == "" {
			return p
		}
	}
	t.Fatalf("job %s still running after 2000 reloads", path)
	return page{}
}

// A clerk uploads a .zip from the upload page: the job page refreshes
// itself until done, then shows the counts and every file's result, and
// offers the JSON Lines report; the same archive again finds duplicates.
// Nobody else sees the job. A damaged archive is refused at once.
func TestWebZipUploadImportsAndReportsEachFile(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, _ := demoSite(t, dsn)
		c := signedInAs(t, h, "ldld.vanthu")
		if p := request(t, h, "GET", "/van-ban/moi", c, nil); !strings.Contains(text(p), "Nạp nhiều văn bản (.zip)") || !strings.Contains(p.body, `value="ldld"`) {
			t.Fatalf("upload page: no bulk upload form for the clerk's unit:\n%s", p.body)
		}
		// A damaged archive, or a unit the clerk does not keep, is refused
		// on the upload page with what to do.
		p := postFile(t, h, "/nap-van-ban", c, map[string]string{"don-vi": "ldld"}, "tep-nen", "hong.zip", []byte("PK\x05\x06 hỏng"))
		if p.status != http.StatusBadRequest || !strings.Contains(text(p), "Tệp nén .zip bị hỏng") {
			t.Errorf("damaged zip: got %d:\n%s", p.status, p.body)
		}
		p = postFile(t, h, "/nap-van-ban", c, map[string]string{"don-vi": "ltu-btg"}, "tep-nen", "a.zip", documentsZip(t, 1))
		if p.status != http.StatusForbidden {
			t.Errorf("another unit's register: got %d, want 403", p.status)
		}

		archive := documentsZip(t, 12)
		p = postFile(t, h, "/nap-van-ban", c, map[string]string{"don-vi": "ldld"}, "tep-nen", "van-ban-2023.zip", archive)
		job := p.header.Get("Location")
		if p.status != http.StatusSeeOther || !strings.HasPrefix(job, "/nap-van-ban/") {
			t.Fatalf("upload: got %d to %q, want a redirect to the job:\n%s", p.status, job, p.body)
		}
		done := text(waitForJob(t, h, c, job))
		for _, want := range []string{"Đã nạp xong.", "van-ban-2023.zip", "Liên đoàn Lao động tỉnh Lai Châu", "van-ban-2023.zip:hong.docx"} {
			if !strings.Contains(done, want) {
				t.Errorf("job page lacks %q:\n%s", want, done)
			}
		}
		if !strings.Contains(done, `Văn bản mới</th><td class="num">12<`) || !strings.Contains(done, `Lỗi</th><td class="num">1<`) {
			t.Errorf("job page counts: want 12 new and 1 failed:\n%s", done)
		}
		rep := request(t, h, "GET", job+"/bao-cao.jsonl", c, nil)
		lines := strings.Split(strings.TrimSpace(rep.body), "\n")
		statuses := map[string]int{}
		for _, l := range lines {
			var v struct{ File, Status, Error string }
			if err := json.Unmarshal([]byte(l), &v); err != nil {
				t.Fatalf("report line %q: %v", l, err)
			}
			statuses[v.Status]++
			if v.Status == "failed" && (v.File != "van-ban-2023.zip:hong.docx" || v.Error == "") {
				t.Errorf("failed line %+v: want the damaged file with its reason", v)
			}
		}
		if statuses["imported"] != 12 || statuses["failed"] != 1 || len(lines) != 13 {
			t.Errorf("report: %v in %d lines, want 12 imported, 1 failed", statuses, len(lines))
		}
		if other := request(t, h, "GET", job, signedInAs(t, h, "btgtu.vanthu"), nil); other.status != http.StatusNotFound {
			t.Errorf("another person's view of the job: got %d, want 404", other.status)
		}

		p = postFile(t, h, "/nap-van-ban", c, map[string]string{"don-vi": "ldld"}, "tep-nen", "van-ban-2023.zip", archive)
		again := text(waitForJob(t, h, c, p.header.Get("Location")))
		if !strings.Contains(again, `Đã có, bỏ qua</th><td class="num">12<`) || !strings.Contains(again, `Văn bản mới</th><td class="num">0<`) {
			t.Errorf("second upload: want 12 duplicates, none new:\n%s", again)
		}
	})
}
