-- v5: listening. One narration per article or story (the latest version only: its
-- key names the files on disk), where each listener left off, and the listening queue.
CREATE TABLE audio (
    kind            TEXT NOT NULL CHECK (kind IN ('article', 'story')),
    target_id       INTEGER NOT NULL,
    status          TEXT NOT NULL,                -- queued | running | ready | failed | unavailable
    priority        INTEGER NOT NULL DEFAULT 0,   -- 2: someone is waiting to hear it, 1: queued to listen, 0: background
    key             TEXT,                         -- hash of the script and the voice: names the files
    reason          TEXT,                         -- why it failed or is unavailable, or a note (truncated, fallback voice)
    engine          TEXT,
    voice           TEXT,
    language        TEXT,
    sentences_total INTEGER NOT NULL DEFAULT 0,
    sentences_done  INTEGER NOT NULL DEFAULT 0,
    words           INTEGER NOT NULL DEFAULT 0,
    duration        REAL,                         -- seconds, as decoded back from the file
    ogg_bytes       INTEGER,
    mp3_bytes       INTEGER,
    synth_seconds   REAL,                         -- wall time spent generating (real-time factor = this / duration)
    requested_at    TEXT NOT NULL,
    started_at      TEXT,
    finished_at     TEXT,
    PRIMARY KEY (kind, target_id)
);
CREATE INDEX audio_pending ON audio(priority DESC, requested_at) WHERE status = 'queued';

CREATE TABLE listen_positions (
    kind        TEXT NOT NULL,
    target_id   INTEGER NOT NULL,
    position    REAL NOT NULL DEFAULT 0,   -- seconds
    duration    REAL,
    finished_at TEXT,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (kind, target_id)
);

CREATE TABLE listen_queue (
    id        INTEGER PRIMARY KEY,         -- order of the queue
    kind      TEXT NOT NULL,
    target_id INTEGER NOT NULL,
    added_at  TEXT NOT NULL,
    UNIQUE (kind, target_id)
);
