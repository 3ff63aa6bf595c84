package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/task"
	"lantoa/internal/vn"
)

// AssignmentInput is an assignment written by hand.
type AssignmentInput struct {
	Unit         org.ID
	Role         task.Role // empty: chủ trì
	Task         string
	Due          task.Deadline
	IndicatorSet int64
}

// CreateAssignments records what a stored document asks of units. The
// actor must draft for the document's issuing unit, or for a unit that
// holds it in a register, and each assignee must be a unit that unit
// directs.
func (s *Service) CreateAssignments(ctx context.Context, a Actor, doc document.ID, in []AssignmentInput) ([]task.Assignment, error) {
	var out []task.Assignment
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		d, reach, err := s.assigning(ctx, tx, a, doc)
		if err != nil {
			return err
		}
		for _, x := range in {
			if !reach.ids[x.Unit] {
				return notDirected(ctx, tx, x.Unit)
			}
		}
		out, err = createAssignments(ctx, tx, a, d, in)
		return err
	})
	return out, err
}

// Assigned is what AssignFromDocument did.
type Assigned struct {
	Created   []task.Assignment
	Existing  []task.Assignment // units already assigned by this document, left as they were
	Unmatched []string          // assignee texts not (or not wholly) matched to units: the caller decides
}

// AssignFromDocument turns the assignments the reader found in a document
// ("Tổ chức thực hiện", each "Kính gửi" recipient) and its report deadline
// into assignments. Each assignee text is matched to units: first by the
// caller's matches (text → the units the clerk picked for it), then by name among the units the
// issuing or registering unit directs, preferring those it directs
// directly. A plural text ("LĐLĐ các huyện, thành phố", "Các chi bộ, đảng
// bộ cơ sở") takes every unit it names; a singular one must name exactly
// one unit. Texts that do not match are returned, never guessed. A unit
// named by several texts gets one assignment with every task, in its
// strongest role.
func (s *Service) AssignFromDocument(ctx context.Context, a Actor, doc document.ID, matches map[string][]org.ID) (Assigned, error) {
	var out Assigned
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		out = Assigned{} // a retried transaction starts afresh
		d, reach, err := s.assigning(ctx, tx, a, doc)
		if err != nil {
			return err
		}
		explicit := map[string][]org.ID{}
		for text, ids := range matches {
			explicit[vn.Fold(strings.TrimSpace(vn.NFC(text)))] = ids
		}
		m, err := newMatcher(ctx, tx, reach)
		if err != nil {
			return err
		}
		due := task.Deadline{}
		if rd := d.ReportDeadline; rd != nil {
			due.Date, _ = time.Parse(time.DateOnly, rd.Date)
			due.Text = rd.Text
		}
		byUnit := map[org.ID]int{}
		var in []AssignmentInput
		for _, x := range d.Assignments {
			units, complete := m.match(x.Assignee)
			if ids, ok := explicit[vn.Fold(strings.TrimSpace(vn.NFC(x.Assignee)))]; ok {
				for _, id := range ids {
					if !reach.ids[id] {
						return notDirected(ctx, tx, id)
					}
				}
				units, complete = ids, true
			}
			if !complete {
				out.Unmatched = append(out.Unmatched, x.Assignee)
			}
			for _, u := range units {
				role := task.RoleOf(x.Role)
				if i, ok := byUnit[u]; ok {
					in[i].Task = strings.TrimSpace(in[i].Task + "\n" + x.Task)
					in[i].Role = stronger(in[i].Role, role)
					continue
				}
				byUnit[u] = len(in)
				in = append(in, AssignmentInput{Unit: u, Role: role, Task: x.Task, Due: due})
			}
		}
		existing, err := tx.Assignments(ctx, store.AssignmentFilter{Document: d.ID})
		if err != nil {
			return err
		}
		for _, e := range existing {
			if i, ok := byUnit[e.Assignee]; ok {
				out.Existing = append(out.Existing, e)
				in[i].Unit = 0
			}
		}
		in = slices.DeleteFunc(in, func(x AssignmentInput) bool { return x.Unit == 0 })
		out.Created, err = createAssignments(ctx, tx, a, d, in)
		return err
	})
	return out, err
}

// stronger is the role that asks more: chủ trì, then phối hợp, then để biết.
func stronger(r, q task.Role) task.Role {
	rank := map[task.Role]int{task.Lead: 2, task.Support: 1, task.Inform: 0}
	if rank[q] > rank[r] {
		return q
	}
	return r
}

// reach is the units a document's assignments may go to: those the
// assigning units direct today (themselves included), and among them those
// they direct directly.
type reach struct {
	ids      map[org.ID]bool
	children map[org.ID]bool
	bases    []org.ID // the assigning units
}

