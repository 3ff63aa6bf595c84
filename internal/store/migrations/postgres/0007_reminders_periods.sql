-- Reminders and periodic reports.

-- Where a person's reminders are mailed; empty: in the web app only.
ALTER TABLE accounts ADD COLUMN email TEXT NOT NULL DEFAULT '';

-- One reminder e-mail per person per day. An instance claims the row
-- before sending (the primary key lets one claim win), so two instances
-- running the reminder pass at once never send the same digest twice.
CREATE TABLE reminder_digests (
    account_id  BIGINT NOT NULL REFERENCES accounts (id),
    day         TEXT NOT NULL,
    claim       TEXT NOT NULL,           -- who claimed it, to release only one's own claim
    claimed_at  TEXT NOT NULL,
    sent_at     TEXT,
    email       TEXT NOT NULL DEFAULT '',
    items       BIGINT NOT NULL DEFAULT 0,
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
-- period.
ALTER TABLE reports ALTER COLUMN directive_id DROP NOT NULL;
ALTER TABLE reports ADD COLUMN period_kind TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX reports_periodic ON reports (unit_id, period_kind, period_from) WHERE period_kind <> '';
