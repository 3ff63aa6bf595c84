package report

import (
	"sort"
	"strings"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/task"
	"lantoa/internal/vn"
)

// ID identifies a results report.
type ID int64

// Status is where a report stands.
type Status string

const (
	Draft       Status = "draft"       // Dự thảo
	Submitted   Status = "submitted"   // Đã gửi
	Returned    Status = "returned"    // Trả lại: to be corrected
	Resubmitted Status = "resubmitted" // Đã gửi lại
	Accepted    Status = "accepted"    // Đã duyệt
)

// Label is the status in the users' words.
func (s Status) Label() string {
	switch s {
	case Draft:
		return "Dự thảo"
	case Submitted:
		return "Đã gửi"
	case Returned:
		return "Trả lại"
	case Resubmitted:
		return "Đã gửi lại"
	case Accepted:
		return "Đã duyệt"
	}
	return string(s)
}

// Editable reports whether the unit may still change the report.
func (s Status) Editable() bool { return s == Draft || s == Returned }

// Awaiting reports whether the report waits for the directing unit's decision.
func (s Status) Awaiting() bool { return s == Submitted || s == Resubmitted }

// SubmitStatus is the status a report takes when sent from status s: a
// second sending, after a return, is marked as such.
func (s Status) SubmitStatus() (Status, error) {
	switch s {
	case Draft:
		return Submitted, nil
	case Returned:
		return Resubmitted, nil
	}
	return s, problem.Errorf(problem.Conflict, "Báo cáo đang ở trạng thái \"%s\", không gửi được", s.Label())
}

// Period is the days a report covers, both ends included.
type Period struct {
	From, To time.Time
}

// Contains reports whether day d lies in the period.
func (p Period) Contains(d time.Time) bool { return !d.Before(p.From) && !d.After(p.To) }

// Narrative is the written part of a report.
type Narrative struct {
	Results     string `json:"ket_qua"` // kết quả
	Opinion     string `json:"du_luan"` // dư luận xã hội
	Limitations string `json:"han_che"` // hạn chế
	Proposals   string `json:"de_xuat"` // đề xuất
}

// Normalise trims the narrative and puts it in NFC.
func (n *Narrative) Normalise() {
	for _, p := range []*string{&n.Results, &n.Opinion, &n.Limitations, &n.Proposals} {
		*p = strings.TrimSpace(vn.NFC(*p))
	}
}

// ReportValue is a reported figure with the figure the system computed
// beside it; when a person changes it, who and when are kept.
type ReportValue struct {
	Value
	Auto         Value // computed from activities and the reports below
	OverriddenBy int64
	OverriddenAt time.Time
}

// Overridden reports whether a person changed the computed figure.
func (v ReportValue) Overridden() bool { return !v.OverriddenAt.IsZero() }

// Report is a unit's answer to an assignment (or to a directive) for a
// period, or its periodic report (monthly, quarterly…) over all its work.
type Report struct {
	ID          ID
	Unit        org.ID
	Assignment  task.ID     // 0 when the report answers a directive only
	Directive   document.ID // the document whose cascade it reports on; 0 for a periodic report
	PeriodKind  string      // a periodic report's kind (cadence.Kind: monthly…annual); empty on a directive
	Period      Period
	Status      Status
	Values      []ReportValue
	Narrative   Narrative
	Comment     string // why it was returned
	CreatedBy   int64
	CreatedAt   time.Time
	UpdatedAt   time.Time
	SubmittedAt time.Time
	DecidedAt   time.Time
	DecidedBy   int64
}

// Validate checks what a report must have before it is stored.
func (r Report) Validate() error {
	switch {
	case r.Unit == 0:
		return problem.Errorf(problem.Invalid, "Báo cáo phải của một đơn vị")
	case r.Directive == 0 && r.PeriodKind == "":
		return problem.Errorf(problem.Invalid, "Báo cáo phải trả lời một nhiệm vụ hoặc văn bản chỉ đạo")
	case r.Period.From.IsZero() || r.Period.To.IsZero():
		return problem.Errorf(problem.Invalid, "Báo cáo phải có kỳ báo cáo (từ ngày, đến ngày)")
	case r.Period.To.Before(r.Period.From):
		return problem.Errorf(problem.Invalid, "Kỳ báo cáo kết thúc (%s) trước khi bắt đầu (%s)", vn.FormatDate(r.Period.To), vn.FormatDate(r.Period.From))
	}
	return nil
}

// Value finds a reported figure by indicator code.
func (r Report) Value(code string) (ReportValue, bool) {
	for _, v := range r.Values {
		if v.Code == code {
			return v, true
		}
	}
	return ReportValue{}, false
}

// Prefill computes the values of a report from its sources (the unit's own
// activities, the accepted reports of the units below it): numerators and
// denominators add up, texts are joined one paragraph each. A figure a
// person overrode keeps its value, with the computed one refreshed beside it.
func Prefill(current []ReportValue, defs map[string]Indicator, sources ...[]Value) []ReportValue {
	auto := map[string]*Value{}
	var order []string
	slot := func(code string) *Value {
		if auto[code] == nil {
			auto[code] = &Value{Code: code}
			order = append(order, code)
		}
		return auto[code]
	}
	for _, vs := range sources {
		for _, v := range vs {
			def, ok := defs[v.Code]
			if !ok {
				continue
			}
			a := slot(v.Code)
			if def.Kind == Text {
				if v.Text != "" && a.Text != "" {
					a.Text += "\n"
				}
				a.Text += v.Text
				continue
			}
			a.Num += v.Num
			a.Den += v.Den
		}
	}
	kept := map[string]ReportValue{}
	for _, c := range current {
		if c.Overridden() {
			kept[c.Code] = c
			slot(c.Code)
		}
	}
	out := make([]ReportValue, 0, len(order))
	for _, code := range order {
		rv := ReportValue{Value: *auto[code], Auto: *auto[code]}
		if c, ok := kept[code]; ok {
			rv.Value, rv.OverriddenBy, rv.OverriddenAt = c.Value, c.OverriddenBy, c.OverriddenAt
		}
		out = append(out, rv)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := defs[out[i].Code], defs[out[j].Code]
		if a.Ordinal != b.Ordinal {
			return a.Ordinal < b.Ordinal
		}
		return out[i].Code < out[j].Code
	})
	return out
}

// Override sets a figure by hand, keeping the computed one beside it.
func Override(current []ReportValue, v Value, by int64, at time.Time) []ReportValue {
	for i := range current {
		if current[i].Code == v.Code {
			current[i].Value, current[i].OverriddenBy, current[i].OverriddenAt = v, by, at
			return current
		}
	}
	return append(current, ReportValue{Value: v, Auto: Value{Code: v.Code}, OverriddenBy: by, OverriddenAt: at})
}

// Once reduces a unit's own values of a distinct-units indicator to one:
// the unit did it, however many activities say so.
func Once(vs []Value, defs map[string]Indicator) []Value {
	out := make([]Value, 0, len(vs))
	done := map[string]bool{}
	for _, v := range vs {
		if defs[v.Code].Aggregation == Distinct {
			if done[v.Code] || v.Num <= 0 {
				continue
			}
			done[v.Code] = true
			v.Num, v.Den = 1, 0
		}
		out = append(out, v)
	}
	return out
}
