//! `rekindle status [--short]`: where today stands, in a line or a few, for a shell prompt or
//! a status bar. It reads the journal file and nothing else (no prompt files, no config), it
//! never asks anything, and it never shows anything either of you wrote: only names, ticks
//! and counts.

use std::io::Write;

use crate::commands::context::Context;
use crate::domain::recurrence::Plan;
use crate::store::{self, StoreError};
use crate::views::status::{Status, Ticked};

/// Where today stands: who has checked in, and how many promises and apologies wait.
///
/// Fast enough to run on every shell prompt. It shows names, ticks and counts only, never
/// anything either of you wrote, so it is safe on a shared screen.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// One line, for a shell prompt or a status bar
    #[arg(long)]
    pub short: bool,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let today = ctx.today;
    let mut status = Status {
        date: today,
        journal: false,
        locked: false,
        checked_in: vec![],
        promises_to_record: 0,
        apologies_waiting: 0,
        sync_waiting: false,
        short: args.short,
    };
    // On an encrypted journal the short line is read from the file's first bytes alone: no
    // passphrase is asked on every shell prompt, and nothing is decrypted.
    if args.short && store::cipher::looks_encrypted(&ctx.journal) {
        status.journal = true;
        status.locked = true;
        return ctx.emit(&status);
    }
    let store = match ctx.open() {
        Ok(store) => store,
        Err(err)
            if matches!(
                err.downcast_ref::<StoreError>(),
                Some(StoreError::Missing(_))
            ) =>
        {
            return ctx.emit(&status);
        }
        Err(err) if args.short && !ctx.json => {
            // Still one line, for a prompt that shows whatever this prints; the exit code and
            // `rekindle doctor` say more.
            writeln!(ctx.out(), "rekindle: cannot read the journal")?;
            return Err(err.context("reading the journal for status"));
        }
        Err(err) => return Err(err),
    };
    let day = store::today::day(store.conn(), today)?;
    status.journal = true;
    status.checked_in = day
        .partners
        .iter()
        .map(|p| Ticked {
            partner: p.name.clone(),
            done: day.checked_in.contains(&p.id),
        })
        .collect();
    status.promises_to_record = day
        .open_promises
        .iter()
        .filter(|p| match p.plan() {
            plan @ Plan::Recurring(_) => plan.today_pending(day.recorded.contains(&p.id), today),
            Plan::Once { due, .. } => due.is_some_and(|d| d <= today),
        })
        .count();
    status.apologies_waiting = day.unanswered.len();
    status.sync_waiting = store::sync::has_unsent(store.conn())?;
    ctx.emit(&status)
}
