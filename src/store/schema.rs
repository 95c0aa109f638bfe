//! The journal's identity and structure: rekindle's application id in the SQLite header,
//! the schema version, the migration scripts that bring an older journal up to date, and the
//! settings every connection gets (WAL, foreign keys, writes that take the lock up front).

use std::path::Path;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};

use super::cipher::{self, DbKey};
use super::lock::{busy, wait_for_the_lock};
use super::{StoreError, damage, files};

/// "RKDL": written into the SQLite header by the first migration.
pub const APPLICATION_ID: i32 = 0x524B_444C;

/// The schema, one script per version: script N takes a journal from version N to N + 1.
/// A released script is never edited; a change to the schema is a new script.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_history.sql"),
    include_str!("migrations/0003_care.sql"),
    include_str!("migrations/0004_sync.sql"),
    include_str!("migrations/0005_two_people.sql"),
    include_str!("migrations/0006_exercises.sql"),
    include_str!("migrations/0007_record_numbers.sql"),
    include_str!("migrations/0008_passphrases_travel.sql"),
    include_str!("migrations/0009_notes.sql"),
    include_str!("migrations/0010_keys_opened_here.sql"),
];

/// The schema version this program writes and understands.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

/// What the first 100 bytes of a file (SQLite's header) say about it, read without asking
/// SQLite to open it: opening runs SQLite's recovery (a hot rollback journal is played back,
/// a write-ahead log is folded in and deleted when the connection closes), which must never
/// happen to a file rekindle refuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Header {
    /// A rekindle journal at this schema version, as the file itself records it.
    Journal(usize),
    /// Not a journal, and why.
    Not(&'static str),
    /// A file with nothing in it.
    Empty,
    /// Unreadable: SQLite will say why when it tries.
    Unknown,
}

fn header(path: &Path) -> Header {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Header::Not("it is a symbolic link to a file that does not exist");
        }
        Err(_) => return Header::Unknown,
    };
    if meta.is_dir() {
        return Header::Not("it is a directory");
    }
    if !meta.is_file() {
        return Header::Not("it is not a regular file");
    }
    if meta.len() == 0 {
        return Header::Empty;
    }
    let Some(header) = files::head(path, 100) else {
        return Header::Unknown;
    };
    if !header.starts_with(files::SQLITE_HEADER) {
        return Header::Not("it is not an SQLite database");
    }
    let field = |at: usize| {
        header
            .get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map(i32::from_be_bytes)
    };
    // Offsets from SQLite's file format: 40 the schema cookie (0 before any table exists),
    // 60 the user version (rekindle's schema version), 68 the application id.
    // A database with nothing in its file may have tables waiting in its write-ahead log.
    let log_waiting = std::fs::metadata(files::companion(path, "-wal")).is_ok_and(|m| m.len() > 0);
    match (field(68), field(60), field(40)) {
        (Some(APPLICATION_ID), Some(version), _) => {
            Header::Journal(usize::try_from(version).unwrap_or(usize::MAX))
        }
        (Some(_), Some(0), Some(0)) if !log_waiting => Header::Not("it is empty"),
        (Some(_), Some(_), Some(_)) => Header::Not("it is another program's SQLite database"),
        _ => Header::Not("it is not an SQLite database"),
    }
}

/// Why the existing file at `path` is not a rekindle journal, judged from its header alone;
/// `None` when it is a journal, or cannot be read to tell.
pub fn not_a_journal_reason(path: &Path) -> Option<&'static str> {
    match header(path) {
        Header::Not(reason) => Some(reason),
        Header::Empty => Some("it is an empty file"),
        Header::Journal(_) | Header::Unknown => None,
    }
}

