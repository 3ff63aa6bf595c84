package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/vn"
)

// SearchFilter is a full-text search of documents and where it looks.
// Which documents a person may find is decided by the caller (package
// app) and given here as Units, Account and System.
type SearchFilter struct {
	Query string // words of the number and notation, type, issuer, subject, signer or body; any accents, tone placement or case

	// Units limits the search to documents concerning these units: in one
	// of their registers, issued by one, or assigning one work. Empty: no
	// unit, unless System.
	Units []org.ID
	// System searches as the system: without Units every document, and
	// confidential documents in full.
	System bool
	// Account is the person searching: the confidential documents granted
	// to them are searched in full, wherever they are. The other
	// confidential documents of Units are found only by what identifies
	// them (number and notation, type, issuer), never by their content.
	Account int64

	DocType  string            // "Hướng dẫn"; empty: any
	Issuer   string            // words of the issuer, any accents; empty: any
	Register document.Register // in this register of one of Units (of any unit, for the system without Units)
	Status   document.Status   // empty: any
	From, To time.Time         // the document's date, both included; zero: open
	Limit    int               // 0: 20
	Offset   int
}

// SearchHit is a document found, and the words around what matched.
type SearchHit struct {
	Document document.Document
	// Open is false for a confidential document the searcher is not
	// granted: the snippet then shows only what identifies it.
	Open    bool
	Snippet Snippet
	// Entry is the document's latest line in a register of the units
	// searched (in Register, when given); nil when it has none there.
	Entry *RegisterEntry
}

// SearchPage is a page of results, the best first, and how many there are.
type SearchPage struct {
	Hits  []SearchHit
	Total int      // documents found, counted up to SearchCountLimit
	More  bool     // more than SearchCountLimit were found: Total is that limit
	Terms []string // the folded words searched for
}

// SearchCountLimit bounds what a search counts and pages through: words
// found in most of a million documents are counted no further, and a
// person refines the words rather than reading page 60.
const SearchCountLimit = 1000

// SearchDocuments finds the documents whose text holds every word of the
// query, however accented, in four tiers: the document whose number and
// notation is the query; those holding every word in what identifies them
// or their heading (number, type, issuer, subject, signer) and numbered by
// one of the words ("chi thi 12 doi ngoai": Chỉ thị 12-CT/TW before the
// guides that quote it); the others holding every word there; those where
// some word is only in the body. Within a tier the latest entered comes
// first. Each tier is a yes/no question to the index and the order is the
// document id, which the index keeps: no engine's relevance score (FTS5's
// bm25 and PostgreSQL's ts_rank differ), so both engines give the same
// documents in the same order, and a page is read without sorting every
// document that holds a common word.
func (tx *Tx) SearchDocuments(ctx context.Context, f SearchFilter) (SearchPage, error) {
	page := SearchPage{Terms: SearchTerms(f.Query)}
	if len(page.Terms) == 0 {
		return page, problem.Errorf(problem.Invalid, "Hãy gõ vài chữ cần tìm: số, ký hiệu, trích yếu hoặc lời trong văn bản")
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 20
	}
	offset := min(max(f.Offset, 0), SearchCountLimit)
	want := min(offset+limit, SearchCountLimit)
	m := tx.searchMatch()
	terms := page.Terms
	var numeric []string // only a word with a digit can be a document's number
	for _, t := range terms {
		if strings.ContainsAny(t, "0123456789") {
			numeric = append(numeric, t)
		}
	}
	heading, everywhere := m.all(terms, headMark), m.all(terms, "")
	// Each tier is a question to the index; the first, empty, is the
	// notation, found by the documents' own index.
	r := ranking{f: f, m: m, terms: terms, everywhere: everywhere, tiers: []string{""}}
	if len(numeric) > 0 {
		numbered := m.any(numeric, numMark)
		r.tiers = append(r.tiers, m.and(heading, numbered), m.andNot(heading, numbered))
	} else {
		r.tiers = append(r.tiers, heading)
	}
	r.tiers = append(r.tiers, m.andNot(everywhere, heading))
	rank := tx.rankSQLite
	if tx.engine == Postgres {
		rank = tx.rankPostgres
	}
	ranked, err := rank(ctx, r, want)
	if err != nil {
		return page, tx.translate(err, "tìm kiếm")
	}
	page.Total, page.More = ranked.total, ranked.more
	ids, opened := ranked.ids, ranked.open
	if offset >= len(ids) {
		return page, nil
	}
	ids = ids[offset:]
	docs, err := tx.DocumentsByID(ctx, ids)
	if err != nil {
		return page, err
	}
	var openIDs []document.ID
	for _, id := range ids {
		if opened[id] {
			openIDs = append(openIDs, id)
		}
	}
	bodies, err := tx.documentBodies(ctx, openIDs)
	if err != nil {
		return page, err
	}
	entries, err := tx.latestEntries(ctx, ids, f.Units, f.Register)
	if err != nil {
		return page, err
	}
	for _, id := range ids {
		d := docs[id]
		h := SearchHit{Document: d, Open: opened[id], Entry: entries[id]}
		if h.Entry != nil {
			h.Entry.Document = d
		}
		if h.Open {
			h.Snippet = MakeSnippet(terms, d.Subject, bodies[id])
		} else {
			h.Snippet = MakeSnippet(terms, strings.TrimSpace(d.DocType+" "+d.NumberSymbol+" "+d.Issuer), "")
		}
		page.Hits = append(page.Hits, h)
	}
	return page, nil
}

