-- v2: per-article reading state (read, starred), kept apart from the article's content
-- so that re-fetching an article never resets what the reader did with it.
ALTER TABLE articles ADD COLUMN read_at TEXT;
ALTER TABLE articles ADD COLUMN starred_at TEXT;
CREATE INDEX articles_unread ON articles(sort_ts DESC) WHERE read_at IS NULL;
