package app_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// importFile is a file of an import held in memory.
func importFile(name string, data []byte) app.ImportFile {
	return app.ImportFile{Name: name, Read: func() ([]byte, error) { return data, nil }}
}

func exampleFile(t testing.TB, name string) app.ImportFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	return importFile(name, data)
}

// runImport imports files as the system and returns the outcomes by file.
func runImport(t *testing.T, w *laiChau, opt app.ImportOptions, files ...app.ImportFile) (app.ImportSummary, map[string]app.ImportOutcome) {
	t.Helper()
	got := map[string]app.ImportOutcome{}
	sum, err := w.svc.Import(context.Background(), app.System(), files, opt, func(o app.ImportOutcome) { got[o.File] = o })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(files) {
		t.Fatalf("%d outcomes for %d files: %v", len(got), len(files), got)
	}
	return sum, got
}

func TestImportLinksChildBeforeParentAndFilesInReference(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2022-07-20")
		opt := app.ImportOptions{Unit: w.id("btgtu"), BatchSize: 1}
		// The city board's guidance cites 71-HD/BTGTU, which arrives later.
		_, child := runImport(t, w, opt, exampleFile(t, "BTGThU-huong-dan.txt"))
		_, parent := runImport(t, w, opt, exampleFile(t, "71-HD-BTGTU-huong-dan.txt"))
		c, p := child["BTGThU-huong-dan.txt"], parent["71-HD-BTGTU-huong-dan.txt"]
		if c.Status != app.Imported || p.Status != app.Imported {
			t.Fatalf("child %+v, parent %+v: want both imported", c, p)
		}
		d, err := w.svc.Document(context.Background(), app.System(), c.Document)
		if err != nil {
			t.Fatal(err)
		}
		linked := false
		for i, cit := range d.Citations {
			if document.RefKey(cit.NumberSymbol) == document.RefKey("71-HD/BTGTU") {
				linked = d.Targets[i] == p.Document
			}
		}
		if !linked {
			t.Errorf("the child's citation of 71-HD/BTGTU is not linked to document %d: %v %v", p.Document, d.Citations, d.Targets)
		}
		nodes, err := w.svc.Cascade(context.Background(), app.System(), p.Document)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, n := range nodes {
			found = found || n.Doc.ID == c.Document
		}
		if !found {
			t.Errorf("the cascade of 71-HD/BTGTU does not hold the guidance imported before it")
		}
		if d.File.SHA256 == "" || d.File.Name != "BTGThU-huong-dan.txt" {
			t.Errorf("file = %+v, want the original file stored with the document", d.File)
		}
		page, err := w.svc.Register(context.Background(), app.System(), store.RegisterFilter{Unit: w.id("btgtu"), Register: document.Reference})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != 2 {
			t.Errorf("reference register of btgtu has %d lines, want 2", page.Total)
		}
	})
}

func TestImportTwiceFindsDuplicates(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2022-07-20")
		files := []app.ImportFile{exampleFile(t, "71-HD-BTGTU-huong-dan.txt"), exampleFile(t, "967-LDLD-cong-van.txt"),
			exampleFile(t, "BTGThU-huong-dan.txt"), importFile("chao.txt", []byte("xin chào các bạn\n"))}
		// The same file twice in one run is stored once.
		files = append(files, importFile("ban-sao/967.txt", mustRead(t, files[1])))
		opt := app.ImportOptions{Unit: w.id("ldld"), BatchSize: 2}
		sum, got := runImport(t, w, opt, files...)
		if sum.Imported != 3 || sum.Duplicates != 1 || sum.Failed != 1 {
			t.Fatalf("first run %+v, want 3 imported, 1 duplicate, 1 failed: %v", sum, got)
		}
		if o := got["chao.txt"]; o.Status != app.ImportFailed || problem.KindOf(o.Err) != problem.Invalid {
			t.Errorf("a text with no number nor subject: %+v, want failed as invalid", o)
		}
		if got["ban-sao/967.txt"].Document != got["967-LDLD-cong-van.txt"].Document {
			t.Errorf("a copy of a file is a new document: %v", got)
		}
		sum, again := runImport(t, w, opt, files...)
		if sum.Imported != 0 || sum.Duplicates != 4 || sum.Failed != 1 {
			t.Fatalf("second run %+v, want 0 imported, 4 duplicates", sum)
		}
		for name, o := range got {
			if o.Document != again[name].Document {
				t.Errorf("%s: document %d, then %d", name, o.Document, again[name].Document)
			}
		}
		// Another file of a document already stored (same number, issuer, date) is a duplicate too.
		edited := append(mustRead(t, files[0]), []byte("\nBản sao lưu.\n")...)
		sum, other := runImport(t, w, opt, importFile("71-ban-khac.txt", edited))
		if sum.Duplicates != 1 || other["71-ban-khac.txt"].Document != got["71-HD-BTGTU-huong-dan.txt"].Document {
			t.Errorf("another file of 71-HD/BTGTU: %+v, want a duplicate of document %d", other, got["71-HD-BTGTU-huong-dan.txt"].Document)
		}
		page, err := w.svc.Register(context.Background(), app.System(), store.RegisterFilter{Unit: w.id("ldld"), Register: document.Reference})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != 3 {
			t.Errorf("reference register has %d lines after three runs, want 3", page.Total)
		}
	})
}

func mustRead(t *testing.T, f app.ImportFile) []byte {
	t.Helper()
	data, err := f.Read()
	if err != nil {
		t.Fatal(err)
	}
	return append([]byte(nil), data...)
}

