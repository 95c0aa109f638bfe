//! Apologies and the answers to them.
//!
//! Every answer is kept. The current one is the latest by date, then by when it was written,
//! so a later answer replaces an earlier one without erasing it.

use std::collections::HashMap;
use std::str::FromStr;

use chrono::NaiveDate;
use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, OptionalExtension as _, params};

use super::clock::Stamp;
use super::revisions::{self, Action};
use super::{new_uuid, text_column};
use crate::domain::kind::RecordKind;

/// An answer to an apology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    Accepted,
    NeedTime,
    Declined,
}

impl Answer {
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Accepted => "accepted",
            Answer::NeedTime => "need-time",
            Answer::Declined => "declined",
        }
    }

    /// For sentences: "accepted", "needs more time", "not accepted (yet)".
    pub fn describe(self) -> &'static str {
        match self {
            Answer::Accepted => "accepted",
            Answer::NeedTime => "needs more time",
            Answer::Declined => "not accepted",
        }
    }
}

impl FromStr for Answer {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        [Answer::Accepted, Answer::NeedTime, Answer::Declined]
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or_else(|| format!("unknown answer {s:?}"))
    }
}

impl ToSql for Answer {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl FromSql for Answer {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        text_column(value)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Apology {
    pub id: i64,
    pub uuid: String,
    pub by_id: i64,
    pub to_id: i64,
    pub date: NaiveDate,
    pub what: String,
    pub impact: Option<String>,
    pub responsibility: String,
    pub change: Option<String>,
    pub promise_id: Option<i64>,
    /// The day its author withdrew it, if they did.
    pub withdrawn_on: Option<NaiveDate>,
}

/// An apology to be written.
#[derive(Debug, Clone)]
pub struct NewApology<'a> {
    pub by_id: i64,
    pub to_id: i64,
    pub date: NaiveDate,
    pub what: &'a str,
    pub impact: Option<&'a str>,
    pub responsibility: &'a str,
    pub change: Option<&'a str>,
    pub promise_id: Option<i64>,
}

const COLUMNS: &str =
    "id, uuid, by_id, to_id, date, what, impact, responsibility, change, promise_id, withdrawn_on";

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Apology> {
    Ok(Apology {
        id: row.get(0)?,
        uuid: row.get(1)?,
        by_id: row.get(2)?,
        to_id: row.get(3)?,
        date: row.get(4)?,
        what: row.get(5)?,
        impact: row.get(6)?,
        responsibility: row.get(7)?,
        change: row.get(8)?,
        promise_id: row.get(9)?,
        withdrawn_on: row.get(10)?,
    })
}

pub fn insert(conn: &Connection, stamp: &Stamp, new: &NewApology<'_>) -> rusqlite::Result<Apology> {
    let uuid = new_uuid();
    conn.execute(
        "INSERT INTO apologies (uuid, by_id, to_id, date, what, impact, responsibility, change,
                                promise_id, created_at, updated_at, hlc, changed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12)",
        params![
            uuid,
            new.by_id,
            new.to_id,
            new.date,
            new.what,
            new.impact,
            new.responsibility,
            new.change,
            new.promise_id,
            stamp.at,
            stamp.text(),
            stamp.by
        ],
    )?;
    let id = conn.last_insert_rowid();
    revisions::log(conn, stamp, RecordKind::Apology, &uuid, Action::Add)?;
    Ok(Apology {
        id,
        uuid,
        by_id: new.by_id,
        to_id: new.to_id,
        date: new.date,
        what: new.what.to_string(),
        impact: new.impact.map(str::to_string),
        responsibility: new.responsibility.to_string(),
        change: new.change.map(str::to_string),
        promise_id: new.promise_id,
        withdrawn_on: None,
    })
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Apology>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM apologies WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
}

/// Every apology, oldest first.
pub fn all(conn: &Connection) -> rusqlite::Result<Vec<Apology>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM apologies ORDER BY id"))?;
    stmt.query_map([], from_row)?.collect()
}

/// Apologies dated `from` to `until` (both included), oldest first.
pub fn between(
    conn: &Connection,
    from: NaiveDate,
    until: NaiveDate,
) -> rusqlite::Result<Vec<Apology>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM apologies WHERE date BETWEEN ?1 AND ?2 ORDER BY date, id"
    ))?;
    stmt.query_map(params![from, until], from_row)?.collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub id: i64,
    pub uuid: String,
    pub apology_id: i64,
    pub by_id: i64,
    pub date: NaiveDate,
    pub answer: Answer,
    pub note: Option<String>,
}

const RESPONSE_COLUMNS: &str = "id, uuid, apology_id, by_id, date, status, note";

fn response_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Response> {
    Ok(Response {
        id: row.get(0)?,
        uuid: row.get(1)?,
        apology_id: row.get(2)?,
        by_id: row.get(3)?,
        date: row.get(4)?,
        answer: row.get(5)?,
        note: row.get(6)?,
    })
}

