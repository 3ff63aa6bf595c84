package pdf

import (
	"bytes"
	"math"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n: m applied first.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// glyph is one shown character (or ligature, or ActualText span), placed
// in the frame of its writing direction: x grows along the baseline, y
// upwards across it.
type glyph struct {
	x, x1, y float64 // start and end of the advance on the baseline
	size     float64 // font size in user space
	text     string
	dir      uint8 // 0 left to right, 1 upwards, 2 upside down, 3 downwards
	space    bool  // white space: separates words, draws nothing
}

type gstate struct {
	ctm                      matrix
	font                     *font
	fs, tc, tw, th, tl, rise float64
}

type operand struct {
	kind   byte // 'n' number, '/' name, '(' string, '[' array, '<' dictionary, 'k' other
	num    float64
	b      []byte
	lo, hi int // array elements in interp.arena
	d      dict
}

// interp runs the content streams of one page and collects its glyphs.
type interp struct {
	d        *doc
	glyphs   []glyph
	images   bool
	unmapped int        // glyphs shown whose font gives no text
	box      [4]float64 // the media box: text far outside it is not shown
	gs       gstate
	stack    []gstate
	skipped  int // q beyond the stack limit
	tm, tlm  matrix
	depth    int
	forms    map[int]bool
	marks    []mark
	ops      []operand
	arena    []operand
	sbuf     []byte
	err      error
}

type mark struct {
	start  int
	text   string
	actual bool
}

const (
	maxFormDepth = 12
	maxStack     = 1024
	maxOps       = 1024
)

var fallbackFont = func() *font {
	f := &font{scale: 1, dw: 1}
	f.text = baseEncoding("WinAnsiEncoding")
	approx(&f.width, &f.text, "")
	return f
}()

// run interprets one content stream with its resources.
func (in *interp) run(data []byte, res dict) {
	l := &lexer{b: data}
	fonts := map[string]*font{}
	in.ops = in.ops[:0]
	for in.err == nil {
		l.skipSpace()
		if l.eof() {
			return
		}
		c := data[l.p]
		if len(in.ops) >= maxOps {
			in.ops = in.ops[:0]
		}
		switch c {
		case '/':
			l.p++
			in.ops = append(in.ops, operand{kind: '/', b: l.name()})
			continue
		case '(', '<':
			if c == '<' && l.p+1 < len(data) && data[l.p+1] == '<' {
				o, _ := l.object(0, false)
				dd, _ := o.(dict)
				in.ops = append(in.ops, operand{kind: '<', d: dd})
				continue
			}
			in.ops = append(in.ops, operand{kind: '(', b: in.str(l)})
			continue
		case '[':
			l.p++
			lo := len(in.arena)
			in.array(l)
			in.ops = append(in.ops, operand{kind: '[', lo: lo, hi: len(in.arena)})
			continue
		case ']', ')', '>', '{', '}':
			l.p++
			continue
		}
		tok := l.regular()
		if len(tok) == 0 {
			l.p++
			continue
		}
		if c := tok[0]; c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' {
			if f, _, ok := number(tok); ok {
				in.ops = append(in.ops, operand{kind: 'n', num: f})
				continue
			}
		}
		in.op(string(tok), l, res, fonts)
		in.ops, in.arena, in.sbuf = in.ops[:0], in.arena[:0], in.sbuf[:0]
	}
}

// str reads a string operand into sbuf, which lives until the operator.
func (in *interp) str(l *lexer) []byte {
	var s []byte
	if l.b[l.p] == '(' {
		l.p++
		s = l.literal()
	} else {
		l.p++
		s = l.hexString()
	}
	in.sbuf = append(in.sbuf, s...)
	return in.sbuf[len(in.sbuf)-len(s):]
}

