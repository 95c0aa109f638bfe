-- rekindle journal, schema version 4: two devices (issue 17).
-- Released migrations are never edited; a change to the schema is a new file.
--
-- Every table here is device-local: never exported, never in a sync batch. A device is a
-- journal file, so two journals on one computer are two devices.

-- This journal's place in a sync folder: one row once `sync init` or `sync join` ran.
-- `secret` is the couple's sync key (what the pairing code carries) and `sign_secret` this
-- device's own Ed25519 signing key; neither is ever written to the folder. `owner_id` is the
-- partner this device belongs to (`--as` at init or join). Batches are numbered from
-- `next_seq`; `sent_upto` is the clock's state when the last batch's range was taken (a
-- change stamped after it has not been sent). `waiting` says why the last automatic or manual
-- sync could not reach the folder, NULL when it could.
CREATE TABLE sync_settings (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    dir          TEXT NOT NULL,
    secret       BLOB NOT NULL CHECK (length(secret) = 16),
    sign_secret  BLOB NOT NULL CHECK (length(sign_secret) = 32),
    owner_id     INTEGER REFERENCES partners(id),
    auto         INTEGER NOT NULL DEFAULT 1,
    next_seq     INTEGER NOT NULL DEFAULT 1,
    sent_upto    TEXT NOT NULL DEFAULT '',
    paired_at    TEXT NOT NULL,
    last_sync_at TEXT,
    waiting      TEXT
);

-- This device's batches: numbers are allocated with their range of stamps inside a write
-- transaction (two commands never take one number); `written_at` is NULL until the file is in
-- the folder, so a batch that could not be written is written at the next sync.
CREATE TABLE sync_outbox (
    seq         INTEGER PRIMARY KEY,
    snapshot    INTEGER NOT NULL DEFAULT 0,
    from_hlc    TEXT NOT NULL,
    to_hlc      TEXT NOT NULL,
    records     INTEGER,
    bytes       INTEGER,
    written_at  TEXT
);

-- The other devices seen in the folder, each with the signing key it was first seen with
-- (pinned: a later file under another key is refused) and the partner it belongs to.
-- `covered_upto`: the latest snapshot of that device applied here covers its numbers up to it.
CREATE TABLE sync_devices (
    device        TEXT PRIMARY KEY CHECK (length(device) = 16),
    sign_key      BLOB NOT NULL CHECK (length(sign_key) = 32),
    owner_uuid    TEXT,
    first_seen    TEXT NOT NULL,
    covered_upto  INTEGER NOT NULL DEFAULT 0
);

-- What became of each file read from another device's folder. Only 'applied' is final;
-- the others are tried again at every sync (a held batch waits for a record it names).
CREATE TABLE sync_inbox (
    device   TEXT NOT NULL,
    seq      INTEGER NOT NULL,
    status   TEXT NOT NULL
        CHECK (status IN ('applied', 'held', 'damaged', 'foreign', 'newer', 'other-key')),
    detail   TEXT,
    bytes    INTEGER,
    seen_at  TEXT NOT NULL,
    PRIMARY KEY (device, seq)
);
