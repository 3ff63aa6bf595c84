package store

import (
	"context"
	"database/sql"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/task"
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
	_, err := tx.ExecContext(ctx, `INSERT INTO rollup_sums (directive_id, unit_id, indicator_code, grain, period_on, valid_from, valid_to, num, den, n)
		SELECT f.directive_id, c.ancestor_id, f.indicator_code, g.grain, `+periodOn("f.first_on")+`, c.valid_from, c.valid_to,
			`+sign+` * COUNT(*), 0, `+sign+` * COUNT(*)
		FROM rollup_firsts f
		JOIN unit_closure c ON c.descendant_id = f.unit_id
		CROSS JOIN `+grains+`
		WHERE `+where+`
		GROUP BY f.directive_id, c.ancestor_id, f.indicator_code, g.grain, `+periodOn("f.first_on")+`, c.valid_from, c.valid_to`+sumsAdded, args...)
	return tx.translate(err, "số liệu tổng hợp")
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
// implementing it into the sums of the directives that citing is about to
// join by citing cited. Call it when a citation links citing to cited,
// before doc_closure grows: an activity already counted under a directive
// (through another document of its cascade) is not counted twice.
func (tx *Tx) RollupCascadeGrows(ctx context.Context, citing, cited document.ID) error {
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

// recountUnits adds sign (1 or -1) times everything the activities of units
// contribute to the roll-up sums, through the closure as it stands. The
// closure of these units is about to change (or just changed): taking
// their share out before and putting it back after keeps the sums right
// at the cost of their own activities only, not a rebuild of everything.
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
	}
	return nil
}

// RebuildRollups recomputes the roll-up sums of the given directives (of
// every directive when none is given) from the activities. It is what
// repairs the sums whatever happened to them; organisation changes keep
// them right by themselves (recountUnits), and bulk loads call it once at
// the end.
func (tx *Tx) RebuildRollups(ctx context.Context, directives ...document.ID) error {
	if len(directives) == 0 {
		return tx.rebuildRollups(ctx, "1 = 1", "1 = 1", "1 = 1", nil)
	}
	for chunk := range chunks(directives, 500) {
		q, args := inList("", chunk)
		if err := tx.rebuildRollups(ctx, "directive_id IN "+q, "c.ancestor_id IN "+q, "f.directive_id IN "+q, args); err != nil {
			return err
		}
	}
	return nil
}

