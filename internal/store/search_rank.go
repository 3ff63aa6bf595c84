package store

import (
	"context"

	"lantoa/internal/document"
)

// ranking is what a search asks of the index: who searches and with
// which filters, the folded terms, and the tiers in rank order (the first,
// empty, is the notation; the others are index expressions that together
// make up everywhere, the documents holding every term).
type ranking struct {
	f          SearchFilter
	m          searchMatch
	terms      []string
	tiers      []string
	everywhere string
}

// ranked is the first documents of a search in rank order, whether the
// searcher may read each one's content, and how many were found.
type ranked struct {
	ids   []document.ID
	open  map[document.ID]bool
	total int
	more  bool
}

// add appends found documents not already there, up to want.
func (r *ranked) add(found []foundDoc, want int) {
	if r.open == nil {
		r.open = map[document.ID]bool{}
	}
	for _, d := range found {
		if _, seen := r.open[d.id]; !seen && len(r.ids) < want {
			r.ids = append(r.ids, d.id)
			r.open[d.id] = d.open
		}
	}
}

// setTotal records a count made with a LIMIT one past what is counted.
func (r *ranked) setTotal(n int) {
	r.total, r.more = min(n, SearchCountLimit), n > SearchCountLimit
}

type foundDoc struct {
	id   document.ID
	open bool
	tier int // where the query says (newestMatches)
}

// rankSQLite asks FTS5 each question in document-id order with a LIMIT:
// it hands out matches newest first and stops, however many there are.
func (tx *Tx) rankSQLite(ctx context.Context, r ranking, want int) (ranked, error) {
	var out ranked
	n, err := tx.countMatches(ctx, r, nil, SearchCountLimit+1)
	if err != nil || n == 0 {
		return out, err
	}
	out.setTotal(n)
	notation := 0 // documents of the first tier, which come again later
	for i, match := range r.tiers {
		if len(out.ids) >= want {
			break
		}
		found, err := tx.tierDocs(ctx, r, match, nil, want-len(out.ids)+notation)
		if err != nil {
			return out, err
		}
		out.add(found, want)
		if i == 0 {
			notation = len(out.ids)
		}
	}
	return out, nil
}

