//! `rekindle completions SHELL`: prints a completion script.

use std::io::Write as _;

use clap_complete::Shell;

use crate::commands::context::Context;

/// Print a shell completion script.
///
/// For example, for bash: rekindle completions bash > ~/.bash_completion.d/rekindle
#[derive(Debug, clap::Args)]
pub struct Args {
    /// bash, zsh, fish, elvish or powershell
    #[arg(ignore_case = true)]
    pub shell: Shell,
}

/// `cli` is the whole command line, which only the process edge knows.
pub fn run(ctx: &mut Context, args: Args, mut command: clap::Command) -> anyhow::Result<()> {
    // clap_complete panics on a write error, so the script is built in memory first and a
    // closed pipe stays an ordinary error.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "rekindle", &mut script);
    let mut out = ctx.out();
    out.write_all(&script)?;
    out.flush()?;
    Ok(())
}