// array reads the elements of an array operand (numbers and strings, as in
// TJ) into the arena; nested structures are skipped.
func (in *interp) array(l *lexer) {
	for {
		l.skipSpace()
		if l.eof() {
			return
		}
		switch c := l.b[l.p]; c {
		case ']':
			l.p++
			return
		case '(':
			in.arena = append(in.arena, operand{kind: '(', b: in.str(l)})
		case '<':
			if l.p+1 < len(l.b) && l.b[l.p+1] == '<' {
				l.object(0, false)
				continue
			}
			in.arena = append(in.arena, operand{kind: '(', b: in.str(l)})
		case '[':
			l.p++
			in.array(l) // invalid in content; flatten
		case '/':
			l.p++
			in.arena = append(in.arena, operand{kind: '/', b: l.name()})
		default:
			tok := l.regular()
			if len(tok) == 0 {
				l.p++
				continue
			}
			if f, _, ok := number(tok); ok {
				in.arena = append(in.arena, operand{kind: 'n', num: f})
			}
		}
	}
}

func (in *interp) nums(n int) ([]float64, bool) {
	if len(in.ops) < n {
		return nil, false
	}
	var v [6]float64
	for i, o := range in.ops[len(in.ops)-n:] {
		if o.kind != 'n' {
			return nil, false
		}
		v[i] = o.num
	}
	return v[:n], true
}

func (in *interp) lastString() ([]byte, bool) {
	if len(in.ops) == 0 || in.ops[len(in.ops)-1].kind != '(' {
		return nil, false
	}
	return in.ops[len(in.ops)-1].b, true
}

func (in *interp) op(op string, l *lexer, res dict, fonts map[string]*font) {
	gs := &in.gs
	switch op {
	case "q":
		if len(in.stack) >= maxStack {
			in.skipped++
			return
		}
		in.stack = append(in.stack, *gs)
	case "Q":
		if in.skipped > 0 {
			in.skipped--
			return
		}
		if n := len(in.stack); n > 0 {
			*gs = in.stack[n-1]
			in.stack = in.stack[:n-1]
		}
	case "cm":
		if v, ok := in.nums(6); ok {
			gs.ctm = matrix(v).mul(gs.ctm)
		}
	case "BT":
		in.tm, in.tlm = identity, identity
	case "Tc":
		if v, ok := in.nums(1); ok {
			gs.tc = v[0]
		}
	case "Tw":
		if v, ok := in.nums(1); ok {
			gs.tw = v[0]
		}
	case "Tz":
		if v, ok := in.nums(1); ok {
			gs.th = v[0] / 100
		}
	case "TL":
		if v, ok := in.nums(1); ok {
			gs.tl = v[0]
		}
	case "Ts":
		if v, ok := in.nums(1); ok {
			gs.rise = v[0]
		}
	case "Tf":
		if len(in.ops) >= 2 && in.ops[len(in.ops)-2].kind == '/' && in.ops[len(in.ops)-1].kind == 'n' {
			gs.font = in.font(string(in.ops[len(in.ops)-2].b), res, fonts)
			gs.fs = in.ops[len(in.ops)-1].num
		}
	case "Td":
		if v, ok := in.nums(2); ok {
			in.td(v[0], v[1])
		}
	case "TD":
		if v, ok := in.nums(2); ok {
			gs.tl = -v[1]
			in.td(v[0], v[1])
		}
	case "Tm":
		if v, ok := in.nums(6); ok {
			in.tm, in.tlm = matrix(v), matrix(v)
		}
	case "T*":
		in.td(0, -gs.tl)
	case "Tj":
		if s, ok := in.lastString(); ok {
			in.show(s)
		}
	case "'":
		in.td(0, -gs.tl)
		if s, ok := in.lastString(); ok {
			in.show(s)
		}
	case "\"":
		if s, ok := in.lastString(); ok && len(in.ops) >= 3 {
			gs.tw, gs.tc = in.ops[len(in.ops)-3].num, in.ops[len(in.ops)-2].num
			in.td(0, -gs.tl)
			in.show(s)
		}
	case "TJ":
		if len(in.ops) == 0 || in.ops[len(in.ops)-1].kind != '[' {
			return
		}
		a := in.ops[len(in.ops)-1]
		for _, e := range in.arena[a.lo:a.hi] {
			switch e.kind {
			case '(':
				in.show(e.b)
			case 'n':
				in.advance(-e.num / 1000 * gs.fs * gs.th)
			}
		}
	case "Do":
		if len(in.ops) > 0 && in.ops[len(in.ops)-1].kind == '/' {
			in.do(string(in.ops[len(in.ops)-1].b), res)
		}
	case "BI":
		in.inlineImage(l)
	case "BMC":
		in.marks = append(in.marks, mark{})
	case "BDC":
		m := mark{}
		if len(in.ops) > 0 {
			var props dict
			switch o := in.ops[len(in.ops)-1]; o.kind {
			case '<':
				props = o.d
			case '/':
				pr, _ := in.d.resolve(res["Properties"]).(dict)
				props, _ = in.d.resolve(pr[name(o.b)]).(dict)
			}
			if s, ok := in.d.resolve(props["ActualText"]).(pdfString); ok {
				m = mark{start: len(in.glyphs), text: textString(s), actual: true}
			}
		}
		if len(in.marks) < maxStack {
			in.marks = append(in.marks, m)
		}
	case "EMC":
		if n := len(in.marks); n > 0 {
			m := in.marks[n-1]
			in.marks = in.marks[:n-1]
			if m.actual {
				in.actualText(m)
			}
		}
	case "gs":
		if len(in.ops) > 0 && in.ops[len(in.ops)-1].kind == '/' {
			egs, _ := in.d.resolve(res["ExtGState"]).(dict)
			g, _ := in.d.resolve(egs[name(in.ops[len(in.ops)-1].b)]).(dict)
			if f, ok := in.d.resolve(g["Font"]).(array); ok && len(f) == 2 {
				gs.font = in.d.font(f[0])
				gs.fs = num(in.d.resolve(f[1]))
			}
		}
	}
}

