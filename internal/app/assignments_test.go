package app_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
	"lantoa/internal/task"
)

// codes names the assignees of assignments by unit code, sorted.
func (w *laiChau) codes(as []task.Assignment) []string {
	var out []string
	for _, a := range as {
		for code, u := range w.units {
			if u.ID == a.Assignee {
				out = append(out, code)
			}
		}
	}
	slices.Sort(out)
	return out
}

func TestAssignFromTheReadersOutputSpreadsGroupsOverUnits(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2022-07-11")
		ctx := context.Background()
		clerk := w.person("vanthu-ld", org.Clerk, "ldld")
		officer := w.person("cv-ld", org.Officer, "ldld")
		r, err := w.svc.ReadDocument(ctx, clerk, "967.txt", []byte(letter967))
		if err != nil {
			t.Fatal(err)
		}
		reg, err := w.svc.RegisterIncoming(ctx, clerk, w.id("ldld"), app.RegisterInput{Metadata: r.Metadata, IssuerUnit: w.id("ldld"),
			Register: document.Reference, Text: r.Text})
		if err != nil {
			t.Fatal(err)
		}
		got, err := w.svc.AssignFromDocument(ctx, officer, reg.Document.ID, nil)
		if err != nil {
			t.Fatal(err)
		}
		// "LĐLĐ các huyện, thành phố", "Các Công đoàn Ngành, Công đoàn Viên
		// chức", "Các Công đoàn cơ sở trực thuộc": the grassroots union under
		// the city federation is not directly under the province.
		want := []string{"cdcs-bao", "cdcs-yt", "cdn-gd", "cdvc", "ldld-td", "ldld-tp"}
		if codes := w.codes(got.Created); !slices.Equal(codes, want) || len(got.Unmatched) != 0 {
			t.Fatalf("assigned %v, unmatched %q; want %v and nothing unmatched", codes, got.Unmatched, want)
		}
		for _, a := range got.Created {
			if a.Role != task.Lead || a.Due.Text != "trong báo cáo năm 2022" || a.Assigner != w.id("ldld") || a.Status != task.Sent {
				t.Fatalf("assignment %+v: want lead role, due in the 2022 annual report, from the federation, sent", a)
			}
		}
		again, err := w.svc.AssignFromDocument(ctx, officer, reg.Document.ID, nil)
		if err != nil || len(again.Created) != 0 || len(again.Existing) != len(want) {
			t.Fatalf("assigning again: %d created, %d existing, %v; want none created and %d existing", len(again.Created), len(again.Existing), err, len(want))
		}
		_, err = w.svc.AssignFromDocument(ctx, w.person("cv-thu", org.Officer, "btgthu"), reg.Document.ID, nil)
		wantKind(t, "another unit's officer assigns from the federation's letter", err, problem.Forbidden)

		// A head of units, abbreviated, over tiers without "các".
		plan := w.register("ldld", document.Reference, document.Metadata{NumberSymbol: "40/KH-LĐLĐ", Issuer: "LĐLĐ tỉnh", Subject: "Kế hoạch",
			Assignments: []document.Assignment{{Assignee: "Chủ tịch LĐLĐ huyện, thành phố", Task: "Chỉ đạo tuyên truyền"}}})
		got, err = w.svc.AssignFromDocument(ctx, officer, plan.ID, nil)
		if codes := w.codes(got.Created); err != nil || !slices.Equal(codes, []string{"ldld-td", "ldld-tp"}) || len(got.Unmatched) != 0 {
			t.Fatalf("\"Chủ tịch LĐLĐ huyện, thành phố\": assigned %v, unmatched %q, %v; want both federations", codes, got.Unmatched, err)
		}
	})
}

