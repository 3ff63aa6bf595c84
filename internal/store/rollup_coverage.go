package store

import (
	"context"
	"database/sql"
	"maps"
	"slices"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/report"
	"lantoa/internal/task"
)

// Coverage is kept on write like the figures. A unit's coverage under a
// directive (assigned or not, each stage reached or not, how many of its
// assignments are overdue) is a function of the day that changes on a few
// days only; coverage_steps holds those changes per unit, computed in Go
// from the unit's assignments in the cascade each time one of them
// changes, and coverage_sums adds them up under every unit directing it.
// A roll-up then reads a few rows per unit instead of every assignment of
// the cascade. late_spans does the same for the late list.

// coverageStages are the stages coverage counts, in order: Sent counts the
// units assigned. lateStage counts overdue assignments.
var coverageStages = [...]task.Status{task.Sent, task.Received, task.Acknowledged, task.Implementing, task.Reported, task.Accepted}

const lateStage = "late"

// reportedStage is task.Reported's place in coverageStages: reporting (or
// acceptance) ends lateness.
const reportedStage = 4

// stageDays is an assignment's life in days (the date of each stage's
// moment, UTC as stored): reached[k] is the day it reached
// coverageStages[k], a later stage implying the earlier ones as
// task.Assignment.Reached says ("" for not yet); due is its deadline.
type stageDays struct {
	reached [len(coverageStages)]string
	due     string
}

// stageCols are the columns scanStages reads, in its order.
const stageCols = `a.id, a.sent_at, a.received_at, a.acknowledged_at, a.implementing_at, a.reported_at, a.accepted_at, a.due_on`

// scanStages reads dest, then stageCols.
func scanStages(rows *sql.Rows, dest ...any) (task.ID, stageDays, error) {
	var id task.ID
	var sent string
	var times [len(coverageStages) - 1]sql.NullString
	var due sql.NullString
	err := rows.Scan(append(dest, &id, &sent, &times[0], &times[1], &times[2], &times[3], &times[4], &due)...)
	var s stageDays
	if err != nil {
		return id, s, err
	}
	s.reached[0], s.due = sent[:len(dateLayout)], due.String
	next := ""
	for k := len(times) - 1; k >= 0; k-- {
		if t := times[k]; t.Valid && (next == "" || t.String[:len(dateLayout)] < next) {
			next = t.String[:len(dateLayout)]
		}
		s.reached[k+1] = next
	}
	return id, s, nil
}

// coverageOn is a unit's coverage on day x from all its assignments under
// a directive: only assignments sent by x count; the unit is assigned
// when one is, has reached a stage when all of them have, and each one
// past its deadline and not reported by x is overdue.
func coverageOn(as []stageDays, x string) (c [len(coverageStages) + 1]int) {
	assigned := false
	all := [len(coverageStages)]bool{}
	for k := range all {
		all[k] = true
	}
	for _, a := range as {
		if a.reached[0] > x {
			continue
		}
		assigned = true
		for k, d := range a.reached {
			if d == "" || d > x {
				all[k] = false
			}
		}
		if rep := a.reached[reportedStage]; a.due != "" && a.due < x && (rep == "" || rep > x) {
			c[len(coverageStages)]++
		}
	}
	for k, ok := range all {
		if assigned && ok {
			c[k] = 1
		}
	}
	return c
}

// step is a change of a unit's count at a stage on a day.
type step struct {
	stage string
	on    string
	delta int
}

// unitSteps is how a unit's coverage under a directive changes day by
// day: it can only change on a day an assignment was sent or reached a
// stage, or the day after a deadline.
func unitSteps(as []stageDays) []step {
	days := map[string]bool{}
	for _, a := range as {
		for _, d := range a.reached {
			if d != "" {
				days[d] = true
			}
		}
		if a.due != "" {
			if t, err := time.Parse(dateLayout, a.due); err == nil {
				days[t.AddDate(0, 0, 1).Format(dateLayout)] = true
			}
		}
	}
	var out []step
	var prev [len(coverageStages) + 1]int
	for _, x := range slices.Sorted(maps.Keys(days)) {
		cur := coverageOn(as, x)
		for k := range cur {
			if cur[k] != prev[k] {
				stage := lateStage
				if k < len(coverageStages) {
					stage = string(coverageStages[k])
				}
				out = append(out, step{stage, x, cur[k] - prev[k]})
			}
		}
		prev = cur
	}
	return out
}

