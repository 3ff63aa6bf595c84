package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"lantoa/internal/app"
	"lantoa/internal/demo"
	"lantoa/internal/document"
	"lantoa/internal/org"
	"lantoa/internal/report"
	"lantoa/internal/store"
	"lantoa/internal/store/storetest"
	"lantoa/internal/task"
)

// The authorization matrix: every page showing an object and every action
// changing one, tried by a clerk, an officer, a leader and an
// administrator of the object's unit, of the unit directing it, of a unit
// it directs and of an unrelated unit, and by nobody signed in.
//
// The object's unit is the city propaganda board (tp-btg) on the last day
// of the demo's 2022 campaign, when the tree the demo was made for stands:
// the provincial board (ltu-btg) directs it, it directs the ward Tân Phong
// (pu-tanphong), and the Sìn Hồ district board (hu-sinho-btg) is another
// district's.

// matrixDay is the day the matrix is run on.
var matrixDay = time.Date(2022, 12, 31, 9, 0, 0, 0, time.UTC)

// positions are the actors' units relative to the object's, in the order
// of the columns.
var positions = []struct{ name, unit string }{
	{"own", "tp-btg"}, {"parent", "ltu-btg"}, {"child", "pu-tanphong"}, {"other", "hu-sinho-btg"},
}

// roles are the actors' roles, in the order of the columns within a position.
var matrixRoles = []org.Role{org.Clerk, org.Officer, org.Leader, org.Admin}

// Cells of a row, written "own parent child other", each group in the
// order clerk, officer, leader, administrator:
//
//	'+' allowed: 200 for a page, 303 for an action, and the page shows
//	    the row's mark if it has one;
//	'o' allowed, but the page does not show the row's mark;
//	'-' refused: 403, or 404 for an object hidden altogether.
type matrixRow struct {
	name   string
	method string
	// object makes what the row works on and returns the path and, for an
	// action, the form. Actions get a fresh object for every cell, so each
	// cell starts from the same state whatever the others did.
	object func(m *matrix) (string, url.Values)
	want   string
	mark   string // shown on the page to those it is meant for
	// allowed is the status of an allowed request when it is not the
	// usual one (a form shown again with what was done, for instance).
	allowed int
	// file, when given, is an example file sent as "tep" in a multipart
	// form with the row's fields.
	file string
	// multipart sends the fields as a multipart form, as the page does.
	multipart bool
}

func TestMatrixOfWhoMayOpenAndDoWhat(t *testing.T) {
	t.Parallel()
	storetest.RunDSN(t, func(t *testing.T, dsn string) {
		m := newMatrix(t, dsn)
		for _, row := range matrixRows(m) {
			cells := strings.ReplaceAll(row.want, " ", "")
			if len(cells) != len(positions)*len(matrixRoles) {
				t.Fatalf("%s: %d cells, want %d", row.name, len(cells), len(positions)*len(matrixRoles))
			}
			path, form := row.object(m)
			if p := m.send(row, path, nil, form); p.status != http.StatusSeeOther || p.header.Get("Location") != "/dang-nhap" {
				t.Errorf("%s, signed out: got %d to %q, want 303 to /dang-nhap", row.name, p.status, p.header.Get("Location"))
			}
			for i, cell := range cells {
				pos, role := positions[i/len(matrixRoles)], matrixRoles[i%len(matrixRoles)]
				if row.method == http.MethodPost {
					path, form = row.object(m)
				}
				what := fmt.Sprintf("%s %s by the %s of the %s unit", row.method, row.name, role, pos.name)
				if row.method == http.MethodGet {
					m.check(what, row, byte(cell), m.send(row, path, m.cookie(pos.name, role), form))
					continue
				}
				before := m.state()
				m.check(what, row, byte(cell), m.send(row, path, m.cookie(pos.name, role), form))
				if after := m.state(); cell == '-' && after != before {
					t.Errorf("%s: refused, yet the object changed from %s to %s", what, before, after)
				}
			}
		}
		m.outsiders()
	})
}

