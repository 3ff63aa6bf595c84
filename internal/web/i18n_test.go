package web

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// literal finds the texts templates pass to t.
var literal = regexp.MustCompile(`(?:\{\{-?|\()\s*t\s+"((?:[^"\\]|\\.)*)"`)

// Every text a template translates has its English: a page in English
// must not fall back to Vietnamese half-way.
func TestEveryTemplateTextHasEnglish(t *testing.T) {
	t.Parallel()
	names, err := fs.Glob(files, "templates/*.html")
	if err != nil || len(names) == 0 {
		t.Fatalf("templates: %v %v", names, err)
	}
	found := 0
	for _, name := range names {
		b, err := fs.ReadFile(files, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(b), -1) {
			found++
			if _, ok := englishText[m[1]]; !ok {
				t.Errorf("%s: no English for %q", name, m[1])
			}
		}
	}
	if found < 10 {
		t.Fatalf("found only %d translated texts in the templates", found)
	}
}

func TestLocalPathRefusesOtherSites(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"/van-ban?trang=2":       "/van-ban?trang=2",
		"https://evil.example/":  "/",
		"//evil.example/":        "/",
		`/\evil.example`:         "/",
		"":                       "/",
		"javascript:alert(1)":    "/",
		"/theo-doi/3?ngay=01/12": "/theo-doi/3?ngay=01/12",
	} {
		if got := localPath(in); got != want {
			t.Errorf("localPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// The switch turns the sign-in page English and back, and keeps the
// choice in a cookie so any instance shows the same language.
func TestLanguageSwitch(t *testing.T) {
	t.Parallel()
	h := New(Options{App: nil, Ping: nil})
	get := func(cookie *http.Cookie) string {
		req := httptest.NewRequest("GET", "/dang-nhap", nil)
		if cookie != nil {
			req.AddCookie(cookie)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Body.String()
	}
	if body := get(nil); !strings.Contains(body, `<html lang="vi">`) || !strings.Contains(body, "Tên đăng nhập") {
		t.Fatalf("default sign-in page is not Vietnamese:\n%s", body)
	}
	req := httptest.NewRequest("POST", "/ngon-ngu", strings.NewReader("lang=en&back=%2Fdang-nhap"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/dang-nhap" {
		t.Fatalf("switch: %d to %q", rec.Code, rec.Header().Get("Location"))
	}
	var c *http.Cookie
	for _, k := range rec.Result().Cookies() {
		if k.Name == languageCookie {
			c = k
		}
	}
	if c == nil || c.Value != "en" {
		t.Fatalf("switch set no language cookie: %v", rec.Result().Cookies())
	}
	body := get(c)
	if !strings.Contains(body, `<html lang="en">`) || !strings.Contains(body, "Username") || strings.Contains(body, "Tên đăng nhập") {
		t.Fatalf("sign-in page after switching is not English:\n%s", body)
	}
	if !strings.Contains(body, `value="vi"`) || !strings.Contains(body, "Tiếng Việt") {
		t.Fatalf("English page offers no way back to Vietnamese:\n%s", body)
	}
}

func TestBriefCutsLongTextsAtAWord(t *testing.T) {
	t.Parallel()
	long := "Căn cứ Hướng dẫn số 71-HD/BTGTU ngày 22/6/2022 của Ban Tuyên giáo Tỉnh ủy về tuyên truyền Chỉ thị số 12-CT/TW"
	if got := brief(long, 40); got != "Căn cứ Hướng dẫn số 71-HD/BTGTU ngày…" {
		t.Errorf("brief(…, 40) = %q", got)
	}
	if got := brief("Tổ chức hội nghị quán triệt", 40); got != "Tổ chức hội nghị quán triệt" {
		t.Errorf("a short text was changed: %q", got)
	}
}

// A refusal the program builds with values shows in English with the
// same values, and text without a translation stays as it was.
func TestBuiltMessagesAreTranslatedWithTheirValues(t *testing.T) {
	t.Parallel()
	for vi, want := range map[string]string{
		"Không có văn bản số 99-CT/TW":                               "There is no document number 99-CT/TW",
		"Mã đơn vị \"ldld\" đã được dùng":                            "Unit code \"ldld\" is already used",
		"Ngày kết thúc (01/01/2022) trước ngày bắt đầu (05/01/2022)": "The end date (01/01/2022) is before the start date (05/01/2022)",
		"Một câu chưa có bản dịch 12":                                "Một câu chưa có bản dịch 12",
	} {
		if got := translate(english, vi); got != want {
			t.Errorf("%q in English = %q, want %q", vi, got, want)
		}
		if got := translate(vietnamese, vi); got != vi {
			t.Errorf("%q in Vietnamese = %q", vi, got)
		}
	}
}
