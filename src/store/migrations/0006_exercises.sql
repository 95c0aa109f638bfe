-- rekindle journal, schema version 6: the guided exercises.
-- Released migrations are never edited; a change to the schema is a new file.
--
-- One table holds the three exercises, told apart by `type`:
--   incident  talking through a hard moment afterwards: `what` names the moment, then how
--             the author felt (`felt`), how they saw it (`view`), what it touched in them
--             (`triggers`), their own part in that moment (`own_part`) and one idea for next
--             time (`plan`). It is never about who is to blame for the betrayal.
--   trigger   one line of a trigger plan: what sets off the hurt (`what`), what helps
--             (`helps`), and what the partner repairing trust does then (`repair`).
--   request   something specific the partner who was hurt asks for (`what`); `promise_id`
--             links the promise the other partner turned it into.
-- Each row belongs to its author (`partner_id`) and carries a stamp like every record since
-- schema version 2; its earlier versions go to `revisions`, its delete to `tombstones`
-- (kind `exercise`). Search rows use kind code 10.
-- This script stands alone: it only adds, so it runs in any order after 0002.

CREATE TABLE exercises (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    type        TEXT NOT NULL CHECK (type IN ('incident', 'trigger', 'request')),
    partner_id  INTEGER NOT NULL REFERENCES partners(id),
    date        TEXT NOT NULL,
    what        TEXT NOT NULL CHECK (length(trim(what)) > 0),
    felt        TEXT,
    view        TEXT,
    triggers    TEXT,
    own_part    TEXT,
    plan        TEXT,
    helps       TEXT,
    repair      TEXT,
    promise_id  INTEGER REFERENCES promises(id),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    hlc         TEXT NOT NULL DEFAULT '',
    changed_by  INTEGER REFERENCES partners(id)
);
CREATE INDEX exercises_by_date ON exercises(date);
CREATE INDEX exercises_by_type ON exercises(type, date);

CREATE TRIGGER exercises_search_insert AFTER INSERT ON exercises BEGIN
    INSERT INTO search(rowid, body) VALUES (new.id * 16 + 10,
        concat_ws(char(10), new.what, new.felt, new.view, new.triggers, new.own_part, new.plan,
                  new.helps, new.repair));
END;
CREATE TRIGGER exercises_search_update AFTER UPDATE ON exercises BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 10;
    INSERT INTO search(rowid, body) VALUES (new.id * 16 + 10,
        concat_ws(char(10), new.what, new.felt, new.view, new.triggers, new.own_part, new.plan,
                  new.helps, new.repair));
END;
CREATE TRIGGER exercises_search_delete AFTER DELETE ON exercises BEGIN
    DELETE FROM search WHERE rowid = old.id * 16 + 10;
END;
