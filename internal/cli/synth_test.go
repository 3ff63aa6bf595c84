package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// A generated archive imports whole: every document new, none failed, and
// a second run finds them all.
func TestSynthArchiveImports(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := run(t, "", "synth", "--seed", "3", "--format", "zip", "-n", "60", "-o", dir)
	if code != 0 || !strings.Contains(out, "Đã tạo 60 văn bản") {
		t.Fatalf("synth: status %d\n%s%s", code, out, errs)
	}
	db := filepath.Join(dir, "lantoa.db")
	archive := filepath.Join(dir, "archive.zip")
	code, out, errs = run(t, "", "import", "--db", db, archive)
	if code != 0 || !strings.Contains(out, "60 văn bản mới, 0 trùng, 0 lỗi") {
		t.Fatalf("import: status %d\n%s%s", code, out, errs)
	}
	code, out, _ = run(t, "", "import", "--db", db, archive)
	if code != 0 || !strings.Contains(out, "0 văn bản mới, 60 trùng, 0 lỗi") {
		t.Fatalf("second import: status %d\n%s", code, out)
	}
}

func TestSynthUsage(t *testing.T) {
	if code, _, errs := run(t, "", "synth", "-o", t.TempDir()); code != 2 || !strings.Contains(errs, "Cách dùng: lantoa synth") {
		t.Errorf("synth without -n: status %d\n%s", code, errs)
	}
	if code, _, errs := run(t, "", "synth", "-n", "2", "--format", "pdf", "-o", t.TempDir()); code != 1 || !strings.Contains(errs, "không hỗ trợ") {
		t.Errorf("synth --format pdf: status %d\n%s", code, errs)
	}
}
