package store

// MigrationFiles exposes the embedded migrations to the tests.
var MigrationFiles = migrationFiles

// Columns lists each table's columns, in order, as the engine reports
// them: the test comparing the two engines' schemas reads it. The search
// index is each engine's own (FTS5 tables, a tsvector), so it is left out.
func Columns(s *Store) (map[string][]string, error) {
	q := `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()
		AND table_name <> 'document_search' ORDER BY table_name, ordinal_position`
	if s.engine == SQLite {
		q = `SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
			AND m.name NOT LIKE 'document_fts%' ORDER BY m.name, p.cid`
	}
	rows, err := s.ro.Query(q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var table, col string
		if err := rows.Scan(&table, &col); err != nil {
			return nil, err
		}
		out[table] = append(out[table], col)
	}
	return out, rows.Err()
}
