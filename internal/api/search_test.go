package api_test

import (
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"lantoa/internal/store/storetest"
)

// GET /documents?q= ranks the notation typed first and gives each document
// its snippet, the words found in <mark> and the rest escaped.
func TestAPISearchRanksAndMarks(t *testing.T) {
	s := storetest.Open(t, filepath.Join(t.TempDir(), "lantoa.db"))
	h := demoAPI(t, s)
	token := signIn(t, h, "btgtu.vanthu")
	var page struct {
		Total int  `json:"total"`
		More  bool `json:"more"`
		Items []struct {
			NumberSymbol string `json:"number_symbol"`
			Snippet      string `json:"snippet"`
		} `json:"items"`
	}
	get(t, h, token, "/api/v1/documents?q="+url.QueryEscape("71-HD/BTGTU")).want(t, http.StatusOK, &page)
	if page.Total < 1 || page.Items[0].NumberSymbol != "71-HD/BTGTU" || !strings.Contains(page.Items[0].Snippet, "<mark>71</mark>") {
		t.Fatalf("search for 71-HD/BTGTU: %+v", page)
	}
	get(t, h, token, "/api/v1/documents?q="+url.QueryEscape("chi thi 12 doi ngoai")+"&limit=1").want(t, http.StatusOK, &page)
	if len(page.Items) != 1 || page.Items[0].NumberSymbol != "12-CT/TW" || page.Total < 2 {
		t.Errorf("chi thi 12 doi ngoai: %+v", page)
	}
	get(t, h, token, "/api/v1/documents?q=12&status=nothing").problem(t, http.StatusBadRequest)
}
