// Package office converts legacy Word (.doc) and OpenDocument (.odt) files to
// .docx through LibreOffice, when it is installed.
package office

import (
	"context"

	"lantoa/internal/problem"
)

// ToDOCX converts data, a file named name, to .docx bytes.
func ToDOCX(ctx context.Context, name string, data []byte) ([]byte, error) {
	return nil, problem.Errorf(problem.Unavailable, "chưa hỗ trợ")
}
