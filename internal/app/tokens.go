package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"lantoa/internal/problem"
	"lantoa/internal/store"
	"lantoa/internal/vn"
)

// Personal API tokens let a person's scripts call the API as that person,
// without a password and without the twelve-hour limit of a session. A
// token is shown once, stored as a hash like a session, and acts with
// exactly its owner's rights at the time of each call.

// apiTokenPrefix marks a personal token, so a bearer token is looked up
// in one table only (and a leaked one is recognisable in logs and scans).
const apiTokenPrefix = "lantoa_"

// IsAPIToken reports whether a bearer token is a personal token rather
// than a session's.
func IsAPIToken(token string) bool { return strings.HasPrefix(token, apiTokenPrefix) }

// MaxTokenName bounds a token's name: a label, not a description.
const MaxTokenName = 100

// touchEvery is how stale "last used" may get: noting every call would
// make every API read a write.
const touchEvery = time.Minute

// ErrTokenName and ErrTokenExpiry are the causes of a refused token, so a
// form can show the message beside its field.
var (
	ErrTokenName   = errors.New("bad token name")
	ErrTokenExpiry = errors.New("bad token expiry")
)

// NewAPIToken is a token just made: its text, shown this once, and how it
// is listed from now on.
type NewAPIToken struct {
	Token string
	Info  store.APIToken
}

// CreateAPIToken makes a personal token for the actor's account. expires
// is the last day it works (zero: until revoked).
func (s *Service) CreateAPIToken(ctx context.Context, a Actor, name string, expires time.Time) (NewAPIToken, error) {
	if a.Account == 0 {
		return NewAPIToken{}, problem.Errorf(problem.Invalid, "Chỉ tài khoản của một người mới tạo được mã truy cập")
	}
	name = strings.TrimSpace(vn.NFC(name))
	switch {
	case name == "":
		return NewAPIToken{}, problem.Wrap(problem.Invalid, ErrTokenName, "Hãy đặt tên cho mã truy cập, ví dụ \"Bảng tính tổng hợp\"")
	case len([]rune(name)) > MaxTokenName:
		return NewAPIToken{}, problem.Wrap(problem.Invalid, ErrTokenName, fmt.Sprintf("Tên mã truy cập dài quá %d ký tự", MaxTokenName))
	}
	var out NewAPIToken
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		info := store.APIToken{Account: a.Account, Name: name}
		if !expires.IsZero() {
			last := dayOf(expires)
			if last.Before(dayOf(tx.Now())) {
				return problem.Wrap(problem.Invalid, ErrTokenExpiry,
					fmt.Sprintf("Ngày hết hạn %s đã qua; hãy chọn một ngày từ hôm nay trở đi", vn.FormatDate(last)))
			}
			info.Expires = last.AddDate(0, 0, 1) // it works through its last day
		}
		token := apiTokenPrefix + newToken()
		var err error
		if info, err = tx.CreateAPIToken(ctx, info, tokenHash(token)); err != nil {
			return err
		}
		out = NewAPIToken{Token: token, Info: info}
		return audit(ctx, tx, a, "api_token.create", apiTokenObject(info.ID), name)
	})
	return out, err
}

// APITokens lists the actor's own tokens, newest first, revoked ones too.
func (s *Service) APITokens(ctx context.Context, a Actor) ([]store.APIToken, error) {
	var out []store.APIToken
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		out, err = tx.APITokens(ctx, a.Account)
		return err
	})
	return out, err
}

// RevokeAPIToken ends one of the actor's own tokens at once, on every
// instance; another person's token is NotFound, not Forbidden, so token
// numbers tell nothing about other accounts.
func (s *Service) RevokeAPIToken(ctx context.Context, a Actor, id int64) (store.APIToken, error) {
	var t store.APIToken
	err := s.store.InTx(ctx, func(tx *store.Tx) error {
		var err error
		if t, err = tx.RevokeAPIToken(ctx, a.Account, id); err != nil {
			return err
		}
		return audit(ctx, tx, a, "api_token.revoke", apiTokenObject(id), t.Name)
	})
	return t, err
}

// ActorForBearer finds who a bearer token acts for: a personal token, or
// a session opened by signing in. An unknown, revoked or expired token is
// NotFound.
func (s *Service) ActorForBearer(ctx context.Context, token, remote string) (Actor, error) {
	if !IsAPIToken(token) {
		return s.ActorForSession(ctx, token, remote)
	}
	var t store.APIToken
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		t, err = tx.APITokenByHash(ctx, tokenHash(token))
		return err
	})
	if err != nil {
		return Actor{}, err
	}
	if s.Now().Sub(t.LastUsed) >= touchEvery {
		if err := s.store.InTx(ctx, func(tx *store.Tx) error { return tx.TouchAPIToken(ctx, t.ID) }); err != nil {
			return Actor{}, err
		}
	}
	return s.ActorFor(ctx, t.Account, remote)
}

func apiTokenObject(id int64) string { return fmt.Sprintf("api_token:%d", id) }
