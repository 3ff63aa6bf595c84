package app

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"lantoa/internal/password"
	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/vn"
)

// Sign-in rules: a session lasts a working day; more than MaxLoginFailures
// wrong passwords for one username within LoginWindow lock that username
// until the oldest of them leaves the window.
const (
	SessionLifetime  = 12 * time.Hour
	LoginWindow      = 15 * time.Minute
	MaxLoginFailures = 5
)

// ErrTooManyAttempts is the cause of the refusal of a sign-in while its
// username is locked; the web answers it with 429.
var ErrTooManyAttempts = errors.New("too many failed sign-ins")

// Session is a signed-in person: the token goes into their cookie, and
// only its hash into the database.
type Session struct {
	Token   string
	Expires time.Time
	Actor   Actor
}

// wrongCredentials is the one answer for an unknown username and a wrong
// password, so the sign-in page does not tell which usernames exist.
func wrongCredentials() error {
	return problem.Errorf(problem.Forbidden, "Tên đăng nhập hoặc mật khẩu không đúng")
}

func tooManyAttempts() error {
	return problem.Wrap(problem.Forbidden, ErrTooManyAttempts,
		fmt.Sprintf("Đã nhập sai mật khẩu %d lần liên tiếp; hãy chờ %d phút rồi thử lại, hoặc liên hệ quản trị để đặt lại mật khẩu",
			MaxLoginFailures, int(LoginWindow.Minutes())))
}

// decoyHash is checked against when the username is unknown, so that an
// unknown name takes as long to refuse as a wrong password.
var decoyHash = sync.OnceValue(func() string { return password.Hash("lantoa-decoy") })

// SignIn checks a username and password and opens a session. remote is
// where the request came from, for the audit log and the throttle.
func (s *Service) SignIn(ctx context.Context, remote, username, pw string) (Session, error) {
	username = strings.ToLower(strings.TrimSpace(vn.NFC(username)))
	if username == "" || pw == "" {
		return Session{}, problem.Errorf(problem.Invalid, "Hãy nhập tên đăng nhập và mật khẩu")
	}
	if err := s.store.View(ctx, func(tx *store.Tx) error { return underLimit(ctx, tx, username) }); err != nil {
		return Session{}, err
	}
	acc, err := s.AccountByUsername(ctx, username)
	known := err == nil
	if !known && problem.KindOf(err) != problem.NotFound {
		return Session{}, err
	}
	hash := acc.PasswordHash
	if !known {
		hash = decoyHash()
	}
	if !password.Verify(hash, pw) || !known {
		if err := s.store.InTx(ctx, func(tx *store.Tx) error {
			return tx.RecordLoginFailure(ctx, username, remote, LoginWindow)
		}); err != nil {
			return Session{}, err
		}
		return Session{}, wrongCredentials()
	}
	actor, err := s.ActorFor(ctx, acc.ID, remote)
	if err != nil {
		return Session{}, err
	}
	token := newToken()
	se := Session{Token: token, Actor: actor}
	err = s.store.InTx(ctx, func(tx *store.Tx) error {
		// Failures recorded while the password was being checked count too.
		if err := underLimit(ctx, tx, username); err != nil {
			return err
		}
		se.Expires = tx.Now().Add(SessionLifetime)
		if err := tx.CreateSession(ctx, tokenHash(token), acc.ID, se.Expires, remote); err != nil {
			return err
		}
		if err := tx.ClearLoginFailures(ctx, username); err != nil {
			return err
		}
		return audit(ctx, tx, actor, "session.sign_in", accountObject(acc.ID), "")
	})
	if err != nil {
		return Session{}, err
	}
	return se, nil
}

// underLimit refuses a sign-in as username once it has failed too often.
func underLimit(ctx context.Context, tx *store.Tx, username string) error {
	n, err := tx.LoginFailures(ctx, username, tx.Now().Add(-LoginWindow))
	if err != nil {
		return err
	}
	if n >= MaxLoginFailures {
		return tooManyAttempts()
	}
	return nil
}

// ActorForSession finds who holds the session of token; an unknown,
// ended or expired session is NotFound. The answer is kept until the data
// version moves (a sign-out, a role change: any write) or the session
// expires, so a page costs one small read before its own.
func (s *Service) ActorForSession(ctx context.Context, token, remote string) (Actor, error) {
	version, err := s.store.Version(ctx)
	if err != nil {
		return Actor{}, err
	}
	return s.ActorForSessionAt(ctx, version, token, remote)
}

// ActorForSessionAt is ActorForSession for a caller that has just read the
// data version (DataVersion) for its own use.
func (s *Service) ActorForSessionAt(ctx context.Context, version int64, token, remote string) (Actor, error) {
	key := sessionKey{tokenHash(token), remote}
	if a, ok := s.sessions.Get(key, version, s.Now()); ok {
		return a, nil
	}
	var (
		a       Actor
		expires time.Time
	)
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var account int64
		var err error
		if account, expires, err = tx.SessionUntil(ctx, key.hash); err != nil {
			return err
		}
		a, err = actorIn(ctx, tx, account, remote)
		return err
	})
	if err != nil {
		return Actor{}, err
	}
	s.sessions.Put(key, version, expires, a)
	return a, nil
}

// sessionKey is a session as a request presents it: the actor carries
// where the request came from, for the audit log.
type sessionKey struct{ hash, remote string }

// SignOut ends the session of token, on every instance at once.
func (s *Service) SignOut(ctx context.Context, a Actor, token string) error {
	return s.store.InTx(ctx, func(tx *store.Tx) error {
		if err := tx.DeleteSession(ctx, tokenHash(token)); err != nil {
			return err
		}
		return audit(ctx, tx, a, "session.sign_out", accountObject(a.Account), "")
	})
}

// newToken makes a session token of 32 random bytes.
func newToken() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}

// tokenHash is what the database knows of a session token.
func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func accountObject(id int64) string { return fmt.Sprintf("account:%d", id) }
