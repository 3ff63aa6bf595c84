package document

import "encoding/json"

// MarshalJSON writes absent values as null and absent lists as [], so that a
// reader of the JSON can tell "not in the text" from an empty string.
func (m Metadata) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Family          *string      `json:"family"`
		DocType         *string      `json:"doc_type"`
		Number          *string      `json:"number"`
		Symbol          *string      `json:"symbol"`
		NumberSymbol    *string      `json:"number_symbol"`
		Issuer          *string      `json:"issuer"`
		ParentIssuer    *string      `json:"parent_issuer"`
		Place           *string      `json:"place"`
		Date            *string      `json:"date"`
		Subject         *string      `json:"subject"`
		Recipients      []string     `json:"recipients"`
		Citations       []Citation   `json:"citations"`
		SignerName      *string      `json:"signer_name"`
		SignerCapacity  []string     `json:"signer_capacity"`
		Distribution    []string     `json:"distribution"`
		Urgency         *string      `json:"urgency"`
		Confidentiality *string      `json:"confidentiality"`
		Assignments     []Assignment `json:"assignments"`
		ReportDeadline  *Deadline    `json:"report_deadline"`
		Forms           []string     `json:"forms"`
		Warnings        []string     `json:"warnings"`
	}{
		nullable(string(m.Family)), nullable(m.DocType), nullable(m.Number), nullable(m.Symbol),
		nullable(m.NumberSymbol), nullable(m.Issuer), nullable(m.ParentIssuer), nullable(m.Place),
		nullable(m.Date), nullable(m.Subject), list(m.Recipients), list(m.Citations),
		nullable(m.SignerName), list(m.SignerCapacity), list(m.Distribution), nullable(m.Urgency),
		nullable(m.Confidentiality), list(m.Assignments), m.ReportDeadline, list(m.Forms), list(m.Warnings),
	})
}

// MarshalJSON writes an unknown date or issuer as null.
func (c Citation) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		NumberSymbol string   `json:"number_symbol"`
		DocType      *string  `json:"doc_type"`
		Date         *string  `json:"date"`
		Issuer       *string  `json:"issuer"`
		Relation     Relation `json:"relation"`
	}{c.NumberSymbol, nullable(c.DocType), nullable(c.Date), nullable(c.Issuer), c.Relation})
}

// MarshalJSON writes a deadline without a date as {"date": null, …}.
func (d Deadline) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Date *string `json:"date"`
		Text string  `json:"text"`
	}{nullable(d.Date), d.Text})
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func list[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
