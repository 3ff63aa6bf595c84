-- The default indicator catalogue (domain.md §4) is written by the Go step
-- registered for this version (store/indicators.go) from report.Catalogue,
-- so both engines load the same data from one source.

-- Coverage of a directive reads every assignment of its cascade: this
-- index holds all it needs, so the pass never touches the table.
CREATE INDEX assignments_coverage ON assignments (document_id, role, sent_at, assignee_id,
    received_at, acknowledged_at, implementing_at, reported_at, accepted_at, due_on);
