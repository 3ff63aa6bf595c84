package web

// The English of the personal API token page.
func init() {
	addEnglish(map[string]string{
		"Mã truy cập API": "API tokens",
		"Mã truy cập cho phép chương trình hoặc bảng tính của bạn dùng API của Lan Tỏa với đúng quyền của tài khoản này. Giữ mã như giữ mật khẩu; thu hồi ngay khi không dùng nữa.": "A token lets your program or spreadsheet use Lan Tỏa's API with exactly the rights of this account. Keep it like a password; revoke it as soon as it is no longer used.",
		"Mã truy cập mới": "New token",
		"Hãy chép mã này ngay: Lan Tỏa chỉ hiện nó một lần, sau đó không ai xem lại được.": "Copy this token now: Lan Tỏa shows it only once, and nobody can see it again afterwards.",
		"Mã truy cập": "Token",
		"Gửi kèm mỗi yêu cầu trong tiêu đề": "Send it with every request in the header",
		"mã":                        "token",
		"Tạo mã truy cập":           "Create a token",
		"Tên gợi nhớ":               "Name",
		"ví dụ: Bảng tính tổng hợp": "for example: Summary spreadsheet",
		"Dùng đến hết ngày (dd/mm/yyyy, để trống nếu không hết hạn)": "Valid through (dd/mm/yyyy; leave empty for no expiry)",
		"Các mã truy cập của bạn":                                    "Your tokens",
		"Ngày tạo":                                                   "Created",
		"Dùng lần cuối":                                              "Last used",
		"Hết hạn":                                                    "Expires",
		"Tình trạng":                                                 "State",
		"Chưa dùng":                                                  "Never",
		"Không hết hạn":                                              "Never",
		"Đã thu hồi":                                                 "Revoked",
		"Đang dùng được":                                             "Valid",
		"Đã hết hạn":                                                 "Expired",
		"Thu hồi mã":                                                 "Revoke token",
		"Thu hồi":                                                    "Revoke",
		"Bạn chưa tạo mã truy cập nào.":                              "You have not created any token.",

		"Hãy đặt tên cho mã truy cập, ví dụ \"Bảng tính tổng hợp\"": "Give the token a name, for example \"Summary spreadsheet\"",
		"Không có mã truy cập này":                                  "There is no such token",
	})
}
