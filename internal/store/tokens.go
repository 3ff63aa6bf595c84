package store

import (
	"context"
	"database/sql"
	"time"

	"lantoa/internal/problem"
)

// APIToken is a personal API token as its owner sees it listed: never its
// text, which only the person who made it saw, once.
type APIToken struct {
	ID        int64
	Account   int64
	Name      string
	CreatedAt time.Time
	LastUsed  time.Time // zero: never used
	Expires   time.Time // zero: does not expire
	Revoked   time.Time // zero: still valid
}

// CreateAPIToken records a token of t.Account known by tokenHash and
// returns it with its id and creation time.
func (tx *Tx) CreateAPIToken(ctx context.Context, t APIToken, tokenHash string) (APIToken, error) {
	t.CreatedAt = tx.Now()
	err := tx.QueryRowContext(ctx, `INSERT INTO api_tokens (account_id, name, token_hash, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		t.Account, t.Name, tokenHash, timeText(t.CreatedAt), timeText(t.Expires)).Scan(&t.ID)
	return t, tx.translate(err, "mã truy cập")
}

// APITokenByHash returns the token known by tokenHash if it is neither
// revoked nor expired; otherwise NotFound.
func (tx *Tx) APITokenByHash(ctx context.Context, tokenHash string) (APIToken, error) {
	now := timeText(tx.Now())
	row := tx.QueryRowContext(ctx, `SELECT `+tokenColumns+` FROM api_tokens
		WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)`, tokenHash, now)
	t, err := scanToken(row)
	if err == sql.ErrNoRows {
		return t, problem.Errorf(problem.NotFound, "Mã truy cập không đúng, đã bị thu hồi hoặc đã hết hạn")
	}
	return t, tx.translate(err, "mã truy cập")
}

// TouchAPIToken notes that token id was used now.
func (tx *Tx) TouchAPIToken(ctx context.Context, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE api_tokens SET last_used_at = $2 WHERE id = $1`, id, timeText(tx.Now()))
	return tx.translate(err, "mã truy cập")
}

// APITokens lists an account's tokens, newest first, revoked ones too.
func (tx *Tx) APITokens(ctx context.Context, account int64) ([]APIToken, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+tokenColumns+` FROM api_tokens WHERE account_id = $1 ORDER BY created_at DESC, id DESC`, account)
	if err != nil {
		return nil, tx.translate(err, "mã truy cập")
	}
	defer rows.Close()
	var out []APIToken
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, tx.translate(err, "mã truy cập")
		}
		out = append(out, t)
	}
	return out, tx.translate(rows.Err(), "mã truy cập")
}

// RevokeAPIToken ends token id of account. Another account's token, or
// one already revoked, is NotFound: its owner alone may revoke it.
func (tx *Tx) RevokeAPIToken(ctx context.Context, account, id int64) (APIToken, error) {
	row := tx.QueryRowContext(ctx, `UPDATE api_tokens SET revoked_at = $3
		WHERE id = $1 AND account_id = $2 AND revoked_at IS NULL RETURNING `+tokenColumns, id, account, timeText(tx.Now()))
	t, err := scanToken(row)
	if err == sql.ErrNoRows {
		return t, problem.Errorf(problem.NotFound, "Không có mã truy cập số %d còn hiệu lực của bạn", id)
	}
	return t, tx.translate(err, "mã truy cập")
}

const tokenColumns = `id, account_id, name, created_at, last_used_at, expires_at, revoked_at`

func scanToken(row interface{ Scan(...any) error }) (APIToken, error) {
	var t APIToken
	var created, used, expires, revoked sql.NullString
	if err := row.Scan(&t.ID, &t.Account, &t.Name, &created, &used, &expires, &revoked); err != nil {
		return t, err
	}
	t.CreatedAt, t.LastUsed, t.Expires, t.Revoked = parseTime(created), parseTime(used), parseTime(expires), parseTime(revoked)
	return t, nil
}

// LastDay is the last day the token works, zero when it does not expire.
func (t APIToken) LastDay() time.Time {
	if t.Expires.IsZero() {
		return time.Time{}
	}
	return dayOf(t.Expires.Add(-time.Nanosecond))
}
