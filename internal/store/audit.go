package store

import (
	"context"
	"database/sql"
	"time"
)

// AuditLine is an entry of the audit log as an administrator reads it.
type AuditLine struct {
	At          time.Time
	Username    string // empty for the system (command line, demo loader)
	DisplayName string
	Action      string
	Object      string
	Detail      string
	Remote      string
}

// AuditLog reads a page of the entries made by accounts in scope, newest
// first, and how many there are in all.
func (tx *Tx) AuditLog(ctx context.Context, sc UnitScope, limit, offset int) ([]AuditLine, int, error) {
	var f filter
	sc.addTo(&f, "l.account_id")
	from := ` FROM audit_log l LEFT JOIN accounts a ON a.id = l.account_id` + f.where()
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*)`+from, f.args...).Scan(&total); err != nil {
		return nil, 0, tx.translate(err, "nhật ký")
	}
	q := `SELECT l.at, COALESCE(a.username, ''), COALESCE(a.display_name, ''), l.action, l.object, l.detail, l.remote` + from +
		` ORDER BY l.at DESC, l.id DESC LIMIT ` + f.arg(limit) + ` OFFSET ` + f.arg(offset)
	rows, err := tx.QueryContext(ctx, q, f.args...)
	if err != nil {
		return nil, 0, tx.translate(err, "nhật ký")
	}
	defer rows.Close()
	var lines []AuditLine
	for rows.Next() {
		var l AuditLine
		var at sql.NullString
		if err := rows.Scan(&at, &l.Username, &l.DisplayName, &l.Action, &l.Object, &l.Detail, &l.Remote); err != nil {
			return nil, 0, tx.translate(err, "nhật ký")
		}
		l.At = parseTime(at)
		lines = append(lines, l)
	}
	return lines, total, tx.translate(rows.Err(), "nhật ký")
}