func TestAssignFromDocumentReturnsWhatItCannotMatch(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2022-06-24")
		ctx := context.Background()
		officer := w.person("cv-thu", org.Officer, "btgthu")
		lhnt := "Chi hội Văn học nghệ thuật thành phố"
		mttq := "Uỷ ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội thành phố"
		guidance := w.register("btgthu", document.Incoming, document.Metadata{DocType: "Hướng dẫn", NumberSymbol: "71-HD/BTGTU",
			Issuer: "Ban Tuyên giáo Tỉnh ủy", Date: "2022-06-22", Subject: "Tuyên truyền Chỉ thị 12-CT/TW",
			ReportDeadline: &document.Deadline{Date: "2022-12-15", Text: "trước ngày 15/12/2022"},
			Assignments: []document.Assignment{
				{Assignee: "Các chi bộ trực thuộc", Task: "Sinh hoạt chi bộ chuyên đề"},
				{Assignee: mttq, Task: "Tuyên truyền trong đoàn viên, hội viên"},
				{Assignee: "Phòng Văn hoá và Thông tin", Task: "Theo dõi thông tin trên mạng"}, // old tone placement
				{Assignee: "Trung tâm Văn hóa - Thể thao và Truyền thông", Task: "Tuyên truyền trực quan", Role: "phối hợp"},
				{Assignee: "Phòng Văn hóa và Thông tin", Task: "Phối hợp kiểm tra", Role: "phối hợp"},
				{Assignee: lhnt, Task: "Sáng tác tác phẩm"},
				{Assignee: "Chi bộ Khu phố", Task: "Báo cáo"},           // two cells fit: never guessed
				{Assignee: "Liên đoàn Lao động tỉnh", Task: "Phối hợp"}, // not directed by the city board
			}})
		got, err := w.svc.AssignFromDocument(ctx, officer, guidance.ID, nil)
		if err != nil {
			t.Fatal(err)
		}
		if codes, want := w.codes(got.Created), []string{"chibo-1", "chibo-2", "mttq-tp", "pvh", "ttvh"}; !slices.Equal(codes, want) {
			t.Fatalf("assigned %v, want %v", codes, want)
		}
		if want := []string{mttq, lhnt, "Chi bộ Khu phố", "Liên đoàn Lao động tỉnh"}; !slices.Equal(got.Unmatched, want) {
			t.Fatalf("unmatched %q, want %q", got.Unmatched, want)
		}
		for _, a := range got.Created {
			switch a.Assignee {
			case w.id("pvh"):
				if a.Role != task.Lead || !strings.Contains(a.Task, "Theo dõi thông tin") || !strings.Contains(a.Task, "Phối hợp kiểm tra") {
					t.Errorf("office named twice: role %s, task %q; want one lead assignment with both tasks", a.Role, a.Task)
				}
			case w.id("ttvh"):
				if a.Role != task.Support {
					t.Errorf("centre's role = %s, want support", a.Role)
				}
			}
			if !a.Due.Date.Equal(date("2022-12-15")) || a.Assigner != 0 {
				t.Errorf("assignment %+v: want due 2022-12-15 and no known assigner", a)
			}
		}
		// The officer settles one text by hand; the rest stays as it was.
		again, err := w.svc.AssignFromDocument(ctx, officer, guidance.ID, map[string][]org.ID{lhnt: {w.id("vhnt")}})
		if err != nil {
			t.Fatal(err)
		}
		if codes := w.codes(again.Created); !slices.Equal(codes, []string{"vhnt"}) || len(again.Existing) != 5 || len(again.Unmatched) != 3 {
			t.Fatalf("with a match by hand: created %v, %d existing, unmatched %q", codes, len(again.Existing), again.Unmatched)
		}
		_, err = w.svc.AssignFromDocument(ctx, officer, guidance.ID, map[string][]org.ID{"Liên đoàn Lao động tỉnh": {w.id("ldld")}})
		wantKind(t, "a match by hand outside the board's direction", err, problem.Invalid)
		_, err = w.svc.CreateAssignments(ctx, officer, guidance.ID, []app.AssignmentInput{{Unit: w.id("ldld-tp"), Task: "Tuyên truyền"}})
		wantKind(t, "an assignment by hand outside the board's direction", err, problem.Invalid)
	})
}

