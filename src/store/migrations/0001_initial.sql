-- rekindle journal, schema version 1.
-- Released migrations are never edited; a change to the schema is a new file.
--
-- Conventions: every record has a short integer `id` (shown to users), a `uuid` (for export,
-- import and merging) and `created_at`/`updated_at` (UTC, RFC 3339 with microseconds, so
-- they sort as text). `date` columns are local calendar dates, `YYYY-MM-DD`.

-- Marks the file as a rekindle journal ("RKDL"), so another program's SQLite file is
-- recognised and refused rather than migrated.
PRAGMA application_id = 1380664396;

CREATE TABLE partners (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role        TEXT NOT NULL DEFAULT 'mutual' CHECK (role IN ('repairing', 'healing', 'mutual')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- One check-in per partner per date. Its feelings live in `feelings` with `checkin_id` set.
CREATE TABLE checkins (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    partner_id    INTEGER NOT NULL REFERENCES partners(id),
    date          TEXT NOT NULL,
    trust         INTEGER NOT NULL CHECK (trust BETWEEN 1 AND 10),
    connection    INTEGER CHECK (connection BETWEEN 1 AND 10),
    step          TEXT NOT NULL,
    prompt_id     TEXT,
    answer        TEXT,
    appreciation  TEXT,
    need          TEXT,
    note          TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (partner_id, date)
);
CREATE INDEX checkins_by_date ON checkins(date, partner_id);

-- One row per feeling word, from a check-in (`checkin_id`) or a quick `feel` entry (NULL).
-- Valence is not stored: it comes from the vocabulary when read; unknown words are neutral.
CREATE TABLE feelings (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    partner_id  INTEGER NOT NULL REFERENCES partners(id),
    checkin_id  INTEGER REFERENCES checkins(id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    word        TEXT NOT NULL CHECK (length(trim(word)) > 0),
    intensity   INTEGER CHECK (intensity BETWEEN 1 AND 5),
    note        TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX feelings_by_date ON feelings(date, partner_id);
CREATE INDEX feelings_by_checkin ON feelings(checkin_id);
-- Quick `feel` entries by date, for the timeline, without reading check-ins' feelings.
CREATE INDEX feelings_alone_by_date ON feelings(date) WHERE checkin_id IS NULL;

-- A promise by one partner. One-time when `every` is NULL (`due` is its due date, if any);
-- recurring otherwise (`every` is 'day', 'weekday', 'week' or a weekday list such as
-- 'mon,thu', and `due`, if set, is the last scheduled date). Scheduled dates are computed
-- from the rule when read; they are never stored. `date` is when it is in force from.
CREATE TABLE promises (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    by_id       INTEGER NOT NULL REFERENCES partners(id),
    to_id       INTEGER REFERENCES partners(id),
    date        TEXT NOT NULL,
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    due         TEXT,
    every       TEXT,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'kept', 'missed', 'cancelled')),
    closed_on   TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX promises_by_date ON promises(date);
CREATE INDEX promises_by_partner ON promises(by_id, status);
-- Finds the open promises (and those closed after a given day) without reading closed ones.
CREATE INDEX promises_by_status ON promises(status, closed_on);

-- One outcome per promise per date. It counts for the promise's maker, whoever recorded it.
CREATE TABLE outcomes (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    promise_id   INTEGER NOT NULL REFERENCES promises(id),
    date         TEXT NOT NULL,
    result       TEXT NOT NULL CHECK (result IN ('kept', 'missed', 'skipped')),
    note         TEXT,
    recorded_by  INTEGER NOT NULL REFERENCES partners(id),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (promise_id, date)
);
CREATE INDEX outcomes_by_date ON outcomes(date);

CREATE TABLE apologies (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    by_id           INTEGER NOT NULL REFERENCES partners(id),
    to_id           INTEGER NOT NULL REFERENCES partners(id),
    date            TEXT NOT NULL,
    what            TEXT NOT NULL CHECK (length(trim(what)) > 0),
    impact          TEXT,
    responsibility  TEXT NOT NULL CHECK (length(trim(responsibility)) > 0),
    change          TEXT,
    promise_id      INTEGER REFERENCES promises(id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX apologies_by_date ON apologies(date);

-- Every answer is kept; the latest (by date, then creation) is the apology's response.
CREATE TABLE responses (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    apology_id  INTEGER NOT NULL REFERENCES apologies(id),
    by_id       INTEGER NOT NULL REFERENCES partners(id),
    date        TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('accepted', 'need-time', 'declined')),
    note        TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX responses_by_apology ON responses(apology_id, date);
CREATE INDEX responses_by_date ON responses(date);

-- The couple's focus step over time; the latest row is the current focus.
CREATE TABLE focus_changes (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    step        TEXT NOT NULL,
    date        TEXT NOT NULL,
    partner_id  INTEGER REFERENCES partners(id),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX focus_by_date ON focus_changes(date);

-- A weekly meeting from `together`, with one row per partner for their part of it.
CREATE TABLE meetings (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    date        TEXT NOT NULL,
    went_well   TEXT,
    work_on     TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX meetings_by_date ON meetings(date);

CREATE TABLE meeting_partners (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    partner_id    INTEGER NOT NULL REFERENCES partners(id),
    appreciation  TEXT,
    request       TEXT,
    promise_id    INTEGER REFERENCES promises(id),
    UNIQUE (meeting_id, partner_id)
);

-- Full-text search over every free-text field. One row per record that has text, keyed by
-- rowid = record id * 16 + kind code, so triggers find and replace it without a scan:
-- 1 check-in, 2 feeling, 3 promise, 4 outcome, 5 apology, 6 response, 8 meeting,
-- 9 meeting part (a meeting_partners row).
CREATE VIRTUAL TABLE search USING fts5(
    body,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER checkins_search_insert AFTER INSERT ON checkins BEGIN
    INSERT INTO search(rowid, body)
    VALUES (new.id * 16 + 1, concat_ws(char(10), new.answer, new.appreciation, new.need, new.note));
END;
CREATE TRIGGER checkins_search_update AFTER UPDATE ON checkins BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 1;
    INSERT INTO search(rowid, body)
    VALUES (new.id * 16 + 1, concat_ws(char(10), new.answer, new.appreciation, new.need, new.note));
END;
CREATE TRIGGER checkins_search_delete AFTER DELETE ON checkins BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 1;
END;

CREATE TRIGGER feelings_search_insert AFTER INSERT ON feelings BEGIN
    INSERT INTO search(rowid, body) VALUES (new.id * 16 + 2, concat_ws(char(10), new.word, new.note));
END;
CREATE TRIGGER feelings_search_update AFTER UPDATE ON feelings BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 2;
    INSERT INTO search(rowid, body) VALUES (new.id * 16 + 2, concat_ws(char(10), new.word, new.note));
END;
CREATE TRIGGER feelings_search_delete AFTER DELETE ON feelings BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 2;
END;

CREATE TRIGGER promises_search_insert AFTER INSERT ON promises BEGIN
    INSERT INTO search(rowid, body) VALUES (new.id * 16 + 3, new.text);
END;
CREATE TRIGGER promises_search_update AFTER UPDATE OF text ON promises BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 3;
    INSERT INTO search(rowid, body) VALUES (new.id * 16 + 3, new.text);
END;
CREATE TRIGGER promises_search_delete AFTER DELETE ON promises BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 3;
END;

CREATE TRIGGER outcomes_search_insert AFTER INSERT ON outcomes WHEN new.note IS NOT NULL BEGIN
    INSERT INTO search(rowid, body) VALUES (new.id * 16 + 4, new.note);
END;
CREATE TRIGGER outcomes_search_update AFTER UPDATE ON outcomes BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 4;
    INSERT INTO search(rowid, body) SELECT new.id * 16 + 4, new.note WHERE new.note IS NOT NULL;
END;
CREATE TRIGGER outcomes_search_delete AFTER DELETE ON outcomes BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 4;
END;

CREATE TRIGGER apologies_search_insert AFTER INSERT ON apologies BEGIN
    INSERT INTO search(rowid, body)
    VALUES (new.id * 16 + 5, concat_ws(char(10), new.what, new.impact, new.responsibility, new.change));
END;
CREATE TRIGGER apologies_search_update AFTER UPDATE ON apologies BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 5;
    INSERT INTO search(rowid, body)
    VALUES (new.id * 16 + 5, concat_ws(char(10), new.what, new.impact, new.responsibility, new.change));
END;
CREATE TRIGGER apologies_search_delete AFTER DELETE ON apologies BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 5;
END;

CREATE TRIGGER responses_search_insert AFTER INSERT ON responses WHEN new.note IS NOT NULL BEGIN
    INSERT INTO search(rowid, body) VALUES (new.id * 16 + 6, new.note);
END;
CREATE TRIGGER responses_search_update AFTER UPDATE ON responses BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 6;
    INSERT INTO search(rowid, body) SELECT new.id * 16 + 6, new.note WHERE new.note IS NOT NULL;
END;
CREATE TRIGGER responses_search_delete AFTER DELETE ON responses BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 6;
END;

CREATE TRIGGER meetings_search_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO search(rowid, body) VALUES (new.id * 16 + 8, concat_ws(char(10), new.went_well, new.work_on));
END;
CREATE TRIGGER meetings_search_update AFTER UPDATE ON meetings BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 8;
    INSERT INTO search(rowid, body) VALUES (new.id * 16 + 8, concat_ws(char(10), new.went_well, new.work_on));
END;
CREATE TRIGGER meetings_search_delete AFTER DELETE ON meetings BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 8;
END;

CREATE TRIGGER meeting_partners_search_insert AFTER INSERT ON meeting_partners BEGIN
    INSERT INTO search(rowid, body) VALUES (new.id * 16 + 9, concat_ws(char(10), new.appreciation, new.request));
END;
CREATE TRIGGER meeting_partners_search_update AFTER UPDATE ON meeting_partners BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 9;
    INSERT INTO search(rowid, body) VALUES (new.id * 16 + 9, concat_ws(char(10), new.appreciation, new.request));
END;
CREATE TRIGGER meeting_partners_search_delete AFTER DELETE ON meeting_partners BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 9;
END;
