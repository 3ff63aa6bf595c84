package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"lantoa/internal/org"
	"lantoa/internal/password"
	"lantoa/internal/problem"
	"lantoa/internal/store"
)

// Administration, kept simple:
//   - the administration pages are for people holding the Admin role in a
//     unit (and for the system);
//   - an administrator sees the units they administer and every unit those
//     direct, on the day asked;
//   - the accounts and the audit log shown are those of accounts acting for
//     the units they administer or below, today; an administrator of a top
//     unit (one nobody directs) sees every account and the whole log, the
//     system's entries included.

// AuditPageSize is how many audit entries a page shows.
const AuditPageSize = 50

// The fields of a password change a refusal is about, so a form can show
// it next to the right field.
var (
	ErrCurrentPassword = errors.New("the current password is wrong")
	ErrNewPassword     = errors.New("the new password is not acceptable")
	ErrRepeatPassword  = errors.New("the repeated password differs")
)

func notAdmin() error {
	return problem.Errorf(problem.Forbidden, "Chỉ quản trị mới xem được trang này")
}

// administered lists the units the actor administers that exist on day on,
// leaving out those another of them directs, and reports whether one of
// them is a top unit.
func administered(ctx context.Context, tx *store.Tx, a Actor, on time.Time) (roots []org.ID, top bool, err error) {
	for _, m := range a.Memberships {
		if m.Role != org.Admin || slices.Contains(roots, m.Unit) {
			continue
		}
		above, err := tx.Ancestors(ctx, m.Unit, on) // itself included, when it exists
		if err != nil {
			return nil, false, err
		}
		if len(above) == 0 {
			continue
		}
		top = top || len(above) == 1
		roots = append(roots, m.Unit)
	}
	var kept []org.ID
	for _, u := range roots {
		inside := false
		for _, v := range roots {
			if v == u {
				continue
			}
			ok, err := tx.Directs(ctx, v, u, on)
			if err != nil {
				return nil, false, err
			}
			inside = inside || ok
		}
		if !inside {
			kept = append(kept, u)
		}
	}
	return kept, top, nil
}

// adminScope is what accounts an administrator may list today.
func (s *Service) adminScope(ctx context.Context, tx *store.Tx, a Actor) (store.UnitScope, error) {
	if a.System {
		return store.UnitScope{All: true}, nil
	}
	on := s.Today()
	roots, top, err := administered(ctx, tx, a, on)
	if err != nil {
		return store.UnitScope{}, err
	}
	if len(roots) == 0 {
		return store.UnitScope{}, notAdmin()
	}
	return store.UnitScope{All: top, Under: roots, On: on}, nil
}

// UnitNode is a unit of the organisation tree at its depth (0 for the
// units administered), with the reorganisations touching it.
type UnitNode struct {
	Unit   org.Unit
	Depth  int
	Events []EventLine
}

// EventLine is a reorganisation with the names of the units it ended and
// of those that took over.
type EventLine struct {
	Event    org.Event
	From, To []string
}

