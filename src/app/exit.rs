//! The one place errors become exit codes (docs/contract.md lists them).
//!
//! Commands return `anyhow::Result`. A mistake the user can fix (a bad value, a refused
//! request) is a [`UserError`] somewhere in the chain and exits 2, as does a journal that
//! already exists where one was to be made; a cancelled guided flow is [`Cancelled`] and exits
//! 130; a closed pipe ends quietly; everything else exits 1.

use std::io;
use std::process::ExitCode;

use crate::domain::error::{Cancelled, UserError};
use crate::keys::KeyError;
use crate::store::{StoreError, cleanup};
use crate::text::sanitize;

/// Exit codes, as docs/contract.md lists them.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FAILURE: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
pub const EXIT_INTERRUPTED: u8 = 130;

/// What to do with an error that reached the top.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Exit with this code after printing the message.
    Report(u8),
    /// Exit with this code without printing anything (a closed pipe).
    Quiet(u8),
}

/// Decides how an error ends the process, walking its whole chain.
pub fn classify(err: &anyhow::Error) -> Outcome {
    for cause in err.chain() {
        if is_broken_pipe(cause) {
            return Outcome::Quiet(EXIT_OK);
        }
        if cause.downcast_ref::<Cancelled>().is_some() {
            return Outcome::Report(EXIT_INTERRUPTED);
        }
        if cause.downcast_ref::<UserError>().is_some() {
            return Outcome::Report(EXIT_USAGE);
        }
        if let Some(key_err) = cause.downcast_ref::<KeyError>() {
            return Outcome::Report(if key_err.is_user_error() {
                EXIT_USAGE
            } else {
                EXIT_FAILURE
            });
        }
        if let Some(store_err) = cause.downcast_ref::<StoreError>() {
            return Outcome::Report(match store_err {
                StoreError::Exists(_) | StoreError::WrongKey(_) | StoreError::Locked(_) => {
                    EXIT_USAGE
                }
                _ => EXIT_FAILURE,
            });
        }
    }
    Outcome::Report(EXIT_FAILURE)
}

/// Whether `err` is a write into a pipe whose reader has gone (`| head -1`), seen through the
/// wrappers that hide the `io::Error` from `source()`: serde_json's and csv's errors carry the
/// writer's error inside without exposing it, and an `io::Error` may wrap another error.
fn is_broken_pipe(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(err);
    // Bounded, in case a chain ever points back at itself.
    for _ in 0..32 {
        let Some(cause) = current else {
            return false;
        };
        if let Some(io_err) = cause.downcast_ref::<io::Error>() {
            if io_err.kind() == io::ErrorKind::BrokenPipe {
                return true;
            }
            if let Some(inner) = io_err.get_ref() {
                current = Some(inner);
                continue;
            }
        }
        // `--json | head -1`
        if let Some(json_err) = cause.downcast_ref::<serde_json::Error>()
            && json_err.io_error_kind() == Some(io::ErrorKind::BrokenPipe)
        {
            return true;
        }
        // `export --format csv | head -1`
        if let Some(csv_err) = cause.downcast_ref::<csv::Error>() {
            if let csv::ErrorKind::Io(io_err) = csv_err.kind() {
                current = Some(io_err);
                continue;
            }
            return false;
        }
        current = cause.source();
    }
    false
}

/// Prints the error as one line on stderr (if it should be printed) and returns the exit code.
pub fn report(err: &anyhow::Error) -> ExitCode {
    match classify(err) {
        Outcome::Quiet(code) => ExitCode::from(code),
        Outcome::Report(code) => {
            let message = sanitize::line(&one_line(err)).into_owned();
            let prefix = if code == EXIT_INTERRUPTED {
                ""
            } else {
                "error: "
            };
            if code == EXIT_INTERRUPTED {
                announce_cancel(false);
                return ExitCode::from(code);
            }
            // If stderr itself is gone there is nobody to tell; the exit code still speaks.
            let _ = io::Write::write_all(
                &mut io::stderr().lock(),
                format!("rekindle: {prefix}{message}\n").as_bytes(),
            );
            ExitCode::from(code)
        }
    }
}

/// The error and its causes on one line, "opening journal: permission denied", each cause
/// said once: a message that already quotes its cause (an I/O error named in the sentence
/// about the file) is not followed by the same words again.
fn one_line(err: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    message
}

/// Says once that the flow was cancelled, with the cursor shown again: a Ctrl-C can reach
/// both the interrupt handler and, through a list's question, the main thread, and only the
/// first of them speaks. `fresh_line` starts a new line first, for a Ctrl-C that may come
/// with the cursor in the middle of a line (the questions rekindle draws itself move below
/// themselves before they return).
fn announce_cancel(fresh_line: bool) {
    announce_once(fresh_line, &crate::domain::error::cancelled_message());
}

