package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
	"lantoa/internal/task"
)

// docs stores documents in order, each citing (implementing) the named ones.
func docs(t *testing.T, s *store.Store, specs ...[]string) map[string]document.ID {
	t.Helper()
	ids := map[string]document.ID{}
	err := s.InTx(t.Context(), func(tx *store.Tx) error {
		for _, sp := range specs {
			var cites []document.Citation
			for _, c := range sp[1:] {
				cites = append(cites, cite(c, "", document.Implements))
			}
			d, err := tx.CreateDocument(t.Context(), doc(sp[0], "Hướng dẫn", "2022-05-01", cites...))
			if err != nil {
				return err
			}
			ids[sp[0]] = d.ID
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func record(t *testing.T, s *store.Store, a report.Activity) report.Activity {
	t.Helper()
	err := s.InTx(t.Context(), func(tx *store.Tx) error {
		var err error
		a, err = tx.CreateActivity(t.Context(), a)
		return err
	})
	if err != nil {
		t.Fatalf("record %q: %v", a.Title, err)
	}
	return a
}

func rollup(t *testing.T, s *store.Store, d document.ID, u org.ID, on string) report.Rollup {
	t.Helper()
	var r report.Rollup
	err := s.View(t.Context(), func(tx *store.Tx) error {
		var err error
		r, err = tx.Rollup(t.Context(), store.RollupQuery{Directive: d, Unit: u, On: day(on)})
		return err
	})
	if err != nil {
		t.Fatalf("rollup: %v", err)
	}
	return r
}

// figures renders totals as "code=num/den" for comparison.
func figures(ts []report.Total) map[string]string {
	out := map[string]string{}
	for _, t := range ts {
		out[t.Indicator.Code] = fmt.Sprintf("%g/%g", t.Num, t.Den)
	}
	return out
}

func TestRollupCountsEachActivityAndEachUnitOnce(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		// The city Front is directed by the city board and by the
		// provincial Front: two paths from the province to it and its cell.
		u := tree(t, s, []string{"tinh", "btg", "mttq", "tp", "chibo"},
			[][2]string{{"tinh", "btg"}, {"tinh", "mttq"}, {"btg", "tp"}, {"mttq", "tp"}, {"tp", "chibo"}})
		d := docs(t, s, []string{"12-CT/TW"}, []string{"71-HD/BTGTU", "12-CT/TW"}, []string{"5-KH/ThU", "71-HD/BTGTU"}, []string{"9-CT/TW"})
		ttm := func(unit, on string, buoi, nghe float64, targets ...string) {
			a := report.Activity{Unit: u[unit], Form: "TTM", Started: day(on), Title: "Tuyên truyền miệng " + on,
				Values: []report.Value{{Code: "TTM.buoi", Num: buoi}, {Code: "TTM.luot_nghe", Num: nghe}}}
			for _, x := range targets {
				a.Targets = append(a.Targets, report.Target{Document: d[x]})
			}
			record(t, s, a)
		}
		// Linked to two documents of one cascade: counted once.
		ttm("chibo", "2022-06-10", 2, 80, "71-HD/BTGTU", "5-KH/ThU")
		ttm("tp", "2022-07-05", 1, 40, "12-CT/TW")
		ttm("tinh", "2022-07-20", 1, 300, "12-CT/TW")
		ttm("chibo", "2022-08-02", 5, 100, "5-KH/ThU") // after the day asked
		ttm("tp", "2022-07-06", 9, 900, "9-CT/TW")     // another directive
		shcb := func(unit, on string, held, cells float64) {
			record(t, s, report.Activity{Unit: u[unit], Form: "SHCB", Started: day(on), Title: "Sinh hoạt chi bộ",
				Targets: []report.Target{{Document: d["5-KH/ThU"]}},
				Values:  []report.Value{{Code: "SHCB.chi_bo", Num: held, Den: cells}}})
		}
		shcb("tp", "2022-06-30", 3, 4)
		shcb("chibo", "2022-07-01", 1, 1)
		shcd := func(unit, on string) {
			record(t, s, report.Activity{Unit: u[unit], Form: "SHCD", Started: day(on), Title: "Sinh hoạt công đoàn",
				Targets: []report.Target{{Document: d["71-HD/BTGTU"]}},
				Values:  []report.Value{{Code: "SHCD.don_vi", Num: 1}, {Code: "SHCD.luot", Num: 25}}})
		}
		shcd("chibo", "2022-07-10")
		shcd("chibo", "2022-06-01") // earlier: the unit now counts from June
		shcd("tp", "2022-07-25")

		r := rollup(t, s, d["12-CT/TW"], u["tinh"], "2022-07-31")
		want := map[string]string{"TTM.buoi": "4/0", "TTM.luot_nghe": "420/0", "SHCB.chi_bo": "4/5", "SHCD.don_vi": "2/0", "SHCD.luot": "75/0"}
		if got := figures(r.Totals); !reflect.DeepEqual(got, want) {
			t.Errorf("province on 31/07: %v, want %v", got, want)
		}
		for _, tot := range r.Totals {
			if p, ok := tot.Percent(); tot.Indicator.Code == "SHCB.chi_bo" && (!ok || p != 80) {
				t.Errorf("SHCB.chi_bo percent = %v %v, want 80", p, ok)
			}
		}
		// Mid-month: the June months plus the July days up to the 9th.
		r = rollup(t, s, d["12-CT/TW"], u["tinh"], "2022-07-09")
		want = map[string]string{"TTM.buoi": "3/0", "TTM.luot_nghe": "120/0", "SHCB.chi_bo": "4/5", "SHCD.don_vi": "1/0", "SHCD.luot": "25/0"}
		if got := figures(r.Totals); !reflect.DeepEqual(got, want) {
			t.Errorf("province on 09/07: %v, want %v", got, want)
		}
		// Each child's subtree holds the city and its cell.
		if len(r.Children) != 2 {
			t.Fatalf("children = %d, want 2", len(r.Children))
		}
		for _, c := range r.Children {
			want := map[string]string{"TTM.buoi": "3/0", "TTM.luot_nghe": "120/0", "SHCB.chi_bo": "4/5", "SHCD.don_vi": "1/0", "SHCD.luot": "25/0"}
			if got := figures(c.Totals); !reflect.DeepEqual(got, want) {
				t.Errorf("child %s on 09/07: %v, want %v", c.Unit.Code, got, want)
			}
		}
		// The guidance's cascade holds only what answers it and below.
		r = rollup(t, s, d["71-HD/BTGTU"], u["tp"], "2022-12-31")
		want = map[string]string{"TTM.buoi": "7/0", "TTM.luot_nghe": "180/0", "SHCB.chi_bo": "4/5", "SHCD.don_vi": "2/0", "SHCD.luot": "75/0"}
		if got := figures(r.Totals); !reflect.DeepEqual(got, want) {
			t.Errorf("city on guidance: %v, want %v", got, want)
		}
	})
}

func TestRollupCoverageAndLateListAsOfADay(t *testing.T) {
	clock := day("2022-06-01")
	now := func() time.Time { return clock }
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := t.Context()
		clock = day("2022-06-01")
		u := tree(t, s, []string{"tinh", "h1", "h2", "x1", "x2", "x3"},
			[][2]string{{"tinh", "h1"}, {"tinh", "h2"}, {"h1", "x1"}, {"h1", "x2"}, {"h2", "x3"}, {"h2", "x2"}})
		d := docs(t, s, []string{"12-CT/TW"}, []string{"71-HD/BTGTU", "12-CT/TW"})
		asg := map[string]task.ID{}
		give := func(docNS, unit, due string, role task.Role) {
			err := s.InTx(ctx, func(tx *store.Tx) error {
				a, err := tx.CreateAssignment(ctx, task.Assignment{Document: d[docNS], Assignee: u[unit], Role: role, Due: task.Deadline{Date: day(due)}})
				asg[docNS+" "+unit] = a.ID
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		move := func(key string, to task.Status, on string) {
			clock = day(on).Add(9 * time.Hour)
			err := s.InTx(ctx, func(tx *store.Tx) error { _, err := tx.Move(ctx, asg[key], to, 0, 0, ""); return err })
			if err != nil {
				t.Fatalf("%s → %s: %v", key, to, err)
			}
		}
		give("12-CT/TW", "h1", "2022-06-30", task.Lead)
		give("12-CT/TW", "h2", "2022-06-30", task.Lead)
		give("12-CT/TW", "x3", "2022-06-30", task.Inform) // nothing to report: not counted
		give("71-HD/BTGTU", "x1", "2022-07-15", task.Lead)
		give("71-HD/BTGTU", "x2", "2022-07-15", task.Lead)
		give("12-CT/TW", "x2", "2022-06-20", task.Support) // x2 has two assignments
		move("12-CT/TW h1", task.Received, "2022-06-02")
		move("12-CT/TW h1", task.Reported, "2022-06-25")
		move("12-CT/TW h1", task.Accepted, "2022-06-28")
		move("12-CT/TW h2", task.Acknowledged, "2022-06-03")
		move("71-HD/BTGTU x1", task.Reported, "2022-07-10")
		move("71-HD/BTGTU x2", task.Reported, "2022-07-01")
		move("12-CT/TW x2", task.Received, "2022-07-20")

		r := rollup(t, s, d["12-CT/TW"], u["tinh"], "2022-06-30")
		if want := (report.Coverage{Assigned: 4, Received: 2, Acknowledged: 2, Reported: 1, Implementing: 1, Accepted: 1, Late: 1}); r.Coverage != want {
			t.Errorf("coverage on 30/06 = %+v, want %+v", r.Coverage, want)
		}
		// x2's support assignment was due 20/06 and never reported.
		if len(r.Late) != 1 || r.Late[0].Unit.ID != u["x2"] || r.Late[0].DaysLate != 10 {
			t.Errorf("late on 30/06 = %+v, want x2 ten days late", r.Late)
		}
		r = rollup(t, s, d["12-CT/TW"], u["tinh"], "2022-07-31")
		// x2 reported the guidance's assignment but not the directive's
		// own: a unit reaches a stage when all its assignments have.
		if want := (report.Coverage{Assigned: 4, Received: 4, Acknowledged: 3, Implementing: 2, Reported: 2, Accepted: 1, Late: 2}); r.Coverage != want {
			t.Errorf("coverage on 31/07 = %+v, want %+v", r.Coverage, want)
		}
		var late []string
		for _, l := range r.Late {
			late = append(late, l.Unit.Code)
		}
		if !reflect.DeepEqual(late, []string{"x2", "h2"}) {
			t.Errorf("late on 31/07 = %v, want [x2 h2]", late)
		}
		// Drill-down: x2 sits under both districts.
		got := map[string]report.Coverage{}
		for _, c := range r.Children {
			got[c.Unit.Code] = c.Coverage
		}
		want := map[string]report.Coverage{
			"h1": {Assigned: 3, Received: 3, Acknowledged: 2, Implementing: 2, Reported: 2, Accepted: 1, Late: 1},
			"h2": {Assigned: 2, Received: 2, Acknowledged: 1, Late: 2},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("children coverage = %+v, want %+v", got, want)
		}
	}, store.WithClock(now))
}

// TestRollupMatchesANaiveCount records random activities on a random DAG,
// reorganises it, and checks every roll-up against a count made activity
// by activity from the subtree and the cascade.
func TestRollupMatchesANaiveCount(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := t.Context()
		rng := rand.New(rand.NewPCG(7, 12))
		u, codes := dag(t, s)
		d := docs(t, s, []string{"D"}, []string{"G1", "D"}, []string{"G2", "D"}, []string{"L1", "G1"}, []string{"L2", "G1", "G2"}, []string{"E"})
		docNames := []string{"D", "G1", "G2", "L1", "L2", "E"}
		values := map[string][]string{"TTM": {"TTM.buoi", "TTM.luot_nghe"}, "SHCB": {"SHCB.chi_bo"}, "SHCD": {"SHCD.don_vi", "SHCD.luot"}}
		forms := []string{"TTM", "SHCB", "SHCD"}
		addRandom := func(n int, from time.Time, days int) {
			for range n {
				f := forms[rng.IntN(len(forms))]
				a := report.Activity{Unit: u[codes[rng.IntN(len(codes))]], Form: f, Title: "Hoạt động", Started: from.AddDate(0, 0, rng.IntN(days))}
				for _, c := range values[f] {
					v := report.Value{Code: c, Num: float64(rng.IntN(50))}
					if c == "SHCB.chi_bo" {
						v.Den = v.Num + float64(rng.IntN(5))
					}
					if c == "SHCD.don_vi" {
						v.Num = float64(rng.IntN(2))
					}
					a.Values = append(a.Values, v)
				}
				for _, i := range rng.Perm(len(docNames))[:1+rng.IntN(2)] {
					a.Targets = append(a.Targets, report.Target{Document: d[docNames[i]]})
				}
				record(t, s, a)
			}
		}
		check := func(stage string) {
			t.Helper()
			for _, dn := range []string{"D", "G1", "L2"} {
				for _, uc := range []string{"root", "h0", "h1", "x0", "c3"} {
					for _, on := range []string{"2022-05-31", "2022-06-01", "2022-06-17", "2022-07-01", "2022-07-31", "2022-08-15", "2022-12-31"} {
						got := figures(rollup(t, s, d[dn], u[uc], on).Totals)
						want := naive(t, s, d[dn], u[uc], day(on))
						if !reflect.DeepEqual(got, want) {
							t.Fatalf("%s: %s at %s on %s: got %v, want %v", stage, dn, uc, on, got, want)
						}
					}
				}
			}
		}
		addRandom(150, day("2022-05-15"), 60)
		check("recorded")
		// x0 leaves h0 for h2 on 01/07: the sums follow by themselves.
		err := s.InTx(ctx, func(tx *store.Tx) error {
			if err := tx.EndLink(ctx, u["h0"], u["x0"], day("2022-07-01")); err != nil {
				return err
			}
			return tx.AddLink(ctx, org.Link{Parent: u["h2"], Child: u["x0"], Valid: org.Span{From: day("2022-07-01")}})
		})
		if err != nil {
			t.Fatal(err)
		}
		check("reorganised")
		addRandom(60, day("2022-06-20"), 40) // after the change, some back-dated
		check("recorded after reorganising")
		// A full rebuild finds the same figures.
		if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.RebuildRollups(ctx) }); err != nil {
			t.Fatal(err)
		}
		check("rebuilt")
	})
}

