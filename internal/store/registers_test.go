package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"lantoa/internal/document"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

func TestRegisterListsFiltersSearchesAndPages(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		unit := newUnit(t, s, "btgthu", document.Party)
		other := newUnit(t, s, "ldld", document.Union)
		incoming := []struct {
			ns, typ, issuer, date, subject, arrived string
			status                                  document.Status
		}{
			{"12-CT/TW", "Chỉ thị", "Ban Bí thư", "2022-01-05", "Về tăng cường công tác tuyên truyền", "2022-01-10", document.Received},
			{"71-HD/BTGTU", "Hướng dẫn", "Ban Tuyên giáo Tỉnh ủy", "2022-06-22", "Tuyên truyền Chỉ thị 12-CT/TW về thông tin đối ngoại", "2022-06-24", document.Received},
			{"72-HD/BTGTU", "Hướng dẫn", "Ban Tuyên giáo Tỉnh ủy", "2022-06-24", "Tuyên truyền Nghị quyết 15-NQ/TW", "2022-06-27", document.Received},
			{"674-CV/ThU", "Công văn", "Thành ủy Lai Châu", "2022-05-25", "V/v học tập, quán triệt Nghị quyết", "2022-05-26", document.Replaced},
		}
		var arrivalNos []int64
		err := s.InTx(ctx, func(tx *store.Tx) error {
			for _, in := range incoming {
				d, err := tx.CreateDocument(ctx, document.Document{Status: in.status, Metadata: document.Metadata{
					NumberSymbol: in.ns, DocType: in.typ, Issuer: in.issuer, Date: in.date, Subject: in.subject}})
				if err != nil {
					return err
				}
				e, err := tx.Enter(ctx, d.ID, unit.ID, document.Incoming, day(in.arrived), 0)
				if err != nil {
					return err
				}
				arrivalNos = append(arrivalNos, e.No)
			}
			// Another unit's register and this unit's outgoing one stay apart.
			d, err := tx.CreateDocument(ctx, document.Document{Status: document.Issued, Metadata: document.Metadata{
				NumberSymbol: "15-HD/BTGThU", DocType: "Hướng dẫn", Date: "2022-07-20", Subject: "Tuyên truyền Chỉ thị 12"}})
			if err != nil {
				return err
			}
			if _, err := tx.Enter(ctx, d.ID, unit.ID, document.Outgoing, day("2022-07-20"), 15); err != nil {
				return err
			}
			_, err = tx.Enter(ctx, d.ID, other.ID, document.Incoming, day("2022-07-21"), 0)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(arrivalNos, []int64{1, 2, 3, 4}) {
			t.Fatalf("arrival numbers = %v, want 1..4", arrivalNos)
		}
		list := func(f store.RegisterFilter) ([]string, int) {
			t.Helper()
			if f.Unit == 0 {
				f.Unit = unit.ID
			}
			if f.Register == "" {
				f.Register = document.Incoming
			}
			var page store.RegisterPage
			err := s.View(ctx, func(tx *store.Tx) error {
				var err error
				page, err = tx.RegisterEntries(ctx, f)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range page.Entries {
				got = append(got, fmt.Sprintf("%d %s", e.No, e.Document.NumberSymbol))
			}
			return got, page.Total
		}
		cases := []struct {
			name  string
			f     store.RegisterFilter
			want  []string
			total int
		}{
			{"newest first", store.RegisterFilter{}, []string{"3 72-HD/BTGTU", "2 71-HD/BTGTU", "4 674-CV/ThU", "1 12-CT/TW"}, 4},
			{"paged", store.RegisterFilter{Limit: 2, Offset: 2}, []string{"4 674-CV/ThU", "1 12-CT/TW"}, 4},
			{"type", store.RegisterFilter{DocType: "Hướng dẫn"}, []string{"3 72-HD/BTGTU", "2 71-HD/BTGTU"}, 2},
			{"issuer without accents", store.RegisterFilter{Issuer: "tuyen giao tinh uy"}, []string{"3 72-HD/BTGTU", "2 71-HD/BTGTU"}, 2},
			{"dates", store.RegisterFilter{From: day("2022-05-26"), To: day("2022-06-24")}, []string{"2 71-HD/BTGTU", "4 674-CV/ThU"}, 2},
			{"status", store.RegisterFilter{Status: document.Replaced}, []string{"4 674-CV/ThU"}, 1},
			{"subject words, any accents", store.RegisterFilter{Query: "THÔNG TIN doi ngoai"}, []string{"2 71-HD/BTGTU"}, 1},
			{"number", store.RegisterFilter{Query: "12-ct"}, []string{"2 71-HD/BTGTU", "1 12-CT/TW"}, 2},
			{"wildcards are plain text", store.RegisterFilter{Query: "%"}, nil, 0},
			{"outgoing", store.RegisterFilter{Register: document.Outgoing}, []string{"15 15-HD/BTGThU"}, 1},
		}
		for _, c := range cases {
			got, total := list(c.f)
			if !slices.Equal(got, c.want) || total != c.total {
				t.Errorf("%s: got %v (total %d), want %v (total %d)", c.name, got, total, c.want, c.total)
			}
		}
	})
}

func TestDocumentEntersEachRegisterOnce(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		unit := newUnit(t, s, "a", document.State)
		var id document.ID
		err := s.InTx(ctx, func(tx *store.Tx) error {
			d, err := tx.CreateDocument(ctx, doc("5/UBND", "Công văn", "2022-03-01"))
			id = d.ID
			if err == nil {
				_, err = tx.Enter(ctx, d.ID, unit.ID, document.Incoming, day("2022-03-02"), 0)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		err = s.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.Enter(ctx, id, unit.ID, document.Incoming, day("2022-03-03"), 0)
			return err
		})
		if problem.KindOf(err) != problem.Conflict {
			t.Fatalf("second incoming entry: err = %v, want conflict", err)
		}
		// The refused entry gave its arrival number back.
		err = s.InTx(ctx, func(tx *store.Tx) error {
			n, err := tx.NextArrival(ctx, unit.ID, day("2022-03-03"))
			if err == nil && n != 2 {
				t.Errorf("next arrival number = %d, want 2", n)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

func TestDuplicatesAreFoundByNotationIssuerDateOrFile(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		file := []byte("nội dung tệp gốc")
		var stored document.Document
		err := s.InTx(ctx, func(tx *store.Tx) error {
			sha, err := tx.PutBlob(ctx, file)
			if err != nil {
				return err
			}
			stored, err = tx.CreateDocument(ctx, document.Document{Status: document.Received, File: document.File{SHA256: sha, Name: "71.pdf"},
				Metadata: document.Metadata{NumberSymbol: "71-HD/BTGTU", Issuer: "Ban Tuyên giáo Tỉnh ủy", Date: "2022-06-22", Subject: "Hướng dẫn"}})
			if err != nil {
				return err
			}
			// Another province's board used the same number another year.
			_, err = tx.CreateDocument(ctx, document.Document{Status: document.Received,
				Metadata: document.Metadata{NumberSymbol: "71-HD/BTGTU", Issuer: "Ban Tuyên giáo Tỉnh ủy", Date: "2021-03-02", Subject: "Hướng dẫn"}})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		find := func(m document.Metadata, sha string) []document.ID {
			var ids []document.ID
			s.View(ctx, func(tx *store.Tx) error {
				ds, err := tx.Duplicates(ctx, m, sha)
				if err != nil {
					t.Fatal(err)
				}
				for _, d := range ds {
					ids = append(ids, d.ID)
				}
				return nil
			})
			return ids
		}
		same := document.Metadata{NumberSymbol: "71 - HD/BTGTU", Issuer: "BAN TUYÊN GIÁO TỈNH UỶ", Date: "2022-06-22"}
		if got := find(same, ""); !slices.Equal(got, []document.ID{stored.ID}) {
			t.Errorf("same notation, issuer and date: %v, want [%d]", got, stored.ID)
		}
		if got := find(document.Metadata{NumberSymbol: "71-HD/BTGTU", Issuer: "Ban Tuyên giáo Tỉnh ủy", Date: "2022-06-23"}, ""); len(got) != 0 {
			t.Errorf("another date: %v, want none", got)
		}
		if got := find(document.Metadata{}, store.BlobKey(file)); !slices.Equal(got, []document.ID{stored.ID}) {
			t.Errorf("same file: %v, want [%d]", got, stored.ID)
		}
		s.View(ctx, func(tx *store.Tx) error {
			id, ok, err := tx.SameDocument(ctx, same)
			if err != nil || !ok || id != stored.ID {
				t.Errorf("SameDocument = %d, %v, %v; want %d", id, ok, err, stored.ID)
			}
			return nil
		})
	})
}
