package pdf

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestHostileLayouts: pages built to make layout quadratic must still be
// read quickly.
func TestHostileLayouts(t *testing.T) {
	row := func(n int, step float64) string {
		var c strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&c, "BT /F1 10 Tf %.1f 700 Td (x) Tj ET\n", float64(i)*step)
		}
		return c.String()
	}
	grid := func(n int) string {
		var c strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&c, "BT /F1 10 Tf %d %d Td (a) Tj ET\n", i%300*20, i/300*12)
		}
		return c.String()
	}
	stacked := func(n int) string {
		var c strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&c, "BT /F1 10 Tf 100 %.3f Td (ab) Tj ET\n", 700-float64(i)*0.001)
		}
		return c.String()
	}
	tests := map[string]string{
		"one row of columns": row(60000, 40) + strings.ReplaceAll(row(60000, 40), " 700 ", " 688 "),
		"a grid of cells":    grid(90000),
		"rows on rows":       stacked(60000),
		"marks on a letter":  "BT /F1 10 Tf 100 700 Td (a) Tj " + strings.Repeat("<cc81> Tj -1 0 Td ", 30000) + "ET",
	}
	for name, content := range tests {
		t.Run(name, func(t *testing.T) {
			b := &builder{}
			c := b.addStream("", []byte(content), true)
			f := b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
			data := b.bytes(b.pages(fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", f), c), "")
			start := time.Now()
			text(data, Limits{MaxStreamBytes: 64 << 20, MaxPages: 10})
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}
