-- v6: the reader's own state: settings, accounts, login sessions and API tokens.
-- Self-contained: it touches only its own tables (and adds one index on articles).
CREATE TABLE reader_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,                 -- scrypt$n$r$p$salt$hash
    is_admin      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
);

-- Only hashes of session cookies and API tokens are kept: a copied database file
-- does not log anyone in.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at REAL NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used  TEXT
);

-- Language filters on the front page, search and the API.
CREATE INDEX articles_language ON articles(language, sort_ts DESC);

-- The front page groups a window of articles by story: this index covers that scan, so it never
-- reads the article rows themselves (their bodies sit in overflow pages before these columns).
CREATE INDEX articles_front ON articles(sort_ts, id, story_id, source_id, site_name, language, read_at);
