package app

import (
	"context"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/store"
)

// UnitsByIDs finds units by id, for naming them in lists; everyone signed
// in may look units up.
func (s *Service) UnitsByIDs(ctx context.Context, ids []org.ID) ([]org.Unit, error) {
	var us []org.Unit
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		us, err = tx.UnitsByIDs(ctx, ids)
		return err
	})
	return us, err
}

// CitedBy lists the documents citing id that the actor may see, newest
// first, as listedDocument shows them.
func (s *Service) CitedBy(ctx context.Context, a Actor, id document.ID) ([]document.Document, error) {
	var out []document.Document
	err := s.store.View(ctx, func(tx *store.Tx) error {
		d, err := tx.Document(ctx, id)
		if err != nil {
			return err
		}
		on := dayOf(tx.Now())
		if err := maySeeDocument(ctx, tx, a, d, on); err != nil {
			return err
		}
		ds, err := tx.CitedBy(ctx, id)
		if err != nil {
			return err
		}
		for _, c := range ds {
			c, ok, err := listedDocument(ctx, tx, a, c, on)
			if err != nil {
				return err
			}
			if ok {
				out = append(out, c)
			}
		}
		return nil
	})
	return out, err
}