// matrixRows are the rows; m makes their objects.
func matrixRows(m *matrix) []matrixRow {
	get, post := http.MethodGet, http.MethodPost
	once := func(f func() (string, url.Values)) func(*matrix) (string, url.Values) {
		var path string
		var form url.Values
		return func(*matrix) (string, url.Values) {
			if path == "" {
				path, form = f()
			}
			return path, form
		}
	}
	doc := func(ns string) func(*matrix) (string, url.Values) {
		return once(func() (string, url.Values) { return fmt.Sprintf("/van-ban/%d", m.document(ns).ID), nil })
	}
	asg := func(path string) func(*matrix) (string, url.Values) {
		return func(m *matrix) (string, url.Values) { return fmt.Sprintf(path, m.assignment().ID), nil }
	}
	rep := func(path string, submitted bool) func(*matrix) (string, url.Values) {
		return func(m *matrix) (string, url.Values) { return fmt.Sprintf(path, m.report(submitted).ID), url.Values{} }
	}
	form := func(path string, f func(task.ID) url.Values) func(*matrix) (string, url.Values) {
		return func(m *matrix) (string, url.Values) { return path, f(m.assignment().ID) }
	}
	return append([]matrixRow{
		// Documents: those concerning the unit, as the units they concern see them.
		{name: "document registered at the unit (674-CV/ThU)", method: get, object: doc("674-CV/ThU"),
			want: "++++ --++ ---- ----"},
		{name: "document the unit issued to the units below (28-HD/BTGThU)", method: get, object: doc("28-HD/BTGThU"),
			want: "++++ --++ ++++ ----"},
		// The directive above is in the registers of the province only: the
		// board reads it once its clerk enters it in its reference register.
		{name: "directive registered above the unit only (12-CT/TW)", method: get, object: doc("12-CT/TW"),
			want: "---- ++++ ---- ----"},
		{name: "confidential document of the unit, granted to its officer, the leader above and another district's clerk", method: get,
			object: once(func() (string, url.Values) { return fmt.Sprintf("/van-ban/%d", m.confidential().ID), nil }),
			want:   "-+-- --+- ---- +---"},
		// Assigning from a document: its issuer, and the units holding it
		// in a register, each to the units below it.
		{name: "assigning work from the unit's 28-HD/BTGThU", method: get,
			object: once(func() (string, url.Values) {
				return fmt.Sprintf("/van-ban/%d/giao-nhiem-vu", m.document("28-HD/BTGThU").ID), nil
			}),
			want: "++++ ---- ++++ ----"},
		{name: "roll-up of 71-HD/BTGTU at the unit", method: get,
			object: once(func() (string, url.Values) {
				return fmt.Sprintf("/theo-doi/%d?don-vi=tp-btg", m.document("71-HD/BTGTU").ID), nil
			}),
			want: "++++ --++ ---- ----"},

		// Work: what the unit was asked and what it answers.
		{name: "assignment page", method: get, object: once(func() (string, url.Values) {
			return assignmentURL(m.assignment().ID), nil
		}), want: "++++ --++ ---- ----"},
		{name: "implementing document form of an assignment", method: get, object: once(func() (string, url.Values) {
			return fmt.Sprintf("/nhiem-vu/%d/ban-hanh", m.assignment().ID), nil
		}), want: "++++ ---- ---- ----"},
		{name: "assignment from a confidential document, granted as above", method: get, object: once(func() (string, url.Values) {
			return assignmentURL(m.confidentialAssignment().ID), nil
		}), want: "o+oo --+o ---- ----", mark: secretTask},
		{name: "activity form of an assignment", method: get, object: once(func() (string, url.Values) {
			return fmt.Sprintf("/hoat-dong/moi?nhiem-vu=%d&hinh-thuc=TTM", m.assignment().ID), nil
		}), want: "++++ ---- ---- ----"},
		{name: "report form of an assignment", method: get, object: once(func() (string, url.Values) {
			return fmt.Sprintf("/bao-cao/moi?nhiem-vu=%d", m.assignment().ID), nil
		}), want: "++++ ---- ---- ----"},
		{name: "report page", method: get, object: once(func() (string, url.Values) {
			return reportURL(m.report(true).ID), nil
		}), want: "++++ --++ ---- ----"},

		// Administration: for administrators, each seeing their units and below.
		{name: "organisation tree", method: get, object: once(func() (string, url.Values) { return "/quan-tri/don-vi", nil }),
			want: "---+ ---+ ---o ---o", mark: "(tp-btg)"},
		{name: "accounts", method: get, object: once(func() (string, url.Values) { return "/quan-tri/tai-khoan", nil }),
			want: "---+ ---+ ---o ---o", mark: m.username("own", org.Officer)},
		{name: "audit log", method: get, object: once(func() (string, url.Values) { return "/quan-tri/nhat-ky", nil }),
			want: "---+ ---+ ---o ---o", mark: m.username("own", org.Officer)},

		// Actions on the unit's assignment: the unit's own people.
		{name: "'Đã nhận'", method: post, object: asg("/nhiem-vu/%d/nhan"), want: "++++ ---- ---- ----"},
		{name: "'Đã xem'", method: post, object: asg("/nhiem-vu/%d/xem"), want: "++++ ---- ---- ----"},
		{name: "recording an activity", method: post, object: form("/hoat-dong/moi", func(id task.ID) url.Values {
			return url.Values{"nhiem-vu": {fmt.Sprint(id)}, "hinh-thuc": {"TTM"}, "ten": {"Nói chuyện chuyên đề đối ngoại nhân dân"},
				"ngay-bat-dau": {"15/12/2022"}, "ct-TTM.buoi": {"2"}}
		}), want: "++++ ---- ---- ----"},
		{name: "opening a report", method: post, object: form("/bao-cao/moi", func(id task.ID) url.Values {
			return url.Values{"nhiem-vu": {fmt.Sprint(id)}, "tu-ngay": {"01/07/2022"}, "den-ngay": {"31/12/2022"}}
		}), want: "++++ ---- ---- ----"},

		// Actions on the unit's report: its officers and leaders write and
		// send it, a leader above decides it.
		{name: "saving a draft report", method: post, object: func(m *matrix) (string, url.Values) {
			return reportURL(m.report(false).ID), url.Values{"ket-qua": {"Đã tổ chức nói chuyện chuyên đề."}}
		}, want: "++++ ---- ---- ----"},
		{name: "sending a report", method: post, object: rep("/bao-cao/%d/gui", false), want: "-++- ---- ---- ----"},
		{name: "accepting a report", method: post, object: rep("/bao-cao/%d/duyet", true), want: "---- --+- ---- ----"},
		{name: "returning a report", method: post, object: func(m *matrix) (string, url.Values) {
			return fmt.Sprintf("/bao-cao/%d/tra-lai", m.report(true).ID), url.Values{"nhan-xet": {"Bổ sung số lượt người nghe"}}
		}, want: "---- --+- ---- ----"},

		// An account in the unit: its administrators and those above.
		{name: "creating an account in the unit", method: post, object: func(m *matrix) (string, url.Values) {
			m.n++
			m.newUser = fmt.Sprintf("mt.moi.%d", m.n)
			return "/quan-tri/tai-khoan", url.Values{"ten": {m.newUser}, "ho-ten": {"Người mới"},
				"mat-khau": {demoPassword}, "don-vi": {"tp-btg"}, "vai-tro": {string(org.Officer)}}
		}, want: "---+ ---+ ---- ----"},
	}, m.moreRows()...)
}

