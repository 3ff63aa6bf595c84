package app_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

const clerkPassword = "mật khẩu đủ dài"

// newClerk makes the city board's clerk, able to sign in.
func newClerk(t *testing.T, s *store.Store) (orgFixture, org.Account) {
	t.Helper()
	f := newOrg(t, s)
	acc, err := f.svc.CreateAccount(context.Background(), app.System(), app.NewAccount{Username: "VanThu.TP", DisplayName: "Văn thư Thành ủy",
		Password: clerkPassword, Memberships: []org.Membership{{Unit: f.city.ID, Role: org.Clerk}}})
	if err != nil {
		t.Fatal(err)
	}
	return f, acc
}

func TestSignInOpensASessionUntilSignOut(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f, acc := newClerk(t, s)
		se, err := f.svc.SignIn(ctx, "10.0.0.7", " vanthu.tp ", clerkPassword)
		if err != nil {
			t.Fatalf("sign in: %v", err)
		}
		if len(se.Token) < 43 {
			t.Errorf("token %q: want at least 32 random bytes", se.Token)
		}
		if got := se.Expires.Sub(s.Now()); got < app.SessionLifetime-time.Minute || got > app.SessionLifetime {
			t.Errorf("session lasts %v, want %v", got, app.SessionLifetime)
		}
		a, err := f.svc.ActorForSession(ctx, se.Token, "10.0.0.8")
		if err != nil {
			t.Fatalf("actor of the session: %v", err)
		}
		if a.Account != acc.ID || a.Name != "Văn thư Thành ủy" || len(a.Memberships) != 1 || a.Remote != "10.0.0.8" {
			t.Errorf("actor: got %+v, want account %d, Văn thư Thành ủy, one role, from 10.0.0.8", a, acc.ID)
		}
		if _, err := f.svc.ActorForSession(ctx, se.Token+"x", ""); problem.KindOf(err) != problem.NotFound {
			t.Errorf("forged token: got %v, want NotFound", err)
		}
		if err := f.svc.SignOut(ctx, a, se.Token); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.ActorForSession(ctx, se.Token, ""); problem.KindOf(err) != problem.NotFound {
			t.Errorf("after sign-out: got %v, want NotFound", err)
		}
	})
}

func TestSignInRefusesWrongPasswordsAndLocksAfterFive(t *testing.T) {
	now := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f, _ := newClerk(t, s)
		for _, user := range []string{"vanthu.tp", "khongco"} {
			_, err := f.svc.SignIn(ctx, "", user, "sai mật khẩu")
			if problem.KindOf(err) != problem.Forbidden || err.Error() != "Tên đăng nhập hoặc mật khẩu không đúng" {
				t.Errorf("sign in as %s with a wrong password: got %v, want the same refusal for both", user, err)
			}
		}
		for range app.MaxLoginFailures - 1 {
			now = now.Add(time.Minute)
			f.svc.SignIn(ctx, "", "vanthu.tp", "sai mật khẩu")
		}
		_, err := f.svc.SignIn(ctx, "", "vanthu.tp", clerkPassword)
		if !errors.Is(err, app.ErrTooManyAttempts) {
			t.Fatalf("right password after %d failures: got %v, want too many attempts", app.MaxLoginFailures, err)
		}
		if _, err := f.svc.SignIn(ctx, "", "khongco", "sai mật khẩu"); errors.Is(err, app.ErrTooManyAttempts) {
			t.Errorf("another username is locked too: %v", err)
		}
		now = now.Add(app.LoginWindow - 3*time.Minute) // the first failures leave the window
		if _, err := f.svc.SignIn(ctx, "", "vanthu.tp", clerkPassword); err != nil {
			t.Errorf("right password once the failures are older than %v: %v", app.LoginWindow, err)
		}
	}, store.WithClock(func() time.Time { return now }))
}
