//! Weekly meetings from `together`: the meeting itself and one row per partner for their
//! appreciation and their answer to "what can I do for you this week?".

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension as _, params};

use super::clock::Stamp;
use super::new_uuid;
use super::revisions::{self, Action};
use crate::domain::kind::RecordKind;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub id: i64,
    pub uuid: String,
    pub date: NaiveDate,
    pub went_well: Option<String>,
    pub work_on: Option<String>,
}

/// One partner's part of a meeting. `request` is what they asked of the other partner;
/// `promise_id` links the promise it became, if it became one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingPart {
    pub id: i64,
    pub meeting_id: i64,
    pub partner_id: i64,
    pub appreciation: Option<String>,
    pub request: Option<String>,
    pub promise_id: Option<i64>,
}

pub fn insert(
    conn: &Connection,
    stamp: &Stamp,
    date: NaiveDate,
    went_well: Option<&str>,
    work_on: Option<&str>,
) -> rusqlite::Result<Meeting> {
    let uuid = new_uuid();
    conn.execute(
        "INSERT INTO meetings (uuid, date, went_well, work_on, created_at, updated_at, hlc,
                               changed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7)",
        params![
            uuid,
            date,
            went_well,
            work_on,
            stamp.at,
            stamp.text(),
            stamp.by
        ],
    )?;
    let id = conn.last_insert_rowid();
    revisions::log(conn, stamp, RecordKind::Meeting, &uuid, Action::Add)?;
    Ok(Meeting {
        id,
        uuid,
        date,
        went_well: went_well.map(str::to_string),
        work_on: work_on.map(str::to_string),
    })
}

pub fn insert_part(
    conn: &Connection,
    meeting_id: i64,
    partner_id: i64,
    appreciation: Option<&str>,
    request: Option<&str>,
    promise_id: Option<i64>,
) -> rusqlite::Result<MeetingPart> {
    conn.execute(
        "INSERT INTO meeting_partners (meeting_id, partner_id, appreciation, request, promise_id)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![meeting_id, partner_id, appreciation, request, promise_id],
    )?;
    Ok(MeetingPart {
        id: conn.last_insert_rowid(),
        meeting_id,
        partner_id,
        appreciation: appreciation.map(str::to_string),
        request: request.map(str::to_string),
        promise_id,
    })
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Meeting>> {
    conn.query_row(
        "SELECT id, uuid, date, went_well, work_on FROM meetings WHERE id = ?1",
        [id],
        |row| {
            Ok(Meeting {
                id: row.get(0)?,
                uuid: row.get(1)?,
                date: row.get(2)?,
                went_well: row.get(3)?,
                work_on: row.get(4)?,
            })
        },
    )
    .optional()
}

/// A meeting's parts, in the order the partners were added.
pub fn parts(conn: &Connection, meeting_id: i64) -> rusqlite::Result<Vec<MeetingPart>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, meeting_id, partner_id, appreciation, request, promise_id
         FROM meeting_partners WHERE meeting_id = ?1 ORDER BY partner_id",
    )?;
    stmt.query_map([meeting_id], |row| {
        Ok(MeetingPart {
            id: row.get(0)?,
            meeting_id: row.get(1)?,
            partner_id: row.get(2)?,
            appreciation: row.get(3)?,
            request: row.get(4)?,
            promise_id: row.get(5)?,
        })
    })?
    .collect()
}

/// Keeps what an interrupted `together` gathered for `date` (device-local: never exported).
pub fn save_draft(
    conn: &Connection,
    date: NaiveDate,
    body: &str,
    at: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO meeting_drafts (date, body, saved_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (date) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at",
        params![date, body, at],
    )?;
    Ok(())
}

/// The draft an interrupted `together` left for `date`, if any.
pub fn draft(conn: &Connection, date: NaiveDate) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT body FROM meeting_drafts WHERE date = ?1",
        [date],
        |r| r.get(0),
    )
    .optional()
}

pub fn drop_draft(conn: &Connection, date: NaiveDate) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM meeting_drafts WHERE date = ?1", [date])?;
    Ok(())
}
