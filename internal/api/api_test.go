package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"lantoa/examples"
	"lantoa/internal/app"
	"lantoa/internal/demo"
	"lantoa/internal/document"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
	"lantoa/internal/web"
)

const demoPassword = "mật khẩu mẫu Lai Châu"

// demoAPI loads the demo into a new database and returns the whole web
// application over it (the API behind the real protections) and its store.
func demoAPI(t *testing.T, s *store.Store) http.Handler {
	t.Helper()
	if _, err := demo.Load(context.Background(), s, demoPassword); err != nil {
		t.Fatalf("load the demo: %v", err)
	}
	return web.New(web.Options{App: app.New(s, nil), Ping: s.Ping})
}

type response struct {
	status int
	header http.Header
	body   []byte
}

// decode reads the body as JSON into v.
func (r response) decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("body is not the JSON expected (%v): %s", err, r.body)
	}
}

// problem checks that the response is a problem+json of status and
// returns its detail.
func (r response) problem(t *testing.T, status int) string {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d; body %s", r.status, status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("Content-Type %q, want application/problem+json", ct)
	}
	var p struct {
		Type, Title, Detail string
		Status              int
	}
	r.decode(t, &p)
	if p.Status != status || p.Title == "" || p.Detail == "" || p.Type != "about:blank" {
		t.Errorf("problem %+v, want status %d with a title and a detail", p, status)
	}
	return p.Detail
}

// call sends a request with the bearer token (when not empty).
func call(t *testing.T, h http.Handler, token, method, path, contentType string, body io.Reader) response {
	t.Helper()
	r := httptest.NewRequest(method, path, body)
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return response{status: w.Code, header: w.Result().Header, body: w.Body.Bytes()}
}

func get(t *testing.T, h http.Handler, token, path string) response {
	t.Helper()
	return call(t, h, token, "GET", path, "", nil)
}

// signIn opens a session for a demo account and returns its token.
func signIn(t *testing.T, h http.Handler, username string) string {
	t.Helper()
	body := fmt.Sprintf(`{"username":%q,"password":%q}`, username, demoPassword)
	res := call(t, h, "", "POST", "/api/v1/session", "application/json", strings.NewReader(body))
	if res.status != http.StatusCreated {
		t.Fatalf("sign in as %s: status %d, want 201; body %s", username, res.status, res.body)
	}
	var se struct{ Token string }
	res.decode(t, &se)
	if se.Token == "" {
		t.Fatalf("sign in as %s: no token in %s", username, res.body)
	}
	return se.Token
}

type docJSON struct {
	ID           int64   `json:"id"`
	NumberSymbol *string `json:"number_symbol"`
	DocType      *string `json:"doc_type"`
	Issuer       *string `json:"issuer"`
	Date         *string `json:"date"`
	File         *struct {
		Name string
		Size int64
	} `json:"file"`
	Existing bool `json:"existing"`
}

func str(p *string) string {
	if p == nil {
		return "<null>"
	}
	return *p
}

func TestAPISessionOpensAndEnds(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		h := demoAPI(t, s)
		if res := get(t, h, "", "/api/v1/assignments"); res.header.Get("WWW-Authenticate") == "" {
			t.Errorf("no WWW-Authenticate on a 401")
		} else {
			res.problem(t, http.StatusUnauthorized)
		}
		get(t, h, "not-a-token", "/api/v1/assignments").problem(t, http.StatusUnauthorized)

		token := signIn(t, h, "mttqtp.chuyenvien")
		if res := get(t, h, token, "/api/v1/assignments"); res.status != http.StatusOK {
			t.Fatalf("with the token: status %d, want 200; body %s", res.status, res.body)
		}
		if res := call(t, h, token, "DELETE", "/api/v1/session", "", nil); res.status != http.StatusNoContent {
			t.Fatalf("sign out: status %d, want 204; body %s", res.status, res.body)
		}
		get(t, h, token, "/api/v1/assignments").problem(t, http.StatusUnauthorized)
	})
}

