// Package task is what a document asks of a unit (an assignment) and the
// life of that request: sent, received, acknowledged, implementing,
// reported, then accepted or returned. Lateness is derived from the
// deadline and a day, never stored. It does no I/O.
package task

import (
	"strings"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/problem"
	"lantoa/internal/vn"
)

// ID identifies an assignment.
type ID int64

// Role is the part a unit plays in an assignment.
type Role string

const (
	Lead    Role = "lead"    // chủ trì
	Support Role = "support" // phối hợp
	Inform  Role = "inform"  // để biết: nothing to report
)

// RoleOf reads a role as documents write it ("chủ trì", "phối hợp", "để
// biết"); anything else is a lead role, the usual case of "Tổ chức thực hiện".
func RoleOf(text string) Role {
	switch f := vn.Fold(text); {
	case strings.Contains(f, "phoi hop"):
		return Support
	case strings.Contains(f, "de biet"):
		return Inform
	}
	return Lead
}

// Label is the role in the users' words.
func (r Role) Label() string {
	switch r {
	case Support:
		return "Phối hợp"
	case Inform:
		return "Để biết"
	}
	return "Chủ trì"
}

// Status is where an assignment stands.
type Status string

const (
	Sent         Status = "sent"         // Đã gửi
	Received     Status = "received"     // Đã nhận
	Acknowledged Status = "acknowledged" // Đã xem
	Implementing Status = "implementing" // Đang triển khai: the unit issued its own document
	Reported     Status = "reported"     // Đã báo cáo
	Accepted     Status = "accepted"     // Đã duyệt
	Returned     Status = "returned"     // Trả lại: the report must be redone
)

// Statuses lists the stages in order.
var Statuses = []Status{Sent, Received, Acknowledged, Implementing, Reported, Accepted, Returned}

// Label is the status in the users' words.
func (s Status) Label() string {
	switch s {
	case Sent:
		return "Đã gửi"
	case Received:
		return "Đã nhận"
	case Acknowledged:
		return "Đã xem"
	case Implementing:
		return "Đang triển khai"
	case Reported:
		return "Đã báo cáo"
	case Accepted:
		return "Đã duyệt"
	case Returned:
		return "Trả lại"
	}
	return string(s)
}

// moves lists, for each status, the statuses an assignment may move to.
var moves = map[Status][]Status{
	Sent:         {Received, Acknowledged, Implementing, Reported},
	Received:     {Acknowledged, Implementing, Reported},
	Acknowledged: {Implementing, Reported},
	Implementing: {Reported},
	Reported:     {Accepted, Returned},
	Returned:     {Reported, Implementing},
	Accepted:     nil,
}

// CanMove reports whether an assignment in status from may move to to.
func CanMove(from, to Status) bool {
	for _, s := range moves[from] {
		if s == to {
			return true
		}
	}
	return false
}

// From lists the statuses from which an assignment may move to to.
func From(to Status) []Status {
	var out []Status
	for _, from := range Statuses {
		if CanMove(from, to) {
			out = append(out, from)
		}
	}
	return out
}

// Deadline is when results are due: a date, or only words ("trong báo cáo
// năm 2022") when the document gives none.
type Deadline struct {
	Date time.Time
	Text string
}

// IsZero reports whether there is no deadline at all.
func (d Deadline) IsZero() bool { return d.Date.IsZero() && d.Text == "" }

// Assignment is what a document asks of one unit.
type Assignment struct {
	ID           ID
	Document     document.ID
	Assignee     org.ID
	Assigner     org.ID // the issuing unit, when known
	Role         Role
	Task         string
	Due          Deadline
	IndicatorSet int64
	Status       Status

	// When each stage was first reached (zero: not yet).
	SentAt, ReceivedAt, AcknowledgedAt, ImplementingAt, ReportedAt, AcceptedAt, ReturnedAt time.Time
	ImplementingDoc                                                                        document.ID
	CreatedAt                                                                              time.Time
	UpdatedAt                                                                              time.Time
}

// Validate checks an assignment before it is stored.
func (a Assignment) Validate() error {
	switch {
	case a.Document == 0:
		return problem.Errorf(problem.Invalid, "Nhiệm vụ phải thuộc một văn bản")
	case a.Assignee == 0:
		return problem.Errorf(problem.Invalid, "Nhiệm vụ phải giao cho một đơn vị")
	case a.Role != Lead && a.Role != Support && a.Role != Inform:
		return problem.Errorf(problem.Invalid, "Vai trò %q không có (chủ trì, phối hợp, để biết)", a.Role)
	}
	return nil
}

// Overdue reports whether, on day today, the deadline has passed with no
// report in: late is red on every page, and it is computed, never stored.
func (a Assignment) Overdue(today time.Time) bool {
	if a.Role == Inform || a.Due.Date.IsZero() || !today.After(a.Due.Date) {
		return false
	}
	return a.Status != Reported && a.Status != Accepted
}

// DaysLate is how many days past the deadline an overdue assignment is.
func (a Assignment) DaysLate(today time.Time) int {
	if !a.Overdue(today) {
		return 0
	}
	return int(today.Sub(a.Due.Date).Hours() / 24)
}

// Reached reports whether the assignment had reached stage s by the end of
// day on. Returned counts as having reported; Accepted implies every stage.
func (a Assignment) Reached(s Status, on time.Time) bool {
	end := on.AddDate(0, 0, 1)
	before := func(t time.Time) bool { return !t.IsZero() && t.Before(end) }
	switch s {
	case Sent:
		return before(a.SentAt)
	case Received:
		return before(a.ReceivedAt) || a.Reached(Acknowledged, on)
	case Acknowledged:
		return before(a.AcknowledgedAt) || a.Reached(Implementing, on)
	case Implementing:
		return before(a.ImplementingAt) || a.Reached(Reported, on)
	case Reported:
		return before(a.ReportedAt) || a.Reached(Accepted, on)
	case Accepted:
		return before(a.AcceptedAt)
	case Returned:
		return before(a.ReturnedAt)
	}
	return false
}

// Event is one step in an assignment's life.
type Event struct {
	ID         int64
	Assignment ID
	Status     Status
	At         time.Time
	Account    int64
	Document   document.ID // the implementing document, for Implementing
	Note       string
}
