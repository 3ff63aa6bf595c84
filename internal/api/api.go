// Package api is Lan Tỏa's JSON API under /api/v1: the use cases of
// package app for other systems and scripts. A client signs in with
// POST /api/v1/session and sends the token it gets back as
// "Authorization: Bearer …", or sends a personal token its owner made
// (POST /api/v1/tokens, or the page /ma-truy-cap), which acts as that
// person until revoked. Every answer is JSON, every error
// application/problem+json (RFC 9457) with a Vietnamese message.
package api

import (
	"log/slog"
	"net/http"
	"strings"

	"lantoa/internal/app"
	"lantoa/internal/problem"
)

// Options are what the API needs from the rest of the program.
type Options struct {
	App *app.Service
	Log *slog.Logger
}

// prefix is where the API is mounted; its patterns include it because the
// web application hands requests over unchanged.
const prefix = "/api/v1"

type server struct {
	app *app.Service
	log *slog.Logger
}

// caller is who sent a request: the actor of the bearer token, and the
// token itself (to sign out with). Public routes get the zero caller.
type caller struct {
	actor app.Actor
	token string
}

// handler serves one route; an error it returns is answered as a problem.
type handler func(s *server, w http.ResponseWriter, r *http.Request, c caller) error

// route is one operation of the API. The OpenAPI document (openapi.json)
// must describe exactly these; a test holds them together.
type route struct {
	pattern string // method and path below prefix: "GET /documents/{id}"
	public  bool   // served without a bearer token
	serve   handler
}

var routes = []route{
	{"POST /session", true, (*server).signIn},
	{"DELETE /session", false, (*server).signOut},
	{"GET /openapi.json", true, (*server).openAPI},
	{"POST /tokens", false, (*server).createToken},
	{"GET /tokens", false, (*server).tokens},
	{"DELETE /tokens/{id}", false, (*server).revokeToken},
	{"POST /documents", false, (*server).uploadDocument},
	{"GET /documents", false, (*server).documents},
	{"GET /documents/{id}", false, (*server).document},
	{"GET /documents/{id}/cascade", false, (*server).cascade},
	{"GET /documents/{id}/file", false, (*server).documentFile},
	{"GET /documents/{id}/export", false, (*server).documentExport},
	{"POST /documents/{id}/assignments", false, (*server).assignFromDocument},
	{"GET /units", false, (*server).units},
	{"GET /units/{id}", false, (*server).unit},
	{"GET /assignments", false, (*server).toDo},
	{"GET /assignments/{id}", false, (*server).assignment},
	{"POST /assignments/{id}/receive", false, (*server).receive},
	{"POST /assignments/{id}/acknowledge", false, (*server).acknowledge},
	{"POST /activities", false, (*server).recordActivity},
	{"GET /activities", false, (*server).activities},
	{"GET /activities/{id}", false, (*server).activity},
	{"POST /reports", false, (*server).createReport},
	{"GET /reports/{id}", false, (*server).reportPage},
	{"PATCH /reports/{id}", false, (*server).editReport},
	{"POST /reports/{id}/submit", false, (*server).submitReport},
	{"POST /reports/{id}/accept", false, (*server).acceptReport},
	{"POST /reports/{id}/return", false, (*server).returnReport},
	{"GET /rollup", false, (*server).rollup},
	{"GET /rollup/export", false, (*server).rollupExport},
}

// New returns the API's handler, mounted at /api/v1/.
func New(o Options) http.Handler {
	s := &server{app: o.App, log: o.Log}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	mux := http.NewServeMux()
	for _, rt := range routes {
		method, path, _ := strings.Cut(rt.pattern, " ")
		mux.Handle(method+" "+prefix+path, s.endpoint(rt))
	}
	mux.HandleFunc(prefix+"/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, problem.Errorf(problem.NotFound, "API không có địa chỉ %s %s; danh sách ở %s/openapi.json", r.Method, r.URL.Path, prefix))
	})
	return mux
}

// endpoint authenticates the request (unless the route is public), runs
// the route and answers its error.
func (s *server) endpoint(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		var c caller
		if !rt.public {
			var err error
			if c, err = s.authenticate(r); err != nil {
				s.fail(w, r, err)
				return
			}
		}
		if err := rt.serve(s, w, r, c); err != nil {
			s.fail(w, r, err)
		}
	})
}