func TestAPISignInRefusals(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		h := demoAPI(t, s)
		detail := call(t, h, "", "POST", "/api/v1/session", "application/json", strings.NewReader(`{"username": "admin", "password": `)).
			problem(t, http.StatusBadRequest)
		if !strings.Contains(detail, "JSON") {
			t.Errorf("malformed JSON: detail %q does not say what is wrong", detail)
		}
		call(t, h, "", "POST", "/api/v1/session", "application/json", strings.NewReader(`{"username": 7}`)).problem(t, http.StatusBadRequest)
		wrong := `{"username":"admin","password":"sai"}`
		var last response
		for range app.MaxLoginFailures + 1 {
			last = call(t, h, "", "POST", "/api/v1/session", "application/json", strings.NewReader(wrong))
		}
		if d := last.problem(t, http.StatusTooManyRequests); !strings.Contains(d, "hãy chờ") {
			t.Errorf("throttled sign-in says %q, want it to say to wait", d)
		}
	})
}

type todoJSON struct {
	ID          int64   `json:"id"`
	Status      string  `json:"status"`
	StatusLabel string  `json:"status_label"`
	Task        string  `json:"task"`
	Document    docJSON `json:"document"`
}

// The demo's Front officer has a returned report to redo: it is in their
// to-do with its document.
func TestAPIToDoOfTheFrontOfficer(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		h := demoAPI(t, s)
		var todos []todoJSON
		res := get(t, h, signIn(t, h, "mttqtp.chuyenvien"), "/api/v1/assignments")
		res.decode(t, &todos)
		if len(todos) == 0 {
			t.Fatalf("the demo's Front officer has nothing to do, want open work; body %s", res.body)
		}
		for _, x := range todos {
			if x.Document.ID == 0 || x.Document.NumberSymbol == nil || x.StatusLabel == "" {
				t.Errorf("to-do item %s names no document or status", res.body)
			}
		}
	})
}

// A letter entered at the national labour confederation and assigned to
// the provincial labour federation shows in the federation leader's to-do; she
// acknowledges it, and nobody of another unit may.
func TestAPIAcknowledgeAnAssignment(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		h := demoAPI(t, s)
		letter := bytes.Replace(example(t, "967-LDLD-cong-van.txt"), []byte("967/LĐLĐ"), []byte("968/LĐLĐ"), 1)
		res := upload(t, h, signIn(t, h, "admin"), "tld", "968-LDLD.txt", letter)
		var d docJSON
		res.decode(t, &d)
		if res.status != http.StatusCreated {
			t.Fatalf("upload: status %d; body %s", res.status, res.body)
		}
		svc := app.New(s, nil)
		federation, err := svc.UnitByCode(ctx, "ldld")
		if err != nil {
			t.Fatal(err)
		}
		const job = "Tuyên truyền Chỉ thị 12-CT/TW trong đoàn viên (thử)"
		if _, err := svc.CreateAssignments(ctx, app.System(), document.ID(d.ID), []app.AssignmentInput{{Unit: federation.ID, Task: job}}); err != nil {
			t.Fatal(err)
		}

		officer := signIn(t, h, "ldld.lanhdao")
		var todos []todoJSON
		get(t, h, officer, "/api/v1/assignments").decode(t, &todos)
		var mine *todoJSON
		for i, x := range todos {
			if x.Task == job {
				mine = &todos[i]
			}
		}
		if mine == nil || mine.Status != "sent" || mine.Document.ID != d.ID {
			t.Fatalf("to-do of the federation's leader %+v, want the new assignment, sent, on document %d", todos, d.ID)
		}
		path := fmt.Sprintf("/api/v1/assignments/%d/acknowledge", mine.ID)
		call(t, h, signIn(t, h, "mttqtp.chuyenvien"), "POST", path, "", nil).problem(t, http.StatusForbidden)

		res = call(t, h, officer, "POST", path, "", nil)
		var got struct {
			Status         string  `json:"status"`
			StatusLabel    string  `json:"status_label"`
			AcknowledgedAt *string `json:"acknowledged_at"`
		}
		res.decode(t, &got)
		if res.status != http.StatusOK || got.Status != "acknowledged" || got.StatusLabel != "Đã xem" || got.AcknowledgedAt == nil {
			t.Errorf("acknowledge: status %d, %s\nwant 200, acknowledged (Đã xem) with its time", res.status, res.body)
		}
		call(t, h, officer, "POST", "/api/v1/assignments/987654/acknowledge", "", nil).problem(t, http.StatusNotFound)
	})
}

