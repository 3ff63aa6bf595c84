//go:build !unix

package office

import "os/exec"

// isolate does nothing here: without process groups only the launcher is
// killed on cancel, and its child may finish the conversion on its own.
func isolate(cmd *exec.Cmd) {}
