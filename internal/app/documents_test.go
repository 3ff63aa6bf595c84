package app_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// laiChau is a small organisation for the document tests: the provincial
// propaganda board directs the city board and the provincial labour
// federation, each with units of its own. Codes name the units.
type laiChau struct {
	t     *testing.T
	s     *store.Store
	svc   *app.Service
	units map[string]org.Unit
	clock *time.Time
}

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// laiChauUnits are code, notation, name, family, kind and the code of the
// directing unit.
var laiChauUnits = [][6]string{
	{"btgtu", "BTGTU", "Ban Tuyên giáo Tỉnh ủy Lai Châu", "party", "party_board", ""},
	{"btgthu", "BTGThU", "Ban Tuyên giáo Thành ủy Lai Châu", "party", "party_board", "btgtu"},
	{"chibo-1", "CB1", "Chi bộ Khu phố 1", "party", "party_cell", "btgthu"},
	{"chibo-2", "CB2", "Chi bộ Khu phố 2", "party", "party_cell", "btgthu"},
	{"mttq-tp", "MTTQ", "Ủy ban MTTQ Việt Nam thành phố Lai Châu", "front", "front_committee", "btgthu"},
	{"pvh", "VHTT", "Phòng Văn hóa và Thông tin thành phố Lai Châu", "state", "state_office", "btgthu"},
	{"ttvh", "TTVH", "Trung tâm Văn hóa - Thể thao và Truyền thông thành phố Lai Châu", "state", "media_centre", "btgthu"},
	{"vhnt", "HVHNT", "Hội Văn học Nghệ thuật Lai Châu (chi hội thành phố)", "front", "association", "btgthu"},
	{"ldld", "LĐLĐ", "Liên đoàn Lao động tỉnh Lai Châu", "union", "union_federation", "btgtu"},
	{"ldld-td", "LĐLĐTĐ", "Liên đoàn Lao động huyện Tam Đường", "union", "union_federation", "ldld"},
	{"ldld-tp", "LĐLĐTP", "Liên đoàn Lao động thành phố Lai Châu", "union", "union_federation", "ldld"},
	{"cdn-gd", "CĐGD", "Công đoàn ngành Giáo dục", "union", "union_federation", "ldld"},
	{"cdvc", "CĐVC", "Công đoàn Viên chức tỉnh", "union", "union_federation", "ldld"},
	{"cdcs-yt", "CĐYT", "Công đoàn cơ sở Sở Y tế", "union", "grassroots_union", "ldld"},
	{"cdcs-bao", "CĐB", "Công đoàn cơ sở Báo Lai Châu", "union", "grassroots_union", "ldld"},
	{"cdcs-thcs", "CĐTH", "Công đoàn cơ sở Trường THCS Đoàn Kết", "union", "grassroots_union", "ldld-tp"},
	{"khac", "KHAC", "Ban Tuyên giáo Tỉnh ủy Điện Biên", "party", "party_board", ""},
}

