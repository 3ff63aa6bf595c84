package cli

import (
	"archive/zip"
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/store"
)

func example(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// readReport reads --report: one JSON object per line, by file.
func readReport(t *testing.T, name string) map[string]importLine {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]importLine{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var raw map[string]any
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			t.Fatalf("report line %q: %v", sc.Text(), err)
		}
		for _, k := range []string{"file", "status", "document_id", "error"} {
			if _, ok := raw[k]; !ok {
				t.Errorf("report line %s has no %q", sc.Text(), k)
			}
		}
		var l importLine
		json.Unmarshal(sc.Bytes(), &l)
		out[l.File] = l
	}
	return out
}

func TestImportCorpusTwice(t *testing.T) {
	corpus := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("no corpus at %s (%v): the shared test documents are not on this machine", corpus, err)
	}
	docs := 0
	filepath.WalkDir(corpus, func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && documentExts[strings.ToLower(filepath.Ext(name))] {
			docs++
		}
		return nil
	})
	db := filepath.Join(t.TempDir(), "lantoa.db")
	code, out, errs := run(t, "", "import", "--db", db, corpus)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("%d văn bản mới, 0 trùng, 0 lỗi", docs)) {
		t.Fatalf("first import: status %d, want all %d documents new:\n%s%s", code, docs, out, errs)
	}
	code, out, errs = run(t, "", "import", "--db", db, corpus)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("0 văn bản mới, %d trùng, 0 lỗi", docs)) {
		t.Fatalf("second import: status %d, want all %d duplicates:\n%s%s", code, docs, out, errs)
	}
}

func TestImportReportsTheBadFileAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, filepath.Join(dir, "vb", "967.txt"), example(t, "967-LDLD-cong-van.txt"))
	bad := writeFile(t, filepath.Join(dir, "vb", "con", "hong.docx"), []byte("PK\x03\x04 đây không phải tệp docx"))
	writeFile(t, filepath.Join(dir, "vb", "anh.png"), []byte("\x89PNG"))
	report := filepath.Join(dir, "ketqua.jsonl")
	code, out, errs := run(t, "", "import", "--db", filepath.Join(dir, "lantoa.db"), "--report", report, filepath.Join(dir, "vb"))
	if code != 1 {
		t.Errorf("exit status %d, want 1 when a file failed", code)
	}
	if !strings.Contains(out, "1 văn bản mới, 0 trùng, 1 lỗi") || !strings.Contains(out, "hong.docx") || !strings.Contains(out, "Bỏ qua 1 tệp") {
		t.Errorf("summary:\n%s%s", out, errs)
	}
	lines := readReport(t, report)
	if len(lines) != 2 {
		t.Fatalf("report has %d files, want 2 (the picture is not a document): %v", len(lines), lines)
	}
	if l := lines[good]; l.Status != "imported" || l.Document == nil || l.Error != "" {
		t.Errorf("good file: %+v", l)
	}
	if l := lines[bad]; l.Status != "failed" || l.Document != nil || !strings.Contains(l.Error, "docx") {
		t.Errorf("corrupt .docx: %+v, want failed with the reason", l)
	}
}

