package store

import (
	"context"
	"fmt"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/vn"
)

// NextNumber takes the next value of the sequence named scope, starting at
// 1. One upsert both creates and advances the counter; the row stays locked
// until the transaction ends, so concurrent callers, in this process or
// another instance, queue on it and never see the same value, and a
// transaction that rolls back gives its number back.
func (tx *Tx) NextNumber(ctx context.Context, scope string) (int64, error) {
	var n int64
	err := tx.QueryRowContext(ctx, `INSERT INTO counters (scope, value) VALUES ($1, 1)
		ON CONFLICT (scope) DO UPDATE SET value = counters.value + 1 RETURNING value`, scope).Scan(&n)
	return n, tx.translate(err, "số văn bản")
}

// AllocateNumber takes the next number for a document of type docType that
// unit issues on day on, by the rules of the unit's family: a party or
// youth committee numbers each type within its current term, which must
// have been declared; the state, unions and the Front number per calendar
// year, secret documents apart.
func (tx *Tx) AllocateNumber(ctx context.Context, unit org.Unit, docType string, on time.Time, secret bool) (int64, error) {
	rule := document.NumberingOf(unit.Family)
	period := fmt.Sprint(on.Year())
	if rule.PerTerm {
		term, err := tx.TermOn(ctx, unit.ID, on)
		if problem.KindOf(err) == problem.NotFound {
			return 0, problem.Errorf(problem.Invalid, "%s đánh số văn bản theo nhiệm kỳ, nhưng chưa khai báo nhiệm kỳ chứa ngày %s: hãy khai báo nhiệm kỳ trước khi cấp số",
				unit.Name, vn.FormatDate(on))
		}
		if err != nil {
			return 0, err
		}
		period = "nk" + term.Starts.Format(dateLayout)
	}
	return tx.NextNumber(ctx, rule.Sequence(int64(unit.ID), period, docType, secret))
}

// NextArrival takes a unit's next arrival number (số đến), counted per
// calendar year for all incoming documents (NĐ 30 Art. 22).
func (tx *Tx) NextArrival(ctx context.Context, unit org.ID, on time.Time) (int64, error) {
	return tx.NextNumber(ctx, fmt.Sprintf("in/%d/%d", unit, on.Year()))
}
