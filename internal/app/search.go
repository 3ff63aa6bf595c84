package app

import (
	"context"
	"slices"
	"time"

	"lantoa/internal/org"
	"lantoa/internal/store"
)

// Search finds documents by the words of their number, type, issuer,
// subject, signer or body, for the actor: the documents of the units they
// see (their own, and for leaders and administrators every unit theirs
// direct today), and the confidential documents granted to them. The
// other confidential documents of those units are found only by what
// identifies them and shown as a register line shows them. f.Units, when
// given, narrows the search to those units, each of which the actor must
// see; the system (the command line) searches everything, confidential
// documents in full.
func (s *Service) Search(ctx context.Context, a Actor, f store.SearchFilter) (store.SearchPage, error) {
	f.System, f.Account = a.System, a.Account
	var page store.SearchPage
	err := s.store.View(ctx, func(tx *store.Tx) error {
		on := dayOf(tx.Now())
		if !a.System {
			if len(f.Units) > 0 {
				for _, u := range f.Units {
					if err := maySeeUnit(ctx, tx, a, u, on); err != nil {
						return err
					}
				}
			} else {
				var err error
				if f.Units, err = seenUnits(ctx, tx, a, on); err != nil {
					return err
				}
			}
		}
		var err error
		if page, err = tx.SearchDocuments(ctx, f); err != nil {
			return err
		}
		for i, h := range page.Hits {
			if h.Open {
				continue
			}
			page.Hits[i].Document = identityOnly(h.Document)
			if h.Entry != nil {
				h.Entry.Document = page.Hits[i].Document
			}
		}
		return nil
	})
	return page, err
}

// seenUnits are the units whose documents the actor sees on day on: those
// they belong to, and those their units direct where they lead or
// administer.
func seenUnits(ctx context.Context, tx *store.Tx, a Actor, on time.Time) ([]org.ID, error) {
	var out []org.ID
	for _, m := range a.Memberships {
		out = append(out, m.Unit)
		if m.Role != org.Leader && m.Role != org.Admin {
			continue
		}
		below, err := tx.Subtree(ctx, m.Unit, on)
		if err != nil {
			return nil, err
		}
		out = append(out, below...)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}
