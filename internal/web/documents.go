package web

import (
	"context"
	"html/template"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/vn"
)

// maxUpload caps an original file a clerk uploads.
const maxUpload = 50 << 20

// bodyLimits are the routes whose body may exceed maxBody: the uploads
// (page and API), and the confirmation that carries the file back in
// base64 (a third larger).
var bodyLimits = map[string]int64{
	"/van-ban/moi":      maxUpload + 1<<20,
	"/van-ban/luu":      maxUpload/3*4 + 1<<20,
	"/api/v1/documents": maxUpload + 1<<20,
}

// documentPages are the templates of the document and dashboard pages.
var documentPages = []string{"register", "document", "upload", "dashboard", "assign"}

var documentFuncs = template.FuncMap{
	"isoDate": isoDay,
	"day": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return vn.FormatDate(t)
	},
	"number":        report.FormatNumber,
	"count":         func(n int) string { return report.FormatNumber(float64(n)) },
	"registerLabel": func(r document.Register) string { return registerLabels[r] },
	"percent":       percent,
	"kib":           func(n int64) float64 { return math.Ceil(float64(n) / 1024) },
	"docStatus":     docStatusLabel,
	"relationLabel": relationLabel,
}

// documentRoutes mounts the document and dashboard pages.
func (s *server) documentRoutes(mux *http.ServeMux) {
	for _, name := range documentPages {
		s.pages.add(name)
	}
	mux.HandleFunc("GET /van-ban", s.registerPage)
	mux.HandleFunc("GET /van-ban/moi", s.uploadPage)
	mux.HandleFunc("POST /van-ban/moi", s.upload)
	mux.HandleFunc("POST /van-ban/luu", s.save)
	mux.HandleFunc("GET /van-ban/{id}", s.documentPage)
	mux.HandleFunc("GET /van-ban/{id}/tep-goc", s.originalFile)
	mux.HandleFunc("GET /van-ban/{id}/giao-nhiem-vu", s.assignPage)
	mux.HandleFunc("POST /van-ban/{id}/giao-nhiem-vu", s.assign)
	mux.HandleFunc("POST /van-ban/{id}/ban-hanh", s.issueDraft)
	mux.HandleFunc("GET /van-ban/{id}/trien-khai", s.implementingDocumentPage)
	mux.HandleFunc("POST /van-ban/{id}/trien-khai", s.implementDocument)
	mux.HandleFunc("GET /theo-doi/{id}", s.dashboard)
}

// isoDay shows a document's ISO date as dd/mm/yyyy.
func isoDay(s string) string {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return vn.FormatDate(t)
	}
	return s
}

// percent is x of y in per cent, one decimal, "—" when y is zero.
func percent(x, y int) string {
	p, ok := report.Percent(float64(x), float64(y))
	if !ok {
		return "—"
	}
	return report.FormatNumber(math.Round(p*10)/10) + "%"
}

var registerLabels = map[document.Register]string{
	document.Incoming:  "Đến",
	document.Outgoing:  "Đi",
	document.Reference: "Tham chiếu",
}

var docStatusLabels = map[document.Status]string{
	document.Draft:    "Dự thảo",
	document.Issued:   "Đã ban hành",
	document.Received: "Văn bản đến",
	document.Revoked:  "Bị bãi bỏ",
	document.Replaced: "Bị thay thế",
}

func docStatusLabel(s document.Status) string { return docStatusLabels[s] }

// relationLabel is how a citation is introduced: "Căn cứ", "Thực hiện"…
func relationLabel(r document.Relation) string {
	if r == "" {
		return "Tham chiếu"
	}
	first, n := utf8.DecodeRuneInString(string(r))
	return string(unicode.ToUpper(first)) + string(r)[n:]
}

// parseDay reads a day typed as dd/mm/yyyy (or d/m/yyyy).
func parseDay(s string) (time.Time, bool) {
	for _, layout := range []string{"02/01/2006", "2/1/2006"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// documentID reads the {id} of a path.
func documentID(r *http.Request) (document.ID, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, problem.Errorf(problem.NotFound, "Không có văn bản này. Hãy kiểm tra lại địa chỉ.")
	}
	return document.ID(id), nil
}

// signedInFor is signedIn on a page of one document: the person and the
// document's id, or false when the page has been answered (sent to sign
// in, or told the address names no document).
func (s *server) signedInFor(w http.ResponseWriter, r *http.Request) (app.Actor, document.ID, bool) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return a, 0, false
	}
	id, err := documentID(r)
	if err != nil {
		s.fail(w, r, err)
		return a, 0, false
	}
	return a, id, true
}

// ownUnits are the units the person belongs to, by name.
func (s *server) ownUnits(ctx context.Context, a app.Actor) ([]org.Unit, error) {
	ids := make([]org.ID, 0, len(a.Memberships))
	for _, m := range a.Memberships {
		ids = append(ids, m.Unit)
	}
	return s.app.UnitsByIDs(ctx, ids)
}

// chosenUnit is the unit a page is about: the one named by code, or the
// person's first unit.
func (s *server) chosenUnit(ctx context.Context, a app.Actor, code string) (org.Unit, error) {
	if code != "" {
		return s.app.UnitByCode(ctx, code)
	}
	if len(a.Memberships) == 0 {
		return org.Unit{}, problem.Errorf(problem.Invalid, "Hãy chọn đơn vị cần xem")
	}
	us, err := s.app.UnitsByIDs(ctx, []org.ID{a.Memberships[0].Unit})
	if err != nil {
		return org.Unit{}, err
	}
	if len(us) == 0 {
		return org.Unit{}, problem.Errorf(problem.NotFound, "Không tìm thấy đơn vị của bạn")
	}
	return us[0], nil
}
