package web

// English for the bulk uploads: a .zip of documents, an organisation sheet.
func init() {
	addEnglish(map[string]string{
		// import-zip.html and the upload page's form
		"Nạp nhiều văn bản":        "Import many documents",
		"Nạp nhiều văn bản (.zip)": "Import many documents (.zip)",
		"Chọn tệp nén .zip chứa các văn bản (Word, PDF hoặc văn bản thuần, đến %d MB). Lan Tỏa đọc từng văn bản, lưu văn bản mới vào sổ lưu tham chiếu của đơn vị, bỏ qua văn bản đã có và báo lại từng tệp.": "Choose a .zip archive of documents (Word, PDF or plain text, up to %d MB). Lan Tỏa reads each document, stores the new ones in the unit's reference register, skips those already stored and reports on every file.",
		"Đơn vị nhận vào sổ lưu tham chiếu": "Unit whose reference register receives them",
		"Tệp nén .zip":              ".zip archive",
		"Nạp các văn bản":           "Import the documents",
		"Tệp nén":                   "Archive",
		"vào sổ lưu tham chiếu của": "into the reference register of",
		"Đang nạp: xong %s trong %s tệp. Trang tự cập nhật sau vài giây.": "Importing: %s of %s files done. This page updates itself every few seconds.",
		"Lượt nạp đã dừng giữa chừng sau %s trong %s tệp (máy chủ đã dừng). Các văn bản đã nạp được giữ lại; hãy nạp lại tệp nén, văn bản đã có sẽ được bỏ qua.": "The import stopped after %s of %s files (the server stopped). The documents imported are kept; import the archive again and those already stored will be skipped.",
		"Lượt nạp không hoàn thành": "The import did not complete",
		"Đã nạp xong.":              "Import finished.",
		"Đã có, bỏ qua":             "Already stored, skipped",
		"Lỗi":                       "Failed",
		"Tổng số tệp":               "Files in all",
		"Tải kết quả từng tệp (JSON Lines)": "Download the result of every file (JSON Lines)",
		"Nạp tệp nén khác":                  "Import another archive",
		"Kết quả từng tệp":                  "Result of each file",
		"Hiện %s tệp đầu, tệp lỗi trước; tệp kết quả có đủ.": "Showing the first %s files, failures first; the downloadable results have them all.",
		"Đã có": "Already stored",
		"Hãy chọn tệp nén .zip chứa các văn bản":             "Choose a .zip archive of documents",
		"Hãy chọn đơn vị nhận văn bản vào sổ lưu tham chiếu": "Choose the unit whose reference register receives the documents",
		errZipTooLarge.Error(): "The archive is too large: this page takes up to 100 MB; ask an administrator to import larger ones with lantoa import",
		"Tệp nén .zip bị hỏng hoặc không phải tệp .zip: không đọc được danh mục bên trong": "The .zip archive is damaged or not a .zip file: its list of contents cannot be read",
		"Tệp nén không có văn bản nào (.txt, .docx, .pdf, .doc, .odt)":                     "The archive holds no documents (.txt, .docx, .pdf, .doc, .odt)",

		// the units page's sheet form and admin-units-import.html
		"Nạp danh sách đơn vị":        "Import a list of units",
		"Nạp danh sách đơn vị từ tệp": "Import a list of units from a file",
		"Tệp .xlsx hoặc .csv (UTF-8), mỗi dòng một đơn vị, các cột theo thứ tự: mã đơn vị, tên, loại, khối, mã các đơn vị cấp trên (cách nhau bởi dấu ; hoặc ,), từ ngày, đến ngày (dd/mm/yyyy, để trống nếu còn hiệu lực). Cả tệp được kiểm tra trước; có lỗi thì không ghi gì.": "An .xlsx or .csv (UTF-8) file, one unit a line, with these columns in order: unit code, name, kind, family, codes of the directing units (separated by ; or ,), valid from, valid to (dd/mm/yyyy, empty while still valid). The whole file is checked first; if anything is wrong, nothing is written.",
		"Tệp danh sách đơn vị":                        "List of units",
		"Chỉ kiểm tra, chưa ghi":                      "Only check, write nothing",
		"Nạp danh sách":                               "Import the list",
		"Tệp có %d lỗi, chưa ghi gì":                  "The file has %d errors; nothing was written",
		"Hãy sửa các dòng sau trong tệp rồi nạp lại.": "Correct these lines in the file and import it again.",
		"Tệp hợp lệ. Khi nạp sẽ tạo %d đơn vị và %d liên kết chỉ đạo; lần này chưa ghi gì.": "The file is valid. Importing it will create %d units and %d direction links; nothing was written this time.",
		"Đã tạo %d đơn vị và %d liên kết chỉ đạo.":                                          "Created %d units and %d direction links.",
		"Mã các đơn vị":  "Unit codes",
		"Về cây tổ chức": "Back to the organisation tree",
		"Hãy chọn tệp danh sách đơn vị (.xlsx hoặc .csv)":                                               "Choose the list of units (.xlsx or .csv)",
		"Không đọc được tệp gửi lên; hãy chọn lại tệp và thử lại":                                       "The file sent could not be read; choose it again and retry",
		"Không đọc được tệp gửi lên (tệp quá lớn hoặc bị ngắt giữa chừng); hãy chọn lại tệp và thử lại": "The file sent could not be read (too large, or cut off); choose it again and retry",
	})
}
