package web

import (
	"net/http"
	"net/url"
	"slices"

	"lantoa/internal/app"
	"lantoa/internal/org"
	"lantoa/internal/problem"
)

// accountForm is the account creation form as typed, with an error per
// field. The password is never sent back.
type accountForm struct {
	Username, DisplayName, Email, Unit, Role                       string
	UsernameError, PasswordError, UnitError, RoleError, EmailError string
}

type accountsData struct {
	Accounts  []app.AccountLine
	Roles     []org.Role
	Form      accountForm
	Created   string // the username just created, for the notice
	Emailed   string // the username whose e-mail address was just changed
	MinLength int
}

const accountsTitle = "Tài khoản và vai trò"

func (s *server) accountsPage(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	d := accountsData{Form: accountForm{Role: string(org.Officer)}, Created: r.URL.Query().Get("da-tao"), Emailed: r.URL.Query().Get("da-doi-thu")}
	s.showAccounts(w, r, a, http.StatusOK, d)
}

// showAccounts renders the page with the accounts the actor may see;
// a non-administrator is refused here.
func (s *server) showAccounts(w http.ResponseWriter, r *http.Request, a app.Actor, status int, d accountsData) {
	var err error
	if d.Accounts, err = s.app.Accounts(r.Context(), a); err != nil {
		s.fail(w, r, err)
		return
	}
	d.Roles, d.MinLength = org.Roles, app.MinPasswordLength
	s.render(w, r, status, "admin-accounts", view{Title: accountsTitle, Actor: &a, Data: d})
}

func (s *server) createAccount(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok {
		return
	}
	if !s.formRead(w, r) {
		return
	}
	p := r.PostForm
	f := accountForm{Username: p.Get("ten"), DisplayName: p.Get("ho-ten"), Email: p.Get("thu-dien-tu"), Unit: p.Get("don-vi"), Role: p.Get("vai-tro")}
	status := http.StatusOK
	// fieldError files the refusal err next to the field it is about.
	fieldError := func(err error, field *string) {
		status, *field = statusOf(err)
	}
	role := org.Role(f.Role)
	unit, err := s.app.UnitByCode(r.Context(), f.Unit)
	email, emailErr := app.CheckEmail(f.Email)
	switch {
	case problem.KindOf(err) == problem.NotFound: // a mistyped code is the form's fault: 400
		fieldError(problem.Errorf(problem.Invalid, "Không có đơn vị mã %q", f.Unit), &f.UnitError)
	case err != nil:
		s.fail(w, r, err)
		return
	case !slices.Contains(org.Roles, role):
		fieldError(problem.Errorf(problem.Invalid, "Hãy chọn một vai trò trong danh sách"), &f.RoleError)
	case emailErr != nil:
		fieldError(emailErr, &f.EmailError)
	default:
		pw := p.Get("mat-khau")
		_, err = s.app.CreateAccount(r.Context(), a, app.NewAccount{Username: f.Username, DisplayName: f.DisplayName, Email: email,
			Password: pw, Memberships: []org.Membership{{Unit: unit.ID, Role: role}}})
		switch kind := problem.KindOf(err); {
		case err == nil:
			http.Redirect(w, r, "/quan-tri/tai-khoan?"+url.Values{"da-tao": {f.Username}}.Encode(), http.StatusSeeOther)
			return
		case kind == problem.Forbidden:
			fieldError(err, &f.UnitError)
		case kind == problem.Invalid && len([]rune(pw)) < app.MinPasswordLength: // the rule checked first
			fieldError(err, &f.PasswordError)
		case kind == problem.Invalid || kind == problem.Conflict:
			fieldError(err, &f.UsernameError)
		default:
			s.fail(w, r, err)
			return
		}
	}
	s.showAccounts(w, r, a, status, accountsData{Form: f})
}

// setAccountEmail changes where an account's reminders are mailed.
func (s *server) setAccountEmail(w http.ResponseWriter, r *http.Request) {
	a, _, ok := s.signedIn(w, r)
	if !ok || !s.formRead(w, r) {
		return
	}
	id, ok := positiveID(r.PathValue("id"))
	if !ok {
		s.fail(w, r, problem.Errorf(problem.NotFound, "Không có tài khoản này"))
		return
	}
	if err := s.app.SetAccountEmail(r.Context(), a, id, r.PostForm.Get("thu-dien-tu")); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/quan-tri/tai-khoan?"+url.Values{"da-doi-thu": {r.PostForm.Get("ten")}}.Encode(), http.StatusSeeOther)
}
