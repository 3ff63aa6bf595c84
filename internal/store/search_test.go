package store_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// searchCorpus is a few documents in the shapes a search must tell apart:
// the directive and documents citing it, both tone placements, đ,
// capitals, a notation with Đ, a confidential document.
var searchCorpus = []document.Document{
	{Status: document.Received, Metadata: document.Metadata{NumberSymbol: "12-CT/TW", Number: "12", DocType: "Chỉ thị", Issuer: "Ban Chấp hành Trung ương",
		Date: "2022-01-10", Subject: "Về tăng cường công tác đối ngoại nhân dân trong tình hình mới", SignerName: "Nguyễn Phú Trọng"},
		Body: "Công tác đối ngoại nhân dân là bộ phận quan trọng của công tác đối ngoại của Đảng."},
	{Status: document.Received, Metadata: document.Metadata{NumberSymbol: "71-HD/BTGTU", DocType: "Hướng dẫn", Issuer: "Ban Tuyên giáo Tỉnh uỷ",
		Date: "2022-03-02", Subject: "Tuyên truyền Chỉ thị số 12-CT/TW"},
		Body: "Căn cứ Chỉ thị số 12-CT/TW ngày 10/01/2022 về công tác đối ngoại nhân dân, Ban Tuyên giáo Tỉnh ủy hướng dẫn."},
	{Status: document.Received, Metadata: document.Metadata{NumberSymbol: "967/LĐLĐ", DocType: "Công văn", Issuer: "Liên đoàn Lao động tỉnh",
		Date: "2022-04-15", Subject: "Triển khai văn hoá công sở"},
		Body: "Thực hiện Hướng dẫn số 71-HD/BTGTU, Liên đoàn Lao động tỉnh đề nghị các công đoàn cơ sở tổ chức học tập."},
	{Status: document.Issued, Metadata: document.Metadata{NumberSymbol: "05-KH/ĐTN", DocType: "Kế hoạch", Issuer: "Tỉnh đoàn",
		Date: "2022-05-20", Subject: "TỔ CHỨC HỌC TẬP CHỈ THỊ 12 VỀ ĐỐI NGOẠI"},
		Body: "Đoàn viên thanh niên tìm hiểu văn hóa đối ngoại; số 967/LĐLĐ không liên quan."},
	{Status: document.Received, Metadata: document.Metadata{NumberSymbol: "30/2020/NĐ-CP", DocType: "Nghị định", Issuer: "Chính phủ",
		Date: "2020-03-05", Subject: "Về công tác văn thư", SignerName: "Nguyễn Xuân Phúc"},
		Body: "Nghị định này quy định về công tác văn thư và quản lý nhà nước về công tác văn thư."},
	{Status: document.Received, Metadata: document.Metadata{NumberSymbol: "07-CV/TU", DocType: "Công văn", Issuer: "Tỉnh uỷ",
		Date: "2022-06-01", Confidentiality: "Mật", Subject: "Tình hình an ninh biên giới"},
		Body: "Nội dung về an ninh biên giới và đối ngoại nhân dân vùng biên."},
}

// searchQueries are what the engines are compared on.
var searchQueries = []string{
	"chi thi 12 doi ngoai", "Chỉ thị 12-CT/TW", "12-CT/TW", "967/LĐLĐ", "967/LDLD", "71-HD/BTGTU", "văn hóa", "VĂN HOÁ", "van hoa",
	"uỷ", "ủy", "đối ngoại", "doi ngoai nhan dan", "dang", "an ninh bien gioi", "07-CV/TU", "nguyen phu trong", "van thu",
	"hoc tap", "không có chữ này",
}

