package api

import (
	"encoding/json"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/task"
)

// documentView is a stored document: the reader's fields under the names
// of `lantoa parse --json`, then what the store adds.
type documentView struct {
	doc   document.Document
	extra any // more fields an endpoint adds, as a struct; nil for none
}

type storedFields struct {
	ID          int64     `json:"id"`
	Status      string    `json:"status"`
	CitationIDs []int64   `json:"citation_ids"` // citation_ids[i]: the stored document citations[i] names, 0 when absent
	IssuerUnit  *int64    `json:"issuer_unit_id"`
	File        *fileView `json:"file"`
	CreatedAt   *string   `json:"created_at"`
	UpdatedAt   *string   `json:"updated_at"`
}

type fileView struct {
	SHA256 string `json:"sha256"`
	Name   string `json:"name"`
	Size   int64  `json:"size"`
}

// MarshalJSON writes the store's fields, the endpoint's extra ones and the
// metadata's in one object: the metadata keeps its own marshalling (nulls
// for what the text lacks), so the objects are spliced rather than copied
// field by field.
func (v documentView) MarshalJSON() ([]byte, error) {
	d := v.doc
	f := storedFields{ID: int64(d.ID), Status: string(d.Status), CitationIDs: make([]int64, len(d.Citations)),
		CreatedAt: momentOrNil(d.CreatedAt), UpdatedAt: momentOrNil(d.UpdatedAt)}
	for i, t := range d.Targets {
		if i < len(f.CitationIDs) {
			f.CitationIDs[i] = int64(t)
		}
	}
	if d.IssuerUnit != 0 {
		f.IssuerUnit = &d.IssuerUnit
	}
	if d.File.SHA256 != "" {
		f.File = &fileView{SHA256: d.File.SHA256, Name: d.File.Name, Size: d.File.Size}
	}
	head, err := json.Marshal(f)
	if err != nil {
		return nil, err
	}
	parts := []any{v.extra, d.Metadata}
	if v.extra == nil {
		parts = parts[1:]
	}
	for _, p := range parts {
		more, err := json.Marshal(p)
		if err != nil {
			return nil, err
		}
		// Both are non-empty objects: drop head's "}" and more's "{".
		head = append(append(head[:len(head)-1], ','), more[1:]...)
	}
	return head, nil
}

func documentList(ds []document.Document) []documentView {
	out := make([]documentView, len(ds))
	for i, d := range ds {
		out[i] = documentView{doc: d}
	}
	return out
}

type unitView struct {
	ID        int64   `json:"id"`
	Code      string  `json:"code"`
	Notation  string  `json:"notation"`
	Name      string  `json:"name"`
	Kind      string  `json:"kind"`
	Family    string  `json:"family"`
	Place     string  `json:"place"`
	ValidFrom *string `json:"valid_from"`
	ValidTo   *string `json:"valid_to"` // null: still in being
}

func unitOf(u org.Unit) unitView {
	return unitView{ID: int64(u.ID), Code: u.Code, Notation: u.Notation, Name: u.Name, Kind: string(u.Kind),
		Family: string(u.Family), Place: u.Place, ValidFrom: day(u.Valid.From), ValidTo: day(u.Valid.To)}
}

type dueView struct {
	Date *string `json:"date"`
	Text string  `json:"text"`
}

type assignmentView struct {
	ID             int64    `json:"id"`
	Document       int64    `json:"document_id"`
	Assignee       int64    `json:"assignee_unit_id"`
	Assigner       int64    `json:"assigner_unit_id"`
	Role           string   `json:"role"`
	Task           string   `json:"task"`
	Due            *dueView `json:"due"`
	Status         string   `json:"status"`
	StatusLabel    string   `json:"status_label"`
	SentAt         *string  `json:"sent_at"`
	ReceivedAt     *string  `json:"received_at"`
	AcknowledgedAt *string  `json:"acknowledged_at"`
	ImplementingAt *string  `json:"implementing_at"`
	ReportedAt     *string  `json:"reported_at"`
	AcceptedAt     *string  `json:"accepted_at"`
	ReturnedAt     *string  `json:"returned_at"`
}

