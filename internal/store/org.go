package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/vn"
)

const unitCols = `id, code, notation, name, kind, family, COALESCE(organ_id, ''), place, valid_from, valid_to, demo, created_at`

func scanUnit(row interface{ Scan(...any) error }) (org.Unit, error) {
	var u org.Unit
	var from, to, created sql.NullString
	var demo int
	err := row.Scan(&u.ID, &u.Code, &u.Notation, &u.Name, &u.Kind, &u.Family, &u.OrganID, &u.Place, &from, &to, &demo, &created)
	u.Valid = org.Span{From: parseDate(from), To: parseDate(to)}
	u.Demo = demo != 0
	u.CreatedAt = parseTime(created)
	return u, err
}

func scanUnits(rows *sql.Rows, err error) ([]org.Unit, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var us []org.Unit
	for rows.Next() {
		u, err := scanUnit(rows)
		if err != nil {
			return nil, err
		}
		us = append(us, u)
	}
	return us, rows.Err()
}

// CreateUnit stores a new unit; it directs nobody and nobody directs it
// until links are added.
func (tx *Tx) CreateUnit(ctx context.Context, u org.Unit) (org.Unit, error) {
	u.Code = strings.TrimSpace(vn.NFC(u.Code))
	u.Name = strings.TrimSpace(vn.NFC(u.Name))
	u.Notation = strings.TrimSpace(vn.NFC(u.Notation))
	u.Place = strings.TrimSpace(vn.NFC(u.Place))
	if err := u.Validate(); err != nil {
		return u, err
	}
	u.CreatedAt = tx.Now()
	err := tx.QueryRowContext(ctx, `INSERT INTO units (code, notation, name, name_key, sort_key, kind, family, organ_id, place, valid_from, valid_to, demo, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
		u.Code, u.Notation, u.Name, vn.Fold(u.Name), vn.SortKey(u.Name), u.Kind, u.Family, nullString(u.OrganID), u.Place,
		fromText(u.Valid.From), endText(u.Valid.To), boolInt(u.Demo), timeText(u.CreatedAt)).Scan(&u.ID)
	if err != nil {
		if isUnique(err) {
			return u, problem.Errorf(problem.Conflict, "Mã đơn vị %q đã được dùng", u.Code)
		}
		return u, tx.translate(err, "đơn vị")
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO unit_closure (ancestor_id, descendant_id, valid_from, valid_to) VALUES ($1, $1, $2, $3)`,
		u.ID, fromText(u.Valid.From), endText(u.Valid.To))
	return u, tx.translate(err, "cây tổ chức")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Unit reads a unit by id.
func (tx *Tx) Unit(ctx context.Context, id org.ID) (org.Unit, error) {
	u, err := scanUnit(tx.QueryRowContext(ctx, `SELECT `+unitCols+` FROM units WHERE id = $1`, id))
	return u, tx.translate(err, "đơn vị")
}

// UnitByCode reads a unit by its handle.
func (tx *Tx) UnitByCode(ctx context.Context, code string) (org.Unit, error) {
	u, err := scanUnit(tx.QueryRowContext(ctx, `SELECT `+unitCols+` FROM units WHERE code = $1`, strings.TrimSpace(vn.NFC(code))))
	if err == sql.ErrNoRows {
		return u, problem.Errorf(problem.NotFound, "Không có đơn vị mã %q", code)
	}
	return u, tx.translate(err, "đơn vị")
}

// UnitsByIDs reads units, in Vietnamese name order.
func (tx *Tx) UnitsByIDs(ctx context.Context, ids []org.ID) ([]org.Unit, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var all []org.Unit
	for chunk := range chunks(ids, 500) {
		q, args := inList(`SELECT `+unitCols+` FROM units WHERE id IN `, chunk)
		us, err := scanUnits(tx.QueryContext(ctx, q, args...))
		if err != nil {
			return nil, tx.translate(err, "đơn vị")
		}
		all = append(all, us...)
	}
	org.SortByName(all)
	return all, nil
}

// UnitFilter selects units to list.
type UnitFilter struct {
	Query string    // words of the name, any accents and tone placement
	On    time.Time // valid on this day; zero: any
	Kind  org.Kind
	Limit int
}

// Units lists units in Vietnamese alphabetical order of their names.
func (tx *Tx) Units(ctx context.Context, f UnitFilter) ([]org.Unit, error) {
	var w filter
	if f.Query != "" {
		w.add(`name_key LIKE ? ESCAPE '\'`, containing(vn.Fold(vn.NFC(f.Query))))
	}
	if !f.On.IsZero() {
		d := f.On.Format(dateLayout)
		w.add("valid_from <= ? AND valid_to > ?", d, d)
	}
	if f.Kind != "" {
		w.add("kind = ?", f.Kind)
	}
	q := `SELECT ` + unitCols + ` FROM units` + w.where() + ` ORDER BY sort_key, id`
	if f.Limit > 0 {
		q += ` LIMIT ` + w.arg(f.Limit)
	}
	us, err := scanUnits(tx.QueryContext(ctx, q, w.args...))
	return us, tx.translate(err, "danh sách đơn vị")
}

// AddLink records that Parent directs Child over the link's span and updates
// the closure of Child and everything below it. A link that would make a
// unit direct itself through others is refused.
func (tx *Tx) AddLink(ctx context.Context, l org.Link) error {
	if err := l.Validate(); err != nil {
		return err
	}
	// Organisation changes run one at a time: the loop check below and the
	// closure recomputed after must not interleave with another change.
	if err := tx.Lock(ctx, "org"); err != nil {
		return err
	}
	var cycle int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM unit_closure WHERE ancestor_id = $1 AND descendant_id = $2`, l.Child, l.Parent).Scan(&cycle)
	if err != nil {
		return tx.translate(err, "cây tổ chức")
	}
	if cycle > 0 {
		return problem.Errorf(problem.Invalid, "Không thể để đơn vị cấp dưới chỉ đạo đơn vị cấp trên của nó (tạo vòng)")
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO unit_links (parent_id, child_id, valid_from, valid_to) VALUES ($1, $2, $3, $4)`,
		l.Parent, l.Child, fromText(l.Valid.From), endText(l.Valid.To))
	if err != nil {
		if isUnique(err) {
			return problem.Errorf(problem.Conflict, "Liên kết chỉ đạo này đã có")
		}
		return tx.translate(err, "liên kết chỉ đạo")
	}
	return tx.recomputeReach(ctx, []org.ID{l.Child})
}

