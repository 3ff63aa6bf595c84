package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), args, Stdio{In: strings.NewReader(stdin), Out: &out, Err: &errb}, func(string) string { return "" })
	return code, out.String(), errb.String()
}

func TestParseJSONLines(t *testing.T) {
	example := filepath.Join("..", "..", "examples", "967-LDLD-cong-van.txt")
	missing := filepath.Join(t.TempDir(), "khong-co.txt")
	code, out, errs := run(t, "", "parse", "--json", example, missing)
	if code != 1 {
		t.Errorf("exit status %d, want 1 when a file fails", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("want one JSON line per file, got %d:\n%s", len(lines), out)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &doc); err != nil {
		t.Fatal(err)
	}
	fields := []string{"file", "family", "doc_type", "number", "symbol", "number_symbol", "issuer", "parent_issuer", "place", "date",
		"subject", "recipients", "citations", "signer_name", "signer_capacity", "distribution", "urgency", "confidentiality",
		"assignments", "report_deadline", "forms", "warnings"}
	for _, f := range fields {
		if _, ok := doc[f]; !ok {
			t.Errorf("field %q missing", f)
		}
	}
	if len(doc) != len(fields) {
		t.Errorf("got %d fields, want exactly %d", len(doc), len(fields))
	}
	if doc["number_symbol"] != "967/LĐLĐ" || doc["date"] != "2022-07-11" || doc["doc_type"] != "Công văn" {
		t.Errorf("read %v %v %v", doc["number_symbol"], doc["date"], doc["doc_type"])
	}
	if rd, _ := doc["report_deadline"].(map[string]any); rd == nil || rd["text"] != "trong báo cáo năm 2022" || rd["date"] != nil {
		t.Errorf("report_deadline = %v", doc["report_deadline"])
	}
	var failed map[string]string
	if err := json.Unmarshal([]byte(lines[1]), &failed); err != nil || failed["file"] != missing || !strings.Contains(failed["error"], "không tồn tại") {
		t.Errorf("failed file line = %s", lines[1])
	}
	if !strings.Contains(errs, "không tồn tại") || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
		t.Errorf("stderr = %q, want one line about the missing file", errs)
	}
}

func TestParseStdinSummary(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "71-HD-BTGTU-huong-dan.txt"))
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ := run(t, string(b), "parse", "-")
	if code != 0 {
		t.Fatalf("exit status %d", code)
	}
	for _, want := range []string{"Hướng dẫn", "71-HD/BTGTU", "22/06/2022", "Đảng", "TỈNH ỦY LAI CHÂU / BAN TUYÊN GIÁO", "không thấy người ký"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	if code, _, errs := run(t, "", "nope"); code != 2 || !strings.Contains(errs, "không có lệnh") {
		t.Errorf("unknown command: %d %q", code, errs)
	}
	if code, _, _ := run(t, "", "parse"); code != 2 {
		t.Errorf("parse without files: exit %d, want 2", code)
	}
	if code, out, _ := run(t, ""); code != 0 || !strings.Contains(out, "parse") {
		t.Errorf("help: %d %q", code, out)
	}
}
