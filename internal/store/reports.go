package store

import (
	"context"
	"database/sql"
	"sort"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/task"
)

const reportCols = `id, unit_id, COALESCE(assignment_id, 0), COALESCE(directive_id, 0), period_kind, period_from, period_to, status, narrative, comment,
	COALESCE(created_by, 0), created_at, updated_at, submitted_at, decided_at, COALESCE(decided_by, 0)`

func scanReport(row interface{ Scan(...any) error }) (report.Report, error) {
	var r report.Report
	var from, to, created, updated, submitted, decided sql.NullString
	var narrative string
	err := row.Scan(&r.ID, &r.Unit, &r.Assignment, &r.Directive, &r.PeriodKind, &from, &to, &r.Status, &narrative, &r.Comment,
		&r.CreatedBy, &created, &updated, &submitted, &decided, &r.DecidedBy)
	r.Period = report.Period{From: parseDate(from), To: parseDate(to)}
	r.Narrative = parseJSON[report.Narrative](narrative)
	r.CreatedAt, r.UpdatedAt, r.SubmittedAt, r.DecidedAt = parseTime(created), parseTime(updated), parseTime(submitted), parseTime(decided)
	return r, err
}

// CreateReport stores a new draft report with its values.
func (tx *Tx) CreateReport(ctx context.Context, r report.Report) (report.Report, error) {
	r.Narrative.Normalise()
	if err := r.Validate(); err != nil {
		return r, err
	}
	r.Status, r.CreatedAt, r.UpdatedAt = report.Draft, tx.Now(), tx.Now()
	err := tx.QueryRowContext(ctx, `INSERT INTO reports (unit_id, assignment_id, directive_id, period_kind, period_from, period_to, status, narrative, created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
		r.Unit, nullID(int64(r.Assignment)), nullID(int64(r.Directive)), r.PeriodKind, dateText(r.Period.From), dateText(r.Period.To), r.Status, jsonText(r.Narrative),
		nullID(r.CreatedBy), timeText(r.CreatedAt)).Scan(&r.ID)
	if isUnique(err) {
		return r, problem.Errorf(problem.Conflict, "Đơn vị đã có báo cáo của kỳ này")
	}
	if err != nil {
		return r, tx.translate(err, "báo cáo")
	}
	return r, tx.insertReportValues(ctx, r.ID, r.Values)
}

func (tx *Tx) insertReportValues(ctx context.Context, id report.ID, vs []report.ReportValue) error {
	rows := make([][]any, len(vs))
	for i, v := range vs {
		rows[i] = []any{id, v.Code, v.Num, v.Den, v.Text, v.Auto.Num, v.Auto.Den, v.Auto.Text, nullID(v.OverriddenBy), timeText(v.OverriddenAt)}
	}
	err := tx.insertRows(ctx, "report_values", "report_id, indicator_code, num, den, txt, auto_num, auto_den, auto_txt, overridden_by, overridden_at", 10, rows, "")
	return tx.translate(err, "số liệu báo cáo")
}

// Report reads a report with its values.
func (tx *Tx) Report(ctx context.Context, id report.ID) (report.Report, error) {
	r, err := scanReport(tx.QueryRowContext(ctx, `SELECT `+reportCols+` FROM reports WHERE id = $1`, id))
	if err == sql.ErrNoRows {
		return r, problem.Errorf(problem.NotFound, "Không có báo cáo số %d", id)
	}
	if err != nil {
		return r, tx.translate(err, "báo cáo")
	}
	rows, err := tx.QueryContext(ctx, `SELECT v.indicator_code, v.num, v.den, v.txt, v.auto_num, v.auto_den, v.auto_txt, COALESCE(v.overridden_by, 0), v.overridden_at
		FROM report_values v JOIN indicators i ON i.code = v.indicator_code WHERE v.report_id = $1 ORDER BY i.ordinal, v.indicator_code`, id)
	if err != nil {
		return r, tx.translate(err, "số liệu báo cáo")
	}
	defer rows.Close()
	for rows.Next() {
		var v report.ReportValue
		var at sql.NullString
		if err := rows.Scan(&v.Code, &v.Num, &v.Den, &v.Text, &v.Auto.Num, &v.Auto.Den, &v.Auto.Text, &v.OverriddenBy, &at); err != nil {
			return r, tx.translate(err, "số liệu báo cáo")
		}
		v.Auto.Code, v.OverriddenAt = v.Code, parseTime(at)
		r.Values = append(r.Values, v)
	}
	return r, tx.translate(rows.Err(), "số liệu báo cáo")
}

// SaveReport replaces the values and narrative of a report the unit may
// still change (a draft, or returned); a report sent meanwhile is a
// Conflict.
func (tx *Tx) SaveReport(ctx context.Context, r report.Report) (report.Report, error) {
	r.Narrative.Normalise()
	res, err := tx.ExecContext(ctx, `UPDATE reports SET narrative = $2, updated_at = $3 WHERE id = $1 AND status IN ('draft', 'returned')`,
		r.ID, jsonText(r.Narrative), timeText(tx.Now()))
	if err != nil {
		return r, tx.translate(err, "báo cáo")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return r, problem.Errorf(problem.Conflict, "Báo cáo đã được gửi, không sửa được nữa")
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM report_values WHERE report_id = $1`, r.ID); err != nil {
		return r, tx.translate(err, "số liệu báo cáo")
	}
	if err := tx.insertReportValues(ctx, r.ID, r.Values); err != nil {
		return r, err
	}
	return tx.Report(ctx, r.ID)
}