// rankPostgres answers the same questions as rankSQLite with the same
// results. PostgreSQL's GIN index cannot hand out matches in id order: a
// scan first builds a bitmap of every document holding the words, and an
// order needs each of them read from the table, costs that grow with how
// many hold the words; and its planner, which multiplies the words'
// frequencies as if they were independent, misjudges when walking the
// table newest first would stop sooner. So the way each question is
// answered is chosen here, from what the newest documents show:
//
//   - The newest documents (searchPlan) are checked one by one, once for all
//     the questions (newestMatches). Words in most documents end here:
//     more than the count's limit, and each tier's newest among them.
//   - A question the probe saw often enough is asked of the newest
//     buckets of ids (bucketTerm), newest first, each a small bitmap: the
//     words are in the index beside their bucket, so the GIN index reads
//     only the bucket's documents.
//   - What the probe hardly saw, or the newest buckets did not answer, is
//     rare: it is asked of the whole index, its bitmap small too.
//
// The planner is kept to the GIN index throughout (withBitmapScans),
// whatever it guesses of the words.
func (tx *Tx) rankPostgres(ctx context.Context, r ranking, want int) (out ranked, err error) {
	var top int64 // the newest document, read through the primary key
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(document_id), 0) FROM document_search`).Scan(&top); err != nil {
		return out, err
	}
	plan := tx.searchPlan.orDefaults()
	probe, err := tx.newestMatches(ctx, r, plan.probeRows)
	if err != nil {
		return out, err
	}
	// The probe saw every document, and every match.
	whole := top <= int64(plan.probeRows) && len(probe) <= SearchCountLimit
	spans := newestSpans(top>>bucketBits, plan.buckets)
	older := spans[len(spans)-1].low > 0 // buckets the spans leave to the whole index
	// ask answers a question that wants need documents and that the probe
	// saw seen times: from the newest buckets when the probe saw enough
	// for them to likely hold need, and otherwise, or then, from the whole
	// index. get(span, limit) asks in a span (nil: the whole index) and
	// says how many it found.
	ask := func(seen, need int, get func(span *bucketSpan, limit int) (int, error)) error {
		if seen*(1<<bucketBits)*plan.buckets/plan.probeRows >= need {
			got := 0
			for i := 0; i < len(spans) && got < need; i++ {
				n, err := get(&spans[i], need-got)
				if err != nil {
					return err
				}
				got += n
			}
			if got >= need || !older {
				return nil
			}
		}
		_, err := get(nil, need)
		return err
	}
	// The notation is found by the documents' own index, before the
	// planner is kept to bitmaps.
	notation, err := tx.tierDocs(ctx, r, "", nil, want)
	if err != nil {
		return out, err
	}
	err = tx.withBitmapScans(ctx, func() error {
		n := len(probe)
		if n <= SearchCountLimit && !whole {
			n = 0
			err := ask(len(probe), SearchCountLimit+1, func(span *bucketSpan, limit int) (int, error) {
				c, err := tx.countMatches(ctx, r, span, limit)
				if span == nil { // the whole index counts the buckets again
					n = 0
				}
				n += c
				return c, err
			})
			if err != nil {
				return err
			}
		}
		if out.setTotal(n); n == 0 {
			return nil
		}
		out.add(notation, want)
		for tier := 1; tier < len(r.tiers) && len(out.ids) < want; tier++ {
			need := want - len(out.ids) + len(notation)
			var found []foundDoc
			for _, d := range probe {
				if d.tier == tier {
					found = append(found, d)
				}
			}
			if len(found) < need && !whole {
				// What the probe saw, then the buckets, is the start of
				// what the whole index finds: add skips them when they
				// come again.
				err := ask(len(found), need, func(span *bucketSpan, limit int) (int, error) {
					docs, err := tx.tierDocs(ctx, r, r.tiers[tier], span, limit)
					found = append(found, docs...)
					return len(docs), err
				})
				if err != nil {
					return err
				}
			}
			out.add(found, want)
		}
		return nil
	})
	return out, err
}

// searchPlan is how a PostgreSQL search probes: how many of the newest
// documents it checks one by one (about 1 µs each) to learn how common
// the words are, and how many of the newest buckets it asks before the
// whole index. Tests make both small, so that a small archive takes the
// paths of a large one.
type searchPlan struct{ probeRows, buckets int }

func (p searchPlan) orDefaults() searchPlan {
	if p.probeRows <= 0 {
		p.probeRows = 1500
	}
	if p.buckets <= 0 {
		p.buckets = newestBuckets
	}
	return p
}

// newestMatches checks the newest size documents, newest first, and
// returns those holding every term with their tier, at most one past the
// count's limit. The subquery's LIMIT keeps the planner from reaching for
// the GIN index.
func (tx *Tx) newestMatches(ctx context.Context, r ranking, size int) ([]foundDoc, error) {
	var w filter
	open := tx.searchConditions(&w, r.m, r.f, r.terms)
	from := `FROM (SELECT document_id, tsv FROM document_search ORDER BY document_id DESC LIMIT ` + w.arg(size) + `) s`
	if len(w.conds) > 0 || !r.f.System {
		from += ` JOIN documents d ON d.id = s.document_id`
	}
	tier := "CASE"
	for i, match := range r.tiers[1 : len(r.tiers)-1] {
		tier += ` WHEN ` + r.m.match(&w, match) + ` THEN ` + itoa(i+1)
	}
	tier += ` ELSE ` + itoa(len(r.tiers)-1) + ` END`
	w.add(r.m.match(&w, r.everywhere))
	return tx.foundDocs(ctx, `SELECT s.document_id, CASE WHEN `+open+` THEN 1 ELSE 0 END, `+tier+` `+from+w.where()+
		` ORDER BY s.document_id DESC LIMIT `+w.arg(SearchCountLimit+1), w.args...)
}

// bucketSpan is the buckets from high down to low, both included.
type bucketSpan struct{ high, low int64 }

// newestSpans cuts the newest n buckets, from top down, into spans of 1,
// 2, 4… buckets: the first answers most questions alone, and few
// questions need more than three.
func newestSpans(top int64, n int) []bucketSpan {
	var spans []bucketSpan
	for width, high := int64(1), top; high >= 0 && high > top-int64(n); width *= 2 {
		low := max(high-width+1, top-int64(n)+1, 0)
		spans = append(spans, bucketSpan{high, low})
		high = low - 1
	}
	return spans
}

// withBitmapScans runs fn with PostgreSQL's planner kept to bitmap scans
// for the rest of the transaction's statements in fn: the GIN index, not a
// walk of the table that its estimate of the words might prefer.
func (tx *Tx) withBitmapScans(ctx context.Context, fn func() error) error {
	set := func(v string) error {
		_, err := tx.ExecContext(ctx, `SELECT set_config('enable_seqscan', $1, true), set_config('enable_indexscan', $1, true)`, v)
		return err
	}
	if err := set("off"); err != nil {
		return err
	}
	err := fn()
	if reset := set("on"); err == nil {
		err = reset
	}
	return err
}

// countMatches counts the documents holding every term, in span (nil:
// anywhere), up to limit.
func (tx *Tx) countMatches(ctx context.Context, r ranking, span *bucketSpan, limit int) (int, error) {
	var w filter
	tx.searchConditions(&w, r.m, r.f, r.terms)
	from := r.m.from
	if len(w.conds) == 0 && r.f.System {
		from = r.m.fromIndex
	}
	q := ""
	if span != nil {
		buckets := r.m.matchIn(&w, r.everywhere, *span)
		w.add(`s.tsv @@ b.tq`)
		q = `SELECT 1 FROM ` + buckets + ` CROSS JOIN LATERAL (SELECT 1 ` + from + w.where() + `) found`
	} else {
		w.add(r.m.match(&w, r.everywhere))
		q = `SELECT 1 ` + from + w.where()
	}
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM (`+q+` LIMIT `+w.arg(limit)+`) found`, w.args...).Scan(&n)
	return n, err
}