// assigning reads a document the actor may assign work from and the units
// that work may go to. The assigning unit is the document's issuer when
// the actor drafts for it, otherwise the units the actor drafts for that
// hold the document in a register.
func (s *Service) assigning(ctx context.Context, tx *store.Tx, a Actor, id document.ID) (document.Document, reach, error) {
	var r reach
	d, err := tx.Document(ctx, id)
	if err != nil {
		return d, r, err
	}
	today := dayOf(tx.Now())
	if err := maySeeDocument(ctx, tx, a, d, today); err != nil {
		return d, r, err
	}
	if d.Status == document.Draft {
		return d, r, problem.Errorf(problem.Invalid, "Dự thảo được giao nhiệm vụ khi ban hành")
	}
	var bases []org.ID
	var closed error // the actor's unit holding the document no longer stands
	base := func(u org.ID) bool {
		err := mayActFor(ctx, tx, a, u, draftRoles, today)
		if err != nil && a.holds(u, draftRoles) {
			closed = err
		}
		return err == nil
	}
	if d.IssuerUnit != 0 && base(org.ID(d.IssuerUnit)) {
		bases = []org.ID{org.ID(d.IssuerUnit)}
	} else {
		entries, err := tx.RegisterEntriesOf(ctx, d.ID)
		if err != nil {
			return d, r, err
		}
		for _, e := range entries {
			if !slices.Contains(bases, e.Unit) && base(e.Unit) {
				bases = append(bases, e.Unit)
			}
		}
	}
	if len(bases) == 0 && closed != nil {
		return d, r, closed
	}
	if len(bases) == 0 {
		return d, r, problem.Errorf(problem.Forbidden, "Bạn chỉ giao nhiệm vụ được từ văn bản do đơn vị mình ban hành hoặc đã vào sổ")
	}
	r = reach{ids: map[org.ID]bool{}, children: map[org.ID]bool{}, bases: bases}
	for _, b := range bases {
		ids, err := tx.Subtree(ctx, b, today)
		if err != nil {
			return d, r, err
		}
		children, err := tx.Children(ctx, b, today)
		if err != nil {
			return d, r, err
		}
		for _, id := range ids {
			r.ids[id] = true
		}
		for _, c := range children {
			r.children[c.ID] = true
		}
	}
	return d, r, nil
}

func notDirected(ctx context.Context, tx *store.Tx, id org.ID) error {
	u, err := tx.Unit(ctx, id)
	if err != nil {
		return err
	}
	return problem.Errorf(problem.Invalid, "%s không thuộc quyền chỉ đạo của đơn vị giao nhiệm vụ", u.Name)
}

// createAssignments stores assignments from d and audits each.
func createAssignments(ctx context.Context, tx *store.Tx, a Actor, d document.Document, in []AssignmentInput) ([]task.Assignment, error) {
	var out []task.Assignment
	for _, x := range in {
		if x.Role == "" {
			x.Role = task.Lead
		}
		as, err := tx.CreateAssignment(ctx, task.Assignment{Document: d.ID, Assignee: x.Unit, Assigner: org.ID(d.IssuerUnit),
			Role: x.Role, Task: strings.TrimSpace(vn.NFC(x.Task)), Due: x.Due, IndicatorSet: x.IndicatorSet})
		if err != nil {
			return nil, err
		}
		if err := audit(ctx, tx, a, "assignment.create", assignmentObject(as.ID), fmt.Sprintf("Giao theo %s, vai trò %s", d.NumberSymbol, as.Role.Label())); err != nil {
			return nil, err
		}
		out = append(out, as)
	}
	return out, nil
}

func assignmentObject(id task.ID) string { return fmt.Sprintf("assignment:%d", id) }

// The words of assignee texts, as data (folded).
var (
	// nameAbbreviations are expanded on both sides before names are compared.
	nameAbbreviations = map[string]string{
		"ldld": "lien doan lao dong", "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "mttq": "mat tran to quoc",
		"ubmttq": "uy ban mat tran to quoc", "tncs": "thanh nien cong san", "lhpn": "lien hiep phu nu", "ccb": "cuu chien binh",
		"btg": "ban tuyen giao", "tp": "thanh pho", "vn": "viet nam", "cd": "cong doan",
	}
	// assigneeHeads names the body or person at the head of a unit: the task
	// is the unit's ("Ban Thường vụ Hội Nông dân" is the Hội Nông dân).
	assigneeHeads = []string{"ban thuong vu", "ban chap hanh", "thuong truc", "thuong vu", "lanh dao", "pho chu tich", "chu tich",
		"giam doc", "thu truong", "bi thu", "dong chi"}
	// assigneeTiers are the tiers a plural group is spread over ("các huyện, thành phố").
	assigneeTiers = []string{"tinh", "thanh pho", "huyen", "quan", "thi xa", "xa", "phuong", "thi tran", "dac khu"}
	// assigneeTails end an assignee text without naming anything more.
	assigneeTails = []string{" truc thuoc", " tren dia ban", " co lien quan", " lien quan"}
)

