package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"sort"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// builder writes small PDF files for tests: objects in order, then a
// classic cross-reference table or a cross-reference stream with the
// non-stream objects packed into an object stream.
type builder struct {
	objs []bobj
}

type bobj struct {
	body   string // the object, or the dictionary of a stream
	data   []byte // stream data, already encoded
	stream bool
}

// add appends an object and returns its number; "%d" in body can refer to
// numbers already known.
func (b *builder) add(body string) int {
	b.objs = append(b.objs, bobj{body: body})
	return len(b.objs)
}

// reserve returns the number of an object written later with set.
func (b *builder) reserve() int { return b.add("null") }

func (b *builder) set(n int, body string) { b.objs[n-1] = bobj{body: body} }

// addStream appends a stream; compress applies FlateDecode.
func (b *builder) addStream(dict string, data []byte, compress bool) int {
	if compress {
		data = deflate(data)
		dict = "/Filter /FlateDecode " + dict
	}
	b.objs = append(b.objs, bobj{body: fmt.Sprintf("<< %s /Length %d >>", dict, len(data)), data: data, stream: true})
	return len(b.objs)
}

func deflate(data []byte) []byte {
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	w.Write(data)
	w.Close()
	return buf.Bytes()
}

// bytes writes the file with a cross-reference table.
func (b *builder) bytes(root int, extraTrailer string) []byte {
	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(b.objs))
	for i, o := range b.objs {
		offs[i] = out.Len()
		writeObj(&out, i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(b.objs)+1)
	for _, off := range offs {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root %d 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(b.objs)+1, root, extraTrailer, xref)
	return out.Bytes()
}

func writeObj(out *bytes.Buffer, n int, o bobj) {
	fmt.Fprintf(out, "%d 0 obj\n%s\n", n, o.body)
	if o.stream {
		out.WriteString("stream\n")
		out.Write(o.data)
		out.WriteString("\nendstream\n")
	}
	out.WriteString("endobj\n")
}

// bytesObjStm writes PDF 1.5: streams directly, every other object in one
// object stream, and a cross-reference stream with the PNG Up predictor.
func (b *builder) bytesObjStm(root int) []byte {
	var out bytes.Buffer
	out.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
	n := len(b.objs)
	stmNum, xrefNum := n+1, n+2
	type ent struct{ typ, a, b int }
	ents := make([]ent, n+3)
	ents[0] = ent{0, 0, 65535}
	var head, body bytes.Buffer
	idx := 0
	for i, o := range b.objs {
		if o.stream {
			ents[i+1] = ent{1, out.Len(), 0}
			writeObj(&out, i+1, o)
			continue
		}
		fmt.Fprintf(&head, "%d %d ", i+1, body.Len())
		body.WriteString(o.body + "\n")
		ents[i+1] = ent{2, stmNum, idx}
		idx++
	}
	data := append(head.Bytes(), body.Bytes()...)
	ents[stmNum] = ent{1, out.Len(), 0}
	writeObj(&out, stmNum, bobj{stream: true, data: deflate(data),
		body: fmt.Sprintf("<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>", idx, head.Len(), len(deflate(data)))})
	ents[xrefNum] = ent{1, out.Len(), 0}
	// Rows of 1+4+2 bytes, each prefixed by PNG filter type 2 (Up).
	var rows []byte
	prev := make([]byte, 7)
	for _, e := range ents {
		cur := []byte{byte(e.typ), byte(e.a >> 24), byte(e.a >> 16), byte(e.a >> 8), byte(e.a), byte(e.b >> 8), byte(e.b)}
		rows = append(rows, 2)
		for k := range cur {
			rows = append(rows, cur[k]-prev[k])
		}
		prev = cur
	}
	z := deflate(rows)
	fmt.Fprintf(&out, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >> /Length %d >>\nstream\n",
		xrefNum, len(ents), root, len(z))
	out.Write(z)
	fmt.Fprintf(&out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", ents[xrefNum].a)
	return out.Bytes()
}

// page adds a page tree of pages with the given contents and resources.
func (b *builder) pages(res string, contents ...int) int {
	pages := b.reserve()
	var kids []string
	for _, c := range contents {
		kids = append(kids, fmt.Sprintf("%d 0 R", b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R >>", pages, res, c))))
	}
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)))
	return b.add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
}

// simpleFont is a WinAnsi font with Differences for the letters of
// Vietnamese that Windows-1252 lacks, and widths for all codes.
type simpleFont struct {
	codes  map[rune]byte
	widths [256]int
	diffs  map[byte]string
}

