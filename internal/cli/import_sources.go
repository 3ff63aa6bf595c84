package cli

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"

	"lantoa/internal/app"
	"lantoa/internal/ingest"
	"lantoa/internal/problem"
)

// documentExts are the files a folder or a zip is searched for; anything
// else in them (pictures, spreadsheets) is passed over without a word.
var documentExts = map[string]bool{".txt": true, ".docx": true, ".pdf": true, ".doc": true, ".odt": true}

// zipLimits bound what one .zip may make us read: it is opened from an
// unknown source, and a small archive can claim to hold terabytes.
type zipLimits struct {
	MaxFiles int   // entries in the archive
	MaxBytes int64 // all the documents in it, uncompressed
}

// importSources is what the paths of a run hold: the files to read, the
// files that failed before reading (a corrupt zip), and the archives to
// close at the end.
type importSources struct {
	files   []app.ImportFile
	failed  []app.ImportOutcome
	skipped int // files in folders and zips that are not documents
	closers []io.Closer
}

func (s *importSources) Close() {
	for _, c := range s.closers {
		c.Close()
	}
}

func (s *importSources) fail(name string, err error) {
	s.failed = append(s.failed, app.ImportOutcome{File: name, Status: app.ImportFailed, Err: err})
}

// collectImport lists the files named by paths: a file as it is, a folder
// with everything in it, a .zip with the documents inside. A path that
// does not exist is an error before anything is read: it is most likely a
// typo, and the run would import something else than meant.
func collectImport(paths []string, lim ingest.Limits, zl zipLimits) (*importSources, error) {
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			return nil, fmt.Errorf("%s: %s", p, describeOpenError(err))
		}
	}
	src := &importSources{}
	for _, p := range paths {
		st, _ := os.Stat(p)
		if !st.IsDir() {
			src.addFile(p, lim, zl)
			continue
		}
		filepath.WalkDir(p, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				src.fail(name, fmt.Errorf("không đọc được: %s", describeOpenError(err)))
				return nil
			}
			if name != p && hidden(d.Name()) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			ext := strings.ToLower(filepath.Ext(name))
			if !documentExts[ext] && ext != ".zip" {
				src.skipped++
				return nil
			}
			src.addFile(name, lim, zl)
			return nil
		})
	}
	return src, nil
}

// hidden names files no clerk put there: dot files, Word's lock files.
func hidden(name string) bool { return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") }

func (s *importSources) addFile(name string, lim ingest.Limits, zl zipLimits) {
	if strings.EqualFold(filepath.Ext(name), ".zip") {
		s.addZip(name, lim, zl)
		return
	}
	s.files = append(s.files, app.ImportFile{Name: name, Read: func() ([]byte, error) {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("không mở được tệp: %s", describeOpenError(err))
		}
		defer f.Close()
		return readLimited(f, lim.MaxFileBytes)
	}})
}

// readLimited reads all of r, refusing more than max bytes.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, problem.Wrap(problem.Invalid, err, "không đọc được tệp: "+err.Error())
	}
	if int64(len(data)) > max {
		return nil, problem.Errorf(problem.TooLarge, "tệp quá lớn: vượt giới hạn %d byte", max)
	}
	return data, nil
}

// addZip lists the documents inside a .zip. Entries are read in memory
// only: their names never become paths on this machine. Sizes are checked
// against what the archive claims and again against what is really
// inflated, since the claim can lie.
func (s *importSources) addZip(name string, lim ingest.Limits, zl zipLimits) {
	zr, err := zip.OpenReader(name)
	if err != nil {
		s.fail(name, problem.Wrap(problem.Invalid, err, "tệp nén .zip bị hỏng hoặc không phải tệp .zip: không đọc được danh mục bên trong"))
		return
	}
	if len(zr.File) > zl.MaxFiles {
		zr.Close()
		s.fail(name, problem.Errorf(problem.TooLarge, "tệp nén có %d mục, vượt giới hạn %d mục", len(zr.File), zl.MaxFiles))
		return
	}
	var claimed uint64
	for _, f := range zr.File {
		claimed += f.UncompressedSize64
	}
	if claimed > uint64(zl.MaxBytes) {
		zr.Close()
		s.fail(name, problem.Errorf(problem.TooLarge, "tệp nén khi giải nén lớn hơn giới hạn %d byte", zl.MaxBytes))
		return
	}
	s.closers = append(s.closers, zr)
	var inflated atomic.Int64
	for _, f := range zr.File {
		entry := strings.ToValidUTF8(f.Name, "?")
		display := name + ":" + entry
		base := path.Base(strings.ReplaceAll(entry, `\`, "/"))
		if f.FileInfo().IsDir() || hidden(base) {
			continue
		}
		ext := strings.ToLower(path.Ext(base))
		switch {
		case ext == ".zip":
			s.fail(display, problem.Errorf(problem.Unsupported, "tệp nén nằm trong tệp nén: hãy giải nén ngoài trước rồi nạp"))
			continue
		case !documentExts[ext]:
			s.skipped++
			continue
		case f.UncompressedSize64 > uint64(lim.MaxFileBytes):
			s.fail(display, problem.Errorf(problem.TooLarge, "tệp quá lớn: vượt giới hạn %d byte", lim.MaxFileBytes))
			continue
		}
		s.files = append(s.files, app.ImportFile{Name: display, Read: func() ([]byte, error) {
			rc, err := f.Open()
			if errors.Is(err, zip.ErrAlgorithm) {
				return nil, problem.Wrap(problem.Unsupported, err, "tệp trong tệp nén dùng kiểu nén không hỗ trợ; hãy nén lại bằng .zip thông thường")
			}
			if err != nil {
				return nil, problem.Wrap(problem.Invalid, err, "không mở được tệp trong tệp nén: "+err.Error())
			}
			defer rc.Close()
			data, err := readLimited(rc, lim.MaxFileBytes)
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
}
