//! What a day looks like, read in a handful of small queries: who has checked in, the open
//! promises and which of them have an outcome that day, and the apologies with no answer.
//! Read by the today view (a bare `rekindle`) and by `status`, which runs on every shell
//! prompt, so nothing here reads more than these few rows.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::domain::model::Partner;
use crate::store::promises::{self, Promise};

/// The facts of one day.
#[derive(Debug, Clone)]
pub struct Day {
    pub partners: Vec<Partner>,
    /// The ids of the partners with a check-in for the day.
    pub checked_in: Vec<i64>,
    /// Open promises.
    pub open_promises: Vec<Promise>,
    /// The ids of promises with an outcome recorded for the day.
    pub recorded: Vec<i64>,
    /// Apologies with no answer yet: (id, by, to, date).
    pub unanswered: Vec<(i64, i64, i64, NaiveDate)>,
}

pub fn day(conn: &Connection, date: NaiveDate) -> rusqlite::Result<Day> {
    let partners = crate::store::partners::all(conn)?;
    let mut stmt = conn.prepare_cached("SELECT partner_id FROM checkins WHERE date = ?1")?;
    let checked_in = stmt
        .query_map([date], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.by_id, a.to_id, a.date FROM apologies a
         WHERE NOT EXISTS (SELECT 1 FROM responses r WHERE r.apology_id = a.id)
         ORDER BY a.date, a.id",
    )?;
    let unanswered = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Day {
        partners,
        checked_in,
        open_promises: promises::list(conn, false)?,
        recorded: promises::recorded_on(conn, date)?,
        unanswered,
    })
}
