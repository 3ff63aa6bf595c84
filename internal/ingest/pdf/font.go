package pdf

import (
	"sort"
	"strings"
	"unicode/utf16"
)

// font turns the bytes of a shown string into codes, text and advances.
type font struct {
	composite bool
	// simple fonts: one byte a code
	text  [256]string
	width [256]float64 // advance in text space units for a size of 1
	// composite fonts
	space  *codespace // code lengths; nil means two bytes a code
	toCID  map[uint32]uint32
	uni    *uniMap
	utf16  bool // a predefined UCS-2/UTF-16 CMap: the code is the text
	dw     float64
	widths []wRange
	scale  float64 // vertical size of the glyphs for a size of 1 (Type3 fonts differ)
}

type wRange struct {
	lo, hi uint32
	w      float64
}

// glyphFunc receives one glyph: its code, text (maybe empty), advance for
// a font size of 1, and whether word spacing applies.
type glyphFunc func(text string, w float64, wordSpace bool)

func (f *font) each(s []byte, fn glyphFunc) {
	if !f.composite {
		for _, c := range s {
			fn(f.text[c], f.width[c], c == ' ')
		}
		return
	}
	for len(s) > 0 {
		code, n := f.next(s)
		s = s[n:]
		var text string
		switch {
		case f.uni != nil:
			text = f.uni.lookup(code)
		}
		if text == "" && f.utf16 {
			text = utf16Text(code, n)
		}
		cid := code
		if f.toCID != nil {
			cid = f.toCID[code]
		}
		fn(text, f.cidWidth(cid), n == 1 && code == ' ')
	}
}

func utf16Text(code uint32, n int) string {
	if n == 4 {
		return string(utf16.DecodeRune(rune(code>>16), rune(code&0xffff)))
	}
	return string(rune(code))
}

func (f *font) next(s []byte) (uint32, int) {
	if f.space == nil {
		if len(s) < 2 {
			return uint32(s[0]), 1
		}
		if f.utf16 && s[0] >= 0xd8 && s[0] <= 0xdb && len(s) >= 4 {
			return uint32(s[0])<<24 | uint32(s[1])<<16 | uint32(s[2])<<8 | uint32(s[3]), 4
		}
		return uint32(s[0])<<8 | uint32(s[1]), 2
	}
	return f.space.next(s)
}

func (f *font) cidWidth(cid uint32) float64 {
	w := f.widths
	i := sort.Search(len(w), func(i int) bool { return w[i].hi >= cid })
	if i < len(w) && w[i].lo <= cid {
		return w[i].w
	}
	return f.dw
}

// loadFont reads a font dictionary. It never fails: what cannot be read
// falls back to a Latin-1 font with average widths, so text still comes out.
func (d *doc) loadFont(o any) *font {
	fd, _ := d.resolve(o).(dict)
	f := &font{scale: 1, dw: 1}
	switch fd["Subtype"] {
	case name("Type0"):
		d.loadComposite(f, fd)
	default:
		d.loadSimple(f, fd)
	}
	return f
}

func (d *doc) loadSimple(f *font, fd dict) {
	base, _ := fd["BaseFont"].(name)
	if i := strings.IndexByte(string(base), '+'); i >= 0 {
		base = base[i+1:]
	}
	// Text: the encoding, then Differences, then ToUnicode over both.
	var encName name
	var diffs array
	switch e := d.resolve(fd["Encoding"]).(type) {
	case name:
		encName = e
	case dict:
		encName, _ = d.resolve(e["BaseEncoding"]).(name)
		diffs, _ = d.resolve(e["Differences"]).(array)
	}
	if encName == "" && fd["Subtype"] == name("Type1") && !strings.Contains(string(base), "Symbol") {
		encName = "StandardEncoding"
	}
	f.text = baseEncoding(encName)
	code := 0
	for _, x := range diffs {
		switch v := d.resolve(x).(type) {
		case int64:
			code = int(v)
		case name:
			if code >= 0 && code < 256 {
				f.text[code] = glyphText(string(v))
			}
			code++
		}
	}
	if u := d.loadUniMap(fd["ToUnicode"]); u != nil {
		for c := 0; c < 256; c++ {
			if t := u.lookup(uint32(c)); t != "" {
				f.text[c] = t
			}
		}
	}
	// Widths.
	scale := 0.001
	if fd["Subtype"] == name("Type3") {
		if m, ok := d.resolve(fd["FontMatrix"]).(array); ok && len(m) == 6 {
			scale = num(d.resolve(m[0]))
			if s := abs(num(d.resolve(m[3]))) * 1000; s > 0 {
				f.scale = s
			}
		}
	}
	missing := -1.0
	if desc, ok := d.resolve(fd["FontDescriptor"]).(dict); ok {
		if v, ok := d.resolve(desc["MissingWidth"]).(int64); ok && v > 0 {
			missing = float64(v) * scale
		}
	}
	widths, _ := d.resolve(fd["Widths"]).(array)
	first, _ := d.resolve(fd["FirstChar"]).(int64)
	if len(widths) == 0 {
		approx(&f.width, &f.text, string(base))
		return
	}
	for c := range f.width {
		f.width[c] = missing
		if i := int64(c) - first; i >= 0 && i < int64(len(widths)) {
			f.width[c] = num(d.resolve(widths[i])) * scale
		}
		if f.width[c] < 0 {
			f.width[c] = 0.5
		}
	}
}

