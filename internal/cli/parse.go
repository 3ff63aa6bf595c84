package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"lantoa/internal/document"
	"lantoa/internal/ingest"
)

// readSource reads one input: a file name, or "-" for standard input.
func readSource(ctx context.Context, name string, stdio Stdio, lim ingest.Limits) (ingest.Result, error) {
	if name == "-" {
		return ingest.Extract(ctx, "-", stdio.In, lim)
	}
	f, err := os.Open(name)
	if err != nil {
		return ingest.Result{}, fmt.Errorf("không mở được tệp: %s", describeOpenError(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return ingest.Result{}, fmt.Errorf("đây là thư mục, không phải tệp")
	}
	return ingest.Extract(ctx, name, f, lim)
}

func describeOpenError(err error) string {
	switch {
	case os.IsNotExist(err):
		return "không tồn tại"
	case os.IsPermission(err):
		return "không có quyền đọc"
	}
	return err.Error()
}

func limitsFlags(fs *flag.FlagSet) *ingest.Limits {
	lim := ingest.DefaultLimits()
	fs.Int64Var(&lim.MaxFileBytes, "max-file-bytes", lim.MaxFileBytes, "kích thước tối đa của một tệp (byte)")
	fs.Int64Var(&lim.MaxUnzippedBytes, "max-unzipped-bytes", lim.MaxUnzippedBytes, "dung lượng giải nén tối đa của một tệp .docx (byte)")
	fs.IntVar(&lim.MaxZipEntries, "max-zip-entries", lim.MaxZipEntries, "số mục tối đa trong một tệp .docx")
	fs.IntVar(&lim.MaxXMLDepth, "max-xml-depth", lim.MaxXMLDepth, "độ sâu lồng XML tối đa")
	fs.IntVar(&lim.MaxPDFPages, "max-pdf-pages", lim.MaxPDFPages, "số trang PDF tối đa")
	return &lim
}

func runParse(ctx context.Context, args []string, stdio Stdio, _ func(string) string) int {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(stdio.Err)
	asJSON := fs.Bool("json", false, "in mỗi tệp một dòng JSON (JSON Lines)")
	lim := limitsFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stdio.Err, "Cách dùng: lantoa parse [--json] TỆP... (dùng - để đọc từ đầu vào chuẩn)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	status := 0
	enc := json.NewEncoder(stdio.Out)
	enc.SetEscapeHTML(false)
	for i, name := range fs.Args() {
		if ctx.Err() != nil {
			fmt.Fprintln(stdio.Err, "lantoa: đã dừng theo yêu cầu")
			return 130
		}
		res, err := readSource(ctx, name, stdio, *lim)
		if err != nil {
			status = 1
			msg := oneLine(err.Error())
			fmt.Fprintf(stdio.Err, "lantoa: %s: %s\n", name, msg)
			if *asJSON {
				enc.Encode(struct {
					File  string `json:"file"`
					Error string `json:"error"`
				}{name, msg})
			}
			continue
		}
		meta := document.Parse(res.Text)
		if *asJSON {
			enc.Encode(parsed{File: name, Metadata: meta})
			continue
		}
		if i > 0 {
			fmt.Fprintln(stdio.Out)
		}
		printSummary(stdio.Out, name, res, meta)
	}
	return status
}

// parsed is one line of `parse --json`: the file name, then the metadata.
type parsed struct {
	File string
	document.Metadata
}

func (p parsed) MarshalJSON() ([]byte, error) {
	meta, err := json.Marshal(p.Metadata)
	if err != nil {
		return nil, err
	}
	file, _ := json.Marshal(p.File)
	return append(append([]byte(`{"file":`), file...), append([]byte(","), meta[1:]...)...), nil
}

var familyNames = map[document.Family]string{
	document.Party: "Đảng", document.State: "Nhà nước", document.Union: "Công đoàn",
	document.Front: "Mặt trận, đoàn thể", document.Youth: "Đoàn Thanh niên",
}

var formNames = map[string]string{
	"VB": "ban hành văn bản", "HNQT": "hội nghị quán triệt", "SHCB": "sinh hoạt chi bộ", "SHCD": "sinh hoạt đoàn thể",
	"TTM": "tuyên truyền miệng", "TQ": "cổ động trực quan", "PT": "phát thanh", "TH": "truyền hình", "BC": "báo chí",
	"CP": "chiếu phim lưu động", "LD": "thông tin lưu động", "VHTT": "văn hóa, văn nghệ", "THI": "cuộc thi",
	"MXH": "mạng xã hội", "DLXH": "dư luận xã hội",
}

// printSummary writes what was read, in Vietnamese, for a person.
func printSummary(w io.Writer, name string, res ingest.Result, m document.Metadata) {
	dash := func(s string) string {
		if s == "" {
			return "—"
		}
		return s
	}
	how := string(res.Format)
	if res.Encoding != "" {
		how += ", bảng mã " + res.Encoding
	}
	fmt.Fprintf(w, "== %s (%s)\n", filepath.Base(name), how)
	row := func(label, value string) { fmt.Fprintf(w, "  %-18s %s\n", label+":", dash(value)) }
	row("Loại văn bản", m.DocType)
	row("Số, ký hiệu", m.NumberSymbol)
	row("Khối", familyNames[m.Family])
	row("Cơ quan ban hành", joinNonEmpty(" / ", m.ParentIssuer, m.Issuer))
	row("Nơi, ngày ban hành", joinNonEmpty(", ", m.Place, dmy(m.Date)))
	row("Trích yếu", m.Subject)
	row("Người ký", joinNonEmpty(" — ", strings.Join(m.SignerCapacity, " / "), m.SignerName))
	if m.Urgency != "" || m.Confidentiality != "" {
		row("Độ khẩn, độ mật", joinNonEmpty(", ", m.Urgency, m.Confidentiality))
	}
	list := func(label string, items []string) {
		fmt.Fprintf(w, "  %s (%d):\n", label, len(items))
		for _, it := range items {
			fmt.Fprintf(w, "    - %s\n", it)
		}
	}
	list("Kính gửi", m.Recipients)
	fmt.Fprintf(w, "  Văn bản được dẫn (%d):\n", len(m.Citations))
	for _, c := range m.Citations {
		fmt.Fprintf(w, "    - [%s] %s\n", c.Relation, joinNonEmpty(" ", c.DocType, c.NumberSymbol, prefixed("ngày ", dmy(c.Date)), prefixed("của ", c.Issuer)))
	}
	fmt.Fprintf(w, "  Nhiệm vụ giao (%d):\n", len(m.Assignments))
	for _, a := range m.Assignments {
		fmt.Fprintf(w, "    - %s: %s\n", a.Assignee, shorten(a.Task, 90))
	}
	if d := m.ReportDeadline; d != nil {
		row("Hạn báo cáo", joinNonEmpty(" — ", dmy(d.Date), d.Text))
	}
	var forms []string
	for _, f := range m.Forms {
		forms = append(forms, f+" ("+formNames[f]+")")
	}
	row("Hình thức", strings.Join(forms, ", "))
	list("Nơi nhận", m.Distribution)
	for _, warning := range m.Warnings {
		fmt.Fprintf(w, "  ! %s\n", warning)
	}
}

func dmy(iso string) string {
	if len(iso) != 10 {
		return iso
	}
	return iso[8:10] + "/" + iso[5:7] + "/" + iso[0:4]
}

func prefixed(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func runText(ctx context.Context, args []string, stdio Stdio, _ func(string) string) int {
	fs := flag.NewFlagSet("text", flag.ContinueOnError)
	fs.SetOutput(stdio.Err)
	lim := limitsFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stdio.Err, "Cách dùng: lantoa text TỆP... (dùng - để đọc từ đầu vào chuẩn)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	status := 0
	for _, name := range fs.Args() {
		res, err := readSource(ctx, name, stdio, *lim)
		if err != nil {
			status = 1
			fmt.Fprintf(stdio.Err, "lantoa: %s: %s\n", name, oneLine(err.Error()))
			continue
		}
		io.WriteString(stdio.Out, res.Text)
		if !strings.HasSuffix(res.Text, "\n") {
			io.WriteString(stdio.Out, "\n")
		}
	}
	return status
}
