-- rekindle journal, schema version 10: keys opened on this computer.
-- Released migrations are never edited; a change to the schema is a new file.
--
-- A partner's key (their age recipient) can arrive from another journal, by import or sync.
-- Private words are encrypted to it only once it has been made or opened on this computer:
-- a key that merely arrived could be one that somebody else made, and words encrypted to it
-- would be theirs to read. Opening it (the partner's passphrase unlocks it here) or making it
-- here (`partners passphrase`) puts it in this table, as that partner's: the key of one
-- partner never counts as opened for the other. Device-local: it never
-- travels, and an export never holds it. Keys already in a journal when it was upgraded are
-- trusted as they are.
CREATE TABLE keys_opened_here (
    partner_id INTEGER NOT NULL REFERENCES partners(id),
    recipient  TEXT NOT NULL,
    PRIMARY KEY (partner_id, recipient)
);
INSERT OR IGNORE INTO keys_opened_here (partner_id, recipient)
    SELECT partner_id, recipient FROM partner_keys;
