//! `rekindle apology withdraw`: take back an apology, visibly.

use std::io::Write;

use serde::Serialize;

use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::authorship::{Change, may_change};
use crate::domain::dates;
use crate::domain::exchange::Body;
use crate::domain::input::parse_id;
use crate::domain::kind::RecordKind;
use crate::store::records;
use crate::store::revisions::Action;
use crate::store::{self, apologies};
use crate::text::prose;
use crate::text::sanitize;
use crate::views::Output;
use crate::views::json::{self, ApologyRecord, Names};

#[derive(Debug, clap::Args)]
pub struct WithdrawArgs {
    /// The apology's number, as `apology list` shows it
    #[arg(allow_hyphen_values = true)]
    pub id: String,

    /// Withdraw without asking (needed when there is no terminal)
    #[arg(long)]
    pub yes: bool,
}

pub fn run(ctx: &mut Context, args: WithdrawArgs) -> anyhow::Result<()> {
    let id = parse_id("apology", &args.id)?;
    let mut store = ctx.open()?;
    let me = ctx.author(&store)?;
    withdrawable(store.conn(), &me, id)?;
    if !args.yes {
        match ctx.prompter() {
            Some(p) => {
                let question = format!(
                    "Withdraw apology {id}? Its words stay; the timeline will say that you withdrew it"
                );
                if !p.confirm(&question, false)? {
                    writeln!(ctx.out(), "Nothing was withdrawn.")?;
                    return Ok(());
                }
            }
            None => bail_user!(
                "apology withdraw takes back apology {id}, and the timeline will say so; pass \
                 --yes to withdraw it without a terminal"
            ),
        }
    }
    let clock = store.clock();
    let today = ctx.today;
    store.write(|tx| {
        // Read and judged again under the write lock.
        let (current, mut apology) = withdrawable(tx, &me, id)?;
        apology.withdrawn_on = Some(today.to_string());
        let stamp = store::clock::stamp(tx, &clock, Some(me.id))?;
        records::replace(
            tx,
            &stamp,
            &current,
            &Body::Apology(apology),
            Action::Withdraw,
        )?;
        Ok(())
    })?;
    let Some(apology) = apologies::get(store.conn(), id)? else {
        bail_user!("apology {id} was deleted meanwhile");
    };
    let mut record = json::apology(&apology, &Names::load(store.conn())?);
    record.edited = true;
    let answered = apologies::current_response(store.conn(), id)?.is_some();
    ctx.emit(&Withdrawn { record, answered })
}

/// The apology `id` and its current version, if `me` may withdraw it now.
fn withdrawable(
    conn: &rusqlite::Connection,
    me: &crate::domain::model::Partner,
    id: i64,
) -> anyhow::Result<(records::Current, crate::domain::exchange::ApologyRecord)> {
    let Some(current) = records::current(conn, RecordKind::Apology, id)? else {
        bail_user!("there is no apology {id}; `rekindle apology list` shows them all");
    };
    may_change(
        me,
        &records::facts(conn, RecordKind::Apology, id)?,
        Change::Withdraw,
    )?;
    let Body::Apology(apology) = current.body.clone() else {
        bail_user!("there is no apology {id}");
    };
    if let Some(on) = &apology.withdrawn_on {
        bail_user!("apology {id} was already withdrawn on {on}; nothing changed");
    }
    Ok((current, apology))
}

/// The apology as withdrawn; the JSON is its record.
#[derive(Serialize)]
#[serde(transparent)]
struct Withdrawn {
    record: ApologyRecord,
    #[serde(skip)]
    answered: bool,
}

impl Output for Withdrawn {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let r = &self.record;
        writeln!(
            out,
            "Withdrew {}'s apology {} to {}, from {}.",
            sanitize::line(&r.partner),
            r.id,
            sanitize::line(&r.to),
            dates::in_words(r.date)
        )?;
        let answer = if self.answered {
            format!(" with {}'s answer", sanitize::line(&r.to))
        } else {
            String::new()
        };
        let said = format!(
            "It stays in the journal{answer}, marked withdrawn on {}, and its words stay as they were; to take words back, `rekindle edit apology {} --forget-previous`. `rekindle undo` takes the withdrawal back.",
            r.withdrawn_on.map(dates::in_words).unwrap_or_default(),
            r.id
        );
        writeln!(out, "{}", prose::paragraph(&said, 0))?;
        Ok(())
    }
}
