package store

import (
	"context"
	"database/sql"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/task"
)

const assignmentCols = `id, document_id, assignee_id, COALESCE(assigner_id, 0), role, task, due_on, due_text, COALESCE(indicator_set_id, 0), status,
	sent_at, received_at, acknowledged_at, implementing_at, reported_at, accepted_at, returned_at, COALESCE(implementing_doc_id, 0), created_at, updated_at`

func scanAssignment(row interface{ Scan(...any) error }) (task.Assignment, error) {
	var a task.Assignment
	var due, sent, recv, ack, impl, rep, acc, ret, created, updated sql.NullString
	err := row.Scan(&a.ID, &a.Document, &a.Assignee, &a.Assigner, &a.Role, &a.Task, &due, &a.Due.Text, &a.IndicatorSet, &a.Status,
		&sent, &recv, &ack, &impl, &rep, &acc, &ret, &a.ImplementingDoc, &created, &updated)
	a.Due.Date = parseDate(due)
	a.SentAt, a.ReceivedAt, a.AcknowledgedAt, a.ImplementingAt = parseTime(sent), parseTime(recv), parseTime(ack), parseTime(impl)
	a.ReportedAt, a.AcceptedAt, a.ReturnedAt = parseTime(rep), parseTime(acc), parseTime(ret)
	a.CreatedAt, a.UpdatedAt = parseTime(created), parseTime(updated)
	return a, err
}

// CreateAssignment stores an assignment as sent. If the assignee has
// already issued a document citing the source, it starts as implementing.
// Either way the coverage of the directives above it counts it.
func (tx *Tx) CreateAssignment(ctx context.Context, a task.Assignment) (task.Assignment, error) {
	if err := a.Validate(); err != nil {
		return a, err
	}
	now := tx.Now()
	a.Status, a.SentAt, a.CreatedAt, a.UpdatedAt = task.Sent, now, now, now
	err := tx.QueryRowContext(ctx, `INSERT INTO assignments (document_id, assignee_id, assigner_id, role, task, due_on, due_text, indicator_set_id,
		status, sent_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $10) RETURNING id`,
		a.Document, a.Assignee, nullID(int64(a.Assigner)), a.Role, a.Task, dateText(a.Due.Date), a.Due.Text, nullID(a.IndicatorSet),
		a.Status, timeText(now)).Scan(&a.ID)
	if isUnique(err) {
		return a, problem.Errorf(problem.Conflict, "Đơn vị này đã được giao nhiệm vụ theo văn bản này")
	}
	if err != nil {
		return a, tx.translate(err, "nhiệm vụ")
	}
	if err := tx.addEvent(ctx, task.Event{Assignment: a.ID, Status: task.Sent, At: now}); err != nil {
		return a, err
	}
	// A unit may have issued its own document before the assignment was
	// recorded here.
	var implementing document.ID
	err = tx.QueryRowContext(ctx, `SELECT c.document_id FROM citations c JOIN documents d ON d.id = c.document_id
		WHERE c.target_id = $1 AND d.issuer_unit_id = $2 AND d.status <> 'draft' AND c.relation NOT IN ('thay thế', 'bãi bỏ')
		ORDER BY c.document_id LIMIT 1`,
		a.Document, a.Assignee).Scan(&implementing)
	if err == nil {
		if err := tx.markImplementing(ctx, implementing, a.Document); err != nil {
			return a, err
		}
		return tx.Assignment(ctx, a.ID)
	}
	if err != sql.ErrNoRows {
		return a, tx.translate(err, "nhiệm vụ")
	}
	return a, tx.assignmentsChanged(ctx, `a.id = $1`, a.ID)
}