// dag builds a root, 3 districts, 8 communes (x0 and x4 with two
// districts) and 16 cells.
func dag(t *testing.T, s *store.Store) (map[string]org.ID, []string) {
	t.Helper()
	codes := []string{"root"}
	var links [][2]string
	for i := range 3 {
		codes = append(codes, fmt.Sprintf("h%d", i))
		links = append(links, [2]string{"root", fmt.Sprintf("h%d", i)})
	}
	for i := range 8 {
		c := fmt.Sprintf("x%d", i)
		codes = append(codes, c)
		links = append(links, [2]string{fmt.Sprintf("h%d", i%3), c})
		if i%4 == 0 {
			links = append(links, [2]string{fmt.Sprintf("h%d", (i+1)%3), c}) // a second parent
		}
	}
	for i := range 16 {
		c := fmt.Sprintf("c%d", i)
		codes = append(codes, c)
		links = append(links, [2]string{fmt.Sprintf("x%d", i%8), c})
	}
	return tree(t, s, codes, links), codes
}

// naive adds the figures activity by activity.
func naive(t *testing.T, s *store.Store, d document.ID, u org.ID, on time.Time) map[string]string {
	t.Helper()
	var out map[string]string
	err := s.View(t.Context(), func(tx *store.Tx) error {
		ctx := t.Context()
		inSub, inCascade, err := scope(tx, d, u, on)
		if err != nil {
			return err
		}
		all, err := tx.Activities(ctx, store.ActivityFilter{To: on})
		out = countFigures(all, inSub, inCascade, on)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// scope is u's subtree on the day and d's cascade.
func scope(tx *store.Tx, d document.ID, u org.ID, on time.Time) (map[org.ID]bool, map[document.ID]bool, error) {
	ctx := context.Background()
	sub, err := tx.Subtree(ctx, u, on)
	if err != nil {
		return nil, nil, err
	}
	cascade, err := tx.CascadeOf(ctx, d)
	if err != nil {
		return nil, nil, err
	}
	inSub, inCascade := map[org.ID]bool{}, map[document.ID]bool{}
	for _, id := range sub {
		inSub[id] = true
	}
	for _, id := range cascade {
		inCascade[id] = true
	}
	return inSub, inCascade, nil
}

// countFigures adds up, as "code=num/den", the figures of the activities
// of units in inSub answering a document in inCascade and ending by on;
// the catalogue's distinct-units indicators count units.
func countFigures(all []report.Activity, inSub map[org.ID]bool, inCascade map[document.ID]bool, on time.Time) map[string]string {
	units := map[string]bool{}
	for _, i := range report.Catalogue().Indicators {
		units[i.Code] = i.Aggregation == report.Distinct
	}
	num, den := map[string]float64{}, map[string]float64{}
	distinct := map[string]map[org.ID]bool{}
	for _, a := range all {
		answers := false
		for _, tg := range a.Targets {
			answers = answers || inCascade[tg.Document]
		}
		if !answers || !inSub[a.Unit] || a.Ended.After(on) {
			continue
		}
		for _, v := range a.Values {
			if units[v.Code] {
				if v.Num > 0 {
					if distinct[v.Code] == nil {
						distinct[v.Code] = map[org.ID]bool{}
					}
					distinct[v.Code][a.Unit] = true
				}
				continue
			}
			num[v.Code] += v.Num
			den[v.Code] += v.Den
		}
	}
	out := map[string]string{}
	for c := range num {
		out[c] = fmt.Sprintf("%g/%g", num[c], den[c])
	}
	for c, us := range distinct {
		out[c] = fmt.Sprintf("%d/0", len(us))
	}
	return out
}

func TestActivityIsCheckedAgainstItsIndicators(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		u := tree(t, s, []string{"tinh"}, nil)
		d := docs(t, s, []string{"12-CT/TW"})
		base := func() report.Activity {
			return report.Activity{Unit: u["tinh"], Form: "TTM", Started: day("2022-06-01"), Title: "Buổi nói chuyện",
				Targets: []report.Target{{Document: d["12-CT/TW"]}}}
		}
		cases := map[string]func(a *report.Activity){
			"unknown code":         func(a *report.Activity) { a.Values = []report.Value{{Code: "TTM.khong_co", Num: 1}} },
			"code of another form": func(a *report.Activity) { a.Values = []report.Value{{Code: "MXH.bai_dang", Num: 1}} },
			"numerator over the whole": func(a *report.Activity) {
				a.Form = "SHCB"
				a.Values = []report.Value{{Code: "SHCB.chi_bo", Num: 5, Den: 4}}
			},
			"negative count":        func(a *report.Activity) { a.Values = []report.Value{{Code: "TTM.buoi", Num: -1}} },
			"text without words":    func(a *report.Activity) { a.Form = "DLXH"; a.Values = []report.Value{{Code: "DLXH.van_de"}} },
			"no directive":          func(a *report.Activity) { a.Targets = nil },
			"missing directive":     func(a *report.Activity) { a.Targets = []report.Target{{Document: 9999}} },
			"ends before it starts": func(a *report.Activity) { a.Ended = day("2022-05-01") },
			"unit not yet existing": func(a *report.Activity) { a.Started = day("2019-01-01") },
		}
		for name, change := range cases {
			a := base()
			change(&a)
			err := s.InTx(t.Context(), func(tx *store.Tx) error { _, err := tx.CreateActivity(t.Context(), a); return err })
			if err == nil {
				t.Errorf("%s: accepted", name)
			}
		}
		var n []report.Activity
		s.View(t.Context(), func(tx *store.Tx) error {
			n, _ = tx.Activities(t.Context(), store.ActivityFilter{})
			return nil
		})
		if len(n) != 0 {
			t.Errorf("refused activities stored: %d", len(n))
		}
	})
}

func TestCatalogueIsLoadedOnBothEngines(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		var set report.IndicatorSet
		err := s.View(t.Context(), func(tx *store.Tx) error {
			var err error
			set, err = tx.IndicatorSetByCode(t.Context(), report.DefaultSetCode)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if want := report.Catalogue(); !reflect.DeepEqual(set.Indicators, want.Indicators) {
			t.Fatalf("stored catalogue differs from report.Catalogue: %d vs %d indicators", len(set.Indicators), len(want.Indicators))
		}
		kinds := map[string]string{}
		for _, i := range set.Indicators {
			kinds[i.Code] = string(i.Kind) + " " + string(i.Aggregation) + " " + i.Measure
		}
		for code, want := range map[string]string{
			"SHCB.chi_bo": "ratio sum chi bộ", "TTM.luot_nghe": "count sum lượt", "TTM.bao_cao_vien": "count sum người",
			"DLXH.van_de": "text none ", "VB.don_vi": "count distinct đơn vị",
		} {
			if kinds[code] != want {
				t.Errorf("%s = %q, want %q", code, kinds[code], want)
			}
		}
	})
}

func TestDirectiveSetChoosesCodesAndKeepsTheirMeaning(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := t.Context()
		d := docs(t, s, []string{"12-CT/TW"}, []string{"71-HD/BTGTU", "12-CT/TW"}, []string{"9-CT/TW"})
		err := s.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.CreateIndicatorSet(ctx, report.IndicatorSet{Code: "ct12", Name: "Phụ lục Chỉ thị 12", Document: d["12-CT/TW"],
				Indicators: []report.Indicator{
					{Code: "MXH.bai_dang", Form: "MXH", Label: "Bài đăng về Chỉ thị 12", Measure: "bài", Kind: report.Count, Aggregation: report.Sum},
					{Code: "MXH.video", Form: "MXH", Label: "Video ngắn", Measure: "video", Kind: report.Count, Aggregation: report.Sum},
				}})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		var forGuidance, forOther report.IndicatorSet
		s.View(ctx, func(tx *store.Tx) error {
			forGuidance, _ = tx.IndicatorSetFor(ctx, d["71-HD/BTGTU"])
			forOther, _ = tx.IndicatorSetFor(ctx, d["9-CT/TW"])
			return nil
		})
		if forGuidance.Code != "ct12" || len(forGuidance.Indicators) != 2 || forGuidance.Indicators[1].Code != "MXH.video" {
			t.Errorf("set for the guidance = %s %v, want ct12 with its two indicators", forGuidance.Code, forGuidance.Indicators)
		}
		if forOther.Code != report.DefaultSetCode {
			t.Errorf("set for another directive = %s, want the catalogue", forOther.Code)
		}
		// A code keeps what it adds up, whatever set names it.
		err = s.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.CreateIndicatorSet(ctx, report.IndicatorSet{Code: "khac", Name: "Khác", Indicators: []report.Indicator{
				{Code: "TTM.buoi", Form: "TTM", Label: "Buổi", Kind: report.Ratio, Aggregation: report.Sum}}})
			return err
		})
		if err == nil {
			t.Error("redefining TTM.buoi as a ratio was accepted")
		}
	})
}