/// Refuses a file that is not a rekindle journal, or that a newer rekindle wrote, from its
/// header alone and before SQLite opens it, so that it stays byte for byte as it was.
///
/// The header in the file can be older than the journal: changes not yet folded in from the
/// write-ahead log (`-wal`) are not in it. When a log is there, the journal is also looked
/// at through a read-only connection, which neither folds the log in nor deletes it.
///
/// With `key` (an encrypted journal), the header is noise until the key is given: a plain
/// SQLite file is then left for [`check_identity`] to refuse, and the log is looked at through
/// a read-only connection given the key.
pub fn identify(path: &Path, key: Option<&DbKey>) -> Result<(), StoreError> {
    let not_a_journal = |reason: &str| StoreError::NotAJournal {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    match header(path) {
        Header::Not(_) if key.is_some() => {}
        Header::Not(reason) => return Err(not_a_journal(reason)),
        Header::Empty => return Err(not_a_journal("it is empty")),
        Header::Journal(found) if found > SCHEMA_VERSION => {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        Header::Journal(_) | Header::Unknown => {}
    }
    let wal = files::companion(path, "-wal");
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        // A read-only connection cannot fold the log in, checkpoint or delete anything. When
        // it cannot read the log at all (no -shm to share), the header above has to do.
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if let Ok(conn) = Connection::open_with_flags(path, flags) {
            let _ = conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true);
            conn.busy_handler(Some(wait_for_the_lock))?;
            if let Some(key) = key {
                cipher::key_connection(&conn, key).map_err(|source| StoreError::Open {
                    path: path.to_path_buf(),
                    source,
                })?;
            }
            if let Err(
                e @ (StoreError::NotAJournal { .. }
                | StoreError::TooNew { .. }
                | StoreError::WrongKey(_)),
            ) = check_identity(&conn, path, key.is_some())
            {
                return Err(e);
            }
        }
    }
    Ok(())
}

/// Reads the header only: nothing here writes, so a foreign or newer file stays untouched.
/// `keyed`: the connection was given a key, so a file SQLite cannot read means the key is not
/// this journal's.
pub fn check_identity(conn: &Connection, path: &Path, keyed: bool) -> Result<(), StoreError> {
    let not_a_journal = |reason: &str| StoreError::NotAJournal {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    let read_header = || -> rusqlite::Result<(i32, usize, i64)> {
        let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let objects: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        Ok((app, usize::try_from(version).unwrap_or(usize::MAX), objects))
    };
    let (app, version, objects) = read_header().map_err(|e| match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) if keyed && !files::is_sqlite(path) => {
            StoreError::WrongKey(path.to_path_buf())
        }
        Some(ErrorCode::NotADatabase) if keyed => not_a_journal("it is not encrypted"),
        // A file that starts like an SQLite database but cannot be read as one is damaged,
        // not someone else's file.
        Some(code @ (ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt))
            if files::is_sqlite(path) =>
        {
            StoreError::Damaged {
                path: path.to_path_buf(),
                detail: damage::detail(code).to_string(),
            }
        }
        Some(ErrorCode::NotADatabase) => not_a_journal("it is not an SQLite database"),
        _ => StoreError::Open {
            path: path.to_path_buf(),
            source: e,
        },
    })?;
    if app != APPLICATION_ID {
        return Err(if objects == 0 && version == 0 {
            not_a_journal("it is empty")
        } else {
            not_a_journal("it is another program's SQLite database")
        });
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

pub fn configure(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.busy_handler(Some(wait_for_the_lock))?;
    switch_to_wal(conn)?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    forget_deleted_content(conn)?;
    // Any transaction opened with `conn.transaction()` takes the write lock up front too.
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    Ok(())
}

/// Deleted content is overwritten with zeros rather than left in free space, so a deleted
/// record's words are gone from the file itself (and from its WAL once it is checkpointed).
/// The search index has its own option for the same, set by migration 2.
pub fn forget_deleted_content(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "secure_delete", "ON")
}

