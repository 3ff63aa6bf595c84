// Package report is what units did and what they report: indicators and
// indicator sets, propaganda activities, results reports, and the roll-up
// of results up the organisation. Figures are kept as numerator and
// denominator; percentages are computed when shown, never stored. It does
// no I/O.
package report

import (
	"strings"

	"lantoa/internal/document"
	"lantoa/internal/problem"
)

// Kind is what an indicator's value is.
type Kind string

const (
	Count Kind = "count" // a number of things: buổi, lượt, người
	Ratio Kind = "ratio" // a numerator of a denominator: đảng viên dự / tổng số đảng viên
	Text  Kind = "text"  // words: the issues public opinion raises
)

// Aggregation is how values of an indicator add up the organisation.
type Aggregation string

const (
	Sum      Aggregation = "sum"      // add numbers (and denominators)
	Distinct Aggregation = "distinct" // count the distinct units that did it, once however often
	None     Aggregation = "none"     // not added up: text
)

// Indicator is one figure units report. Its code names it in every set:
// a set chooses codes, it does not redefine them.
type Indicator struct {
	Code        string // "TTM.luot_nghe"
	Form        string // "TTM"
	Label       string // "Lượt người nghe"
	Measure     string // đơn vị tính: "lượt"
	Kind        Kind
	Aggregation Aggregation
	Ordinal     int // place in the catalogue, for listing
}

// Validate checks an indicator before it is stored.
func (i Indicator) Validate() error {
	switch {
	case i.Code == "" || strings.ContainsAny(i.Code, " \t\n"):
		return problem.Errorf(problem.Invalid, "Mã chỉ tiêu %q không hợp lệ (không được trống hay chứa khoảng trắng)", i.Code)
	case FormByCode(i.Form).Code == "":
		return problem.Errorf(problem.Invalid, "Chỉ tiêu %s: hình thức %q không có trong danh mục", i.Code, i.Form)
	case strings.TrimSpace(i.Label) == "":
		return problem.Errorf(problem.Invalid, "Chỉ tiêu %s phải có tên", i.Code)
	}
	switch i.Kind {
	case Count, Ratio:
		if i.Aggregation != Sum && i.Aggregation != Distinct {
			return problem.Errorf(problem.Invalid, "Chỉ tiêu số %s phải cộng dồn (sum) hoặc đếm đơn vị (distinct)", i.Code)
		}
		if i.Kind == Ratio && i.Aggregation == Distinct {
			return problem.Errorf(problem.Invalid, "Chỉ tiêu tỷ lệ %s phải cộng tử số và mẫu số (sum)", i.Code)
		}
	case Text:
		if i.Aggregation != None {
			return problem.Errorf(problem.Invalid, "Chỉ tiêu dạng chữ %s không cộng dồn được (none)", i.Code)
		}
	default:
		return problem.Errorf(problem.Invalid, "Chỉ tiêu %s: loại %q không có (count, ratio, text)", i.Code, i.Kind)
	}
	return nil
}

// Same reports whether two definitions of a code agree on what adds up:
// a code keeps its kind and aggregation in every set.
func (i Indicator) Same(o Indicator) bool {
	return i.Code == o.Code && i.Form == o.Form && i.Kind == o.Kind && i.Aggregation == o.Aggregation
}

// IndicatorSet is the list of indicators a directive asks units to report
// (its annex), or the default catalogue.
type IndicatorSet struct {
	ID         int64
	Code       string // "mac-dinh", "ct12-phu-luc"
	Name       string
	Document   document.ID // the directive it belongs to; 0 for a catalogue
	Indicators []Indicator
}

// DefaultSetCode is the code of the catalogue shipped with the product.
const DefaultSetCode = "mac-dinh"

// Validate checks a set: a name, indicators valid and each once.
func (s IndicatorSet) Validate() error {
	if strings.TrimSpace(s.Code) == "" || strings.ContainsAny(s.Code, " \t\n") {
		return problem.Errorf(problem.Invalid, "Mã bộ chỉ tiêu %q không hợp lệ", s.Code)
	}
	if strings.TrimSpace(s.Name) == "" {
		return problem.Errorf(problem.Invalid, "Bộ chỉ tiêu %s phải có tên", s.Code)
	}
	if len(s.Indicators) == 0 {
		return problem.Errorf(problem.Invalid, "Bộ chỉ tiêu %s chưa có chỉ tiêu nào", s.Code)
	}
	seen := map[string]bool{}
	for _, i := range s.Indicators {
		if err := i.Validate(); err != nil {
			return err
		}
		if seen[i.Code] {
			return problem.Errorf(problem.Invalid, "Chỉ tiêu %s có hai lần trong bộ %s", i.Code, s.Code)
		}
		seen[i.Code] = true
	}
	return nil
}

// Indicator finds an indicator of the set by code.
func (s IndicatorSet) Indicator(code string) (Indicator, bool) {
	for _, i := range s.Indicators {
		if i.Code == code {
			return i, true
		}
	}
	return Indicator{}, false
}
