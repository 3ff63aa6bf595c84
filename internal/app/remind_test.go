package app_test

import (
	"context"
	"errors"
	"mime"
	"net/mail"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/notify"
	"lantoa/internal/notify/smtptest"
	"lantoa/internal/org"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
	"lantoa/internal/task"
)

// remindWorld is the city's propaganda board with deadlines around
// 20/12/2022: one due in three days, one tomorrow, one in two days (no
// reminder that day), one reported, and a union federation a day late.
type remindWorld struct {
	*laiChau
	an, binh, cuong app.Actor
}

func newRemindWorld(t *testing.T, dsn string) *remindWorld {
	w := &remindWorld{laiChau: newLaiChau(t, dsn, "2022-12-01")}
	w.an = w.person("an", org.Officer, "btgthu")
	w.binh = w.person("binh", org.Leader, "btgtu")
	w.cuong = w.person("cuong", org.Officer, "ldld-td")
	w.email(w.an, "an@lantoa.example")
	w.email(w.binh, "binh@lantoa.example")
	w.assignTo("btgtu", "btgthu", "71-HD/BTGTU", "2022-12-23", task.Lead)
	w.assignTo("btgtu", "btgthu", "74-HD/BTGTU", "2022-12-21", task.Support)
	w.assignTo("btgtu", "btgthu", "73-HD/BTGTU", "2022-12-22", task.Lead)
	done := w.assignTo("btgtu", "btgthu", "75-HD/BTGTU", "2022-12-21", task.Lead)
	w.move(done, "2022-12-10", task.Received, task.Reported)
	w.assignTo("btgtu", "btgthu", "76-HD/BTGTU", "2022-12-21", task.Inform)
	w.assignTo("btgtu", "ldld-td", "72-HD/BTGTU", "2022-12-19", task.Lead)
	w.at("2022-12-20")
	return w
}

func (w *remindWorld) email(a app.Actor, addr string) {
	w.tx(func(ctx context.Context, tx *store.Tx) error { return tx.SetAccountEmail(ctx, a.Account, addr) })
}

// delivered reads each message the server got as recipient → subject and body.
func delivered(t *testing.T, srv *smtptest.Server) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, m := range srv.Messages() {
		msg, err := mail.ReadMessage(strings.NewReader(m.Data))
		if err != nil {
			t.Fatal(err)
		}
		subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		if err != nil {
			t.Fatal(err)
		}
		out[m.To[0]] = append(out[m.To[0]], subject)
	}
	return out
}

func TestTwoInstancesSendEachPersonOneDigest(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newRemindWorld(t, dsn)
		other := app.New(storetest.Open(t, dsn, store.WithClock(func() time.Time { return *w.clock })), nil)
		srv := smtptest.Start(t)
		opts := app.RemindOptions{From: "nhac-viec@lantoa.example", Sender: notify.SMTP{Addr: srv.Addr}}
		ctx := context.Background()
		var wg sync.WaitGroup
		results := make([]app.RemindResult, 2)
		errs := make([]error, 2)
		for i, svc := range []*app.Service{w.svc, other} {
			wg.Go(func() { results[i], errs[i] = svc.Remind(ctx, date("2022-12-20"), opts) })
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		got := delivered(t, srv)
		want := map[string][]string{
			"an@lantoa.example":   {"[Lan Tỏa] Nhắc hạn báo cáo ngày 20/12/2022: 2 nhiệm vụ"},
			"binh@lantoa.example": {"[Lan Tỏa] Nhắc hạn báo cáo ngày 20/12/2022: 1 nhiệm vụ, 1 quá hạn"},
		}
		if len(got) != len(want) || strings.Join(got["an@lantoa.example"], "|") != want["an@lantoa.example"][0] ||
			strings.Join(got["binh@lantoa.example"], "|") != want["binh@lantoa.example"][0] {
			t.Fatalf("delivered %v, want %v", got, want)
		}
		if sent := results[0].Sent + results[1].Sent; sent != 2 || results[0].Taken+results[1].Taken != 2 {
			t.Errorf("sent %d, taken %d + %d", sent, results[0].Taken, results[1].Taken)
		}
		if nobody := results[0].NoAddress; len(nobody) != 1 || nobody[0] != "Đồng chí cuong" {
			t.Errorf("people without an address: %v", nobody)
		}
		// The next pass of the day (every 15 minutes) sends nothing more.
		again, err := w.svc.Remind(ctx, date("2022-12-20"), opts)
		if err != nil || again.Sent != 0 || len(srv.Messages()) != 2 {
			t.Fatalf("second pass sent %d (%v); %d messages", again.Sent, err, len(srv.Messages()))
		}
	})
}

