package app_test

import (
	"slices"
	"testing"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// A commune's leader who also leads the district above holds a role that
// directs the commune, but the commune's report is still their own.
func TestNobodyDecidesTheirOwnUnitsReportEvenLeadingTheUnitAbove(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := t.Context()
		w := newReportWorld(t, s)
		r, err := w.svc.CreateReport(ctx, w.officerX1, app.ReportInput{Unit: w.xa1, Assignment: w.asgX1,
			From: reportDay("2022-07-01"), To: reportDay("2022-07-31")})
		if err != nil {
			t.Fatal(err)
		}
		if r, err = w.svc.SubmitReport(ctx, w.officerX1, r.ID); err != nil {
			t.Fatal(err)
		}
		both := w.leadX1
		both.Memberships = slices.Concat(w.leadX1.Memberships, w.leadHuyen.Memberships)

		_, err = w.svc.AcceptReport(ctx, both, r.ID)
		kindOf(t, err, problem.Forbidden, "the commune's leader, also the district's, accepts the commune's report")
		_, err = w.svc.ReturnReport(ctx, both, r.ID, "Bổ sung số liệu")
		kindOf(t, err, problem.Forbidden, "the commune's leader, also the district's, returns the commune's report")
		if v, err := w.svc.ReportPage(ctx, both, r.ID); err != nil || v.MayDecide {
			t.Errorf("report page of the leader of both: may decide %v, err %v; want the page without the decision", v.MayDecide, err)
		}

		// A leader of the district alone decides it.
		if v, err := w.svc.ReportPage(ctx, w.leadHuyen, r.ID); err != nil || !v.MayDecide {
			t.Errorf("report page of the district's leader: may decide %v, err %v; want true", v.MayDecide, err)
		}
		if r, err = w.svc.AcceptReport(ctx, w.leadHuyen, r.ID); err != nil || r.Status != report.Accepted {
			t.Errorf("the district's leader accepts: %v, %s", err, r.Status)
		}
	})
}

// A commune takes direction from the district committee and, along the
// Front's line, from the district Front. What the district committee asked
// is decided by the district committee; what nobody above is known to have
// asked, by any unit above.
func TestReportIsDecidedByTheUnitAboveThatAskedForIt(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := t.Context()
		w := newReportWorld(t, s)
		var front app.Actor
		err := s.InTx(ctx, func(tx *store.Tx) error {
			u, err := tx.CreateUnit(ctx, org.Unit{Code: "mttq-huyen", Notation: "MTTQ", Name: "Ủy ban MTTQ huyện Tam Đường", Kind: org.FrontCommittee,
				Family: document.Front, Valid: org.Span{From: reportDay("2020-01-01")}})
			if err != nil {
				return err
			}
			if err := tx.AddLink(ctx, org.Link{Parent: u.ID, Child: w.xa1, Valid: org.Span{From: reportDay("2020-01-01")}}); err != nil {
				return err
			}
			// The district committee holds its plan in its register.
			if _, err := tx.Enter(ctx, w.plan, w.huyen, document.Outgoing, reportDay("2022-06-30"), 0); err != nil {
				return err
			}
			m := org.Membership{Unit: u.ID, Role: org.Leader}
			acc, err := tx.CreateAccount(ctx, org.Account{Username: "ld-mttq-huyen", Memberships: []org.Membership{m}})
			front = app.Actor{Account: acc.ID, Name: "ld-mttq-huyen", Memberships: acc.Memberships}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		sent := func(in app.ReportInput) report.Report {
			t.Helper()
			in.Unit, in.From, in.To = w.xa1, reportDay("2022-07-01"), reportDay("2022-07-31")
			r, err := w.svc.CreateReport(ctx, w.officerX1, in)
			if err == nil {
				r, err = w.svc.SubmitReport(ctx, w.officerX1, r.ID)
			}
			if err != nil {
				t.Fatal(err)
			}
			return r
		}

		asked := sent(app.ReportInput{Assignment: w.asgX1})
		_, err = w.svc.AcceptReport(ctx, front, asked.ID)
		kindOf(t, err, problem.Forbidden, "the district Front accepts what the district committee asked")
		_, err = w.svc.ReturnReport(ctx, front, asked.ID, "Bổ sung")
		kindOf(t, err, problem.Forbidden, "the district Front returns what the district committee asked")
		if v, err := w.svc.ReportPage(ctx, front, asked.ID); err != nil || v.MayDecide {
			t.Errorf("report page of the district Front's leader: may decide %v, err %v; want to see it without deciding", v.MayDecide, err)
		}
		if r, err := w.svc.AcceptReport(ctx, w.leadHuyen, asked.ID); err != nil || r.Status != report.Accepted {
			t.Errorf("the district committee accepts: %v, %s", err, r.Status)
		}

		// 9-CT/TW is in the commune's register only: nobody above asked.
		unasked := sent(app.ReportInput{Directive: w.other})
		if r, err := w.svc.AcceptReport(ctx, front, unasked.ID); err != nil || r.Status != report.Accepted {
			t.Errorf("the district Front accepts a report nobody above asked for: %v, %s", err, r.Status)
		}
	})
}
