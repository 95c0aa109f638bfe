//! `rekindle feelings`: the vocabulary, grouped under the six core feelings.

use std::io::Write as _;

use serde::Serialize;

use crate::commands::context::Context;
use crate::domain::feelings::{self, Core, Valence};
use crate::text::prose;

/// List the feeling words rekindle knows, grouped under six core feelings.
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

pub fn run(ctx: &mut Context, _args: Args) -> anyhow::Result<()> {
    if ctx.json {
        let entries: Vec<Entry> = feelings::VOCABULARY
            .iter()
            .map(|w| Entry {
                word: w.word,
                core: w.core,
                valence: w.valence,
            })
            .collect();
        return ctx.print_json(&entries);
    }
    let mut out = ctx.out();
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