// EndLink ends the open links from parent to child on day on (exclusive).
func (tx *Tx) EndLink(ctx context.Context, parent, child org.ID, on time.Time) error {
	if err := tx.Lock(ctx, "org"); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE unit_links SET valid_to = $3 WHERE parent_id = $1 AND child_id = $2 AND valid_to > $3 AND valid_from < $3`,
		parent, child, on.Format(dateLayout))
	if err != nil {
		return tx.translate(err, "liên kết chỉ đạo")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return problem.Errorf(problem.NotFound, "Không có liên kết chỉ đạo còn hiệu lực giữa hai đơn vị này")
	}
	return tx.recomputeReach(ctx, []org.ID{child})
}

// Links lists the direction links of units, as child.
func (tx *Tx) parentLinks(ctx context.Context, children []org.ID) (map[org.ID][]org.Link, error) {
	out := map[org.ID][]org.Link{}
	for chunk := range chunks(children, 500) {
		q, args := inList(`SELECT parent_id, child_id, valid_from, valid_to FROM unit_links WHERE child_id IN `, chunk)
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var l org.Link
			var from, to sql.NullString
			if err := rows.Scan(&l.Parent, &l.Child, &from, &to); err != nil {
				rows.Close()
				return nil, err
			}
			l.Valid = org.Span{From: parseDate(from), To: parseDate(to)}
			out[l.Child] = append(out[l.Child], l)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// recomputeReach rebuilds the closure rows of the given units and of all
// units they have ever directed: a change of a link or of a unit's validity
// changes who reaches everything below it. Each unit's reach is computed
// from its parents' (org.Reaching), in an order where parents come first.
func (tx *Tx) recomputeReach(ctx context.Context, starts []org.ID) error {
	affected := map[org.ID]bool{}
	for _, s := range starts {
		ids, err := scanIDs[org.ID](tx.QueryContext(ctx, `SELECT DISTINCT descendant_id FROM unit_closure WHERE ancestor_id = $1`, s))
		if err != nil {
			return tx.translate(err, "cây tổ chức")
		}
		affected[s] = true
		for _, id := range ids {
			affected[id] = true
		}
	}
	ids := make([]org.ID, 0, len(affected))
	for id := range affected {
		ids = append(ids, id)
	}
	links, err := tx.parentLinks(ctx, ids)
	if err != nil {
		return tx.translate(err, "cây tổ chức")
	}
	self, err := tx.unitSpans(ctx, ids)
	if err != nil {
		return tx.translate(err, "cây tổ chức")
	}
	// Parents outside the affected set keep their reach; read it once.
	var outside []org.ID
	for _, ls := range links {
		for _, l := range ls {
			if !affected[l.Parent] {
				outside = append(outside, l.Parent)
			}
		}
	}
	reach, err := tx.reaches(ctx, outside)
	if err != nil {
		return tx.translate(err, "cây tổ chức")
	}
	// Depth-first in parent order: a unit is computed after its parents.
	var visit func(id org.ID) org.Reach
	visit = func(id org.ID) org.Reach {
		if r, ok := reach[id]; ok {
			return r
		}
		reach[id] = nil // the graph is acyclic (AddLink checks); this only stops a loop in bad data
		r := org.Reaching(id, self[id], links[id], visit)
		reach[id] = r
		return r
	}
	var rows [][]any
	for _, id := range ids {
		for anc, spans := range visit(id) {
			for _, s := range spans {
				rows = append(rows, []any{anc, id, fromText(s.From), endText(s.To)})
			}
		}
	}
	// The roll-up sums are keyed by the closure: take these units' share
	// out, change the closure, put it back.
	if err := tx.recountUnits(ctx, ids, "-1"); err != nil {
		return err
	}
	for chunk := range chunks(ids, 500) {
		q, args := inList(`DELETE FROM unit_closure WHERE descendant_id IN `, chunk)
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return tx.translate(err, "cây tổ chức")
		}
	}
	if err := tx.insertRows(ctx, "unit_closure", "ancestor_id, descendant_id, valid_from, valid_to", 4, rows, ""); err != nil {
		return tx.translate(err, "cây tổ chức")
	}
	return tx.recountUnits(ctx, ids, "1")
}

// unitSpans reads the validity of units.
func (tx *Tx) unitSpans(ctx context.Context, ids []org.ID) (map[org.ID]org.Span, error) {
	out := make(map[org.ID]org.Span, len(ids))
	for chunk := range chunks(ids, 500) {
		q, args := inList(`SELECT id, valid_from, valid_to FROM units WHERE id IN `, chunk)
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id org.ID
			var from, to sql.NullString
			if err := rows.Scan(&id, &from, &to); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = org.Span{From: parseDate(from), To: parseDate(to)}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// reaches reads the stored closure of units, as descendants.
func (tx *Tx) reaches(ctx context.Context, ids []org.ID) (map[org.ID]org.Reach, error) {
	out := map[org.ID]org.Reach{}
	for chunk := range chunks(ids, 500) {
		q, args := inList(`SELECT ancestor_id, descendant_id, valid_from, valid_to FROM unit_closure WHERE descendant_id IN `, chunk)
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var anc, desc org.ID
			var from, to sql.NullString
			if err := rows.Scan(&anc, &desc, &from, &to); err != nil {
				rows.Close()
				return nil, err
			}
			if out[desc] == nil {
				out[desc] = org.Reach{}
			}
			out[desc][anc] = append(out[desc][anc], org.Span{From: parseDate(from), To: parseDate(to)})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Subtree lists the units root directs on day on, itself included, each
// once however many paths lead to it.
func (tx *Tx) Subtree(ctx context.Context, root org.ID, on time.Time) ([]org.ID, error) {
	ids, err := scanIDs[org.ID](tx.QueryContext(ctx, `SELECT descendant_id FROM unit_closure
		WHERE ancestor_id = $1 AND valid_from <= $2 AND valid_to > $2 ORDER BY descendant_id`, root, on.Format(dateLayout)))
	return ids, tx.translate(err, "cây tổ chức")
}

// Ancestors lists the units that direct id on day on, itself included.
func (tx *Tx) Ancestors(ctx context.Context, id org.ID, on time.Time) ([]org.ID, error) {
	ids, err := scanIDs[org.ID](tx.QueryContext(ctx, `SELECT ancestor_id FROM unit_closure
		WHERE descendant_id = $1 AND valid_from <= $2 AND valid_to > $2 ORDER BY ancestor_id`, id, on.Format(dateLayout)))
	return ids, tx.translate(err, "cây tổ chức")
}

// Directs reports whether a directs b on day on (a unit directs itself).
func (tx *Tx) Directs(ctx context.Context, a, b org.ID, on time.Time) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM unit_closure
		WHERE ancestor_id = $1 AND descendant_id = $2 AND valid_from <= $3 AND valid_to > $3`, a, b, on.Format(dateLayout)).Scan(&n)
	return n > 0, tx.translate(err, "cây tổ chức")
}

