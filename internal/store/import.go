package store

import (
	"context"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
)

// DocumentsByFile maps each of the file keys (BlobKey) that a stored,
// non-draft document was read from to that document: a bulk import asks
// once per batch which files are already in.
func (tx *Tx) DocumentsByFile(ctx context.Context, shas []string) (map[string]document.ID, error) {
	out := make(map[string]document.ID, len(shas))
	for chunk := range chunks(shas, 500) {
		q, args := inList(`SELECT file_sha256, MIN(id) FROM documents WHERE status <> 'draft' AND file_sha256 IN `, chunk)
		rows, err := tx.QueryContext(ctx, q+` GROUP BY file_sha256`, args...)
		if err != nil {
			return nil, tx.translate(err, "văn bản")
		}
		for rows.Next() {
			var sha string
			var id document.ID
			if err := rows.Scan(&sha, &id); err != nil {
				rows.Close()
				return nil, tx.translate(err, "văn bản")
			}
			out[sha] = id
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, tx.translate(err, "văn bản")
		}
	}
	return out, nil
}

// InRegister reports which of the documents already have a line in the
// unit's register reg, so that an import enters each at most once (Enter
// would refuse, and on PostgreSQL the refusal spoils the transaction).
func (tx *Tx) InRegister(ctx context.Context, unit org.ID, reg document.Register, ids []document.ID) (map[document.ID]bool, error) {
	out := make(map[document.ID]bool, len(ids))
	for chunk := range chunks(ids, 500) {
		q, args := inList(`SELECT document_id FROM register_entries WHERE unit_id = $1 AND register = $2 AND document_id IN `, chunk, unit, reg)
		found, err := scanIDs[document.ID](tx.QueryContext(ctx, q, args...))
		if err != nil {
			return nil, tx.translate(err, "sổ văn bản")
		}
		for _, id := range found {
			out[id] = true
		}
	}
	return out, nil
}

// FileForReference puts documents in a unit's reference register on day
// on, in a few statements: a bulk import files hundreds at once, and
// Enter reads each document back. Documents already there are left as
// they are.
func (tx *Tx) FileForReference(ctx context.Context, unit org.ID, on time.Time, ids []document.ID) error {
	day, now := on.Format(dateLayout), timeText(tx.Now())
	rows := make([][]any, len(ids))
	for i, id := range ids {
		rows[i] = []any{id, unit, document.Reference, day, now}
	}
	err := tx.insertRows(ctx, "register_entries", "document_id, unit_id, register, entry_on, created_at", 5, rows,
		" ON CONFLICT (document_id, unit_id, register) DO NOTHING")
	return tx.translate(err, "sổ văn bản")
}
