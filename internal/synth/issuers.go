package synth

import (
	"fmt"
	"strings"

	"lantoa/internal/document"
)

// issuer is a body that signs documents, with what its documents print.
type issuer struct {
	family     document.Family
	parent     string   // the superior line of the header ("" when none)
	name       string   // the issuer line of the header, in capitals
	code       string   // its part of the notation: "BTGTU", "UBND", "LĐLĐ"
	cited      string   // how other documents name it: "Ban Tuyên giáo Tỉnh ủy Lai Châu"
	collective string   // the body it signs for ("BAN THƯỜNG VỤ"); "" when the head signs alone
	head       string   // the head's position: "TRƯỞNG BAN", "CHỦ TỊCH"
	deputy     string   // the deputy's position
	place      string   // printed before the date
	province   string   // "" for central bodies
	types      []string // the type codes it issues
	depts      []string // state công văn: the drafting department after the code ("VX" in 12/UBND-VX)
	superiors  []int    // the issuers whose documents it implements
	weight     int      // how often it issues, against the others
}

// directiveTypes are the types that lower levels implement and cite.
var directiveTypes = map[string]bool{"CT": true, "NQ": true, "KL": true, "HD": true, "KH": true, "QĐ": true}

// typeNames are the printed names of the type codes the generator uses.
var typeNames = map[string]string{
	"CT": "Chỉ thị", "NQ": "Nghị quyết", "KL": "Kết luận", "HD": "Hướng dẫn", "KH": "Kế hoạch",
	"CV": "Công văn", "BC": "Báo cáo", "QĐ": "Quyết định", "TB": "Thông báo",
}

