package api_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lantoa/internal/app"
	"lantoa/internal/org"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// send sends a JSON body.
func send(t *testing.T, h http.Handler, token, method, path, body string) response {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	return call(t, h, token, method, path, "application/json", r)
}

// want checks a response's status and reads its JSON into v (when not nil).
func (r response) want(t *testing.T, status int, v any) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d; body %s", r.status, status, r.body)
	}
	if v != nil {
		r.decode(t, v)
	}
}

// newPerson makes an account acting for the unit of code in role.
func newPerson(t *testing.T, svc *app.Service, username, code string, role org.Role) {
	t.Helper()
	ctx := context.Background()
	u, err := svc.UnitByCode(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	_, err = svc.CreateAccount(ctx, app.System(), app.NewAccount{Username: username, DisplayName: username, Password: demoPassword,
		Memberships: []org.Membership{{Unit: u.ID, Role: role}}})
	if err != nil {
		t.Fatal(err)
	}
}

type unitJSON struct {
	ID       int64      `json:"id"`
	Code     string     `json:"code"`
	Children []unitJSON `json:"children"`
	Parents  []unitJSON `json:"parents"`
}

func codes(us []unitJSON) string {
	var cs []string
	for _, u := range us {
		cs = append(cs, u.Code)
	}
	return strings.Join(cs, " ")
}

// find looks for a unit by code in a tree.
func find(us []unitJSON, code string) *unitJSON {
	for i := range us {
		if us[i].Code == code {
			return &us[i]
		}
		if u := find(us[i].Children, code); u != nil {
			return u
		}
	}
	return nil
}

// The organisation as of a day: the city's labour federation is under the
// province's in 2022 and gone since the 2025 reorganisation.
func checkUnits(t *testing.T, h http.Handler, token string) {
	t.Helper()
	var tree []unitJSON
	get(t, h, token, "/api/v1/units?tree=true&on=2022-12-31").want(t, http.StatusOK, &tree)
	ldld := find(tree, "ldld")
	if ldld == nil || find(ldld.Children, "ldld-tp") == nil || find(tree, "tld") == nil {
		t.Fatalf("tree of 31/12/2022: %v; want tld with ldld and ldld-tp under it", codes(tree))
	}
	id := ldld.ID
	var now []unitJSON
	get(t, h, token, "/api/v1/units?tree=true").want(t, http.StatusOK, &now)
	if find(now, "ldld") == nil || find(now, "ldld-tp") != nil {
		t.Errorf("tree of today: want ldld and no ldld-tp (closed in 2025)")
	}
	var one unitJSON
	get(t, h, token, fmt.Sprintf("/api/v1/units/%d?ngay=2022-12-31", id)).want(t, http.StatusOK, &one)
	if one.Code != "ldld" || !strings.Contains(codes(one.Parents), "tld") || !strings.Contains(codes(one.Children), "ldld-tp") {
		t.Errorf("ldld on 31/12/2022: parents %q children %q; want tld above and ldld-tp below", codes(one.Parents), codes(one.Children))
	}
	one = unitJSON{}
	get(t, h, token, fmt.Sprintf("/api/v1/units/%d", id)).want(t, http.StatusOK, &one)
	if strings.Contains(codes(one.Children), "ldld-tp") || !strings.Contains(codes(one.Children), "cd-giaoduc") {
		t.Errorf("ldld today: children %q; want cd-giaoduc and no ldld-tp", codes(one.Children))
	}
	get(t, h, token, "/api/v1/units?on=31/12/2022").problem(t, http.StatusBadRequest)
	get(t, h, token, "/api/v1/units/987654").problem(t, http.StatusNotFound)
}

type pageJSON struct {
	Total int `json:"total"`
	Items []struct {
		ID           int64   `json:"id"`
		NumberSymbol *string `json:"number_symbol"`
		Register     string  `json:"register"`
		EntryNo      int64   `json:"entry_no"`
	} `json:"items"`
}

type assignmentJSON struct {
	ID           int64  `json:"id"`
	Status       string `json:"status"`
	Task         string `json:"task"`
	AssigneeUnit struct {
		Code string `json:"code"`
	} `json:"assignee_unit"`
	Events []struct {
		Status string `json:"status"`
	} `json:"events"`
	MayWork bool `json:"may_work"`
}

type reportJSON struct {
	ID     int64  `json:"id"`
	Status string `json:"status"`
	Values []struct {
		Code         string  `json:"code"`
		Num          float64 `json:"num"`
		OverriddenAt *string `json:"overridden_at"`
		Computed     struct {
			Num float64 `json:"num"`
		} `json:"computed"`
	} `json:"values"`
	Narrative struct {
		Results string `json:"results"`
	} `json:"narrative"`
	Comment   string `json:"comment"`
	MayDecide bool   `json:"may_decide"`
}

func (r reportJSON) value(code string) (float64, bool) {
	for _, v := range r.Values {
		if v.Code == code {
			return v.Num, true
		}
	}
	return 0, false
}

// sessions counted in a roll-up
func talks(t *testing.T, h http.Handler, token string, directive int64, unit string) float64 {
	t.Helper()
	var ru struct {
		Totals []struct {
			Indicator struct{ Code string }
			Num       float64
		}
	}
	get(t, h, token, fmt.Sprintf("/api/v1/rollup?directive=%d&unit=%s", directive, unit)).want(t, http.StatusOK, &ru)
	for _, x := range ru.Totals {
		if x.Indicator.Code == "TTM.buoi" {
			return x.Num
		}
	}
	return 0
}

// The whole round through the API: the provincial labour federation's
// clerk enters a letter and assigns it to the education union; its
// officer receives it, records a talk (which the federation's leader sees
// at once in the roll-up), reports; the leader returns the report with a
// comment, then accepts it corrected. People of other units are refused
// at each step.
func TestAPIAssignmentActivityAndReportRound(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		h := demoAPI(t, s)
		svc := app.New(s, nil)
		today := svc.Today()
		newPerson(t, svc, "gd.chuyenvien", "cd-giaoduc", org.Officer)
		newPerson(t, svc, "yte.chuyenvien", "cd-yte", org.Officer)
		clerk, leader := signIn(t, h, "ldld.vanthu"), signIn(t, h, "ldld.lanhdao")
		officer, stranger := signIn(t, h, "gd.chuyenvien"), signIn(t, h, "yte.chuyenvien")
		checkUnits(t, h, stranger)

		letter := strings.Replace(string(example(t, "967-LDLD-cong-van.txt")), "967/LĐLĐ", "968/LĐLĐ", 1)
		var d docJSON
		upload(t, h, clerk, "ldld", "968-LDLD.txt", []byte(letter)).want(t, http.StatusCreated, &d)

		// The federation's incoming register, searched and paged.
		var page pageJSON
		get(t, h, clerk, "/api/v1/documents?q="+url.QueryEscape("968/LĐLĐ")).want(t, http.StatusOK, &page)
		if page.Total != 1 || len(page.Items) != 1 || page.Items[0].ID != d.ID || page.Items[0].Register != "incoming" || page.Items[0].EntryNo == 0 {
			t.Fatalf("register search for 968/LĐLĐ: %+v; want the letter, in the incoming register with its arrival number", page)
		}
		get(t, h, clerk, "/api/v1/documents?unit=ldld&limit=1&offset=1").want(t, http.StatusOK, &page)
		if page.Total < 2 || len(page.Items) != 1 || page.Items[0].ID == d.ID {
			t.Errorf("second page of one line: %+v; want one older line of at least two", page)
		}
		get(t, h, clerk, "/api/v1/documents?unit=ldld&limit=0").problem(t, http.StatusBadRequest)
		get(t, h, stranger, "/api/v1/documents?unit=ldld").problem(t, http.StatusForbidden)

		// Assign it.
		due := today.AddDate(0, 1, 0).Format("2006-01-02")
		job := "Tuyên truyền Chỉ thị 12-CT/TW trong đoàn viên ngành giáo dục"
		body := fmt.Sprintf(`{"assignments": [{"unit": "cd-giaoduc", "task": %q, "due_on": %q}]}`, job, due)
		assignPath := fmt.Sprintf("/api/v1/documents/%d/assignments", d.ID)
		send(t, h, stranger, "POST", assignPath, body).problem(t, http.StatusForbidden)
		send(t, h, clerk, "POST", assignPath, `{"assignments": [{"unit": "cd-giaoduc", "nhiem_vu": "x"}]}`).problem(t, http.StatusBadRequest)
		var assigned struct{ Created []assignmentJSON }
		send(t, h, clerk, "POST", assignPath, body).want(t, http.StatusCreated, &assigned)
		if len(assigned.Created) != 1 || assigned.Created[0].Task != job || assigned.Created[0].Status != "sent" {
			t.Fatalf("assigned %+v; want one assignment, sent, with its task", assigned)
		}
		send(t, h, clerk, "POST", assignPath, body).problem(t, http.StatusConflict)
		asg := assigned.Created[0].ID

		// The rest of the letter's recipients, as the reader finds them: the
		// education union, already assigned, is left as it is.
		var rest struct {
			Created, Existing []assignmentJSON
			Unmatched         []string
		}
		send(t, h, stranger, "POST", assignPath, `{}`).problem(t, http.StatusForbidden)
		send(t, h, clerk, "POST", assignPath, `{}`).want(t, http.StatusCreated, &rest)
		if len(rest.Created) == 0 || len(rest.Existing) != 1 || rest.Existing[0].ID != asg {
			t.Errorf("assigned from the letter: %+v; want new assignments and the education union's left as it was", rest)
		}
		asgPath := fmt.Sprintf("/api/v1/assignments/%d", asg)

		get(t, h, stranger, asgPath).problem(t, http.StatusForbidden)
		call(t, h, stranger, "POST", asgPath+"/receive", "", nil).problem(t, http.StatusForbidden)
		var a assignmentJSON
		call(t, h, officer, "POST", asgPath+"/receive", "", nil).want(t, http.StatusOK, &a)
		get(t, h, officer, asgPath).want(t, http.StatusOK, &a)
		if a.Status != "received" || a.AssigneeUnit.Code != "cd-giaoduc" || !a.MayWork || len(a.Events) != 2 || a.Events[1].Status != "received" {
			t.Fatalf("assignment after receiving: %+v; want received by cd-giaoduc, two events, workable", a)
		}

		// A talk recorded through the API counts in the federation's roll-up.
		before := talks(t, h, leader, d.ID, "ldld")
		activity := fmt.Sprintf(`{"unit": "cd-giaoduc", "form": "TTM", "started_on": %q, "title": "Nói chuyện chuyên đề",
			"values": [{"code": "TTM.buoi", "num": 3}, {"code": "TTM.luot_nghe", "num": 120}],
			"targets": [{"document_id": %d, "assignment_id": %d}]}`, today.Format("2006-01-02"), d.ID, asg)
		send(t, h, stranger, "POST", "/api/v1/activities", activity).problem(t, http.StatusForbidden)
		var act struct {
			ID     int64 `json:"id"`
			Title  string
			Values []struct{ Code string }
		}
		send(t, h, officer, "POST", "/api/v1/activities", activity).want(t, http.StatusCreated, &act)
		if after := talks(t, h, leader, d.ID, "ldld"); after != before+3 {
			t.Errorf("talks in the federation's roll-up: %v before, %v after; want 3 more", before, after)
		}
		get(t, h, officer, fmt.Sprintf("/api/v1/activities/%d", act.ID)).want(t, http.StatusOK, &act)
		if act.Title != "Nói chuyện chuyên đề" || len(act.Values) != 2 {
			t.Errorf("activity read back: %+v", act)
		}
		get(t, h, stranger, fmt.Sprintf("/api/v1/activities/%d", act.ID)).problem(t, http.StatusForbidden)
		var acts []struct{ ID int64 }
		get(t, h, leader, fmt.Sprintf("/api/v1/activities?assignment=%d", asg)).want(t, http.StatusOK, &acts)
		if len(acts) != 1 || acts[0].ID != act.ID {
			t.Errorf("activities for the assignment: %+v; want the talk", acts)
		}
		get(t, h, stranger, fmt.Sprintf("/api/v1/activities?assignment=%d", asg)).problem(t, http.StatusForbidden)
		send(t, h, officer, "POST", "/api/v1/activities", `{"unit": "cd-giaoduc", "form": "TTM", "started_on": "hôm nay"}`).problem(t, http.StatusBadRequest)

		// The report: drafted with the talk counted, corrected, sent, returned, sent again, accepted.
		from := today.AddDate(0, 0, -30).Format("2006-01-02")
		newReport := fmt.Sprintf(`{"assignment_id": %d, "from": %q, "to": %q}`, asg, from, today.Format("2006-01-02"))
		send(t, h, stranger, "POST", "/api/v1/reports", strings.Replace(newReport, "{", `{"unit": "cd-giaoduc", `, 1)).problem(t, http.StatusForbidden)
		var rp reportJSON
		send(t, h, officer, "POST", "/api/v1/reports", newReport).want(t, http.StatusCreated, &rp)
		if n, ok := rp.value("TTM.buoi"); rp.Status != "draft" || !ok || n != 3 {
			t.Fatalf("new report %+v; want a draft counting the 3 talks", rp)
		}
		rpPath := fmt.Sprintf("/api/v1/reports/%d", rp.ID)
		send(t, h, officer, "PATCH", rpPath, `{"narrative": {"results": "Đã tổ chức 4 buổi"}, "values": [{"code": "TTM.buoi", "num": 4}]}`).want(t, http.StatusOK, &rp)
		if n, _ := rp.value("TTM.buoi"); n != 4 || rp.Narrative.Results != "Đã tổ chức 4 buổi" {
			t.Errorf("edited report %+v; want 4 talks and the narrative", rp)
		}
		send(t, h, officer, "PATCH", rpPath, `{"ket_qua": "x"}`).problem(t, http.StatusBadRequest)
		get(t, h, stranger, rpPath).problem(t, http.StatusForbidden)
		call(t, h, officer, "POST", rpPath+"/submit", "", nil).want(t, http.StatusOK, &rp)
		if rp.Status != "submitted" {
			t.Fatalf("submitted report is %q", rp.Status)
		}
		call(t, h, officer, "POST", rpPath+"/accept", "", nil).problem(t, http.StatusForbidden)
		get(t, h, leader, rpPath).want(t, http.StatusOK, &rp)
		if !rp.MayDecide {
			t.Errorf("the federation's leader may not decide on the report: %+v", rp)
		}
		send(t, h, leader, "POST", rpPath+"/return", `{"comment": ""}`).problem(t, http.StatusBadRequest)
		send(t, h, leader, "POST", rpPath+"/return", `{"comment": "Bổ sung số lượt người nghe"}`).want(t, http.StatusOK, &rp)
		if rp.Status != "returned" || rp.Comment != "Bổ sung số lượt người nghe" {
			t.Fatalf("returned report %+v", rp)
		}
		get(t, h, officer, asgPath).want(t, http.StatusOK, &a)
		if a.Status != "returned" {
			t.Errorf("assignment of a returned report is %q, want returned", a.Status)
		}
		send(t, h, officer, "PATCH", rpPath, `{"values": [{"code": "TTM.luot_nghe", "num": 150}]}`).want(t, http.StatusOK, &rp)
		call(t, h, officer, "POST", rpPath+"/submit", "", nil).want(t, http.StatusOK, &rp)
		call(t, h, leader, "POST", rpPath+"/accept", "", nil).want(t, http.StatusOK, &rp)
		get(t, h, officer, asgPath).want(t, http.StatusOK, &a)
		if rp.Status != "accepted" || a.Status != "accepted" {
			t.Errorf("after acceptance: report %q, assignment %q; want both accepted", rp.Status, a.Status)
		}
		send(t, h, officer, "PATCH", rpPath, `{"values": []}`).problem(t, http.StatusConflict)
	})
}
