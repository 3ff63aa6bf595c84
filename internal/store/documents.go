package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"sort"
	"strings"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/task"
	"lantoa/internal/vn"
)

// BlobKey is the key file content is stored under: its SHA-256, in hex.
func BlobKey(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// PutBlob stores file content once, by its SHA-256, and returns the hash.
func (tx *Tx) PutBlob(ctx context.Context, data []byte) (string, error) {
	h := BlobKey(data)
	_, err := tx.ExecContext(ctx, `INSERT INTO blobs (sha256, size, data) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING`, h, len(data), data)
	return h, tx.translate(err, "tệp gốc")
}

// Blob reads stored file content.
func (tx *Tx) Blob(ctx context.Context, sha string) ([]byte, error) {
	var data []byte
	err := tx.QueryRowContext(ctx, `SELECT data FROM blobs WHERE sha256 = $1`, sha).Scan(&data)
	return data, tx.translate(err, "tệp gốc")
}

const docCols = `id, family, doc_type, number, symbol, number_symbol, issuer, COALESCE(issuer_unit_id, 0), parent_issuer, place,
	issued_on, subject, recipients, distribution, signer_name, signer_capacity, urgency, confidentiality, status,
	COALESCE(file_sha256, ''), file_name, COALESCE((SELECT size FROM blobs b WHERE b.sha256 = file_sha256), 0), extracted, COALESCE(created_by, 0), created_at, updated_at`

// extracted is what the reader found beyond the header fields, kept as read.
type extracted struct {
	Assignments    []document.Assignment `json:"assignments"`
	ReportDeadline *document.Deadline    `json:"report_deadline"`
	Forms          []string              `json:"forms"`
	Warnings       []string              `json:"warnings"`
}

func scanDocument(row interface{ Scan(...any) error }) (document.Document, error) {
	var d document.Document
	var issued, created, updated sql.NullString
	var recipients, distribution, capacity, ext string
	err := row.Scan(&d.ID, &d.Family, &d.DocType, &d.Number, &d.Symbol, &d.NumberSymbol, &d.Issuer, &d.IssuerUnit, &d.ParentIssuer, &d.Place,
		&issued, &d.Subject, &recipients, &distribution, &d.SignerName, &capacity, &d.Urgency, &d.Confidentiality, &d.Status,
		&d.File.SHA256, &d.File.Name, &d.File.Size, &ext, &d.CreatedBy, &created, &updated)
	if err != nil {
		return d, err
	}
	d.Date = issued.String
	d.Recipients = parseJSON[[]string](recipients)
	d.Distribution = parseJSON[[]string](distribution)
	d.SignerCapacity = parseJSON[[]string](capacity)
	x := parseJSON[extracted](ext)
	d.Assignments, d.ReportDeadline, d.Forms, d.Warnings = x.Assignments, x.ReportDeadline, x.Forms, x.Warnings
	d.CreatedAt, d.UpdatedAt = parseTime(created), parseTime(updated)
	return d, nil
}

// normalise puts every text field in NFC and trims it, so what is stored
// compares and searches alike however it was typed or read.
func normalise(d *document.Document) {
	for _, p := range []*string{&d.DocType, &d.Number, &d.Symbol, &d.NumberSymbol, &d.Issuer, &d.ParentIssuer, &d.Place,
		&d.Subject, &d.SignerName, &d.Urgency, &d.Confidentiality, &d.File.Name} {
		*p = strings.TrimSpace(vn.NFC(*p))
	}
	for _, list := range [][]string{d.Recipients, d.Distribution, d.SignerCapacity} {
		for i := range list {
			list[i] = strings.TrimSpace(vn.NFC(list[i]))
		}
	}
	d.Body = vn.NFC(d.Body)
	for i := range d.Citations {
		c := &d.Citations[i]
		c.NumberSymbol, c.Issuer, c.DocType = vn.NFC(c.NumberSymbol), vn.NFC(c.Issuer), vn.NFC(c.DocType)
	}
}

// CreateDocument stores a document and its citations, links each citation
// to the stored document it names, and links earlier documents' open
// citations of this one to it: the cascade grows whichever arrives first.
// A target the caller already knows (d.Targets[i], set when a citation is
// written from the document it names) is kept rather than looked up. A
// draft's citations name their targets but have no effect until it is
// issued (IssueDraft). The file, if any, must be stored first with PutBlob.
func (tx *Tx) CreateDocument(ctx context.Context, d document.Document) (document.Document, error) {
	normalise(&d)
	if err := d.Validate(); err != nil {
		return d, err
	}
	d.CreatedAt, d.UpdatedAt = tx.Now(), tx.Now()
	ext := jsonText(extracted{d.Assignments, d.ReportDeadline, d.Forms, d.Warnings})
	err := tx.QueryRowContext(ctx, `INSERT INTO documents (family, doc_type, number, symbol, number_symbol, ref_key, issuer, issuer_key,
		issuer_unit_id, parent_issuer, place, issued_on, subject, recipients, distribution, signer_name, signer_capacity, urgency,
		confidentiality, status, file_sha256, file_name, body, extracted, created_by, created_at, updated_at, search_key)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $26, $27)
		RETURNING id`,
		d.Family, d.DocType, d.Number, d.Symbol, d.NumberSymbol, document.RefKey(d.NumberSymbol), d.Issuer, vn.Fold(d.Issuer),
		nullID(d.IssuerUnit), d.ParentIssuer, d.Place, nullString(d.Date), d.Subject, jsonText(nonNil(d.Recipients)), jsonText(nonNil(d.Distribution)),
		d.SignerName, jsonText(nonNil(d.SignerCapacity)), d.Urgency, d.Confidentiality, d.Status, nullString(d.File.SHA256), d.File.Name,
		d.Body, ext, nullID(d.CreatedBy), timeText(d.CreatedAt), searchKey(d)).Scan(&d.ID)
	if err != nil {
		return d, tx.translate(err, "văn bản")
	}
	if err := tx.putSearchRows(ctx, []searchRow{newSearchRow(d.ID, d.Number, d.NumberSymbol, d.DocType, d.Issuer, d.Subject, d.SignerName, d.Body)}); err != nil {
		return d, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO doc_closure (ancestor_id, descendant_id) VALUES ($1, $1)`, d.ID); err != nil {
		return d, tx.translate(err, "cây triển khai")
	}
	known := d.Targets
	d.Targets = make([]document.ID, len(d.Citations))
	for i, c := range d.Citations {
		var target document.ID
		if i < len(known) && known[i] != 0 {
			target = known[i]
		} else if target, err = tx.findCited(ctx, c, d.ID); err != nil {
			return d, err
		}
		d.Targets[i] = target
		_, err = tx.ExecContext(ctx, `INSERT INTO citations (document_id, ordinal, number_symbol, ref_key, doc_type, cited_on, issuer, relation, target_id)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			d.ID, i, c.NumberSymbol, document.RefKey(c.NumberSymbol), c.DocType, nullString(c.Date), c.Issuer, c.Relation, nullID(int64(target)))
		if err != nil {
			return d, tx.translate(err, "trích dẫn")
		}
		if target != 0 && d.Status != document.Draft {
			if err := tx.linkCitation(ctx, d.ID, target, c.Relation); err != nil {
				return d, err
			}
		}
	}
	if err := tx.resolveOpenCitations(ctx, d); err != nil {
		return d, err
	}
	return d, nil
}

