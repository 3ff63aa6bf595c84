// Package pdf reads the text layer of a PDF file in reading order.
package pdf

import (
	"io"

	"lantoa/internal/problem"
)

// Limits bound the work done on one file.
type Limits struct {
	MaxStreamBytes int64 // decompressed size of all content streams together
	MaxPages       int
}

// Text returns the text of every page in reading order.
func Text(r io.ReaderAt, size int64, lim Limits) (string, error) {
	return "", problem.Errorf(problem.Unsupported, "chưa hỗ trợ")
}
