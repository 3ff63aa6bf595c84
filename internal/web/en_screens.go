package web

// English for the texts added when the pages were fitted to phones and
// long letters.
func init() {
	addEnglish(map[string]string{
		"Xem toàn văn":            "Show the full text",
		"Người dùng":              "User",
		"Nhiệm vụ như dòng trên.": "The same task as the line above.",
	})
}