// outsiders tries the people the columns leave out: a collaborator of the
// board, the city committee (the board's other unit above), the province
// above both, the provincial Front (another line, which also directs the
// city Front the board gives work to), and a person leading both the board
// and the board above it.
func (m *matrix) outsiders() {
	t := m.t
	t.Helper()
	collaborator := m.person("mt.ctv", org.Membership{Unit: m.unit("tp-btg"), Role: org.Collaborator})
	cityLeader := m.person("mt.thanhuy", org.Membership{Unit: m.unit("tp-thu"), Role: org.Leader})
	provinceLeader := m.person("mt.tinhuy", org.Membership{Unit: m.unit("ltu"), Role: org.Leader})
	frontLeader := m.person("mt.mttq", org.Membership{Unit: m.unit("mttq"), Role: org.Leader})
	both := m.person("mt.kiemnhiem", org.Membership{Unit: m.unit("tp-btg"), Role: org.Leader},
		org.Membership{Unit: m.unit("ltu-btg"), Role: org.Leader})
	asgForm := func(path string) (string, url.Values) {
		id := m.assignment().ID
		return path, url.Values{"nhiem-vu": {fmt.Sprint(id)}, "hinh-thuc": {"TTM"}, "ten": {"Nắm bắt dư luận"},
			"ngay-bat-dau": {"15/12/2022"}, "tu-ngay": {"01/07/2022"}, "den-ngay": {"31/12/2022"}}
	}
	accept := func() (string, url.Values) { return fmt.Sprintf("/bao-cao/%d/duyet", m.report(true).ID), url.Values{} }
	cityFront := func() report.Report { return m.reportOf("mttq-tp", "tp-btg", true) }
	decideCityFront := func(step string) (string, url.Values) {
		return fmt.Sprintf("/bao-cao/%d/%s", cityFront().ID, step), url.Values{"nhan-xet": {"Bổ sung số liệu"}}
	}
	for _, c := range []struct {
		who    string
		cookie *http.Cookie
		method string
		object func() (string, url.Values)
		want   byte
		says   string // the reason the page gives
	}{
		{"a collaborator of the board", collaborator, http.MethodGet, func() (string, url.Values) { return assignmentURL(m.assignment().ID), nil }, '+', ""},
		{"a collaborator of the board", collaborator, http.MethodPost, func() (string, url.Values) { return asgForm("/hoat-dong/moi") }, '+', ""},
		{"a collaborator of the board", collaborator, http.MethodPost, func() (string, url.Values) { return asgForm("/bao-cao/moi") }, '-', ""},
		{"a collaborator of the board", collaborator, http.MethodPost, func() (string, url.Values) {
			return fmt.Sprintf("/nhiem-vu/%d/xem", m.assignment().ID), url.Values{}
		}, '-', ""},
		// The board has two units directing it: the city committee sees its
		// work, but the report the provincial board asked for is the
		// provincial board's to decide.
		{"a leader of the city committee", cityLeader, http.MethodGet, func() (string, url.Values) { return reportURL(m.report(true).ID), nil }, '+', ""},
		{"a leader of the city committee", cityLeader, http.MethodPost, accept, '-', "chỉ lãnh đạo của đơn vị đó hoặc đơn vị cấp trên"},
		{"a leader of the province", provinceLeader, http.MethodGet, func() (string, url.Values) { return reportURL(m.report(true).ID), nil }, '+', ""},
		{"a leader of the province", provinceLeader, http.MethodPost, accept, '+', ""},
		// Another line of the province: the Front does not direct the board.
		{"a leader of the provincial Front", frontLeader, http.MethodGet, func() (string, url.Values) { return reportURL(m.report(true).ID), nil }, '-', ""},
		{"a leader of the provincial Front", frontLeader, http.MethodPost, accept, '-', ""},
		// The city Front reports to the city board what the board asked of
		// it: the provincial Front, directing it along its own line, sees
		// the report but does not decide it; the board's leader does.
		{"a leader of the provincial Front", frontLeader, http.MethodGet, func() (string, url.Values) { return reportURL(cityFront().ID), nil }, '+', ""},
		{"a leader of the provincial Front", frontLeader, http.MethodPost, func() (string, url.Values) { return decideCityFront("duyet") }, '-', ""},
		{"a leader of the provincial Front", frontLeader, http.MethodPost, func() (string, url.Values) { return decideCityFront("tra-lai") }, '-', ""},
		{"the board's leader", m.cookie("own", org.Leader), http.MethodPost, func() (string, url.Values) { return decideCityFront("duyet") }, '+', ""},
		// Leading the board above too does not make the board's own
		// report anyone else's: nobody approves their own unit's report.
		{"a leader of both the board and the board above", both, http.MethodPost, accept, '-', "không duyệt báo cáo của chính đơn vị mình"},
		{"a leader of both the board and the board above", both, http.MethodPost, func() (string, url.Values) {
			return fmt.Sprintf("/bao-cao/%d/tra-lai", m.report(true).ID), url.Values{"nhan-xet": {"Bổ sung"}}
		}, '-', ""},
		{"a leader of both the board and the board above", both, http.MethodPost, func() (string, url.Values) {
			return fmt.Sprintf("/bao-cao/%d/gui", m.report(false).ID), url.Values{}
		}, '+', ""},
	} {
		path, form := c.object()
		what, before := fmt.Sprintf("%s %s by %s", c.method, path, c.who), m.state()
		p := request(t, m.h, c.method, path, c.cookie, form)
		m.check(what, matrixRow{method: c.method}, c.want, p)
		if !strings.Contains(text(p), c.says) {
			t.Errorf("%s: the page does not say %q:\n%s", what, c.says, text(p))
		}
		if after := m.state(); c.want == '-' && after != before {
			t.Errorf("%s: refused, yet the object changed from %s to %s", what, before, after)
		}
	}
}

