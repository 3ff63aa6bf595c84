// Package org is the organisation Lan Tỏa follows: units, the direction
// links between them (a directed acyclic graph, each link valid over a
// range of dates), reorganisation events, and the people who act for units.
// It does no I/O.
package org

import (
	"sort"
	"strings"
	"time"

	"lantoa/internal/document"
	"lantoa/internal/problem"
	"lantoa/internal/vn"
)

// ID identifies a unit.
type ID int64

// Kind is what sort of body a unit is.
type Kind string

const (
	PartyCommittee  Kind = "party_committee"  // Tỉnh ủy, Thành ủy, Đảng ủy xã
	PartyBoard      Kind = "party_board"      // Ban Tuyên giáo, Ban Dân vận
	PartyCell       Kind = "party_cell"       // chi bộ, đảng bộ cơ sở
	UnionFederation Kind = "union_federation" // Liên đoàn Lao động tỉnh, huyện; công đoàn ngành
	GrassrootsUnion Kind = "grassroots_union" // công đoàn cơ sở
	FrontCommittee  Kind = "front_committee"  // Ủy ban MTTQ
	MassOrg         Kind = "mass_org"         // Đoàn Thanh niên, Hội LHPN, Hội Nông dân, Hội CCB
	StateOffice     Kind = "state_office"     // UBND, Sở, Phòng Văn hóa - Thông tin
	MediaCentre     Kind = "media_centre"     // Trung tâm Văn hóa - Thể thao - Truyền thông
	Press           Kind = "press"            // báo, đài
	Association     Kind = "association"      // Hội Văn học Nghệ thuật
)

// Kinds lists the kinds, in the order forms offer them.
var Kinds = []Kind{PartyCommittee, PartyBoard, PartyCell, UnionFederation, GrassrootsUnion,
	FrontCommittee, MassOrg, StateOffice, MediaCentre, Press, Association}

// Unit is a body that receives, implements and reports.
type Unit struct {
	ID        ID
	Code      string // handle for people and scripts, unique: "ltu-btg"
	Notation  string // code in document notation: "BTGTU"
	Name      string
	Kind      Kind
	Family    document.Family
	OrganID   string // mã định danh
	Place     string // địa danh before the date: "Lai Châu"
	Valid     Span
	Demo      bool
	CreatedAt time.Time
}

// Validate checks a unit before it is stored.
func (u Unit) Validate() error {
	switch {
	case strings.TrimSpace(u.Code) == "":
		return problem.Errorf(problem.Invalid, "Đơn vị phải có mã")
	case strings.ContainsAny(u.Code, " \t\n/"):
		return problem.Errorf(problem.Invalid, "Mã đơn vị %q không được chứa khoảng trắng hay dấu /", u.Code)
	case strings.TrimSpace(u.Name) == "":
		return problem.Errorf(problem.Invalid, "Đơn vị %s phải có tên", u.Code)
	case !knownKind(u.Kind):
		return problem.Errorf(problem.Invalid, "Loại đơn vị %q không có trong danh mục", u.Kind)
	case !knownFamily(u.Family):
		return problem.Errorf(problem.Invalid, "Khối văn bản %q không có trong danh mục (party, state, union, front, youth)", u.Family)
	case !u.Valid.valid():
		return problem.Errorf(problem.Invalid, "Ngày hết hiệu lực của đơn vị %s phải sau ngày bắt đầu", u.Code)
	}
	return nil
}

func knownKind(k Kind) bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

func knownFamily(f document.Family) bool {
	switch f {
	case document.Party, document.State, document.Union, document.Front, document.Youth:
		return true
	}
	return false
}

// Link says Parent directs Child over a range of dates.
type Link struct {
	Parent, Child ID
	Valid         Span
}

