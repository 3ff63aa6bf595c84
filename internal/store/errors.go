package store

import (
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"lantoa/internal/problem"
)

// translate turns a driver error into a problem, once, so callers above the
// store never look at driver codes: no row is NotFound, a broken uniqueness
// rule is Conflict, a dangling reference is Invalid, the rest is Internal.
// what names the thing being read or written, in Vietnamese.
func (s *Store) translate(err error, what string) error {
	if err == nil {
		return nil
	}
	var p *problem.Error
	switch {
	case errors.As(err, &p):
		return err
	case errors.Is(err, sql.ErrNoRows):
		return problem.Wrap(problem.NotFound, err, "Không tìm thấy "+what)
	case isUnique(err):
		return problem.Wrap(problem.Conflict, err, "Đã có "+what+" trùng")
	case isForeignKey(err):
		return problem.Wrap(problem.Invalid, err, "Dữ liệu tham chiếu không tồn tại khi ghi "+what)
	}
	return problem.Wrap(problem.Internal, err, "Lỗi cơ sở dữ liệu khi "+what)
}

func isUnique(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "23505"
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return false
}

func isForeignKey(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "23503"
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
	}
	return false
}

// retryable reports errors after which the whole transaction may simply be
// run again: PostgreSQL serialization failures and deadlocks, SQLite busy.
func (s *Store) retryable(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "40001" || pe.Code == "40P01"
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code()&0xff == sqlite3.SQLITE_BUSY
	}
	return false
}
