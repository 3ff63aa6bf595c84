package pdf

import (
	"errors"
	"strconv"
)

// The object model: PDF values as plain Go values.
//
//	null → nil, boolean → bool, integer → int64, real → float64,
//	name → name, string → pdfString, array → array, dictionary → dict,
//	indirect reference → ref, stream → *stream, operator → keyword.
type (
	name      string
	pdfString string // raw bytes, not decoded
	keyword   string
	array     []any
	dict      map[name]any
	ref       struct{ num, gen int }
	stream    struct {
		d   dict
		raw []byte // the bytes between "stream" and "endstream", still encoded
		own ref    // the object that holds it: the key for decryption
	}
)

var errCorrupt = errors.New("pdf: corrupt")

// maxDepth bounds the nesting of arrays and dictionaries: deeper input is
// corrupt or hostile, and recursion must not exhaust the stack.
const maxDepth = 64

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func isRegular(c byte) bool { return !isSpace(c) && !isDelim(c) }

// lexer reads PDF syntax from a byte slice; it is shared by the file parser
// and the content-stream interpreter.
type lexer struct {
	b   []byte
	p   int
	buf []byte // scratch for strings that need unescaping
}

func (l *lexer) eof() bool { return l.p >= len(l.b) }

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	b := l.b
	for l.p < len(b) {
		c := b[l.p]
		if isSpace(c) {
			l.p++
			continue
		}
		if c != '%' {
			return
		}
		for l.p < len(b) && b[l.p] != '\n' && b[l.p] != '\r' {
			l.p++
		}
	}
}

// regular returns the run of regular characters at the position.
func (l *lexer) regular() []byte {
	s := l.p
	for l.p < len(l.b) && isRegular(l.b[l.p]) {
		l.p++
	}
	return l.b[s:l.p]
}

// number parses a PDF number leniently ("-.5", "4.", "--3", "1.2.3" read as
// 1.2), as viewers do. ok is false when s holds no digit.
func number(s []byte) (f float64, isInt bool, ok bool) {
	i, neg := 0, false
	for i < len(s) && (s[i] == '-' || s[i] == '+') {
		neg = neg || s[i] == '-'
		i++
	}
	var n int64
	digits, big := 0, false
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		if n > (1<<62)/10 {
			big = true
		}
		n = n*10 + int64(s[i]-'0')
		digits++
	}
	f, isInt = float64(n), true
	if big {
		f, _ = strconv.ParseFloat(string(s[:i]), 64)
		f, isInt = abs(f), false
	}
	if i < len(s) && s[i] == '.' {
		isInt = false
		i++
		scale := 0.1
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			f += float64(s[i]-'0') * scale
			scale /= 10
			digits++
		}
	}
	if neg {
		f = -f
	}
	return f, isInt, digits > 0
}

// name reads a name after its slash, decoding #xx escapes.
func (l *lexer) name() []byte {
	s := l.regular()
	for i := 0; i < len(s); i++ {
		if s[i] == '#' {
			return unescapeName(s)
		}
	}
	return s
}

func unescapeName(s []byte) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	return out
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10
	}
	return 0
}

// literal reads a (string) after its opening parenthesis. The result is a
// slice of the input when the string has no escapes, else of l.buf, so it is
// valid only until the next call.
func (l *lexer) literal() []byte {
	b := l.b
	start, depth := l.p, 1
	for i := start; i < len(b); i++ {
		switch b[i] {
		case '\\':
			return l.literalSlow(start)
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				l.p = i + 1
				return b[start:i]
			}
		}
	}
	l.p = len(b) // unterminated: take what there is
	return b[start:]
}

func (l *lexer) literalSlow(start int) []byte {
	b, out, depth := l.b, l.buf[:0], 1
	i := start
	for i < len(b) {
		c := b[i]
		i++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				l.p, l.buf = i, out
				return out
			}
		case '\\':
			if i >= len(b) {
				continue
			}
			c = b[i]
			i++
			switch c {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if i < len(b) && b[i] == '\n' {
					i++
				}
				continue
			case '\n':
				continue
			default:
				if c >= '0' && c <= '7' {
					v := int(c - '0')
					for k := 0; k < 2 && i < len(b) && b[i] >= '0' && b[i] <= '7'; k++ {
						v = v*8 + int(b[i]-'0')
						i++
					}
					c = byte(v)
				}
			}
		}
		out = append(out, c)
	}
	l.p, l.buf = i, out
	return out
}

