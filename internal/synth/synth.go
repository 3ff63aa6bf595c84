// Package synth writes archives of made-up Vietnamese administrative
// documents, for benchmarks, load tests and demonstrations: as many as
// asked, the same ones for the same seed.
//
// Documents come from every family (party, state, trade union, Front) and
// the common types (Chỉ thị, Nghị quyết, Kết luận, Hướng dẫn, Kế hoạch,
// Công văn, Báo cáo, Quyết định, Thông báo), laid out as real ones are:
// header block, number and notation in the family's style, place and date,
// type name and subject (or "V/v" for a công văn), "Căn cứ / Thực hiện"
// lines citing documents generated earlier by superior bodies, a body that
// gives units tasks and a report deadline, the signing capacity and name,
// and "Nơi nhận". The words come from the lists in vocab.go. Like real
// archives, the header is laid out in several ways converters leave it,
// and some documents place tones the newer way (hoá, uỷ).
//
// Use:
//
//	g := synth.New(42)
//	d := g.Next() // d.Name "0001_01-CT-TU.txt", d.Text, d.NumberSymbol, d.Cites, …
//	err := synth.New(42).WriteArchive(dir, 1000, "docx")
//
// WriteArchive writes n documents into dir as .txt files, as .docx files
// (a minimal WordprocessingML package, see Docx), or as one archive.zip
// holding both (every third document as .docx). `lantoa synth` is its
// command.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/vn"
)

// Document is one generated document and what its text shows, for a test
// to compare with what a reader finds.
type Document struct {
	Name         string // file base name: "0001_71-HD-BTGTU.txt"
	Text         string // the full text, NFC
	NumberSymbol string // "71-HD/BTGTU", "12/UBND-VX"
	Type         string // "Hướng dẫn", "Công văn", …
	Family       document.Family
	Issuer       string // the issuer line of the header: "BAN TUYÊN GIÁO"
	ParentIssuer string // the superior line, "" when none
	Place        string
	Date         time.Time
	Subject      string   // the trích yếu; for a công văn the text after "V/v"
	Cites        []string // number and notation of the documents cited, in order
}

// Generator makes documents one after another. It is not safe for use by
// several goroutines at once.
type Generator struct {
	rng     *rand.Rand
	issuers []issuer
	total   int            // sum of the weights
	day     time.Time      // the date of the next document
	seq     int            // documents made so far
	numbers map[string]int // last number per sequence (see nextNumber)
	recent  [][]cited      // per issuer, its latest directive documents
}

// cited is what a later document needs to refer to an earlier one.
type cited struct {
	typeName, numberSymbol, issuer, topic string
	date                                  time.Time
}

// recentKept bounds the documents of each issuer that later ones may cite.
const recentKept = 6

// New returns a generator for seed: the same seed gives the same documents.
func New(seed int64) *Generator {
	g := &Generator{
		rng:     rand.New(rand.NewPCG(uint64(seed), 0x6c616e746f61)),
		issuers: buildIssuers(),
		numbers: map[string]int{},
	}
	g.recent = make([][]cited, len(g.issuers))
	for _, is := range g.issuers {
		g.total += is.weight
	}
	g.day = time.Date(2021, 1, 4, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.rng.IntN(365))
	return g
}

