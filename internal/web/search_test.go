package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// The box on every page leads to the results: the directive typed without
// accents is found, the words marked, everything else escaped; a date the
// page cannot read is pointed at.
func TestWebSearchFindsAndMarks(t *testing.T) {
	t.Parallel()
	h, _ := demoSite(t, t.TempDir()+"/lantoa.db")
	c := signedInAs(t, h, "btgtu.vanthu")
	if home := request(t, h, "GET", "/", c, nil); !strings.Contains(home.body, `action="/tim-kiem"`) {
		t.Fatalf("the home page has no search box")
	}
	p := request(t, h, "GET", "/tim-kiem?q="+url.QueryEscape("chi thi 12 doi ngoai"), c, nil)
	if p.status != http.StatusOK {
		t.Fatalf("search: %d\n%s", p.status, p.body)
	}
	first := strings.Index(p.body, `class="card result"`)
	if first < 0 || !strings.Contains(p.body[first:first+400], "12-CT/TW") {
		t.Errorf("Chỉ thị 12-CT/TW is not the first result:\n%s", p.body)
	}
	if !strings.Contains(p.body, "<mark>đối</mark> <mark>ngoại</mark>") {
		t.Errorf("the words found are not marked:\n%s", p.body)
	}
	p = request(t, h, "GET", "/tim-kiem?q="+url.QueryEscape(`<b>12-CT/TW</b>`), c, nil)
	if p.status != http.StatusOK || strings.Contains(p.body, "<b>12") || !strings.Contains(p.body, "<mark>12</mark>") {
		t.Errorf("a query with markup: %d\n%s", p.status, p.body)
	}
	p = request(t, h, "GET", "/tim-kiem?q=12&tu-ngay=31-12", c, nil)
	if p.status != http.StatusBadRequest || !strings.Contains(text(p), "ngày/tháng/năm") {
		t.Errorf("a date not read: %d\n%s", p.status, p.body)
	}
	if p := request(t, h, "GET", "/tim-kiem?q=khongcotu", c, nil); !strings.Contains(text(p), "Không có văn bản nào có đủ các từ này") {
		t.Errorf("no result:\n%s", p.body)
	}
}
