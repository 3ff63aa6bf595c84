package api_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
	"lantoa/internal/task"
)

// Where a person stands from the education union (cd-giaoduc), which
// the work of the table below belongs to.
var positions = []struct{ name, unit string }{
	{"own", "cd-giaoduc"},      // the unit itself
	{"parent", "ldld"},         // the provincial federation, directing it
	{"child", "cdcs-thpt-lqd"}, // a grassroots union it directs
	{"unrelated", "cd-yte"},    // a sibling union
}

var tableRoles = []org.Role{org.Clerk, org.Officer, org.Leader, org.Admin}

const (
	ok   = http.StatusOK
	made = http.StatusCreated
	no   = http.StatusForbidden
)

// authzTable is what app/authz.go decides, per role and position (own,
// parent, child, unrelated):
//   - seeing: anyone of the unit; leaders and administrators of a unit directing it;
//   - working on it (receive, acknowledge, draft and edit reports): clerks,
//     officers, leaders and administrators of the unit itself;
//   - recording activities: every role of the unit itself;
//   - sending a report: officers and leaders of the unit itself;
//   - accepting or returning it: leaders of a unit directing it, never of the unit.
var authzTable = []struct {
	action string
	want   map[org.Role][4]int
}{
	{"GET assignment", seeing},
	{"POST assignment receive", working},
	{"POST assignment acknowledge", working},
	{"POST activity", map[org.Role][4]int{org.Clerk: {made, no, no, no}, org.Officer: {made, no, no, no}, org.Leader: {made, no, no, no}, org.Admin: {made, no, no, no}}},
	{"GET activity", seeing},
	{"GET activities of the assignment", seeing},
	{"POST report", map[org.Role][4]int{org.Clerk: {made, no, no, no}, org.Officer: {made, no, no, no}, org.Leader: {made, no, no, no}, org.Admin: {made, no, no, no}}},
	{"GET report", seeing},
	{"PATCH report", working},
	{"POST report submit", map[org.Role][4]int{org.Clerk: {no, no, no, no}, org.Officer: {ok, no, no, no}, org.Leader: {ok, no, no, no}, org.Admin: {no, no, no, no}}},
	{"POST report accept", deciding},
	{"POST report return", deciding},
}

var (
	seeing   = map[org.Role][4]int{org.Clerk: {ok, no, no, no}, org.Officer: {ok, no, no, no}, org.Leader: {ok, ok, no, no}, org.Admin: {ok, ok, no, no}}
	working  = map[org.Role][4]int{org.Clerk: {ok, no, no, no}, org.Officer: {ok, no, no, no}, org.Leader: {ok, no, no, no}, org.Admin: {ok, no, no, no}}
	deciding = map[org.Role][4]int{org.Clerk: {no, no, no, no}, org.Officer: {no, no, no, no}, org.Leader: {no, ok, no, no}, org.Admin: {no, no, no, no}}
)

// cellWork is fresh work of the education union for one cell of the
// table, so no cell sees what another did: an assignment, an activity
// answering it, a draft report on it and two reports sent up.
type cellWork struct {
	doc                       document.ID
	asg                       task.ID
	activity                  report.ActivityID
	draft, toAccept, toReturn report.ID
	today                     string
}

func newCellWork(t *testing.T, svc *app.Service, n int, federation, union org.ID) cellWork {
	t.Helper()
	ctx, sys := context.Background(), app.System()
	today := svc.Today()
	meta := document.Metadata{DocType: "Công văn", Number: fmt.Sprint(800 + n), Symbol: "LĐLĐ", NumberSymbol: fmt.Sprintf("%d/LĐLĐ", 800+n),
		Issuer: "Liên đoàn Lao động tỉnh Lai Châu", Date: today.Format("2006-01-02"), Subject: "tuyên truyền trong đoàn viên (ô thử " + fmt.Sprint(n) + ")"}
	reg, err := svc.RegisterIncoming(ctx, sys, federation, app.RegisterInput{Metadata: meta})
	if err != nil {
		t.Fatal(err)
	}
	w := cellWork{doc: reg.Document.ID, today: today.Format("2006-01-02")}
	as, err := svc.CreateAssignments(ctx, sys, w.doc, []app.AssignmentInput{{Unit: union, Task: "Tuyên truyền"}})
	if err != nil {
		t.Fatal(err)
	}
	w.asg = as[0].ID
	a, err := svc.RecordActivity(ctx, sys, app.ActivityInput{Unit: union, Form: "TTM", Started: today, Title: "Nói chuyện",
		Values: []report.Value{{Code: "TTM.buoi", Num: 1}}, Targets: []report.Target{{Document: w.doc, Assignment: w.asg}}})
	if err != nil {
		t.Fatal(err)
	}
	w.activity = a.ID
	period := func(months int) (time.Time, time.Time) {
		return today.AddDate(0, -months-1, 1), today.AddDate(0, -months, 0)
	}
	from, to := period(0)
	r, err := svc.CreateReport(ctx, sys, app.ReportInput{Unit: union, Assignment: w.asg, From: from, To: to})
	if err != nil {
		t.Fatal(err)
	}
	w.draft = r.ID
	for i, id := range []*report.ID{&w.toAccept, &w.toReturn} {
		from, to := period(i + 2)
		r, err := svc.CreateReport(ctx, sys, app.ReportInput{Unit: union, Directive: w.doc, From: from, To: to})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.SubmitReport(ctx, sys, r.ID); err != nil {
			t.Fatal(err)
		}
		*id = r.ID
	}
	return w
}

