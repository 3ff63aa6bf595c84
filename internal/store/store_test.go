package store_test

import (
	"context"
	"path"
	"reflect"
	"sync"
	"testing"

	"io/fs"

	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

func TestMigrationsHaveSameVersionsOnBothEngines(t *testing.T) {
	versions := func(engine string) []string {
		entries, err := fs.ReadDir(store.MigrationFiles, path.Join("migrations", engine))
		if err != nil {
			t.Fatal(err)
		}
		var vs []string
		for _, e := range entries {
			vs = append(vs, e.Name())
		}
		return vs
	}
	sq, pg := versions("sqlite"), versions("postgres")
	if len(sq) == 0 || !reflect.DeepEqual(sq, pg) {
		t.Fatalf("migration files differ:\nsqlite   %v\npostgres %v", sq, pg)
	}
}

func TestTwoInstancesMigrateTogether(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i := range errs {
			wg.Go(func() {
				s, err := store.Open(context.Background(), dsn)
				if err == nil {
					err = s.Ping(context.Background())
					s.Close()
				}
				errs[i] = err
			})
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("instance %d: %v", i, err)
			}
		}
		// Opening again applies nothing and works.
		s := storetest.Open(t, dsn)
		if err := s.Ping(context.Background()); err != nil {
			t.Fatal(err)
		}
	})
}

// Both engines' migrations build the same tables with the same columns in
// the same order: one SQL text can only serve both if they agree.
func TestBothEnginesHaveTheSameSchema(t *testing.T) {
	lite := storetest.Open(t, t.TempDir()+"/lantoa.db")
	pg := storetest.Open(t, storetest.PostgresDSN(t))
	a, err := store.Columns(lite)
	if err != nil {
		t.Fatal(err)
	}
	b, err := store.Columns(pg)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) < 20 || !reflect.DeepEqual(a, b) {
		for table, cols := range a {
			if !reflect.DeepEqual(cols, b[table]) {
				t.Errorf("%s:\n  sqlite   %v\n  postgres %v", table, cols, b[table])
			}
		}
		for table := range b {
			if _, ok := a[table]; !ok {
				t.Errorf("%s exists on PostgreSQL only", table)
			}
		}
		t.Fatalf("%d tables on SQLite, %d on PostgreSQL", len(a), len(b))
	}
}
