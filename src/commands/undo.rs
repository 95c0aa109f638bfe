//! `rekindle undo`: take back your most recent change.

use std::io::Write;

use serde::Serialize;

use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::authorship::{Change, may_change, may_delete};
use crate::domain::dates;
use crate::domain::error::UserError;
use crate::domain::model::Partner;
use crate::store::clock::wall;
use crate::store::undo::{self, Refusal, Reverse, Step};
use crate::store::{self, records};
use crate::text::prose;
use crate::text::sanitize;
use crate::views::Output;

/// Take back your most recent change, made with this journal in the last 24 hours: what you
/// added is deleted, what you changed goes back to how it was (the undone version is kept).
///
/// It says exactly what it will take back and asks first in a terminal; pass --yes from a
/// script. Run it again to go further back. An undo is not undone by `undo` (use `edit`),
/// and a delete is never undone: its words are gone.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Undo without asking (needed when there is no terminal)
    #[arg(long)]
    pub yes: bool,
}

/// The 24 hours `undo` looks back, by the wall clock.
const WINDOW_HOURS: i64 = 24;

/// One record taken back.
#[derive(Debug, Clone, Serialize)]
struct Reverted {
    kind: &'static str,
    id: i64,
    date: Option<String>,
    partner: Option<String>,
    /// What the change was: add, edit or withdraw.
    change: &'static str,
    /// What undo did: deleted (it was added) or restored (the version before it).
    now: &'static str,
    /// What undo would do, for the question: "delete Sam's check-in 1 …".
    #[serde(skip)]
    phrase: String,
    /// What it did: "Deleted Sam's check-in 1 …".
    #[serde(skip)]
    done: String,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let mut store = ctx.open()?;
    let me = ctx.author(&store)?;
    let since = wall(&(ctx.clock.now() - chrono::Duration::hours(WINDOW_HOURS)));
    let (target, steps) = planned(store.conn(), &me, &since, ctx.offset)?;
    let reverted = describe(&store, &steps)?;
    if !args.yes {
        let lines: Vec<String> = reverted.iter().map(|r| r.phrase.clone()).collect();
        match ctx.prompter() {
            Some(p) => {
                p.say("Your most recent change would be taken back. Undo would:")?;
                for line in &lines {
                    p.say(&format!("  {line}"))?;
                }
                if !p.confirm("Undo it?", false)? {
                    writeln!(ctx.out(), "Nothing was undone.")?;
                    return Ok(());
                }
            }
            None => bail_user!(
                "undo would take back your most recent change ({}); pass --yes to undo it without a terminal",
                lines.join("; ")
            ),
        }
    }
    let clock = store.clock();
    let today = ctx.today;
    let offset = ctx.offset;
    store.write(|tx| {
        // Planned again under the write lock: it must still be the same change.
        let (again, steps) = planned(tx, &me, &since, offset)?;
        if again != target {
            bail_user!(
                "another change was made meanwhile; run undo again to see what it would take back"
            );
        }
        let stamp = store::clock::stamp(tx, &clock, Some(me.id))?;
        undo::apply(tx, &stamp, &steps, today)
    })?;
    // Content an undo deleted leaves the write-ahead log too.
    store.checkpoint();
    ctx.emit(&Undone { reverted })
}

/// The steps that take back `me`'s most recent change, checked; a refusal in words.
fn planned(
    conn: &rusqlite::Connection,
    me: &Partner,
    since: &str,
    offset: chrono::FixedOffset,
) -> anyhow::Result<(String, Vec<Step>)> {
    let name = sanitize::line(&me.name).into_owned();
    let (target, steps) = match undo::plan(conn, me.id, since)? {
        Ok(plan) => plan,
        Err(Refusal::Nothing) => bail_user!(
            "{name} has nothing to undo: no change made with this journal in the last {WINDOW_HOURS} hours is left to take back (`rekindle edit` changes anything older)"
        ),
        Err(Refusal::Deleted { kind, at }) => bail_user!(
            "{name}'s most recent change was deleting {} ({}); a delete cannot be undone, as its words are gone",
            kind.one(),
            dates::moment_in_words(&at, offset)
        ),
        Err(Refusal::ChangedSince { kind, id }) => bail_user!(
            "{} {id} was changed again since {name}'s change (by another command or an import), so undo stops there; `rekindle show {} {id}` lists its versions, and `rekindle edit` changes it",
            kind.label().0,
            kind.as_str()
        ),
        Err(Refusal::Withdrawn { kind, id }) => bail_user!(
            "the version of {} {id} before {name}'s change had words withdrawn, so it cannot come back; `rekindle edit {} {id}` changes it",
            kind.label().0,
            kind.as_str()
        ),
    };
    for step in &steps {
        let facts = records::facts(conn, step.current.kind, step.current.id)?;
        // Your own change: the author of the change, not necessarily of the record.
        may_change(
            me,
            &crate::domain::authorship::Facts {
                author: Some(me.id),
                ..facts.clone()
            },
            Change::Undo,
        )?;
        if step.reverse == Reverse::Delete {
            may_delete(
                &facts,
                records::hanging(
                    conn,
                    step.current.kind,
                    step.current.id,
                    facts.author,
                    me.id,
                )?
                .as_ref(),
            )
            .map_err(|e| UserError::new(format!("undo would delete it: {e}")))?;
        }
    }
    Ok((target, steps))
}

fn describe(store: &store::Store, steps: &[Step]) -> anyhow::Result<Vec<Reverted>> {
    let conn = store.conn();
    let mut out = Vec::new();
    for step in steps {
        let kind = step.current.kind;
        let id = step.current.id;
        let author = store::revisions::author(conn, kind, id)?;
        let partner = match author {
            Some(a) => store::partners::get(conn, a)?.map(|p| p.name),
            None => None,
        };
        let date = step.current.body.date().map(str::to_string);
        let whose = partner
            .as_deref()
            .map(|p| format!("{}'s ", sanitize::line(p)))
            .unwrap_or_default();
        let day = date
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(|d| format!(" for {}", dates::in_words(d)))
            .unwrap_or_default();
        let record = format!("{whose}{} {id}{day}", kind.label().0);
        let (change, now, phrase, done) = match (&step.reverse, step.change.action) {
            (Reverse::Delete, _) => (
                "add",
                "deleted",
                format!("delete {record}, which you added"),
                format!("Deleted {record}, which you added."),
            ),
            (Reverse::Restore(..), store::revisions::Action::Withdraw) => (
                "withdraw",
                "restored",
                format!("take back the withdrawal of {record}"),
                format!("{record} is no longer withdrawn."),
            ),
            (Reverse::Restore(..), _) => (
                "edit",
                "restored",
                format!("put {record} back as it was before your change"),
                format!("{record} is back as it was before your change."),
            ),
        };
        let done = capitalised(&done);
        out.push(Reverted {
            kind: kind.as_str(),
            id,
            date,
            partner,
            change,
            now,
            phrase,
            done,
        });
    }
    Ok(out)
}

/// The sentence with its first letter capital.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[derive(Serialize)]
struct Undone {
    reverted: Vec<Reverted>,
}

impl Output for Undone {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        for r in &self.reverted {
            writeln!(out, "{}", r.done)?;
        }
        let note = if self.reverted.iter().any(|r| r.now == "deleted") {
            "What was deleted is gone for good; what was changed back keeps the undone version as an earlier version. Run `rekindle undo` again to go further back."
        } else {
            "The undone version is kept as an earlier version. Run `rekindle undo` again to go further back."
        };
        writeln!(out, "{}", prose::paragraph(note, 0))?;
        Ok(())
    }
}
