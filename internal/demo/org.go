package demo

import (
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
)

// unitSpec is one unit of the demo organisation.
type unitSpec struct {
	code, notation, name string
	kind                 org.Kind
	family               document.Family
	place                string
	parents              []string
	from, to             string // validity; empty from: 2020-01-01, empty to: open
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// Lai Châu in 2022: the party, union, Front, state and media lines that
// carry Chỉ thị 12-CT/TW down (the tree of practice.md §5.1; names marked
// there as guesses stay guesses). Several units take direction from two
// parents: the city Front from the provincial Front and from the city
// propaganda board, the provincial union from the national union and from
// the provincial propaganda board.
var units2022 = []unitSpec{
	// Central issuers.
	{code: "tw-bbt", notation: "TW", name: "Ban Bí thư Trung ương Đảng", kind: org.PartyCommittee, family: document.Party, place: "Hà Nội"},
	{code: "tw-bct", notation: "TW", name: "Bộ Chính trị", kind: org.PartyCommittee, family: document.Party, place: "Hà Nội"},
	{code: "tw-btg", notation: "BTGTW", name: "Ban Tuyên giáo Trung ương", kind: org.PartyBoard, family: document.Party, place: "Hà Nội", parents: []string{"tw-bbt"}, to: "2025-02-03"},
	{code: "tld", notation: "TLĐ", name: "Tổng Liên đoàn Lao động Việt Nam", kind: org.UnionFederation, family: document.Union, place: "Hà Nội"},

	// Party line of the province.
	{code: "ltu", notation: "TU", name: "Tỉnh ủy Lai Châu", kind: org.PartyCommittee, family: document.Party, place: "Lai Châu", parents: []string{"tw-bbt", "tw-bct"}},
	{code: "ltu-btg", notation: "BTGTU", name: "Ban Tuyên giáo Tỉnh ủy Lai Châu", kind: org.PartyBoard, family: document.Party, place: "Lai Châu", parents: []string{"ltu", "tw-btg"}},
	{code: "tp-thu", notation: "ThU", name: "Thành ủy Lai Châu", kind: org.PartyCommittee, family: document.Party, place: "Lai Châu", parents: []string{"ltu"}},
	{code: "tp-btg", notation: "BTGThU", name: "Ban Tuyên giáo Thành ủy Lai Châu", kind: org.PartyBoard, family: document.Party, place: "Lai Châu", parents: []string{"tp-thu", "ltu-btg"}},
	{code: "du-khoi", notation: "ĐUK", name: "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Lai Châu", kind: org.PartyCommittee, family: document.Party, place: "Lai Châu", parents: []string{"ltu"}},
	{code: "du-quansu", notation: "ĐUQS", name: "Đảng ủy Quân sự tỉnh Lai Châu", kind: org.PartyCommittee, family: document.Party, place: "Lai Châu", parents: []string{"ltu"}},
	{code: "du-congan", notation: "ĐUCA", name: "Đảng ủy Công an tỉnh Lai Châu", kind: org.PartyCommittee, family: document.Party, place: "Lai Châu", parents: []string{"ltu"}},
	{code: "du-bienphong", notation: "ĐUBP", name: "Đảng ủy Bộ đội Biên phòng tỉnh Lai Châu", kind: org.PartyCommittee, family: document.Party, place: "Lai Châu", parents: []string{"ltu"}},
	{code: "pu-tanphong", notation: "ĐU", name: "Đảng ủy phường Tân Phong", kind: org.PartyCommittee, family: document.Party, place: "Lai Châu", parents: []string{"tp-thu", "tp-btg"}},
	{code: "pu-dongphong", notation: "ĐU", name: "Đảng ủy phường Đông Phong", kind: org.PartyCommittee, family: document.Party, place: "Lai Châu", parents: []string{"tp-thu", "tp-btg"}},
	{code: "pu-doanket", notation: "ĐU", name: "Đảng ủy phường Đoàn Kết", kind: org.PartyCommittee, family: document.Party, place: "Lai Châu", parents: []string{"tp-thu", "tp-btg"}},
	{code: "xu-sungphai", notation: "ĐU", name: "Đảng ủy xã Sùng Phài", kind: org.PartyCommittee, family: document.Party, place: "Lai Châu", parents: []string{"tp-thu", "tp-btg"}},
	{code: "cb-tdp1", notation: "CB", name: "Chi bộ Tổ dân phố số 1, phường Tân Phong", kind: org.PartyCell, family: document.Party, place: "Lai Châu", parents: []string{"pu-tanphong"}},
	{code: "cb-thcs-doanket", notation: "CB", name: "Chi bộ Trường THCS Đoàn Kết", kind: org.PartyCell, family: document.Party, place: "Lai Châu", parents: []string{"pu-doanket"}},

	// Trade unions.
	{code: "ldld", notation: "LĐLĐ", name: "Liên đoàn Lao động tỉnh Lai Châu", kind: org.UnionFederation, family: document.Union, place: "Lai Châu", parents: []string{"tld", "ltu-btg"}},
	{code: "ldld-tp", notation: "LĐLĐ", name: "Liên đoàn Lao động thành phố Lai Châu", kind: org.UnionFederation, family: document.Union, place: "Lai Châu", parents: []string{"ldld"}},
	{code: "cd-giaoduc", notation: "CĐN", name: "Công đoàn ngành Giáo dục tỉnh Lai Châu", kind: org.UnionFederation, family: document.Union, place: "Lai Châu", parents: []string{"ldld"}},
	{code: "cd-yte", notation: "CĐN", name: "Công đoàn ngành Y tế tỉnh Lai Châu", kind: org.UnionFederation, family: document.Union, place: "Lai Châu", parents: []string{"ldld"}},
	{code: "cd-vienchuc", notation: "CĐVC", name: "Công đoàn Viên chức tỉnh Lai Châu", kind: org.UnionFederation, family: document.Union, place: "Lai Châu", parents: []string{"ldld"}},
	{code: "cdcs-bvdk", notation: "CĐCS", name: "Công đoàn cơ sở Bệnh viện Đa khoa tỉnh Lai Châu", kind: org.GrassrootsUnion, family: document.Union, place: "Lai Châu", parents: []string{"cd-yte"}},
	{code: "cdcs-thpt-lqd", notation: "CĐCS", name: "Công đoàn cơ sở Trường THPT Chuyên Lê Quý Đôn", kind: org.GrassrootsUnion, family: document.Union, place: "Lai Châu", parents: []string{"cd-giaoduc"}},
	{code: "cdcs-caosu", notation: "CĐCS", name: "Công đoàn cơ sở Công ty Cổ phần Cao su Lai Châu", kind: org.GrassrootsUnion, family: document.Union, place: "Lai Châu", parents: []string{"ldld"}},
	{code: "cdcs-ubnd-tanphong", notation: "CĐCS", name: "Công đoàn cơ sở Ủy ban nhân dân phường Tân Phong", kind: org.GrassrootsUnion, family: document.Union, place: "Lai Châu", parents: []string{"ldld-tp"}},

	// Front and mass organisations.
	{code: "mttq", notation: "MTTQ", name: "Ủy ban MTTQ Việt Nam tỉnh Lai Châu", kind: org.FrontCommittee, family: document.Front, place: "Lai Châu", parents: []string{"ltu", "ltu-btg"}},
	{code: "mttq-tp", notation: "MTTQ", name: "Ủy ban MTTQ Việt Nam thành phố Lai Châu", kind: org.FrontCommittee, family: document.Front, place: "Lai Châu", parents: []string{"mttq", "tp-btg"}},
	{code: "tinhdoan", notation: "TĐTN", name: "Tỉnh đoàn Lai Châu", kind: org.MassOrg, family: document.Youth, place: "Lai Châu", parents: []string{"mttq"}},
	{code: "hoi-phunu", notation: "HLHPN", name: "Hội Liên hiệp Phụ nữ tỉnh Lai Châu", kind: org.MassOrg, family: document.Front, place: "Lai Châu", parents: []string{"mttq"}},
	{code: "hoi-nongdan", notation: "HND", name: "Hội Nông dân tỉnh Lai Châu", kind: org.MassOrg, family: document.Front, place: "Lai Châu", parents: []string{"mttq"}},
	{code: "hoi-ccb", notation: "HCCB", name: "Hội Cựu chiến binh tỉnh Lai Châu", kind: org.MassOrg, family: document.Front, place: "Lai Châu", parents: []string{"mttq"}},
	{code: "hoi-vhnt", notation: "HVHNT", name: "Hội Văn học Nghệ thuật tỉnh Lai Châu", kind: org.Association, family: document.Front, place: "Lai Châu", parents: []string{"mttq"}},
	{code: "chihoi-vhnt-tp", notation: "CHVHNT", name: "Chi hội Văn học nghệ thuật thành phố Lai Châu", kind: org.Association, family: document.Front, place: "Lai Châu", parents: []string{"hoi-vhnt", "tp-btg"}},

	// State offices and media.
	{code: "phong-vhtt", notation: "VHTT", name: "Phòng Văn hóa và Thông tin thành phố Lai Châu", kind: org.StateOffice, family: document.State, place: "Lai Châu", parents: []string{"tp-btg"}},
	{code: "ttvh-tp", notation: "TTVHTTTT", name: "Trung tâm Văn hóa - Thể thao và Truyền thông thành phố Lai Châu", kind: org.MediaCentre, family: document.State, place: "Lai Châu", parents: []string{"tp-btg"}},
	{code: "bao-laichau", notation: "BLC", name: "Báo Lai Châu", kind: org.Press, family: document.Party, place: "Lai Châu", parents: []string{"ltu-btg"}},
	{code: "dai-pttt", notation: "ĐPTTH", name: "Đài Phát thanh và Truyền hình tỉnh Lai Châu", kind: org.Press, family: document.State, place: "Lai Châu", parents: []string{"ltu-btg"}},
}

// The seven districts, each with its party committee, propaganda board and
// labour federation.
var districts = []struct{ code, name string }{
	{"tamduong", "Tam Đường"}, {"phongtho", "Phong Thổ"}, {"sinho", "Sìn Hồ"}, {"muongte", "Mường Tè"},
	{"namnhun", "Nậm Nhùn"}, {"thanuyen", "Than Uyên"}, {"tanuyen", "Tân Uyên"},
}

func districtUnits() []unitSpec {
	var us []unitSpec
	for _, d := range districts {
		us = append(us,
			unitSpec{code: "hu-" + d.code, notation: "HU", name: "Huyện ủy " + d.name, kind: org.PartyCommittee, family: document.Party, place: d.name, parents: []string{"ltu"}},
			unitSpec{code: "hu-" + d.code + "-btg", notation: "BTGHU", name: "Ban Tuyên giáo Huyện ủy " + d.name, kind: org.PartyBoard, family: document.Party, place: d.name, parents: []string{"hu-" + d.code, "ltu-btg"}},
			unitSpec{code: "ldld-" + d.code, notation: "LĐLĐ", name: "Liên đoàn Lao động huyện " + d.name, kind: org.UnionFederation, family: document.Union, place: d.name, parents: []string{"ldld"}},
		)
	}
	return us
}

// The 2025 reorganisation: the provincial propaganda and mass-mobilisation
// boards merged (01/03/2025); district-level bodies closed and 38 communes
// and wards took their place (01/07/2025); the provincial union moved
// under the Front.
var (
	renamedBoard = unitSpec{code: "ltu-btgdv", notation: "BTGDVTU", name: "Ban Tuyên giáo và Dân vận Tỉnh ủy Lai Châu", kind: org.PartyBoard,
		family: document.Party, place: "Lai Châu", from: "2025-03-01"}
	mergedWards = []struct {
		spec unitSpec
		from []string
	}{
		{unitSpec{code: "pu2025-tanphong", notation: "ĐU", name: "Đảng ủy phường Tân Phong (từ 2025)", kind: org.PartyCommittee, family: document.Party,
			place: "Lai Châu", parents: []string{"ltu", "ltu-btgdv"}, from: "2025-07-01"}, []string{"pu-tanphong", "pu-dongphong"}},
		{unitSpec{code: "pu2025-doanket", notation: "ĐU", name: "Đảng ủy phường Đoàn Kết (từ 2025)", kind: org.PartyCommittee, family: document.Party,
			place: "Lai Châu", parents: []string{"ltu", "ltu-btgdv"}, from: "2025-07-01"}, []string{"pu-doanket", "xu-sungphai"}},
	}
	// Communes of 2025, by former district (practice.md §5.1).
	communes2025 = []string{
		"Mường Kim", "Khoen On", "Than Uyên", "Mường Than", "Pắc Ta", "Nậm Sỏ", "Tân Uyên", "Mường Khoa",
		"Bản Bo", "Bình Lư", "Tả Lèng", "Khun Há", "Sin Suối Hồ", "Phong Thổ", "Dào San", "Sì Lở Lầu", "Khổng Lào",
		"Tủa Sín Chải", "Sìn Hồ", "Hồng Thu", "Nậm Tăm", "Pu Sam Cáp", "Nậm Cuổi", "Nậm Mạ",
		"Lê Lợi", "Nậm Hàng", "Mường Mô", "Hua Bum", "Pa Tần", "Bum Nưa", "Bum Tở", "Mường Tè", "Thu Lũm", "Pa Ủ", "Mù Cả", "Tà Tổng",
	}
	// Closed on 01/07/2025 with the district level.
	closed2025 = []string{"tp-thu", "tp-btg", "ldld-tp", "mttq-tp", "phong-vhtt", "ttvh-tp", "cdcs-bvdk", "cdcs-ubnd-tanphong"}
)

// accounts are the demo people: one per role, in several units (by code).
var accounts = []struct {
	username, name string
	role           org.Role
	units          []string
}{
	{"admin", "Quản trị hệ thống", org.Admin, []string{"tw-bbt", "tw-bct", "tld"}},
	{"btgtu.vanthu", "Nguyễn Thị Lan (Văn thư BTG Tỉnh ủy)", org.Clerk, []string{"ltu-btg"}},
	{"btgtu.lanhdao", "Trần Văn Hùng (Phó Trưởng ban BTG Tỉnh ủy)", org.Leader, []string{"ltu-btg"}},
	{"btgtu.chuyenvien", "Lò Thị Mai (Chuyên viên BTG Tỉnh ủy)", org.Officer, []string{"ltu-btg"}},
	{"btgthu.vanthu", "Vàng Thị Hoa (Văn thư BTG Thành ủy)", org.Clerk, []string{"tp-btg"}},
	{"btgthu.lanhdao", "Lò Văn Minh (Phó Trưởng ban BTG Thành ủy)", org.Leader, []string{"tp-btg"}},
	{"btgthu.chuyenvien", "Đỗ Thu Trang (Chuyên viên BTG Thành ủy)", org.Officer, []string{"tp-btg"}},
	{"btgthu.ctv", "Tòng Văn Sơn (Cộng tác viên dư luận xã hội)", org.Collaborator, []string{"tp-btg"}},
	{"ldld.vanthu", "Phạm Thị Thu (Văn thư LĐLĐ tỉnh)", org.Clerk, []string{"ldld"}},
	{"ldld.lanhdao", "Đông Thị Nghĩa (Phó Chủ tịch LĐLĐ tỉnh)", org.Leader, []string{"ldld"}},
	{"ldldtp.chuyenvien", "Hoàng Văn Long (Chuyên viên LĐLĐ thành phố)", org.Officer, []string{"ldld-tp"}},
	{"mttqtp.chuyenvien", "Giàng Thị Dợ (Cán bộ MTTQ thành phố)", org.Officer, []string{"mttq-tp"}},
	{"ttvh.chuyenvien", "Bùi Quang Huy (Trung tâm VH-TT-TT thành phố)", org.Officer, []string{"ttvh-tp"}},
	{"chibo.tdp1", "Lường Văn Thắng (Bí thư Chi bộ Tổ dân phố số 1)", org.Leader, []string{"cb-tdp1"}},
}
