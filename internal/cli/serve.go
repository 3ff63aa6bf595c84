package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/demo"
	"lantoa/internal/store"
	"lantoa/internal/vn"
	"lantoa/internal/web"
)

func runServe(ctx context.Context, args []string, stdio Stdio, getenv func(string) string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stdio.Err)
	addr := fs.String("addr", "127.0.0.1:8080", "địa chỉ và cổng nghe")
	db := dbFlag(fs, getenv)
	withDemo := fs.Bool("demo", false, "nạp dữ liệu mẫu Lai Châu nếu cơ sở dữ liệu còn trống và lấy ngày 20/12/2022 làm hôm nay")
	mail := addMailFlags(fs, getenv)
	fs.Usage = func() {
		fmt.Fprintln(stdio.Err, "Cách dùng: lantoa serve [--addr 127.0.0.1:8080] [--db DSN] [--demo] [--smtp HOST:PORT --smtp-from ĐỊA-CHỈ]\nChạy giao diện web (và gửi thư nhắc hạn mỗi 15 phút khi có máy chủ thư). Dừng bằng Ctrl+C.\nMật khẩu các tài khoản mẫu (--demo): biến LANTOA_DEMO_PASSWORD, nếu không có thì sinh ngẫu nhiên và in ra.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return 2
	}
	remind, mailing, err := mail.options()
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", err)
		return 2
	}
	s, err := openStore(ctx, *db, stdio)
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa:", err)
		return 1
	}
	defer s.Close()
	served := s // the store the pages use
	if *withDemo {
		sum, err := demo.Load(ctx, s, getenv("LANTOA_DEMO_PASSWORD"))
		if err != nil {
			fmt.Fprintln(stdio.Err, "lantoa: nạp dữ liệu mẫu không thành công:", oneLine(err.Error()))
			return 1
		}
		if sum.AlreadyLoaded {
			fmt.Fprintf(stdio.Out, "Cơ sở dữ liệu %s đã có dữ liệu mẫu; đăng nhập bằng các tài khoản mẫu đã in lần trước.\n", store.Redact(*db))
			if s.Engine() == store.SQLite {
				fmt.Fprintf(stdio.Out, "Quên mật khẩu mẫu: dừng chương trình, xóa tệp %s rồi chạy lại lệnh này để nạp lại dữ liệu mẫu.\n", *db)
			}
		} else {
			printDemoSummary(stdio, store.Redact(*db), sum)
		}
		served = s.WithClock(demo.Clock(time.Now))
		fmt.Fprintf(stdio.Out, "Bản chạy thử lấy ngày %s làm hôm nay, khi chiến dịch năm 2022 đang diễn ra; chạy không có --demo để dùng ngày thật.\n", vn.FormatDate(demo.Day))
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stdio.Err, "lantoa: không mở được cổng:", oneLine(err.Error()))
		return 1
	}
	log := slog.New(slog.NewTextHandler(stdio.Err, &slog.HandlerOptions{Level: slog.LevelInfo}))
	svc := app.New(served, log)
	srv := &http.Server{
		Handler:           web.New(web.Options{App: svc, Ping: served.Ping, Log: log, RemindDays: remind.Days}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(stdio.Out, "\nLan Tỏa đang chạy tại http://%s/ (dừng: Ctrl+C)\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	reminding := make(chan struct{})
	remindCtx, stopReminding := context.WithCancel(ctx)
	defer stopReminding()
	if mailing {
		fmt.Fprintf(stdio.Out, "Thư nhắc hạn báo cáo gửi qua %s mỗi %d phút.\n", *mail.smtp, int(remindPeriod.Minutes()))
		go func() {
			defer close(reminding)
			remindEvery(remindCtx, svc, remind, remindPeriod, log)
		}()
	} else {
		close(reminding)
	}
	select {
	case err := <-done:
		fmt.Fprintln(stdio.Err, "lantoa:", oneLine(err.Error()))
		stopReminding()
		<-reminding
		return 1
	case <-ctx.Done():
	}
	// Let the requests under way finish, within a limit.
	stop, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	stopReminding()
	<-reminding // a pass under way gives back the claims it could not send
	if err := srv.Shutdown(stop); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		fmt.Fprintln(stdio.Err, "lantoa:", oneLine(err.Error()))
		return 1
	}
	fmt.Fprintln(stdio.Out, "Đã dừng.")
	return 0
}

// remindPeriod is how often serve runs the reminder pass: a day's digests
// go out within a quarter of an hour of midnight, or of the start.
const remindPeriod = 15 * time.Minute
