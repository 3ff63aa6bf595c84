package api

import (
	"errors"
	"io"
	"net/http"
	"strconv"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/problem"
)

// uploadMemory is how much of a multipart upload is held in memory; the
// rest goes to a temporary file. The web application caps the body anyway.
const uploadMemory = 8 << 20

// registration is what an upload adds to the document: its register line.
type registration struct {
	Existing   bool    `json:"existing"` // already stored: only the register line is new
	Register   string  `json:"register"`
	ArrivalNo  int64   `json:"arrival_no"`
	ArrivedOn  *string `json:"arrived_on"`
	Duplicates []int64 `json:"duplicate_ids"` // other stored documents alike (same number, issuer and date, or the same file)
}

// uploadDocument reads a file sent as multipart "file" and enters it in
// the incoming register of the unit whose code is the form field "unit",
// with the metadata the reader found: 201 with the new document, 200 when
// it was already stored (another unit entered it), with its register line.
func (s *server) uploadDocument(w http.ResponseWriter, r *http.Request, c caller) error {
	if err := r.ParseMultipartForm(uploadMemory); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		return problem.Errorf(problem.Invalid, "Hãy gửi tệp văn bản dạng multipart/form-data, trường \"file\" là tệp và trường \"unit\" là mã đơn vị nhận")
	}
	defer r.MultipartForm.RemoveAll()
	code := r.FormValue("unit")
	if code == "" {
		return problem.Errorf(problem.Invalid, "Thiếu trường \"unit\": mã đơn vị vào sổ văn bản đến")
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		return problem.Errorf(problem.Invalid, "Thiếu trường \"file\": tệp văn bản cần vào sổ")
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return err
	}
	unit, err := s.app.UnitByCode(r.Context(), code)
	if err != nil {
		return err
	}
	rd, err := s.app.ReadDocument(r.Context(), c.actor, hdr.Filename, data)
	if err != nil {
		return err
	}
	reg, err := s.app.RegisterIncoming(r.Context(), c.actor, unit.ID, app.RegisterInput{
		Metadata: rd.Metadata, FileName: hdr.Filename, File: data, Text: rd.Text})
	if err != nil {
		return err
	}
	line := registration{Existing: reg.Existing, Register: string(reg.Entry.Register), ArrivalNo: reg.Entry.No,
		ArrivedOn: day(reg.Entry.On), Duplicates: []int64{}}
	for _, d := range rd.Duplicates {
		if d.ID != reg.Document.ID {
			line.Duplicates = append(line.Duplicates, int64(d.ID))
		}
	}
	status := http.StatusCreated
	if reg.Existing {
		status = http.StatusOK
	}
	w.Header().Set("Location", prefix+"/documents/"+strconv.FormatInt(int64(reg.Document.ID), 10))
	return reply(w, status, documentView{doc: reg.Document, extra: line})
}

func (s *server) document(w http.ResponseWriter, r *http.Request, c caller) error {
	id, err := pathID(r, "văn bản")
	if err != nil {
		return err
	}
	d, err := s.app.Document(r.Context(), c.actor, document.ID(id))
	if err != nil {
		return err
	}
	return reply(w, http.StatusOK, documentView{doc: d})
}

func (s *server) cascade(w http.ResponseWriter, r *http.Request, c caller) error {
	id, err := pathID(r, "văn bản")
	if err != nil {
		return err
	}
	nodes, err := s.app.Cascade(r.Context(), c.actor, document.ID(id))
	if err != nil {
		return err
	}
	return reply(w, http.StatusOK, cascadeOf(nodes))
}

// documentsByNumber finds documents by number and notation ("12-CT/TW").
func (s *server) documentsByNumber(w http.ResponseWriter, r *http.Request, c caller) error {
	number, err := required(r, "number", "số, ký hiệu văn bản, ví dụ 12-CT/TW")
	if err != nil {
		return err
	}
	ds, err := s.app.DocumentsByNumber(r.Context(), c.actor, number)
	if err != nil {
		return err
	}
	return reply(w, http.StatusOK, documentList(ds))
}
