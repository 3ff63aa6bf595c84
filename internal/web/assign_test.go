package web

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"lantoa/examples"
	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/store/storetest"
)

// siteOn is the demo seen on a day (yyyy-mm-dd, at noon): in 2022 every
// unit that carried 12-CT/TW down still exists.
func siteOn(t *testing.T, dsn, day string) (http.Handler, *app.Service) {
	t.Helper()
	_, s := demoSite(t, dsn)
	at, err := time.Parse(time.DateOnly, day)
	if err != nil {
		t.Fatal(err)
	}
	clocked := s.WithClock(func() time.Time { return at.Add(12 * time.Hour) })
	svc := app.New(clocked, nil)
	return New(Options{App: svc, Ping: s.Ping}), svc
}

// uploadLetter enters, through the upload pages, the labour federation's
// letter under a new number (so it is a new document) in unit's incoming
// register, and returns the path of the page the save leads to.
func uploadLetter(t *testing.T, h http.Handler, c *http.Cookie, unit, number string) string {
	t.Helper()
	data, err := examples.Files.ReadFile("967-LDLD-cong-van.txt")
	if err != nil {
		t.Fatal(err)
	}
	data = []byte(strings.Replace(string(data), "967/LĐLĐ", number, 1))
	p := postMultipart(t, h, "/van-ban/moi", c, nil, "cong-van.txt", data)
	if p.status != http.StatusOK {
		t.Fatalf("upload: got %d, want 200:\n%s", p.status, text(p))
	}
	fields := map[string]string{}
	for _, m := range regexp.MustCompile(`name="([a-z-]+)" value="([^"]*)"`).FindAllStringSubmatch(p.body, -1) {
		fields[m[1]] = html.UnescapeString(m[2])
	}
	fields["don-vi"], fields["so"] = unit, "incoming"
	saved := postMultipart(t, h, "/van-ban/luu", c, fields, "", nil)
	return redirected(t, "save the upload", saved, "/van-ban/")
}

// checkbox is the exact checkbox of a proposed unit, ticked.
func checkbox(u org.Unit) string {
	return fmt.Sprintf(`<input type="checkbox" name="don-vi" value="%d" id="don-vi-%s" checked>`, u.ID, u.Code)
}

