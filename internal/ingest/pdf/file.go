package pdf

import (
	"bytes"
	"errors"
)

// entry locates an object: at an offset in the file, or as the idx-th object
// of an object stream.
type entry struct {
	off    int // kind 1
	stm    int // kind 2: number of the object stream
	idx    int
	inStm  bool
	exists bool
}

// doc is an open PDF file.
type doc struct {
	data     []byte
	xref     map[int]entry
	trailer  dict
	cache    map[int]any
	busy     map[int]bool // objects being loaded: a reference loop is corrupt
	objStms  map[int]*objStm
	crypt    *crypt
	budget   *budget
	repaired bool
	scanned  map[int]entry // objects found by scanning, for repairLookup
	fonts    map[int]*font
	forms    map[int][]byte
}

type objStm struct {
	data []byte
	offs map[int]int // object number → offset in data
}

var errEncrypted = errors.New("pdf: encrypted")

// open reads the cross-reference data, repairing it by a scan of the file
// when it is missing or wrong, and prepares decryption.
func open(data []byte, bud *budget) (*doc, error) {
	d := &doc{data: data, xref: map[int]entry{}, cache: map[int]any{}, busy: map[int]bool{},
		objStms: map[int]*objStm{}, budget: bud, fonts: map[int]*font{}, forms: map[int][]byte{}}
	head := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-"))
	if head < 0 {
		return nil, errCorrupt
	}
	err := d.readXref()
	if err == nil {
		if err = d.setupCrypt(); errors.Is(err, errEncrypted) {
			return nil, err
		}
	}
	if err != nil || !d.rootOK() {
		if err := d.repair(); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// setupCrypt prepares decryption when the trailer asks for it. Objects
// read before were read without it, so the caches start again.
func (d *doc) setupCrypt() error {
	enc := d.trailer["Encrypt"]
	if enc == nil || d.crypt != nil {
		return nil
	}
	c, err := newCrypt(d, enc)
	if err != nil {
		return err
	}
	d.crypt, d.cache, d.objStms = c, map[int]any{}, map[int]*objStm{}
	return nil
}

// rootOK reports whether the trailer leads to a catalog with a page tree:
// a cheap check that the cross-reference data is right.
func (d *doc) rootOK() bool {
	cat, _ := d.resolve(d.trailer["Root"]).(dict)
	if cat == nil {
		return false
	}
	_, ok := d.resolve(cat["Pages"]).(dict)
	return ok
}

// readXref follows startxref and the chain of /Prev sections.
func (d *doc) readXref() error {
	tail := d.data[max(0, len(d.data)-2048):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return errCorrupt
	}
	l := &lexer{b: tail, p: i + len("startxref")}
	l.skipSpace()
	f, isInt, ok := number(l.regular())
	if !ok || !isInt {
		return errCorrupt
	}
	off := int(f)
	seen := map[int]bool{}
	for n := 0; ; n++ {
		if off <= 0 || off >= len(d.data) || seen[off] || n > 256 {
			return errCorrupt
		}
		seen[off] = true
		trailer, err := d.readSection(off, false)
		if err != nil {
			return err
		}
		if d.trailer == nil {
			d.trailer = trailer
		} else {
			for k, v := range trailer {
				if _, ok := d.trailer[k]; !ok && k != "Prev" && k != "XRefStm" {
					d.trailer[k] = v
				}
			}
		}
		// A hybrid file keeps the objects of a cross-reference stream apart.
		if x, ok := trailer["XRefStm"].(int64); ok && !seen[int(x)] && x > 0 && int(x) < len(d.data) {
			seen[int(x)] = true
			if _, err := d.readSection(int(x), true); err != nil {
				return err
			}
		}
		prev, ok := trailer["Prev"].(int64)
		if !ok {
			return nil
		}
		off = int(prev)
	}
}

// readSection reads one cross-reference table or stream at off, adding
// entries not already known (newer sections are read first). The stream of
// a hybrid file (XRefStm) fills in what its table lists as free.
func (d *doc) readSection(off int, hybrid bool) (dict, error) {
	l := &lexer{b: d.data, p: off}
	l.skipSpace()
	if bytes.HasPrefix(d.data[l.p:], []byte("xref")) {
		l.p += 4
		return d.readTable(l)
	}
	obj, _, err := d.readObjectAt(off, -1)
	if err != nil {
		return nil, err
	}
	s, ok := obj.(*stream)
	if !ok || s.d["Type"] != name("XRef") {
		return nil, errCorrupt
	}
	return s.d, d.readXrefStream(s, hybrid)
}

func (d *doc) readTable(l *lexer) (dict, error) {
	for {
		l.skipSpace()
		tok := l.regular()
		if string(tok) == "trailer" {
			t, err := l.object(0, true)
			if err != nil {
				return nil, err
			}
			td, ok := t.(dict)
			if !ok {
				return nil, errCorrupt
			}
			return td, nil
		}
		start, isInt1, ok1 := number(tok)
		l.skipSpace()
		count, isInt2, ok2 := number(l.regular())
		if !ok1 || !ok2 || !isInt1 || !isInt2 || start < 0 || count < 0 {
			return nil, errCorrupt
		}
		for i := 0; i < int(count); i++ {
			l.skipSpace()
			o, _, ok1 := number(l.regular())
			l.skipSpace()
			l.regular() // generation
			l.skipSpace()
			kind := l.regular()
			if !ok1 || len(kind) != 1 {
				return nil, errCorrupt
			}
			num := int(start) + i
			if _, known := d.xref[num]; known || num > maxObjNum {
				continue
			}
			if kind[0] == 'n' && o > 0 {
				d.xref[num] = entry{off: int(o), exists: true}
			} else {
				d.xref[num] = entry{} // free: hides older versions
			}
		}
	}
}

// maxObjNum bounds object numbers: real files stay far below, and it keeps
// a hostile /Size or /Index from allocating.
const maxObjNum = 1 << 24

func (d *doc) readXrefStream(s *stream, hybrid bool) error {
	data, err := d.decode(s)
	if err != nil {
		return err
	}
	w, _ := s.d["W"].(array)
	if len(w) < 3 {
		return errCorrupt
	}
	var ws [3]int
	total := 0
	for i := range ws {
		n, _ := w[i].(int64)
		if n < 0 || n > 8 {
			return errCorrupt
		}
		ws[i] = int(n)
		total += int(n)
	}
	if total == 0 {
		return errCorrupt
	}
	index, _ := s.d["Index"].(array)
	if index == nil {
		size, _ := s.d["Size"].(int64)
		index = array{int64(0), size}
	}
	p := 0
	for k := 0; k+1 < len(index); k += 2 {
		start, _ := index[k].(int64)
		count, _ := index[k+1].(int64)
		if start < 0 || count < 0 {
			return errCorrupt
		}
		for i := 0; i < int(count) && p+total <= len(data); i++ {
			f := func(n int) int {
				v := 0
				for j := 0; j < n; j++ {
					v = v<<8 | int(data[p])
					p++
				}
				return v
			}
			typ := 1
			if ws[0] > 0 {
				typ = f(ws[0])
			}
			a, b := f(ws[1]), f(ws[2])
			num := int(start) + i
			if e, known := d.xref[num]; known && (e.exists || !hybrid) || num > maxObjNum {
				continue
			}
			switch typ {
			case 0:
				d.xref[num] = entry{}
			case 1:
				d.xref[num] = entry{off: a, exists: a > 0}
			case 2:
				d.xref[num] = entry{stm: a, idx: b, inStm: true, exists: true}
			}
		}
	}
	return nil
}

// repair rebuilds the cross-reference data by finding every "n g obj" in
// the file; the last definition of a number wins, as in incremental updates.
func (d *doc) repair() error {
	d.xref, d.cache, d.busy, d.objStms, d.trailer = map[int]entry{}, map[int]any{}, map[int]bool{}, map[int]*objStm{}, nil
	d.repaired, d.crypt = true, nil
	d.scanObjects()
	data := d.data
	// Trailers: every "trailer" dictionary, later ones winning; then the
	// dictionaries of cross-reference streams.
	d.trailer = dict{}
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("trailer"))
		if j < 0 {
			break
		}
		l := &lexer{b: data, p: i + j + len("trailer")}
		i += j + 7
		if t, err := l.object(0, true); err == nil {
			if td, ok := t.(dict); ok {
				for k, v := range td {
					d.trailer[k] = v
				}
			}
		}
	}
	if err := d.setupCrypt(); err != nil {
		return err
	}
	nums := make([]int, 0, len(d.xref))
	for n := range d.xref {
		nums = append(nums, n)
	}
	var catalog any
	for _, n := range nums {
		obj, err := d.get(n)
		if err != nil {
			continue
		}
		switch o := obj.(type) {
		case *stream:
			switch o.d["Type"] {
			case name("XRef"):
				if d.trailer["Root"] == nil && o.d["Root"] != nil {
					for k, v := range o.d {
						if _, ok := d.trailer[k]; !ok {
							d.trailer[k] = v
						}
					}
				}
			case name("ObjStm"):
				d.indexObjStm(n)
			}
		case dict:
			if o["Type"] == name("Catalog") {
				catalog = ref{n, 0}
			}
		}
	}
	if err := d.setupCrypt(); err != nil {
		return err
	}
	if !d.rootOK() {
		if catalog == nil {
			// The catalog may sit in an object stream indexed just now.
			for n, e := range d.xref {
				if e.inStm {
					if o, _ := d.get(n); o != nil {
						if c, ok := o.(dict); ok && c["Type"] == name("Catalog") {
							catalog = ref{n, 0}
							break
						}
					}
				}
			}
		}
		if catalog == nil {
			return errCorrupt
		}
		d.trailer["Root"] = catalog
		if !d.rootOK() {
			return errCorrupt
		}
	}
	return nil
}

