package web

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"lantoa/internal/store/storetest"
)

// The dashboard offers its report for download as shown (unit and day);
// the links serve the files with their names, and a person who may not
// see the unit gets no file.
func TestWebDashboardDownloadsTheReportAsShown(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, s := demoSite(t, dsn)
		c := signedInAs(t, h, "admin")
		id := directiveID(t, s, "12-CT/TW")
		p := request(t, h, "GET", "/theo-doi/"+id+"?don-vi=ltu-btg&ngay=31/12/2022", c, nil)
		links := regexp.MustCompile(`<a href="(/xuat/theo-doi/\d+/(docx|pdf|xlsx)\?don-vi=ltu-btg&amp;ngay=31%2f12%2f2022)" download>Tải (báo cáo|phụ lục số liệu) \(\.(docx|pdf|xlsx)\)</a>`).FindAllStringSubmatch(p.body, -1)
		if len(links) != 3 {
			t.Fatalf("dashboard: want three download links, got %d:\n%s", len(links), p.body)
		}
		for _, l := range links {
			f := request(t, h, "GET", strings.ReplaceAll(l[1], "&amp;", "&"), c, nil)
			if f.status != http.StatusOK {
				t.Fatalf("%s: got %d:\n%s", l[1], f.status, f.body)
			}
			cd := f.header.Get("Content-Disposition")
			if !strings.HasPrefix(cd, "attachment; ") || !strings.Contains(cd, `ban-tuyen-giao-tinh-uy-lai-chau-31-12-2022.`+l[2]+`"`) {
				t.Errorf("%s: Content-Disposition %q", l[2], cd)
			}
			if l[2] == "pdf" && !strings.HasPrefix(f.body, "%PDF") || l[2] != "pdf" && !strings.HasPrefix(f.body, "PK") {
				t.Errorf("%s: not such a file: %q", l[2], f.body[:min(8, len(f.body))])
			}
		}
		ctv := signedInAs(t, h, "btgthu.ctv")
		if f := request(t, h, "GET", "/xuat/theo-doi/"+id+"/pdf?don-vi=ltu&ngay=31/12/2022", ctv, nil); f.status != http.StatusForbidden || strings.HasPrefix(f.body, "%PDF") {
			t.Errorf("the city's collaborator downloading the province's report: got %d", f.status)
		}
		rep := request(t, h, "GET", "/bao-cao/1", c, nil)
		if rep.status != http.StatusOK || !strings.Contains(rep.body, `href="/xuat/bao-cao/1/pdf" download>Tải báo cáo (.pdf)</a>`) {
			t.Fatalf("report page: got %d, want a download of the report:\n%s", rep.status, rep.body)
		}
		if f := request(t, h, "GET", "/xuat/bao-cao/1/docx", c, nil); f.status != http.StatusOK || !strings.HasPrefix(f.body, "PK") ||
			!strings.Contains(f.header.Get("Content-Disposition"), "filename*=utf-8''B%C3%A1o%20c%C3%A1o%20") {
			t.Errorf("report download: got %d, %q", f.status, f.header.Get("Content-Disposition"))
		}
		doc := request(t, h, "GET", "/van-ban/"+id, c, nil)
		if !strings.Contains(doc.body, `href="/xuat/van-ban/`+id+`/docx" download>Tải văn bản (.docx)</a>`) {
			t.Errorf("document page: no download of the document:\n%s", doc.body)
		}
		if f := request(t, h, "GET", "/xuat/van-ban/"+id+"/docx", c, nil); f.status != http.StatusOK || !strings.HasPrefix(f.body, "PK") {
			t.Errorf("document download: got %d", f.status)
		}
	})
}
