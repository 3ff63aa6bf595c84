// Package demo loads a realistic demonstration: the Lai Châu organisation
// of 2022 and its 2025 reorganisation, the accounts of a few officials, the
// document chain of Chỉ thị 12-CT/TW read through the reader, the
// assignments it carries, and activities and reports with plausible
// figures, marked as demo data. It goes through the use cases, as a clerk
// would, so the demo also exercises them.
package demo

import (
	"context"
	"crypto/rand"
	"fmt"
	"strings"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/task"
	"lantoa/internal/vn"
)

// Account is a demo account to print for the person trying the product.
type Account struct {
	Username, Name, Role, Units string
}

// Summary says what was loaded.
type Summary struct {
	AlreadyLoaded bool
	Units         int
	Documents     int
	Assignments   int
	Activities    int
	Reports       int
	Password      string
	Accounts      []Account
	// Where to look first: the directive's roll-up at the province at the
	// end of the 2022 campaign.
	Directive document.ID
	Province  org.ID
	AsOf      time.Time
}

// loader carries the state of one load. The demo replays 2022 on a clock
// of its own, so every date and timestamp it writes is the day the event
// happened.
type loader struct {
	svc         *app.Service
	sys         app.Actor
	now         time.Time
	units       map[string]org.Unit
	docs        map[string]document.Document // by number and notation
	assignments []task.Assignment
	sum         Summary
}

// at moves the demo clock to midday of day (yyyy-mm-dd).
func (l *loader) at(day string) { l.now = dayOf(day).Add(12 * time.Hour) }

func dayOf(s string) time.Time { return day(s) }

// codeOf finds a unit's code by its id.
func (l *loader) codeOf(id org.ID) string {
	for c, u := range l.units {
		if u.ID == id {
			return c
		}
	}
	return ""
}

// Load fills an empty database with the demo. On a database that already
// holds it, it does nothing and says so. password is given to every demo
// account; empty, a random one is made (and returned in the summary).
func Load(ctx context.Context, st *store.Store, password string) (Summary, error) {
	l := &loader{sys: app.System(), units: map[string]org.Unit{}, docs: map[string]document.Document{}}
	l.at("2022-01-01")
	l.svc = app.New(st.WithClock(func() time.Time { return l.now }), nil)
	if done, err := l.alreadyLoaded(ctx); err != nil || done {
		return l.sum, err
	}
	if password == "" {
		password = randomPassword()
	}
	l.sum.Password = password
	// The accounts come last: their presence says the load went through.
	steps := []func(context.Context) error{l.organisation, l.termsAndFigures, l.documents, l.implementation,
		l.results, l.reorganisation, l.accounts(password)}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return l.sum, err
		}
	}
	l.sum.Directive, l.sum.Province, l.sum.AsOf = l.docs["12-CT/TW"].ID, l.units["ltu"].ID, day(campaignEnd)
	return l.sum, nil
}

// alreadyLoaded reports whether the demo is in the database, and then
// says where to look. It refuses a database holding other data, or a demo
// whose loading was cut short: the demo goes into an empty database.
func (l *loader) alreadyLoaded(ctx context.Context) (bool, error) {
	any, err := l.svc.Units(ctx, store.UnitFilter{Limit: 1})
	if err != nil || len(any) == 0 {
		return false, err
	}
	province, err := l.svc.UnitByCode(ctx, "ltu")
	if problem.KindOf(err) == problem.NotFound {
		return false, problem.Errorf(problem.Conflict, "Cơ sở dữ liệu này đã có dữ liệu khác; dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu trống")
	}
	if err != nil {
		return false, err
	}
	if _, err := l.svc.AccountByUsername(ctx, accounts[len(accounts)-1].username); err != nil {
		return false, problem.Errorf(problem.Conflict, "Dữ liệu mẫu trong cơ sở dữ liệu này chưa nạp xong (lần nạp trước bị ngắt); hãy nạp vào một cơ sở dữ liệu mới")
	}
	directive, err := l.svc.DocumentsByNumber(ctx, l.sys, "12-CT/TW")
	if err != nil {
		return false, err
	}
	l.sum = Summary{AlreadyLoaded: true, Directive: directive[0].ID, Province: province.ID, AsOf: day(campaignEnd)}
	return true, nil
}

// campaignEnd is the day the demo's dashboard is shown as of.
const campaignEnd = "2022-12-31"

func randomPassword() string {
	const letters = "abcdefghijkmnpqrstuvwxyz23456789"
	b := make([]byte, 14)
	rand.Read(b)
	for i := range b {
		b[i] = letters[int(b[i])%len(letters)]
	}
	return string(b)
}

func (l *loader) create(ctx context.Context, u unitSpec) error {
	from := "2020-01-01"
	if u.from != "" {
		from = u.from
	}
	unit := org.Unit{Code: u.code, Notation: u.notation, Name: u.name, Kind: u.kind, Family: u.family, Place: u.place,
		Valid: org.Span{From: day(from)}, Demo: true}
	if u.to != "" {
		unit.Valid.To = day(u.to)
	}
	var parents []org.ID
	for _, p := range u.parents {
		parent, ok := l.units[p]
		if !ok {
			return fmt.Errorf("demo: unit %s names unknown parent %s", u.code, p)
		}
		parents = append(parents, parent.ID)
	}
	created, err := l.svc.CreateUnit(ctx, l.sys, unit, parents...)
	if err != nil {
		return fmt.Errorf("demo: unit %s: %w", u.code, err)
	}
	l.units[u.code] = created
	l.sum.Units++
	return nil
}

