//! Daily check-ins: one per partner per date. Their feelings live in `feelings` (see
//! [`super::feelings`]), tied to the check-in by `checkin_id`.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension as _, params};

use super::clock::Stamp;
use super::new_uuid;
use super::revisions::{self, Action};
use crate::domain::kind::RecordKind;
use crate::domain::model::Step;

/// A saved check-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkin {
    pub id: i64,
    pub uuid: String,
    /// The stamp of its last change: a guided amend compares it when saving, to notice a
    /// change made meanwhile.
    pub hlc: String,
    pub partner_id: i64,
    pub date: NaiveDate,
    pub fields: CheckinFields,
    pub created_at: String,
    pub updated_at: String,
}

/// What a partner says in a check-in; everything but the trust score is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckinFields {
    pub trust: u8,
    pub connection: Option<u8>,
    pub step: Step,
    pub prompt_id: Option<String>,
    pub answer: Option<String>,
    pub appreciation: Option<String>,
    pub need: Option<String>,
    pub note: Option<String>,
}

const COLUMNS: &str = "id, uuid, hlc, partner_id, date, trust, connection, step, prompt_id, \
                       answer, appreciation, need, note, created_at, updated_at";

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Checkin> {
    Ok(Checkin {
        id: row.get("id")?,
        uuid: row.get("uuid")?,
        hlc: row.get("hlc")?,
        partner_id: row.get("partner_id")?,
        date: row.get("date")?,
        fields: CheckinFields {
            trust: row.get("trust")?,
            connection: row.get("connection")?,
            step: row.get("step")?,
            prompt_id: row.get("prompt_id")?,
            answer: row.get("answer")?,
            appreciation: row.get("appreciation")?,
            need: row.get("need")?,
            note: row.get("note")?,
        },
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

/// The partner's check-in for `date`, if there is one.
pub fn find(
    conn: &Connection,
    partner_id: i64,
    date: NaiveDate,
) -> rusqlite::Result<Option<Checkin>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM checkins WHERE partner_id = ?1 AND date = ?2"),
        params![partner_id, date],
        from_row,
    )
    .optional()
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Checkin>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM checkins WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
}

pub fn insert(
    conn: &Connection,
    stamp: &Stamp,
    partner_id: i64,
    date: NaiveDate,
    fields: &CheckinFields,
) -> rusqlite::Result<Checkin> {
    let now = stamp.at.clone();
    let uuid = new_uuid();
    conn.execute(
        "INSERT INTO checkins (uuid, partner_id, date, trust, connection, step, prompt_id, answer,
                               appreciation, need, note, created_at, updated_at, hlc, changed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13, ?14)",
        params![
            uuid,
            partner_id,
            date,
            fields.trust,
            fields.connection,
            fields.step,
            fields.prompt_id,
            fields.answer,
            fields.appreciation,
            fields.need,
            fields.note,
            now,
            stamp.text(),
            stamp.by
        ],
    )?;
    let id = conn.last_insert_rowid();
    revisions::log(conn, stamp, RecordKind::Checkin, &uuid, Action::Add)?;
    Ok(Checkin {
        id,
        uuid,
        hlc: stamp.text(),
        partner_id,
        date,
        fields: fields.clone(),
        created_at: now.clone(),
        updated_at: now,
    })
}

/// Replaces everything a check-in says, keeping its id, uuid and creation time, and removes
/// its feelings so the caller can write the new ones. The version it had is kept as a
/// revision.
pub fn replace(
    conn: &Connection,
    stamp: &Stamp,
    existing: &Checkin,
    fields: &CheckinFields,
) -> rusqlite::Result<Checkin> {
    revisions::supersede(conn, stamp, RecordKind::Checkin, existing.id, Action::Edit)?;
    let now = stamp.at.clone();
    conn.execute(
        "UPDATE checkins SET trust = ?2, connection = ?3, step = ?4, prompt_id = ?5, answer = ?6,
                appreciation = ?7, need = ?8, note = ?9, updated_at = ?10, hlc = ?11,
                changed_by = ?12, origin = NULL
         WHERE id = ?1",
        params![
            existing.id,
            fields.trust,
            fields.connection,
            fields.step,
            fields.prompt_id,
            fields.answer,
            fields.appreciation,
            fields.need,
            fields.note,
            now,
            stamp.text(),
            stamp.by
        ],
    )?;
    super::feelings::delete_for_checkin(conn, existing.id)?;
    Ok(Checkin {
        fields: fields.clone(),
        hlc: stamp.text(),
        updated_at: now,
        ..existing.clone()
    })
}

