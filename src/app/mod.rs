//! The process edge: the only place that reads the command line, the environment and the
//! terminals, and the only place that turns an outcome into an exit code.
//!
//! [`main`] parses the arguments ([`args`]), folds a parse error into one line
//! ([`parse_error`]), resolves the [`Context`] once from what [`mod@env`] reads, runs one of the
//! [`commands`], and maps the result to an exit code ([`exit`]).

pub mod args;
pub mod env;
pub mod exit;
pub mod parse_error;

use std::process::ExitCode;

use clap::{CommandFactory as _, Parser as _};

use crate::commands::{self, context::Context};
use crate::store;
use crate::text::prose;
use args::Cli;

/// Parses the command line, runs the command and turns the outcome into an exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = u8::try_from(err.exit_code()).unwrap_or(exit::EXIT_USAGE);
            // Help and --version go to stdout and exit 0, and a bare `rekindle` shows the help;
            // any other mistake is one line on stderr, like every other refusal.
            if let Some(message) = parse_error::friendlier(&err) {
                let _ = std::io::Write::write_all(
                    &mut std::io::stderr().lock(),
                    format!("rekindle: error: {message}\n").as_bytes(),
                );
            } else if err.use_stderr()
                && err.kind() != clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            {
                let _ = std::io::Write::write_all(
                    &mut std::io::stderr().lock(),
                    format!(
                        "rekindle: error: {}\n",
                        parse_error::one_line(&parse_error::without_styles(err))
                    )
                    .as_bytes(),
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
        Ok(Err(err)) => exit::report(&err),
        Err(_) => ExitCode::from(exit::EXIT_FAILURE),
    }
}

/// Keeps the journal's text out of core dumps: a crash (or a `kill -ABRT`) would otherwise
/// write this process's memory, entries and all, to a file that outlives it, readable by
/// whoever reads the folder it lands in. The soft core-size limit goes to zero (the
/// user's editor, started from here, inherits it), and on Linux the process is marked not
/// dumpable, which also keeps other programs of the same user from attaching to read its
/// memory. Best effort: a system that refuses either still runs rekindle.
fn no_core_dumps() {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let hard = getrlimit(Resource::Core).maximum;
    let _ = setrlimit(
        Resource::Core,
        Rlimit {
            current: Some(0),
            maximum: hard,
        },
    );
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let _ = rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable);
}

fn run(cli: Cli) -> anyhow::Result<()> {
    no_core_dumps();
    let mut ctx = Context::resolve(
        &cli.global.globals(),
        &env::ProcessEnv,
        env::terminals(),
        std::time::SystemTime::now(),
    )?;
    // Process-wide settings, applied once from the context.
    console::set_colors_enabled(ctx.color);
    console::set_colors_enabled_stderr(ctx.color_stderr);
    prose::set_width(ctx.width);
    store::cleanup::keep_notes_beside(&ctx.journal);
    exit::install_interrupt_handler(ctx.interactive());
    let journal = ctx.journal.clone();
    let may_write = cli
        .command
        .as_ref()
        .is_some_and(commands::Command::may_write);
    commands::run(&mut ctx, cli.command, Cli::command)
        .map_err(|err| store::explain(&journal, err))?;
    // A change is saved before it is sent: never inside the command's write.
    if may_write {
        commands::sync::after_write(&ctx);
    }
    Ok(())
}
