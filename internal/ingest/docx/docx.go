// Package docx reads the text of a Word (.docx) file in reading order.
//
// It uses only archive/zip and encoding/xml from the standard library: they
// are small, well tested and fuzzed upstream, and streaming tokens through
// them (no DOM) lets this package bound memory, decompressed size and element
// depth itself, which is what matters for files that arrive from anywhere.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"

	"lantoa/internal/problem"
)

// Limits bound the work done on one file. A zero or negative field takes the
// value of DefaultLimits.
type Limits struct {
	MaxUnzippedBytes int64 // total decompressed size of the entries read
	MaxEntries       int   // entries in the zip directory
	MaxXMLDepth      int   // element nesting
}

// DefaultLimits suits any real office document.
func DefaultLimits() Limits {
	return Limits{MaxUnzippedBytes: 200 << 20, MaxEntries: 10000, MaxXMLDepth: 256}
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxUnzippedBytes <= 0 {
		l.MaxUnzippedBytes = d.MaxUnzippedBytes
	}
	if l.MaxEntries <= 0 {
		l.MaxEntries = d.MaxEntries
	}
	if l.MaxXMLDepth <= 0 {
		l.MaxXMLDepth = d.MaxXMLDepth
	}
	return l
}

const mainPart = "word/document.xml"

const (
	msgCorrupt = "tệp .docx bị hỏng hoặc không đầy đủ (không mở được như tệp nén)"
	msgBomb    = "tệp .docx giải nén quá lớn (nghi là tệp độc hại)"
)

// Text returns the text of the document body, one line per paragraph (table
// cells row by row, left to right; text boxes after the paragraph that
// anchors them; list numbers and bullets before their paragraph), followed
// by footnotes and endnotes. Headers, footers and comments are left out.
// Tracked deletions are dropped, insertions kept.
func Text(r io.ReaderAt, size int64, lim Limits) (string, error) {
	lim = lim.withDefaults()
	if r == nil || size <= 0 {
		return "", problem.Errorf(problem.Invalid, "%s", msgCorrupt)
	}
	if err := notZip(r, size); err != nil {
		return "", err
	}
	// Count directory signatures before archive/zip builds a File for each:
	// its reader trusts only the low 16 bits of the declared count, so a
	// crafted directory could otherwise cost memory several times the file size.
	if n := countSignature(r, size, []byte("PK\x01\x02"), lim.MaxEntries+1); n > lim.MaxEntries {
		return "", tooManyEntries(lim.MaxEntries)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // names like ../x are harmless: nothing is written to disk
		return "", problem.Wrap(problem.Invalid, err, msgCorrupt)
	}
	if len(zr.File) > lim.MaxEntries {
		return "", tooManyEntries(lim.MaxEntries)
	}
	p := &pkg{files: make(map[string]*zip.File, len(zr.File)), left: lim.MaxUnzippedBytes, depth: lim.MaxXMLDepth}
	for _, f := range zr.File {
		// Part names are case-insensitive (OPC); the first of duplicates wins.
		k := strings.ToLower(f.Name)
		if _, dup := p.files[k]; !dup {
			p.files[k] = f
		}
	}

	body, err := p.mainPart()
	if err != nil {
		return "", err
	}
	if body == "" {
		return "", problem.Errorf(problem.Invalid, "tệp .docx không có phần nội dung văn bản (word/document.xml)")
	}
	rel, err := p.related(body)
	if err != nil {
		return "", err
	}
	num, err := p.numbering(rel)
	if err != nil {
		return "", err
	}
	var out strings.Builder
	x := newExtractor(&out, num)
	if err := p.walk(body, x.token); err != nil {
		return "", err
	}
	x.finish()
	for _, n := range []string{rel[relFootnotes], rel[relEndnotes]} {
		if n == "" {
			continue
		}
		x.reset()
		if err := p.walk(n, x.token); err != nil {
			return "", err
		}
		x.finish()
	}
	return out.String(), nil
}