pub fn respond(
    conn: &Connection,
    stamp: &Stamp,
    apology_id: i64,
    by_id: i64,
    date: NaiveDate,
    answer: Answer,
    note: Option<&str>,
) -> rusqlite::Result<Response> {
    let uuid = new_uuid();
    conn.execute(
        "INSERT INTO responses (uuid, apology_id, by_id, date, status, note, created_at,
                                updated_at, hlc, changed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?9)",
        params![
            uuid,
            apology_id,
            by_id,
            date,
            answer,
            note,
            stamp.at,
            stamp.text(),
            stamp.by
        ],
    )?;
    let id = conn.last_insert_rowid();
    revisions::log(conn, stamp, RecordKind::Response, &uuid, Action::Add)?;
    Ok(Response {
        id,
        uuid,
        apology_id,
        by_id,
        date,
        answer,
        note: note.map(str::to_string),
    })
}

pub fn get_response(conn: &Connection, id: i64) -> rusqlite::Result<Option<Response>> {
    conn.query_row(
        &format!("SELECT {RESPONSE_COLUMNS} FROM responses WHERE id = ?1"),
        [id],
        response_from_row,
    )
    .optional()
}

/// The answer in force for an apology: the latest by date, then by when it was written.
pub fn current_response(conn: &Connection, apology_id: i64) -> rusqlite::Result<Option<Response>> {
    conn.query_row(
        &format!(
            "SELECT {RESPONSE_COLUMNS} FROM responses WHERE apology_id = ?1
             ORDER BY date DESC, created_at DESC, id DESC LIMIT 1"
        ),
        [apology_id],
        response_from_row,
    )
    .optional()
}

/// The current answer of every apology that has one.
pub fn current_responses(conn: &Connection) -> rusqlite::Result<HashMap<i64, Response>> {
    // Rows come oldest first, so each later answer overwrites the one before it.
    let mut stmt = conn.prepare(&format!(
        "SELECT {RESPONSE_COLUMNS} FROM responses ORDER BY apology_id, date, created_at, id"
    ))?;
    let rows = stmt.query_map([], response_from_row)?;
    let mut current = HashMap::new();
    for row in rows {
        let response = row?;
        current.insert(response.apology_id, response);
    }
    Ok(current)
}

/// Answers dated `from` to `until` (both included), oldest first.
pub fn responses_between(
    conn: &Connection,
    from: NaiveDate,
    until: NaiveDate,
) -> rusqlite::Result<Vec<Response>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {RESPONSE_COLUMNS} FROM responses WHERE date BETWEEN ?1 AND ?2 ORDER BY date, id"
    ))?;
    stmt.query_map(params![from, until], response_from_row)?
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Role;
    use crate::store::{Store, partners};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_latest_answer_is_current_and_all_are_kept() {
        let mut store = Store::open_in_memory().unwrap();
        let (apology, current, all_current, history) = store
            .write(|tx| {
                let stamp = crate::store::clock::testing(tx)?;
                let sam = partners::insert(tx, &stamp, "Sam", Role::Repairing)?;
                let alex = partners::insert(tx, &stamp, "Alex", Role::Healing)?;
                let a = insert(
                    tx,
                    &stamp,
                    &NewApology {
                        by_id: sam.id,
                        to_id: alex.id,
                        date: d(2026, 11, 10),
                        what: "I lied",
                        impact: None,
                        responsibility: "I chose to",
                        change: Some("I will tell you the truth"),
                        promise_id: None,
                    },
                )?;
                respond(
                    tx,
                    &stamp,
                    a.id,
                    alex.id,
                    d(2026, 11, 12),
                    Answer::NeedTime,
                    None,
                )?;
                respond(
                    tx,
                    &stamp,
                    a.id,
                    alex.id,
                    d(2026, 11, 20),
                    Answer::Accepted,
                    Some("thank you"),
                )?;
                // Written last but dated earlier: not the current answer.
                respond(
                    tx,
                    &stamp,
                    a.id,
                    alex.id,
                    d(2026, 11, 11),
                    Answer::Declined,
                    None,
                )?;
                Ok((
                    get(tx, a.id)?.unwrap(),
                    current_response(tx, a.id)?,
                    current_responses(tx)?,
                    responses_between(tx, d(2026, 11, 1), d(2026, 11, 30))?,
                ))
            })
            .unwrap();
        assert_eq!(apology.change.as_deref(), Some("I will tell you the truth"));
        let current = current.unwrap();
        assert_eq!(current.answer, Answer::Accepted);
        assert_eq!(current.note.as_deref(), Some("thank you"));
        assert_eq!(all_current[&apology.id], current);
        assert_eq!(history.len(), 3);
    }
}
