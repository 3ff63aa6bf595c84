package web

import (
	"net/url"

	"lantoa/internal/report"
)

// indicatorField is an indicator on a form with what the form holds for
// it: as typed, or the stored figure written for reading.
type indicatorField struct {
	report.Indicator
	Num, Den, Text string
	Auto           string // on a report: the figure computed from activities and reports below
	Overridden     bool   // on a report: a person set the figure by hand
	Error          string
}

// Name is the form field of the figure (the numerator of a ratio); a
// ratio's denominator is Name followed by "-mau".
func (f indicatorField) Name() string { return "ct-" + f.Code }

// IsRatio and IsText choose the inputs a template shows.
func (f indicatorField) IsRatio() bool { return f.Kind == report.Ratio }
func (f indicatorField) IsText() bool  { return f.Kind == report.Text }

// shown fills the field with a stored value.
func (f *indicatorField) shown(v report.Value) {
	switch f.Kind {
	case report.Text:
		f.Text = v.Text
	case report.Ratio:
		f.Num, f.Den = report.FormatNumber(v.Num), report.FormatNumber(v.Den)
	default:
		f.Num = report.FormatNumber(v.Num)
	}
}

// valueText is a stored value as a sentence shows it.
func valueText(i report.Indicator, v report.Value) string {
	switch i.Kind {
	case report.Text:
		return v.Text
	case report.Ratio:
		return report.FormatNumber(v.Num) + "/" + report.FormatNumber(v.Den)
	}
	return report.FormatNumber(v.Num)
}

// read takes the field's figure from a submitted form, keeping what was
// typed for showing again. given is false when the person left it empty;
// a figure that cannot be read or breaks the indicator's rule sets Error.
func (f *indicatorField) read(form url.Values) (v report.Value, given bool) {
	v.Code = f.Code
	f.Num, f.Den = clean(form.Get(f.Name())), clean(form.Get(f.Name()+"-mau"))
	switch f.Kind {
	case report.Text:
		f.Text, f.Num, f.Den = f.Num, "", ""
		v.Text = f.Text
		return v, v.Text != ""
	case report.Ratio:
		if f.Num == "" && f.Den == "" {
			return v, false
		}
		num, okNum := parseNumber(f.Num)
		den, okDen := parseNumber(f.Den)
		if !okNum || !okDen {
			f.Error = "Hãy nhập cả tử số và mẫu số bằng số, ví dụ 45 trên 50"
			return v, true
		}
		v.Num, v.Den = num, den
	default:
		if f.Num == "" {
			return v, false
		}
		num, ok := parseNumber(f.Num)
		if !ok {
			f.Error = "Hãy nhập một số, ví dụ 1.250 hoặc 12,5"
			return v, true
		}
		v.Num = num
	}
	if err := f.Check(v); err != nil {
		_, f.Error = statusOf(err)
	}
	return v, true
}

// fieldGroup is the indicators of one form of propaganda on a report form.
type fieldGroup struct {
	Name   string // the form's name; "Chỉ tiêu khác" for a code outside the catalogue
	Fields []indicatorField
}

// groupFields puts fields (in set order) under their forms of propaganda,
// so a long report form reads in sections.
func groupFields(fs []indicatorField) []fieldGroup {
	var out []fieldGroup
	for _, f := range fs {
		name := report.FormByCode(f.Form).Name
		if name == "" {
			name = "Chỉ tiêu khác"
		}
		if len(out) == 0 || out[len(out)-1].Name != name {
			out = append(out, fieldGroup{Name: name})
		}
		last := &out[len(out)-1]
		last.Fields = append(last.Fields, f)
	}
	return out
}
