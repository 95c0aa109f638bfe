-- rekindle journal, schema version 8: passphrases travel with export and sync.
-- Released migrations are never edited; a change to the schema is a new file.
--
-- A partner's key is one shared record, merged by partner: the greater stamp wins. A removed
-- passphrase must win over an older key arriving from another journal, so the removal is a
-- stamped record too: the partner's row in `partner_keys` goes, and a row here says when and
-- by whom it was removed. A partner has a row in at most one of the two tables.
CREATE TABLE partner_key_removals (
    partner_id  INTEGER PRIMARY KEY REFERENCES partners(id),
    set_by      INTEGER REFERENCES partners(id),
    created_at  TEXT NOT NULL,
    removed_at  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    changed_by  INTEGER REFERENCES partners(id)
);

-- "Your passphrase was set by Sam on …" is said once to its owner, on whichever device they
-- next use: the first time it is said is a stamped change of the event, so the other device
-- knows and does not say it again. (`notices_shown` keeps what this device said before.)
ALTER TABLE passphrase_events ADD COLUMN told_hlc TEXT;
ALTER TABLE passphrase_events ADD COLUMN told_at TEXT;
CREATE INDEX passphrase_events_by_hlc ON passphrase_events(hlc);
