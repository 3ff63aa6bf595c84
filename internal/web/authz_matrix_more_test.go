package web

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"

	"lantoa/examples"
	"lantoa/internal/app"
	"lantoa/internal/document"
	"lantoa/internal/org"
)

// The matrix's rows for registering, assigning, issuing, reorganising
// units and a person's own tokens and password. The password row comes
// last: it changes the passwords of the columns' accounts.
func (m *matrix) moreRows() []matrixRow {
	get, post := http.MethodGet, http.MethodPost
	const letter = "967-LDLD-cong-van.txt"
	tpBtg := func() string { return fmt.Sprint(m.unit("tp-btg")) }
	ward := func() string { return fmt.Sprint(m.unit("pu-tanphong")) }
	implementing := func(action string) url.Values {
		f := url.Values{"loai": {"Hướng dẫn"}, "trich-yeu": {"tuyên truyền kỷ niệm ngày thành lập tỉnh (thử quyền)"},
			"nhan": {ward()}, "nhiem-vu": {"Tuyên truyền tại khu dân cư"}}
		if action != "" {
			f.Set("hanh-dong", action)
			f.Set("nguoi-ky", "Lò Văn Minh")
			f.Set("chuc-vu", "K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN")
		}
		return f
	}
	fromAssignment := func(action string) func(*matrix) (string, url.Values) {
		return func(m *matrix) (string, url.Values) {
			as := m.assignment()
			m.probe = m.citing(as.Document)
			return fmt.Sprintf("/nhiem-vu/%d/ban-hanh", as.ID), implementing(action)
		}
	}
	fromDocument := func(action string) func(*matrix) (string, url.Values) {
		return func(m *matrix) (string, url.Values) {
			d := m.register("")
			m.probe = m.citing(d.ID)
			return fmt.Sprintf("/van-ban/%d/trien-khai?don-vi=tp-btg", d.ID), implementing(action)
		}
	}
	return []matrixRow{
		// Registering: reading a file is for whoever registers or drafts
		// anywhere; entering it in the unit's register, for the unit's
		// clerks and administrators.
		{name: "reading an uploaded file", method: post, file: letter, allowed: http.StatusOK, object: func(m *matrix) (string, url.Values) {
			m.probe = nil
			return "/van-ban/moi", url.Values{}
		}, want: "++++ ++++ ++++ ++++", mark: "967/LĐLĐ"},
		{name: "entering a document in the unit's register", method: post, multipart: true, object: func(m *matrix) (string, url.Values) {
			data, err := examples.Files.ReadFile(letter)
			if err != nil {
				m.t.Fatal(err)
			}
			m.n++
			ns := fmt.Sprintf("%d/LĐLĐ", 800+m.n)
			m.probe = func() string {
				_, err := m.svc.DocumentsByNumber(context.Background(), app.System(), ns)
				return fmt.Sprintf("document %s stored: %v", ns, err == nil)
			}
			return "/van-ban/luu", url.Values{"don-vi": {"tp-btg"}, "so": {string(document.Incoming)}, "loai": {"Công văn"},
				"so-ky-hieu": {ns}, "co-quan": {"Liên đoàn Lao động tỉnh Lai Châu"}, "ngay-ban-hanh": {"01/12/2022"},
				"trich-yeu": {"tuyên truyền (thử quyền)"}, "ngay-den": {"05/12/2022"}, "ten-tep": {letter},
				"tep-du-lieu": {base64.StdEncoding.EncodeToString(data)}}
		}, want: "+--+ ---- ---- ----"},

		// Assigning from a document in the unit's register, to a unit it
		// directs: the unit's people (the GET row above, for the form).
		{name: "assigning work from a document in the unit's register", method: post, object: func(m *matrix) (string, url.Values) {
			d := m.registerAt("tp-btg", "tp-thu", "")
			m.probe = func() string {
				ls, err := m.svc.DocumentAssignments(context.Background(), app.System(), d.ID)
				return fmt.Sprintf("%d assignments from %s (%v)", len(ls), d.NumberSymbol, err)
			}
			return fmt.Sprintf("/van-ban/%d/giao-nhiem-vu", d.ID), url.Values{"chon-them": {ward()}, "nhiem-vu-them": {"Tuyên truyền tại khu dân cư"}}
		}, want: "++++ ---- ---- ----"},

		// Issuing, with a number: the unit's clerks, leaders and
		// administrators; drafting: all its people.
		{name: "issuing the unit's draft", method: post, object: func(m *matrix) (string, url.Values) {
			d := m.draft()
			m.probe = func() string {
				got, err := m.svc.Document(context.Background(), app.System(), d.ID)
				return fmt.Sprintf("draft %d %s (%v)", d.ID, got.Status, err)
			}
			return fmt.Sprintf("/van-ban/%d/ban-hanh", d.ID), url.Values{"nguoi-ky": {"Lò Văn Minh"}, "chuc-vu": {"PHÓ TRƯỞNG BAN"}}
		}, want: "+-++ ---- ---- ----"},
		{name: "saving an implementing draft from an assignment", method: post, object: fromAssignment(""), want: "++++ ---- ---- ----"},
		{name: "issuing an implementing document from an assignment", method: post, object: fromAssignment("ban-hanh"), want: "+-++ ---- ---- ----"},
		{name: "implementing document form of a document in the unit's register", method: get, object: func(m *matrix) (string, url.Values) {
			m.probe = nil
			return fmt.Sprintf("/van-ban/%d/trien-khai?don-vi=tp-btg", m.document("674-CV/ThU").ID), nil
		}, want: "++++ ---- ---- ----"},
		{name: "saving an implementing draft from a document", method: post, object: fromDocument(""), want: "++++ ---- ---- ----"},
		{name: "issuing an implementing document from a document", method: post, object: fromDocument("ban-hanh"), want: "+-++ ---- ---- ----"},

		// Units below the unit: its administrators and those above.
		{name: "creating a unit under the unit", method: post, object: func(m *matrix) (string, url.Values) {
			m.n++
			code := fmt.Sprintf("mt-chibo-%d", m.n)
			m.probe = m.unitProbe(code)
			return "/quan-tri/don-vi", url.Values{"ma": {code}, "ten": {"Chi bộ thử quyền " + code}, "ky-hieu": {"CB"},
				"loai": {string(org.PartyCell)}, "khoi": {string(document.Party)}, "cap-tren": {tpBtg()}, "dia-danh": {"Lai Châu"}}
		}, want: "---+ ---+ ---- ----"},
		{name: "closing a unit under the unit", method: post, object: func(m *matrix) (string, url.Values) {
			m.n++
			code := fmt.Sprintf("mt-giaithe-%d", m.n)
			if _, err := m.svc.CreateUnit(context.Background(), app.System(), org.Unit{Code: code, Notation: "CB", Name: "Chi bộ thử quyền " + code,
				Kind: org.PartyCell, Family: document.Party, Place: "Lai Châu", Valid: org.Span{From: matrixDay.AddDate(-1, 0, 0)}}, m.unit("tp-btg")); err != nil {
				m.t.Fatal(err)
			}
			m.probe = m.unitProbe(code)
			return "/quan-tri/don-vi/to-chuc-lai", url.Values{"su-kien": {string(org.Close)}, "ngay-hieu-luc": {"01/01/2023"},
				"don-vi-cu": {code}, "ghi-chu": {"thử quyền"}}
		}, want: "---+ ---+ ---- ----"},

		// A person's own tokens: everyone's page; revoking, the owner only.
		{name: "token page", method: get, object: func(m *matrix) (string, url.Values) { m.probe = nil; return "/ma-truy-cap", nil },
			want: "++++ ++++ ++++ ++++"},
		{name: "creating a token", method: post, allowed: http.StatusCreated, object: func(m *matrix) (string, url.Values) {
			m.probe = nil
			return "/ma-truy-cap", url.Values{"ten": {"Bảng tính tổng hợp"}}
		}, want: "++++ ++++ ++++ ++++"},
		{name: "revoking the unit officer's token", method: post, object: func(m *matrix) (string, url.Values) {
			owner := m.actor(m.username("own", org.Officer))
			tok, err := m.svc.CreateAPIToken(context.Background(), owner, "Bảng tính", matrixDay.AddDate(0, 1, 0))
			if err != nil {
				m.t.Fatal(err)
			}
			m.probe = func() string {
				ts, err := m.svc.APITokens(context.Background(), owner)
				for _, t := range ts {
					if t.ID == tok.Info.ID {
						return fmt.Sprintf("token %d revoked: %v", t.ID, !t.Revoked.IsZero())
					}
				}
				return fmt.Sprintf("token %d missing (%v)", tok.Info.ID, err)
			}
			return fmt.Sprintf("/ma-truy-cap/%d/thu-hoi", tok.Info.ID), url.Values{}
		}, want: "-+-- ---- ---- ----"},

		// An activity counts under the assignment's document: on a
		// confidential one, only the unit's people granted it record one,
		// and only they get the form.
		{name: "activity form of an assignment from a confidential document, granted to the unit's officer", method: get,
			object: func(m *matrix) (string, url.Values) {
				m.probe = nil
				return fmt.Sprintf("/hoat-dong/moi?nhiem-vu=%d&hinh-thuc=TTM", m.confidentialAssignment().ID), nil
			}, want: "-+-- ---- ---- ----"},
		{name: "recording an activity on an assignment from a confidential document", method: post, object: func(m *matrix) (string, url.Values) {
			m.probe = nil
			return "/hoat-dong/moi", url.Values{"nhiem-vu": {fmt.Sprint(m.confidentialAssignment().ID)}, "hinh-thuc": {"TTM"},
				"ten": {"Nắm tình hình tư tưởng"}, "ngay-bat-dau": {"15/12/2022"}, "ct-TTM.buoi": {"1"}}
		}, want: "-+-- ---- ---- ----"},

		// One's own password: everyone.
		{name: "changing one's password", method: post, allowed: http.StatusOK, object: func(m *matrix) (string, url.Values) {
			m.probe = nil
			return "/mat-khau", url.Values{"mat-khau": {demoPassword}, "mat-khau-moi": {"Mật khẩu mới của ma trận 2022"}, "nhap-lai": {"Mật khẩu mới của ma trận 2022"}}
		}, want: "++++ ++++ ++++ ++++", mark: "Đã đổi mật khẩu"},
	}
}

