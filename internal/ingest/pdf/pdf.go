// Package pdf reads the text layer of a PDF file in reading order.
//
// It is pure Go and reads the file itself: cross-reference tables and
// streams (rebuilt by scanning the file when they are wrong), object
// streams, the standard security handler with the empty user password,
// the stream filters that carry content, fonts (ToUnicode CMaps, Type0
// Identity-H fonts, simple fonts with Encoding and Differences) and content
// streams. Each glyph is placed where the page draws it; layout.go then
// groups glyphs into lines by baseline and lines into blocks and columns, so
// that the two-column header of an official document comes out one column
// after the other.
//
// Why not github.com/ledongthuc/pdf (v0.0.0-20260907135840, tested on the
// same files): it hangs on a page tree that loops
// (one changed byte), loads objects again at each access (no cache), signals
// unknown filters and malformed objects by panicking, and refuses files
// that pdftotext and viewers read: a "%PDF-2.0" header, bytes before the
// header, more than 100 bytes after %%EOF, stale xref offsets. Its text API
// drops positions, so reading order, spaces between positioned glyphs and
// columns would have to be redone anyway. Parsing PDF objects is the small
// part of the work; owning it puts every limit and every repair in our hands.
package pdf

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/unicode/norm"

	"lantoa/internal/problem"
)

// Limits bound the work done on one file.
type Limits struct {
	MaxStreamBytes int64 // decompressed size of all content streams together (fonts' and object streams count too)
	MaxPages       int
}

// Defaults for a zero limit.
const (
	defaultStreamBytes = 200 << 20
	defaultPages       = 2000
	maxFileSize        = 1 << 31
)

func msgCorrupt() error {
	return problem.Errorf(problem.Invalid, "tệp PDF bị hỏng, không đọc được")
}

// Text returns the text of every page in reading order, NFC, pages
// separated by a blank line.
func Text(r io.ReaderAt, size int64, lim Limits) (text string, err error) {
	defer func() {
		// A safety net: a fault of ours on odd input is still a corrupt file
		// for the clerk, never a crash of the server.
		if x := recover(); x != nil {
			text, err = "", problem.Wrap(problem.Invalid, fmt.Errorf("pdf: panic: %v", x), "tệp PDF bị hỏng, không đọc được")
		}
	}()
	if lim.MaxStreamBytes <= 0 {
		lim.MaxStreamBytes = defaultStreamBytes
	}
	if lim.MaxPages <= 0 {
		lim.MaxPages = defaultPages
	}
	if size <= 0 {
		return "", msgCorrupt()
	}
	if size > maxFileSize {
		return "", problem.Errorf(problem.TooLarge, "tệp PDF quá lớn")
	}
	data := make([]byte, size)
	if n, err := r.ReadAt(data, 0); int64(n) < size {
		return "", problem.Wrap(problem.Invalid, err, "không đọc được tệp PDF")
	}
	return extract(data, lim)
}

func extract(data []byte, lim Limits) (string, error) {
	bud := &budget{left: lim.MaxStreamBytes}
	d, err := open(data, bud)
	if err != nil {
		return "", classify(err, lim)
	}
	pages, err := d.pages(lim.MaxPages)
	if err != nil {
		return "", classify(err, lim)
	}
	var out strings.Builder
	damaged, unmapped := false, 0
	var glyphs []glyph // reused from page to page
	for _, p := range pages {
		in := &interp{d: d, forms: map[int]bool{}, box: p.box, glyphs: glyphs[:0]}
		in.gs = gstate{ctm: identity, th: 1}
		in.tm, in.tlm = identity, identity
		content, ok, err := d.contents(p.d)
		if err != nil {
			return "", classify(err, lim)
		}
		damaged = damaged || !ok
		in.run(content, p.res)
		if in.err != nil {
			return "", classify(in.err, lim)
		}
		glyphs, unmapped = in.glyphs, unmapped+in.unmapped
		if t := layout(in.glyphs); t != "" {
			if out.Len() > 0 {
				out.WriteString("\n\n")
			}
			out.WriteString(t)
		}
	}
	text := norm.NFC.String(out.String())
	switch {
	case damaged:
		// Pages whose content is missing: the text would be incomplete.
		return "", msgCorrupt()
	case strings.TrimSpace(text) == "" && unmapped > 0:
		return "", problem.Errorf(problem.Unsupported, "tệp PDF có chữ nhưng phông chữ không cho biết mã Unicode (no ToUnicode): cần nhận dạng chữ (OCR) trước khi đọc")
	case strings.TrimSpace(text) == "":
		// Images and no text, or nothing at all: either way a scan.
		return "", problem.Errorf(problem.Unsupported, "tệp PDF là bản quét, không có lớp chữ (scanned, no text layer): cần nhận dạng chữ (OCR) trước khi đọc")
	}
	return text + "\n", nil
}