// approx fills widths for fonts that give none (the standard 14 fonts of
// old writers): fixed for Courier, else by character class, close enough
// to place the glyphs that follow within one string.
func approx(w *[256]float64, text *[256]string, base string) {
	for c := range w {
		t := text[c]
		switch {
		case strings.Contains(base, "Courier"):
			w[c] = 0.6
		case t == " ":
			w[c] = 0.25
		case t == "":
			w[c] = 0
		case strings.ContainsAny(t, "iljtf.,;:'!|()[]`ı"):
			w[c] = 0.28
		case strings.ContainsAny(t, "mwMW@%"):
			w[c] = 0.83
		case t >= "A" && t <= "Z" || strings.ContainsAny(t, "ÀÁÂÃÄÅÈÉÊËÌÍÎÏÒÓÔÕÖÙÚÛÜÝ"):
			w[c] = 0.68
		default:
			w[c] = 0.5
		}
	}
}

func (d *doc) loadComposite(f *font, fd dict) {
	f.composite = true
	f.dw = 1
	switch e := d.resolve(fd["Encoding"]).(type) {
	case name:
		s := string(e)
		if strings.Contains(s, "UCS2") || strings.Contains(s, "UTF16") {
			f.utf16 = true
		}
	case *stream:
		if cm := d.parseCMap(e); cm != nil {
			if len(cm.space.ranges) > 0 {
				f.space = &cm.space
			}
			if len(cm.cids) > 0 {
				f.toCID = cm.cids
			}
		}
	}
	f.uni = d.loadUniMap(fd["ToUnicode"])
	desc, _ := d.resolve(fd["DescendantFonts"]).(array)
	var cf dict
	if len(desc) > 0 {
		cf, _ = d.resolve(desc[0]).(dict)
	}
	if v, ok := d.resolve(cf["DW"]).(int64); ok {
		f.dw = float64(v) / 1000
	} else if v, ok := d.resolve(cf["DW"]).(float64); ok {
		f.dw = v / 1000
	}
	w, _ := d.resolve(cf["W"]).(array)
	for i := 0; i < len(w); {
		c1, ok := d.resolve(w[i]).(int64)
		if !ok || i+1 >= len(w) {
			break
		}
		switch v := d.resolve(w[i+1]).(type) {
		case array:
			for k, x := range v {
				f.widths = append(f.widths, wRange{uint32(c1) + uint32(k), uint32(c1) + uint32(k), num(d.resolve(x)) / 1000})
			}
			i += 2
		case int64:
			if i+2 >= len(w) {
				i = len(w)
				break
			}
			f.widths = append(f.widths, wRange{uint32(c1), uint32(v), num(d.resolve(w[i+2])) / 1000})
			i += 3
		default:
			i = len(w)
		}
	}
	sort.SliceStable(f.widths, func(i, j int) bool { return f.widths[i].lo < f.widths[j].lo })
	if f.uni == nil && !f.utf16 {
		f.uni = d.trueTypeUnicode(cf)
	}
}

func num(o any) float64 {
	switch v := o.(type) {
	case int64:
		return float64(v)
	case float64:
		return v
	}
	return 0
}

// codespace splits a string into codes of one to four bytes.
type codespace struct {
	ranges []csRange
}

type csRange struct {
	n      int
	lo, hi [4]byte
}

func (cs *codespace) next(s []byte) (uint32, int) {
	for n := 1; n <= 4 && n <= len(s); n++ {
		for _, r := range cs.ranges {
			if r.n != n {
				continue
			}
			ok := true
			for i := 0; i < n; i++ {
				if s[i] < r.lo[i] || s[i] > r.hi[i] {
					ok = false
					break
				}
			}
			if ok {
				var c uint32
				for i := 0; i < n; i++ {
					c = c<<8 | uint32(s[i])
				}
				return c, n
			}
		}
	}
	// No range matches: take the shortest code length, as viewers do.
	n := 4
	for _, r := range cs.ranges {
		n = min(n, r.n)
	}
	n = min(n, len(s))
	var c uint32
	for i := 0; i < n; i++ {
		c = c<<8 | uint32(s[i])
	}
	return c, n
}

// uniMap is a ToUnicode CMap: code → text.
type uniMap struct {
	single map[uint32]string
	ranges []uniRange // the ranges too large to expand
}

type uniRange struct {
	lo, hi uint32
	dst    []uint16
}

