package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/task"
	"lantoa/internal/vn"
)

// RecipientTask is a unit an implementing document is sent to and what it
// asks of it.
type RecipientTask = store.PlannedTask

// DraftInput is an implementing document to draft from a parent document.
type DraftInput struct {
	Unit            org.ID      // the issuing unit
	Parent          document.ID // the document it implements
	DocType         string      // "Hướng dẫn", "Kế hoạch", "Công văn"…
	Subject         string
	Body            string
	Department      string // the drafting department in the notation ("VX" in 12/UBND-VX); optional
	Urgency         string // "Khẩn", "Thượng khẩn", "Hỏa tốc"; optional
	Confidentiality string // "Mật", "Tối mật", "Tuyệt mật"; optional
	Recipients      []RecipientTask
	IndicatorSet    int64 // what the recipients report on; 0: none yet
	// Indicators, when not nil, are the codes the recipients report on,
	// chosen on the form from IndicatorSet and the catalogue: a choice
	// other than IndicatorSet's becomes a set of this document's own.
	Indicators []string
}

// DraftImplementing drafts the document a unit issues to implement a
// parent: its citation of the parent is written ("Thực hiện Hướng dẫn số
// 71-HD/BTGTU ngày 22/06/2022 của Ban Tuyên giáo Tỉnh ủy") and linked to
// it, and its recipients, which must be units the issuing unit directs,
// are kept with their tasks until it is issued.
func (s *Service) DraftImplementing(ctx context.Context, a Actor, in DraftInput) (document.Document, error) {
	var d document.Document
	if err := s.mayActToday(ctx, a, in.Unit, draftRoles); err != nil {
		return d, err
	}
	if strings.TrimSpace(in.Subject) == "" {
		return d, problem.Errorf(problem.Invalid, "Dự thảo phải có trích yếu")
	}
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		today := dayOf(tx.Now())
		unit, err := tx.Unit(ctx, in.Unit)
		if err != nil {
			return err
		}
		if _, ok := document.TypeCode(in.DocType, unit.Family); !ok {
			return problem.Errorf(problem.Invalid, "Loại văn bản %q không có ký hiệu để cấp số: hãy chọn Hướng dẫn, Kế hoạch, Công văn…", in.DocType)
		}
		parent, err := tx.Document(ctx, in.Parent)
		if err != nil {
			return err
		}
		if parent.Status == document.Draft {
			return problem.Errorf(problem.Invalid, "Văn bản được thực hiện còn là dự thảo, chưa ban hành")
		}
		if err := maySeeDocument(ctx, tx, a, parent, today); err != nil {
			return err
		}
		plan := store.DraftPlan{IndicatorSet: in.IndicatorSet, Department: in.Department}
		own, err := ownIndicators(ctx, tx, in)
		if err != nil {
			return err
		}
		if own.ID != 0 {
			plan.IndicatorSet = own.ID
		}
		var names []string
		for _, r := range in.Recipients {
			if r.Role == "" {
				r.Role = task.Lead
			}
			recipient, err := directed(ctx, tx, unit, r.Unit, today)
			if err != nil {
				return err
			}
			for _, p := range plan.Recipients {
				if p.Unit == r.Unit {
					return problem.Errorf(problem.Invalid, "%s có tên hai lần trong danh sách nơi nhận", recipient.Name)
				}
			}
			r.Task = strings.TrimSpace(vn.NFC(r.Task))
			if err := (task.Assignment{Document: parent.ID, Assignee: r.Unit, Role: r.Role}).Validate(); err != nil {
				return err
			}
			plan.Recipients = append(plan.Recipients, r)
			names = append(names, recipient.Name)
		}
		d, err = tx.CreateDraft(ctx, document.Document{
			Metadata: document.Metadata{Family: unit.Family, DocType: in.DocType, Issuer: unit.Name, Place: unit.Place,
				Subject: in.Subject, Recipients: names, Urgency: in.Urgency, Confidentiality: in.Confidentiality,
				Citations: []document.Citation{{NumberSymbol: parent.NumberSymbol, DocType: parent.DocType, Date: parent.Date,
					Issuer: parent.Issuer, Relation: document.Implements}}},
			Targets:    []document.ID{parent.ID},
			IssuerUnit: int64(unit.ID),
			Body:       implementingLine(parent) + "\n" + in.Body,
			CreatedBy:  a.Account,
		}, plan)
		if err != nil {
			return err
		}
		if own.ID != 0 {
			if err := tx.AttachIndicatorSet(ctx, own.ID, d.ID); err != nil {
				return err
			}
		}
		return audit(ctx, tx, a, "document.draft", docObject(d.ID), "Dự thảo "+in.DocType+" thực hiện "+parent.NumberSymbol)
	})
	return d, err
}

// ownIndicators stores the indicators chosen for a draft as a set of its
// own when they differ from the set it was offered; the zero set means
// the offered set stands.
func ownIndicators(ctx context.Context, tx *store.Tx, in DraftInput) (report.IndicatorSet, error) {
	if in.Indicators == nil {
		return report.IndicatorSet{}, nil
	}
	if len(in.Indicators) == 0 {
		return report.IndicatorSet{}, problem.Errorf(problem.Invalid, "Hãy chọn ít nhất một chỉ tiêu báo cáo")
	}
	var offered report.IndicatorSet
	if in.IndicatorSet != 0 {
		var err error
		if offered, err = tx.IndicatorSet(ctx, in.IndicatorSet); err != nil {
			return report.IndicatorSet{}, err
		}
		if sameCodes(offered.Indicators, in.Indicators) {
			return report.IndicatorSet{}, nil
		}
	}
	known, err := tx.Indicators(ctx, in.Indicators)
	if err != nil {
		return report.IndicatorSet{}, err
	}
	set := report.IndicatorSet{Code: "dieu-chinh-" + newToken()[:12], Name: "Bộ chỉ tiêu điều chỉnh"}
	if offered.Name != "" {
		set.Name += " từ " + offered.Name
	}
	for _, code := range in.Indicators {
		ind, ok := known[code]
		if !ok {
			return report.IndicatorSet{}, problem.Errorf(problem.Invalid, "Không có chỉ tiêu mã %q trong danh mục", code)
		}
		set.Indicators = append(set.Indicators, ind)
	}
	return tx.CreateIndicatorSet(ctx, set)
}

