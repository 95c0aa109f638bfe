-- rekindle journal, schema version 2: history that never lies.
-- Released migrations are never edited; a change to the schema is a new file.
--
-- Every record carries the stamp of its last change (`hlc`, a hybrid logical clock stamp,
-- see src/domain/hlc.rs) and who made that change (`changed_by`; the author columns stay the
-- author). A change keeps the version it replaced in `revisions`; a delete leaves a
-- `tombstones` row and nothing of the record's content; `withdrawals` remember which earlier
-- words an edit took back. A check-in's feelings and a meeting's parts travel with their
-- record: they carry its stamp and have no revisions of their own.
--
-- Device-local, never exported: `this_device` (this journal's device id and clock) and
-- `changes` (this journal's own changes, for `undo`).

ALTER TABLE partners ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE partners ADD COLUMN changed_by INTEGER REFERENCES partners(id);
ALTER TABLE checkins ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE checkins ADD COLUMN changed_by INTEGER REFERENCES partners(id);
ALTER TABLE feelings ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE feelings ADD COLUMN changed_by INTEGER REFERENCES partners(id);
ALTER TABLE promises ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE promises ADD COLUMN changed_by INTEGER REFERENCES partners(id);
ALTER TABLE outcomes ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE outcomes ADD COLUMN changed_by INTEGER REFERENCES partners(id);
ALTER TABLE apologies ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE apologies ADD COLUMN changed_by INTEGER REFERENCES partners(id);
ALTER TABLE responses ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE responses ADD COLUMN changed_by INTEGER REFERENCES partners(id);
ALTER TABLE focus_changes ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE focus_changes ADD COLUMN changed_by INTEGER REFERENCES partners(id);
ALTER TABLE meetings ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN changed_by INTEGER REFERENCES partners(id);

-- Records that are one per something (a check-in per partner and day, an outcome per promise
-- and day, a focus change per step and day) may have been written under two uuids on two
-- computers. They are merged into one: `uuid` is the smaller of the two, and `origin` the
-- uuid whose version the row holds now (NULL when it is `uuid` itself).
ALTER TABLE checkins ADD COLUMN origin TEXT;
ALTER TABLE outcomes ADD COLUMN origin TEXT;
ALTER TABLE focus_changes ADD COLUMN origin TEXT;

-- The focus `init` sets (the first step, by nobody) is the journal's start: two journals set
-- up apart have one start between them, the earlier.
ALTER TABLE focus_changes ADD COLUMN start INTEGER NOT NULL DEFAULT 0;

-- An apology its author took back, visibly: it stays, marked withdrawn on this date.
ALTER TABLE apologies ADD COLUMN withdrawn_on TEXT;

-- Stamps for what is already there: `updated_at` as milliseconds, the microseconds within
-- the millisecond as the counter, and the legacy device. Sliced as text, as SQLite's date
-- functions round to whole milliseconds. Importing a version 1 export computes the same.
UPDATE partners SET hlc = printf('%012x-%04x-0000000000000000',
    unixepoch(substr(updated_at, 1, 19)) * 1000 + CAST(substr(updated_at, 21, 3) AS INTEGER),
    CAST(substr(updated_at, 24, 3) AS INTEGER));
UPDATE checkins SET changed_by = partner_id, hlc = printf('%012x-%04x-0000000000000000',
    unixepoch(substr(updated_at, 1, 19)) * 1000 + CAST(substr(updated_at, 21, 3) AS INTEGER),
    CAST(substr(updated_at, 24, 3) AS INTEGER));
UPDATE feelings SET changed_by = partner_id, hlc = printf('%012x-%04x-0000000000000000',
    unixepoch(substr(updated_at, 1, 19)) * 1000 + CAST(substr(updated_at, 21, 3) AS INTEGER),
    CAST(substr(updated_at, 24, 3) AS INTEGER))
    WHERE checkin_id IS NULL;
UPDATE promises SET changed_by = by_id, hlc = printf('%012x-%04x-0000000000000000',
    unixepoch(substr(updated_at, 1, 19)) * 1000 + CAST(substr(updated_at, 21, 3) AS INTEGER),
    CAST(substr(updated_at, 24, 3) AS INTEGER));
UPDATE outcomes SET changed_by = recorded_by, hlc = printf('%012x-%04x-0000000000000000',
    unixepoch(substr(updated_at, 1, 19)) * 1000 + CAST(substr(updated_at, 21, 3) AS INTEGER),
    CAST(substr(updated_at, 24, 3) AS INTEGER));
UPDATE apologies SET changed_by = by_id, hlc = printf('%012x-%04x-0000000000000000',
    unixepoch(substr(updated_at, 1, 19)) * 1000 + CAST(substr(updated_at, 21, 3) AS INTEGER),
    CAST(substr(updated_at, 24, 3) AS INTEGER));
UPDATE responses SET changed_by = by_id, hlc = printf('%012x-%04x-0000000000000000',
    unixepoch(substr(updated_at, 1, 19)) * 1000 + CAST(substr(updated_at, 21, 3) AS INTEGER),
    CAST(substr(updated_at, 24, 3) AS INTEGER));
UPDATE focus_changes SET changed_by = partner_id, hlc = printf('%012x-%04x-0000000000000000',
    unixepoch(substr(updated_at, 1, 19)) * 1000 + CAST(substr(updated_at, 21, 3) AS INTEGER),
    CAST(substr(updated_at, 24, 3) AS INTEGER));
UPDATE meetings SET hlc = printf('%012x-%04x-0000000000000000',
    unixepoch(substr(updated_at, 1, 19)) * 1000 + CAST(substr(updated_at, 21, 3) AS INTEGER),
    CAST(substr(updated_at, 24, 3) AS INTEGER));
-- A record changed more than two years ahead of now (a clock far off, or a crafted file
-- imported before stamps existed) is stamped now instead, so the next change made here
-- overtakes it rather than losing to it for good.
UPDATE partners SET hlc = printf('%012x-0000-0000000000000000', unixepoch('now') * 1000)
    WHERE unixepoch(substr(updated_at, 1, 19)) > unixepoch('now', '+731 days');
UPDATE checkins SET hlc = printf('%012x-0000-0000000000000000', unixepoch('now') * 1000)
    WHERE unixepoch(substr(updated_at, 1, 19)) > unixepoch('now', '+731 days');
UPDATE feelings SET hlc = printf('%012x-0000-0000000000000000', unixepoch('now') * 1000)
    WHERE unixepoch(substr(updated_at, 1, 19)) > unixepoch('now', '+731 days');
UPDATE promises SET hlc = printf('%012x-0000-0000000000000000', unixepoch('now') * 1000)
    WHERE unixepoch(substr(updated_at, 1, 19)) > unixepoch('now', '+731 days');
UPDATE outcomes SET hlc = printf('%012x-0000-0000000000000000', unixepoch('now') * 1000)
    WHERE unixepoch(substr(updated_at, 1, 19)) > unixepoch('now', '+731 days');
UPDATE apologies SET hlc = printf('%012x-0000-0000000000000000', unixepoch('now') * 1000)
    WHERE unixepoch(substr(updated_at, 1, 19)) > unixepoch('now', '+731 days');
UPDATE responses SET hlc = printf('%012x-0000-0000000000000000', unixepoch('now') * 1000)
    WHERE unixepoch(substr(updated_at, 1, 19)) > unixepoch('now', '+731 days');
UPDATE focus_changes SET hlc = printf('%012x-0000-0000000000000000', unixepoch('now') * 1000)
    WHERE unixepoch(substr(updated_at, 1, 19)) > unixepoch('now', '+731 days');
UPDATE meetings SET hlc = printf('%012x-0000-0000000000000000', unixepoch('now') * 1000)
    WHERE unixepoch(substr(updated_at, 1, 19)) > unixepoch('now', '+731 days');
-- A check-in's feelings carry its stamp.
UPDATE feelings SET
    hlc = (SELECT c.hlc FROM checkins c WHERE c.id = feelings.checkin_id),
    changed_by = (SELECT c.changed_by FROM checkins c WHERE c.id = feelings.checkin_id)
    WHERE checkin_id IS NOT NULL;
UPDATE focus_changes SET start = 1 WHERE id = (
    SELECT id FROM focus_changes ORDER BY date, created_at, id LIMIT 1)
    AND partner_id IS NULL AND step = 'responsibility';

-- The versions a record had before its current one: a set keyed by the record, the stamp
-- and the uuid the version was written under (`origin`). `body` is the record as an export
-- lists it then (a check-in with its feelings); `withdrawn` names the fields whose words an
-- edit took back (`edit --forget-previous`), now null in `body`. Never in the search index.
CREATE TABLE revisions (
    kind       TEXT NOT NULL,
    uuid       TEXT NOT NULL,
    hlc        TEXT NOT NULL,
    origin     TEXT NOT NULL,
    by_id      INTEGER REFERENCES partners(id),
    at         TEXT NOT NULL,
    body       TEXT NOT NULL,
    withdrawn  TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (kind, uuid, hlc, origin)
);

-- A deleted record: its kind, uuid, whose it was and for which day, who deleted it and when;
-- none of its content. A tombstone wins over every version of its record, whatever the
-- stamp, and is never removed. `shown` is 0 for the other uuids of a merged record, so the
-- timeline says once that it was deleted.
CREATE TABLE tombstones (
    kind        TEXT NOT NULL,
    uuid        TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    by_id       INTEGER REFERENCES partners(id),
    author_id   INTEGER REFERENCES partners(id),
    date        TEXT NOT NULL,
    deleted_on  TEXT NOT NULL,
    at          TEXT NOT NULL,
    shown       INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (kind, uuid)
);
CREATE INDEX tombstones_by_date ON tombstones(date) WHERE shown = 1;

-- `edit --forget-previous`: the words of `field` in every version of the record older than
-- `hlc` are withdrawn, including versions that arrive later from another journal.
CREATE TABLE withdrawals (
    kind   TEXT NOT NULL,
    uuid   TEXT NOT NULL,
    field  TEXT NOT NULL,
    hlc    TEXT NOT NULL,
    by_id  INTEGER REFERENCES partners(id),
    at     TEXT NOT NULL,
    PRIMARY KEY (kind, uuid, field, hlc)
);

-- The other uuids of a merged record (see `origin` above), each pointing at `uuid`.
CREATE TABLE aliases (
    kind   TEXT NOT NULL,
    alias  TEXT NOT NULL,
    uuid   TEXT NOT NULL,
    PRIMARY KEY (kind, alias)
);

-- Device-local: this journal's device id, and the state of its clock written as the latest
-- stamp it made or saw (its device part is not used). One row.
CREATE TABLE this_device (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    device  TEXT NOT NULL CHECK (length(device) = 16),
    clock   TEXT NOT NULL DEFAULT ''
);
INSERT INTO this_device (id, device) VALUES (1, lower(hex(randomblob(8))));
-- The clock starts at the latest stamp the journal holds, so its next change comes after it.
UPDATE this_device SET clock = (SELECT ifnull(max(h), '') FROM (
    SELECT max(hlc) AS h FROM partners UNION ALL SELECT max(hlc) FROM checkins
    UNION ALL SELECT max(hlc) FROM feelings UNION ALL SELECT max(hlc) FROM promises
    UNION ALL SELECT max(hlc) FROM outcomes UNION ALL SELECT max(hlc) FROM apologies
    UNION ALL SELECT max(hlc) FROM responses UNION ALL SELECT max(hlc) FROM focus_changes
    UNION ALL SELECT max(hlc) FROM meetings));

-- Device-local: the changes made with this journal, for `undo`. One row per record a
-- command changed; the rows of one command share its stamp.
CREATE TABLE changes (
    id          INTEGER PRIMARY KEY,
    hlc         TEXT NOT NULL,
    partner_id  INTEGER REFERENCES partners(id),
    kind        TEXT NOT NULL,
    uuid        TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('add', 'edit', 'delete', 'withdraw', 'undo')),
    at          TEXT NOT NULL,
    undone      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX changes_by_partner ON changes(partner_id, hlc);

-- Deleted words leave the search index too, not only its visible rows.
INSERT INTO search(search, rank) VALUES ('secure-delete', 1);