// pair is a unit under a directive.
type pair struct {
	directive document.ID
	unit      org.ID
}

// cascade is a set of (directive, document of its cascade) pairs, as the
// columns ancestor_id and descendant_id of a table or subquery, with its
// arguments ($1…).
type cascade struct {
	pairs string
	args  []any
}

// storedCascade is the cascade as doc_closure holds it.
var storedCascade = cascade{pairs: "doc_closure"}

// putStageDays reads the assignments, other than "để biết" ones, of the
// units under the directives through the cascade, into byPair (each
// assignment once). CROSS JOIN makes SQLite start from the units' own
// assignments rather than from every document of a directive's cascade.
func (tx *Tx) putStageDays(ctx context.Context, byPair map[pair]map[task.ID]stageDays, k cascade, directives []document.ID, units []org.ID) error {
	q, args := inList(`SELECT k.ancestor_id, a.assignee_id, `+stageCols+` FROM assignments a
		CROSS JOIN `+k.pairs+` k
		WHERE k.descendant_id = a.document_id AND a.role <> 'inform' AND k.ancestor_id IN `, directives, k.args...)
	q, args = inList(q+` AND a.assignee_id IN `, units, args...)
	return tx.scanStageDays(ctx, byPair, q, args)
}

func (tx *Tx) scanStageDays(ctx context.Context, byPair map[pair]map[task.ID]stageDays, q string, args []any) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var p pair
		id, s, err := scanStages(rows, &p.directive, &p.unit)
		if err != nil {
			return err
		}
		if byPair[p] == nil {
			byPair[p] = map[task.ID]stageDays{}
		}
		byPair[p][id] = s
	}
	return rows.Err()
}

// putSteps stores the coverage steps of each pair.
func (tx *Tx) putSteps(ctx context.Context, byPair map[pair]map[task.ID]stageDays) error {
	var rows [][]any
	for p, as := range byPair {
		for _, s := range unitSteps(slices.Collect(maps.Values(as))) {
			rows = append(rows, []any{p.directive, p.unit, s.stage, s.on, s.delta})
		}
	}
	return tx.insertRows(ctx, "coverage_steps", "directive_id, unit_id, stage, step_on, delta", 5, rows, "")
}

// addCoverage adds sign times the coverage steps where selects (alias f)
// to the coverage sums of every unit directing their unit.
func (tx *Tx) addCoverage(ctx context.Context, where string, args []any, sign string) error {
	_, err := tx.ExecContext(ctx, spreadUp("coverage_sums", "coverage_steps", "stage", "step_on", where, sign,
		[]string{"n"}, []string{"SUM(f.delta)"}), args...)
	return tx.translate(err, "tiến độ thực hiện")
}

