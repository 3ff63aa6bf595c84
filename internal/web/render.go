package web

import (
	"bytes"
	"errors"
	"html/template"
	"net/http"
	"strings"
	"unicode/utf8"

	"lantoa/internal/app"
	"lantoa/internal/problem"
	"lantoa/internal/task"
	"lantoa/internal/vn"
)

// pages are the templates of each language, each page parsed with the
// layout and the partials it uses.
type pages map[language]map[string]*template.Template

// add parses page in every language.
func (ps pages) add(page string, partials ...string) {
	names := append([]string{"templates/layout.html"}, partials...)
	names = append(names, "templates/"+page+".html")
	for _, lang := range languages {
		if ps[lang] == nil {
			ps[lang] = map[string]*template.Template{}
		}
		ps[lang][page] = template.Must(template.New(page).Funcs(funcs).Funcs(documentFuncs).Funcs(workFuncs).Funcs(adminFuncs).
			Funcs(languageFuncs(lang)).ParseFS(files, names...))
	}
}

var funcs = template.FuncMap{
	// brief is the start of a long text (a task may be a whole letter):
	// whole words up to about n characters, marked as cut; the page shows
	// the rest on demand.
	"brief":  brief,
	"isLong": func(s string, n int) bool { return utf8.RuneCountInString(s) > n },
	"deadline": func(d task.Deadline) string {
		switch {
		case !d.Date.IsZero():
			return vn.FormatDate(d.Date)
		case d.Text != "":
			return d.Text
		}
		return "Không có hạn"
	},
}

func parsePages() pages {
	ps := pages{}
	for _, name := range []string{"login", "home", "error"} {
		ps.add(name)
	}
	return ps
}

// view is what every page gets: its title, who is signed in (nil on the
// sign-in page), the page's own data, and (set by render) the page's path
// for the language switch and the count of the person's reminders.
type view struct {
	Title   string
	Actor   *app.Actor
	Data    any
	Path    string
	Notices int // the person's reminders, counted in the menu
}

// render writes a page with status; it renders into a buffer first so a
// template error becomes a clean error page, not half a page.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, page string, v view) {
	var buf bytes.Buffer
	v.Path = r.URL.RequestURI()
	if v.Actor != nil {
		v.Notices = s.noticeCount(r.Context(), *v.Actor)
	}
	if r.Method != http.MethodGet {
		v.Path = "/" // a form's result cannot be shown again by a GET
	}
	if err := s.pages[languageOf(r)][page].ExecuteTemplate(&buf, "layout", v); err != nil {
		s.log.Error("rendering a page", "page", page, "err", err)
		if page != "error" {
			s.internalError(w, r)
		}
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store") // pages show one person's work
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// message shows a page holding one message.
func (s *server) message(w http.ResponseWriter, r *http.Request, status int, title, text string) {
	s.render(w, r, status, "error", view{Title: title, Data: text})
}

func (s *server) internalError(w http.ResponseWriter, r *http.Request) {
	s.message(w, r, http.StatusInternalServerError, "Đã có lỗi",
		"Lan Tỏa gặp lỗi khi xử lý yêu cầu này. Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo quản trị.")
}

// fail shows err: the message of a problem the user can act on, with its
// status, or a generic page for a fault of ours (logged, not shown).
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := statusOf(err)
	if status == http.StatusInternalServerError {
		s.log.Error("serving a page", "method", r.Method, "path", r.URL.Path, "err", err)
		s.internalError(w, r)
		return
	}
	s.message(w, r, status, "Không thực hiện được", msg)
}

// statusOf maps an error of the use cases to an HTTP status and the
// message to show.
func statusOf(err error) (int, string) {
	var p *problem.Error
	if !errors.As(err, &p) {
		return http.StatusInternalServerError, ""
	}
	if errors.Is(err, app.ErrTooManyAttempts) {
		return http.StatusTooManyRequests, p.Msg
	}
	if status := problem.HTTPStatus(p.Kind); status != http.StatusInternalServerError {
		return status, p.Msg
	}
	return http.StatusInternalServerError, ""
}

// brief cuts s to at most n characters at a space, adding "…" when cut.
func brief(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	cut := r[:n]
	if i := strings.LastIndexByte(string(cut), ' '); i > len(string(cut))/2 {
		return strings.TrimRight(string(cut)[:i], " ,;:") + "…"
	}
	return string(cut) + "…"
}

// formRead parses a posted form, showing a clear error when it cannot be
// read (a body cut off or over its limit); ok is then false.
func (s *server) formRead(w http.ResponseWriter, r *http.Request) bool {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, problem.Errorf(problem.Invalid, "Không đọc được nội dung gửi lên; hãy mở lại trang và thử lại"))
		return false
	}
	return true
}
