package cli

import (
	"archive/zip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"lantoa/internal/app"
	"lantoa/internal/ingest"
	"lantoa/internal/problem"
)

// documentExts are the files a folder or a zip is searched for; anything
// else in them (pictures, spreadsheets) is passed over without a word.
var documentExts = app.DocumentExts

// zipLimits bound what one .zip may make us read (app.ZipLimits).
type zipLimits = app.ZipLimits

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
		return app.ReadAtMost(f, lim.MaxFileBytes)
	}})
}

// addZip lists the documents inside a .zip (app.ZipFiles sets the rules).
func (s *importSources) addZip(name string, lim ingest.Limits, zl zipLimits) {
	zr, err := zip.OpenReader(name)
	if err != nil {
		s.fail(name, problem.Wrap(problem.Invalid, err, "tệp nén .zip bị hỏng hoặc không phải tệp .zip: không đọc được danh mục bên trong"))
		return
	}
	c, err := app.ZipFiles(name, &zr.Reader, lim, zl)
	if err != nil {
		zr.Close()
		s.fail(name, err)
		return
	}
	s.closers = append(s.closers, zr)
	s.files = append(s.files, c.Files...)
	s.failed = append(s.failed, c.Failed...)
	s.skipped += c.Skipped
}