// searchConditions adds to w the filters of f and who may find what, and
// returns the condition true when the searcher may read a document's
// content (it shares w's arguments).
func (tx *Tx) searchConditions(w *filter, m searchMatch, f SearchFilter, terms []string) (open string) {
	open = "1 = 1"
	if !f.System {
		open = "(d.confidentiality = '' OR EXISTS (SELECT 1 FROM document_grants g WHERE g.document_id = d.id AND g.account_id = " + w.arg(f.Account) + "))"
	}
	units, scope := "", ""
	if len(f.Units) > 0 {
		units = list(w, f.Units)
		scope = `(d.issuer_unit_id IN ` + units +
			` OR EXISTS (SELECT 1 FROM register_entries e WHERE e.document_id = d.id AND e.unit_id IN ` + units + `)` +
			` OR EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = d.id AND a.assignee_id IN ` + units + `))`
	}
	switch {
	case f.System && scope != "":
		w.add(scope)
	case !f.System && scope == "":
		w.add(`d.confidentiality <> '' AND ` + open) // only what was granted
	case !f.System:
		// A confidential document not granted is found only by the words
		// of what identifies it.
		w.add(`((d.confidentiality = '' AND ` + scope + `) OR (d.confidentiality <> '' AND (` + open + ` OR (` + scope + ` AND ` +
			m.cond(w, m.all(terms, identMark)) + `))))`)
	}
	if f.Register != "" {
		inUnits := ""
		if units != "" {
			inUnits = ` AND e.unit_id IN ` + units
		}
		w.add(`EXISTS (SELECT 1 FROM register_entries e WHERE e.document_id = d.id AND e.register = ?`+inUnits+`)`, f.Register)
	}
	if t := strings.TrimSpace(vn.NFC(f.DocType)); t != "" {
		w.add("d.doc_type = ?", t)
	}
	if issuer := strings.TrimSpace(vn.Fold(vn.NFC(f.Issuer))); issuer != "" {
		w.add(`d.issuer_key LIKE ? ESCAPE '\'`, containing(issuer))
	}
	if f.Status != "" {
		w.add("d.status = ?", f.Status)
	}
	if !f.From.IsZero() {
		w.add("d.issued_on >= ?", f.From.Format(dateLayout))
	}
	if !f.To.IsZero() {
		w.add("d.issued_on <= ?", f.To.Format(dateLayout))
	}
	return open
}

