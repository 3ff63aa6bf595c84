package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"lantoa/internal/app"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

const unitSheet = "\xEF\xBB\xBFMã đơn vị;Tên;Loại;Khối;Cấp trên;Từ ngày;Đến ngày\n" +
	"hu-tu;Huyện ủy Tam Đường;party_committee;Đảng;btgthu;01/01/2021;\n" +
	"cb-ban;Chi bộ bản Hon;Chi bộ;party;hu-tu, btgthu;15/03/2021;30/06/2025\n" +
	"\n" +
	"ldld-tu;Liên đoàn Lao động huyện Tam Đường;union_federation;Công đoàn;hu-tu;01/01/2021;\n"

// sheetErrors returns the line errors of a refused import.
func sheetErrors(t *testing.T, err error) []string {
	t.Helper()
	var se app.SheetErrors
	if !errors.As(err, &se) || problem.KindOf(err) != problem.Invalid {
		t.Fatalf("err = %v, want the sheet's line errors", err)
	}
	out := make([]string, len(se))
	for i, e := range se {
		out[i] = e.String()
	}
	return out
}

// A sheet read from CSV (semicolons, BOM, a heading, a blank line) makes
// its units under stored and sheet parents, with the links and dates it
// gives; the last valid day is kept as the last day.
func TestImportUnitsFromCSV(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2025-08-01")
		rows, err := app.ReadUnitSheet("don-vi.csv", []byte(unitSheet))
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 3 || rows[2].Line != 5 || len(rows[1].Parents) != 2 {
			t.Fatalf("rows %+v: want 3 units, the last on line 5, the second with two parents", rows)
		}
		admin := w.person("qt", org.Admin, "btgthu")
		dry, err := w.svc.ImportUnits(context.Background(), admin, rows, true)
		if err != nil || dry.Units != 3 || dry.Links != 4 {
			t.Fatalf("dry run %+v, %v: want 3 units, 4 links", dry, err)
		}
		if _, err := w.svc.UnitByCode(context.Background(), "hu-tu"); problem.KindOf(err) != problem.NotFound {
			t.Fatalf("a dry run wrote unit hu-tu (%v)", err)
		}
		res, err := w.svc.ImportUnits(context.Background(), admin, rows, false)
		if err != nil || res.Units != 3 || res.Links != 4 {
			t.Fatalf("import %+v, %v", res, err)
		}
		cb, err := w.svc.UnitByCode(context.Background(), "cb-ban")
		if err != nil {
			t.Fatal(err)
		}
		if cb.Kind != org.PartyCell || cb.Family != "party" || cb.Valid.From != date("2021-03-15") || cb.Valid.To != date("2025-07-01") {
			t.Errorf("cb-ban stored as %+v", cb)
		}
		err = w.s.View(context.Background(), func(tx *store.Tx) error {
			below, err := tx.Subtree(context.Background(), w.id("btgthu"), date("2022-01-01"))
			if err != nil {
				return err
			}
			found := 0
			for _, id := range below {
				for _, code := range []string{"hu-tu", "cb-ban", "ldld-tu"} {
					if u, _ := tx.UnitByCode(context.Background(), code); u.ID == id {
						found++
					}
				}
			}
			if found != 3 {
				t.Errorf("%d of the 3 imported units under btgthu in 2022", found)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		// The same sheet again: every code is taken, nothing written.
		_, err = w.svc.ImportUnits(context.Background(), admin, rows, false)
		if errs := sheetErrors(t, err); len(errs) != 3 || !strings.Contains(errs[0], "Dòng 2: mã đơn vị \"hu-tu\" đã có") {
			t.Errorf("second import errors %q", errs)
		}
	})
}

// Every fault of a sheet is reported with its line, and nothing of it is
// written, not even its good lines.
func TestImportUnitsReportsEveryFault(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2025-08-01")
		sheet := "ok-1,Đơn vị tốt,state_office,state,btgthu,01/01/2024,\n" +
			"ok-1,Trùng mã,state_office,state,btgthu,01/01/2024,\n" +
			"x-2,Cấp trên lạ,state_office,state,khong-co,01/01/2024,\n" +
			"x-3,Ngày sai,state_office,state,btgthu,31/02/2024,\n" +
			"x-4,Loại lạ,so_ban_nganh,state,btgthu,01/01/2024,\n" +
			"x-5,Khối lạ,state_office,tu_nhan,btgthu,01/01/2024,\n" +
			"v-a,Vòng A,state_office,state,v-b,01/01/2024,\n" +
			"v-b,Vòng B,state_office,state,v-a,01/01/2024,\n" +
			"x-6,Hết trước khi bắt đầu,state_office,state,btgthu,01/01/2024,31/12/2023\n"
		rows, err := app.ReadUnitSheet("don-vi.csv", []byte(sheet))
		if err != nil {
			t.Fatal(err)
		}
		_, err = w.svc.ImportUnits(context.Background(), w.person("qt", org.Admin, "btgthu"), rows, false)
		errs := strings.Join(sheetErrors(t, err), "\n")
		for _, want := range []string{
			"Dòng 2: mã đơn vị \"ok-1\" trùng với dòng 1",
			"Dòng 3: không có đơn vị cấp trên mã \"khong-co\"",
			"Dòng 4: ngày bắt đầu \"31/02/2024\" không đúng dạng",
			"Dòng 5: loại đơn vị \"so_ban_nganh\" không có trong danh mục",
			"Dòng 6: khối \"tu_nhan\" không có trong danh mục",
			"Dòng 7: các đơn vị cấp trên tạo thành vòng: v-a (dòng 7) → v-b (dòng 8) → v-a (dòng 7)",
			"Dòng 9: ngày hết hiệu lực 31/12/2023 trước ngày bắt đầu 01/01/2024",
		} {
			if !strings.Contains(errs, want) {
				t.Errorf("errors lack %q:\n%s", want, errs)
			}
		}
		if _, err := w.svc.UnitByCode(context.Background(), "ok-1"); problem.KindOf(err) != problem.NotFound {
			t.Errorf("the good line of a refused sheet was written (%v)", err)
		}
	})
}

