package web

import (
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/vn"
)

// Registering an incoming document takes two steps without keeping
// anything in the process: the clerk uploads the file, Lan Tỏa reads it
// and shows what it found; the confirmation form carries the file back
// (base64, in a hidden field) with the fields as corrected, and the file
// is read again on saving so the stored text always comes from the file.

// entryForm is the confirmation form: the fields a clerk checks, as typed,
// and the error of each field.
type entryForm struct {
	Unit, Register, DocType, NumberSymbol, Issuer, Date, Subject, Signer, Urgency, Confidentiality, ArrivedOn string
	FileName, FileData                                                                                        string
	Errors                                                                                                    map[string]string
}

type uploadData struct {
	FileError  string // by the file field
	Error      string // of the whole form, when saving was refused
	Reading    *app.Reading
	Form       entryForm
	Units      []org.Unit // where the clerk may register documents
	Urgencies  []string
	Secrecies  []string
	MaxUploadM int
	Zip        *zipForm // the bulk upload form (import_zip.go); nil: not offered
}

func (s *server) uploadPage(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	s.renderUpload(w, r, a, http.StatusOK, uploadData{})
}

func (s *server) renderUpload(w http.ResponseWriter, r *http.Request, a app.Actor, status int, d uploadData) {
	d.MaxUploadM = maxUpload >> 20
	d.Urgencies = []string{"Khẩn", "Thượng khẩn", "Hỏa tốc"}
	d.Secrecies = []string{"Mật", "Tối mật", "Tuyệt mật"}
	if d.Reading == nil {
		d.Zip = s.zipUploadForm(r, a, d.Zip)
	}
	s.render(w, r, status, "upload", view{Title: "Vào sổ văn bản đến", Actor: &a, Data: d})
}

// upload reads the uploaded file and shows the confirmation form.
func (s *server) upload(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	name, data, err := uploadedFile(r)
	if err != nil {
		s.renderUpload(w, r, a, uploadStatus(err), uploadData{FileError: err.Error()})
		return
	}
	reading, err := s.app.ReadDocument(r.Context(), a, name, data)
	if err != nil {
		s.uploadFailed(w, r, a, err, uploadData{})
		return
	}
	m := reading.Metadata
	form := entryForm{Register: string(document.Incoming), DocType: m.DocType, NumberSymbol: m.NumberSymbol, Issuer: m.Issuer,
		Date: isoDay(m.Date), Subject: m.Subject, Signer: m.SignerName, Urgency: m.Urgency, Confidentiality: m.Confidentiality,
		ArrivedOn: vn.FormatDate(s.app.Today()), FileName: name, FileData: base64.StdEncoding.EncodeToString(data)}
	s.confirm(w, r, a, http.StatusOK, uploadData{Reading: &reading, Form: form})
}

// confirm shows the confirmation form with the units the clerk registers for.
func (s *server) confirm(w http.ResponseWriter, r *http.Request, a app.Actor, status int, d uploadData) {
	units, err := s.ownUnits(r.Context(), a)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, u := range units {
		if registers(a, u.ID) {
			d.Units = append(d.Units, u)
		}
	}
	s.renderUpload(w, r, a, status, d)
}

// registers reports whether the person keeps unit's registers; the use
// case decides, this only keeps other units out of the list.
func registers(a app.Actor, unit org.ID) bool {
	for _, m := range a.Memberships {
		if m.Unit == unit && (m.Role == org.Clerk || m.Role == org.Admin) {
			return true
		}
	}
	return false
}

// save registers the confirmed document and opens it.
func (s *server) save(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	if err := r.ParseMultipartForm(bodyLimits["/van-ban/luu"]); err != nil {
		s.renderUpload(w, r, a, uploadStatus(err), uploadData{FileError: readError(err).Error()})
		return
	}
	f := r.PostForm
	form := entryForm{Unit: f.Get("don-vi"), Register: f.Get("so"), DocType: f.Get("loai"), NumberSymbol: strings.TrimSpace(f.Get("so-ky-hieu")),
		Issuer: f.Get("co-quan"), Date: f.Get("ngay-ban-hanh"), Subject: f.Get("trich-yeu"), Signer: f.Get("nguoi-ky"),
		Urgency: f.Get("do-khan"), Confidentiality: f.Get("do-mat"), ArrivedOn: f.Get("ngay-den"),
		FileName: f.Get("ten-tep"), FileData: f.Get("tep-du-lieu"), Errors: map[string]string{}}
	data, err := base64.StdEncoding.DecodeString(form.FileData)
	if err != nil || len(data) == 0 {
		s.renderUpload(w, r, a, http.StatusBadRequest, uploadData{FileError: "Không nhận được tệp văn bản; hãy tải tệp lên lại"})
		return
	}
	reading, err := s.app.ReadDocument(r.Context(), a, form.FileName, data)
	if err != nil {
		s.uploadFailed(w, r, a, err, uploadData{})
		return
	}
	d := uploadData{Reading: &reading, Form: form}
	in, unitCode := entry(&form, reading, data)
	if len(form.Errors) > 0 {
		s.confirm(w, r, a, http.StatusBadRequest, d)
		return
	}
	unit, err := s.app.UnitByCode(r.Context(), unitCode)
	if err == nil {
		var reg app.Registered
		if reg, err = s.app.RegisterIncoming(r.Context(), a, unit.ID, in); err == nil {
			// The document page then offers to assign work from it.
			http.Redirect(w, r, documentURL(reg.Document.ID)+"?da-luu=1", http.StatusSeeOther)
			return
		}
	}
	s.uploadFailed(w, r, a, err, d)
}

