package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/report"
)

// The roll-up of a directive D at a unit U on day X adds, for U's subtree
// on X, the figures of activities ending by X that answer a document of
// D's cascade, each activity once. rollup_sums holds those figures added
// up per directive, per directing unit (the unit itself included), per
// indicator, per month and per day, per validity range of the closure
// row: a roll-up reads the months before X's month and the days of X's
// month up to X, a few hundred rows whatever the number of activities.

// periodOn is the period a day falls in at grain g: its month's first day
// for 'M', the day itself for 'D'.
func periodOn(day string) string {
	return `CASE WHEN g.grain = 'M' THEN SUBSTR(` + day + `, 1, 7) || '-01' ELSE ` + day + ` END`
}

const (
	grains    = `(SELECT 'M' AS grain UNION ALL SELECT 'D') g`
	sumsAdded = ` ON CONFLICT (directive_id, unit_id, grain, period_on, indicator_code, valid_from, valid_to) DO UPDATE
		SET num = rollup_sums.num + excluded.num, den = rollup_sums.den + excluded.den, n = rollup_sums.n + excluded.n`
	// activityDirectives pairs each activity with each document whose
	// cascade one of its targets belongs to, once.
	activityDirectives = `SELECT DISTINCT t.activity_id, c.ancestor_id AS directive_id FROM activity_targets t
		JOIN doc_closure c ON c.descendant_id = t.document_id`
)

