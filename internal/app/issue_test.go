package app_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
	"lantoa/internal/task"
)

// directive12 is the Secretariat's directive, kept for linking.
var directive12 = document.Metadata{Family: document.Party, DocType: "Chỉ thị", NumberSymbol: "12-CT/TW", Issuer: "Ban Bí thư",
	Date: "2022-01-05", Subject: "Về tăng cường công tác thông tin đối ngoại"}

func TestIssueNumbersRegistersAndAssignsDownTheCascade(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2022-06-22")
		ctx := context.Background()
		directive := w.register("btgtu", document.Reference, directive12)
		officer := w.person("cv-tinh", org.Officer, "btgtu")
		clerk := w.person("vanthu-tinh", org.Clerk, "btgtu")

		// The province drafts its guidance for the city board and the federation.
		draft, err := w.svc.DraftImplementing(ctx, officer, app.DraftInput{Unit: w.id("btgtu"), Parent: directive.ID, DocType: "Hướng dẫn",
			Subject: "Tuyên truyền Chỉ thị số 12-CT/TW", Body: "Ban Tuyên giáo Tỉnh ủy hướng dẫn như sau…",
			Recipients: []app.RecipientTask{
				{Unit: w.id("btgthu"), Task: "Tổ chức quán triệt, tuyên truyền", Due: task.Deadline{Date: date("2022-12-15")}},
				{Unit: w.id("ldld"), Role: task.Support, Task: "Tuyên truyền trong đoàn viên"},
			}})
		if err != nil {
			t.Fatal(err)
		}
		wantLine := "Thực hiện Chỉ thị số 12-CT/TW ngày 05/01/2022 của Ban Bí thư"
		if draft.Status != document.Draft || len(draft.Citations) != 1 || draft.Targets[0] != directive.ID || !strings.HasPrefix(draft.Body, wantLine) {
			t.Fatalf("draft: status %s, citations %+v → %v, body %q; want a draft citing the directive, opening %q",
				draft.Status, draft.Citations, draft.Targets, draft.Body, wantLine)
		}
		if c := draft.Citations[0]; c.Relation != document.Implements || c.NumberSymbol != "12-CT/TW" || c.Date != "2022-01-05" || c.Issuer != "Ban Bí thư" {
			t.Fatalf("draft citation = %+v", c)
		}
		_, err = w.svc.Issue(ctx, officer, draft.ID, app.Signer{Name: "Nguyễn Văn A"})
		wantKind(t, "an officer issues", err, problem.Forbidden)

		issued, err := w.svc.Issue(ctx, clerk, draft.ID, app.Signer{Name: "Nguyễn Văn A", Capacity: []string{"K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"}})
		if err != nil {
			t.Fatal(err)
		}
		d := issued.Document
		if d.NumberSymbol != "01-HD/BTGTU" || d.Date != "2022-06-22" || d.Place != "Lai Châu" || d.Issuer != "Ban Tuyên giáo Tỉnh ủy Lai Châu" || d.Status != document.Issued {
			t.Fatalf("issued %q on %s at %q by %q, status %s; want 01-HD/BTGTU on 2022-06-22 at Lai Châu by the board, issued",
				d.NumberSymbol, d.Date, d.Place, d.Issuer, d.Status)
		}
		if issued.Outgoing.No != 1 || len(issued.Incoming) != 2 || issued.Incoming[0].No != 1 || issued.Incoming[1].No != 1 {
			t.Fatalf("registers: outgoing %d, incoming %+v", issued.Outgoing.No, issued.Incoming)
		}
		if len(issued.Assignments) != 2 || issued.Assignments[0].Assignee != w.id("btgthu") || issued.Assignments[0].Status != task.Sent ||
			!issued.Assignments[0].Due.Date.Equal(date("2022-12-15")) || issued.Assignments[1].Role != task.Support {
			t.Fatalf("assignments = %+v", issued.Assignments)
		}
		_, err = w.svc.Issue(ctx, clerk, draft.ID, app.Signer{Name: "Nguyễn Văn A"})
		wantKind(t, "issuing twice", err, problem.Conflict)

		// The city board finds its task at once and implements it with its own guidance.
		w.at("2022-07-20")
		cityOfficer := w.person("cv-thu", org.Officer, "btgthu")
		cityClerk := w.person("vanthu-thu", org.Clerk, "btgthu")
		todo, err := w.svc.ToDo(ctx, cityClerk)
		if err != nil || len(todo) != 1 || todo[0].Document.NumberSymbol != "01-HD/BTGTU" {
			t.Fatalf("the city's work list: %+v, %v; want the province's guidance", todo, err)
		}
		cityDraft, err := w.svc.DraftImplementing(ctx, cityOfficer, app.DraftInput{Unit: w.id("btgthu"), Parent: d.ID, DocType: "Hướng dẫn",
			Subject: "Tuyên truyền Chỉ thị số 12-CT/TW", Recipients: []app.RecipientTask{{Unit: w.id("chibo-1"), Task: "Sinh hoạt chi bộ"}}})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(cityDraft.Body, "Thực hiện Hướng dẫn số 01-HD/BTGTU ngày 22/06/2022 của Ban Tuyên giáo Tỉnh ủy Lai Châu") {
			t.Fatalf("city draft opens %q", cityDraft.Body)
		}
		// A draft changes nothing upstream.
		if a := assignment(t, w, issued.Assignments[0].ID); a.Status != task.Sent {
			t.Fatalf("city assignment after drafting = %s, want sent", a.Status)
		}
		cityIssued, err := w.svc.Issue(ctx, cityClerk, cityDraft.ID, app.Signer{Name: "Trần Thị B"})
		if err != nil {
			t.Fatal(err)
		}
		if cityIssued.Document.NumberSymbol != "01-HD/BTGThU" {
			t.Fatalf("city number = %q, want 01-HD/BTGThU", cityIssued.Document.NumberSymbol)
		}
		if a := assignment(t, w, issued.Assignments[0].ID); a.Status != task.Implementing || a.ImplementingDoc != cityIssued.Document.ID {
			t.Fatalf("city assignment after issuing = %s by %d, want implementing by %d", a.Status, a.ImplementingDoc, cityIssued.Document.ID)
		}

		// The federation numbers per year, without a code on its letters.
		unionClerk := w.person("vanthu-ld", org.Clerk, "ldld")
		unionDraft, err := w.svc.DraftImplementing(ctx, unionClerk, app.DraftInput{Unit: w.id("ldld"), Parent: d.ID, DocType: "Công văn",
			Subject: "V/v tuyên truyền Chỉ thị số 12-CT/TW", Recipients: []app.RecipientTask{{Unit: w.id("ldld-tp")}, {Unit: w.id("cdcs-yt")}}})
		if err != nil {
			t.Fatal(err)
		}
		unionIssued, err := w.svc.Issue(ctx, unionClerk, unionDraft.ID, app.Signer{Name: "Đông Thị Nghĩa"})
		if err != nil {
			t.Fatal(err)
		}
		if unionIssued.Document.NumberSymbol != "01/LĐLĐ" || assignment(t, w, issued.Assignments[1].ID).Status != task.Implementing {
			t.Fatalf("union letter %q; its assignment %s", unionIssued.Document.NumberSymbol, assignment(t, w, issued.Assignments[1].ID).Status)
		}

		var cascade []string
		w.tx(func(ctx context.Context, tx *store.Tx) error {
			nodes, err := tx.Cascade(ctx, directive.ID)
			for _, n := range nodes {
				cascade = append(cascade, n.Doc.NumberSymbol)
			}
			return err
		})
		if want := []string{"12-CT/TW", "01-HD/BTGTU", "01-HD/BTGThU", "01/LĐLĐ"}; !slices.Equal(cascade, want) {
			t.Fatalf("cascade = %v, want %v", cascade, want)
		}
	})
}

