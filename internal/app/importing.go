package app

import (
	"context"
	"errors"
	"fmt"
	"path"
	"runtime"
	"strings"
	"sync"

	"lantoa/internal/document"
	"lantoa/internal/ingest"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
)

// ImportFile is one file of a bulk import: its name, as reports show it,
// and how to read its bytes. Read runs on a worker, so files are read in
// parallel; it must not return more than the limits allow.
type ImportFile struct {
	Name string
	Read func() ([]byte, error)
}

// ImportStatus is what became of one file.
type ImportStatus string

const (
	Imported     ImportStatus = "imported"  // a new document (in a dry run: would be)
	Duplicate    ImportStatus = "duplicate" // already stored: the same file, or the same number, issuer and date
	ImportFailed ImportStatus = "failed"    // not read or not stored; Err says why
)

// ImportOutcome is the result of one file.
type ImportOutcome struct {
	File     string
	Status   ImportStatus
	Document document.ID // the stored document; 0 on failure and for a new document in a dry run
	Err      error
}

// ImportOptions tune a bulk import.
type ImportOptions struct {
	Unit      org.ID // the unit whose reference register receives the documents; 0: no register line
	DryRun    bool   // read and report, write nothing
	Limits    ingest.Limits
	Workers   int // readers in parallel; 0: GOMAXPROCS
	BatchSize int // documents written per transaction; 0: 200
}

// ImportSummary counts the outcomes of a run.
type ImportSummary struct {
	Imported, Duplicates, Failed int
	Stopped                      bool // the context was cancelled: files not yet read were left for a re-run
}

// batchBytes bounds the file content one transaction holds in memory.
const batchBytes = 64 << 20

// ImportUnit picks the unit whose reference register a bulk import files
// into: the unit with code; with no code, the one unit at the top of the
// organisation when there is exactly one. ok is false when no code was
// given and there is no single top unit: documents are then stored with
// no register line.
func (s *Service) ImportUnit(ctx context.Context, a Actor, code string) (u org.Unit, ok bool, err error) {
	err = s.store.View(ctx, func(tx *store.Tx) error {
		if strings.TrimSpace(code) != "" {
			if u, err = tx.UnitByCode(ctx, code); err != nil {
				return err
			}
			ok = true
			return maySeeUnit(ctx, tx, a, u.ID, dayOf(tx.Now()))
		}
		roots, err := tx.Roots(ctx, dayOf(tx.Now()))
		if err != nil || len(roots) != 1 {
			return err
		}
		u, ok = roots[0], true
		return maySeeUnit(ctx, tx, a, u.ID, dayOf(tx.Now()))
	})
	return u, ok, err
}

// readDoc is a file read by a worker, ready to be stored.
type readDoc struct {
	name    string
	data    []byte
	sha     string
	text    string
	meta    document.Metadata
	err     error
	skipped bool // the run was stopped before this file was read
}

