// Package ingest turns the bytes of a file a clerk drops in (.txt, .docx,
// .pdf, and through LibreOffice .doc and .odt) into NFC Unicode text, within
// configurable limits, with a one-line Vietnamese error for anything else.
package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"lantoa/internal/ingest/docx"
	"lantoa/internal/ingest/office"
	"lantoa/internal/ingest/pdf"
	"lantoa/internal/ingest/textenc"
	"lantoa/internal/problem"
	"lantoa/internal/vn"
)

// Limits bound the memory and time spent on one file.
type Limits struct {
	MaxFileBytes     int64 // size of the file itself
	MaxUnzippedBytes int64 // decompressed size of the parts of a .docx read
	MaxZipEntries    int   // entries in a .docx zip directory
	MaxXMLDepth      int   // element nesting in a .docx part
	MaxPDFPages      int
	MaxPDFStream     int64 // decompressed size of all PDF content streams
}

// DefaultLimits suits documents of any real office: 50 MiB files.
func DefaultLimits() Limits {
	return Limits{
		MaxFileBytes:     50 << 20,
		MaxUnzippedBytes: 200 << 20,
		MaxZipEntries:    10000,
		MaxXMLDepth:      256,
		MaxPDFPages:      2000,
		MaxPDFStream:     200 << 20,
	}
}

// Format names the kind of file the text came from.
type Format string

const (
	TXT  Format = "txt"
	DOCX Format = "docx"
	PDF  Format = "pdf"
	DOC  Format = "doc"
	ODT  Format = "odt"
)

// Result is the text of a file and how it was read.
type Result struct {
	Text     string // NFC
	Format   Format
	Encoding string // for text files: the encoding detected (utf-8, windows-1258, tcvn3, vni, …)
}

// Extract reads a whole file from r and returns its text. name is used only
// to choose between formats the content does not tell apart and in messages.
func Extract(ctx context.Context, name string, r io.Reader, lim Limits) (Result, error) {
	data, err := io.ReadAll(io.LimitReader(r, lim.MaxFileBytes+1))
	if err != nil {
		return Result{}, problem.Wrap(problem.Invalid, err, "không đọc được tệp")
	}
	if int64(len(data)) > lim.MaxFileBytes {
		return Result{}, problem.Errorf(problem.TooLarge, "tệp quá lớn: vượt giới hạn %s", humanBytes(lim.MaxFileBytes))
	}
	return ExtractBytes(ctx, name, data, lim)
}

// ExtractBytes is Extract for a file already in memory.
func ExtractBytes(ctx context.Context, name string, data []byte, lim Limits) (Result, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Result{}, problem.Errorf(problem.Invalid, "tệp rỗng: không có nội dung")
	}
	var res Result
	var err error
	switch format := sniff(name, data); format {
	case PDF:
		res.Format = PDF
		res.Text, err = pdf.Text(bytes.NewReader(data), int64(len(data)), pdf.Limits{MaxStreamBytes: lim.MaxPDFStream, MaxPages: lim.MaxPDFPages})
	case DOCX:
		res.Format = DOCX
		res.Text, err = docxText(data, lim)
	case DOC, ODT:
		res.Format = format
		var converted []byte
		if converted, err = office.ToDOCX(ctx, name, data); err == nil {
			res.Text, err = docxText(converted, lim)
		}
	case TXT:
		res.Format = TXT
		res.Text, res.Encoding, err = textenc.Decode(data)
	default:
		return Result{}, problem.Errorf(problem.Unsupported,
			"tệp %q không đúng định dạng %s như tên của nó (tệp hỏng hoặc đã bị đổi tên)", filepath.Base(name), strings.TrimPrefix(string(format), "corrupt"))
	}
	if err != nil {
		return Result{}, err
	}
	res.Text = vn.NFC(res.Text)
	if strings.TrimSpace(res.Text) == "" {
		return Result{}, problem.Errorf(problem.Invalid, "tệp không có chữ nào đọc được")
	}
	return res, nil
}

func docxText(data []byte, lim Limits) (string, error) {
	return docx.Text(bytes.NewReader(data), int64(len(data)), docx.Limits{
		MaxUnzippedBytes: lim.MaxUnzippedBytes,
		MaxEntries:       lim.MaxZipEntries,
		MaxXMLDepth:      lim.MaxXMLDepth,
	})
}

// sniff decides the format from the content first, the name second.
func sniff(name string, data []byte) Format {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")) || ext == ".pdf" && bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")):
		return PDF
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		if ext == ".odt" || bytes.Contains(data[:min(len(data), 200)], []byte("application/vnd.oasis.opendocument")) {
			return ODT
		}
		return DOCX
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return DOC
	case ext == ".docx" || ext == ".odt" || ext == ".doc" || ext == ".pdf":
		// Named as an office file but not one: say so rather than read junk as text.
		return Format("corrupt" + ext)
	}
	return TXT
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d byte", n)
}