func assignment(t *testing.T, w *laiChau, id task.ID) task.Assignment {
	t.Helper()
	var a task.Assignment
	w.tx(func(ctx context.Context, tx *store.Tx) error {
		var err error
		a, err = tx.Assignment(ctx, id)
		return err
	})
	return a
}

func TestDraftRecipientsMustBeDirected(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2022-06-22")
		ctx := context.Background()
		directive := w.register("btgthu", document.Reference, directive12)
		officer := w.person("cv-thu", org.Officer, "btgthu")
		in := app.DraftInput{Unit: w.id("btgthu"), Parent: directive.ID, DocType: "Kế hoạch", Subject: "Kế hoạch tuyên truyền"}
		for code, why := range map[string]string{"ldld": "a unit the board does not direct", "btgtu": "the unit above", "btgthu": "the issuer itself"} {
			in.Recipients = []app.RecipientTask{{Unit: w.id(code)}}
			_, err := w.svc.DraftImplementing(ctx, officer, in)
			wantKind(t, "recipient is "+why, err, problem.Invalid)
		}
		in.Recipients = []app.RecipientTask{{Unit: w.id("chibo-1")}, {Unit: w.id("chibo-1")}}
		_, err := w.svc.DraftImplementing(ctx, officer, in)
		wantKind(t, "a recipient named twice", err, problem.Invalid)
		in.Recipients, in.DocType = nil, "Luật"
		_, err = w.svc.DraftImplementing(ctx, officer, in)
		wantKind(t, "a type that cannot be numbered", err, problem.Invalid)
		in.DocType = "Kế hoạch"
		_, err = w.svc.DraftImplementing(ctx, w.person("cv-ld", org.Officer, "ldld"), in)
		wantKind(t, "drafting for another unit", err, problem.Forbidden)
	})
}

