-- Lan Tỏa schema, SQLite. The PostgreSQL file of the same number holds the
-- same tables; dates are 'YYYY-MM-DD' text and moments fixed-width UTC text
-- in both, so one SQL text serves both engines.

-- The organisation: units, who directs whom (a DAG with validity), its
-- closure per validity range, reorganisation events, terms and figures.
CREATE TABLE units (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,      -- handle for people and scripts: "ltu-btg"
    notation    TEXT NOT NULL,             -- code in document notation: "BTGTU", "LĐLĐ"
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,             -- folded name, for search
    sort_key    BLOB NOT NULL,            -- Vietnamese collation key
    kind        TEXT NOT NULL,
    family      TEXT NOT NULL,
    organ_id    TEXT,                      -- mã định danh, e.g. 000.00.00.H29
    place       TEXT NOT NULL DEFAULT '',  -- địa danh written before the date
    valid_from  TEXT NOT NULL,
    valid_to    TEXT NOT NULL,
    demo        INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL
);
CREATE INDEX units_name_key ON units (name_key);
CREATE INDEX units_notation ON units (notation);

CREATE TABLE unit_links (
    id          INTEGER PRIMARY KEY,
    parent_id   INTEGER NOT NULL REFERENCES units (id),
    child_id    INTEGER NOT NULL REFERENCES units (id),
    valid_from  TEXT NOT NULL,
    valid_to    TEXT NOT NULL,
    CHECK (parent_id <> child_id),
    UNIQUE (parent_id, child_id, valid_from)
);
CREATE INDEX unit_links_child ON unit_links (child_id);

-- ancestor directs descendant (itself included) over [valid_from, valid_to);
-- ranges of one pair never overlap, so a unit counts once however many
-- paths lead to it.
CREATE TABLE unit_closure (
    ancestor_id   INTEGER NOT NULL REFERENCES units (id),
    descendant_id INTEGER NOT NULL REFERENCES units (id),
    valid_from    TEXT NOT NULL,
    valid_to      TEXT NOT NULL,
    PRIMARY KEY (ancestor_id, descendant_id, valid_from)
);
CREATE INDEX unit_closure_descendant ON unit_closure (descendant_id, ancestor_id);

CREATE TABLE unit_events (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,            -- merge, split, rename, close
    effective_on TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);
CREATE TABLE unit_event_units (
    event_id  INTEGER NOT NULL REFERENCES unit_events (id),
    unit_id   INTEGER NOT NULL REFERENCES units (id),
    side      TEXT NOT NULL,               -- 'from' or 'to'
    PRIMARY KEY (event_id, unit_id, side)
);

-- Party committees number documents per term.
CREATE TABLE unit_terms (
    unit_id    INTEGER NOT NULL REFERENCES units (id),
    starts_on  TEXT NOT NULL,
    ends_on    TEXT NOT NULL,
    name       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (unit_id, starts_on)
);

-- Dated denominators: party members, union members.
CREATE TABLE unit_figures (
    unit_id  INTEGER NOT NULL REFERENCES units (id),
    measure  TEXT NOT NULL,
    as_of    TEXT NOT NULL,
    value    INTEGER NOT NULL,
    PRIMARY KEY (unit_id, measure, as_of)
);

-- People.
CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL DEFAULT '',
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
);
CREATE TABLE memberships (
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    unit_id    INTEGER NOT NULL REFERENCES units (id),
    role       TEXT NOT NULL,
    PRIMARY KEY (account_id, unit_id, role)
);
CREATE INDEX memberships_unit ON memberships (unit_id);

-- Documents and their files.
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size   INTEGER NOT NULL,
    data   BLOB NOT NULL
);

