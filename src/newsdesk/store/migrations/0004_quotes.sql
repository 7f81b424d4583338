-- v4: who said what. Entities (people, organisations, places) normalized across
-- articles and outlets, their mentions per article, quotes with speaker, and the
-- analysis queue that keeps ingest fast (articles are analysed after they are stored).
CREATE TABLE entities (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,              -- person | org | place
    key         TEXT NOT NULL UNIQUE,       -- kind:folded name (spelling variants share it)
    name        TEXT NOT NULL,              -- the fullest name seen
    role        TEXT,                       -- the latest role an article stated
    first_seen  TEXT,
    last_seen   TEXT
);
CREATE INDEX entities_kind ON entities(kind, name);

-- Other keys that name the same entity: "person:zelensky" (surname alone) -> Volodymyr Zelenskyy.
CREATE TABLE entity_aliases (
    key         TEXT PRIMARY KEY,
    entity_id   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE
);

CREATE TABLE mentions (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,              -- as this article names it
    role        TEXT,
    count       INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE quotes (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id   INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    kind        TEXT NOT NULL,              -- direct | partial | reported
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,           -- offsets into articles.text
    "end"       INTEGER NOT NULL,
    speaker     TEXT,
    role        TEXT,
    verb        TEXT,
    via         TEXT,
    context     TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT ''    -- the article's title, for search
);
CREATE INDEX quotes_article ON quotes(article_id, start);
CREATE INDEX quotes_entity ON quotes(entity_id);

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker, context, title, content='quotes', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker, context, title) VALUES (new.id, new.text, new.speaker, new.context, new.title);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker, context, title)
    VALUES ('delete', old.id, old.text, old.speaker, old.context, old.title);
END;

-- One row per article: pending until analysed; content_hash says which version was analysed.
CREATE TABLE quote_analysis (
    article_id   INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    state        TEXT NOT NULL DEFAULT 'pending',   -- pending | done | failed
    content_hash TEXT,
    notes        TEXT,                              -- partial analysis or failure reason
    analyzed_at  TEXT
);
CREATE INDEX quote_analysis_pending ON quote_analysis(state) WHERE state = 'pending';
