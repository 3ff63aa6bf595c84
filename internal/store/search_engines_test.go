package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// PostgreSQL answers a search from the newest buckets of its index and
// then from the whole index (rankPostgres); SQLite reads its index in
// order. Over a synthetic archive larger than the count's limit, with as
// few newest buckets as make every path taken, both engines must give the
// same documents in the same order, and the same count.
func TestSearchGivesTheSameResultsOnBothEnginesWhicheverWayPostgreSQLReadsIt(t *testing.T) {
	pgDSN := storetest.PostgresDSN(t)
	ctx := context.Background()
	const n = 1500
	lite := storetest.Open(t, filepath.Join(t.TempDir(), "lantoa.db"))
	// Ids 50 apart: five buckets of PostgreSQL's index.
	queries, err := store.FillSynthArchive(ctx, lite, n, 50)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.FillSynthArchive(ctx, storetest.Open(t, pgDSN), n, 50); err != nil {
		t.Fatal(err)
	}
	queries = append(queries[:40], "1. Ban", "ban", "tuyen truyen", "khong co chu nay", "tuyen truyen zzz")
	var filters []store.SearchFilter
	for _, q := range queries {
		filters = append(filters, store.SearchFilter{Query: q, System: true})
	}
	for _, q := range queries[:12] {
		filters = append(filters,
			store.SearchFilter{Query: q, System: true, Offset: 20, Limit: 30},
			store.SearchFilter{Query: q, System: true, Offset: 990},
			store.SearchFilter{Query: q, System: true, DocType: "Kế hoạch"},
			store.SearchFilter{Query: q, System: true, Issuer: "tinh uy", From: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)})
	}
	type result struct {
		ids         []document.ID
		total       int
		more        bool
		openAll     bool
		snippetsLen int
	}
	answer := func(s *store.Store, f store.SearchFilter) result {
		p := search(t, s, f)
		r := result{total: p.Total, more: p.More, openAll: true}
		for _, h := range p.Hits {
			r.ids = append(r.ids, h.Document.ID)
			r.openAll = r.openAll && h.Open
			r.snippetsLen += len(h.Snippet.HTML())
		}
		return r
	}
	want := make([]result, len(filters))
	paths := map[string]bool{}
	for i, f := range filters {
		want[i] = answer(lite, f)
		paths[fmt.Sprintf("more=%v", want[i].more)] = true
		paths[fmt.Sprintf("found=%v", len(want[i].ids) > 0)] = true
	}
	if len(paths) != 4 {
		t.Fatalf("the archive does not give both long and short answers: %v", paths)
	}
	for _, plan := range [][2]int{{0, 0}, {1, 1}, {40, 1}, {40, 2}, {300, 3}, {3000, 1}} {
		probe, buckets := plan[0], plan[1]
		pg := storetest.Open(t, pgDSN, store.WithSearchPlan(probe, buckets))
		for i, f := range filters {
			got := answer(pg, f)
			if !slices.Equal(got.ids, want[i].ids) || got.total != want[i].total || got.more != want[i].more ||
				got.openAll != want[i].openAll || got.snippetsLen != want[i].snippetsLen {
				t.Errorf("probe %d, %d buckets, %q (offset %d, type %q, issuer %q): PostgreSQL %d found (more %v) %v, SQLite %d (more %v) %v",
					probe, buckets, f.Query, f.Offset, f.DocType, f.Issuer, got.total, got.more, got.ids, want[i].total, want[i].more, want[i].ids)
			}
		}
	}
}
