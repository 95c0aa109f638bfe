//! Feeling words: part of a check-in (`checkin_id` set) or a quick `feel` entry (NULL).
//! Valence is not stored; it comes from the vocabulary when read ([`crate::domain::feelings`]).

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension as _, params};

use super::clock::Stamp;
use super::new_uuid;
use super::revisions::{self, Action};
use crate::domain::feelings::FeelingEntry;
use crate::domain::kind::RecordKind;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feeling {
    pub id: i64,
    pub uuid: String,
    pub partner_id: i64,
    pub checkin_id: Option<i64>,
    pub date: NaiveDate,
    pub word: String,
    pub intensity: Option<u8>,
    pub note: Option<String>,
    /// When it was written (UTC): every word of one `feel` shares it.
    pub created_at: String,
    /// A private feeling (`feel --private`): the whole feeling encrypted to its author, or
    /// empty where only its stub came here (by sync). `word` is then the placeholder
    /// [`crate::domain::private::HIDDEN_WORD`], `intensity` and `note` none.
    pub private: Option<Vec<u8>>,
    /// The day a private feeling was shared with `reveal`.
    pub revealed_on: Option<NaiveDate>,
}

impl From<&Feeling> for FeelingEntry {
    fn from(f: &Feeling) -> Self {
        FeelingEntry {
            word: f.word.clone(),
            intensity: f.intensity,
        }
    }
}

/// A feeling about to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFeeling<'a> {
    pub partner_id: i64,
    pub checkin_id: Option<i64>,
    pub date: NaiveDate,
    pub word: &'a str,
    pub intensity: Option<u8>,
    pub note: Option<&'a str>,
}

/// Writes a feeling. The feelings one command writes share its stamp and time, so a `feel`
/// entry of several words reads back as one. A check-in's feelings are part of it; a quick
/// entry is a record of its own.
pub fn insert(conn: &Connection, stamp: &Stamp, new: &NewFeeling<'_>) -> rusqlite::Result<Feeling> {
    let uuid = new_uuid();
    let now = stamp.at.as_str();
    conn.execute(
        "INSERT INTO feelings (uuid, partner_id, checkin_id, date, word, intensity, note,
                               created_at, updated_at, hlc, changed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10)",
        params![
            uuid,
            new.partner_id,
            new.checkin_id,
            new.date,
            new.word,
            new.intensity,
            new.note,
            now,
            stamp.text(),
            stamp.by
        ],
    )?;
    let id = conn.last_insert_rowid();
    if new.checkin_id.is_none() {
        revisions::log(conn, stamp, RecordKind::Feeling, &uuid, Action::Add)?;
    }
    Ok(Feeling {
        id,
        uuid,
        partner_id: new.partner_id,
        checkin_id: new.checkin_id,
        date: new.date,
        word: new.word.to_string(),
        intensity: new.intensity,
        note: new.note.map(str::to_string),
        created_at: now.to_string(),
        private: None,
        revealed_on: None,
    })
}

/// Writes a private feeling: `ciphertext` is the whole feeling encrypted to its author; the
/// readable columns hold only the placeholder word, so nothing of it is searchable.
pub fn insert_private(
    conn: &Connection,
    stamp: &Stamp,
    partner_id: i64,
    date: NaiveDate,
    ciphertext: &[u8],
) -> rusqlite::Result<Feeling> {
    let uuid = new_uuid();
    let now = stamp.at.as_str();
    let word = crate::domain::private::HIDDEN_WORD;
    conn.execute(
        "INSERT INTO feelings (uuid, partner_id, checkin_id, date, word, private, created_at,
                               updated_at, hlc, changed_by)
         VALUES (?1, ?2, NULL, ?3, ?4, ?5, ?6, ?6, ?7, ?8)",
        params![
            uuid,
            partner_id,
            date,
            word,
            ciphertext,
            now,
            stamp.text(),
            stamp.by
        ],
    )?;
    let id = conn.last_insert_rowid();
    revisions::log(conn, stamp, RecordKind::Feeling, &uuid, Action::Add)?;
    Ok(Feeling {
        id,
        uuid,
        partner_id,
        checkin_id: None,
        date,
        word: word.to_string(),
        intensity: None,
        note: None,
        created_at: now.to_string(),
        private: Some(ciphertext.to_vec()),
        revealed_on: None,
    })
}

/// Shares a private feeling: the whole feeling becomes readable, marked as revealed on `on`.
/// The version before (ciphertext only) is kept.
pub fn reveal(
    conn: &Connection,
    stamp: &Stamp,
    id: i64,
    entry: &FeelingEntry,
    note: Option<&str>,
    on: NaiveDate,
) -> rusqlite::Result<()> {
    revisions::supersede(conn, stamp, RecordKind::Feeling, id, Action::Edit)?;
    conn.execute(
        "UPDATE feelings SET word = ?2, intensity = ?3, note = ?4, private = NULL,
                             revealed_on = ?5
         WHERE id = ?1",
        params![id, entry.word, entry.intensity, note, on],
    )?;
    revisions::stamp_row(conn, stamp, RecordKind::Feeling, id)
}

const COLUMNS: &str = "id, uuid, partner_id, checkin_id, date, word, intensity, note, created_at, private, revealed_on";

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Feeling> {
    Ok(Feeling {
        id: row.get(0)?,
        uuid: row.get(1)?,
        partner_id: row.get(2)?,
        checkin_id: row.get(3)?,
        date: row.get(4)?,
        word: row.get(5)?,
        intensity: row.get(6)?,
        note: row.get(7)?,
        created_at: row.get(8)?,
        private: row.get(9)?,
        revealed_on: row.get(10)?,
    })
}

/// A check-in's feelings, in the order they were given.
pub fn for_checkin(conn: &Connection, checkin_id: i64) -> rusqlite::Result<Vec<Feeling>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM feelings WHERE checkin_id = ?1 ORDER BY id"
    ))?;
    stmt.query_map([checkin_id], from_row)?.collect()
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Feeling>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM feelings WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
}

pub fn delete_for_checkin(conn: &Connection, checkin_id: i64) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM feelings WHERE checkin_id = ?1", [checkin_id])
}