// Next makes the next document. The clock moves on a working day every
// few dozen documents, so an archive of a thousand covers about two months
// and citations always point back in time.
func (g *Generator) Next() Document {
	g.seq++
	if g.rng.IntN(30) == 0 {
		g.advance(1)
	}
	ix := g.pickIssuer()
	is := &g.issuers[ix]
	code := is.types[g.rng.IntN(len(is.types))]
	dept := ""
	if len(is.depts) > 0 {
		dept = is.depts[g.rng.IntN(len(is.depts))]
	}
	d := Document{
		NumberSymbol: is.notation(g.nextNumber(is, code), code, dept),
		Type:         typeNames[code],
		Family:       is.family,
		Issuer:       is.name,
		ParentIssuer: is.parent,
		Place:        is.place,
		Date:         g.day,
	}
	refs := g.pickCitations(is)
	for _, r := range refs {
		d.Cites = append(d.Cites, r.numberSymbol)
	}
	topic := pick(g.rng, topics)
	if len(refs) > 0 && g.rng.IntN(3) > 0 {
		topic = refs[0].topic // implementing documents mostly keep their directive's subject
	}
	d.Subject = g.subject(code, topic, refs)
	d.Text = vn.NFC(g.render(is, code, d, topic, refs))
	if g.rng.IntN(7) == 0 {
		// Some offices place tones the newer way (hoá, uỷ): both spellings live side by side.
		d.Text, d.Issuer, d.ParentIssuer = vn.ModernTones(d.Text), vn.ModernTones(d.Issuer), vn.ModernTones(d.ParentIssuer)
		d.Subject, d.Place = vn.ModernTones(d.Subject), vn.ModernTones(d.Place)
	}
	d.Name = fmt.Sprintf("%04d_%s.txt", g.seq, fileSafe(d.NumberSymbol))
	if directiveTypes[code] {
		r := cited{typeName: d.Type, numberSymbol: d.NumberSymbol, issuer: is.cited, topic: topic, date: d.Date}
		g.recent[ix] = append(g.recent[ix], r)
		if len(g.recent[ix]) > recentKept {
			g.recent[ix] = g.recent[ix][1:]
		}
	}
	return d
}

// advance moves the clock by n working days.
func (g *Generator) advance(n int) {
	for n > 0 {
		g.day = g.day.AddDate(0, 0, 1)
		if wd := g.day.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
}

func (g *Generator) pickIssuer() int {
	w := g.rng.IntN(g.total)
	for i, is := range g.issuers {
		if w < is.weight {
			return i
		}
		w -= is.weight
	}
	return len(g.issuers) - 1
}

// nextNumber allocates a number the way the family does: the party per
// type (a committee term is longer than any archive here), the others per
// issuer and calendar year, all types together. Each sequence starts at a
// random point, as an archive rarely begins on 1 January. Boards with the
// same issuer line and code in several provinces ("BAN TUYÊN GIÁO",
// BTGTU) share one sequence: a document is known by its number, issuer
// line and date, and two of them alike would be one document twice.
func (g *Generator) nextNumber(is *issuer, code string) int {
	key := is.name + "|" + is.code + "|"
	if is.family == document.Party {
		key += code
	} else {
		key += fmt.Sprint(g.day.Year())
	}
	n, ok := g.numbers[key]
	if !ok {
		n = g.rng.IntN(40)
	}
	n++
	g.numbers[key] = n
	return n
}

// pickCitations chooses up to three recent directives of the issuer's
// superiors (or its own) for the "Căn cứ / Thực hiện" lines.
func (g *Generator) pickCitations(is *issuer) []cited {
	var pool []cited
	for _, s := range is.superiors {
		pool = append(pool, g.recent[s]...)
	}
	if len(pool) == 0 || g.rng.IntN(8) == 0 {
		return nil
	}
	n := 1 + g.rng.IntN(min(3, len(pool)))
	out := make([]cited, 0, n)
	seen := map[string]bool{}
	for range n {
		c := pool[g.rng.IntN(len(pool))]
		if k := c.numberSymbol + c.issuer; !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
	}
	return out
}

func (g *Generator) subject(code, topic string, refs []cited) string {
	lead := pick(g.rng, subjectLeads[code])
	if code == "CV" && len(refs) > 0 && g.rng.IntN(2) == 0 {
		r := refs[0]
		return fmt.Sprintf("%s %s số %s của %s", lead, r.typeName, r.numberSymbol, r.issuer)
	}
	return lead + " " + topic
}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// fileSafe writes a number and notation as a file name: "71-HD-BTGTU",
// "967-LDLD", ASCII only so that every archiver keeps it.
func fileSafe(ns string) string {
	var b strings.Builder
	for _, r := range ns {
		f := vn.FoldRune(r)
		switch {
		case f < 0:
		case r == '/':
			b.WriteByte('-')
		case r >= 'A' && r <= 'Z' || r == 'Đ' || r > 0x7f && f != r && isUpper(r):
			b.WriteRune(f - 'a' + 'A')
		default:
			b.WriteRune(f)
		}
	}
	return b.String()
}

func isUpper(r rune) bool { return strings.ToUpper(string(r)) == string(r) }
