//! Gathering the facts progress is computed from.
//!
//! Every query is bounded by the window (or by a fixed look-back) and walks a date index, so
//! the cost follows the window, not the size of the journal. The two that look further back
//! stop early: streaks stream dates newest first and stop at the first gap, and the
//! consistency score reads only the latest outcomes that can still move it.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::{Connection, params};

use crate::domain::feelings;
use crate::domain::progress::stats::{self, CONSISTENCY_HORIZON};
use crate::domain::progress::{
    ApologyFact, CheckinFact, Facts, FeelingFact, FocusFact, OutcomeFact, PartnerRef,
    RecurringFact, Window,
};
use crate::domain::recurrence::{Rule, Schedule};

/// Reads everything [`crate::domain::progress::compute`] needs for `window`.
pub fn facts(conn: &Connection, window: Window) -> rusqlite::Result<Facts> {
    let until = window.until;
    let partners: Vec<PartnerRef> = super::partners::all(conn)?
        .into_iter()
        .map(|p| PartnerRef {
            id: p.id,
            name: p.name,
        })
        .collect();

    let mut current_streaks = HashMap::new();
    let mut recent_outcomes = HashMap::new();
    for p in &partners {
        current_streaks.insert(p.id, partner_streak(conn, p.id, until)?);
        recent_outcomes.insert(p.id, recent_results(conn, p.id, until)?);
    }

    Ok(Facts {
        window,
        checkins: checkins(conn, window.checkins_since(), until)?,
        feelings: feelings_in(conn, window.from, until)?,
        outcomes: outcomes(conn, window.outcomes_since(), until)?,
        recent_outcomes,
        current_streaks,
        both_current_streak: both_streak(conn, until, partners.len())?,
        apologies: apologies(conn, window.from, until)?,
        recurring: recurring(conn, until)?,
        unrecorded_30d: unrecorded(conn, until)?,
        focus: focus(conn, window.from, until)?,
        first_checkin: conn.query_row("SELECT min(date) FROM checkins", [], |r| r.get(0))?,
        started: started(conn)?,
        partners,
    })
}

/// The earliest date on any record: the day the journal began. Each inner `min` reads one
/// end of a date index; the outer one ignores the kinds that have no records.
fn started(conn: &Connection) -> rusqlite::Result<Option<NaiveDate>> {
    conn.query_row(
        "SELECT min(d) FROM (
             SELECT min(date) AS d FROM checkins UNION ALL
             SELECT min(date) FROM feelings WHERE private IS NULL UNION ALL
             SELECT min(date) FROM promises UNION ALL
             SELECT min(date) FROM outcomes UNION ALL
             SELECT min(date) FROM apologies UNION ALL
             SELECT min(date) FROM responses UNION ALL
             SELECT min(date) FROM focus_changes UNION ALL
             SELECT min(date) FROM meetings)",
        [],
        |r| r.get(0),
    )
}

fn checkins(
    conn: &Connection,
    from: NaiveDate,
    until: NaiveDate,
) -> rusqlite::Result<Vec<CheckinFact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT date, partner_id, trust, connection FROM checkins
         WHERE date BETWEEN ?1 AND ?2 ORDER BY date",
    )?;
    stmt.query_map(params![from, until], |r| {
        Ok(CheckinFact {
            date: super::date_at(r, 0)?,
            partner: r.get(1)?,
            trust: r.get(2)?,
            connection: r.get(3)?,
        })
    })?
    .collect()
}

fn feelings_in(
    conn: &Connection,
    from: NaiveDate,
    until: NaiveDate,
) -> rusqlite::Result<Vec<FeelingFact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT date, partner_id, word FROM feelings
         WHERE date BETWEEN ?1 AND ?2 AND private IS NULL",
    )?;
    stmt.query_map(params![from, until], |r| {
        let word: String = r.get(2)?;
        Ok(FeelingFact {
            date: super::date_at(r, 0)?,
            partner: r.get(1)?,
            valence: feelings::valence(&word),
        })
    })?
    .collect()
}