func TestCascadeGrowthCountsActivitiesAlreadyLinked(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := t.Context()
		u := tree(t, s, []string{"tinh", "xa"}, [][2]string{{"tinh", "xa"}})
		// The commune's plan is recorded before anyone knows what it implements.
		d := docs(t, s, []string{"12-CT/TW"}, []string{"71-HD/BTGTU", "12-CT/TW"}, []string{"3-KH/ĐU"})
		ttm := func(buoi float64, targets ...string) {
			a := report.Activity{Unit: u["xa"], Form: "TTM", Started: day("2022-07-01"), Title: "Tuyên truyền",
				Values: []report.Value{{Code: "TTM.buoi", Num: buoi}}}
			for _, x := range targets {
				a.Targets = append(a.Targets, report.Target{Document: d[x]})
			}
			record(t, s, a)
		}
		ttm(1, "3-KH/ĐU")
		ttm(10, "3-KH/ĐU", "71-HD/BTGTU") // already counted under both directives
		if got := figures(rollup(t, s, d["12-CT/TW"], u["tinh"], "2022-07-31").Totals); got["TTM.buoi"] != "10/0" {
			t.Fatalf("before the link: %v", got)
		}
		// The plan turns out to implement the guidance: what
		// linkCitation does, with the hook called first.
		err := s.InTx(ctx, func(tx *store.Tx) error {
			if err := tx.RollupCascadeGrows(ctx, d["3-KH/ĐU"], d["71-HD/BTGTU"]); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO doc_closure (ancestor_id, descendant_id)
				SELECT a.ancestor_id, d.descendant_id FROM doc_closure a, doc_closure d
				WHERE a.descendant_id = $1 AND d.ancestor_id = $2 ON CONFLICT (ancestor_id, descendant_id) DO NOTHING`, d["71-HD/BTGTU"], d["3-KH/ĐU"])
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, dn := range []string{"12-CT/TW", "71-HD/BTGTU"} {
			got := figures(rollup(t, s, d[dn], u["tinh"], "2022-07-31").Totals)
			if want := naive(t, s, d[dn], u["tinh"], day("2022-07-31")); !reflect.DeepEqual(got, want) || got["TTM.buoi"] != "11/0" {
				t.Errorf("%s after the link: %v, want %v (11 sessions)", dn, got, want)
			}
		}
	})
}
