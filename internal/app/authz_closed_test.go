package app_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/demo"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// The demo's city propaganda board (tp-btg) closed on 01/07/2025 with the
// district level. Its people keep reading what it had, but from that day
// on nobody acts for it: no acknowledging, recording, reporting,
// registering, assigning or drafting in its name.
func TestMembersOfAClosedUnitReadItsPastButNoLongerActForIt(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := t.Context()
		if _, err := demo.Load(ctx, s, "mat-khau-thu-quyen"); err != nil {
			t.Fatalf("load the demo: %v", err)
		}
		now := reportDay("2022-12-31")
		svc := app.New(s.WithClock(func() time.Time { return now }), nil)
		sys := app.System()
		unit := func(code string) org.ID {
			t.Helper()
			u, err := svc.UnitByCode(ctx, code)
			if err != nil {
				t.Fatal(err)
			}
			return u.ID
		}
		person := func(username string) app.Actor {
			t.Helper()
			acc, err := svc.AccountByUsername(ctx, username)
			if err != nil {
				t.Fatal(err)
			}
			return app.Actor{Account: acc.ID, Name: acc.DisplayName, Memberships: acc.Memberships}
		}
		board, province := unit("tp-btg"), unit("ltu-btg")
		clerk, officer, leader := person("btgthu.vanthu"), person("btgthu.chuyenvien"), person("btgthu.lanhdao")

		// While the board stood, the province sent it a guidance to act on.
		n := 0
		guidance := func() document.Document {
			t.Helper()
			n++
			meta := document.Metadata{Family: document.Party, DocType: "Hướng dẫn", Number: fmt.Sprint(950 + n), Symbol: "HD/BTGTU",
				NumberSymbol: fmt.Sprintf("%d-HD/BTGTU", 950+n), Issuer: "Ban Tuyên giáo Tỉnh ủy Lai Châu", Place: "Lai Châu",
				Date: "2022-12-01", Subject: "tuyên truyền (thử đơn vị đã giải thể)"}
			reg, err := svc.RegisterIncoming(ctx, sys, board, app.RegisterInput{Metadata: meta, IssuerUnit: province, Text: "Nội dung thử."})
			if err != nil {
				t.Fatal(err)
			}
			return reg.Document
		}
		assign := func(d document.Document) app.AssignmentView {
			t.Helper()
			as, err := svc.CreateAssignments(ctx, sys, d.ID, []app.AssignmentInput{{Unit: board, Task: "Tuyên truyền trên trang thông tin"}})
			if err != nil || len(as) != 1 {
				t.Fatalf("assign: %v, %v", as, err)
			}
			return app.AssignmentView{Assignment: as[0], Document: d}
		}
		first, second := guidance(), guidance()
		early, late := assign(first), assign(second)
		draft, err := svc.CreateReport(ctx, sys, app.ReportInput{Unit: board, Assignment: late.Assignment.ID,
			From: reportDay("2022-07-01"), To: reportDay("2022-12-31")})
		if err != nil {
			t.Fatal(err)
		}

		// The last day it stood, its officer still acknowledges.
		now = reportDay("2025-06-30").Add(16 * time.Hour)
		if _, err := svc.Acknowledge(ctx, officer, early.Assignment.ID); err != nil {
			t.Errorf("acknowledging on 30/06/2025, the board's last day: %v", err)
		}

		now = reportDay("2025-07-01").Add(8 * time.Hour)
		closed := func(what string, err error) {
			t.Helper()
			kindOf(t, err, problem.Forbidden, what)
			if err != nil && !strings.Contains(err.Error(), "không còn tồn tại từ ngày 01/07/2025") {
				t.Errorf("%s: the refusal does not say since when the board is gone: %v", what, err)
			}
		}
		_, err = svc.Acknowledge(ctx, officer, late.Assignment.ID)
		closed("acknowledging for the closed board", err)
		_, err = svc.RecordActivity(ctx, officer, app.ActivityInput{Unit: board, Form: "TTM", Started: reportDay("2025-07-01"),
			Title: "Nói chuyện chuyên đề", Values: []report.Value{{Code: "buoi", Num: 1}}})
		closed("recording an activity for the closed board", err)
		_, err = svc.CreateReport(ctx, officer, app.ReportInput{Unit: board, Assignment: early.Assignment.ID,
			From: reportDay("2025-01-01"), To: reportDay("2025-06-30")})
		closed("opening a report for the closed board", err)
		_, err = svc.EditReport(ctx, officer, draft.ID, app.ReportEdit{Narrative: &report.Narrative{Results: "Đã làm."}})
		closed("editing the closed board's report", err)
		_, err = svc.SubmitReport(ctx, leader, draft.ID)
		closed("sending the closed board's report", err)
		_, err = svc.RegisterIncoming(ctx, clerk, board, app.RegisterInput{Metadata: first.Metadata, IssuerUnit: province})
		closed("registering at the closed board", err)
		_, err = svc.CreateAssignments(ctx, leader, first.ID, []app.AssignmentInput{{Unit: unit("pu-tanphong"), Task: "Triển khai"}})
		closed("assigning from the closed board's register", err)
		_, err = svc.DraftImplementing(ctx, leader, app.DraftInput{Unit: board, Parent: first.ID, DocType: "Hướng dẫn", Subject: "thực hiện"})
		closed("drafting for the closed board", err)

		// Its past stays readable to its people, without the buttons.
		if _, err := svc.Document(ctx, officer, first.ID); err != nil {
			t.Errorf("the officer reads the board's guidance: %v", err)
		}
		if _, err := svc.Register(ctx, clerk, store.RegisterFilter{Unit: board}); err != nil {
			t.Errorf("the clerk reads the board's register: %v", err)
		}
		if v, err := svc.Assignment(ctx, officer, late.Assignment.ID); err != nil || v.MayWork || v.MayRecord {
			t.Errorf("the board's assignment: may work %v, may record %v, err %v; want it shown read-only", v.MayWork, v.MayRecord, err)
		}
		if v, err := svc.ReportPage(ctx, leader, draft.ID); err != nil || v.MayEdit || v.MaySubmit {
			t.Errorf("the board's report: may edit %v, may send %v, err %v; want it shown read-only", v.MayEdit, v.MaySubmit, err)
		}
		if v, err := svc.Assignment(ctx, sys, late.Assignment.ID); err != nil || v.Assignment.Status != late.Assignment.Status {
			t.Errorf("the refused acknowledgement moved the assignment from %s to %s (%v)", late.Assignment.Status, v.Assignment.Status, err)
		}
	})
}