// scanObjects indexes every "num gen obj" of the file.
func (d *doc) scanObjects() {
	data := d.data
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("obj"))
		if j < 0 {
			break
		}
		at := i + j
		i = at + 3
		if i < len(data) && isRegular(data[i]) {
			continue
		}
		// Walk back over "num gen ".
		p := at
		for p > 0 && isSpace(data[p-1]) {
			p--
		}
		g := p
		for p > 0 && data[p-1] >= '0' && data[p-1] <= '9' {
			p--
		}
		if p == g {
			continue
		}
		n := p
		for p > 0 && isSpace(data[p-1]) {
			p--
		}
		if p == n {
			continue
		}
		e := p
		for p > 0 && data[p-1] >= '0' && data[p-1] <= '9' && e-p < 10 {
			p--
		}
		if p == e || p > 0 && isRegular(data[p-1]) {
			continue
		}
		num, _, _ := number(data[p:e])
		if int(num) <= maxObjNum {
			d.xref[int(num)] = entry{off: p, exists: true}
		}
	}
}

// indexObjStm adds the objects of an object stream found while repairing,
// unless they are also written directly in the file.
func (d *doc) indexObjStm(num int) {
	os, err := d.loadObjStm(num)
	if err != nil {
		return
	}
	for n := range os.offs {
		if e, ok := d.xref[n]; !ok || !e.exists {
			d.xref[n] = entry{stm: num, inStm: true, exists: true}
		}
	}
}

