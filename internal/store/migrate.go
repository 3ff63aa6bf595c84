package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Migrations are numbered SQL files, one folder per engine with the same
// numbers in both (a test checks it), plus steps written in Go where the
// change is data that both engines load alike (the indicator catalogue).
//
//go:embed migrations
var migrationFiles embed.FS

// dataVersionStep is the migration that creates the data version.
const dataVersionStep = 5

// goSteps run after the SQL file of the same number, in the same transaction.
var goSteps = map[int]func(ctx context.Context, tx *Tx) error{}

type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the steps for an engine in order.
func migrations(engine Engine) ([]migration, error) {
	dir := path.Join("migrations", string(engine))
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(name, ".sql") {
			return nil, fmt.Errorf("migration file %s is not named NNNN_name.sql", name)
		}
		b, err := fs.ReadFile(migrationFiles, path.Join(dir, name))
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// migrate applies the pending migrations in one transaction. Two instances
// starting together cannot race: PostgreSQL takes an advisory lock for the
// schema, SQLite's immediate transaction takes the file's write lock.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrations(s.engine)
	if err != nil {
		return errorf(err, "đọc các bước nâng cấp cơ sở dữ liệu")
	}
	conn, err := s.rw.Conn(ctx)
	if err != nil {
		return s.translate(err, "kết nối để nâng cấp cơ sở dữ liệu")
	}
	defer conn.Close()
	if s.engine == Postgres {
		if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(hashtext('lantoa.migrate.' || current_schema()))`); err != nil {
			return s.translate(err, "khóa nâng cấp cơ sở dữ liệu")
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(hashtext('lantoa.migrate.' || current_schema()))`)
	}
	sqlTx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return s.translate(err, "nâng cấp cơ sở dữ liệu")
	}
	defer sqlTx.Rollback()
	tx := &Tx{Tx: sqlTx, now: s.Now(), engine: s.engine}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return s.translate(err, "nâng cấp cơ sở dữ liệu")
	}
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return s.translate(err, "đọc phiên bản cơ sở dữ liệu")
	}
	if len(ms) > 0 && current > ms[len(ms)-1].version {
		return errorf(fmt.Errorf("schema version %d is newer than this program (%d)", current, ms[len(ms)-1].version),
			"Cơ sở dữ liệu do phiên bản Lan Tỏa mới hơn tạo ra; hãy dùng phiên bản mới")
	}
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return errorf(err, "nâng cấp cơ sở dữ liệu, bước %s", m.name)
		}
		if step := goSteps[m.version]; step != nil {
			if err := step(ctx, tx); err != nil {
				return errorf(err, "nâng cấp cơ sở dữ liệu, bước %s", m.name)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
			m.version, m.name, timeText(tx.Now())); err != nil {
			return s.translate(err, "ghi phiên bản cơ sở dữ liệu")
		}
		s.log.Info("migrated", "engine", s.engine, "step", m.name)
	}
	if len(ms) > 0 && current < ms[len(ms)-1].version && ms[len(ms)-1].version >= dataVersionStep {
		if err := tx.bumpVersion(ctx); err != nil { // what was kept may read differently now
			return err
		}
	}
	return s.translate(sqlTx.Commit(), "nâng cấp cơ sở dữ liệu")
}
