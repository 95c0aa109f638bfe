//! The journal's identity and structure: rekindle's application id in the SQLite header,
//! the schema version, the migration scripts that bring an older journal up to date, and the
//! settings every connection gets (WAL, foreign keys, writes that take the lock up front).

use std::path::Path;

use rusqlite::{Connection, ErrorCode, TransactionBehavior};

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
    include_str!("migrations/0004_exercises.sql"),
];

/// The schema version this program writes and understands.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

/// Why the existing file at `path` is not a rekindle journal, judged from its first 100
/// bytes alone (SQLite's header, where rekindle's application id lives), without asking
/// SQLite to open it; `None` when it is a journal, or cannot be read to tell.
pub fn not_a_journal_reason(path: &Path) -> Option<&'static str> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Some("it is a symbolic link to a file that does not exist");
        }
        Err(_) => return None,
    };
    if meta.is_dir() {
        return Some("it is a directory");
    }
    if !meta.is_file() {
        return Some("it is not a regular file");
    }
    if meta.len() == 0 {
        return Some("it is an empty file");
    }
    let header = files::head(path, 100)?;
    if !header.starts_with(files::SQLITE_HEADER) {
        return Some("it is not an SQLite database");
    }
    let app = header
        .get(68..72)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map(i32::from_be_bytes);
    if app == Some(APPLICATION_ID) {
        None
    } else {
        Some("it is another program's SQLite database")
    }
}

/// Reads the header only: nothing here writes, so a foreign or newer file stays untouched.
pub fn check_identity(conn: &Connection, path: &Path) -> Result<(), StoreError> {
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
