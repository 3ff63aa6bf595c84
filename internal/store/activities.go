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
	"lantoa/internal/vn"
)

// CreateActivity stores an activity with its values, the assignments or
// documents it answers and its evidence files (stored first with PutBlob),
// and counts it in the roll-up sums of every directive whose cascade it
// answers, in the same transaction.
func (tx *Tx) CreateActivity(ctx context.Context, a report.Activity) (report.Activity, error) {
	a.Normalise()
	codes := make([]string, len(a.Values))
	for i, v := range a.Values {
		codes[i] = v.Code
	}
	defs, err := tx.Indicators(ctx, codes)
	if err != nil {
		return a, err
	}
	if err := a.Validate(defs); err != nil {
		return a, err
	}
	u, err := tx.Unit(ctx, a.Unit)
	if err != nil {
		return a, err
	}
	if !u.Valid.Contains(a.Started) {
		return a, problem.Errorf(problem.Invalid, "Ngày %s đơn vị %s không còn (hoặc chưa) hoạt động", vn.FormatDate(a.Started), u.Name)
	}
	if a.Targets, err = tx.checkTargets(ctx, a.Unit, a.Ended, a.Targets); err != nil {
		return a, err
	}
	a.CreatedAt = tx.Now()
	err = tx.QueryRowContext(ctx, `INSERT INTO activities (unit_id, form, started_on, ended_on, title, place, links, demo, created_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
		a.Unit, a.Form, dateText(a.Started), dateText(a.Ended), a.Title, a.Place, jsonText(nonNil(a.Links)), boolInt(a.Demo),
		nullID(a.CreatedBy), timeText(a.CreatedAt)).Scan(&a.ID)
	if err != nil {
		return a, tx.translate(err, "hoạt động")
	}
	var vals, targets, files [][]any
	for _, v := range a.Values {
		vals = append(vals, []any{a.ID, v.Code, v.Num, v.Den, v.Text})
	}
	for _, t := range a.Targets {
		targets = append(targets, []any{a.ID, t.Document, nullID(int64(t.Assignment))})
	}
	seen := map[string]bool{}
	for i := range a.Files {
		f := &a.Files[i]
		f.Name = strings.TrimSpace(vn.NFC(f.Name))
		if f.SHA256 == "" || seen[f.SHA256] {
			return a, problem.Errorf(problem.Invalid, "Tệp minh chứng %q bị trống hoặc trùng", f.Name)
		}
		seen[f.SHA256] = true
		files = append(files, []any{a.ID, f.SHA256, f.Name})
	}
	if err := tx.insertRows(ctx, "activity_values", "activity_id, indicator_code, num, den, txt", 5, vals, ""); err != nil {
		return a, tx.translate(err, "số liệu hoạt động")
	}
	if err := tx.insertRows(ctx, "activity_targets", "activity_id, document_id, assignment_id", 3, targets, ""); err != nil {
		return a, tx.translate(err, "văn bản, nhiệm vụ của hoạt động")
	}
	if err := tx.insertRows(ctx, "activity_files", "activity_id, sha256, name", 3, files, ""); err != nil {
		return a, tx.translate(err, "tệp minh chứng")
	}
	directives, err := scanIDs[document.ID](tx.QueryContext(ctx, `SELECT DISTINCT c.ancestor_id FROM activity_targets t
		JOIN doc_closure c ON c.descendant_id = t.document_id WHERE t.activity_id = $1`, a.ID))
	if err != nil {
		return a, tx.translate(err, "cây triển khai")
	}
	return a, tx.countActivity(ctx, a.ID, directives)
}

// checkTargets fills the document of each assignment target and checks
// that the assignment is the unit's own or one given to a unit directing
// it; each document is kept once.
func (tx *Tx) checkTargets(ctx context.Context, unit org.ID, on time.Time, ts []report.Target) ([]report.Target, error) {
	byDoc := map[document.ID]int{}
	var out []report.Target
	for _, t := range ts {
		if t.Assignment != 0 {
			asg, err := tx.Assignment(ctx, t.Assignment)
			if err != nil {
				return nil, err
			}
			if t.Document != 0 && t.Document != asg.Document {
				return nil, problem.Errorf(problem.Invalid, "Nhiệm vụ số %d không thuộc văn bản đã chọn", t.Assignment)
			}
			t.Document = asg.Document
			if asg.Assignee != unit {
				ok, err := tx.Directs(ctx, asg.Assignee, unit, on)
				if err != nil {
					return nil, err
				}
				if !ok {
					return nil, problem.Errorf(problem.Invalid, "Nhiệm vụ số %d được giao cho đơn vị khác, không phải đơn vị này hay đơn vị cấp trên của nó", t.Assignment)
				}
			}
		} else {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents WHERE id = $1`, t.Document).Scan(&n); err != nil {
				return nil, tx.translate(err, "văn bản")
			}
			if n == 0 {
				return nil, problem.Errorf(problem.NotFound, "Không có văn bản số %d", t.Document)
			}
		}
		if i, ok := byDoc[t.Document]; ok {
			if out[i].Assignment == 0 {
				out[i].Assignment = t.Assignment
			}
			continue
		}
		byDoc[t.Document] = len(out)
		out = append(out, t)
	}
	return out, nil
}

const activityCols = `id, unit_id, form, started_on, ended_on, title, place, links, demo, COALESCE(created_by, 0), created_at`

func scanActivity(row interface{ Scan(...any) error }) (report.Activity, error) {
	var a report.Activity
	var started, ended, created sql.NullString
	var links string
	var demo int
	err := row.Scan(&a.ID, &a.Unit, &a.Form, &started, &ended, &a.Title, &a.Place, &links, &demo, &a.CreatedBy, &created)
	a.Started, a.Ended, a.CreatedAt = parseDate(started), parseDate(ended), parseTime(created)
	a.Links, a.Demo = parseJSON[[]string](links), demo != 0
	return a, err
}

