// Package document is the model of an administrative document as Lan Tỏa
// reads it, and the parser that fills it from plain text. It does no I/O.
package document

// Family is the rulebook a document follows; it decides numbering and layout.
type Family string

const (
	Party Family = "party" // Đảng: "Số 71-HD/BTGTU", ĐẢNG CỘNG SẢN VIỆT NAM
	State Family = "state" // Nhà nước: "Số: 12/UBND-VX", Quốc hiệu and Tiêu ngữ
	Union Family = "union" // Công đoàn: state layout, union issuers
	Front Family = "front" // Mặt trận Tổ quốc and the mass organisations under it
	Youth Family = "youth" // Đoàn TNCS Hồ Chí Minh
)

// Relation says how a document refers to another.
type Relation string

const (
	BasedOn    Relation = "căn cứ"     // "Căn cứ …", "Xét …"
	Implements Relation = "thực hiện"  // "Thực hiện …", "Triển khai …"
	Refers     Relation = "tham chiếu" // any other mention
	Replaces   Relation = "thay thế"
	Repeals    Relation = "bãi bỏ"
)

// Metadata is what the parser reads from a document's text. An empty string
// or nil slice means the text does not show the value: nothing is invented.
type Metadata struct {
	Family          Family       `json:"family"`
	DocType         string       `json:"doc_type"`      // "Hướng dẫn", "Công văn", …
	Number          string       `json:"number"`        // "967"
	Symbol          string       `json:"symbol"`        // "LĐLĐ", "HD/BTGTU"
	NumberSymbol    string       `json:"number_symbol"` // "967/LĐLĐ", "71-HD/BTGTU"
	Issuer          string       `json:"issuer"`
	ParentIssuer    string       `json:"parent_issuer"`
	Place           string       `json:"place"`
	Date            string       `json:"date"`    // ISO 8601, "2022-07-11"
	Subject         string       `json:"subject"` // trích yếu; the "V/v" text of a công văn
	Recipients      []string     `json:"recipients"`
	Citations       []Citation   `json:"citations"`
	SignerName      string       `json:"signer_name"`
	SignerCapacity  []string     `json:"signer_capacity"` // ["TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH"]
	Distribution    []string     `json:"distribution"`    // "Nơi nhận"
	Urgency         string       `json:"urgency"`         // "Khẩn", "Thượng khẩn", "Hỏa tốc"
	Confidentiality string       `json:"confidentiality"` // "Mật", "Tối mật", "Tuyệt mật"
	Assignments     []Assignment `json:"assignments"`
	ReportDeadline  *Deadline    `json:"report_deadline"`
	Forms           []string     `json:"forms"` // propaganda form codes: TTM, TQ, PT, MXH, …
	Warnings        []string     `json:"warnings"`
}

// Citation is another document this one refers to, as written.
type Citation struct {
	NumberSymbol string   `json:"number_symbol"`
	DocType      string   `json:"doc_type"`
	Date         string   `json:"date"` // ISO 8601
	Issuer       string   `json:"issuer"`
	Relation     Relation `json:"relation"`
}

// Assignment is a task the document gives a unit it names.
type Assignment struct {
	Assignee string `json:"assignee"`
	Task     string `json:"task"`
	Role     string `json:"role,omitempty"` // "chủ trì", "phối hợp" when the text says so
}

// Deadline is when results are due: a date when the text gives one,
// otherwise only the words ("trong báo cáo năm 2022").
type Deadline struct {
	Date string `json:"date"`
	Text string `json:"text"`
}
