//! `rekindle promise keep|miss|skip`: what became of a promise on one date, or (with
//! `--amend`) a correction of what was recorded.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use super::refuse_if_closed;
use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::dates;
use crate::domain::error::UserError;
use crate::domain::input::{OPTIONAL, nonblank, parse_id};
use crate::domain::recurrence::Plan;
use crate::store::clock::{self, Clock};
use crate::store::promises::{self, Outcome, OutcomeKind, Promise, Status, Tally};
use crate::text::sanitize;
use crate::views::Output;
use crate::views::json::{self, Names, OutcomeRecord};
use crate::views::promise::tally_phrase;

#[derive(Debug, clap::Args)]
pub struct OutcomeArgs {
    /// The promise's number, as `promise list` shows it
    #[arg(allow_hyphen_values = true)]
    pub id: String,

    /// The date this is for [default: today; for a recurring promise not due today, its
    /// most recent date]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,

    /// A note about how it went
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,

    /// Correct what was recorded for that date (e.g. it was kept after all); the note is kept
    /// unless you give a new one
    #[arg(long)]
    pub amend: bool,
}

/// What is to be recorded, checked as far as it can be before the journal is read.
struct Asked<'a> {
    id: i64,
    result: OutcomeKind,
    note: Option<&'a str>,
    /// `--date`; otherwise the date follows from the promise.
    date: Option<NaiveDate>,
    today: NaiveDate,
    amend: bool,
    recorder: i64,
    clock: Clock,
}

/// What `promise keep|miss|skip` did.
#[derive(Debug, Clone, Copy)]
enum Done {
    Recorded,
    /// `--amend` changed the outcome; it was this before.
    Corrected(OutcomeKind),
    /// `--amend` gave the outcome already recorded: nothing was written.
    Unchanged,
}

pub fn run(ctx: &mut Context, args: OutcomeArgs, result: OutcomeKind) -> anyhow::Result<()> {
    let id = parse_id("promise", &args.id)?;
    let note = match &args.note {
        Some(note) => Some(nonblank("--note", note, OPTIONAL)?),
        None => None,
    };
    let mut store = ctx.open()?;
    let recorder = ctx.author(&store)?;
    let date = match &args.date {
        Some(value) => Some(ctx.date("--date", value)?),
        None => None,
    };
    let asked = Asked {
        id,
        result,
        note,
        date,
        today: ctx.today,
        amend: args.amend,
        recorder: recorder.id,
        clock: store.clock(),
    };
    let (promise, outcome, done, tally) = store.write(|tx| record(tx, &asked))?;
    if note.is_some_and(crate::domain::safety::calls_for_card_in_words) {
        ctx.show_safety_card(crate::commands::context::CardReason::Written);
    }
    let names = Names::load(store.conn())?;
    ctx.emit(&Recorded {
        record: json::outcome(&outcome, &promise, &names),
        promise: &promise,
        outcome: &outcome,
        result,
        done,
        tally,
    })
}

