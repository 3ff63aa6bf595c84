package web

import (
	"net/http"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/store"
)

// citationLine is a citation as written, with the stored document it
// refers to (0 when that document is not in Lan Tỏa).
type citationLine struct {
	document.Citation
	Target document.ID
}

// cascadeItem is a document of a directive's cascade with the documents
// implementing it below.
type cascadeItem struct {
	Doc      document.Document
	Unit     string // the issuing unit's name, when it is in Lan Tỏa
	Children []*cascadeItem
}

type documentData struct {
	Doc         document.Document
	Citations   []citationLine
	CitedBy     []document.Document
	Cascade     *cascadeItem // nil when nothing implements the document
	Assignments []app.AssignmentLine
	MayAssign   bool // may assign work from it to units below
	Saved       bool // just entered in a register
	Issued      bool // just issued
}

// originalFile sends the file a document was read from.
func (s *server) originalFile(w http.ResponseWriter, r *http.Request) {
	a, id, ok := s.signedInFor(w, r)
	if !ok {
		return
	}
	f, data, err := s.app.DocumentFile(r.Context(), a, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sendFile(w, f.Name, data)
}

func (s *server) documentPage(w http.ResponseWriter, r *http.Request) {
	a, id, ok := s.signedInFor(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	d := documentData{}
	var err error
	if d.Doc, err = s.app.Document(ctx, a, id); err != nil {
		s.fail(w, r, err)
		return
	}
	for i, c := range d.Doc.Citations {
		line := citationLine{Citation: c}
		if i < len(d.Doc.Targets) {
			line.Target = d.Doc.Targets[i]
		}
		d.Citations = append(d.Citations, line)
	}
	if d.CitedBy, err = s.app.CitedBy(ctx, a, id); err != nil {
		s.fail(w, r, err)
		return
	}
	nodes, err := s.app.Cascade(ctx, a, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if d.Assignments, err = s.app.DocumentAssignments(ctx, a, id); err != nil {
		s.fail(w, r, err)
		return
	}
	if d.MayAssign, err = s.app.MayAssign(ctx, a, id); err != nil {
		s.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	d.Saved, d.Issued = q.Get("da-luu") != "", q.Get("da-ban-hanh") != ""
	if len(nodes) > 1 {
		if d.Cascade, err = s.cascadeTree(r, nodes); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "document", view{Title: d.Doc.Title(), Actor: &a, Data: d})
}

// cascadeTree nests the cascade's nodes (root first, then level by level)
// under their parents and names their issuing units.
func (s *server) cascadeTree(r *http.Request, nodes []store.CascadeNode) (*cascadeItem, error) {
	var ids []org.ID
	for _, n := range nodes {
		if n.Doc.IssuerUnit != 0 {
			ids = append(ids, org.ID(n.Doc.IssuerUnit))
		}
	}
	units, err := s.app.UnitsByIDs(r.Context(), ids)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	for _, u := range units {
		names[int64(u.ID)] = u.Name
	}
	items := map[document.ID]*cascadeItem{}
	var root *cascadeItem
	for _, n := range nodes {
		it := &cascadeItem{Doc: n.Doc, Unit: names[n.Doc.IssuerUnit]}
		items[n.Doc.ID] = it
		if parent := items[n.Parent]; parent != nil {
			parent.Children = append(parent.Children, it)
		} else if root == nil {
			root = it
		}
	}
	return root, nil
}