// searchKey is what the register search looks in: number and notation,
// type and subject, folded. A confidential document's subject stays out:
// a search must not tell someone without a grant what it is about.
func searchKey(d document.Document) string {
	if d.Confidentiality != "" {
		return vn.Fold(d.NumberSymbol + " " + d.DocType)
	}
	return vn.Fold(d.NumberSymbol + " " + d.DocType + " " + d.Subject)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// findCited finds the stored document a citation names: same number and
// notation and, when the citation gives a date, the same date; when that
// leaves several, the one whose issuer the citation names. Several
// candidates with nothing to choose between them leave it open: a wrong
// link is worse than none.
func (tx *Tx) findCited(ctx context.Context, c document.Citation, self document.ID) (document.ID, error) {
	key := document.RefKey(c.NumberSymbol)
	if key == "" {
		return 0, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, COALESCE(issued_on, ''), issuer_key FROM documents WHERE ref_key = $1 AND id <> $2 AND status <> 'draft'`, key, self)
	if err != nil {
		return 0, tx.translate(err, "văn bản được dẫn")
	}
	defer rows.Close()
	type candidate struct {
		id         document.ID
		on, issuer string
	}
	var all []candidate
	for rows.Next() {
		var x candidate
		if err := rows.Scan(&x.id, &x.on, &x.issuer); err != nil {
			return 0, tx.translate(err, "văn bản được dẫn")
		}
		all = append(all, x)
	}
	if err := rows.Err(); err != nil {
		return 0, tx.translate(err, "văn bản được dẫn")
	}
	pick := all
	if c.Date != "" {
		var sameDay []candidate
		for _, x := range all {
			if x.on == c.Date {
				sameDay = append(sameDay, x)
			}
		}
		// With no candidate of that day, the citation's date is taken for
		// a typo (more often wrong than the number); with some, only they.
		if len(sameDay) > 0 {
			pick = sameDay
		}
	}
	if issuer := vn.Fold(vn.NFC(c.Issuer)); len(pick) > 1 && issuer != "" {
		var named []candidate
		for _, x := range pick {
			if x.issuer != "" && (strings.Contains(x.issuer, issuer) || strings.Contains(issuer, x.issuer)) {
				named = append(named, x)
			}
		}
		pick = named
	}
	if len(pick) == 1 {
		return pick[0].id, nil
	}
	return 0, nil
}

// resolveOpenCitations links to d the open citations of earlier documents
// that name it, when d is the one document they can mean (findCited's
// rule, now that d is stored).
func (tx *Tx) resolveOpenCitations(ctx context.Context, d document.Document) error {
	key := document.RefKey(d.NumberSymbol)
	if key == "" || d.Status == document.Draft {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, document_id, number_symbol, COALESCE(cited_on, ''), issuer, relation
		FROM citations WHERE ref_key = $1 AND target_id IS NULL AND document_id <> $2`, key, d.ID)
	if err != nil {
		return tx.translate(err, "trích dẫn")
	}
	type open struct {
		id     int64
		citing document.ID
		c      document.Citation
	}
	var found []open
	for rows.Next() {
		var o open
		if err := rows.Scan(&o.id, &o.citing, &o.c.NumberSymbol, &o.c.Date, &o.c.Issuer, &o.c.Relation); err != nil {
			rows.Close()
			return tx.translate(err, "trích dẫn")
		}
		found = append(found, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return tx.translate(err, "trích dẫn")
	}
	for _, o := range found {
		target, err := tx.findCited(ctx, o.c, o.citing)
		if err != nil {
			return err
		}
		if target != d.ID {
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE citations SET target_id = $2 WHERE id = $1`, o.id, d.ID); err != nil {
			return tx.translate(err, "trích dẫn")
		}
		if err := tx.linkCitation(ctx, o.citing, d.ID, o.c.Relation); err != nil {
			return err
		}
	}
	return nil
}

// linkCitation records the effects of citing document linking to cited:
// a replaced or repealed document changes status; otherwise citing joins
// the cascade of cited and of everything cited stands in, and an
// assignment cited gave citing's issuer is now being implemented.
func (tx *Tx) linkCitation(ctx context.Context, citing, cited document.ID, rel document.Relation) error {
	switch rel {
	case document.Replaces, document.Repeals:
		ok, err := tx.mayReplace(ctx, citing, cited)
		if err != nil || !ok {
			return err
		}
		st := document.Replaced
		if rel == document.Repeals {
			st = document.Revoked
		}
		_, err = tx.ExecContext(ctx, `UPDATE documents SET status = $2, updated_at = $3 WHERE id = $1 AND status IN ('issued', 'received')`, cited, st, timeText(tx.Now()))
		return tx.translate(err, "văn bản")
	}
	var loop int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM doc_closure WHERE ancestor_id = $1 AND descendant_id = $2`, citing, cited).Scan(&loop); err != nil {
		return tx.translate(err, "cây triển khai")
	}
	if loop > 0 {
		return nil // documents citing each other: keep the link, not a loop in the cascade
	}
	// Activities already answering citing's cascade now count for the
	// directives it joins; this must see the cascade before it grows.
	if err := tx.RollupCascadeGrows(ctx, citing, cited); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO doc_closure (ancestor_id, descendant_id)
		SELECT a.ancestor_id, d.descendant_id FROM doc_closure a, doc_closure d
		WHERE a.descendant_id = $1 AND d.ancestor_id = $2
		ON CONFLICT (ancestor_id, descendant_id) DO NOTHING`, cited, citing)
	if err != nil {
		return tx.translate(err, "cây triển khai")
	}
	return tx.markImplementing(ctx, citing, cited)
}

// mayReplace reports whether citing may replace or repeal cited: only the
// body that issued cited, or one directing it, can; a document from
// anywhere else that says so is kept as a citation and changes nothing.
func (tx *Tx) mayReplace(ctx context.Context, citing, cited document.ID) (bool, error) {
	var by, of int64
	err := tx.QueryRowContext(ctx, `SELECT COALESCE(a.issuer_unit_id, 0), COALESCE(b.issuer_unit_id, 0) FROM documents a, documents b
		WHERE a.id = $1 AND b.id = $2`, citing, cited).Scan(&by, &of)
	if err != nil || by == 0 || of == 0 {
		return false, tx.translate(err, "văn bản")
	}
	return tx.Directs(ctx, org.ID(by), org.ID(of), dayOf(tx.Now()))
}

// markImplementing moves the assignments that cited gave to citing's
// issuer to "implementing": the unit has issued its own document. The
// coverage of the directives above them follows.
func (tx *Tx) markImplementing(ctx context.Context, citing, cited document.ID) error {
	now := timeText(tx.Now())
	ids, err := scanIDs[int64](tx.QueryContext(ctx, `SELECT a.id FROM assignments a JOIN documents d ON d.id = $1
		WHERE a.document_id = $2 AND a.assignee_id = d.issuer_unit_id AND a.implementing_at IS NULL`, citing, cited))
	if err != nil {
		return tx.translate(err, "nhiệm vụ")
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `UPDATE assignments SET implementing_at = $2, implementing_doc_id = $3, updated_at = $2,
			status = CASE WHEN status IN ('sent', 'received', 'acknowledged') THEN 'implementing' ELSE status END WHERE id = $1`, id, now, citing); err != nil {
			return tx.translate(err, "nhiệm vụ")
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO assignment_events (assignment_id, status, at, document_id) VALUES ($1, 'implementing', $2, $3)`, id, now, citing); err != nil {
			return tx.translate(err, "nhiệm vụ")
		}
	}
	if len(ids) == 0 {
		return nil
	}
	which, args := inList(`a.id IN `, ids)
	return tx.assignmentsChanged(ctx, which, args...)
}

// Document reads a document with its citations.
func (tx *Tx) Document(ctx context.Context, id document.ID) (document.Document, error) {
	d, err := scanDocument(tx.QueryRowContext(ctx, `SELECT `+docCols+` FROM documents WHERE id = $1`, id))
	if err == sql.ErrNoRows {
		return d, problem.Errorf(problem.NotFound, "Không có văn bản số %d", id)
	}
	if err != nil {
		return d, tx.translate(err, "văn bản")
	}
	rows, err := tx.QueryContext(ctx, `SELECT number_symbol, doc_type, COALESCE(cited_on, ''), issuer, relation, COALESCE(target_id, 0)
		FROM citations WHERE document_id = $1 ORDER BY ordinal`, id)
	if err != nil {
		return d, tx.translate(err, "trích dẫn")
	}
	defer rows.Close()
	for rows.Next() {
		var c document.Citation
		var target document.ID
		if err := rows.Scan(&c.NumberSymbol, &c.DocType, &c.Date, &c.Issuer, &c.Relation, &target); err != nil {
			return d, tx.translate(err, "trích dẫn")
		}
		d.Citations = append(d.Citations, c)
		d.Targets = append(d.Targets, target)
	}
	return d, tx.translate(rows.Err(), "trích dẫn")
}

// DocumentBody reads a document's extracted text.
func (tx *Tx) DocumentBody(ctx context.Context, id document.ID) (string, error) {
	var body string
	err := tx.QueryRowContext(ctx, `SELECT body FROM documents WHERE id = $1`, id).Scan(&body)
	return body, tx.translate(err, "văn bản")
}

// CitedBy lists the documents that cite id, newest first.
func (tx *Tx) CitedBy(ctx context.Context, id document.ID) ([]document.Document, error) {
	return tx.documents(ctx, `SELECT `+docCols+` FROM documents WHERE id IN (SELECT document_id FROM citations WHERE target_id = $1)
		AND status <> 'draft' ORDER BY issued_on DESC, id DESC`, id)
}

func (tx *Tx) documents(ctx context.Context, q string, args ...any) ([]document.Document, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, tx.translate(err, "văn bản")
	}
	defer rows.Close()
	var ds []document.Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, tx.translate(err, "văn bản")
		}
		ds = append(ds, d)
	}
	return ds, tx.translate(rows.Err(), "văn bản")
}

