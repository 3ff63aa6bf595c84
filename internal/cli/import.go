package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/document"
)

const importHelp = `Cách dùng: lantoa import [--db DSN] [--unit MÃ] [--dry-run] [--propose] [--report TỆP] ĐƯỜNG_DẪN...
Nạp hàng loạt văn bản (.txt, .docx, .pdf, .doc, .odt) vào kho: mỗi ĐƯỜNG_DẪN là một tệp,
một thư mục (đọc cả thư mục con) hoặc một tệp .zip. Mỗi văn bản được lưu cùng tệp gốc và
vào sổ lưu tham khảo của đơn vị --unit; không ghi --unit thì vào sổ của đơn vị cấp cao
nhất nếu cơ sở dữ liệu có đúng một đơn vị như vậy, nếu không thì lưu văn bản mà không vào
sổ đơn vị nào. Trích dẫn giữa các văn bản được nối cả hai chiều, nạp theo thứ tự nào cũng được.
Tệp đã nạp (cùng nội dung) hoặc văn bản đã có (cùng số, ký hiệu, cơ quan, ngày) được tính là
trùng: chạy lại lệnh không nạp thêm gì, nên khi bị dừng (Ctrl-C) chỉ cần chạy lại.
Với --propose, mỗi văn bản mới nạp được đọc phần "giao nhiệm vụ" để đề xuất giao việc cho các
đơn vị văn bản nêu tên (in ra và ghi vào --report); không nhiệm vụ nào được giao khi chưa
có người xác nhận trên trang giao nhiệm vụ của văn bản.
Trạng thái thoát: 0 khi mọi tệp đều nạp được hoặc trùng, 1 khi có tệp lỗi, 130 khi bị dừng.`

func runImport(ctx context.Context, args []string, stdio Stdio, getenv func(string) string) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stdio.Err)
	db := dbFlag(fs, getenv)
	unit := fs.String("unit", "", "mã đơn vị có sổ lưu tham khảo nhận văn bản")
	dryRun := fs.Bool("dry-run", false, "chỉ đọc và báo cáo, không ghi gì vào cơ sở dữ liệu")
	reportPath := fs.String("report", "", "ghi kết quả từng tệp vào TỆP, mỗi tệp một dòng JSON")
	propose := fs.Bool("propose", false, "đề xuất giao nhiệm vụ theo văn bản mới nạp (chỉ đề xuất, không giao)")
	lim := limitsFlags(fs)
	zl := zipLimits{}
	fs.IntVar(&zl.MaxFiles, "max-zip-files", 100000, "số mục tối đa trong một tệp .zip")
	fs.Int64Var(&zl.MaxBytes, "max-zip-bytes", 8<<30, "tổng dung lượng giải nén tối đa của một tệp .zip (byte)")
	fs.Usage = func() {
		fmt.Fprintln(stdio.Err, importHelp)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	src, err := collectImport(fs.Args(), *lim, zl)
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", err)
		return 1
	}
	defer src.Close()

	s, err := openStore(ctx, *db, stdio)
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", err)
		return 1
	}
	defer s.Close()
	svc := app.New(s, nil)
	actor := app.System()
	target, inRegister, err := svc.ImportUnit(ctx, actor, *unit)
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", oneLine(err.Error()))
		return 1
	}

	var report *json.Encoder
	if *reportPath != "" {
		f, err := os.Create(*reportPath)
		if err != nil {
			fmt.Fprintf(stdio.Err, "lantoa: không tạo được tệp báo cáo %s: %s\n", *reportPath, describeOpenError(err))
			return 1
		}
		defer f.Close()
		report = json.NewEncoder(f)
		report.SetEscapeHTML(false)
	}

	total := len(src.files) + len(src.failed)
	prog := newProgress(stdio.Err, total)
	var failures []app.ImportOutcome
	var reportErr error
	var proposed proposals
	record := func(o app.ImportOutcome) {
		line := reportLine(o)
		if *propose && o.Status == app.Imported && o.Document != 0 {
			line.Proposals = proposed.add(ctx, svc, o)
		}
		if report != nil && reportErr == nil {
			reportErr = report.Encode(line)
		}
		if o.Status == app.ImportFailed {
			failures = append(failures, o)
		}
		prog.add(1)
	}
	for _, o := range src.failed {
		record(o)
	}
	opt := app.ImportOptions{DryRun: *dryRun, Limits: *lim}
	if inRegister {
		opt.Unit = target.ID
	}
	sum, err := svc.Import(ctx, actor, src.files, opt, record)
	prog.finish()
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", oneLine(err.Error()))
		return 1
	}
	sum.Failed += len(src.failed)
	printImportSummary(stdio.Out, sum, prog.elapsed(), *dryRun, inRegister, target.Name, target.Code, src.skipped, failures)
	if *propose {
		proposed.print(stdio.Out, *dryRun)
	}
	if reportErr != nil {
		fmt.Fprintf(stdio.Err, "lantoa: tệp báo cáo %s không ghi được hết: %s\n", *reportPath, oneLine(reportErr.Error()))
		return 1
	}
	switch {
	case sum.Stopped:
		fmt.Fprintln(stdio.Err, "lantoa: đã dừng theo yêu cầu sau khi ghi xong lô đang làm; chạy lại lệnh để nạp tiếp")
		return 130
	case sum.Failed > 0:
		return 1
	}
	return 0
}