// sameCodes tells whether a set holds exactly the chosen codes, in any order.
func sameCodes(set []report.Indicator, codes []string) bool {
	if len(set) != len(codes) {
		return false
	}
	in := make(map[string]bool, len(set))
	for _, i := range set {
		in[i.Code] = true
	}
	for _, c := range codes {
		if !in[c] {
			return false
		}
	}
	return true
}

// directed reads unit id and checks that issuer directs it on day on.
func directed(ctx context.Context, tx *store.Tx, issuer org.Unit, id org.ID, on time.Time) (org.Unit, error) {
	u, err := tx.Unit(ctx, id)
	if err != nil {
		return u, err
	}
	ok, err := tx.Directs(ctx, issuer.ID, id, on)
	if err != nil {
		return u, err
	}
	if !ok || id == issuer.ID {
		return u, problem.Errorf(problem.Invalid, "%s không thuộc quyền chỉ đạo của %s ngày %s", u.Name, issuer.Name, vn.FormatDate(on))
	}
	return u, nil
}

// implementingLine is the sentence that opens an implementing document.
func implementingLine(p document.Document) string {
	line := "Thực hiện " + strings.TrimSpace(p.DocType+" số "+p.NumberSymbol)
	if on := p.IssuedOn(); !on.IsZero() {
		line += " ngày " + vn.FormatDate(on)
	}
	if p.Issuer != "" {
		line += " của " + p.Issuer
	}
	return line
}

// Signer is who signs a document, and in what capacity.
type Signer struct {
	Name     string
	Capacity []string // ["TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH"]
}

// Issued is a document just issued and what it set in motion.
type Issued struct {
	Document    document.Document
	Outgoing    store.RegisterEntry
	Incoming    []store.RegisterEntry // one per recipient, with its arrival number
	Assignments []task.Assignment
}

// Issue issues a draft, all or nothing: a number by the issuing unit's
// family rules, the notation, today's date, the unit's place and name and
// the signature; the outgoing register line; an incoming line with an
// arrival number at each recipient and its assignment, so recipients find
// their task at once; and the link to the parent, which marks the issuing
// unit's own assignment from the parent as being implemented.
func (s *Service) Issue(ctx context.Context, a Actor, draft document.ID, signer Signer) (Issued, error) {
	var out Issued
	if strings.TrimSpace(signer.Name) == "" {
		return out, problem.Errorf(problem.Invalid, "Văn bản ban hành phải có người ký")
	}
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		out = Issued{} // a retried transaction starts afresh
		d, err := tx.Document(ctx, draft)
		if err != nil {
			return err
		}
		if d.Status != document.Draft {
			return problem.Errorf(problem.Conflict, "Văn bản %s đã được ban hành", d.NumberSymbol)
		}
		if d.IssuerUnit == 0 {
			return problem.Errorf(problem.Invalid, "Dự thảo chưa có đơn vị ban hành")
		}
		if err := mayActFor(ctx, tx, a, org.ID(d.IssuerUnit), issueRoles, dayOf(tx.Now())); err != nil {
			return err
		}
		unit, err := tx.Unit(ctx, org.ID(d.IssuerUnit))
		if err != nil {
			return err
		}
		plan, err := tx.Plan(ctx, d.ID)
		if err != nil {
			return err
		}
		today := dayOf(tx.Now())
		n, err := tx.AllocateNumber(ctx, unit, d.DocType, today, d.Confidential())
		if err != nil {
			return err
		}
		num, err := document.Notation(unit.Family, d.DocType, n, unit.Notation, plan.Department)
		if err != nil {
			return err
		}
		d.Number, d.Symbol, d.NumberSymbol = num.Number, num.Symbol, num.NumberSymbol
		d.Date, d.Place, d.Issuer = today.Format(time.DateOnly), unit.Place, unit.Name
		d.SignerName, d.SignerCapacity = signer.Name, signer.Capacity
		if out.Document, err = tx.IssueDraft(ctx, d); err != nil {
			return err
		}
		if out.Outgoing, err = tx.Enter(ctx, d.ID, unit.ID, document.Outgoing, today, n); err != nil {
			return err
		}
		for _, r := range plan.Recipients {
			// The organisation may have changed since the draft was written.
			if _, err := directed(ctx, tx, unit, r.Unit, today); err != nil {
				return err
			}
			e, err := tx.Enter(ctx, d.ID, r.Unit, document.Incoming, today, 0)
			if err != nil {
				return err
			}
			as, err := tx.CreateAssignment(ctx, task.Assignment{Document: d.ID, Assignee: r.Unit, Assigner: unit.ID,
				Role: r.Role, Task: r.Task, Due: r.Due, IndicatorSet: plan.IndicatorSet})
			if err != nil {
				return err
			}
			out.Incoming = append(out.Incoming, e)
			out.Assignments = append(out.Assignments, as)
		}
		return audit(ctx, tx, a, "document.issue", docObject(d.ID),
			fmt.Sprintf("Ban hành %s %s ngày %s, gửi %d đơn vị", d.DocType, d.NumberSymbol, vn.FormatDate(today), len(plan.Recipients)))
	})
	return out, err
}