// resolve follows references to the object they name; a missing object is
// null, as the specification says.
func (d *doc) resolve(o any) any {
	for i := 0; i < 32; i++ {
		r, ok := o.(ref)
		if !ok {
			return o
		}
		o, _ = d.get(r.num)
	}
	return nil
}

// get loads object num, through the cache.
func (d *doc) get(num int) (any, error) {
	if o, ok := d.cache[num]; ok {
		return o, nil
	}
	e, ok := d.xref[num]
	if !ok || !e.exists {
		return nil, nil
	}
	if d.busy[num] {
		return nil, errCorrupt
	}
	d.busy[num] = true
	defer delete(d.busy, num)
	var obj any
	var err error
	if e.inStm {
		obj, err = d.getInStm(num, e)
	} else {
		var got int
		obj, got, err = d.readObjectAt(e.off, num)
		if err == nil && got != num {
			err = errCorrupt
		}
		if err != nil && !d.repaired {
			// A wrong offset: find the object by scanning, once for the file.
			if d.repairLookup(num) {
				delete(d.busy, num)
				return d.get(num)
			}
		}
	}
	if err != nil {
		d.cache[num] = nil
		return nil, err
	}
	d.cache[num] = obj
	return obj, nil
}

// repairLookup corrects the offset of one object from a scan of the file,
// keeping the rest of the cross-reference data (offsets shifted by a prefix
// or by an editor that did not rewrite them).
func (d *doc) repairLookup(num int) bool {
	if d.scanned == nil {
		saved := d.xref
		d.xref = map[int]entry{}
		d.scanObjects()
		d.scanned, d.xref = d.xref, saved
	}
	e, ok := d.scanned[num]
	if !ok || e == d.xref[num] {
		return false
	}
	d.xref[num] = e
	return true
}