// CascadeNode is one document of a cascade, placed under the most specific
// document of the cascade it cites.
type CascadeNode struct {
	Doc    document.Document
	Parent document.ID // 0 for the root
	Depth  int
}

// Cascade is the tree of documents implementing root, root first, then
// level by level. A document citing several documents of the cascade sits
// under the deepest of them (the city guidance citing both the province's
// guidance and the directive sits under the guidance) and appears once.
func (tx *Tx) Cascade(ctx context.Context, root document.ID) ([]CascadeNode, error) {
	docs, err := tx.documents(ctx, `SELECT `+docCols+` FROM documents WHERE id IN (SELECT descendant_id FROM doc_closure WHERE ancestor_id = $1)`, root)
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, problem.Errorf(problem.NotFound, "Không có văn bản số %d", root)
	}
	in := make(map[document.ID]int, len(docs))
	for i, d := range docs {
		in[d.ID] = i
	}
	// cites[x] = the documents of the cascade that x cites.
	cites := map[document.ID][]document.ID{}
	rows, err := tx.QueryContext(ctx, `SELECT c.document_id, c.target_id FROM citations c
		JOIN doc_closure k ON k.descendant_id = c.document_id AND k.ancestor_id = $1
		WHERE c.target_id IS NOT NULL AND c.relation NOT IN ('thay thế', 'bãi bỏ')`, root)
	if err != nil {
		return nil, tx.translate(err, "cây triển khai")
	}
	for rows.Next() {
		var from, to document.ID
		if err := rows.Scan(&from, &to); err != nil {
			rows.Close()
			return nil, tx.translate(err, "cây triển khai")
		}
		if _, ok := in[to]; ok && from != to {
			cites[from] = append(cites[from], to)
		}
	}
	rows.Close()
	// Depth is the longest chain of citations down from root.
	depth := map[document.ID]int{root: 0}
	var walk func(id document.ID, seen map[document.ID]bool) int
	walk = func(id document.ID, seen map[document.ID]bool) int {
		if d, ok := depth[id]; ok {
			return d
		}
		if seen[id] {
			return 0
		}
		seen[id] = true
		best := 0
		for _, p := range cites[id] {
			if d := walk(p, seen) + 1; d > best {
				best = d
			}
		}
		depth[id] = best
		return best
	}
	nodes := make([]CascadeNode, 0, len(docs))
	for _, d := range docs {
		n := CascadeNode{Doc: d, Depth: walk(d.ID, map[document.ID]bool{})}
		for _, p := range cites[d.ID] {
			if depth[p] == n.Depth-1 && (n.Parent == 0 || p < n.Parent) {
				n.Parent = p
			}
		}
		nodes = append(nodes, n)
	}
	sort.SliceStable(nodes, func(i, j int) bool {
		a, b := nodes[i], nodes[j]
		if a.Depth != b.Depth {
			return a.Depth < b.Depth
		}
		if a.Doc.Date != b.Doc.Date {
			return a.Doc.Date < b.Doc.Date
		}
		return a.Doc.ID < b.Doc.ID
	})
	return nodes, nil
}