func TestFailedIssueLeavesNothingAndNoGap(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2022-06-22")
		ctx := context.Background()
		directive := w.register("btgthu", document.Reference, directive12)
		clerk := w.person("vanthu-thu", org.Clerk, "btgthu")
		draft := func(recipients ...string) document.ID {
			in := app.DraftInput{Unit: w.id("btgthu"), Parent: directive.ID, DocType: "Kế hoạch", Subject: "Kế hoạch tuyên truyền"}
			for _, r := range recipients {
				in.Recipients = append(in.Recipients, app.RecipientTask{Unit: w.id(r)})
			}
			d, err := w.svc.DraftImplementing(ctx, clerk, in)
			if err != nil {
				t.Fatal(err)
			}
			return d.ID
		}
		first := draft("chibo-1", "chibo-2")
		// The second cell leaves the city board's direction before the plan is issued.
		w.tx(func(ctx context.Context, tx *store.Tx) error {
			return tx.EndLink(ctx, w.id("btgthu"), w.id("chibo-2"), date("2022-06-22"))
		})
		_, err := w.svc.Issue(ctx, clerk, first, app.Signer{Name: "Trần Thị B"})
		wantKind(t, "issuing to a unit no longer directed", err, problem.Invalid)

		d, err := w.svc.Document(ctx, clerk, first)
		if err != nil || d.Status != document.Draft || d.NumberSymbol != "" {
			t.Fatalf("draft after the failed issue: status %s, number %q, %v; want an unnumbered draft", d.Status, d.NumberSymbol, err)
		}
		for _, c := range []struct {
			unit string
			reg  document.Register
		}{{"btgthu", document.Outgoing}, {"chibo-1", document.Incoming}} {
			page, err := w.svc.Register(ctx, app.System(), store.RegisterFilter{Unit: w.id(c.unit), Register: c.reg})
			if err != nil || page.Total != 0 {
				t.Fatalf("%s %s after the failed issue: %d lines, %v; want none", c.unit, c.reg, page.Total, err)
			}
		}
		if todo, err := w.svc.ToDo(ctx, w.person("bithu", org.Leader, "chibo-1")); err != nil || len(todo) != 0 {
			t.Fatalf("the cell's work after the failed issue: %+v, %v; want nothing", todo, err)
		}
		issued, err := w.svc.Issue(ctx, clerk, draft("chibo-1"), app.Signer{Name: "Trần Thị B"})
		if err != nil {
			t.Fatal(err)
		}
		if issued.Document.NumberSymbol != "01-KH/BTGThU" || issued.Incoming[0].No != 1 {
			t.Fatalf("next issue: %q, arrival %d; want 01-KH/BTGThU and arrival 1 (no gap)", issued.Document.NumberSymbol, issued.Incoming[0].No)
		}
	})
}