// zipOf writes a .zip holding the files, by name inside the archive.
func zipOf(t *testing.T, name string, files map[string][]byte) string {
	t.Helper()
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for n, data := range files {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return name
}

func TestImportZip(t *testing.T) {
	dir := t.TempDir()
	inside := filepath.Join(dir, "a", "b")
	os.MkdirAll(inside, 0o755)
	// An entry named to climb out of a folder must stay a name: nothing is written.
	archive := zipOf(t, filepath.Join(inside, "vanban.zip"), map[string][]byte{
		"2022/71-HD.txt":  example(t, "71-HD-BTGTU-huong-dan.txt"),
		"../../thoat.txt": example(t, "967-LDLD-cong-van.txt"),
		"ghi-chu.xlsx":    []byte("không phải văn bản"),
	})
	report := filepath.Join(dir, "r.jsonl")
	code, out, errs := run(t, "", "import", "--db", filepath.Join(dir, "lantoa.db"), "--report", report, archive)
	if code != 0 || !strings.Contains(out, "2 văn bản mới, 0 trùng, 0 lỗi") {
		t.Fatalf("status %d:\n%s%s", code, out, errs)
	}
	lines := readReport(t, report)
	if l := lines[archive+":2022/71-HD.txt"]; l.Status != "imported" {
		t.Errorf("report names zip entries as archive:entry; got %v", lines)
	}
	if _, err := os.Stat(filepath.Join(dir, "thoat.txt")); err == nil {
		t.Error("an entry of the zip was written to the file system")
	}

	code, out, _ = run(t, "", "import", "--db", filepath.Join(dir, "lantoa.db"), "--max-zip-files", "2", archive)
	if code != 1 || !strings.Contains(out, "vượt giới hạn 2 mục") {
		t.Errorf("a zip over the entry limit: status %d\n%s", code, out)
	}
	code, out, _ = run(t, "", "import", "--db", filepath.Join(dir, "lantoa.db"), "--max-zip-bytes", "100", archive)
	if code != 1 || !strings.Contains(out, "lớn hơn giới hạn 100 byte") {
		t.Errorf("a zip over the size limit: status %d\n%s", code, out)
	}
	corrupt := writeFile(t, filepath.Join(dir, "hong.zip"), []byte("PK\x05\x06 hỏng"))
	code, out, _ = run(t, "", "import", "--db", filepath.Join(dir, "lantoa.db"), corrupt)
	if code != 1 || !strings.Contains(out, "tệp nén .zip bị hỏng") {
		t.Errorf("a corrupt zip: status %d\n%s", code, out)
	}
}

func TestImportLinksChildBeforeParent(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lantoa.db")
	child := writeFile(t, filepath.Join(dir, "28-HD.txt"), example(t, "BTGThU-huong-dan.txt"))
	parent := writeFile(t, filepath.Join(dir, "71-HD.txt"), example(t, "71-HD-BTGTU-huong-dan.txt"))
	for _, f := range []string{child, parent} {
		if code, out, errs := run(t, "", "import", "--db", db, f); code != 0 {
			t.Fatalf("import %s: %d\n%s%s", f, code, out, errs)
		}
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	svc := app.New(s, nil)
	ds, err := svc.DocumentsByNumber(context.Background(), app.System(), "28-HD/BTGThU")
	if err != nil || len(ds) != 1 {
		t.Fatalf("28-HD/BTGThU: %v %v", ds, err)
	}
	d, err := svc.Document(context.Background(), app.System(), ds[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range d.Citations {
		if document.RefKey(c.NumberSymbol) == document.RefKey("71-HD/BTGTU") && d.Targets[i] == 0 {
			t.Errorf("the citation of 71-HD/BTGTU was not linked when it arrived")
		}
	}
}

func TestImportDryRunAndUnit(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lantoa.db")
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	err = s.InTx(context.Background(), func(tx *store.Tx) error {
		_, err := tx.CreateUnit(context.Background(), org.Unit{Code: "ldld", Notation: "LĐLĐ", Name: "Liên đoàn Lao động tỉnh Lai Châu",
			Family: document.Union, Kind: "union_federation", Valid: org.Span{From: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}})
		return err
	})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	file := writeFile(t, filepath.Join(dir, "967.txt"), example(t, "967-LDLD-cong-van.txt"))

	code, out, errs := run(t, "", "import", "--db", db, "--dry-run", file)
	if code != 0 || !strings.Contains(out, "Chạy thử") || !strings.Contains(out, "1 văn bản mới") {
		t.Fatalf("dry run: %d\n%s%s", code, out, errs)
	}
	// Nothing was written: the real run still finds the document new.
	// With one top unit and no --unit, its reference register is chosen.
	code, out, errs = run(t, "", "import", "--db", db, file)
	if code != 0 || !strings.Contains(out, "1 văn bản mới, 0 trùng") || !strings.Contains(out, "Sổ lưu tham khảo: Liên đoàn Lao động tỉnh Lai Châu (ldld)") {
		t.Fatalf("import after a dry run: %d\n%s%s", code, out, errs)
	}

	code, _, errs = run(t, "", "import", "--db", db, "--unit", "khong-co", file)
	if code != 1 || !strings.Contains(errs, `Không có đơn vị mã "khong-co"`) {
		t.Errorf("unknown unit: %d %q", code, errs)
	}
	code, _, errs = run(t, "", "import", "--db", db, filepath.Join(dir, "khong-co"))
	if code != 1 || !strings.Contains(errs, "khong-co: không tồn tại") {
		t.Errorf("missing path: %d %q", code, errs)
	}
}

func TestImportProgressWithoutTerminal(t *testing.T) {
	var b strings.Builder
	p := newProgress(&b, 10)
	p.every = 0
	p.start = p.start.Add(-2 * time.Second)
	p.add(4)
	if got := b.String(); !strings.HasPrefix(got, "Đã xử lý 4/10 tệp · 2 văn bản/giây · còn khoảng 3 giây\n") {
		t.Errorf("progress line %q", got)
	}
	if strings.Contains(b.String(), "\r") {
		t.Error("progress redrawn with \\r outside a terminal")
	}
}

// BenchmarkImportCommandTxt measures `lantoa import` on a folder of .txt
// files into SQLite, as a user runs it: walking, reading files, parsing,
// storing. The documents are the example guidance with varied numbers and
// days, made in a temporary folder.
func BenchmarkImportCommandTxt(b *testing.B) {
	base, err := os.ReadFile(filepath.Join("..", "..", "examples", "71-HD-BTGTU-huong-dan.txt"))
	if err != nil {
		b.Fatal(err)
	}
	number := regexp.MustCompile(`(?m)^Số \d+-HD/BTGTU$`)
	day := regexp.MustCompile(`ngày 22 tháng 6 năm 2022`)
	if !number.Match(base) || !day.Match(base) {
		b.Fatal("the example no longer has the number and date lines the benchmark varies")
	}
	dir := b.TempDir()
	for i := range b.N {
		text := number.ReplaceAll(base, fmt.Appendf(nil, "Số %d-HD/BTGTU", 1000+i))
		text = day.ReplaceAll(text, fmt.Appendf(nil, "ngày %d tháng %d năm 2022", 1+i%28, 1+i%12))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("hd-%06d.txt", i)), text, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	db := filepath.Join(b.TempDir(), "lantoa.db")
	var out, errb strings.Builder
	b.ResetTimer()
	code := Main(context.Background(), []string{"import", "--db", db, dir}, Stdio{In: strings.NewReader(""), Out: &out, Err: &errb}, func(string) string { return "" })
	b.StopTimer()
	if code != 0 || !strings.Contains(out.String(), groupDigits(b.N)+" văn bản mới") {
		b.Fatalf("status %d:\n%s%s", code, out.String(), errb.String())
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "văn_bản/s")
}

// With --propose, a new letter's "giao nhiệm vụ" part is read against the
// organisation of today: the unions it names are proposed, and nothing is
// assigned.
func TestImportProposesAssignmentsOnlyWhenAsked(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lantoa.db")
	if code, _, errs := run(t, "", "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %d %s", code, errs)
	}
	letter := strings.Replace(string(example(t, "967-LDLD-cong-van.txt")), "967/LĐLĐ", "968/LĐLĐ", 1)
	file := writeFile(t, filepath.Join(dir, "968.txt"), []byte(letter))
	report := filepath.Join(dir, "report.jsonl")

	code, out, errs := run(t, "", "import", "--db", db, "--unit", "ldld", "--propose", "--report", report, file)
	if code != 0 || !strings.Contains(out, "1 văn bản mới") || !strings.Contains(out, "Đề xuất giao nhiệm vụ: 1 văn bản") ||
		!strings.Contains(out, "968/LĐLĐ") {
		t.Fatalf("import --propose: %d\n%s%s", code, out, errs)
	}
	line := readReport(t, report)[file]
	var districts []string
	for _, p := range line.Proposals {
		districts = append(districts, p.Units...)
	}
	if len(line.Proposals) == 0 || !slices.Contains(districts, "cd-giaoduc") {
		t.Fatalf("proposals in the report: %+v; want the sector unions named, the education union among them", line.Proposals)
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.View(context.Background(), func(tx *store.Tx) error {
		as, err := tx.Assignments(context.Background(), store.AssignmentFilter{Document: *line.Document})
		if err == nil && len(as) != 0 {
			t.Errorf("--propose assigned %d tasks; it must only propose", len(as))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	// Without --propose, nothing is proposed.
	other := writeFile(t, filepath.Join(dir, "969.txt"), []byte(strings.Replace(letter, "968/LĐLĐ", "969/LĐLĐ", 1)))
	if code, out, errs := run(t, "", "import", "--db", db, "--unit", "ldld", other); code != 0 || strings.Contains(out, "Đề xuất") {
		t.Errorf("import without --propose: %d\n%s%s", code, out, errs)
	}
}
