package pdf

import "encoding/binary"

// trueTypeUnicode recovers the text of a composite font without ToUnicode
// from the cmap table of its embedded TrueType or OpenType program: glyph →
// character, inverted. Some older PDF printers write such fonts.
func (d *doc) trueTypeUnicode(cf dict) *uniMap {
	desc, _ := d.resolve(cf["FontDescriptor"]).(dict)
	s, ok := d.resolve(desc["FontFile2"]).(*stream)
	if !ok {
		if s, ok = d.resolve(desc["FontFile3"]).(*stream); !ok || s.d["Subtype"] != name("OpenType") {
			return nil
		}
	}
	data, err := d.decode(s)
	if err != nil {
		return nil
	}
	byGlyph := cmapGlyphs(data)
	if len(byGlyph) == 0 {
		return nil
	}
	u := &uniMap{single: map[uint32]string{}}
	switch m := d.resolve(cf["CIDToGIDMap"]).(type) {
	case *stream:
		gids, err := d.decode(m)
		if err != nil {
			return nil
		}
		for cid := 0; cid+1 < len(gids) && cid < 1<<17; cid += 2 {
			if r, ok := byGlyph[binary.BigEndian.Uint16(gids[cid:])]; ok {
				u.single[uint32(cid/2)] = string(r)
			}
		}
	default: // Identity
		for g, r := range byGlyph {
			u.single[uint32(g)] = string(r)
		}
	}
	return u
}

// cmapGlyphs reads the Unicode cmap subtable (format 4 or 12) of a font
// program and returns glyph → character.
func cmapGlyphs(f []byte) map[uint16]rune {
	u16 := func(p int) int {
		if p < 0 || p+2 > len(f) {
			return 0
		}
		return int(binary.BigEndian.Uint16(f[p:]))
	}
	u32 := func(p int) int {
		if p < 0 || p+4 > len(f) {
			return 0
		}
		return int(binary.BigEndian.Uint32(f[p:]))
	}
	cmapAt := -1
	for i, n := 0, u16(4); i < n && i < 64; i++ {
		rec := 12 + 16*i
		if rec+16 > len(f) {
			break
		}
		if string(f[rec:rec+4]) == "cmap" {
			cmapAt = u32(rec + 8)
		}
	}
	if cmapAt < 0 || cmapAt >= len(f) {
		return nil
	}
	best, bestRank := -1, 0
	for i, n := 0, u16(cmapAt+2); i < n && i < 64; i++ {
		rec := cmapAt + 4 + 8*i
		platform, enc, off := u16(rec), u16(rec+2), u32(rec+4)
		rank := 0
		switch {
		case platform == 3 && enc == 10:
			rank = 3
		case platform == 3 && enc == 1:
			rank = 2
		case platform == 0:
			rank = 1
		}
		if rank > bestRank {
			best, bestRank = cmapAt+off, rank
		}
	}
	if best < 0 {
		return nil
	}
	out := map[uint16]rune{}
	add := func(c, g int) {
		if g != 0 && g < 1<<16 && c > 0 && c < 0x110000 {
			if _, ok := out[uint16(g)]; !ok {
				out[uint16(g)] = rune(c)
			}
		}
	}
	switch u16(best) {
	case 4:
		segs := u16(best+6) / 2
		ends, starts := best+14, best+16+2*segs
		deltas, offsets := starts+2*segs, starts+4*segs
		total := 0
		for s := 0; s < segs; s++ {
			end, start := u16(ends+2*s), u16(starts+2*s)
			delta, ro := u16(deltas+2*s), u16(offsets+2*s)
			for c := start; c <= end && c < 0xffff && total < 1<<17; c++ {
				total++
				g := 0
				if ro == 0 {
					g = (c + delta) & 0xffff
				} else if g = u16(offsets + 2*s + ro + 2*(c-start)); g != 0 {
					g = (g + delta) & 0xffff
				}
				add(c, g)
			}
		}
	case 12:
		total := 0
		for i, n := 0, u32(best+12); i < n && total < 1<<17; i++ {
			rec := best + 16 + 12*i
			if rec+12 > len(f) {
				break
			}
			c0, c1, g := u32(rec), u32(rec+4), u32(rec+8)
			for c := c0; c <= c1 && total < 1<<17; c++ {
				add(c, g+c-c0)
				total++
			}
		}
	}
	return out
}
