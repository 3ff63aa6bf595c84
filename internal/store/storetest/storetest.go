// Package storetest runs a test on every database engine: a fresh SQLite
// file, and a fresh schema of the PostgreSQL server named by
// LANTOA_TEST_POSTGRES (skipped, with one line, when it is not set).
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"lantoa/internal/store"
)

// PostgresEnv names the variable holding the PostgreSQL test server's URL,
// e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable.
const PostgresEnv = "LANTOA_TEST_POSTGRES"

// Run runs fn as the subtests "sqlite" and "postgres", each on a new,
// migrated, empty database.
func Run(t *testing.T, fn func(t *testing.T, s *store.Store), opts ...store.Option) {
	t.Helper()
	RunDSN(t, func(t *testing.T, dsn string) {
		fn(t, Open(t, dsn, opts...))
	})
}

// RunDSN runs fn as the subtests "sqlite" and "postgres" with the name of a
// new, empty database, for tests that open it more than once (two
// instances of the application on one database).
func RunDSN(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		fn(t, filepath.Join(t.TempDir(), "lantoa.db"))
	})
	t.Run("postgres", func(t *testing.T) {
		fn(t, PostgresDSN(t))
	})
}

// Open opens dsn and closes the store when the test ends.
func Open(t testing.TB, dsn string, opts ...store.Option) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), dsn, opts...)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// PostgresDSN makes a schema of its own for the test on the server named by
// LANTOA_TEST_POSTGRES, drops it when the test ends, and returns a URL whose
// connections use it. Without the variable the test is skipped.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		t.Skip("PostgreSQL: skipped, set " + PostgresEnv + "=postgres://postgres@127.0.0.1:5432/test?sslmode=disable to run")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("postgres: %v", err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("postgres at %s: %v", base, err)
	}
	t.Cleanup(func() {
		c, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer c.Close()
		c.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("postgres url: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
