package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/notify"
	"lantoa/internal/org"
	"lantoa/internal/store"
	"lantoa/internal/task"
)

// DefaultRemindDays are how many days before a deadline people are
// reminded: three days, then the day before.
var DefaultRemindDays = []int{3, 1}

// mailedLate says which days of lateness an overdue assignment is mailed
// on: the first day late, then once a week, so a digest nags without
// repeating the same line every morning (the web app lists it every day).
func mailedLate(daysLate int) bool { return daysLate >= 1 && (daysLate-1)%7 == 0 }

// remindRoles are who of a unit is reminded of its assignments, and
// leadRoles who of an assigning unit hears that one is late when the
// officer who sent it is not known.
var (
	remindRoles = workRoles
	leadRoles   = decideRoles
)

// RemindOptions say how a reminder pass runs.
type RemindOptions struct {
	Days    []int         // days before a deadline to remind on; empty: DefaultRemindDays
	From    string        // the sender's address
	Sender  notify.Sender // nil, or DryRun: only say what would be sent
	DryRun  bool
	BaseURL string // the site's address, for links in the e-mails (empty: none)
}

// RemindResult is what a pass did.
type RemindResult struct {
	Day       time.Time
	Digests   []notify.Digest // one per person with an address and something to say
	Sent      int             // e-mails sent by this pass
	Taken     int             // already sent (or being sent) by another pass or instance
	Failed    int             // could not be sent; the next pass tries again
	NoAddress []string        // people with reminders but no e-mail address (web app only)
}

// Remind runs the reminder pass for day: every person with assignments
// due in one of the configured numbers of days, or overdue (on the first
// day late, then weekly), gets one e-mail listing them all. Each (person, day) e-mail is claimed in the
// database before it is sent, so any number of instances running the pass
// at once send it once; a failed sending gives the claim back.
func (s *Service) Remind(ctx context.Context, day time.Time, o RemindOptions) (RemindResult, error) {
	day = dayOf(day)
	res := RemindResult{Day: day}
	var digests []notify.Digest
	var accounts []int64
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		digests, accounts, res.NoAddress, err = reminderDigests(ctx, tx, day, o)
		return err
	})
	if err != nil {
		return res, err
	}
	res.Digests = digests
	if o.DryRun || o.Sender == nil {
		return res, nil
	}
	claim := newClaim()
	for i, d := range digests {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		var mine bool
		err := s.store.InTx(ctx, func(tx *store.Tx) error {
			var err error
			mine, err = tx.ClaimDigest(ctx, accounts[i], day, claim, d.To, len(d.Items))
			return err
		})
		if err != nil {
			return res, err
		}
		if !mine {
			res.Taken++
			continue
		}
		if err := o.Sender.Send(ctx, o.From, d.To, d.Message(o.From, s.Now())); err != nil {
			s.log.Warn("reminder e-mail not sent", "account", accounts[i], "to", d.To, "err", err)
			res.Failed++
			if err := s.store.InTx(context.WithoutCancel(ctx), func(tx *store.Tx) error {
				return tx.ReleaseDigest(ctx, accounts[i], day, claim)
			}); err != nil {
				return res, err
			}
			continue
		}
		res.Sent++
		if err := s.store.InTx(context.WithoutCancel(ctx), func(tx *store.Tx) error {
			return tx.DigestSent(ctx, accounts[i], day, claim)
		}); err != nil {
			return res, err
		}
	}
	return res, nil
}

