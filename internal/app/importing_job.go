package app

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"lantoa/internal/ingest"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
)

// A bulk import started from a page runs as a job: its state (counts and
// the outcome of every file) is written to the database as it goes, so
// the page that follows it can be served by any instance and refresh
// itself until the job is done. The import itself runs in the instance
// that received the archive.

// jobFlushEvery bounds how long outcomes wait before they are written;
// jobHeartbeat is how often a running job says it is alive, and
// jobStalledAfter when a job that stopped saying so is shown as stalled
// (its instance stopped: the files already imported are kept, a new
// upload of the same archive finds them as duplicates).
const (
	jobFlushEvery   = time.Second
	jobHeartbeat    = 20 * time.Second
	jobStalledAfter = 2 * time.Minute
)

// ImportJobStarted is a job just started; Done is closed when it ends
// (tests wait on it; pages read the job's state instead).
type ImportJobStarted struct {
	ID   int64
	Done <-chan struct{}
}

// ImportJobView is a job as its page shows it.
type ImportJobView struct {
	store.ImportJob
	Unit    org.Unit
	Files   []store.ImportJobFile // failed first, then duplicates, then imported; at most the limit asked
	Stalled bool                  // still "running" but its instance stopped recording
}

// Running reports whether the job is still at work.
func (v ImportJobView) Running() bool { return v.Status == store.JobRunning && !v.Stalled }

// Finished counts the files whose outcome is recorded.
func (v ImportJobView) Finished() int { return v.Imported + v.Duplicates + v.Failed }

// StartZipImport imports the documents of a .zip into unit's reference
// register, as Import does, in the background: it checks that a may
// import there, lists the archive within the limits, records the job and
// returns at once. An archive that cannot be read at all is refused
// before any job is recorded.
func (s *Service) StartZipImport(ctx context.Context, a Actor, unit org.ID, name string, data []byte, lim ingest.Limits, zl ZipLimits) (ImportJobStarted, error) {
	var started ImportJobStarted
	if a.Account == 0 {
		return started, forbidden()
	}
	if err := s.mayActToday(ctx, a, unit, registerRoles); err != nil {
		return started, err
	}
	if lim == (ingest.Limits{}) {
		lim = ingest.DefaultLimits()
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return started, problem.Wrap(problem.Invalid, err, "Tệp nén .zip bị hỏng hoặc không phải tệp .zip: không đọc được danh mục bên trong")
	}
	c, err := ZipFiles(name, zr, lim, zl)
	if err != nil {
		return started, err
	}
	if len(c.Files)+len(c.Failed) == 0 {
		return started, problem.Errorf(problem.Invalid, "Tệp nén không có văn bản nào (.txt, .docx, .pdf, .doc, .odt)")
	}
	var job store.ImportJob
	err = s.store.InTx(ctx, func(tx *store.Tx) error {
		var err error
		job, err = tx.CreateImportJob(ctx, store.ImportJob{Account: a.Account, Unit: unit, FileName: name, Total: len(c.Files) + len(c.Failed)})
		if err != nil {
			return err
		}
		return audit(ctx, tx, a, "document.import.start", fmt.Sprintf("unit:%d", unit), fmt.Sprintf("Nạp tệp nén %s: %d tệp", name, job.Total))
	})
	if err != nil {
		return started, err
	}
	done := make(chan struct{})
	started = ImportJobStarted{ID: job.ID, Done: done}
	// The job outlives the request that started it.
	go s.runImportJob(context.WithoutCancel(ctx), a, job.ID, unit, c, lim, done)
	return started, nil
}

// runImportJob imports the files and records their outcomes as they come.
func (s *Service) runImportJob(ctx context.Context, a Actor, job int64, unit org.ID, c ZipContents, lim ingest.Limits, done chan struct{}) {
	defer close(done)
	var mu sync.Mutex // the heartbeat and the writer both write the job
	var pending []store.ImportJobFile
	last := time.Now()
	flush := func() error {
		mu.Lock()
		defer mu.Unlock()
		if len(pending) == 0 {
			return nil
		}
		err := s.store.InTx(ctx, func(tx *store.Tx) error { return tx.AddImportJobFiles(ctx, job, pending) })
		pending, last = pending[:0], time.Now()
		return err
	}
	var recordErr error
	record := func(o ImportOutcome) {
		f := store.ImportJobFile{FileName: o.File, Status: string(o.Status), Document: o.Document}
		if o.Err != nil {
			f.Error = strings.Join(strings.Fields(o.Err.Error()), " ")
		}
		mu.Lock()
		pending = append(pending, f)
		due := time.Since(last) >= jobFlushEvery
		mu.Unlock()
		if due && recordErr == nil {
			recordErr = flush()
		}
	}
	stop := make(chan struct{})
	go func() {
		t := time.NewTicker(jobHeartbeat)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				if err := flush(); err == nil {
					mu.Lock()
					s.store.InTx(ctx, func(tx *store.Tx) error { return tx.AddImportJobFiles(ctx, job, nil) })
					mu.Unlock()
				}
			}
		}
	}()
	for _, o := range c.Failed {
		record(o)
	}
	_, err := s.Import(ctx, a, c.Files, ImportOptions{Unit: unit, Limits: lim}, record)
	close(stop)
	if ferr := flush(); err == nil {
		err = ferr
	}
	if err == nil {
		err = recordErr
	}
	failure := ""
	if err != nil {
		_, failure = problemMessage(err)
	}
	ferr := s.store.InTx(ctx, func(tx *store.Tx) error { return tx.FinishImportJob(ctx, job, failure) })
	if ferr != nil {
		s.log.Error("import job: cannot record its end", "job", job, "err", ferr)
	}
}

// problemMessage is the kind and the clerk's message of an error; an
// internal error's details stay out of the message.
func problemMessage(err error) (problem.Kind, string) {
	k := problem.KindOf(err)
	if k == problem.Internal {
		return k, "Lỗi hệ thống khi nạp; các tệp đã nạp được giữ lại, hãy nạp lại tệp nén để tiếp tục"
	}
	return k, strings.Join(strings.Fields(err.Error()), " ")
}

// ImportJob reads a job for its page, with at most limit file outcomes
// (0: all). Only the person who started it sees it: to anyone else it
// does not exist.
func (s *Service) ImportJob(ctx context.Context, a Actor, id int64, limit int) (ImportJobView, error) {
	var v ImportJobView
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		if v.ImportJob, err = tx.ImportJobByID(ctx, id); err != nil {
			return err
		}
		if v.Account != a.Account || a.Account == 0 {
			return problem.Errorf(problem.NotFound, "Không có lượt nạp văn bản này")
		}
		if v.Unit, err = tx.Unit(ctx, v.ImportJob.Unit); err != nil {
			return err
		}
		v.Stalled = v.Status == store.JobRunning && tx.Now().Sub(v.UpdatedAt) > jobStalledAfter
		v.Files, err = tx.ImportJobFiles(ctx, id, true, limit)
		return err
	})
	return v, err
}
