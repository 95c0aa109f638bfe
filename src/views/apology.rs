//! The apology check's findings in words, as `apology check` prints them and the guided
//! `apology add` shows them, so both say it the same way.

use std::io::Write;

use crate::domain::apology_check::{Component, Finding, Report};
use crate::text::prose;
use crate::text::sanitize;
use crate::views::Output;

/// One finding as a short block to show: what the check noticed, why it matters, and what
/// to try.
pub fn finding_block(f: &Finding) -> String {
    // What the learned opinion hears in the draft as a whole is said as a reading, not as a
    // quote that set it off.
    let why = if f.learned {
        format!(
            "No one phrase set this off: it is how the whole draft reads to the check, starting \
             here. {}",
            f.kind.why()
        )
    } else {
        f.kind.why().to_string()
    };
    format!(
        "  {}: \"{}\"\n{}\n{}",
        f.kind.label(),
        sanitize::line(&f.excerpt),
        prose::paragraph(&why, 4),
        prose::paragraph(&format!("Try: {}", f.kind.suggestion()), 4)
    )
}

/// The parts the check found missing, as "It could say more about:" and a hint for each.
/// Shared by `apology check` and `apology add`, so both say it the same way.
pub fn missing_block(missing: &[Component]) -> String {
    let mut lines = vec!["It could say more about:".to_string()];
    lines.extend(missing.iter().map(|c| prose::paragraph(c.hint(), 2)));
    lines.join("\n")
}

/// What `apology check` says about a draft.
impl Output for Report {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        if self.findings.is_empty() {
            writeln!(out, "Nothing in it reads as an excuse, a hedge or blame.")?;
        } else {
            let n = self.findings.len();
            writeln!(
                out,
                "{} worth another look:",
                if n == 1 {
                    "One thing".to_string()
                } else {
                    format!("{n} things")
                }
            )?;
            for f in &self.findings {
                writeln!(out)?;
                writeln!(out, "{}", finding_block(f))?;
            }
        }
        if self.missing.is_empty() {
            writeln!(
                out,
                "It owns what happened, says sorry and offers to make it right."
            )?;
        } else {
            writeln!(out)?;
            writeln!(out, "{}", missing_block(&self.missing))?;
        }
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            prose::paragraph(
                "The check looks for common patterns; it cannot judge what you mean. Read it \
                 aloud, and say it in your own voice.",
                0
            )
        )?;
        Ok(())
    }
}
