package web

import (
	"bytes"
	"net/http"
	"strings"
	"time"
)

// rememberedPrefixes are the pages worth keeping: the dashboard is what
// forty officers reload before a deadline, and it reads the most.
var rememberedPrefixes = []string{"/theo-doi/"}

// pageKey is everything a kept page depends on besides the data: who
// asks (what they may see), in which language, which page, and the day
// (the default as-of day and what counts as overdue).
type pageKey struct {
	account int64
	lang    language
	uri     string
	today   time.Time
}

type keptPage struct {
	header http.Header
	body   []byte
}

// remember serves a remembered page from what this instance rendered
// earlier for the same person, language, address and day, as long as the
// data version has not moved since; otherwise renders it and keeps it.
// Any write by any instance moves the version, so no one sees stale data.
func (s *server) remember(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || !remembered(r.URL.Path) {
			h.ServeHTTP(w, r)
			return
		}
		c, err := r.Cookie(cookieName)
		if err != nil {
			h.ServeHTTP(w, r)
			return
		}
		ctx := r.Context()
		version, err := s.app.DataVersion(ctx)
		if err != nil {
			h.ServeHTTP(w, r) // the page says what is wrong
			return
		}
		a, err := s.app.ActorForSessionAt(ctx, version, c.Value, remote(r))
		if err != nil {
			h.ServeHTTP(w, r)
			return
		}
		key := pageKey{account: a.Account, lang: languageOf(r), uri: r.URL.RequestURI(), today: s.app.Today()}
		if p, ok := s.pagesKept.Get(key, version, time.Time{}); ok {
			for k, v := range p.header {
				w.Header()[k] = v
			}
			w.Write(p.body)
			return
		}
		rec := &recorder{header: http.Header{}, status: http.StatusOK}
		h.ServeHTTP(rec, r)
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.status)
		w.Write(rec.body.Bytes())
		if rec.status == http.StatusOK {
			s.pagesKept.Put(key, version, time.Time{}, keptPage{header: rec.header.Clone(), body: rec.body.Bytes()})
		}
	})
}

func remembered(path string) bool {
	for _, p := range rememberedPrefixes {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// recorder holds a response until it is known to be worth keeping.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) WriteHeader(status int)      { r.status = status }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }

// pagesKept bounds what remember holds: pages are tens of kilobytes.
const pagesKept = 256
