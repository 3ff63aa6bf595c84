package app

import (
	"context"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/store"
)

// ActivityMonths is how many activities answering directive the units of
// unit's subtree (as it stood on the day) did in each of the months months
// ending with the day's month, oldest first, empty months included: the
// dashboard's activity over time. Who may see the roll-up may see this.
func (s *Service) ActivityMonths(ctx context.Context, by Actor, directive document.ID, unit org.ID, on time.Time, months int) ([]store.MonthCount, error) {
	if on.IsZero() {
		on = s.Today()
	}
	on = dayOf(on)
	first := time.Date(on.Year(), on.Month()-time.Month(months-1), 1, 0, 0, 0, 0, time.UTC)
	var counted []store.MonthCount
	err := s.store.View(ctx, func(tx *store.Tx) error {
		if err := maySeeUnit(ctx, tx, by, unit, on); err != nil {
			return err
		}
		d, err := tx.Document(ctx, directive)
		if err != nil {
			return err
		}
		if err := maySeeDocument(ctx, tx, by, d, on); err != nil {
			return err
		}
		counted, err = tx.ActivityMonths(ctx, directive, unit, first, on)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := make([]store.MonthCount, months)
	for i := range out {
		out[i].Month = first.AddDate(0, i, 0)
	}
	for _, c := range counted {
		if i := monthsBetween(first, c.Month); i >= 0 && i < months {
			out[i].N = c.N
		}
	}
	return out, nil
}

func monthsBetween(a, b time.Time) int {
	return (b.Year()-a.Year())*12 + int(b.Month()-a.Month())
}
