package cli

import (
	"context"
	"flag"
	"fmt"

	"lantoa/internal/app"
	"lantoa/internal/demo"
	"lantoa/internal/report"
	"lantoa/internal/store"
)

func runDemo(ctx context.Context, args []string, stdio Stdio, getenv func(string) string) int {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stdio.Err)
	db := dbFlag(fs, getenv)
	fs.Usage = func() {
		fmt.Fprintln(stdio.Err, "Cách dùng: lantoa demo [--db DSN]\nNạp dữ liệu mẫu Lai Châu 2022 (tổ chức, văn bản, nhiệm vụ, hoạt động, báo cáo) vào cơ sở dữ liệu.\nMật khẩu các tài khoản mẫu: biến LANTOA_DEMO_PASSWORD, nếu không có thì sinh ngẫu nhiên và in ra.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return 2
	}
	s, err := openStore(ctx, *db, stdio)
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", err)
		return 1
	}
	defer s.Close()
	sum, err := demo.Load(ctx, s, getenv("LANTOA_DEMO_PASSWORD"))
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa: nạp dữ liệu mẫu không thành công:", oneLine(err.Error()))
		return 1
	}
	if sum.AlreadyLoaded {
		fmt.Fprintf(stdio.Out, "Cơ sở dữ liệu %s đã có dữ liệu mẫu; không nạp lại.\n", store.Redact(*db))
	} else {
		printDemoSummary(stdio, store.Redact(*db), sum)
	}
	svc := app.New(s, nil)
	d, err := svc.Document(ctx, app.System(), sum.Directive)
	if err == nil {
		var r report.Rollup
		if r, err = svc.Rollup(ctx, app.System(), sum.Directive, sum.Province, sum.AsOf); err == nil {
			fmt.Fprintln(stdio.Out)
			printRollup(stdio.Out, d, r)
			fmt.Fprintf(stdio.Out, "\nXem lại bất cứ lúc nào: lantoa rollup --directive %s --unit ltu --as-of %s\n", d.NumberSymbol, sum.AsOf.Format("02/01/2006"))
		}
	}
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", oneLine(err.Error()))
		return 1
	}
	return 0
}

func printDemoSummary(stdio Stdio, db string, sum demo.Summary) {
	w := stdio.Out
	fmt.Fprintf(w, "Đã nạp dữ liệu mẫu Lai Châu vào %s (số liệu hoạt động, báo cáo là DỮ LIỆU MẪU, không phải số liệu thật):\n", db)
	fmt.Fprintf(w, "  %d đơn vị, %d văn bản, %d nhiệm vụ, %d hoạt động tuyên truyền, %d báo cáo\n",
		sum.Units, sum.Documents, sum.Assignments, sum.Activities, sum.Reports)
	fmt.Fprintf(w, "\nTài khoản mẫu (mật khẩu chung: %s):\n", sum.Password)
	for _, a := range sum.Accounts {
		fmt.Fprintf(w, "  %-18s %-13s %s\n", a.Username, a.Role, a.Units)
	}
}