func TestAPIDocumentsAndRollupOfTheDirective(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		h := demoAPI(t, s)
		token := signIn(t, h, "btgtu.lanhdao")
		var found []docJSON
		get(t, h, token, "/api/v1/documents?number="+url.QueryEscape("12-CT/TW")).decode(t, &found)
		if len(found) != 1 || str(found[0].NumberSymbol) != "12-CT/TW" || str(found[0].DocType) != "Chỉ thị" {
			t.Fatalf("documents numbered 12-CT/TW: %+v, want the one Chỉ thị", found)
		}
		directive := found[0].ID

		var one docJSON
		get(t, h, token, fmt.Sprintf("/api/v1/documents/%d", directive)).decode(t, &one)
		if one.ID != directive || str(one.Issuer) != "Ban Bí thư" || str(one.Date) != "2022-01-05" {
			t.Errorf("document %d: %+v, want 12-CT/TW of the Ban Bí thư dated 2022-01-05", directive, one)
		}
		var tree []struct {
			Document docJSON `json:"document"`
			ParentID *int64  `json:"parent_id"`
			Depth    int     `json:"depth"`
		}
		get(t, h, token, fmt.Sprintf("/api/v1/documents/%d/cascade", directive)).decode(t, &tree)
		if len(tree) < 2 || tree[0].Document.ID != directive || tree[0].ParentID != nil || tree[1].ParentID == nil {
			t.Errorf("cascade of 12-CT/TW: %+v, want the directive first then documents under it", tree)
		}

		res := get(t, h, token, fmt.Sprintf("/api/v1/rollup?directive=%d&unit=ltu-btg&as_of=2022-12-31", directive))
		if res.status != http.StatusOK {
			t.Fatalf("rollup: status %d; body %s", res.status, res.body)
		}
		var ru struct {
			AsOf     string `json:"as_of"`
			Unit     struct{ Code string }
			Coverage struct{ Assigned, Reported, Late int }
			Totals   []struct {
				Indicator struct{ Code string }
				Num       float64
			}
			Children []struct{ Unit struct{ Code string } }
		}
		res.decode(t, &ru)
		unit, err := app.New(s, nil).UnitByCode(ctx, "ltu-btg")
		if err != nil {
			t.Fatal(err)
		}
		want, err := app.New(s, nil).Rollup(ctx, app.System(), document.ID(directive), unit.ID, day(t, "2022-12-31"))
		if err != nil {
			t.Fatal(err)
		}
		if ru.AsOf != "2022-12-31" || ru.Unit.Code != "ltu-btg" || ru.Coverage.Assigned != want.Coverage.Assigned ||
			ru.Coverage.Reported != want.Coverage.Reported || ru.Coverage.Late != want.Coverage.Late || want.Coverage.Assigned == 0 {
			t.Errorf("rollup JSON %s\nwant as_of 2022-12-31, unit ltu-btg, coverage %+v", res.body, want.Coverage)
		}
		if len(ru.Totals) != len(want.Totals) || len(ru.Children) != len(want.Children) {
			t.Fatalf("rollup has %d totals and %d children, want %d and %d", len(ru.Totals), len(ru.Children), len(want.Totals), len(want.Children))
		}
		for i, tot := range want.Totals {
			if ru.Totals[i].Indicator.Code != tot.Indicator.Code || ru.Totals[i].Num != tot.Num {
				t.Errorf("total %d: %+v, want %s = %v", i, ru.Totals[i], tot.Indicator.Code, tot.Num)
			}
		}

		// The Front officer of the city has no business with the province's results.
		front := signIn(t, h, "mttqtp.chuyenvien")
		get(t, h, front, fmt.Sprintf("/api/v1/rollup?directive=%d&unit=ltu", directive)).problem(t, http.StatusForbidden)
		get(t, h, token, fmt.Sprintf("/api/v1/rollup?directive=%d&unit=ltu-btg&as_of=31/12/2022", directive)).problem(t, http.StatusBadRequest)
		get(t, h, token, "/api/v1/documents/987654").problem(t, http.StatusNotFound)
		get(t, h, token, "/api/v1/documents/abc").problem(t, http.StatusBadRequest)
		get(t, h, token, "/api/v1/no-such-thing").problem(t, http.StatusNotFound)
	})
}