// Children lists the units id directs directly on day on, by name.
func (tx *Tx) Children(ctx context.Context, id org.ID, on time.Time) ([]org.Unit, error) {
	d := on.Format(dateLayout)
	us, err := scanUnits(tx.QueryContext(ctx, `SELECT DISTINCT `+prefixed("u.", unitCols)+` FROM unit_links l JOIN units u ON u.id = l.child_id
		WHERE l.parent_id = $1 AND l.valid_from <= $2 AND l.valid_to > $2 AND u.valid_from <= $2 AND u.valid_to > $2`, id, d))
	org.SortByName(us)
	return us, tx.translate(err, "đơn vị cấp dưới")
}

// Parents lists the units directing id directly on day on, by name.
func (tx *Tx) Parents(ctx context.Context, id org.ID, on time.Time) ([]org.Unit, error) {
	d := on.Format(dateLayout)
	us, err := scanUnits(tx.QueryContext(ctx, `SELECT DISTINCT `+prefixed("u.", unitCols)+` FROM unit_links l JOIN units u ON u.id = l.parent_id
		WHERE l.child_id = $1 AND l.valid_from <= $2 AND l.valid_to > $2 AND u.valid_from <= $2 AND u.valid_to > $2`, id, d))
	org.SortByName(us)
	return us, tx.translate(err, "đơn vị cấp trên")
}