// addSums adds sign (1 or -1) times the summed figures of the
// activity–directive pairs that the query pairs selects to the sums of
// every unit directing the activity's unit.
func (tx *Tx) addSums(ctx context.Context, pairs string, args []any, sign string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO rollup_sums (directive_id, unit_id, indicator_code, grain, period_on, valid_from, valid_to, num, den, n)
		SELECT p.directive_id, c.ancestor_id, v.indicator_code, g.grain, `+periodOn("a.ended_on")+`, c.valid_from, c.valid_to,
			`+sign+` * SUM(v.num), `+sign+` * SUM(v.den), `+sign+` * COUNT(*)
		FROM (`+pairs+`) p
		JOIN activities a ON a.id = p.activity_id
		JOIN activity_values v ON v.activity_id = a.id
		JOIN indicators i ON i.code = v.indicator_code AND i.aggregation = 'sum'
		JOIN unit_closure c ON c.descendant_id = a.unit_id
		CROSS JOIN `+grains+`
		WHERE 1 = 1
		GROUP BY p.directive_id, c.ancestor_id, v.indicator_code, g.grain, `+periodOn("a.ended_on")+`, c.valid_from, c.valid_to`+sumsAdded, args...)
	return tx.translate(err, "số liệu tổng hợp")
}

// addFirsts adds sign times one, on the first day each unit did it, for
// the distinct-units indicators rollup_firsts rows selected by where hold,
// to the sums of every unit directing that unit.
func (tx *Tx) addFirsts(ctx context.Context, where string, args []any, sign string) error {
	_, err := tx.ExecContext(ctx, spreadUp("rollup_sums", "rollup_firsts", "indicator_code", "first_on", where, sign,
		[]string{"num", "den", "n"}, []string{"COUNT(*)", "0", "COUNT(*)"}), args...)
	return tx.translate(err, "số liệu tổng hợp")
}

// spreadUp is the statement that adds what rows of the per-unit table
// from (alias f: directive_id, unit_id, key, day) selected by where
// count to target, keyed like rollup_sums, under every unit directing
// f.unit_id, through each of its closure rows and at each grain: sign
// times each expression of exprs, over the rows of a group, into the
// column of cols at its place, added to what a row already holds.
func spreadUp(target, from, key, day, where, sign string, cols, exprs []string) string {
	group := `f.directive_id, c.ancestor_id, f.` + key + `, g.grain, ` + periodOn("f."+day) + `, c.valid_from, c.valid_to`
	sel := make([]string, len(cols))
	set := make([]string, len(cols))
	for i, c := range cols {
		sel[i] = sign + ` * ` + exprs[i]
		set[i] = c + ` = ` + target + `.` + c + ` + excluded.` + c
	}
	return `INSERT INTO ` + target + ` (directive_id, unit_id, ` + key + `, grain, period_on, valid_from, valid_to, ` + strings.Join(cols, ", ") + `)
		SELECT ` + group + `, ` + strings.Join(sel, ", ") + `
		FROM ` + from + ` f
		JOIN unit_closure c ON c.descendant_id = f.unit_id
		CROSS JOIN ` + grains + `
		WHERE ` + where + `
		GROUP BY ` + group + `
		ON CONFLICT (directive_id, unit_id, grain, period_on, ` + key + `, valid_from, valid_to) DO UPDATE SET ` + strings.Join(set, ", ")
}

// countActivity counts a stored activity in the sums of directives (which
// it must not be counted in yet): its figures, and the units doing for the
// first time what a distinct-units indicator counts.
func (tx *Tx) countActivity(ctx context.Context, id report.ActivityID, directives []document.ID) error {
	if len(directives) == 0 {
		return nil
	}
	pairs, args := inList(`SELECT a.id AS activity_id, d.id AS directive_id FROM activities a, documents d WHERE a.id = $1 AND d.id IN `, directives, id)
	if err := tx.addSums(ctx, pairs, args, "1"); err != nil {
		return err
	}
	var unit org.ID
	var ended string
	if err := tx.QueryRowContext(ctx, `SELECT unit_id, ended_on FROM activities WHERE id = $1`, id).Scan(&unit, &ended); err != nil {
		return tx.translate(err, "hoạt động")
	}
	// firstOn reads, then writes, the unit's first days.
	if err := tx.LockUnits(ctx, []org.ID{unit}); err != nil {
		return err
	}
	codes, err := scanStrings(tx.QueryContext(ctx, `SELECT v.indicator_code FROM activity_values v
		JOIN indicators i ON i.code = v.indicator_code AND i.aggregation = 'distinct' WHERE v.activity_id = $1 AND v.num > 0`, id))
	if err != nil {
		return tx.translate(err, "số liệu hoạt động")
	}
	for _, d := range directives {
		for _, code := range codes {
			if err := tx.firstOn(ctx, d, code, unit, ended); err != nil {
				return err
			}
		}
	}
	return nil
}

// scanStrings reads a one-column list of texts.
func scanStrings(rows *sql.Rows, err error) ([]string, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// firstOn records that unit did, on day, what a distinct-units indicator
// counts: if that is its first time for the directive, or earlier than the
// first known, the unit moves to that day in the sums.
func (tx *Tx) firstOn(ctx context.Context, d document.ID, code string, unit org.ID, day string) error {
	var first string
	err := tx.QueryRowContext(ctx, `SELECT first_on FROM rollup_firsts WHERE directive_id = $1 AND indicator_code = $2 AND unit_id = $3`, d, code, unit).Scan(&first)
	sel := `f.directive_id = $1 AND f.indicator_code = $2 AND f.unit_id = $3`
	args := []any{d, code, unit}
	switch {
	case err == sql.ErrNoRows:
		if _, err := tx.ExecContext(ctx, `INSERT INTO rollup_firsts (directive_id, indicator_code, unit_id, first_on) VALUES ($1, $2, $3, $4)`, d, code, unit, day); err != nil {
			return tx.translate(err, "số liệu tổng hợp")
		}
		return tx.addFirsts(ctx, sel, args, "1")
	case err != nil:
		return tx.translate(err, "số liệu tổng hợp")
	case day >= first:
		return nil
	}
	if err := tx.addFirsts(ctx, sel, args, "-1"); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE rollup_firsts SET first_on = $4 WHERE directive_id = $1 AND indicator_code = $2 AND unit_id = $3`, d, code, unit, day); err != nil {
		return tx.translate(err, "số liệu tổng hợp")
	}
	return tx.addFirsts(ctx, sel, args, "1")
}

