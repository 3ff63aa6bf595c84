package app_test

import (
	"context"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// orgFixture is a province with a board, a city board under it, and an
// unrelated union federation; people hold roles in some of them.
type orgFixture struct {
	svc                          *app.Service
	province, board, city, union org.Unit
}

func newOrg(t *testing.T, s *store.Store) orgFixture {
	t.Helper()
	ctx := context.Background()
	f := orgFixture{svc: app.New(s, nil)}
	sys := app.System()
	mk := func(code, name string, parents ...org.ID) org.Unit {
		u, err := f.svc.CreateUnit(ctx, sys, org.Unit{Code: code, Notation: code, Name: name, Kind: org.PartyBoard, Family: document.Party,
			Valid: org.Span{From: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}}, parents...)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	f.province = mk("tinh", "Tỉnh ủy")
	f.board = mk("btg", "Ban Tuyên giáo Tỉnh ủy", f.province.ID)
	f.city = mk("btg-tp", "Ban Tuyên giáo Thành ủy", f.board.ID)
	f.union = mk("ldld", "Liên đoàn Lao động tỉnh")
	return f
}

func actor(roles ...org.Membership) app.Actor { return app.Actor{Account: 0, Memberships: roles} }

func TestOnlyAdministratorsAboveAUnitChangeTheOrganisation(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newOrg(t, s)
		newUnit := func(code string) org.Unit {
			return org.Unit{Code: code, Name: "Chi bộ " + code, Kind: org.PartyCell, Family: document.Party}
		}
		cases := []struct {
			name   string
			who    app.Actor
			parent org.ID
			ok     bool
		}{
			{"admin of the unit itself", actor(org.Membership{Unit: f.city.ID, Role: org.Admin}), f.city.ID, true},
			{"admin of the parent", actor(org.Membership{Unit: f.board.ID, Role: org.Admin}), f.city.ID, true},
			{"admin of a child", actor(org.Membership{Unit: f.city.ID, Role: org.Admin}), f.board.ID, false},
			{"admin of an unrelated unit", actor(org.Membership{Unit: f.union.ID, Role: org.Admin}), f.city.ID, false},
			{"leader of the parent", actor(org.Membership{Unit: f.board.ID, Role: org.Leader}), f.city.ID, false},
			{"clerk of the unit", actor(org.Membership{Unit: f.city.ID, Role: org.Clerk}), f.city.ID, false},
			{"nobody", actor(), f.city.ID, false},
		}
		for i, c := range cases {
			_, err := f.svc.CreateUnit(ctx, c.who, newUnit("cb"+string(rune('a'+i))), c.parent)
			if c.ok && err != nil {
				t.Errorf("%s: refused: %v", c.name, err)
			}
			if !c.ok && problem.KindOf(err) != problem.Forbidden {
				t.Errorf("%s: err = %v, want forbidden", c.name, err)
			}
		}
		// A refused creation left no unit behind.
		if _, err := f.svc.UnitByCode(ctx, "cbc"); problem.KindOf(err) != problem.NotFound {
			t.Errorf("refused unit was stored: %v", err)
		}
		// Top units are the system's alone.
		if _, err := f.svc.CreateUnit(ctx, actor(org.Membership{Unit: f.province.ID, Role: org.Admin}), newUnit("top")); problem.KindOf(err) != problem.Forbidden {
			t.Errorf("top unit by an admin: %v", err)
		}
	})
}

func TestAccountsNeedALongPasswordAndAnAdministrator(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newOrg(t, s)
		admin := actor(org.Membership{Unit: f.board.ID, Role: org.Admin})
		in := app.NewAccount{Username: "chuyenvien", DisplayName: "Chuyên viên", Password: "ngan", Memberships: []org.Membership{{Unit: f.city.ID, Role: org.Officer}}}
		if _, err := f.svc.CreateAccount(ctx, admin, in); problem.KindOf(err) != problem.Invalid {
			t.Fatalf("short password: %v", err)
		}
		in.Password = "mot-mat-khau-du-dai"
		if _, err := f.svc.CreateAccount(ctx, actor(org.Membership{Unit: f.union.ID, Role: org.Admin}), in); problem.KindOf(err) != problem.Forbidden {
			t.Fatalf("admin of an unrelated unit: %v", err)
		}
		acc, err := f.svc.CreateAccount(ctx, admin, in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.svc.ActorFor(ctx, acc.ID, "127.0.0.1")
		if err != nil || len(got.Memberships) != 1 || got.Memberships[0].Role != org.Officer {
			t.Fatalf("actor = %+v, %v", got, err)
		}
		if _, err := f.svc.CreateAccount(ctx, admin, in); problem.KindOf(err) != problem.Conflict {
			t.Fatalf("same username twice: %v", err)
		}
	})
}