func (l *loader) organisation(ctx context.Context) error {
	for _, u := range append(append([]unitSpec(nil), units2022...), districtUnits()...) {
		if err := l.create(ctx, u); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) ids(codes ...string) []org.ID {
	var ids []org.ID
	for _, c := range codes {
		ids = append(ids, l.units[c].ID)
	}
	return ids
}

// slug makes a unit code from a Vietnamese name: "Sì Lở Lầu" → "si-lo-lau".
func slug(name string) string {
	return strings.Join(strings.Fields(vn.Fold(name)), "-")
}

func (l *loader) reorganisation(ctx context.Context) error {
	l.at("2025-02-20")
	if err := l.create(ctx, renamedBoard); err != nil {
		return err
	}
	if _, err := l.svc.Reorganise(ctx, l.sys, org.Event{Kind: org.Rename, EffectiveOn: day("2025-03-01"),
		From: l.ids("ltu-btg"), To: l.ids("ltu-btgdv"), Note: "Hợp nhất Ban Tuyên giáo và Ban Dân vận Tỉnh ủy (Quyết định 1676-QĐ/TU)"}); err != nil {
		return err
	}
	for _, w := range mergedWards {
		if err := l.create(ctx, w.spec); err != nil {
			return err
		}
		if _, err := l.svc.Reorganise(ctx, l.sys, org.Event{Kind: org.Merge, EffectiveOn: day("2025-07-01"),
			From: l.ids(w.from...), To: l.ids(w.spec.code), Note: "Sắp xếp đơn vị hành chính cấp xã (Nghị quyết 1670/NQ-UBTVQH15)"}); err != nil {
			return err
		}
	}
	for _, c := range communes2025 {
		if err := l.create(ctx, unitSpec{code: "xu2025-" + slug(c), notation: "ĐU", name: "Đảng ủy xã " + c, kind: org.PartyCommittee,
			family: "party", place: c, parents: []string{"ltu", "ltu-btgdv"}, from: "2025-07-01"}); err != nil {
			return err
		}
	}
	closing := append([]string(nil), closed2025...)
	for _, d := range districts {
		closing = append(closing, "hu-"+d.code, "hu-"+d.code+"-btg", "ldld-"+d.code)
	}
	if _, err := l.svc.Reorganise(ctx, l.sys, org.Event{Kind: org.Close, EffectiveOn: day("2025-07-01"),
		From: l.ids(closing...), Note: "Kết thúc hoạt động của cấp huyện"}); err != nil {
		return err
	}
	if err := l.svc.AddLink(ctx, l.sys, org.Link{Parent: l.units["mttq"].ID, Child: l.units["ldld"].ID, Valid: org.Span{From: day("2025-07-01")}}); err != nil {
		return err
	}
	for _, c := range []string{"ltu", "ltu-btgdv"} {
		if err := l.svc.SetTerm(ctx, l.sys, org.Term{Unit: l.units[c].ID, Starts: day("2025-09-19"), Ends: day("2030-09-19"), Name: "Nhiệm kỳ 2025 - 2030"}); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) termsAndFigures(ctx context.Context) error {
	committees := []string{"ltu", "ltu-btg", "tp-thu", "tp-btg", "du-khoi", "pu-tanphong", "pu-dongphong", "pu-doanket", "xu-sungphai"}
	for _, d := range districts {
		committees = append(committees, "hu-"+d.code, "hu-"+d.code+"-btg")
	}
	for _, c := range committees {
		if err := l.svc.SetTerm(ctx, l.sys, org.Term{Unit: l.units[c].ID, Starts: day("2020-10-01"), Ends: day("2025-09-19"), Name: "Nhiệm kỳ 2020 - 2025"}); err != nil {
			return err
		}
	}
	// Demo figures, as of the start of 2022.
	figures := map[string][2]int64{ // code → party members, union members
		"ltu": {28500, 0}, "tp-thu": {2140, 0}, "pu-tanphong": {412, 0}, "pu-dongphong": {356, 0}, "pu-doanket": {389, 0},
		"xu-sungphai": {141, 0}, "cb-tdp1": {42, 0}, "cb-thcs-doanket": {18, 0},
		"ldld": {0, 17800}, "ldld-tp": {0, 2650}, "cd-giaoduc": {0, 6900}, "cd-yte": {0, 2100}, "cd-vienchuc": {0, 1450},
		"cdcs-bvdk": {0, 410}, "cdcs-thpt-lqd": {0, 64}, "cdcs-caosu": {0, 230}, "cdcs-ubnd-tanphong": {0, 27},
	}
	for code, f := range figures {
		for i, measure := range []string{"party_members", "union_members"} {
			if f[i] == 0 {
				continue
			}
			if err := l.svc.SetFigure(ctx, l.sys, org.Figure{Unit: l.units[code].ID, Measure: measure, AsOf: day("2022-01-01"), Value: f[i]}); err != nil {
				return err
			}
		}
	}
	return nil
}

func (l *loader) accounts(password string) func(context.Context) error {
	return func(ctx context.Context) error {
		for _, a := range accounts {
			var ms []org.Membership
			var names []string
			for _, c := range a.units {
				ms = append(ms, org.Membership{Unit: l.units[c].ID, Role: a.role})
				names = append(names, l.units[c].Name)
			}
			// Addresses on a reserved example domain: a demo's reminders reach nobody.
			if _, err := l.svc.CreateAccount(ctx, l.sys, app.NewAccount{Username: a.username, DisplayName: a.name,
				Email: a.username + "@lantoa.example", Password: password, Memberships: ms}); err != nil {
				return err
			}
			l.sum.Accounts = append(l.sum.Accounts, Account{Username: a.username, Name: a.name, Role: a.role.Label(), Units: strings.Join(names, "; ")})
		}
		return nil
	}
}
