//! Promises and their outcomes.
//!
//! A promise is one-time (`every` is NULL) or recurring (`every` holds the rule). Its dates
//! are never stored: [`Promise::plan`] rebuilds them from the rule when read. Outcomes count
//! for the partner who made the promise (`by_id`), whoever recorded them (`recorded_by`).

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, OptionalExtension as _, params};

use super::clock::Stamp;
use super::revisions::{self, Action};
use super::{new_uuid, text_column};
use crate::domain::kind::RecordKind;
use crate::domain::recurrence::{Plan, Rule, Schedule};

/// Where a promise stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Open,
    Kept,
    Missed,
    Cancelled,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Kept => "kept",
            Status::Missed => "missed",
            Status::Cancelled => "cancelled",
        }
    }
}

impl FromStr for Status {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        [
            Status::Open,
            Status::Kept,
            Status::Missed,
            Status::Cancelled,
        ]
        .into_iter()
        .find(|v| v.as_str() == s)
        .ok_or_else(|| format!("unknown promise status {s:?}"))
    }
}

/// What happened on one of a promise's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OutcomeKind {
    Kept,
    Missed,
    Skipped,
}

impl OutcomeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeKind::Kept => "kept",
            OutcomeKind::Missed => "missed",
            OutcomeKind::Skipped => "skipped",
        }
    }
}

impl fmt::Display for OutcomeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for OutcomeKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        [OutcomeKind::Kept, OutcomeKind::Missed, OutcomeKind::Skipped]
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| format!("unknown outcome {s:?}"))
    }
}

macro_rules! text_sql {
    ($($t:ty),*) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }
        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                text_column(value)
            }
        }
    )*};
}
text_sql!(Status, OutcomeKind);

impl ToSql for Rule {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.to_string().into())
    }
}

impl FromSql for Rule {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        text_column(value)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Promise {
    pub id: i64,
    pub uuid: String,
    pub by_id: i64,
    pub to_id: Option<i64>,
    /// In force from this date.
    pub from: NaiveDate,
    pub text: String,
    /// A one-time promise's due date, or a recurring promise's last scheduled date.
    pub due: Option<NaiveDate>,
    pub every: Option<Rule>,
    pub status: Status,
    pub closed_on: Option<NaiveDate>,
}

impl Promise {
    /// The promise's dates as a rule the pure code understands.
    pub fn plan(&self) -> Plan {
        match self.every {
            None => Plan::Once {
                from: self.from,
                due: self.due,
            },
            Some(rule) => Plan::Recurring(Schedule {
                rule,
                from: self.from,
                until: self.due,
            }),
        }
    }

    pub fn schedule(&self) -> Option<Schedule> {
        match self.plan() {
            Plan::Recurring(s) => Some(s),
            Plan::Once { .. } => None,
        }
    }
}

/// A promise to be written. `store::promises::insert` takes it inside any command's
/// transaction (`together` uses it for the answers that become promises).
#[derive(Debug, Clone)]
pub struct NewPromise<'a> {
    pub by_id: i64,
    pub to_id: Option<i64>,
    pub from: NaiveDate,
    pub text: &'a str,
    pub due: Option<NaiveDate>,
    pub every: Option<Rule>,
}

const COLUMNS: &str = "id, uuid, by_id, to_id, date, text, due, every, status, closed_on";

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Promise> {
    Ok(Promise {
        id: row.get(0)?,
        uuid: row.get(1)?,
        by_id: row.get(2)?,
        to_id: row.get(3)?,
        from: row.get(4)?,
        text: row.get(5)?,
        due: row.get(6)?,
        every: row.get(7)?,
        status: row.get(8)?,
        closed_on: row.get(9)?,
    })
}

pub fn insert(conn: &Connection, stamp: &Stamp, new: &NewPromise<'_>) -> rusqlite::Result<Promise> {
    let uuid = new_uuid();
    conn.execute(
        "INSERT INTO promises (uuid, by_id, to_id, date, text, due, every, status, created_at,
                               updated_at, hlc, changed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'open', ?8, ?8, ?9, ?10)",
        params![
            uuid,
            new.by_id,
            new.to_id,
            new.from,
            new.text,
            new.due,
            new.every,
            stamp.at,
            stamp.text(),
            stamp.by
        ],
    )?;
    let id = conn.last_insert_rowid();
    revisions::log(conn, stamp, RecordKind::Promise, &uuid, Action::Add)?;
    Ok(Promise {
        id,
        uuid,
        by_id: new.by_id,
        to_id: new.to_id,
        from: new.from,
        text: new.text.to_string(),
        due: new.due,
        every: new.every,
        status: Status::Open,
        closed_on: None,
    })
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Promise>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM promises WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
}

/// Open promises, or every promise with `all`, oldest first.
pub fn list(conn: &Connection, all: bool) -> rusqlite::Result<Vec<Promise>> {
    let sql = if all {
        format!("SELECT {COLUMNS} FROM promises ORDER BY id")
    } else {
        format!("SELECT {COLUMNS} FROM promises WHERE status = 'open' ORDER BY id")
    };
    let mut stmt = conn.prepare(&sql)?;
    stmt.query_map([], from_row)?.collect()
}

