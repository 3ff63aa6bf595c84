package pdf

import (
	"math"
	"slices"
	"sort"
	"strings"
)

// Layout: glyphs → rows (one baseline) → fragments (runs of a row without
// a column gap) → blocks (chains of fragments, one a line, each linked to
// the single fragment under it) → reading order by cutting the page into
// horizontal strips and the strips into columns, as a reader does. The
// thresholds are in units of the font size ("em").
const (
	rowTol     = 0.35 // baselines closer than this are one row
	spaceGap   = 0.15 // a gap wider than this between glyphs is a space
	colGap     = 1.0  // a gap at least this wide may separate columns ...
	wideGap    = 3.0  // ... and at least this wide always does
	linkDist   = 2.0  // the farthest baseline distance within a block
	blankDist  = 2.0  // a larger vertical step gets a blank line
	minChannel = 0.3  // the narrowest white column between two columns
	dedupDist  = 0.1  // the same glyph drawn again this close is fake bold
	alignShare = 0.8  // columns with this share of common baselines are a table
	// Cells that share a baseline are joined by spaces, not a tab: the
	// document parser turns a tab into one space but splits at three.
	columnSep = "    "
)

type row struct {
	y, size float64
	glyphs  []glyph
	frags   []*frag
}

type frag struct {
	x0, x1, y, size float64
	text            string
	up, down        []*frag
	next            *frag // the line under it in its block
	prev            *frag
}

type block struct {
	lines          []*frag
	x0, x1         float64
	top, bottom, y float64
	size           float64
}