/// Puts a journal made in SQLite's older rollback mode into WAL mode. Every journal rekindle
/// creates is born in WAL mode (see `Store::create`), so this reads the mode and usually stops.
///
/// The switch needs every other connection out of the way, and SQLite refuses it with "busy"
/// at once, without calling the busy handler, when another process holds the file even for a
/// moment: several commands opening an old journal together would fail. So the switch is
/// tried again with the busy handler's own pauses, for as long as a writer would wait.
fn switch_to_wal(conn: &Connection) -> rusqlite::Result<()> {
    let mut attempt = 0;
    loop {
        // journal_mode returns the mode as a row: "wal", "delete", ... ("memory" in memory).
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        if mode.eq_ignore_ascii_case("wal") || mode.eq_ignore_ascii_case("memory") {
            return Ok(());
        }
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
            Err(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
                ) && wait_for_the_lock(attempt) =>
            {
                attempt += 1;
            }
            other => return other.map(|_| ()),
        }
    }
}

/// Brings the schema up to version `scripts.len()`, in one transaction.
///
/// The version is read again once the write lock is held: when two processes open an older
/// journal at the same moment, the first runs the scripts and the second finds the work done,
/// instead of running them twice. The common case (already current) takes no lock at all, so
/// opening a journal never waits for someone else's write.
pub fn migrate(conn: &mut Connection, scripts: &[&str], path: &Path) -> Result<(), StoreError> {
    let target = scripts.len();
    if version_of(conn)? == target {
        return Ok(());
    }
    // A script may rebuild a table that others refer to (SQLite's way to change a CHECK
    // constraint), which needs foreign keys off while it runs; `foreign_keys` cannot change
    // inside a transaction, so it is switched here, and the references are checked as a
    // whole before the commit.
    let enforced: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let result = upgrade(conn, scripts, path, target);
    if enforced {
        conn.pragma_update(None, "foreign_keys", "ON")?;
    }
    result
}

fn upgrade(
    conn: &mut Connection,
    scripts: &[&str],
    path: &Path,
    target: usize,
) -> Result<(), StoreError> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(busy)?;
    let found = version_of(&tx)?;
    if found > target {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            supported: target,
        });
    }
    run_scripts(tx, &scripts[found..], target)
}

/// The scripts and the new version, in the transaction `migrate` holds, with every reference
/// between records checked before the commit.
fn run_scripts(
    tx: rusqlite::Transaction<'_>,
    scripts: &[&str],
    target: usize,
) -> Result<(), StoreError> {
    for script in scripts {
        tx.execute_batch(script).map_err(StoreError::Migration)?;
        rebuild_with_autoincrement(&tx).map_err(StoreError::Migration)?;
    }
    let broken: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
        r.get(0)
    })?;
    if broken > 0 {
        return Err(StoreError::Migration(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
            Some(format!("{broken} references between records would break")),
        )));
    }
    tx.pragma_update(None, "user_version", target as i64)?;
    tx.commit()?;
    Ok(())
}

