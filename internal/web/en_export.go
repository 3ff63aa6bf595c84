package web

// English for the download buttons of documents in the official layout.
func init() {
	addEnglish(map[string]string{
		"Tải báo cáo":                 "Download the report",
		"Tải báo cáo (.docx)":         "Download the report (.docx)",
		"Tải báo cáo (.pdf)":          "Download the report (.pdf)",
		"Tải phụ lục số liệu (.xlsx)": "Download the figures annex (.xlsx)",
		"Tải văn bản (.docx)":         "Download the document (.docx)",
		"Tải văn bản (.pdf)":          "Download the document (.pdf)",
	})
}
