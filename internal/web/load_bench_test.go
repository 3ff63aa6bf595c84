package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/demo"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
)

// loadClients is how many clients keep a request in flight at once: a
// province's officers opening the dashboard before a deadline.
const loadClients = 16

// BenchmarkLoadDashboard serves the demo province's dashboard over real
// connections to loadClients concurrent clients and, in the same run, a
// bare net/http handler that only writes a short text, so the figures say
// what the page costs beside what the machine can serve at all. b.N is the
// number of requests sent to each. Run:
//
//	LANTOA_TEST_POSTGRES=… go test ./internal/web -run '^$' -bench LoadDashboard -benchtime 3000x
func BenchmarkLoadDashboard(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) {
		benchLoad(b, filepath.Join(b.TempDir(), "lantoa.db"))
	})
	b.Run("postgres", func(b *testing.B) {
		benchLoad(b, storetest.PostgresDSN(b))
	})
}

func benchLoad(b *testing.B, dsn string) {
	s := storetest.Open(b, dsn)
	if _, err := demo.Load(context.Background(), s, demoPassword); err != nil {
		b.Fatalf("load the demo: %v", err)
	}
	site := httptest.NewServer(New(Options{App: app.New(s, nil), Ping: s.Ping}))
	defer site.Close()
	bare := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok\n")
	}))
	defer bare.Close()

	client := &http.Client{
		Transport:     &http.Transport{MaxIdleConnsPerHost: loadClients},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	cookie := benchSignIn(b, client, site.URL)
	url := site.URL + "/theo-doi/" + benchDirective(b, s) + "?don-vi=ltu&ngay=31/12/2022"
	if res, err := get(client, url, cookie); err != nil || res != http.StatusOK {
		b.Fatalf("dashboard: %d, %v", res, err)
	}

	b.ResetTimer()
	page := load(b, client, url, cookie, b.N)
	base := load(b, client, bare.URL, nil, b.N)
	b.StopTimer()
	b.ReportMetric(page.rate, "dashboard-req/s")
	b.ReportMetric(ms(page.p99), "dashboard-p99-ms")
	b.ReportMetric(base.rate, "bare-req/s")
	b.ReportMetric(ms(base.p99), "bare-p99-ms")
	b.ReportMetric(100*page.rate/base.rate, "%-of-bare")
}

type loadResult struct {
	rate float64 // requests per second
	p99  time.Duration
}

// load sends n GET requests to url from loadClients clients at once.
func load(b *testing.B, client *http.Client, url string, cookie *http.Cookie, n int) loadResult {
	var next atomic.Int64
	latencies := make([]time.Duration, n)
	var wg sync.WaitGroup
	start := time.Now()
	for range loadClients {
		wg.Go(func() {
			for {
				i := next.Add(1) - 1
				if i >= int64(n) {
					return
				}
				t0 := time.Now()
				status, err := get(client, url, cookie)
				latencies[i] = time.Since(t0)
				if err != nil || status != http.StatusOK {
					b.Errorf("GET %s: %d, %v", url, status, err)
					return
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(latencies)
	return loadResult{rate: float64(n) / elapsed.Seconds(), p99: latencies[(len(latencies)*99)/100]}
}

func get(client *http.Client, url string, cookie *http.Cookie) (int, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return 0, err
	}
	if cookie != nil {
		req.AddCookie(cookie)
	}
	res, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode, nil
}

func benchSignIn(b *testing.B, client *http.Client, base string) *http.Cookie {
	req, _ := http.NewRequest("POST", base+"/dang-nhap", strings.NewReader("ten=admin&mat-khau="+url.QueryEscape(demoPassword)))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := client.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	res.Body.Close()
	for _, c := range res.Cookies() {
		if c.Name == cookieName {
			return c
		}
	}
	b.Fatalf("sign in as admin: %d and no session cookie", res.StatusCode)
	return nil
}

func benchDirective(b *testing.B, s *store.Store) string {
	ds, err := app.New(s, nil).DocumentsByNumber(context.Background(), app.System(), "12-CT/TW")
	if err != nil || len(ds) != 1 {
		b.Fatalf("find 12-CT/TW: %d, %v", len(ds), err)
	}
	return strconv.FormatInt(int64(ds[0].ID), 10)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