/// Rebuilds the tables a script listed in `temp.rebuild_with_autoincrement` (and drops the
/// list) so that their numbers are AUTOINCREMENT: never handed out twice. Each table is built
/// again from its own schema as it stands, with the same rows and numbers, then its indexes
/// and triggers are made again from their own text: whatever columns, indexes or triggers
/// earlier scripts gave it are kept. Foreign keys are off while `migrate` runs, and checked as
/// a whole before the commit. A table already AUTOINCREMENT, or not in this journal, is left.
fn rebuild_with_autoincrement(tx: &Connection) -> rusqlite::Result<()> {
    let listed: i64 = tx.query_row(
        "SELECT count(*) FROM temp.sqlite_schema WHERE name = 'rebuild_with_autoincrement'",
        [],
        |r| r.get(0),
    )?;
    if listed == 0 {
        return Ok(());
    }
    let tables: Vec<String> = tx
        .prepare("SELECT name FROM temp.rebuild_with_autoincrement ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for table in tables {
        let sql: Option<String> = tx
            .query_row(
                "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = ?1",
                [&table],
                |r| r.get(0),
            )
            .optional()?;
        let Some(sql) = sql else { continue };
        let Some(rebuilt) = with_autoincrement(&sql, &format!("{table}_renumbered")) else {
            continue;
        };
        let others: Vec<String> = tx
            .prepare(
                "SELECT sql FROM main.sqlite_schema
                 WHERE tbl_name = ?1 AND type IN ('index', 'trigger') AND sql IS NOT NULL
                 ORDER BY type, name",
            )?
            .query_map([&table], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        tx.execute_batch(&format!(
            "{rebuilt};
             INSERT INTO \"{table}_renumbered\" SELECT * FROM \"{table}\";
             DROP TABLE \"{table}\";
             ALTER TABLE \"{table}_renumbered\" RENAME TO \"{table}\";"
        ))?;
        for sql in others {
            tx.execute_batch(&sql)?;
        }
    }
    tx.execute_batch("DROP TABLE temp.rebuild_with_autoincrement")
}

/// `CREATE TABLE` text for a table called `name` like the one `sql` creates, with its
/// `id INTEGER PRIMARY KEY` column made AUTOINCREMENT; `None` when it is already, or has no
/// such column.
fn with_autoincrement(sql: &str, name: &str) -> Option<String> {
    if sql.to_ascii_uppercase().contains("AUTOINCREMENT") {
        return None;
    }
    let columns = &sql[sql.find('(')?..];
    // The columns are separated by commas at the top level; the key is the one whose words
    // are `id INTEGER PRIMARY KEY`.
    let mut start = 1;
    for (at, c) in columns.char_indices().skip(1) {
        if c != ',' {
            continue;
        }
        let words: Vec<String> = columns[start..at]
            .split_whitespace()
            .map(str::to_ascii_uppercase)
            .collect();
        if words == ["ID", "INTEGER", "PRIMARY", "KEY"] {
            return Some(format!(
                "CREATE TABLE \"{name}\" {} AUTOINCREMENT{}",
                columns[..at].trim_end(),
                &columns[at..]
            ));
        }
        start = at + 1;
    }
    None
}

/// The schema version, with a negative one (never written by rekindle) read as too new.
pub fn version_of(conn: &Connection) -> rusqlite::Result<usize> {
    Ok(usize::try_from(schema_version(conn)?).unwrap_or(usize::MAX))
}

/// The schema version recorded in the file.
pub fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

#[cfg(test)]
mod tests {
    use super::super::inspect::integrity_problems;
    use super::super::lock::BUSY_TIMEOUT;
    use super::*;

    #[test]
    fn the_scripts_make_a_healthy_journal_of_the_current_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        migrate(&mut conn, MIGRATIONS, Path::new(":memory:")).unwrap();
        assert_eq!(version_of(&conn).unwrap(), SCHEMA_VERSION);
        let app: i32 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap();
        assert_eq!(app, APPLICATION_ID);
        assert!(integrity_problems(&conn).unwrap().is_empty());
        // Running again changes nothing and does not fail.
        migrate(&mut conn, MIGRATIONS, Path::new(":memory:")).unwrap();
    }

    /// A journal of version 1, with a couple and their records, reaches the current version
    /// with every role kept as it was (a `mutual` may have been chosen on purpose), every
    /// reference between records intact, and `unset` now allowed.
    #[test]
    fn an_older_journal_keeps_its_roles_and_records_and_may_hold_unset() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        migrate(&mut conn, &MIGRATIONS[..1], Path::new(":memory:")).unwrap();
        conn.execute_batch(
            "INSERT INTO partners (id, uuid, name, role, created_at, updated_at) VALUES
                (1, 'u1', 'Sam', 'mutual', '2026-11-01T10:00:00.000000Z', '2026-11-01T10:00:00.000000Z'),
                (2, 'u2', 'Alex', 'healing', '2026-11-01T10:00:00.000000Z', '2026-11-01T10:00:00.000000Z');
             INSERT INTO promises (uuid, by_id, to_id, text, date, status, created_at, updated_at)
                VALUES ('p1', 1, 2, 'walk', '2026-11-01', 'open', '2026-11-01T10:00:00.000000Z', '2026-11-01T10:00:00.000000Z');",
        )
        .unwrap();
        assert!(
            conn.execute("UPDATE partners SET role = 'unset' WHERE id = 1", [])
                .is_err(),
            "version 1 refuses unset"
        );
        migrate(&mut conn, MIGRATIONS, Path::new(":memory:")).unwrap();
        assert_eq!(version_of(&conn).unwrap(), SCHEMA_VERSION);
        let roles: Vec<(i64, String)> = conn
            .prepare("SELECT id, role FROM partners ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(roles, [(1, "mutual".into()), (2, "healing".into())]);
        let by: i64 = conn
            .query_row("SELECT by_id FROM promises", [], |r| r.get(0))
            .unwrap();
        assert_eq!(by, 1);
        conn.execute("UPDATE partners SET role = 'unset' WHERE id = 1", [])
            .unwrap();
        assert!(
            conn.execute("UPDATE partners SET role = 'boss' WHERE id = 1", [])
                .is_err()
        );
        // The references still hold: a promise by nobody is refused.
        assert!(
            conn.execute(
                "INSERT INTO promises (uuid, by_id, to_id, text, date, status, created_at, updated_at)
                 VALUES ('p2', 9, 2, 'x', '2026-11-01', 'open', 'a', 'a')",
                []
            )
            .is_err()
        );
        assert!(integrity_problems(&conn).unwrap().is_empty());
    }

    /// The script before which numbers could be used again.
    fn before_record_numbers() -> usize {
        MIGRATIONS
            .iter()
            .position(|s| s.contains("rebuild_with_autoincrement"))
            .unwrap()
    }

    /// A journal from before record numbers were kept (version 6), with records whose newest
    /// promise was deleted, is upgraded with every row, number, reference, index and search
    /// trigger kept; from then on no number is handed out twice.
    #[test]
    fn the_upgrade_keeps_every_record_and_numbers_are_never_used_again() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        let older = before_record_numbers();
        migrate(&mut conn, &MIGRATIONS[..older], Path::new(":memory:")).unwrap();
        conn.execute_batch(
            "INSERT INTO partners (id, uuid, name, role, created_at, updated_at) VALUES
                (1, 'u1', 'Sam', 'repairing', 'a', 'a'), (2, 'u2', 'Alex', 'healing', 'a', 'a');
             INSERT INTO checkins (uuid, partner_id, date, trust, step, answer, created_at, updated_at)
                VALUES ('c1', 1, '2026-11-01', 5, 'responsibility', 'river walk', 'a', 'a');
             INSERT INTO feelings (uuid, partner_id, checkin_id, date, word, intensity, created_at, updated_at)
                VALUES ('f1', 1, 1, '2026-11-01', 'hopeful', 3, 'a', 'a');
             INSERT INTO promises (uuid, by_id, to_id, text, date, status, created_at, updated_at)
                VALUES ('p1', 1, 2, 'walk', '2026-11-01', 'open', 'a', 'a'),
                       ('p2', 1, 2, 'call', '2026-11-02', 'open', 'a', 'a'),
                       ('p3', 1, 2, 'cook', '2026-11-03', 'open', 'a', 'a');
             DELETE FROM promises WHERE id = 3;",
        )
        .unwrap();
        let schema = |conn: &Connection| -> Vec<(String, String)> {
            conn.prepare(
                "SELECT type, name FROM sqlite_schema WHERE type IN ('index', 'trigger')
                 ORDER BY type, name",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
        };
        let before = schema(&conn);
        migrate(&mut conn, &MIGRATIONS[..=older], Path::new(":memory:")).unwrap();
        assert_eq!(version_of(&conn).unwrap(), older + 1);
        assert_eq!(
            schema(&conn),
            before,
            "every index and trigger is made again"
        );
        // The versions after it keep what it did.
        migrate(&mut conn, MIGRATIONS, Path::new(":memory:")).unwrap();
        assert_eq!(version_of(&conn).unwrap(), SCHEMA_VERSION);
        // Every record table, the ones added later too, hands out numbers only once.
        for table in [
            "checkins",
            "feelings",
            "promises",
            "apologies",
            "exercises",
            "notes",
        ] {
            let sql: String = conn
                .query_row(
                    "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                    [table],
                    |r| r.get(0),
                )
                .unwrap();
            assert!(sql.contains("AUTOINCREMENT"), "{table}: {sql}");
        }
        assert!(integrity_problems(&conn).unwrap().is_empty());
        let found: i64 = conn
            .query_row(
                "SELECT count(*) FROM search WHERE search MATCH 'river'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(found, 1, "the search index still finds the check-in");
        let feeling: i64 = conn
            .query_row("SELECT checkin_id FROM feelings", [], |r| r.get(0))
            .unwrap();
        assert_eq!(feeling, 1);
        // Promise 3 was deleted before the upgrade: that number is the one exception. After
        // the upgrade, deleting the newest frees no number.
        let add = |conn: &Connection, uuid: &str| -> i64 {
            conn.execute(
                "INSERT INTO promises (uuid, by_id, to_id, text, date, status, created_at, updated_at)
                 VALUES (?1, 1, 2, 'x', '2026-11-04', 'open', 'a', 'a')",
                [uuid],
            )
            .unwrap();
            conn.last_insert_rowid()
        };
        assert_eq!(add(&conn, "p4"), 3);
        conn.execute("DELETE FROM promises WHERE id = 3", [])
            .unwrap();
        assert_eq!(add(&conn, "p5"), 4);
        // The references are still enforced: a promise by nobody is refused.
        assert!(
            conn.execute(
                "INSERT INTO promises (uuid, by_id, to_id, text, date, status, created_at, updated_at)
                 VALUES ('p6', 9, 2, 'x', '2026-11-01', 'open', 'a', 'a')",
                []
            )
            .is_err()
        );
        // A check-in deleted takes its feelings with it, as before.
        conn.execute("DELETE FROM checkins WHERE id = 1", [])
            .unwrap();
        let left: i64 = conn
            .query_row("SELECT count(*) FROM feelings", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0);
    }

    // Regression: the version used to be read before the write lock was taken, so two
    // processes opening an older journal at once could both run the same upgrade.
    #[test]
    fn processes_opening_an_older_journal_at_once_upgrade_it_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        {
            let mut conn = Connection::open(&path).unwrap();
            conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
                .unwrap();
            migrate(&mut conn, MIGRATIONS, &path).unwrap();
        }
        // A made-up next version whose second run would fail ("table already exists") and
        // whose insert would otherwise land twice.
        let next: Vec<&str> = MIGRATIONS
            .iter()
            .copied()
            .chain(["CREATE TABLE upgraded (n INTEGER); INSERT INTO upgraded VALUES (1);"])
            .collect();
        let start = std::sync::Barrier::new(4);
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..4)
                .map(|_| {
                    scope.spawn(|| {
                        let mut conn = Connection::open(&path).unwrap();
                        conn.busy_timeout(BUSY_TIMEOUT).unwrap();
                        start.wait();
                        migrate(&mut conn, &next, &path)
                    })
                })
                .collect();
            for handle in handles {
                handle.join().unwrap().unwrap();
            }
        });
        let conn = Connection::open(&path).unwrap();
        let rows: i64 = conn
            .query_row("SELECT count(*) FROM upgraded", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 1);
        assert_eq!(version_of(&conn).unwrap(), next.len());
    }
}
