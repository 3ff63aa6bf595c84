package web

import (
	"errors"
	"io"
	"net/http"

	"lantoa/internal/app"
)

// unitSheetData is the result page of an organisation sheet: the faults
// by line (nothing written), or what was created (or would be, in a
// check only).
type unitSheetData struct {
	FileName string
	Error    string          // the file itself could not be read
	Faults   []app.LineError // the sheet's faults, by line
	Result   *app.UnitsImported
}

// importUnitSheet reads an organisation sheet from the units page and
// creates its units, or shows every fault with its line.
func (s *server) importUnitSheet(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	show := func(status int, d unitSheetData) {
		s.render(w, r, status, "admin-units-import", view{Title: "Nạp danh sách đơn vị", Actor: &a, Data: d})
	}
	if err := r.ParseMultipartForm(app.MaxUnitSheetBytes); err != nil {
		show(zipStatus(err), unitSheetData{Error: "Không đọc được tệp gửi lên (tệp quá lớn hoặc bị ngắt giữa chừng); hãy chọn lại tệp và thử lại"})
		return
	}
	file, h, err := r.FormFile("tep")
	if err != nil {
		show(http.StatusBadRequest, unitSheetData{Error: "Hãy chọn tệp danh sách đơn vị (.xlsx hoặc .csv)"})
		return
	}
	data, err := io.ReadAll(file)
	file.Close()
	d := unitSheetData{FileName: h.Filename}
	if err != nil {
		d.Error = "Không đọc được tệp gửi lên; hãy chọn lại tệp và thử lại"
		show(http.StatusBadRequest, d)
		return
	}
	rows, err := app.ReadUnitSheet(h.Filename, data)
	if err == nil {
		var res app.UnitsImported
		if res, err = s.app.ImportUnits(r.Context(), a, rows, r.PostForm.Get("chay-thu") != ""); err == nil {
			d.Result = &res
			show(http.StatusOK, d)
			return
		}
	}
	var faults app.SheetErrors
	status, msg := statusOf(err)
	switch {
	case errors.As(err, &faults):
		d.Faults = faults
	case status == http.StatusInternalServerError || status == http.StatusForbidden:
		s.fail(w, r, err)
		return
	default:
		d.Error = msg
	}
	show(status, d)
}
