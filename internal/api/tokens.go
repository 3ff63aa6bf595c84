package api

import (
	"net/http"
	"strconv"

	"lantoa/internal/store"
)

type tokenView struct {
	ID        int64   `json:"id"`
	Name      string  `json:"name"`
	CreatedAt string  `json:"created_at"`
	LastUsed  *string `json:"last_used_at"` // null: never used
	ExpiresOn *string `json:"expires_on"`   // the last day it works; null: until revoked
	RevokedAt *string `json:"revoked_at"`
}

func tokenOf(t store.APIToken) tokenView {
	return tokenView{ID: t.ID, Name: t.Name, CreatedAt: moment(t.CreatedAt), LastUsed: momentOrNil(t.LastUsed),
		ExpiresOn: day(t.LastDay()), RevokedAt: momentOrNil(t.Revoked)}
}

type newTokenJSON struct {
	Name      string `json:"name"`
	ExpiresOn date   `json:"expires_on"`
}

type createdTokenView struct {
	tokenView
	Token string `json:"token"` // shown this once
}

// createToken makes a personal token for the caller; its text is in this
// answer and nowhere else, ever.
func (s *server) createToken(w http.ResponseWriter, r *http.Request, c caller) error {
	var in newTokenJSON
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	t, err := s.app.CreateAPIToken(r.Context(), c.actor, in.Name, in.ExpiresOn.Time)
	if err != nil {
		return err
	}
	w.Header().Set("Location", prefix+"/tokens/"+strconv.FormatInt(t.Info.ID, 10))
	return reply(w, http.StatusCreated, createdTokenView{tokenView: tokenOf(t.Info), Token: t.Token})
}

// tokens lists the caller's own tokens.
func (s *server) tokens(w http.ResponseWriter, r *http.Request, c caller) error {
	ts, err := s.app.APITokens(r.Context(), c.actor)
	if err != nil {
		return err
	}
	out := make([]tokenView, len(ts))
	for i, t := range ts {
		out[i] = tokenOf(t)
	}
	return reply(w, http.StatusOK, out)
}

// revokeToken ends one of the caller's tokens.
func (s *server) revokeToken(w http.ResponseWriter, r *http.Request, c caller) error {
	id, err := pathID(r, "mã truy cập")
	if err != nil {
		return err
	}
	if _, err := s.app.RevokeAPIToken(r.Context(), c.actor, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
