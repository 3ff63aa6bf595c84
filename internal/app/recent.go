package app

import (
	"context"
	"slices"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/store"
)

// RecentDocuments lists the n documents entered last in the registers of
// the actor's own units, newest first, each once. Confidential documents
// the actor is not granted show only what identifies them.
func (s *Service) RecentDocuments(ctx context.Context, a Actor, n int) ([]document.Document, error) {
	var units []org.ID
	for _, m := range a.Memberships {
		if !slices.Contains(units, m.Unit) {
			units = append(units, m.Unit)
		}
	}
	var out []document.Document
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var entries []store.RegisterEntry
		for _, u := range units {
			page, err := tx.RegisterEntries(ctx, store.RegisterFilter{Unit: u, Limit: n})
			if err != nil {
				return err
			}
			entries = append(entries, page.Entries...)
		}
		slices.SortStableFunc(entries, func(x, y store.RegisterEntry) int {
			if c := y.On.Compare(x.On); c != 0 {
				return c
			}
			return y.CreatedAt.Compare(x.CreatedAt)
		})
		seen := map[document.ID]bool{}
		for _, e := range entries {
			if len(out) == n {
				break
			}
			if seen[e.Document.ID] {
				continue
			}
			seen[e.Document.ID] = true
			d := e.Document
			ok, err := mayOpen(ctx, tx, a, d)
			if err != nil {
				return err
			}
			if !ok {
				d = identityOnly(d)
			}
			out = append(out, d)
		}
		return nil
	})
	return out, err
}