// Import reads files in parallel and stores each document read, with its
// file, in batches of one transaction each: a file that fails is reported
// and the others go on; a batch that fails is retried file by file, so one
// bad document costs only itself. A file already stored (same content) or
// a document already stored (same number, issuer and date) is a duplicate:
// nothing new is stored, and the document is entered in the unit's
// reference register if it is not there yet. Citations link both ways as
// documents arrive, in any order. done receives every outcome, from one
// goroutine. When ctx is cancelled, the files already read are written and
// the run stops; a re-run finds them as duplicates. Only the system, or a
// clerk or administrator of opt.Unit, may import; without a unit, only
// the system.
func (s *Service) Import(ctx context.Context, a Actor, files []ImportFile, opt ImportOptions, done func(ImportOutcome)) (ImportSummary, error) {
	var sum ImportSummary
	if opt.Unit == 0 && !a.System {
		return sum, forbidden()
	}
	if opt.Unit != 0 {
		if err := s.mayActToday(ctx, a, opt.Unit, registerRoles); err != nil {
			return sum, err
		}
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.BatchSize <= 0 {
		opt.BatchSize = 200
	}
	if opt.Limits == (ingest.Limits{}) {
		opt.Limits = ingest.DefaultLimits()
	}
	report := func(o ImportOutcome) {
		switch o.Status {
		case Imported:
			sum.Imported++
		case Duplicate:
			sum.Duplicates++
		default:
			sum.Failed++
		}
		if done != nil {
			done(o)
		}
	}

	jobs := make(chan ImportFile)
	results := make(chan readDoc, 2*opt.Workers+min(opt.BatchSize, 64)) // read the next batch while one is written
	go func() {
		defer close(jobs)
		for _, f := range files {
			select {
			case jobs <- f:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range opt.Workers {
		wg.Go(func() {
			for f := range jobs {
				results <- readOne(ctx, f, opt.Limits)
			}
		})
	}
	go func() { wg.Wait(); close(results) }()

	// The batch in hand is written even once ctx is cancelled: it was read.
	wctx := context.WithoutCancel(ctx)
	seen := map[string]bool{} // files met in a dry run, which stores nothing to find them by
	var batch []readDoc
	size := 0
	flush := func() {
		if len(batch) == 0 {
			return
		}
		var outs []ImportOutcome
		if opt.DryRun {
			outs = s.dryRun(wctx, batch, seen)
		} else {
			outs = s.writeBatch(wctx, a, opt.Unit, batch)
		}
		for _, o := range outs {
			report(o)
		}
		batch, size = batch[:0], 0
	}
	for r := range results {
		switch {
		case r.skipped:
		case r.err != nil:
			report(ImportOutcome{File: r.name, Status: ImportFailed, Err: r.err})
		default:
			batch = append(batch, r)
			size += len(r.data)
			if len(batch) >= opt.BatchSize || size >= batchBytes {
				flush()
			}
		}
	}
	flush()
	sum.Stopped = sum.Imported+sum.Duplicates+sum.Failed < len(files)
	return sum, nil
}

// readOne reads, extracts and parses one file.
func readOne(ctx context.Context, f ImportFile, lim ingest.Limits) readDoc {
	r := readDoc{name: f.Name}
	if ctx.Err() != nil {
		r.skipped = true
		return r
	}
	data, err := f.Read()
	if err != nil {
		r.err = err
		return r
	}
	if int64(len(data)) > lim.MaxFileBytes {
		r.err = problem.Errorf(problem.TooLarge, "tệp quá lớn: %d byte, giới hạn %d byte", len(data), lim.MaxFileBytes)
		return r
	}
	res, err := ingest.ExtractBytes(ctx, path.Base(strings.ReplaceAll(f.Name, `\`, "/")), data, lim)
	if err != nil {
		// A read cut short by the stop is not the file's fault: it is left for the re-run.
		r.skipped = ctx.Err() != nil && errors.Is(err, ctx.Err())
		r.err = err
		return r
	}
	r.data, r.sha, r.text, r.meta = data, store.BlobKey(data), res.Text, document.Parse(res.Text)
	if err := newImported(r, "", nil).Validate(); err != nil {
		r.err = err
	}
	return r
}

// newImported is the document a file read in an import becomes: received,
// from outside, with its text.
func newImported(r readDoc, sha string, data []byte) document.Document {
	d := document.Document{Metadata: r.meta, Status: document.Received, Body: r.text}
	if sha != "" {
		d.File = document.File{SHA256: sha, Name: path.Base(strings.ReplaceAll(r.name, `\`, "/")), Size: int64(len(data))}
	}
	return d
}

// writeBatch stores a batch in one transaction; when that fails, file by
// file, so that only the bad ones fail.
func (s *Service) writeBatch(ctx context.Context, a Actor, unit org.ID, batch []readDoc) []ImportOutcome {
	outs, err := s.storeBatch(ctx, a, unit, batch)
	if err == nil {
		return outs
	}
	if len(batch) == 1 {
		return []ImportOutcome{{File: batch[0].name, Status: ImportFailed, Err: err}}
	}
	outs = make([]ImportOutcome, 0, len(batch))
	for i := range batch {
		outs = append(outs, s.writeBatch(ctx, a, unit, batch[i:i+1])...)
	}
	return outs
}

// storeBatch is one transaction of an import.
func (s *Service) storeBatch(ctx context.Context, a Actor, unit org.ID, batch []readDoc) ([]ImportOutcome, error) {
	outs := make([]ImportOutcome, 0, len(batch))
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		tx.ReusePrepared() // the same statements run for every document of the batch
		outs = outs[:0]
		shas := make([]string, len(batch))
		for i, r := range batch {
			shas[i] = r.sha
		}
		known, err := tx.DocumentsByFile(ctx, shas)
		if err != nil {
			return err
		}
		created, attached := 0, 0
		var ids []document.ID
		for _, r := range batch {
			if id, ok := known[r.sha]; ok {
				outs = append(outs, ImportOutcome{File: r.name, Status: Duplicate, Document: id})
				ids = append(ids, id)
				continue
			}
			// Another import or a clerk entering the same file at once must find one copy.
			if err := tx.Lock(ctx, "document:"+document.RefKey(r.meta.NumberSymbol)); err != nil {
				return err
			}
			id, found, err := tx.SameDocument(ctx, r.meta)
			if err != nil {
				return err
			}
			if found {
				if ok, err := attachIfNone(ctx, tx, id, r); err != nil {
					return err
				} else if ok {
					attached++
				}
				known[r.sha] = id
				outs = append(outs, ImportOutcome{File: r.name, Status: Duplicate, Document: id})
				ids = append(ids, id)
				continue
			}
			sha, err := tx.PutBlob(ctx, r.data)
			if err != nil {
				return err
			}
			d, err := tx.CreateDocument(ctx, newImported(r, sha, r.data))
			if err != nil {
				return err
			}
			known[r.sha] = d.ID
			created++
			outs = append(outs, ImportOutcome{File: r.name, Status: Imported, Document: d.ID})
			ids = append(ids, d.ID)
		}
		entered, err := enterReference(ctx, tx, unit, ids)
		if err != nil || created+attached+entered == 0 {
			return err
		}
		object := "import"
		if unit != 0 {
			object = fmt.Sprintf("unit:%d", unit)
		}
		return audit(ctx, tx, a, "document.import", object,
			fmt.Sprintf("Nạp hàng loạt %d tệp: %d văn bản mới, %d trùng, %d dòng sổ tham khảo", len(batch), created, len(batch)-created, entered))
	})
	return outs, err
}

// attachIfNone gives a document already stored the file just read when it
// has none (it was entered by hand or from another unit's register).
func attachIfNone(ctx context.Context, tx *store.Tx, id document.ID, r readDoc) (bool, error) {
	d, err := tx.Document(ctx, id)
	if err != nil || d.File.SHA256 != "" {
		return false, err
	}
	sha, err := tx.PutBlob(ctx, r.data)
	if err != nil {
		return false, err
	}
	return true, tx.AttachFile(ctx, id, newImported(r, sha, r.data).File, r.text)
}

// enterReference enters in unit's reference register the documents not
// yet in it, and says how many it entered.
func enterReference(ctx context.Context, tx *store.Tx, unit org.ID, ids []document.ID) (int, error) {
	if unit == 0 || len(ids) == 0 {
		return 0, nil
	}
	in, err := tx.InRegister(ctx, unit, document.Reference, ids)
	if err != nil {
		return 0, err
	}
	var missing []document.ID
	for _, id := range ids {
		if !in[id] {
			in[id] = true
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		return 0, nil
	}
	return len(missing), tx.FileForReference(ctx, unit, dayOf(tx.Now()), missing)
}

// dryRun says what storeBatch would do, writing nothing.
func (s *Service) dryRun(ctx context.Context, batch []readDoc, seen map[string]bool) []ImportOutcome {
	outs := make([]ImportOutcome, 0, len(batch))
	err := s.store.View(ctx, func(tx *store.Tx) error {
		shas := make([]string, len(batch))
		for i, r := range batch {
			shas[i] = r.sha
		}
		known, err := tx.DocumentsByFile(ctx, shas)
		if err != nil {
			return err
		}
		for _, r := range batch {
			id, dup := known[r.sha]
			if !dup {
				if id, dup, err = tx.SameDocument(ctx, r.meta); err != nil {
					return err
				}
			}
			switch {
			case dup || seen[r.sha]:
				outs = append(outs, ImportOutcome{File: r.name, Status: Duplicate, Document: id})
			default:
				outs = append(outs, ImportOutcome{File: r.name, Status: Imported})
			}
			seen[r.sha] = true
		}
		return nil
	})
	if err != nil {
		outs = outs[:0]
		for _, r := range batch {
			outs = append(outs, ImportOutcome{File: r.name, Status: ImportFailed, Err: err})
		}
	}
	return outs
}