// rebuildRollups rebuilds the sums the conditions select: which on the
// tables' own columns, pairsWhich on the cascade (alias c), firstsWhich
// on rollup_firsts (alias f).
func (tx *Tx) rebuildRollups(ctx context.Context, which, pairsWhich, firstsWhich string, args []any) error {
	for _, table := range []string{"rollup_sums", "rollup_firsts"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE `+which, args...); err != nil {
			return tx.translate(err, "số liệu tổng hợp")
		}
	}
	pairs := activityDirectives + ` WHERE ` + pairsWhich
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
	return tx.addFirsts(ctx, firstsWhich, args, "1")
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

// rollupTotals reads the sums of each unit's subtree: the months before
// the day's month and the days of its month up to the day, as two ranges
// of the primary key.
func (tx *Tx) rollupTotals(ctx context.Context, d document.ID, units []org.ID, on time.Time) (map[org.ID]report.Totals, error) {
	day := on.Format(dateLayout)
	month := day[:8] + "01"
	ids, args := inList("", units, d, day, month)
	rows, err := tx.QueryContext(ctx, `SELECT unit_id, indicator_code, SUM(num), SUM(den), SUM(n) FROM (
		SELECT unit_id, indicator_code, num, den, n FROM rollup_sums WHERE directive_id = $1 AND unit_id IN `+ids+`
			AND grain = 'M' AND period_on < $3 AND valid_from <= $2 AND valid_to > $2
		UNION ALL
		SELECT unit_id, indicator_code, num, den, n FROM rollup_sums WHERE directive_id = $1 AND unit_id IN `+ids+`
			AND grain = 'D' AND period_on >= $3 AND period_on <= $2 AND valid_from <= $2 AND valid_to > $2
		) s GROUP BY unit_id, indicator_code`, args...)
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

// stageReached is the SQL rank of the furthest stage an assignment had
// reached before the moment $3: 0 sent, 1 received, 2 acknowledged, 3
// implementing, 4 reported, 5 accepted. As task.Assignment.Reached says,
// a later stage implies the earlier ones, so the assignment has reached
// stage k exactly when its rank is at least k.
const stageReached = `CASE WHEN a.accepted_at < $3 THEN 5 WHEN a.reported_at < $3 THEN 4 WHEN a.implementing_at < $3 THEN 3
	WHEN a.acknowledged_at < $3 THEN 2 WHEN a.received_at < $3 THEN 1 ELSE 0 END`

// coverage counts, for each unit, the distinct units of its subtree on the
// day with work assigned under the directive's cascade, how many had
// reached each stage (a unit's stage is its least advanced assignment's),
// and the assignments overdue: one pass over the cascade's assignments (a
// covering index, the stage times kept on each), grouped by assignee, then each
// assignee placed under the units asked for. CROSS JOIN fixes SQLite's
// join order and the unary + keeps it from probing the closure once per
// unit asked for; PostgreSQL plans both as usual.
func (tx *Tx) coverage(ctx context.Context, d document.ID, units []org.ID, on time.Time) (map[org.ID]report.Coverage, error) {
	end := timeText(on.AddDate(0, 0, 1))
	q, args := inList(`SELECT uc.ancestor_id, COUNT(*), SUM(CASE WHEN x.r >= 1 THEN 1 ELSE 0 END), SUM(CASE WHEN x.r >= 2 THEN 1 ELSE 0 END),
		SUM(CASE WHEN x.r >= 3 THEN 1 ELSE 0 END), SUM(CASE WHEN x.r >= 4 THEN 1 ELSE 0 END), SUM(CASE WHEN x.r >= 5 THEN 1 ELSE 0 END), SUM(x.late) FROM (
		SELECT a.assignee_id, MIN(`+stageReached+`) AS r, SUM(CASE WHEN `+overdue+` THEN 1 ELSE 0 END) AS late
		FROM doc_closure k CROSS JOIN assignments a
		WHERE k.ancestor_id = $1 AND a.document_id = k.descendant_id AND a.role <> 'inform' AND a.sent_at < $3
		GROUP BY a.assignee_id) x
	CROSS JOIN unit_closure uc
	WHERE uc.descendant_id = x.assignee_id AND uc.valid_from <= $2 AND uc.valid_to > $2 AND +uc.ancestor_id IN `, units, d, on.Format(dateLayout), end)
	rows, err := tx.QueryContext(ctx, q+` GROUP BY uc.ancestor_id`, args...)
	if err != nil {
		return nil, tx.translate(err, "tiến độ thực hiện")
	}
	defer rows.Close()
	out := map[org.ID]report.Coverage{}
	for rows.Next() {
		var id org.ID
		var c report.Coverage
		if err := rows.Scan(&id, &c.Assigned, &c.Received, &c.Acknowledged, &c.Implementing, &c.Reported, &c.Accepted, &c.Late); err != nil {
			return nil, tx.translate(err, "tiến độ thực hiện")
		}
		out[id] = c
	}
	return out, tx.translate(rows.Err(), "tiến độ thực hiện")
}

// overdue is the SQL condition "the assignment was overdue on day $2":
// deadline passed and no report by the end of the day ($3), as
// task.Assignment.Overdue says of today.
const overdue = `a.due_on < $2 AND (a.reported_at IS NULL OR a.reported_at >= $3) AND (a.accepted_at IS NULL OR a.accepted_at >= $3)`

// late lists the assignments of the directive's cascade in unit's subtree
// overdue on the day, most overdue first, at most limit of them: their ids
// in one pass over the covering index, then the page itself.
func (tx *Tx) late(ctx context.Context, d document.ID, unit org.ID, on time.Time, limit int) ([]report.Late, error) {
	ids, err := scanIDs[task.ID](tx.QueryContext(ctx, `SELECT a.id FROM doc_closure k CROSS JOIN assignments a CROSS JOIN unit_closure uc
		WHERE k.ancestor_id = $1 AND a.document_id = k.descendant_id AND a.role <> 'inform' AND a.sent_at < $3 AND `+overdue+`
		AND uc.descendant_id = a.assignee_id AND +uc.ancestor_id = $4 AND uc.valid_from <= $2 AND uc.valid_to > $2
		ORDER BY a.due_on, a.id LIMIT $5`, d, on.Format(dateLayout), timeText(on.AddDate(0, 0, 1)), unit, limit))
	if err != nil || len(ids) == 0 {
		return nil, tx.translate(err, "nhiệm vụ quá hạn")
	}
	q, args := inList(`SELECT `+assignmentCols+` FROM assignments WHERE id IN `, ids)
	rows, err := tx.QueryContext(ctx, q+` ORDER BY due_on, id`, args...)
	if err != nil {
		return nil, tx.translate(err, "nhiệm vụ quá hạn")
	}
	var as []task.Assignment
	for rows.Next() {
		a, err := scanAssignment(rows)
		if err != nil {
			rows.Close()
			return nil, tx.translate(err, "nhiệm vụ quá hạn")
		}
		as = append(as, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, tx.translate(err, "nhiệm vụ quá hạn")
	}
	units := make([]org.ID, len(as))
	for i, a := range as {
		units[i] = a.Assignee
	}
	us, err := tx.UnitsByIDs(ctx, units)
	if err != nil {
		return nil, err
	}
	byID := make(map[org.ID]org.Unit, len(us))
	for _, u := range us {
		byID[u.ID] = u
	}
	out := make([]report.Late, len(as))
	for i, a := range as {
		out[i] = report.Late{Assignment: a, Unit: byID[a.Assignee], DaysLate: int(on.Sub(a.Due.Date).Hours() / 24)}
	}
	return out, nil
}
