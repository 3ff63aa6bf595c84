package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/synth"
	"lantoa/internal/vn"
)

// BenchmarkSearch measures a full-text search (SearchDocuments: the
// ranked page of 20, its total and snippets, as the system searches) over
// an archive of synthetic documents, beside the same words asked by hand
// of the engine's index in the same run: raw-rank orders by the engine's
// relevance (FTS5 bm25, ts_rank over plainto_tsquery), raw-newest by id,
// 20 ids each:
//
//	LANTOA_BENCH_SEARCH_DOCS=100000 \
//	LANTOA_TEST_POSTGRES='postgres://postgres@127.0.0.1:5432/test?sslmode=disable' \
//	  go test ./internal/store -run '^$' -bench Search -benchtime 400x -timeout 3h
//
// The archive (internal/synth, seed 1) is written once per engine and size
// and kept for the next run: a SQLite file in the temporary directory, a
// PostgreSQL schema bench_search_N. Rows go in by multi-row statements,
// not through the reader (the parser is not what is measured), and on
// PostgreSQL vacuumed, as autovacuum would soon after a load. Each
// iteration is one query from a fixed mix: a notation as typed, words of a
// subject without accents, two common words, a rare word of a body.
// Reported: p50-ms and p95-ms of the iterations.
func BenchmarkSearch(b *testing.B) {
	n := 100_000
	if v := os.Getenv("LANTOA_BENCH_SEARCH_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatal(err)
		}
	}
	b.Run(fmt.Sprintf("sqlite/%d", n), func(b *testing.B) {
		benchSearch(b, filepath.Join(os.TempDir(), fmt.Sprintf("lantoa-search-bench-%d.db", n)), n)
	})
	b.Run(fmt.Sprintf("postgres/%d", n), func(b *testing.B) {
		base := os.Getenv("LANTOA_TEST_POSTGRES")
		if base == "" {
			b.Skip("PostgreSQL: set LANTOA_TEST_POSTGRES")
		}
		schema := fmt.Sprintf("bench_search_%d", n)
		admin, err := sql.Open("pgx", base)
		if err != nil {
			b.Fatal(err)
		}
		defer admin.Close()
		if _, err := admin.Exec(`CREATE SCHEMA IF NOT EXISTS ` + schema); err != nil {
			b.Fatal(err)
		}
		u, _ := url.Parse(base)
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		benchSearch(b, u.String(), n)
	})
}