// A confidential document nobody granted the caller is refused, with a
// message saying why, even to someone of the unit holding it.
func TestAPIConfidentialDocumentIsForbidden(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		h := demoAPI(t, s)
		svc := app.New(s, nil)
		board, err := svc.UnitByCode(ctx, "ltu-btg")
		if err != nil {
			t.Fatal(err)
		}
		secret := document.Metadata{DocType: "Công văn", Number: "45", Symbol: "CV/BTGTU", NumberSymbol: "45-CV/BTGTU",
			Issuer: "Ban Tuyên giáo Tỉnh ủy", Date: "2022-08-01", Subject: "tình hình dư luận xã hội", Confidentiality: "Mật"}
		reg, err := svc.RegisterIncoming(ctx, app.System(), board.ID, app.RegisterInput{Metadata: secret})
		if err != nil {
			t.Fatal(err)
		}
		detail := get(t, h, signIn(t, h, "btgtu.chuyenvien"), fmt.Sprintf("/api/v1/documents/%d", reg.Document.ID)).problem(t, http.StatusForbidden)
		if !strings.Contains(detail, "mật") {
			t.Errorf("refusal says %q, want it to say the document is confidential", detail)
		}
	})
}

// The web application's body limit answers as a problem, not a page.
func TestAPIRefusesAnOversizedBody(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		h := web.New(web.Options{App: app.New(s, nil), Ping: s.Ping})
		huge := `{"username":"admin","password":"` + strings.Repeat("x", 2<<20) + `"}`
		call(t, h, "", "POST", "/api/v1/session", "application/json", strings.NewReader(huge)).problem(t, http.StatusRequestEntityTooLarge)
	})
}

func TestAPIUnitsByName(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		h := demoAPI(t, s)
		token := signIn(t, h, "mttqtp.chuyenvien")
		var units []struct{ Code, Name string }
		get(t, h, token, "/api/v1/units?q="+url.QueryEscape("lien doan lao dong")).decode(t, &units)
		if len(units) == 0 {
			t.Fatal("no unit named Liên đoàn Lao động found by its unaccented name")
		}
		for _, u := range units {
			if !strings.Contains(u.Name, "Liên đoàn Lao động") {
				t.Errorf("unit %s %q found for «lien doan lao dong»", u.Code, u.Name)
			}
		}
	})
}

