package store

import (
	"context"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
)

// MonthCount is how many activities ended in a month.
type MonthCount struct {
	Month time.Time // the month's first day
	N     int
}

// ActivityMonths counts, month by month from the month of from to the
// month of on, the activities answering directive (through any document of
// its cascade) done by units in unit's subtree as the tree stood on on;
// each activity once, by the day it ended, as the roll-up counts it.
// Months without activity are absent.
func (tx *Tx) ActivityMonths(ctx context.Context, directive document.ID, unit org.ID, from, on time.Time) ([]MonthCount, error) {
	day := on.Format(dateLayout)
	rows, err := tx.QueryContext(ctx, `SELECT m.month, COUNT(*) FROM (
			SELECT DISTINCT a.id, substr(a.ended_on, 1, 7) AS month
			FROM activities a
			JOIN activity_targets t ON t.activity_id = a.id
			JOIN doc_closure d ON d.descendant_id = t.document_id AND d.ancestor_id = $1
			JOIN unit_closure c ON c.descendant_id = a.unit_id AND c.ancestor_id = $2
				AND c.valid_from <= $3 AND c.valid_to > $3
			WHERE a.ended_on >= $4 AND a.ended_on <= $3) m
		GROUP BY m.month ORDER BY m.month`,
		directive, unit, day, from.Format(dateLayout)[:8]+"01")
	if err != nil {
		return nil, tx.translate(err, "số hoạt động theo tháng")
	}
	defer rows.Close()
	var out []MonthCount
	for rows.Next() {
		var month string
		var c MonthCount
		if err := rows.Scan(&month, &c.N); err != nil {
			return nil, tx.translate(err, "số hoạt động theo tháng")
		}
		if c.Month, err = time.Parse("2006-01", month); err != nil {
			return nil, errorf(err, "đọc tháng %q", month)
		}
		out = append(out, c)
	}
	return out, tx.translate(rows.Err(), "số hoạt động theo tháng")
}
