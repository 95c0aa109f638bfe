//! The command line's root: the options every command accepts. The list of commands is
//! `commands::Command`, and each command's own flags live beside its code in `commands/`.

use std::path::PathBuf;

use clap::Parser;

use crate::commands::{Command, context::Globals};

/// A private journal for a couple rebuilding trust.
///
/// Each of you checks in once a day, keeps small promises, writes and answers apologies, and
/// together you can see, week by week, whether things are getting better. Everything stays in
/// one file on this computer, and rekindle never opens a network connection: `sync` only
/// writes encrypted files into a folder you choose.
#[derive(Debug, Parser)]
#[command(
    name = "rekindle",
    version,
    propagate_version = true,
    max_term_width = 100,
    after_help = crate::views::safety::POINTER
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    /// Without a command, rekindle shows today: who has checked in, your prompt, what to
    /// record and what waits for an answer.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command accepts.
#[derive(Debug, Clone, clap::Args)]
pub struct GlobalArgs {
    /// The journal file [default: $REKINDLE_JOURNAL, else
    /// $XDG_DATA_HOME/rekindle/journal.db, i.e. ~/.local/share/rekindle/journal.db]
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        help_heading = "Global options"
    )]
    pub journal: Option<PathBuf>,

    /// Print machine-readable JSON instead of text
    #[arg(long, global = true, help_heading = "Global options")]
    pub json: bool,

    /// Print without colours (NO_COLOR=1 does the same)
    #[arg(long, global = true, help_heading = "Global options")]
    pub no_color: bool,

    /// Who is using rekindle, by name, any case [default: $REKINDLE_AS, else asked]
    #[arg(
        long = "as",
        global = true,
        value_name = "NAME",
        help_heading = "Global options"
    )]
    pub as_name: Option<String>,
}

impl GlobalArgs {
    /// The flags as plain values, for the context to resolve.
    pub fn globals(&self) -> Globals {
        Globals {
            journal: self.journal.clone(),
            json: self.json,
            no_color: self.no_color,
            as_name: self.as_name.clone(),
        }
    }
}
