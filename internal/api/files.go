package api

import (
	"mime"
	"net/http"
	"strconv"

	"lantoa/internal/document"
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
	h := w.Header()
	h.Set("Content-Type", "application/octet-stream")
	if v := mime.FormatMediaType("attachment", map[string]string{"filename": f.Name}); v != "" {
		h.Set("Content-Disposition", v)
	}
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(http.StatusOK)
	_, err = w.Write(data)
	return err
}
