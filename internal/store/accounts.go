package store

import (
	"context"
	"database/sql"
	"strings"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/vn"
)

// CreateAccount stores an account and its memberships. The password hash
// is made by the caller.
func (tx *Tx) CreateAccount(ctx context.Context, a org.Account) (org.Account, error) {
	a.Username = strings.ToLower(strings.TrimSpace(a.Username))
	a.DisplayName = strings.TrimSpace(vn.NFC(a.DisplayName))
	if a.Username == "" || strings.ContainsAny(a.Username, " \t\n") {
		return a, problem.Errorf(problem.Invalid, "Tên đăng nhập không được trống hay chứa khoảng trắng")
	}
	if a.DisplayName == "" {
		a.DisplayName = a.Username
	}
	var err error
	if a.Email, err = CleanEmail(a.Email); err != nil {
		return a, err
	}
	a.CreatedAt = tx.Now()
	err = tx.QueryRowContext(ctx, `INSERT INTO accounts (username, display_name, email, password_hash, disabled, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		a.Username, a.DisplayName, a.Email, a.PasswordHash, boolInt(a.Disabled), timeText(a.CreatedAt)).Scan(&a.ID)
	if isUnique(err) {
		return a, problem.Errorf(problem.Conflict, "Tên đăng nhập %q đã có người dùng", a.Username)
	}
	if err != nil {
		return a, tx.translate(err, "tài khoản")
	}
	for _, m := range a.Memberships {
		if err := tx.AddMembership(ctx, a.ID, m); err != nil {
			return a, err
		}
	}
	return a, nil
}

// AddMembership lets an account act for a unit in a role.
func (tx *Tx) AddMembership(ctx context.Context, account int64, m org.Membership) error {
	valid := false
	for _, r := range org.Roles {
		valid = valid || r == m.Role
	}
	if !valid {
		return problem.Errorf(problem.Invalid, "Vai trò %q không có", m.Role)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO memberships (account_id, unit_id, role) VALUES ($1, $2, $3) ON CONFLICT (account_id, unit_id, role) DO NOTHING`,
		account, m.Unit, m.Role)
	return tx.translate(err, "vai trò")
}

// RemoveMembership takes a role in a unit away from an account.
func (tx *Tx) RemoveMembership(ctx context.Context, account int64, m org.Membership) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM memberships WHERE account_id = $1 AND unit_id = $2 AND role = $3`, account, m.Unit, m.Role)
	return tx.translate(err, "vai trò")
}

const accountCols = `id, username, display_name, email, password_hash, disabled, created_at`

func (tx *Tx) account(ctx context.Context, where string, arg any) (org.Account, error) {
	var a org.Account
	var disabled int
	var created sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT `+accountCols+` FROM accounts WHERE `+where, arg).
		Scan(&a.ID, &a.Username, &a.DisplayName, &a.Email, &a.PasswordHash, &disabled, &created)
	if err == sql.ErrNoRows {
		return a, problem.Errorf(problem.NotFound, "Không có tài khoản này")
	}
	if err != nil {
		return a, tx.translate(err, "tài khoản")
	}
	a.Disabled, a.CreatedAt = disabled != 0, parseTime(created)
	rows, err := tx.QueryContext(ctx, `SELECT unit_id, role FROM memberships WHERE account_id = $1 ORDER BY unit_id, role`, a.ID)
	if err != nil {
		return a, tx.translate(err, "vai trò")
	}
	defer rows.Close()
	for rows.Next() {
		var m org.Membership
		if err := rows.Scan(&m.Unit, &m.Role); err != nil {
			return a, tx.translate(err, "vai trò")
		}
		a.Memberships = append(a.Memberships, m)
	}
	return a, tx.translate(rows.Err(), "vai trò")
}

// Account reads an account with its memberships.
func (tx *Tx) Account(ctx context.Context, id int64) (org.Account, error) {
	return tx.account(ctx, `id = $1`, id)
}

// AccountByUsername reads an account by its sign-in name.
func (tx *Tx) AccountByUsername(ctx context.Context, username string) (org.Account, error) {
	return tx.account(ctx, `username = $1`, strings.ToLower(strings.TrimSpace(username)))
}

// SetPasswordHash replaces an account's password hash.
func (tx *Tx) SetPasswordHash(ctx context.Context, id int64, hash string) error {
	_, err := tx.ExecContext(ctx, `UPDATE accounts SET password_hash = $2 WHERE id = $1`, id, hash)
	return tx.translate(err, "tài khoản")
}

// Grant lets an account see a confidential document.
func (tx *Tx) Grant(ctx context.Context, account int64, doc document.ID, by int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO document_grants (account_id, document_id, granted_by, granted_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (account_id, document_id) DO NOTHING`, account, doc, nullID(by), timeText(tx.Now()))
	return tx.translate(err, "quyền xem văn bản mật")
}

// Granted reports whether an account may see a confidential document.
func (tx *Tx) Granted(ctx context.Context, account int64, doc document.ID) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM document_grants WHERE account_id = $1 AND document_id = $2`, account, doc).Scan(&n)
	return n > 0, tx.translate(err, "quyền xem văn bản mật")
}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	Account int64
	Action  string // "document.register", "assignment.acknowledge", …
	Object  string // "document:12"
	Detail  string
	Remote  string // where the request came from
}

// Audit appends to the audit log, in the transaction of the change itself.
func (tx *Tx) Audit(ctx context.Context, e AuditEntry) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, account_id, action, object, detail, remote) VALUES ($1, $2, $3, $4, $5, $6)`,
		timeText(tx.Now()), nullID(e.Account), e.Action, e.Object, e.Detail, e.Remote)
	return tx.translate(err, "nhật ký")
}