// fillSearchCorpus stores the corpus, each in unit's incoming register,
// and returns the ids in corpus order.
func fillSearchCorpus(t *testing.T, s *store.Store, unit org.ID) []document.ID {
	t.Helper()
	ctx := context.Background()
	var ids []document.ID
	err := s.InTx(ctx, func(tx *store.Tx) error {
		for _, d := range searchCorpus {
			d, err := tx.CreateDocument(ctx, d)
			if err != nil {
				return err
			}
			if _, err := tx.Enter(ctx, d.ID, unit, document.Incoming, day("2022-06-10"), 0); err != nil {
				return err
			}
			ids = append(ids, d.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func search(t *testing.T, s *store.Store, f store.SearchFilter) store.SearchPage {
	t.Helper()
	var p store.SearchPage
	err := s.View(context.Background(), func(tx *store.Tx) error {
		var err error
		p, err = tx.SearchDocuments(context.Background(), f)
		return err
	})
	if err != nil {
		t.Fatalf("search %q: %v", f.Query, err)
	}
	return p
}

// numbers are the numbers and notations of the hits, in order.
func numbers(p store.SearchPage) []string {
	out := []string{}
	for _, h := range p.Hits {
		out = append(out, h.Document.NumberSymbol)
	}
	return out
}

func TestSearchFindsWhateverTheAccentsAndRanksTheNotationFirst(t *testing.T) {
	results := map[string]map[string][]string{} // engine → query → numbers
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		unit := newUnit(t, s, "btgtu", document.Party)
		fillSearchCorpus(t, s, unit.ID)
		got := map[string][]string{}
		for _, q := range searchQueries {
			got[q] = numbers(search(t, s, store.SearchFilter{Query: q, System: true}))
		}
		results[t.Name()] = got
		want := map[string][]string{
			// every word, in the number, subject or body: the document
			// numbered by one of the words first, then every word in the
			// heading, then in the body, the latest entered first
			"chi thi 12 doi ngoai": {"12-CT/TW", "05-KH/ĐTN", "71-HD/BTGTU"},
			"12-CT/TW":             {"12-CT/TW", "71-HD/BTGTU"},
			"967/LĐLĐ":             {"967/LĐLĐ", "05-KH/ĐTN"},
			"71-HD/BTGTU":          {"71-HD/BTGTU", "967/LĐLĐ"},
			"văn hóa":              {"967/LĐLĐ", "05-KH/ĐTN"},
			"nguyen phu trong":     {"12-CT/TW"},
			"không có chữ này":     {},
		}
		for q, w := range want {
			if !reflect.DeepEqual(got[q], w) {
				t.Errorf("%q found %v, want %v", q, got[q], w)
			}
		}
		for _, same := range [][]string{{"văn hóa", "VĂN HOÁ", "van hoa"}, {"uỷ", "ủy"}, {"967/LĐLĐ", "967/LDLD"}} {
			for _, q := range same[1:] {
				if !reflect.DeepEqual(got[q], got[same[0]]) {
					t.Errorf("%q found %v, %q found %v", q, got[q], same[0], got[same[0]])
				}
			}
		}
		if got := got["dang"]; len(got) != 1 || got[0] != "12-CT/TW" {
			t.Errorf("dang (Đảng) found %v", got)
		}
	})
	sqlite, pg := results["TestSearchFindsWhateverTheAccentsAndRanksTheNotationFirst/sqlite"], results["TestSearchFindsWhateverTheAccentsAndRanksTheNotationFirst/postgres"]
	if sqlite == nil || pg == nil {
		return // PostgreSQL skipped
	}
	for _, q := range searchQueries {
		if !reflect.DeepEqual(sqlite[q], pg[q]) {
			t.Errorf("%q: SQLite found %v, PostgreSQL %v", q, sqlite[q], pg[q])
		}
	}
}

func TestSearchSnippetMarksTheWordsAsPrinted(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		unit := newUnit(t, s, "btgtu", document.Party)
		fillSearchCorpus(t, s, unit.ID)
		p := search(t, s, store.SearchFilter{Query: "doi ngoai nhan dan", System: true, Limit: 1})
		if len(p.Hits) != 1 {
			t.Fatalf("found %v", numbers(p))
		}
		html := p.Hits[0].Snippet.HTML()
		if !strings.Contains(html, "<mark>đối</mark> <mark>ngoại</mark> <mark>nhân</mark> <mark>dân</mark>") {
			t.Errorf("snippet %s", html)
		}
		p = search(t, s, store.SearchFilter{Query: "truyen", System: true})
		if got := p.Hits[0].Snippet.HTML(); got != "Tuyên <mark>truyền</mark> Chỉ thị số 12-CT/TW" {
			t.Errorf("snippet of a subject match %s", got)
		}
		if got := store.MakeSnippet([]string{"a"}, "", "<b> & a").HTML(); got != "&lt;b&gt; &amp; <mark>a</mark>" {
			t.Errorf("snippet not escaped: %s", got)
		}
	})
}

// A confidential document is found by what identifies it by anyone who
// sees its register, by its content only by those granted it; its
// snippet then tells nothing of the content.
func TestSearchConfidentialContentOnlyForTheGranted(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		unit := newUnit(t, s, "btgtu", document.Party)
		other := newUnit(t, s, "ldld", document.Union)
		ids := fillSearchCorpus(t, s, unit.ID)
		secret := ids[5]
		var clerk, granted int64
		err := s.InTx(ctx, func(tx *store.Tx) error {
			a, err := tx.CreateAccount(ctx, org.Account{Username: "vanthu"})
			if err != nil {
				return err
			}
			b, err := tx.CreateAccount(ctx, org.Account{Username: "lanhdao"})
			if err != nil {
				return err
			}
			clerk, granted = a.ID, b.ID
			return tx.Grant(ctx, granted, secret, clerk)
		})
		if err != nil {
			t.Fatal(err)
		}
		find := func(q string, account int64, units ...org.ID) store.SearchPage {
			return search(t, s, store.SearchFilter{Query: q, Account: account, Units: units})
		}
		if p := find("an ninh bien gioi", clerk, unit.ID); p.Total != 0 {
			t.Errorf("the clerk found the confidential document by its subject: %v", numbers(p))
		}
		if p := find("doi ngoai nhan dan", clerk, unit.ID); strings.Contains(fmt.Sprint(numbers(p)), "07-CV/TU") {
			t.Errorf("the clerk found the confidential document by its body: %v", numbers(p))
		}
		p := find("07-CV/TU", clerk, unit.ID)
		if p.Total != 1 || p.Hits[0].Open || strings.Contains(p.Hits[0].Snippet.Plain("", ""), "biên giới") {
			t.Errorf("by its number: %+v", p.Hits)
		}
		if p := find("an ninh bien gioi", granted); p.Total != 1 || !p.Hits[0].Open {
			t.Errorf("the person granted it did not find it by its subject: %v", numbers(p))
		}
		if p := find("van thu", clerk, other.ID); p.Total != 0 {
			t.Errorf("another unit's documents found: %v", numbers(p))
		}
	})
}