func (in *interp) td(tx, ty float64) {
	in.tlm = matrix{1, 0, 0, 1, tx, ty}.mul(in.tlm)
	in.tm = in.tlm
}

// advance moves the text position along the baseline (text space units).
func (in *interp) advance(tx float64) {
	in.tm[4] += tx * in.tm[0]
	in.tm[5] += tx * in.tm[1]
}

func (in *interp) font(n string, res dict, fonts map[string]*font) *font {
	if f, ok := fonts[n]; ok {
		return f
	}
	fd, _ := in.d.resolve(res["Font"]).(dict)
	f := in.d.font(fd[name(n)])
	fonts[n] = f
	return f
}

// font loads a font once for the whole file when it is an indirect object.
func (d *doc) font(o any) *font {
	if r, ok := o.(ref); ok {
		if f, ok := d.fonts[r.num]; ok {
			return f
		}
		f := d.loadFont(r)
		d.fonts[r.num] = f
		return f
	}
	return d.loadFont(o)
}

const maxPageGlyphs = 1 << 20

func (in *interp) show(s []byte) {
	gs := &in.gs
	f := gs.font
	if f == nil {
		f = fallbackFont
	}
	fs, th := gs.fs, gs.th
	// The origin ignores the rise (Ts): superscripts stay on their line.
	m := in.tm.mul(gs.ctm)
	scale := math.Hypot(m[2], m[3])
	size := abs(fs) * scale * f.scale
	a, b := m[0], m[1]
	dir := direction(a, b)
	ok := size > 0.01 && size < 1e5 && !math.IsNaN(a+b+m[4]+m[5]) && !math.IsInf(a+b+m[4]+m[5], 0)
	f.each(s, func(text string, w float64, wordSpace bool) {
		if text == "" {
			in.unmapped++
		}
		if ok && text != "" {
			ink := w * fs * th
			in.emit(text, m[4], m[5], m[4]+ink*a, m[5]+ink*b, size, dir)
		}
		tx := w*fs + gs.tc
		if wordSpace {
			tx += gs.tw
		}
		tx *= th
		m[4] += tx * a
		m[5] += tx * b
		in.advance(tx)
	})
}

