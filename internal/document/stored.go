package document

import (
	"strings"
	"time"
	"unicode"

	"lantoa/internal/problem"
	"lantoa/internal/vn"
)

// ID identifies a stored document.
type ID int64

// Status is where a document stands in its life.
type Status string

const (
	Draft    Status = "draft"    // dự thảo: being written, no number yet
	Issued   Status = "issued"   // ban hành: numbered and sent by its issuer here
	Received Status = "received" // đến: arrived from elsewhere
	Revoked  Status = "revoked"  // bị bãi bỏ
	Replaced Status = "replaced" // bị thay thế
)

// Register is a book a unit keeps documents in.
type Register string

const (
	Incoming  Register = "incoming"  // sổ văn bản đến: with arrival number and date
	Outgoing  Register = "outgoing"  // sổ văn bản đi: with the number allocated here
	Reference Register = "reference" // a parent directive kept for linking
)

// Document is a document as Lan Tỏa keeps it: the metadata read from its
// text (or typed) and confirmed by a clerk, and what the system knows
// beside it.
type Document struct {
	ID ID
	Metadata
	// Targets[i] is the stored document Citations[i] refers to, 0 while that
	// document is not in the system.
	Targets    []ID
	Status     Status
	IssuerUnit int64 // the unit that issued it, when known
	File       File
	Body       string // the extracted text
	CreatedBy  int64
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// File is an original file, stored once by content.
type File struct {
	SHA256 string
	Name   string
	Size   int64
}

// IssuedOn is the document's date, zero when the text shows none.
func (d Document) IssuedOn() time.Time {
	t, _ := time.Parse("2006-01-02", d.Date)
	return t
}

// Title is how a document is named in lists: "Hướng dẫn 71-HD/BTGTU".
func (d Document) Title() string {
	return strings.TrimSpace(strings.TrimSpace(d.DocType+" "+d.NumberSymbol) + titleSubject(d.Subject))
}

func titleSubject(s string) string {
	if s == "" {
		return ""
	}
	return " — " + s
}

// Confidential reports whether the document is marked Mật or above; such
// documents are shown only to people granted them.
func (d Document) Confidential() bool { return d.Confidentiality != "" }

// Validate checks a document before it is stored: a clerk must at least
// give what identifies it.
func (d Document) Validate() error {
	if strings.TrimSpace(d.NumberSymbol) == "" && strings.TrimSpace(d.Subject) == "" && d.Status != Draft {
		return problem.Errorf(problem.Invalid, "Văn bản phải có số, ký hiệu hoặc trích yếu")
	}
	if d.Date != "" {
		if _, err := time.Parse("2006-01-02", d.Date); err != nil {
			return problem.Errorf(problem.Invalid, "Ngày ban hành %q không đúng dạng năm-tháng-ngày", d.Date)
		}
	}
	switch d.Status {
	case Draft, Issued, Received, Revoked, Replaced:
	default:
		return problem.Errorf(problem.Invalid, "Trạng thái văn bản %q không có", d.Status)
	}
	return nil
}

// RefKey is the form of a number and notation used to match a citation to
// the document it names: folded, without spaces, dashes unified, so
// "967/LĐLĐ", "967/LĐLĐ " and "967/ LDLD" meet.
func RefKey(numberSymbol string) string {
	var b strings.Builder
	for _, r := range vn.Fold(vn.NFC(numberSymbol)) {
		switch {
		case unicode.IsSpace(r):
		case r == '–' || r == '—' || r == '‑':
			b.WriteByte('-')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// InCascade reports whether a citation of this relation makes the citing
// document part of the cited one's cascade: implementing it, basing itself
// on it or referring to it does; replacing or repealing it does not.
func (r Relation) InCascade() bool { return r != Replaces && r != Repeals }