// matcher finds the units an assignee text names.
type matcher struct {
	all, children []namedUnit
}

type namedUnit struct {
	id  org.ID
	key string
}

func newMatcher(ctx context.Context, tx *store.Tx, r reach) (matcher, error) {
	ids := make([]org.ID, 0, len(r.ids))
	for id := range r.ids {
		ids = append(ids, id)
	}
	units, err := tx.UnitsByIDs(ctx, ids)
	if err != nil {
		return matcher{}, err
	}
	var m matcher
	for _, u := range units {
		n := namedUnit{u.ID, nameKey(u.Name)}
		m.all = append(m.all, n)
		if r.children[u.ID] {
			m.children = append(m.children, n)
		}
	}
	return m, nil
}

// nameKey is a name as compared: folded, punctuation as space,
// abbreviations spelled out.
func nameKey(s string) string {
	words := strings.FieldsFunc(vn.Fold(vn.NFC(s)), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		if long, ok := nameAbbreviations[w]; ok {
			words[i] = long
		}
	}
	return strings.Join(words, " ")
}

// match returns the units text names; complete is false when some part of
// it named no unit, or a singular name fits several.
func (m matcher) match(text string) (ids []org.ID, complete bool) {
	complete = true
	f := strings.ReplaceAll(vn.Fold(vn.NFC(text)), ";", ",")
	for i, seg := range strings.Split(f, " va cac ") {
		patterns, plural := groupPatterns(seg, i > 0)
		if len(patterns) == 0 {
			complete = false
		}
		for _, p := range patterns {
			found := m.find(p)
			if len(found) == 0 || (!plural && len(found) > 1) {
				complete = false
				continue
			}
			for _, id := range found {
				if !slices.Contains(ids, id) {
					ids = append(ids, id)
				}
			}
		}
	}
	return ids, complete
}

// groupPatterns reads one segment of an assignee text into the name
// prefixes it stands for and whether it names a group: "lien doan lao dong
// cac huyen, thanh pho" is "lien doan lao dong huyen" and "lien doan lao
// dong thanh pho", plural.
func groupPatterns(seg string, plural bool) ([]string, bool) {
	seg = strings.TrimSpace(seg)
	for again := true; again; {
		again = false
		if rest, ok := strings.CutPrefix(seg, "cac "); ok {
			seg, plural, again = rest, true, true
		}
		for _, l := range assigneeHeads {
			if rest, ok := strings.CutPrefix(seg, l+" "); ok {
				seg, again = rest, true
			}
		}
	}
	for _, t := range assigneeTails {
		if i := strings.Index(seg, t); i >= 0 {
			seg = seg[:i]
		}
	}
	var patterns []string
	if head, rest, ok := strings.Cut(seg, " cac "); ok {
		for _, p := range strings.Split(rest, ",") {
			// Tiers may end with "và": "các xã, phường và đặc khu".
			for _, lv := range strings.Split(p, " va ") {
				if lv = strings.TrimSpace(lv); lv != "" {
					patterns = append(patterns, head+" "+lv)
				}
			}
		}
		return nameKeys(patterns), true
	}
	var parts []string
	for _, p := range strings.Split(seg, ",") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	// "UBND huyện, thị xã, thành phố": a name ending in a tier, then
	// bare tiers, is the group of those tiers.
	if len(parts) > 1 && allTiers(parts[1:]) {
		for _, lv := range assigneeTiers {
			if head, ok := strings.CutSuffix(parts[0], " "+lv); ok {
				for _, l := range append([]string{lv}, parts[1:]...) {
					patterns = append(patterns, head+" "+l)
				}
				return nameKeys(patterns), true
			}
		}
	}
	return nameKeys(parts), plural
}

func allTiers(parts []string) bool {
	for _, p := range parts {
		if !slices.Contains(assigneeTiers, p) {
			return false
		}
	}
	return true
}