// An administrator imports only under units they administer; a top unit
// (no parent) is for the system alone.
func TestImportUnitsAuthorization(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2025-08-01")
		rows, err := app.ReadUnitSheet("don-vi.csv", []byte("a,Đơn vị A,state_office,state,khac,01/01/2024,\nb,Đơn vị B,state_office,state,,01/01/2024,\n"))
		if err != nil {
			t.Fatal(err)
		}
		_, err = w.svc.ImportUnits(context.Background(), w.person("qt", org.Admin, "btgthu"), rows, false)
		errs := sheetErrors(t, err)
		if len(errs) != 2 || !strings.Contains(errs[0], "Dòng 1: bạn không quản trị đơn vị cấp trên khac") || !strings.Contains(errs[1], "Dòng 2: đơn vị không có cấp trên") {
			t.Errorf("errors %q", errs)
		}
		if _, err := w.svc.ImportUnits(context.Background(), app.System(), rows, false); err != nil {
			t.Errorf("the system: %v", err)
		}
	})
}

// An .xlsx sheet is read from its first sheet; dates typed as dates come
// back as days.
func TestReadUnitSheetXLSX(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for i, row := range [][]any{
		{"Mã đơn vị", "Tên đơn vị", "Loại", "Khối", "Cấp trên", "Từ ngày", "Đến ngày"},
		{"ubnd-x", "Ủy ban nhân dân xã Bản Giang", "state_office", "state", "ubnd-h; hu", date("2025-07-01"), nil},
		{"vp-x", "Văn phòng xã", "state_office", "state", "ubnd-x", "01/07/2025", "31/12/2030"},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellStyle("Sheet1", "F2", "F2", style)
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := app.ReadUnitSheet("don-vi.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Line != 2 || rows[0].ValidFrom != "01/07/2025" || strings.Join(rows[0].Parents, "|") != "ubnd-h|hu" ||
		rows[1].ValidTo != "31/12/2030" || rows[0].Name != "Ủy ban nhân dân xã Bản Giang" {
		t.Errorf("rows %+v", rows)
	}
}

// A CSV file not in UTF-8 is refused with what to do, before any line is read.
func TestReadUnitSheetOtherEncoding(t *testing.T) {
	// "Xã" in Windows-1258: X, a, and the tilde as a combining byte.
	_, err := app.ReadUnitSheet("don-vi.csv", []byte("ma,X\xe3 B\xe0n\n"))
	if problem.KindOf(err) != problem.Unsupported || !strings.Contains(err.Error(), "CSV UTF-8") {
		t.Errorf("err = %v, want a refusal naming CSV UTF-8", err)
	}
}