func direction(a, b float64) uint8 {
	switch {
	case abs(a) >= abs(b) && a >= 0:
		return 0
	case abs(a) >= abs(b):
		return 2
	case b > 0:
		return 1
	}
	return 3
}

// frame turns user-space coordinates into those of a writing direction.
func frame(dir uint8, x, y float64) (float64, float64) {
	switch dir {
	case 1:
		return y, -x
	case 2:
		return -x, -y
	case 3:
		return -y, x
	}
	return x, y
}

func (in *interp) emit(text string, ux, uy, ex, ey, size float64, dir uint8) {
	if len(in.glyphs) >= maxPageGlyphs {
		in.err = errTooLarge
		return
	}
	if b := in.box; b[2] > b[0] && b[3] > b[1] &&
		(ux < min(b[0], b[2])-size || ux > max(b[0], b[2])+size || uy < min(b[1], b[3])-size || uy > max(b[1], b[3])+size) {
		return
	}
	text = cleanText(text)
	if text == "" {
		return
	}
	x, y := frame(dir, ux, uy)
	x1, _ := frame(dir, ex, ey)
	if x1 < x {
		x, x1 = x1, x
	}
	g := glyph{x: x, x1: x1, y: y, size: size, text: text, dir: dir, space: text == " "}
	if !g.space && (len(text) > 1 || text[0] <= ' ') {
		g.space = strings.TrimSpace(text) == ""
	}
	// A combining mark drawn over the letter before it joins that letter,
	// so that normalisation can compose them (tone marks of Vietnamese).
	if r, _ := utf8.DecodeRuneInString(text); r >= 0x300 && unicode.Is(unicode.Mn, r) && len(in.glyphs) > 0 {
		p := &in.glyphs[len(in.glyphs)-1]
		if p.dir == dir && !p.space && len(p.text) < 64 && abs(p.y-y) < 0.6*size && x >= p.x-0.5*size && x <= p.x1+0.2*size {
			p.text += text
			return
		}
	}
	in.glyphs = append(in.glyphs, g)
}

// cleanText expands ligatures and drops control characters.
func cleanText(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c == 0xef || c == 0xc2 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0xfb00 && r <= 0xfb06:
			b.WriteString([]string{"ff", "fi", "fl", "ffi", "ffl", "st", "st"}[r-0xfb00])
		case r == 0xa0:
			b.WriteByte(' ')
		case r == 0xad:
			b.WriteByte('-') // a soft hyphen is drawn at a line end
		case r >= 0xf000 && r <= 0xf0ff:
			// Symbol fonts (Wingdings, Symbol) map to private use: in
			// running text they are list bullets.
			b.WriteString("•")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0xfeff || r == 0xfffe || r == 0xffff:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// actualText replaces the glyphs of a marked span by its ActualText.
func (in *interp) actualText(m mark) {
	if m.start > len(in.glyphs) {
		return
	}
	gl := in.glyphs[m.start:]
	if len(gl) == 0 {
		return
	}
	g := gl[0]
	for _, h := range gl[1:] {
		if h.dir == g.dir {
			g.x, g.x1 = min(g.x, h.x), max(g.x1, h.x1)
		}
	}
	g.text = cleanText(m.text)
	g.space = strings.TrimSpace(g.text) == ""
	in.glyphs = in.glyphs[:m.start]
	if g.text != "" {
		in.glyphs = append(in.glyphs, g)
	}
}

// textString decodes a PDF text string: UTF-16 with a byte order mark,
// UTF-8 with one, else PDFDocEncoding (Latin-1 for the letters).
func textString(s pdfString) string {
	switch {
	case len(s) >= 2 && s[0] == 0xfe && s[1] == 0xff:
		return string(utf16.Decode(utf16Units(s[2:])))
	case len(s) >= 2 && s[0] == 0xff && s[1] == 0xfe:
		u := make([]uint16, 0, len(s)/2)
		for i := 2; i+1 < len(s); i += 2 {
			u = append(u, uint16(s[i])|uint16(s[i+1])<<8)
		}
		return string(utf16.Decode(u))
	case len(s) >= 3 && s[:3] == "\xef\xbb\xbf":
		return string(s[3:])
	}
	r := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		r[i] = rune(s[i])
	}
	return string(r)
}