func (d *doc) getInStm(num int, e entry) (any, error) {
	if d.busy[-e.stm-1] {
		return nil, errCorrupt
	}
	d.busy[-e.stm-1] = true
	defer delete(d.busy, -e.stm-1)
	os, err := d.loadObjStm(e.stm)
	if err != nil {
		return nil, err
	}
	off, ok := os.offs[num]
	if !ok {
		return nil, nil
	}
	l := &lexer{b: os.data, p: off}
	return l.object(0, true)
}

func (d *doc) loadObjStm(num int) (*objStm, error) {
	if os, ok := d.objStms[num]; ok {
		if os == nil {
			return nil, errCorrupt
		}
		return os, nil
	}
	d.objStms[num] = nil
	o, err := d.get(num)
	if err != nil {
		return nil, err
	}
	s, ok := o.(*stream)
	if !ok {
		return nil, errCorrupt
	}
	data, err := d.decode(s)
	if err != nil {
		return nil, err
	}
	n, _ := s.d["N"].(int64)
	first, _ := s.d["First"].(int64)
	if n < 0 || first < 0 || int(first) > len(data) {
		return nil, errCorrupt
	}
	os := &objStm{data: data, offs: map[int]int{}}
	l := &lexer{b: data[:first]}
	for i := 0; i < int(n); i++ {
		l.skipSpace()
		a, _, ok1 := number(l.regular())
		l.skipSpace()
		b, _, ok2 := number(l.regular())
		if !ok1 || !ok2 {
			break
		}
		if off := int(first) + int(b); off >= 0 && off < len(data) {
			if _, dup := os.offs[int(a)]; !dup {
				os.offs[int(a)] = off
			}
		}
	}
	d.objStms[num] = os
	return os, nil
}

// readObjectAt parses "num gen obj … endobj" at off. want is the expected
// object number (-1 for any); it selects the decryption key of strings.
func (d *doc) readObjectAt(off, want int) (obj any, num int, err error) {
	if off < 0 || off >= len(d.data) {
		return nil, -1, errCorrupt
	}
	l := &lexer{b: d.data, p: off}
	l.skipSpace()
	n, isInt, ok := number(l.regular())
	l.skipSpace()
	g, _, ok2 := number(l.regular())
	l.skipSpace()
	if !ok || !ok2 || !isInt || string(l.regular()) != "obj" {
		return nil, -1, errCorrupt
	}
	num = int(n)
	if want >= 0 && num != want {
		return nil, num, errCorrupt
	}
	obj, err = l.object(0, true)
	if err != nil {
		return nil, num, err
	}
	own := ref{num, int(g)}
	if d.crypt != nil {
		obj = d.crypt.strings(obj, own)
	}
	hdr, ok := obj.(dict)
	if !ok {
		return obj, num, nil
	}
	l.skipSpace()
	if !bytes.HasPrefix(d.data[l.p:], []byte("stream")) {
		return obj, num, nil
	}
	p := l.p + len("stream")
	if p < len(d.data) && d.data[p] == '\r' {
		p++
	}
	if p < len(d.data) && d.data[p] == '\n' {
		p++
	}
	return &stream{d: hdr, raw: d.streamData(hdr, p), own: own}, num, nil
}

// streamData finds the end of a stream: /Length when "endstream" follows
// it, else the next "endstream" (lengths are often wrong in damaged files).
func (d *doc) streamData(hdr dict, start int) []byte {
	data := d.data
	length := -1
	switch v := hdr["Length"].(type) {
	case int64:
		length = int(v)
	case ref:
		if n, ok := d.resolve(v).(int64); ok {
			length = int(n)
		}
	}
	if length >= 0 && length <= len(data)-start {
		rest := data[start+length:]
		i := 0
		for i < len(rest) && i < 4 && isSpace(rest[i]) {
			i++
		}
		if bytes.HasPrefix(rest[i:], []byte("endstream")) {
			return data[start : start+length]
		}
	}
	end := bytes.Index(data[start:], []byte("endstream"))
	if end < 0 {
		return data[start:] // truncated file
	}
	s := data[start : start+end]
	if n := len(s); n > 0 && s[n-1] == '\n' {
		s = s[:n-1]
	}
	if n := len(s); n > 0 && s[n-1] == '\r' {
		s = s[:n-1]
	}
	return s
}
