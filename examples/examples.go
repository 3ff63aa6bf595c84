// Package examples holds the example documents shipped with Lan Tỏa: our
// own wording of three links of the Lai Châu 2022 chain, read by the demo
// loader through the same reader a clerk's upload goes through.
package examples

import "embed"

// Files are the example documents (*.txt).
//
//go:embed *.txt
var Files embed.FS