func TestPartyIssueWithoutATermAsksToDeclareIt(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2025-11-03") // the 2020–2025 term has ended; the next is not declared
		ctx := context.Background()
		directive := w.register("btgthu", document.Reference, directive12)
		clerk := w.person("vanthu-thu", org.Clerk, "btgthu")
		d, err := w.svc.DraftImplementing(ctx, clerk, app.DraftInput{Unit: w.id("btgthu"), Parent: directive.ID, DocType: "Kế hoạch", Subject: "Kế hoạch"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = w.svc.Issue(ctx, clerk, d.ID, app.Signer{Name: "Trần Thị B"})
		wantKind(t, "issuing with no term", err, problem.Invalid)
		if !strings.Contains(err.Error(), "khai báo nhiệm kỳ") {
			t.Fatalf("message %q does not ask to declare the term", err)
		}
	})
}

// The clerk narrows or widens the indicators a guidance asks for; the
// recipients' assignments then ask for exactly those.
func TestImplementingDocumentAdjustsItsIndicators(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2022-06-22")
		ctx := context.Background()
		directive := w.register("btgtu", document.Reference, directive12)
		officer := w.person("cv-tinh", org.Officer, "btgtu")
		clerk := w.person("vanthu-tinh", org.Clerk, "btgtu")
		form, err := w.svc.ImplementingFormFor(ctx, officer, directive.ID, w.id("btgtu"))
		if err != nil {
			t.Fatal(err)
		}
		offered := form.Indicators
		if len(offered.Indicators) < 3 {
			t.Fatalf("the form offers %d indicators, want the catalogue", len(offered.Indicators))
		}
		in := app.DraftInput{Unit: w.id("btgtu"), Parent: directive.ID, DocType: "Hướng dẫn", Subject: "Tuyên truyền Chỉ thị số 12-CT/TW",
			IndicatorSet: offered.ID, Recipients: []app.RecipientTask{{Unit: w.id("btgthu"), Task: "Tuyên truyền"}}}

		for why, codes := range map[string][]string{"nothing ticked": {}, "an unknown code": {offered.Indicators[0].Code, "khong-co"}} {
			in.Indicators = codes
			_, err := w.svc.DraftImplementing(ctx, officer, in)
			wantKind(t, why, err, problem.Invalid)
		}

		all := make([]string, len(offered.Indicators))
		for i, ind := range offered.Indicators {
			all[len(all)-1-i] = ind.Code // the same set, ticked in another order
		}
		in.Indicators = all
		same, err := w.svc.DraftImplementing(ctx, officer, in)
		if err != nil {
			t.Fatal(err)
		}
		issued, err := w.svc.Issue(ctx, clerk, same.ID, app.Signer{Name: "Nguyễn Văn A"})
		if err != nil {
			t.Fatal(err)
		}
		if got := issued.Assignments[0].IndicatorSet; got != offered.ID {
			t.Fatalf("every offered indicator ticked: the assignment asks for set %d, want the offered %d", got, offered.ID)
		}

		chosen := []string{offered.Indicators[2].Code, offered.Indicators[0].Code}
		in.Indicators = chosen
		narrowed, err := w.svc.DraftImplementing(ctx, officer, in)
		if err != nil {
			t.Fatal(err)
		}
		issued, err = w.svc.Issue(ctx, clerk, narrowed.ID, app.Signer{Name: "Nguyễn Văn A"})
		if err != nil {
			t.Fatal(err)
		}
		var own, asked report.IndicatorSet
		w.tx(func(ctx context.Context, tx *store.Tx) error {
			if own, err = tx.IndicatorSetFor(ctx, narrowed.ID); err != nil {
				return err
			}
			asked, err = tx.IndicatorSet(ctx, issued.Assignments[0].IndicatorSet)
			return err
		})
		var got []string
		for _, ind := range asked.Indicators {
			got = append(got, ind.Code)
		}
		if own.ID != asked.ID || own.ID == offered.ID || !slices.Equal(got, chosen) {
			t.Fatalf("two indicators ticked: the guidance's set %d, the assignment's set %d with %v; want a new set of the guidance with %v",
				own.ID, asked.ID, got, chosen)
		}
	})
}
