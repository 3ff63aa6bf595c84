package synth

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Formats WriteArchive knows.
const (
	FormatTxt  = "txt"  // one .txt file per document
	FormatDocx = "docx" // one .docx file per document
	FormatZip  = "zip"  // one archive.zip; every third document inside is a .docx, the others .txt
)

// ArchiveName is the file FormatZip writes in the folder.
const ArchiveName = "archive.zip"

// WriteArchive writes the next n documents into dir (created if missing)
// in format: "txt", "docx" or "zip".
func (g *Generator) WriteArchive(dir string, n int, format string) error {
	if format != FormatTxt && format != FormatDocx && format != FormatZip {
		return fmt.Errorf("định dạng %q không hỗ trợ: chọn txt, docx hoặc zip", format)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if format != FormatZip {
		for range n {
			d := g.Next()
			name, data := d.File(format == FormatDocx)
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				return err
			}
		}
		return nil
	}
	f, err := os.Create(filepath.Join(dir, ArchiveName))
	if err != nil {
		return err
	}
	if err := g.WriteZip(f, n); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// WriteZip writes the next n documents as a zip to w: every third as a
// .docx, the others as .txt.
func (g *Generator) WriteZip(w io.Writer, n int) error {
	zw := zip.NewWriter(w)
	for i := range n {
		d := g.Next()
		name, data := d.File(i%3 == 2)
		fw, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := fw.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// File returns the document as a file: its name and bytes, .txt (UTF-8)
// or, with docx, a Word file.
func (d Document) File(docx bool) (string, []byte) {
	if !docx {
		return d.Name, []byte(d.Text)
	}
	return strings.TrimSuffix(d.Name, ".txt") + ".docx", Docx(d.Text)
}

// The three parts a WordprocessingML package needs to open in Word.
const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`</Types>`
	packageRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
		`</Relationships>`
	documentOpen = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`
	documentClose = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`
)

// Docx returns a minimal Word file whose body has one paragraph per line
// of text, in Times New Roman 14 pt as administrative documents are.
// Consecutive lines with a tab become a table, a cell per tab-separated
// part: that is how header blocks are laid out in Word.
func Docx(text string) []byte {
	var body bytes.Buffer
	body.WriteString(documentOpen)
	inTable := false
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		cells := strings.Split(line, "\t")
		switch {
		case len(cells) > 1 && !inTable:
			body.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/></w:tblPr>`)
			inTable = true
		case len(cells) == 1 && inTable:
			body.WriteString(`</w:tbl>`)
			inTable = false
		}
		if !inTable {
			paragraph(&body, line)
			continue
		}
		body.WriteString(`<w:tr>`)
		for _, c := range cells {
			body.WriteString(`<w:tc>`)
			paragraph(&body, c)
			body.WriteString(`</w:tc>`)
		}
		body.WriteString(`</w:tr>`)
	}
	if inTable {
		body.WriteString(`</w:tbl>`)
	}
	body.WriteString(documentClose)

	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, p := range []struct{ name, data string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"word/document.xml", body.String()},
	} {
		// Writes to a bytes.Buffer cannot fail.
		fw, _ := zw.Create(p.name)
		io.WriteString(fw, p.data)
	}
	zw.Close()
	return out.Bytes()
}

func paragraph(b *bytes.Buffer, text string) {
	b.WriteString(`<w:p>`)
	if text != "" {
		b.WriteString(`<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">`)
		xml.EscapeText(b, []byte(text))
		b.WriteString(`</w:t></w:r>`)
	}
	b.WriteString(`</w:p>`)
}
