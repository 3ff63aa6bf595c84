package cli

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"

	"lantoa/internal/synth"
)

const synthHelp = `Cách dùng: lantoa synth [--seed N] [--format txt|docx|zip] -n SỐ_LƯỢNG -o THƯ_MỤC
Tạo một kho văn bản hành chính giả lập (của Đảng, Nhà nước, Công đoàn, Mặt trận; chỉ thị,
nghị quyết, kết luận, hướng dẫn, kế hoạch, công văn, báo cáo, quyết định, thông báo) để thử
nạp hàng loạt và đo tốc độ. Văn bản sau trích dẫn văn bản trước của cấp trên. Cùng --seed
cho ra cùng các văn bản. --format zip ghi một tệp archive.zip (cứ ba văn bản có một .docx).
Văn bản giả lập, không phải văn bản thật: đừng nạp vào cơ sở dữ liệu đang dùng.`

func runSynth(_ context.Context, args []string, stdio Stdio, _ func(string) string) int {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	fs.SetOutput(stdio.Err)
	seed := fs.Int64("seed", 1, "hạt giống: cùng hạt giống cho ra cùng các văn bản")
	format := fs.String("format", synth.FormatTxt, "định dạng: txt, docx hoặc zip")
	n := fs.Int("n", 0, "số văn bản cần tạo")
	out := fs.String("o", "", "thư mục ghi văn bản (tạo mới nếu chưa có)")
	fs.Usage = func() {
		fmt.Fprintln(stdio.Err, synthHelp)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *n <= 0 || *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if err := synth.New(*seed).WriteArchive(*out, *n, *format); err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", oneLine(err.Error()))
		return 1
	}
	where := *out
	if *format == synth.FormatZip {
		where = filepath.Join(*out, synth.ArchiveName)
	}
	fmt.Fprintf(stdio.Out, "Đã tạo %s văn bản giả lập (%s) trong %s.\n", groupDigits(*n), *format, where)
	return 0
}
