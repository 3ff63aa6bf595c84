package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// ScreenshotsEnv names the directory screenshots are written to; without
// it they go to a temporary directory whose path the test logs.
const ScreenshotsEnv = "LANTOA_SCREENSHOTS"

// ChromiumEnv names a browser to use instead of /usr/bin/chromium.
const ChromiumEnv = "LANTOA_CHROMIUM"

// chromium finds the browser, or skips the test with the reason.
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("e2e: skipped under -short (starts a browser)")
	}
	if p := os.Getenv(ChromiumEnv); p != "" {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("e2e: skipped, %s=%s: %v", ChromiumEnv, p, err)
		}
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	t.Skip("e2e: skipped, Chromium is not installed (apt-get install chromium, or put chromium on PATH)")
	return ""
}

// browser starts one headless Chromium for the whole test and stops it
// when the test ends. Each subtest opens its own tab in it with newTab.
func browser(t *testing.T) context.Context {
	t.Helper()
	exe := chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		// The machine's network is closed: without these Chromium keeps
		// trying to reach Google's services.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 800),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelBrowser(); cancelAlloc() })
	// The first action starts the browser: fail here, clearly, if it cannot.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start Chromium %s: %v", exe, err)
	}
	return ctx
}

// tab is one browser tab on the site under test, with a cookie jar of its
// own, and the assertions a test makes on what it shows.
type tab struct {
	t     *testing.T
	ctx   context.Context
	base  string
	shots *shooter // nil: no screenshots from this tab
}

// newTab opens a tab in a fresh browser context (no cookies shared with
// other tabs) on the site at base.
func newTab(t *testing.T, browserCtx context.Context, base string, shots *shooter) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	ctx, stop := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(stop)
	// The first action opens the tab, which lives as long as the context
	// it was given: the tab's own, not a step's.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	return &tab{t: t, ctx: ctx, base: base, shots: shots}
}

// stepTimeout bounds one step: an element that never comes fails the
// step instead of hanging the test.
const stepTimeout = 20 * time.Second

func (b *tab) step() (context.Context, context.CancelFunc) {
	return context.WithTimeout(b.ctx, stepTimeout)
}

func (b *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := b.step()
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v (on %s)", what, err, b.location())
	}
}

// open goes to path and returns the HTTP status the page came with.
func (b *tab) open(path string) int64 {
	b.t.Helper()
	ctx, cancel := b.step()
	defer cancel()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(b.base+path))
	if err != nil {
		b.t.Fatalf("open %s: %v", path, err)
	}
	return resp.Status
}

// press clicks what sel finds (a button or a link) and waits for the page
// it leads to; it returns that page's HTTP status.
func (b *tab) press(what, sel string) int64 {
	b.t.Helper()
	ctx, cancel := b.step()
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		b.t.Fatalf("%s (click %s): %v (on %s)", what, sel, err, b.location())
	}
	return resp.Status
}

// fill types value into the field sel finds, replacing what was there.
func (b *tab) fill(sel, value string) {
	b.t.Helper()
	b.do("fill "+sel, chromedp.SetValue(chromedp.CSS(sel), value, chromedp.NodeReady))
}

// value is what the field sel finds holds.
func (b *tab) value(sel string) string {
	b.t.Helper()
	ctx, cancel := b.step()
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(sel), chromedp.NodeReady))
	if err != nil {
		b.t.Fatalf("read the field %s: %v (on %s)", sel, err, b.location())
	}
	return v
}

// has reports whether the page holds an element sel finds.
func (b *tab) has(sel string) bool {
	b.t.Helper()
	n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int]("document.querySelectorAll("+jsString(sel)+").length"))
	if err != nil {
		b.t.Fatalf("look for %s: %v", sel, err)
	}
	return n > 0
}

// linkNamed is a selector for the link under main whose text is name and
// whose address starts with prefix; the test stops when there is none.
func (b *tab) linkNamed(name, prefix string) string {
	b.t.Helper()
	href := eval[string](b, `[...document.querySelectorAll('main a[href^="`+prefix+`"]')].find(a => a.innerText.trim() === `+jsString(name)+`)?.getAttribute("href") ?? ""`)
	if href == "" {
		b.t.Fatalf("no link %q to %s… on %s:\n%s", name, prefix, b.location(), b.text())
	}
	return `main a[href="` + href + `"]`
}

