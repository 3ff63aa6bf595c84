package web

// The English of the labels the Go code gives the templates: statuses and
// roles of assignments, report statuses, roles of people, the forms of
// propaganda, registers and document statuses. Templates pass them
// through t ({{t .Status.Label}}).
func init() {
	addEnglish(map[string]string{
		// task.Status.Label (Đã nhận, Đã xem are among the workflow pages').
		"Đã gửi":          "Sent",
		"Đang triển khai": "Implementing",
		"Đã báo cáo":      "Reported",
		"Đã duyệt":        "Accepted",
		"Trả lại":         "Returned",

		// task.Role.Label.
		"Chủ trì":  "Lead",
		"Phối hợp": "Support",
		"Để biết":  "For information",

		// report.Status.Label (Đã gửi, Trả lại, Đã duyệt as above).
		"Dự thảo":    "Draft",
		"Đã gửi lại": "Sent again",

		// org.Role.Label.
		"Quản trị":      "Administrator",
		"Văn thư":       "Clerk",
		"Lãnh đạo":      "Leader",
		"Chuyên viên":   "Officer",
		"Cộng tác viên": "Collaborator",

		// report.Forms: the 15 forms of propaganda (the first, "Ban hành văn
		// bản triển khai", is among the workflow pages').
		"Hội nghị học tập, quán triệt":                 "Study and briefing conferences",
		"Lồng ghép sinh hoạt chi bộ":                   "Party cell meetings",
		"Sinh hoạt công đoàn, đoàn thể":                "Union and mass organisation meetings",
		"Tuyên truyền miệng":                           "Oral propaganda",
		"Cổ động trực quan":                            "Visual agitation",
		"Phát thanh":                                   "Radio",
		"Truyền hình":                                  "Television",
		"Báo in, báo điện tử, trang thông tin điện tử": "Print and online press, news websites",
		"Chiếu phim lưu động":                          "Mobile film screenings",
		"Thông tin lưu động":                           "Mobile information teams",
		"Văn hóa, văn nghệ, thể thao":                  "Culture, arts and sports",
		"Cuộc thi tìm hiểu":                            "Knowledge contests",
		"Trang thông tin điện tử, mạng xã hội":         "Websites and social networks",
		"Nắm bắt dư luận xã hội":                       "Monitoring public opinion",

		// Registers: registerLabels and the register page's tabs.
		"Đến":         "In",
		"Đi":          "Out",
		"Tham chiếu":  "Reference",
		"Văn bản đến": "Incoming",
		"Văn bản đi":  "Outgoing",

		// docStatusLabels (Văn bản đến as above).
		"Đã ban hành": "Issued",
		"Bị bãi bỏ":   "Revoked",
		"Bị thay thế": "Replaced",
	})
}