// entry builds what RegisterIncoming needs from the file as read and the
// fields as corrected, noting in form.Errors what cannot be read.
func entry(form *entryForm, reading app.Reading, data []byte) (app.RegisterInput, string) {
	m := reading.Metadata
	m.DocType, m.Issuer, m.Subject = vn.NFC(strings.TrimSpace(form.DocType)), vn.NFC(strings.TrimSpace(form.Issuer)), vn.NFC(strings.TrimSpace(form.Subject))
	m.SignerName, m.Urgency, m.Confidentiality = vn.NFC(strings.TrimSpace(form.Signer)), form.Urgency, form.Confidentiality
	if ns := vn.NFC(form.NumberSymbol); ns != m.NumberSymbol {
		m.NumberSymbol = ns
		m.Number, m.Symbol = ns, ""
		if i := strings.IndexAny(ns, "-/"); i > 0 {
			m.Number, m.Symbol = ns[:i], ns[i+1:]
		}
	}
	if m.NumberSymbol == "" {
		form.Errors["so-ky-hieu"] = "Hãy nhập số, ký hiệu của văn bản, ví dụ 967/LĐLĐ"
	}
	if m.Issuer == "" {
		form.Errors["co-quan"] = "Hãy nhập cơ quan ban hành"
	}
	m.Date = ""
	if form.Date != "" {
		if t, ok := parseDay(form.Date); ok {
			m.Date = t.Format("2006-01-02")
		} else {
			form.Errors["ngay-ban-hanh"] = "Ngày phải viết theo dạng ngày/tháng/năm, ví dụ 11/07/2022"
		}
	}
	arrived, msg := optionalDay(form.ArrivedOn)
	if msg != "" {
		form.Errors["ngay-den"] = msg
	}
	reg := document.Register(form.Register)
	if reg != document.Incoming && reg != document.Reference {
		form.Errors["so"] = "Hãy chọn sổ văn bản đến hoặc sổ tham chiếu"
	}
	if form.Unit == "" {
		form.Errors["don-vi"] = "Hãy chọn đơn vị vào sổ"
	}
	return app.RegisterInput{Metadata: m, FileName: form.FileName, File: data, Text: reading.Text, ArrivedOn: arrived, Register: reg}, form.Unit
}

// uploadFailed shows a refusal the clerk can act on in the form, and
// anything else as an error page.
func (s *server) uploadFailed(w http.ResponseWriter, r *http.Request, a app.Actor, err error, d uploadData) {
	status, msg := statusOf(err)
	if status == http.StatusInternalServerError || status == http.StatusForbidden {
		s.fail(w, r, err)
		return
	}
	if d.Reading == nil {
		d.FileError = msg
		s.renderUpload(w, r, a, status, d)
		return
	}
	d.Error = msg
	s.confirm(w, r, a, status, d)
}

// uploadedFile reads the file of the upload form.
func uploadedFile(r *http.Request) (string, []byte, error) {
	if err := r.ParseMultipartForm(maxUpload); err != nil {
		return "", nil, readError(err)
	}
	f, h, err := r.FormFile("tep")
	if err != nil {
		return "", nil, errors.New("Hãy chọn tệp văn bản cần vào sổ")
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return "", nil, readError(err)
	}
	if len(data) == 0 {
		return "", nil, errors.New("Tệp trống; hãy chọn đúng tệp văn bản")
	}
	return h.Filename, data, nil
}

var errTooLarge = errors.New("Tệp quá lớn: Lan Tỏa nhận tệp đến " + strconv.Itoa(maxUpload>>20) + " MB")

// readError says in the clerk's words why the form could not be read.
func readError(err error) error {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) || errors.Is(err, errTooLarge) {
		return errTooLarge
	}
	return errors.New("Không đọc được nội dung gửi lên; hãy chọn lại tệp và thử lại")
}

func uploadStatus(err error) int {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) || errors.Is(err, errTooLarge) {
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusBadRequest
}
