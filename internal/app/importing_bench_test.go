package app_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
	"lantoa/internal/synth"
)

// BenchmarkImportSynthTxt and BenchmarkImportSynthDocx measure the import
// rate into SQLite of a generated archive (every family and type, with
// citations between documents), as .txt and as .docx: read, extract,
// parse, store with file, citations and search index, and file in a
// register. The files are made in memory before the clock starts.
func BenchmarkImportSynthTxt(b *testing.B)  { benchmarkImportSynth(b, false) }
func BenchmarkImportSynthDocx(b *testing.B) { benchmarkImportSynth(b, true) }

func benchmarkImportSynth(b *testing.B, docx bool) {
	s := storetest.Open(b, filepath.Join(b.TempDir(), "lantoa.db"))
	var unit org.Unit
	err := s.InTx(context.Background(), func(tx *store.Tx) error {
		var err error
		unit, err = tx.CreateUnit(context.Background(), org.Unit{Code: "vt", Notation: "VT", Name: "Văn thư lưu trữ tỉnh",
			Family: document.State, Kind: org.StateOffice, Valid: org.Span{From: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}})
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	g := synth.New(1)
	files := make([]app.ImportFile, b.N)
	for i := range files {
		files[i] = importFile(g.Next().File(docx))
	}
	svc := app.New(s, nil)
	b.ResetTimer()
	sum, err := svc.Import(context.Background(), app.System(), files, app.ImportOptions{Unit: unit.ID}, nil)
	b.StopTimer()
	if err != nil || sum.Imported != b.N {
		b.Fatalf("%+v, %v: want %d imported", sum, err, b.N)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "văn_bản/s")
}
