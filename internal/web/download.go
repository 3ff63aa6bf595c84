package web

import (
	"net/http"
	"path/filepath"
	"strconv"
	"strings"

	"lantoa/internal/export"
)

// sendFile answers with a file to save: its name survives in any browser
// (export.Attachment), its type comes from the name, never from sniffing
// the content, and no cache keeps it.
func sendFile(w http.ResponseWriter, name string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", fileType(name))
	h.Set("Content-Disposition", export.Attachment(name))
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