// eval runs a JavaScript expression on the page and returns its value.
func eval[T any](b *tab, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

var spaces = regexp.MustCompile(`\s+`)

// text is the page's visible text with runs of white space (table cells,
// line breaks) made one space, as a reader takes it in.
func (b *tab) text() string {
	b.t.Helper()
	return strings.TrimSpace(spaces.ReplaceAllString(eval[string](b, "document.body.innerText"), " "))
}

// location is the path of the page the tab shows.
func (b *tab) location() string {
	loc, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		return "?"
	}
	return strings.TrimPrefix(loc, b.base)
}

// sees checks the page shows every part; it stops the test when it does
// not, since the next steps would act on the wrong page.
func (b *tab) sees(what string, parts ...string) {
	b.t.Helper()
	body := b.text()
	var missing []string
	for _, p := range parts {
		if !strings.Contains(body, p) {
			missing = append(missing, p)
		}
	}
	if len(missing) > 0 {
		b.t.Fatalf("%s (%s): the page does not show %q; it shows:\n%s", what, b.location(), missing, body)
	}
}

// signIn signs username in through the sign-in form and lands on home.
func (b *tab) signIn(username, password string) {
	b.t.Helper()
	b.open("/dang-nhap")
	b.fill("#ten", username)
	b.fill("#mat-khau", password)
	if st := b.press("sign in as "+username, `form[action="/dang-nhap"] button[type=submit]`); st != 200 {
		b.t.Fatalf("sign in as %s: got status %d:\n%s", username, st, b.text())
	}
	if loc := b.location(); loc != "/" {
		b.t.Fatalf("sign in as %s: landed on %s, want the home page:\n%s", username, loc, b.text())
	}
}

// signOut presses the sign-out button of the page's header (from the
// home page when the page shown has none, as an error page may not).
func (b *tab) signOut() {
	b.t.Helper()
	const button = `form[action="/dang-xuat"] button`
	if !b.has(button) {
		b.open("/")
	}
	b.press("sign out", button)
	if loc := b.location(); !strings.HasPrefix(loc, "/dang-nhap") {
		b.t.Fatalf("sign out: landed on %s, want the sign-in page", loc)
	}
}

func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// shooter writes full-page screenshots at the widths people use: a
// desktop and a small phone.
type shooter struct {
	dir  string
	mu   sync.Mutex
	used bool
}

// widths are the page widths screenshots are taken at, in CSS pixels.
var widths = []int64{1280, 360}

func newShooter(t *testing.T) *shooter {
	t.Helper()
	dir := os.Getenv(ScreenshotsEnv)
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("screenshots directory: %v", err)
	}
	t.Logf("screenshots in %s", dir)
	return &shooter{dir: dir}
}

// take returns the shooter to the first subtest that asks and nil to the
// others: the pages look the same on every database, so one set is enough.
func (s *shooter) take() *shooter {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.used {
		return nil
	}
	s.used = true
	return s
}

// shot takes the page the tab shows as name-1280.png and name-360.png,
// then puts the desktop width back.
func (b *tab) shot(name string) {
	b.t.Helper()
	if b.shots == nil {
		return
	}
	for _, w := range widths {
		var opts []chromedp.EmulateViewportOption
		if w < 600 {
			opts = append(opts, chromedp.EmulateMobile)
		}
		b.do("resize to "+name, chromedp.EmulateViewport(w, 800, opts...))
		png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
		if err != nil {
			b.t.Fatalf("screenshot %s at %d px: %v", name, w, err)
		}
		file := filepath.Join(b.shots.dir, name+"-"+strconv.FormatInt(w, 10)+".png")
		if err := os.WriteFile(file, png, 0o644); err != nil {
			b.t.Fatalf("write %s: %v", file, err)
		}
	}
	b.do("resize back", chromedp.EmulateViewport(1280, 800))
}
