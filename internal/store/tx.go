package store

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"lantoa/internal/org"
)

// View runs fn in a read-only transaction on the read pool: every query of
// fn sees one snapshot, so a roll-up never mixes two moments.
func (s *Store) View(ctx context.Context, fn func(tx *Tx) error) error {
	opts := &sql.TxOptions{ReadOnly: s.engine == Postgres}
	sqlTx, err := s.ro.BeginTx(ctx, opts)
	if err != nil {
		return s.translate(err, "đọc dữ liệu")
	}
	defer sqlTx.Rollback()
	return fn(&Tx{Tx: sqlTx, now: s.Now(), engine: s.engine, searchPlan: s.searchPlan})
}

// Engine reports which database engine the transaction runs on.
func (tx *Tx) Engine() Engine { return tx.engine }

// translate is Store.translate for code that only has the transaction.
func (tx *Tx) translate(err error, what string) error {
	return (&Store{engine: tx.engine}).translate(err, what)
}

// queryAll runs q and reads every row with scan; what names the rows in
// an error a clerk may see ("nhiệm vụ", "báo cáo").
func queryAll[T any](ctx context.Context, tx *Tx, what string, scan func(interface{ Scan(...any) error }) (T, error), q string, args ...any) ([]T, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, tx.translate(err, what)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, tx.translate(err, what)
		}
		out = append(out, v)
	}
	return out, tx.translate(rows.Err(), what)
}

// scanIDs reads a one-column list of ids.
func scanIDs[T ~int64](rows *sql.Rows, err error) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []T
	for rows.Next() {
		var id T
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// insertRows inserts rows in batches of multi-row VALUES, which both
// engines take; cols is the column list, each row has len(cols) values.
func (tx *Tx) insertRows(ctx context.Context, table, cols string, width int, rows [][]any, suffix string) error {
	const batch = 200
	for len(rows) > 0 {
		n := min(batch, len(rows))
		q := make([]byte, 0, 64+n*width*5)
		q = append(q, "INSERT INTO "+table+" ("+cols+") VALUES "...)
		args := make([]any, 0, n*width)
		for i, r := range rows[:n] {
			if i > 0 {
				q = append(q, ',')
			}
			q = append(q, '(')
			for j, v := range r {
				if j > 0 {
					q = append(q, ',')
				}
				args = append(args, v)
				q = append(q, '$')
				q = appendInt(q, len(args))
			}
			q = append(q, ')')
		}
		q = append(q, suffix...)
		if _, err := tx.ExecContext(ctx, string(q), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

func appendInt(b []byte, n int) []byte {
	if n >= 10 {
		b = appendInt(b, n/10)
	}
	return append(b, byte('0'+n%10))
}

// chunks yields consecutive pieces of at most n items, to keep IN lists
// and statements within both engines' parameter limits.
func chunks[T any](xs []T, n int) func(yield func([]T) bool) {
	return func(yield func([]T) bool) {
		for len(xs) > 0 {
			k := min(n, len(xs))
			if !yield(xs[:k]) {
				return
			}
			xs = xs[k:]
		}
	}
}

// inList appends "($1, $2, …)" for the values to a query prefix.
func inList[T any](prefix string, vals []T, leading ...any) (string, []any) {
	b := []byte(prefix)
	args := append([]any(nil), leading...)
	b = append(b, '(')
	for i, v := range vals {
		if i > 0 {
			b = append(b, ',')
		}
		args = append(args, v)
		b = append(b, '$')
		b = appendInt(b, len(args))
	}
	b = append(b, ')')
	return string(b), args
}

func itoa(n int) string { return string(appendInt(nil, n)) }

// prefixed qualifies each column of a list with a table alias; literals
// (the defaults of COALESCE) stay as they are.
func prefixed(alias, cols string) string {
	parts := strings.Split(cols, ",")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		switch {
		case strings.HasPrefix(p, "COALESCE("):
			p = "COALESCE(" + alias + strings.TrimPrefix(p, "COALESCE(")
		case p != "" && (p[0] == '_' || 'a' <= p[0] && p[0] <= 'z'):
			p = alias + p
		}
		parts[i] = p
	}
	return strings.Join(parts, ", ")
}

// filter builds a WHERE clause from conditions written with ? for each
// argument, numbering the placeholders $1, $2… as both engines take them.
type filter struct {
	conds []string
	args  []any
}

// add appends a condition; each ? in cond takes the next argument.
func (f *filter) add(cond string, args ...any) {
	var b strings.Builder
	i := 0
	for _, r := range cond {
		if r == '?' && i < len(args) {
			f.args = append(f.args, args[i])
			i++
			b.WriteString("$" + itoa(len(f.args)))
			continue
		}
		b.WriteRune(r)
	}
	f.conds = append(f.conds, b.String())
}

// in appends "col IN (…)"; an empty list matches nothing.
func in[T any](f *filter, col string, vals []T) {
	if len(vals) == 0 {
		f.conds = append(f.conds, "1 = 0")
		return
	}
	q, args := inList(col+" IN ", vals, f.args...)
	f.conds, f.args = append(f.conds, q), args
}

// where is the clause, empty when there are no conditions.
func (f *filter) where() string {
	if len(f.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(f.conds, " AND ")
}

// arg adds one more argument (for LIMIT, OFFSET) and returns its placeholder.
func (f *filter) arg(v any) string {
	f.args = append(f.args, v)
	return "$" + itoa(len(f.args))
}

// Lock serialises, until the transaction ends, the writers that take the
// same key: a check-then-insert (the same document entered twice, a loop
// in the organisation) cannot interleave between two instances. On
// PostgreSQL it is a transaction advisory lock; SQLite needs none, since
// its write transactions are immediate and run one at a time.
func (tx *Tx) Lock(ctx context.Context, key string) error {
	if tx.engine != Postgres {
		return nil
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext($1))`, key)
	return tx.translate(err, "khóa dữ liệu")
}

// LockUnits takes, in one order for every caller (no deadlock), the locks
// of units whose derived figures (first days, coverage) a transaction is
// about to recompute from what it reads: two instances recomputing the
// same unit take turns instead of each writing from a stale read.
func (tx *Tx) LockUnits(ctx context.Context, units []org.ID) error {
	if tx.engine != Postgres {
		return nil
	}
	ids := slices.Clone(units)
	slices.Sort(ids)
	for _, id := range slices.Compact(ids) {
		if err := tx.Lock(ctx, "unit:"+itoa(int(id))); err != nil {
			return err
		}
	}
	return nil
}
