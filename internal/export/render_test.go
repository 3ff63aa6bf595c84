package export_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"lantoa/internal/export"
)

// TestRenderedLayoutForLooking converts the DOCX of a party and of a
// union report to PDF with LibreOffice, and both and our own PDF to PNG,
// so the layout can be looked at. It skips where LibreOffice or poppler
// is not installed. LANTOA_EXPORT_PNG=dir keeps the pictures there
// (docs/exports holds the ones looked at).
func TestRenderedLayoutForLooking(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) not installed")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) not installed")
	}
	if testing.Short() {
		t.Skip("renders with LibreOffice: not in -short")
	}
	dir := t.TempDir()
	keep := os.Getenv("LANTOA_EXPORT_PNG")
	s := loadDemo(t)
	for _, c := range []struct{ unit, name string }{{"ltu-btg", "bao-cao-dang"}, {"ldld", "bao-cao-cong-doan"}} {
		r := demoResults(t, s, c.unit)
		docx, err := r.File(export.FormatDOCX)
		if err != nil {
			t.Fatal(err)
		}
		pdf, err := r.File(export.FormatPDF)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, c.name+".docx"), docx, 0o644)
		os.WriteFile(filepath.Join(dir, c.name+"-pdf.pdf"), pdf, 0o644)
		cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo"),
			"--convert-to", "pdf", "--outdir", dir, filepath.Join(dir, c.name+".docx"))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("LibreOffice cannot convert the DOCX: %v\n%s", err, out)
		}
		for _, p := range []struct{ pdf, png string }{{c.name + ".pdf", c.name + "-docx"}, {c.name + "-pdf.pdf", c.name + "-pdf"}} {
			out := filepath.Join(dir, p.png)
			if b, err := exec.Command("pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", filepath.Join(dir, p.pdf), out).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm %s: %v\n%s", p.pdf, err, b)
			}
			png, err := os.ReadFile(out + ".png")
			if err != nil || len(png) < 1000 {
				t.Fatalf("%s: no picture (%v)", p.png, err)
			}
			if keep != "" {
				os.WriteFile(filepath.Join(keep, p.png+".png"), png, 0o644)
			}
		}
	}

	// The annex opens in LibreOffice Calc as it is, without a repair.
	xlsx, err := demoResults(t, s, "ltu").File(export.FormatXLSX)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "phu-luc.xlsx"), xlsx, 0o644)
	out, err := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo"),
		"--convert-to", "pdf", "--outdir", dir, filepath.Join(dir, "phu-luc.xlsx")).CombinedOutput()
	switch _, statErr := os.Stat(filepath.Join(dir, "phu-luc.pdf")); {
	case strings.Contains(string(out), "no export filter"):
		t.Log("LibreOffice Calc not installed: the annex was not opened")
	case err != nil || statErr != nil:
		t.Errorf("LibreOffice cannot open the annex: %v %v\n%s", err, statErr, out)
	}
}
