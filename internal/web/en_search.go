package web

// English of the search box and the search page.
func init() {
	addEnglish(map[string]string{
		"Tìm văn bản": "Search documents",
		"Tìm":         "Search",
		"số":          "no.",
		"Số, ký hiệu, trích yếu hoặc lời trong văn bản": "Number, notation, subject or words of the text",
		"ví dụ: chi thi 12 doi ngoai hoặc 967/LĐLĐ":     "e.g. chi thi 12 doi ngoai or 967/LĐLĐ",
		"Ban hành từ ngày":              "Issued from",
		"%s văn bản khớp; trang %d/%d.": "%s matching documents; page %d of %d.",
		"Hơn %s văn bản khớp; trang %d/%d. Thêm từ hoặc bộ lọc để thu hẹp.":                             "More than %s matching documents; page %d of %d. Add words or filters to narrow them.",
		"Văn bản mật: chỉ người được giao mới xem được nội dung.":                                       "Confidential document: only the people granted it may read its content.",
		"Không có văn bản nào có đủ các từ này. Hãy bớt từ, hoặc bỏ bớt bộ lọc.":                        "No document holds all these words. Try fewer words or fewer filters.",
		"Gõ có dấu hay không dấu, hoa hay thường đều được. Văn bản có đúng số, ký hiệu đã gõ đứng đầu.": "Type with or without accents, in any case. The document whose number and notation you typed comes first.",
	})
}
