package app_test

import (
	"context"
	"testing"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// A search finds what the person may open: their units' documents, those
// of the units their own direct when they lead, and confidential content
// only with a grant.
func TestSearchShowsWhatThePersonMayOpen(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2022-08-01")
		ctx := context.Background()
		clerk := w.person("vanthu-thu", org.Clerk, "btgthu")
		leader := w.person("truongban", org.Leader, "btgtu")
		other := w.person("vanthu-ld", org.Clerk, "ldld")
		if _, err := w.svc.RegisterIncoming(ctx, clerk, w.id("btgthu"), app.RegisterInput{Metadata: document.Metadata{
			DocType: "Báo cáo", NumberSymbol: "20-BC/BTGThU", Issuer: "Ban Tuyên giáo Thành ủy", Date: "2022-07-30",
			Subject: "Tình hình tư tưởng cán bộ, đảng viên", Confidentiality: "Mật"}}); err != nil {
			t.Fatal(err)
		}
		w.register("btgthu", document.Incoming, document.Metadata{NumberSymbol: "21-BC/BTGThU", DocType: "Báo cáo",
			Issuer: "Ban Tuyên giáo Thành ủy", Date: "2022-07-31", Subject: "Tư tưởng đoàn viên thanh niên"})
		found := func(a app.Actor, q string) []string {
			t.Helper()
			p, err := w.svc.Search(ctx, a, store.SearchFilter{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, h := range p.Hits {
				out = append(out, h.Document.NumberSymbol+" "+h.Document.Subject)
			}
			return out
		}
		if got := found(clerk, "tu tuong"); len(got) != 2 {
			t.Errorf("the clerk who entered both found %v", got)
		}
		if got := found(leader, "tu tuong"); len(got) != 1 || got[0] != "21-BC/BTGThU Tư tưởng đoàn viên thanh niên" {
			t.Errorf("the leader above, not granted, found %v", got)
		}
		if got := found(leader, "20-BC/BTGThU"); len(got) != 1 || got[0] != "20-BC/BTGThU " {
			t.Errorf("by its number the leader sees the line without its subject: %v", got)
		}
		if got := found(other, "tu tuong"); len(got) != 0 {
			t.Errorf("another unit's clerk found %v", got)
		}
		if got := found(app.System(), "dang vien"); len(got) != 1 {
			t.Errorf("the system found %v", got)
		}
		_, err := w.svc.Search(ctx, other, store.SearchFilter{Query: "bao cao", Units: []org.ID{w.id("btgthu")}})
		wantKind(t, "searching a unit one does not see", err, problem.Forbidden)
	})
}
