package pdf

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/ascii85"
	"errors"
	"io"
)

// budget is what may still be decompressed or interpreted for one file: a
// flate bomb or forms drawing forms must hit a limit, not the memory.
type budget struct{ left int64 }

var errTooLarge = errors.New("pdf: over the stream limit")

func (b *budget) take(n int) error {
	b.left -= int64(n)
	if b.left < 0 {
		return errTooLarge
	}
	return nil
}

var errFilter = errors.New("pdf: unsupported filter")

// decode returns the decoded data of a stream, decrypting it first.
func (d *doc) decode(s *stream) ([]byte, error) {
	data := s.raw
	if d.crypt != nil && d.crypt.stm != cNone && s.d["Type"] != name("XRef") {
		data = d.crypt.decrypt(data, s.own, d.crypt.stm)
	}
	filters := d.resolve(s.d["Filter"])
	params := d.resolve(s.d["DecodeParms"])
	if filters == nil {
		filters = d.resolve(s.d["F"]) // inline-image abbreviations
	}
	var list array
	var plist array
	switch f := filters.(type) {
	case name:
		list, plist = array{f}, array{params}
	case array:
		list = f
		plist, _ = params.(array)
	}
	for i, f := range list {
		n, _ := d.resolve(f).(name)
		var p dict
		if i < len(plist) {
			p, _ = d.resolve(plist[i]).(dict)
		}
		var err error
		if data, err = d.filter(n, data, p); err != nil {
			return nil, err
		}
	}
	if len(list) == 0 {
		// Unfiltered data is a slice of the file: nothing new to bound.
		return data, nil
	}
	return data, nil
}

func (d *doc) filter(n name, in []byte, p dict) ([]byte, error) {
	var out []byte
	var err error
	switch n {
	case "FlateDecode", "Fl":
		out, err = d.inflate(in)
		if err == nil {
			out, err = d.predict(out, p)
		}
	case "LZWDecode", "LZW":
		early := true
		if v, ok := p["EarlyChange"].(int64); ok && v == 0 {
			early = false
		}
		out, err = d.lzw(in, early)
		if err == nil {
			out, err = d.predict(out, p)
		}
	case "ASCIIHexDecode", "AHx":
		l := &lexer{b: in}
		out = append([]byte(nil), l.hexString()...)
	case "ASCII85Decode", "A85":
		out, err = d.ascii85(in)
	case "RunLengthDecode", "RL":
		out, err = d.runLength(in)
	case "Crypt":
		return in, nil
	default:
		return nil, errFilter // image codecs: never needed for text
	}
	return out, err
}

// grow reads all of r into memory, charging the budget as it goes.
func (d *doc) grow(r io.Reader, hint int) ([]byte, error) {
	buf := make([]byte, 0, min(max(hint, 512), 1<<20))
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		if terr := d.budget.take(n); terr != nil {
			return nil, terr
		}
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			if len(buf) > 0 {
				return buf, nil // a damaged tail: keep what was readable
			}
			return nil, err
		}
	}
}

func (d *doc) inflate(in []byte) ([]byte, error) {
	var r io.ReadCloser
	zr, err := zlib.NewReader(bytes.NewReader(in))
	if err != nil {
		// Some writers emit raw deflate, without the zlib header.
		r = flate.NewReader(bytes.NewReader(in))
	} else {
		r = zr
	}
	defer r.Close()
	out, err := d.grow(r, len(in)*4)
	if err != nil && errors.Is(err, errTooLarge) {
		return nil, err
	}
	if err != nil || len(out) == 0 && len(in) > 8 {
		return nil, errCorrupt
	}
	return out, nil
}

