package report

import (
	"math"
	"strings"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/task"
	"lantoa/internal/vn"
)

// ActivityID identifies an activity.
type ActivityID int64

// Value is one indicator's figure: Num alone for a count, Num of Den for a
// ratio, Text for words.
type Value struct {
	Code string
	Num  float64
	Den  float64
	Text string
}

// Target is what an activity answers: an assignment (its document then
// follows) or a directive document directly.
type Target struct {
	Document   document.ID
	Assignment task.ID // 0 when linked to the document only
}

// File is an evidence file of an activity: a photo, an attendance list.
type File struct {
	SHA256 string
	Name   string
	Size   int64
}

// Activity is something a unit did to spread a directive.
type Activity struct {
	ID        ActivityID
	Unit      org.ID
	Form      string // a Forms code
	Started   time.Time
	Ended     time.Time // the day its results count from; the start day for a one-day activity
	Title     string
	Place     string
	Links     []string // post, video, article
	Values    []Value
	Targets   []Target
	Files     []File
	Demo      bool
	CreatedBy int64
	CreatedAt time.Time
}

// Normalise puts the activity's text in NFC and fills the end day of a
// one-day activity.
func (a *Activity) Normalise() {
	a.Title, a.Place = strings.TrimSpace(vn.NFC(a.Title)), strings.TrimSpace(vn.NFC(a.Place))
	links := a.Links[:0]
	for _, l := range a.Links {
		if l = strings.TrimSpace(vn.NFC(l)); l != "" {
			links = append(links, l)
		}
	}
	a.Links = links
	for i := range a.Values {
		a.Values[i].Text = strings.TrimSpace(vn.NFC(a.Values[i].Text))
	}
	if a.Ended.IsZero() {
		a.Ended = a.Started
	}
}

// Validate checks an activity against the indicators its values name.
func (a Activity) Validate(defs map[string]Indicator) error {
	switch {
	case a.Unit == 0:
		return problem.Errorf(problem.Invalid, "Hoạt động phải thuộc một đơn vị")
	case FormByCode(a.Form).Code == "":
		return problem.Errorf(problem.Invalid, "Hình thức tuyên truyền %q không có trong danh mục", a.Form)
	case a.Title == "":
		return problem.Errorf(problem.Invalid, "Hoạt động phải có tên")
	case a.Started.IsZero():
		return problem.Errorf(problem.Invalid, "Hoạt động phải có ngày thực hiện")
	case a.Ended.Before(a.Started):
		return problem.Errorf(problem.Invalid, "Ngày kết thúc (%s) trước ngày bắt đầu (%s)", vn.FormatDate(a.Ended), vn.FormatDate(a.Started))
	case len(a.Targets) == 0:
		return problem.Errorf(problem.Invalid, "Hoạt động phải gắn với ít nhất một nhiệm vụ hoặc văn bản chỉ đạo")
	}
	seen := map[string]bool{}
	for _, v := range a.Values {
		def, ok := defs[v.Code]
		if !ok {
			return problem.Errorf(problem.Invalid, "Chỉ tiêu %q không có trong danh mục", v.Code)
		}
		if def.Form != a.Form {
			return problem.Errorf(problem.Invalid, "Chỉ tiêu \"%s\" thuộc hình thức %s, không thuộc hình thức %s của hoạt động",
				def.Label, FormByCode(def.Form).Name, FormByCode(a.Form).Name)
		}
		if seen[v.Code] {
			return problem.Errorf(problem.Invalid, "Chỉ tiêu \"%s\" được nhập hai lần", def.Label)
		}
		seen[v.Code] = true
		if err := def.Check(v); err != nil {
			return err
		}
	}
	return nil
}

// Check tests a value against the indicator's kind.
func (i Indicator) Check(v Value) error {
	bad := func(n float64) bool { return n < 0 || math.IsNaN(n) || math.IsInf(n, 0) }
	switch i.Kind {
	case Count:
		if bad(v.Num) || v.Den != 0 || v.Text != "" {
			return problem.Errorf(problem.Invalid, "Chỉ tiêu \"%s\" là một số không âm", i.Label)
		}
	case Ratio:
		if bad(v.Num) || bad(v.Den) || v.Text != "" {
			return problem.Errorf(problem.Invalid, "Chỉ tiêu \"%s\" cần tử số và mẫu số không âm", i.Label)
		}
		if v.Num > v.Den {
			return problem.Errorf(problem.Invalid, "Chỉ tiêu \"%s\": tử số %s lớn hơn mẫu số %s", i.Label, FormatNumber(v.Num), FormatNumber(v.Den))
		}
	case Text:
		if v.Text == "" || v.Num != 0 || v.Den != 0 {
			return problem.Errorf(problem.Invalid, "Chỉ tiêu \"%s\" cần nội dung bằng chữ", i.Label)
		}
	}
	return nil
}
