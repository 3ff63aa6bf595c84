package store

// MigrationFiles exposes the embedded migrations to the tests.
var MigrationFiles = migrationFiles
