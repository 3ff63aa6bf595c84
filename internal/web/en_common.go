package web

// The English of the layout, the sign-in page and the messages every page
// may show.
func init() {
	addEnglish(map[string]string{
		"Chức năng":          "Functions",
		"Sổ văn bản":         "Registers",
		"Vào sổ văn bản đến": "Register an incoming document",
		"Cây tổ chức":        "Organisation",
		"Tài khoản":          "Accounts",
		"Nhật ký":            "Audit log",
		"Đổi mật khẩu":       "Change password",
		"Đăng xuất":          "Sign out",
		"Về trang chủ":       "Back to the home page",
		"Đăng nhập":          "Sign in",
		"Tên đăng nhập":      "Username",
		"Mật khẩu":           "Password",

		"Tên đăng nhập hoặc mật khẩu không đúng":                                 "Wrong username or password",
		"Hãy nhập tên đăng nhập và mật khẩu":                                     "Enter your username and password",
		"Không đọc được nội dung gửi lên; hãy mở lại trang đăng nhập và thử lại": "The form could not be read; open the sign-in page again and retry",

		"Yêu cầu bị từ chối": "Request refused",
		"Yêu cầu này không đến từ trang của Lan Tỏa nên đã bị từ chối. Hãy mở lại trang và thử lại.": "This request did not come from a Lan Tỏa page, so it was refused. Open the page again and retry.",
		"Không tìm thấy trang":                          "Page not found",
		"Không có trang này. Hãy kiểm tra lại địa chỉ.": "There is no such page. Check the address.",
		"Đã có lỗi":                                     "Something went wrong",
		"Lan Tỏa gặp lỗi khi xử lý yêu cầu này. Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo quản trị.": "Lan Tỏa failed to handle this request. Try again in a few minutes; if it still fails, tell your administrator.",
		"Không thực hiện được": "Could not be done",
	})
}