// buildIssuers lays out the organisation the archive comes from: central
// bodies of each family, then for every province its party committee and
// boards, people's committee and a department, trade union and Front, and
// two districts with their committee, people's committee and union.
func buildIssuers() []issuer {
	var is []issuer
	add := func(i issuer) int {
		if i.weight == 0 {
			i.weight = 3
		}
		is = append(is, i)
		return len(is) - 1
	}
	tw := add(issuer{family: document.Party, name: "BAN CHẤP HÀNH TRUNG ƯƠNG", code: "TW", cited: "Ban Bí thư",
		collective: "BAN BÍ THƯ", head: "THƯỜNG TRỰC BAN BÍ THƯ", deputy: "THƯỜNG TRỰC BAN BÍ THƯ", place: "Hà Nội",
		types: []string{"CT", "NQ", "KL", "TB"}, weight: 1})
	btgtw := add(issuer{family: document.Party, parent: "BAN CHẤP HÀNH TRUNG ƯƠNG", name: "BAN TUYÊN GIÁO VÀ DÂN VẬN TRUNG ƯƠNG",
		code: "BTGDVTW", cited: "Ban Tuyên giáo và Dân vận Trung ương", collective: "BAN TUYÊN GIÁO VÀ DÂN VẬN",
		head: "TRƯỞNG BAN", deputy: "PHÓ TRƯỞNG BAN", place: "Hà Nội", types: []string{"HD", "KH", "CV", "TB"},
		superiors: []int{tw}, weight: 1})
	tld := add(issuer{family: document.Union, name: "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", code: "TLĐ",
		cited: "Tổng Liên đoàn Lao động Việt Nam", collective: "ĐOÀN CHỦ TỊCH", head: "CHỦ TỊCH", deputy: "PHÓ CHỦ TỊCH",
		place: "Hà Nội", types: []string{"HD", "KH", "CV", "QĐ", "NQ"}, superiors: []int{tw}, weight: 1})
	mttw := add(issuer{family: document.Front, name: "ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM", code: "MTTW-BTT",
		cited: "Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", collective: "BAN THƯỜNG TRỰC",
		head: "CHỦ TỊCH", deputy: "PHÓ CHỦ TỊCH", place: "Hà Nội", types: []string{"HD", "KH", "CV"},
		superiors: []int{tw}, weight: 1})
	bvh := add(issuer{family: document.State, name: "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", code: "BVHTTDL",
		cited: "Bộ Văn hóa, Thể thao và Du lịch", head: "BỘ TRƯỞNG", deputy: "THỨ TRƯỞNG", place: "Hà Nội",
		types: []string{"KH", "CV", "QĐ", "HD"}, depts: []string{"VP", "TTr", "KHTC"}, superiors: []int{tw}, weight: 1})

	for pi, p := range provinces {
		P := strings.ToUpper(p)
		tu := add(issuer{family: document.Party, name: "TỈNH ỦY " + P, code: "TU", cited: "Ban Thường vụ Tỉnh ủy " + p,
			collective: "BAN THƯỜNG VỤ", head: "BÍ THƯ", deputy: "PHÓ BÍ THƯ", place: p, province: p,
			types: []string{"CT", "NQ", "KL", "KH", "TB", "QĐ", "CV", "BC"}, superiors: []int{tw}})
		btg := add(issuer{family: document.Party, parent: "TỈNH ỦY " + P, name: "BAN TUYÊN GIÁO", code: "BTGTU",
			cited: "Ban Tuyên giáo Tỉnh ủy " + p, collective: "BAN TUYÊN GIÁO", head: "TRƯỞNG BAN", deputy: "PHÓ TRƯỞNG BAN",
			place: p, province: p, types: []string{"HD", "KH", "CV", "BC", "TB"}, superiors: []int{tu, btgtw}})
		bdv := add(issuer{family: document.Party, parent: "TỈNH ỦY " + P, name: "BAN DÂN VẬN", code: "BDVTU",
			cited: "Ban Dân vận Tỉnh ủy " + p, collective: "BAN DÂN VẬN", head: "TRƯỞNG BAN", deputy: "PHÓ TRƯỞNG BAN",
			place: p, province: p, types: []string{"HD", "KH", "CV", "BC"}, superiors: []int{tu, btgtw}, weight: 2})
		ubt := add(issuer{family: document.State, name: "ỦY BAN NHÂN DÂN TỈNH " + P, code: "UBND",
			cited: "Ủy ban nhân dân tỉnh " + p, collective: "ỦY BAN NHÂN DÂN", head: "CHỦ TỊCH", deputy: "PHÓ CHỦ TỊCH",
			place: p, province: p, types: []string{"CT", "KH", "QĐ", "CV", "BC", "TB"}, depts: []string{"VX", "KT", "NC", "TH"},
			superiors: []int{tu, bvh}})
		svh := add(issuer{family: document.State, parent: "ỦY BAN NHÂN DÂN TỈNH " + P, name: "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
			code: "SVHTTDL", cited: "Sở Văn hóa, Thể thao và Du lịch tỉnh " + p, head: "GIÁM ĐỐC", deputy: "PHÓ GIÁM ĐỐC",
			place: p, province: p, types: []string{"KH", "HD", "CV", "BC", "QĐ"}, depts: []string{"VP", "QLVH", "NVVH"},
			superiors: []int{ubt, bvh, btg}, weight: 2})
		ldt := add(issuer{family: document.Union, parent: "TỔNG LĐLĐ VIỆT NAM", name: "LIÊN ĐOÀN LAO ĐỘNG TỈNH " + P,
			code: "LĐLĐ", cited: "Liên đoàn Lao động tỉnh " + p, collective: "BAN THƯỜNG VỤ", head: "CHỦ TỊCH",
			deputy: "PHÓ CHỦ TỊCH", place: p, province: p, types: []string{"KH", "HD", "CV", "BC", "QĐ", "TB"},
			superiors: []int{tld, btg, tu}})
		add(issuer{family: document.Front, name: "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH " + P, code: "MTTQ-BTT",
			cited: "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh " + p, collective: "BAN THƯỜNG TRỰC",
			head: "CHỦ TỊCH", deputy: "PHÓ CHỦ TỊCH", place: p, province: p, types: []string{"KH", "HD", "CV", "BC", "TB"},
			superiors: []int{mttw, bdv, tu}, weight: 2})
		for di := range 2 {
			d := districts[(2*pi+di)%len(districts)]
			D := strings.ToUpper(d)
			hu := add(issuer{family: document.Party, parent: "ĐẢNG BỘ TỈNH " + P, name: "HUYỆN ỦY " + D, code: "HU",
				cited: "Ban Thường vụ Huyện ủy " + d, collective: "BAN THƯỜNG VỤ", head: "BÍ THƯ", deputy: "PHÓ BÍ THƯ",
				place: d, province: p, types: []string{"KH", "CV", "BC", "TB", "KL"}, superiors: []int{tu, btg}})
			add(issuer{family: document.State, name: "ỦY BAN NHÂN DÂN HUYỆN " + D, code: "UBND",
				cited: "Ủy ban nhân dân huyện " + d, collective: "ỦY BAN NHÂN DÂN", head: "CHỦ TỊCH", deputy: "PHÓ CHỦ TỊCH",
				place: d, province: p, types: []string{"KH", "CV", "BC", "QĐ"}, depts: []string{"VHTT", "VP"},
				superiors: []int{ubt, hu, svh}})
			add(issuer{family: document.Union, parent: "LIÊN ĐOÀN LAO ĐỘNG TỈNH " + P, name: "LIÊN ĐOÀN LAO ĐỘNG HUYỆN " + D,
				code: "LĐLĐ", cited: "Liên đoàn Lao động huyện " + d, collective: "BAN THƯỜNG VỤ", head: "CHỦ TỊCH",
				deputy: "PHÓ CHỦ TỊCH", place: d, province: p, types: []string{"KH", "CV", "BC"}, superiors: []int{ldt, hu},
				weight: 2})
		}
	}
	return is
}

// notation writes a number and notation in the issuer's family style.
func (is *issuer) notation(n int, code string, dept string) string {
	num := fmt.Sprintf("%02d", n)
	switch {
	case is.family == document.Party:
		return num + "-" + code + "/" + is.code
	case code == "CV" && dept != "":
		return num + "/" + is.code + "-" + dept
	case code == "CV":
		return num + "/" + is.code
	}
	return num + "/" + code + "-" + is.code
}