CREATE TABLE documents (
    id              INTEGER PRIMARY KEY,
    family          TEXT NOT NULL DEFAULT '',
    doc_type        TEXT NOT NULL DEFAULT '',
    number          TEXT NOT NULL DEFAULT '',
    symbol          TEXT NOT NULL DEFAULT '',
    number_symbol   TEXT NOT NULL DEFAULT '',
    ref_key         TEXT NOT NULL DEFAULT '',   -- number_symbol folded, for matching citations
    issuer          TEXT NOT NULL DEFAULT '',
    issuer_key      TEXT NOT NULL DEFAULT '',
    issuer_unit_id  INTEGER REFERENCES units (id),
    parent_issuer   TEXT NOT NULL DEFAULT '',
    place           TEXT NOT NULL DEFAULT '',
    issued_on       TEXT,
    subject         TEXT NOT NULL DEFAULT '',
    recipients      TEXT NOT NULL DEFAULT '[]',
    distribution    TEXT NOT NULL DEFAULT '[]',
    signer_name     TEXT NOT NULL DEFAULT '',
    signer_capacity TEXT NOT NULL DEFAULT '[]',
    urgency         TEXT NOT NULL DEFAULT '',
    confidentiality TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL,
    file_sha256     TEXT REFERENCES blobs (sha256),
    file_name       TEXT NOT NULL DEFAULT '',
    body            TEXT NOT NULL DEFAULT '',
    extracted       TEXT NOT NULL DEFAULT '{}', -- what the reader found: forms, assignments, deadline, warnings
    search_key      TEXT NOT NULL DEFAULT '',   -- number, type and subject folded, for the register search
    plan            TEXT NOT NULL DEFAULT '{}', -- a draft's recipients and their tasks, until it is issued
    created_by      INTEGER REFERENCES accounts (id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX documents_ref_key ON documents (ref_key, issuer_key, issued_on); -- citations; the same document registered twice
CREATE INDEX documents_file ON documents (file_sha256);
CREATE INDEX documents_issuer_unit ON documents (issuer_unit_id, issued_on);

CREATE TABLE register_entries (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    unit_id     INTEGER NOT NULL REFERENCES units (id),
    register    TEXT NOT NULL,             -- incoming, outgoing, reference
    entry_no    INTEGER,                    -- số đến for incoming
    entry_on    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (document_id, unit_id, register)
);
CREATE INDEX register_entries_unit ON register_entries (unit_id, register, entry_on);

CREATE TABLE document_grants (
    account_id  INTEGER NOT NULL REFERENCES accounts (id),
    document_id INTEGER NOT NULL REFERENCES documents (id),
    granted_by  INTEGER REFERENCES accounts (id),
    granted_at  TEXT NOT NULL,
    PRIMARY KEY (account_id, document_id)
);

CREATE TABLE citations (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents (id),
    ordinal       INTEGER NOT NULL,
    number_symbol TEXT NOT NULL,
    ref_key       TEXT NOT NULL,
    doc_type      TEXT NOT NULL DEFAULT '',
    cited_on      TEXT,
    issuer        TEXT NOT NULL DEFAULT '',
    relation      TEXT NOT NULL,
    target_id     INTEGER REFERENCES documents (id),
    UNIQUE (document_id, ordinal)
);
CREATE INDEX citations_open ON citations (ref_key) WHERE target_id IS NULL;
CREATE INDEX citations_target ON citations (target_id);

-- The cascade closure: descendant cites ancestor, directly or through
-- implementing documents (itself included).
CREATE TABLE doc_closure (
    ancestor_id   INTEGER NOT NULL REFERENCES documents (id),
    descendant_id INTEGER NOT NULL REFERENCES documents (id),
    PRIMARY KEY (ancestor_id, descendant_id)
);
CREATE INDEX doc_closure_descendant ON doc_closure (descendant_id);

-- Number sequences: one row per scope (issuer, year or term, type,
-- secrecy; arrival numbers per unit and year), taken with one upsert in the
-- transaction that uses the number, so a rollback leaves no gap.
CREATE TABLE counters (
    scope TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);

-- What units report. An indicator's code names it everywhere (a set
-- chooses codes, it does not redefine them), so the roll-up knows how each
-- code adds up whatever set it came from. The default catalogue is loaded
-- by migration 0002 from report.Catalogue.
CREATE TABLE indicators (
    code        TEXT PRIMARY KEY,          -- "TTM.buoi"
    form        TEXT NOT NULL,             -- "TTM"
    label       TEXT NOT NULL,
    measure     TEXT NOT NULL DEFAULT '',  -- đơn vị tính: buổi, lượt, người
    kind        TEXT NOT NULL,             -- count, ratio, text
    aggregation TEXT NOT NULL,             -- sum, distinct, none
    ordinal     INTEGER NOT NULL
);
CREATE TABLE indicator_sets (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    document_id INTEGER REFERENCES documents (id),
    created_at  TEXT NOT NULL
);
CREATE INDEX indicator_sets_document ON indicator_sets (document_id);
CREATE TABLE indicator_set_items (
    set_id  INTEGER NOT NULL REFERENCES indicator_sets (id),
    code    TEXT NOT NULL REFERENCES indicators (code),
    ordinal INTEGER NOT NULL,
    PRIMARY KEY (set_id, code)
);

-- Assignments and their life.
CREATE TABLE assignments (
    id               INTEGER PRIMARY KEY,
    document_id      INTEGER NOT NULL REFERENCES documents (id),
    assignee_id      INTEGER NOT NULL REFERENCES units (id),
    assigner_id      INTEGER REFERENCES units (id),
    role             TEXT NOT NULL,
    task             TEXT NOT NULL DEFAULT '',
    due_on           TEXT,
    due_text         TEXT NOT NULL DEFAULT '',
    indicator_set_id INTEGER REFERENCES indicator_sets (id),
    status           TEXT NOT NULL,
    -- when each stage was first reached; the event log is the history,
    -- these make coverage "as of a date" one indexed pass
    sent_at          TEXT NOT NULL,
    received_at      TEXT,
    acknowledged_at  TEXT,
    implementing_at  TEXT,
    reported_at      TEXT,
    accepted_at      TEXT,
    returned_at      TEXT,
    implementing_doc_id INTEGER REFERENCES documents (id),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (document_id, assignee_id)
);
CREATE INDEX assignments_assignee ON assignments (assignee_id, status);
CREATE INDEX assignments_due ON assignments (due_on);

CREATE TABLE assignment_events (
    id            INTEGER PRIMARY KEY,
    assignment_id INTEGER NOT NULL REFERENCES assignments (id),
    status        TEXT NOT NULL,
    at            TEXT NOT NULL,
    account_id    INTEGER REFERENCES accounts (id),
    document_id   INTEGER REFERENCES documents (id),
    note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assignment_events_assignment ON assignment_events (assignment_id, id);

-- What units did. An activity's results count from its end day.
CREATE TABLE activities (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES units (id),
    form        TEXT NOT NULL,
    started_on  TEXT NOT NULL,
    ended_on    TEXT NOT NULL,
    title       TEXT NOT NULL,
    place       TEXT NOT NULL DEFAULT '',
    links       TEXT NOT NULL DEFAULT '[]',
    demo        INTEGER NOT NULL DEFAULT 0,
    created_by  INTEGER REFERENCES accounts (id),
    created_at  TEXT NOT NULL
);
CREATE INDEX activities_unit ON activities (unit_id, ended_on);

CREATE TABLE activity_values (
    activity_id    INTEGER NOT NULL REFERENCES activities (id),
    indicator_code TEXT NOT NULL REFERENCES indicators (code),
    num            REAL NOT NULL DEFAULT 0,
    den            REAL NOT NULL DEFAULT 0,
    txt            TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (activity_id, indicator_code)
);

CREATE TABLE activity_targets (
    activity_id   INTEGER NOT NULL REFERENCES activities (id),
    document_id   INTEGER NOT NULL REFERENCES documents (id),
    assignment_id INTEGER REFERENCES assignments (id),
    PRIMARY KEY (activity_id, document_id)
);
CREATE INDEX activity_targets_document ON activity_targets (document_id, activity_id);

CREATE TABLE activity_files (
    activity_id INTEGER NOT NULL REFERENCES activities (id),
    sha256      TEXT NOT NULL REFERENCES blobs (sha256),
    name        TEXT NOT NULL,
    PRIMARY KEY (activity_id, sha256)
);

-- Roll-up sums kept on write: per directive, per directing unit (an
-- ancestor in the closure, the unit itself included), per indicator, per
-- month ('M') and per day ('D'), per validity range of the closure row. Ranges of one (ancestor, descendant)
-- pair never overlap, so a unit counts once on any day. A roll-up as of a
-- date adds the months before the date's month and the days of its month
-- up to the date: a few hundred rows, whatever the number of activities.
-- Distinct-unit indicators are kept here too, as +1 on the day each unit
-- first did the thing (rollup_firsts).
CREATE TABLE rollup_sums (
    directive_id   INTEGER NOT NULL REFERENCES documents (id),
    unit_id        INTEGER NOT NULL REFERENCES units (id),
    indicator_code TEXT NOT NULL,
    grain          TEXT NOT NULL,
    period_on      TEXT NOT NULL,
    valid_from     TEXT NOT NULL,
    valid_to       TEXT NOT NULL,
    num            REAL NOT NULL,
    den            REAL NOT NULL,
    n              INTEGER NOT NULL,
    PRIMARY KEY (directive_id, unit_id, grain, period_on, indicator_code, valid_from, valid_to)
);

-- The first day each unit did something counted by a "distinct units"
-- indicator, per directive.
CREATE TABLE rollup_firsts (
    directive_id   INTEGER NOT NULL REFERENCES documents (id),
    unit_id        INTEGER NOT NULL REFERENCES units (id),
    indicator_code TEXT NOT NULL,
    first_on       TEXT NOT NULL,
    PRIMARY KEY (directive_id, indicator_code, unit_id)
);
CREATE INDEX rollup_firsts_unit ON rollup_firsts (unit_id, directive_id);

-- Coverage kept on write. A unit's coverage under a directive (assigned,
-- received … accepted, as task.Assignment.Reached says of all its
-- assignments in the cascade; and how many of them are overdue) changes
-- on a few days: coverage_steps holds, per directive, unit and stage, the
-- change on each such day, computed from the unit's assignments whenever
-- one of them changes. coverage_sums adds the steps up under every unit
-- directing it, as rollup_sums does the figures.
CREATE TABLE coverage_steps (
    directive_id INTEGER NOT NULL REFERENCES documents (id),
    unit_id      INTEGER NOT NULL REFERENCES units (id),
    stage        TEXT NOT NULL,            -- sent (assigned), received … accepted, late
    step_on      TEXT NOT NULL,
    delta        INTEGER NOT NULL,
    PRIMARY KEY (directive_id, unit_id, stage, step_on)
);
CREATE INDEX coverage_steps_unit ON coverage_steps (unit_id, directive_id);

CREATE TABLE coverage_sums (
    directive_id INTEGER NOT NULL REFERENCES documents (id),
    unit_id      INTEGER NOT NULL REFERENCES units (id),
    grain        TEXT NOT NULL,
    period_on    TEXT NOT NULL,
    stage        TEXT NOT NULL,
    valid_from   TEXT NOT NULL,
    valid_to     TEXT NOT NULL,
    n            INTEGER NOT NULL,
    PRIMARY KEY (directive_id, unit_id, grain, period_on, stage, valid_from, valid_to)
);

-- The late list kept on write: each assignment that has a deadline, under
-- each directive above its document and each unit directing its assignee
-- (closure row by closure row). It is overdue on day X when
-- due_on < X, sent_on <= X and reported_on > X (the day it was reported or
-- accepted, '9999-12-31' if never), so a unit's late list is read in
-- deadline order from the primary key and stops at the page size.
CREATE TABLE late_spans (
    directive_id  INTEGER NOT NULL REFERENCES documents (id),
    unit_id       INTEGER NOT NULL REFERENCES units (id),
    due_on        TEXT NOT NULL,
    assignment_id INTEGER NOT NULL REFERENCES assignments (id),
    valid_from    TEXT NOT NULL,
    valid_to      TEXT NOT NULL,
    sent_on       TEXT NOT NULL,
    reported_on   TEXT NOT NULL,
    PRIMARY KEY (directive_id, unit_id, due_on, assignment_id, valid_from)
);
CREATE INDEX late_spans_assignment ON late_spans (assignment_id);

-- Results reports.
CREATE TABLE reports (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES units (id),
    assignment_id INTEGER REFERENCES assignments (id),
    directive_id  INTEGER NOT NULL REFERENCES documents (id),
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
    report_doc_id INTEGER REFERENCES documents (id)
);
CREATE INDEX reports_unit ON reports (unit_id, status, period_from);
CREATE INDEX reports_assignment ON reports (assignment_id);

-- A reported figure and, beside it, the one computed from activities and
-- the reports below; overridden_* say who changed it by hand, and when.
CREATE TABLE report_values (
    report_id      INTEGER NOT NULL REFERENCES reports (id),
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

-- Who did what, when, from where.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    account_id  INTEGER REFERENCES accounts (id),
    action      TEXT NOT NULL,
    object      TEXT NOT NULL DEFAULT '',
    detail      TEXT NOT NULL DEFAULT '',
    remote      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