// CascadeOf lists the ids of root and every document implementing it.
func (tx *Tx) CascadeOf(ctx context.Context, root document.ID) ([]document.ID, error) {
	ids, err := scanIDs[document.ID](tx.QueryContext(ctx, `SELECT descendant_id FROM doc_closure WHERE ancestor_id = $1 ORDER BY descendant_id`, root))
	return ids, tx.translate(err, "cây triển khai")
}

// Directives lists the ids of the documents whose cascade id belongs to,
// itself included.
func (tx *Tx) Directives(ctx context.Context, id document.ID) ([]document.ID, error) {
	ids, err := scanIDs[document.ID](tx.QueryContext(ctx, `SELECT ancestor_id FROM doc_closure WHERE descendant_id = $1 ORDER BY ancestor_id`, id))
	return ids, tx.translate(err, "cây triển khai")
}

// DocumentUnits lists the units a document concerns: its issuer, the units
// holding it in a register, and the units it assigns work to.
func (tx *Tx) DocumentUnits(ctx context.Context, id document.ID) ([]org.ID, error) {
	ids, err := scanIDs[org.ID](tx.QueryContext(ctx, `SELECT issuer_unit_id FROM documents WHERE id = $1 AND issuer_unit_id IS NOT NULL
		UNION SELECT unit_id FROM register_entries WHERE document_id = $1
		UNION SELECT assignee_id FROM assignments WHERE document_id = $1`, id))
	return ids, tx.translate(err, "văn bản")
}