// OrgTree is the organisation as of day on, from the units the actor
// administers down, each unit once (under the first of its parents by
// name), depth first.
func (s *Service) OrgTree(ctx context.Context, a Actor, on time.Time) ([]UnitNode, error) {
	var nodes []UnitNode
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var tops []org.Unit
		if a.System {
			var err error
			if tops, err = tx.Roots(ctx, on); err != nil {
				return err
			}
		} else {
			if !slices.ContainsFunc(a.Memberships, func(m org.Membership) bool { return m.Role == org.Admin }) {
				return notAdmin()
			}
			// An administrator whose units did not exist on that day sees none.
			ids, _, err := administered(ctx, tx, a, on)
			if err != nil {
				return err
			}
			if tops, err = tx.UnitsByIDs(ctx, ids); err != nil {
				return err
			}
			org.SortByName(tops)
		}
		seen := map[org.ID]bool{}
		var walk func(u org.Unit, depth int) error
		walk = func(u org.Unit, depth int) error {
			if seen[u.ID] {
				return nil
			}
			seen[u.ID] = true
			nodes = append(nodes, UnitNode{Unit: u, Depth: depth})
			children, err := tx.Children(ctx, u.ID, on)
			if err != nil {
				return err
			}
			for _, c := range children {
				if err := walk(c, depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		for _, u := range tops {
			if err := walk(u, 0); err != nil {
				return err
			}
		}
		return attachEvents(ctx, tx, nodes)
	})
	return nodes, err
}

// attachEvents puts on each node the reorganisations touching its unit.
func attachEvents(ctx context.Context, tx *store.Tx, nodes []UnitNode) error {
	evs, err := tx.Events(ctx, 0) // all of them: one read instead of one per unit
	if err != nil {
		return err
	}
	var ids []org.ID
	for _, e := range evs {
		ids = append(ids, e.From...)
		ids = append(ids, e.To...)
	}
	units, err := tx.UnitsByIDs(ctx, ids)
	if err != nil {
		return err
	}
	names := map[org.ID]string{}
	for _, u := range units {
		names[u.ID] = u.Name
	}
	nameAll := func(ids []org.ID) []string {
		var out []string
		for _, id := range ids {
			out = append(out, names[id])
		}
		return out
	}
	byUnit := map[org.ID][]EventLine{}
	for _, e := range evs {
		line := EventLine{Event: e, From: nameAll(e.From), To: nameAll(e.To)}
		for _, id := range append(slices.Clone(e.From), e.To...) {
			byUnit[id] = append(byUnit[id], line)
		}
	}
	for i := range nodes {
		nodes[i].Events = byUnit[nodes[i].Unit.ID]
	}
	return nil
}

// AccountLine is an account with its roles, each with its unit.
type AccountLine struct {
	Account org.Account
	Roles   []RoleLine
}

// RoleLine is one membership of an account.
type RoleLine struct {
	Unit org.Unit
	Role org.Role
}

// Accounts lists the accounts an administrator may see, by username.
func (s *Service) Accounts(ctx context.Context, a Actor) ([]AccountLine, error) {
	var lines []AccountLine
	err := s.store.View(ctx, func(tx *store.Tx) error {
		sc, err := s.adminScope(ctx, tx, a)
		if err != nil {
			return err
		}
		accs, err := tx.AccountsIn(ctx, sc)
		if err != nil {
			return err
		}
		var ids []org.ID
		for _, acc := range accs {
			for _, m := range acc.Memberships {
				ids = append(ids, m.Unit)
			}
		}
		units, err := tx.UnitsByIDs(ctx, ids)
		if err != nil {
			return err
		}
		byID := map[org.ID]org.Unit{}
		for _, u := range units {
			byID[u.ID] = u
		}
		for _, acc := range accs {
			line := AccountLine{Account: acc}
			for _, m := range acc.Memberships {
				line.Roles = append(line.Roles, RoleLine{Unit: byID[m.Unit], Role: m.Role})
			}
			lines = append(lines, line)
		}
		return nil
	})
	return lines, err
}

// AuditPage is a page of the audit log.
type AuditPage struct {
	Lines       []store.AuditLine
	Page, Pages int // counted from 1
	Total       int
}

// AuditLog reads page number page (from 1) of the log the actor may see,
// newest first.
func (s *Service) AuditLog(ctx context.Context, a Actor, page int) (AuditPage, error) {
	p := AuditPage{Page: max(page, 1)}
	err := s.store.View(ctx, func(tx *store.Tx) error {
		sc, err := s.adminScope(ctx, tx, a)
		if err != nil {
			return err
		}
		p.Lines, p.Total, err = tx.AuditLog(ctx, sc, AuditPageSize, (p.Page-1)*AuditPageSize)
		p.Pages = max(1, (p.Total+AuditPageSize-1)/AuditPageSize)
		return err
	})
	return p, err
}

// ChangePassword replaces the actor's password after checking the current
// one, and ends their other sessions (token is the one kept): whoever
// learnt the old password is signed out everywhere. A wrong current
// password counts as a failed sign-in, so the form cannot be used to guess.
func (s *Service) ChangePassword(ctx context.Context, a Actor, token, current, next, repeat string) error {
	if a.System {
		return problem.Errorf(problem.Invalid, "Tài khoản hệ thống không có mật khẩu")
	}
	var acc org.Account
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		if acc, err = tx.Account(ctx, a.Account); err != nil {
			return err
		}
		return underLimit(ctx, tx, acc.Username)
	})
	if err != nil {
		return err
	}
	if !password.Verify(acc.PasswordHash, current) {
		if err := s.store.InTx(ctx, func(tx *store.Tx) error {
			return tx.RecordLoginFailure(ctx, acc.Username, a.Remote, LoginWindow)
		}); err != nil {
			return err
		}
		return problem.Wrap(problem.Invalid, ErrCurrentPassword, "Mật khẩu hiện tại không đúng")
	}
	switch {
	case len([]rune(next)) < MinPasswordLength:
		return problem.Wrap(problem.Invalid, ErrNewPassword, fmt.Sprintf("Mật khẩu mới phải có ít nhất %d ký tự", MinPasswordLength))
	case next == current:
		return problem.Wrap(problem.Invalid, ErrNewPassword, "Mật khẩu mới phải khác mật khẩu hiện tại")
	case repeat != next:
		return problem.Wrap(problem.Invalid, ErrRepeatPassword, "Nhập lại mật khẩu mới chưa khớp")
	}
	hash := password.Hash(next)
	return s.store.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.SetPasswordHash(ctx, acc.ID, hash); err != nil {
			return err
		}
		if err := tx.EndOtherSessions(ctx, acc.ID, tokenHash(token)); err != nil {
			return err
		}
		return audit(ctx, tx, a, "account.password", accountObject(acc.ID), "")
	})
}
