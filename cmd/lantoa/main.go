// Command lantoa is Lan Tỏa: it reads directives and guidance, follows their
// cascade down the organisation, and collects the results reported upward.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"lantoa/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], cli.Stdio{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}, os.Getenv)
	stop()
	os.Exit(code)
}
