//! `rekindle delete KIND ID`: take back something you wrote, for good, visibly.

use std::io::Write;

use serde::Serialize;

use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::authorship::{Change, may_change, may_delete};
use crate::domain::dates;
use crate::domain::error::UserError;
use crate::domain::exchange::Body;
use crate::domain::input::parse_id;
use crate::domain::kind::RecordKind;
use crate::domain::model::Partner;
use crate::store::promises::{self, Status};
use crate::store::records::{self, Current};
use crate::store::revisions::{self, Action};
use crate::store::{self, Store};
use crate::text::prose;
use crate::text::sanitize;
use crate::views::Output;
use crate::views::json::{DeletedRecord, Deletion};

/// Delete something you wrote. Its words are removed from the journal for good (its earlier
/// versions too, and the search index); the timeline keeps one line saying that you deleted
/// it, and other journals delete it too when they import from this one.
///
/// Backups made earlier, and exports, still hold it. A record the other partner's entries
/// hang on cannot be deleted: a promise with outcomes they recorded can be cancelled, an
/// apology they answered withdrawn. Asks first in a terminal; pass --yes from a script.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The kind of record: checkin, feeling, promise, outcome, apology, response, focus, meeting, exercise, note
    #[arg(value_name = "KIND")]
    pub kind: String,

    /// Its number, as `history` and the lists show it
    #[arg(value_name = "ID", allow_hyphen_values = true)]
    pub id: String,

    /// Delete without asking (needed when there is no terminal)
    #[arg(long)]
    pub yes: bool,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let kind = RecordKind::in_timeline(&args.kind).map_err(UserError::new)?;
    let id = parse_id(kind.as_str(), &args.id)?;
    let mut store = ctx.open()?;
    let me = ctx.author(&store)?;
    let found = deletable(store.conn(), &me, kind, id)?;
    let what = describe(&store, &found)?;
    if !args.yes {
        match ctx.prompter() {
            Some(p) => {
                let question = format!(
                    "Delete {what}? Its words are removed for good; the timeline will say that you deleted it"
                );
                if !p.confirm(&question, false)? {
                    writeln!(ctx.out(), "Nothing was deleted.")?;
                    return Ok(());
                }
            }
            None => bail_user!(
                "delete removes {} for good; pass --yes to delete it without a terminal",
                sanitize::line(&what)
            ),
        }
    }
    let clock = store.clock();
    let today = ctx.today;
    let deleted = store.write(|tx| {
        // Read and judged again under the write lock.
        let found = deletable(tx, &me, kind, id)?;
        let stamp = store::clock::stamp(tx, &clock, Some(me.id))?;
        reopen_its_promise(tx, &stamp, &found)?;
        let author = revisions::author(tx, kind, id)?;
        revisions::delete(tx, &stamp, kind, id, today, Action::Delete)?;
        Ok((found, author))
    })?;
    // The deleted words leave the write-ahead log too, not only the journal file.
    store.checkpoint();
    let (found, author) = deleted;
    let names = crate::views::json::Names::load(store.conn())?;
    ctx.emit(&Deleted {
        record: DeletedRecord {
            kind: kind.as_str(),
            id: Some(id),
            uuid: found.uuid.clone(),
            date: date_of(&found.body).unwrap_or(today),
            partner: author.map(|a| names.of(a)),
            deleted: Deletion {
                by: Some(me.name.clone()),
                on: today,
            },
        },
        what,
    })
}

/// The record, if the acting partner may delete it.
fn deletable(
    conn: &rusqlite::Connection,
    me: &Partner,
    kind: RecordKind,
    id: i64,
) -> anyhow::Result<Current> {
    let Some(found) = records::current(conn, kind, id)? else {
        crate::commands::common::refuse_a_checkins_feeling(conn, kind, id, "delete")?;
        bail_user!(
            "there is no {} {id}; `rekindle history --kind {}` lists them",
            kind.label().0,
            kind.as_str()
        );
    };
    let facts = records::facts(conn, kind, id)?;
    may_change(me, &facts, Change::Delete)?;
    may_delete(
        &facts,
        records::hanging(conn, kind, id, facts.author, me.id)?.as_ref(),
    )?;
    Ok(found)
}

/// A one-time promise closed by the outcome being deleted is open again.
fn reopen_its_promise(
    tx: &rusqlite::Connection,
    stamp: &store::clock::Stamp,
    found: &Current,
) -> anyhow::Result<()> {
    let Body::Outcome(o) = &found.body else {
        return Ok(());
    };
    let Some(promise) = records::id_of(tx, RecordKind::Promise, &o.promise_uuid)? else {
        return Ok(());
    };
    if let Some(p) = promises::get(tx, promise)?
        && p.every.is_none()
        && matches!(p.status, Status::Kept | Status::Missed)
        && p.closed_on.map(|d| d.to_string()).as_deref() == Some(o.date.as_str())
    {
        promises::close(tx, stamp, promise, Status::Open, None)?;
    }
    Ok(())
}

fn date_of(body: &Body) -> Option<chrono::NaiveDate> {
    body.date()
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// "Sam's check-in for Thursday 3 December 2026".
fn describe(store: &Store, found: &Current) -> anyhow::Result<String> {
    let author = revisions::author(store.conn(), found.kind, found.id)?;
    let whose = match author {
        Some(a) => store::partners::get(store.conn(), a)?
            .map(|p| format!("{}'s ", sanitize::line(&p.name)))
            .unwrap_or_default(),
        None => "your ".to_string(),
    };
    let day = date_of(&found.body)
        .map(|d| format!(" for {}", dates::in_words(d)))
        .unwrap_or_default();
    Ok(format!("{whose}{} {}{day}", found.kind.label().0, found.id))
}

/// The record as deleted: no content, only that it was.
#[derive(Serialize)]
#[serde(transparent)]
struct Deleted {
    record: DeletedRecord,
    #[serde(skip)]
    what: String,
}

impl Output for Deleted {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "Deleted {}.", self.what)?;
        writeln!(
            out,
            "{}",
            prose::paragraph(
                "Its words are gone from this journal, its earlier versions too; the timeline keeps one line saying that you deleted it. Backups and exports made before still hold it.",
                0
            )
        )?;
        Ok(())
    }
}
