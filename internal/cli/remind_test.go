package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/notify/smtptest"
	"lantoa/internal/org"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
	"lantoa/internal/task"
)

func runCLI(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb strings.Builder
	code = Main(context.Background(), args, Stdio{In: strings.NewReader(""), Out: &out, Err: &errb}, func(k string) string { return env[k] })
	return code, out.String(), errb.String()
}

// On the demo's 16/12/2022 the provincial board's leader hears, in one
// e-mail, of the two district boards a day late; a second run that day
// sends nothing again.
func TestRemindSendsOneDigestADay(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		env := map[string]string{"LANTOA_DEMO_PASSWORD": "mật khẩu mẫu Lai Châu"}
		if code, _, errs := runCLI(t, env, "demo", "--db", dsn); code != 0 {
			t.Fatalf("demo: %d %s", code, errs)
		}
		code, out, errs := runCLI(t, env, "remind", "--db", dsn, "--as-of", "16/12/2022", "--dry-run")
		if code != 0 || !strings.Contains(out, "<btgtu.lanhdao@lantoa.example>: [Lan Tỏa] Nhắc hạn báo cáo ngày 16/12/2022: 2 nhiệm vụ, 2 quá hạn") ||
			!strings.Contains(out, "(Ban Tuyên giáo Huyện ủy Mường Tè), hạn 15/12/2022, quá hạn 1 ngày") {
			t.Fatalf("dry run: %d\n%s%s", code, out, errs)
		}
		srv := smtptest.Start(t)
		env["LANTOA_SMTP"] = srv.Addr
		send := []string{"remind", "--db", dsn, "--as-of", "16/12/2022", "--smtp-from", "nhac-viec@lantoa.example"}
		if code, out, errs := runCLI(t, env, send...); code != 0 || !strings.Contains(out, "Đã gửi 1 thư; 0 thư đã gửi từ trước") {
			t.Fatalf("send: %d\n%s%s", code, out, errs)
		}
		if code, out, _ := runCLI(t, env, send...); code != 0 || !strings.Contains(out, "Đã gửi 0 thư; 1 thư đã gửi từ trước") {
			t.Errorf("second run: %d\n%s", code, out)
		}
		if m := srv.Messages(); len(m) != 1 || m[0].To[0] != "btgtu.lanhdao@lantoa.example" {
			t.Errorf("delivered %+v", m)
		}
	})
}

func TestRemindSaysWhatIsMissing(t *testing.T) {
	db := t.TempDir() + "/lantoa.db"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"remind", "--db", db}, "chưa có máy chủ thư"},
		{[]string{"remind", "--db", db, "--smtp", "mail.example"}, "HOST:PORT"},
		{[]string{"remind", "--db", db, "--smtp", "127.0.0.1:25"}, "--smtp-from"},
		{[]string{"remind", "--db", db, "--dry-run", "--remind-days", "3,ba"}, "--remind-days"},
		{[]string{"remind", "--db", db, "--dry-run", "--as-of", "31/02/2023"}, "dd/mm/yyyy"},
		{[]string{"serve", "--db", db, "--smtp", "127.0.0.1:25"}, "--smtp-from"},
	} {
		code, _, errs := runCLI(t, nil, c.args...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", c.args, code, errs, c.want)
		}
	}
}

// serve, given a mail server, mails at start the reminders of the day.
func TestServeMailsTheDaysRemindersAtStart(t *testing.T) {
	db := t.TempDir() + "/lantoa.db"
	ctx := context.Background()
	s := storetest.Open(t, db)
	svc := app.New(s, nil)
	unit, err := svc.CreateUnit(ctx, app.System(), org.Unit{Code: "xa", Name: "Đảng ủy xã Bình Lư", Kind: org.PartyCommittee, Family: document.Party,
		Valid: org.Span{From: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}})
	if err != nil {
		t.Fatal(err)
	}
	err = s.InTx(ctx, func(tx *store.Tx) error {
		if _, err := tx.CreateAccount(ctx, org.Account{Username: "an", DisplayName: "Lò Văn An", Email: "an@lantoa.example",
			Memberships: []org.Membership{{Unit: unit.ID, Role: org.Officer}}}); err != nil {
			return err
		}
		d, err := tx.CreateDocument(ctx, document.Document{Status: document.Received, Metadata: document.Metadata{NumberSymbol: "71-HD/BTGTU", DocType: "Hướng dẫn"}})
		if err != nil {
			return err
		}
		_, err = tx.CreateAssignment(ctx, task.Assignment{Document: d.ID, Assignee: unit.ID, Role: task.Lead, Due: task.Deadline{Date: svc.Today().AddDate(0, 0, 1)}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	srv := smtptest.Start(t)
	env := map[string]string{"LANTOA_SMTP": srv.Addr, "LANTOA_SMTP_FROM": "nhac-viec@lantoa.example"}
	run, cancel := context.WithCancel(ctx)
	defer cancel()
	var out, errb syncBuffer
	code := make(chan int, 1)
	go func() {
		code <- Main(run, []string{"serve", "--addr", "127.0.0.1:0", "--db", db}, Stdio{In: strings.NewReader(""), Out: &out, Err: &errb}, func(k string) string { return env[k] })
	}()
	for deadline := time.Now().Add(30 * time.Second); len(srv.Messages()) == 0 && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
	}
	cancel()
	if c := <-code; c != 0 {
		t.Fatalf("serve: exit %d\n%s%s", c, out.String(), errb.String())
	}
	m := srv.Messages()
	if len(m) != 1 || m[0].To[0] != "an@lantoa.example" {
		t.Fatalf("delivered %+v\n%s%s", m, out.String(), errb.String())
	}
	if !strings.Contains(out.String(), "Thư nhắc hạn báo cáo gửi qua "+srv.Addr+" mỗi 15 phút") {
		t.Errorf("serve does not say it mails reminders:\n%s", out.String())
	}
}
