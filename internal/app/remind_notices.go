package app

import (
	"context"
	"fmt"
	"slices"
	"time"

	"lantoa/internal/notify"
	"lantoa/internal/org"
	"lantoa/internal/store"
	"lantoa/internal/task"
)

// Notice is a reminder shown in the web app: an assignment of one of the
// person's units whose deadline is near or past, or one the person (or a
// unit they lead) gave that is late.
type Notice struct {
	Todo
	DaysLeft int  // negative: days late
	Assigned bool // the person's side gave it; the unit named is the one late
	Unit     org.Unit
}

// When says how far the deadline is: "còn 2 ngày", "quá hạn 3 ngày".
func (n Notice) When() string { return notify.When(n.DaysLeft) }

// Notices lists the actor's reminders today, derived from the assignments
// and the day (nothing is stored): their units' assignments due within
// the largest of days, or late, then late assignments they gave; the most
// pressing first.
func (s *Service) Notices(ctx context.Context, a Actor, days []int) ([]Notice, error) {
	var out []Notice
	err := s.store.View(ctx, func(tx *store.Tx) error {
		today := dayOf(tx.Now())
		mine, given, err := noticeAssignments(ctx, tx, a, days, today)
		if err != nil {
			return err
		}
		for i, list := range [][]task.Assignment{mine, given} {
			todos, err := workItems(ctx, tx, a, list, func(x task.Assignment) task.Assignment { return x }, today)
			if err != nil {
				return err
			}
			for _, t := range todos {
				n := Notice{Todo: t, DaysLeft: int(t.Assignment.Due.Date.Sub(today).Hours() / 24), Assigned: i == 1}
				if n.Unit, err = tx.Unit(ctx, t.Assignment.Assignee); err != nil {
					return err
				}
				out = append(out, n)
			}
		}
		return nil
	})
	slices.SortStableFunc(out, func(x, y Notice) int { return x.DaysLeft - y.DaysLeft })
	return out, err
}

// NoticeCount is how many notices the actor has: what the menu of every
// page shows, without reading what the list shows.
//
// Every page asks for it, so it is kept under the data version, per
// person, day and reminder days: any write drops it on every instance.
func (s *Service) NoticeCount(ctx context.Context, a Actor, days []int) (int, error) {
	version, err := s.DataVersion(ctx)
	if err != nil {
		return 0, err
	}
	key := noticeKey{account: a.Account, day: s.Today(), days: fmt.Sprint(days)}
	if n, ok := s.notices.Get(key, version, time.Time{}); ok {
		return n, nil
	}
	var n int
	err = s.store.View(ctx, func(tx *store.Tx) error {
		mine, given, err := noticeAssignments(ctx, tx, a, days, dayOf(tx.Now()))
		n = len(mine) + len(given)
		return err
	})
	if err == nil {
		s.notices.Put(key, version, time.Time{}, n)
	}
	return n, err
}

type noticeKey struct {
	account int64
	day     time.Time
	days    string
}

// noticeAssignments are the assignments behind the actor's notices: those
// of their units due within the largest of days or late ("để biết" ones
// need no report), and the late ones their units gave or they sent,
// except those already in the first list.
func noticeAssignments(ctx context.Context, tx *store.Tx, a Actor, days []int, today time.Time) (mine, given []task.Assignment, err error) {
	if len(days) == 0 {
		days = DefaultRemindDays
	}
	var own, leads []org.ID
	for _, m := range a.Memberships {
		if a.holds(m.Unit, remindRoles) && !slices.Contains(own, m.Unit) {
			own = append(own, m.Unit)
		}
		if a.holds(m.Unit, leadRoles) && !slices.Contains(leads, m.Unit) {
			leads = append(leads, m.Unit)
		}
	}
	if a.System || len(own) == 0 && len(leads) == 0 && a.Account == 0 {
		return nil, nil, nil
	}
	if len(own) > 0 {
		as, err := tx.Assignments(ctx, store.AssignmentFilter{Assignees: own, Statuses: openStatuses, DueBefore: today.AddDate(0, 0, slices.Max(days)+1)})
		if err != nil {
			return nil, nil, err
		}
		mine = slices.DeleteFunc(as, func(x task.Assignment) bool { return x.Role == task.Inform })
	}
	given, err = tx.OverdueAssignedBy(ctx, openStatuses, leads, a.Account, today)
	if err != nil {
		return nil, nil, err
	}
	given = slices.DeleteFunc(given, func(x task.Assignment) bool { return slices.Contains(own, x.Assignee) })
	return mine, given, nil
}
