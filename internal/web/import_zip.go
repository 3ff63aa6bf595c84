package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"lantoa/internal/app"
	"lantoa/internal/ingest"
	"lantoa/internal/org"
)

// Bulk uploads: a .zip of documents from the upload page, imported as a
// job whose page refreshes itself (a Refresh header, no script) until it
// is done; and an organisation sheet from the units page (orgimport.go).

// maxZipUpload caps a .zip sent through the page; bigger archives go
// through `lantoa import`.
const maxZipUpload = 100 << 20

// zipJobListed bounds the file lines a job page shows; the JSON Lines
// report has them all.
const zipJobListed = 500

func init() {
	bodyLimits["/nap-van-ban"] = maxZipUpload + 1<<20
	bodyLimits["/quan-tri/don-vi/nap-tep"] = app.MaxUnitSheetBytes + 1<<20
}

// bulkImportRoutes mounts the bulk uploads.
func (s *server) bulkImportRoutes(mux *http.ServeMux) {
	s.pages.add("import-zip")
	s.pages.add("admin-units-import")
	mux.HandleFunc("POST /nap-van-ban", s.uploadZip)
	mux.HandleFunc("GET /nap-van-ban/{id}", s.zipJobPage)
	mux.HandleFunc("GET /nap-van-ban/{id}/bao-cao.jsonl", s.zipJobReport)
	mux.HandleFunc("POST /quan-tri/don-vi/nap-tep", s.importUnitSheet)
}

// zipForm is the bulk upload form of the upload page: the units whose
// reference register the clerk may file into, and the error of a refused
// archive.
type zipForm struct {
	Units []org.Unit
	Unit  string
	Error string
	MaxM  int
}

// zipUploadForm fills the bulk upload form for the upload page, keeping
// what was sent; nil when the person keeps no unit's registers.
func (s *server) zipUploadForm(r *http.Request, a app.Actor, sent *zipForm) *zipForm {
	f := &zipForm{MaxM: maxZipUpload >> 20}
	if sent != nil {
		f.Unit, f.Error = sent.Unit, sent.Error
	}
	units, err := s.ownUnits(r.Context(), a)
	if err != nil {
		return nil // the single upload still works; the page is not lost for this
	}
	for _, u := range units {
		if registers(a, u.ID) {
			f.Units = append(f.Units, u)
		}
	}
	if len(f.Units) == 0 {
		return nil
	}
	return f
}

// uploadZip starts the import of an uploaded .zip and shows its page.
func (s *server) uploadZip(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	refuse := func(status int, unit, msg string) {
		s.renderUpload(w, r, a, status, uploadData{Zip: &zipForm{Unit: unit, Error: msg}})
	}
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		refuse(zipStatus(err), "", zipReadError(err).Error())
		return
	}
	unitCode := r.PostForm.Get("don-vi")
	file, h, err := r.FormFile("tep-nen")
	if err != nil {
		refuse(http.StatusBadRequest, unitCode, "Hãy chọn tệp nén .zip chứa các văn bản")
		return
	}
	data, err := io.ReadAll(file)
	file.Close()
	if err != nil {
		refuse(zipStatus(err), unitCode, zipReadError(err).Error())
		return
	}
	unit, err := s.app.UnitByCode(r.Context(), unitCode)
	if err != nil {
		refuse(http.StatusBadRequest, unitCode, "Hãy chọn đơn vị nhận văn bản vào sổ lưu tham chiếu")
		return
	}
	job, err := s.app.StartZipImport(r.Context(), a, unit.ID, h.Filename, data, ingest.DefaultLimits(), app.DefaultZipLimits())
	if err != nil {
		status, msg := statusOf(err)
		if status == http.StatusInternalServerError || status == http.StatusForbidden {
			s.fail(w, r, err)
			return
		}
		refuse(status, unitCode, msg)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/nap-van-ban/%d", job.ID), http.StatusSeeOther)
}

var errZipTooLarge = errors.New("Tệp nén quá lớn: trang này nhận đến " + strconv.Itoa(maxZipUpload>>20) + " MB; tệp lớn hơn hãy nhờ quản trị nạp bằng lệnh lantoa import")

func zipReadError(err error) error {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return errZipTooLarge
	}
	return errors.New("Không đọc được nội dung gửi lên; hãy chọn lại tệp và thử lại")
}

func zipStatus(err error) int {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusBadRequest
}

// zipJobPage shows a job: while it runs the page asks the browser to load
// it again in two seconds, so the counts move without any script.
func (s *server) zipJobPage(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	id, ok := positiveID(r.PathValue("id"))
	if !ok {
		s.notFound(w, r)
		return
	}
	job, err := s.app.ImportJob(r.Context(), a, id, zipJobListed)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if job.Running() {
		w.Header().Set("Refresh", "2")
		w.Header().Set("Cache-Control", "no-store")
	}
	s.render(w, r, http.StatusOK, "import-zip", view{Title: "Nạp nhiều văn bản", Actor: &a, Data: job})
}

// zipJobReport sends the outcome of every file of a job, one JSON object
// a line, in the form `lantoa import --report` writes.
func (s *server) zipJobReport(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	id, ok := positiveID(r.PathValue("id"))
	if !ok {
		s.notFound(w, r)
		return
	}
	job, err := s.app.ImportJob(r.Context(), a, id, 0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="nap-van-ban-%d.jsonl"`, job.ID))
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, f := range job.Files {
		line := struct {
			File     string `json:"file"`
			Status   string `json:"status"`
			Document *int64 `json:"document_id"`
			Error    string `json:"error"`
		}{File: f.FileName, Status: f.Status, Error: f.Error}
		if f.Document != 0 {
			d := int64(f.Document)
			line.Document = &d
		}
		if err := enc.Encode(line); err != nil {
			return // the connection is gone
		}
	}
}
