package export

import (
	"fmt"
	"mime"
	"path"
	"strings"

	"lantoa/internal/problem"
	"lantoa/internal/vn"
)

// Format is a kind of file an export writes.
type Format string

const (
	FormatDOCX Format = "docx"
	FormatPDF  Format = "pdf"
	FormatXLSX Format = "xlsx"
)

// ParseFormat reads a format name ("docx", ".PDF").
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "."))); f {
	case FormatDOCX, FormatPDF, FormatXLSX:
		return f, nil
	}
	return "", problem.Errorf(problem.Invalid, "Định dạng %q không có; hãy chọn docx, pdf hoặc xlsx", s)
}

// ContentType is the media type of the format's files.
func (f Format) ContentType() string {
	switch f {
	case FormatDOCX:
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case FormatPDF:
		return "application/pdf"
	}
	return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
}

// File writes the results report in a format: the letter as DOCX or PDF,
// the annex of figures as XLSX.
func (r Results) File(f Format) ([]byte, error) {
	switch f {
	case FormatDOCX:
		return DOCX(r.Letter())
	case FormatPDF:
		return PDF(r.Letter())
	case FormatXLSX:
		return XLSX(r.Annex())
	}
	return nil, fmt.Errorf("export: unknown format %q", f)
}

// File writes a document in its official layout as DOCX or PDF; a letter
// has no annex.
func (l Letter) File(f Format) ([]byte, error) {
	switch f {
	case FormatDOCX:
		return DOCX(l)
	case FormatPDF:
		return PDF(l)
	}
	return nil, problem.Errorf(problem.Invalid, "Văn bản tải được dạng .docx hoặc .pdf, không có dạng %s", f)
}

// FileName is the name the results report is offered under: the report,
// or its annex of figures for XLSX, of the directive at the unit and day.
func (r Results) FileName(f Format) string {
	title := "Báo cáo " + r.Directive.NumberSymbol + " " + r.Unit + " " + vn.FormatDate(r.Rollup.On)
	if f == FormatXLSX {
		title = "Phụ lục " + title
	}
	return FileName(title, f)
}

// FileName is a download's name: the Vietnamese title made safe for a file
// ("Báo cáo 12-CT/TW" → "Báo cáo 12-CT-TW.docx").
func FileName(title string, f Format) string {
	clean := strings.Map(func(r rune) rune {
		switch {
		case r == '/' || r == '\\' || r == ':' || r == '"' || r == '*' || r == '?' || r == '<' || r == '>' || r == '|':
			return '-'
		case r < ' ':
			return -1
		}
		return r
	}, strings.Join(strings.Fields(vn.NFC(title)), " "))
	return clean + "." + string(f)
}

// Attachment is the Content-Disposition that offers a file for download
// under its name (RFC 6266): a plain ASCII name for old clients, and the
// Vietnamese one as filename* in UTF-8 (RFC 5987) when it differs.
func Attachment(name string) string {
	v := `attachment; filename="` + asciiName(name) + `"`
	if enc := mime.FormatMediaType("attachment", map[string]string{"filename": name}); strings.HasPrefix(enc, "attachment; filename*=") {
		v += "; " + strings.TrimPrefix(enc, "attachment; ")
	}
	return v
}

// asciiName is name when it is plain ASCII, otherwise its words folded to
// ASCII and joined by dashes ("Báo cáo 12-CT-TW.docx" → "bao-cao-12-ct-tw.docx").
func asciiName(name string) string {
	if !strings.ContainsFunc(name, func(r rune) bool { return r < ' ' || r > '~' || r == '"' || r == '\\' }) {
		return name
	}
	ext := path.Ext(name)
	base, ext := asciiWords(strings.TrimSuffix(name, ext)), asciiWords(strings.TrimPrefix(ext, "."))
	if base == "" {
		base = "tep"
	}
	if ext == "" {
		return base
	}
	return base + "." + ext
}

func asciiWords(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range vn.Fold(s) {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}