// assignTo records that a document of issuer asks unit code for a report,
// due on due ("" for a deadline only in words), in role.
func (w *laiChau) assignTo(issuer, code, ns, due string, role task.Role) task.Assignment {
	w.t.Helper()
	var d document.Document
	w.tx(func(ctx context.Context, tx *store.Tx) error {
		var err error
		d, err = tx.CreateDocument(ctx, document.Document{Status: document.Issued, IssuerUnit: int64(w.id(issuer)),
			Metadata: document.Metadata{NumberSymbol: ns, DocType: "Kế hoạch", Subject: "Kế hoạch " + ns}})
		return err
	})
	in := app.AssignmentInput{Unit: w.id(code), Role: role, Task: "Báo cáo kết quả", Due: task.Deadline{Text: "trong báo cáo năm"}}
	if due != "" {
		in.Due = task.Deadline{Date: date(due)}
	}
	as, err := w.svc.CreateAssignments(context.Background(), app.System(), d.ID, []app.AssignmentInput{in})
	if err != nil {
		w.t.Fatal(err)
	}
	return as[0]
}

// move takes an assignment through statuses on day on.
func (w *laiChau) move(a task.Assignment, on string, to ...task.Status) {
	w.t.Helper()
	w.at(on)
	for _, s := range to {
		w.tx(func(ctx context.Context, tx *store.Tx) error {
			_, err := tx.Move(ctx, a.ID, s, 0, 0, "")
			return err
		})
	}
}

func TestToDoListsOpenWorkByDeadlineAndFlagsOverdue(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2022-09-01")
		w.assignTo("btgtu", "btgthu", "1-KH/BTGTU", "2022-12-15", task.Lead)
		ahead := w.assignTo("btgtu", "btgthu", "2-KH/BTGTU", "2023-01-10", task.Lead)
		read := w.assignTo("btgtu", "btgthu", "3-KH/BTGTU", "2022-12-10", task.Inform)
		reported := w.assignTo("btgtu", "btgthu", "4-KH/BTGTU", "2022-12-01", task.Lead)
		returned := w.assignTo("btgtu", "btgthu", "5-KH/BTGTU", "2022-11-30", task.Lead)
		w.assignTo("btgtu", "btgthu", "6-KH/BTGTU", "2022-12-18", task.Inform)
		w.assignTo("btgtu", "btgthu", "7-KH/BTGTU", "", task.Lead)
		w.assignTo("btgtu", "ldld", "8-KH/BTGTU", "2022-10-01", task.Lead) // another unit's
		w.move(ahead, "2022-09-02", task.Acknowledged)
		w.move(read, "2022-09-02", task.Acknowledged)
		w.move(reported, "2022-11-20", task.Reported)
		w.move(returned, "2022-11-25", task.Reported, task.Returned) // must report again
		w.at("2022-12-20")

		todo, err := w.svc.ToDo(context.Background(), w.person("vanthu-thu", org.Clerk, "btgthu"))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, x := range todo {
			got = append(got, fmt.Sprintf("%s overdue=%v late=%d", x.Document.NumberSymbol, x.Overdue, x.DaysLate))
		}
		want := []string{
			"5-KH/BTGTU overdue=true late=20",
			"1-KH/BTGTU overdue=true late=5",
			"6-KH/BTGTU overdue=false late=0", // "để biết": only to be read, never late
			"2-KH/BTGTU overdue=false late=0",
			"7-KH/BTGTU overdue=false late=0",
		}
		if !slices.Equal(got, want) {
			t.Fatalf("work list:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if todo, err := w.svc.ToDo(context.Background(), w.person("ctv", org.Collaborator, "btgthu")); err != nil || len(todo) != 0 {
			t.Fatalf("a collaborator's work list: %d items, %v; want none (collaborators report activities)", len(todo), err)
		}
	})
}

