package app

import (
	"context"
	"strconv"
	"strings"
	"unicode"

	"lantoa/internal/document"
	"lantoa/internal/export"
	"lantoa/internal/org"
	"lantoa/internal/store"
	"lantoa/internal/vn"
)

// DocumentLetter lays a stored document out in its family's official
// layout: the header from the issuing unit (or the issuer as printed),
// the number, the body text, the signer and the distribution list.
// Whoever may open the document may export it.
func (s *Service) DocumentLetter(ctx context.Context, by Actor, id document.ID) (export.Letter, document.Document, error) {
	var l export.Letter
	var d document.Document
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		if d, err = tx.Document(ctx, id); err != nil {
			return err
		}
		on := dayOf(tx.Now())
		if err := maySeeDocument(ctx, tx, by, d, on); err != nil {
			return err
		}
		if ok, err := mayOpen(ctx, tx, by, d); err != nil || !ok {
			if err == nil {
				err = forbidden()
			}
			return err
		}
		if d.Body == "" {
			if d.Body, err = tx.DocumentBody(ctx, id); err != nil {
				return err
			}
		}
		family := d.Family
		l.Superior, l.Issuer = strings.ToUpper(d.ParentIssuer), strings.ToUpper(d.Issuer)
		if d.IssuerUnit != 0 {
			u, err := tx.Unit(ctx, org.ID(d.IssuerUnit))
			if err != nil {
				return err
			}
			day := d.IssuedOn()
			if day.IsZero() {
				day = on
			}
			parents, err := tx.Parents(ctx, u.ID, day)
			if err != nil {
				return err
			}
			l.Superior, l.Issuer = headerLines(u, parents)
			if family == "" {
				family = u.Family
			}
			if l.Place = d.Place; l.Place == "" {
				l.Place = u.Place
			}
		}
		l.Party, l.Top = partyLayout(family), topLine(family)
		l.Place = firstNonEmpty(l.Place, d.Place)
		l.Number = numberLine(d, l.Party)
		l.Date = d.IssuedOn()
		l.Subject = d.Subject
		if vn.Fold(d.DocType) == "cong van" {
			if !l.Party && l.Subject != "" && !strings.HasPrefix(vn.Fold(l.Subject), "v/v") {
				l.Subject = "V/v " + l.Subject
			}
		} else {
			l.TypeName = strings.ToUpper(firstNonEmpty(d.DocType, "Văn bản"))
		}
		l.To = listItems(d.Recipients)
		l.Body = bodyBlocks(d)
		l.Capacity, l.Signer, l.Copies = d.SignerCapacity, d.SignerName, listItems(d.Distribution)
		return nil
	})
	return l, d, err
}

// listItems are recipients without the dash and the end mark the layout
// adds to each line.
func listItems(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(strings.TrimLeft(strings.TrimRight(strings.TrimSpace(s), ";.,"), "-+• ")); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// numberLine is "Số 71-HD/BTGTU" (party) or "Số: 967/LĐLĐ"; a draft
// leaves the number blank.
func numberLine(d document.Document, party bool) string {
	ns := d.NumberSymbol
	if ns == "" {
		ns = "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0" // no-break spaces: the blank for the number stays
	}
	if party {
		return "Số " + ns
	}
	return "Số: " + ns
}

// bodyBlocks is the document's text between its header and its signature:
// the lines up to the subject (when the text opens with its own header)
// and from "Nơi nhận" on are already printed by the layout.
func bodyBlocks(d document.Document) []export.Block {
	lines := strings.Split(strings.ReplaceAll(d.Body, "\r\n", "\n"), "\n")
	start := 0
	if subj := vn.Fold(strings.TrimSpace(d.Subject)); subj != "" {
		head := subj
		if len(head) > 30 {
			head = head[:30]
		}
		for i := 0; i < len(lines) && i < 30; i++ {
			f := vn.Fold(lines[i])
			if strings.Contains(f, head) || strings.HasPrefix(strings.TrimSpace(f), "kinh gui") {
				start = i + 1
			}
		}
		// The subject may run over the next lines, up to a blank one or
		// the header's dashes.
		for start > 0 && start < len(lines) && start < 30 {
			t := strings.TrimSpace(lines[start])
			if t == "" || strings.Trim(t, "-*_ ") == "" {
				start++
				break
			}
			if !startsLower(t) {
				break
			}
			start++
		}
	}
	// The "Kính gửi" lines are printed by the layout too.
	to := map[string]bool{}
	for _, r := range d.Recipients {
		to[vn.Fold(strings.Trim(r, "-+;.: "))] = true
	}
	for start < len(lines) && to[vn.Fold(strings.Trim(lines[start], "-+;.: \t"))] {
		start++
	}
	var out []export.Block
	for _, line := range lines[start:] {
		t := strings.TrimSpace(line)
		f := vn.Fold(t)
		if strings.HasPrefix(f, "noi nhan") {
			break
		}
		if t == "" {
			continue
		}
		kind := export.Paragraph
		switch {
		case strings.HasPrefix(t, "-") || strings.HasPrefix(t, "+"):
			kind = export.Item
		case isHeadingLine(t):
			kind = export.Heading
		}
		out = append(out, export.Block{Kind: kind, Text: t})
	}
	return out
}

// isHeadingLine: "I. MỤC ĐÍCH, YÊU CẦU", "2. Nội dung", short and numbered.
func isHeadingLine(t string) bool {
	i := strings.IndexAny(t, ".")
	if i <= 0 || i > 5 || len([]rune(t)) > 120 {
		return false
	}
	for _, r := range t[:i] {
		if !unicode.IsDigit(r) && !strings.ContainsRune("IVXLC", r) {
			return false
		}
	}
	return true
}

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// DocumentTitle is what a document's file is named after: its type and
// number, or its draft's id before it has one.
func DocumentTitle(d document.Document) string {
	if d.NumberSymbol == "" {
		return d.DocType + " dự thảo " + strconv.FormatInt(int64(d.ID), 10)
	}
	return d.DocType + " " + d.NumberSymbol
}
