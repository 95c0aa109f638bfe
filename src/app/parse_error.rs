//! Clap's parse errors as one defused line, like every other refusal: "unexpected argument
//! '--amen' found; a similar argument exists: '--amend' (see --help)".

use super::args::Cli;
use crate::text::sanitize;

/// The same parse error again, rendered without clap's colours: then the only escape
/// sequences left in its text are ones the user typed, and [`one_line`] can show them
/// defused instead of clap's own stripping silently dropping them (and the value with them).
pub fn without_styles(err: clap::Error) -> clap::Error {
    use clap::{CommandFactory as _, FromArgMatches as _};
    Cli::command()
        .styles(clap::builder::Styles::plain())
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .err()
        .unwrap_or(err)
}

/// Plainer words for a parse error that has a better explanation than clap's own.
pub fn friendlier(err: &clap::Error) -> Option<&'static str> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    // `rekindle report` alone: --output is required (so --help shows it that way), and the
    // page needs a file name, which clap's "required arguments were not provided" hides.
    if err.kind() == ErrorKind::MissingRequiredArgument
        && let Some(ContextValue::Strings(missing)) = err.get(ContextKind::InvalidArg)
        && missing.iter().any(|m| m.starts_with("--output"))
    {
        return Some(
            "report writes an HTML page: pass --output FILE.html (for example --output progress.html)",
        );
    }
    None
}

/// Folds clap's multi-line message ("error: ...", details, a tip, usage) into one line, with
/// the values it quotes defused: "unexpected argument '--amen' found; a similar argument
/// exists: '--amend' (see --help)".
pub fn one_line(err: &clap::Error) -> String {
    let rendered = err.render().ansi().to_string();
    let mut line = String::new();
    for part in rendered
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .filter(|l| !l.is_empty())
    {
        let part = sanitize::line(part);
        if let Some(tip) = part.strip_prefix("tip: ") {
            line.push_str("; ");
            line.push_str(tip);
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(part.strip_prefix("error: ").unwrap_or(&part));
        }
    }
    // `promise add Walk after dinner`: a word of unquoted text is not a flag. The hint about
    // quotes is only given where the extra word can be the rest of some text or a name.
    if err.kind() == clap::error::ErrorKind::UnknownArgument
        && let Some(clap::error::ContextValue::String(arg)) =
            err.get(clap::error::ContextKind::InvalidArg)
        && !arg.starts_with('-')
        && let Some(hint) = quotes_hint(&subcommand_path(&rendered))
    {
        line.push_str("; ");
        line.push_str(hint);
    }
    format!("{line} (see --help)")
}

