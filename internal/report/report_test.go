package report

import (
	"reflect"
	"testing"
	"time"
)

func TestCatalogueIsValidAndKeepsPersonsApartFromAttendances(t *testing.T) {
	c := Catalogue()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, i := range c.Indicators {
		if i.Measure == "lượt" && i.Kind != Count || i.Kind == Ratio && i.Aggregation != Sum {
			t.Errorf("%s: %s %s %s", i.Code, i.Kind, i.Aggregation, i.Measure)
		}
	}
	for _, f := range Forms {
		if _, ok := c.Indicator(f.Code + ".x"); ok {
			t.Errorf("unexpected indicator %s.x", f.Code)
		}
		found := false
		for _, i := range c.Indicators {
			found = found || i.Form == f.Code
		}
		if !found {
			t.Errorf("form %s (%s) has no indicator", f.Code, f.Name)
		}
	}
}

func TestPrefillAddsSourcesAndKeepsOverrides(t *testing.T) {
	defs := map[string]Indicator{}
	for _, i := range Catalogue().Indicators {
		defs[i.Code] = i
	}
	at := time.Date(2022, 7, 20, 9, 0, 0, 0, time.UTC)
	own := Once([]Value{{Code: "SHCD.don_vi", Num: 1}, {Code: "SHCD.don_vi", Num: 1}, {Code: "TTM.buoi", Num: 2}, {Code: "DLXH.van_de", Text: "Giá phân bón"}}, defs)
	below := []Value{{Code: "SHCD.don_vi", Num: 3}, {Code: "SHCB.chi_bo", Num: 3, Den: 4}, {Code: "SHCB.chi_bo", Num: 2, Den: 2},
		{Code: "DLXH.van_de", Text: "Sạt lở đất"}, {Code: "khong.co", Num: 9}}
	current := Override(nil, Value{Code: "TTM.buoi", Num: 5}, 7, at)
	got := Prefill(current, defs, own, below)
	want := []ReportValue{
		{Value: Value{Code: "SHCB.chi_bo", Num: 5, Den: 6}, Auto: Value{Code: "SHCB.chi_bo", Num: 5, Den: 6}},
		{Value: Value{Code: "SHCD.don_vi", Num: 4}, Auto: Value{Code: "SHCD.don_vi", Num: 4}},
		{Value: Value{Code: "TTM.buoi", Num: 5}, Auto: Value{Code: "TTM.buoi", Num: 2}, OverriddenBy: 7, OverriddenAt: at},
		{Value: Value{Code: "DLXH.van_de", Text: "Giá phân bón\nSạt lở đất"}, Auto: Value{Code: "DLXH.van_de", Text: "Giá phân bón\nSạt lở đất"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Prefill =\n%+v\nwant\n%+v", got, want)
	}
}

func TestNumbersAndPercentagesAreWrittenTheVietnameseWay(t *testing.T) {
	for _, c := range []struct {
		num, den float64
		want     string
	}{{7, 8, "87,5%"}, {1, 3, "33,33%"}, {2, 2, "100%"}, {1, 0, "—"}} {
		if got := FormatPercent(c.num, c.den); got != c.want {
			t.Errorf("FormatPercent(%v, %v) = %q, want %q", c.num, c.den, got, c.want)
		}
	}
	if got := FormatNumber(1234567.5); got != "1.234.567,5" {
		t.Errorf("FormatNumber = %q", got)
	}
}

func TestReportStatusesMoveInOrder(t *testing.T) {
	if s, err := Draft.SubmitStatus(); s != Submitted || err != nil {
		t.Errorf("draft → %s %v", s, err)
	}
	if s, err := Returned.SubmitStatus(); s != Resubmitted || err != nil {
		t.Errorf("returned → %s %v", s, err)
	}
	if _, err := Accepted.SubmitStatus(); err == nil {
		t.Error("an accepted report was sent again")
	}
	if Submitted.Editable() || !Returned.Editable() || !Resubmitted.Awaiting() {
		t.Error("editable/awaiting wrong")
	}
}