/// Records (or corrects) the outcome under the write lock, where the promise is read, and
/// closes a one-time promise with it; the tally is read there too, with the new outcome.
fn record(
    tx: &rusqlite::Connection,
    asked: &Asked<'_>,
) -> anyhow::Result<(Promise, Outcome, Done, Tally)> {
    let id = asked.id;
    let Some(promise) = promises::get(tx, id)? else {
        bail_user!("there is no promise {id}; `rekindle promise list --all` shows them all");
    };
    let plan = promise.plan();
    // A one-time promise closed by its outcome can still have that outcome corrected.
    let correcting_closed = asked.amend
        && matches!(plan, Plan::Once { .. })
        && matches!(promise.status, Status::Kept | Status::Missed);
    if !correcting_closed {
        refuse_if_closed(&promise)?;
    }
    if asked.result == OutcomeKind::Skipped && matches!(plan, Plan::Once { .. }) {
        bail_user!(
            "promise {id} is a one-time promise, so it cannot be skipped: it is kept, missed or cancelled (rekindle promise cancel {id})"
        );
    }
    let date = match (asked.date, correcting_closed, promise.closed_on) {
        (Some(date), _, _) => date,
        (None, true, Some(closed)) => closed,
        (None, _, _) => plan
            .default_outcome_date(asked.today)
            .map_err(|e| UserError::new(format!("promise {id}: {e}")))?,
    };
    plan.check_outcome_date(date, asked.today)
        .map_err(|e| UserError::new(format!("promise {id}: {e}")))?;
    let (result, note) = (asked.result, asked.note);
    let existing = promises::outcome_on(tx, id, date)?;
    match (&existing, asked.amend) {
        (Some(existing), false) => bail_user!(
            "promise {id} already has an outcome for {}: {}; each date takes one (add --amend to correct it)",
            dates::in_words(date),
            existing.result
        ),
        (None, true) => bail_user!(
            "nothing is recorded for promise {id} on {} to correct; leave out --amend to record it",
            dates::in_words(date)
        ),
        (Some(existing), true)
            if existing.result == result
                && note.is_none_or(|n| existing.note.as_deref() == Some(n)) =>
        {
            // Correcting an outcome to what it already says writes nothing, so its stamp
            // (which an import compares) stays as it was.
            let existing = existing.clone();
            return Ok((promise, existing, Done::Unchanged, tally(tx, id)?));
        }
        _ => {}
    }
    // One stamp for everything this command writes: the outcome and the promise it closes.
    let stamp = clock::stamp(tx, &asked.clock, Some(asked.recorder))?;
    let (outcome, done) = match existing {
        Some(existing) => {
            let was = existing.result;
            let outcome = promises::amend_outcome(tx, &stamp, &existing, result, note)?;
            (outcome, Done::Corrected(was))
        }
        None => (
            promises::record_outcome(tx, &stamp, id, date, result, note, asked.recorder)?,
            Done::Recorded,
        ),
    };
    let promise = match (plan, result) {
        (Plan::Once { .. }, OutcomeKind::Kept) => {
            promises::close(tx, &stamp, id, Status::Kept, Some(date))?
        }
        (Plan::Once { .. }, _) => promises::close(tx, &stamp, id, Status::Missed, Some(date))?,
        (Plan::Recurring(_), _) => promise,
    };
    Ok((promise, outcome, done, tally(tx, id)?))
}

fn tally(tx: &rusqlite::Connection, id: i64) -> rusqlite::Result<Tally> {
    Ok(promises::tallies(tx, &[id])?
        .get(&id)
        .copied()
        .unwrap_or_default())
}

/// The outcome as recorded; the JSON is its record.
#[derive(Serialize)]
#[serde(transparent)]
struct Recorded<'a> {
    record: OutcomeRecord,
    #[serde(skip)]
    promise: &'a Promise,
    #[serde(skip)]
    outcome: &'a Outcome,
    #[serde(skip)]
    result: OutcomeKind,
    #[serde(skip)]
    done: Done,
    #[serde(skip)]
    tally: Tally,
}

impl Output for Recorded<'_> {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let (promise, record, result) = (self.promise, &self.record, self.result);
        let maker = sanitize::line(&record.partner);
        let text = sanitize::line(&promise.text);
        let on = dates::in_words(record.date);
        match self.done {
            Done::Unchanged => {
                writeln!(
                    out,
                    "{maker}'s promise {}, \"{text}\", is already {} for {on}; nothing changed.",
                    promise.id,
                    result.as_str(),
                )?;
                return Ok(());
            }
            Done::Corrected(was) => writeln!(
                out,
                "Corrected {maker}'s promise {}, \"{text}\", for {on}: now {} (it was {was}).",
                promise.id,
                result.as_str()
            )?,
            Done::Recorded => {
                let word = match result {
                    OutcomeKind::Kept => "Kept",
                    OutcomeKind::Missed => "Missed",
                    OutcomeKind::Skipped => "Skipped",
                };
                writeln!(
                    out,
                    "{word}: {maker}'s promise {}, \"{text}\", for {on}.",
                    promise.id
                )?
            }
        }
        if self.outcome.recorded_by != promise.by_id {
            writeln!(
                out,
                "Recorded by {}; it counts for {maker}.",
                sanitize::line(&record.recorded_by)
            )?;
        }
        if promise.every.is_none() {
            writeln!(out, "This one-time promise is now closed.")?;
        } else {
            writeln!(out, "So far: {}.", tally_phrase(&self.tally, 0))?;
        }
        Ok(())
    }
}
