//! `rekindle feelings`: the vocabulary, grouped under the six core feelings and `mixed`.

use std::io::Write;

use serde::Serialize;

use crate::commands::context::Context;
use crate::domain::feelings::{self, Core, Valence};
use crate::text::prose;
use crate::views::Output;

/// List the feeling words rekindle knows, grouped under six core feelings and "mixed".
///
/// Any other word works too (`rekindle feel wistful`): it is kept as you typed it and counts
/// as neither pleasant nor unpleasant.
#[derive(Debug, clap::Args)]
pub struct Args {}

#[derive(Serialize)]
struct Entry {
    word: &'static str,
    core: Core,
    valence: Valence,
}

/// The vocabulary; the JSON is the list of words.
#[derive(Serialize)]
#[serde(transparent)]
struct Vocabulary(Vec<Entry>);

pub fn run(ctx: &mut Context, _args: Args) -> anyhow::Result<()> {
    let entries = feelings::VOCABULARY
        .iter()
        .map(|w| Entry {
            word: w.word,
            core: w.core,
            valence: w.valence,
        })
        .collect();
    ctx.emit(&Vocabulary(entries))
}

impl Output for Vocabulary {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        for core in Core::ALL {
            let words: Vec<&str> = feelings::under(core).map(|w| w.word).collect();
            let heading = format!("{core} ({})", core.valence());
            writeln!(out, "{heading}")?;
            writeln!(out, "{}", prose::paragraph(&words.join(", "), 2))?;
        }
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            prose::paragraph(
                "Any other word is welcome too: it is kept as you typed it and counts as neutral.",
                0
            )
        )?;
        Ok(())
    }
}
