package app

import (
	"context"
	"strings"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/task"
	"lantoa/internal/vn"
)

// ImplementingTypes are the document types an implementing document is
// drafted as, in the order forms offer them.
var ImplementingTypes = []string{"Hướng dẫn", "Kế hoạch", "Công văn"}

// ImplementingView is what the form drafting a unit's implementing
// document from an assignment shows.
type ImplementingView struct {
	Assignment task.Assignment // zero when drafted from the parent itself
	Parent     document.Document
	Unit       org.Unit   // the issuing unit: the assignee
	Recipients []org.Unit // the units it directs directly today, by name
	Lines      []string   // the "Thực hiện" line the draft opens with, then the parent's own "Căn cứ"
	Indicators report.IndicatorSet
	More       []report.Indicator // the catalogue's other indicators, to add
	MayIssue   bool               // may issue with a number, not only save a draft
}

// ImplementingForm reads what a unit needs to draft the document by which
// it implements an assignment. The actor must draft for the assignee.
func (s *Service) ImplementingForm(ctx context.Context, a Actor, id task.ID) (ImplementingView, error) {
	var v ImplementingView
	err := s.store.View(ctx, func(tx *store.Tx) error {
		as, err := tx.Assignment(ctx, id)
		if err != nil {
			return err
		}
		if err := maySeeUnit(ctx, tx, a, as.Assignee, dayOf(tx.Now())); err != nil {
			return err
		}
		v, err = implementingView(ctx, tx, a, as.Document, as.Assignee)
		v.Assignment = as
		return err
	})
	return v, err
}

// ImplementingFormFor reads what a unit needs to draft a document
// implementing a parent it was not assigned through Lan Tỏa (a directive
// in its register). unit 0 is the first unit the actor drafts for.
func (s *Service) ImplementingFormFor(ctx context.Context, a Actor, parent document.ID, unit org.ID) (ImplementingView, error) {
	if unit == 0 {
		for _, m := range a.Memberships {
			if a.holds(m.Unit, draftRoles) {
				unit = m.Unit
				break
			}
		}
	}
	if unit == 0 {
		return ImplementingView{}, forbidden()
	}
	var v ImplementingView
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		v, err = implementingView(ctx, tx, a, parent, unit)
		return err
	})
	return v, err
}

func implementingView(ctx context.Context, tx *store.Tx, a Actor, parent document.ID, unit org.ID) (ImplementingView, error) {
	var v ImplementingView
	if err := mayActFor(ctx, tx, a, unit, draftRoles, dayOf(tx.Now())); err != nil {
		return v, err
	}
	today := dayOf(tx.Now())
	var err error
	if v.Parent, err = tx.Document(ctx, parent); err != nil {
		return v, err
	}
	if err := maySeeDocument(ctx, tx, a, v.Parent, today); err != nil {
		return v, err
	}
	if v.Parent.Status == document.Draft {
		return v, problem.Errorf(problem.Invalid, "Văn bản được thực hiện còn là dự thảo, chưa ban hành")
	}
	if v.Unit, err = tx.Unit(ctx, unit); err != nil {
		return v, err
	}
	if v.Recipients, err = tx.Children(ctx, v.Unit.ID, today); err != nil {
		return v, err
	}
	org.SortByName(v.Recipients)
	if v.Indicators, err = tx.IndicatorSetFor(ctx, v.Parent.ID); err != nil && problem.KindOf(err) != problem.NotFound {
		return v, err
	}
	catalogue, err := tx.IndicatorSetByCode(ctx, report.DefaultSetCode)
	if err != nil {
		return v, err
	}
	for _, ind := range catalogue.Indicators {
		if _, ok := v.Indicators.Indicator(ind.Code); !ok {
			v.More = append(v.More, ind)
		}
	}
	v.Lines = append([]string{implementingLine(v.Parent)}, citationLines(v.Parent)...)
	v.MayIssue = mayActFor(ctx, tx, a, v.Unit.ID, issueRoles, today) == nil
	return v, nil
}

// citationLines are the "Căn cứ" lines of the documents a parent itself
// rests on, which an implementing document usually repeats.
func citationLines(p document.Document) []string {
	var out []string
	for _, c := range p.Citations {
		if c.NumberSymbol == "" {
			continue
		}
		line := "Căn cứ " + strings.TrimSpace(c.DocType+" số "+c.NumberSymbol)
		if c.Date != "" {
			if on := (document.Document{Metadata: document.Metadata{Date: c.Date}}).IssuedOn(); !on.IsZero() {
				line += " ngày " + vn.FormatDate(on)
			}
		}
		if c.Issuer != "" {
			line += " của " + c.Issuer
		}
		out = append(out, line)
	}
	return out
}

// IssueImplementing drafts an implementing document and issues it at
// once. The signer is checked before anything is stored; should issuing
// still be refused, the draft stays and is returned with the error.
func (s *Service) IssueImplementing(ctx context.Context, a Actor, in DraftInput, signer Signer) (Issued, document.Document, error) {
	if strings.TrimSpace(signer.Name) == "" {
		return Issued{}, document.Document{}, problem.Errorf(problem.Invalid, "Văn bản ban hành phải có người ký")
	}
	if err := s.mayActToday(ctx, a, in.Unit, issueRoles); err != nil {
		return Issued{}, document.Document{}, err
	}
	d, err := s.DraftImplementing(ctx, a, in)
	if err != nil {
		return Issued{}, d, err
	}
	out, err := s.Issue(ctx, a, d.ID, signer)
	return out, d, err
}
