-- rekindle journal, schema version 5: two people, not one user.
-- Released migrations are never edited; a change to the schema is a new file.
--
-- A partner with a passphrase has a key pair (age X25519): the public part (`recipient`)
-- encrypts their private words without asking for anything, and the secret part is stored
-- only wrapped under their passphrase (`wrapped`, an age scrypt file whose cost is recorded
-- in it). The row is shared (stamped like every record), so another journal of the couple can
-- check this partner's passphrase too. One row per partner; removing a passphrase removes it.
CREATE TABLE partner_keys (
    partner_id  INTEGER PRIMARY KEY REFERENCES partners(id),
    uuid        TEXT NOT NULL UNIQUE,
    recipient   TEXT NOT NULL,
    wrapped     BLOB NOT NULL,
    set_by      INTEGER REFERENCES partners(id),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    hlc         TEXT NOT NULL DEFAULT '',
    changed_by  INTEGER REFERENCES partners(id)
);

-- What happened to passphrases, for the timeline: set, changed, removed, by whom, for whom.
-- No key material.
CREATE TABLE passphrase_events (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    partner_id  INTEGER NOT NULL REFERENCES partners(id),
    by_id       INTEGER REFERENCES partners(id),
    action      TEXT NOT NULL CHECK (action IN ('set', 'change', 'remove')),
    date        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    hlc         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX passphrase_events_by_date ON passphrase_events(date);

-- Device-local: which "your passphrase was set by …" notices this journal has shown.
CREATE TABLE notices_shown (
    event_id  INTEGER PRIMARY KEY REFERENCES passphrase_events(id) ON DELETE CASCADE,
    at        TEXT NOT NULL
);

-- A check-in whose words are private: `answer`, `appreciation`, `need` and `note` are NULL
-- (so nothing of them reaches the search index) and `private` holds them as one small JSON
-- object encrypted to the author's recipient. Scores and feelings stay shared.
-- `revealed_on`: the day private words were shared with `reveal`.
ALTER TABLE checkins ADD COLUMN private BLOB;
ALTER TABLE checkins ADD COLUMN revealed_on TEXT;

-- Device-local: what an interrupted `together` had gathered, offered to the next one.
CREATE TABLE meeting_drafts (
    date      TEXT PRIMARY KEY,
    body      TEXT NOT NULL,
    saved_at  TEXT NOT NULL
);
