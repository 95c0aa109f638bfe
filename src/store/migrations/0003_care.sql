-- rekindle journal, schema version 3: roles may be `unset`; focus moves may wait for agreement.
-- Released migrations are never edited; a change to the schema is a new file.
--
-- No role is preselected any more: `init` without --repairing or --mutual leaves both
-- partners `unset`, and they see only the prompts written for either partner. Journals made
-- before keep the roles they hold: a `mutual` chosen on purpose cannot be told from one that
-- was the old default, so nobody's choice is undone; `rekindle partners` now says what mutual
-- means, and `partners role` changes it.
--
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt with the same ids;
-- the migration runs with foreign keys deferred and checks them all before it commits.

CREATE TABLE partners_new (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role        TEXT NOT NULL DEFAULT 'unset'
                CHECK (role IN ('repairing', 'healing', 'mutual', 'unset')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    hlc         TEXT NOT NULL DEFAULT '',
    changed_by  INTEGER REFERENCES partners(id)
);
INSERT INTO partners_new (id, uuid, name, role, created_at, updated_at, hlc, changed_by)
    SELECT id, uuid, name, role, created_at, updated_at, hlc, changed_by FROM partners;
DROP TABLE partners;
ALTER TABLE partners_new RENAME TO partners;

-- A move of the focus to forgiveness, intimacy or renewal by anyone but the partner who was
-- hurt waits for the other partner's agreement (`focus --agree`). Until then it is kept as a
-- focus change that is `waiting`, and the focus stays where it was; agreeing makes it a
-- focus change from the day of agreement, by the partner who proposed it, with `agreed_by`
-- the one who agreed (the waiting version is kept as a revision).
ALTER TABLE focus_changes ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0;
ALTER TABLE focus_changes ADD COLUMN agreed_by INTEGER REFERENCES partners(id);
