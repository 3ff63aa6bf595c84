package store

import (
	"context"
	"sync"
	"time"
)

// bumpVersion moves the data version on; every write transaction runs it
// last, just before committing, so the row lock (PostgreSQL) is held only
// for the commit and the new version is visible exactly when the data is.
func (tx *Tx) bumpVersion(ctx context.Context) error {
	_, err := tx.ExecContext(ctx, `UPDATE data_version SET n = n + 1 WHERE id = 1`)
	return tx.translate(err, "ghi phiên bản dữ liệu")
}

// Version is the data version: it differs from an earlier reading exactly
// when some write has been committed since, by any instance. Read it before
// computing what is kept under it, so a result is never older than its key.
//
// Every request asks for it, so callers asking at the same time share one
// reading; a caller only ever joins a reading that starts after it asked,
// so what it gets is as fresh as a reading of its own.
func (s *Store) Version(ctx context.Context) (int64, error) {
	r := s.versions.join(s)
	select {
	case <-r.done:
		return r.n, r.err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// versionReads runs one reading of the version at a time; callers who ask
// while one runs wait together for the next, which starts when it ends.
type versionReads struct {
	mu      sync.Mutex
	running bool
	next    *versionReading // not started yet: anyone may still join
}

type versionReading struct {
	done chan struct{}
	n    int64
	err  error
}

func (v *versionReads) join(s *Store) *versionReading {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.next == nil {
		v.next = &versionReading{done: make(chan struct{})}
	}
	r := v.next
	if !v.running {
		v.running, v.next = true, nil
		go v.run(s, r)
	}
	return r
}

// run reads for r, then for whoever joined meanwhile, until no one waits.
func (v *versionReads) run(s *Store, r *versionReading) {
	for r != nil {
		ctx, cancel := context.WithTimeout(context.Background(), versionTimeout)
		r.err = s.ro.QueryRowContext(ctx, `SELECT n FROM data_version WHERE id = 1`).Scan(&r.n)
		cancel()
		r.err = s.translate(r.err, "đọc phiên bản dữ liệu")
		close(r.done)
		v.mu.Lock()
		r, v.next = v.next, nil
		v.running = r != nil
		v.mu.Unlock()
	}
}

// versionTimeout bounds a shared reading, which no single caller's
// context may cancel for the others.
const versionTimeout = 5 * time.Second