// Roots lists the units nobody directs on day on.
func (tx *Tx) Roots(ctx context.Context, on time.Time) ([]org.Unit, error) {
	d := on.Format(dateLayout)
	us, err := scanUnits(tx.QueryContext(ctx, `SELECT `+unitCols+` FROM units u WHERE u.valid_from <= $1 AND u.valid_to > $1
		AND NOT EXISTS (SELECT 1 FROM unit_links l WHERE l.child_id = u.id AND l.valid_from <= $1 AND l.valid_to > $1)`, d))
	org.SortByName(us)
	return us, tx.translate(err, "đơn vị")
}

// Reorganise applies a merge, split, rename or close on its effective date:
// the old units end the day before, their open links end with them, and the
// new unit of a merge or rename takes over their children and (unless it
// has its own) their parents. Children of a split unit are relinked by the
// caller, who knows where each goes. History before the date is untouched.
func (tx *Tx) Reorganise(ctx context.Context, ev org.Event) (org.Event, error) {
	if err := ev.Validate(); err != nil {
		return ev, err
	}
	if err := tx.Lock(ctx, "org"); err != nil {
		return ev, err
	}
	on := ev.EffectiveOn.Format(dateLayout)
	for _, id := range append(append([]org.ID(nil), ev.From...), ev.To...) {
		if _, err := tx.Unit(ctx, id); err != nil {
			return ev, err
		}
	}
	err := tx.QueryRowContext(ctx, `INSERT INTO unit_events (kind, effective_on, note, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
		ev.Kind, on, ev.Note, timeText(tx.Now())).Scan(&ev.ID)
	if err != nil {
		return ev, tx.translate(err, "sự kiện tổ chức")
	}
	for side, ids := range map[string][]org.ID{"from": ev.From, "to": ev.To} {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `INSERT INTO unit_event_units (event_id, unit_id, side) VALUES ($1, $2, $3)`, ev.ID, id, side); err != nil {
				return ev, tx.translate(err, "sự kiện tổ chức")
			}
		}
	}
	if ev.Kind == org.Merge || ev.Kind == org.Rename {
		if err := tx.takeOver(ctx, ev.From, ev.To[0], ev.EffectiveOn); err != nil {
			return ev, err
		}
	}
	if ev.Kind == org.Split {
		for _, to := range ev.To {
			if err := tx.inheritParents(ctx, ev.From, to, ev.EffectiveOn); err != nil {
				return ev, err
			}
		}
	}
	for _, id := range ev.From {
		if _, err := tx.ExecContext(ctx, `UPDATE units SET valid_to = $2 WHERE id = $1 AND valid_to > $2`, id, on); err != nil {
			return ev, tx.translate(err, "đơn vị")
		}
		// Links of an ended unit end with it; links it was to start later
		// never take effect.
		if _, err := tx.ExecContext(ctx, `UPDATE unit_links SET valid_to = $2 WHERE (parent_id = $1 OR child_id = $1) AND valid_to > $2 AND valid_from < $2`, id, on); err != nil {
			return ev, tx.translate(err, "liên kết chỉ đạo")
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM unit_links WHERE (parent_id = $1 OR child_id = $1) AND valid_from >= $2`, id, on); err != nil {
			return ev, tx.translate(err, "liên kết chỉ đạo")
		}
	}
	return ev, tx.recomputeReach(ctx, append(append([]org.ID(nil), ev.From...), ev.To...))
}

