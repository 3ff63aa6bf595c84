package cli

import (
	"context"
	"flag"
	"fmt"
	"log/slog"

	"lantoa/internal/store"
)

// dbFlag adds --db to a command. The database is, in order: the flag, the
// LANTOA_DB variable, then lantoa.db in the working directory.
func dbFlag(fs *flag.FlagSet, getenv func(string) string) *string {
	def := getenv("LANTOA_DB")
	if def == "" {
		def = store.DefaultDSN
	}
	return fs.String("db", def, "cơ sở dữ liệu: tệp SQLite hoặc postgres://… (mặc định: biến LANTOA_DB, rồi lantoa.db)")
}

// openStore opens the database and applies pending migrations.
func openStore(ctx context.Context, dsn string, stdio Stdio) (*store.Store, error) {
	s, err := store.Open(ctx, dsn, store.WithLogger(slog.New(slog.NewTextHandler(stdio.Err, &slog.HandlerOptions{Level: slog.LevelWarn}))))
	if err != nil {
		return nil, fmt.Errorf("%s", oneLine(err.Error()))
	}
	return s, nil
}

func runMigrate(ctx context.Context, args []string, stdio Stdio, getenv func(string) string) int {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(stdio.Err)
	db := dbFlag(fs, getenv)
	fs.Usage = func() {
		fmt.Fprintln(stdio.Err, "Cách dùng: lantoa migrate [--db DSN]\nTạo hoặc nâng cấp cơ sở dữ liệu lên phiên bản của chương trình này.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return 2
	}
	s, err := openStore(ctx, *db, stdio)
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", err)
		return 1
	}
	defer s.Close()
	fmt.Fprintf(stdio.Out, "Cơ sở dữ liệu %s đã ở phiên bản mới nhất.\n", s.Engine())
	return 0
}