func TestOverdueInASubtreeAsOfADate(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2022-09-01")
		city := w.assignTo("btgtu", "btgthu", "1-KH/BTGTU", "2022-09-30", task.Lead)
		w.assignTo("ldld", "ldld-tp", "2/LĐLĐ", "2022-09-30", task.Lead) // never reported
		w.assignTo("khac", "khac", "3-KH/KHAC", "2022-09-30", task.Lead) // outside the tree
		early := w.assignTo("btgthu", "chibo-1", "4-KH/BTGThU", "2022-09-30", task.Lead)
		returned := w.assignTo("btgthu", "pvh", "5-KH/BTGThU", "2022-09-30", task.Lead)
		w.move(early, "2022-09-29", task.Reported)
		w.move(returned, "2022-09-25", task.Reported)
		w.move(returned, "2022-10-03", task.Returned)
		w.move(city, "2022-10-05", task.Reported)
		w.at("2022-10-12")

		leader := w.person("truongban", org.Leader, "btgtu")
		overdue := func(a app.Actor, root, on string) ([]string, error) {
			list, err := w.svc.Overdue(context.Background(), a, w.id(root), date(on))
			var got []string
			for _, x := range list {
				got = append(got, fmt.Sprintf("%s %s %d", w.units[root].Code, x.Document.NumberSymbol, x.DaysLate))
			}
			return got, err
		}
		cases := []struct {
			root, on string
			want     []string
		}{
			{"btgtu", "2022-09-30", nil}, // due that day: not late yet
			{"btgtu", "2022-10-01", []string{"btgtu 1-KH/BTGTU 1", "btgtu 2/LĐLĐ 1"}},
			{"btgtu", "2022-10-10", []string{"btgtu 2/LĐLĐ 10", "btgtu 5-KH/BTGThU 10"}}, // the city reported; the office was returned
			{"ldld", "2022-10-10", []string{"ldld 2/LĐLĐ 10"}},
		}
		for _, c := range cases {
			got, err := overdue(leader, c.root, c.on)
			if err != nil || !slices.Equal(got, c.want) {
				t.Errorf("overdue under %s on %s = %v, %v; want %v", c.root, c.on, got, err, c.want)
			}
		}
		_, err := overdue(w.person("bithu", org.Leader, "btgthu"), "btgtu", "2022-10-10")
		wantKind(t, "the city's leader asks about the province", err, problem.Forbidden)
	})
}

func TestAcknowledgeFromTwoInstancesRecordsOnce(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2022-07-01")
		a := w.assignTo("btgtu", "btgthu", "1-KH/BTGTU", "2022-12-15", task.Lead)
		clerk := w.person("vanthu-thu", org.Clerk, "btgthu")
		services := []*app.Service{w.svc, app.New(storetest.Open(t, dsn, store.WithClock(func() time.Time { return date("2022-07-02") })), nil)}
		const perInstance = 4
		start := make(chan struct{})
		var mu sync.Mutex
		var ok, conflicts int
		var wg sync.WaitGroup
		for _, svc := range services {
			for range perInstance {
				wg.Go(func() {
					<-start
					_, err := svc.Acknowledge(context.Background(), clerk, a.ID)
					mu.Lock()
					defer mu.Unlock()
					switch problem.KindOf(err) {
					case problem.Conflict:
						conflicts++
					default:
						if err != nil {
							t.Errorf("acknowledge: %v", err)
							return
						}
						ok++
					}
				})
			}
		}
		close(start)
		wg.Wait()
		if ok != 1 || conflicts != 2*perInstance-1 {
			t.Fatalf("%d acknowledged, %d conflicts; want 1 and %d", ok, conflicts, 2*perInstance-1)
		}
		var events []task.Event
		w.tx(func(ctx context.Context, tx *store.Tx) error {
			var err error
			events, err = tx.AssignmentEvents(ctx, a.ID)
			return err
		})
		var acks int
		for _, e := range events {
			if e.Status == task.Acknowledged {
				acks++
				if e.Account != clerk.Account {
					t.Errorf("acknowledged by account %d, want %d", e.Account, clerk.Account)
				}
			}
		}
		if acks != 1 {
			t.Fatalf("event log has %d acknowledgements, want 1: %+v", acks, events)
		}
		_, err := w.svc.Receive(context.Background(), clerk, a.ID)
		wantKind(t, "receiving after acknowledging", err, problem.Conflict)
		_, err = w.svc.Acknowledge(context.Background(), w.person("vanthu-ld", org.Clerk, "ldld"), a.ID)
		wantKind(t, "another unit acknowledges", err, problem.Forbidden)
	})
}