// do draws an XObject: forms are interpreted, images only noted.
func (in *interp) do(n string, res dict) {
	xo, _ := in.d.resolve(res["XObject"]).(dict)
	raw := xo[name(n)]
	s, ok := in.d.resolve(raw).(*stream)
	if !ok {
		return
	}
	switch s.d["Subtype"] {
	case name("Image"):
		in.images = true
	case name("Form"):
		r, isRef := raw.(ref)
		if in.depth >= maxFormDepth || isRef && in.forms[r.num] {
			return
		}
		data, err := in.d.formData(s, r, isRef)
		if err == nil {
			err = in.d.budget.take(len(data))
		}
		if err != nil {
			if err == errTooLarge {
				in.err = err
			}
			return
		}
		fres, ok := in.d.resolve(s.d["Resources"]).(dict)
		if !ok {
			fres = res
		}
		saved, tm, tlm, depth := len(in.stack), in.tm, in.tlm, len(in.marks)
		in.stack = append(in.stack, in.gs)
		if m, ok := in.d.resolve(s.d["Matrix"]).(array); ok && len(m) == 6 {
			var v matrix
			for i := range v {
				v[i] = num(in.d.resolve(m[i]))
			}
			in.gs.ctm = v.mul(in.gs.ctm)
		}
		if isRef {
			in.forms[r.num] = true
		}
		in.depth++
		ops, arena, sbuf := in.ops, in.arena, in.sbuf
		in.ops, in.arena, in.sbuf = nil, nil, nil
		in.run(data, fres)
		in.ops, in.arena, in.sbuf = ops, arena, sbuf
		in.depth--
		if isRef {
			delete(in.forms, r.num)
		}
		in.gs = in.stack[saved]
		in.stack, in.tm, in.tlm = in.stack[:saved], tm, tlm
		if len(in.marks) > depth {
			in.marks = in.marks[:depth]
		}
	}
}

// formData decodes a form once for the file: headers and logos are drawn
// on every page.
func (d *doc) formData(s *stream, r ref, isRef bool) ([]byte, error) {
	if isRef {
		if b, ok := d.forms[r.num]; ok {
			return b, nil
		}
	}
	b, err := d.decode(s)
	if err != nil {
		return nil, err
	}
	if isRef {
		d.forms[r.num] = b
	}
	return b, nil
}

// inlineImage skips BI … ID data EI.
func (in *interp) inlineImage(l *lexer) {
	in.images = true
	h := dict{}
	for {
		k, err := l.object(0, false)
		if err != nil {
			return
		}
		if k == keyword("ID") {
			break
		}
		v, err := l.object(0, false)
		if err != nil {
			return
		}
		if kn, ok := k.(name); ok {
			h[kn] = v
		}
	}
	l.p++ // the single white-space character after ID
	if l.p > len(l.b) {
		l.p = len(l.b)
		return
	}
	data := l.b[l.p:]
	if n, ok := h["L"].(int64); ok && n >= 0 && int(n) <= len(data) {
		l.p += int(n)
		l.skipSpace()
		if bytes.HasPrefix(l.b[l.p:], []byte("EI")) {
			l.p += 2
			return
		}
	}
	// Find "EI" between white space (or at the end), as viewers do.
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("EI"))
		if j < 0 {
			l.p = len(l.b)
			return
		}
		at := i + j
		if (at == 0 || isSpace(data[at-1])) && (at+2 == len(data) || isSpace(data[at+2])) {
			l.p += at + 2
			return
		}
		i = at + 1
	}
}