fn outcomes(
    conn: &Connection,
    from: NaiveDate,
    until: NaiveDate,
) -> rusqlite::Result<Vec<OutcomeFact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.date, p.by_id, o.result = 'kept'
         FROM outcomes o CROSS JOIN promises p ON p.id = o.promise_id
         WHERE o.date BETWEEN ?1 AND ?2 AND o.result != 'skipped'",
    )?;
    stmt.query_map(params![from, until], |r| {
        Ok(OutcomeFact {
            date: super::date_at(r, 0)?,
            partner: r.get(1)?,
            kept: r.get(2)?,
        })
    })?
    .collect()
}

/// The partner's latest kept/missed outcomes up to `until`, oldest first. CROSS JOIN keeps
/// SQLite walking the outcome date index backwards, so it stops after the horizon.
fn recent_results(
    conn: &Connection,
    partner: i64,
    until: NaiveDate,
) -> rusqlite::Result<Vec<bool>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.result = 'kept'
         FROM outcomes o CROSS JOIN promises p ON p.id = o.promise_id
         WHERE p.by_id = ?1 AND o.date <= ?2 AND o.result != 'skipped'
         ORDER BY o.date DESC, o.id DESC LIMIT ?3",
    )?;
    let mut results: Vec<bool> = stmt
        .query_map(params![partner, until, CONSISTENCY_HORIZON as i64], |r| {
            r.get(0)
        })?
        .collect::<rusqlite::Result<_>>()?;
    results.reverse();
    Ok(results)
}

/// The partner's current streak, reading their check-in dates newest first only as far as
/// the streak goes.
fn partner_streak(conn: &Connection, partner: i64, until: NaiveDate) -> rusqlite::Result<u32> {
    let mut stmt = conn.prepare_cached(
        "SELECT date FROM checkins WHERE partner_id = ?1 AND date <= ?2 ORDER BY date DESC",
    )?;
    let mut failure = None;
    let dates = stmt
        .query_map(params![partner, until], |r| super::date_at(r, 0))?
        .map_while(|row| row.map_err(|e| failure = Some(e)).ok());
    let streak = stats::current_streak(dates, until);
    failure.map_or(Ok(streak), Err)
}

/// The current streak of days on which every partner checked in.
fn both_streak(conn: &Connection, until: NaiveDate, partners: usize) -> rusqlite::Result<u32> {
    if partners == 0 {
        return Ok(0);
    }
    // (partner_id, date) is unique, so a day's row count is its number of partners.
    let mut stmt = conn.prepare_cached(
        "SELECT date FROM checkins WHERE date <= ?1
         GROUP BY date HAVING count(*) >= ?2 ORDER BY date DESC",
    )?;
    let mut failure = None;
    let dates = stmt
        .query_map(params![until, partners as i64], |r| super::date_at(r, 0))?
        .map_while(|row| row.map_err(|e| failure = Some(e)).ok());
    let streak = stats::current_streak(dates, until);
    failure.map_or(Ok(streak), Err)
}

/// How far back an unanswered apology is still looked for.
pub const UNANSWERED_LOOKBACK_DAYS: u64 = 365;

/// Apologies made in the window, and older ones from the past year with no answer by `until`.
fn apologies(
    conn: &Connection,
    from: NaiveDate,
    until: NaiveDate,
) -> rusqlite::Result<Vec<ApologyFact>> {
    let since = from.min(until - chrono::Days::new(UNANSWERED_LOOKBACK_DAYS));
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.by_id, a.to_id, a.date,
                (SELECT min(r.date) FROM responses r WHERE r.apology_id = a.id AND r.date <= ?3),
                (SELECT r.status FROM responses r WHERE r.apology_id = a.id AND r.date <= ?3
                 ORDER BY r.date DESC, r.created_at DESC, r.id DESC LIMIT 1),
                a.withdrawn_on IS NOT NULL AND a.withdrawn_on <= ?3
         FROM apologies a
         WHERE a.date BETWEEN ?1 AND ?3
           AND (a.date >= ?2
                OR NOT EXISTS (SELECT 1 FROM responses r WHERE r.apology_id = a.id AND r.date <= ?3))
         ORDER BY a.date, a.id",
    )?;
    stmt.query_map(params![since, from, until], |r| {
        let latest: Option<String> = r.get(5)?;
        Ok(ApologyFact {
            id: r.get(0)?,
            by: r.get(1)?,
            to: r.get(2)?,
            date: super::date_at(r, 3)?,
            first_answer: r.get(4)?,
            accepted: latest.as_deref() == Some("accepted"),
            withdrawn: r.get(6)?,
        })
    })?
    .collect()
}

