package app_test

import (
	"bytes"
	"context"
	"testing"

	"lantoa/internal/app"
	"lantoa/internal/ingest"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
	"lantoa/internal/synth"
)

// A .zip import started from a page runs as a job whose counts and file
// outcomes are in the database; only its owner reads it; a job whose
// instance stopped recording shows as stalled.
func TestZipImportJob(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2024-03-01")
		ctx := context.Background()
		clerk := w.person("vt", org.Clerk, "btgthu")
		var archive bytes.Buffer
		if err := synth.New(2).WriteZip(&archive, 9); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.StartZipImport(ctx, clerk, w.id("btgtu"), "a.zip", archive.Bytes(), ingest.DefaultLimits(), app.DefaultZipLimits()); problem.KindOf(err) != problem.Forbidden {
			t.Fatalf("a clerk importing into another unit's register: err = %v, want forbidden", err)
		}
		started, err := w.svc.StartZipImport(ctx, clerk, w.id("btgthu"), "a.zip", archive.Bytes(), ingest.DefaultLimits(), app.DefaultZipLimits())
		if err != nil {
			t.Fatal(err)
		}
		<-started.Done
		v, err := w.svc.ImportJob(ctx, clerk, started.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if v.Status != store.JobDone || v.Running() || v.Total != 9 || v.Imported != 9 || len(v.Files) != 9 || v.Unit.Code != "btgthu" {
			t.Fatalf("job %+v: want done with 9 files imported into btgthu", v)
		}
		if _, err := w.svc.ImportJob(ctx, w.person("khac", org.Clerk, "btgthu"), started.ID, 0); problem.KindOf(err) != problem.NotFound {
			t.Errorf("another person's view of the job: err = %v, want not found", err)
		}

		// A job left "running" by an instance that stopped.
		var stuck store.ImportJob
		w.tx(func(ctx context.Context, tx *store.Tx) error {
			var err error
			stuck, err = tx.CreateImportJob(ctx, store.ImportJob{Account: clerk.Account, Unit: w.id("btgthu"), FileName: "b.zip", Total: 3})
			return err
		})
		if v, _ := w.svc.ImportJob(ctx, clerk, stuck.ID, 0); !v.Running() {
			t.Errorf("a job just recorded: %+v, want running", v)
		}
		w.at("2024-03-02")
		if v, _ := w.svc.ImportJob(ctx, clerk, stuck.ID, 0); v.Running() || !v.Stalled {
			t.Errorf("a job silent for a day: %+v, want stalled", v)
		}
	})
}