// predict undoes the PNG and TIFF predictors of flate and LZW data.
func (d *doc) predict(in []byte, p dict) ([]byte, error) {
	pred, _ := p["Predictor"].(int64)
	if pred < 2 {
		return in, nil
	}
	colors, bpc, cols := int64(1), int64(8), int64(1)
	if v, ok := p["Colors"].(int64); ok && v > 0 && v <= 32 {
		colors = v
	}
	if v, ok := p["BitsPerComponent"].(int64); ok && v > 0 && v <= 16 {
		bpc = v
	}
	if v, ok := p["Columns"].(int64); ok && v > 0 && v <= 1<<20 {
		cols = v
	}
	bpp := int(max((colors*bpc+7)/8, 1))
	row := int((cols*colors*bpc + 7) / 8)
	if pred == 2 {
		if bpc != 8 {
			return in, nil
		}
		for i := 0; i+row <= len(in); i += row {
			for j := bpp; j < row; j++ {
				in[i+j] += in[i+j-bpp]
			}
		}
		return in, nil
	}
	out := make([]byte, 0, len(in))
	prev := make([]byte, row)
	cur := make([]byte, row)
	for i := 0; i+1 <= len(in); i += row + 1 {
		typ := in[i]
		n := copy(cur, in[i+1:min(len(in), i+1+row)])
		clear(cur[n:])
		for j := 0; j < row; j++ {
			var a, c byte
			if j >= bpp {
				a, c = cur[j-bpp], prev[j-bpp]
			}
			b := prev[j]
			switch typ {
			case 1:
				cur[j] += a
			case 2:
				cur[j] += b
			case 3:
				cur[j] += byte((int(a) + int(b)) / 2)
			case 4:
				cur[j] += paeth(a, b, c)
			}
		}
		out = append(out, cur[:n]...)
		prev, cur = cur, prev
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := p-int(a), p-int(b), p-int(c)
	if pa < 0 {
		pa = -pa
	}
	if pb < 0 {
		pb = -pb
	}
	if pc < 0 {
		pc = -pc
	}
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

// lzw decodes LZWDecode data. Go's compress/lzw does not implement the
// "early change" of PDF and TIFF, hence this small decoder.
func (d *doc) lzw(in []byte, early bool) ([]byte, error) {
	type item struct {
		prefix int
		last   byte
		first  byte
		length int
	}
	table := make([]item, 258, 4096)
	for i := 0; i < 256; i++ {
		table[i] = item{prefix: -1, last: byte(i), first: byte(i), length: 1}
	}
	var out []byte
	width, prev := 9, -1
	var bits uint32
	nbits := 0
	emit := func(code int) {
		n := table[code].length
		start := len(out)
		out = append(out, make([]byte, n)...)
		for c, i := code, start+n-1; c >= 0 && i >= start; i-- {
			out[i] = table[c].last
			c = table[c].prefix
		}
	}
	for p := 0; ; {
		for nbits < width && p < len(in) {
			bits = bits<<8 | uint32(in[p])
			nbits += 8
			p++
		}
		if nbits < width {
			break
		}
		code := int(bits>>(nbits-width)) & (1<<width - 1)
		nbits -= width
		switch {
		case code == 256:
			table, width, prev = table[:258], 9, -1
			continue
		case code == 257:
			return out, nil
		case code < len(table):
			if prev >= 0 && len(table) < 4096 {
				table = append(table, item{prev, table[code].first, table[prev].first, table[prev].length + 1})
			}
		case code == len(table) && prev >= 0:
			if len(table) < 4096 {
				f := table[prev].first
				table = append(table, item{prev, f, f, table[prev].length + 1})
			}
		default:
			return out, nil // corrupt: keep what was decoded
		}
		if code >= len(table) {
			return out, nil
		}
		if err := d.budget.take(table[code].length); err != nil {
			return nil, err
		}
		emit(code)
		prev = code
		off := 0
		if early {
			off = 1
		}
		switch {
		case len(table)+off >= 2048:
			width = 12
		case len(table)+off >= 1024:
			width = 11
		case len(table)+off >= 512:
			width = 10
		}
	}
	return out, nil
}

func (d *doc) ascii85(in []byte) ([]byte, error) {
	in = bytes.TrimPrefix(bytes.TrimLeft(in, " \t\r\n\f\x00"), []byte("<~"))
	if i := bytes.Index(in, []byte("~>")); i >= 0 {
		in = in[:i]
	}
	clean := make([]byte, 0, len(in))
	for _, c := range in {
		if !isSpace(c) {
			clean = append(clean, c)
		}
	}
	if err := d.budget.take(len(clean) * 5); err != nil { // 'z' is four bytes from one
		return nil, err
	}
	out := make([]byte, len(clean)*4+4)
	n, _, err := ascii85.Decode(out, clean, true)
	if err != nil && n == 0 {
		return nil, errCorrupt
	}
	return out[:n], nil
}

func (d *doc) runLength(in []byte) ([]byte, error) {
	var out []byte
	for i := 0; i < len(in); {
		n := int(in[i])
		i++
		switch {
		case n < 128:
			end := min(i+n+1, len(in))
			if err := d.budget.take(end - i); err != nil {
				return nil, err
			}
			out = append(out, in[i:end]...)
			i = end
		case n > 128:
			if i >= len(in) {
				return out, nil
			}
			if err := d.budget.take(257 - n); err != nil {
				return nil, err
			}
			for k := 0; k < 257-n; k++ {
				out = append(out, in[i])
			}
			i++
		default:
			return out, nil
		}
	}
	return out, nil
}