// tierDocs finds the newest limit documents of a tier, in span (nil:
// anywhere); the empty tier is the document whose number and notation is
// the query.
func (tx *Tx) tierDocs(ctx context.Context, r ranking, match string, span *bucketSpan, limit int) ([]foundDoc, error) {
	var w filter
	open := tx.searchConditions(&w, r.m, r.f, r.terms)
	from, id, order := r.m.from, "d.id", r.m.order
	if match == "" {
		from, order = r.m.fromDocuments, "d.id DESC"
		w.add("d.ref_key = ?", document.RefKey(r.f.Query))
	} else if len(w.conds) == 0 && r.f.System {
		// Nothing to ask of the documents table: the index alone.
		from, id = r.m.fromIndex, r.m.indexID
	}
	buckets := ""
	switch {
	case match == "":
	case span != nil:
		buckets = r.m.matchIn(&w, match, *span)
		w.add(`s.tsv @@ b.tq`)
	default:
		w.add(r.m.match(&w, match))
	}
	q := `SELECT ` + id + ` AS id, CASE WHEN ` + open + ` THEN 1 ELSE 0 END AS open, 0 AS tier ` + from + w.where() + ` ORDER BY ` + order
	if buckets != "" {
		// Within each bucket, then across them: the order of a lateral
		// join's rows is not promised.
		q = `SELECT found.* FROM ` + buckets + ` CROSS JOIN LATERAL (` + q + ` LIMIT ` + w.arg(limit) + `) found ORDER BY found.id DESC`
	}
	return tx.foundDocs(ctx, q+` LIMIT `+w.arg(limit), w.args...)
}

// foundDocs reads rows of (id, open, tier).
func (tx *Tx) foundDocs(ctx context.Context, q string, args ...any) ([]foundDoc, error) {
	return queryAll(ctx, tx, "tìm kiếm", func(row interface{ Scan(...any) error }) (foundDoc, error) {
		var d foundDoc
		var open int
		err := row.Scan(&d.id, &open, &d.tier)
		d.open = open == 1
		return d, err
	}, q, args...)
}