// Validate checks a link before it is stored.
func (l Link) Validate() error {
	switch {
	case l.Parent == 0 || l.Child == 0:
		return problem.Errorf(problem.Invalid, "Liên kết chỉ đạo phải có đơn vị cấp trên và cấp dưới")
	case l.Parent == l.Child:
		return problem.Errorf(problem.Invalid, "Một đơn vị không thể tự chỉ đạo chính mình")
	case !l.Valid.valid():
		return problem.Errorf(problem.Invalid, "Ngày kết thúc liên kết phải sau ngày bắt đầu")
	}
	return nil
}

// EventKind is a kind of reorganisation.
type EventKind string

const (
	Merge  EventKind = "merge"  // sáp nhập: several units become one
	Split  EventKind = "split"  // chia tách: one unit becomes several
	Rename EventKind = "rename" // đổi tên: one unit continues under a new name
	Close  EventKind = "close"  // giải thể
)

// Event is a reorganisation taking effect on a date: the From units end the
// day before, the To units (already created, valid from that date) take
// over. History before the date stays as it was.
type Event struct {
	ID          int64
	Kind        EventKind
	EffectiveOn time.Time
	From, To    []ID
	Note        string
}

// Validate checks the shape of an event.
func (e Event) Validate() error {
	if e.EffectiveOn.IsZero() {
		return problem.Errorf(problem.Invalid, "Sự kiện tổ chức phải có ngày hiệu lực")
	}
	n, m := len(e.From), len(e.To)
	ok := false
	switch e.Kind {
	case Merge:
		ok = n >= 2 && m == 1
	case Split:
		ok = n == 1 && m >= 2
	case Rename:
		ok = n == 1 && m == 1
	case Close:
		ok = n >= 1 && m == 0
	default:
		return problem.Errorf(problem.Invalid, "Loại sự kiện %q không có (merge, split, rename, close)", e.Kind)
	}
	if !ok {
		return problem.Errorf(problem.Invalid, "Sự kiện %s có %d đơn vị cũ và %d đơn vị mới: không hợp lệ", e.Kind, n, m)
	}
	return nil
}

// Role is what a person does for a unit.
type Role string

const (
	Admin        Role = "admin"        // Quản trị
	Clerk        Role = "clerk"        // Văn thư: registers, numbers, sends
	Leader       Role = "leader"       // Lãnh đạo: directs, approves, signs; sees the subtree
	Officer      Role = "officer"      // Chuyên viên: drafts, enters activities and reports
	Collaborator Role = "collaborator" // Cộng tác viên: reports activities and opinion
)

// Roles lists the roles.
var Roles = []Role{Admin, Clerk, Leader, Officer, Collaborator}

// Membership says an account acts for a unit in a role.
type Membership struct {
	Unit ID
	Role Role
}

// Account is a person who signs in.
type Account struct {
	ID           int64
	Username     string
	DisplayName  string
	Email        string // where reminders are mailed; empty: in the web app only
	PasswordHash string
	Disabled     bool
	Memberships  []Membership
	CreatedAt    time.Time
}

// Figure is a dated denominator of a unit: its party members, its union
// members.
type Figure struct {
	Unit    ID
	Measure string // "party_members", "union_members"
	AsOf    time.Time
	Value   int64
}

// Term is a party committee's term; party documents are numbered per term.
type Term struct {
	Unit   ID
	Starts time.Time
	Ends   time.Time
	Name   string // "nhiệm kỳ 2020–2025"
}

// SortByName orders units by name in Vietnamese alphabetical order, then by
// id so equal names keep a stable order.
func SortByName(us []Unit) {
	sort.SliceStable(us, func(i, j int) bool {
		if c := vn.Compare(us[i].Name, us[j].Name); c != 0 {
			return c < 0
		}
		return us[i].ID < us[j].ID
	})
}

// Label is the role in the users' words.
func (r Role) Label() string {
	switch r {
	case Admin:
		return "Quản trị"
	case Clerk:
		return "Văn thư"
	case Leader:
		return "Lãnh đạo"
	case Officer:
		return "Chuyên viên"
	case Collaborator:
		return "Cộng tác viên"
	}
	return string(r)
}
