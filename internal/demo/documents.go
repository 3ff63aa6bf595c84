package demo

import (
	"context"
	"fmt"

	"lantoa/examples"
	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/task"
)

// A directive known only by its metadata: the demo keeps it for linking,
// with a short summary of ours as its text.
type reference struct {
	meta      document.Metadata
	issuer    string   // unit code
	arrivesAt []string // unit codes that enter it, incoming
	arrivedOn string
	summary   string
}

var references = []reference{
	{meta: document.Metadata{Family: document.Party, DocType: "Chỉ thị", Number: "12", Symbol: "CT/TW", NumberSymbol: "12-CT/TW",
		Issuer: "Ban Bí thư", ParentIssuer: "Ban Chấp hành Trung ương", Place: "Hà Nội", Date: "2022-01-05",
		Subject:        "về tăng cường sự lãnh đạo của Đảng, nâng cao hiệu quả công tác đối ngoại nhân dân trong tình hình mới",
		SignerCapacity: []string{"T/M BAN BÍ THƯ"}},
		issuer: "tw-bbt", arrivesAt: []string{"ltu", "ltu-btg"}, arrivedOn: "2022-01-10",
		summary: "Tóm tắt (dữ liệu mẫu): Chỉ thị đánh giá mười năm đối ngoại nhân dân kể từ Chỉ thị 04-CT/TW và giao tám nhóm nhiệm vụ: quán triệt quan điểm của Đảng về đối ngoại; tăng cường lãnh đạo và phối hợp giữa ba trụ cột đối ngoại; thực hiện nhất quán đường lối độc lập, tự chủ, đa phương hóa, đa dạng hóa; đổi mới nội dung, phương thức hoạt động đối ngoại nhân dân."},
	{meta: document.Metadata{Family: document.Party, DocType: "Nghị quyết", Number: "15", Symbol: "NQ/TW", NumberSymbol: "15-NQ/TW",
		Issuer: "Bộ Chính trị", ParentIssuer: "Ban Chấp hành Trung ương", Place: "Hà Nội", Date: "2022-05-05",
		Subject:        "về phương hướng, nhiệm vụ phát triển Thủ đô Hà Nội đến năm 2030, tầm nhìn đến năm 2045",
		SignerCapacity: []string{"T/M BỘ CHÍNH TRỊ", "TỔNG BÍ THƯ"}},
		issuer: "tw-bct", arrivesAt: []string{"ltu", "ltu-btg"}, arrivedOn: "2022-05-10",
		summary: "Tóm tắt (dữ liệu mẫu): Nghị quyết định hướng xây dựng Thủ đô \"Văn hiến - Văn minh - Hiện đại\" đến năm 2030, tầm nhìn đến năm 2045, với phương châm \"Cả nước vì Hà Nội, Hà Nội vì cả nước\"."},
	{meta: document.Metadata{Family: document.Party, DocType: "Công văn", Number: "674", Symbol: "CV/ThU", NumberSymbol: "674-CV/ThU",
		Issuer: "Thành ủy Lai Châu", ParentIssuer: "Tỉnh ủy Lai Châu", Place: "Lai Châu", Date: "2022-05-25",
		Subject:   "về tuyên truyền, phổ biến, quán triệt, triển khai thực hiện Chỉ thị số 12-CT/TW của Ban Bí thư",
		Citations: []document.Citation{{NumberSymbol: "12-CT/TW", DocType: "Chỉ thị", Date: "2022-01-05", Issuer: "Ban Bí thư", Relation: document.Implements}}},
		issuer: "tp-thu", arrivesAt: []string{"tp-btg"}, arrivedOn: "2022-05-26",
		summary: "Tóm tắt (dữ liệu mẫu): Thường trực Thành ủy giao Ban Tuyên giáo Thành ủy hướng dẫn tuyên truyền Chỉ thị 12-CT/TW trên địa bàn thành phố."},
	{meta: document.Metadata{Family: document.Party, DocType: "Hướng dẫn", Number: "72", Symbol: "HD/BTGTU", NumberSymbol: "72-HD/BTGTU",
		Issuer: "Ban Tuyên giáo Tỉnh ủy Lai Châu", ParentIssuer: "Tỉnh ủy Lai Châu", Place: "Lai Châu", Date: "2022-06-24",
		Subject:   "tuyên truyền Nghị quyết số 15-NQ/TW, ngày 05/5/2022 của Bộ Chính trị",
		Citations: []document.Citation{{NumberSymbol: "15-NQ/TW", DocType: "Nghị quyết", Date: "2022-05-05", Issuer: "Bộ Chính trị", Relation: document.Implements}}},
		issuer: "ltu-btg", arrivesAt: []string{"tp-btg"}, arrivedOn: "2022-06-27",
		summary: "Tóm tắt (dữ liệu mẫu): hướng dẫn các cấp ủy tuyên truyền Nghị quyết 15-NQ/TW về phát triển Thủ đô."},
}

