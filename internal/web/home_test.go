package web

import (
	"regexp"
	"strings"
	"testing"

	"lantoa/internal/store/storetest"
)

// The home page lists, beside the to-do list, the documents that came
// last into the person's own registers, newest first, each linking to it.
func TestWebHomeListsNewDocumentsOfOnesOwnRegisters(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		h, s := demoSiteOn(t, dsn, demoCampaignDay)
		clerk := session(t, h, "btgthu.vanthu")
		uploadLetter(t, h, clerk, "tp-btg", "969/LĐLĐ")
		home := text(request(t, h, "GET", "/", clerk, nil))
		i := strings.Index(home, "<h2>Văn bản mới</h2>")
		if i < 0 {
			t.Fatalf("home of the city board's clerk has no \"Văn bản mới\":\n%s", home)
		}
		recent := home[i:]
		letter, province := directiveID(t, s, "969/LĐLĐ"), directiveID(t, s, "71-HD/BTGTU")
		letterAt := strings.Index(recent, `<a href="/van-ban/`+letter+`">Công văn 969/LĐLĐ</a>`)
		provinceAt := strings.Index(recent, `<a href="/van-ban/`+province+`">Hướng dẫn 71-HD/BTGTU</a>`)
		if letterAt < 0 || provinceAt < 0 || letterAt > provinceAt {
			t.Errorf("new documents: want the letter entered today before the province's guidance (arrived in 2022), both linked:\n%s", recent)
		}
		if n := len(regexp.MustCompile(`<a href="/van-ban/\d+">`).FindAllString(recent, -1)); n == 0 || n > recentCount {
			t.Errorf("new documents: %d listed, want 1 to %d", n, recentCount)
		}

		// The provincial federation's clerk does not see the city board's documents.
		other := text(request(t, h, "GET", "/", session(t, h, "ldld.vanthu"), nil))
		if !strings.Contains(other, "Văn bản mới") || strings.Contains(other, "969/LĐLĐ") {
			t.Errorf("home of the federation's clerk: want its own new documents and not the city board's:\n%s", other)
		}
	})
}
