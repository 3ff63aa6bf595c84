// Package store keeps Lan Tỏa's data in SQLite (embedded, one office PC) or
// PostgreSQL (a province, the nation) behind one *Store. Queries are written
// once, with $n placeholders, in the SQL both engines share; only the DDL is
// kept per engine, in numbered embedded migrations. It returns domain types
// and problem errors, and holds no state between calls that a second
// instance on the same database would not see.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // driver "pgx"
	_ "modernc.org/sqlite"             // driver "sqlite"

	"lantoa/internal/problem"
)

// Engine names a database engine.
type Engine string

const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// Store is the database. rw takes every write (on SQLite, one connection:
// SQLite has one writer, and one queue beats SQLITE_BUSY retries); ro serves
// reads outside transactions (on PostgreSQL, the same pool).
type Store struct {
	rw, ro *sql.DB
	engine Engine
	now    func() time.Time
	log    *slog.Logger

	versions *versionReads // see Version; shared by copies (WithClock)

	searchPlan searchPlan // how a PostgreSQL search probes (rankPostgres); zero: the defaults
}

// Option adjusts a Store when it is opened.
type Option func(*Store)

// WithClock makes the store read the time from now; tests use it.
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// WithLogger sets the logger.
func WithLogger(l *slog.Logger) Option { return func(s *Store) { s.log = l } }

// DefaultDSN is the database used when none is named: a SQLite file in the
// working directory.
const DefaultDSN = "lantoa.db"

// Open connects to the database named by dsn, applies pending migrations
// and returns the store. A dsn starting with postgres:// or postgresql://
// is PostgreSQL; anything else is a SQLite file path (an optional "sqlite:"
// or "file:" prefix is allowed).
func Open(ctx context.Context, dsn string, opts ...Option) (*Store, error) {
	s := &Store{now: time.Now, log: slog.New(slog.DiscardHandler), versions: &versionReads{}}
	for _, o := range opts {
		o(s)
	}
	var err error
	if isPostgres(dsn) {
		s.engine = Postgres
		s.rw, err = sql.Open("pgx", dsn)
		if err != nil {
			return nil, problem.Wrap(problem.Invalid, err, "Chuỗi kết nối PostgreSQL không hợp lệ")
		}
		// As many idle as open: a connection closed after a burst would
		// cost a new PostgreSQL backend at the next one.
		s.rw.SetMaxOpenConns(20)
		s.rw.SetMaxIdleConns(20)
		s.ro = s.rw
	} else {
		s.engine = SQLite
		path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "file:")
		if path == "" {
			return nil, problem.Errorf(problem.Invalid, "Chưa có đường dẫn tệp cơ sở dữ liệu")
		}
		if s.rw, err = sql.Open("sqlite", sqliteDSN(path, true)); err != nil {
			return nil, problem.Wrap(problem.Invalid, err, "Không mở được tệp cơ sở dữ liệu "+path)
		}
		s.rw.SetMaxOpenConns(1)
		s.rw.SetConnMaxIdleTime(0)
		if s.ro, err = sql.Open("sqlite", sqliteDSN(path, false)); err != nil {
			s.rw.Close()
			return nil, problem.Wrap(problem.Invalid, err, "Không mở được tệp cơ sở dữ liệu "+path)
		}
		s.ro.SetMaxOpenConns(4)
	}
	if err := s.ping(ctx); err != nil {
		s.Close()
		return nil, problem.Wrap(problem.Unavailable, err, "Không kết nối được cơ sở dữ liệu ("+Redact(dsn)+")")
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// ping makes the first connection. Two processes opening a new SQLite file
// at once can find it locked while one switches it to WAL, a step SQLite's
// busy timeout does not cover: wait and try again for a few seconds.
func (s *Store) ping(ctx context.Context) error {
	var err error
	for attempt := 0; attempt < 100; attempt++ {
		if err = s.rw.PingContext(ctx); err == nil || !s.retryable(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(10+attempt%5*10) * time.Millisecond):
		}
	}
	return err
}