// matrix is the demo seen on matrixDay, with an account per role and
// position, signed in.
type matrix struct {
	t       *testing.T
	h       http.Handler
	svc     *app.Service
	cookies map[string]*http.Cookie
	n       int // numbers fresh documents and accounts

	// The objects made last, whose state a refused action must leave alone.
	last    task.ID
	newUser string
	probe   func() string // describes the last object the rows of chapter two made
}

func newMatrix(t *testing.T, dsn string) *matrix {
	t.Helper()
	s := storetest.Open(t, dsn)
	if _, err := demo.Load(context.Background(), s, demoPassword); err != nil {
		t.Fatalf("load the demo: %v", err)
	}
	at := s.WithClock(func() time.Time { return matrixDay })
	m := &matrix{t: t, svc: app.New(at, nil), cookies: map[string]*http.Cookie{}}
	m.h = New(Options{App: m.svc, Ping: s.Ping})
	for _, p := range positions {
		for _, r := range matrixRoles {
			m.cookies[p.name+"/"+string(r)] = m.person(m.username(p.name, r), org.Membership{Unit: m.unit(p.unit), Role: r})
		}
	}
	return m
}

func (m *matrix) username(position string, r org.Role) string {
	return fmt.Sprintf("mt.%s.%s", r, position)
}

