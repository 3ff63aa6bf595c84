package app

import (
	"context"
	"fmt"
	"strings"

	"lantoa/internal/org"
	"lantoa/internal/password"
	"lantoa/internal/problem"
	"lantoa/internal/store"
)

// CreateUnit adds a unit under the given parents (none: a top unit, which
// only the system may create), each link valid from the unit's start.
func (s *Service) CreateUnit(ctx context.Context, a Actor, u org.Unit, parents ...org.ID) (org.Unit, error) {
	if len(parents) == 0 && !a.System {
		return u, problem.Errorf(problem.Forbidden, "Chỉ quản trị hệ thống mới tạo được đơn vị cấp cao nhất")
	}
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		for _, p := range parents {
			if err := mayAdminister(ctx, tx, a, p, s.Today()); err != nil {
				return err
			}
		}
		var err error
		if u, err = tx.CreateUnit(ctx, u); err != nil {
			return err
		}
		for _, p := range parents {
			if err := tx.AddLink(ctx, org.Link{Parent: p, Child: u.ID, Valid: org.Span{From: u.Valid.From, To: u.Valid.To}}); err != nil {
				return err
			}
		}
		return audit(ctx, tx, a, "unit.create", fmt.Sprintf("unit:%d", u.ID), u.Code+" "+u.Name)
	})
	return u, err
}

// AddLink makes parent direct child over the link's span; the actor must
// administer both.
func (s *Service) AddLink(ctx context.Context, a Actor, l org.Link) error {
	return s.store.InTx(ctx, func(tx *store.Tx) error {
		// Both sides: nobody takes over a unit they do not administer.
		for _, u := range []org.ID{l.Parent, l.Child} {
			if err := mayAdminister(ctx, tx, a, u, s.Today()); err != nil {
				return err
			}
		}
		if err := tx.AddLink(ctx, l); err != nil {
			return err
		}
		return audit(ctx, tx, a, "unit.link", fmt.Sprintf("unit:%d", l.Child), fmt.Sprintf("cấp trên %d từ %s", l.Parent, l.Valid.From.Format("02/01/2006")))
	})
}

// Reorganise applies a merge, split, rename or close; the actor must
// administer every unit it ends and every unit that takes over.
func (s *Service) Reorganise(ctx context.Context, a Actor, ev org.Event) (org.Event, error) {
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		for _, id := range ev.From {
			if err := mayAdminister(ctx, tx, a, id, ev.EffectiveOn.AddDate(0, 0, -1)); err != nil {
				return err
			}
		}
		for _, id := range ev.To { // they take over the old units' links
			if err := mayAdminister(ctx, tx, a, id, ev.EffectiveOn); err != nil {
				return err
			}
		}
		var err error
		if ev, err = tx.Reorganise(ctx, ev); err != nil {
			return err
		}
		return audit(ctx, tx, a, "unit.reorganise", fmt.Sprintf("event:%d", ev.ID), string(ev.Kind)+" "+ev.Note)
	})
	return ev, err
}

// SetTerm records a party committee's term, by which it numbers documents.
func (s *Service) SetTerm(ctx context.Context, a Actor, t org.Term) error {
	return s.store.InTx(ctx, func(tx *store.Tx) error {
		if err := mayAdminister(ctx, tx, a, t.Unit, s.Today()); err != nil {
			return err
		}
		if err := tx.SetTerm(ctx, t); err != nil {
			return err
		}
		return audit(ctx, tx, a, "unit.term", fmt.Sprintf("unit:%d", t.Unit), t.Name)
	})
}

// SetFigure records a dated denominator (party members, union members).
func (s *Service) SetFigure(ctx context.Context, a Actor, f org.Figure) error {
	return s.store.InTx(ctx, func(tx *store.Tx) error {
		if err := mayActFor(ctx, tx, a, f.Unit, []org.Role{org.Admin, org.Leader, org.Officer}, s.Today()); err != nil {
			if err := mayAdminister(ctx, tx, a, f.Unit, s.Today()); err != nil {
				return err
			}
		}
		if err := tx.SetFigure(ctx, f); err != nil {
			return err
		}
		return audit(ctx, tx, a, "unit.figure", fmt.Sprintf("unit:%d", f.Unit), fmt.Sprintf("%s = %d", f.Measure, f.Value))
	})
}

// NewAccount is what an administrator gives to create an account.
type NewAccount struct {
	Username    string
	DisplayName string
	Email       string // where reminders are mailed; may be empty
	Password    string
	Memberships []org.Membership
}

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 10

// CreateAccount creates a person's account; the actor must administer
// every unit the account will act for.
func (s *Service) CreateAccount(ctx context.Context, a Actor, in NewAccount) (org.Account, error) {
	if len([]rune(in.Password)) < MinPasswordLength {
		return org.Account{}, problem.Errorf(problem.Invalid, "Mật khẩu phải có ít nhất %d ký tự", MinPasswordLength)
	}
	acc := org.Account{Username: in.Username, DisplayName: in.DisplayName, Email: in.Email, PasswordHash: password.Hash(in.Password), Memberships: in.Memberships}
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		for _, m := range in.Memberships {
			if err := mayAdminister(ctx, tx, a, m.Unit, s.Today()); err != nil {
				return err
			}
		}
		var err error
		if acc, err = tx.CreateAccount(ctx, acc); err != nil {
			return err
		}
		var roles []string
		for _, m := range in.Memberships {
			roles = append(roles, fmt.Sprintf("%s@%d", m.Role, m.Unit))
		}
		return audit(ctx, tx, a, "account.create", fmt.Sprintf("account:%d", acc.ID), acc.Username+" "+strings.Join(roles, ","))
	})
	return acc, err
}

// UnitByCode finds a unit by its handle; everyone signed in may look units up.
func (s *Service) UnitByCode(ctx context.Context, code string) (org.Unit, error) {
	var u org.Unit
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		u, err = tx.UnitByCode(ctx, code)
		return err
	})
	return u, err
}

// Units lists units by name; the organisation is no secret to anyone
// signed in.
func (s *Service) Units(ctx context.Context, f store.UnitFilter) ([]org.Unit, error) {
	var us []org.Unit
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		us, err = tx.Units(ctx, f)
		return err
	})
	return us, err
}

// AccountByUsername finds an account by its sign-in name.
func (s *Service) AccountByUsername(ctx context.Context, username string) (org.Account, error) {
	var acc org.Account
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		acc, err = tx.AccountByUsername(ctx, username)
		return err
	})
	return acc, err
}
