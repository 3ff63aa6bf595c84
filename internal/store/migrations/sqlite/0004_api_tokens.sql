-- Personal API tokens: a person makes one for a script or another system,
-- sees it once, and may revoke it. Like a session, a token is known only
-- by the SHA-256 of its text (hex), so a copy of the database opens nothing.
-- A revoked token is kept (revoked_at set) so the owner still sees it listed.
CREATE TABLE api_tokens (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts (id),
    name          TEXT NOT NULL,
    token_hash    TEXT NOT NULL UNIQUE,
    created_at    TEXT NOT NULL,
    last_used_at  TEXT,
    expires_at    TEXT,
    revoked_at    TEXT
);
CREATE INDEX api_tokens_account ON api_tokens (account_id);