func (m *matrix) cookie(position string, r org.Role) *http.Cookie {
	return m.cookies[position+"/"+string(r)]
}

// person creates an account with the memberships given and signs it in.
func (m *matrix) person(username string, ms ...org.Membership) *http.Cookie {
	m.t.Helper()
	if _, err := m.svc.CreateAccount(context.Background(), app.System(), app.NewAccount{Username: username,
		DisplayName: "Người thử " + username, Password: demoPassword, Memberships: ms}); err != nil {
		m.t.Fatalf("account %s: %v", username, err)
	}
	return session(m.t, m.h, username)
}

func (m *matrix) unit(code string) org.ID {
	m.t.Helper()
	u, err := m.svc.UnitByCode(context.Background(), code)
	if err != nil {
		m.t.Fatalf("unit %s: %v", code, err)
	}
	return u.ID
}

func (m *matrix) document(ns string) document.Document {
	m.t.Helper()
	ds, err := m.svc.DocumentsByNumber(context.Background(), app.System(), ns)
	if err != nil || len(ds) != 1 {
		m.t.Fatalf("document %s: got %d, %v; want one", ns, len(ds), err)
	}
	return ds[0]
}

// register enters a new guidance of the provincial board in the city
// board's incoming register, confidential when conf is given.
func (m *matrix) register(conf string) document.Document {
	return m.registerAt("tp-btg", "ltu-btg", conf)
}

// registerAt enters a new guidance of the unit issuer in the incoming
// register of the unit at (both by code).
func (m *matrix) registerAt(at, issuer, conf string) document.Document {
	m.t.Helper()
	m.n++
	by, err := m.svc.UnitByCode(context.Background(), issuer)
	if err != nil {
		m.t.Fatal(err)
	}
	meta := document.Metadata{Family: document.Party, DocType: "Hướng dẫn", Number: fmt.Sprint(900 + m.n), Symbol: "HD/" + by.Notation,
		NumberSymbol: fmt.Sprintf("%d-HD/%s", 900+m.n, by.Notation), Issuer: by.Name, Place: "Lai Châu",
		Date: "2022-12-01", Subject: "tuyên truyền kỷ niệm ngày thành lập tỉnh (thử quyền)", Confidentiality: conf}
	reg, err := m.svc.RegisterIncoming(context.Background(), app.System(), m.unit(at),
		app.RegisterInput{Metadata: meta, IssuerUnit: by.ID, Text: "Nội dung thử."})
	if err != nil {
		m.t.Fatalf("register %s: %v", meta.NumberSymbol, err)
	}
	return reg.Document
}

// confidential is a Mật document in the city board's register, granted
// to its officer, the leader of the board above and the Sìn Hồ clerk.
func (m *matrix) confidential() document.Document {
	m.t.Helper()
	d := m.register("Mật")
	m.grant(d)
	return d
}

// secretTask is what a confidential document asks of the city board.
const secretTask = "Nắm tình hình tư tưởng trước ngày bầu cử (thử quyền)"

// confidentialAssignment is the city board's assignment from a
// confidential document granted as confidential's.
func (m *matrix) confidentialAssignment() task.Assignment {
	m.t.Helper()
	d := m.register("Mật")
	as, err := m.svc.CreateAssignments(context.Background(), app.System(), d.ID,
		[]app.AssignmentInput{{Unit: m.unit("tp-btg"), Task: secretTask}})
	if err != nil || len(as) != 1 {
		m.t.Fatalf("assign: got %v, %v; want one assignment", as, err)
	}
	m.grant(d)
	return as[0]
}