// takeOver links the children of the old units under the new one from day
// on, and the old units' parents above it when it has none of its own.
func (tx *Tx) takeOver(ctx context.Context, from []org.ID, to org.ID, on time.Time) error {
	d := on.Format(dateLayout)
	for _, old := range from {
		_, err := tx.ExecContext(ctx, `INSERT INTO unit_links (parent_id, child_id, valid_from, valid_to)
			SELECT DISTINCT CAST($2 AS BIGINT), l.child_id, CASE WHEN l.valid_from > $3 THEN l.valid_from ELSE CAST($3 AS TEXT) END, l.valid_to FROM unit_links l
			WHERE l.parent_id = $1 AND l.valid_to > $3 AND l.child_id <> $2
			AND NOT EXISTS (SELECT 1 FROM unit_links x WHERE x.parent_id = $2 AND x.child_id = l.child_id AND x.valid_from = $3)`, old, to, d)
		if err != nil {
			return tx.translate(err, "liên kết chỉ đạo")
		}
	}
	return tx.inheritParents(ctx, from, to, on)
}

// inheritParents gives unit to the open parents of the old units from day
// on, unless it already has parents of its own then.
func (tx *Tx) inheritParents(ctx context.Context, from []org.ID, to org.ID, on time.Time) error {
	d := on.Format(dateLayout)
	var own int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM unit_links WHERE child_id = $1 AND valid_to > $2`, to, d).Scan(&own); err != nil {
		return tx.translate(err, "liên kết chỉ đạo")
	}
	if own > 0 {
		return nil
	}
	for _, old := range from {
		_, err := tx.ExecContext(ctx, `INSERT INTO unit_links (parent_id, child_id, valid_from, valid_to)
			SELECT DISTINCT l.parent_id, CAST($2 AS BIGINT), CASE WHEN l.valid_from > $3 THEN l.valid_from ELSE CAST($3 AS TEXT) END, l.valid_to FROM unit_links l
			WHERE l.child_id = $1 AND l.valid_to > $3 AND l.parent_id <> $2
			AND NOT EXISTS (SELECT 1 FROM unit_links x WHERE x.child_id = $2 AND x.parent_id = l.parent_id AND x.valid_from = $3)`, old, to, d)
		if err != nil {
			return tx.translate(err, "liên kết chỉ đạo")
		}
	}
	return nil
}

// Events lists the reorganisation events touching a unit, oldest first.
func (tx *Tx) Events(ctx context.Context, unit org.ID) ([]org.Event, error) {
	rows, err := tx.QueryContext(ctx, `SELECT e.id, e.kind, e.effective_on, e.note FROM unit_events e
		WHERE EXISTS (SELECT 1 FROM unit_event_units x WHERE x.event_id = e.id AND ($1 = 0 OR x.unit_id = $1))
		ORDER BY e.effective_on, e.id`, unit)
	if err != nil {
		return nil, tx.translate(err, "sự kiện tổ chức")
	}
	var evs []org.Event
	for rows.Next() {
		var e org.Event
		var on sql.NullString
		if err := rows.Scan(&e.ID, &e.Kind, &on, &e.Note); err != nil {
			rows.Close()
			return nil, tx.translate(err, "sự kiện tổ chức")
		}
		e.EffectiveOn = parseDate(on)
		evs = append(evs, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, tx.translate(err, "sự kiện tổ chức")
	}
	for i := range evs {
		rows, err := tx.QueryContext(ctx, `SELECT unit_id, side FROM unit_event_units WHERE event_id = $1 ORDER BY unit_id`, evs[i].ID)
		if err != nil {
			return nil, tx.translate(err, "sự kiện tổ chức")
		}
		for rows.Next() {
			var id org.ID
			var side string
			if err := rows.Scan(&id, &side); err != nil {
				rows.Close()
				return nil, tx.translate(err, "sự kiện tổ chức")
			}
			if side == "from" {
				evs[i].From = append(evs[i].From, id)
			} else {
				evs[i].To = append(evs[i].To, id)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, tx.translate(err, "sự kiện tổ chức")
		}
	}
	return evs, nil
}

// SetTerm records a party committee's term.
func (tx *Tx) SetTerm(ctx context.Context, t org.Term) error {
	if t.Starts.IsZero() || !t.Ends.After(t.Starts) {
		return problem.Errorf(problem.Invalid, "Nhiệm kỳ phải có ngày bắt đầu và ngày kết thúc sau đó")
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO unit_terms (unit_id, starts_on, ends_on, name) VALUES ($1, $2, $3, $4)
		ON CONFLICT (unit_id, starts_on) DO UPDATE SET ends_on = excluded.ends_on, name = excluded.name`,
		t.Unit, t.Starts.Format(dateLayout), t.Ends.Format(dateLayout), t.Name)
	return tx.translate(err, "nhiệm kỳ")
}

