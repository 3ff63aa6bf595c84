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

// RegisterEntry is a document's line in one unit's register.
type RegisterEntry struct {
	ID        int64
	Document  document.Document
	Unit      org.ID
	Register  document.Register
	No        int64     // số đến (incoming) or the number allocated (outgoing); 0 in the reference register
	On        time.Time // ngày đến, ngày đi, or the day it was filed
	CreatedAt time.Time
}

// registerNames are the registers in the clerks' words.
var registerNames = map[document.Register]string{
	document.Incoming:  "sổ văn bản đến",
	document.Outgoing:  "sổ văn bản đi",
	document.Reference: "sổ lưu tham khảo",
}

// RegisterName is a register in the clerks' words: "sổ văn bản đến".
func RegisterName(r document.Register) string { return registerNames[r] }

// Enter puts a stored document in a unit's register on day on. An incoming
// entry takes the unit's next arrival number of that year; an outgoing one
// records no, the number allocated to the document. A document is in each
// register of a unit at most once.
func (tx *Tx) Enter(ctx context.Context, doc document.ID, unit org.ID, reg document.Register, on time.Time, no int64) (RegisterEntry, error) {
	e := RegisterEntry{Document: document.Document{ID: doc}, Unit: unit, Register: reg, On: on, CreatedAt: tx.Now()}
	name, ok := registerNames[reg]
	if !ok {
		return e, problem.Errorf(problem.Invalid, "Sổ %q không có (đến, đi, tham khảo)", reg)
	}
	if on.IsZero() {
		return e, problem.Errorf(problem.Invalid, "Vào sổ phải có ngày")
	}
	switch reg {
	case document.Incoming:
		var err error
		if no, err = tx.NextArrival(ctx, unit, on); err != nil {
			return e, err
		}
	case document.Reference:
		no = 0
	}
	e.No = no
	err := tx.QueryRowContext(ctx, `INSERT INTO register_entries (document_id, unit_id, register, entry_no, entry_on, created_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, doc, unit, reg, nullID(no), on.Format(dateLayout), timeText(e.CreatedAt)).Scan(&e.ID)
	if isUnique(err) {
		return e, problem.Errorf(problem.Conflict, "Văn bản này đã có trong %s của đơn vị", name)
	}
	if err != nil {
		return e, tx.translate(err, "sổ văn bản")
	}
	e.Document, err = tx.Document(ctx, doc)
	return e, err
}

// RegisterFilter selects the lines of a unit's register.
type RegisterFilter struct {
	Unit     org.ID
	Register document.Register // empty: every register of the unit
	DocType  string            // "Hướng dẫn"; empty: any
	Issuer   string            // words of the issuer, any accents; empty: any
	From, To time.Time         // entry days, both included; zero: open
	Status   document.Status   // empty: any
	Query    string            // words of the number and notation, type or subject, any accents
	Limit    int               // 0: 50
	Offset   int
}

// RegisterPage is one page of a register, and how many lines match in all.
type RegisterPage struct {
	Entries []RegisterEntry
	Total   int
}

// RegisterEntries lists the lines of a unit's register that match f, the
// latest entry first.
func (tx *Tx) RegisterEntries(ctx context.Context, f RegisterFilter) (RegisterPage, error) {
	var page RegisterPage
	if f.Unit == 0 {
		return page, problem.Errorf(problem.Invalid, "Hãy chọn đơn vị có sổ cần xem")
	}
	var w filter
	w.add("e.unit_id = ?", f.Unit)
	if f.Register != "" {
		w.add("e.register = ?", f.Register)
	}
	if t := strings.TrimSpace(vn.NFC(f.DocType)); t != "" {
		w.add("d.doc_type = ?", t)
	}
	if issuer := vn.Fold(vn.NFC(f.Issuer)); strings.TrimSpace(issuer) != "" {
		w.add(`d.issuer_key LIKE ? ESCAPE '\'`, containing(issuer))
	}
	if !f.From.IsZero() {
		w.add("e.entry_on >= ?", f.From.Format(dateLayout))
	}
	if !f.To.IsZero() {
		w.add("e.entry_on <= ?", f.To.Format(dateLayout))
	}
	if f.Status != "" {
		w.add("d.status = ?", f.Status)
	}
	for _, word := range strings.Fields(vn.Fold(vn.NFC(f.Query))) {
		w.add(`d.search_key LIKE ? ESCAPE '\'`, containing(word))
	}
	from := ` FROM register_entries e JOIN documents d ON d.id = e.document_id` + w.where()
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*)`+from, w.args...).Scan(&page.Total); err != nil {
		return page, tx.translate(err, "sổ văn bản")
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	q := `SELECT e.id, e.document_id, e.register, e.entry_no, e.entry_on, e.created_at` + from +
		` ORDER BY e.entry_on DESC, e.id DESC LIMIT ` + w.arg(limit) + ` OFFSET ` + w.arg(max(f.Offset, 0))
	rows, err := tx.QueryContext(ctx, q, w.args...)
	if err != nil {
		return page, tx.translate(err, "sổ văn bản")
	}
	var ids []document.ID
	for rows.Next() {
		e := RegisterEntry{Unit: f.Unit}
		var no sql.NullInt64
		var on, created sql.NullString
		if err := rows.Scan(&e.ID, &e.Document.ID, &e.Register, &no, &on, &created); err != nil {
			rows.Close()
			return page, tx.translate(err, "sổ văn bản")
		}
		e.No, e.On, e.CreatedAt = no.Int64, parseDate(on), parseTime(created)
		page.Entries = append(page.Entries, e)
		ids = append(ids, e.Document.ID)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return page, tx.translate(err, "sổ văn bản")
	}
	docs, err := tx.DocumentsByID(ctx, ids)
	if err != nil {
		return page, err
	}
	for i := range page.Entries {
		page.Entries[i].Document = docs[page.Entries[i].Document.ID]
	}
	return page, nil
}

// containing is a LIKE pattern for text containing s, its wildcards escaped.
func containing(s string) string {
	return "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s) + "%"
}

// Duplicates lists the stored documents a clerk may be registering again:
// the same number and notation from the same issuer on the same day, or
// the same file (sha, as BlobKey gives it; empty: not compared). Drafts
// are not documents yet and never count.
func (tx *Tx) Duplicates(ctx context.Context, m document.Metadata, sha string) ([]document.Document, error) {
	return tx.documents(ctx, `SELECT `+docCols+` FROM documents WHERE status <> 'draft'
		AND ((ref_key = $1 AND ref_key <> '' AND issuer_key = $2 AND COALESCE(issued_on, '') = $3) OR file_sha256 = $4)
		ORDER BY id`, document.RefKey(m.NumberSymbol), vn.Fold(strings.TrimSpace(vn.NFC(m.Issuer))), m.Date, sha)
}

// SameDocument finds the stored document m describes (same number and
// notation, issuer and date), so that a document that reaches several
// units is kept once and entered in each register. ok is false when there
// is none, or when several match and none can be told apart.
func (tx *Tx) SameDocument(ctx context.Context, m document.Metadata) (document.ID, bool, error) {
	if document.RefKey(m.NumberSymbol) == "" {
		return 0, false, nil
	}
	ids, err := scanIDs[document.ID](tx.QueryContext(ctx, `SELECT id FROM documents WHERE status <> 'draft'
		AND ref_key = $1 AND issuer_key = $2 AND COALESCE(issued_on, '') = $3 ORDER BY id LIMIT 2`,
		document.RefKey(m.NumberSymbol), vn.Fold(strings.TrimSpace(vn.NFC(m.Issuer))), m.Date))
	if err != nil || len(ids) != 1 {
		return 0, false, tx.translate(err, "văn bản")
	}
	return ids[0], true, nil
}

// RegisterEntriesOf lists the register lines of a document, in every unit.
func (tx *Tx) RegisterEntriesOf(ctx context.Context, doc document.ID) ([]RegisterEntry, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, unit_id, register, entry_no, entry_on, created_at FROM register_entries
		WHERE document_id = $1 ORDER BY id`, doc)
	if err != nil {
		return nil, tx.translate(err, "sổ văn bản")
	}
	defer rows.Close()
	var out []RegisterEntry
	for rows.Next() {
		e := RegisterEntry{Document: document.Document{ID: doc}}
		var no sql.NullInt64
		var on, created sql.NullString
		if err := rows.Scan(&e.ID, &e.Unit, &e.Register, &no, &on, &created); err != nil {
			return nil, tx.translate(err, "sổ văn bản")
		}
		e.No, e.On, e.CreatedAt = no.Int64, parseDate(on), parseTime(created)
		out = append(out, e)
	}
	return out, tx.translate(rows.Err(), "sổ văn bản")
}