// numbering reads the list definitions, and the paragraph styles only when
// there are lists: styles.xml is often larger than a short document.
func (p *pkg) numbering(rel map[string]string) (*numbering, error) {
	num := newNumbering()
	if rel[relNumbering] == "" {
		return num, nil
	}
	token, done := num.readNumbering()
	if err := p.walk(rel[relNumbering], token); err != nil {
		return nil, err
	}
	done()
	if len(num.nums) > 0 && rel[relStyles] != "" {
		if err := p.walk(rel[relStyles], num.readStyles()); err != nil {
			return nil, err
		}
	}
	return num, nil
}

func tooManyEntries(max int) error {
	return problem.Errorf(problem.TooLarge, "tệp .docx có quá nhiều thành phần (hơn %d; nghi là tệp độc hại)", max)
}

// notZip recognises the OLE container that Word uses for password-protected
// .docx files and for the old .doc format, so the message can say which.
func notZip(r io.ReaderAt, size int64) error {
	var magic [8]byte
	if n, _ := r.ReadAt(magic[:], 0); n < len(magic) || string(magic[:]) != "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" {
		return nil
	}
	// The stream name is stored in UTF-16LE in the OLE directory.
	if countSignature(r, size, utf16le("EncryptedPackage"), 1) > 0 {
		return problem.Errorf(problem.Unsupported,
			"tệp .docx được đặt mật khẩu: hãy mở bằng Word, gỡ mật khẩu rồi lưu lại và gửi lại tệp")
	}
	return problem.Errorf(problem.Unsupported,
		"tệp mang đuôi .docx nhưng là tệp Word cũ (Word 97–2003): hãy đổi đuôi thành .doc hoặc mở bằng Word và lưu lại dưới dạng .docx")
}

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

// countSignature counts the occurrences of sig in r, stopping at max. It
// reads in chunks that overlap by len(sig)-1 bytes and counts a match in the
// chunk where it starts.
func countSignature(r io.ReaderAt, size int64, sig []byte, max int) int {
	chunk := int(min(size, 1<<20))
	buf := make([]byte, chunk+len(sig)-1)
	n := 0
	for off := int64(0); off < size && n < max; off += int64(chunk) {
		m, err := r.ReadAt(buf[:min(int64(len(buf)), size-off)], off)
		for b := buf[:m]; n < max; {
			i := bytes.Index(b, sig)
			if i < 0 || m-len(b)+i >= chunk {
				break
			}
			n++
			b = b[i+len(sig):]
		}
		if m == 0 || err != nil && err != io.EOF {
			break
		}
	}
	return n
}

// pkg is an opened package with its remaining decompression budget.
type pkg struct {
	files map[string]*zip.File
	left  int64 // bytes that may still be decompressed
	depth int
}

// Relationship types of the parts read, transitional and strict.
const (
	relOfficeDocument = "/officeDocument"
	relFootnotes      = "/footnotes"
	relEndnotes       = "/endnotes"
	relNumbering      = "/numbering"
	relStyles         = "/styles"
)

var mainContentTypes = map[string]bool{
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": true,
	"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": true,
	"application/vnd.ms-word.document.macroEnabled.main+xml":                           true,
	"application/vnd.ms-word.template.macroEnabledTemplate.main+xml":                   true,
}

// mainPart finds the main document part: the usual path, else the package
// relationship, else the content-type override. "" means none.
func (p *pkg) mainPart() (string, error) {
	if p.files[mainPart] != nil {
		return mainPart, nil
	}
	var found string
	if p.files["_rels/.rels"] != nil {
		err := p.walk("_rels/.rels", func(tok xml.Token) error {
			t, ok := tok.(xml.StartElement)
			if ok && found == "" && t.Name.Local == "Relationship" &&
				strings.HasSuffix(attr(t.Attr, "Type"), relOfficeDocument) && attr(t.Attr, "TargetMode") != "External" {
				found = partName("/", attr(t.Attr, "Target"))
			}
			return nil
		})
		if err != nil {
			return "", err
		}
		if p.files[found] != nil {
			return found, nil
		}
	}
	found = ""
	if p.files["[content_types].xml"] != nil {
		err := p.walk("[content_types].xml", func(tok xml.Token) error {
			t, ok := tok.(xml.StartElement)
			if ok && found == "" && t.Name.Local == "Override" && mainContentTypes[attr(t.Attr, "ContentType")] {
				found = partName("/", attr(t.Attr, "PartName"))
			}
			return nil
		})
		if err != nil {
			return "", err
		}
		if p.files[found] != nil {
			return found, nil
		}
	}
	return "", nil
}

