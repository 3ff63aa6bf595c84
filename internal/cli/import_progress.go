package cli

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress shows how far an import is: on a terminal one line redrawn in
// place, elsewhere (a log, a pipe) a plain line every few seconds, so logs
// stay readable. It is used from one goroutine.
type progress struct {
	w           io.Writer
	tty         bool
	total, done int
	start, last time.Time
	every       time.Duration
	drawn       bool
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total, start: time.Now(), every: 5 * time.Second}
	if isTerminal(w) {
		p.tty, p.every = true, 200*time.Millisecond
	}
	p.last = p.start
	return p
}

// isTerminal reports whether w is a character device, a person's screen.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (p *progress) add(n int) {
	p.done += n
	if now := time.Now(); now.Sub(p.last) >= p.every {
		p.last = now
		p.draw(now)
	}
}

func (p *progress) elapsed() time.Duration { return time.Since(p.start) }

func (p *progress) line(now time.Time) string {
	secs := now.Sub(p.start).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(p.done) / secs
	}
	s := fmt.Sprintf("Đã xử lý %s/%s tệp · %s văn bản/giây", groupDigits(p.done), groupDigits(p.total), groupDigits(int(rate+0.5)))
	if left := p.total - p.done; left > 0 && rate > 0 {
		s += " · còn khoảng " + timeLeft(time.Duration(float64(left)/rate*float64(time.Second)))
	}
	return s
}

func (p *progress) draw(now time.Time) {
	if p.tty {
		fmt.Fprint(p.w, "\r"+p.line(now)+"\x1b[K")
		p.drawn = true
		return
	}
	fmt.Fprintln(p.w, p.line(now))
}

// finish ends a redrawn line so the summary starts on its own.
func (p *progress) finish() {
	if p.tty && p.drawn {
		fmt.Fprint(p.w, "\r"+p.line(time.Now())+"\x1b[K\n")
	}
}

// timeLeft is an estimate in whole seconds: tenths would be false precision.
func timeLeft(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%d giây", max(int(d.Round(time.Second).Seconds()), 1))
	}
	return humanDuration(d)
}