// The example documents, read through the reader as a clerk's upload
// would be, and the units whose clerks enter them.
var readDocuments = []struct {
	file      string
	issuer    string
	arrivesAt []string
	arrivedOn string
}{
	{"71-HD-BTGTU-huong-dan.txt", "ltu-btg", []string{"tp-btg", "ldld", "mttq", "bao-laichau", "dai-pttt",
		"hu-tamduong-btg", "hu-phongtho-btg", "hu-sinho-btg", "hu-muongte-btg", "hu-namnhun-btg", "hu-thanuyen-btg", "hu-tanuyen-btg"}, "2022-06-24"},
	{"967-LDLD-cong-van.txt", "ldld", []string{"ldld-tp", "cd-giaoduc", "cd-yte", "cd-vienchuc", "cdcs-caosu",
		"ldld-tamduong", "ldld-phongtho", "ldld-sinho", "ldld-muongte", "ldld-namnhun", "ldld-thanuyen", "ldld-tanuyen"}, "2022-07-12"},
	{"BTGThU-huong-dan.txt", "tp-btg", []string{"pu-tanphong", "pu-dongphong", "pu-doanket", "xu-sungphai", "mttq-tp",
		"phong-vhtt", "ttvh-tp", "chihoi-vhnt-tp"}, "2022-07-16"},
}

func (l *loader) documents(ctx context.Context) error {
	for _, r := range references {
		l.at(r.arrivedOn)
		if err := l.register(ctx, r.meta, r.issuer, r.arrivesAt, "", nil, r.summary); err != nil {
			return err
		}
	}
	for _, d := range readDocuments {
		data, err := examples.Files.ReadFile(d.file)
		if err != nil {
			return err
		}
		l.at(d.arrivedOn)
		reading, err := l.svc.ReadDocument(ctx, l.sys, d.file, data)
		if err != nil {
			return fmt.Errorf("demo: reading %s: %w", d.file, err)
		}
		if err := l.register(ctx, reading.Metadata, d.issuer, d.arrivesAt, d.file, data, reading.Text); err != nil {
			return err
		}
		if err := l.assign(ctx, l.docs[reading.Metadata.NumberSymbol]); err != nil {
			return fmt.Errorf("demo: assignments of %s: %w", d.file, err)
		}
	}
	return nil
}

// register enters a document in the incoming register of each unit it
// reached.
func (l *loader) register(ctx context.Context, m document.Metadata, issuer string, at []string, name string, data []byte, text string) error {
	for _, code := range at {
		reg, err := l.svc.RegisterIncoming(ctx, l.sys, l.units[code].ID, app.RegisterInput{
			Metadata: m, IssuerUnit: l.units[issuer].ID, FileName: name, File: data, Text: text, ArrivedOn: l.now})
		if err != nil {
			return fmt.Errorf("demo: registering %s at %s: %w", m.NumberSymbol, code, err)
		}
		if !reg.Existing {
			l.sum.Documents++
			l.docs[m.NumberSymbol] = reg.Document
		}
	}
	return nil
}

// assign turns what the document's "Tổ chức thực hiện" or "Kính gửi" asks
// into assignments, as the clerk confirms them, received the next day.
// clerkChoices are the units a clerk picks where the reader's assignee
// text names a group Lan Tỏa cannot spread over units by itself ("đoàn
// thể", "tổ chức chính trị - xã hội") or where only the directly directed
// units are meant.
var clerkChoices = map[string][]string{
	"Ủy ban Mặt trận Tổ quốc và các đoàn thể tỉnh": {"mttq", "tinhdoan", "hoi-phunu", "hoi-nongdan", "hoi-ccb"},
	"Các chi bộ, đảng bộ cơ sở":                    {"pu-tanphong", "pu-dongphong", "pu-doanket", "xu-sungphai"},
	"Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội thành phố, đội ngũ báo cáo viên, cộng tác viên dư luận xã hội": {"mttq-tp"},
}

func (l *loader) assign(ctx context.Context, d document.Document) error {
	picked := map[string][]org.ID{}
	for text, codes := range clerkChoices {
		picked[text] = l.ids(codes...)
	}
	got, err := l.svc.AssignFromDocument(ctx, l.sys, d.ID, picked)
	if err != nil {
		return err
	}
	if len(got.Unmatched) > 0 {
		return fmt.Errorf("no unit for %q", got.Unmatched)
	}
	l.sum.Assignments += len(got.Created)
	l.assignments = append(l.assignments, got.Created...)
	l.at(l.now.AddDate(0, 0, 1).Format("2006-01-02"))
	for _, a := range got.Created {
		if _, err := l.svc.Receive(ctx, l.sys, a.ID); err != nil {
			return err
		}
	}
	return nil
}

// acknowledge has most units read their assignment within the week; a
// few never do, so the dashboard has someone to chase.
func (l *loader) acknowledge(ctx context.Context, as []task.Assignment, skip map[string]bool) error {
	for _, a := range as {
		if skip[l.codeOf(a.Assignee)] {
			continue
		}
		// A unit that already issued its own document is past this step.
		if _, err := l.svc.Acknowledge(ctx, l.sys, a.ID); err != nil && problem.KindOf(err) != problem.Conflict {
			return err
		}
	}
	return nil
}