// hexString reads a <hex string> after its opening bracket into l.buf.
func (l *lexer) hexString() []byte {
	b, out := l.b, l.buf[:0]
	var hi byte
	half := false
	for l.p < len(b) {
		c := b[l.p]
		l.p++
		if c == '>' {
			break
		}
		if !isHex(c) {
			continue
		}
		if half {
			out = append(out, hi<<4|unhex(c))
		} else {
			hi = unhex(c)
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	l.buf = out
	return out
}

// object reads one value. refs enables "n g R" references (file syntax, not
// content streams).
func (l *lexer) object(depth int, refs bool) (any, error) {
	if depth > maxDepth {
		return nil, errCorrupt
	}
	l.skipSpace()
	if l.eof() {
		return nil, errCorrupt
	}
	b := l.b
	switch c := b[l.p]; c {
	case '/':
		l.p++
		return name(l.name()), nil
	case '(':
		l.p++
		return pdfString(l.literal()), nil
	case '<':
		if l.p+1 < len(b) && b[l.p+1] == '<' {
			l.p += 2
			return l.dict(depth, refs)
		}
		l.p++
		return pdfString(l.hexString()), nil
	case '[':
		l.p++
		var a array
		for {
			l.skipSpace()
			if l.eof() {
				return a, errCorrupt
			}
			if b[l.p] == ']' {
				l.p++
				return a, nil
			}
			v, err := l.object(depth+1, refs)
			if err != nil {
				return a, err
			}
			if k, ok := v.(keyword); ok && (k == ">>" || k == ")" || k == "}") {
				continue // stray delimiter: skip, as viewers do
			}
			a = append(a, v)
		}
	case ']', ')', '{', '}':
		l.p++
		return keyword(b[l.p-1 : l.p]), nil
	case '>':
		l.p++
		if l.p < len(b) && b[l.p] == '>' {
			l.p++
			return keyword(">>"), nil
		}
		return keyword(">"), nil
	}
	tok := l.regular()
	if len(tok) == 0 { // cannot happen after the cases above; never loop
		l.p++
		return nil, errCorrupt
	}
	if c := tok[0]; c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' {
		if f, isInt, ok := number(tok); ok {
			if !isInt {
				return f, nil
			}
			n := int64(f)
			if refs && n >= 0 {
				if r, ok := l.refAfter(n); ok {
					return r, nil
				}
			}
			return n, nil
		}
	}
	switch string(tok) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "null":
		return nil, nil
	}
	return keyword(tok), nil
}

// refAfter reads " gen R" after an object number, or restores the position.
func (l *lexer) refAfter(num int64) (ref, bool) {
	save := l.p
	l.skipSpace()
	gen := l.regular()
	if g, isInt, ok := number(gen); ok && isInt && len(gen) > 0 && gen[0] >= '0' && gen[0] <= '9' {
		l.skipSpace()
		if l.p < len(l.b) && l.b[l.p] == 'R' && (l.p+1 == len(l.b) || !isRegular(l.b[l.p+1])) {
			l.p++
			if num <= 1<<31 && g <= 1<<16 {
				return ref{int(num), int(g)}, true
			}
			return ref{}, false
		}
	}
	l.p = save
	return ref{}, false
}

func (l *lexer) dict(depth int, refs bool) (dict, error) {
	d := dict{}
	for {
		l.skipSpace()
		if l.eof() {
			return d, errCorrupt
		}
		if l.b[l.p] == '>' {
			l.p++
			if l.p < len(l.b) && l.b[l.p] == '>' {
				l.p++
			}
			return d, nil
		}
		k, err := l.object(depth+1, refs)
		if err != nil {
			return d, err
		}
		key, ok := k.(name)
		if !ok {
			continue // not a key: skip it and resynchronise on the next name
		}
		l.skipSpace()
		if l.p+1 < len(l.b) && l.b[l.p] == '>' && l.b[l.p+1] == '>' {
			return d, nil // key without value
		}
		v, err := l.object(depth+1, refs)
		if err != nil {
			return d, err
		}
		if kw, ok := v.(keyword); ok && (kw == ">>" || kw == "]") {
			l.p -= len(kw)
			continue
		}
		if v != nil {
			d[key] = v
		}
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}