func TestADigestListsTheDueItemsInOrder(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newRemindWorld(t, dsn)
		res, err := w.svc.Remind(context.Background(), date("2022-12-20"), app.RemindOptions{DryRun: true, BaseURL: "https://lantoa.example"})
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, d := range res.Digests {
			for _, it := range d.Items {
				lines = append(lines, d.To+" "+it.Title+" "+notify.When(it.DaysLeft))
			}
		}
		sort.Strings(lines)
		want := []string{
			"an@lantoa.example Kế hoạch 71-HD/BTGTU — Kế hoạch 71-HD/BTGTU còn 3 ngày",
			"an@lantoa.example Kế hoạch 74-HD/BTGTU — Kế hoạch 74-HD/BTGTU còn 1 ngày",
			"binh@lantoa.example Kế hoạch 72-HD/BTGTU — Kế hoạch 72-HD/BTGTU quá hạn 1 ngày",
		}
		if strings.Join(lines, "\n") != strings.Join(want, "\n") {
			t.Fatalf("reminders:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
		}
		if link := res.Digests[0].Items[0].Link; !strings.HasPrefix(link, "https://lantoa.example/nhiem-vu/") {
			t.Errorf("link %q", link)
		}
		// A dry run claims nothing: a real pass afterwards still sends.
		srv := smtptest.Start(t)
		if res, err := w.svc.Remind(context.Background(), date("2022-12-20"), app.RemindOptions{From: "a@lantoa.example", Sender: notify.SMTP{Addr: srv.Addr}}); err != nil || res.Sent != 2 {
			t.Fatalf("after a dry run: sent %d, %v", res.Sent, err)
		}
		// Late assignments are mailed the first day late, then weekly.
		for day, want := range map[string]bool{"2022-12-21": false, "2022-12-27": true} {
			res, err := w.svc.Remind(context.Background(), date(day), app.RemindOptions{DryRun: true})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, d := range res.Digests {
				for _, it := range d.Items {
					found = found || strings.Contains(it.Title, "72-HD")
				}
			}
			if found != want {
				t.Errorf("on %s the late 72-HD mailed: %v, want %v", day, found, want)
			}
		}
	})
}

type failingSender struct{}

func (failingSender) Send(context.Context, string, string, []byte) error {
	return errors.New("máy chủ thư không trả lời")
}

func TestAFailedSendingIsTriedAgainByTheNextPass(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newRemindWorld(t, dsn)
		ctx := context.Background()
		res, err := w.svc.Remind(ctx, date("2022-12-20"), app.RemindOptions{From: "a@lantoa.example", Sender: failingSender{}})
		if err != nil || res.Failed != 2 || res.Sent != 0 {
			t.Fatalf("failing pass: %+v, %v", res, err)
		}
		srv := smtptest.Start(t)
		res, err = w.svc.Remind(ctx, date("2022-12-20"), app.RemindOptions{From: "a@lantoa.example", Sender: notify.SMTP{Addr: srv.Addr}})
		if err != nil || res.Sent != 2 || len(srv.Messages()) != 2 {
			t.Fatalf("next pass: %+v, %v", res, err)
		}
	})
}

func TestNoticesShowWhatIsNearAndWhatIsLate(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		w := newRemindWorld(t, dsn)
		ctx := context.Background()
		got := func(a app.Actor) []string {
			ns, err := w.svc.Notices(ctx, a, nil)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, n := range ns {
				s := n.Document.NumberSymbol + " " + notify.When(n.DaysLeft)
				if n.Assigned {
					s += " (" + n.Unit.Name + ")"
				}
				out = append(out, s)
			}
			return out
		}
		// Within three days, every day, the "để biết" and reported ones left out.
		if s := strings.Join(got(w.an), "; "); s != "74-HD/BTGTU còn 1 ngày; 73-HD/BTGTU còn 2 ngày; 71-HD/BTGTU còn 3 ngày" {
			t.Errorf("an: %s", s)
		}
		if s := strings.Join(got(w.binh), "; "); s != "72-HD/BTGTU quá hạn 1 ngày (Liên đoàn Lao động huyện Tam Đường)" {
			t.Errorf("binh: %s", s)
		}
		if s := strings.Join(got(w.cuong), "; "); s != "72-HD/BTGTU quá hạn 1 ngày" {
			t.Errorf("cuong: %s", s)
		}
	})
}