/// Writes `rekindle: {message}` to standard error, once per process, with the cursor shown.
fn announce_once(fresh_line: bool, message: &str) {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let term = console::Term::stderr();
        let _ = term.show_cursor();
        let lead = if fresh_line { "\n" } else { "" };
        let _ = io::Write::write_all(
            &mut io::stderr().lock(),
            format!("{lead}rekindle: {message}\n").as_bytes(),
        );
    });
}

/// Handles Ctrl-C, `kill` (SIGTERM) and a closed terminal (SIGHUP) for every command: the
/// temporary files this process is making are removed ([`cleanup`]), the cursor is restored
/// after a question, one line says what happened, and the process exits 130. Nothing is
/// committed before a command's last step, and SQLite rolls back an unfinished transaction,
/// so exiting here saves nothing; an export, report or backup being written is stopped, and
/// the file it would have replaced is left as it was.
///
/// Under `nohup` (SIGHUP ignored when rekindle starts) no handler is installed, so that
/// closing the terminal does not stop the command; a killed command's temporary files are
/// then found by `rekindle doctor --fix`.
pub fn install_interrupt_handler(interactive: bool) {
    if hangup_ignored() {
        return;
    }
    // Failing to install only means the default behaviour; not worth stopping for.
    let _ = ctrlc::set_handler(move || {
        cleanup::remove_all_for_exit();
        if interactive {
            announce_cancel(true);
        } else {
            announce_once(
                false,
                "stopped before it finished; nothing was saved, and no file was written",
            );
        }
        std::process::exit(i32::from(EXIT_INTERRUPTED));
    });
}

/// Whether SIGHUP was ignored when this process started (as `nohup` arranges), read from the
/// kernel's own account of the process (Linux); elsewhere, taken as not.
fn hangup_ignored() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|status| {
        status
            .lines()
            .find_map(|line| line.strip_prefix("SigIgn:"))
            .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
            // SIGHUP is signal 1: bit 0 of the mask.
            .is_some_and(|mask| mask & 1 != 0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context as _;

    #[test]
    fn user_errors_exit_2_even_under_context() {
        let err = anyhow::Error::new(UserError::new("trust must be 1 to 10")).context("checkin");
        assert_eq!(classify(&err), Outcome::Report(EXIT_USAGE));
    }

    #[test]
    fn broken_pipe_is_quiet() {
        let err: anyhow::Result<()> =
            Err(io::Error::from(io::ErrorKind::BrokenPipe)).context("writing history");
        assert_eq!(classify(&err.unwrap_err()), Outcome::Quiet(EXIT_OK));
    }

    #[test]
    fn broken_pipe_inside_json_output_is_quiet() {
        // Regression: `rekindle promise list --json | head -1` printed "Broken pipe".
        let io_err = io::Error::from(io::ErrorKind::BrokenPipe);
        let err = anyhow::Error::new(serde_json::Error::io(io_err));
        assert_eq!(classify(&err), Outcome::Quiet(EXIT_OK));
    }

    #[test]
    fn broken_pipe_inside_csv_output_is_quiet() {
        // Regression: `rekindle export --format csv | head -1` printed "Broken pipe".
        struct Closed;
        impl io::Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::from(io::ErrorKind::BrokenPipe))
            }
            fn flush(&mut self) -> io::Result<()> {
                Err(io::Error::from(io::ErrorKind::BrokenPipe))
            }
        }
        let mut writer = csv::Writer::from_writer(Closed);
        let csv_err = writer
            .write_record(["a", "b"])
            .and_then(|()| writer.flush().map_err(csv::Error::from))
            .unwrap_err();
        let err = anyhow::Error::new(csv_err).context("writing the export");
        assert_eq!(classify(&err), Outcome::Quiet(EXIT_OK));
    }

    #[test]
    fn broken_pipe_wrapped_inside_an_io_error_is_quiet() {
        let inner = io::Error::from(io::ErrorKind::BrokenPipe);
        let outer = io::Error::other(inner);
        assert_eq!(
            classify(&anyhow::Error::new(outer)),
            Outcome::Quiet(EXIT_OK)
        );
        let other_csv = anyhow::Error::new(csv::Error::from(io::Error::from(
            io::ErrorKind::PermissionDenied,
        )));
        assert_eq!(classify(&other_csv), Outcome::Report(EXIT_FAILURE));
    }

    #[test]
    fn cancelled_is_130_and_other_errors_are_1() {
        assert_eq!(
            classify(&anyhow::Error::new(Cancelled)),
            Outcome::Report(EXIT_INTERRUPTED)
        );
        assert_eq!(
            classify(&anyhow::anyhow!("disk on fire")),
            Outcome::Report(EXIT_FAILURE)
        );
    }
}

#[cfg(test)]
mod one_line_tests {
    use super::one_line;

    #[test]
    fn a_cause_the_message_already_quotes_is_not_said_twice() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        let err = anyhow::Error::new(io).context("cannot use /x/j.db: no such file");
        assert_eq!(one_line(&err), "cannot use /x/j.db: no such file");
        let io = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied");
        let err = anyhow::Error::new(io).context("opening journal");
        assert_eq!(one_line(&err), "opening journal: permission denied");
    }
}
