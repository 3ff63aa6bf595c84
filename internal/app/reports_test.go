package app_test

import (
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
	"lantoa/internal/task"
)

func reportDay(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// reportWorld is a district, two communes, a directive the district must
// report on, the district's plan assigning both communes, and the people
// who act for them.
type reportWorld struct {
	svc                    *app.Service
	s                      *store.Store
	huyen, xa1, xa2        org.ID
	directive, plan, other document.ID
	asgHuyen, asgX1, asgX2 task.ID
	leadHuyen, leadX1      app.Actor
	officerX1, collabX1    app.Actor
	officerX2              app.Actor
}

func newReportWorld(t *testing.T, s *store.Store) *reportWorld {
	t.Helper()
	ctx := t.Context()
	w := &reportWorld{svc: app.New(s, nil), s: s}
	err := s.InTx(ctx, func(tx *store.Tx) error {
		unit := func(code, name string) org.ID {
			u, err := tx.CreateUnit(ctx, org.Unit{Code: code, Notation: code, Name: name, Kind: org.PartyCommittee, Family: document.Party,
				Valid: org.Span{From: reportDay("2020-01-01")}})
			if err != nil {
				t.Fatal(err)
			}
			return u.ID
		}
		w.huyen, w.xa1, w.xa2 = unit("huyen", "Huyện ủy Tam Đường"), unit("xa1", "Đảng ủy xã Bình Lư"), unit("xa2", "Đảng ủy xã Sơn Bình")
		for _, c := range []org.ID{w.xa1, w.xa2} {
			if err := tx.AddLink(ctx, org.Link{Parent: w.huyen, Child: c, Valid: org.Span{From: reportDay("2020-01-01")}}); err != nil {
				return err
			}
		}
		mk := func(ns, date string, cites ...string) document.ID {
			d := document.Document{Status: document.Received, Metadata: document.Metadata{NumberSymbol: ns, DocType: "Hướng dẫn", Date: date, Subject: "Thực hiện " + ns}}
			for _, c := range cites {
				d.Citations = append(d.Citations, document.Citation{NumberSymbol: c, Relation: document.Implements})
			}
			d, err := tx.CreateDocument(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			return d.ID
		}
		w.directive = mk("71-HD/BTGTU", "2022-06-22")
		w.plan = mk("15-KH/HU", "2022-06-30", "71-HD/BTGTU")
		w.other = mk("9-CT/TW", "2022-01-01")
		if _, err := tx.Enter(ctx, w.other, w.xa1, document.Incoming, reportDay("2022-01-10"), 0); err != nil {
			return err
		}
		give := func(d document.ID, u org.ID) task.ID {
			a, err := tx.CreateAssignment(ctx, task.Assignment{Document: d, Assignee: u, Role: task.Lead, Due: task.Deadline{Date: reportDay("2022-07-31")}})
			if err != nil {
				t.Fatal(err)
			}
			return a.ID
		}
		w.asgHuyen, w.asgX1, w.asgX2 = give(w.directive, w.huyen), give(w.plan, w.xa1), give(w.plan, w.xa2)
		person := func(name string, u org.ID, r org.Role) app.Actor {
			m := org.Membership{Unit: u, Role: r}
			a, err := tx.CreateAccount(ctx, org.Account{Username: name, Memberships: []org.Membership{m}})
			if err != nil {
				t.Fatal(err)
			}
			return app.Actor{Account: a.ID, Name: name, Memberships: a.Memberships}
		}
		w.leadHuyen, w.leadX1 = person("ld-huyen", w.huyen, org.Leader), person("ld-xa1", w.xa1, org.Leader)
		w.officerX1, w.collabX1 = person("cv-xa1", w.xa1, org.Officer), person("ctv-xa1", w.xa1, org.Collaborator)
		w.officerX2 = person("cv-xa2", w.xa2, org.Officer)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// talk records a session of oral propaganda.
func (w *reportWorld) talk(t *testing.T, by app.Actor, unit org.ID, on string, sessions, listeners float64, d document.ID) {
	t.Helper()
	_, err := w.svc.RecordActivity(t.Context(), by, app.ActivityInput{Unit: unit, Form: "TTM", Started: reportDay(on), Title: "Tuyên truyền Chỉ thị",
		Values:  []report.Value{{Code: "TTM.buoi", Num: sessions}, {Code: "TTM.luot_nghe", Num: listeners}},
		Targets: []report.Target{{Document: d}}})
	if err != nil {
		t.Fatalf("record: %v", err)
	}
}

func value(r report.Report, code string) report.ReportValue {
	v, _ := r.Value(code)
	return v
}

func assignmentStatus(t *testing.T, s *store.Store, id task.ID) task.Status {
	t.Helper()
	var a task.Assignment
	if err := s.View(t.Context(), func(tx *store.Tx) error { var err error; a, err = tx.Assignment(t.Context(), id); return err }); err != nil {
		t.Fatal(err)
	}
	return a.Status
}

func count(t *testing.T, s *store.Store, q string, args ...any) int {
	t.Helper()
	var n int
	err := s.View(t.Context(), func(tx *store.Tx) error { return tx.QueryRowContext(t.Context(), q, args...).Scan(&n) })
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func kindOf(t *testing.T, err error, want problem.Kind, what string) {
	t.Helper()
	if problem.KindOf(err) != want || err == nil {
		t.Errorf("%s: err = %v, want %s", what, err, want)
	}
}

func TestReportIsPrefilledSentReturnedAndAccepted(t *testing.T) {
	clock := reportDay("2022-07-20").Add(9 * time.Hour)
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := t.Context()
		w := newReportWorld(t, s)
		w.talk(t, w.collabX1, w.xa1, "2022-07-02", 1, 40, w.plan)
		w.talk(t, w.officerX1, w.xa1, "2022-07-09", 2, 65, w.plan)
		w.talk(t, w.officerX1, w.xa1, "2022-06-15", 5, 500, w.plan)  // before the period
		w.talk(t, w.officerX1, w.xa1, "2022-07-10", 7, 700, w.other) // another directive
		_, err := w.svc.RecordActivity(ctx, w.officerX1, app.ActivityInput{Unit: w.xa1, Form: "SHCB", Started: reportDay("2022-07-05"), Title: "Sinh hoạt chi bộ",
			Values: []report.Value{{Code: "SHCB.chi_bo", Num: 6, Den: 8}}, Targets: []report.Target{{Assignment: w.asgX1}}})
		if err != nil {
			t.Fatal(err)
		}

		r, err := w.svc.CreateReport(ctx, w.officerX1, app.ReportInput{Unit: w.xa1, Assignment: w.asgX1, From: reportDay("2022-07-01"), To: reportDay("2022-07-31")})
		if err != nil {
			t.Fatal(err)
		}
		if v := value(r, "TTM.buoi"); v.Num != 3 || v.Auto.Num != 3 || v.Overridden() {
			t.Errorf("TTM.buoi = %+v, want 3 computed", v)
		}
		if v := value(r, "SHCB.chi_bo"); v.Num != 6 || v.Den != 8 {
			t.Errorf("SHCB.chi_bo = %+v, want 6 of 8", v)
		}
		if r.Directive != w.plan || r.Status != report.Draft {
			t.Errorf("report: directive %d status %s, want the plan's, draft", r.Directive, r.Status)
		}

		// A listener count corrected by hand keeps the computed one beside it.
		r, err = w.svc.EditReport(ctx, w.officerX1, r.ID, app.ReportEdit{Values: []report.Value{{Code: "TTM.luot_nghe", Num: 110}},
			Narrative: &report.Narrative{Results: "Đã tổ chức 3 buổi tuyên truyền miệng", Opinion: "Nhân dân đồng tình"}})
		if err != nil {
			t.Fatal(err)
		}
		if v := value(r, "TTM.luot_nghe"); v.Num != 110 || v.Auto.Num != 105 || v.OverriddenBy != w.officerX1.Account || !v.OverriddenAt.Equal(clock) {
			t.Errorf("overridden TTM.luot_nghe = %+v, want 110 by the officer, 105 computed", v)
		}
		_, err = w.svc.EditReport(ctx, w.officerX1, r.ID, app.ReportEdit{Values: []report.Value{{Code: "SHCB.chi_bo", Num: 9, Den: 8}}})
		kindOf(t, err, problem.Invalid, "numerator over denominator")

		_, err = w.svc.SubmitReport(ctx, w.collabX1, r.ID)
		kindOf(t, err, problem.Forbidden, "collaborator submits")
		if r, err = w.svc.SubmitReport(ctx, w.officerX1, r.ID); err != nil || r.Status != report.Submitted {
			t.Fatalf("submit: %v, %s", err, r.Status)
		}
		if got := assignmentStatus(t, s, w.asgX1); got != task.Reported {
			t.Errorf("assignment after submit: %s, want reported", got)
		}
		_, err = w.svc.EditReport(ctx, w.officerX1, r.ID, app.ReportEdit{Values: []report.Value{{Code: "TTM.buoi", Num: 4}}})
		kindOf(t, err, problem.Conflict, "edit after sending")
		_, err = w.svc.AcceptReport(ctx, w.leadX1, r.ID)
		kindOf(t, err, problem.Forbidden, "the commune's own leader accepts")

		_, err = w.svc.ReturnReport(ctx, w.leadHuyen, r.ID, "  ")
		kindOf(t, err, problem.Invalid, "return without a reason")
		if r, err = w.svc.ReturnReport(ctx, w.leadHuyen, r.ID, "Bổ sung số đảng viên dự"); err != nil || r.Status != report.Returned || r.Comment != "Bổ sung số đảng viên dự" {
			t.Fatalf("return: %v, %s %q", err, r.Status, r.Comment)
		}
		if got := assignmentStatus(t, s, w.asgX1); got != task.Returned {
			t.Errorf("assignment after return: %s, want returned", got)
		}
		if r, err = w.svc.SubmitReport(ctx, w.officerX1, r.ID); err != nil || r.Status != report.Resubmitted {
			t.Fatalf("resubmit: %v, %s", err, r.Status)
		}
		if r, err = w.svc.AcceptReport(ctx, w.leadHuyen, r.ID); err != nil || r.Status != report.Accepted || r.DecidedBy != w.leadHuyen.Account {
			t.Fatalf("accept: %v, %s by %d", err, r.Status, r.DecidedBy)
		}
		if got := assignmentStatus(t, s, w.asgX1); got != task.Accepted {
			t.Errorf("assignment after accept: %s, want accepted", got)
		}

		// The district's report adds its own activity and the commune's
		// accepted report (with the corrected figure); xa2 sent nothing.
		w.talk(t, w.leadHuyen, w.huyen, "2022-07-15", 1, 200, w.directive)
		hr, err := w.svc.CreateReport(ctx, w.leadHuyen, app.ReportInput{Unit: w.huyen, Assignment: w.asgHuyen, From: reportDay("2022-07-01"), To: reportDay("2022-07-31")})
		if err != nil {
			t.Fatal(err)
		}
		if v := value(hr, "TTM.luot_nghe"); v.Num != 310 {
			t.Errorf("district TTM.luot_nghe = %v, want 200 + 110", v.Num)
		}
		if v := value(hr, "SHCB.chi_bo"); v.Num != 6 || v.Den != 8 {
			t.Errorf("district SHCB.chi_bo = %v/%v, want 6/8", v.Num, v.Den)
		}
		if n := count(t, s, `SELECT COUNT(*) FROM audit_log WHERE object = $1`, "report:1"); n != 6 {
			t.Errorf("audit entries for the commune's report = %d, want 6 (create, edit, submit, return, resubmit, accept)", n)
		}
	}, store.WithClock(func() time.Time { return clock }))
}

func TestFailedUseCasesLeaveNothingHalfWritten(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := t.Context()
		w := newReportWorld(t, s)
		// Two reports on one assignment: while the first waits for a
		// decision, sending the second is refused, and its status change,
		// already written in the transaction, is undone.
		in := app.ReportInput{Unit: w.xa1, Assignment: w.asgX1, From: reportDay("2022-07-01"), To: reportDay("2022-07-15")}
		first, err := w.svc.CreateReport(ctx, w.officerX1, in)
		if err != nil {
			t.Fatal(err)
		}
		in.From, in.To = reportDay("2022-07-16"), reportDay("2022-07-31")
		second, err := w.svc.CreateReport(ctx, w.officerX1, in)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.SubmitReport(ctx, w.officerX1, first.ID); err != nil {
			t.Fatal(err)
		}
		events := count(t, s, `SELECT COUNT(*) FROM assignment_events WHERE assignment_id = $1`, w.asgX1)
		_, err = w.svc.SubmitReport(ctx, w.officerX1, second.ID)
		kindOf(t, err, problem.Conflict, "second report while the first waits")
		got, err := w.svc.Report(ctx, w.officerX1, second.ID)
		if err != nil || got.Status != report.Draft || !got.SubmittedAt.IsZero() {
			t.Errorf("second report after the refusal: %v %s %v, want a draft never sent", err, got.Status, got.SubmittedAt)
		}
		if n := count(t, s, `SELECT COUNT(*) FROM audit_log WHERE action = 'report.submit'`); n != 1 {
			t.Errorf("submit audit entries = %d, want 1", n)
		}
		if n := count(t, s, `SELECT COUNT(*) FROM assignment_events WHERE assignment_id = $1`, w.asgX1); n != events {
			t.Errorf("assignment events = %d, want %d", n, events)
		}

		// An activity whose second evidence file is too large: the first
		// file, the activity and its roll-up sums are all undone.
		huge := make([]byte, app.MaxEvidenceBytes+1)
		_, err = w.svc.RecordActivity(ctx, w.officerX1, app.ActivityInput{Unit: w.xa1, Form: "TTM", Started: reportDay("2022-07-02"), Title: "Buổi nói chuyện",
			Values: []report.Value{{Code: "TTM.buoi", Num: 1}}, Targets: []report.Target{{Document: w.plan}},
			Files: []app.FileInput{{Name: "ảnh.jpg", Data: []byte("ảnh")}, {Name: "danh sách.pdf", Data: huge}}})
		kindOf(t, err, problem.TooLarge, "evidence too large")
		for _, table := range []string{"activities", "activity_values", "activity_targets", "activity_files", "blobs", "rollup_sums"} {
			if n := count(t, s, `SELECT COUNT(*) FROM `+table); n != 0 {
				t.Errorf("%s has %d rows after the refused activity", table, n)
			}
		}
	})
}

func TestRollupThroughTheServiceSeesOnlyWhatTheActorMay(t *testing.T) {
	clock := reportDay("2022-07-20").Add(9 * time.Hour)
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := t.Context()
		w := newReportWorld(t, s)
		_, err := w.svc.RecordActivity(ctx, w.officerX2, app.ActivityInput{Unit: w.xa1, Form: "TTM", Started: reportDay("2022-07-02"), Title: "Tuyên truyền",
			Targets: []report.Target{{Document: w.plan}}})
		kindOf(t, err, problem.Forbidden, "another commune's officer records for xa1")
		_, err = w.svc.RecordActivity(ctx, w.officerX1, app.ActivityInput{Unit: w.xa1, Form: "TTM", Started: reportDay("2022-07-02"), Title: "Tuyên truyền",
			Targets: []report.Target{{Assignment: w.asgX2}}})
		kindOf(t, err, problem.Invalid, "answering another commune's assignment")

		a, err := w.svc.RecordActivity(ctx, w.collabX1, app.ActivityInput{Unit: w.xa1, Form: "MXH", Started: reportDay("2022-07-02"), Title: "Đăng bài trên Zalo",
			Links:   []string{"https://zalo.me/g/binhlu"},
			Values:  []report.Value{{Code: "MXH.bai_dang", Num: 4}, {Code: "MXH.luot_xem", Num: 1200}},
			Targets: []report.Target{{Assignment: w.asgX1}},
			Files:   []app.FileInput{{Name: "ảnh chụp.png", Data: []byte("png")}}})
		if err != nil {
			t.Fatal(err)
		}
		got, err := w.svc.Activity(ctx, w.leadHuyen, a.ID)
		if err != nil || len(got.Files) != 1 || got.Files[0].Name != "ảnh chụp.png" || got.Files[0].Size != 3 || got.Targets[0].Document != w.plan {
			t.Fatalf("activity read back: %v %+v", err, got)
		}
		_, err = w.svc.Activity(ctx, w.officerX2, a.ID)
		kindOf(t, err, problem.Forbidden, "another commune reads the activity")

		r, err := w.svc.Rollup(ctx, w.leadHuyen, w.directive, w.huyen, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Totals) != 2 || r.Totals[0].Indicator.Code != "MXH.bai_dang" || r.Totals[0].Num != 4 || r.Totals[1].Num != 1200 {
			t.Errorf("district totals = %+v, want 4 posts and 1200 views", r.Totals)
		}
		if r.Coverage.Assigned != 3 || len(r.Children) != 2 || r.Children[0].Unit.ID != w.xa1 || r.Children[0].Totals[0].Num != 4 {
			t.Errorf("coverage %+v, children %+v", r.Coverage, r.Children)
		}
		_, err = w.svc.Rollup(ctx, w.officerX1, w.directive, w.huyen, time.Time{})
		kindOf(t, err, problem.Forbidden, "a commune officer reads the district's roll-up")
	}, store.WithClock(func() time.Time { return clock }))
}

