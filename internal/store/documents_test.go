package store_test

import (
	"context"
	"testing"

	"lantoa/internal/document"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
	"lantoa/internal/task"
)

func doc(ns, typ, date string, cites ...document.Citation) document.Document {
	return document.Document{Status: document.Received, Metadata: document.Metadata{
		NumberSymbol: ns, DocType: typ, Date: date, Subject: typ + " " + ns, Citations: cites}}
}

func cite(ns, date string, rel document.Relation) document.Citation {
	return document.Citation{NumberSymbol: ns, Date: date, Relation: rel}
}

func TestCitationsResolveWhicheverDocumentArrivesFirst(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		ids := map[string]document.ID{}
		add := func(d document.Document) {
			t.Helper()
			err := s.InTx(ctx, func(tx *store.Tx) error {
				got, err := tx.CreateDocument(ctx, d)
				ids[d.NumberSymbol] = got.ID
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		units := tree(t, s, []string{"ldld", "ldld-tp", "other"}, [][2]string{{"ldld", "ldld-tp"}})
		byUnit := func(d document.Document, code string) document.Document {
			d.IssuerUnit = int64(units[code])
			return d
		}
		// The union's letter arrives before the guidance it implements, and
		// the guidance before the directive.
		add(byUnit(doc("967/LĐLĐ", "Công văn", "2022-07-11", cite("71-HD/BTGTU", "2022-06-22", document.Implements)), "ldld-tp"))
		add(doc("71-HD/BTGTU", "Hướng dẫn", "2022-06-22", cite("12-CT/TW", "2022-01-05", document.Implements)))
		add(doc("12-CT/TW", "Chỉ thị", "2022-01-05"))
		add(doc("15-HD/BTGThU", "Hướng dẫn", "2022-07-20",
			cite("71 - HD/BTGTU", "", document.Implements), cite("12-CT/TW", "2022-01-05", document.BasedOn)))
		// Only the issuer or a body directing it replaces a document: a
		// stranger's claim is kept as a citation and changes nothing.
		add(byUnit(doc("9/QĐ-Y", "Quyết định", "2022-07-30", cite("967/LĐLĐ", "", document.Repeals)), "other"))
		add(byUnit(doc("1/QĐ-X", "Quyết định", "2022-08-01", cite("967/LĐLĐ", "", document.Replaces)), "ldld"))

		var nodes []store.CascadeNode
		err := s.View(ctx, func(tx *store.Tx) error {
			var err error
			nodes, err = tx.Cascade(ctx, ids["12-CT/TW"])
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string][2]any{}
		for _, n := range nodes {
			parent := ""
			for ns, id := range ids {
				if id == n.Parent {
					parent = ns
				}
			}
			got[n.Doc.NumberSymbol] = [2]any{parent, n.Depth}
		}
		want := map[string][2]any{
			"12-CT/TW":     {"", 0},
			"71-HD/BTGTU":  {"12-CT/TW", 1},
			"967/LĐLĐ":     {"71-HD/BTGTU", 2},
			"15-HD/BTGThU": {"71-HD/BTGTU", 2},
		}
		if len(got) != len(want) {
			t.Fatalf("cascade = %v, want %v", got, want)
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: parent, depth = %v, want %v", k, got[k], v)
			}
		}
		var letter document.Document
		s.View(ctx, func(tx *store.Tx) error { letter, err = tx.Document(ctx, ids["967/LĐLĐ"]); return err })
		if letter.Status != document.Replaced || letter.Targets[0] != ids["71-HD/BTGTU"] {
			t.Fatalf("letter: status %s, targets %v", letter.Status, letter.Targets)
		}
	})
}

func TestAmbiguousCitationStaysOpen(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		var last document.Document
		err := s.InTx(ctx, func(tx *store.Tx) error {
			// Two provinces' boards both issued a 71-HD/BTGTU.
			if _, err := tx.CreateDocument(ctx, doc("71-HD/BTGTU", "Hướng dẫn", "2022-06-22")); err != nil {
				return err
			}
			if _, err := tx.CreateDocument(ctx, doc("71-HD/BTGTU", "Hướng dẫn", "2021-03-02")); err != nil {
				return err
			}
			var err error
			last, err = tx.CreateDocument(ctx, doc("5/LĐLĐ", "Công văn", "2022-07-01", cite("71-HD/BTGTU", "", document.Implements)))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if last.Targets[0] != 0 {
			t.Fatalf("ambiguous citation linked to %d", last.Targets[0])
		}
	})
}

func TestDraftTakesEffectOnlyWhenIssued(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		city := newUnit(t, s, "btgthu", document.Party)
		var parent, draft document.Document
		var assignment task.Assignment
		err := s.InTx(ctx, func(tx *store.Tx) error {
			var err error
			if parent, err = tx.CreateDocument(ctx, doc("71-HD/BTGTU", "Hướng dẫn", "2022-06-22")); err != nil {
				return err
			}
			// The city drafts its guidance before its assignment is recorded.
			draft, err = tx.CreateDraft(ctx, document.Document{IssuerUnit: int64(city.ID), Metadata: document.Metadata{DocType: "Hướng dẫn",
				Subject: "Tuyên truyền", Citations: []document.Citation{cite("71-HD/BTGTU", "2022-06-22", document.Implements)}}}, store.DraftPlan{})
			if err != nil {
				return err
			}
			assignment, err = tx.CreateAssignment(ctx, task.Assignment{Document: parent.ID, Assignee: city.ID, Role: task.Lead})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if draft.Targets[0] != parent.ID || assignment.Status != task.Sent {
			t.Fatalf("draft cites %v, assignment %s; want the guidance linked and the assignment still sent", draft.Targets, assignment.Status)
		}
		issue := func() error {
			return s.InTx(ctx, func(tx *store.Tx) error {
				d, err := tx.Document(ctx, draft.ID)
				if err != nil {
					return err
				}
				d.Number, d.Symbol, d.NumberSymbol, d.Date = "01", "HD/BTGThU", "01-HD/BTGThU", "2022-07-20"
				_, err = tx.IssueDraft(ctx, d)
				return err
			})
		}
		if err := issue(); err != nil {
			t.Fatal(err)
		}
		var cascade []document.ID
		s.View(ctx, func(tx *store.Tx) error {
			assignment, err = tx.Assignment(ctx, assignment.ID)
			if err == nil {
				cascade, err = tx.CascadeOf(ctx, parent.ID)
			}
			return err
		})
		if assignment.Status != task.Implementing || assignment.ImplementingDoc != draft.ID || len(cascade) != 2 {
			t.Fatalf("after issue: assignment %s by %d, cascade %v; want implementing by %d and the guidance's cascade holding it",
				assignment.Status, assignment.ImplementingDoc, cascade, draft.ID)
		}
		if err := issue(); problem.KindOf(err) != problem.Conflict {
			t.Fatalf("issuing twice: err = %v, want conflict", err)
		}
	})
}
