package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/report"
	"lantoa/internal/task"
	"lantoa/internal/vn"
)

func runRollup(ctx context.Context, args []string, stdio Stdio, getenv func(string) string) int {
	fs := flag.NewFlagSet("rollup", flag.ContinueOnError)
	fs.SetOutput(stdio.Err)
	f := addDirectiveFlags(fs, getenv, "mã đơn vị xem số liệu (mặc định: đơn vị ban hành văn bản)")
	asJSON := fs.Bool("json", false, "in kết quả dạng JSON")
	fs.Usage = func() {
		fmt.Fprintln(stdio.Err, "Cách dùng: lantoa rollup --directive SỐ/KÝ-HIỆU [--date dd/mm/yyyy] [--unit MÃ] [--as-of dd/mm/yyyy] [--json] [--db DSN]\nIn tình hình triển khai một văn bản: tiến độ nhận, triển khai, báo cáo; số liệu tổng hợp; đơn vị quá hạn.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 || *f.directive == "" {
		if *f.directive == "" && err == nil {
			fs.Usage()
		}
		return 2
	}
	run, status := f.resolve(ctx, stdio)
	if status != 0 {
		return status
	}
	defer run.Close()
	svc, d := run.svc, run.doc
	var unit org.ID
	switch {
	case *f.unit != "":
		u, err := svc.UnitByCode(ctx, *f.unit)
		if err != nil {
			fmt.Fprintln(stdio.Err, "lantoa:", oneLine(err.Error()))
			return 1
		}
		unit = u.ID
	case d.IssuerUnit != 0:
		unit = org.ID(d.IssuerUnit)
	default:
		fmt.Fprintf(stdio.Err, "lantoa: chưa biết đơn vị ban hành %s trong cơ sở dữ liệu; hãy chọn đơn vị bằng --unit MÃ\n", d.NumberSymbol)
		return 2
	}
	r, err := svc.Rollup(ctx, app.System(), d.ID, unit, run.on)
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", oneLine(err.Error()))
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdio.Out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		enc.Encode(r)
		return 0
	}
	printRollup(stdio.Out, d, r)
	return 0
}

// pickByDate chooses among documents sharing a number: the only one, or
// the one issued on day (dd/mm/yyyy).
func pickByDate(docs []document.Document, day string) (document.Document, bool) {
	if day == "" {
		return docs[0], len(docs) == 1
	}
	t, ok := parseDay(day)
	for _, d := range docs {
		if ok && d.Date == t.Format("2006-01-02") {
			return d, true
		}
	}
	return document.Document{}, false
}

// parseDay reads dd/mm/yyyy (or yyyy-mm-dd).
func parseDay(s string) (time.Time, bool) {
	for _, layout := range []string{"02/01/2006", "2/1/2006", "2006-01-02"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// printRollup writes the directive dashboard as text: coverage, figures,
// children and the late list.
func printRollup(w io.Writer, d document.Document, r report.Rollup) {
	fmt.Fprintf(w, "Theo dõi triển khai %s %s tại %s, tính đến ngày %s\n", d.DocType, d.NumberSymbol, r.Unit.Name, vn.FormatDate(r.On))
	if d.Subject != "" {
		fmt.Fprintf(w, "  %s\n", d.Subject)
	}
	c := r.Coverage
	fmt.Fprintf(w, "\nTiến độ (%d đơn vị được giao nhiệm vụ):\n", c.Assigned)
	for _, st := range []task.Status{task.Received, task.Acknowledged, task.Implementing, task.Reported, task.Accepted} {
		x, y := c.Of(st)
		fmt.Fprintf(w, "  %-16s %s\n", st.Label(), fraction(float64(x), float64(y)))
	}
	fmt.Fprintf(w, "  %-16s %d nhiệm vụ\n", "Quá hạn", c.Late)
	if len(r.Totals) > 0 {
		fmt.Fprintln(w, "\nSố liệu tổng hợp (theo hình thức):")
		form := ""
		for _, t := range r.Totals {
			if t.Indicator.Form != form {
				form = t.Indicator.Form
				fmt.Fprintf(w, "  %s\n", report.FormByCode(form).Name)
			}
			fmt.Fprintf(w, "    %-48s %s\n", t.Indicator.Label, totalText(t))
		}
	}
	if len(r.Children) > 0 {
		fmt.Fprintln(w, "\nTheo đơn vị trực thuộc (đã nhận / đã báo cáo / quá hạn):")
		for _, ch := range r.Children {
			if ch.Coverage.Assigned == 0 && len(ch.Totals) == 0 {
				continue
			}
			fmt.Fprintf(w, "  %-58s %s  %s  %d\n", ch.Unit.Name,
				fraction(float64(ch.Coverage.Received), float64(ch.Coverage.Assigned)),
				fraction(float64(ch.Coverage.Reported), float64(ch.Coverage.Assigned)), ch.Coverage.Late)
		}
	}
	if len(r.Late) > 0 {
		fmt.Fprintln(w, "\nQuá hạn báo cáo:")
		for _, l := range r.Late {
			fmt.Fprintf(w, "  - %s: hạn %s, quá %d ngày\n", l.Unit.Name, vn.FormatDate(l.Assignment.Due.Date), l.DaysLate)
		}
	}
}

// fraction writes "x/y (p%)" with Vietnamese separators and the
// percentage to one decimal (95,8%).
func fraction(x, y float64) string { return ratioText(x, y, "") }

func ratioText(x, y float64, measure string) string {
	s := strings.TrimSpace(report.FormatNumber(x) + "/" + report.FormatNumber(y) + " " + measure)
	if p, ok := report.Percent(x, y); ok {
		s += " (" + report.FormatNumber(math.Round(p*10)/10) + "%)"
	}
	return s
}

func totalText(t report.Total) string {
	m := t.Indicator.Measure
	switch {
	case t.Indicator.Kind == report.Ratio:
		return ratioText(t.Num, t.Den, m)
	case t.Indicator.Aggregation == report.Distinct:
		return report.FormatNumber(t.Num) + " đơn vị"
	}
	return strings.TrimSpace(report.FormatNumber(t.Num) + " " + m)
}