func nameKeys(patterns []string) []string {
	var out []string
	for _, p := range patterns {
		if k := nameKey(p); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// find lists the units whose name is p or starts with p, among the units
// directed directly if any fits there, otherwise among all.
func (m matcher) find(p string) []org.ID {
	for _, pool := range [][]namedUnit{m.children, m.all} {
		var ids []org.ID
		for _, u := range pool {
			if u.key == p || strings.HasPrefix(u.key, p+" ") {
				ids = append(ids, u.id)
			}
		}
		if len(ids) > 0 {
			return ids
		}
	}
	return nil
}

// Receive records that a unit has received an assignment.
func (s *Service) Receive(ctx context.Context, a Actor, id task.ID) (task.Assignment, error) {
	return s.move(ctx, a, id, task.Received, "assignment.receive")
}

// Acknowledge records that a unit has read an assignment (đã xem). Two
// people acknowledging at once, on one server or two, record it once: the
// second gets a Conflict.
func (s *Service) Acknowledge(ctx context.Context, a Actor, id task.ID) (task.Assignment, error) {
	return s.move(ctx, a, id, task.Acknowledged, "assignment.acknowledge")
}

func (s *Service) move(ctx context.Context, a Actor, id task.ID, to task.Status, action string) (task.Assignment, error) {
	var out task.Assignment
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		cur, err := tx.Assignment(ctx, id)
		if err != nil {
			return err
		}
		if err := mayActFor(ctx, tx, a, cur.Assignee, workRoles, dayOf(tx.Now())); err != nil {
			return err
		}
		if out, err = tx.Move(ctx, id, to, a.Account, 0, ""); err != nil {
			return err
		}
		return audit(ctx, tx, a, action, assignmentObject(id), to.Label())
	})
	return out, err
}

// Todo is an assignment in a list of work, with its document and lateness.
type Todo struct {
	Assignment task.Assignment
	Document   document.Document // only what identifies it, when confidential and not granted
	Overdue    bool
	DaysLate   int
}

// openStatuses are the statuses in which a unit still has to act: report, or
// report again after a return.
var openStatuses = []task.Status{task.Sent, task.Received, task.Acknowledged, task.Implementing, task.Returned}

// ToDo lists what the actor's units must still do: their assignments not
// yet reported or accepted (returned ones must be reported again; "để
// biết" ones only need reading), earliest deadline first, overdue flagged.
func (s *Service) ToDo(ctx context.Context, a Actor) ([]Todo, error) {
	var units []org.ID
	for _, m := range a.Memberships {
		if a.holds(m.Unit, workRoles) && !slices.Contains(units, m.Unit) {
			units = append(units, m.Unit)
		}
	}
	if len(units) == 0 {
		return nil, nil
	}
	var out []Todo
	err := s.store.View(ctx, func(tx *store.Tx) error {
		today := dayOf(tx.Now())
		as, err := tx.Assignments(ctx, store.AssignmentFilter{Assignees: units, Statuses: openStatuses})
		if err != nil {
			return err
		}
		as = slices.DeleteFunc(as, func(x task.Assignment) bool {
			return x.Role == task.Inform && x.Status != task.Sent && x.Status != task.Received
		})
		out, err = workItems(ctx, tx, a, as, func(x task.Assignment) task.Assignment { return x }, today)
		return err
	})
	return out, err
}

// Overdue lists the assignments of the units root directs that were late
// on day on: due before it and not reported by then (or returned by then
// and not reported again), earliest deadline first.
func (s *Service) Overdue(ctx context.Context, a Actor, root org.ID, on time.Time) ([]Todo, error) {
	on = dayOf(on)
	var out []Todo
	err := s.store.View(ctx, func(tx *store.Tx) error {
		if err := maySeeUnit(ctx, tx, a, root, on); err != nil {
			return err
		}
		as, err := tx.Assignments(ctx, store.AssignmentFilter{Under: root, On: on, DueBefore: on})
		if err != nil {
			return err
		}
		as = slices.DeleteFunc(as, func(x task.Assignment) bool { return !x.Reached(task.Sent, on) || !lateStage(x, on).Overdue(on) })
		out, err = workItems(ctx, tx, a, as, func(x task.Assignment) task.Assignment { return lateStage(x, on) }, on)
		return err
	})
	return out, err
}

// asOf is an assignment with the status that decides lateness as it stood
// at the end of day on: returned by then, reported by then, or neither.
func lateStage(a task.Assignment, on time.Time) task.Assignment {
	switch {
	case a.Status == task.Returned && a.Reached(task.Returned, on):
	case a.Reached(task.Reported, on):
		a.Status = task.Reported
	default:
		a.Status = task.Sent
	}
	return a
}

// todos pairs assignments with their documents and lateness on day on,
// judged on the assignment as stage gives it.
func workItems(ctx context.Context, tx *store.Tx, a Actor, as []task.Assignment, stage func(task.Assignment) task.Assignment, on time.Time) ([]Todo, error) {
	ids := make([]document.ID, 0, len(as))
	for _, x := range as {
		ids = append(ids, x.Document)
	}
	docs, err := tx.DocumentsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]Todo, 0, len(as))
	for _, x := range as {
		d := docs[x.Document]
		ok, err := mayOpen(ctx, tx, a, d)
		if err != nil {
			return nil, err
		}
		if !ok {
			d = identityOnly(d)
			x.Task = "" // for a "Kính gửi" recipient the task is the letter itself
		}
		st := stage(x)
		out = append(out, Todo{Assignment: x, Document: d, Overdue: st.Overdue(on), DaysLate: st.DaysLate(on)})
	}
	return out, nil
}
