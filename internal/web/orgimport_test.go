package web

import (
	"net/http"
	"strings"
	"testing"

	"lantoa/internal/store/storetest"
)

// An administrator uploads an organisation sheet from the units page: a
// sheet with faults shows each with its line and writes nothing; a check
// only says what would be made; a good sheet makes its units, which the
// tree then shows.
func TestWebUnitSheetImport(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, _ := demoSite(t, dsn)
		c := signIn(t, h, "admin", demoPassword).cookie
		if p := request(t, h, "GET", "/quan-tri/don-vi", c, nil); !strings.Contains(text(p), "Nạp danh sách đơn vị từ tệp") {
			t.Fatalf("units page: no sheet upload form:\n%s", p.body)
		}
		bad := "Mã,Tên,Loại,Khối,Cấp trên,Từ ngày,Đến ngày\n" +
			"cd-nganh-gd,Công đoàn ngành Giáo dục,union_federation,union,khong-co,01/01/2024,\n" +
			"cd-truong,Công đoàn Trường THPT số 1,grassroots_union,union,cd-nganh-gd,1/15/2024,\n"
		p := postFile(t, h, "/quan-tri/don-vi/nap-tep", c, nil, "tep", "don-vi.csv", []byte(bad))
		body := text(p)
		if p.status != http.StatusBadRequest || !strings.Contains(body, "Tệp có 2 lỗi, chưa ghi gì") ||
			!strings.Contains(body, `Dòng 2: không có đơn vị cấp trên mã "khong-co"`) || !strings.Contains(body, `Dòng 3: ngày bắt đầu "1/15/2024"`) {
			t.Fatalf("sheet with faults: got %d:\n%s", p.status, body)
		}
		good := strings.NewReplacer("khong-co", "tld", "1/15/2024", "15/01/2024").Replace(bad)
		p = postFile(t, h, "/quan-tri/don-vi/nap-tep", c, map[string]string{"chay-thu": "1"}, "tep", "don-vi.csv", []byte(good))
		if p.status != http.StatusOK || !strings.Contains(text(p), "Tệp hợp lệ. Khi nạp sẽ tạo 2 đơn vị và 2 liên kết chỉ đạo") {
			t.Fatalf("check only: got %d:\n%s", p.status, text(p))
		}
		if tree := text(request(t, h, "GET", "/quan-tri/don-vi", c, nil)); unitRow(tree, "Công đoàn ngành Giáo dục") {
			t.Fatal("a check only wrote a unit")
		}
		p = postFile(t, h, "/quan-tri/don-vi/nap-tep", c, nil, "tep", "don-vi.csv", []byte(good))
		if p.status != http.StatusOK || !strings.Contains(text(p), "Đã tạo 2 đơn vị và 2 liên kết chỉ đạo.") {
			t.Fatalf("import: got %d:\n%s", p.status, text(p))
		}
		tree := text(request(t, h, "GET", "/quan-tri/don-vi", c, nil))
		if !unitRow(tree, "Công đoàn ngành Giáo dục") || !unitRow(tree, "Công đoàn Trường THPT số 1") {
			t.Errorf("tree after the import lacks the new units:\n%s", tree)
		}
	})
}
