//! The apology check's findings in words, as `apology check` prints them and the guided
//! `apology add` shows them, so both say it the same way.

use crate::domain::apology_check::{Component, Finding};
use crate::text::prose;
use crate::text::sanitize;

/// One finding as a short block to show: what the check noticed, why it matters, and what
/// to try.
pub fn finding_block(f: &Finding) -> String {
    format!(
        "  {}: \"{}\"\n{}\n{}",
        f.kind.label(),
        sanitize::line(&f.excerpt),
        prose::paragraph(f.kind.why(), 4),
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
