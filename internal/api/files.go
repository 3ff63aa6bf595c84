package api

import (
	"net/http"
	"strconv"

	"lantoa/internal/document"
	"lantoa/internal/export"
)

// documentFile answers GET /documents/{id}/file: the original file, as it
// was stored, named in Content-Disposition.
func (s *server) documentFile(w http.ResponseWriter, r *http.Request, c caller) error {
	id, err := pathID(r, "văn bản")
	if err != nil {
		return err
	}
	f, data, err := s.app.DocumentFile(r.Context(), c.actor, document.ID(id))
	if err != nil {
		return err
	}
	return sendFile(w, f.Name, "application/octet-stream", data)
}

// sendFile answers with a file to save under name.
func sendFile(w http.ResponseWriter, name, contentType string, data []byte) error {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", export.Attachment(name))
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("Cache-Control", "private, no-store")
	w.WriteHeader(http.StatusOK)
	_, err := w.Write(data)
	return err
}
