package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/store/storetest"
)

// The province's guidance 71-HD/BTGTU went to the city board and to the
// Sìn Hồ board, among others. What the city board issued to implement it
// is the city board's business: the Sìn Hồ board, opening the guidance,
// does not see it cited or in the cascade. A confidential document the
// city board issued shows to the board's own clerk, not granted it, by
// its number only, as its register shows it.
func TestDocumentsCitingOrImplementingAreListedOnlyToThoseWhoSeeThem(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		m := newMatrix(t, dsn)
		ctx := context.Background()
		guidance, city := m.document("71-HD/BTGTU"), m.document("28-HD/BTGThU")
		d, err := m.svc.DraftImplementing(ctx, app.System(), app.DraftInput{Unit: m.unit("tp-btg"), Parent: guidance.ID, DocType: "Hướng dẫn",
			Subject: secretSubject, Confidentiality: "Mật", Recipients: []app.RecipientTask{{Unit: m.unit("pu-tanphong"), Task: "Nắm tình hình"}}})
		if err != nil {
			t.Fatal(err)
		}
		issued, err := m.svc.Issue(ctx, app.System(), d.ID, app.Signer{Name: "Lò Văn Minh"})
		if err != nil {
			t.Fatal(err)
		}
		secret := issued.Document

		listed := func(of []document.Document, want document.Document) (shown, full bool) {
			for _, d := range of {
				if d.ID == want.ID {
					return true, d.Subject != ""
				}
			}
			return false, false
		}
		for _, c := range []struct {
			who          string
			city, secret string // "full", "number" or "none"
		}{
			{m.username("own", org.Officer), "full", "number"},
			{m.username("own", org.Clerk), "full", "number"},
			{m.username("other", org.Officer), "none", "none"},
			{m.username("other", org.Leader), "none", "none"},
		} {
			a := m.actor(c.who)
			cited, err := m.svc.CitedBy(ctx, a, guidance.ID)
			if err != nil {
				t.Fatalf("cited by, for %s: %v", c.who, err)
			}
			nodes, err := m.svc.Cascade(ctx, a, guidance.ID)
			if err != nil {
				t.Fatalf("cascade, for %s: %v", c.who, err)
			}
			var cascade []document.Document
			for _, n := range nodes {
				cascade = append(cascade, n.Doc)
			}
			for _, l := range []struct {
				list string
				docs []document.Document
			}{{"cited by", cited}, {"cascade", cascade}} {
				for _, w := range []struct {
					doc  document.Document
					want string
				}{{city, c.city}, {secret, c.secret}} {
					shown, full := listed(l.docs, w.doc)
					got := map[bool]string{true: "number", false: "none"}[shown]
					if full {
						got = "full"
					}
					if got != w.want {
						t.Errorf("%s of 71-HD/BTGTU, for %s: %s shown %s, want %s", l.list, c.who, w.doc.NumberSymbol, got, w.want)
					}
				}
			}
		}

		// The page agrees: the Sìn Hồ officer reads the guidance without
		// the city's documents; the city officer sees them.
		page := func(position string) string {
			p := request(t, m.h, http.MethodGet, fmt.Sprintf("/van-ban/%d", guidance.ID), m.cookie(position, org.Officer), nil)
			if p.status != http.StatusOK {
				t.Fatalf("71-HD/BTGTU for the %s officer: got %d, want 200", position, p.status)
			}
			return text(p)
		}
		if other := page("other"); strings.Contains(other, city.NumberSymbol) || strings.Contains(other, secret.NumberSymbol) {
			t.Errorf("71-HD/BTGTU for the Sìn Hồ officer lists the city board's %s or %s", city.NumberSymbol, secret.NumberSymbol)
		}
		own := page("own")
		if !strings.Contains(own, fmt.Sprintf(`<a href="/van-ban/%d">Hướng dẫn %s</a>`, city.ID, city.NumberSymbol)) || !strings.Contains(own, secret.NumberSymbol) {
			t.Errorf("71-HD/BTGTU for the city officer: want %s linked and %s listed", city.NumberSymbol, secret.NumberSymbol)
		}
		if strings.Contains(own, secretSubject) {
			t.Errorf("71-HD/BTGTU for the city officer, not granted: shows the confidential subject %q", secretSubject)
		}
	})
}

const secretSubject = "nắm tình hình tư tưởng vùng biên (mật, thử quyền)"
