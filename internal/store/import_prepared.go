package store

import (
	"context"
	"database/sql"
)

// maxKeptStatements bounds the statements one transaction keeps: queries
// built with a varying number of parameters (IN lists, multi-row inserts)
// would otherwise fill the cache with statements used once.
const maxKeptStatements = 64

// keptStmt is a statement kept for reuse and the rows of its last query.
type keptStmt struct {
	stmt *sql.Stmt
	rows *sql.Rows
}

// ReusePrepared makes the transaction keep each statement it prepares and
// run it again when the same SQL text comes back, until the transaction
// ends (database/sql closes them then). A bulk import runs the same dozen
// statements for every document of a batch, and SQLite parsing each one
// again was a third of the import time. PostgreSQL is left as it is: pgx
// already keeps prepared statements per connection.
func (tx *Tx) ReusePrepared() {
	if tx.engine == SQLite && tx.stmts == nil {
		tx.stmts = make(map[string]*keptStmt)
	}
}

// prepared returns the kept statement for query, preparing it the first
// time; nil when statements are not kept or the cache is full.
func (tx *Tx) prepared(ctx context.Context, query string) (*keptStmt, error) {
	if tx.stmts == nil {
		return nil, nil
	}
	if k, ok := tx.stmts[query]; ok {
		return k, nil
	}
	if len(tx.stmts) >= maxKeptStatements {
		return nil, nil
	}
	st, err := tx.Tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	k := &keptStmt{stmt: st}
	tx.stmts[query] = k
	return k, nil
}

// busy reports whether the rows of the statement's last query are still
// open. The SQLite driver runs a statement on one handle, so the same
// query run again inside the loop over its rows would reset them: that
// run takes a statement of its own. Columns fails only on closed rows.
func (k *keptStmt) busy() bool {
	if k.rows == nil {
		return false
	}
	_, err := k.rows.Columns()
	return err == nil
}

// ExecContext runs a statement, prepared once per transaction when
// ReusePrepared was called.
func (tx *Tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	k, err := tx.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	if k == nil || k.busy() {
		return tx.Tx.ExecContext(ctx, query, args...)
	}
	return k.stmt.ExecContext(ctx, args...)
}

// QueryContext runs a query, prepared once per transaction when
// ReusePrepared was called.
func (tx *Tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	k, err := tx.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	if k == nil || k.busy() {
		return tx.Tx.QueryContext(ctx, query, args...)
	}
	rows, err := k.stmt.QueryContext(ctx, args...)
	k.rows = rows
	return rows, err
}

// QueryRowContext runs a one-row query, prepared once per transaction
// when ReusePrepared was called. The row is read (Scan) before anything
// else runs, so it needs no guard.
func (tx *Tx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if k, err := tx.prepared(ctx, query); err == nil && k != nil && !k.busy() {
		return k.stmt.QueryRowContext(ctx, args...)
	}
	// A statement that does not prepare reports its error through the row.
	return tx.Tx.QueryRowContext(ctx, query, args...)
}