// DocumentsByID reads documents, without their citations, by id.
func (tx *Tx) DocumentsByID(ctx context.Context, ids []document.ID) (map[document.ID]document.Document, error) {
	out := make(map[document.ID]document.Document, len(ids))
	for chunk := range chunks(ids, 500) {
		q, args := inList(`SELECT `+docCols+` FROM documents WHERE id IN `, chunk)
		ds, err := tx.documents(ctx, q, args...)
		if err != nil {
			return nil, err
		}
		for _, d := range ds {
			out[d.ID] = d
		}
	}
	return out, nil
}

// AttachFile gives a stored document its original file and text when it
// has none yet (it was first entered from another unit's register or by
// hand); a document that has a file keeps it.
func (tx *Tx) AttachFile(ctx context.Context, id document.ID, f document.File, body string) error {
	if f.SHA256 == "" {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE documents SET file_sha256 = $2, file_name = $3, body = CASE WHEN body = '' THEN $4 ELSE body END, updated_at = $5
		WHERE id = $1 AND file_sha256 IS NULL`, id, f.SHA256, strings.TrimSpace(vn.NFC(f.Name)), vn.NFC(body), timeText(tx.Now()))
	if err != nil {
		return tx.translate(err, "văn bản")
	}
	return tx.reindexDocument(ctx, id)
}

// DraftPlan is what a draft will ask of whom once issued: the units it is
// sent to, each with its task, and the indicator set they report on.
type DraftPlan struct {
	Recipients   []PlannedTask `json:"recipients"`
	IndicatorSet int64         `json:"indicator_set,omitempty"`
	Department   string        `json:"department,omitempty"` // the drafting department in the notation: "VX" in 12/UBND-VX
}

// PlannedTask is one recipient of a draft and what it is asked to do.
type PlannedTask struct {
	Unit org.ID        `json:"unit"`
	Role task.Role     `json:"role"`
	Task string        `json:"task"`
	Due  task.Deadline `json:"due"`
}

// CreateDraft stores a draft and its plan.
func (tx *Tx) CreateDraft(ctx context.Context, d document.Document, plan DraftPlan) (document.Document, error) {
	d.Status = document.Draft
	d, err := tx.CreateDocument(ctx, d)
	if err != nil {
		return d, err
	}
	_, err = tx.ExecContext(ctx, `UPDATE documents SET plan = $2 WHERE id = $1`, d.ID, jsonText(plan))
	return d, tx.translate(err, "dự thảo")
}

// Plan reads a draft's plan.
func (tx *Tx) Plan(ctx context.Context, id document.ID) (DraftPlan, error) {
	var s string
	err := tx.QueryRowContext(ctx, `SELECT plan FROM documents WHERE id = $1`, id).Scan(&s)
	if err == sql.ErrNoRows {
		return DraftPlan{}, problem.Errorf(problem.NotFound, "Không có văn bản số %d", id)
	}
	return parseJSON[DraftPlan](s), tx.translate(err, "dự thảo")
}

// IssueDraft turns a draft into an issued document with the number, date,
// place, issuer and signature d carries, then gives its citations their
// effect: it joins the cascade of what it implements, the issuer's
// assignments from those documents become "implementing", and earlier
// documents' open citations of it are linked. The update is conditional on
// the draft still being a draft, so two people issuing it at once cannot
// both succeed: the second gets a Conflict.
func (tx *Tx) IssueDraft(ctx context.Context, d document.Document) (document.Document, error) {
	normalise(&d)
	d.Status = document.Issued
	if err := d.Validate(); err != nil {
		return d, err
	}
	res, err := tx.ExecContext(ctx, `UPDATE documents SET status = 'issued', number = $2, symbol = $3, number_symbol = $4, ref_key = $5,
		issuer = $6, issuer_key = $7, place = $8, issued_on = $9, signer_name = $10, signer_capacity = $11, search_key = $12,
		plan = '{}', updated_at = $13 WHERE id = $1 AND status = 'draft'`,
		d.ID, d.Number, d.Symbol, d.NumberSymbol, document.RefKey(d.NumberSymbol), d.Issuer, vn.Fold(d.Issuer), d.Place,
		nullString(d.Date), d.SignerName, jsonText(nonNil(d.SignerCapacity)), searchKey(d), timeText(tx.Now()))
	if err != nil {
		return d, tx.translate(err, "văn bản")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return d, problem.Errorf(problem.Conflict, "Văn bản này không còn là dự thảo: đã có người ban hành")
	}
	if err := tx.reindexDocument(ctx, d.ID); err != nil {
		return d, err
	}
	stored, err := tx.Document(ctx, d.ID)
	if err != nil {
		return d, err
	}
	for i, c := range stored.Citations {
		target := stored.Targets[i]
		if target == 0 {
			// The cited document may have arrived since the draft was written.
			if target, err = tx.findCited(ctx, c, d.ID); err != nil {
				return d, err
			}
			if target == 0 {
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE citations SET target_id = $3 WHERE document_id = $1 AND ordinal = $2`, d.ID, i, target); err != nil {
				return d, tx.translate(err, "trích dẫn")
			}
			stored.Targets[i] = target
		}
		if err := tx.linkCitation(ctx, d.ID, target, c.Relation); err != nil {
			return d, err
		}
	}
	if err := tx.resolveOpenCitations(ctx, stored); err != nil {
		return d, err
	}
	return stored, nil
}

// DocumentsByNumber lists the issued or received documents with this
// number and notation, however spaced or accented, newest first.
func (tx *Tx) DocumentsByNumber(ctx context.Context, numberSymbol string) ([]document.Document, error) {
	return tx.documents(ctx, `SELECT `+docCols+` FROM documents WHERE ref_key = $1 AND status <> 'draft' ORDER BY issued_on DESC, id DESC`,
		document.RefKey(numberSymbol))
}
