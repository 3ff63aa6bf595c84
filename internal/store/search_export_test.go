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
