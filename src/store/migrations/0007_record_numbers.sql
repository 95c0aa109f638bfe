-- rekindle journal, schema version 7: a record's number is never given to another record.
-- Released migrations are never edited; a change to the schema is a new file.
--
-- A record's short number (`show checkin 4`, `promise keep 3`) used to be SQLite's plain
-- rowid, which hands out one more than the largest number in the table: after the newest
-- check-in was deleted, the next check-in took its number, and "check-in 4" in someone's
-- notes then pointed at another entry. With AUTOINCREMENT, SQLite remembers the largest
-- number ever used (in `sqlite_sequence`), so numbers only grow. A number used before this
-- version and already freed by a delete cannot be known any more; it is the one exception.
--
-- SQLite adds AUTOINCREMENT only by rebuilding a table. The rebuild is done by the program
-- (`store::schema`), from each table's schema as it stands, so columns, indexes and search
-- triggers that any earlier version added are kept exactly: the tables named below are
-- rebuilt with the same rows, the same numbers and the same indexes and triggers, with
-- foreign keys off and every reference checked before the commit (as `migrate` does). The
-- search index needs no change: its rows are keyed by the records' unchanged numbers.
-- A table named here that a journal does not have is skipped.
CREATE TEMP TABLE rebuild_with_autoincrement (name TEXT PRIMARY KEY);
INSERT INTO rebuild_with_autoincrement (name) VALUES
    ('checkins'), ('feelings'), ('promises'), ('outcomes'), ('apologies'), ('responses'),
    ('focus_changes'), ('meetings'), ('meeting_partners'), ('exercises'), ('notes');
