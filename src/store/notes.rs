//! Notes: free entries by one partner for a day, shared or private. A private note's words
//! are kept only as ciphertext encrypted to its author (`ciphertext`); `text` is then NULL,
//! so nothing of them reaches the search index.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension as _, params};

use super::clock::Stamp;
use super::new_uuid;
use super::revisions::{self, Action};
use crate::domain::kind::RecordKind;

/// What a note holds: its words, or (private) their ciphertext, which may be absent where a
/// private note came from another device and only its stub travelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Words {
    Shared(String),
    Private(Option<Vec<u8>>),
}

impl Words {
    pub fn is_private(&self) -> bool {
        matches!(self, Words::Private(_))
    }

    /// The shared text, if the note is shared.
    pub fn text(&self) -> Option<&str> {
        match self {
            Words::Shared(t) => Some(t),
            Words::Private(_) => None,
        }
    }

    fn columns(&self) -> (Option<&str>, bool, Option<&[u8]>) {
        match self {
            Words::Shared(t) => (Some(t.as_str()), false, None),
            Words::Private(c) => (None, true, c.as_deref()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub id: i64,
    pub uuid: String,
    pub partner_id: i64,
    pub date: NaiveDate,
    pub words: Words,
    /// The day a private note was shared with `reveal`.
    pub revealed_on: Option<NaiveDate>,
}

const COLUMNS: &str = "id, uuid, partner_id, date, text, private, ciphertext, revealed_on";

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Note> {
    let private: bool = row.get(5)?;
    let words = if private {
        Words::Private(row.get(6)?)
    } else {
        Words::Shared(row.get::<_, Option<String>>(4)?.unwrap_or_default())
    };
    Ok(Note {
        id: row.get(0)?,
        uuid: row.get(1)?,
        partner_id: row.get(2)?,
        date: super::date_at(row, 3)?,
        words,
        revealed_on: row.get(7)?,
    })
}

pub fn insert(
    conn: &Connection,
    stamp: &Stamp,
    partner_id: i64,
    date: NaiveDate,
    words: &Words,
) -> rusqlite::Result<Note> {
    let uuid = new_uuid();
    let (text, private, ciphertext) = words.columns();
    conn.execute(
        "INSERT INTO notes (uuid, partner_id, date, text, private, ciphertext, created_at,
                            updated_at, hlc, changed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?9)",
        params![
            uuid,
            partner_id,
            date,
            text,
            private,
            ciphertext,
            stamp.at,
            stamp.text(),
            stamp.by
        ],
    )?;
    let id = conn.last_insert_rowid();
    revisions::log(conn, stamp, RecordKind::Note, &uuid, Action::Add)?;
    Ok(Note {
        id,
        uuid,
        partner_id,
        date,
        words: words.clone(),
        revealed_on: None,
    })
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Note>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM notes WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
}

/// Changes a note's words (and day), keeping the version before as a revision: a private
/// note's earlier version keeps its words as ciphertext only.
pub fn change(
    conn: &Connection,
    stamp: &Stamp,
    id: i64,
    date: NaiveDate,
    words: &Words,
    action: Action,
) -> rusqlite::Result<()> {
    revisions::supersede(conn, stamp, RecordKind::Note, id, action)?;
    let (text, private, ciphertext) = words.columns();
    conn.execute(
        "UPDATE notes SET date = ?2, text = ?3, private = ?4, ciphertext = ?5 WHERE id = ?1",
        params![id, date, text, private, ciphertext],
    )?;
    revisions::stamp_row(conn, stamp, RecordKind::Note, id)
}

/// Shares a private note's words: they become its text, marked as revealed on `on`. The
/// version before (ciphertext only) is kept.
pub fn reveal(
    conn: &Connection,
    stamp: &Stamp,
    id: i64,
    text: &str,
    on: NaiveDate,
) -> rusqlite::Result<()> {
    revisions::supersede(conn, stamp, RecordKind::Note, id, Action::Edit)?;
    conn.execute(
        "UPDATE notes SET text = ?2, private = 0, ciphertext = NULL, revealed_on = ?3
         WHERE id = ?1",
        params![id, text, on],
    )?;
    revisions::stamp_row(conn, stamp, RecordKind::Note, id)
}

/// `partner_id`'s private notes whose words this journal holds, newest first.
pub fn private_of(conn: &Connection, partner_id: i64) -> rusqlite::Result<Vec<Note>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM notes WHERE partner_id = ?1 AND private = 1
         ORDER BY date DESC, created_at DESC, id DESC"
    ))?;
    stmt.query_map([partner_id], from_row)?.collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn a_private_note_keeps_nothing_readable_and_reveal_keeps_the_ciphertext_version() {
        let mut store = Store::open_in_memory().unwrap();
        let clock = store.clock();
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let note = store
            .write(|tx| {
                let first = crate::store::clock::stamp(tx, &clock, None)?;
                let a = crate::store::partners::insert(
                    tx,
                    &first,
                    "Alex",
                    crate::domain::model::Role::Healing,
                )?;
                let stamp = crate::store::clock::stamp(tx, &clock, Some(a.id))?;
                Ok(insert(
                    tx,
                    &stamp,
                    a.id,
                    day,
                    &Words::Private(Some(b"sealed bytes".to_vec())),
                )?)
            })
            .unwrap();
        let back = get(store.conn(), note.id).unwrap().unwrap();
        assert_eq!(back.words, Words::Private(Some(b"sealed bytes".to_vec())));
        let indexed: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM search WHERE rowid % 16 = 11",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(indexed, 0, "a private note is not in the search index");
        store
            .write(|tx| {
                let stamp = crate::store::clock::stamp(tx, &clock, Some(back.partner_id))?;
                reveal(tx, &stamp, note.id, "now shared", day)?;
                Ok(())
            })
            .unwrap();
        let shared = get(store.conn(), note.id).unwrap().unwrap();
        assert_eq!(shared.words, Words::Shared("now shared".into()));
        assert_eq!(shared.revealed_on, Some(day));
        let versions =
            crate::store::revisions::of(store.conn(), RecordKind::Note, &note.uuid).unwrap();
        assert_eq!(versions.len(), 1);
        let indexed: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM search WHERE rowid % 16 = 11",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(indexed, 1, "a revealed note is searchable");
    }
}
