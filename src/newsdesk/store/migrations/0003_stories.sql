-- v3: stories grouped as articles stream in (issue 4). The stories table and
-- articles.story_id exist since v1; this adds what the engine keeps.
ALTER TABLE stories ADD COLUMN merged_into INTEGER;            -- a merged story's id redirects here
ALTER TABLE stories ADD COLUMN storyline_id INTEGER;           -- stories of one ongoing topic share it
ALTER TABLE stories ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN outlets TEXT NOT NULL DEFAULT '[]';
ALTER TABLE stories ADD COLUMN updated_at TEXT;
CREATE INDEX stories_storyline ON stories(storyline_id);
CREATE INDEX stories_last_seen ON stories(last_seen DESC);

-- An article that copies an earlier one, with the evidence.
CREATE TABLE duplicates (
    article_id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    original_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,                  -- exact | near | rewrite
    jaccard       REAL NOT NULL,
    title_overlap REAL NOT NULL,
    evidence      TEXT NOT NULL
);
CREATE INDEX duplicates_original ON duplicates(original_id);

-- The features the engine compared, so the open window is rebuilt after a restart
-- without re-reading and re-tokenizing article text.
CREATE TABLE story_features (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id   INTEGER,                           -- the engine's story, also for a lone article
    ts         REAL,
    features   TEXT NOT NULL
);
CREATE INDEX story_features_ts ON story_features(ts);
