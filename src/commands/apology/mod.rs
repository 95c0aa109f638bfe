//! `rekindle apology`: structured apologies, the other partner's answers, and the apology
//! check, one file per subcommand.

mod add;
mod check;
mod list;
mod respond;
mod withdraw;

use clap::Subcommand;

use crate::commands::context::Context;

pub use add::AddArgs;
pub use check::CheckArgs;
pub use respond::RespondArgs;
pub use withdraw::WithdrawArgs;

/// Write an apology, answer one, or check a draft.
///
/// An apology that helps owns what you did, names how it affected your partner, and offers
/// to make it right. Without a subcommand, lists the apologies and their answers.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
}

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Write an apology to your partner (in a terminal, a guided flow asks for each part)
    #[command(
        after_help = "Examples:\n  rekindle apology add --as Sam                  # guided, with the check\n  rekindle apology add --as Sam --what \"I lied\" --responsibility \"I chose to\"\n  rekindle apology add --as Sam --promise --every day"
    )]
    Add(AddArgs),
    /// Answer your partner's apology: accept it, say you need time, or decline it for now
    #[command(
        after_help = "Examples:\n  rekindle apology respond 1 --as Alex --need-time\n  rekindle apology respond 1 --as Alex --accept --note \"thank you\""
    )]
    Respond(RespondArgs),
    /// List the apologies and their current answers
    #[command(after_help = "Examples:\n  rekindle apology list\n  rekindle apology list --json")]
    List,
    /// Check a draft for excuses and other ways an apology can go wrong (nothing is saved)
    #[command(
        after_help = "Examples:\n  rekindle apology check \"I'm sorry if you felt hurt\"\n  pbpaste | rekindle apology check\n  rekindle apology check --json < draft.txt"
    )]
    Check(CheckArgs),
    /// Take back your apology, visibly: it stays, marked withdrawn (one not yet answered can
    /// also be deleted: rekindle delete apology ID). Asks first in a terminal; pass --yes from
    /// a script.
    #[command(
        after_help = "Examples:\n  rekindle apology withdraw 3 --as Sam\n  rekindle apology withdraw 3 --as Sam --yes --json"
    )]
    Withdraw(WithdrawArgs),
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    match args.action {
        None | Some(Action::List) => list::run(ctx),
        Some(Action::Add(a)) => add::run(ctx, a),
        Some(Action::Respond(a)) => respond::run(ctx, a),
        Some(Action::Check(a)) => check::run(ctx, a),
        Some(Action::Withdraw(a)) => withdraw::run(ctx, a),
    }
}