// newLaiChau builds the organisation on s, with the service's clock set to
// day (the tests move it with at).
func newLaiChau(t *testing.T, dsn string, day string) *laiChau {
	t.Helper()
	now := date(day).Add(9 * time.Hour)
	w := &laiChau{t: t, units: map[string]org.Unit{}, clock: &now}
	w.s = storetest.Open(t, dsn, store.WithClock(func() time.Time { return *w.clock }))
	w.svc = app.New(w.s, nil)
	w.tx(func(ctx context.Context, tx *store.Tx) error {
		for _, u := range laiChauUnits {
			unit, err := tx.CreateUnit(ctx, org.Unit{Code: u[0], Notation: u[1], Name: u[2], Family: document.Family(u[3]),
				Kind: org.Kind(u[4]), Place: "Lai Châu", Valid: org.Span{From: date("2020-01-01")}})
			if err != nil {
				return err
			}
			w.units[u[0]] = unit
			if u[5] != "" {
				if err := tx.AddLink(ctx, org.Link{Parent: w.units[u[5]].ID, Child: unit.ID, Valid: org.Span{From: date("2020-01-01")}}); err != nil {
					return err
				}
			}
			if unit.Family == document.Party {
				if err := tx.SetTerm(ctx, org.Term{Unit: unit.ID, Starts: date("2020-10-15"), Ends: date("2025-10-15")}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return w
}

// at moves the clock to day.
func (w *laiChau) at(day string) { *w.clock = date(day).Add(9 * time.Hour) }

func (w *laiChau) id(code string) org.ID { return w.units[code].ID }

// tx runs setup code in a transaction and fails the test on error.
func (w *laiChau) tx(fn func(ctx context.Context, tx *store.Tx) error) {
	w.t.Helper()
	ctx := context.Background()
	if err := w.s.InTx(ctx, func(tx *store.Tx) error { return fn(ctx, tx) }); err != nil {
		w.t.Fatal(err)
	}
}

// person creates an account holding role in the units named by code and
// returns its actor.
func (w *laiChau) person(username string, role org.Role, codes ...string) app.Actor {
	w.t.Helper()
	acc := org.Account{Username: username, DisplayName: "Đồng chí " + username}
	for _, c := range codes {
		acc.Memberships = append(acc.Memberships, org.Membership{Unit: w.id(c), Role: role})
	}
	w.tx(func(ctx context.Context, tx *store.Tx) error {
		var err error
		acc, err = tx.CreateAccount(ctx, acc)
		return err
	})
	a, err := w.svc.ActorFor(context.Background(), acc.ID, "")
	if err != nil {
		w.t.Fatal(err)
	}
	return a
}

// register enters a document in a unit's register as the system would.
func (w *laiChau) register(code string, reg document.Register, m document.Metadata) document.Document {
	w.t.Helper()
	r, err := w.svc.RegisterIncoming(context.Background(), app.System(), w.id(code), app.RegisterInput{Metadata: m, Register: reg})
	if err != nil {
		w.t.Fatal(err)
	}
	return r.Document
}

func wantKind(t *testing.T, what string, err error, kind problem.Kind) {
	t.Helper()
	if problem.KindOf(err) != kind {
		t.Fatalf("%s: err = %v (%s), want %s", what, err, problem.KindOf(err), kind)
	}
}

// letter967 is the labour federation's letter, as a clerk's text file.
const letter967 = `LĐLĐ TỈNH LAI CHÂU                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
BAN THƯỜNG VỤ                     Độc lập - Tự do - Hạnh phúc
Số: 967/LĐLĐ                      Lai Châu, ngày 11 tháng 7 năm 2022
V/v tuyên truyền Chỉ thị số 12-CT/TW

Kính gửi:
- Liên đoàn Lao động các huyện, thành phố;
- Các Công đoàn Ngành, Công đoàn Viên chức;
- Các Công đoàn cơ sở trực thuộc.

Thực hiện Hướng dẫn số 71-HD/BTGTU ngày 22/6/2022 của Ban Tuyên giáo Tỉnh ủy về tuyên truyền Chỉ thị số 12-CT/TW ngày 05/01/2022 của Ban Bí thư, Ban Thường vụ Liên đoàn Lao động tỉnh đề nghị các đơn vị tổ chức tuyên truyền đến đoàn viên, người lao động; kết quả báo cáo trong báo cáo năm 2022.

Nơi nhận:                          TM. BAN THƯỜNG VỤ
- Như kính gửi;                    PHÓ CHỦ TỊCH
- Lưu: VT.
                                   Đông Thị Nghĩa
`

func TestReadDocumentProposesMetadataAndWarnsOfDuplicates(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2022-07-12")
		ctx := context.Background()
		clerk := w.person("vanthu-tp", org.Clerk, "ldld-tp")
		file := []byte(letter967)
		r, err := w.svc.ReadDocument(ctx, clerk, "967.txt", file)
		if err != nil {
			t.Fatal(err)
		}
		if r.Metadata.NumberSymbol != "967/LĐLĐ" || r.Metadata.Date != "2022-07-11" || len(r.Metadata.Assignments) != 3 {
			t.Fatalf("read %q of %s with %d assignments, want 967/LĐLĐ of 2022-07-11 with 3", r.Metadata.NumberSymbol, r.Metadata.Date, len(r.Metadata.Assignments))
		}
		if len(r.Duplicates) != 0 {
			t.Fatalf("duplicates before anything is stored: %v", r.Duplicates)
		}
		// Reading stores nothing.
		page, err := w.svc.Register(ctx, clerk, store.RegisterFilter{Unit: w.id("ldld-tp"), Register: document.Incoming})
		if err != nil || page.Total != 0 {
			t.Fatalf("register after reading: %d lines, %v; want none", page.Total, err)
		}
		reg, err := w.svc.RegisterIncoming(ctx, clerk, w.id("ldld-tp"), app.RegisterInput{Metadata: r.Metadata, FileName: "967.txt", File: file, Text: r.Text})
		if err != nil {
			t.Fatal(err)
		}
		// The same file again, and the same letter typed from paper.
		again, err := w.svc.ReadDocument(ctx, clerk, "967 (1).txt", file)
		if err != nil {
			t.Fatal(err)
		}
		if len(again.Duplicates) != 1 || again.Duplicates[0].ID != reg.Document.ID {
			t.Fatalf("same file: duplicates %v, want document %d", again.Duplicates, reg.Document.ID)
		}
		retyped := strings.Replace(letter967, "Đông Thị Nghĩa", "Đông Thị Nghĩa (bản chụp)", 1)
		again, err = w.svc.ReadDocument(ctx, clerk, "967.txt", []byte(retyped))
		if err != nil {
			t.Fatal(err)
		}
		if len(again.Duplicates) != 1 || again.Duplicates[0].ID != reg.Document.ID {
			t.Fatalf("same number, issuer and date: duplicates %v, want document %d", again.Duplicates, reg.Document.ID)
		}
		// A collaborator does not register documents.
		_, err = w.svc.ReadDocument(ctx, w.person("ctv", org.Collaborator, "ldld-tp"), "967.txt", file)
		wantKind(t, "collaborator reads a file for registration", err, problem.Forbidden)
	})
}

func TestRegisterIncomingKeepsOneDocumentInManyRegisters(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2022-06-24")
		ctx := context.Background()
		cityClerk := w.person("vanthu-thu", org.Clerk, "btgthu")
		unionClerk := w.person("vanthu-ld", org.Clerk, "ldld")
		guidance := document.Metadata{Family: document.Party, DocType: "Hướng dẫn", NumberSymbol: "71-HD/BTGTU", Issuer: "Ban Tuyên giáo Tỉnh ủy",
			Date: "2022-06-22", Subject: "Tuyên truyền Chỉ thị 12-CT/TW"}
		first, err := w.svc.RegisterIncoming(ctx, cityClerk, w.id("btgthu"), app.RegisterInput{Metadata: guidance})
		if err != nil {
			t.Fatal(err)
		}
		w.at("2022-06-25")
		// The union's clerk typed the issuer in capitals, without accents.
		typed := guidance
		typed.Issuer = "BAN TUYEN GIAO TINH UY"
		second, err := w.svc.RegisterIncoming(ctx, unionClerk, w.id("ldld"), app.RegisterInput{Metadata: typed})
		if err != nil {
			t.Fatal(err)
		}
		if !second.Existing || second.Document.ID != first.Document.ID {
			t.Fatalf("second unit's registration: existing %v, document %d; want the same document %d", second.Existing, second.Document.ID, first.Document.ID)
		}
		if first.Entry.No != 1 || second.Entry.No != 1 || !second.Entry.On.Equal(date("2022-06-25")) {
			t.Fatalf("arrival numbers %d and %d (second on %s), want 1 in each unit, the second on 2022-06-25", first.Entry.No, second.Entry.No, second.Entry.On)
		}
		next, err := w.svc.RegisterIncoming(ctx, cityClerk, w.id("btgthu"), app.RegisterInput{ArrivedOn: date("2022-06-26"),
			Metadata: document.Metadata{DocType: "Công văn", NumberSymbol: "674-CV/ThU", Issuer: "Thành ủy Lai Châu", Date: "2022-05-25", Subject: "V/v học tập"}})
		if err != nil {
			t.Fatal(err)
		}
		if next.Existing || next.Entry.No != 2 {
			t.Fatalf("next document in the city register: existing %v, arrival number %d; want a new document numbered 2", next.Existing, next.Entry.No)
		}
		_, err = w.svc.RegisterIncoming(ctx, cityClerk, w.id("btgthu"), app.RegisterInput{Metadata: guidance})
		wantKind(t, "the same document twice in one register", err, problem.Conflict)
		_, err = w.svc.RegisterIncoming(ctx, cityClerk, w.id("ldld"), app.RegisterInput{Metadata: guidance})
		wantKind(t, "a clerk registers for another unit", err, problem.Forbidden)
		_, err = w.svc.RegisterIncoming(ctx, w.person("cv-thu", org.Officer, "btgthu"), w.id("btgthu"), app.RegisterInput{Metadata: guidance, Register: document.Reference})
		wantKind(t, "an officer registers", err, problem.Forbidden)
		_, err = w.svc.RegisterIncoming(ctx, cityClerk, w.id("btgthu"), app.RegisterInput{Metadata: guidance, Register: document.Outgoing})
		wantKind(t, "an incoming document entered as outgoing", err, problem.Invalid)
	})
}

func TestConfidentialDocumentOpensOnlyWithAGrant(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newLaiChau(t, dsn, "2022-08-01")
		ctx := context.Background()
		clerk := w.person("vanthu-thu", org.Clerk, "btgthu")
		leader := w.person("truongban", org.Leader, "btgtu") // leads the board that directs the city board
		reg, err := w.svc.RegisterIncoming(ctx, clerk, w.id("btgthu"), app.RegisterInput{Metadata: document.Metadata{
			DocType: "Báo cáo", NumberSymbol: "20-BC/BTGThU", Issuer: "Ban Tuyên giáo Thành ủy", Date: "2022-07-30",
			Subject: "Tình hình tư tưởng cán bộ, đảng viên", Confidentiality: "Mật"}})
		if err != nil {
			t.Fatal(err)
		}
		id := reg.Document.ID
		_, err = w.svc.Document(ctx, leader, id)
		wantKind(t, "the leader above opens a Mật document without a grant", err, problem.Forbidden)
		page, err := w.svc.Register(ctx, leader, store.RegisterFilter{Unit: w.id("btgthu"), Register: document.Incoming})
		if err != nil || len(page.Entries) != 1 {
			t.Fatalf("the leader reads the city register: %v, %v", page, err)
		}
		if got := page.Entries[0].Document; got.NumberSymbol != "20-BC/BTGThU" || got.Subject != "" {
			t.Fatalf("register line shown without a grant: %q %q, want the number and no subject", got.NumberSymbol, got.Subject)
		}
		// The clerk who entered it may open it and grant it.
		if _, err := w.svc.Document(ctx, clerk, id); err != nil {
			t.Fatalf("the registering clerk opens the document: %v", err)
		}
		other := w.person("vanthu-ld", org.Clerk, "ldld")
		wantKind(t, "a clerk of another unit grants it", w.svc.GrantDocument(ctx, other, id, leader.Account), problem.Forbidden)
		if err := w.svc.GrantDocument(ctx, clerk, id, leader.Account); err != nil {
			t.Fatal(err)
		}
		d, err := w.svc.Document(ctx, leader, id)
		if err != nil || d.Subject != "Tình hình tư tưởng cán bộ, đảng viên" {
			t.Fatalf("the leader opens it once granted: %q, %v", d.Subject, err)
		}
		// Ordinary documents follow the organisation: the leader above sees
		// the city's, the federation's clerk does not.
		plain := w.register("btgthu", document.Reference, document.Metadata{NumberSymbol: "21-BC/BTGThU", Issuer: "Ban Tuyên giáo Thành ủy", Subject: "Báo cáo tháng"})
		if _, err := w.svc.Document(ctx, leader, plain.ID); err != nil {
			t.Fatalf("the leader above opens an ordinary city document: %v", err)
		}
		_, err = w.svc.Document(ctx, other, plain.ID)
		wantKind(t, "another unit's clerk opens a city document", err, problem.Forbidden)
	})
}
