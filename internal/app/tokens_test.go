package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// A personal token acts as its owner, with the owner's units, until the
// owner revokes it; making and revoking it are in the audit log.
func TestAPITokenActsAsItsOwnerUntilRevoked(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f, acc := newClerk(t, s)
		clerk, err := f.svc.ActorFor(ctx, acc.ID, "10.0.0.7")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.CreateAPIToken(ctx, clerk, "  ", time.Time{}); !errors.Is(err, app.ErrTokenName) {
			t.Errorf("token without a name: %v, want ErrTokenName", err)
		}
		if _, err := f.svc.CreateAPIToken(ctx, clerk, "Cũ", f.svc.Today().AddDate(0, 0, -1)); !errors.Is(err, app.ErrTokenExpiry) {
			t.Errorf("token expiring yesterday: %v, want ErrTokenExpiry", err)
		}
		tok, err := f.svc.CreateAPIToken(ctx, clerk, "Bảng tính tổng hợp", f.svc.Today())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(tok.Token, "lantoa_") || len(tok.Token) < 43 || !tok.Info.LastDay().Equal(f.svc.Today()) {
			t.Errorf("new token %q, last day %v: want a long lantoa_ token that works through today", tok.Token, tok.Info.LastDay())
		}
		a, err := f.svc.ActorForBearer(ctx, tok.Token, "10.0.0.8")
		if err != nil || a.Account != acc.ID || len(a.Memberships) != 1 || a.Memberships[0].Unit != f.city.ID || a.Remote != "10.0.0.8" {
			t.Fatalf("actor of the token: %+v, %v; want the clerk of the city", a, err)
		}
		list, err := f.svc.APITokens(ctx, clerk)
		if err != nil || len(list) != 1 || list[0].LastUsed.IsZero() {
			t.Fatalf("tokens listed: %+v, %v; want one, used", list, err)
		}
		if _, err := f.svc.RevokeAPIToken(ctx, app.System(), tok.Info.ID); problem.KindOf(err) != problem.NotFound {
			t.Errorf("someone else revoking it: %v, want NotFound", err)
		}
		if _, err := f.svc.RevokeAPIToken(ctx, clerk, tok.Info.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.ActorForBearer(ctx, tok.Token, ""); problem.KindOf(err) != problem.NotFound {
			t.Errorf("revoked token: %v, want NotFound", err)
		}
		var actions []string
		err = s.View(ctx, func(tx *store.Tx) error {
			lines, _, err := tx.AuditLog(ctx, store.UnitScope{All: true}, 10, 0)
			for _, l := range lines {
				if strings.HasPrefix(l.Action, "api_token.") {
					actions = append(actions, l.Action+" "+l.Detail+" "+l.Username)
				}
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"api_token.revoke Bảng tính tổng hợp vanthu.tp", "api_token.create Bảng tính tổng hợp vanthu.tp"}
		if strings.Join(actions, "|") != strings.Join(want, "|") {
			t.Errorf("audit log %q, want %q", actions, want)
		}
	})
}
