//! `rekindle promise`: make promises, record each date kept, missed or skipped, cancel them,
//! and list them with how well they are being kept.

use std::collections::HashSet;
use std::io::Write as _;

use chrono::NaiveDate;
use clap::Subcommand;
use serde::Serialize;

use crate::bail_user;
use crate::commands::common::other_partner;
use crate::commands::context::{Context, find_partner};
use crate::domain::dates;
use crate::domain::error::UserError;
use crate::domain::input::{OPTIONAL, nonblank, parse_id};
use crate::domain::recurrence::{self, Plan, Rule};
use crate::store::promises::{self, NewPromise, OutcomeKind, Promise, Status, Tally};
use crate::text::sanitize;
use crate::views::json::{self, Names};

/// Make small promises and record how they go.
///
/// Trust grows back through promises kept, one day at a time. A promise is one-time, or
/// recurring with --every. Either of you can record an outcome; it always counts for the
/// partner who made the promise. Without a subcommand, lists the open promises.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
}

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Make a promise to your partner
    Add(AddArgs),
    /// Record that a promise was kept
    Keep(OutcomeArgs),
    /// Record that a promise was missed
    Miss(OutcomeArgs),
    /// Excuse one date of a recurring promise (travel, illness); it counts neither way
    Skip(OutcomeArgs),
    /// Cancel a promise; what was recorded for it stays in the journal
    Cancel {
        /// The promise's number, as `promise list` shows it
        #[arg(allow_hyphen_values = true)]
        id: String,
    },
    /// List the open promises with their kept and missed counts
    List {
        /// Also show kept, missed and cancelled promises
        #[arg(long)]
        all: bool,
    },
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// What you promise, in your own words (asked for in a terminal when left out)
    #[arg(allow_hyphen_values = true)]
    pub text: Option<String>,

    /// Who the promise is to [default: your partner]
    #[arg(long, value_name = "NAME")]
    pub to: Option<String>,

    /// When the promise starts [default: today]; an earlier date logs a promise made before
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// A one-time promise's due date, or a recurring promise's last date
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,

    /// Make it recurring: day, weekday (Monday to Friday), week, or days such as mon,thu
    #[arg(long, value_name = "WHEN")]
    pub every: Option<String>,
}

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

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    match args.action {
        None => list(ctx, false),
        Some(Action::List { all }) => list(ctx, all),
        Some(Action::Add(add_args)) => add(ctx, add_args),
        Some(Action::Keep(a)) => record(ctx, a, OutcomeKind::Kept),
        Some(Action::Miss(a)) => record(ctx, a, OutcomeKind::Missed),
        Some(Action::Skip(a)) => record(ctx, a, OutcomeKind::Skipped),
        Some(Action::Cancel { id }) => cancel(ctx, &id),
    }
}

/// "Sat 21 Nov 2026": dates in lists, where the full form would crowd the line.
fn short_date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

