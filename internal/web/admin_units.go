package web

import (
	"html/template"
	"net/http"
	"strconv"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/vn"
)

var kindLabels = map[org.Kind]string{
	org.PartyCommittee:  "Cấp ủy đảng",
	org.PartyBoard:      "Ban của cấp ủy",
	org.PartyCell:       "Chi bộ, đảng bộ cơ sở",
	org.UnionFederation: "Liên đoàn Lao động, công đoàn ngành",
	org.GrassrootsUnion: "Công đoàn cơ sở",
	org.FrontCommittee:  "Ủy ban Mặt trận Tổ quốc",
	org.MassOrg:         "Tổ chức chính trị - xã hội",
	org.StateOffice:     "Cơ quan nhà nước",
	org.MediaCentre:     "Trung tâm Văn hóa - Thể thao - Truyền thông",
	org.Press:           "Báo, đài",
	org.Association:     "Hội",
}

var familyLabels = map[document.Family]string{
	document.Party: "Văn bản Đảng",
	document.State: "Văn bản nhà nước",
	document.Union: "Văn bản công đoàn",
	document.Front: "Văn bản Mặt trận",
	document.Youth: "Văn bản Đoàn",
}

var eventLabels = map[org.EventKind]string{
	org.Merge:  "Sáp nhập",
	org.Split:  "Chia tách",
	org.Rename: "Đổi tên",
	org.Close:  "Giải thể",
}

var adminFuncs = template.FuncMap{
	"kindLabel":   func(k org.Kind) string { return labelOr(kindLabels, k) },
	"familyLabel": func(f document.Family) string { return labelOr(familyLabels, f) },
	"eventLabel":  func(k org.EventKind) string { return labelOr(eventLabels, k) },
	// lastDay is the last day of a span ending (exclusively) on end.
	"lastDay": func(end time.Time) string { return vn.FormatDate(end.AddDate(0, 0, -1)) },
	// indent is a tree depth as a CSS class, capped to what the sheet styles.
	"indent": func(depth int) string { return "depth-" + strconv.Itoa(min(depth, 6)) },
}

// labelOr is the label of a code, or the code itself when it has none.
func labelOr[K ~string](labels map[K]string, k K) string {
	if l, ok := labels[k]; ok {
		return l
	}
	return string(k)
}

// unitsData is the tree page's: the day field as typed (with its error)
// and the day the tree is shown for, today when the field is empty or wrong.
type unitsData struct {
	Day, DayError, Shown string
	Nodes                []app.UnitNode
}

func (s *server) unitsPage(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	d := unitsData{Day: r.URL.Query().Get("ngay")}
	on, dayError := optionalDay(d.Day)
	if on.IsZero() {
		on = s.app.Today()
	}
	d.DayError, d.Shown = dayError, vn.FormatDate(on)
	var err error
	if d.Nodes, err = s.app.OrgTree(r.Context(), a, on); err != nil {
		s.fail(w, r, err)
		return
	}
	status := http.StatusOK
	if dayError != "" {
		status = http.StatusBadRequest
	}
	s.render(w, r, status, "admin-units", view{Title: "Cây tổ chức ngày " + d.Shown, Actor: &a, Data: d})
}
