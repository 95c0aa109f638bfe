//! `rekindle apology check`: runs a draft through the apology check. It needs no journal and
//! saves nothing, so it can be used before anything is written, or on a message elsewhere.

use std::io::{self, Read as _};

use clap::Args as ClapArgs;

use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::apology_check;

#[derive(Debug, ClapArgs)]
pub struct CheckArgs {
    /// The draft to check; when left out it is read from standard input (or asked for in a
    /// terminal)
    #[arg(allow_hyphen_values = true)]
    pub text: Option<String>,
}

/// The most read from standard input: far more than any apology, and a bound on a mistake
/// such as piping a whole file in.
const MAX_INPUT: u64 = 1024 * 1024;

fn read_stdin() -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .take(MAX_INPUT + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_INPUT {
        bail_user!("the draft on standard input is longer than 1 MB; check a shorter part of it");
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Whether a draft given as the argument is really a mistyped flag: it starts with a dash
/// and has no spaces ("--jsn"). A draft such as "- I'm sorry" has spaces and is checked.
fn looks_like_a_flag(text: &str) -> bool {
    text.len() > 1 && text.starts_with('-') && !text.chars().any(char::is_whitespace)
}

pub fn run(ctx: &mut Context, args: CheckArgs) -> anyhow::Result<()> {
    if let Some(text) = args.text.as_deref().filter(|t| looks_like_a_flag(t)) {
        bail_user!(
            "unknown flag {} for apology check; to check text that starts with a dash, pass it on standard input",
            crate::text::sanitize::line(text)
        );
    }
    let text = match (args.text, ctx.prompter()) {
        (Some(text), _) => text,
        (None, Some(prompter)) => prompter.input("Your draft apology", None, true)?,
        (None, None) => read_stdin()?,
    };
    if text.trim().is_empty() {
        bail_user!(
            "there is nothing to check; give your draft as an argument, e.g. rekindle apology check \"I'm sorry I…\", or on standard input"
        );
    }
    ctx.emit(&apology_check::check(&text))?;
    if crate::domain::safety::calls_for_card_in_words(&text) {
        ctx.show_safety_card(crate::commands::context::CardReason::Written);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::looks_like_a_flag;

    #[test]
    fn a_dash_word_is_a_flag_and_a_dash_sentence_is_a_draft() {
        for flag in ["--jsn", "--bogus", "-x", "--json=1"] {
            assert!(looks_like_a_flag(flag), "{flag}");
        }
        for draft in ["- I'm sorry", "-\tsorry", "-", "I'm sorry", "sorry-ish"] {
            assert!(!looks_like_a_flag(draft), "{draft}");
        }
    }
}
