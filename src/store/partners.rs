//! The two partners: names and roles.

use rusqlite::{Connection, OptionalExtension as _, params};

use super::clock::Stamp;
use super::new_uuid;
use crate::domain::model::{Partner, Role};

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Partner> {
    Ok(Partner {
        id: row.get("id")?,
        uuid: row.get("uuid")?,
        name: row.get("name")?,
        role: row.get("role")?,
    })
}

pub fn insert(
    conn: &Connection,
    stamp: &Stamp,
    name: &str,
    role: Role,
) -> rusqlite::Result<Partner> {
    let uuid = new_uuid();
    conn.execute(
        "INSERT INTO partners (uuid, name, role, created_at, updated_at, hlc, changed_by)
         VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6)",
        params![uuid, name, role, stamp.at, stamp.text(), stamp.by],
    )?;
    Ok(Partner {
        id: conn.last_insert_rowid(),
        uuid,
        name: name.to_string(),
        role,
    })
}

/// Every partner, in the order they were added.
pub fn all(conn: &Connection) -> rusqlite::Result<Vec<Partner>> {
    let mut stmt = conn.prepare_cached("SELECT id, uuid, name, role FROM partners ORDER BY id")?;
    stmt.query_map([], from_row)?.collect()
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Partner>> {
    conn.query_row(
        "SELECT id, uuid, name, role FROM partners WHERE id = ?1",
        [id],
        from_row,
    )
    .optional()
}

/// A partner's role and name change like any record (stamped, and compared by stamp when
/// journals meet), but keep no earlier versions: they are not entries of the timeline.
pub fn set_role(conn: &Connection, stamp: &Stamp, id: i64, role: Role) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE partners SET role = ?2, updated_at = ?3, hlc = ?4, changed_by = ?5 WHERE id = ?1",
        params![id, role, stamp.at, stamp.text(), stamp.by],
    )?;
    Ok(())
}

pub fn rename(conn: &Connection, stamp: &Stamp, id: i64, name: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE partners SET name = ?2, updated_at = ?3, hlc = ?4, changed_by = ?5 WHERE id = ?1",
        params![id, name, stamp.at, stamp.text(), stamp.by],
    )?;
    Ok(())
}
