package store_test

import (
	"context"
	"testing"

	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// With statements kept for reuse, statements run many times give the same
// answers, and on SQLite a query run again inside the loop over its own
// rows gets a statement of its own: the outer loop still sees every row.
// (PostgreSQL refuses a query while rows are open, so store code never
// nests; the guard is for a future slip on SQLite.)
func TestReusePreparedNestedQuery(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		const q = `SELECT n FROM (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS t WHERE n >= $1 ORDER BY n`
		err := s.InTx(ctx, func(tx *store.Tx) error {
			tx.ReusePrepared()
			if tx.Engine() == store.SQLite {
				if err := nested(ctx, t, tx, q); err != nil {
					return err
				}
			}
			for i := range 5 {
				var n int
				if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 AS n UNION ALL SELECT 2) AS t WHERE n > $1`, i%3).Scan(&n); err != nil {
					return err
				}
				if want := max(0, 2-i%3); n != want {
					t.Errorf("run %d: %d rows, want %d", i, n, want)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

func nested(ctx context.Context, t *testing.T, tx *store.Tx, q string) error {
	rows, err := tx.QueryContext(ctx, q, 1)
	if err != nil {
		return err
	}
	defer rows.Close()
	var outer []int
	inner := 0
	for rows.Next() {
		var n int
		if err := rows.Scan(&n); err != nil {
			return err
		}
		outer = append(outer, n)
		in, err := tx.QueryContext(ctx, q, n)
		if err != nil {
			return err
		}
		for in.Next() {
			inner++
		}
		in.Close()
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(outer) != 3 || inner != 3+2+1 {
		t.Errorf("outer rows %v, inner rows %d: want [1 2 3] and 6", outer, inner)
	}
	return nil
}
