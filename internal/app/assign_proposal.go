package app

import (
	"context"
	"slices"
	"strings"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/task"
	"lantoa/internal/vn"
)

// Proposal is what a person is offered before assigning work from a
// document: each assignment the reader found, with the units its assignee
// text names, and the units work may go to for the texts that named none.
type Proposal struct {
	Document document.Document
	Items    []ProposalItem
	Units    []org.Unit    // the units the work may go to, by name (the assigning units left out)
	Due      task.Deadline // the document's report deadline, as read
	Assigned map[org.ID]bool
}

// ProposalItem is one assignment found in the document.
type ProposalItem struct {
	Assignee string // as written: "Liên đoàn Lao động các huyện, thành phố"
	Task     string
	Role     task.Role
	Units    []org.Unit // the units the text names, by name
	Complete bool       // false when part of the text named no unit, or a name fitted several
}

// ProposeAssignments reads what assigning work from a document would do,
// storing nothing: the same matching as AssignFromDocument, for a person to
// check and correct.
func (s *Service) ProposeAssignments(ctx context.Context, a Actor, doc document.ID) (Proposal, error) {
	var p Proposal
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		p, _, err = s.propose(ctx, tx, a, doc)
		return err
	})
	return p, err
}

func (s *Service) propose(ctx context.Context, tx *store.Tx, a Actor, doc document.ID) (Proposal, reach, error) {
	var p Proposal
	d, r, err := s.assigning(ctx, tx, a, doc)
	if err != nil {
		return p, r, err
	}
	p.Document = d
	if rd := d.ReportDeadline; rd != nil {
		p.Due.Date, _ = time.Parse(time.DateOnly, rd.Date)
		p.Due.Text = rd.Text
	}
	ids := make([]org.ID, 0, len(r.ids))
	for id := range r.ids {
		if !slices.Contains(r.bases, id) {
			ids = append(ids, id)
		}
	}
	if p.Units, err = tx.UnitsByIDs(ctx, ids); err != nil {
		return p, r, err
	}
	org.SortByName(p.Units)
	byID := map[org.ID]org.Unit{}
	for _, u := range p.Units {
		byID[u.ID] = u
	}
	m, err := newMatcher(ctx, tx, r)
	if err != nil {
		return p, r, err
	}
	for _, x := range d.Assignments {
		matched, complete := m.match(x.Assignee)
		it := ProposalItem{Assignee: x.Assignee, Task: x.Task, Role: task.RoleOf(x.Role), Complete: complete}
		for _, id := range matched {
			if u, ok := byID[id]; ok {
				it.Units = append(it.Units, u)
			}
		}
		org.SortByName(it.Units)
		p.Items = append(p.Items, it)
	}
	existing, err := tx.Assignments(ctx, store.AssignmentFilter{Document: d.ID})
	if err != nil {
		return p, r, err
	}
	p.Assigned = map[org.ID]bool{}
	for _, e := range existing {
		p.Assigned[e.Assignee] = true
	}
	return p, r, nil
}

// AssignChoice is what a person kept of a proposal: the matched units they
// left checked, the units they picked for each item (by its index in
// Proposal.Items), and the deadline (zero: the document's).
type AssignChoice struct {
	Checked   []org.ID
	Picked    map[int][]org.ID
	Extra     []org.ID // units given a task written by hand (ExtraTask), beside the proposal
	ExtraTask string
	Due       task.Deadline
}

