//! `rekindle promise`: make promises, record each date kept, missed or skipped, cancel them,
//! and list them with how well they are being kept.

mod add;
mod cancel;
mod list;
mod outcome;

use clap::Subcommand;

use crate::commands::context::Context;
use crate::domain::dates;
use crate::domain::error::UserError;
use crate::store::promises::{OutcomeKind, Promise, Status};

pub use add::AddArgs;
pub use outcome::OutcomeArgs;

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
    #[command(
        after_help = "Examples:\n  rekindle promise add --as Sam                  # guided, in a terminal\n  rekindle promise add --as Sam \"Book the counsellor\" --due friday\n  rekindle promise add --as Alex \"Walk after dinner\" --every sat,sun"
    )]
    Add(AddArgs),
    /// Record that a promise was kept
    #[command(
        after_help = "Examples:\n  rekindle promise keep 1 --as Alex\n  rekindle promise keep 1 --date yesterday --note \"on time\"\n  rekindle promise keep 1 --date 2026-11-20 --amend"
    )]
    Keep(OutcomeArgs),
    /// Record that a promise was missed
    #[command(
        after_help = "Examples:\n  rekindle promise miss 1 --as Alex\n  rekindle promise miss 2 --date yesterday --note \"forgot\""
    )]
    Miss(OutcomeArgs),
    /// Excuse one date of a recurring promise (travel, illness); it counts neither way
    #[command(
        after_help = "Examples:\n  rekindle promise skip 1 --note \"away for work\"\n  rekindle promise skip 1 --date friday"
    )]
    Skip(OutcomeArgs),
    /// Cancel a promise; what was recorded for it stays in the journal
    #[command(
        after_help = "Examples:\n  rekindle promise cancel 2\n  rekindle promise cancel 2 --as Sam"
    )]
    Cancel {
        /// The promise's number, as `promise list` shows it
        #[arg(allow_hyphen_values = true)]
        id: String,
    },
    /// List the open promises with their kept and missed counts
    #[command(
        after_help = "Examples:\n  rekindle promise list\n  rekindle promise list --all --json"
    )]
    List {
        /// Also show kept, missed and cancelled promises
        #[arg(long)]
        all: bool,
    },
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    match args.action {
        None => list::run(ctx, false),
        Some(Action::List { all }) => list::run(ctx, all),
        Some(Action::Add(add_args)) => add::run(ctx, add_args),
        Some(Action::Keep(a)) => outcome::run(ctx, a, OutcomeKind::Kept),
        Some(Action::Miss(a)) => outcome::run(ctx, a, OutcomeKind::Missed),
        Some(Action::Skip(a)) => outcome::run(ctx, a, OutcomeKind::Skipped),
        Some(Action::Cancel { id }) => cancel::run(ctx, &id),
    }
}

/// A promise that was kept, missed or cancelled takes no more outcomes (and cannot be
/// cancelled).
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