fn add(ctx: &mut Context, args: AddArgs) -> anyhow::Result<()> {
    let mut store = ctx.open()?;
    let me = ctx.acting_partner(&store)?;
    let partners = crate::store::partners::all(store.conn())?;
    let text = match (&args.text, ctx.prompter()) {
        (Some(text), _) => nonblank(
            "the promise's text",
            text,
            "say what you promise in a few words",
        )?
        .to_string(),
        (None, Some(prompter)) => loop {
            prompter.say("A small, concrete promise you can keep works best.")?;
            let answer = prompter.input("What do you promise", None, false)?;
            if !answer.trim().is_empty() {
                break answer;
            }
        },
        (None, None) => bail_user!(
            "promise add needs the promise itself, e.g. rekindle promise add \"Text you if I'll be late\""
        ),
    };
    let to = match &args.to {
        Some(name) => {
            let to = find_partner(&partners, name)?;
            if to.id == me.id {
                bail_user!(
                    "--to \"{}\" is you; a promise is made to your partner, {}",
                    sanitize::line(name.trim()),
                    sanitize::line(&other_partner(&partners, &me)?.name)
                );
            }
            to.clone()
        }
        None => other_partner(&partners, &me)?.clone(),
    };
    let from = match &args.from {
        Some(value) => ctx.date("--from", value)?,
        None => ctx.today,
    };
    let every: Option<Rule> = match &args.every {
        Some(value) => Some(value.parse().map_err(UserError::new)?),
        None => None,
    };
    let due = match &args.due {
        Some(value) => Some(ctx.date("--due", value)?),
        None => None,
    };
    if let Some(due) = due {
        if due < from {
            bail_user!(
                "--due {} is before the promise starts ({}); for a day ahead, give the date as YYYY-MM-DD",
                dates::in_words(due),
                dates::in_words(from)
            );
        }
        if let Some(rule) = every {
            let schedule = recurrence::Schedule {
                rule,
                from,
                until: Some(due),
            };
            if schedule.first_on_or_after(from).is_none_or(|d| d > due) {
                bail_user!(
                    "--every {rule} has no date from {} to {}; choose a later --due or another --every",
                    dates::in_words(from),
                    dates::in_words(due)
                );
            }
        }
    }
    let promise = store.write(|tx| {
        Ok(promises::insert(
            tx,
            &NewPromise {
                by_id: me.id,
                to_id: Some(to.id),
                from,
                text: &text,
                due,
                every,
            },
        )?)
    })?;
    let names = Names::new(&partners);
    if ctx.json {
        return ctx.print_json(&json::promise(&promise, &names));
    }
    let mut out = ctx.out();
    writeln!(
        out,
        "Saved promise {} from {} to {}, in force from {}:",
        promise.id,
        sanitize::line(&me.name),
        sanitize::line(&to.name),
        dates::in_words(from)
    )?;
    writeln!(out, "  {}", sanitize::line(&promise.text))?;
    writeln!(out, "  {}", schedule_phrase(&promise, ctx.today))?;
    let hint = format!(
        "Either of you can record how it goes: rekindle promise keep {0} (or miss {0}{1}).",
        promise.id,
        if every.is_some() {
            format!(", or skip {} for a day that is excused", promise.id)
        } else {
            String::new()
        }
    );
    writeln!(out, "{}", crate::text::prose::paragraph(&hint, 0))?;
    Ok(())
}

/// "every weekday from Mon 16 Nov 2026", "once, due Fri 20 Nov 2026".
fn schedule_phrase(p: &Promise, today: NaiveDate) -> String {
    match p.plan() {
        Plan::Once { due: Some(due), .. } => format!("once, due {}", short_date(due)),
        Plan::Once { due: None, .. } => "once, no due date".to_string(),
        Plan::Recurring(s) => {
            let start = if s.from > today { "starting" } else { "from" };
            let mut phrase = format!("{} {start} {}", s.rule.describe(s.from), short_date(s.from));
            if let Some(until) = s.until {
                phrase.push_str(&format!(" until {}", short_date(until)));
            }
            phrase
        }
    }
}

