package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// language is the language a page is shown in: Vietnamese unless the user
// switched to English. The choice lives in a cookie, never in the process.
type language string

const (
	vietnamese language = "vi"
	english    language = "en"
)

var languages = []language{vietnamese, english}

const languageCookie = "ngon-ngu"

// languageOf is the language the request asks for.
func languageOf(r *http.Request) language {
	if c, err := r.Cookie(languageCookie); err == nil && language(c.Value) == english {
		return english
	}
	return vietnamese
}

// englishText maps the Vietnamese text of the pages to its English
// translation. Each area of the pages adds its own in an init function;
// text without an entry shows in Vietnamese.
var englishText = map[string]string{}

// addEnglish adds translations; one Vietnamese text has one translation.
// A text with fmt verbs (%s, %d, %q) is a message the program builds: it
// also becomes a pattern, so "Không có văn bản số 12" finds the English
// of "Không có văn bản số %d".
func addEnglish(m map[string]string) {
	for vi, en := range m {
		if old, ok := englishText[vi]; ok && old != en {
			panic(fmt.Sprintf("web: two English translations of %q: %q and %q", vi, old, en))
		}
		englishText[vi] = en
		if p, ok := newMessagePattern(vi, en); ok {
			messagePatterns = append(messagePatterns, p)
		}
	}
}

// translate is text in lang.
func translate(lang language, text string) string {
	if lang == english {
		if en, ok := englishText[text]; ok {
			return en
		}
		for _, p := range messagePatterns {
			if en, ok := p.translate(text); ok {
				return en
			}
		}
	}
	return text
}

// messagePattern is a built message: its Vietnamese as a regular
// expression capturing what filled each verb, and its English, whose verbs
// (in order, or numbered as %[2]s) take the same values.
type messagePattern struct {
	vi *regexp.Regexp
	en string
}

var (
	messagePatterns []messagePattern
	messageVerb     = regexp.MustCompile(`%(\[\d+\])?[sdqv]`)
)

func newMessagePattern(vi, en string) (messagePattern, bool) {
	parts := messageVerb.Split(vi, -1)
	if len(parts) < 2 || strings.TrimSpace(strings.Join(parts, "")) == "" {
		return messagePattern{}, false // no verb, or nothing but verbs
	}
	for i, part := range parts {
		parts[i] = regexp.QuoteMeta(part)
	}
	return messagePattern{
		vi: regexp.MustCompile(`^` + strings.Join(parts, `(.+?)`) + `$`),
		en: messageVerb.ReplaceAllStringFunc(en, func(v string) string { return v[:len(v)-1] + "s" }),
	}, true
}

func (p messagePattern) translate(text string) (string, bool) {
	m := p.vi.FindStringSubmatch(text)
	if m == nil {
		return "", false
	}
	args := make([]any, len(m)-1)
	for i, v := range m[1:] {
		args[i] = v
	}
	return fmt.Sprintf(p.en, args...), true
}

// languageFuncs are the template functions that depend on the language:
// t translates a text written in Vietnamese in the template or the code.
func languageFuncs(lang language) template.FuncMap {
	return template.FuncMap{
		"t":    func(text string) string { return translate(lang, text) },
		"lang": func() string { return string(lang) },
	}
}

// switchLanguage keeps the language the user picked, for a year, and goes
// back to the page the switch was pressed on.
func (s *server) switchLanguage(w http.ResponseWriter, r *http.Request) {
	lang := vietnamese
	if language(r.FormValue("lang")) == english {
		lang = english
	}
	http.SetCookie(w, &http.Cookie{
		Name: languageCookie, Value: string(lang), Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, Secure: secure(r), SameSite: http.SameSiteLaxMode,
	})
	http.Redirect(w, r, localPath(r.FormValue("back")), http.StatusSeeOther)
}

// localPath is p when it is a path of this site, otherwise the home page:
// the switch must not become an open redirect.
func localPath(p string) string {
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(p, "//") || strings.Contains(p, `\`) {
		return "/"
	}
	return u.RequestURI()
}
