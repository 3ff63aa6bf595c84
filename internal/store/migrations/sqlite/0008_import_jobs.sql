-- Bulk imports started from the web pages run as jobs: the page that
-- follows one reads its state here, so any instance can show it, and a
-- job whose instance stopped is seen as stalled (updated_at no longer
-- moves) instead of running for ever.
CREATE TABLE import_jobs (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts (id),
    unit_id     INTEGER NOT NULL REFERENCES units (id),
    file_name   TEXT NOT NULL,
    status      TEXT NOT NULL,           -- running, done, failed
    total       INTEGER NOT NULL DEFAULT 0, -- files in the archive
    imported    INTEGER NOT NULL DEFAULT 0,
    duplicates  INTEGER NOT NULL DEFAULT 0,
    failed      INTEGER NOT NULL DEFAULT 0,
    error       TEXT NOT NULL DEFAULT '', -- why the whole job failed
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    finished_at TEXT
);
CREATE INDEX import_jobs_account ON import_jobs (account_id, id);

-- What became of each file of a job, in the order the files finished.
CREATE TABLE import_job_files (
    job_id      INTEGER NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    file_name   TEXT NOT NULL,
    status      TEXT NOT NULL,           -- imported, duplicate, failed
    document_id INTEGER REFERENCES documents (id),
    error       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (job_id, ordinal)
);