// request is the call of an action of the table on a cell's work, by the
// holder of token.
func (w cellWork) request(t *testing.T, h http.Handler, token, action string) response {
	t.Helper()
	asg, rp := fmt.Sprintf("/api/v1/assignments/%d", w.asg), fmt.Sprintf("/api/v1/reports/%d", w.draft)
	switch action {
	case "GET assignment":
		return get(t, h, token, asg)
	case "POST assignment receive":
		return call(t, h, token, "POST", asg+"/receive", "", nil)
	case "POST assignment acknowledge":
		return call(t, h, token, "POST", asg+"/acknowledge", "", nil)
	case "POST activity":
		return send(t, h, token, "POST", "/api/v1/activities", fmt.Sprintf(`{"unit": "cd-giaoduc", "form": "TTM", "started_on": %q,
			"title": "Sinh hoạt chuyên đề", "values": [{"code": "TTM.buoi", "num": 1}], "targets": [{"document_id": %d, "assignment_id": %d}]}`, w.today, w.doc, w.asg))
	case "GET activity":
		return get(t, h, token, fmt.Sprintf("/api/v1/activities/%d", w.activity))
	case "GET activities of the assignment":
		return get(t, h, token, fmt.Sprintf("/api/v1/activities?assignment=%d", w.asg))
	case "POST report":
		return send(t, h, token, "POST", "/api/v1/reports", fmt.Sprintf(`{"unit": "cd-giaoduc", "assignment_id": %d, "from": "2020-01-01", "to": "2020-12-31"}`, w.asg))
	case "GET report":
		return get(t, h, token, rp)
	case "PATCH report":
		return send(t, h, token, "PATCH", rp, `{"narrative": {"results": "Đã tổ chức 1 buổi"}}`)
	case "POST report submit":
		return call(t, h, token, "POST", rp+"/submit", "", nil)
	case "POST report accept":
		return call(t, h, token, "POST", fmt.Sprintf("/api/v1/reports/%d/accept", w.toAccept), "", nil)
	case "POST report return":
		return send(t, h, token, "POST", fmt.Sprintf("/api/v1/reports/%d/return", w.toReturn), `{"comment": "Thiếu số liệu"}`)
	}
	t.Fatalf("no request for action %q", action)
	return response{}
}

// Every role in every position, on every assignment, activity and report
// endpoint, gets what app/authz.go decides: the table above.
func TestAPIAuthorizationTable(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		h := demoAPI(t, s)
		svc := app.New(s, nil)
		federation, err := svc.UnitByCode(ctx, "ldld")
		if err != nil {
			t.Fatal(err)
		}
		union, err := svc.UnitByCode(ctx, "cd-giaoduc")
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, role := range tableRoles {
			for p, pos := range positions {
				n++
				u, err := svc.UnitByCode(ctx, pos.unit)
				if err != nil {
					t.Fatal(err)
				}
				acc, err := svc.CreateAccount(ctx, app.System(), app.NewAccount{Username: fmt.Sprintf("%s.%s", role, pos.name),
					Password: demoPassword, Memberships: []org.Membership{{Unit: u.ID, Role: role}}})
				if err != nil {
					t.Fatal(err)
				}
				actor, err := svc.ActorFor(ctx, acc.ID, "")
				if err != nil {
					t.Fatal(err)
				}
				tok, err := svc.CreateAPIToken(ctx, actor, "bảng phân quyền", time.Time{})
				if err != nil {
					t.Fatal(err)
				}
				work := newCellWork(t, svc, n, federation.ID, union.ID)
				for _, row := range authzTable {
					want := row.want[role][p]
					if got := work.request(t, h, tok.Token, row.action); got.status != want {
						t.Errorf("%s as %s of the %s unit (%s): status %d, want %d; body %s", row.action, role, pos.name, pos.unit, got.status, want, got.body)
					} else if want == no {
						got.problem(t, no)
					}
				}
			}
		}
	})
}
