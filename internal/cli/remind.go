package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"slices"
	"strconv"
	"strings"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/notify"
	"lantoa/internal/vn"
)

// mailFlags are the e-mail settings shared by serve and remind. The SMTP
// user and password come from the environment only, never from flags a
// process list shows.
type mailFlags struct {
	smtp, from, days, baseURL *string
	user, password            string
}

func addMailFlags(fs *flag.FlagSet, getenv func(string) string) *mailFlags {
	def := func(name, fallback string) string {
		if v := getenv(name); v != "" {
			return v
		}
		return fallback
	}
	return &mailFlags{
		smtp:     fs.String("smtp", getenv("LANTOA_SMTP"), "máy chủ thư HOST:PORT để gửi thư nhắc hạn (mặc định: biến LANTOA_SMTP; tài khoản: LANTOA_SMTP_USER, LANTOA_SMTP_PASSWORD)"),
		from:     fs.String("smtp-from", def("LANTOA_SMTP_FROM", ""), "địa chỉ gửi thư nhắc hạn, ví dụ nhac-viec@tinh.gov.vn (mặc định: biến LANTOA_SMTP_FROM)"),
		days:     fs.String("remind-days", def("LANTOA_REMIND_DAYS", "3,1"), "nhắc trước hạn bao nhiêu ngày, cách nhau bằng dấu phẩy"),
		baseURL:  fs.String("base-url", getenv("LANTOA_BASE_URL"), "địa chỉ trang web để thư có đường dẫn tới nhiệm vụ, ví dụ https://lantoa.tinh.gov.vn"),
		user:     getenv("LANTOA_SMTP_USER"),
		password: getenv("LANTOA_SMTP_PASSWORD"),
	}
}

// remindDays reads "3,1": whole numbers of days from 0 (the day itself) to 60.
func remindDays(s string) ([]int, error) {
	var days []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 || n > 60 {
			return nil, fmt.Errorf("--remind-days %q: mỗi số ngày phải là số nguyên từ 0 đến 60, ví dụ 3,1", s)
		}
		if !slices.Contains(days, n) {
			days = append(days, n)
		}
	}
	return days, nil
}

// options checks the settings and turns them into a pass's options;
// configured is false when no mail server is named.
func (m *mailFlags) options() (o app.RemindOptions, configured bool, err error) {
	if o.Days, err = remindDays(*m.days); err != nil {
		return o, false, err
	}
	o.BaseURL = strings.TrimRight(strings.TrimSpace(*m.baseURL), "/")
	if *m.smtp == "" {
		return o, false, nil
	}
	if _, _, err := net.SplitHostPort(*m.smtp); err != nil {
		return o, false, fmt.Errorf("--smtp %q phải có dạng HOST:PORT, ví dụ mail.tinh.gov.vn:587", *m.smtp)
	}
	if !strings.Contains(*m.from, "@") {
		return o, false, fmt.Errorf("hãy ghi địa chỉ gửi thư: --smtp-from hoặc biến LANTOA_SMTP_FROM")
	}
	o.From = strings.TrimSpace(*m.from)
	o.Sender = notify.SMTP{Addr: *m.smtp, User: m.user, Password: m.password}
	return o, true, nil
}

func runRemind(ctx context.Context, args []string, stdio Stdio, getenv func(string) string) int {
	fs := flag.NewFlagSet("remind", flag.ContinueOnError)
	fs.SetOutput(stdio.Err)
	db := dbFlag(fs, getenv)
	asOf := fs.String("as-of", "", "nhắc cho ngày dd/mm/yyyy (mặc định: hôm nay)")
	dryRun := fs.Bool("dry-run", false, "chỉ in những thư sẽ gửi, không gửi")
	mail := addMailFlags(fs, getenv)
	fs.Usage = func() {
		fmt.Fprintln(stdio.Err, "Cách dùng: lantoa remind [--db DSN] [--as-of dd/mm/yyyy] [--dry-run] [--smtp HOST:PORT --smtp-from ĐỊA-CHỈ] [--remind-days 3,1]\n"+
			"Gửi mỗi người một thư nhắc các nhiệm vụ sắp đến hạn hoặc quá hạn báo cáo của ngày; chạy lại trong ngày không gửi trùng.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return 2
	}
	opts, configured, err := mail.options()
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", err)
		return 2
	}
	if !configured && !*dryRun {
		fmt.Fprintln(stdio.Err, "lantoa: chưa có máy chủ thư: ghi --smtp HOST:PORT (hoặc biến LANTOA_SMTP), hoặc dùng --dry-run để chỉ xem các thư")
		return 2
	}
	opts.DryRun = *dryRun
	s, err := openStore(ctx, *db, stdio)
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", err)
		return 1
	}
	defer s.Close()
	svc := app.New(s, nil)
	day := svc.Today()
	if *asOf != "" {
		var ok bool
		if day, ok = parseDay(*asOf); !ok {
			fmt.Fprintf(stdio.Err, "lantoa: ngày %q không đúng dạng dd/mm/yyyy\n", *asOf)
			return 2
		}
	}
	res, err := svc.Remind(ctx, day, opts)
	printRemind(stdio.Out, res)
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", oneLine(err.Error()))
		return 1
	}
	if res.Failed > 0 {
		return 1
	}
	return 0
}

// printRemind says what a pass sent, or would send.
func printRemind(w io.Writer, res app.RemindResult) {
	fmt.Fprintf(w, "Nhắc hạn báo cáo ngày %s: %d thư\n", vn.FormatDate(res.Day), len(res.Digests))
	for _, d := range res.Digests {
		fmt.Fprintf(w, "\n%s <%s>: %s\n", d.Name, d.To, d.Subject())
		for _, it := range d.Items {
			fmt.Fprintf(w, "  - %s (%s), hạn %s, %s\n", it.Title, it.Unit, vn.FormatDate(it.Due), notify.When(it.DaysLeft))
		}
	}
	if len(res.NoAddress) > 0 {
		fmt.Fprintf(w, "\nChưa có địa chỉ thư điện tử (chỉ xem được trên trang web): %s\n", strings.Join(res.NoAddress, ", "))
	}
	if res.Sent+res.Taken+res.Failed > 0 {
		fmt.Fprintf(w, "\nĐã gửi %d thư; %d thư đã gửi từ trước; %d thư gửi không được (lần chạy sau sẽ gửi lại).\n", res.Sent, res.Taken, res.Failed)
	}
}

// remindEvery runs the reminder pass at start and then every period,
// for the day of svc's clock, until ctx ends; it returns when the pass
// under way has finished.
func remindEvery(ctx context.Context, svc *app.Service, opts app.RemindOptions, period time.Duration, log *slog.Logger) {
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		res, err := svc.Remind(ctx, svc.Today(), opts)
		switch {
		case err != nil && ctx.Err() == nil:
			log.Error("reminder pass", "err", err)
		case res.Sent+res.Failed > 0:
			log.Info("reminder pass", "day", vn.FormatDate(res.Day), "sent", res.Sent, "failed", res.Failed, "already_sent", res.Taken)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