// A commune that sent a report for the first half of July and then one for
// the whole month counts once in the district's report: the wider one.
func TestOverlappingChildReportsCountOnce(t *testing.T) {
	clock := reportDay("2022-08-02").Add(9 * time.Hour)
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := t.Context()
		w := newReportWorld(t, s)
		w.talk(t, w.officerX2, w.xa2, "2022-07-03", 2, 80, w.plan)
		w.talk(t, w.officerX2, w.xa2, "2022-07-20", 1, 30, w.plan)
		for _, to := range []string{"2022-07-15", "2022-07-31"} {
			r, err := w.svc.CreateReport(ctx, w.officerX2, app.ReportInput{Unit: w.xa2, Assignment: w.asgX2, From: reportDay("2022-07-01"), To: reportDay(to)})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.svc.SubmitReport(ctx, w.officerX2, r.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := w.svc.AcceptReport(ctx, w.leadHuyen, r.ID); err != nil {
				t.Fatal(err)
			}
		}
		hr, err := w.svc.CreateReport(ctx, w.leadHuyen, app.ReportInput{Unit: w.huyen, Assignment: w.asgHuyen, From: reportDay("2022-07-01"), To: reportDay("2022-07-31")})
		if err != nil {
			t.Fatal(err)
		}
		if v := value(hr, "TTM.buoi"); v.Num != 3 {
			t.Errorf("district TTM.buoi = %v, want 3 (the month's report only, not 2 + 3)", v.Num)
		}
	}, store.WithClock(func() time.Time { return clock }))
}

// An activity counts only under documents its recorder may read: a
// commune cannot swell the figures of a directive it never received.
func TestActivityAnswersOnlyDocumentsTheActorMayRead(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		w := newReportWorld(t, s)
		_, err := w.svc.RecordActivity(t.Context(), w.officerX2, app.ActivityInput{Unit: w.xa2, Form: "TTM", Started: reportDay("2022-07-02"),
			Title: "Tuyên truyền", Values: []report.Value{{Code: "TTM.buoi", Num: 50}}, Targets: []report.Target{{Document: w.other}}})
		kindOf(t, err, problem.Forbidden, "an activity under a directive the commune never received")
		if n := count(t, s, `SELECT COUNT(*) FROM activities`); n != 0 {
			t.Fatalf("%d activities stored after a refusal", n)
		}
	})
}