// SearchTerms are the folded words of a query, each once: what a search
// looks for (none: nothing to search).
func SearchTerms(q string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range searchWords(q) {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// list adds the values as arguments and returns "($a, $b, …)".
func list[T any](f *filter, vals []T) string {
	var b strings.Builder
	b.WriteByte('(')
	for i, v := range vals {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(f.arg(v))
	}
	b.WriteByte(')')
	return b.String()
}

// latestEntries finds each document's latest line in a register of the
// units (in reg, when given).
func (tx *Tx) latestEntries(ctx context.Context, ids []document.ID, units []org.ID, reg document.Register) (map[document.ID]*RegisterEntry, error) {
	out := map[document.ID]*RegisterEntry{}
	if len(ids) == 0 || len(units) == 0 {
		return out, nil
	}
	var w filter
	w.add(`e.document_id IN ` + list(&w, ids))
	w.add(`e.unit_id IN ` + list(&w, units))
	if reg != "" {
		w.add(`e.register = ?`, reg)
	}
	rows, err := tx.QueryContext(ctx, `SELECT e.id, e.document_id, e.unit_id, e.register, e.entry_no, e.entry_on, e.created_at
		FROM register_entries e`+w.where()+` ORDER BY e.entry_on DESC, e.id DESC`, w.args...)
	if err != nil {
		return nil, tx.translate(err, "sổ văn bản")
	}
	defer rows.Close()
	for rows.Next() {
		var e RegisterEntry
		var no sql.NullInt64
		var on, created sql.NullString
		if err := rows.Scan(&e.ID, &e.Document.ID, &e.Unit, &e.Register, &no, &on, &created); err != nil {
			return nil, tx.translate(err, "sổ văn bản")
		}
		e.No, e.On, e.CreatedAt = no.Int64, parseDate(on), parseTime(created)
		if out[e.Document.ID] == nil {
			out[e.Document.ID] = &e
		}
	}
	return out, tx.translate(rows.Err(), "sổ văn bản")
}

// documentBodies reads the text of documents.
func (tx *Tx) documentBodies(ctx context.Context, ids []document.ID) (map[document.ID]string, error) {
	out := make(map[document.ID]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	q, args := inList(`SELECT id, body FROM documents WHERE id IN `, ids)
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, tx.translate(err, "văn bản")
	}
	defer rows.Close()
	for rows.Next() {
		var id document.ID
		var body string
		if err := rows.Scan(&id, &body); err != nil {
			return nil, tx.translate(err, "văn bản")
		}
		out[id] = body
	}
	return out, tx.translate(rows.Err(), "văn bản")
}

// searchMatch writes an engine's questions to its index. The terms are
// folded words of letters and digits only, so they need no quoting beyond
// the engine's own word syntax. An expression is the engine's query
// language (FTS5's MATCH, a tsquery): all and any build one from terms
// behind a mark (search_index.go; "" for any word of the document), and
// and andNot combine two, match and cond ask it.
type searchMatch struct {
	engine             Engine
	from, order        string // the join driven by the index, newest first
	fromDocuments      string // the same tables driven by documents' own indexes
	fromIndex, indexID string // the index alone, and its document id
}

func (tx *Tx) searchMatch() searchMatch {
	if tx.engine == SQLite {
		// Ordered by the FTS5 rowid (the document id), the index hands out
		// matches newest first and the LIMIT stops it early.
		return searchMatch{tx.engine, `FROM document_fts JOIN documents d ON d.id = document_fts.rowid`, `document_fts.rowid DESC`,
			`FROM documents d`, `FROM document_fts`, `document_fts.rowid`}
	}
	return searchMatch{tx.engine, `FROM document_search s JOIN documents d ON d.id = s.document_id`, `s.document_id DESC`,
		`FROM documents d JOIN document_search s ON s.document_id = d.id`, `FROM document_search s`, `s.document_id`}
}

// term is one word, behind a mark.
func (m searchMatch) term(t, mark string) string {
	if m.engine == SQLite {
		return `"` + mark + t + `"`
	}
	return `'` + mark + t + `'`
}

// all: every term behind the mark; any: one of them.
func (m searchMatch) all(terms []string, mark string) string {
	return m.join(terms, mark, " AND ", " & ")
}
func (m searchMatch) any(terms []string, mark string) string {
	return m.join(terms, mark, " OR ", " | ")
}

func (m searchMatch) join(terms []string, mark string, fts, tsq string) string {
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = m.term(t, mark)
	}
	if m.engine == SQLite {
		return "(" + strings.Join(parts, fts) + ")"
	}
	return "(" + strings.Join(parts, tsq) + ")"
}

func (m searchMatch) and(a, b string) string {
	if m.engine == SQLite {
		return "(" + a + " AND " + b + ")"
	}
	return "(" + a + " & " + b + ")"
}

func (m searchMatch) andNot(a, b string) string {
	if m.engine == SQLite {
		return "(" + a + " NOT " + b + ")"
	}
	return "(" + a + " & !" + b + ")"
}

// match is the condition that drives a query: the documents matching
// expr, its text an argument of w.
func (m searchMatch) match(w *filter, expr string) string {
	if m.engine == SQLite {
		return `document_fts MATCH ` + w.arg(expr)
	}
	// A tsquery value, not to_tsquery(…): the terms are folded already,
	// and a prepared statement's generic plan would parse it again for
	// every row it checks.
	return `s.tsv @@ ` + w.arg(expr) + `::tsquery`
}

// matchIn is match in each bucket of a span: a tsquery per bucket, the
// expression and the bucket's word, so that the GIN index intersects the
// bucket's documents with the words' instead of building a bitmap of
// each. It is a column "tq" of the rows of the returned FROM list, to be
// joined laterally with the query that matches "s.tsv @@ b.tq".
func (m searchMatch) matchIn(w *filter, expr string, span bucketSpan) (from string) {
	var tqs []string
	for b := span.high; b >= span.low; b-- {
		tqs = append(tqs, "("+expr+") & "+m.term(strconv.FormatInt(b, 10), bucketMark))
	}
	return `unnest(` + w.arg(tqs) + `::tsquery[]) b (tq)`
}

// cond asks the same of a row found by the driving match: on SQLite a
// lookup among the rowids matching expr (one MATCH per table in a query).
func (m searchMatch) cond(w *filter, expr string) string {
	if m.engine == SQLite {
		return `d.id IN (SELECT rowid FROM document_fts WHERE document_fts MATCH ` + w.arg(expr) + `)`
	}
	return m.match(w, expr)
}