// AssignChosen creates the assignments a person chose from a document's
// proposal: each chosen unit gets the task of every item it was chosen
// for, in the strongest of their roles, with one deadline for all. Units
// already assigned by the document are refused, as are units the proposal
// did not offer for an item.
func (s *Service) AssignChosen(ctx context.Context, a Actor, doc document.ID, c AssignChoice) ([]task.Assignment, error) {
	var out []task.Assignment
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		p, r, err := s.propose(ctx, tx, a, doc)
		if err != nil {
			return err
		}
		byUnit := map[org.ID]int{}
		var in []AssignmentInput
		add := func(u org.ID, it ProposalItem) error {
			if !r.ids[u] || slices.Contains(r.bases, u) {
				return notDirected(ctx, tx, u)
			}
			if p.Assigned[u] {
				unit, err := tx.Unit(ctx, u)
				if err != nil {
					return err
				}
				return problem.Errorf(problem.Invalid, "%s đã được giao nhiệm vụ theo văn bản này", unit.Name)
			}
			if i, ok := byUnit[u]; ok {
				if !strings.Contains(in[i].Task, it.Task) {
					in[i].Task = strings.TrimSpace(in[i].Task + "\n" + it.Task)
				}
				in[i].Role = stronger(in[i].Role, it.Role)
				return nil
			}
			byUnit[u] = len(in)
			in = append(in, AssignmentInput{Unit: u, Role: it.Role, Task: it.Task})
			return nil
		}
		for _, u := range c.Checked {
			found := false
			for _, it := range p.Items {
				if slices.ContainsFunc(it.Units, func(x org.Unit) bool { return x.ID == u }) {
					found = true
					if err := add(u, it); err != nil {
						return err
					}
				}
			}
			if !found {
				return notDirected(ctx, tx, u)
			}
		}
		for n, ids := range c.Picked {
			if n < 0 || n >= len(p.Items) {
				return problem.Errorf(problem.Invalid, "Văn bản không có nhiệm vụ thứ %d", n+1)
			}
			for _, u := range ids {
				if err := add(u, p.Items[n]); err != nil {
					return err
				}
			}
		}
		if len(c.Extra) > 0 && strings.TrimSpace(c.ExtraTask) == "" {
			return problem.Errorf(problem.Invalid, "Hãy ghi nhiệm vụ giao cho các đơn vị chọn thêm")
		}
		for _, u := range c.Extra {
			if err := add(u, ProposalItem{Task: c.ExtraTask, Role: task.Lead}); err != nil {
				return err
			}
		}
		if len(in) == 0 {
			return problem.Errorf(problem.Invalid, "Hãy chọn ít nhất một đơn vị được giao nhiệm vụ")
		}
		due := c.Due
		if due.IsZero() {
			due = p.Due
		}
		for i := range in {
			in[i].Due = due
		}
		out, err = createAssignments(ctx, tx, a, p.Document, in)
		return err
	})
	return out, err
}

// MayAssign reports whether the actor may assign work from a document.
func (s *Service) MayAssign(ctx context.Context, a Actor, doc document.ID) (bool, error) {
	ok := false
	err := s.store.View(ctx, func(tx *store.Tx) error {
		_, _, err := s.assigning(ctx, tx, a, doc)
		switch problem.KindOf(err) {
		case problem.Forbidden, problem.Invalid:
			return nil
		}
		ok = err == nil
		return err
	})
	return ok, err
}

// AssignmentLine is an assignment of a document with its unit, for lists.
type AssignmentLine struct {
	Assignment task.Assignment
	Unit       org.Unit
}

// DocumentAssignments lists the assignments a document gave to units the
// actor sees, or that the actor's units gave (those who may assign from
// the document follow what was assigned), by unit name.
func (s *Service) DocumentAssignments(ctx context.Context, a Actor, doc document.ID) ([]AssignmentLine, error) {
	var out []AssignmentLine
	err := s.store.View(ctx, func(tx *store.Tx) error {
		d, err := tx.Document(ctx, doc)
		if err != nil {
			return err
		}
		today := dayOf(tx.Now())
		if err := maySeeDocument(ctx, tx, a, d, today); err != nil {
			return err
		}
		ok, err := mayOpen(ctx, tx, a, d)
		if err != nil {
			return err
		}
		as, err := tx.Assignments(ctx, store.AssignmentFilter{Document: doc})
		if err != nil {
			return err
		}
		_, given, err := s.assigning(ctx, tx, a, doc)
		switch problem.KindOf(err) {
		case problem.Forbidden, problem.Invalid:
		default:
			if err != nil {
				return err
			}
		}
		var ids []org.ID
		for _, x := range as {
			ids = append(ids, x.Assignee)
		}
		units, err := tx.UnitsByIDs(ctx, ids)
		if err != nil {
			return err
		}
		byID := map[org.ID]org.Unit{}
		for _, u := range units {
			byID[u.ID] = u
		}
		for _, x := range as {
			switch err := maySeeUnit(ctx, tx, a, x.Assignee, today); {
			case given.ids[x.Assignee]:
			case problem.KindOf(err) == problem.Forbidden:
				continue
			case err != nil:
				return err
			}
			if !ok {
				x.Task = ""
			}
			out = append(out, AssignmentLine{Assignment: x, Unit: byID[x.Assignee]})
		}
		return nil
	})
	slices.SortStableFunc(out, func(x, y AssignmentLine) int { return vn.Compare(x.Unit.Name, y.Unit.Name) })
	return out, err
}
