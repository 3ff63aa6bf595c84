package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// lantoa search over the demo: the notation typed first ranks its document
// first, one JSON line per document; words without accents find the
// directive; the table is headed.
func TestSearchTheDemo(t *testing.T) {
	db := t.TempDir() + "/lantoa.db"
	if code, _, errs := run(t, "", "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	code, out, errs := run(t, "", "search", "--db", db, "--json", "71-HD/BTGTU")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var first struct {
		ID           int64  `json:"id"`
		NumberSymbol string `json:"number_symbol"`
		Snippet      string `json:"snippet"`
	}
	if code != 0 || json.Unmarshal([]byte(lines[0]), &first) != nil || first.NumberSymbol != "71-HD/BTGTU" || first.ID == 0 {
		t.Fatalf("search --json: exit %d\n%s\n%s", code, out, errs)
	}
	if len(lines) < 2 || !strings.Contains(lines[1], "<mark>BTGTU</mark>") {
		t.Errorf("the documents citing it should follow, the notation marked:\n%s", out)
	}
	code, out, _ = run(t, "", "search", "chi", "thi", "12", "doi", "ngoai", "--db", db)
	if code != 0 || !strings.Contains(out, "Số, ký hiệu") || !strings.Contains(out, "12-CT/TW") {
		t.Errorf("search as a table: exit %d\n%s", code, out)
	}
	if code, _, errs := run(t, "", "search", "--db", db); code != 2 || !strings.Contains(errs, "văn bản mật") {
		t.Errorf("search without words: exit %d, %s", code, errs)
	}
}