func TestSearchFiltersAndPages(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		unit := newUnit(t, s, "btgtu", document.Party)
		fillSearchCorpus(t, s, unit.ID)
		// "cong" is in the heading of all but 71-HD/BTGTU, which comes
		// after; the latest entered first
		cases := []struct {
			f    store.SearchFilter
			want []string
		}{
			{store.SearchFilter{Query: "cong", DocType: "Công văn"}, []string{"07-CV/TU", "967/LĐLĐ"}},
			{store.SearchFilter{Query: "cong", Issuer: "lien doan"}, []string{"967/LĐLĐ"}},
			{store.SearchFilter{Query: "doi ngoai", Status: document.Issued}, []string{"05-KH/ĐTN"}},
			{store.SearchFilter{Query: "cong", From: day("2022-01-01"), To: day("2022-04-15")}, []string{"967/LĐLĐ", "12-CT/TW", "71-HD/BTGTU"}},
			{store.SearchFilter{Query: "cong", Register: document.Incoming, Units: []org.ID{unit.ID}}, []string{"07-CV/TU", "30/2020/NĐ-CP", "967/LĐLĐ", "12-CT/TW", "71-HD/BTGTU"}},
			{store.SearchFilter{Query: "cong", Register: document.Outgoing, Units: []org.ID{unit.ID}}, []string{}},
		}
		for _, c := range cases {
			c.f.System = true
			if got := numbers(search(t, s, c.f)); !reflect.DeepEqual(got, c.want) {
				t.Errorf("%+v found %v, want %v", c.f, got, c.want)
			}
		}
		all := search(t, s, store.SearchFilter{Query: "cong", System: true})
		var paged []string
		for off := 0; off < all.Total+2; off += 2 {
			p := search(t, s, store.SearchFilter{Query: "cong", System: true, Limit: 2, Offset: off})
			if p.Total != all.Total {
				t.Errorf("page at %d counts %d, want %d", off, p.Total, all.Total)
			}
			paged = append(paged, numbers(p)...)
		}
		if !reflect.DeepEqual(paged, numbers(all)) {
			t.Errorf("pages %v, at once %v", paged, numbers(all))
		}
	})
}

// The index follows every change of a document's text: a draft issued
// with its number, a file attached later; and a database made before the
// index is filled when it is opened.
func TestSearchIndexKeepsUp(t *testing.T) {
	storetest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		unit := newUnit(t, s, "btgtu", document.Party)
		var draft, bare document.Document
		err := s.InTx(ctx, func(tx *store.Tx) error {
			var err error
			if draft, err = tx.CreateDraft(ctx, document.Document{Metadata: document.Metadata{DocType: "Kế hoạch", Subject: "Tuyên truyền biển đảo",
				Issuer: "Ban Tuyên giáo", Family: document.Party}, IssuerUnit: int64(unit.ID)}, store.DraftPlan{}); err != nil {
				return err
			}
			bare, err = tx.CreateDocument(ctx, document.Document{Status: document.Received, Metadata: document.Metadata{NumberSymbol: "3/TB"}})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		err = s.InTx(ctx, func(tx *store.Tx) error {
			draft.NumberSymbol, draft.Number, draft.Symbol, draft.Date = "88-KH/BTGTU", "88", "KH/BTGTU", "2022-07-01"
			if _, err := tx.IssueDraft(ctx, draft); err != nil {
				return err
			}
			sha, err := tx.PutBlob(ctx, []byte("thông báo"))
			if err != nil {
				return err
			}
			return tx.AttachFile(ctx, bare.ID, document.File{SHA256: sha, Name: "tb.txt"}, "Thông báo lịch tiếp công dân")
		})
		if err != nil {
			t.Fatal(err)
		}
		for q, want := range map[string]string{"88-KH/BTGTU": "88-KH/BTGTU", "bien dao": "88-KH/BTGTU", "tiep cong dan": "3/TB"} {
			if got := numbers(search(t, s, store.SearchFilter{Query: q, System: true})); len(got) != 1 || got[0] != want {
				t.Errorf("%q found %v, want %s", q, got, want)
			}
		}
		if err := store.RefillSearchIndex(ctx, s); err != nil {
			t.Fatal(err)
		}
		if got := numbers(search(t, s, store.SearchFilter{Query: "tiep cong dan", System: true})); len(got) != 1 {
			t.Errorf("after the index is filled again: %v", got)
		}
	})
}
