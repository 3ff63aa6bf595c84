package web

import (
	"fmt"

	"lantoa/internal/app"
)

// The English of the register, the directive dashboard, the activity and
// report pages, the administration pages (accounts, audit log, password)
// and the header's menu, with the titles and messages their Go code gives.
// Indicator names and measures are not translated: they are the official
// terms of the reporting forms.
func init() {
	addEnglish(map[string]string{
		// Header.
		"Menu":              "Menu",
		"Tài khoản của bạn": "Your account",

		// Shared words of these pages.
		"Tất cả":         "All",
		"Quá hạn":        "Overdue",
		"Hạn":            "Deadline",
		"nhiệm vụ":       "assignments",
		"Được giao":      "Assigned",
		"Từ ngày":        "From",
		"Đến ngày":       "To",
		"Lưu":            "Save",
		"Trang":          "Pages",
		"Trang trước":    "Previous page",
		"Trang sau":      "Next page",
		"Kết quả":        "Results",
		"Dư luận xã hội": "Public opinion",
		"Hạn chế":        "Shortcomings",
		"Đề xuất":        "Proposals",
		"đã sửa tay":     "changed by hand",
		"Chỉ tiêu":       "Indicator",
		"Số liệu":        "Figures",
		"Họ tên":         "Full name",

		// Register.
		"Số, ký hiệu hoặc trích yếu":            "Number, notation or subject",
		"ví dụ: 71-HD hoặc học tập nghị quyết":  "e.g. 71-HD or học tập nghị quyết",
		"ví dụ: Hướng dẫn":                      "e.g. Hướng dẫn",
		"Vào sổ từ ngày":                        "Registered from",
		"Lọc":                                   "Filter",
		"%s văn bản; trang %d/%d.":              "%s documents; page %d of %d.",
		"Số đến/đi":                             "In/out no.",
		"Ngày vào sổ":                           "Registered on",
		"Không có văn bản nào khớp với bộ lọc.": "No document matches the filter.",
		"Không có văn bản nào.":                 "No documents.",
		"Ngày phải viết theo dạng ngày/tháng/năm, ví dụ 15/07/2022": "Write the date as day/month/year, for example 15/07/2022",

		// Directive dashboard.
		"Đơn vị (mã)":                  "Unit (code)",
		"Số liệu đến ngày":             "Figures as of",
		"%s — đến ngày %s":             "%s — as of %s",
		"Tiến độ các đơn vị được giao": "Progress of the assigned units",
		"Đơn vị quá hạn báo cáo":       "Units late in reporting",
		"Hiển thị %d trong %d nhiệm vụ quá hạn, quá hạn lâu nhất trước.": "Showing %d of %d overdue assignments, longest overdue first.",
		"Kết quả theo hình thức tuyên truyền":                            "Results by form of propaganda",
		"Chưa có kết quả nào được báo cáo đến ngày này.":                 "No results had been reported by this day.",
		"ý kiến":                 "answers",
		"Chỉ tiêu khác":          "Other indicators",
		"Theo đơn vị trực thuộc": "By subordinate unit",
		"Số đơn vị đã báo cáo trên số đơn vị được giao, theo đơn vị trực thuộc": "Units that reported out of units assigned, by subordinate unit",
		"%s: %s đơn vị đã báo cáo": "%s: %s units reported",
		", có nhiệm vụ quá hạn":    ", with overdue assignments",
		"Thanh xám: số đơn vị được giao; thanh màu: số đơn vị đã báo cáo (đỏ khi có nhiệm vụ quá hạn).": "Grey bar: units assigned; coloured bar: units that reported (red when some assignment is overdue).",
		"Tỷ lệ báo cáo": "Reporting rate",
		"Quá hạn: %d":   "Overdue: %d",
		"Không quá hạn": "None overdue",

		// Activity.
		"Hình thức tuyên truyền":         "Form of propaganda",
		"Hình thức":                      "Form",
		"Tiếp tục":                       "Continue",
		"chọn hình thức khác":            "choose another form",
		"Tên hoạt động":                  "Name of the activity",
		"Ngày thực hiện":                 "Date held",
		"Ngày kết thúc (nếu nhiều ngày)": "End date (if several days)",
		"Địa điểm":                       "Place",
		"Đường dẫn bài viết, video (mỗi dòng một đường dẫn)": "Links to articles, videos (one link per line)",
		"Lưu hoạt động": "Save the activity",
		"%s: tử số":     "%s: numerator",
		"%s: mẫu số":    "%s: denominator",
		"trên":          "of",
		"Số tính từ hoạt động và báo cáo cấp dưới:":             "Computed from activities and reports below:",
		"Hãy chọn hình thức tuyên truyền":                       "Choose a form of propaganda",
		"Hãy nhập ngày thực hiện":                               "Enter the date it was held",
		"Ngày phải viết dạng ngày/tháng/năm, ví dụ 05/03/2025":  "Write the date as day/month/year, for example 05/03/2025",
		"Ngày phải viết dạng ngày/tháng/năm, ví dụ 07/03/2025":  "Write the date as day/month/year, for example 07/03/2025",
		"Ngày kết thúc trước ngày bắt đầu":                      "The end date is before the start date",
		"Hãy ghi tên hoạt động":                                 "Write the name of the activity",
		"Hãy nhập cả tử số và mẫu số bằng số, ví dụ 45 trên 50": "Enter both numerator and denominator as numbers, for example 45 of 50",
		"Hãy nhập một số, ví dụ 1.250 hoặc 12,5":                "Enter a number, for example 1.250 or 12,5",

		// Report.
		"Lập báo cáo kết quả": "Draw up a results report",
		"Lan Tỏa tính sẵn số liệu từ các hoạt động của đơn vị và báo cáo đã duyệt của cấp dưới trong kỳ; bạn sửa được trước khi gửi.": "Lan Tỏa fills in the figures from the unit's activities and the accepted reports of the units below in the period; you can change them before sending.",
		"Lập báo cáo":        "Draw up the report",
		"Kỳ báo cáo":         "Reporting period",
		"Văn bản chỉ đạo":    "Directive",
		"Ý kiến khi trả lại": "Comment on return",
		"Nội dung báo cáo":   "Report text",
		"Gửi báo cáo lên đơn vị cấp trên. Sau khi gửi, báo cáo không sửa được nữa trừ khi bị trả lại. Hãy bấm “Lưu” trước nếu vừa sửa.": "Send the report to the unit above. Once sent, it cannot be changed unless it is returned. Press “Save” first if you just changed it.",
		"Gửi báo cáo":     "Send the report",
		"Số tính tự động": "Computed figure",
		"Duyệt báo cáo":   "Decide on the report",
		"Duyệt":           "Accept",
		"Trả lại báo cáo": "Return the report",
		"Lý do trả lại":   "Reason for returning",
		"Ngày phải viết dạng ngày/tháng/năm, ví dụ 01/01/2025": "Write the date as day/month/year, for example 01/01/2025",
		"Ngày phải viết dạng ngày/tháng/năm, ví dụ 30/06/2025": "Write the date as day/month/year, for example 30/06/2025",
		"Ngày cuối kỳ trước ngày đầu kỳ":                       "The period ends before it starts",
		"Có chỉ tiêu chưa đúng, hãy xem các ô được đánh dấu":   "Some figures are not right; see the marked fields",
		"Hãy ghi lý do trả lại báo cáo":                        "Write why the report is returned",

		// Accounts.
		"Tài khoản và vai trò":                           "Accounts and roles",
		"Đã tạo tài khoản %s.":                           "Account %s created.",
		"Tạo tài khoản":                                  "Create an account",
		"Họ tên và chức vụ":                              "Full name and position",
		"ví dụ: Nguyễn Văn An (Chuyên viên BTG Tỉnh ủy)": "e.g. Nguyễn Văn An (Chuyên viên BTG Tỉnh ủy)",
		"Mật khẩu ban đầu (ít nhất %d ký tự)":            "Initial password (at least %d characters)",
		"ví dụ: ltu-btg":                                 "e.g. ltu-btg",
		"Các tài khoản":                                  "Accounts",
		"Chưa có vai trò":                                "No role yet",
		"Đã khóa":                                        "Locked",
		"Đang dùng":                                      "Active",
		"Chưa có tài khoản nào.":                         "No accounts yet.",
		"Hãy chọn một vai trò trong danh sách":           "Choose a role from the list",

		// Audit log.
		"Nhật ký hoạt động":                    "Audit log",
		"%s mục; trang %d/%d, mới nhất trước.": "%s entries; page %d of %d, newest first.",
		"Thời điểm":                            "Time",
		"Người làm":                            "By",
		"Việc":                                 "Action",
		"Đối tượng":                            "Object",
		"Chi tiết":                             "Details",
		"Từ địa chỉ":                           "From address",
		"Hệ thống":                             "System",
		"Không có mục nào ở trang này.":        "No entries on this page.",
		"Chỉ quản trị mới xem được trang này": "Only administrators can see this page",

		// Password.
		"Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản này đã được đăng xuất.": "Password changed. The other sessions of this account were signed out.",
		"Mật khẩu hiện tại":                                                         "Current password",
		"Mật khẩu mới (ít nhất %d ký tự)":                                           "New password (at least %d characters)",
		"Nhập lại mật khẩu mới":                                                     "Repeat the new password",
		"Mật khẩu hiện tại không đúng":                                              "The current password is wrong",
		"Mật khẩu mới phải khác mật khẩu hiện tại":                                  "The new password must differ from the current one",
		"Nhập lại mật khẩu mới chưa khớp":                                           "The repeated password does not match",
		fmt.Sprintf("Mật khẩu mới phải có ít nhất %d ký tự", app.MinPasswordLength): fmt.Sprintf("The new password must have at least %d characters", app.MinPasswordLength),
		fmt.Sprintf("Mật khẩu phải có ít nhất %d ký tự", app.MinPasswordLength):     fmt.Sprintf("The password must have at least %d characters", app.MinPasswordLength),

		// Messages of the pages' Go code.
		"Không đọc được nội dung gửi lên; hãy mở lại trang và thử lại": "The form could not be read; open the page again and retry",
		"Không có nhiệm vụ này. Hãy kiểm tra lại địa chỉ.":             "There is no such assignment. Check the address.",
		"Không có báo cáo này. Hãy kiểm tra lại địa chỉ.":              "There is no such report. Check the address.",
		"Không có văn bản này. Hãy kiểm tra lại địa chỉ.":              "There is no such document. Check the address.",
		"Hãy chọn đơn vị cần xem":                                      "Choose the unit to show",
		"Không tìm thấy đơn vị của bạn":                                "Your unit was not found",
	})
}