func TestImportDryRunWritesNothing(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2022-07-20")
		f := exampleFile(t, "967-LDLD-cong-van.txt")
		sum, got := runImport(t, w, app.ImportOptions{Unit: w.id("ldld"), DryRun: true}, f, importFile("copy.txt", mustRead(t, f)))
		if sum.Imported != 1 || sum.Duplicates != 1 || got["967-LDLD-cong-van.txt"].Document != 0 {
			t.Fatalf("dry run %+v %v, want one new (not stored) and its copy a duplicate", sum, got)
		}
		if ds, err := w.svc.DocumentsByNumber(context.Background(), app.System(), "967/LĐLĐ"); problem.KindOf(err) != problem.NotFound {
			t.Errorf("after a dry run 967/LĐLĐ is stored: %v, %v", ds, err)
		}
	})
}

func TestImportIsForTheSystemOrTheUnitsClerks(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2022-07-20")
		clerk := w.person("vanthu", org.Clerk, "ldld")
		f := exampleFile(t, "967-LDLD-cong-van.txt")
		_, err := w.svc.Import(context.Background(), clerk, []app.ImportFile{f}, app.ImportOptions{Unit: w.id("btgtu")}, nil)
		wantKind(t, "a clerk importing into another unit", err, problem.Forbidden)
		_, err = w.svc.Import(context.Background(), clerk, []app.ImportFile{f}, app.ImportOptions{}, nil)
		wantKind(t, "a clerk importing into no register", err, problem.Forbidden)
		sum, err := w.svc.Import(context.Background(), clerk, []app.ImportFile{f}, app.ImportOptions{Unit: w.id("ldld")}, nil)
		if err != nil || sum.Imported != 1 {
			t.Errorf("a clerk importing into their unit: %+v, %v", sum, err)
		}
	})
}

func TestImportUnit(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2022-07-20")
		u, ok, err := w.svc.ImportUnit(context.Background(), app.System(), "ldld")
		if err != nil || !ok || u.ID != w.id("ldld") {
			t.Errorf("ImportUnit(ldld) = %v %v %v", u.Code, ok, err)
		}
		_, _, err = w.svc.ImportUnit(context.Background(), app.System(), "khong-co")
		wantKind(t, "an unknown unit", err, problem.NotFound)
		// Two top units (btgtu and khac): no register is guessed.
		if _, ok, err := w.svc.ImportUnit(context.Background(), app.System(), ""); ok || err != nil {
			t.Errorf("with two top units, ImportUnit chose one: %v %v", ok, err)
		}
	})
}

func TestImportStoppedKeepsWhatWasWritten(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2022-07-20")
		ctx, cancel := context.WithCancel(context.Background())
		files := syntheticFiles(t, 50)
		// Stop after the first batch has been written.
		stopped := 0
		sum, err := w.svc.Import(ctx, app.System(), files, app.ImportOptions{BatchSize: 10, Workers: 2}, func(o app.ImportOutcome) {
			if stopped++; stopped == 10 {
				cancel()
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		if !sum.Stopped || sum.Imported < 10 || sum.Imported >= 50 || sum.Failed != 0 {
			t.Fatalf("stopped run %+v, want stopped after at least a batch, nothing failed", sum)
		}
		again, _ := runImport(t, w, app.ImportOptions{}, files...)
		if again.Duplicates != sum.Imported || again.Imported != 50-sum.Imported {
			t.Errorf("re-run %+v after %+v: want the rest imported, the first ones duplicates", again, sum)
		}
	})
}

var numberLine = regexp.MustCompile(`(?m)^Số (\d+)-HD/BTGTU$`)
var dateLine = regexp.MustCompile(`ngày 22 tháng 6 năm 2022`)

// syntheticFiles makes n distinct guidance documents from the example,
// each with its own number and day.
func syntheticFiles(t testing.TB, n int) []app.ImportFile {
	t.Helper()
	base := mustReadExample(t, "71-HD-BTGTU-huong-dan.txt")
	files := make([]app.ImportFile, n)
	for i := range files {
		text := numberLine.ReplaceAll(base, fmt.Appendf(nil, "Số %d-HD/BTGTU", 1000+i))
		day := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%365)
		text = dateLine.ReplaceAll(text, fmt.Appendf(nil, "ngày %d tháng %d năm %d", day.Day(), day.Month(), day.Year()))
		files[i] = importFile(fmt.Sprintf("hd-%05d.txt", i), text)
	}
	return files
}

func mustReadExample(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	if !numberLine.Match(data) || !dateLine.Match(data) {
		t.Fatalf("%s no longer has the number and date lines the synthetic documents vary", name)
	}
	return data
}

// BenchmarkImportTxt measures the import rate of .txt files into SQLite:
// read, parse, store with file and citations, and file in a register.
func BenchmarkImportTxt(b *testing.B) {
	s := storetest.Open(b, filepath.Join(b.TempDir(), "lantoa.db"))
	var unit org.Unit
	err := s.InTx(context.Background(), func(tx *store.Tx) error {
		var err error
		unit, err = tx.CreateUnit(context.Background(), org.Unit{Code: "btgtu", Notation: "BTGTU", Name: "Ban Tuyên giáo Tỉnh ủy",
			Family: document.Party, Kind: "party_board", Valid: org.Span{From: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}})
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	files := syntheticFiles(b, b.N)
	svc := app.New(s, nil)
	b.ResetTimer()
	sum, err := svc.Import(context.Background(), app.System(), files, app.ImportOptions{Unit: unit.ID}, nil)
	b.StopTimer()
	if err != nil || sum.Imported != b.N {
		b.Fatalf("%+v, %v: want %d imported", sum, err, b.N)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "văn_bản/s")
}