// related finds the parts of the main part that are read with it, by
// relationship type suffix.
func (p *pkg) related(main string) (map[string]string, error) {
	dir, file := path.Split(main)
	rels := strings.ToLower(dir + "_rels/" + file + ".rels")
	found := map[string]string{}
	if p.files[rels] == nil {
		return found, nil
	}
	err := p.walk(rels, func(tok xml.Token) error {
		t, ok := tok.(xml.StartElement)
		if !ok || t.Name.Local != "Relationship" || attr(t.Attr, "TargetMode") == "External" {
			return nil
		}
		typ := attr(t.Attr, "Type")
		for _, k := range []string{relFootnotes, relEndnotes, relNumbering, relStyles} {
			if n := partName("/"+dir, attr(t.Attr, "Target")); strings.HasSuffix(typ, k) && found[k] == "" && n != main && p.files[n] != nil {
				found[k] = n
			}
		}
		return nil
	})
	return found, err
}

// partName resolves a relationship target against the folder of its source
// and returns the lower-case key of p.files.
func partName(base, target string) string {
	if target == "" {
		return ""
	}
	if !strings.HasPrefix(target, "/") {
		target = base + target
	}
	return strings.ToLower(strings.TrimPrefix(path.Clean(target), "/"))
}

// open returns a reader of the decompressed part that charges p's budget,
// refusing at once an entry that declares more than the budget left.
func (p *pkg) open(name string) (*budgetReader, io.Closer, error) {
	f := p.files[name]
	if f.UncompressedSize64 > uint64(p.left) {
		return nil, nil, problem.Errorf(problem.TooLarge, "%s", msgBomb)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, problem.Wrap(problem.Invalid, err, msgCorrupt)
	}
	return &budgetReader{r: rc, left: &p.left}, rc, nil
}

var errOverBudget = errors.New("docx: decompressed data over the limit")

// budgetReader counts the bytes a part really inflates to, whatever its
// header declares, and fails once the package's budget is spent.
type budgetReader struct {
	r    io.Reader
	left *int64
	err  error // the last error other than io.EOF, to tell reader from XML errors
}

func (b *budgetReader) Read(p []byte) (int, error) {
	if *b.left <= 0 {
		// Spent exactly: fine if the part ends here, not if more follows.
		var one [1]byte
		n, err := b.r.Read(one[:])
		if n > 0 {
			err = errOverBudget
		}
		if err != nil && err != io.EOF {
			b.err = err
		}
		return 0, err
	}
	if int64(len(p)) > *b.left {
		p = p[:*b.left]
	}
	n, err := b.r.Read(p)
	*b.left -= int64(n)
	if err != nil && err != io.EOF {
		b.err = err
	}
	return n, err
}

// failure turns an error of the zip layer into a problem.
func (b *budgetReader) failure(err error) error {
	// While reading, archive/zip fails with ErrFormat only when an entry
	// inflates past its declared size: the mark of a zip bomb that lies.
	if errors.Is(err, errOverBudget) || errors.Is(err, zip.ErrFormat) {
		return problem.Wrap(problem.TooLarge, err, msgBomb)
	}
	return problem.Wrap(problem.Invalid, err, msgCorrupt)
}

// attr returns the value of the attribute with the given local name.
func attr(as []xml.Attr, local string) string {
	for _, a := range as {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