fn record(ctx: &mut Context, args: OutcomeArgs, result: OutcomeKind) -> anyhow::Result<()> {
    let id = parse_id("promise", &args.id)?;
    let note = match &args.note {
        Some(note) => Some(nonblank("--note", note, OPTIONAL)?),
        None => None,
    };
    let mut store = ctx.open()?;
    let recorder = ctx.acting_partner(&store)?;
    let date = match &args.date {
        Some(value) => Some(ctx.date("--date", value)?),
        None => None,
    };
    let today = ctx.today;
    let amend = args.amend;
    let (promise, outcome, was, tally) = store.write(|tx| {
        let Some(promise) = promises::get(tx, id)? else {
            bail_user!("there is no promise {id}; `rekindle promise list --all` shows them all");
        };
        let plan = promise.plan();
        // A one-time promise closed by its outcome can still have that outcome corrected.
        let correcting_closed = amend
            && matches!(plan, Plan::Once { .. })
            && matches!(promise.status, Status::Kept | Status::Missed);
        if !correcting_closed {
            refuse_if_closed(&promise)?;
        }
        if result == OutcomeKind::Skipped && matches!(plan, Plan::Once { .. }) {
            bail_user!(
                "promise {id} is a one-time promise, so it cannot be skipped: it is kept, missed or cancelled (rekindle promise cancel {id})"
            );
        }
        let date = match (date, correcting_closed, promise.closed_on) {
            (Some(date), _, _) => date,
            (None, true, Some(closed)) => closed,
            (None, _, _) => plan
                .default_outcome_date(today)
                .map_err(|e| UserError::new(format!("promise {id}: {e}")))?,
        };
        plan.check_outcome_date(date, today)
            .map_err(|e| UserError::new(format!("promise {id}: {e}")))?;
        let existing = promises::outcome_on(tx, id, date)?;
        let (outcome, was) = match (existing, amend) {
            (Some(existing), false) => bail_user!(
                "promise {id} already has an outcome for {}: {}; each date takes one (add --amend to correct it)",
                dates::in_words(date),
                existing.result
            ),
            (None, true) => bail_user!(
                "nothing is recorded for promise {id} on {} to correct; leave out --amend to record it",
                dates::in_words(date)
            ),
            (Some(existing), true) => {
                if existing.result == result
                    && note.is_none_or(|n| existing.note.as_deref() == Some(n))
                {
                    // Correcting an outcome to what it already says writes nothing, so its
                    // `updated_at` (which an import compares) stays as it was.
                    let tally = promises::tallies(tx, &[id])?
                        .get(&id)
                        .copied()
                        .unwrap_or_default();
                    return Ok((promise, existing, Done::Unchanged, tally));
                }
                let was = existing.result;
                let outcome = promises::amend_outcome(tx, &existing, result, note)?;
                (outcome, Done::Corrected(was))
            }
            (None, false) => (
                promises::record_outcome(tx, id, date, result, note, recorder.id)?,
                Done::Recorded,
            ),
        };
        let promise = match (plan, result) {
            (Plan::Once { .. }, OutcomeKind::Kept) => {
                promises::close(tx, id, Status::Kept, date)?
            }
            (Plan::Once { .. }, _) => promises::close(tx, id, Status::Missed, date)?,
            (Plan::Recurring(_), _) => promise,
        };
        let tally = promises::tallies(tx, &[id])?
            .get(&id)
            .copied()
            .unwrap_or_default();
        Ok((promise, outcome, was, tally))
    })?;
    let names = Names::load(store.conn())?;
    if ctx.json {
        return ctx.print_json(&json::outcome(&outcome, &promise, &names));
    }
    let mut out = ctx.out();
    let word = match result {
        OutcomeKind::Kept => "Kept",
        OutcomeKind::Missed => "Missed",
        OutcomeKind::Skipped => "Skipped",
    };
    match was {
        Done::Unchanged => {
            writeln!(
                out,
                "{}'s promise {}, \"{}\", is already {} for {}; nothing changed.",
                sanitize::line(&names.of(promise.by_id)),
                promise.id,
                sanitize::line(&promise.text),
                result.as_str(),
                dates::in_words(outcome.date)
            )?;
            return Ok(());
        }
        Done::Corrected(was) => writeln!(
            out,
            "Corrected {}'s promise {}, \"{}\", for {}: now {} (it was {was}).",
            sanitize::line(&names.of(promise.by_id)),
            promise.id,
            sanitize::line(&promise.text),
            dates::in_words(outcome.date),
            result.as_str()
        )?,
        Done::Recorded => writeln!(
            out,
            "{word}: {}'s promise {}, \"{}\", for {}.",
            sanitize::line(&names.of(promise.by_id)),
            promise.id,
            sanitize::line(&promise.text),
            dates::in_words(outcome.date)
        )?,
    }
    if outcome.recorded_by != promise.by_id {
        writeln!(
            out,
            "Recorded by {}; it counts for {}.",
            sanitize::line(&names.of(outcome.recorded_by)),
            sanitize::line(&names.of(promise.by_id))
        )?;
    }
    if promise.every.is_none() {
        writeln!(out, "This one-time promise is now closed.")?;
    } else {
        writeln!(out, "So far: {}.", tally_phrase(&tally))?;
    }
    Ok(())
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

fn refuse_if_closed(promise: &Promise) -> Result<(), UserError> {
    let id = promise.id;
    let when = promise
        .closed_on
        .map(|d| format!(" on {}", dates::in_words(d)))
        .unwrap_or_default();
    match promise.status {
        Status::Open => Ok(()),
        Status::Cancelled => Err(UserError::new(format!(
            "promise {id} was cancelled{when}, so it takes no more outcomes"
        ))),
        status => Err(UserError::new(format!(
            "promise {id} is closed (it was {}{when}); a one-time promise takes one outcome",
            status.as_str()
        ))),
    }
}

/// A second `promise cancel` says so, rather than speaking of outcomes.
fn refuse_to_cancel_again(promise: &Promise) -> Result<(), UserError> {
    if promise.status != Status::Cancelled {
        return Ok(());
    }
    let when = promise
        .closed_on
        .map(|d| format!(" (since {})", dates::in_words(d)))
        .unwrap_or_default();
    Err(UserError::new(format!(
        "promise {} is already cancelled{when}; nothing changed",
        promise.id
    )))
}

/// "kept 4, missed 1 (80% kept)", skips mentioned only when there are some.
fn tally_phrase(t: &Tally) -> String {
    if t.kept + t.missed + t.skipped == 0 {
        return "nothing recorded yet".to_string();
    }
    let mut phrase = format!("kept {}, missed {}", t.kept, t.missed);
    if t.skipped > 0 {
        phrase.push_str(&format!(", skipped {}", t.skipped));
    }
    if let Some(rate) = recurrence::keeping_rate(t.kept, t.missed) {
        phrase.push_str(&format!(" ({:.0}% kept)", rate * 100.0));
    }
    phrase
}

fn cancel(ctx: &mut Context, id_text: &str) -> anyhow::Result<()> {
    let id = parse_id("promise", id_text)?;
    let mut store = ctx.open()?;
    let Some(promise) = promises::get(store.conn(), id)? else {
        bail_user!("there is no promise {id}; `rekindle promise list --all` shows them all");
    };
    refuse_to_cancel_again(&promise)?;
    refuse_if_closed(&promise)?;
    if let Some(prompter) = ctx.prompter() {
        let question = format!(
            "Cancel promise {id}, \"{}\"? What was recorded for it stays",
            sanitize::line(&promise.text)
        );
        if !prompter.confirm(&question, false)? {
            writeln!(ctx.out(), "Left promise {id} as it was.")?;
            return Ok(());
        }
    }
    let today = ctx.today;
    let promise = store.write(|tx| {
        // Read again inside the transaction: the other partner may have closed it meanwhile.
        let current = promises::get(tx, id)?.ok_or_else(|| {
            UserError::new(format!(
                "there is no promise {id}; it was removed meanwhile"
            ))
        })?;
        refuse_to_cancel_again(&current)?;
        refuse_if_closed(&current)?;
        Ok(promises::close(tx, id, Status::Cancelled, today)?)
    })?;
    let names = Names::load(store.conn())?;
    if ctx.json {
        return ctx.print_json(&json::promise(&promise, &names));
    }
    writeln!(
        ctx.out(),
        "Cancelled promise {id}, \"{}\", on {}. What was recorded for it stays in the journal.",
        sanitize::line(&promise.text),
        dates::in_words(today)
    )?;
    Ok(())
}

/// One promise in `promise list --json`.
#[derive(Debug, Serialize)]
pub struct ListItem {
    pub id: i64,
    pub by: String,
    pub to: Option<String>,
    pub text: String,
    pub from: NaiveDate,
    pub due: Option<NaiveDate>,
    pub every: Option<String>,
    pub status: Status,
    pub closed_on: Option<NaiveDate>,
    pub kept: u64,
    pub missed: u64,
    pub skipped: u64,
    pub keeping_rate: Option<f64>,
    pub overdue: bool,
    pub today_pending: bool,
}

/// The list, computed from the journal: pure apart from the two queries.
pub fn list_items(
    conn: &rusqlite::Connection,
    all: bool,
    today: NaiveDate,
) -> anyhow::Result<Vec<ListItem>> {
    let list = promises::list(conn, all)?;
    let ids: Vec<i64> = list.iter().map(|p| p.id).collect();
    let tallies = promises::tallies(conn, &ids)?;
    let recorded_today: HashSet<i64> = promises::recorded_on(conn, today)?.into_iter().collect();
    let names = Names::load(conn)?;
    Ok(list
        .into_iter()
        .map(|p| {
            let tally = tallies.get(&p.id).copied().unwrap_or_default();
            let plan = p.plan();
            let open = p.status == Status::Open;
            ListItem {
                id: p.id,
                by: names.of(p.by_id),
                to: p.to_id.map(|id| names.of(id)),
                from: p.from,
                due: p.due,
                every: p.every.map(|r| r.to_string()),
                status: p.status,
                closed_on: p.closed_on,
                kept: tally.kept,
                missed: tally.missed,
                skipped: tally.skipped,
                keeping_rate: recurrence::keeping_rate(tally.kept, tally.missed)
                    .map(recurrence::round2),
                overdue: open && plan.overdue(false, today),
                today_pending: open && plan.today_pending(recorded_today.contains(&p.id), today),
                text: p.text,
            }
        })
        .collect())
}

fn list(ctx: &mut Context, all: bool) -> anyhow::Result<()> {
    let store = ctx.open()?;
    let items = list_items(store.conn(), all, ctx.today)?;
    if ctx.json {
        return ctx.print_json(&items);
    }
    let mut out = ctx.out();
    if items.is_empty() {
        if all {
            writeln!(out, "No promises yet.")?;
        } else {
            writeln!(out, "No open promises.")?;
        }
        writeln!(
            out,
            "Make one with: rekindle promise add \"a small thing you will do\""
        )?;
        return Ok(());
    }
    let width = items
        .iter()
        .map(|i| i.id.to_string().len())
        .max()
        .unwrap_or(1);
    for item in &items {
        let to = item
            .to
            .as_deref()
            .map(|t| format!(" to {}", sanitize::line(t)))
            .unwrap_or_default();
        writeln!(
            out,
            "{:>width$}  {}{to}: {}",
            item.id,
            sanitize::line(&item.by),
            sanitize::line(&item.text)
        )?;
        writeln!(out, "{:width$}  {}", "", item_details(item, ctx.today))?;
    }
    Ok(())
}

fn item_details(item: &ListItem, today: NaiveDate) -> String {
    let mut parts = Vec::new();
    let recurring = item.every.is_some();
    match (&item.every, item.due) {
        (Some(every), until) => {
            let rule: Option<Rule> = every.parse().ok();
            let mut phrase = rule
                .map(|r| r.describe(item.from))
                .unwrap_or_else(|| format!("every {every}"));
            let start = if item.from > today {
                "starting"
            } else {
                "from"
            };
            phrase.push_str(&format!(" {start} {}", short_date(item.from)));
            if let Some(until) = until {
                phrase.push_str(&format!(" until {}", short_date(until)));
            }
            parts.push(phrase);
        }
        (None, Some(due)) => parts.push(format!("once, due {}", short_date(due))),
        (None, None) => parts.push("once".to_string()),
    }
    if !recurring && item.from > today {
        parts.push(format!("starting {}", short_date(item.from)));
    }
    match (item.status, item.closed_on) {
        (Status::Open, _) => {}
        (status, Some(on)) => parts.push(format!("{} {}", status.as_str(), short_date(on))),
        (status, None) => parts.push(status.as_str().to_string()),
    }
    if recurring {
        parts.push(tally_phrase(&Tally {
            kept: item.kept,
            missed: item.missed,
            skipped: item.skipped,
        }));
    }
    if item.overdue {
        parts.push("overdue".to_string());
    }
    if item.today_pending {
        parts.push("today still to record".to_string());
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tallies_read_naturally() {
        let t = Tally {
            kept: 4,
            missed: 1,
            skipped: 0,
        };
        assert_eq!(tally_phrase(&t), "kept 4, missed 1 (80% kept)");
        let t = Tally {
            kept: 0,
            missed: 0,
            skipped: 2,
        };
        assert_eq!(tally_phrase(&t), "kept 0, missed 0, skipped 2");
        assert_eq!(tally_phrase(&Tally::default()), "nothing recorded yet");
    }
}