// send makes a row's request, as a multipart form when the page sends one.
func (m *matrix) send(row matrixRow, path string, c *http.Cookie, form url.Values) page {
	m.t.Helper()
	if row.file == "" && !row.multipart {
		return request(m.t, m.h, row.method, path, c, form)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range form {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	if row.file != "" {
		data, err := examples.Files.ReadFile(row.file)
		if err != nil {
			m.t.Fatal(err)
		}
		fw, err := mw.CreateFormFile("tep", row.file)
		if err != nil {
			m.t.Fatal(err)
		}
		fw.Write(data)
	}
	mw.Close()
	r := httptest.NewRequest(row.method, path, &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	if c != nil {
		r.AddCookie(c)
	}
	w := httptest.NewRecorder()
	m.h.ServeHTTP(w, r)
	return page{status: w.Code, header: w.Header(), body: w.Body.String()}
}

// draft is a fresh draft of the city board implementing a new guidance
// of the province.
func (m *matrix) draft() document.Document {
	m.t.Helper()
	d, err := m.svc.DraftImplementing(context.Background(), app.System(), app.DraftInput{Unit: m.unit("tp-btg"), Parent: m.register("").ID,
		DocType: "Hướng dẫn", Subject: "tuyên truyền kỷ niệm ngày thành lập tỉnh (dự thảo thử quyền)",
		Recipients: []app.RecipientTask{{Unit: m.unit("pu-tanphong"), Task: "Tuyên truyền tại khu dân cư"}}})
	if err != nil {
		m.t.Fatalf("draft: %v", err)
	}
	return d
}

// citing describes how many documents cite doc: an implementing draft or
// document saved adds one.
func (m *matrix) citing(doc document.ID) func() string {
	return func() string {
		ds, err := m.svc.CitedBy(context.Background(), app.System(), doc)
		return fmt.Sprintf("%d documents citing %d (%v)", len(ds), doc, err)
	}
}

// unitProbe describes whether the unit code exists and until when.
func (m *matrix) unitProbe(code string) func() string {
	return func() string {
		u, err := m.svc.UnitByCode(context.Background(), code)
		return fmt.Sprintf("unit %s: %v until %s", code, err == nil, u.Valid.To.Format("2006-01-02"))
	}
}

// actor is the signed-in actor of an account of the matrix.
func (m *matrix) actor(username string) app.Actor {
	m.t.Helper()
	acc, err := m.svc.AccountByUsername(context.Background(), username)
	if err != nil {
		m.t.Fatal(err)
	}
	a, err := m.svc.ActorFor(context.Background(), acc.ID, "")
	if err != nil {
		m.t.Fatal(err)
	}
	return a
}
