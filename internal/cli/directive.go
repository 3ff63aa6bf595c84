package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/store"
)

// directiveFlags are how rollup and export name what they are about: a
// directive by number and notation (and date, when several share it), a
// unit and the day the figures stand on.
type directiveFlags struct {
	db, directive, date, unit, asOf *string
}

func addDirectiveFlags(fs *flag.FlagSet, getenv func(string) string, unitHelp string) directiveFlags {
	return directiveFlags{
		db:        dbFlag(fs, getenv),
		directive: fs.String("directive", "", "số, ký hiệu của văn bản chỉ đạo, ví dụ 12-CT/TW (bắt buộc)"),
		date:      fs.String("date", "", "ngày ban hành dd/mm/yyyy, khi nhiều văn bản cùng số, ký hiệu"),
		unit:      fs.String("unit", "", unitHelp),
		asOf:      fs.String("as-of", "", "số liệu tính đến ngày dd/mm/yyyy (mặc định: hôm nay)"),
	}
}

// directiveRun is a resolved directive with the store it was found in;
// close it when done.
type directiveRun struct {
	store *store.Store
	svc   *app.Service
	doc   document.Document
	on    time.Time // zero: today
}

func (r directiveRun) Close() { r.store.Close() }

// resolve checks the day, opens the database and finds the directive. On
// failure it has said why and returns the exit status (2 for a usage
// mistake, 1 otherwise).
func (f directiveFlags) resolve(ctx context.Context, stdio Stdio) (directiveRun, int) {
	var r directiveRun
	if *f.asOf != "" {
		t, ok := parseDay(*f.asOf)
		if !ok {
			fmt.Fprintf(stdio.Err, "lantoa: ngày %q không đúng dạng dd/mm/yyyy\n", *f.asOf)
			return r, 2
		}
		r.on = t
	}
	s, err := openStore(ctx, *f.db, stdio)
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", err)
		return r, 1
	}
	r.store, r.svc = s, app.New(s, nil)
	docs, err := r.svc.DocumentsByNumber(ctx, app.System(), *f.directive)
	if err != nil {
		s.Close()
		fmt.Fprintln(stdio.Err, "lantoa:", oneLine(err.Error()))
		return r, 1
	}
	d, ok := pickByDate(docs, *f.date)
	if !ok {
		s.Close()
		fmt.Fprintf(stdio.Err, "lantoa: có %d văn bản số %s; hãy chọn bằng --date dd/mm/yyyy:\n", len(docs), *f.directive)
		for _, x := range docs {
			fmt.Fprintf(stdio.Err, "  %s ngày %s của %s\n", x.NumberSymbol, dmy(x.Date), x.Issuer)
		}
		return r, 2
	}
	r.doc = d
	return r, 0
}