// layout returns the text of one page.
func layout(gl []glyph) string {
	if len(gl) == 0 {
		return ""
	}
	var count [4]int
	for _, g := range gl {
		count[g.dir]++
	}
	dirs := []uint8{0, 1, 2, 3}
	sort.SliceStable(dirs, func(i, j int) bool { return count[dirs[i]] > count[dirs[j]] })
	var parts []string
	for _, dir := range dirs {
		if count[dir] == 0 {
			continue
		}
		sub := gl
		if count[dir] < len(gl) {
			sub = make([]glyph, 0, count[dir])
			for _, g := range gl {
				if g.dir == dir {
					sub = append(sub, g)
				}
			}
		}
		if t := layoutDir(sub); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n\n")
}

func layoutDir(gl []glyph) string {
	rows := makeRows(gl)
	for i := range rows {
		splitRow(rows, i)
	}
	blocks := makeBlocks(rows)
	var lines []outLine
	order(blocks, &lines, 0)
	return render(lines)
}

// makeRows groups glyphs by baseline, top to bottom, each row left to right.
func makeRows(gl []glyph) []*row {
	// Content streams mostly draw top to bottom already.
	byY := func(a, b glyph) int {
		switch {
		case a.y > b.y:
			return -1
		case a.y < b.y:
			return 1
		}
		return 0
	}
	if !slices.IsSortedFunc(gl, byY) {
		slices.SortStableFunc(gl, byY)
	}
	// Each row is a run of the sorted glyphs: no copies.
	var rows []*row
	for i := 0; i < len(gl); {
		r := &row{y: gl[i].y, size: gl[i].size}
		j := i + 1
		for j < len(gl) && r.y-gl[j].y <= rowTol*min(r.size, gl[j].size) {
			r.size = max(r.size, gl[j].size)
			j++
		}
		r.glyphs = gl[i:j:j]
		rows = append(rows, r)
		i = j
	}
	byX := func(a, b glyph) int {
		switch {
		case a.x < b.x:
			return -1
		case a.x > b.x:
			return 1
		}
		return 0
	}
	for _, r := range rows {
		if !slices.IsSortedFunc(r.glyphs, byX) {
			slices.SortStableFunc(r.glyphs, byX)
		}
		r.glyphs = dedup(r.glyphs)
	}
	return rows
}

// dedup drops glyphs drawn twice at almost the same place: the fake bold
// of writers that overprint a line with a small offset.
func dedup(gl []glyph) []glyph {
	out := gl[:0]
	for _, g := range gl {
		dup := false
		for k := len(out) - 1; k >= 0 && k >= len(out)-8 && out[k].x > g.x-dedupDist*g.size; k-- {
			if out[k].text == g.text && abs(out[k].y-g.y) < dedupDist*g.size {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, g)
		}
	}
	return out
}

// splitRow cuts row i into fragments at column gaps: gaps of wideGap, or
// of colGap when a neighbouring row has white space at the same place and
// text on both sides of it (the gutter of a header table).
func splitRow(rows []*row, i int) {
	r := rows[i]
	var cur *frag
	var b strings.Builder
	lastEnd, lastSize := math.Inf(-1), 0.0
	pending := false
	flush := func() {
		if cur != nil {
			cur.text = strings.TrimSpace(b.String())
			if cur.text != "" {
				r.frags = append(r.frags, cur)
			}
		}
		b.Reset()
		cur, pending = nil, false
	}
	for _, g := range r.glyphs {
		if g.space {
			pending = cur != nil
			continue
		}
		em := (g.size + lastSize) / 2
		gap := g.x - lastEnd
		if cur != nil && gap >= colGap*em && (gap >= wideGap*em || gutter(rows, i, lastEnd, g.x, em)) {
			flush()
		}
		if cur == nil {
			cur = &frag{x0: g.x, x1: g.x1, y: r.y, size: g.size}
		} else if pending || gap > spaceGap*em {
			b.WriteByte(' ')
		}
		b.WriteString(g.text)
		cur.x1 = max(cur.x1, g.x1)
		cur.size = max(cur.size, g.size)
		lastEnd, lastSize, pending = max(lastEnd, g.x1), g.size, false
		if g.x1 < g.x+0.01 {
			lastEnd = max(lastEnd, g.x)
		}
	}
	flush()
}

// gutter reports whether a row near row i is blank around the middle of
// the gap [a, b] and has text on both sides of it.
func gutter(rows []*row, i int, a, b, em float64) bool {
	mid := (a + b) / 2
	half := min(0.25*em, (b-a)/2)
	y := rows[i].y
	for _, step := range []int{-1, 1} {
		for j, n := i+step, 0; j >= 0 && j < len(rows) && n < 3 && abs(rows[j].y-y) <= 2.5*em; j, n = j+step, n+1 {
			gl := rows[j].glyphs
			if len(gl) == 0 || gl[0].x >= mid-half || gl[len(gl)-1].x1 <= mid+half {
				continue // no text on one side
			}
			// Glyphs are sorted by start: look back from the first one
			// that starts right of the band, a few glyphs at most.
			k := sort.Search(len(gl), func(k int) bool { return gl[k].x >= mid+half })
			blank := true
			for m := k - 1; m >= 0 && m >= k-16; m-- {
				if !gl[m].space && gl[m].x1 > mid-half {
					blank = false
					break
				}
			}
			if blank {
				return true
			}
		}
	}
	return false
}

func overlaps(a, b *frag) bool { return a.x0 < b.x1 && b.x0 < a.x1 }

// makeBlocks links each fragment to the fragments that overlap it in the
// nearest row below that has any, and chains those linked one to one.
func makeBlocks(rows []*row) []*block {
	for i, r := range rows {
		for _, f := range r.frags {
			for j := i + 1; j < len(rows) && j <= i+8 && r.y-rows[j].y <= linkDist*max(f.size, rows[j].size); j++ {
				fs := rows[j].frags
				k := sort.Search(len(fs), func(k int) bool { return fs[k].x1 > f.x0 })
				for ; k < len(fs) && fs[k].x0 < f.x1 && len(f.down) < 4; k++ {
					if overlaps(f, fs[k]) {
						f.down = append(f.down, fs[k])
						fs[k].up = append(fs[k].up, f)
					}
				}
				if len(f.down) > 0 {
					break
				}
			}
		}
	}
	var blocks []*block
	for _, r := range rows {
		for _, f := range r.frags {
			if len(f.down) == 1 && len(f.down[0].up) == 1 && f.down[0].up[0] == f {
				f.next, f.down[0].prev = f.down[0], f
			}
		}
	}
	for _, r := range rows {
		for _, f := range r.frags {
			if f.prev != nil {
				continue
			}
			b := &block{x0: f.x0, x1: f.x1, top: f.y + 0.8*f.size, y: f.y, size: f.size}
			for g := f; g != nil; g = g.next {
				b.lines = append(b.lines, g)
				b.x0, b.x1 = min(b.x0, g.x0), max(b.x1, g.x1)
				b.bottom = g.y - 0.25*g.size
				b.size = max(b.size, g.size)
			}
			blocks = append(blocks, b)
		}
	}
	return blocks
}

type outLine struct {
	text    string
	y, size float64
}

// order appends the lines of the blocks in reading order: horizontal
// strips top to bottom; in a strip, columns left to right, unless the
// columns share their baselines like the cells of a table, which are read
// row by row.
func order(blocks []*block, out *[]outLine, depth int) {
	if len(blocks) == 0 {
		return
	}
	if len(blocks) == 1 || depth > 32 {
		sortBlocks(blocks)
		for _, b := range blocks {
			for _, f := range b.lines {
				*out = append(*out, outLine{f.text, f.y, f.size})
			}
		}
		return
	}
	for _, s := range strips(blocks) {
		if len(s.channels) == 0 {
			sortBlocks(s.blocks)
			for _, b := range s.blocks {
				order([]*block{b}, out, depth+1)
			}
			continue
		}
		cols := columns(s.blocks, s.channels)
		if aligned(cols) {
			grid(s.blocks, out)
			continue
		}
		for _, c := range cols {
			order(c, out, depth+1)
		}
	}
}

func sortBlocks(bs []*block) {
	sort.SliceStable(bs, func(i, j int) bool {
		if abs(bs[i].top-bs[j].top) > 0.2*max(bs[i].size, bs[j].size) {
			return bs[i].top > bs[j].top
		}
		return bs[i].x0 < bs[j].x0
	})
}

type strip struct {
	blocks   []*block
	channels [][2]float64
}

// strips cuts the blocks where no block crosses a horizontal line, then
// joins neighbouring strips that share a white column (the rows of one
// table).
func strips(blocks []*block) []strip {
	bs := slices.Clone(blocks)
	sort.SliceStable(bs, func(i, j int) bool { return bs[i].top > bs[j].top })
	var out []strip
	var cur []*block
	bottom := math.Inf(1)
	for _, b := range bs {
		if len(cur) > 0 && b.top <= bottom {
			out = append(out, strip{blocks: cur})
			cur = nil
		}
		if len(cur) == 0 {
			bottom = b.bottom
		}
		cur = append(cur, b)
		bottom = min(bottom, b.bottom)
	}
	out = append(out, strip{blocks: cur})
	for i := range out {
		out[i].channels = channels(out[i].blocks)
	}
	merged := out[:1]
	for _, s := range out[1:] {
		last := &merged[len(merged)-1]
		if common := intersect(last.channels, s.channels); len(common) > 0 {
			last.blocks = append(last.blocks, s.blocks...)
			last.channels = common
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// channels returns the white columns between the blocks of a strip.
func channels(bs []*block) [][2]float64 {
	if len(bs) < 2 {
		return nil
	}
	iv := make([][2]float64, len(bs))
	em := 0.0
	for i, b := range bs {
		iv[i] = [2]float64{b.x0, b.x1}
		em = max(em, b.size)
	}
	sort.Slice(iv, func(i, j int) bool { return iv[i][0] < iv[j][0] })
	var out [][2]float64
	end := iv[0][1]
	for _, v := range iv[1:] {
		if v[0]-end >= minChannel*em {
			out = append(out, [2]float64{end, v[0]})
		}
		end = max(end, v[1])
	}
	return out
}

// intersect returns the common parts of two sorted lists of intervals.
func intersect(a, b [][2]float64) [][2]float64 {
	var out [][2]float64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		lo, hi := max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
		if hi > lo {
			out = append(out, [2]float64{lo, hi})
		}
		if a[i][1] < b[j][1] {
			i++
		} else {
			j++
		}
	}
	return out
}

// columns splits blocks at the channels, left to right.
func columns(bs []*block, ch [][2]float64) [][]*block {
	cols := make([][]*block, len(ch)+1)
	for _, b := range bs {
		k := sort.Search(len(ch), func(k int) bool { return b.x0 < ch[k][1]-0.01 })
		cols[k] = append(cols[k], b)
	}
	out := cols[:0]
	for _, c := range cols {
		if len(c) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// aligned reports whether every column has most of its lines on the
// baselines of another column: a table (or a label and its value), best
// read row by row.
func aligned(cols [][]*block) bool {
	if len(cols) < 2 {
		return false
	}
	ys := make([][]float64, len(cols)) // the baselines of each column, sorted
	for i, c := range cols {
		for _, b := range c {
			for _, f := range b.lines {
				ys[i] = append(ys[i], f.y)
			}
		}
		sort.Float64s(ys[i])
	}
	for i, c := range cols {
		total, shared := 0, 0
		for _, b := range c {
			for _, f := range b.lines {
				total++
				for j := range cols {
					if j != i && near(ys[j], f.y, rowTol*f.size) {
						shared++
						break
					}
				}
			}
		}
		if total == 0 || float64(shared) < alignShare*float64(total) {
			return false
		}
	}
	return true
}

// near reports whether sorted ys has a value within tol of y.
func near(ys []float64, y, tol float64) bool {
	k := sort.SearchFloat64s(ys, y-tol)
	return k < len(ys) && ys[k] <= y+tol
}

// grid writes the lines of a table strip row by row, cells apart.
func grid(bs []*block, out *[]outLine) {
	var fs []*frag
	for _, b := range bs {
		fs = append(fs, b.lines...)
	}
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].y > fs[j].y })
	for i := 0; i < len(fs); {
		j := i + 1
		for j < len(fs) && fs[i].y-fs[j].y <= rowTol*min(fs[i].size, fs[j].size) {
			j++
		}
		cells := slices.Clone(fs[i:j])
		sort.SliceStable(cells, func(a, b int) bool { return cells[a].x0 < cells[b].x0 })
		texts := make([]string, len(cells))
		size := 0.0
		for k, c := range cells {
			texts[k] = c.text
			size = max(size, c.size)
		}
		*out = append(*out, outLine{strings.Join(texts, columnSep), fs[i].y, size})
		i = j
	}
}

// render joins the lines, with a blank line after a large vertical step
// and where reading goes back up (the next column).
func render(lines []outLine) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			p := lines[i-1]
			b.WriteByte('\n')
			if l.y > p.y+rowTol*l.size || p.y-l.y > blankDist*max(p.size, l.size) {
				b.WriteByte('\n')
			}
		}
		b.WriteString(l.text)
	}
	return b.String()
}