var errTooManyPages = errors.New("pdf: too many pages")

func classify(err error, lim Limits) error {
	switch {
	case errors.Is(err, errEncrypted):
		return problem.Errorf(problem.Unsupported, "tệp PDF được khóa bằng mật khẩu (encrypted): cần mở khóa trước khi đọc")
	case errors.Is(err, errTooManyPages):
		return problem.Errorf(problem.TooLarge, "tệp PDF có quá nhiều trang: vượt giới hạn %d trang", lim.MaxPages)
	case errors.Is(err, errTooLarge):
		return problem.Errorf(problem.TooLarge, "nội dung PDF sau khi giải nén vượt giới hạn %s", human(lim.MaxStreamBytes))
	}
	return problem.Wrap(problem.Invalid, err, "tệp PDF bị hỏng, không đọc được")
}

func human(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d byte", n)
}

type pageInfo struct {
	d   dict
	res dict
	box [4]float64 // MediaBox: x0, y0, x1, y1
}

// pages walks the page tree, inheriting resources and media boxes.
func (d *doc) pages(limit int) ([]pageInfo, error) {
	cat, _ := d.resolve(d.trailer["Root"]).(dict)
	type node struct {
		o     any
		res   dict
		box   [4]float64
		depth int
	}
	stack := []node{{o: cat["Pages"], box: [4]float64{0, 0, 612, 792}}}
	seen := map[int]bool{}
	var out []pageInfo
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if r, ok := n.o.(ref); ok {
			if seen[r.num] {
				continue // a loop in the page tree
			}
			seen[r.num] = true
		}
		pd, ok := d.resolve(n.o).(dict)
		if !ok || n.depth > maxDepth {
			continue
		}
		if res, ok := d.resolve(pd["Resources"]).(dict); ok {
			n.res = res
		}
		if b, ok := d.resolve(pd["MediaBox"]).(array); ok && len(b) == 4 {
			for i := range n.box {
				n.box[i] = num(d.resolve(b[i]))
			}
		}
		kids, hasKids := d.resolve(pd["Kids"]).(array)
		if pd["Type"] == name("Page") || !hasKids && pd["Type"] != name("Pages") {
			if len(out) >= limit {
				return nil, errTooManyPages
			}
			out = append(out, pageInfo{d: pd, res: n.res, box: n.box})
			continue
		}
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, node{o: kids[i], res: n.res, box: n.box, depth: n.depth + 1})
		}
		if len(stack) > 1<<20 {
			return nil, errCorrupt
		}
	}
	if len(out) == 0 {
		return nil, errCorrupt
	}
	return out, nil
}

// contents returns the decoded content of a page, its streams joined. ok
// is false when a stream is missing or cannot be decoded.
func (d *doc) contents(pd dict) (data []byte, ok bool, err error) {
	ok = true
	var parts []any
	switch c := pd["Contents"].(type) {
	case nil:
		return nil, true, nil
	case array:
		parts = c
	case ref:
		if a, isArr := d.resolve(c).(array); isArr {
			parts = a
		} else {
			parts = []any{c}
		}
	default:
		parts = []any{c}
	}
	var out []byte
	for _, p := range parts {
		s, isStream := d.resolve(p).(*stream)
		if !isStream {
			ok = false
			continue
		}
		b, err := d.decode(s)
		if errors.Is(err, errTooLarge) {
			return nil, false, err
		}
		if err != nil {
			ok = false
			continue
		}
		if len(parts) == 1 {
			return b, ok, nil
		}
		out = append(append(out, b...), '\n')
	}
	return out, ok, nil
}
