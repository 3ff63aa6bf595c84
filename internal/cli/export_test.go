package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The README's export commands: the board's report as Word, the annex
// at the highest unit the directive reached, and errors that say what to do.
func TestExportWritesTheReportFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lantoa.db")
	if code, out, errs := run(t, "", "demo", "--db", db); code != 0 {
		t.Fatalf("demo: exit %d\n%s\n%s", code, out, errs)
	}
	docx := filepath.Join(dir, "bao-cao.docx")
	code, out, errs := run(t, "", "export", "--db", db, "--directive", "12-CT/TW", "--unit", "ltu-btg", "--as-of", "31/12/2022", "--format", "docx", "-o", docx)
	if code != 0 || !strings.Contains(out, "tại Ban Tuyên giáo Tỉnh ủy Lai Châu, tính đến ngày 31/12/2022") {
		t.Fatalf("export docx: exit %d\n%s\n%s", code, out, errs)
	}
	if data, err := os.ReadFile(docx); err != nil || !bytes.HasPrefix(data, []byte("PK")) {
		t.Errorf("%s is not a Word file: %v", docx, err)
	}
	xlsx := filepath.Join(dir, "phu-luc.xlsx")
	code, out, errs = run(t, "", "export", "--db", db, "--directive", "12-CT/TW", "--as-of", "31/12/2022", "--format", "xlsx", "-o", xlsx)
	if code != 0 || !strings.Contains(out, "tại Ban Bí thư Trung ương Đảng") {
		t.Fatalf("export xlsx without --unit: exit %d\n%s\n%s", code, out, errs)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export", "--db", db, "--directive", "12-CT/TW", "--format", "docx"}, 2, "Cách dùng"},
		{[]string{"export", "--db", db, "--directive", "12-CT/TW", "--format", "odt", "-o", "x.odt"}, 2, "hãy chọn docx, pdf hoặc xlsx"},
		{[]string{"export", "--db", db, "--directive", "12-CT/TW", "--as-of", "31-12", "--format", "pdf", "-o", "x.pdf"}, 2, "không đúng dạng dd/mm/yyyy"},
		{[]string{"export", "--db", db, "--directive", "99-CT/TW", "--format", "pdf", "-o", "x.pdf"}, 1, "Không có văn bản số 99-CT/TW"},
		{[]string{"export", "--db", db, "--directive", "12-CT/TW", "--unit", "khong-co", "--format", "pdf", "-o", "x.pdf"}, 1, "khong-co"},
	} {
		code, _, errs := run(t, "", c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d mentioning %q", c.args, code, errs, c.code, c.want)
		}
	}
}
