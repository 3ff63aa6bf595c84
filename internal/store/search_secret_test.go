package store_test

import (
	"context"
	"testing"

	"lantoa/internal/document"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// A confidential document is found by its number, never by a word of its
// subject: the search would otherwise tell what it is about.
func TestConfidentialSubjectIsNotSearchable(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		unit := newUnit(t, s, "btgthu", document.Party)
		err := s.InTx(ctx, func(tx *store.Tx) error {
			d, err := tx.CreateDocument(ctx, document.Document{Status: document.Received, Metadata: document.Metadata{
				NumberSymbol: "05-CV/TU", DocType: "Công văn", Date: "2022-08-01", Confidentiality: "Mật",
				Subject: "Tình hình an ninh biên giới"}})
			if err != nil {
				return err
			}
			_, err = tx.Enter(ctx, d.ID, unit.ID, document.Incoming, day("2022-08-02"), 0)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		count := func(q string) int {
			var p store.RegisterPage
			err := s.View(ctx, func(tx *store.Tx) error {
				var err error
				p, err = tx.RegisterEntries(ctx, store.RegisterFilter{Unit: unit.ID, Register: document.Incoming, Query: q})
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return p.Total
		}
		if n := count("an ninh bien gioi"); n != 0 {
			t.Errorf("search by the subject of a confidential document found %d", n)
		}
		if n := count("05-CV/TU"); n != 1 {
			t.Errorf("search by its number found %d, want 1", n)
		}
	})
}
