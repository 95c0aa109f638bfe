//! One module per command, each with its clap `Args` and a `run` function. A command never
//! imports another: what two of them share lives in [`common`], and the context they all
//! run in in [`context`].

pub mod apology;
pub mod backup;
pub mod checkin;
pub mod common;
pub mod completions;
pub mod context;
pub mod delete;
pub mod doctor;
pub mod edit;
pub mod export;
pub mod feel;
pub mod feelings;
pub mod focus;
pub mod history;
pub mod import;
pub mod init;
pub mod partners;
pub mod progress;
pub mod promise;
pub mod prompt;
pub mod report;
pub mod show;
pub mod steps;
pub mod sync;
pub mod together;
pub mod undo;

use clap::Subcommand;

use context::Context;

/// The commands, in the order `--help` lists them.
#[derive(Debug, Subcommand)]
pub enum Command {
    Init(init::Args),
    Checkin(checkin::Args),
    Together(together::Args),
    Prompt(prompt::Args),
    Steps(steps::Args),
    Focus(focus::Args),
    Feel(feel::Args),
    Feelings(feelings::Args),
    Promise(promise::Args),
    Apology(apology::Args),
    History(history::Args),
    Show(show::Args),
    Edit(Box<edit::Args>),
    Delete(delete::Args),
    Undo(undo::Args),
    Progress(progress::Args),
    Report(report::Args),
    Export(export::Args),
    Import(import::Args),
    Backup(backup::Args),
    Sync(sync::Args),
    Partners(partners::Args),
    Doctor(doctor::Args),
    Completions(completions::Args),
}

impl Command {
    /// Whether the command may write to the journal, so that a journal that syncs sends the
    /// change afterwards (see `sync::after_write`).
    pub fn may_write(&self) -> bool {
        matches!(
            self,
            Command::Checkin(_)
                | Command::Together(_)
                | Command::Focus(_)
                | Command::Feel(_)
                | Command::Promise(_)
                | Command::Apology(_)
                | Command::Edit(_)
                | Command::Delete(_)
                | Command::Undo(_)
                | Command::Import(_)
                | Command::Partners(_)
        )
    }
}

/// Runs one command. `cli` builds the whole command line (only `completions` needs it; the
/// clap root lives at the process edge, above the commands).
pub fn run(ctx: &mut Context, command: Command, cli: fn() -> clap::Command) -> anyhow::Result<()> {
    match command {
        Command::Init(args) => init::run(ctx, args),
        Command::Checkin(args) => checkin::run(ctx, args),
        Command::Together(args) => together::run(ctx, args),
        Command::Prompt(args) => prompt::run(ctx, args),
        Command::Steps(args) => steps::run(ctx, args),
        Command::Focus(args) => focus::run(ctx, args),
        Command::Feel(args) => feel::run(ctx, args),
        Command::Feelings(args) => feelings::run(ctx, args),
        Command::Partners(args) => partners::run(ctx, args),
        Command::Promise(args) => promise::run(ctx, args),
        Command::Apology(args) => apology::run(ctx, args),
        Command::Doctor(args) => doctor::run(ctx, args),
        Command::Completions(args) => completions::run(ctx, args, cli()),
        Command::Progress(args) => progress::run(ctx, args),
        Command::History(args) => history::run(ctx, args),
        Command::Show(args) => show::run(ctx, args),
        Command::Edit(args) => edit::run(ctx, *args),
        Command::Delete(args) => delete::run(ctx, args),
        Command::Undo(args) => undo::run(ctx, args),
        Command::Report(args) => report::run(ctx, args),
        Command::Export(args) => export::run(ctx, args),
        Command::Import(args) => import::run(ctx, args),
        Command::Backup(args) => backup::run(ctx, args),
        Command::Sync(args) => sync::run(ctx, args),
    }
}
