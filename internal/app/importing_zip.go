package app

import (
	"archive/zip"
	"errors"
	"io"
	"path"
	"strings"
	"sync/atomic"

	"lantoa/internal/ingest"
	"lantoa/internal/problem"
)

// DocumentExts are the files a bulk import looks for in folders and
// archives; anything else in them (pictures, spreadsheets) is passed over.
var DocumentExts = map[string]bool{".txt": true, ".docx": true, ".pdf": true, ".doc": true, ".odt": true}

// ZipLimits bound what one .zip may make an import read: it comes from
// an unknown source, and a small archive can claim to hold terabytes.
type ZipLimits struct {
	MaxFiles int   // entries in the archive
	MaxBytes int64 // all the documents in it, uncompressed
}

// DefaultZipLimits suit a whole archive of a province's documents.
func DefaultZipLimits() ZipLimits { return ZipLimits{MaxFiles: 100000, MaxBytes: 8 << 30} }

// ZipContents is what a .zip holds for an import.
type ZipContents struct {
	Files   []ImportFile    // documents to read, named "archive:entry"
	Failed  []ImportOutcome // entries refused before reading (a zip inside, too large)
	Skipped int             // entries that are not documents
}

// ZipFiles lists the documents inside the archive zr, named name. Entries
// are read in memory only: their names never become paths. Sizes are
// checked against what the archive claims and again against what is
// really inflated, since the claim can lie. An archive over the limits as
// a whole is an error; a bad entry is a failed outcome of its own.
func ZipFiles(name string, zr *zip.Reader, lim ingest.Limits, zl ZipLimits) (ZipContents, error) {
	var c ZipContents
	if len(zr.File) > zl.MaxFiles {
		return c, problem.Errorf(problem.TooLarge, "tệp nén có %d mục, vượt giới hạn %d mục", len(zr.File), zl.MaxFiles)
	}
	var claimed uint64
	for _, f := range zr.File {
		claimed += f.UncompressedSize64
	}
	if claimed > uint64(zl.MaxBytes) {
		return c, problem.Errorf(problem.TooLarge, "tệp nén khi giải nén lớn hơn giới hạn %d byte", zl.MaxBytes)
	}
	fail := func(display string, err error) {
		c.Failed = append(c.Failed, ImportOutcome{File: display, Status: ImportFailed, Err: err})
	}
	var inflated atomic.Int64
	for _, f := range zr.File {
		entry := strings.ToValidUTF8(f.Name, "?")
		display := name + ":" + entry
		base := path.Base(strings.ReplaceAll(entry, `\`, "/"))
		if f.FileInfo().IsDir() || strings.HasPrefix(base, ".") || strings.HasPrefix(base, "~$") {
			continue
		}
		ext := strings.ToLower(path.Ext(base))
		switch {
		case ext == ".zip":
			fail(display, problem.Errorf(problem.Unsupported, "tệp nén nằm trong tệp nén: hãy giải nén ngoài trước rồi nạp"))
			continue
		case !DocumentExts[ext]:
			c.Skipped++
			continue
		case f.UncompressedSize64 > uint64(lim.MaxFileBytes):
			fail(display, problem.Errorf(problem.TooLarge, "tệp quá lớn: vượt giới hạn %d byte", lim.MaxFileBytes))
			continue
		}
		c.Files = append(c.Files, ImportFile{Name: display, Read: func() ([]byte, error) {
			rc, err := f.Open()
			if errors.Is(err, zip.ErrAlgorithm) {
				return nil, problem.Wrap(problem.Unsupported, err, "tệp trong tệp nén dùng kiểu nén không hỗ trợ; hãy nén lại bằng .zip thông thường")
			}
			if err != nil {
				return nil, problem.Wrap(problem.Invalid, err, "không mở được tệp trong tệp nén: "+err.Error())
			}
			defer rc.Close()
			data, err := ReadAtMost(rc, lim.MaxFileBytes)
			if errors.Is(err, zip.ErrChecksum) || errors.Is(err, zip.ErrFormat) {
				return nil, problem.Wrap(problem.Invalid, err, "tệp trong tệp nén bị hỏng")
			}
			if err != nil {
				return nil, err
			}
			if inflated.Add(int64(len(data))) > zl.MaxBytes {
				return nil, problem.Errorf(problem.TooLarge, "tệp nén khi giải nén lớn hơn giới hạn %d byte", zl.MaxBytes)
			}
			return data, nil
		}})
	}
	return c, nil
}

// ReadAtMost reads all of r, refusing more than max bytes with a message
// a clerk understands.
func ReadAtMost(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, problem.Wrap(problem.Invalid, err, "không đọc được tệp: "+err.Error())
	}
	if int64(len(data)) > max {
		return nil, problem.Errorf(problem.TooLarge, "tệp quá lớn: vượt giới hạn %d byte", max)
	}
	return data, nil
}