// TermOn finds the term of unit that contains day on.
func (tx *Tx) TermOn(ctx context.Context, unit org.ID, on time.Time) (org.Term, error) {
	t := org.Term{Unit: unit}
	var s, e sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT starts_on, ends_on, name FROM unit_terms WHERE unit_id = $1 AND starts_on <= $2 AND ends_on > $2
		ORDER BY starts_on DESC LIMIT 1`, unit, on.Format(dateLayout)).Scan(&s, &e, &t.Name)
	if err == sql.ErrNoRows {
		return t, problem.Errorf(problem.NotFound, "Chưa khai báo nhiệm kỳ của đơn vị chứa ngày %s", vn.FormatDate(on))
	}
	t.Starts, t.Ends = parseDate(s), parseDate(e)
	return t, tx.translate(err, "nhiệm kỳ")
}

// SetFigure records a dated denominator of a unit.
func (tx *Tx) SetFigure(ctx context.Context, f org.Figure) error {
	if f.Value < 0 || f.Measure == "" || f.AsOf.IsZero() {
		return problem.Errorf(problem.Invalid, "Số liệu đơn vị phải có loại, ngày và giá trị không âm")
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO unit_figures (unit_id, measure, as_of, value) VALUES ($1, $2, $3, $4)
		ON CONFLICT (unit_id, measure, as_of) DO UPDATE SET value = excluded.value`, f.Unit, f.Measure, f.AsOf.Format(dateLayout), f.Value)
	return tx.translate(err, "số liệu đơn vị")
}

// FigureOn is the latest value of a measure of unit known on day on; ok is
// false when none is recorded.
func (tx *Tx) FigureOn(ctx context.Context, unit org.ID, measure string, on time.Time) (v int64, ok bool, err error) {
	err = tx.QueryRowContext(ctx, `SELECT value FROM unit_figures WHERE unit_id = $1 AND measure = $2 AND as_of <= $3
		ORDER BY as_of DESC LIMIT 1`, unit, measure, on.Format(dateLayout)).Scan(&v)
	if err == sql.ErrNoRows {
		return 0, false, nil
	}
	return v, err == nil, tx.translate(err, "số liệu đơn vị")
}

// familyOf is a unit's format family, for code that has only the id.
func (tx *Tx) familyOf(ctx context.Context, id org.ID) (document.Family, error) {
	var f document.Family
	err := tx.QueryRowContext(ctx, `SELECT family FROM units WHERE id = $1`, id).Scan(&f)
	return f, tx.translate(err, "đơn vị")
}