func benchSearch(b *testing.B, dsn string, n int) {
	ctx := context.Background()
	s, err := Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	queries, err := fillSearchBench(ctx, s, n, 1)
	if err != nil {
		b.Fatal(err)
	}
	// Each query once before any is measured: the figures are of a
	// server that has read its index before, not of a cold disk.
	for _, q := range queries {
		err := s.View(ctx, func(tx *Tx) error {
			_, err := tx.SearchDocuments(ctx, SearchFilter{Query: q, System: true})
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.Run("store", func(b *testing.B) {
		i := 0
		var took []time.Duration
		for b.Loop() {
			q := queries[i%len(queries)]
			i++
			start := time.Now()
			err := s.View(ctx, func(tx *Tx) error {
				_, err := tx.SearchDocuments(ctx, SearchFilter{Query: q, System: true})
				return err
			})
			took = append(took, time.Since(start))
			if err != nil {
				b.Fatal(err)
			}
		}
		reportPercentiles(b, took)
	})
	// By hand: the engine's own relevance (which must score every match),
	// and the bare index in id order (what the tiers are built on).
	raw := map[string]string{
		"raw-rank":   `SELECT rowid FROM document_fts WHERE document_fts MATCH $1 ORDER BY rank LIMIT 20`,
		"raw-newest": `SELECT rowid FROM document_fts WHERE document_fts MATCH $1 ORDER BY rowid DESC LIMIT 20`,
	}
	if s.engine == Postgres {
		raw = map[string]string{
			"raw-rank":   `SELECT document_id FROM document_search, plainto_tsquery('simple', $1) q WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC LIMIT 20`,
			"raw-newest": `SELECT document_id FROM document_search WHERE tsv @@ plainto_tsquery('simple', $1) ORDER BY document_id DESC LIMIT 20`,
		}
	}
	for _, name := range []string{"raw-rank", "raw-newest"} {
		b.Run(name, func(b *testing.B) {
			i := 0
			var took []time.Duration
			for b.Loop() {
				q := strings.Join(SearchTerms(queries[i%len(queries)]), " ")
				i++
				start := time.Now()
				rows, err := s.ro.QueryContext(ctx, raw[name], q)
				if err != nil {
					b.Fatal(err)
				}
				for rows.Next() {
				}
				rows.Close()
				took = append(took, time.Since(start))
			}
			reportPercentiles(b, took)
		})
	}
}

func reportPercentiles(b *testing.B, took []time.Duration) {
	if len(took) == 0 {
		return
	}
	slices.Sort(took)
	at := func(p float64) float64 {
		return float64(took[min(len(took)-1, int(p*float64(len(took))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.95), "p95-ms")
}

// fillSearchBench writes n synthetic documents (unless the database holds
// them already), their ids stride apart, and returns the query mix, drawn
// from what was written.
func fillSearchBench(ctx context.Context, s *Store, n, stride int) ([]string, error) {
	var have int
	if err := s.ro.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents`).Scan(&have); err != nil {
		return nil, err
	}
	g := synth.New(1)
	var queries []string
	pickQuery := func(i int, d synth.Document) {
		if i%max(n/100, 1) != 7%max(n/100, 1) { // a hundred documents spread over the archive give the queries
			return
		}
		words := strings.Fields(vn.Fold(d.Subject))
		switch len(queries) % 4 {
		case 0:
			queries = append(queries, d.NumberSymbol)
		case 1:
			queries = append(queries, strings.Join(words[:min(4, len(words))], " "))
		case 2:
			queries = append(queries, "tuyen truyen")
		case 3:
			body := strings.Fields(d.Text)
			queries = append(queries, body[len(body)/2]+" "+body[len(body)/2+1])
		}
	}
	if have >= n {
		for i := range n {
			pickQuery(i, g.Next())
		}
		return queries, nil
	}
	if have > 0 {
		return nil, fmt.Errorf("the benchmark database holds %d documents, not %d: remove it", have, n)
	}
	start := time.Now()
	if s.engine == Postgres { // building the GIN index once is faster than keeping it up row by row
		if _, err := s.rw.ExecContext(ctx, `DROP INDEX IF EXISTS document_search_tsv`); err != nil {
			return nil, err
		}
	}
	const batch = 5000
	now := timeText(time.Now())
	for done := 0; done < n; done += batch {
		err := s.InTx(ctx, func(tx *Tx) error {
			var docs [][]any
			var index []searchRow
			for i := done; i < min(n, done+batch); i++ {
				d := g.Next()
				pickQuery(i, d)
				num, _, _ := strings.Cut(d.NumberSymbol, "/")
				num, _, _ = strings.Cut(num, "-")
				id := document.ID(i*stride + 1)
				docs = append(docs, []any{id, string(d.Family), d.Type, num, d.NumberSymbol, document.RefKey(d.NumberSymbol), d.Issuer,
					vn.Fold(d.Issuer), d.Date.Format(dateLayout), d.Subject, "received", d.Text, now, now})
				index = append(index, newSearchRow(id, num, d.NumberSymbol, d.Type, d.Issuer, d.Subject, "", d.Text))
			}
			if err := tx.insertRows(ctx, "documents", "id, family, doc_type, number, number_symbol, ref_key, issuer, issuer_key, issued_on, subject, status, body, created_at, updated_at",
				14, docs, ""); err != nil {
				return err
			}
			return tx.putSearchRows(ctx, index)
		})
		if err != nil {
			return nil, err
		}
	}
	if s.engine == Postgres {
		if _, err := s.rw.ExecContext(ctx, `CREATE INDEX document_search_tsv ON document_search USING gin (tsv)`); err != nil {
			return nil, err
		}
		if _, err := s.rw.ExecContext(ctx, `VACUUM ANALYZE documents, document_search`); err != nil {
			return nil, err
		}
	}
	fmt.Fprintf(os.Stderr, "synthetic archive: %d documents written on %s in %s\n", n, s.engine, time.Since(start).Round(time.Second))
	return queries, nil
}