// Activity reads an activity with its values, targets and files.
func (tx *Tx) Activity(ctx context.Context, id report.ActivityID) (report.Activity, error) {
	as, err := tx.activities(ctx, `SELECT `+activityCols+` FROM activities WHERE id = $1`, id)
	if err != nil {
		return report.Activity{}, err
	}
	if len(as) == 0 {
		return report.Activity{}, problem.Errorf(problem.NotFound, "Không có hoạt động số %d", id)
	}
	return as[0], nil
}

// ActivityFilter selects activities.
type ActivityFilter struct {
	Unit      org.ID      // of this unit (0: any)
	Directive document.ID // answering a document of this directive's cascade (0: any)
	From, To  time.Time   // ending within these days, both included (zero: open)
	Limit     int
}

// Activities lists activities, latest first.
func (tx *Tx) Activities(ctx context.Context, f ActivityFilter) ([]report.Activity, error) {
	var w filter
	if f.Unit != 0 {
		w.add("unit_id = ?", f.Unit)
	}
	if f.Directive != 0 {
		w.add(`EXISTS (SELECT 1 FROM activity_targets t JOIN doc_closure c ON c.descendant_id = t.document_id
			WHERE t.activity_id = activities.id AND c.ancestor_id = ?)`, f.Directive)
	}
	if !f.From.IsZero() {
		w.add("ended_on >= ?", dateText(f.From))
	}
	if !f.To.IsZero() {
		w.add("ended_on <= ?", dateText(f.To))
	}
	q := `SELECT ` + activityCols + ` FROM activities` + w.where() + ` ORDER BY ended_on DESC, id DESC`
	if f.Limit > 0 {
		q += ` LIMIT ` + w.arg(f.Limit)
	}
	return tx.activities(ctx, q, w.args...)
}

// activities reads the activities a query selects, then their values,
// targets and files in one query each.
func (tx *Tx) activities(ctx context.Context, q string, args ...any) ([]report.Activity, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, tx.translate(err, "hoạt động")
	}
	var as []report.Activity
	for rows.Next() {
		a, err := scanActivity(rows)
		if err != nil {
			rows.Close()
			return nil, tx.translate(err, "hoạt động")
		}
		as = append(as, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, tx.translate(err, "hoạt động")
	}
	at := make(map[report.ActivityID]*report.Activity, len(as))
	ids := make([]report.ActivityID, len(as))
	for i := range as {
		at[as[i].ID], ids[i] = &as[i], as[i].ID
	}
	for chunk := range chunks(ids, 500) {
		err := tx.eachRow(ctx, `SELECT activity_id, indicator_code, num, den, txt FROM activity_values WHERE activity_id IN `, chunk, func(r *sql.Rows) error {
			var id report.ActivityID
			var v report.Value
			err := r.Scan(&id, &v.Code, &v.Num, &v.Den, &v.Text)
			at[id].Values = append(at[id].Values, v)
			return err
		})
		if err == nil {
			err = tx.eachRow(ctx, `SELECT activity_id, document_id, COALESCE(assignment_id, 0) FROM activity_targets WHERE activity_id IN `, chunk, func(r *sql.Rows) error {
				var id report.ActivityID
				var t report.Target
				err := r.Scan(&id, &t.Document, &t.Assignment)
				at[id].Targets = append(at[id].Targets, t)
				return err
			})
		}
		if err == nil {
			err = tx.eachRow(ctx, `SELECT f.activity_id, f.sha256, f.name, b.size FROM activity_files f JOIN blobs b ON b.sha256 = f.sha256 WHERE f.activity_id IN `, chunk, func(r *sql.Rows) error {
				var id report.ActivityID
				var f report.File
				err := r.Scan(&id, &f.SHA256, &f.Name, &f.Size)
				at[id].Files = append(at[id].Files, f)
				return err
			})
		}
		if err != nil {
			return nil, tx.translate(err, "hoạt động")
		}
	}
	return as, nil
}

// eachRow runs prefix followed by an IN list of ids and calls fn on each row.
func (tx *Tx) eachRow(ctx context.Context, prefix string, ids []report.ActivityID, fn func(*sql.Rows) error) error {
	q, args := inList(prefix, ids)
	rows, err := tx.QueryContext(ctx, q+` ORDER BY 1, 2`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// activityValues lists, value by value, what a unit's own activities
// answering a directive's cascade and ending within the period reported;
// an activity answering several documents of the cascade counts once.
func (tx *Tx) activityValues(ctx context.Context, unit org.ID, directive document.ID, p report.Period) ([]report.Value, error) {
	rows, err := tx.QueryContext(ctx, `SELECT v.indicator_code, v.num, v.den, v.txt FROM activities a JOIN activity_values v ON v.activity_id = a.id
		WHERE a.unit_id = $1 AND a.ended_on >= $2 AND a.ended_on <= $3
		AND EXISTS (SELECT 1 FROM activity_targets t JOIN doc_closure c ON c.descendant_id = t.document_id WHERE t.activity_id = a.id AND c.ancestor_id = $4)
		ORDER BY a.ended_on, a.id`, unit, dateText(p.From), dateText(p.To), directive)
	if err != nil {
		return nil, tx.translate(err, "số liệu hoạt động")
	}
	defer rows.Close()
	var out []report.Value
	for rows.Next() {
		var v report.Value
		if err := rows.Scan(&v.Code, &v.Num, &v.Den, &v.Text); err != nil {
			return nil, tx.translate(err, "số liệu hoạt động")
		}
		out = append(out, v)
	}
	return out, tx.translate(rows.Err(), "số liệu hoạt động")
}
