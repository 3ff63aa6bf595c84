package store

import (
	"context"
	"strconv"
	"strings"
	"unicode"

	"lantoa/internal/document"
	"lantoa/internal/vn"
)

// The search index holds, per document, its words folded in Go: lower
// case, no diacritics, đ as d (vn.Fold, the folding of the parser, so
// both tone placements and a lost accent fold alike), cut into runs of
// letters and digits and joined by single spaces. Neither engine then
// has anything left to decide: FTS5's unicode61 and PostgreSQL's 'simple'
// configuration (no stemming, no stop words) both just split on the
// spaces, and a query folded the same way matches the same documents on
// both. Folding on the server (FTS5's remove_diacritics, PostgreSQL's
// unaccent) would not: FTS5 keeps đ, and the two disagree on punctuation
// ("12-CT/TW" is one word to PostgreSQL's parser, three to FTS5).

// maxIndexedBody bounds the folded body that is indexed (bytes): a
// PostgreSQL tsvector holds at most 1 MB, and the same bound on both
// engines keeps their results alike.
const maxIndexedBody = 200_000

// searchWords folds s and cuts it into words of letters and digits.
func searchWords(s string) []string {
	return strings.FieldsFunc(vn.Fold(vn.NFC(s)), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// indexText is the folded words of the parts, one space apart, at most
// limit bytes (0: no limit), cut between words.
func indexText(limit int, parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		for _, w := range searchWords(p) {
			if limit > 0 && b.Len()+1+len(w) > limit {
				return b.String()
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
	}
	return b.String()
}

// Every word of a document is indexed as it is, and the words of its
// heading, of what identifies it and of its number once more, behind a
// mark: "word in the heading" is then a word of its own, which both
// engines look up alike. PostgreSQL's weights would say the same, but its
// planner cannot estimate a weighted word (it guesses, and a wrong guess
// scans the table in id order) and must read each row again to check the
// weight. The marks start with a digit and a letter, so no Vietnamese word
// folds to them.
const (
	headMark  = "0h" // in the heading: number and notation, type, issuer, subject, signer
	identMark = "0i" // in what identifies the document: number and notation, type, issuer
	numMark   = "0n" // the document's number

	// bucketMark files a document on PostgreSQL under its bucket of ids,
	// 2^bucketBits to a bucket ("0b61": ids 999,424 to 1,015,807), which
	// lets a search ask the newest documents first (rankPostgres).
	bucketMark = "0b"
	bucketBits = 14
)

// newestBuckets is how many buckets, about 130,000 documents, a
// PostgreSQL search asks before it asks the whole index.
const newestBuckets = 8

// bucketTerm is the word filing a document under its bucket.
func bucketTerm(id document.ID) string {
	return bucketMark + strconv.FormatInt(int64(id)>>bucketBits, 10)
}

// searchRow is a document's line in the index: its id and its words.
type searchRow struct {
	id    document.ID
	words string
}

func newSearchRow(id document.ID, number, numberSymbol, docType, issuer, subject, signer, body string) searchRow {
	ident, head, num := indexText(0, numberSymbol, docType, issuer), indexText(0, subject, signer), indexText(0, number)
	var b strings.Builder
	b.WriteString(strings.TrimSpace(ident + " " + head + " " + num))
	for _, part := range []struct{ mark, text string }{{headMark, ident + " " + head}, {identMark, ident}, {numMark, num}} {
		seen := map[string]bool{}
		for _, w := range strings.Fields(part.text) {
			if !seen[w] {
				seen[w] = true
				b.WriteString(" " + part.mark + w)
			}
		}
	}
	if body = indexText(maxIndexedBody, body); body != "" {
		b.WriteString(" " + body)
	}
	return searchRow{id: id, words: strings.TrimSpace(b.String())}
}

// searchSource reads what the index needs of documents.
const searchSource = `SELECT id, number, number_symbol, doc_type, issuer, subject, signer_name, body FROM documents`

// reindexDocument writes a document's line of the index from what is
// stored now; every write of a document's text calls it in its own
// transaction, so the index never lags behind.
func (tx *Tx) reindexDocument(ctx context.Context, id document.ID) error {
	rows, err := tx.searchRows(ctx, searchSource+` WHERE id = $1`, id)
	if err != nil {
		return err
	}
	if tx.engine == SQLite {
		if _, err := tx.ExecContext(ctx, `DELETE FROM document_fts WHERE rowid = $1`, id); err != nil {
			return tx.translate(err, "chỉ mục tìm kiếm")
		}
	}
	return tx.putSearchRows(ctx, rows)
}

// searchRows reads documents as index lines.
func (tx *Tx) searchRows(ctx context.Context, q string, args ...any) ([]searchRow, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, tx.translate(err, "chỉ mục tìm kiếm")
	}
	defer rows.Close()
	var out []searchRow
	for rows.Next() {
		var id document.ID
		var number, numberSymbol, typ, issuer, subject, signer, body string
		if err := rows.Scan(&id, &number, &numberSymbol, &typ, &issuer, &subject, &signer, &body); err != nil {
			return nil, tx.translate(err, "chỉ mục tìm kiếm")
		}
		out = append(out, newSearchRow(id, number, numberSymbol, typ, issuer, subject, signer, body))
	}
	return out, tx.translate(rows.Err(), "chỉ mục tìm kiếm")
}

// putSearchRows adds lines to the index, many per statement. On
// PostgreSQL a line already there is replaced; on SQLite the caller
// deletes it first (a contentless FTS5 table has no conflict target).
func (tx *Tx) putSearchRows(ctx context.Context, rows []searchRow) error {
	for batch := range chunks(rows, 200) {
		q := make([]byte, 0, 64*len(batch))
		args := make([]any, 0, 2*len(batch))
		if tx.engine == SQLite {
			q = append(q, "INSERT INTO document_fts (rowid, words) VALUES "...)
		} else {
			q = append(q, "INSERT INTO document_search (document_id, tsv) VALUES "...)
		}
		for i, r := range batch {
			if i > 0 {
				q = append(q, ',')
			}
			words := r.words
			if tx.engine == Postgres {
				words += " " + bucketTerm(r.id)
			}
			args = append(args, r.id, words)
			id, words := "$"+itoa(len(args)-1), "$"+itoa(len(args))
			if tx.engine == SQLite {
				q = append(q, "("+id+", "+words+")"...)
			} else {
				q = append(q, "("+id+", strip(to_tsvector('simple', "+words+")))"...)
			}
		}
		if tx.engine == Postgres {
			q = append(q, " ON CONFLICT (document_id) DO UPDATE SET tsv = EXCLUDED.tsv"...)
		}
		if _, err := tx.ExecContext(ctx, string(q), args...); err != nil {
			return tx.translate(err, "chỉ mục tìm kiếm")
		}
	}
	return nil
}

func init() { goSteps[6] = fillSearchIndex }

// fillSearchIndex indexes the documents a database already holds, a
// thousand at a time so that a large archive is not read at once.
func fillSearchIndex(ctx context.Context, tx *Tx) error {
	var last document.ID
	for {
		rows, err := tx.searchRows(ctx, searchSource+` WHERE id > $1 ORDER BY id LIMIT 1000`, last)
		if err != nil || len(rows) == 0 {
			return err
		}
		if err := tx.putSearchRows(ctx, rows); err != nil {
			return err
		}
		last = rows[len(rows)-1].id
	}
}
