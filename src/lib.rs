//! rekindle: a private, local-first journal for a couple rebuilding trust.
//!
//! `main.rs` only calls [`main`]; everything else lives in this library so it can be tested
//! in-process. Arguments are parsed in [`cli`], resolved once into a [`context::Context`],
//! and handed to one of the [`commands`]. Storage is [`store`]; the rules (dates, roles,
//! steps) are plain functions and types beside it.

pub mod apology_check;
pub mod checkin;
pub mod cli;
pub mod commands;
pub mod context;
pub mod dates;
pub mod error;
pub mod exchange;
pub mod feelings;
pub mod history;
pub mod journey;
pub mod model;
pub mod output;
pub mod paths;
pub mod progress;
pub mod prompter;
pub mod records;
pub mod recurrence;
pub mod report;
pub mod sanitize;
pub mod store;
pub mod ui;

use std::io::IsTerminal as _;
use std::process::ExitCode;

use clap::Parser as _;

/// The short safety note carried by `init`, the `reassess` step and the README.
pub const SAFETY_NOTE: &str = "A note on safety: if either of you feels afraid, unsafe, \
controlled or threatened, this journal is not the right tool. Please contact your local \
emergency number or a domestic-violence helpline. rekindle never diagnoses anyone and will \
never tell you whether to stay or to leave.";

/// Parses the command line, runs the command and turns the outcome into an exit code.
pub fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = u8::try_from(err.exit_code()).unwrap_or(error::EXIT_USAGE);
            // Help and --version go to stdout and exit 0, and a bare `rekindle` shows the help;
            // any other mistake is one line on stderr, like every other refusal.
            if err.use_stderr()
                && err.kind() != clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            {
                let _ = std::io::Write::write_all(
                    &mut std::io::stderr().lock(),
                    format!("rekindle: error: {}\n", one_line(&err)).as_bytes(),
                );
            } else {
                let _ = err.print();
            }
            return ExitCode::from(code);
        }
    };
    std::panic::set_hook(Box::new(|info| {
        let _ = std::io::Write::write_all(
            &mut std::io::stderr().lock(),
            format!(
                "rekindle: internal error ({info}); nothing more was saved. Please report this.\n"
            )
            .as_bytes(),
        );
    }));
    match std::panic::catch_unwind(|| run(cli)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(err)) => error::report(&err),
        Err(_) => ExitCode::from(error::EXIT_FAILURE),
    }
}

/// Folds clap's multi-line message ("error: ...", details, usage, a tip) into one line.
fn one_line(err: &clap::Error) -> String {
    let rendered = err.render().to_string();
    let parts: Vec<&str> = rendered
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .filter(|l| !l.is_empty() && !l.starts_with("tip:"))
        .map(|l| l.strip_prefix("error: ").unwrap_or(l))
        .collect();
    format!("{} (see --help)", parts.join(" "))
}

fn run(cli: cli::Cli) -> anyhow::Result<()> {
    let mut ctx = context::Context::from_args(&cli.global)?;
    console::set_colors_enabled(ctx.color);
    console::set_colors_enabled_stderr(ctx.color && std::io::stderr().is_terminal());
    if ctx.interactive() {
        prompter::install_interrupt_handler();
    }
    commands::run(&mut ctx, cli.command)
}
