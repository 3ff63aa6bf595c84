package store

import (
	"context"
	"database/sql"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
)

// ImportJob is a bulk import started from the web pages, as its runner
// last recorded it.
type ImportJob struct {
	ID                             int64
	Account                        int64
	Unit                           org.ID
	FileName                       string
	Status                         string // "running", "done", "failed"
	Total                          int
	Imported, Duplicates, Failed   int
	Error                          string
	CreatedAt, UpdatedAt, Finished time.Time
}

// ImportJobFile is the outcome of one file of a job.
type ImportJobFile struct {
	Ordinal  int
	FileName string
	Status   string // "imported", "duplicate", "failed"
	Document document.ID
	Error    string
}

// Job states.
const (
	JobRunning = "running"
	JobDone    = "done"
	JobFailed  = "failed"
)

// CreateImportJob records a job starting with total files.
func (tx *Tx) CreateImportJob(ctx context.Context, j ImportJob) (ImportJob, error) {
	j.Status, j.CreatedAt, j.UpdatedAt = JobRunning, tx.Now(), tx.Now()
	err := tx.QueryRowContext(ctx, `INSERT INTO import_jobs (account_id, unit_id, file_name, status, total, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`, j.Account, j.Unit, j.FileName, j.Status, j.Total, timeText(j.CreatedAt)).Scan(&j.ID)
	return j, tx.translate(err, "lượt nạp văn bản")
}

// AddImportJobFiles records outcomes of a job and adds them to its counts.
// The ordinals continue from the files already recorded.
func (tx *Tx) AddImportJobFiles(ctx context.Context, job int64, files []ImportJobFile) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM import_job_files WHERE job_id = $1`, job).Scan(&n); err != nil {
		return tx.translate(err, "lượt nạp văn bản")
	}
	rows := make([][]any, len(files))
	var imported, dups, failed int
	for i, f := range files {
		rows[i] = []any{job, n + i + 1, f.FileName, f.Status, nullID(int64(f.Document)), f.Error}
		switch f.Status {
		case "imported":
			imported++
		case "duplicate":
			dups++
		default:
			failed++
		}
	}
	if err := tx.insertRows(ctx, "import_job_files", "job_id, ordinal, file_name, status, document_id, error", 6, rows, ""); err != nil {
		return tx.translate(err, "lượt nạp văn bản")
	}
	_, err := tx.ExecContext(ctx, `UPDATE import_jobs SET imported = imported + $2, duplicates = duplicates + $3, failed = failed + $4,
		updated_at = $5 WHERE id = $1`, job, imported, dups, failed, timeText(tx.Now()))
	return tx.translate(err, "lượt nạp văn bản")
}

// FinishImportJob ends a job: done, or failed with why.
func (tx *Tx) FinishImportJob(ctx context.Context, job int64, failure string) error {
	status := JobDone
	if failure != "" {
		status = JobFailed
	}
	_, err := tx.ExecContext(ctx, `UPDATE import_jobs SET status = $2, error = $3, updated_at = $4, finished_at = $4 WHERE id = $1`,
		job, status, failure, timeText(tx.Now()))
	return tx.translate(err, "lượt nạp văn bản")
}

// ImportJobByID reads a job.
func (tx *Tx) ImportJobByID(ctx context.Context, id int64) (ImportJob, error) {
	var j ImportJob
	var created, updated, finished sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT id, account_id, unit_id, file_name, status, total, imported, duplicates, failed, error,
		created_at, updated_at, finished_at FROM import_jobs WHERE id = $1`, id).Scan(&j.ID, &j.Account, &j.Unit, &j.FileName, &j.Status,
		&j.Total, &j.Imported, &j.Duplicates, &j.Failed, &j.Error, &created, &updated, &finished)
	if err == sql.ErrNoRows {
		return j, problem.Errorf(problem.NotFound, "Không có lượt nạp văn bản này")
	}
	j.CreatedAt, j.UpdatedAt, j.Finished = parseTime(created), parseTime(updated), parseTime(finished)
	return j, tx.translate(err, "lượt nạp văn bản")
}

// ImportJobFiles lists the outcomes of a job in the order they came, the
// failed ones first when failedFirst, at most limit (0: all).
func (tx *Tx) ImportJobFiles(ctx context.Context, job int64, failedFirst bool, limit int) ([]ImportJobFile, error) {
	order := `ordinal`
	if failedFirst {
		order = `CASE status WHEN 'failed' THEN 0 WHEN 'duplicate' THEN 1 ELSE 2 END, ordinal`
	}
	q := `SELECT ordinal, file_name, status, COALESCE(document_id, 0), error FROM import_job_files WHERE job_id = $1 ORDER BY ` + order
	args := []any{job}
	if limit > 0 {
		q += ` LIMIT $2`
		args = append(args, limit)
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, tx.translate(err, "lượt nạp văn bản")
	}
	defer rows.Close()
	var out []ImportJobFile
	for rows.Next() {
		var f ImportJobFile
		if err := rows.Scan(&f.Ordinal, &f.FileName, &f.Status, &f.Document, &f.Error); err != nil {
			return nil, tx.translate(err, "lượt nạp văn bản")
		}
		out = append(out, f)
	}
	return out, tx.translate(rows.Err(), "lượt nạp văn bản")
}