// importLine is one line of --report.
type importLine struct {
	File     string       `json:"file"`
	Status   string       `json:"status"`
	Document *document.ID `json:"document_id"`
	Error    string       `json:"error"`
	// Proposals, with --propose: the work the document gives to units
	// found by name, to be confirmed on its assignment page.
	Proposals []proposalLine `json:"proposals,omitempty"`
}

func reportLine(o app.ImportOutcome) importLine {
	l := importLine{File: o.File, Status: string(o.Status)}
	if o.Document != 0 {
		id := o.Document
		l.Document = &id
	}
	if o.Err != nil {
		l.Error = oneLine(o.Err.Error())
	}
	return l
}

// maxListedFailures keeps the summary readable; --report has them all.
const maxListedFailures = 20

func printImportSummary(w io.Writer, sum app.ImportSummary, took time.Duration, dryRun, inRegister bool, unitName, unitCode string,
	skipped int, failures []app.ImportOutcome) {
	head := "Xong"
	switch {
	case dryRun:
		head = "Chạy thử, không ghi gì vào cơ sở dữ liệu"
	case sum.Stopped:
		head = "Đã dừng giữa chừng"
	}
	fmt.Fprintf(w, "%s: %s văn bản mới, %s trùng, %s lỗi (trong %s).\n", head,
		groupDigits(sum.Imported), groupDigits(sum.Duplicates), groupDigits(sum.Failed), humanDuration(took))
	if inRegister {
		fmt.Fprintf(w, "Sổ lưu tham khảo: %s (%s).\n", unitName, unitCode)
	} else {
		fmt.Fprintln(w, "Văn bản không vào sổ đơn vị nào: cơ sở dữ liệu không có đúng một đơn vị cấp cao nhất; dùng --unit MÃ để chọn sổ.")
	}
	if skipped > 0 {
		fmt.Fprintf(w, "Bỏ qua %s tệp không phải văn bản (.txt, .docx, .pdf, .doc, .odt).\n", groupDigits(skipped))
	}
	if len(failures) == 0 {
		return
	}
	fmt.Fprintln(w, "Không nạp được:")
	for i, o := range failures {
		if i == maxListedFailures {
			fmt.Fprintf(w, "  … và %s tệp khác (xem --report).\n", groupDigits(len(failures)-i))
			break
		}
		fmt.Fprintf(w, "  %s: %s\n", o.File, oneLine(o.Err.Error()))
	}
}

// groupDigits writes 12345 as 12.345, the Vietnamese way.
func groupDigits(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 && s[i-1] != '-' {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// humanDuration writes a duration in Vietnamese: "1 phút 5 giây", "2,4 giây".
func humanDuration(d time.Duration) string {
	if d < time.Minute {
		return strings.Replace(fmt.Sprintf("%.1f giây", d.Seconds()), ".", ",", 1)
	}
	d = d.Round(time.Second)
	h, m, sec := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	if h > 0 {
		return fmt.Sprintf("%d giờ %d phút", h, m)
	}
	return fmt.Sprintf("%d phút %d giây", m, sec)
}
