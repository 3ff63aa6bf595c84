package store

import (
	"html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"lantoa/internal/vn"
)

// Snippet is a few words of a document around what a search matched, as
// printed (accents kept), the matched words marked.
type Snippet []SnippetPart

// SnippetPart is a run of a snippet's text, marked when it is a word
// searched for.
type SnippetPart struct {
	Text string
	Mark bool
}

// snippetWords is how many words a snippet shows.
const snippetWords = 30

// HTML is the snippet as HTML: the marked words in <mark>, every text
// escaped, so that it may be put in a page as it is.
func (s Snippet) HTML() string {
	var b strings.Builder
	for _, p := range s {
		if p.Mark {
			b.WriteString("<mark>" + html.EscapeString(p.Text) + "</mark>")
		} else {
			b.WriteString(html.EscapeString(p.Text))
		}
	}
	return b.String()
}

// Plain is the snippet as text, each marked word between before and after.
func (s Snippet) Plain(before, after string) string {
	var b strings.Builder
	for _, p := range s {
		if p.Mark {
			b.WriteString(before + p.Text + after)
		} else {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

// MakeSnippet picks the words to show for a document found by terms (folded
// words): the stretch of the body holding the most different terms, or,
// when the body holds none, the heading.
func MakeSnippet(terms []string, heading, body string) Snippet {
	want := make(map[string]bool, len(terms))
	for _, t := range terms {
		want[t] = true
	}
	if s, ok := bestStretch(want, body, false); ok {
		return s
	}
	s, _ := bestStretch(want, heading, true)
	return s
}

// textWord is a word of a text: where it is and whether it is searched for.
type textWord struct {
	start, end int
	hit        bool
	folded     string
}

// bestStretch finds the snippetWords words of text holding the most
// different terms (the first such stretch); ok is false when none holds
// any. With always, a text without any term still gives its first words.
func bestStretch(want map[string]bool, text string, always bool) (Snippet, bool) {
	text = vn.NFC(text)
	words := wordsOf(text, want)
	if len(words) == 0 {
		return nil, false
	}
	best, bestCount := 0, 0
	var seen []string // the different terms of one stretch: a few
	for i := range words {
		if !words[i].hit {
			continue
		}
		seen = seen[:0]
		for j := i; j < len(words) && j < i+snippetWords; j++ {
			if words[j].hit && !slices.Contains(seen, words[j].folded) {
				seen = append(seen, words[j].folded)
			}
		}
		if len(seen) > bestCount {
			best, bestCount = i, len(seen)
		}
	}
	if bestCount == 0 && !always {
		return nil, false
	}
	// Start a few words before the first match, so it reads in context.
	first := max(0, best-5)
	if bestCount == 0 {
		first = 0
	}
	last := min(len(words), first+snippetWords) - 1
	var s Snippet
	if first > 0 {
		s = append(s, SnippetPart{Text: "… "})
	}
	at := words[first].start
	if first == 0 { // from the very start: a quote or bracket before the first word stays
		at = len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
	}
	for _, w := range words[first : last+1] {
		if !w.hit {
			continue
		}
		if w.start > at {
			s = append(s, SnippetPart{Text: squeeze(text[at:w.start])})
		}
		s = append(s, SnippetPart{Text: text[w.start:w.end], Mark: true})
		at = w.end
	}
	if end := words[last].end; end > at {
		s = append(s, SnippetPart{Text: squeeze(text[at:end])})
	}
	if last < len(words)-1 {
		s = append(s, SnippetPart{Text: " …"})
	}
	return s, true
}

// wordsOf cuts text into words of letters, digits and their marks, each
// marked when its folded form is wanted.
func wordsOf(text string, want map[string]bool) []textWord {
	var out []textWord
	var folded []byte // the current word, folded as it is read
	start := -1
	for i := 0; i <= len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		inWord := i < len(text) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
		switch {
		case inWord:
			if start < 0 {
				start, folded = i, folded[:0]
			}
			if f := vn.FoldRune(r); f >= 0 {
				folded = utf8.AppendRune(folded, f)
			}
		case start >= 0:
			w := textWord{start: start, end: i}
			if want[string(folded)] { // no copy made for the lookup
				w.hit, w.folded = true, string(folded)
			}
			out = append(out, w)
			start = -1
		}
		if i == len(text) {
			break
		}
		i += size
	}
	return out
}

// squeeze turns each run of white space (line breaks of the body) into one
// space.
func squeeze(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
