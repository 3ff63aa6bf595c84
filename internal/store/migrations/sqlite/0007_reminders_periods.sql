-- Reminders and periodic reports.

-- Where a person's reminders are mailed; empty: in the web app only.
ALTER TABLE accounts ADD COLUMN email TEXT NOT NULL DEFAULT '';

-- One reminder e-mail per person per day. An instance claims the row
-- before sending (the primary key lets one claim win), so two instances
-- running the reminder pass at once never send the same digest twice.
CREATE TABLE reminder_digests (
    account_id  INTEGER NOT NULL REFERENCES accounts (id),
    day         TEXT NOT NULL,
    claim       TEXT NOT NULL,           -- who claimed it, to release only one's own claim
    claimed_at  TEXT NOT NULL,
    sent_at     TEXT,
    email       TEXT NOT NULL DEFAULT '',
    items       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, day)
);

-- How reporting periods are cut, for every instance alike: from day
-- cut_day of the month before to the day before it this month (1: calendar
-- months), due due_work_days working days after the period ends.
CREATE TABLE report_cadence (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    cut_day       INTEGER NOT NULL,
    due_work_days INTEGER NOT NULL,
    updated_at    TEXT NOT NULL DEFAULT ''
);
INSERT INTO report_cadence (id, cut_day, due_work_days) VALUES (1, 15, 2);

-- A periodic report (monthly, quarterly, six-month, annual) is a report of
-- a unit for a period of a kind, on no directive: one per unit, kind and
-- period. SQLite cannot drop NOT NULL from a column, so reports (and
-- report_values, which refers to it) are built again with the same rows;
-- the new tables are renamed last, so the reference follows the name.
CREATE TABLE reports_next (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES units (id),
    assignment_id INTEGER REFERENCES assignments (id),
    directive_id  INTEGER REFERENCES documents (id),
    period_from   TEXT NOT NULL,
    period_to     TEXT NOT NULL,
    status        TEXT NOT NULL,
    narrative     TEXT NOT NULL DEFAULT '{}',
    demo          INTEGER NOT NULL DEFAULT 0,
    comment       TEXT NOT NULL DEFAULT '',
    created_by    INTEGER REFERENCES accounts (id),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    submitted_at  TEXT,
    decided_at    TEXT,
    decided_by    INTEGER REFERENCES accounts (id),
    report_doc_id INTEGER REFERENCES documents (id),
    period_kind   TEXT NOT NULL DEFAULT ''
);
INSERT INTO reports_next (id, unit_id, assignment_id, directive_id, period_from, period_to, status, narrative, demo, comment,
    created_by, created_at, updated_at, submitted_at, decided_at, decided_by, report_doc_id)
SELECT id, unit_id, assignment_id, directive_id, period_from, period_to, status, narrative, demo, comment,
    created_by, created_at, updated_at, submitted_at, decided_at, decided_by, report_doc_id FROM reports;
CREATE TABLE report_values_next (
    report_id      INTEGER NOT NULL REFERENCES reports_next (id),
    indicator_code TEXT NOT NULL REFERENCES indicators (code),
    num            REAL NOT NULL DEFAULT 0,
    den            REAL NOT NULL DEFAULT 0,
    txt            TEXT NOT NULL DEFAULT '',
    auto_num       REAL NOT NULL DEFAULT 0,
    auto_den       REAL NOT NULL DEFAULT 0,
    auto_txt       TEXT NOT NULL DEFAULT '',
    overridden_by  INTEGER REFERENCES accounts (id),
    overridden_at  TEXT,
    PRIMARY KEY (report_id, indicator_code)
);
INSERT INTO report_values_next SELECT report_id, indicator_code, num, den, txt, auto_num, auto_den, auto_txt, overridden_by, overridden_at FROM report_values;
DROP TABLE report_values;
DROP TABLE reports;
ALTER TABLE reports_next RENAME TO reports;
ALTER TABLE report_values_next RENAME TO report_values;
CREATE INDEX reports_unit ON reports (unit_id, status, period_from);
CREATE INDEX reports_assignment ON reports (assignment_id);
CREATE UNIQUE INDEX reports_periodic ON reports (unit_id, period_kind, period_from) WHERE period_kind <> '';
