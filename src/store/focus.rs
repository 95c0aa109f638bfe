//! The couple's focus step and its history.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension as _, params};

use super::clock::Stamp;
use super::new_uuid;
use super::revisions::{self, Action};
use crate::domain::kind::RecordKind;
use crate::domain::model::Step;

/// A change of focus: from `date` on, the couple works on `step`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FocusChange {
    pub id: i64,
    pub step: Step,
    pub date: NaiveDate,
    pub partner_id: Option<i64>,
    /// A move that waits for the other partner's agreement: the focus does not change until
    /// it is agreed (migration 3).
    pub waiting: bool,
    /// Who agreed to a move that waited for agreement.
    pub agreed_by: Option<i64>,
}

/// Records a change of focus. `start` marks the focus a new journal starts with (see
/// migration 2).
pub fn record(
    conn: &Connection,
    stamp: &Stamp,
    step: Step,
    date: NaiveDate,
    partner_id: Option<i64>,
    start: bool,
) -> rusqlite::Result<FocusChange> {
    let uuid = new_uuid();
    conn.execute(
        "INSERT INTO focus_changes (uuid, step, date, partner_id, start, created_at, updated_at,
                                    hlc, changed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8)",
        params![
            uuid,
            step,
            date,
            partner_id,
            start,
            stamp.at,
            stamp.text(),
            stamp.by
        ],
    )?;
    let id = conn.last_insert_rowid();
    if stamp.by.is_some() {
        revisions::log(conn, stamp, RecordKind::Focus, &uuid, Action::Add)?;
    }
    Ok(FocusChange {
        id,
        step,
        date,
        partner_id,
        waiting: false,
        agreed_by: None,
    })
}

/// Records a move of the focus that waits for the other partner's agreement: kept, shown,
/// and exported like any focus change, but the focus stays where it was until [`agree`].
pub fn propose(
    conn: &Connection,
    stamp: &Stamp,
    step: Step,
    date: NaiveDate,
    partner_id: i64,
) -> rusqlite::Result<FocusChange> {
    let mut change = record(conn, stamp, step, date, Some(partner_id), false)?;
    conn.execute(
        "UPDATE focus_changes SET waiting = 1 WHERE id = ?1",
        [change.id],
    )?;
    change.waiting = true;
    Ok(change)
}

/// The move waiting for agreement, if any: the latest proposal made since the focus last
/// moved. An older one was overtaken by that move and waits no more.
pub fn waiting(conn: &Connection) -> rusqlite::Result<Option<FocusChange>> {
    let latest = conn
        .query_row(
            &format!("{SELECT} ORDER BY date DESC, created_at DESC, id DESC LIMIT 1"),
            [],
            from_row,
        )
        .optional()?;
    Ok(latest.filter(|f| f.waiting))
}

/// Agrees to a waiting move: from `date` the focus is on its step. The waiting version is
/// kept as a revision, so the timeline shows when it was proposed and when agreed.
pub fn agree(
    conn: &Connection,
    stamp: &Stamp,
    id: i64,
    agreed_by: i64,
    date: NaiveDate,
) -> rusqlite::Result<()> {
    revisions::supersede(conn, stamp, RecordKind::Focus, id, Action::Edit)?;
    conn.execute(
        "UPDATE focus_changes SET waiting = 0, agreed_by = ?2, date = ?3 WHERE id = ?1",
        params![id, agreed_by, date],
    )?;
    revisions::stamp_row(conn, stamp, RecordKind::Focus, id)
}

const SELECT: &str = "SELECT id, step, date, partner_id, waiting, agreed_by FROM focus_changes";

/// A focus change from a row of `id, step, date, partner_id`.
fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<FocusChange> {
    Ok(FocusChange {
        id: row.get(0)?,
        step: row.get(1)?,
        date: row.get(2)?,
        partner_id: row.get(3)?,
        waiting: row.get(4)?,
        agreed_by: row.get(5)?,
    })
}

/// The focus in force now: the latest change by date, then by when it was written.
pub fn current(conn: &Connection) -> rusqlite::Result<Option<FocusChange>> {
    conn.query_row(
        &format!("{SELECT} WHERE waiting = 0 ORDER BY date DESC, created_at DESC, id DESC LIMIT 1"),
        [],
        from_row,
    )
    .optional()
}

/// The focus in force on `date`: the latest change dated on or before it.
pub fn as_of(conn: &Connection, date: NaiveDate) -> rusqlite::Result<Option<FocusChange>> {
    conn.query_row(
        &format!(
            "{SELECT} WHERE date <= ?1 AND waiting = 0
             ORDER BY date DESC, created_at DESC, id DESC LIMIT 1"
        ),
        [date],
        from_row,
    )
    .optional()
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<FocusChange>> {
    conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)
        .optional()
}

/// The couple's focus step now (the first step when none was ever recorded).
pub fn current_step(conn: &Connection) -> rusqlite::Result<Step> {
    Ok(current(conn)?.map(|f| f.step).unwrap_or_default())
}

/// The couple's focus step on `date`: the last change made on or before it (the first step
/// when there was none yet), so a check-in for a past day is guided as that day was.
pub fn step_on(conn: &Connection, date: NaiveDate) -> rusqlite::Result<Step> {
    Ok(as_of(conn, date)?.map(|f| f.step).unwrap_or_default())
}