func newSimpleFont(extra map[rune]string) *simpleFont {
	f := &simpleFont{codes: map[rune]byte{}, diffs: map[byte]string{}}
	for c := 32; c < 256; c++ {
		if r := charmap.Windows1252.DecodeByte(byte(c)); r != 0xfffd && c != 0x7f && !(c >= 0x80 && c < 0xa0) {
			f.codes[r] = byte(c)
		}
	}
	// Differences go into 0x80–0x9f, free in our use of WinAnsi.
	keys := make([]rune, 0, len(extra))
	for r := range extra {
		keys = append(keys, r)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	code := byte(0x80)
	for _, r := range keys {
		f.codes[r], f.diffs[code] = code, extra[r]
		code++
	}
	var w [256]float64
	var text [256]string
	for r, c := range f.codes {
		text[c] = string(r)
	}
	approx(&w, &text, "")
	for c := range w {
		f.widths[c] = int(w[c] * 1000)
	}
	return f
}

func (f *simpleFont) dict(base string) string {
	var d, w []string
	codes := make([]int, 0, len(f.diffs))
	for c := range f.diffs {
		codes = append(codes, int(c))
	}
	sort.Ints(codes)
	for _, c := range codes {
		d = append(d, fmt.Sprintf("%d /%s", c, f.diffs[byte(c)]))
	}
	for c := 32; c < 256; c++ {
		w = append(w, fmt.Sprint(f.widths[c]))
	}
	return fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [%s] >> /FirstChar 32 /LastChar 255 /Widths [%s] >>",
		base, strings.Join(d, " "), strings.Join(w, " "))
}

// str encodes s as a PDF literal string in this font.
func (f *simpleFont) str(s string) string {
	var b strings.Builder
	b.WriteByte('(')
	for _, r := range s {
		c, ok := f.codes[r]
		if !ok {
			panic(fmt.Sprintf("no code for %q", r))
		}
		switch {
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c >= 0x80:
			fmt.Fprintf(&b, "\\%03o", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

func (f *simpleFont) width(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += float64(f.widths[f.codes[r]]) / 1000 * size
	}
	return w
}

// cidFont is a Type0 font with Identity-H codes given in order of first
// use and a ToUnicode CMap written with ranges where codes run on.
type cidFont struct {
	cids  map[string]int // text → CID
	texts []string
}

func newCIDFont() *cidFont { return &cidFont{cids: map[string]int{}, texts: []string{""}} }

func (f *cidFont) code(t string) int {
	if c, ok := f.cids[t]; ok {
		return c
	}
	f.texts = append(f.texts, t)
	f.cids[t] = len(f.texts) - 1
	return f.cids[t]
}

// hex encodes s (one code a rune; "ﬁ" may be passed as a whole glyph).
func (f *cidFont) hex(s string) string {
	var b strings.Builder
	b.WriteByte('<')
	for _, r := range s {
		t := string(r)
		if r == 'ﬁ' {
			t = "fi"
		}
		fmt.Fprintf(&b, "%04X", f.code(t))
	}
	b.WriteByte('>')
	return b.String()
}

func (f *cidFont) width(s string, size float64) float64 {
	return f.advance() * size * float64(len([]rune(s)))
}

func (f *cidFont) advance() float64 { return 0.5 }

func utf16hex(t string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(t)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}

// toUnicode writes the CMap: runs of consecutive code points as bfrange,
// the rest as bfchar.
func (f *cidFont) toUnicode() []byte {
	var chars, ranges []string
	for c := 1; c < len(f.texts); {
		j := c
		rs := []rune(f.texts[c])
		for j+1 < len(f.texts) && len(rs) == 1 {
			next := []rune(f.texts[j+1])
			if len(next) != 1 || next[0] != rs[0]+rune(j+1-c) || (rs[0]&0xff)+rune(j+1-c) > 0xff {
				break
			}
			j++
		}
		if j > c {
			ranges = append(ranges, fmt.Sprintf("<%04X> <%04X> <%s>", c, j, utf16hex(f.texts[c])))
		} else {
			chars = append(chars, fmt.Sprintf("<%04X> <%s>", c, utf16hex(f.texts[c])))
		}
		c = j + 1
	}
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(chars); i += 100 {
		part := chars[i:min(i+100, len(chars))]
		fmt.Fprintf(&b, "%d beginbfchar\n%s\nendbfchar\n", len(part), strings.Join(part, "\n"))
	}
	for i := 0; i < len(ranges); i += 100 {
		part := ranges[i:min(i+100, len(ranges))]
		fmt.Fprintf(&b, "%d beginbfrange\n%s\nendbfrange\n", len(part), strings.Join(part, "\n"))
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return []byte(b.String())
}