// recountCoverage recomputes the coverage of units under directives from
// their assignments in the cascades given (the stored one, and what it is
// about to gain), and moves the sums from the old steps to the new.
func (tx *Tx) recountCoverage(ctx context.Context, directives []document.ID, units []org.ID, cascades ...cascade) error {
	if err := tx.LockUnits(ctx, units); err != nil {
		return err
	}
	for ds := range chunks(directives, 200) {
		for us := range chunks(units, 500) {
			// Unqualified: the DELETE and addCoverage (coverage_steps
			// joined with unit_closure) both take it.
			where, args := inList(`directive_id IN `, ds)
			where, args = inList(where+` AND unit_id IN `, us, args...)
			if err := tx.addCoverage(ctx, where, args, "-1"); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM coverage_steps WHERE `+where, args...); err != nil {
				return tx.translate(err, "tiến độ thực hiện")
			}
			byPair := map[pair]map[task.ID]stageDays{}
			for _, k := range cascades {
				if err := tx.putStageDays(ctx, byPair, k, ds, us); err != nil {
					return tx.translate(err, "tiến độ thực hiện")
				}
			}
			if err := tx.putSteps(ctx, byPair); err != nil {
				return tx.translate(err, "tiến độ thực hiện")
			}
			if err := tx.addCoverage(ctx, where, args, "1"); err != nil {
				return err
			}
		}
	}
	return nil
}

// reportedOn is the day an assignment (alias a) was reported, or accepted
// if earlier, openEnd if neither: it is overdue until then.
const reportedOn = `COALESCE(SUBSTR(CASE WHEN a.reported_at IS NULL OR a.accepted_at < a.reported_at THEN a.accepted_at ELSE a.reported_at END, 1, 10), '` + openEnd + `')`

// lateSpans selects the late_spans rows of the assignments (alias a)
// under the directives of cascade k, for the conditions appended to it.
func lateSpans(k string) string {
	return `INSERT INTO late_spans (directive_id, unit_id, due_on, assignment_id, valid_from, valid_to, sent_on, reported_on)
		SELECT k.ancestor_id, c.ancestor_id, a.due_on, a.id, c.valid_from, c.valid_to, SUBSTR(a.sent_at, 1, 10), ` + reportedOn + `
		FROM assignments a
		JOIN ` + k + ` k ON k.descendant_id = a.document_id
		JOIN unit_closure c ON c.descendant_id = a.assignee_id
		WHERE a.role <> 'inform' AND a.due_on < ` + reportedOn
}

// assignmentsChanged brings the coverage and the late lists of every
// directive above the assignments which selects (a condition on alias a)
// up to date with their stages and deadlines. Call it in the transaction
// that changed them.
func (tx *Tx) assignmentsChanged(ctx context.Context, which string, args ...any) error {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT k.ancestor_id, a.assignee_id FROM assignments a
		JOIN doc_closure k ON k.descendant_id = a.document_id WHERE `+which, args...)
	if err != nil {
		return tx.translate(err, "tiến độ thực hiện")
	}
	ds, us := map[document.ID]bool{}, map[org.ID]bool{}
	for rows.Next() {
		var p pair
		if err := rows.Scan(&p.directive, &p.unit); err != nil {
			rows.Close()
			return tx.translate(err, "tiến độ thực hiện")
		}
		ds[p.directive], us[p.unit] = true, true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return tx.translate(err, "tiến độ thực hiện")
	}
	if err := tx.recountCoverage(ctx, slices.Collect(maps.Keys(ds)), slices.Collect(maps.Keys(us)), storedCascade); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM late_spans WHERE assignment_id IN (SELECT a.id FROM assignments a WHERE `+which+`)`, args...); err != nil {
		return tx.translate(err, "nhiệm vụ quá hạn")
	}
	_, err = tx.ExecContext(ctx, lateSpans(storedCascade.pairs)+` AND `+which, args...)
	return tx.translate(err, "nhiệm vụ quá hạn")
}

// cascadeGrowsCoverage counts the assignments of citing's cascade in the
// coverage and late lists of the directives citing joins by citing cited,
// before doc_closure grows.
func (tx *Tx) cascadeGrowsCoverage(ctx context.Context, citing, cited document.ID) error {
	grown := cascade{pairs: `(SELECT x.ancestor_id, y.descendant_id FROM doc_closure x, doc_closure y
		WHERE x.descendant_id = $1 AND y.ancestor_id = $2)`, args: []any{cited, citing}}
	us, err := scanIDs[org.ID](tx.QueryContext(ctx, `SELECT DISTINCT a.assignee_id FROM assignments a
		JOIN doc_closure y ON y.descendant_id = a.document_id WHERE y.ancestor_id = $1`, citing))
	if err != nil {
		return tx.translate(err, "tiến độ thực hiện")
	}
	if len(us) == 0 {
		return nil // nothing assigned under citing: most documents of an imported archive
	}
	ds, err := scanIDs[document.ID](tx.QueryContext(ctx, `SELECT ancestor_id FROM doc_closure WHERE descendant_id = $1`, cited))
	if err != nil {
		return tx.translate(err, "tiến độ thực hiện")
	}
	if err := tx.recountCoverage(ctx, ds, us, storedCascade, grown); err != nil {
		return err
	}
	// Assignments already under one of these directives keep their row.
	_, err = tx.ExecContext(ctx, lateSpans(grown.pairs)+` ON CONFLICT DO NOTHING`, grown.args...)
	return tx.translate(err, "nhiệm vụ quá hạn")
}

// rebuildCoverage recomputes the coverage steps and late lists of the
// directives which selects (a condition on a directive column), which have
// none left, and adds them up.
func (tx *Tx) rebuildCoverage(ctx context.Context, which func(col string) string, args []any) error {
	cond := which("k.ancestor_id")
	byPair := map[pair]map[task.ID]stageDays{}
	err := tx.scanStageDays(ctx, byPair, `SELECT k.ancestor_id, a.assignee_id, `+stageCols+` FROM assignments a
		JOIN doc_closure k ON k.descendant_id = a.document_id WHERE a.role <> 'inform' AND `+cond, args)
	if err == nil {
		err = tx.putSteps(ctx, byPair)
	}
	if err != nil {
		return tx.translate(err, "tiến độ thực hiện")
	}
	if err := tx.addCoverage(ctx, which("f.directive_id"), args, "1"); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, lateSpans(storedCascade.pairs)+` AND `+cond, args...)
	return tx.translate(err, "nhiệm vụ quá hạn")
}

// recountLate rewrites the late lists of the assignments of units, whose
// closure rows just changed.
func (tx *Tx) recountLate(ctx context.Context, units []org.ID) error {
	q, args := inList(`a.assignee_id IN `, units)
	if _, err := tx.ExecContext(ctx, `DELETE FROM late_spans WHERE assignment_id IN (SELECT a.id FROM assignments a WHERE `+q+`)`, args...); err != nil {
		return tx.translate(err, "nhiệm vụ quá hạn")
	}
	_, err := tx.ExecContext(ctx, lateSpans(storedCascade.pairs)+` AND `+q, args...)
	return tx.translate(err, "nhiệm vụ quá hạn")
}

// coverage reads each unit's coverage on the day from the sums.
func (tx *Tx) coverage(ctx context.Context, d document.ID, units []org.ID, on time.Time) (map[org.ID]report.Coverage, error) {
	q, args := periodRows("coverage_sums", "stage, n", d, units, on)
	rows, err := tx.QueryContext(ctx, `SELECT unit_id, stage, SUM(n) FROM (`+q+`) s GROUP BY unit_id, stage`, args...)
	if err != nil {
		return nil, tx.translate(err, "tiến độ thực hiện")
	}
	defer rows.Close()
	out := map[org.ID]report.Coverage{}
	for rows.Next() {
		var id org.ID
		var stage string
		var n int
		if err := rows.Scan(&id, &stage, &n); err != nil {
			return nil, tx.translate(err, "tiến độ thực hiện")
		}
		c := out[id]
		switch task.Status(stage) {
		case task.Sent:
			c.Assigned = n
		case task.Received:
			c.Received = n
		case task.Acknowledged:
			c.Acknowledged = n
		case task.Implementing:
			c.Implementing = n
		case task.Reported:
			c.Reported = n
		case task.Accepted:
			c.Accepted = n
		case lateStage:
			c.Late = n
		}
		out[id] = c
	}
	return out, tx.translate(rows.Err(), "tiến độ thực hiện")
}

// late lists the assignments of the directive's cascade in unit's subtree
// overdue on the day, most overdue first, at most limit of them: their ids
// from late_spans in deadline order, then the page itself.
func (tx *Tx) late(ctx context.Context, d document.ID, unit org.ID, on time.Time, limit int) ([]report.Late, error) {
	ids, err := scanIDs[task.ID](tx.QueryContext(ctx, `SELECT assignment_id FROM late_spans
		WHERE directive_id = $1 AND unit_id = $2 AND due_on < $3 AND sent_on <= $3 AND reported_on > $3 AND valid_from <= $3 AND valid_to > $3
		ORDER BY due_on, assignment_id LIMIT $4`, d, unit, on.Format(dateLayout), limit))
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
