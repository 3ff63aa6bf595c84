package app

import (
	"context"
	"fmt"

	"lantoa/internal/store"
)

// CheckEmail tidies an e-mail address typed in a form and says whether it
// can be used; empty is allowed (reminders in the web app only).
func CheckEmail(s string) (string, error) { return store.CleanEmail(s) }

// SetAccountEmail changes where an account's reminders are mailed: the
// person themself, or an administrator of every unit the account acts for.
func (s *Service) SetAccountEmail(ctx context.Context, a Actor, account int64, email string) error {
	email, err := CheckEmail(email)
	if err != nil {
		return err
	}
	return s.store.InTx(ctx, func(tx *store.Tx) error {
		acc, err := tx.Account(ctx, account)
		if err != nil {
			return err
		}
		if a.Account != account {
			for _, m := range acc.Memberships {
				if err := mayAdminister(ctx, tx, a, m.Unit, dayOf(tx.Now())); err != nil {
					return err
				}
			}
			if len(acc.Memberships) == 0 && !a.System {
				return forbidden()
			}
		}
		if err := tx.SetAccountEmail(ctx, account, email); err != nil {
			return err
		}
		return audit(ctx, tx, a, "account.email", fmt.Sprintf("account:%d", account), email)
	})
}
