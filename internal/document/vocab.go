package document

// The vocabulary of administrative documents, kept as data: the rules change
// (QĐ 399-QĐ/TW in 2026, the 2025 reorganisation) and so will these lists.

// docType is a document type: its name as printed and the codes of its notation.
type docType struct {
	Name  string   // "Hướng dẫn"
	Fold  string   // "huong dan": the folded name, for matching
	Codes []string // "HD"
}

var docTypes = []docType{
	{"Nghị quyết liên tịch", "nghi quyet lien tich", []string{"NQLT"}},
	{"Thông tư liên tịch", "thong tu lien tich", []string{"TTLT"}},
	{"Nghị quyết", "nghi quyet", []string{"NQ"}},
	{"Nghị định", "nghi dinh", []string{"NĐ"}},
	{"Quyết định", "quyet dinh", []string{"QĐ"}},
	{"Quy định", "quy dinh", []string{"QyĐ", "QĐi"}},
	{"Chỉ thị", "chi thi", []string{"CT"}},
	{"Kết luận", "ket luan", []string{"KL"}},
	{"Quy chế", "quy che", []string{"QC"}},
	{"Thông tri", "thong tri", nil},
	{"Thông tư", "thong tu", []string{"TT"}},
	{"Hướng dẫn", "huong dan", []string{"HD"}},
	{"Kế hoạch", "ke hoach", []string{"KH"}},
	{"Chương trình", "chuong trinh", []string{"CTr"}},
	{"Báo cáo", "bao cao", []string{"BC"}},
	{"Thông báo", "thong bao", []string{"TB"}},
	{"Thông cáo", "thong cao", []string{"TC"}},
	{"Tờ trình", "to trinh", []string{"TTr"}},
	{"Đề án", "de an", []string{"ĐA"}},
	{"Dự án", "du an", []string{"DA"}},
	{"Phương án", "phuong an", []string{"PA"}},
	{"Biên bản", "bien ban", []string{"BB"}},
	{"Công văn", "cong van", []string{"CV"}},
	{"Công điện", "cong dien", []string{"CĐ"}},
	{"Giấy mời", "giay moi", []string{"GM"}},
	{"Giấy giới thiệu", "giay gioi thieu", []string{"GGT"}},
	{"Hợp đồng", "hop dong", []string{"HĐ"}},
	{"Pháp lệnh", "phap lenh", []string{"PL"}},
	{"Luật", "luat", nil},
	{"Điều lệ", "dieu le", nil},
	{"Lời kêu gọi", "loi keu goi", nil},
	{"Tuyên bố", "tuyen bo", nil},
	{"Bản ghi nhớ", "ban ghi nho", []string{"BGN"}},
}

// typeByCode maps a notation code to the type name. Ambiguous codes (TT is
// Thông tri for the party and Thông tư for the state) are settled by family.
func typeByCode(code string, family Family) string {
	switch code {
	case "TT":
		if family == Party {
			return "Thông tri"
		}
		return "Thông tư"
	case "QĐ":
		return "Quyết định"
	}
	for _, t := range docTypes {
		for _, c := range t.Codes {
			if c == code {
				return t.Name
			}
		}
	}
	return ""
}

// mottos are the header lines that name no issuer (folded, with flexible spaces).
var mottos = []string{
	`cong\s*hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam`,
	`doc\s*lap\s*-\s*tu\s*do\s*-\s*hanh\s*phuc`,
	`dang\s+cong\s+san\s+viet\s+nam`,
	`doan\s+tncs\s+ho\s+chi\s+minh`,
}

// orgHeads begin the name of an organisation (folded, as first words).
var orgHeads = []string{
	"ban ", "van phong", "so ", "uy ban", "ubnd", "hoi dong", "hdnd", "lien doan", "tinh uy", "huyen uy",
	"thanh uy", "thi uy", "quan uy", "dang uy", "dang bo", "cong doan", "hoi ", "doan ", "trung tam",
	"phong ", "bo ", "tong ", "chi bo", "mat tran", "truong ", "cuc ", "vu ", "chinh phu", "quoc hoi",
	"toa an", "vien ", "dai ", "bao ", "thu tuong", "chu tich", "ky tuc",
}

// positions begin the title of a signer (folded).
var positions = []string{
	"pho ", "chu tich", "chu nhiem", "bi thu", "truong ", "giam doc", "chanh ", "bo truong", "thu truong",
	"tong ", "vien truong", "uy vien", "thuong truc", "cuc truong", "vu truong", "tong bi thu", "thu tuong",
}

// assignVerbs end the name of the unit a task is given to, in a
// "Tổ chức thực hiện" item without a colon (folded).
var assignVerbs = []string{
	" chu tri", " co trach nhiem", " chiu trach nhiem", " phoi hop", " cu the hoa", " chi dao", " to chuc",
	" trien khai", " huong dan", " xay dung", " thuc hien", " can cu", " tham muu", " theo doi", " dang tai",
	" tang cuong", " day manh", " bao cao", " ban hanh", " lanh dao", " quan triet", " tuyen truyen",
	" giam sat", " kiem tra", " bao dam", " dam bao", " nghien cuu", " phat dong", " khuyen khich",
}

// forms maps the propaganda forms of domain.md §4 to the words that ask for
// them (folded). Keys are the form codes.
var forms = []struct {
	Code  string
	Words []string
}{
	{"HNQT", []string{"hoi nghi hoc tap", "hoi nghi quan triet", "hoc tap, quan triet", "hoc tap quan triet", "hoi nghi truc tuyen"}},
	{"SHCB", []string{"sinh hoat chi bo"}},
	{"SHCD", []string{"sinh hoat cong doan", "sinh hoat doan the", "sinh hoat doan"}},
	{"TTM", []string{"tuyen truyen mieng", "bao cao vien", "tuyen truyen vien"}},
	{"TQ", []string{"truc quan", "khau hieu", "pa no", "pano", "ap phich", "bang ron", "bang zon", "to roi", "co dong"}},
	{"PT", []string{"phat thanh", "truyen thanh", "loa "}},
	{"TH", []string{"truyen hinh"}},
	{"BC", []string{"bao chi", "bao in", "bao dien tu", "trang thong tin dien tu", "cong thong tin dien tu", "thong tin dai chung", "an pham", "tin, bai"}},
	{"CP", []string{"chieu phim", "chieu bong"}},
	{"LD", []string{"thong tin luu dong"}},
	{"VHTT", []string{"van hoa, van nghe", "van nghe", "the thao"}},
	{"THI", []string{"cuoc thi", "thi tim hieu"}},
	{"MXH", []string{"mang xa hoi", "facebook", "zalo", "fanpage", "youtube", "tiktok", "mocha", "website"}},
	{"DLXH", []string{"nam bat du luan", "nam tinh hinh du luan", "nam bat tinh hinh tu tuong", "nam tinh hinh tu tuong"}},
}