func (tx *Tx) addEvent(ctx context.Context, e task.Event) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO assignment_events (assignment_id, status, at, account_id, document_id, note) VALUES ($1, $2, $3, $4, $5, $6)`,
		e.Assignment, e.Status, timeText(e.At), nullID(e.Account), nullID(int64(e.Document)), e.Note)
	return tx.translate(err, "nhật ký nhiệm vụ")
}

// Assignment reads one assignment.
func (tx *Tx) Assignment(ctx context.Context, id task.ID) (task.Assignment, error) {
	a, err := scanAssignment(tx.QueryRowContext(ctx, `SELECT `+assignmentCols+` FROM assignments WHERE id = $1`, id))
	if err == sql.ErrNoRows {
		return a, problem.Errorf(problem.NotFound, "Không có nhiệm vụ số %d", id)
	}
	return a, tx.translate(err, "nhiệm vụ")
}

// AssignmentFilter selects assignments.
type AssignmentFilter struct {
	Assignees []org.ID      // to these units (empty: any)
	Under     org.ID        // to units this unit directs on day On, itself included (0: any)
	On        time.Time     // the day Under is read on
	Document  document.ID   // from this document (0: any)
	Statuses  []task.Status // in these statuses (empty: any)
	DueBefore time.Time     // with a deadline before this day (zero: any)
	Limit     int
}

// Assignments lists assignments, earliest deadline first, those without a
// date last.
func (tx *Tx) Assignments(ctx context.Context, f AssignmentFilter) ([]task.Assignment, error) {
	var w filter
	if len(f.Assignees) > 0 {
		in(&w, "assignee_id", f.Assignees)
	}
	if f.Under != 0 {
		d := f.On.Format(dateLayout)
		w.add("assignee_id IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = ? AND valid_from <= ? AND valid_to > ?)", f.Under, d, d)
	}
	if f.Document != 0 {
		w.add("document_id = ?", f.Document)
	}
	if len(f.Statuses) > 0 {
		in(&w, "status", f.Statuses)
	}
	if !f.DueBefore.IsZero() {
		w.add("due_on < ?", f.DueBefore.Format(dateLayout))
	}
	q := `SELECT ` + assignmentCols + ` FROM assignments` + w.where() + ` ORDER BY CASE WHEN due_on IS NULL THEN 1 ELSE 0 END, due_on, id`
	if f.Limit > 0 {
		q += ` LIMIT ` + w.arg(f.Limit)
	}
	return tx.queryAssignments(ctx, q, w.args...)
}

// queryAssignments runs a query selecting assignmentCols.
func (tx *Tx) queryAssignments(ctx context.Context, q string, args ...any) ([]task.Assignment, error) {
	return queryAll(ctx, tx, "nhiệm vụ", scanAssignment, q, args...)
}

// Move takes an assignment to status to, if its current status allows it,
// and logs the step. The update is conditional on the status read, so two
// people (or two server instances) acting at once cannot both move it: the
// second gets a Conflict. The coverage of the directives above it follows.
func (tx *Tx) Move(ctx context.Context, id task.ID, to task.Status, account int64, doc document.ID, note string) (task.Assignment, error) {
	a, err := tx.Assignment(ctx, id)
	if err != nil {
		return a, err
	}
	if !task.CanMove(a.Status, to) {
		return a, problem.Errorf(problem.Conflict, "Nhiệm vụ đang ở trạng thái \"%s\", không thể chuyển sang \"%s\"", a.Status.Label(), to.Label())
	}
	now := timeText(tx.Now())
	stage := map[task.Status]string{task.Received: "received_at", task.Acknowledged: "acknowledged_at", task.Implementing: "implementing_at",
		task.Reported: "reported_at", task.Accepted: "accepted_at", task.Returned: "returned_at"}[to]
	// The first time a stage is reached is kept; reporting again after a
	// return, or a second return, moves its time.
	set := stage + ` = COALESCE(` + stage + `, $3)`
	if to == task.Reported || to == task.Returned {
		set = stage + ` = $3`
	}
	res, err := tx.ExecContext(ctx, `UPDATE assignments SET status = $2, `+set+`, updated_at = $3,
		implementing_doc_id = COALESCE(implementing_doc_id, $5) WHERE id = $1 AND status = $4`, id, to, now, a.Status, nullID(int64(doc)))
	if err != nil {
		return a, tx.translate(err, "nhiệm vụ")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return a, problem.Errorf(problem.Conflict, "Nhiệm vụ vừa được người khác cập nhật; hãy tải lại trang")
	}
	if err := tx.addEvent(ctx, task.Event{Assignment: id, Status: to, At: tx.Now(), Account: account, Document: doc, Note: note}); err != nil {
		return a, err
	}
	if err := tx.assignmentsChanged(ctx, `a.id = $1`, id); err != nil {
		return a, err
	}
	return tx.Assignment(ctx, id)
}

// AssignmentEvents lists the steps of an assignment, oldest first.
func (tx *Tx) AssignmentEvents(ctx context.Context, id task.ID) ([]task.Event, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, assignment_id, status, at, COALESCE(account_id, 0), COALESCE(document_id, 0), note
		FROM assignment_events WHERE assignment_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, tx.translate(err, "nhật ký nhiệm vụ")
	}
	defer rows.Close()
	var out []task.Event
	for rows.Next() {
		var e task.Event
		var at sql.NullString
		if err := rows.Scan(&e.ID, &e.Assignment, &e.Status, &at, &e.Account, &e.Document, &e.Note); err != nil {
			return nil, tx.translate(err, "nhật ký nhiệm vụ")
		}
		e.At = parseTime(at)
		out = append(out, e)
	}
	return out, tx.translate(rows.Err(), "nhật ký nhiệm vụ")
}
