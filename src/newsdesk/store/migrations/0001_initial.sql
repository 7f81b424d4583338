-- newsdesk schema v1: sources, articles with full-text search, room for stories.
CREATE TABLE sources (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL DEFAULT 'feed',   -- feed | site | file | url
    title         TEXT,
    site_url      TEXT,
    paused        INTEGER NOT NULL DEFAULT 0,
    etag          TEXT,
    last_modified TEXT,
    last_fetch    TEXT,
    last_success  TEXT,
    last_error    TEXT,
    error_count   INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
);

CREATE TABLE stories (
    id                INTEGER PRIMARY KEY,
    title             TEXT NOT NULL DEFAULT '',
    representative_id INTEGER,
    first_seen        TEXT,
    last_seen         TEXT
);

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    source_id     INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    story_id      INTEGER REFERENCES stories(id) ON DELETE SET NULL,
    url           TEXT NOT NULL,
    key_url       TEXT NOT NULL UNIQUE,          -- canonical URL, normalized
    content_hash  TEXT NOT NULL,
    title         TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL DEFAULT '',      -- paragraphs joined by a blank line
    html          TEXT NOT NULL DEFAULT '',      -- sanitized
    authors       TEXT NOT NULL DEFAULT '[]',    -- JSON list
    published     TEXT,                          -- ISO 8601 with the page's own offset
    updated       TEXT,
    sort_ts       REAL NOT NULL,                 -- epoch of published, else fetched
    language      TEXT,
    site_name     TEXT,
    description   TEXT,
    image         TEXT,                          -- JSON {url, caption, credit}
    images        TEXT NOT NULL DEFAULT '[]',
    section       TEXT,
    tags          TEXT NOT NULL DEFAULT '[]',
    flags         TEXT NOT NULL DEFAULT '{}',
    fetched_at    TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_sort ON articles(sort_ts DESC);
CREATE INDEX articles_source ON articles(source_id, sort_ts DESC);
CREATE INDEX articles_story ON articles(story_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Bad input that was skipped, with where and why, so the user can see it.
CREATE TABLE problems (
    id        INTEGER PRIMARY KEY,
    source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,
    location  TEXT NOT NULL,
    reason    TEXT NOT NULL,
    at        TEXT NOT NULL
);
CREATE INDEX problems_source ON problems(source_id, at DESC);
