package web

import (
	"mime"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"lantoa/internal/vn"
)

// sendFile answers with a file to save: its name survives in any browser
// (an ASCII fallback beside the UTF-8 name), and its type comes from the
// name, never from sniffing the content.
func sendFile(w http.ResponseWriter, name string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", fileType(name))
	h.Set("Content-Disposition", attachment(name))
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("Cache-Control", "private, no-store")
	w.Write(data)
}

// fileType is the media type of the formats documents come in and go out as.
func fileType(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".pdf":
		return "application/pdf"
	case ".docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case ".xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case ".doc":
		return "application/msword"
	case ".zip":
		return "application/zip"
	}
	return "application/octet-stream"
}

// attachment is a Content-Disposition naming the file: a plain filename
// without diacritics for old browsers, and filename* in UTF-8 for the
// Vietnamese one. A slash is part of a notation (12-CT/TW) here, never a
// folder, so it becomes a dash.
func attachment(name string) string {
	name = strings.NewReplacer("/", "-", "\\", "-").Replace(name)
	plain := strings.Map(func(r rune) rune {
		switch {
		case r < 0x20 || r == 0x7f || r == '"':
			return '_'
		case r < utf8.RuneSelf:
			return r
		}
		f := vn.FoldRune(r)
		if f < 0 {
			return -1
		}
		if unicode.IsUpper(r) {
			f = unicode.ToUpper(f)
		}
		if f >= utf8.RuneSelf {
			return '_'
		}
		return f
	}, norm.NFC.String(name))
	v := `attachment; filename="` + plain + `"`
	if strings.ContainsFunc(name, func(r rune) bool { return r >= utf8.RuneSelf }) {
		if enc := mime.FormatMediaType("attachment", map[string]string{"filename": name}); enc != "" {
			v += "; " + strings.TrimPrefix(enc, "attachment; ")
		}
	}
	return v
}
