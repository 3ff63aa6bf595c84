package store

import "context"

// RefillSearchIndex empties the search index and fills it as migration
// 0006 does on a database made before it.
func RefillSearchIndex(ctx context.Context, s *Store) error {
	return s.InTx(ctx, func(tx *Tx) error {
		q := `DELETE FROM document_search`
		if tx.engine == SQLite {
			q = `DELETE FROM document_fts`
		}
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
		return fillSearchIndex(ctx, tx)
	})
}

// WithSearchPlan makes a PostgreSQL search probe the newest probeRows
// documents and ask the newest buckets of ids before the whole index
// (searchPlan), so that a small archive takes the paths of a large one.
func WithSearchPlan(probeRows, buckets int) Option {
	return func(s *Store) { s.searchPlan = searchPlan{probeRows, buckets} }
}

// FillSynthArchive writes n synthetic documents into an empty database,
// their ids stride apart, and returns queries drawn from them (those of
// BenchmarkSearch).
func FillSynthArchive(ctx context.Context, s *Store, n, stride int) ([]string, error) {
	return fillSearchBench(ctx, s, n, stride)
}
