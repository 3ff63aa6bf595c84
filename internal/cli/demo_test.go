package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"lantoa/internal/store/storetest"
)

// The README's first command, on both engines: load the demo, show the
// dashboard; the second time, load nothing and show it again; then look
// at the city board through lantoa rollup.
func TestDemoThenRollup(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		code, out, errs := run(t, "", "demo", "--db", dsn)
		if code != 0 || !strings.Contains(out, "Theo dõi triển khai Chỉ thị 12-CT/TW tại Tỉnh ủy Lai Châu, tính đến ngày 31/12/2022") ||
			!strings.Contains(out, "DỮ LIỆU MẪU") || !strings.Contains(out, "btgtu.vanthu") {
			t.Fatalf("demo: exit %d\n%s\n%s", code, out, errs)
		}
		code, out, _ = run(t, "", "demo", "--db", dsn)
		if code != 0 || !strings.Contains(out, "đã có dữ liệu mẫu") || !strings.Contains(out, "Quá hạn báo cáo") {
			t.Fatalf("second demo: exit %d\n%s", code, out)
		}
		code, out, errs = run(t, "", "rollup", "--db", dsn, "--directive", "12-CT/TW", "--unit", "tp-btg", "--as-of", "30/11/2022")
		if code != 0 || !strings.Contains(out, "tại Ban Tuyên giáo Thành ủy Lai Châu, tính đến ngày 30/11/2022") || !strings.Contains(out, "Phòng Văn hóa và Thông tin thành phố Lai Châu") {
			t.Fatalf("rollup: exit %d\n%s\n%s", code, out, errs)
		}
		code, out, _ = run(t, "", "rollup", "--db", dsn, "--directive", "71-HD/BTGTU", "--unit", "ltu", "--as-of", "31/12/2022", "--json")
		var r struct {
			Coverage struct{ Assigned, Reported int }
			Totals   []struct{ Num float64 }
		}
		if code != 0 || json.Unmarshal([]byte(out), &r) != nil || r.Coverage.Assigned == 0 || len(r.Totals) == 0 {
			t.Fatalf("rollup --json: exit %d\n%s", code, out)
		}
	})
}

func TestRollupErrorsSayWhatToDo(t *testing.T) {
	db := t.TempDir() + "/lantoa.db"
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"rollup", "--db", db}, 2, "Cách dùng"},
		{[]string{"rollup", "--db", db, "--directive", "12-CT/TW", "--as-of", "31-12"}, 2, "không đúng dạng dd/mm/yyyy"},
		{[]string{"rollup", "--db", db, "--directive", "99-CT/TW"}, 1, "Không có văn bản số 99-CT/TW"},
		{[]string{"demo", "--db", "postgres://nobody:secret@127.0.0.1:1/x?connect_timeout=1"}, 1, "***"},
	} {
		code, _, errs := run(t, "", c.args...)
		if code != c.code || !strings.Contains(errs, c.want) || strings.Contains(errs, "secret") {
			t.Errorf("%v: exit %d, stderr %q; want exit %d mentioning %q", c.args, code, errs, c.code, c.want)
		}
	}
}