// RollupCascadeGrows counts the activities answering citing or a document
// implementing it, and the assignments those documents gave, into the
// sums, coverage and late lists of the directives that citing is about to
// join by citing cited. Call it when a citation links citing to cited,
// before doc_closure grows: an activity already counted under a directive
// (through another document of its cascade) is not counted twice.
func (tx *Tx) RollupCascadeGrows(ctx context.Context, citing, cited document.ID) error {
	if err := tx.cascadeGrowsCoverage(ctx, citing, cited); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT t.activity_id, a.ancestor_id FROM doc_closure d
		JOIN activity_targets t ON t.document_id = d.descendant_id
		JOIN doc_closure a ON a.descendant_id = $2
		WHERE d.ancestor_id = $1 AND NOT EXISTS (SELECT 1 FROM activity_targets t2 JOIN doc_closure c2 ON c2.descendant_id = t2.document_id
			WHERE t2.activity_id = t.activity_id AND c2.ancestor_id = a.ancestor_id)
		ORDER BY 1, 2`, citing, cited)
	if err != nil {
		return tx.translate(err, "số liệu tổng hợp")
	}
	gains := map[report.ActivityID][]document.ID{}
	var order []report.ActivityID
	for rows.Next() {
		var a report.ActivityID
		var d document.ID
		if err := rows.Scan(&a, &d); err != nil {
			rows.Close()
			return tx.translate(err, "số liệu tổng hợp")
		}
		if gains[a] == nil {
			order = append(order, a)
		}
		gains[a] = append(gains[a], d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return tx.translate(err, "số liệu tổng hợp")
	}
	for _, a := range order {
		if err := tx.countActivity(ctx, a, gains[a]); err != nil {
			return err
		}
	}
	return nil
}

// recountUnits adds sign (1 or -1) times everything the activities and
// assignments of units contribute to the roll-up sums, through the closure
// as it stands. The closure of these units is about to change (or just
// changed): taking their share out before and putting it back after keeps
// the sums right at the cost of their own activities and assignments only,
// not a rebuild of everything. Their late lists are rewritten once, after.
func (tx *Tx) recountUnits(ctx context.Context, units []org.ID, sign string) error {
	for chunk := range chunks(units, 500) {
		q, args := inList("", chunk)
		pairs := activityDirectives + ` WHERE t.activity_id IN (SELECT id FROM activities WHERE unit_id IN ` + q + `)`
		if err := tx.addSums(ctx, pairs, args, sign); err != nil {
			return err
		}
		if err := tx.addFirsts(ctx, `f.unit_id IN `+q, args, sign); err != nil {
			return err
		}
		if err := tx.addCoverage(ctx, `f.unit_id IN `+q, args, sign); err != nil {
			return err
		}
		if sign == "1" {
			if err := tx.recountLate(ctx, chunk); err != nil {
				return err
			}
		}
	}
	return nil
}

// RebuildRollups recomputes the roll-up sums, coverage and late lists of
// the given directives (of every directive when none is given) from the
// activities and assignments. It is what repairs them whatever happened;
// the write paths keep them right by themselves, and bulk loads call it
// once at the end.
func (tx *Tx) RebuildRollups(ctx context.Context, directives ...document.ID) error {
	if len(directives) == 0 {
		return tx.rebuildRollups(ctx, func(string) string { return "1 = 1" }, nil)
	}
	for chunk := range chunks(directives, 500) {
		q, args := inList("", chunk)
		if err := tx.rebuildRollups(ctx, func(col string) string { return col + " IN " + q }, args); err != nil {
			return err
		}
	}
	return nil
}

// rebuildRollups rebuilds what the condition which makes on a directive
// column selects.
func (tx *Tx) rebuildRollups(ctx context.Context, which func(col string) string, args []any) error {
	for _, table := range []string{"rollup_sums", "rollup_firsts", "coverage_sums", "coverage_steps", "late_spans"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE `+which("directive_id"), args...); err != nil {
			return tx.translate(err, "số liệu tổng hợp")
		}
	}
	pairs := activityDirectives + ` WHERE ` + which("c.ancestor_id")
	_, err := tx.ExecContext(ctx, `INSERT INTO rollup_firsts (directive_id, indicator_code, unit_id, first_on)
		SELECT p.directive_id, v.indicator_code, a.unit_id, MIN(a.ended_on)
		FROM (`+pairs+`) p
		JOIN activities a ON a.id = p.activity_id
		JOIN activity_values v ON v.activity_id = a.id
		JOIN indicators i ON i.code = v.indicator_code AND i.aggregation = 'distinct'
		WHERE v.num > 0
		GROUP BY p.directive_id, v.indicator_code, a.unit_id`, args...)
	if err != nil {
		return tx.translate(err, "số liệu tổng hợp")
	}
	if err := tx.addSums(ctx, pairs, args, "1"); err != nil {
		return err
	}
	if err := tx.addFirsts(ctx, which("f.directive_id"), args, "1"); err != nil {
		return err
	}
	return tx.rebuildCoverage(ctx, which, args)
}

// RollupQuery asks for a directive's results at a unit on a day.
type RollupQuery struct {
	Directive document.ID
	Unit      org.ID
	On        time.Time
	LateLimit int // how many late assignments to list; 0 means 100
}