func assignmentOf(a task.Assignment) assignmentView {
	v := assignmentView{ID: int64(a.ID), Document: int64(a.Document), Assignee: int64(a.Assignee), Assigner: int64(a.Assigner),
		Role: string(a.Role), Task: a.Task, Status: string(a.Status), StatusLabel: a.Status.Label(),
		SentAt: momentOrNil(a.SentAt), ReceivedAt: momentOrNil(a.ReceivedAt), AcknowledgedAt: momentOrNil(a.AcknowledgedAt),
		ImplementingAt: momentOrNil(a.ImplementingAt), ReportedAt: momentOrNil(a.ReportedAt),
		AcceptedAt: momentOrNil(a.AcceptedAt), ReturnedAt: momentOrNil(a.ReturnedAt)}
	if !a.Due.IsZero() {
		v.Due = &dueView{Date: day(a.Due.Date), Text: a.Due.Text}
	}
	return v
}

type cascadeView struct {
	Document documentView `json:"document"`
	Parent   *int64       `json:"parent_id"`
	Depth    int          `json:"depth"`
}

func cascadeOf(ns []store.CascadeNode) []cascadeView {
	out := make([]cascadeView, len(ns))
	for i, n := range ns {
		out[i] = cascadeView{Document: documentView{doc: n.Doc}, Depth: n.Depth}
		if n.Parent != 0 {
			p := int64(n.Parent)
			out[i].Parent = &p
		}
	}
	return out
}

type indicatorView struct {
	Code    string `json:"code"`
	Form    string `json:"form"`
	Label   string `json:"label"`
	Measure string `json:"measure"`
}

type totalView struct {
	Indicator indicatorView `json:"indicator"`
	Num       float64       `json:"num"`
	Den       float64       `json:"den"`
	N         int64         `json:"n"`
	Percent   *float64      `json:"percent"` // null without a denominator
}

type coverageView struct {
	Assigned     int `json:"assigned"`
	Received     int `json:"received"`
	Acknowledged int `json:"acknowledged"`
	Implementing int `json:"implementing"`
	Reported     int `json:"reported"`
	Accepted     int `json:"accepted"`
	Late         int `json:"late"`
}

type partView struct {
	Unit     unitView     `json:"unit"`
	Totals   []totalView  `json:"totals"`
	Coverage coverageView `json:"coverage"`
}

type lateView struct {
	Assignment assignmentView `json:"assignment"`
	Unit       unitView       `json:"unit"`
	DaysLate   int            `json:"days_late"`
}

type rollupView struct {
	Directive int64   `json:"directive_id"`
	AsOf      *string `json:"as_of"`
	partView
	Late     []lateView `json:"late"`
	Children []partView `json:"children"`
}

func partOf(p report.Part) partView {
	c := p.Coverage
	v := partView{Unit: unitOf(p.Unit), Totals: make([]totalView, len(p.Totals)),
		Coverage: coverageView{c.Assigned, c.Received, c.Acknowledged, c.Implementing, c.Reported, c.Accepted, c.Late}}
	for i, t := range p.Totals {
		ind := t.Indicator
		v.Totals[i] = totalView{Indicator: indicatorView{ind.Code, ind.Form, ind.Label, ind.Measure}, Num: t.Num, Den: t.Den, N: t.N}
		if pc, ok := t.Percent(); ok {
			v.Totals[i].Percent = &pc
		}
	}
	return v
}

func rollupOf(r report.Rollup) rollupView {
	v := rollupView{Directive: int64(r.Directive), AsOf: day(r.On), partView: partOf(r.Part),
		Late: make([]lateView, len(r.Late)), Children: make([]partView, len(r.Children))}
	for i, l := range r.Late {
		v.Late[i] = lateView{Assignment: assignmentOf(l.Assignment), Unit: unitOf(l.Unit), DaysLate: l.DaysLate}
	}
	for i, c := range r.Children {
		v.Children[i] = partOf(c)
	}
	return v
}
