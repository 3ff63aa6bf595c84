package synth

import (
	"archive/zip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/ingest"
	"lantoa/internal/vn"
)

// mismatches says where the parser reads something else than was written.
func mismatches(d Document, m document.Metadata) []string {
	var out []string
	check := func(field, want, got string) {
		if want != got {
			out = append(out, fmt.Sprintf("%s: want %q, got %q", field, want, got))
		}
	}
	check("number_symbol", d.NumberSymbol, m.NumberSymbol)
	check("doc_type", d.Type, m.DocType)
	check("issuer", d.Issuer, m.Issuer)
	check("date", d.Date.Format("2006-01-02"), m.Date)
	check("subject", d.Subject, m.Subject)
	check("place", d.Place, m.Place)
	var cites []string
	for _, c := range m.Citations {
		if !slices.Contains(cites, c.NumberSymbol) {
			cites = append(cites, c.NumberSymbol)
		}
	}
	check("citations", strings.Join(d.Cites, ", "), strings.Join(cites, ", "))
	return out
}

// The parser reads back what the generator wrote, for nearly every document.
func TestGeneratedDocumentsParse(t *testing.T) {
	g := New(7)
	const n = 600
	failed := 0
	for range n {
		d := g.Next()
		if bad := mismatches(d, document.Parse(d.Text)); len(bad) > 0 {
			failed++
			if failed <= 15 {
				t.Logf("%s:\n  %s", d.Name, strings.Join(bad, "\n  "))
			}
		}
	}
	rate := float64(n-failed) / n
	t.Logf("%d of %d read back exactly", n-failed, n)
	if rate < 0.95 {
		t.Fatalf("%d of %d generated documents parse differently from what was written (%.1f %% right, want ≥ 95 %%)", failed, n, 100*rate)
	}
}

// A .docx made by the generator reads back as a .txt does, header tables included.
func TestDocxReadsBack(t *testing.T) {
	g := New(3)
	const n = 100
	failed := 0
	for range n {
		d := g.Next()
		name, data := d.File(true)
		res, err := ingest.ExtractBytes(context.Background(), name, data, ingest.DefaultLimits())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if bad := mismatches(d, document.Parse(res.Text)); len(bad) > 0 {
			failed++
			if failed <= 5 {
				t.Logf("%s read from .docx:\n  %s\n%s", name, strings.Join(bad, "\n  "), res.Text)
			}
		}
	}
	if failed > n/20 {
		t.Fatalf("%d of %d .docx files parse differently from what was written", failed, n)
	}
}

// The same seed gives the same archive; another seed another one.
func TestSameSeedSameDocuments(t *testing.T) {
	a, b, c := New(11), New(11), New(12)
	same := 0
	for range 50 {
		da, db, dc := a.Next(), b.Next(), c.Next()
		if da.Text != db.Text || da.Name != db.Name {
			t.Fatalf("seed 11 gave %s then %s", da.Name, db.Name)
		}
		if da.Text == dc.Text {
			same++
		}
	}
	if same == 50 {
		t.Fatal("seeds 11 and 12 gave the same documents")
	}
}

// Citations point back to documents generated earlier, never forward.
func TestCitationsPointBack(t *testing.T) {
	g := New(5)
	seen := map[string]time.Time{}
	cites := 0
	for range 1000 {
		d := g.Next()
		for _, c := range d.Cites {
			day, ok := seen[c]
			if !ok || day.After(d.Date) {
				t.Fatalf("%s cites %s, not generated before it", d.Name, c)
			}
			cites++
		}
		seen[d.NumberSymbol] = d.Date
	}
	if cites < 300 {
		t.Fatalf("%d citations in 1000 documents: the archive should cascade", cites)
	}
}

// WriteArchive writes the documents asked for, in each format.
func TestWriteArchive(t *testing.T) {
	for _, format := range []string{FormatTxt, FormatDocx, FormatZip} {
		dir := t.TempDir()
		if err := New(1).WriteArchive(dir, 30, format); err != nil {
			t.Fatal(err)
		}
		entries, _ := os.ReadDir(dir)
		var names []string
		if format == FormatZip {
			zr, err := zip.OpenReader(filepath.Join(dir, ArchiveName))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range zr.File {
				names = append(names, f.Name)
			}
			zr.Close()
		} else {
			for _, e := range entries {
				names = append(names, e.Name())
			}
		}
		docx := 0
		for _, n := range names {
			if strings.HasSuffix(n, ".docx") {
				docx++
			}
		}
		want := map[string]int{FormatTxt: 0, FormatDocx: 30, FormatZip: 10}[format]
		if len(names) != 30 || docx != want {
			t.Errorf("%s: %d files, %d .docx; want 30 files, %d .docx", format, len(names), docx, want)
		}
	}
	if err := New(1).WriteArchive(t.TempDir(), 1, "pdf"); err == nil {
		t.Error("format pdf accepted")
	}
}

// An archive of a thousand documents has every family and every common
// type, in NFC.
func TestEveryFamilyAndType(t *testing.T) {
	g := New(8)
	families, types := map[document.Family]bool{}, map[string]bool{}
	for range 1000 {
		d := g.Next()
		families[d.Family], types[d.Type] = true, true
		if vn.NFC(d.Text) != d.Text {
			t.Fatalf("%s is not in NFC", d.Name)
		}
	}
	for _, f := range []document.Family{document.Party, document.State, document.Union, document.Front} {
		if !families[f] {
			t.Errorf("no document of family %s", f)
		}
	}
	for _, name := range typeNames {
		if !types[name] {
			t.Errorf("no %s", name)
		}
	}
}