/// Stores a check-in's words as private: `ciphertext` holds them (encrypted to the author),
/// and the plain columns stay empty, so nothing of them reaches the search index.
pub fn set_private(conn: &Connection, id: i64, ciphertext: &[u8]) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE checkins SET private = ?2, answer = NULL, appreciation = NULL, need = NULL,
                             note = NULL
         WHERE id = ?1",
        params![id, ciphertext],
    )?;
    Ok(())
}

/// The private words (ciphertext) of these check-ins, and the day any was revealed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Privacy {
    pub private: Option<Vec<u8>>,
    pub revealed_on: Option<NaiveDate>,
}

pub fn privacy(
    conn: &Connection,
    ids: &[i64],
) -> rusqlite::Result<std::collections::HashMap<i64, Privacy>> {
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    let mut stmt = conn.prepare_cached(
        "SELECT id, private, revealed_on FROM checkins
         WHERE id IN (SELECT value FROM json_each(?1))
           AND (private IS NOT NULL OR revealed_on IS NOT NULL)",
    )?;
    stmt.query_map([format!("[{}]", list.join(","))], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            Privacy {
                private: r.get(1)?,
                revealed_on: r.get(2)?,
            },
        ))
    })?
    .collect()
}

/// Shares private words: they become the check-in's words, marked as revealed on `on`.
pub fn reveal(
    conn: &Connection,
    stamp: &Stamp,
    id: i64,
    words: [Option<&str>; 4],
    on: NaiveDate,
) -> rusqlite::Result<()> {
    let [answer, appreciation, need, note] = words;
    // The private version is kept (its words as ciphertext), as every change keeps the one
    // before.
    revisions::supersede(conn, stamp, RecordKind::Checkin, id, Action::Edit)?;
    conn.execute(
        "UPDATE checkins SET answer = ?2, appreciation = ?3, need = ?4, note = ?5,
                             private = NULL, revealed_on = ?6
         WHERE id = ?1",
        params![id, answer, appreciation, need, note, on],
    )?;
    // Stamped as every change to a check-in is: its feelings with it, so that they travel
    // together (a check-in version arriving without them would leave it with none).
    revisions::stamp_row(conn, stamp, RecordKind::Checkin, id)
}

/// Who checked in on each day between two dates: what the seal is decided from.
pub fn who_checked_in(
    conn: &Connection,
    since: NaiveDate,
    until: NaiveDate,
) -> rusqlite::Result<Vec<(NaiveDate, i64)>> {
    let mut stmt =
        conn.prepare_cached("SELECT date, partner_id FROM checkins WHERE date BETWEEN ?1 AND ?2")?;
    stmt.query_map(params![since, until], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}

/// How many check-ins `partner_id` has, on any day.
pub fn count_for(conn: &Connection, partner_id: i64) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM checkins WHERE partner_id = ?1",
        [partner_id],
        |r| r.get(0),
    )
}

/// Changes a check-in's private words alone (an amend or edit by their author that changed
/// nothing else): stamped, with the version before kept, its words as ciphertext.
pub fn change_private(
    conn: &Connection,
    stamp: &Stamp,
    id: i64,
    ciphertext: Option<&[u8]>,
) -> rusqlite::Result<()> {
    revisions::supersede(conn, stamp, RecordKind::Checkin, id, Action::Edit)?;
    match ciphertext {
        Some(c) => set_private(conn, id, c)?,
        None => clear_private(conn, id)?,
    }
    revisions::stamp_row(conn, stamp, RecordKind::Checkin, id)
}

/// Forgets private words a check-in kept, when it is saved with shared words instead.
pub fn clear_private(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE checkins SET private = NULL WHERE id = ?1 AND private IS NOT NULL",
        [id],
    )?;
    Ok(())
}
