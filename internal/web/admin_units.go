package web

import (
	"cmp"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
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
	// lastDay is the last day of a span ending (exclusively) on end; an
	// open end (the zero time) has none.
	"lastDay": func(end time.Time) string {
		if end.IsZero() {
			return ""
		}
		return vn.FormatDate(end.AddDate(0, 0, -1))
	},
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

// unitsData is the tree page's: the day field as typed (with its error),
// the day the tree is shown for (today when the field is empty or wrong),
// and the forms creating a unit and recording a reorganisation.
type unitsData struct {
	Day, DayError, Shown string
	Nodes                []app.UnitNode
	Unit                 unitForm
	Event                eventForm
	Kinds                []org.Kind
	Families             []document.Family
	EventKinds           []org.EventKind
	Done                 string // what was just recorded: "to-chuc", or "don-vi:" and the new unit's code
}

// Events are the reorganisations touching the units shown, each once,
// by the day they took effect: one 2025 merge names dozens of units, so
// the rows only point to it.
func (d unitsData) Events() []app.EventLine {
	seen := map[int64]bool{}
	var out []app.EventLine
	for _, n := range d.Nodes {
		for _, e := range n.Events {
			if !seen[e.Event.ID] {
				seen[e.Event.ID] = true
				out = append(out, e)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b app.EventLine) int {
		if c := a.Event.EffectiveOn.Compare(b.Event.EffectiveOn); c != 0 {
			return c
		}
		return cmp.Compare(a.Event.ID, b.Event.ID)
	})
	return out
}

// DoneUnit is the code of the unit just created, if any.
func (d unitsData) DoneUnit() string { return strings.TrimPrefix(d.Done, "don-vi:") }

// unitForm is the unit creation form as typed, with an error per field.
type unitForm struct {
	Code, Name, Notation, Kind, Family, Parent, Place, From string
	Errors                                                  map[string]string
}

// eventForm is the reorganisation form as typed: the units by code,
// separated by commas.
type eventForm struct {
	Kind, On, From, To, Note string
	Errors                   map[string]string
}

func (s *server) unitsPage(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	d := unitsData{Day: q.Get("ngay"), Done: q.Get("da-ghi")}
	s.showUnits(w, r, a, http.StatusOK, d)
}

// showUnits renders the tree of the day asked with the forms as given.
func (s *server) showUnits(w http.ResponseWriter, r *http.Request, a app.Actor, status int, d unitsData) {
	on, dayError := optionalDay(d.Day)
	if on.IsZero() {
		on = s.app.Today()
	}
	d.DayError, d.Shown = dayError, vn.FormatDate(on)
	d.Kinds, d.EventKinds = org.Kinds, []org.EventKind{org.Rename, org.Merge, org.Split, org.Close}
	d.Families = []document.Family{document.Party, document.State, document.Union, document.Front, document.Youth}
	if d.Unit.Errors == nil {
		d.Unit.Errors = map[string]string{}
	}
	if d.Event.Errors == nil {
		d.Event.Errors = map[string]string{}
	}
	var err error
	if d.Nodes, err = s.app.OrgTree(r.Context(), a, on); err != nil {
		s.fail(w, r, err)
		return
	}
	if dayError != "" && status == http.StatusOK {
		status = http.StatusBadRequest
	}
	s.render(w, r, status, "admin-units", view{Title: "Cây tổ chức ngày " + d.Shown, Actor: &a, Data: d})
}

// createUnit adds a unit under a parent the administrator administers,
// valid from the day given (today when empty).
func (s *server) createUnit(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	if !s.formRead(w, r) {
		return
	}
	pf := r.PostForm
	f := unitForm{Code: clean(pf.Get("ma")), Name: clean(pf.Get("ten")), Notation: clean(pf.Get("ky-hieu")), Kind: pf.Get("loai"),
		Family: pf.Get("khoi"), Parent: pf.Get("cap-tren"), Place: clean(pf.Get("dia-danh")), From: strings.TrimSpace(pf.Get("tu-ngay")),
		Errors: map[string]string{}}
	from, msg := optionalDay(f.From)
	if msg != "" {
		f.Errors["tu-ngay"] = msg
	}
	if from.IsZero() {
		from = s.app.Today()
	}
	parent, ok := positiveID(f.Parent)
	if !ok {
		f.Errors["cap-tren"] = "Hãy chọn đơn vị cấp trên"
	}
	d := unitsData{Unit: f}
	if len(f.Errors) > 0 {
		s.showUnits(w, r, a, http.StatusBadRequest, d)
		return
	}
	u := org.Unit{Code: f.Code, Name: f.Name, Notation: f.Notation, Kind: org.Kind(f.Kind), Family: document.Family(f.Family),
		Place: f.Place, Valid: org.Span{From: from}}
	created, err := s.app.CreateUnit(r.Context(), a, u, org.ID(parent))
	if err != nil {
		if d.Unit.Errors[""], ok = formError(err); !ok {
			s.fail(w, r, err)
			return
		}
		s.showUnits(w, r, a, http.StatusBadRequest, d)
		return
	}
	s.unitsRecorded(w, r, from, "don-vi:"+created.Code)
}

// reorganise records a rename, merge, split or close from the day given.
func (s *server) reorganise(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	if !s.formRead(w, r) {
		return
	}
	pf := r.PostForm
	f := eventForm{Kind: pf.Get("su-kien"), On: strings.TrimSpace(pf.Get("ngay-hieu-luc")), From: clean(pf.Get("don-vi-cu")),
		To: clean(pf.Get("don-vi-moi")), Note: clean(pf.Get("ghi-chu")), Errors: map[string]string{}}
	ev := org.Event{Kind: org.EventKind(f.Kind), Note: f.Note}
	on, msg := optionalDay(f.On)
	switch {
	case msg != "":
		f.Errors["ngay-hieu-luc"] = msg
	case on.IsZero():
		f.Errors["ngay-hieu-luc"] = "Hãy nhập ngày có hiệu lực, ví dụ 01/07/2025"
	}
	ev.EffectiveOn = on
	for _, side := range []struct {
		field, codes string
		ids          *[]org.ID
	}{{"don-vi-cu", f.From, &ev.From}, {"don-vi-moi", f.To, &ev.To}} {
		ids, msg, err := s.unitsByCodes(r, side.codes)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if msg != "" {
			f.Errors[side.field] = msg
		}
		*side.ids = ids
	}
	d := unitsData{Event: f}
	if len(f.Errors) > 0 {
		s.showUnits(w, r, a, http.StatusBadRequest, d)
		return
	}
	if _, err := s.app.Reorganise(r.Context(), a, ev); err != nil {
		if d.Event.Errors[""], ok = formError(err); !ok {
			s.fail(w, r, err)
			return
		}
		s.showUnits(w, r, a, http.StatusBadRequest, d)
		return
	}
	s.unitsRecorded(w, r, on, "to-chuc")
}

// unitsRecorded shows the tree of the day a change takes effect.
func (s *server) unitsRecorded(w http.ResponseWriter, r *http.Request, on time.Time, done string) {
	q := url.Values{"ngay": {vn.FormatDate(on)}, "da-ghi": {done}}
	http.Redirect(w, r, "/quan-tri/don-vi?"+q.Encode(), http.StatusSeeOther)
}

// unitsByCodes finds the units of a list of codes separated by commas;
// msg names a code that is no unit.
func (s *server) unitsByCodes(r *http.Request, codes string) (ids []org.ID, msg string, err error) {
	for _, c := range strings.Split(codes, ",") {
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		u, err := s.app.UnitByCode(r.Context(), c)
		if problem.KindOf(err) == problem.NotFound {
			return nil, "Không có đơn vị mã " + c, nil
		}
		if err != nil {
			return nil, "", err
		}
		ids = append(ids, u.ID)
	}
	return ids, "", nil
}