// grant lets the city board's officer, the leader of the board above and
// the Sìn Hồ clerk read d.
func (m *matrix) grant(d document.Document) {
	m.t.Helper()
	for _, who := range []string{m.username("own", org.Officer), m.username("parent", org.Leader), m.username("other", org.Clerk)} {
		acc, err := m.svc.AccountByUsername(context.Background(), who)
		if err == nil {
			err = m.svc.GrantDocument(context.Background(), app.System(), d.ID, acc.ID)
		}
		if err != nil {
			m.t.Fatalf("grant to %s: %v", who, err)
		}
	}
}

// assignment is a fresh assignment of a new guidance of the provincial
// board to the city board, just sent.
func (m *matrix) assignment() task.Assignment {
	return m.assignmentOf("tp-btg", "ltu-btg")
}

// assignmentOf is a fresh assignment of a new guidance of the unit issuer
// to the unit to (both by code), just sent.
func (m *matrix) assignmentOf(to, issuer string) task.Assignment {
	m.t.Helper()
	as, err := m.svc.CreateAssignments(context.Background(), app.System(), m.registerAt(to, issuer, "").ID,
		[]app.AssignmentInput{{Unit: m.unit(to), Task: "Tuyên truyền trên trang thông tin của đơn vị"}})
	if err != nil || len(as) != 1 {
		m.t.Fatalf("assign: got %v, %v; want one assignment", as, err)
	}
	m.last = as[0].ID
	return as[0]
}

// state describes what the actions change: the status of the last
// assignment and of its reports with their narrative, the board's
// activities, and whether the last account asked for exists.
func (m *matrix) state() string {
	m.t.Helper()
	ctx := context.Background()
	var b strings.Builder
	if m.last != 0 {
		v, err := m.svc.Assignment(ctx, app.System(), m.last)
		if err != nil {
			m.t.Fatal(err)
		}
		fmt.Fprintf(&b, "assignment %s", v.Assignment.Status)
		for _, r := range v.Reports {
			fmt.Fprintf(&b, ", report %s %q", r.Status, r.Narrative.Results)
		}
	}
	acts, err := m.svc.Activities(ctx, app.System(), store.ActivityFilter{Unit: m.unit("tp-btg")})
	if err != nil {
		m.t.Fatal(err)
	}
	fmt.Fprintf(&b, ", %d activities", len(acts))
	if m.newUser != "" {
		_, err := m.svc.AccountByUsername(ctx, m.newUser)
		fmt.Fprintf(&b, ", account %s: %v", m.newUser, err == nil)
	}
	if m.probe != nil {
		b.WriteString(", " + m.probe())
	}
	return b.String()
}

// report is a fresh report of the city board on a fresh assignment, a
// draft or sent.
func (m *matrix) report(submitted bool) report.Report {
	return m.reportOf("tp-btg", "ltu-btg", submitted)
}

// reportOf is a fresh report of the unit of on a fresh assignment from
// the unit issuer (both by code), a draft or sent.
func (m *matrix) reportOf(of, issuer string, submitted bool) report.Report {
	m.t.Helper()
	ctx := context.Background()
	r, err := m.svc.CreateReport(ctx, app.System(), app.ReportInput{Unit: m.unit(of), Assignment: m.assignmentOf(of, issuer).ID,
		From: time.Date(2022, 7, 1, 0, 0, 0, 0, time.UTC), To: matrixDay})
	if err == nil && submitted {
		r, err = m.svc.SubmitReport(ctx, app.System(), r.ID)
	}
	if err != nil {
		m.t.Fatalf("report: %v", err)
	}
	return r
}

// check compares a response with the cell expected.
func (m *matrix) check(what string, row matrixRow, cell byte, p page) {
	m.t.Helper()
	allowed := http.StatusOK
	if row.method == http.MethodPost {
		allowed = http.StatusSeeOther
	}
	if row.allowed != 0 {
		allowed = row.allowed
	}
	switch cell {
	case '+', 'o':
		if p.status != allowed {
			m.t.Errorf("%s: got %d, want %d (allowed):\n%s", what, p.status, allowed, text(p))
			return
		}
		if row.mark != "" && strings.Contains(text(p), row.mark) != (cell == '+') {
			m.t.Errorf("%s: shows %q: %v, want %v", what, row.mark, cell == 'o', cell == '+')
		}
	case '-':
		if p.status != http.StatusForbidden && p.status != http.StatusNotFound {
			m.t.Errorf("%s: got %d, want 403 or 404 (refused)", what, p.status)
		}
	default:
		m.t.Fatalf("%s: unknown cell %q", what, cell)
	}
}
