package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/task"
	"lantoa/internal/vn"
)

// workPages are the templates of the assignment, activity and report pages.
// work-indicators.html holds the indicator fields they share.
var workPages = []string{"work-assignment", "work-activity", "work-report-new", "work-report", "issue"}

// vietnam is the time zone of every unit (UTC+7, no daylight saving).
var vietnam = time.FixedZone("ICT", 7*60*60)

var workFuncs = template.FuncMap{
	"moment": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(vietnam).Format("02/01/2006 15:04")
	},
}

// workRoutes mounts the assignment, activity and report pages.
func (s *server) workRoutes(mux *http.ServeMux) {
	for _, name := range workPages {
		s.pages.add(name, "templates/work-indicators.html")
	}
	mux.HandleFunc("GET /nhiem-vu/{id}", s.assignmentPage)
	mux.HandleFunc("POST /nhiem-vu/{id}/nhan", s.receive)
	mux.HandleFunc("POST /nhiem-vu/{id}/xem", s.acknowledge)
	mux.HandleFunc("GET /nhiem-vu/{id}/ban-hanh", s.issuePage)
	mux.HandleFunc("POST /nhiem-vu/{id}/ban-hanh", s.issue)
	mux.HandleFunc("GET /hoat-dong/moi", s.activityPage)
	mux.HandleFunc("POST /hoat-dong/moi", s.recordActivity)
	mux.HandleFunc("GET /bao-cao/moi", s.newReportPage)
	mux.HandleFunc("POST /bao-cao/moi", s.createReport)
	mux.HandleFunc("GET /bao-cao/{id}", s.reportPage)
	mux.HandleFunc("POST /bao-cao/{id}", s.saveReport)
	mux.HandleFunc("POST /bao-cao/{id}/gui", s.submitReport)
	mux.HandleFunc("POST /bao-cao/{id}/duyet", s.acceptReport)
	mux.HandleFunc("POST /bao-cao/{id}/tra-lai", s.returnReport)
}

// positiveID reads a positive whole number; ok is false otherwise.
func positiveID(s string) (int64, bool) {
	id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	return id, err == nil && id > 0
}

// assignmentID reads the assignment a path or a form names.
func assignmentID(s string) (task.ID, error) {
	id, ok := positiveID(s)
	if !ok {
		return 0, problem.Errorf(problem.NotFound, "Không có nhiệm vụ này. Hãy kiểm tra lại địa chỉ.")
	}
	return task.ID(id), nil
}

func reportID(r *http.Request) (report.ID, error) {
	id, ok := positiveID(r.PathValue("id"))
	if !ok {
		return 0, problem.Errorf(problem.NotFound, "Không có báo cáo này. Hãy kiểm tra lại địa chỉ.")
	}
	return report.ID(id), nil
}

// parseNumber reads a figure as Vietnamese write it: "." between
// thousands, "," before decimals ("1.234,5"); ok is false for anything else.
func parseNumber(s string) (float64, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if s == "" {
		return 0, false
	}
	whole, frac, hasFrac := strings.Cut(s, ",")
	groups := strings.Split(whole, ".")
	for i, g := range groups {
		if g == "" || (i > 0 && len(g) != 3) || (len(groups) > 1 && i == 0 && len(g) > 3) {
			return 0, false
		}
	}
	text := strings.Join(groups, "")
	if hasFrac {
		text += "." + frac
	}
	for _, r := range text {
		if (r < '0' || r > '9') && r != '.' {
			return 0, false
		}
	}
	x, err := strconv.ParseFloat(text, 64)
	return x, err == nil
}

// formError keeps the message of a problem the user can correct, and
// reports whether err was one; other errors are ours.
func formError(err error) (string, bool) {
	switch problem.KindOf(err) {
	case problem.Invalid, problem.Conflict:
		_, msg := statusOf(err)
		return msg, true
	}
	return "", false
}

// clean is text typed in a form, as stored.
func clean(s string) string { return strings.TrimSpace(vn.NFC(s)) }
