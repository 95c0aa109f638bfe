//! `rekindle restore`: a backup put back in place of the journal, safely.

use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;

use crate::commands::context::Context;
use crate::domain::dates;
use crate::domain::kind::RecordKind;
use crate::store::restore;
use crate::text::prose;
use crate::text::sanitize;
use crate::views::Output;
use crate::views::json;

/// Put a backup (from `rekindle backup`) back in place of your journal.
///
/// Your journal as it is now is first kept aside, beside it, as a checked backup
/// (journal.db.before-restore-DATE.db), so a restore can itself be undone by restoring that
/// file. The backup must pass SQLite's integrity check, and the restored journal is checked
/// too. FILE itself is only read. Other rekindle commands wait while the restore runs.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The backup to restore
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// What `restore` did.
#[derive(Serialize)]
struct Restored {
    journal: String,
    restored_from: String,
    /// Where the journal as it was is kept; `null` when there was none.
    kept_aside: Option<String>,
    integrity: &'static str,
    #[serde(serialize_with = "json::counts")]
    counts: Vec<(RecordKind, i64)>,
    #[serde(skip)]
    was_damaged: bool,
    #[serde(skip)]
    today: chrono::NaiveDate,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let key = ctx.journal_key().map(|k| &k.key);
    let done = restore::restore(&args.file, &ctx.journal, ctx.today, key)?;
    ctx.emit(&Restored {
        journal: ctx.journal.display().to_string(),
        restored_from: args.file.display().to_string(),
        kept_aside: done.kept_aside.map(|p| p.display().to_string()),
        integrity: "ok",
        counts: done.counts,
        was_damaged: done.was_damaged,
        today: ctx.today,
    })
}

impl Output for Restored {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let journal = sanitize::line(&self.journal);
        writeln!(
            out,
            "Restored your journal at {journal} from {} on {} (checked and complete).",
            sanitize::line(&self.restored_from),
            dates::in_words(self.today)
        )?;
        let held: Vec<String> = self
            .counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(kind, n)| kind.count(*n))
            .collect();
        if !held.is_empty() {
            writeln!(out, "It holds {}.", prose::and_list(&held))?;
        }
        if let Some(aside) = &self.kept_aside {
            let aside = sanitize::line(aside);
            let how = if self.was_damaged {
                "was damaged; it is kept byte for byte as it was, at:"
            } else {
                "is kept, checked and complete, at:"
            };
            writeln!(out, "Your journal as it was before {how}")?;
            writeln!(out, "  {aside}")?;
            writeln!(out, "To go back to it: rekindle restore '{aside}'")?;
        }
        Ok(())
    }
}
