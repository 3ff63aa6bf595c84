package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lantoa/internal/app"
	"lantoa/internal/org"
	"lantoa/internal/store/storetest"
)

// An administrator creates the unit that takes over and records a rename:
// the tree of the day it takes effect shows the new unit, the tree of the
// day before the old one.
func TestWebAdministratorCreatesAUnitAndRecordsARename(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		h, svc := siteOn(t, dsn, "2022-07-15")
		admin := session(t, h, "admin")
		ldld, err := svc.UnitByCode(ctx, "ldld")
		if err != nil {
			t.Fatal(err)
		}
		wantText(t, "the tree with its forms", request(t, h, "GET", "/quan-tri/don-vi", admin, nil), http.StatusOK,
			`action="/quan-tri/don-vi"`, `name="cap-tren"`, `action="/quan-tri/don-vi/to-chuc-lai"`, `name="su-kien"`)

		unit := url.Values{"ma": {"cd-yte-ds"}, "ten": {"Công đoàn ngành Y tế và Dân số tỉnh Lai Châu"}, "ky-hieu": {"CĐN"},
			"loai": {string(org.UnionFederation)}, "khoi": {"union"}, "cap-tren": {fmt.Sprint(ldld.ID)}, "dia-danh": {"Lai Châu"},
			"tu-ngay": {"01/09/2022"}}
		with := func(f url.Values, k, v string) url.Values {
			g := url.Values{}
			for key, vs := range f {
				g[key] = vs
			}
			g.Set(k, v)
			return g
		}
		// Mistakes are said in Vietnamese, and nothing is created.
		for _, c := range []struct {
			form url.Values
			want string
		}{
			{with(unit, "tu-ngay", "31/09/2022"), "Ngày phải viết theo dạng ngày/tháng/năm"},
			{with(unit, "cap-tren", ""), "Hãy chọn đơn vị cấp trên"},
			{with(unit, "ma", "cd yte"), "không được chứa khoảng trắng"},
			{with(unit, "ten", ""), "phải có tên"},
		} {
			wantText(t, "create with "+c.want, request(t, h, "POST", "/quan-tri/don-vi", admin, c.form), http.StatusBadRequest, c.want)
		}
		if _, err := svc.UnitByCode(ctx, "cd-yte-ds"); err == nil {
			t.Fatal("a refused form created the unit")
		}
		redirected(t, "create the unit", request(t, h, "POST", "/quan-tri/don-vi", admin, unit), "/quan-tri/don-vi?")

		event := url.Values{"su-kien": {"rename"}, "ngay-hieu-luc": {"01/09/2022"}, "don-vi-cu": {"cd-yte"}, "don-vi-moi": {"cd-yte-ds"},
			"ghi-chu": {"Quyết định số 15/QĐ-LĐLĐ"}}
		for _, c := range []struct {
			form url.Values
			want string
		}{
			{with(event, "ngay-hieu-luc", ""), "Hãy nhập ngày có hiệu lực"},
			{with(event, "don-vi-cu", "cd-khong-co"), "Không có đơn vị mã cd-khong-co"},
			{with(event, "don-vi-cu", "cd-yte, cd-giaoduc"), "không hợp lệ"},
		} {
			wantText(t, "reorganise with "+c.want, request(t, h, "POST", "/quan-tri/don-vi/to-chuc-lai", admin, c.form), http.StatusBadRequest, c.want)
		}
		done := redirected(t, "record the rename", request(t, h, "POST", "/quan-tri/don-vi/to-chuc-lai", admin, event), "/quan-tri/don-vi?")
		wantText(t, "the page after the rename", request(t, h, "GET", done, admin, nil), http.StatusOK, "Đã ghi thay đổi tổ chức", "Cây tổ chức ngày 01/09/2022")

		oldRow := `Công đoàn ngành Y tế tỉnh Lai Châu <span class="code">(cd-yte)</span>`
		newRow := `Công đoàn ngành Y tế và Dân số tỉnh Lai Châu <span class="code">(cd-yte-ds)</span>`
		after := text(request(t, h, "GET", "/quan-tri/don-vi?ngay=01/09/2022", admin, nil))
		before := text(request(t, h, "GET", "/quan-tri/don-vi?ngay=31/08/2022", admin, nil))
		if !strings.Contains(after, newRow) || strings.Contains(after, oldRow) || !strings.Contains(after, "Đổi tên từ 01/09/2022") {
			t.Errorf("tree of 01/09/2022: want the renamed union and the rename, not the old one:\n%s", after)
		}
		if !strings.Contains(before, oldRow) || strings.Contains(before, newRow) {
			t.Errorf("tree of 31/08/2022: want the old union only:\n%s", before)
		}
	})
}

// Only administrators of the units concerned create units or reorganise.
func TestWebUnitFormsRefuseOthers(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		h, svc := siteOn(t, dsn, "2022-07-15")
		ldld, err := svc.UnitByCode(ctx, "ldld")
		if err != nil {
			t.Fatal(err)
		}
		mttq, err := svc.UnitByCode(ctx, "mttq")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.CreateAccount(ctx, app.System(), app.NewAccount{Username: "mttq.quantri", DisplayName: "Quản trị MTTQ",
			Password: demoPassword, Memberships: []org.Membership{{Unit: mttq.ID, Role: org.Admin}}}); err != nil {
			t.Fatal(err)
		}
		unit := url.Values{"ma": {"cd-moi"}, "ten": {"Công đoàn mới"}, "loai": {string(org.UnionFederation)}, "khoi": {"union"},
			"cap-tren": {fmt.Sprint(ldld.ID)}, "tu-ngay": {"01/09/2022"}}
		event := url.Values{"su-kien": {"close"}, "ngay-hieu-luc": {"01/09/2022"}, "don-vi-cu": {"cd-yte"}}
		for _, username := range []string{"btgthu.vanthu", "ldld.lanhdao", "mttq.quantri"} {
			c := session(t, h, username)
			if p := request(t, h, "POST", "/quan-tri/don-vi", c, unit); p.status != http.StatusForbidden {
				t.Errorf("%s creates a unit under the provincial federation: got %d, want 403", username, p.status)
			}
			if p := request(t, h, "POST", "/quan-tri/don-vi/to-chuc-lai", c, event); p.status != http.StatusForbidden {
				t.Errorf("%s closes the health union: got %d, want 403", username, p.status)
			}
		}
		if _, err := svc.UnitByCode(ctx, "cd-moi"); err == nil {
			t.Error("a refused person created a unit")
		}
		if tree := text(request(t, h, "GET", "/quan-tri/don-vi?ngay=01/09/2022", session(t, h, "admin"), nil)); !strings.Contains(tree, "(cd-yte)") {
			t.Error("a refused person closed the health union")
		}
	})
}
