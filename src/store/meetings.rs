//! Weekly meetings from `together`: the meeting itself and one row per partner for their
//! appreciation and their answer to "what can I do for you this week?".

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::{new_uuid, timestamp};

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
    date: NaiveDate,
    went_well: Option<&str>,
    work_on: Option<&str>,
) -> rusqlite::Result<Meeting> {
    let now = timestamp();
    let uuid = new_uuid();
    conn.execute(
        "INSERT INTO meetings (uuid, date, went_well, work_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![uuid, date, went_well, work_on, now],
    )?;
    Ok(Meeting {
        id: conn.last_insert_rowid(),
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