/// The subcommand an error is about, from the usage line clap prints with it
/// (`Usage: rekindle promise add [OPTIONS] [TEXT]` gives "promise add").
fn subcommand_path(rendered: &str) -> String {
    rendered
        .lines()
        .find_map(|l| l.trim().strip_prefix("Usage:"))
        .map(|usage| {
            usage
                .split_whitespace()
                .skip(1)
                .take_while(|w| !w.starts_with(['[', '<', '-']))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
}

/// What to say about quotes when a command that takes free text or a name got a stray word.
fn quotes_hint(path: &str) -> Option<&'static str> {
    match path {
        "promise add" => Some("text with spaces goes in quotes, e.g. \"Walk after dinner\""),
        "apology check" => Some("text with spaces goes in quotes, e.g. \"I'm sorry I lied\""),
        "partners role" | "partners rename" => {
            Some("a name with spaces goes in quotes, e.g. \"Sam Lee\"")
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory as _;
    use clap::error::ErrorKind;

    fn refusal(args: &[&str]) -> (ErrorKind, String) {
        let err = Cli::command()
            .styles(clap::builder::Styles::plain())
            .try_get_matches_from(std::iter::once("rekindle").chain(args.iter().copied()))
            .unwrap_err();
        (err.kind(), one_line(&err))
    }

    /// One case per kind of parse error the command line can produce.
    #[test]
    fn every_kind_of_clap_refusal_folds_into_one_defused_line() {
        let cases: &[(&[&str], ErrorKind, &str)] = &[
            (
                &["histroy"],
                ErrorKind::InvalidSubcommand,
                "unrecognized subcommand 'histroy'; a similar subcommand exists: 'history'",
            ),
            (
                &["checkin", "--amen"],
                ErrorKind::UnknownArgument,
                "unexpected argument '--amen' found; a similar argument exists: '--amend'",
            ),
            (
                &["export", "--format", "\u{1b}[31mxml\u{202e}"],
                ErrorKind::InvalidValue,
                "invalid value '\\e[31mxml\\u{202e}' for '--format <FORMAT>' [possible values: json, csv, markdown]",
            ),
            (
                &["promise", "add", "Walk", "after", "dinner"],
                ErrorKind::UnknownArgument,
                "unexpected argument 'after' found; text with spaces goes in quotes, e.g. \"Walk after dinner\"",
            ),
            (
                &["apology", "check", "I'm", "sorry"],
                ErrorKind::UnknownArgument,
                "unexpected argument 'sorry' found; text with spaces goes in quotes, e.g. \"I'm sorry I lied\"",
            ),
            (
                &["partners", "rename", "Sam", "Sam", "Lee"],
                ErrorKind::UnknownArgument,
                "unexpected argument 'Lee' found; a name with spaces goes in quotes, e.g. \"Sam Lee\"",
            ),
            // A stray word after a command that takes no free text: no talk of quotes.
            (
                &["focus", "healing", "extra"],
                ErrorKind::UnknownArgument,
                "unexpected argument 'extra' found",
            ),
            (
                &["promise", "keep", "3", "today"],
                ErrorKind::UnknownArgument,
                "unexpected argument 'today' found",
            ),
            (
                &["checkin", "--trust"],
                ErrorKind::InvalidValue,
                "a value is required for '--trust <N>' but none was supplied",
            ),
            (
                &["history", "--limit", "-5"],
                ErrorKind::ValueValidation,
                "--limit must be a whole number from 1 to 1000000 (got \"-5\")",
            ),
            (
                &["--json=1", "partners"],
                ErrorKind::TooManyValues,
                "unexpected value '1' for '--json' found; no more were expected",
            ),
            (
                &["checkin", "--trust", "5", "--trust", "6"],
                ErrorKind::ArgumentConflict,
                "the argument '--trust <N>' cannot be used multiple times",
            ),
            (
                &["apology", "respond"],
                ErrorKind::MissingRequiredArgument,
                "the following required arguments were not provided: <ID>",
            ),
            // No command at all is the today view, not a refusal, so no case here asks for a
            // missing subcommand.
        ];
        for (args, kind, expected) in cases {
            let (got_kind, line) = refusal(args);
            assert_eq!(got_kind, *kind, "{args:?}");
            assert!(
                line.starts_with(expected) && line.ends_with(" (see --help)"),
                "{args:?}: {line}"
            );
            assert!(
                !line.contains('\n') && !line.chars().any(char::is_control),
                "{line}"
            );
        }
    }

    #[test]
    fn the_quotes_hint_is_only_for_commands_that_take_text_or_a_name() {
        assert_eq!(
            refusal(&["focus", "healing", "extra"]).1,
            "unexpected argument 'extra' found (see --help)"
        );
        assert_eq!(
            refusal(&["apology", "respond", "1", "yes"]).1,
            "unexpected argument 'yes' found (see --help)"
        );
        assert!(
            refusal(&["promise", "add", "--to", "Alex", "Walk", "after"])
                .1
                .ends_with(
                    "text with spaces goes in quotes, e.g. \"Walk after dinner\" (see --help)"
                )
        );
    }

    #[test]
    fn an_escape_sequence_typed_as_a_command_is_named_not_dropped() {
        // Regression: clap's own rendering stripped the sequence, leaving "subcommand ''".
        let (_, line) = refusal(&["\u{1b}]0;pwned\u{7}"]);
        assert_eq!(
            line,
            "unrecognized subcommand '\\e]0;pwned\\x07' (see --help)"
        );
    }

    #[test]
    fn invalid_utf8_is_one_line_too() {
        use std::os::unix::ffi::OsStrExt as _;
        let err = Cli::command()
            .styles(clap::builder::Styles::plain())
            .try_get_matches_from([
                std::ffi::OsStr::new("rekindle"),
                std::ffi::OsStr::new("checkin"),
                std::ffi::OsStr::new("--note"),
                std::ffi::OsStr::from_bytes(b"\xff"),
            ])
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidUtf8);
        assert_eq!(
            one_line(&err),
            "invalid UTF-8 was detected in one or more arguments (see --help)"
        );
    }
}
