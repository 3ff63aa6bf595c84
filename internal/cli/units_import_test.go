package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `lantoa units import` lists every fault of a sheet with its line and
// writes nothing; a good sheet is written, and a dry run only checks.
func TestUnitsImport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lantoa.db")
	good := filepath.Join(dir, "don-vi.csv")
	os.WriteFile(good, []byte("Mã,Tên,Loại,Khối,Cấp trên,Từ ngày,Đến ngày\n"+
		"tu,Tỉnh ủy Lai Châu,party_committee,party,,01/01/2020,\n"+
		"btgtu,Ban Tuyên giáo Tỉnh ủy,party_board,party,tu,01/01/2020,28/02/2025\n"), 0o644)
	bad := filepath.Join(dir, "sai.csv")
	os.WriteFile(bad, []byte("x,Đơn vị X,ban_la,party,khong-co,1/13/2020,\n"), 0o644)

	code, out, errs := run(t, "", "units", "import", "--db", db, bad)
	if code != 1 || !strings.Contains(out, "Dòng 1: không có đơn vị cấp trên mã \"khong-co\"") || !strings.Contains(out, "Dòng 1: loại đơn vị \"ban_la\"") ||
		!strings.Contains(out, "Dòng 1: ngày bắt đầu \"1/13/2020\"") {
		t.Errorf("bad sheet: status %d\n%s%s", code, out, errs)
	}
	code, out, errs = run(t, "", "units", "import", "--db", db, "--dry-run", good)
	if code != 0 || !strings.Contains(out, "sẽ tạo 2 đơn vị và 1 liên kết") {
		t.Errorf("dry run: status %d\n%s%s", code, out, errs)
	}
	code, out, errs = run(t, "", "units", "import", "--db", db, good)
	if code != 0 || !strings.Contains(out, "Đã tạo 2 đơn vị và 1 liên kết") {
		t.Errorf("import: status %d\n%s%s", code, out, errs)
	}
	code, out, _ = run(t, "", "units", "import", "--db", db, good)
	if code != 1 || !strings.Contains(out, "Dòng 2: mã đơn vị \"tu\" đã có") {
		t.Errorf("import again: status %d\n%s", code, out)
	}
	if code, _, errs := run(t, "", "units"); code != 2 || !strings.Contains(errs, "lantoa units import") {
		t.Errorf("units without import: status %d\n%s", code, errs)
	}
}
