package api

import (
	_ "embed"
	"net/http"
)

// openAPIDoc describes the routes of this package; TestOpenAPIDescribesEveryRoute
// keeps the two in step.
//
//go:embed openapi.json
var openAPIDoc []byte

func (s *server) openAPI(w http.ResponseWriter, r *http.Request, _ caller) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPIDoc) // a client gone away is no error of ours
	return nil
}
