package store

import (
	"context"
	"database/sql"
	"time"

	"lantoa/internal/problem"
)

// Sessions and failed sign-ins live in the database, not in a process, so
// any instance behind a load balancer accepts a session another one made.
// A session is known only by the hash of its token.

// CreateSession records a session of account, known by tokenHash, valid
// until expires. Expired sessions are swept out on the way.
func (tx *Tx) CreateSession(ctx context.Context, tokenHash string, account int64, expires time.Time, remote string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= $1`, timeText(tx.Now())); err != nil {
		return tx.translate(err, "phiên đăng nhập")
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, account_id, created_at, expires_at, remote) VALUES ($1, $2, $3, $4, $5)`,
		tokenHash, account, timeText(tx.Now()), timeText(expires), remote)
	return tx.translate(err, "phiên đăng nhập")
}

// SessionAccount returns the account of the unexpired session known by
// tokenHash.
func (tx *Tx) SessionAccount(ctx context.Context, tokenHash string) (int64, error) {
	var account int64
	err := tx.QueryRowContext(ctx, `SELECT account_id FROM sessions WHERE token_hash = $1 AND expires_at > $2`,
		tokenHash, timeText(tx.Now())).Scan(&account)
	if err == sql.ErrNoRows {
		return 0, problem.Errorf(problem.NotFound, "Phiên đăng nhập đã hết hạn hoặc đã đăng xuất; hãy đăng nhập lại")
	}
	return account, tx.translate(err, "phiên đăng nhập")
}

// SessionUntil is the account holding the session known by tokenHash and
// when the session expires; an unknown, ended or expired one is NotFound.
func (tx *Tx) SessionUntil(ctx context.Context, tokenHash string) (account int64, expires time.Time, err error) {
	var at sql.NullString
	err = tx.QueryRowContext(ctx, `SELECT account_id, expires_at FROM sessions WHERE token_hash = $1 AND expires_at > $2`,
		tokenHash, timeText(tx.Now())).Scan(&account, &at)
	if err == sql.ErrNoRows {
		return 0, time.Time{}, problem.Errorf(problem.NotFound, "Phiên đăng nhập đã hết hạn hoặc đã đăng xuất; hãy đăng nhập lại")
	}
	if err != nil {
		return 0, time.Time{}, tx.translate(err, "phiên đăng nhập")
	}
	return account, parseTime(at), nil
}

// DeleteSession ends the session known by tokenHash; an unknown one is
// already ended.
func (tx *Tx) DeleteSession(ctx context.Context, tokenHash string) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, tokenHash)
	return tx.translate(err, "phiên đăng nhập")
}

// RecordLoginFailure notes a failed sign-in as username, now. Failures
// older than keep are swept out on the way.
func (tx *Tx) RecordLoginFailure(ctx context.Context, username, remote string, keep time.Duration) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM login_attempts WHERE at < $1`, timeText(tx.Now().Add(-keep))); err != nil {
		return tx.translate(err, "lần đăng nhập")
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO login_attempts (username, at, remote) VALUES ($1, $2, $3)`,
		username, timeText(tx.Now()), remote)
	return tx.translate(err, "lần đăng nhập")
}

// LoginFailures counts the failed sign-ins as username since the moment
// given.
func (tx *Tx) LoginFailures(ctx context.Context, username string, since time.Time) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM login_attempts WHERE username = $1 AND at >= $2`,
		username, timeText(since)).Scan(&n)
	return n, tx.translate(err, "lần đăng nhập")
}

// ClearLoginFailures forgets the failed sign-ins as username, after one
// that succeeded.
func (tx *Tx) ClearLoginFailures(ctx context.Context, username string) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM login_attempts WHERE username = $1`, username)
	return tx.translate(err, "lần đăng nhập")
}
