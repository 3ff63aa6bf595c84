-- Sign-in sessions and failed sign-ins, kept in the database so that two
-- instances behind one load balancer share them.

-- A session is known by the SHA-256 of its cookie token (hex): the token
-- itself is never stored, so a copy of the database signs nobody in.
CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts (id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    remote      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Failed sign-ins by username, to slow down password guessing.
CREATE TABLE login_attempts (
    id        INTEGER PRIMARY KEY,
    username  TEXT NOT NULL,
    at        TEXT NOT NULL,
    remote    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX login_attempts_username ON login_attempts (username, at);
CREATE INDEX login_attempts_at ON login_attempts (at);