/// Promises made from `from` to `until` (both included), by the date they start.
pub fn made_between(
    conn: &Connection,
    from: NaiveDate,
    until: NaiveDate,
) -> rusqlite::Result<Vec<Promise>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM promises WHERE date BETWEEN ?1 AND ?2 ORDER BY date, id"
    ))?;
    stmt.query_map(params![from, until], from_row)?.collect()
}

/// Closes a promise: a one-time promise with its outcome, or any promise when cancelled.
/// (`None` reopens a one-time promise whose outcome was taken back.)
pub fn close(
    conn: &Connection,
    stamp: &Stamp,
    id: i64,
    status: Status,
    on: Option<NaiveDate>,
) -> rusqlite::Result<Promise> {
    revisions::supersede(conn, stamp, RecordKind::Promise, id, Action::Edit)?;
    conn.execute(
        "UPDATE promises SET status = ?2, closed_on = ?3 WHERE id = ?1",
        params![id, status, on],
    )?;
    revisions::stamp_row(conn, stamp, RecordKind::Promise, id)?;
    get(conn, id)?.ok_or(rusqlite::Error::QueryReturnedNoRows)
}

/// One outcome: what happened to a promise on one of its dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub id: i64,
    pub uuid: String,
    pub promise_id: i64,
    pub date: NaiveDate,
    pub result: OutcomeKind,
    pub note: Option<String>,
    pub recorded_by: i64,
}

const OUTCOME_COLUMNS: &str = "id, uuid, promise_id, date, result, note, recorded_by";

fn outcome_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Outcome> {
    Ok(Outcome {
        id: row.get(0)?,
        uuid: row.get(1)?,
        promise_id: row.get(2)?,
        date: row.get(3)?,
        result: row.get(4)?,
        note: row.get(5)?,
        recorded_by: row.get(6)?,
    })
}

pub fn record_outcome(
    conn: &Connection,
    stamp: &Stamp,
    promise_id: i64,
    date: NaiveDate,
    result: OutcomeKind,
    note: Option<&str>,
    recorded_by: i64,
) -> rusqlite::Result<Outcome> {
    let uuid = new_uuid();
    conn.execute(
        "INSERT INTO outcomes (uuid, promise_id, date, result, note, recorded_by, created_at,
                               updated_at, hlc, changed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?9)",
        params![
            uuid,
            promise_id,
            date,
            result,
            note,
            recorded_by,
            stamp.at,
            stamp.text(),
            stamp.by
        ],
    )?;
    let id = conn.last_insert_rowid();
    revisions::log(conn, stamp, RecordKind::Outcome, &uuid, Action::Add)?;
    Ok(Outcome {
        id,
        uuid,
        promise_id,
        date,
        result,
        note: note.map(str::to_string),
        recorded_by,
    })
}

pub fn get_outcome(conn: &Connection, id: i64) -> rusqlite::Result<Option<Outcome>> {
    conn.query_row(
        &format!("SELECT {OUTCOME_COLUMNS} FROM outcomes WHERE id = ?1"),
        [id],
        outcome_from_row,
    )
    .optional()
}

/// Corrects an outcome: a new result, a new note when one is given (the old one is kept
/// otherwise), and who made the correction. Its id, uuid and creation time stay.
pub fn amend_outcome(
    conn: &Connection,
    stamp: &Stamp,
    outcome: &Outcome,
    result: OutcomeKind,
    note: Option<&str>,
) -> rusqlite::Result<Outcome> {
    let note = note.map(str::to_string).or_else(|| outcome.note.clone());
    revisions::supersede(conn, stamp, RecordKind::Outcome, outcome.id, Action::Edit)?;
    // `recorded_by` stays: the journal keeps who recorded the outcome first.
    conn.execute(
        "UPDATE outcomes SET result = ?2, note = ?3 WHERE id = ?1",
        params![outcome.id, result, note],
    )?;
    revisions::stamp_row(conn, stamp, RecordKind::Outcome, outcome.id)?;
    Ok(Outcome {
        result,
        note,
        ..outcome.clone()
    })
}

/// The outcome recorded for a promise on a date, if any.
pub fn outcome_on(
    conn: &Connection,
    promise_id: i64,
    date: NaiveDate,
) -> rusqlite::Result<Option<Outcome>> {
    conn.query_row(
        &format!("SELECT {OUTCOME_COLUMNS} FROM outcomes WHERE promise_id = ?1 AND date = ?2"),
        params![promise_id, date],
        outcome_from_row,
    )
    .optional()
}

/// A promise's outcomes dated `from` to `until`, oldest first.
pub fn outcomes_of(
    conn: &Connection,
    promise_id: i64,
    from: NaiveDate,
    until: NaiveDate,
) -> rusqlite::Result<Vec<Outcome>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {OUTCOME_COLUMNS} FROM outcomes
         WHERE promise_id = ?1 AND date BETWEEN ?2 AND ?3 ORDER BY date"
    ))?;
    stmt.query_map(params![promise_id, from, until], outcome_from_row)?
        .collect()
}

