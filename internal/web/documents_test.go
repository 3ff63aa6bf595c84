package web

import (
	"bytes"
	"context"
	"html"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"lantoa/examples"
	"lantoa/internal/app"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
	"lantoa/internal/vn"
)

// signedInAs signs a demo person in and returns the session cookie.
func signedInAs(t *testing.T, h http.Handler, username string) *http.Cookie {
	t.Helper()
	p := signIn(t, h, username, demoPassword)
	if p.cookie == nil {
		t.Fatalf("sign in as %s: got %d and no cookie", username, p.status)
	}
	return p.cookie
}

// text is a page's body as read on screen: entities decoded, NFC.
func text(p page) string { return vn.NFC(html.UnescapeString(p.body)) }

// postMultipart sends a multipart form, with a file in "tep" when name is
// not empty.
func postMultipart(t *testing.T, h http.Handler, path string, c *http.Cookie, fields map[string]string, name string, data []byte) page {
	t.Helper()
	field := "tep"
	if name == "" {
		field = ""
	}
	return postFile(t, h, path, c, fields, field, name, data)
}

// postFile sends a multipart form with one file in field (none when field
// is empty).
func postFile(t *testing.T, h http.Handler, path string, c *http.Cookie, fields map[string]string, field, name string, data []byte) page {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	if field != "" {
		fw, err := mw.CreateFormFile(field, name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(data)
	}
	mw.Close()
	r := httptest.NewRequest("POST", path, &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.AddCookie(c)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return page{status: w.Code, header: w.Header(), body: w.Body.String()}
}

// directiveID finds a demo document by its number and notation.
func directiveID(t *testing.T, s *store.Store, numberSymbol string) string {
	t.Helper()
	ds, err := app.New(s, nil).DocumentsByNumber(context.Background(), app.System(), numberSymbol)
	if err != nil || len(ds) != 1 {
		t.Fatalf("find %s: got %d documents, %v; want one", numberSymbol, len(ds), err)
	}
	return strconv.FormatInt(int64(ds[0].ID), 10)
}

func TestWebRegisterListsTheCityBoardsDocuments(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, _ := demoSite(t, dsn)
		c := signedInAs(t, h, "btgthu.vanthu")

		// Without a unit, the register is the clerk's own (tp-btg).
		p := request(t, h, "GET", "/van-ban", c, nil)
		if p.status != http.StatusOK || !strings.Contains(text(p), "71-HD/BTGTU") || !strings.Contains(text(p), "Ban Tuyên giáo Thành ủy Lai Châu") {
			t.Fatalf("register of tp-btg: got %d, want 200 listing 71-HD/BTGTU:\n%s", p.status, p.body)
		}
		// The province's guidance arrived: it is in the incoming register only.
		in := text(request(t, h, "GET", "/van-ban?don-vi=tp-btg&so=incoming", c, nil))
		out := text(request(t, h, "GET", "/van-ban?don-vi=tp-btg&so=outgoing", c, nil))
		if !strings.Contains(in, "71-HD/BTGTU") {
			t.Errorf("incoming register: want 71-HD/BTGTU:\n%s", in)
		}
		if strings.Contains(out, "71-HD/BTGTU") || !strings.Contains(out, "Không có văn bản nào") {
			t.Errorf("outgoing register: want no 71-HD/BTGTU:\n%s", out)
		}
		// The search filters by the notation's words.
		if q := text(request(t, h, "GET", "/van-ban?don-vi=tp-btg&q=71-HD", c, nil)); !strings.Contains(q, "71-HD/BTGTU") || strings.Contains(q, "28-HD/BTGThU") {
			t.Errorf("search 71-HD: want only 71-HD/BTGTU:\n%s", q)
		}
		// A day not written dd/mm/yyyy is said by its field.
		bad := request(t, h, "GET", "/van-ban?tu-ngay=2022-31-01", c, nil)
		if bad.status != http.StatusBadRequest || !strings.Contains(text(bad), "Ngày phải viết theo dạng ngày/tháng/năm") {
			t.Errorf("bad day: got %d, want 400 with the field's error:\n%s", bad.status, bad.body)
		}
		// Another unit's register is not for this clerk.
		if p := request(t, h, "GET", "/van-ban?don-vi=ldld", c, nil); p.status != http.StatusForbidden {
			t.Errorf("register of ldld for the city clerk: got %d, want 403", p.status)
		}
	})
}

