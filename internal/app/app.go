// Package app holds Lan Tỏa's use cases: registering and issuing documents,
// turning them into assignments, recording activities, reporting and
// rolling results up. The web pages, the API and the command line all call
// these, so every rule, authorization included, lives here once.
package app

import (
	"context"
	"log/slog"
	"time"

	"lantoa/internal/memo"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
)

// Service runs the use cases over a store.
type Service struct {
	store *store.Store
	log   *slog.Logger

	// sessions keeps who holds a session while no write has happened:
	// every page asks, and most pages change nothing.
	sessions memo.Memo[sessionKey, Actor]
	// notices keeps the count in every page's menu the same way.
	notices memo.Memo[noticeKey, int]
}

// New returns a Service over s.
func New(s *store.Store, log *slog.Logger) *Service {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Service{store: s, log: log}
}

// Now is the service's clock (the store's, so tests control both at once).
func (s *Service) Now() time.Time { return s.store.Now() }

// DataVersion moves on whenever any instance commits a write: what was
// computed at one version may be shown again while it has not moved.
func (s *Service) DataVersion(ctx context.Context) (int64, error) { return s.store.Version(ctx) }

// Today is the current day, as a date at midnight UTC.
func (s *Service) Today() time.Time { return dayOf(s.Now()) }

// dayOf drops the time of day: dates in Lan Tỏa are days, in UTC.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Actor is who asks: a signed-in person with the units they act for, or
// the system itself (the command line run by the administrator of the
// machine, the demo loader).
type Actor struct {
	Account     int64
	Name        string
	Memberships []org.Membership
	System      bool
	Remote      string // where the request came from, for the audit log
}

// Administers reports whether the actor administers some unit, and so may
// open the administration pages (what they show is decided per unit).
func (a Actor) Administers() bool {
	if a.System {
		return true
	}
	for _, m := range a.Memberships {
		if m.Role == org.Admin {
			return true
		}
	}
	return false
}

// System is the actor of the command line: it acts for every unit.
func System() Actor { return Actor{Name: "lantoa", System: true} }

// ActorFor loads the actor of a signed-in account.
func (s *Service) ActorFor(ctx context.Context, account int64, remote string) (Actor, error) {
	var a Actor
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		a, err = actorIn(ctx, tx, account, remote)
		return err
	})
	return a, err
}

// actorIn reads the account as an actor, refusing a locked one.
func actorIn(ctx context.Context, tx *store.Tx, account int64, remote string) (Actor, error) {
	acc, err := tx.Account(ctx, account)
	if err != nil {
		return Actor{}, err
	}
	if acc.Disabled {
		return Actor{}, problem.Errorf(problem.Forbidden, "Tài khoản %s đã bị khóa; hãy liên hệ quản trị", acc.Username)
	}
	return Actor{Account: acc.ID, Name: acc.DisplayName, Memberships: acc.Memberships, Remote: remote}, nil
}

// audit records what an actor did, in the same transaction as the change.
func audit(ctx context.Context, tx *store.Tx, a Actor, action, object, detail string) error {
	return tx.Audit(ctx, store.AuditEntry{Account: a.Account, Action: action, Object: object, Detail: detail, Remote: a.Remote})
}
