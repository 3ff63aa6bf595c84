// Package docx reads the text of a Word (.docx) file in reading order.
package docx

import (
	"io"

	"lantoa/internal/problem"
)

// Limits bound the work done on one file.
type Limits struct {
	MaxUnzippedBytes int64 // total decompressed size of the entries read
	MaxEntries       int   // entries in the zip directory
	MaxXMLDepth      int   // element nesting
}

// Text returns the document text.
func Text(r io.ReaderAt, size int64, lim Limits) (string, error) {
	return "", problem.Errorf(problem.Unsupported, "chưa hỗ trợ")
}
