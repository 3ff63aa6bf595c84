package store

import (
	"context"
	"net/mail"
	"strings"
	"time"

	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/task"
)

// CleanEmail trims an e-mail address and checks its form; empty stays
// empty (the person gets reminders in the web app only).
func CleanEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s[strings.LastIndexByte(s, '@')+1:], ".") {
		return "", problem.Errorf(problem.Invalid, "Địa chỉ thư điện tử %q không đúng dạng (ví dụ: ten@donvi.gov.vn)", s)
	}
	return s, nil
}

// SetAccountEmail changes where an account's reminders are mailed.
func (tx *Tx) SetAccountEmail(ctx context.Context, id int64, email string) error {
	email, err := CleanEmail(email)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE accounts SET email = $2 WHERE id = $1`, id, email)
	if err != nil {
		return tx.translate(err, "tài khoản")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return problem.Errorf(problem.NotFound, "Không có tài khoản này")
	}
	return nil
}

// DueAssignments lists the open assignments (to report, or to report again)
// that ask for a report and whose deadline is one of the days given or
// before day late (zero: none late), earliest deadline first.
func (tx *Tx) DueAssignments(ctx context.Context, open []task.Status, days []time.Time, late time.Time) ([]task.Assignment, error) {
	var w filter
	in(&w, "status", open)
	w.add("role <> ?", task.Inform)
	w.add("due_on IS NOT NULL")
	var or []string
	if len(days) > 0 {
		texts := make([]string, len(days))
		for i, d := range days {
			texts[i] = d.Format(dateLayout)
		}
		q, args := inList("due_on IN ", texts, w.args...)
		or, w.args = append(or, q), args
	}
	if !late.IsZero() {
		or = append(or, "due_on < "+w.arg(late.Format(dateLayout)))
	}
	if len(or) == 0 {
		return nil, nil
	}
	w.conds = append(w.conds, "("+strings.Join(or, " OR ")+")")
	return tx.queryAssignments(ctx, `SELECT `+assignmentCols+` FROM assignments`+w.where()+` ORDER BY due_on, id`, w.args...)
}

// OverdueAssignedBy lists the open assignments late on day that a unit of
// units gave, or that account sent (0: none), earliest deadline first.
func (tx *Tx) OverdueAssignedBy(ctx context.Context, open []task.Status, units []org.ID, account int64, day time.Time) ([]task.Assignment, error) {
	var w filter
	in(&w, "status", open)
	w.add("role <> ?", task.Inform)
	w.add("due_on < ?", day.Format(dateLayout))
	by := "1 = 0"
	if len(units) > 0 {
		var q string
		q, w.args = inList("assigner_id IN ", units, w.args...)
		by = q
	}
	if account != 0 {
		by += " OR id IN (SELECT assignment_id FROM assignment_events WHERE status = 'sent' AND account_id = " + w.arg(account) + ")"
	}
	w.conds = append(w.conds, "("+by+")")
	return tx.queryAssignments(ctx, `SELECT `+assignmentCols+` FROM assignments`+w.where()+` ORDER BY due_on, id`, w.args...)
}

// AssignmentSenders is, for each assignment that has one, the account
// that sent it.
func (tx *Tx) AssignmentSenders(ctx context.Context, ids []task.ID) (map[task.ID]int64, error) {
	out := map[task.ID]int64{}
	for chunk := range chunks(ids, 500) {
		q, args := inList(`SELECT assignment_id, account_id FROM assignment_events WHERE status = 'sent' AND account_id IS NOT NULL AND assignment_id IN `, chunk)
		rows, err := tx.QueryContext(ctx, q+` ORDER BY id`, args...)
		if err != nil {
			return nil, tx.translate(err, "nhật ký nhiệm vụ")
		}
		for rows.Next() {
			var id task.ID
			var acc int64
			if err := rows.Scan(&id, &acc); err != nil {
				rows.Close()
				return nil, tx.translate(err, "nhật ký nhiệm vụ")
			}
			if _, ok := out[id]; !ok {
				out[id] = acc
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, tx.translate(err, "nhật ký nhiệm vụ")
		}
	}
	return out, nil
}

// Recipient is an account that may be reminded, with the units it acts
// for in the roles asked.
type Recipient struct {
	Account org.Account
	Units   []org.ID
}

// UnitRecipients lists the accounts in use holding one of roles in one of
// units, each once with the units it holds them in, by account id.
func (tx *Tx) UnitRecipients(ctx context.Context, units []org.ID, roles []org.Role) ([]Recipient, error) {
	if len(units) == 0 || len(roles) == 0 {
		return nil, nil
	}
	var out []Recipient
	at := map[int64]int{}
	for chunk := range chunks(units, 500) {
		var w filter
		in(&w, "m.unit_id", chunk)
		in(&w, "m.role", roles)
		w.add("a.disabled = 0")
		rows, err := tx.QueryContext(ctx, `SELECT DISTINCT a.id, a.username, a.display_name, a.email, m.unit_id FROM memberships m
			JOIN accounts a ON a.id = m.account_id`+w.where()+` ORDER BY a.id, m.unit_id`, w.args...)
		if err != nil {
			return nil, tx.translate(err, "tài khoản")
		}
		for rows.Next() {
			var a org.Account
			var unit org.ID
			if err := rows.Scan(&a.ID, &a.Username, &a.DisplayName, &a.Email, &unit); err != nil {
				rows.Close()
				return nil, tx.translate(err, "tài khoản")
			}
			i, ok := at[a.ID]
			if !ok {
				i = len(out)
				at[a.ID] = i
				out = append(out, Recipient{Account: a})
			}
			out[i].Units = append(out[i].Units, unit)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, tx.translate(err, "tài khoản")
		}
	}
	return out, nil
}

// ClaimDigest takes the reminder e-mail of an account for a day for the
// caller named claim. It is false when someone (another instance, an
// earlier pass) holds it already: the caller then sends nothing. The
// primary key decides between two instances claiming at once.
func (tx *Tx) ClaimDigest(ctx context.Context, account int64, day time.Time, claim, email string, items int) (bool, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO reminder_digests (account_id, day, claim, claimed_at, email, items) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (account_id, day) DO NOTHING`, account, day.Format(dateLayout), claim, timeText(tx.Now()), email, items)
	if err != nil {
		return false, tx.translate(err, "thư nhắc việc")
	}
	n, err := res.RowsAffected()
	return n == 1, tx.translate(err, "thư nhắc việc")
}

// DigestSent records that the claimed e-mail went out.
func (tx *Tx) DigestSent(ctx context.Context, account int64, day time.Time, claim string) error {
	_, err := tx.ExecContext(ctx, `UPDATE reminder_digests SET sent_at = $4 WHERE account_id = $1 AND day = $2 AND claim = $3`,
		account, day.Format(dateLayout), claim, timeText(tx.Now()))
	return tx.translate(err, "thư nhắc việc")
}

// ReleaseDigest gives up a claim whose e-mail could not be sent, so a
// later pass tries again; another caller's claim is left alone.
func (tx *Tx) ReleaseDigest(ctx context.Context, account int64, day time.Time, claim string) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM reminder_digests WHERE account_id = $1 AND day = $2 AND claim = $3 AND sent_at IS NULL`,
		account, day.Format(dateLayout), claim)
	return tx.translate(err, "thư nhắc việc")
}

// DigestsSent counts the reminder e-mails sent for a day.
func (tx *Tx) DigestsSent(ctx context.Context, day time.Time) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM reminder_digests WHERE day = $1 AND sent_at IS NOT NULL`, day.Format(dateLayout)).Scan(&n)
	return n, tx.translate(err, "thư nhắc việc")
}
