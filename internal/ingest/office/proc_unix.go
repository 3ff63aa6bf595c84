//go:build unix

package office

import (
	"os/exec"
	"syscall"
)

// isolate puts LibreOffice in its own process group and kills the whole
// group on cancel: soffice is a launcher, the work is done by a child
// (soffice.bin) that killing the launcher alone would leave running.
func isolate(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
