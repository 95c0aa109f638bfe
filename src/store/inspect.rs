//! Looking at a journal without changing it, for `doctor` and `backup`: SQLite's integrity
//! and foreign-key checks, how many records of each kind it holds, and a read-only open that
//! neither upgrades nor repairs anything.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::domain::kind::RecordKind;

/// `PRAGMA integrity_check` and `foreign_key_check` together: an empty list means healthy.
pub fn integrity_problems(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let mut problems: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<_>>()?;
    problems.retain(|p| p != "ok");
    let mut fk = conn.prepare("PRAGMA foreign_key_check")?;
    let broken = fk
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for table in broken {
        problems.push(format!("a row in {table} points at a record that is gone"));
    }
    Ok(problems)
}

/// The table each kind of record lives in: named as its list in an export, but for the focus
/// changes.
pub fn table(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Focus => "focus_changes",
        other => other.plural_key(),
    }
}

fn count(conn: &Connection, kind: RecordKind) -> rusqlite::Result<i64> {
    let sql = format!("SELECT count(*) FROM {}", table(kind));
    conn.query_row(&sql, [], |r| r.get(0))
}

/// How many records of each kind the journal holds.
pub fn counts(conn: &Connection) -> rusqlite::Result<Vec<(RecordKind, i64)>> {
    RecordKind::ALL
        .into_iter()
        .map(|kind| Ok((kind, count(conn, kind)?)))
        .collect()
}

/// How many records of each kind can be read: `None` for a kind that cannot be.
pub fn readable_counts(conn: &Connection) -> Vec<(RecordKind, Option<i64>)> {
    RecordKind::ALL
        .into_iter()
        .map(|kind| (kind, count(conn, kind).ok()))
        .collect()
}

/// Opens the journal at `path` to look at it only: no upgrade, no repair, nothing written.
pub fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
    Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

/// Opens only the journal file itself to look at it, as if nothing else could change it
/// (SQLite's `immutable`): its `-wal` and `-shm` are neither read nor touched, so a companion
/// file someone else planted is never opened, and nothing at all is written. What waits in
/// the write-ahead log is not seen.
pub fn open_immutable(path: &Path) -> rusqlite::Result<Connection> {
    let mut uri = String::from("file:");
    for byte in path.as_os_str().as_encoded_bytes() {
        match byte {
            b'/' | b'-' | b'_' | b'.' | b'~' => uri.push(char::from(*byte)),
            b if b.is_ascii_alphanumeric() => uri.push(char::from(*b)),
            b => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?immutable=1");
    Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_immutable_look_neither_reads_nor_touches_the_files_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("odd name %?#.db");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE t (n); INSERT INTO t VALUES (1);")
            .unwrap();
        drop(conn);
        let wal = dir.path().join("odd name %?#.db-wal");
        std::fs::write(&wal, b"not a log").unwrap();
        let conn = open_immutable(&path).unwrap();
        let n: i64 = conn
            .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
        drop(conn);
        assert_eq!(std::fs::read(&wal).unwrap(), b"not a log");
        assert!(!dir.path().join("odd name %?#.db-shm").exists());
    }
}
