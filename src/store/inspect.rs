//! Looking at a journal without changing it, for `doctor` and `backup`: SQLite's integrity
//! and foreign-key checks, how many records of each kind it holds, and a read-only open that
//! neither upgrades nor repairs anything.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

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

/// The kinds of record, with the table each lives in, in the order people think of them.
pub const KINDS: [(&str, &str); 9] = [
    ("partners", "partners"),
    ("checkins", "checkins"),
    ("feelings", "feelings"),
    ("promises", "promises"),
    ("outcomes", "outcomes"),
    ("apologies", "apologies"),
    ("responses", "responses"),
    ("focus", "focus_changes"),
    ("meetings", "meetings"),
];

/// How many records of each kind the journal holds.
pub fn counts(conn: &Connection) -> rusqlite::Result<Vec<(&'static str, i64)>> {
    KINDS
        .iter()
        .map(|(kind, table)| {
            let n = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            Ok((*kind, n))
        })
        .collect()
}

/// How many records of each kind can be read: `None` for a kind that cannot be.
pub fn readable_counts(conn: &Connection) -> Vec<(&'static str, Option<i64>)> {
    KINDS
        .iter()
        .map(|(kind, table)| {
            let n: rusqlite::Result<i64> =
                conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0));
            (*kind, n.ok())
        })
        .collect()
}

/// Opens the journal at `path` to look at it only: no upgrade, no repair, nothing written.
pub fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
    Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}