// MoveReport takes a report from status from to status to, if it is still
// in from (two people deciding at once: the second gets a Conflict), and
// records when, by whom, and the comment of a return.
func (tx *Tx) MoveReport(ctx context.Context, id report.ID, from, to report.Status, by int64, comment string) (report.Report, error) {
	now := timeText(tx.Now())
	set, args := `submitted_at = $4`, []any{id, from, to, now}
	if to == report.Accepted || to == report.Returned {
		set, args = `decided_at = $4, decided_by = $5, comment = $6`, append(args, nullID(by), comment)
	}
	res, err := tx.ExecContext(ctx, `UPDATE reports SET status = $3, updated_at = $4, `+set+` WHERE id = $1 AND status = $2`, args...)
	if err != nil {
		return report.Report{}, tx.translate(err, "báo cáo")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return report.Report{}, problem.Errorf(problem.Conflict, "Báo cáo vừa được người khác cập nhật; hãy tải lại trang")
	}
	return tx.Report(ctx, id)
}

// ReportFilter selects reports.
type ReportFilter struct {
	Unit       org.ID
	Assignment task.ID
	Statuses   []report.Status
}

// Reports lists reports, latest period first.
func (tx *Tx) Reports(ctx context.Context, f ReportFilter) ([]report.Report, error) {
	var w filter
	if f.Unit != 0 {
		w.add("unit_id = ?", f.Unit)
	}
	if f.Assignment != 0 {
		w.add("assignment_id = ?", f.Assignment)
	}
	if len(f.Statuses) > 0 {
		in(&w, "status", f.Statuses)
	}
	return queryAll(ctx, tx, "báo cáo", scanReport, `SELECT `+reportCols+` FROM reports`+w.where()+` ORDER BY period_from DESC, id DESC`, w.args...)
}

// ReportSources is what a unit's report on a directive for a period is
// computed from: its own activities answering the cascade and ending in
// the period, and the accepted reports of its direct children (on the
// period's last day) on documents of the cascade, for periods within it.
// A child's figures count once: of its reports whose periods overlap (a
// monthly and a quarterly one, one on the directive and one on a plan
// implementing it), only the widest, then latest, is taken.
func (tx *Tx) ReportSources(ctx context.Context, unit org.ID, directive document.ID, p report.Period) (own, below []report.Value, err error) {
	if own, err = tx.activityValues(ctx, unit, directive, p); err != nil {
		return nil, nil, err
	}
	children, err := tx.Children(ctx, unit, p.To)
	if err != nil || len(children) == 0 {
		return own, nil, err
	}
	ids := make([]org.ID, len(children))
	for i, c := range children {
		ids[i] = c.ID
	}
	q, args := inList(`SELECT r.id, r.unit_id, r.period_from, r.period_to FROM reports r
		JOIN doc_closure c ON c.descendant_id = r.directive_id AND c.ancestor_id = $1
		WHERE r.status = 'accepted' AND r.period_from >= $2 AND r.period_to <= $3 AND r.unit_id IN `, ids, directive, dateText(p.From), dateText(p.To))
	if below, err = tx.widestAccepted(ctx, q, args); err != nil {
		return nil, nil, err
	}
	return own, below, nil
}

// widestAccepted reads the values of the accepted reports that query q
// (selecting id, unit_id, period_from, period_to) finds, counting each
// unit's figures once: of its reports whose periods overlap, only the
// widest, then latest, is taken.
func (tx *Tx) widestAccepted(ctx context.Context, q string, args []any) (below []report.Value, err error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, tx.translate(err, "báo cáo cấp dưới")
	}
	type accepted struct {
		id       report.ID
		unit     org.ID
		from, to string
	}
	var all []accepted
	for rows.Next() {
		var r accepted
		if err := rows.Scan(&r.id, &r.unit, &r.from, &r.to); err != nil {
			rows.Close()
			return nil, tx.translate(err, "báo cáo cấp dưới")
		}
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, tx.translate(err, "báo cáo cấp dưới")
	}
	// Widest first, then latest; keep those not overlapping one kept.
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		wa, wb := spanDays(a.from, a.to), spanDays(b.from, b.to)
		if wa != wb {
			return wa > wb
		}
		if a.to != b.to {
			return a.to > b.to
		}
		return a.id > b.id
	})
	var kept []report.ID
	taken := map[org.ID][]accepted{}
	for _, r := range all {
		overlaps := false
		for _, k := range taken[r.unit] {
			overlaps = overlaps || (r.from <= k.to && k.from <= r.to)
		}
		if !overlaps {
			taken[r.unit] = append(taken[r.unit], r)
			kept = append(kept, r.id)
		}
	}
	for chunk := range chunks(kept, 500) {
		q, args := inList(`SELECT indicator_code, num, den, txt FROM report_values WHERE report_id IN `, chunk)
		rows, err := tx.QueryContext(ctx, q+` ORDER BY report_id, indicator_code`, args...)
		if err != nil {
			return nil, tx.translate(err, "báo cáo cấp dưới")
		}
		for rows.Next() {
			var v report.Value
			if err := rows.Scan(&v.Code, &v.Num, &v.Den, &v.Text); err != nil {
				rows.Close()
				return nil, tx.translate(err, "báo cáo cấp dưới")
			}
			below = append(below, v)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, tx.translate(err, "báo cáo cấp dưới")
		}
	}
	return below, nil
}

// spanDays is the length in days of a period given as stored dates.
func spanDays(from, to string) int {
	a, _ := time.Parse(dateLayout, from)
	b, _ := time.Parse(dateLayout, to)
	return int(b.Sub(a).Hours() / 24)
}