func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// sqliteDSN sets the pragmas every connection needs: WAL so readers never
// wait for the writer, a busy timeout instead of instant "database is
// locked", foreign keys, and immediate transactions on the writer so a
// transaction takes the write lock at BEGIN rather than failing mid-way.
func sqliteDSN(path string, writer bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	if writer {
		q.Set("_txlock", "immediate")
	}
	return "file:" + path + "?" + q.Encode()
}

// Redact hides a password in a connection string before it is shown.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	if _, ok := u.User.Password(); !ok {
		return dsn
	}
	u.User = url.User(u.User.Username())
	who := "//" + u.User.String() + "@"
	return strings.Replace(u.String(), who, strings.TrimSuffix(who, "@")+":***@", 1)
}

// Engine reports which database engine the store runs on.
func (s *Store) Engine() Engine { return s.engine }

// Now is the store's clock.
func (s *Store) Now() time.Time { return s.now().UTC() }

// Close releases the connections.
func (s *Store) Close() error {
	var errs []error
	if s.ro != nil && s.ro != s.rw {
		errs = append(errs, s.ro.Close())
	}
	if s.rw != nil {
		errs = append(errs, s.rw.Close())
	}
	return errors.Join(errs...)
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.ro.PingContext(ctx); err != nil {
		return problem.Wrap(problem.Unavailable, err, "Cơ sở dữ liệu không trả lời")
	}
	return nil
}

// querier is what both *sql.DB and *sql.Tx offer; read functions take one so
// they serve inside and outside a transaction alike.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Tx is a write transaction. It knows the time it started, so everything it
// writes carries one timestamp and tests control the clock.
type Tx struct {
	*sql.Tx
	now    time.Time
	engine Engine
	stmts  map[string]*keptStmt // statements kept for reuse (ReusePrepared); nil: none

	searchPlan searchPlan // Store.searchPlan
}

// Now is the transaction's start time, in UTC.
func (tx *Tx) Now() time.Time { return tx.now }

// InTx runs fn in a write transaction, committed when fn returns nil and
// rolled back otherwise, so a failed use case leaves nothing half-written.
// A serialization failure or deadlock (PostgreSQL) or a busy database
// (SQLite) runs fn again, a few times: fn must start from scratch each
// time, keeping no results of an earlier attempt.
func (s *Store) InTx(ctx context.Context, fn func(tx *Tx) error) error {
	for attempt := 0; ; attempt++ {
		err := s.inTxOnce(ctx, fn)
		if err == nil || attempt == 4 || !s.retryable(err) {
			return err
		}
		time.Sleep(time.Duration(attempt+1) * 5 * time.Millisecond)
	}
}

func (s *Store) inTxOnce(ctx context.Context, fn func(tx *Tx) error) (err error) {
	sqlTx, err := s.rw.BeginTx(ctx, nil)
	if err != nil {
		return s.translate(err, "bắt đầu giao dịch")
	}
	tx := &Tx{Tx: sqlTx, now: s.Now(), engine: s.engine, searchPlan: s.searchPlan}
	defer func() {
		if p := recover(); p != nil {
			sqlTx.Rollback()
			panic(p)
		}
		if err != nil {
			sqlTx.Rollback()
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	if err = tx.bumpVersion(ctx); err != nil {
		return err
	}
	if err = sqlTx.Commit(); err != nil {
		return s.translate(err, "ghi giao dịch")
	}
	return nil
}

// errorf wraps an unexpected database error as an internal problem.
func errorf(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	var p *problem.Error
	if errors.As(err, &p) {
		return err
	}
	return problem.Wrap(problem.Internal, err, fmt.Sprintf(format, args...))
}

// WithClock returns the store reading the time from now, sharing the
// connections: the demo loader replays 2022 on it. Close the original,
// not the copy.
func (s *Store) WithClock(now func() time.Time) *Store {
	c := *s
	c.now = now
	return &c
}
