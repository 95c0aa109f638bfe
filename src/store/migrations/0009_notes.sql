-- rekindle journal, schema version 9: notes, and feelings kept private.
-- Released migrations are never edited; a change to the schema is a new file.
-- This script stands alone: it only adds (and redefines the feelings' search triggers), so
-- it runs in any order after 0006 (it came after 0007 and 0008).
--
-- A note is a free entry by one partner for a day (`rekindle note`). Shared, its words are
-- in `text`. Private (`note --private`), `text` is NULL and `ciphertext` holds the words
-- encrypted to the author's key (an age file); a private note that came from another device
-- by sync has neither (`private` = 1 and `ciphertext` NULL: only the stub travels).
-- `revealed_on`: the day a private note was shared with `reveal`. Its earlier versions go to
-- `revisions` (a private one's as ciphertext), its delete to `tombstones` (kind `note`).
-- Search rows use kind code 11, for shared notes only.
CREATE TABLE notes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT NOT NULL UNIQUE,
    partner_id  INTEGER NOT NULL REFERENCES partners(id),
    date        TEXT NOT NULL,
    text        TEXT,
    private     INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    ciphertext  BLOB,
    revealed_on TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    hlc         TEXT NOT NULL DEFAULT '',
    changed_by  INTEGER REFERENCES partners(id),
    CHECK (private = 1 OR (length(trim(text)) > 0 AND ciphertext IS NULL)),
    CHECK (private = 0 OR text IS NULL)
);
CREATE INDEX notes_by_date ON notes(date);

CREATE TRIGGER notes_search_insert AFTER INSERT ON notes WHEN new.text IS NOT NULL BEGIN
    INSERT INTO search(rowid, body) VALUES (new.id * 16 + 11, new.text);
END;
CREATE TRIGGER notes_search_update AFTER UPDATE ON notes BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 11;
    INSERT INTO search(rowid, body) SELECT new.id * 16 + 11, new.text WHERE new.text IS NOT NULL;
END;
CREATE TRIGGER notes_search_delete AFTER DELETE ON notes BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 11;
END;

-- A private feeling (`feel --private`): the whole feeling (word, strength and note) is one
-- small JSON object in `private`, encrypted to the author's key. The readable columns hold
-- nothing of it: `word` is the placeholder '-' (the column cannot be empty), `intensity` and
-- `note` are NULL. It is left out of the search index, progress and every shared view.
-- `revealed_on`: the day it was shared with `reveal`.
ALTER TABLE feelings ADD COLUMN private BLOB;
ALTER TABLE feelings ADD COLUMN revealed_on TEXT;

DROP TRIGGER feelings_search_insert;
DROP TRIGGER feelings_search_update;
CREATE TRIGGER feelings_search_insert AFTER INSERT ON feelings WHEN new.private IS NULL BEGIN
    INSERT INTO search(rowid, body) VALUES (new.id * 16 + 2, concat_ws(char(10), new.word, new.note));
END;
CREATE TRIGGER feelings_search_update AFTER UPDATE ON feelings BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 2;
    INSERT INTO search(rowid, body)
    SELECT new.id * 16 + 2, concat_ws(char(10), new.word, new.note) WHERE new.private IS NULL;
END;