/// Per partner, the dates of their recurring promises in the 30 days ending the day before
/// `until` (that day is still to record) that have no outcome at all: kept, missed or skipped.
fn unrecorded(conn: &Connection, until: NaiveDate) -> rusqlite::Result<HashMap<i64, u32>> {
    let mut counts = HashMap::new();
    let (Some(end), Some(start)) = (until.pred_opt(), until.checked_sub_days(Days::new(29))) else {
        return Ok(counts);
    };
    let mut promises = conn.prepare_cached(
        "SELECT id, by_id, date, due, every, closed_on FROM promises
         WHERE (status = 'open' OR (status = 'cancelled' AND closed_on > ?1))
           AND every IS NOT NULL AND date <= ?2 AND (due IS NULL OR due >= ?1)
         ORDER BY id",
    )?;
    let mut recorded = conn.prepare_cached(
        "SELECT count(*) FROM outcomes WHERE promise_id = ?1 AND date BETWEEN ?2 AND ?3",
    )?;
    type Row = (
        i64,
        i64,
        NaiveDate,
        Option<NaiveDate>,
        Rule,
        Option<NaiveDate>,
    );
    let rows: Vec<Row> = promises
        .query_map(params![start, end], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (id, by, from, due, rule, closed_on) in rows {
        // A cancelled promise stops being due the day it was cancelled.
        let last = closed_on
            .and_then(|c| c.pred_opt())
            .map_or(end, |c| c.min(end));
        let schedule = Schedule {
            rule,
            from,
            until: due,
        };
        let due_days = schedule.dates_between(start, last).len() as u32;
        let done: u32 = recorded.query_row(params![id, start, last], |r| r.get(0))?;
        *counts.entry(by).or_insert(0) += due_days.saturating_sub(done);
    }
    Ok(counts)
}

/// Recurring promises in force at `until`, each with its latest three kept/missed outcomes.
fn recurring(conn: &Connection, until: NaiveDate) -> rusqlite::Result<Vec<RecurringFact>> {
    // Through promises_by_status: open ones, and those cancelled after `until`.
    let mut promises = conn.prepare_cached(
        "SELECT id, by_id, text FROM promises
         WHERE (status = 'open' OR (status = 'cancelled' AND closed_on > ?1))
           AND every IS NOT NULL AND date <= ?1 AND (due IS NULL OR due >= ?1)
         ORDER BY id",
    )?;
    let mut latest = conn.prepare_cached(
        "SELECT date, result = 'kept' FROM outcomes
         WHERE promise_id = ?1 AND date <= ?2 AND result != 'skipped'
         ORDER BY date DESC LIMIT 3",
    )?;
    let rows: Vec<(i64, i64, String)> = promises
        .query_map(params![until], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(id, by, text)| {
            let recent = latest
                .query_map(params![id, until], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(RecurringFact {
                id,
                by,
                text,
                recent,
            })
        })
        .collect()
}

/// The focus changes the figures need, oldest first: those in the window, the one in force
/// when the window began, and, when the current step began before the window, the changes
/// back to its start. Read newest first through the date index, stopping as soon as that is
/// known, so an old journal costs no more than a new one.
fn focus(conn: &Connection, from: NaiveDate, until: NaiveDate) -> rusqlite::Result<Vec<FocusFact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT step, date FROM focus_changes WHERE date <= ?1 AND waiting = 0 ORDER BY date DESC, id DESC",
    )?;
    let mut rows = stmt.query(params![until])?;
    let mut changes: Vec<FocusFact> = Vec::new();
    let mut run_broken = false;
    while let Some(row) = rows.next()? {
        let change = FocusFact {
            step: row.get(0)?,
            date: super::date_at(row, 1)?,
        };
        if let Some(current) = changes.first() {
            run_broken |= change.step != current.step;
        }
        let before_window = change.date < from;
        changes.push(change);
        if before_window && run_broken {
            break;
        }
    }
    changes.reverse();
    Ok(changes)
}
