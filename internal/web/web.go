// Package web serves Lan Tỏa's pages: server-rendered HTML in Vietnamese,
// with templates and styles embedded in the binary and no script. Handlers
// decode the request, call a use case of package app and render; every
// rule lives in app. Nothing is kept in the process between requests, so
// several instances can share one database behind a load balancer.
package web

import (
	"context"
	"embed"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"lantoa/internal/api"
	"lantoa/internal/app"
	"lantoa/internal/memo"
)

//go:embed templates static
var files embed.FS

// maxBody caps a request body: the forms of this slice are a few fields.
const maxBody = 1 << 20

// Options are what the web application needs from the rest of the program.
type Options struct {
	App  *app.Service
	Ping func(context.Context) error // does the database answer?
	Log  *slog.Logger

	RemindDays []int // days before a deadline the notices start (empty: app.DefaultRemindDays)
}

type server struct {
	app   *app.Service
	ping  func(context.Context) error
	log   *slog.Logger
	pages pages

	remindDays []int

	pagesKept memo.Memo[pageKey, keptPage] // see remember
}

// New returns the web application's handler.
func New(o Options) http.Handler {
	s := newServer(o)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /dang-nhap", s.loginPage)
	mux.HandleFunc("POST /dang-nhap", s.login)
	mux.HandleFunc("POST /dang-xuat", s.logout)
	mux.HandleFunc("POST /ngon-ngu", s.switchLanguage)
	mux.HandleFunc("GET /{$}", s.home)
	s.documentRoutes(mux)
	s.workRoutes(mux)
	s.adminRoutes(mux)
	s.tokenRoutes(mux)
	s.exportRoutes(mux)
	s.noticeRoutes(mux)
	s.periodRoutes(mux)
	s.searchRoutes(mux)
	s.bulkImportRoutes(mux)
	mux.Handle("/api/v1/", api.New(api.Options{App: o.App, Log: s.log}))
	mux.Handle("GET /static/", staticFiles())
	mux.HandleFunc("/", s.notFound)
	return s.wrap(s.remember(mux))
}

func newServer(o Options) *server {
	log := o.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &server{app: o.App, ping: o.Ping, log: log, pages: parsePages(), remindDays: o.RemindDays}
	s.pagesKept.Max = pagesKept
	return s
}

// wrap puts the protections every request goes through around h: no
// panic reaches the user, the security headers, a body limit, and a
// refusal of cross-origin state changes (CSRF).
func (s *server) wrap(h http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.message(w, r, http.StatusForbidden, "Yêu cầu bị từ chối",
			"Yêu cầu này không đến từ trang của Lan Tỏa nên đã bị từ chối. Hãy mở lại trang và thử lại.")
	}))
	h = cop.Handler(h)
	return s.recoverPanics(securityHeaders(limitBody(h)))
}

func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "same-origin")
		h.ServeHTTP(w, r)
	})
}

func limitBody(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		limit, ok := bodyLimits[r.URL.Path] // uploads need more
		if !ok {
			limit = maxBody
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		h.ServeHTTP(w, r)
	})
}

// recoverPanics logs a panic with its stack and shows the user a page
// that says only that something went wrong.
func (s *server) recoverPanics(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Error("panic serving a page", "method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
			s.internalError(w, r)
		}()
		h.ServeHTTP(w, r)
	})
}

func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := s.ping(ctx); err != nil {
		s.log.Error("health check: the database does not answer", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("cơ sở dữ liệu không trả lời\n"))
		return
	}
	w.Write([]byte("ok\n"))
}

// notFound keeps the navigation for someone signed in, so a mistyped
// address is not a dead end; it never sends anyone to the sign-in page.
func (s *server) notFound(w http.ResponseWriter, r *http.Request) {
	v := view{Title: "Không tìm thấy trang", Data: "Không có trang này. Hãy kiểm tra lại địa chỉ."}
	if c, err := r.Cookie(cookieName); err == nil {
		if a, err := s.app.ActorForSession(r.Context(), c.Value, remote(r)); err == nil {
			v.Actor = &a
		}
	}
	s.render(w, r, http.StatusNotFound, "error", v)
}

func staticFiles() http.Handler {
	fs := http.FileServerFS(files)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fs.ServeHTTP(w, r)
	})
}