func TestWebDocumentPageShowsTheCascade(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, s := demoSite(t, dsn)
		c := signedInAs(t, h, "admin")
		p := request(t, h, "GET", "/van-ban/"+directiveID(t, s, "12-CT/TW"), c, nil)
		body := text(p)
		if p.status != http.StatusOK {
			t.Fatalf("document 12-CT/TW: got %d, want 200:\n%s", p.status, p.body)
		}
		for _, want := range []string{"Số, ký hiệu", "12-CT/TW", "Ngày ban hành", "Triển khai", "71-HD/BTGTU", "28-HD/BTGThU", "Được dẫn chiếu bởi"} {
			if !strings.Contains(body, want) {
				t.Errorf("document 12-CT/TW: want %q on the page:\n%s", want, body)
			}
		}
		// The cascade nests each document under the one it implements: the
		// province's guidance under the directive, the city's one level deeper
		// (under the city committee's letter).
		cascade := body[strings.Index(body, "<h2>Triển khai</h2>"):]
		depth := func(numberSymbol string) int {
			i := strings.Index(cascade, numberSymbol+"</a>")
			if i < 0 {
				return -1
			}
			return strings.Count(cascade[:i], "<ul") - strings.Count(cascade[:i], "</ul>")
		}
		if root, province, city := depth("12-CT/TW"), depth("71-HD/BTGTU"), depth("28-HD/BTGThU"); root != 1 || province != 2 || city != 3 {
			t.Errorf("cascade depths: got 12-CT/TW %d, 71-HD/BTGTU %d, 28-HD/BTGThU %d; want 1, 2, 3:\n%s", root, province, city, cascade)
		}
		// The city's guidance links back to what it implements.
		g := text(request(t, h, "GET", "/van-ban/"+directiveID(t, s, "28-HD/BTGThU"), c, nil))
		if !regexp.MustCompile(`<a href="/van-ban/\d+">[^<]*71-HD/BTGTU</a>`).MatchString(g) {
			t.Errorf("document 28-HD/BTGThU: want a link to 71-HD/BTGTU among its citations:\n%s", g)
		}
		if p := request(t, h, "GET", "/van-ban/999999", c, nil); p.status != http.StatusNotFound {
			t.Errorf("a document that does not exist: got %d, want 404", p.status)
		}
	})
}

func TestWebUploadPrefillsTheFormWarnsOfTheDuplicateAndSaves(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, _ := demoSiteOn(t, dsn, demoCampaignDay)
		c := signedInAs(t, h, "btgthu.vanthu")
		if p := request(t, h, "GET", "/van-ban/moi", c, nil); p.status != http.StatusOK || !strings.Contains(text(p), "Tệp văn bản") {
			t.Fatalf("upload page: got %d, want 200 with the file field:\n%s", p.status, p.body)
		}
		data, err := examples.Files.ReadFile("967-LDLD-cong-van.txt")
		if err != nil {
			t.Fatal(err)
		}
		p := postMultipart(t, h, "/van-ban/moi", c, nil, "967-LDLD-cong-van.txt", data)
		body := text(p)
		if p.status != http.StatusOK || !strings.Contains(body, `name="so-ky-hieu" value="967/LĐLĐ"`) {
			t.Fatalf("upload of 967: got %d, want 200 with the number pre-filled:\n%s", p.status, body)
		}
		if !strings.Contains(body, "Văn bản này có thể đã có trong Lan Tỏa") {
			t.Errorf("upload of 967: want the duplicate warned:\n%s", body)
		}

		// Saving the form as shown enters it in the city board's incoming register.
		fields := map[string]string{}
		for _, m := range regexp.MustCompile(`name="([a-z-]+)" value="([^"]*)"`).FindAllStringSubmatch(p.body, -1) {
			fields[m[1]] = html.UnescapeString(m[2])
		}
		fields["don-vi"], fields["so"] = "tp-btg", "incoming"
		saved := postMultipart(t, h, "/van-ban/luu", c, fields, "", nil)
		if saved.status != http.StatusSeeOther || !strings.HasPrefix(saved.header.Get("Location"), "/van-ban/") {
			t.Fatalf("save: got %d to %q, want 303 to the document:\n%s", saved.status, saved.header.Get("Location"), saved.body)
		}
		if reg := text(request(t, h, "GET", "/van-ban?don-vi=tp-btg&so=incoming&q=967", c, nil)); !strings.Contains(reg, "967/LĐLĐ") {
			t.Errorf("incoming register after saving: want 967/LĐLĐ:\n%s", reg)
		}

		// The original file comes back as it was sent, to those who may see it.
		docPath := strings.SplitN(saved.header.Get("Location"), "?", 2)[0]
		if doc := request(t, h, "GET", docPath, c, nil); !strings.Contains(doc.body, `href="`+docPath+`/tep-goc"`) {
			t.Errorf("the document page has no link to its original file:\n%s", doc.body)
		}
		file := request(t, h, "GET", docPath+"/tep-goc", c, nil)
		if file.status != http.StatusOK || file.body != string(data) || file.header.Get("Content-Type") != "text/plain; charset=utf-8" ||
			file.header.Get("Content-Disposition") != `attachment; filename="967-LDLD-cong-van.txt"` {
			t.Errorf("original file: got %d, %s, %q, %d bytes; want 200, the %d bytes sent, as an attachment named after the upload",
				file.status, file.header.Get("Content-Type"), file.header.Get("Content-Disposition"), len(file.body), len(data))
		}
		if other := request(t, h, "GET", docPath+"/tep-goc", signedInAs(t, h, "chibo.tdp1"), nil); other.status != http.StatusForbidden || other.body == string(data) {
			t.Errorf("original file asked for by a party cell: got %d, want 403 without the file", other.status)
		}

		// A wrong day is said next to its field, and nothing is saved.
		fields["ngay-ban-hanh"] = "31/02/2022"
		if bad := postMultipart(t, h, "/van-ban/luu", c, fields, "", nil); bad.status != http.StatusBadRequest || !strings.Contains(text(bad), "Ngày phải viết theo dạng ngày/tháng/năm") {
			t.Errorf("save with a wrong day: got %d, want 400 with the field's error:\n%s", bad.status, bad.body)
		}
		if none := postMultipart(t, h, "/van-ban/moi", c, nil, "", nil); none.status != http.StatusBadRequest || !strings.Contains(text(none), "Hãy chọn tệp văn bản") {
			t.Errorf("upload without a file: got %d, want 400 asking for one", none.status)
		}
	})
}