// newClaim names one pass, so it releases only its own claims.
func newClaim() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// reminderDigests gathers, per person, what to remind them of on day:
// the assignments of their units due in one of o.Days days, or late by a
// mailed number of days, and the late ones they (or their unit, when the
// sender is not known) gave. It returns the digests of people with an
// address, their account ids in the same order, and who has none.
func reminderDigests(ctx context.Context, tx *store.Tx, day time.Time, o RemindOptions) ([]notify.Digest, []int64, []string, error) {
	days := o.Days
	if len(days) == 0 {
		days = DefaultRemindDays
	}
	var dues []time.Time
	for _, n := range days {
		dues = append(dues, day.AddDate(0, 0, n))
	}
	as, err := tx.DueAssignments(ctx, openStatuses, dues, day)
	if err != nil {
		return nil, nil, nil, err
	}
	as = slices.DeleteFunc(as, func(a task.Assignment) bool { return a.Due.Date.Before(day) && !mailedLate(a.DaysLate(day)) })
	if len(as) == 0 {
		return nil, nil, nil, nil
	}
	docIDs := make([]document.ID, 0, len(as))
	ids := make([]task.ID, 0, len(as))
	for _, a := range as {
		docIDs = append(docIDs, a.Document)
		ids = append(ids, a.ID)
	}
	docs, err := tx.DocumentsByID(ctx, docIDs)
	if err != nil {
		return nil, nil, nil, err
	}
	senders, err := tx.AssignmentSenders(ctx, ids)
	if err != nil {
		return nil, nil, nil, err
	}
	people := map[int64]*notify.Digest{}
	var order []int64
	add := func(acc org.Account, it notify.Item) {
		d := people[acc.ID]
		if d == nil {
			d = &notify.Digest{To: acc.Email, Name: acc.DisplayName, Day: day}
			people[acc.ID] = d
			order = append(order, acc.ID)
		}
		for _, x := range d.Items { // a person in two units hears of it once
			if x.Assignment == it.Assignment {
				return
			}
		}
		d.Items = append(d.Items, it)
	}
	units := map[org.ID]org.Unit{}
	unitName := func(id org.ID) (string, error) {
		if u, ok := units[id]; ok {
			return u.Name, nil
		}
		u, err := tx.Unit(ctx, id)
		units[id] = u
		return u.Name, err
	}
	type audience struct {
		unit  org.ID
		leads bool
	}
	heard := map[audience][]store.Recipient{}
	recipients := func(unit org.ID, leads bool) ([]store.Recipient, error) {
		k := audience{unit, leads}
		if r, ok := heard[k]; ok {
			return r, nil
		}
		roles := remindRoles
		if leads {
			roles = leadRoles
		}
		r, err := tx.UnitRecipients(ctx, []org.ID{unit}, roles)
		heard[k] = r
		return r, err
	}
	for _, a := range as {
		name, err := unitName(a.Assignee)
		if err != nil {
			return nil, nil, nil, err
		}
		it := notify.Item{Assignment: int64(a.ID), Title: mailTitle(docs[a.Document]), Unit: name, Due: a.Due.Date,
			DaysLeft: int(a.Due.Date.Sub(day).Hours() / 24)}
		if o.BaseURL != "" {
			it.Link = fmt.Sprintf("%s/nhiem-vu/%d", o.BaseURL, a.ID)
		}
		rs, err := recipients(a.Assignee, false)
		if err != nil {
			return nil, nil, nil, err
		}
		for _, r := range rs {
			add(r.Account, it)
		}
		if it.DaysLeft >= 0 {
			continue
		}
		it.Assigner = true
		if acc, ok := senders[a.ID]; ok {
			sender, err := tx.Account(ctx, acc)
			if err != nil {
				return nil, nil, nil, err
			}
			if !sender.Disabled {
				add(sender, it)
			}
			continue
		}
		if a.Assigner == 0 {
			continue
		}
		leads, err := recipients(a.Assigner, true)
		if err != nil {
			return nil, nil, nil, err
		}
		for _, r := range leads {
			add(r.Account, it)
		}
	}
	var out []notify.Digest
	var accounts []int64
	var none []string
	for _, id := range order {
		d := people[id]
		sort.SliceStable(d.Items, func(i, j int) bool { return d.Items[i].DaysLeft < d.Items[j].DaysLeft })
		if d.To == "" {
			none = append(none, d.Name)
			continue
		}
		out = append(out, *d)
		accounts = append(accounts, id)
	}
	return out, accounts, none, nil
}

// mailTitle is how a document is named in an e-mail: a confidential one
// by its type and number only, whoever the reader (mail leaves the
// system).
func mailTitle(d document.Document) string {
	if d.Confidential() {
		d = identityOnly(d)
	}
	return d.Title()
}
