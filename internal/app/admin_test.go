package app_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"lantoa/internal/app"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

const adminTestPassword = "mật khẩu thử nghiệm"

// people of the fixture, signed in once each so the audit log has them.
func signedInPeople(t *testing.T, f orgFixture) map[string]app.Session {
	t.Helper()
	ctx := context.Background()
	people := map[string]org.Membership{
		"tinh.quantri":    {Unit: f.province.ID, Role: org.Admin},
		"btg.quantri":     {Unit: f.board.ID, Role: org.Admin},
		"tp.chuyenvien":   {Unit: f.city.ID, Role: org.Officer},
		"ldld.chuyenvien": {Unit: f.union.ID, Role: org.Officer},
	}
	sessions := map[string]app.Session{}
	for name, m := range people {
		if _, err := f.svc.CreateAccount(ctx, app.System(), app.NewAccount{Username: name, Password: adminTestPassword, Memberships: []org.Membership{m}}); err != nil {
			t.Fatal(err)
		}
		se, err := f.svc.SignIn(ctx, "10.0.0.1", name, adminTestPassword)
		if err != nil {
			t.Fatal(err)
		}
		sessions[name] = se
	}
	return sessions
}

func TestAdministratorsSeeTheAccountsAndLogOfTheirUnits(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newOrg(t, s)
		people := signedInPeople(t, f)
		usernames := func(who string) []string {
			lines, err := f.svc.Accounts(ctx, people[who].Actor)
			if err != nil {
				t.Fatalf("accounts seen by %s: %v", who, err)
			}
			var got []string
			for _, l := range lines {
				got = append(got, l.Account.Username)
			}
			return got
		}
		if got, want := usernames("btg.quantri"), []string{"btg.quantri", "tp.chuyenvien"}; !slices.Equal(got, want) {
			t.Errorf("accounts seen by the board's administrator: got %v, want %v", got, want)
		}
		if got, want := usernames("tinh.quantri"), []string{"btg.quantri", "ldld.chuyenvien", "tinh.quantri", "tp.chuyenvien"}; !slices.Equal(got, want) {
			t.Errorf("accounts seen by a top unit's administrator: got %v, want %v", got, want)
		}

		log, err := f.svc.AuditLog(ctx, people["btg.quantri"].Actor, 1)
		if err != nil {
			t.Fatal(err)
		}
		var who []string
		for _, l := range log.Lines {
			who = append(who, l.Username+" "+l.Action)
		}
		if log.Total != 2 || !slices.Contains(who, "tp.chuyenvien session.sign_in") || slices.Contains(who, "ldld.chuyenvien session.sign_in") {
			t.Errorf("log seen by the board's administrator: got %d entries %v, want the 2 sign-ins of its own people", log.Total, who)
		}
		all, err := f.svc.AuditLog(ctx, people["tinh.quantri"].Actor, 1)
		if err != nil {
			t.Fatal(err)
		}
		// The system created 4 units and 4 accounts; then 4 sign-ins.
		if all.Total != 12 || all.Pages != 1 || all.Lines[0].Action != "session.sign_in" || all.Lines[11].Action != "unit.create" || all.Lines[11].Username != "" {
			t.Errorf("log seen by a top unit's administrator: got %d entries on %d pages, newest %+v, oldest %+v; want 12 on 1, newest a sign-in, oldest the system's", all.Total, all.Pages, all.Lines[0], all.Lines[len(all.Lines)-1])
		}

		for _, who := range []string{"tp.chuyenvien", "ldld.chuyenvien"} {
			_, err := f.svc.Accounts(ctx, people[who].Actor)
			wantKind(t, "accounts seen by "+who, err, problem.Forbidden)
			_, err = f.svc.AuditLog(ctx, people[who].Actor, 1)
			wantKind(t, "log seen by "+who, err, problem.Forbidden)
			_, err = f.svc.OrgTree(ctx, people[who].Actor, f.svc.Today())
			wantKind(t, "tree seen by "+who, err, problem.Forbidden)
		}
	})
}

func TestOrgTreeStartsAtTheUnitsAdministered(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newOrg(t, s)
		both := actor(org.Membership{Unit: f.board.ID, Role: org.Admin}, org.Membership{Unit: f.city.ID, Role: org.Admin})
		nodes, err := f.svc.OrgTree(ctx, both, f.svc.Today())
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, n := range nodes {
			got = append(got, strings.Repeat("-", n.Depth)+n.Unit.Code)
		}
		if want := []string{"btg", "-btg-tp"}; !slices.Equal(got, want) {
			t.Errorf("tree of the board's and the city's administrator: got %v, want %v (the city once, under the board)", got, want)
		}
		nodes, err = f.svc.OrgTree(ctx, both, date("2019-12-31"))
		if err != nil || len(nodes) != 0 {
			t.Errorf("tree before the units existed: got %d units, %v; want none", len(nodes), err)
		}
	})
}

func TestChangePasswordChecksTheCurrentOneAndEndsOtherSessions(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newOrg(t, s)
		here := signedInPeople(t, f)["tp.chuyenvien"]
		elsewhere, err := f.svc.SignIn(ctx, "10.0.0.2", "tp.chuyenvien", adminTestPassword)
		if err != nil {
			t.Fatal(err)
		}
		const next = "mật khẩu mới dài hơn"
		for _, c := range []struct {
			current, next, repeat string
			field                 error
		}{
			{"sai", next, next, app.ErrCurrentPassword},
			{adminTestPassword, "ngắn", "ngắn", app.ErrNewPassword},
			{adminTestPassword, adminTestPassword, adminTestPassword, app.ErrNewPassword},
			{adminTestPassword, next, "khác", app.ErrRepeatPassword},
		} {
			err := f.svc.ChangePassword(ctx, here.Actor, here.Token, c.current, c.next, c.repeat)
			if !errors.Is(err, c.field) || problem.KindOf(err) != problem.Invalid {
				t.Errorf("change %q → %q/%q: got %v, want an Invalid refusal about %v", c.current, c.next, c.repeat, err, c.field)
			}
		}
		if err := f.svc.ChangePassword(ctx, here.Actor, here.Token, adminTestPassword, next, next); err != nil {
			t.Fatalf("change the password: %v", err)
		}
		if _, err := f.svc.ActorForSession(ctx, here.Token, ""); err != nil {
			t.Errorf("the session that changed the password: got %v, want it kept", err)
		}
		_, err = f.svc.ActorForSession(ctx, elsewhere.Token, "")
		wantKind(t, "the other session", err, problem.NotFound)
		_, err = f.svc.SignIn(ctx, "10.0.0.1", "tp.chuyenvien", adminTestPassword)
		wantKind(t, "sign in with the old password", err, problem.Forbidden)
		if _, err := f.svc.SignIn(ctx, "10.0.0.1", "tp.chuyenvien", next); err != nil {
			t.Errorf("sign in with the new password: %v", err)
		}
	})
}
