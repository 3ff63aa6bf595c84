package e2e

import (
	"os"
	"path/filepath"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// download clicks what sel finds, as a user saving a file would, and
// returns the bytes the browser saved.
func (b *tab) download(what, sel string) []byte {
	b.t.Helper()
	dir := b.t.TempDir()
	ctx, cancel := b.step()
	defer cancel()
	ended := make(chan *cdpbrowser.EventDownloadProgress, 1)
	if err := chromedp.ListenBrowser(ctx, func(ev any) {
		if e, ok := ev.(*cdpbrowser.EventDownloadProgress); ok && e.State != cdpbrowser.DownloadProgressStateInProgress {
			select {
			case ended <- e:
			default:
			}
		}
	}); err != nil {
		b.t.Fatalf("%s: listen for the download: %v", what, err)
	}
	events := true
	if _, err := chromedp.CallBrowser(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, BrowserContextID: chromedp.FromContext(b.ctx).BrowserContextID,
		DownloadPath: dir, EventsEnabled: &events,
	}); err != nil {
		b.t.Fatalf("%s: allow downloads: %v", what, err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(sel)); err != nil {
		b.t.Fatalf("%s: %v (on %s)", what, err, b.location())
	}
	select {
	case e := <-ended:
		if e.State != cdpbrowser.DownloadProgressStateCompleted {
			b.t.Fatalf("%s: the download ended %s", what, e.State)
		}
		data, err := os.ReadFile(filepath.Join(dir, e.GUID))
		if err != nil {
			b.t.Fatalf("%s: read the downloaded file: %v", what, err)
		}
		return data
	case <-ctx.Done():
		b.t.Fatalf("%s: no download ended within %s", what, stepTimeout)
		return nil
	}
}
