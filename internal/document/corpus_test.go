package document

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// sharedDir finds ../shared beside the repository, where the real documents
// and their gold annotations live (they are never copied into the repository).
func sharedDir(t *testing.T) string {
	t.Helper()
	dir, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared"))
	if _, err := os.Stat(filepath.Join(dir, "tools", "parse-eval")); err != nil {
		t.Skip("../shared không có bên cạnh kho mã: bỏ qua phép chấm trên văn bản thật")
	}
	return dir
}

// predict parses every .txt of a folder and writes JSON Lines as `lantoa parse --json` does.
func predict(t *testing.T, dir string) []byte {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var out bytes.Buffer
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		meta, _ := json.Marshal(Parse(string(b)))
		name, _ := json.Marshal(filepath.Base(f))
		out.WriteString(`{"file":` + string(name) + "," + string(meta[1:]) + "\n")
	}
	return out.Bytes()
}

// score runs the shared scorer on predictions and returns its report.
func score(t *testing.T, shared, gold string, pred []byte, minimum string) string {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 không có: không chạy được parse-eval")
	}
	f := filepath.Join(t.TempDir(), "pred.jsonl")
	if err := os.WriteFile(f, pred, 0o644); err != nil {
		t.Fatal(err)
	}
	if dump := os.Getenv("LANTOA_DUMP_PRED"); dump != "" {
		os.WriteFile(dump, pred, 0o644)
	}
	cmd := exec.Command("python3", filepath.Join(shared, "tools", "parse-eval"), gold, f, "--min", minimum, "--verbose")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("parse-eval below %s:\n%s", minimum, out)
	}
	return string(out)
}

func TestSeedsScore(t *testing.T) {
	shared := sharedDir(t)
	report := score(t, shared, filepath.Join(shared, "seeds", "gold.jsonl"), predict(t, filepath.Join(shared, "seeds")), "0.95")
	for _, field := range []string{"number_symbol", "doc_type", "date", "citations"} {
		for _, line := range strings.Split(report, "\n") {
			if f := strings.Fields(line); len(f) == 2 && f[0] == field && f[1] != "1.000" {
				t.Errorf("seeds: %s scores %s, want 1.000", field, f[1])
			}
		}
	}
	t.Log(report)
}

func TestCorpusScore(t *testing.T) {
	shared := sharedDir(t)
	t.Log(score(t, shared, filepath.Join(shared, "corpus", "gold.jsonl"), predict(t, filepath.Join(shared, "corpus")), "0.95"))
}
