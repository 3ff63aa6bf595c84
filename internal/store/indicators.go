package store

import (
	"context"
	"database/sql"
	"strings"

	"lantoa/internal/document"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/vn"
)

func init() { goSteps[2] = loadCatalogue }

// loadCatalogue is migration step 2: the default indicator catalogue,
// written with the columns the tables have at that version (not through
// CreateIndicatorSet, which follows the schema of the day), so a fresh
// install replays it whatever later steps change. A later change to the
// catalogue is a later step of its own.
func loadCatalogue(ctx context.Context, tx *Tx) error {
	cat := report.Catalogue()
	var defs, items [][]any
	for i, ind := range cat.Indicators {
		defs = append(defs, []any{ind.Code, ind.Form, vn.NFC(ind.Label), vn.NFC(ind.Measure), ind.Kind, ind.Aggregation, i + 1})
		items = append(items, []any{nil, ind.Code, i + 1})
	}
	if err := tx.insertRows(ctx, "indicators", "code, form, label, measure, kind, aggregation, ordinal", 7, defs, ""); err != nil {
		return err
	}
	var set int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO indicator_sets (code, name, created_at) VALUES ($1, $2, $3) RETURNING id`,
		cat.Code, vn.NFC(cat.Name), timeText(tx.Now())).Scan(&set); err != nil {
		return err
	}
	for _, it := range items {
		it[0] = set
	}
	return tx.insertRows(ctx, "indicator_set_items", "set_id, code, ordinal", 3, items, "")
}

// CreateIndicatorSet stores a set and defines its indicators. A code
// already defined must keep its form, kind and aggregation (the label and
// measure may be reworded): a code means one thing in every set, so the
// roll-up adds it up one way.
func (tx *Tx) CreateIndicatorSet(ctx context.Context, s report.IndicatorSet) (report.IndicatorSet, error) {
	s.Code, s.Name = strings.TrimSpace(vn.NFC(s.Code)), strings.TrimSpace(vn.NFC(s.Name))
	for i := range s.Indicators {
		ind := &s.Indicators[i]
		ind.Code, ind.Label, ind.Measure = strings.TrimSpace(ind.Code), strings.TrimSpace(vn.NFC(ind.Label)), strings.TrimSpace(vn.NFC(ind.Measure))
	}
	if err := s.Validate(); err != nil {
		return s, err
	}
	codes := make([]string, len(s.Indicators))
	for i, ind := range s.Indicators {
		codes[i] = ind.Code
	}
	known, err := tx.Indicators(ctx, codes)
	if err != nil {
		return s, err
	}
	var next int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(ordinal), 0) FROM indicators`).Scan(&next); err != nil {
		return s, tx.translate(err, "danh mục chỉ tiêu")
	}
	var defs, items [][]any
	for i, ind := range s.Indicators {
		if old, ok := known[ind.Code]; ok {
			if !old.Same(ind) {
				return s, problem.Errorf(problem.Conflict, "Mã chỉ tiêu %s đã dùng cho \"%s\" (%s); hãy chọn mã khác", ind.Code, old.Label, old.Form)
			}
			ind.Ordinal = old.Ordinal
		} else {
			if ind.Ordinal == 0 {
				next++
				ind.Ordinal = next
			}
			defs = append(defs, []any{ind.Code, ind.Form, ind.Label, ind.Measure, ind.Kind, ind.Aggregation, ind.Ordinal})
		}
		s.Indicators[i] = ind
		items = append(items, []any{nil, ind.Code, i + 1})
	}
	if err := tx.insertRows(ctx, "indicators", "code, form, label, measure, kind, aggregation, ordinal", 7, defs, ""); err != nil {
		return s, tx.translate(err, "chỉ tiêu")
	}
	err = tx.QueryRowContext(ctx, `INSERT INTO indicator_sets (code, name, document_id, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
		s.Code, s.Name, nullID(int64(s.Document)), timeText(tx.Now())).Scan(&s.ID)
	if isUnique(err) {
		return s, problem.Errorf(problem.Conflict, "Mã bộ chỉ tiêu %q đã được dùng", s.Code)
	}
	if err != nil {
		return s, tx.translate(err, "bộ chỉ tiêu")
	}
	for _, it := range items {
		it[0] = s.ID
	}
	return s, tx.translate(tx.insertRows(ctx, "indicator_set_items", "set_id, code, ordinal", 3, items, ""), "bộ chỉ tiêu")
}

// AttachIndicatorSet makes a set the one of a document (its draft was
// stored after the set), so the document's reports follow it.
func (tx *Tx) AttachIndicatorSet(ctx context.Context, set int64, doc document.ID) error {
	_, err := tx.ExecContext(ctx, `UPDATE indicator_sets SET document_id = $1 WHERE id = $2`, doc, set)
	return tx.translate(err, "bộ chỉ tiêu")
}

const indicatorCols = `code, form, label, measure, kind, aggregation, ordinal`

func scanIndicators(rows *sql.Rows, err error) ([]report.Indicator, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []report.Indicator
	for rows.Next() {
		var i report.Indicator
		if err := rows.Scan(&i.Code, &i.Form, &i.Label, &i.Measure, &i.Kind, &i.Aggregation, &i.Ordinal); err != nil {
			return nil, err
		}
		out = append(out, i)
	}
	return out, rows.Err()
}

// Indicators reads the definitions of indicator codes; unknown codes are
// absent from the map.
func (tx *Tx) Indicators(ctx context.Context, codes []string) (map[string]report.Indicator, error) {
	out := make(map[string]report.Indicator, len(codes))
	for chunk := range chunks(codes, 500) {
		q, args := inList(`SELECT `+indicatorCols+` FROM indicators WHERE code IN `, chunk)
		is, err := scanIndicators(tx.QueryContext(ctx, q, args...))
		if err != nil {
			return nil, tx.translate(err, "chỉ tiêu")
		}
		for _, i := range is {
			out[i.Code] = i
		}
	}
	return out, nil
}

// IndicatorSet reads a set with its indicators in the set's order.
func (tx *Tx) IndicatorSet(ctx context.Context, id int64) (report.IndicatorSet, error) {
	return tx.indicatorSet(ctx, `id = $1`, id)
}

// IndicatorSetByCode reads a set by its code.
func (tx *Tx) IndicatorSetByCode(ctx context.Context, code string) (report.IndicatorSet, error) {
	return tx.indicatorSet(ctx, `code = $1`, strings.TrimSpace(code))
}

func (tx *Tx) indicatorSet(ctx context.Context, where string, arg any) (report.IndicatorSet, error) {
	var s report.IndicatorSet
	err := tx.QueryRowContext(ctx, `SELECT id, code, name, COALESCE(document_id, 0) FROM indicator_sets WHERE `+where, arg).
		Scan(&s.ID, &s.Code, &s.Name, &s.Document)
	if err == sql.ErrNoRows {
		return s, problem.Errorf(problem.NotFound, "Không có bộ chỉ tiêu này")
	}
	if err != nil {
		return s, tx.translate(err, "bộ chỉ tiêu")
	}
	s.Indicators, err = scanIndicators(tx.QueryContext(ctx, `SELECT `+prefixed("i.", indicatorCols)+`
		FROM indicator_set_items x JOIN indicators i ON i.code = x.code WHERE x.set_id = $1 ORDER BY x.ordinal`, s.ID))
	return s, tx.translate(err, "bộ chỉ tiêu")
}

// IndicatorSetFor is the set a directive's reports use: the set attached
// to the document, else the one attached to the nearest document it
// implements, else the default catalogue.
func (tx *Tx) IndicatorSetFor(ctx context.Context, doc document.ID) (report.IndicatorSet, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT s.id FROM indicator_sets s JOIN doc_closure c ON c.ancestor_id = s.document_id
		JOIN documents d ON d.id = s.document_id
		WHERE c.descendant_id = $1 ORDER BY CASE WHEN s.document_id = $1 THEN 0 ELSE 1 END, COALESCE(d.issued_on, '') DESC, s.id DESC LIMIT 1`, doc).Scan(&id)
	if err == sql.ErrNoRows {
		return tx.IndicatorSetByCode(ctx, report.DefaultSetCode)
	}
	if err != nil {
		return report.IndicatorSet{}, tx.translate(err, "bộ chỉ tiêu")
	}
	return tx.IndicatorSet(ctx, id)
}
