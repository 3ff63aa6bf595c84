package cli

import (
	"context"
	"flag"
	"fmt"
	"os"

	"lantoa/internal/app"
	"lantoa/internal/export"
)

// runExport writes a directive's results report at a unit as a file in
// the official layout (DOCX, PDF) or as its annex of figures (XLSX).
func runExport(ctx context.Context, args []string, stdio Stdio, getenv func(string) string) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stdio.Err)
	f := addDirectiveFlags(fs, getenv, "mã đơn vị báo cáo (mặc định: đơn vị ban hành nếu có trong cơ sở dữ liệu, nếu không thì đơn vị cao nhất mà văn bản đã đến)")
	format := fs.String("format", "", "định dạng tệp: docx, pdf hoặc xlsx (bắt buộc)")
	out := fs.String("o", "", "tệp ghi ra, - để in ra đầu ra chuẩn (bắt buộc)")
	fs.Usage = func() {
		fmt.Fprintln(stdio.Err, "Cách dùng: lantoa export --directive SỐ/KÝ-HIỆU [--date dd/mm/yyyy] [--unit MÃ] [--as-of dd/mm/yyyy] --format docx|pdf|xlsx -o TỆP [--db DSN]\nXuất báo cáo kết quả triển khai một văn bản theo thể thức văn bản (docx, pdf) hoặc phụ lục số liệu (xlsx).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || *f.directive == "" || *out == "" || *format == "" {
		fs.Usage()
		return 2
	}
	ff, err := export.ParseFormat(*format)
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", err)
		return 2
	}
	run, status := f.resolve(ctx, stdio)
	if status != 0 {
		return status
	}
	defer run.Close()
	svc, sys, d := run.svc, app.System(), run.doc
	q := app.ResultsQuery{Directive: d.ID, On: run.on}
	if *f.unit != "" {
		u, err := svc.UnitByCode(ctx, *f.unit)
		if err != nil {
			fmt.Fprintln(stdio.Err, "lantoa:", oneLine(err.Error()))
			return 1
		}
		q.Unit = u.ID
	}
	res, err := svc.ResultsReport(ctx, sys, q)
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", oneLine(err.Error()))
		return 1
	}
	data, err := res.File(ff)
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa: không tạo được tệp:", err)
		return 1
	}
	if *out == "-" {
		if _, err := stdio.Out.Write(data); err != nil {
			fmt.Fprintln(stdio.Err, "lantoa:", err)
			return 1
		}
		return 0
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintln(stdio.Err, "lantoa: không ghi được tệp:", err)
		return 1
	}
	fmt.Fprintf(stdio.Out, "Đã ghi %s: báo cáo kết quả %s tại %s, tính đến ngày %s (%d byte)\n",
		*out, d.NumberSymbol, res.Unit, dmy(res.Rollup.On.Format("2006-01-02")), len(data))
	return 0
}