// Rollup computes a directive's roll-up at a unit on a day: totals and
// coverage over its subtree, the late list, and the same for each direct
// child, in one snapshot when run inside View.
func (tx *Tx) Rollup(ctx context.Context, q RollupQuery) (report.Rollup, error) {
	r := report.Rollup{Directive: q.Directive, On: q.On}
	if err := tx.planSmallReads(ctx); err != nil {
		return r, err
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents WHERE id = $1`, q.Directive).Scan(&n); err != nil {
		return r, tx.translate(err, "văn bản")
	}
	if n == 0 {
		return r, problem.Errorf(problem.NotFound, "Không có văn bản số %d", q.Directive)
	}
	u, err := tx.Unit(ctx, q.Unit)
	if err != nil {
		return r, err
	}
	children, err := tx.Children(ctx, q.Unit, q.On)
	if err != nil {
		return r, err
	}
	ids := []org.ID{q.Unit}
	for _, c := range children {
		ids = append(ids, c.ID)
	}
	totals, err := tx.rollupTotals(ctx, q.Directive, ids, q.On)
	if err != nil {
		return r, err
	}
	coverage, err := tx.coverage(ctx, q.Directive, ids, q.On)
	if err != nil {
		return r, err
	}
	r.Part = report.Part{Unit: u, Totals: totals[q.Unit].List(), Coverage: coverage[q.Unit]}
	for _, c := range children {
		r.Children = append(r.Children, report.Part{Unit: c, Totals: totals[c.ID].List(), Coverage: coverage[c.ID]})
	}
	limit := q.LateLimit
	if limit <= 0 {
		limit = 100
	}
	r.Late, err = tx.late(ctx, q.Directive, q.Unit, q.On, limit)
	return r, err
}

// planSmallReads tells PostgreSQL, for the rest of the transaction, that
// its queries are small index range reads: plan each one for its own
// arguments (a cached generic plan knows neither the day nor the units,
// and reads the sums ten times slower), and start no parallel workers
// (they cost more than such a query). A dialect exception: SET LOCAL is
// PostgreSQL's, and SQLite has neither a plan cache nor workers.
func (tx *Tx) planSmallReads(ctx context.Context) error {
	if tx.engine != Postgres {
		return nil
	}
	for _, set := range []string{`SET LOCAL plan_cache_mode = force_custom_plan`, `SET LOCAL max_parallel_workers_per_gather = 0`} {
		if _, err := tx.ExecContext(ctx, set); err != nil {
			return tx.translate(err, "số liệu tổng hợp")
		}
	}
	return nil
}

// periodRows selects cols of the rows of table (rollup_sums or
// coverage_sums) that add up to each unit's figures on the day: at grain
// M the months before the day's month, at grain D the days of its month up
// to the day, both ranges of the primary key, and only closure rows valid
// on the day.
func periodRows(table, cols string, d document.ID, units []org.ID, on time.Time) (string, []any) {
	day := on.Format(dateLayout)
	ids, args := inList("", units, d, day, day[:8]+"01")
	return `SELECT unit_id, ` + cols + ` FROM ` + table + ` WHERE directive_id = $1 AND unit_id IN ` + ids + `
			AND grain = 'M' AND period_on < $3 AND valid_from <= $2 AND valid_to > $2
		UNION ALL
		SELECT unit_id, ` + cols + ` FROM ` + table + ` WHERE directive_id = $1 AND unit_id IN ` + ids + `
			AND grain = 'D' AND period_on >= $3 AND period_on <= $2 AND valid_from <= $2 AND valid_to > $2`, args
}

// rollupTotals reads the sums of each unit's subtree.
func (tx *Tx) rollupTotals(ctx context.Context, d document.ID, units []org.ID, on time.Time) (map[org.ID]report.Totals, error) {
	q, args := periodRows("rollup_sums", "indicator_code, num, den, n", d, units, on)
	rows, err := tx.QueryContext(ctx, `SELECT unit_id, indicator_code, SUM(num), SUM(den), SUM(n) FROM (`+q+`) s GROUP BY unit_id, indicator_code`, args...)
	if err != nil {
		return nil, tx.translate(err, "số liệu tổng hợp")
	}
	type part struct {
		unit     org.ID
		code     string
		num, den float64
		n        int64
	}
	var parts []part
	codes := map[string]bool{}
	for rows.Next() {
		var p part
		if err := rows.Scan(&p.unit, &p.code, &p.num, &p.den, &p.n); err != nil {
			rows.Close()
			return nil, tx.translate(err, "số liệu tổng hợp")
		}
		parts = append(parts, p)
		codes[p.code] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, tx.translate(err, "số liệu tổng hợp")
	}
	list := make([]string, 0, len(codes))
	for c := range codes {
		list = append(list, c)
	}
	defs, err := tx.Indicators(ctx, list)
	if err != nil {
		return nil, err
	}
	out := make(map[org.ID]report.Totals, len(units))
	for _, p := range parts {
		if p.n == 0 {
			continue // a unit's first day moved earlier: the row it left is empty
		}
		if out[p.unit] == nil {
			out[p.unit] = report.Totals{}
		}
		out[p.unit].Add(defs[p.code], p.num, p.den, p.n)
	}
	return out, nil
}
