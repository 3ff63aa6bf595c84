package store

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"lantoa/internal/org"
)

// UnitScope limits what an administrator lists to the accounts acting for
// units the Under units direct on day On, or to every account when All is
// set. With neither it matches nothing: denying is the default.
type UnitScope struct {
	All   bool
	Under []org.ID
	On    time.Time
}

// addTo adds to f the condition that column col holds an account in scope.
func (sc UnitScope) addTo(f *filter, col string) {
	if sc.All {
		return
	}
	if len(sc.Under) == 0 {
		f.add("1 = 0")
		return
	}
	day := f.arg(sc.On.Format(dateLayout))
	q, args := inList(col+` IN (SELECT m.account_id FROM memberships m JOIN unit_closure c ON c.descendant_id = m.unit_id
		WHERE c.valid_from <= `+day+` AND c.valid_to > `+day+` AND c.ancestor_id IN `, sc.Under, f.args...)
	f.conds, f.args = append(f.conds, q+")"), args
}

// AccountsIn lists the accounts in scope with all their memberships, by
// username. Password hashes are left out: no listing needs them.
func (tx *Tx) AccountsIn(ctx context.Context, sc UnitScope) ([]org.Account, error) {
	var f filter
	sc.addTo(&f, "id")
	rows, err := tx.QueryContext(ctx, `SELECT id, username, display_name, email, disabled, created_at FROM accounts`+f.where(), f.args...)
	if err != nil {
		return nil, tx.translate(err, "tài khoản")
	}
	var accs []org.Account
	at := map[int64]int{}
	for rows.Next() {
		var a org.Account
		var disabled int
		var created sql.NullString
		if err := rows.Scan(&a.ID, &a.Username, &a.DisplayName, &a.Email, &disabled, &created); err != nil {
			rows.Close()
			return nil, tx.translate(err, "tài khoản")
		}
		a.Disabled, a.CreatedAt = disabled != 0, parseTime(created)
		at[a.ID] = len(accs)
		accs = append(accs, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, tx.translate(err, "tài khoản")
	}
	var mf filter
	sc.addTo(&mf, "account_id")
	rows, err = tx.QueryContext(ctx, `SELECT account_id, unit_id, role FROM memberships`+mf.where()+` ORDER BY account_id, unit_id, role`, mf.args...)
	if err != nil {
		return nil, tx.translate(err, "vai trò")
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var m org.Membership
		if err := rows.Scan(&id, &m.Unit, &m.Role); err != nil {
			return nil, tx.translate(err, "vai trò")
		}
		if i, ok := at[id]; ok {
			accs[i].Memberships = append(accs[i].Memberships, m)
		}
	}
	// Sorted here, not by the engines, whose collations differ.
	slices.SortFunc(accs, func(a, b org.Account) int { return strings.Compare(a.Username, b.Username) })
	return accs, tx.translate(rows.Err(), "vai trò")
}

// EndOtherSessions ends every session of account but the one known by
// keepHash: after a password change, whoever knew the old one is out.
func (tx *Tx) EndOtherSessions(ctx context.Context, account int64, keepHash string) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2`, account, keepHash)
	return tx.translate(err, "phiên đăng nhập")
}
