package store

import (
	"context"
	"database/sql"
	"time"

	"lantoa/internal/cadence"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/report"
)

// CadenceRule is how reporting periods are cut, as every instance reads it.
func (tx *Tx) CadenceRule(ctx context.Context) (cadence.Rule, error) {
	var r cadence.Rule
	err := tx.QueryRowContext(ctx, `SELECT cut_day, due_work_days FROM report_cadence WHERE id = 1`).Scan(&r.CutDay, &r.DueWorkDays)
	if err == sql.ErrNoRows {
		return cadence.StateRule, nil
	}
	return r, tx.translate(err, "lịch báo cáo định kỳ")
}

// SetCadenceRule changes how reporting periods are cut. Reports already
// opened keep the days they were opened with.
func (tx *Tx) SetCadenceRule(ctx context.Context, r cadence.Rule) error {
	if err := r.Validate(); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO report_cadence (id, cut_day, due_work_days, updated_at) VALUES (1, $1, $2, $3)
		ON CONFLICT (id) DO UPDATE SET cut_day = excluded.cut_day, due_work_days = excluded.due_work_days, updated_at = excluded.updated_at`,
		r.CutDay, r.DueWorkDays, timeText(tx.Now()))
	return tx.translate(err, "lịch báo cáo định kỳ")
}

// PeriodReports lists a unit's periodic reports whose periods start within
// [from, to], earliest first; values are not read.
func (tx *Tx) PeriodReports(ctx context.Context, unit org.ID, from, to time.Time) ([]report.Report, error) {
	return queryAll(ctx, tx, "báo cáo định kỳ", scanReport, `SELECT `+reportCols+` FROM reports WHERE unit_id = $1 AND period_kind <> '' AND period_from >= $2 AND period_from <= $3
		ORDER BY period_from, id`, unit, dateText(from), dateText(to))
}

// PeriodReport finds a unit's periodic report of a kind starting on from.
func (tx *Tx) PeriodReport(ctx context.Context, unit org.ID, kind cadence.Kind, from time.Time) (report.Report, error) {
	var id report.ID
	err := tx.QueryRowContext(ctx, `SELECT id FROM reports WHERE unit_id = $1 AND period_kind = $2 AND period_from = $3`,
		unit, string(kind), dateText(from)).Scan(&id)
	if err == sql.ErrNoRows {
		return report.Report{}, problem.Errorf(problem.NotFound, "Đơn vị chưa lập báo cáo của kỳ này")
	}
	if err != nil {
		return report.Report{}, tx.translate(err, "báo cáo định kỳ")
	}
	return tx.Report(ctx, id)
}

// PeriodReportSources is what a unit's periodic report is computed from:
// all its activities ending in the period, whatever they answer (an
// activity counts once, however many documents it answers), and the
// accepted periodic reports of its direct children (on the period's last
// day) for periods within it, each child's figures once.
func (tx *Tx) PeriodReportSources(ctx context.Context, unit org.ID, p report.Period) (own, below []report.Value, err error) {
	rows, err := tx.QueryContext(ctx, `SELECT v.indicator_code, v.num, v.den, v.txt FROM activities a JOIN activity_values v ON v.activity_id = a.id
		WHERE a.unit_id = $1 AND a.ended_on >= $2 AND a.ended_on <= $3 ORDER BY a.ended_on, a.id`, unit, dateText(p.From), dateText(p.To))
	if err != nil {
		return nil, nil, tx.translate(err, "số liệu hoạt động")
	}
	for rows.Next() {
		var v report.Value
		if err := rows.Scan(&v.Code, &v.Num, &v.Den, &v.Text); err != nil {
			rows.Close()
			return nil, nil, tx.translate(err, "số liệu hoạt động")
		}
		own = append(own, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, tx.translate(err, "số liệu hoạt động")
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
		WHERE r.period_kind <> '' AND r.status = 'accepted' AND r.period_from >= $1 AND r.period_to <= $2 AND r.unit_id IN `, ids, dateText(p.From), dateText(p.To))
	if below, err = tx.widestAccepted(ctx, q, args); err != nil {
		return nil, nil, err
	}
	return own, below, nil
}
