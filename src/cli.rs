//! The command line: global options and the list of commands. Each command's own flags live
//! beside its code in `commands/`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::commands;
use crate::domain::input::whole_number;

/// A private journal for a couple rebuilding trust.
///
/// Each of you checks in once a day, keeps small promises, writes and answers apologies, and
/// together you can see, week by week, whether things are getting better. Everything stays in
/// one file on this computer; nothing is ever sent anywhere.
#[derive(Debug, Parser)]
#[command(
    name = "rekindle",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
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

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(commands::init::Args),
    Checkin(commands::checkin::Args),
    Together(commands::together::Args),
    Prompt(commands::prompt::Args),
    Steps(commands::steps::Args),
    Focus(commands::focus::Args),
    Feel(commands::feel::Args),
    Feelings(commands::feelings::Args),
    Promise(commands::promise::Args),
    Apology(commands::apology::Args),
    History(commands::history::Args),
    Progress(commands::progress::Args),
    Report(commands::report::Args),
    Export(commands::export::Args),
    Import(commands::import::Args),
    Backup(commands::backup::Args),
    Partners(commands::partners::Args),
    Doctor(commands::doctor::Args),
    Completions(commands::completions::Args),
}

/// A clap value parser for [`whole_number`], so a number flag is refused in rekindle's own
/// words rather than clap's ("0 is not in 1..=520").
#[derive(Debug, Clone, Copy)]
pub struct WholeNumber {
    pub min: u32,
    pub max: u32,
}

impl WholeNumber {
    pub const fn new(min: u32, max: u32) -> Self {
        WholeNumber { min, max }
    }
}

impl clap::builder::TypedValueParser for WholeNumber {
    type Value = u32;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<u32, clap::Error> {
        let what = arg
            .and_then(|a| a.get_long().map(|l| format!("--{l}")))
            .unwrap_or_else(|| "the number".to_string());
        whole_number(&what, &value.to_string_lossy(), self.min, self.max).map_err(|e| {
            clap::Error::raw(clap::error::ErrorKind::ValueValidation, e.to_string()).with_cmd(cmd)
        })
    }
}
