package store_test

import (
	"context"
	"testing"
	"time"

	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// A token works until it expires or its owner revokes it; nobody else can
// revoke it, and the list keeps it with when it was last used.
func TestAPITokenLivesUntilRevokedOrExpired(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		var owner, other org.Account
		var forever, shortLived store.APIToken
		err := s.InTx(ctx, func(tx *store.Tx) error {
			var err error
			if owner, err = tx.CreateAccount(ctx, org.Account{Username: "chuyenvien"}); err != nil {
				return err
			}
			if other, err = tx.CreateAccount(ctx, org.Account{Username: "nguoikhac"}); err != nil {
				return err
			}
			if forever, err = tx.CreateAPIToken(ctx, store.APIToken{Account: owner.ID, Name: "Bảng tính"}, "h1"); err != nil {
				return err
			}
			shortLived, err = tx.CreateAPIToken(ctx, store.APIToken{Account: owner.ID, Name: "Thử", Expires: now.Add(time.Hour)}, "h2")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		lookup := func(hash string) (store.APIToken, error) {
			var tok store.APIToken
			err := s.View(ctx, func(tx *store.Tx) error {
				var err error
				tok, err = tx.APITokenByHash(ctx, hash)
				return err
			})
			return tok, err
		}
		if got, err := lookup("h1"); err != nil || got.Account != owner.ID || got.Name != "Bảng tính" {
			t.Fatalf("token h1: %+v, %v; want the owner's Bảng tính", got, err)
		}
		if got, err := lookup("h2"); err != nil || got.ID != shortLived.ID {
			t.Fatalf("unexpired token h2: %+v, %v", got, err)
		}
		if _, err := lookup("h3"); problem.KindOf(err) != problem.NotFound {
			t.Errorf("unknown token: %v, want NotFound", err)
		}
		err = s.InTx(ctx, func(tx *store.Tx) error {
			if _, err := tx.RevokeAPIToken(ctx, other.ID, forever.ID); problem.KindOf(err) != problem.NotFound {
				t.Errorf("another account revoking the token: %v, want NotFound", err)
			}
			if err := tx.TouchAPIToken(ctx, forever.ID); err != nil {
				return err
			}
			_, err := tx.RevokeAPIToken(ctx, owner.ID, forever.ID)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := lookup("h1"); problem.KindOf(err) != problem.NotFound {
			t.Errorf("revoked token: %v, want NotFound", err)
		}
		var list []store.APIToken
		if err := s.View(ctx, func(tx *store.Tx) error { list, err = tx.APITokens(ctx, owner.ID); return err }); err != nil {
			t.Fatal(err)
		}
		if len(list) != 2 {
			t.Fatalf("owner's tokens: %+v, want both, revoked one included", list)
		}
		for _, tok := range list {
			switch tok.ID {
			case forever.ID:
				if tok.Revoked.IsZero() || tok.LastUsed.IsZero() || !tok.LastDay().IsZero() {
					t.Errorf("revoked token listed as %+v, want revoked, used, no expiry", tok)
				}
			case shortLived.ID:
				if !tok.Revoked.IsZero() || tok.Expires.IsZero() {
					t.Errorf("expiring token listed as %+v", tok)
				}
			}
		}
	}, store.WithClock(func() time.Time { return now }))
}

// Past its expiry a token is refused.
func TestAPITokenExpires(t *testing.T) {
	ctx := context.Background()
	later := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		err := s.InTx(ctx, func(tx *store.Tx) error {
			acc, err := tx.CreateAccount(ctx, org.Account{Username: "hethan"})
			if err != nil {
				return err
			}
			_, err = tx.CreateAPIToken(ctx, store.APIToken{Account: acc.ID, Name: "Thử", Expires: later.Add(-time.Hour)}, "h2")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		err = s.View(ctx, func(tx *store.Tx) error { _, err := tx.APITokenByHash(ctx, "h2"); return err })
		if problem.KindOf(err) != problem.NotFound {
			t.Errorf("expired token: %v, want NotFound", err)
		}
	}, store.WithClock(func() time.Time { return later }))
}
