package report

// Form is a form of propaganda (domain.md §4).
type Form struct {
	Code string // "TTM"
	Name string // "Tuyên truyền miệng"
}

// Forms lists the forms of propaganda in the order forms offer them.
var Forms = []Form{
	{"VB", "Ban hành văn bản triển khai"},
	{"HNQT", "Hội nghị học tập, quán triệt"},
	{"SHCB", "Lồng ghép sinh hoạt chi bộ"},
	{"SHCD", "Sinh hoạt công đoàn, đoàn thể"},
	{"TTM", "Tuyên truyền miệng"},
	{"TQ", "Cổ động trực quan"},
	{"PT", "Phát thanh"},
	{"TH", "Truyền hình"},
	{"BC", "Báo in, báo điện tử, trang thông tin điện tử"},
	{"CP", "Chiếu phim lưu động"},
	{"LD", "Thông tin lưu động"},
	{"VHTT", "Văn hóa, văn nghệ, thể thao"},
	{"THI", "Cuộc thi tìm hiểu"},
	{"MXH", "Trang thông tin điện tử, mạng xã hội"},
	{"DLXH", "Nắm bắt dư luận xã hội"},
}

// FormByCode finds a form; the zero Form when the code is unknown.
func FormByCode(code string) Form {
	for _, f := range Forms {
		if f.Code == code {
			return f
		}
	}
	return Form{}
}

