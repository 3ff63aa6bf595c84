package cli

import (
	"bytes"
	"context"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"lantoa/internal/store/storetest"
)

// syncBuffer is a buffer the server goroutine writes while the test reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestServeWithDemoAnswersAndStopsOnCancel(t *testing.T) {
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var out, errb syncBuffer
		env := map[string]string{"LANTOA_DEMO_PASSWORD": "mật khẩu mẫu Lai Châu"}
		code := make(chan int, 1)
		go func() {
			code <- Main(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", dsn, "--demo"},
				Stdio{In: strings.NewReader(""), Out: &out, Err: &errb}, func(k string) string { return env[k] })
		}()
		address := regexp.MustCompile(`đang chạy tại (http://\S+/)`)
		var base string
		for deadline := time.Now().Add(30 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if m := address.FindStringSubmatch(out.String()); m != nil {
				base = m[1]
			}
		}
		if base == "" {
			cancel()
			t.Fatalf("no address printed:\n%s\n%s", out.String(), errb.String())
		}
		for _, want := range []string{"mttqtp.chuyenvien", "mật khẩu mẫu Lai Châu"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("output lacks the demo account detail %q:\n%s", want, out.String())
			}
		}
		if !strings.Contains(out.String(), "lấy ngày 20/12/2022 làm hôm nay") {
			t.Errorf("output does not say which day the demo takes as today:\n%s", out.String())
		}
		// On the demo's day the city Front's late report is days late,
		// not years.
		home := signedInHome(t, base, "mttqtp.chuyenvien", env["LANTOA_DEMO_PASSWORD"])
		if m := regexp.MustCompile(`Quá hạn (\d+) ngày`).FindStringSubmatch(home); m == nil || len(m[1]) > 2 {
			t.Errorf("home page of the city Front on the demo's day: want its report late by days, got %q:\n%s", m, home)
		}
		res, err := http.Get(base + "healthz")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("/healthz: got %d, want 200", res.StatusCode)
		}
		cancel()
		select {
		case c := <-code:
			if c != 0 || !strings.Contains(out.String(), "Đã dừng.") {
				t.Errorf("after cancel: exit %d, output %q; want 0 and Đã dừng.", c, out.String())
			}
		case <-time.After(15 * time.Second):
			t.Fatal("serve did not stop after its context was cancelled")
		}
	})
}

// signedInHome signs in at base as username and returns the home page.
func signedInHome(t *testing.T, base, username, pw string) string {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	res, err := client.PostForm(base+"dang-nhap", url.Values{"ten": {username}, "mat-khau": {pw}})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || res.Request.URL.Path != "/" {
		t.Fatalf("sign in as %s: got %d at %s:\n%s", username, res.StatusCode, res.Request.URL, b)
	}
	return html.UnescapeString(string(b))
}
