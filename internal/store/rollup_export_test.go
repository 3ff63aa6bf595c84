package store

import "context"

// BulkInsert lets the roll-up benchmark load a province's data in
// multi-row statements, as a migration or an import would.
func (tx *Tx) BulkInsert(ctx context.Context, table, cols string, width int, rows [][]any) error {
	return tx.insertRows(ctx, table, cols, width, rows, "")
}
