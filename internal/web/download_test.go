package web

import "testing"

// A Vietnamese file name keeps its letters for browsers that read the
// UTF-8 form, and others get a readable ASCII one; nothing in the name can
// break out of the header.
func TestAttachmentNamesSurviveEveryBrowser(t *testing.T) {
	for name, want := range map[string]string{
		"967-LDLD.txt":                  `attachment; filename="967-LDLD.txt"`,
		"Báo cáo kết quả 12-CT/TW.docx": `attachment; filename="Bao cao ket qua 12-CT-TW.docx"; filename*=utf-8''B%C3%A1o%20c%C3%A1o%20k%E1%BA%BFt%20qu%E1%BA%A3%2012-CT-TW.docx`,
		"ĐẢNG.txt":                      `attachment; filename="DANG.txt"; filename*=utf-8''%C4%90%E1%BA%A2NG.txt`,
		`a"b\c.xlsx`:                    `attachment; filename="a_b-c.xlsx"`,
	} {
		if got := attachment(name); got != want {
			t.Errorf("attachment(%q) = %s\nwant %s", name, got, want)
		}
	}
}