/// An outcome with the partner it counts for (the promise's maker).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountedOutcome {
    pub outcome: Outcome,
    /// The partner who made the promise: the outcome counts for them.
    pub by_id: i64,
}

/// Every outcome dated `from` to `until` (both included), oldest first, with the partner it
/// counts for. Uses the date index, so a window costs the window.
pub fn outcomes_between(
    conn: &Connection,
    from: NaiveDate,
    until: NaiveDate,
) -> rusqlite::Result<Vec<CountedOutcome>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.id, o.uuid, o.promise_id, o.date, o.result, o.note, o.recorded_by, p.by_id
         FROM outcomes o JOIN promises p ON p.id = o.promise_id
         WHERE o.date BETWEEN ?1 AND ?2 ORDER BY o.date, o.id",
    )?;
    stmt.query_map(params![from, until], |row| {
        Ok(CountedOutcome {
            outcome: outcome_from_row(row)?,
            by_id: row.get(7)?,
        })
    })?
    .collect()
}

/// How many of each outcome a promise has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub kept: u64,
    pub missed: u64,
    pub skipped: u64,
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// Outcome counts for the given promises, counted by SQLite (one row per promise).
pub fn tallies(conn: &Connection, promise_ids: &[i64]) -> rusqlite::Result<HashMap<i64, Tally>> {
    let mut tallies = HashMap::new();
    if promise_ids.is_empty() {
        return Ok(tallies);
    }
    // A JSON array parameter keeps the statement fixed however many promises there are.
    let ids = serde_json::to_string(promise_ids).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare_cached(
        "SELECT promise_id,
                sum(result = 'kept'), sum(result = 'missed'), sum(result = 'skipped')
         FROM outcomes WHERE promise_id IN (SELECT value FROM json_each(?1))
         GROUP BY promise_id",
    )?;
    let rows = stmt.query_map([ids], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            Tally {
                kept: count(row.get(1)?),
                missed: count(row.get(2)?),
                skipped: count(row.get(3)?),
            },
        ))
    })?;
    for row in rows {
        let (id, tally) = row?;
        tallies.insert(id, tally);
    }
    Ok(tallies)
}

/// How many outcomes (kept, missed or skipped) each promise has dated on or before `date`.
pub fn recorded_through(conn: &Connection, date: NaiveDate) -> rusqlite::Result<HashMap<i64, u64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT promise_id, count(*) FROM outcomes WHERE date <= ?1 GROUP BY promise_id",
    )?;
    stmt.query_map([date], |r| {
        let n: i64 = r.get(1)?;
        Ok((r.get(0)?, u64::try_from(n).unwrap_or(0)))
    })?
    .collect()
}

/// The ids of promises with an outcome recorded on `date`.
pub fn recorded_on(conn: &Connection, date: NaiveDate) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached("SELECT promise_id FROM outcomes WHERE date = ?1")?;
    stmt.query_map([date], |r| r.get(0))?.collect()
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
    fn promises_and_outcomes_round_trip() {
        let mut store = Store::open_in_memory().unwrap();
        let (promise, tally, counted) = store
            .write(|tx| {
                let stamp = crate::store::clock::testing(tx)?;
                let sam = partners::insert(tx, &stamp, "Sam", Role::Repairing)?;
                let alex = partners::insert(tx, &stamp, "Alex", Role::Healing)?;
                let p = insert(
                    tx,
                    &stamp,
                    &NewPromise {
                        by_id: sam.id,
                        to_id: Some(alex.id),
                        from: d(2026, 11, 16),
                        text: "Call at lunch",
                        due: None,
                        every: Some("thu,mon".parse().unwrap()),
                    },
                )?;
                // Alex records Sam's outcomes; they still count for Sam.
                record_outcome(
                    tx,
                    &stamp,
                    p.id,
                    d(2026, 11, 16),
                    OutcomeKind::Kept,
                    None,
                    alex.id,
                )?;
                record_outcome(
                    tx,
                    &stamp,
                    p.id,
                    d(2026, 11, 19),
                    OutcomeKind::Missed,
                    Some("sick"),
                    alex.id,
                )?;
                let tally = tallies(tx, &[p.id])?;
                let counted = outcomes_between(tx, d(2026, 11, 17), d(2026, 11, 30))?;
                Ok((get(tx, p.id)?.unwrap(), tally, counted))
            })
            .unwrap();
        assert_eq!(promise.every.unwrap().to_string(), "mon,thu");
        assert_eq!(
            tally[&promise.id],
            Tally {
                kept: 1,
                missed: 1,
                skipped: 0
            }
        );
        assert_eq!(counted.len(), 1);
        assert_eq!(counted[0].by_id, promise.by_id);
        assert_eq!(counted[0].outcome.note.as_deref(), Some("sick"));
        assert!(promise.schedule().unwrap().is_scheduled(d(2026, 11, 23)));
    }
}
