package store

import "context"

// bumpVersion moves the data version on; every write transaction runs it
// last, just before committing, so the row lock (PostgreSQL) is held only
// for the commit and the new version is visible exactly when the data is.
func (tx *Tx) bumpVersion(ctx context.Context) error {
	_, err := tx.ExecContext(ctx, `UPDATE data_version SET n = n + 1 WHERE id = 1`)
	return tx.translate(err, "ghi phiên bản dữ liệu")
}

// Version is the data version: it differs from an earlier reading exactly
// when some write has been committed since, by any instance. Read it before
// computing what is kept under it, so a result is never older than its key.
func (s *Store) Version(ctx context.Context) (int64, error) {
	var n int64
	err := s.ro.QueryRowContext(ctx, `SELECT n FROM data_version WHERE id = 1`).Scan(&n)
	return n, s.translate(err, "đọc phiên bản dữ liệu")
}