func TestWebAssignFromAnUploadedLetter(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		h, svc := siteOn(t, dsn, "2022-07-15")
		clerk := session(t, h, "ldld.vanthu")
		unit := func(code string) org.Unit {
			u, err := svc.UnitByCode(ctx, code)
			if err != nil {
				t.Fatal(err)
			}
			return u
		}

		// The saved document offers to assign work from it.
		docPath := uploadLetter(t, h, clerk, "ldld", "968/LĐLĐ")
		docPath, _, _ = strings.Cut(docPath, "?")
		assignPath := docPath + "/giao-nhiem-vu"
		wantText(t, "the saved document", request(t, h, "GET", docPath+"?da-luu=1", clerk, nil), http.StatusOK,
			"Đã vào sổ văn bản.", `href="`+assignPath+`"`)

		// The proposal spreads "Liên đoàn Lao động các huyện, thành phố" over
		// the district federations and the city's, each checked, and shows
		// the deadline the letter gives only in words.
		p := request(t, h, "GET", assignPath, clerk, nil)
		want := []string{"Liên đoàn Lao động các huyện, thành phố", `<input name="han" id="han"`, "trong báo cáo năm 2022",
			`<button type="submit" id="giao">`}
		for _, code := range []string{"ldld-tamduong", "ldld-phongtho", "ldld-tp", "cd-giaoduc", "cd-yte", "cd-vienchuc"} {
			u := unit(code)
			want = append(want, checkbox(u), fmt.Sprintf(`<label for="don-vi-%s">%s</label>`, code, u.Name))
		}
		wantText(t, "the proposal", p, http.StatusOK, want...)
		// The whole letter is every line's task: one "Xem toàn văn" holds
		// it, the other lines say they have the same task.
		if body := text(p); strings.Count(body, "Xem toàn văn") != 1 || !strings.Contains(body, "Nhiệm vụ như dòng trên.") {
			t.Errorf("the proposal: want the letter once behind \"Xem toàn văn\", the other lines marked the same task:\n%s", body)
		}
		if strings.Contains(text(p), `id="don-vi-ldld"`) {
			t.Errorf("the proposal offers the assigning federation itself:\n%s", text(p))
		}

		// No unit, or a deadline not written dd/mm/yyyy, is refused with
		// the form shown again and nothing stored.
		tamduong, tp := unit("ldld-tamduong"), unit("ldld-tp")
		wantText(t, "no unit chosen", request(t, h, "POST", assignPath, clerk, url.Values{"han": {"15/12/2022"}}),
			http.StatusBadRequest, "Hãy chọn ít nhất một đơn vị được giao nhiệm vụ", `id="giao"`)
		bad := request(t, h, "POST", assignPath, clerk, url.Values{"don-vi": {fmt.Sprint(tamduong.ID)}, "han": {"31/02/2022"}})
		wantText(t, "a wrong deadline", bad, http.StatusBadRequest, "Hạn báo cáo phải viết theo dạng ngày/tháng/năm")
		if strings.Contains(bad.body, checkbox(unit("ldld-phongtho"))) {
			t.Errorf("the form shown again ticks a unit that was not ticked:\n%s", text(bad))
		}

		// Two units kept: only they are assigned, with the deadline typed.
		done := request(t, h, "POST", assignPath, clerk, url.Values{"don-vi": {fmt.Sprint(tamduong.ID), fmt.Sprint(tp.ID)}, "han": {"15/12/2022"}})
		if loc := redirected(t, "assign", done, docPath); loc != docPath {
			t.Errorf("assign: redirected to %q, want %q", loc, docPath)
		}
		doc := request(t, h, "GET", docPath, clerk, nil)
		wantText(t, "the document after assigning", doc, http.StatusOK, "Nhiệm vụ đã giao", tamduong.Name, tp.Name, "15/12/2022")
		if strings.Contains(text(doc), unit("ldld-phongtho").Name) {
			t.Errorf("a unit left unticked is assigned:\n%s", text(doc))
		}
		ds, err := svc.DocumentsByNumber(ctx, app.System(), "968/LĐLĐ")
		if err != nil {
			t.Fatal(err)
		}
		lines, err := svc.DocumentAssignments(ctx, app.System(), ds[0].ID)
		if err != nil || len(lines) != 2 {
			t.Fatalf("assignments of 968/LĐLĐ: got %d, %v; want 2", len(lines), err)
		}
		for _, l := range lines {
			if l.Assignment.Due.Date.Format(time.DateOnly) != "2022-12-15" || !strings.Contains(l.Assignment.Task, "báo cáo kết quả") {
				t.Errorf("assignment of %s: due %v, task %q; want 15/12/2022 and the letter's task", l.Unit.Name, l.Assignment.Due, l.Assignment.Task)
			}
		}
		// The district federation's officer finds it at home at once.
		if _, err := svc.CreateAccount(ctx, app.System(), app.NewAccount{Username: "ldldtd.chuyenvien", DisplayName: "Lò Văn Tâm",
			Password: demoPassword, Memberships: []org.Membership{{Unit: tamduong.ID, Role: org.Officer}}}); err != nil {
			t.Fatal(err)
		}
		wantText(t, "home of the district federation", request(t, h, "GET", "/", session(t, h, "ldldtd.chuyenvien"), nil), http.StatusOK, "968/LĐLĐ")

		// Assigned units are no longer offered.
		again := text(request(t, h, "GET", assignPath, clerk, nil))
		if strings.Contains(again, `id="don-vi-ldld-tamduong"`) || !strings.Contains(again, "đã được giao theo văn bản này") {
			t.Errorf("the proposal after assigning still offers Tam Đường:\n%s", again)
		}

		// An account of an unrelated unit may neither see nor send the form.
		other := session(t, h, "btgthu.vanthu")
		if p := request(t, h, "GET", assignPath, other, nil); p.status != http.StatusForbidden {
			t.Errorf("proposal for the city board's clerk: got %d, want 403", p.status)
		}
		if p := request(t, h, "POST", assignPath, other, url.Values{"don-vi": {fmt.Sprint(tamduong.ID)}}); p.status != http.StatusForbidden {
			t.Errorf("assigning by the city board's clerk: got %d, want 403", p.status)
		}
		if p := request(t, h, "GET", "/van-ban/999999/giao-nhiem-vu", clerk, nil); p.status != http.StatusNotFound {
			t.Errorf("proposal of a document that does not exist: got %d, want 404", p.status)
		}
		if strings.Contains(text(request(t, h, "GET", docPath, other, nil)), `/giao-nhiem-vu"`) {
			t.Errorf("the document page offers assigning to someone who may not")
		}
	})
}

// A group the reader cannot spread over units gets a list to pick from;
// the picked units are assigned with that line's task.
func TestWebAssignPicksUnitsForAnUnmatchedText(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		h, svc := siteOn(t, dsn, "2022-07-15")
		ldld, err := svc.UnitByCode(ctx, "ldld")
		if err != nil {
			t.Fatal(err)
		}
		reg, err := svc.RegisterIncoming(ctx, app.System(), ldld.ID, app.RegisterInput{Metadata: document.Metadata{
			DocType: "Kế hoạch", NumberSymbol: "40/KH-LĐLĐ", Issuer: "Liên đoàn Lao động tỉnh", Date: "2022-07-14", Subject: "Kế hoạch tuyên truyền",
			Assignments: []document.Assignment{{Assignee: "Các tổ chức công đoàn trong khối doanh nghiệp", Task: "Tổ chức tọa đàm"}}}})
		if err != nil {
			t.Fatal(err)
		}
		path := fmt.Sprintf("/van-ban/%d/giao-nhiem-vu", reg.Document.ID)
		clerk := session(t, h, "ldld.vanthu")
		caosu, err := svc.UnitByCode(ctx, "cdcs-caosu")
		if err != nil {
			t.Fatal(err)
		}
		wantText(t, "proposal with an unmatched text", request(t, h, "GET", path, clerk, nil), http.StatusOK,
			`<select multiple name="chon-0"`, fmt.Sprintf(`<option value="%d">%s</option>`, caosu.ID, caosu.Name))
		redirected(t, "assign the picked unit", request(t, h, "POST", path, clerk, url.Values{"chon-0": {fmt.Sprint(caosu.ID)}}), "/van-ban/")
		lines, err := svc.DocumentAssignments(ctx, app.System(), reg.Document.ID)
		if err != nil || len(lines) != 1 || lines[0].Unit.ID != caosu.ID || lines[0].Assignment.Task != "Tổ chức tọa đàm" {
			t.Fatalf("assignments: got %+v, %v; want the rubber company's union with the line's task", lines, err)
		}
	})
}