// catalogue is the default indicator set of domain.md §4. Persons (người)
// and attendances (lượt) are separate indicators, never one figure; a
// share is a ratio (numerator, denominator), never a percentage.
var catalogue = []Indicator{
	{Code: "VB.don_vi", Form: "VB", Label: "Đơn vị đã ban hành văn bản triển khai", Measure: "đơn vị", Kind: Count, Aggregation: Distinct},
	{Code: "VB.van_ban", Form: "VB", Label: "Văn bản triển khai đã ban hành", Measure: "văn bản", Kind: Count, Aggregation: Sum},

	{Code: "HNQT.hoi_nghi", Form: "HNQT", Label: "Hội nghị học tập, quán triệt", Measure: "hội nghị", Kind: Count, Aggregation: Sum},
	{Code: "HNQT.diem_cau", Form: "HNQT", Label: "Điểm cầu trực tuyến", Measure: "điểm cầu", Kind: Count, Aggregation: Sum},
	{Code: "HNQT.dai_bieu", Form: "HNQT", Label: "Đại biểu dự", Measure: "người", Kind: Count, Aggregation: Sum},
	{Code: "HNQT.dang_vien", Form: "HNQT", Label: "Đảng viên dự / tổng số đảng viên", Measure: "người", Kind: Ratio, Aggregation: Sum},
	{Code: "HNQT.can_bo", Form: "HNQT", Label: "Cán bộ chủ chốt dự", Measure: "người", Kind: Count, Aggregation: Sum},
	{Code: "HNQT.doan_vien", Form: "HNQT", Label: "Đoàn viên, hội viên dự", Measure: "người", Kind: Count, Aggregation: Sum},
	{Code: "HNQT.quan_chung", Form: "HNQT", Label: "Quần chúng dự", Measure: "lượt", Kind: Count, Aggregation: Sum},

	{Code: "SHCB.chi_bo", Form: "SHCB", Label: "Chi bộ đã sinh hoạt / tổng số chi bộ", Measure: "chi bộ", Kind: Ratio, Aggregation: Sum},
	{Code: "SHCB.dang_vien", Form: "SHCB", Label: "Đảng viên dự / tổng số đảng viên", Measure: "người", Kind: Ratio, Aggregation: Sum},

	{Code: "SHCD.don_vi", Form: "SHCD", Label: "Đơn vị đã tổ chức sinh hoạt", Measure: "đơn vị", Kind: Count, Aggregation: Distinct},
	{Code: "SHCD.luot", Form: "SHCD", Label: "Đoàn viên, hội viên, người lao động dự", Measure: "lượt", Kind: Count, Aggregation: Sum},

	{Code: "TTM.buoi", Form: "TTM", Label: "Buổi tuyên truyền miệng", Measure: "buổi", Kind: Count, Aggregation: Sum},
	{Code: "TTM.luot_nghe", Form: "TTM", Label: "Người nghe", Measure: "lượt", Kind: Count, Aggregation: Sum},
	{Code: "TTM.bao_cao_vien", Form: "TTM", Label: "Báo cáo viên, tuyên truyền viên tham gia", Measure: "người", Kind: Count, Aggregation: Sum},

	{Code: "TQ.khau_hieu", Form: "TQ", Label: "Khẩu hiệu, băng rôn", Measure: "cái", Kind: Count, Aggregation: Sum},
	{Code: "TQ.khau_hieu_m", Form: "TQ", Label: "Chiều dài khẩu hiệu, băng rôn", Measure: "m", Kind: Count, Aggregation: Sum},
	{Code: "TQ.pa_no", Form: "TQ", Label: "Pa nô", Measure: "cái", Kind: Count, Aggregation: Sum},
	{Code: "TQ.ap_phich", Form: "TQ", Label: "Áp phích", Measure: "tờ", Kind: Count, Aggregation: Sum},
	{Code: "TQ.to_roi", Form: "TQ", Label: "Tờ rơi, tài liệu", Measure: "tờ", Kind: Count, Aggregation: Sum},
	{Code: "TQ.co", Form: "TQ", Label: "Cờ", Measure: "lá", Kind: Count, Aggregation: Sum},

	{Code: "PT.tin_bai", Form: "PT", Label: "Tin, bài phát thanh", Measure: "tin, bài", Kind: Count, Aggregation: Sum},
	{Code: "PT.thoi_luong", Form: "PT", Label: "Thời lượng phát thanh", Measure: "giờ", Kind: Count, Aggregation: Sum},
	{Code: "PT.luot_phat", Form: "PT", Label: "Lượt phát", Measure: "lượt", Kind: Count, Aggregation: Sum},

	{Code: "TH.phong_su", Form: "TH", Label: "Phóng sự, chuyên mục truyền hình", Measure: "phóng sự, chuyên mục", Kind: Count, Aggregation: Sum},
	{Code: "TH.thoi_luong", Form: "TH", Label: "Thời lượng truyền hình", Measure: "phút", Kind: Count, Aggregation: Sum},

	{Code: "BC.tin_bai", Form: "BC", Label: "Tin, bài, ảnh", Measure: "tin, bài, ảnh", Kind: Count, Aggregation: Sum},
	{Code: "BC.luot_xem", Form: "BC", Label: "Lượt xem", Measure: "lượt", Kind: Count, Aggregation: Sum},

	{Code: "CP.buoi", Form: "CP", Label: "Buổi chiếu phim", Measure: "buổi", Kind: Count, Aggregation: Sum},
	{Code: "CP.luot_xem", Form: "CP", Label: "Người xem", Measure: "lượt", Kind: Count, Aggregation: Sum},
	{Code: "CP.ngon_ngu", Form: "CP", Label: "Ngôn ngữ dân tộc sử dụng", Kind: Text, Aggregation: None},

	{Code: "LD.luot_xe", Form: "LD", Label: "Lượt xe thông tin lưu động", Measure: "lượt", Kind: Count, Aggregation: Sum},
	{Code: "LD.buoi_bieu_dien", Form: "LD", Label: "Buổi biểu diễn", Measure: "buổi", Kind: Count, Aggregation: Sum},
	{Code: "LD.luot_xem", Form: "LD", Label: "Người xem", Measure: "lượt", Kind: Count, Aggregation: Sum},

	{Code: "VHTT.chuong_trinh", Form: "VHTT", Label: "Chương trình, buổi văn hóa, văn nghệ, thể thao", Measure: "chương trình", Kind: Count, Aggregation: Sum},
	{Code: "VHTT.luot", Form: "VHTT", Label: "Người tham gia", Measure: "lượt", Kind: Count, Aggregation: Sum},

	{Code: "THI.cuoc_thi", Form: "THI", Label: "Cuộc thi tìm hiểu", Measure: "cuộc thi", Kind: Count, Aggregation: Sum},
	{Code: "THI.bai_du_thi", Form: "THI", Label: "Bài dự thi", Measure: "bài", Kind: Count, Aggregation: Sum},
	{Code: "THI.luot", Form: "THI", Label: "Người tham gia", Measure: "lượt", Kind: Count, Aggregation: Sum},
	{Code: "THI.giai", Form: "THI", Label: "Giải thưởng", Measure: "giải", Kind: Count, Aggregation: Sum},

	{Code: "MXH.bai_dang", Form: "MXH", Label: "Bài đăng", Measure: "bài", Kind: Count, Aggregation: Sum},
	{Code: "MXH.luot_xem", Form: "MXH", Label: "Lượt xem, tiếp cận", Measure: "lượt", Kind: Count, Aggregation: Sum},
	{Code: "MXH.luot_thich", Form: "MXH", Label: "Lượt thích, theo dõi", Measure: "lượt", Kind: Count, Aggregation: Sum},
	{Code: "MXH.nhom", Form: "MXH", Label: "Nhóm, trang", Measure: "nhóm", Kind: Count, Aggregation: Sum},
	{Code: "MXH.thanh_vien", Form: "MXH", Label: "Thành viên nhóm", Measure: "người", Kind: Count, Aggregation: Sum},

	{Code: "DLXH.bao_cao", Form: "DLXH", Label: "Báo cáo dư luận xã hội (tháng, quý, đột xuất)", Measure: "báo cáo", Kind: Count, Aggregation: Sum},
	{Code: "DLXH.tin_phan_anh", Form: "DLXH", Label: "Tin phản ánh", Measure: "tin", Kind: Count, Aggregation: Sum},
	{Code: "DLXH.cong_tac_vien", Form: "DLXH", Label: "Cộng tác viên dư luận xã hội", Measure: "người", Kind: Count, Aggregation: Sum},
	{Code: "DLXH.van_de", Form: "DLXH", Label: "Vấn đề nổi cộm", Kind: Text, Aggregation: None},
}

// Catalogue is the default indicator set shipped with the product. Each
// call returns a fresh copy, numbered in catalogue order.
func Catalogue() IndicatorSet {
	is := make([]Indicator, len(catalogue))
	for i, ind := range catalogue {
		ind.Ordinal = i + 1
		is[i] = ind
	}
	return IndicatorSet{Code: DefaultSetCode, Name: "Bộ chỉ tiêu mặc định", Indicators: is}
}
