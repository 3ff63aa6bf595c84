// Package office converts legacy Word (.doc) and OpenDocument (.odt) files to
// .docx through LibreOffice, when it is installed.
//
// Reading those formats ourselves would mean a large parser for files that
// offices produce less and less; LibreOffice already reads them faithfully,
// so each conversion runs it headless, once, in a private temporary folder.
package office

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"lantoa/internal/problem"
)

// DefaultTimeout bounds a conversion when ctx has no deadline.
const DefaultTimeout = 2 * time.Minute

// maxOutput bounds the .docx read back; images make it larger than the text needs.
const maxOutput = 256 << 20

// ToDOCX converts data, a file named name, to .docx bytes.
func ToDOCX(ctx context.Context, name string, data []byte) ([]byte, error) {
	return convert(ctx, name, data, "docx:MS Word 2007 XML")
}

// convert runs LibreOffice on data to produce the format of its
// --convert-to argument to (an extension, optionally ":" and a filter name).
func convert(ctx context.Context, name string, data []byte, to string) ([]byte, error) {
	ext := extension(name)
	label := "tệp " + ext
	if ext == "" {
		label = "tệp"
	}
	bin := soffice()
	if bin == "" {
		return nil, problem.Errorf(problem.Unavailable, "không đọc được %s: máy chưa cài LibreOffice; "+
			"hãy mở tệp bằng Word hoặc LibreOffice và lưu lại dưới dạng .docx (hoặc cài LibreOffice: apt-get install libreoffice-writer-nogui)", label)
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultTimeout)
		defer cancel()
	}

	dir, err := os.MkdirTemp("", "lantoa-office-")
	if err != nil {
		return nil, problem.Wrap(problem.Internal, err, "không tạo được thư mục tạm để chuyển đổi tệp")
	}
	defer os.RemoveAll(dir)
	// A fixed base name: the clerk's file name never reaches the command line.
	in := filepath.Join(dir, "vanban"+ext)
	outDir := filepath.Join(dir, "out")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, problem.Wrap(problem.Internal, err, "không ghi được tệp tạm để chuyển đổi")
	}

	// A private profile per run: two conversions at once would otherwise
	// hand their work to one running instance, or wait on its lock.
	cmd := exec.CommandContext(ctx, bin, "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
		"-env:UserInstallation="+fileURL(filepath.Join(dir, "profile")),
		"--convert-to", to, "--outdir", outDir, in)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir) // nothing written to the service account's home
	var log tail
	cmd.Stdout, cmd.Stderr = &log, &log
	cmd.WaitDelay = 5 * time.Second
	isolate(cmd)
	runErr := cmd.Run()

	if err := ctx.Err(); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, problem.Wrap(problem.Unavailable, err, "LibreOffice chuyển đổi "+label+" quá lâu nên đã dừng; hãy mở tệp bằng Word hoặc LibreOffice và lưu lại dưới dạng .docx")
		}
		return nil, problem.Wrap(problem.Unavailable, err, "đã hủy chuyển đổi "+label)
	}
	// The exit status is not trusted either way: soffice may exit non-zero
	// after creating a fresh profile, and exits 0 when it cannot load the file.
	outExt, _, _ := strings.Cut(to, ":")
	out := filepath.Join(outDir, "vanban."+outExt)
	fi, err := os.Stat(out)
	if err != nil || fi.Size() == 0 {
		cause := fmt.Errorf("soffice: %v: %s", runErr, strings.TrimSpace(log.String()))
		return nil, problem.Wrap(problem.Invalid, cause, "không chuyển được "+label+" sang ."+outExt+
			": LibreOffice không mở được tệp (tệp hỏng, có mật khẩu hoặc không phải văn bản)")
	}
	if fi.Size() > maxOutput {
		return nil, problem.Errorf(problem.TooLarge, "tệp chuyển đổi từ %s quá lớn", label)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return nil, problem.Wrap(problem.Internal, err, "không đọc được tệp đã chuyển đổi")
	}
	return b, nil
}

// extension is the lower-case extension of name, or "" when it is absent
// or not a plain short word (it is put into a file name).
func extension(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if len(ext) < 2 || len(ext) > 6 {
		return ""
	}
	for _, c := range ext[1:] {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return ""
		}
	}
	return ext
}

// soffice finds the LibreOffice program: on PATH, else where its
// installers put it on Windows and macOS. "" means not installed.
func soffice() string {
	for _, n := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	var places []string
	switch runtime.GOOS {
	case "windows":
		for _, env := range []string{"ProgramFiles", "ProgramFiles(x86)"} {
			if d := os.Getenv(env); d != "" {
				places = append(places, filepath.Join(d, "LibreOffice", "program", "soffice.exe"))
			}
		}
	case "darwin":
		places = append(places, "/Applications/LibreOffice.app/Contents/MacOS/soffice")
	}
	for _, p := range places {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// fileURL is the file: URL LibreOffice expects for -env:UserInstallation.
func fileURL(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/… on Windows
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// tail keeps the last few KiB of LibreOffice's output for the log.
type tail struct{ b []byte }

func (t *tail) Write(p []byte) (int, error) {
	const keep = 4 << 10
	t.b = append(t.b, p...)
	if len(t.b) > keep {
		t.b = append(t.b[:0], t.b[len(t.b)-keep:]...)
	}
	return len(p), nil
}

func (t *tail) String() string { return string(t.b) }