// example reads an example document shipped with Lan Tỏa.
func example(t *testing.T, name string) []byte {
	t.Helper()
	data, err := examples.Files.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// upload sends a file to POST /api/v1/documents for unit.
func upload(t *testing.T, h http.Handler, token, unit, name string, data []byte) response {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("unit", unit)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	return call(t, h, token, "POST", "/api/v1/documents", mw.FormDataContentType(), &body)
}

// The demo already holds Công văn 967/LĐLĐ: uploading it again adds only a
// register line; the same letter under a new number is a new document.
func TestAPIUploadRegistersTheCongVanOfTheLabourFederation(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		// In 2022, when the provincial board (merged away in 2025) stood.
		h := demoAPI(t, s.WithClock(func() time.Time { return time.Date(2022, 12, 31, 9, 0, 0, 0, time.UTC) }))
		clerk := signIn(t, h, "btgtu.vanthu")
		known := upload(t, h, clerk, "ltu-btg", "967-LDLD-cong-van.txt", example(t, "967-LDLD-cong-van.txt"))
		var d docJSON
		known.decode(t, &d)
		if known.status != http.StatusOK || str(d.NumberSymbol) != "967/LĐLĐ" || !d.Existing || d.ID == 0 {
			t.Fatalf("upload of the demo's 967/LĐLĐ: status %d, %s\nwant 200, number_symbol 967/LĐLĐ, existing", known.status, known.body)
		}

		letter := bytes.Replace(example(t, "967-LDLD-cong-van.txt"), []byte("967/LĐLĐ"), []byte("968/LĐLĐ"), 1)
		first := upload(t, h, clerk, "ltu-btg", "968-LDLD.txt", letter)
		var nd docJSON
		first.decode(t, &nd)
		if first.status != http.StatusCreated || str(nd.NumberSymbol) != "968/LĐLĐ" || nd.Existing || nd.ID == 0 || nd.ID == d.ID ||
			str(nd.Issuer) != "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU" || str(nd.Date) != "2022-07-11" {
			t.Fatalf("upload of a new letter: status %d, %s\nwant 201, a new document 968/LĐLĐ of the LĐLĐ tỉnh dated 2022-07-11", first.status, first.body)
		}
		loc := first.header.Get("Location")
		if loc != fmt.Sprintf("/api/v1/documents/%d", nd.ID) {
			t.Errorf("Location %q, want /api/v1/documents/%d", loc, nd.ID)
		}
		var stored docJSON
		res := get(t, h, clerk, loc)
		res.decode(t, &stored)
		if stored.ID != nd.ID || str(stored.NumberSymbol) != "968/LĐLĐ" || stored.File == nil || stored.File.Size != int64(len(letter)) {
			t.Errorf("stored document %s, want 968/LĐLĐ with its file of %d bytes", res.body, len(letter))
		}
		if f := get(t, h, clerk, loc+"/file"); f.status != http.StatusOK || !bytes.Equal(f.body, letter) ||
			f.header.Get("Content-Disposition") != `attachment; filename="968-LDLD.txt"` {
			t.Errorf("original file: status %d, %q, %d bytes; want 200, the %d bytes sent, named 968-LDLD.txt",
				f.status, f.header.Get("Content-Disposition"), len(f.body), len(letter))
		}
		get(t, h, signIn(t, h, "chibo.tdp1"), loc+"/file").problem(t, http.StatusForbidden)

		// The labour federation's clerk entering the same letter finds it stored.
		again := upload(t, h, signIn(t, h, "ldld.vanthu"), "ldld", "968-LDLD.txt", letter)
		var d2 docJSON
		again.decode(t, &d2)
		if again.status != http.StatusOK || !d2.Existing || d2.ID != nd.ID {
			t.Errorf("second upload: status %d, %s\nwant 200, existing, id %d", again.status, again.body, nd.ID)
		}

		// An officer of another unit may not enter documents in the clerk's register.
		upload(t, h, signIn(t, h, "mttqtp.chuyenvien"), "ltu-btg", "968-LDLD.txt", letter).problem(t, http.StatusForbidden)
		// Without the file the request says what is missing.
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		mw.WriteField("unit", "ltu-btg")
		mw.Close()
		if d := call(t, h, clerk, "POST", "/api/v1/documents", mw.FormDataContentType(), &body).problem(t, http.StatusBadRequest); !strings.Contains(d, "file") {
			t.Errorf("upload without a file says %q, want it to name the field", d)
		}
	})
}

func TestAPIServesItsOpenAPIDocument(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		h := web.New(web.Options{App: app.New(s, nil), Ping: s.Ping})
		res := get(t, h, "", "/api/v1/openapi.json")
		var doc struct {
			OpenAPI string         `json:"openapi"`
			Paths   map[string]any `json:"paths"`
		}
		res.decode(t, &doc)
		if res.status != http.StatusOK || doc.Paths["/rollup"] == nil {
			t.Errorf("openapi.json: status %d, paths %v", res.status, doc.Paths)
		}
	})
}

func day(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