func (u *uniMap) lookup(code uint32) string {
	if t, ok := u.single[code]; ok {
		return t
	}
	for _, r := range u.ranges {
		if code >= r.lo && code <= r.hi {
			return rangeText(r.dst, code-r.lo)
		}
	}
	return ""
}

// rangeText is the destination of a bfrange plus an offset: the last UTF-16
// unit is incremented.
func rangeText(dst []uint16, off uint32) string {
	if len(dst) == 0 {
		return ""
	}
	u := append([]uint16(nil), dst...)
	u[len(u)-1] += uint16(off)
	return string(utf16.Decode(u))
}

// cmap is what a CMap stream holds.
type cmap struct {
	space codespace
	uni   *uniMap
	cids  map[uint32]uint32
}

const maxExpand = 1 << 16 // code mappings expanded into maps per CMap

// parseCMap reads a CMap stream (ToUnicode or encoding).
func (d *doc) parseCMap(s *stream) *cmap {
	data, err := d.decode(s)
	if err != nil {
		return nil
	}
	cm := &cmap{uni: &uniMap{single: map[uint32]string{}}, cids: map[uint32]uint32{}}
	expanded := 0
	l := &lexer{b: data}
	var prev any
	for {
		o, err := l.object(0, false)
		if err != nil {
			break
		}
		kw, ok := o.(keyword)
		if !ok {
			prev = o
			continue
		}
		switch kw {
		case "usecmap":
			if n, ok := prev.(name); ok && strings.HasPrefix(string(n), "Identity") {
				cm.space.ranges = append(cm.space.ranges, csRange{n: 2, hi: [4]byte{0xff, 0xff}})
			}
		case "begincodespacerange":
			for {
				a, ok := l.str()
				if !ok {
					break
				}
				b, _ := l.str()
				if len(a) != len(b) || len(a) == 0 || len(a) > 4 {
					continue
				}
				r := csRange{n: len(a)}
				copy(r.lo[:], a)
				copy(r.hi[:], b)
				cm.space.ranges = append(cm.space.ranges, r)
			}
		case "beginbfchar":
			for {
				a, ok := l.str()
				if !ok {
					break
				}
				dst, err := l.object(0, false)
				if err != nil {
					break
				}
				cm.uni.single[code(a)] = uniText(dst)
			}
		case "beginbfrange":
			for {
				a, ok := l.str()
				if !ok {
					break
				}
				b, _ := l.str()
				dst, err := l.object(0, false)
				if err != nil {
					break
				}
				c1, c2 := code(a), code(b)
				if c2 < c1 {
					continue
				}
				switch v := dst.(type) {
				case array:
					for i, x := range v {
						if c1+uint32(i) > c2 || expanded >= maxExpand {
							break
						}
						cm.uni.single[c1+uint32(i)] = uniText(x)
						expanded++
					}
				case pdfString:
					u := utf16Units(v)
					if int64(c2-c1) < int64(maxExpand-expanded) {
						for c := c1; ; c++ {
							cm.uni.single[c] = rangeText(u, c-c1)
							expanded++
							if c == c2 {
								break
							}
						}
					} else {
						cm.uni.ranges = append(cm.uni.ranges, uniRange{c1, c2, u})
					}
				}
			}
		case "begincidrange":
			for {
				a, ok := l.str()
				if !ok {
					break
				}
				b, _ := l.str()
				cid, err := l.object(0, false)
				c, ok := cid.(int64)
				if err != nil || !ok {
					break
				}
				for x := code(a); x <= code(b) && expanded < maxExpand; x++ {
					cm.cids[x] = uint32(c) + x - code(a)
					expanded++
				}
			}
		case "begincidchar":
			for {
				a, ok := l.str()
				if !ok {
					break
				}
				cid, err := l.object(0, false)
				c, ok := cid.(int64)
				if err != nil || !ok {
					break
				}
				cm.cids[code(a)] = uint32(c)
			}
		}
		prev = o
	}
	return cm
}

// str reads a string operand of a CMap section; anything else (the end
// keyword) ends the section.
func (l *lexer) str() (pdfString, bool) {
	o, err := l.object(0, false)
	s, ok := o.(pdfString)
	return s, err == nil && ok
}

func code(s pdfString) uint32 {
	var c uint32
	for i := 0; i < len(s) && i < 4; i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

func utf16Units(s pdfString) []uint16 {
	if len(s) == 1 {
		return []uint16{uint16(s[0])}
	}
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return u
}

// uniText decodes a bfchar destination: UTF-16BE, or a glyph name.
func uniText(o any) string {
	switch v := o.(type) {
	case pdfString:
		return string(utf16.Decode(utf16Units(v)))
	case name:
		return glyphText(string(v))
	}
	return ""
}

func (d *doc) loadUniMap(o any) *uniMap {
	s, ok := d.resolve(o).(*stream)
	if !ok {
		return nil
	}
	cm := d.parseCMap(s)
	if cm == nil || len(cm.uni.single) == 0 && len(cm.uni.ranges) == 0 {
		return nil
	}
	return cm.uni
}
