//! rekindle: a private, local-first journal for a couple rebuilding trust.
//!
//! `main.rs` only calls [`main`]; everything else lives in this library so it can be tested
//! in-process. Arguments are parsed in [`cli`], resolved once into a [`context::Context`],
//! and handed to one of the [`commands`]. Storage is [`store`]; the rules (dates, roles,
//! steps) are plain functions and types beside it.

pub mod cli;
pub mod commands;
pub mod context;
pub mod dates;
pub mod error;
pub mod exchange;
pub mod model;
pub mod output;
pub mod paths;
pub mod prompter;
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
            // Help and --version go to stdout and exit 0; mistakes go to stderr and exit 2.
            let _ = err.print();
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(error::EXIT_USAGE));
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

fn run(cli: cli::Cli) -> anyhow::Result<()> {
    let mut ctx = context::Context::from_args(&cli.global)?;
    console::set_colors_enabled(ctx.color);
    console::set_colors_enabled_stderr(ctx.color && std::io::stderr().is_terminal());
    if ctx.interactive() {
        prompter::install_interrupt_handler();
    }
    commands::run(&mut ctx, cli.command)
}
