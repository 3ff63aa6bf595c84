// Package cli holds the subcommands of the lantoa binary. It is the only
// place that reads flags and the environment and wires packages together.
package cli

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Stdio is where a command reads and writes.
type Stdio struct {
	In       io.Reader
	Out, Err io.Writer
}

// command is one subcommand.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, io Stdio, getenv func(string) string) int
}

var commands = map[string]command{
	"parse":   {"đọc văn bản (.txt, .docx, .pdf, .doc, .odt) và in các thông tin trích được", runParse},
	"text":    {"in phần chữ đọc được từ tệp, không phân tích", runText},
	"version": {"in phiên bản", runVersion},
	"migrate": {"tạo hoặc nâng cấp cơ sở dữ liệu", runMigrate},
	"demo":    {"nạp dữ liệu mẫu Lai Châu 2022", runDemo},
	"export":  {"xuất báo cáo kết quả một văn bản chỉ đạo ra tệp .docx, .pdf hoặc phụ lục .xlsx", runExport},
	"import":  {"nạp hàng loạt văn bản từ tệp, thư mục hoặc tệp .zip vào kho", runImport},
	"remind":  {"gửi thư nhắc hạn báo cáo (mỗi người một thư mỗi ngày) hoặc in các thư sẽ gửi", runRemind},
	"rollup":  {"in tình hình triển khai một văn bản chỉ đạo: tiến độ, số liệu, đơn vị quá hạn", runRollup},
	"search":  {"tìm văn bản theo số, ký hiệu, trích yếu hoặc nội dung (có dấu hay không dấu)", runSearch},
	"serve":   {"chạy giao diện web", runServe},
	"synth":   {"tạo kho văn bản giả lập để thử nạp hàng loạt và đo tốc độ", runSynth},
	"units":   {"units import: nạp danh sách đơn vị từ tệp .xlsx hoặc .csv", runUnits},
}

// Version is set at build time with -ldflags "-X lantoa/internal/cli.Version=…".
var Version = "dev"

// Main runs the subcommand named by args[0] and returns the exit status.
func Main(ctx context.Context, args []string, stdio Stdio, getenv func(string) string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdio.Out)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stdio.Err, "lantoa: không có lệnh %q\n", args[0])
		usage(stdio.Err)
		return 2
	}
	return cmd.run(ctx, args[1:], stdio, getenv)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Lan Tỏa: theo dõi triển khai văn bản chỉ đạo từ trên xuống và kết quả báo cáo từ dưới lên.")
	fmt.Fprintln(w, "\nCách dùng: lantoa LỆNH [tùy chọn] [tham số]\n\nCác lệnh:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nXem tùy chọn của một lệnh: lantoa LỆNH -h")
}

func runVersion(_ context.Context, _ []string, stdio Stdio, _ func(string) string) int {
	fmt.Fprintln(stdio.Out, "lantoa", Version)
	return 0
}

// oneLine keeps an error message on one line for terminals and logs.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
