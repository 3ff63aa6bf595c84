// Package textenc decodes plain-text files written in the encodings found in
// Vietnamese offices.
package textenc

import "lantoa/internal/problem"

// Decode converts b to a UTF-8 string and names the encoding it detected.
func Decode(b []byte) (text, encoding string, err error) {
	return "", "", problem.Errorf(problem.Unsupported, "chưa hỗ trợ")
}
