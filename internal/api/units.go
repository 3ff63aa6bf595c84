package api

import (
	"net/http"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/org"
	"lantoa/internal/store"
)

// maxUnits caps a unit search: enough to pick from, small to send.
const maxUnits = 100

// dayParam is the day a query asks about, as "on" or its Vietnamese
// name "ngay" (YYYY-MM-DD); today without either.
func (s *server) dayParam(r *http.Request) (time.Time, error) {
	q := r.URL.Query()
	param, v := "on", q.Get("on")
	if v == "" {
		param, v = "ngay", q.Get("ngay")
	}
	on, err := parseDate(v, param)
	if err == nil && on.IsZero() {
		on = s.app.Today()
	}
	return on, err
}

// units lists the units in being on a day (today by default): those whose
// names hold the words of q, in Vietnamese alphabetical order, or with
// tree=true the whole organisation as a tree.
func (s *server) units(w http.ResponseWriter, r *http.Request, _ caller) error {
	on, err := s.dayParam(r)
	if err != nil {
		return err
	}
	if r.URL.Query().Get("tree") == "true" {
		tree, err := s.app.UnitTree(r.Context(), on)
		if err != nil {
			return err
		}
		return reply(w, http.StatusOK, branchesOf(tree))
	}
	us, err := s.app.Units(r.Context(), store.UnitFilter{Query: r.URL.Query().Get("q"), On: on, Limit: maxUnits})
	if err != nil {
		return err
	}
	return reply(w, http.StatusOK, unitList(us))
}

type branchView struct {
	unitView
	Children []branchView `json:"children"`
}

func branchesOf(bs []app.UnitBranch) []branchView {
	out := make([]branchView, len(bs))
	for i, b := range bs {
		out[i] = branchView{unitView: unitOf(b.Unit), Children: branchesOf(b.Children)}
	}
	return out
}

func unitList(us []org.Unit) []unitView {
	out := make([]unitView, len(us))
	for i, u := range us {
		out[i] = unitOf(u)
	}
	return out
}

type unitLinksView struct {
	unitView
	On       string     `json:"on"`
	Parents  []unitView `json:"parents"`
	Children []unitView `json:"children"`
}

// unit is one unit with the units directing it and those it directs on a
// day (today by default).
func (s *server) unit(w http.ResponseWriter, r *http.Request, _ caller) error {
	id, err := pathID(r, "đơn vị")
	if err != nil {
		return err
	}
	on, err := s.dayParam(r)
	if err != nil {
		return err
	}
	v, err := s.app.UnitOn(r.Context(), org.ID(id), on)
	if err != nil {
		return err
	}
	return reply(w, http.StatusOK, unitLinksView{unitView: unitOf(v.Unit), On: on.Format(dateLayout),
		Parents: unitList(v.Parents), Children: unitList(v.Children)})
}
