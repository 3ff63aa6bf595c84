package app

import (
	"context"
	"time"

	"lantoa/internal/org"
	"lantoa/internal/store"
)

// Who may send and decide results reports. Kept beside authz.go's rules:
//   - a unit's report is sent by its officers or leaders;
//   - it is accepted or returned by a leader of a unit directing it on the
//     day (not of the unit itself: nobody approves their own report).
var submitRoles = []org.Role{org.Officer, org.Leader}

// mayDecideReport checks that the actor leads a unit directing unit on day on.
func mayDecideReport(ctx context.Context, tx *store.Tx, a Actor, unit org.ID, on time.Time) error {
	if a.System {
		return nil
	}
	for _, m := range a.Memberships {
		if m.Role != org.Leader || m.Unit == unit {
			continue
		}
		ok, err := tx.Directs(ctx, m.Unit, unit, on)
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
	}
	return forbidden()
}
