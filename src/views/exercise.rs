//! The trigger plan as the focus and the today view show it: a few lines, newest first, and
//! how to see the rest.

use std::io::{self, Write};

use serde::Serialize;

use crate::store::exercises::ExerciseRow;
use crate::text::{prose, sanitize};

/// How many entries of the plan the focus and the today view show.
pub const SHOWN: usize = 3;

/// One entry of the trigger plan, in `--json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanEntry {
    pub id: i64,
    pub what: String,
    pub helps: Option<String>,
    pub repair: Option<String>,
}

/// The plan's entries, newest first, from the rows of the trigger exercise.
pub fn plan(rows: &[ExerciseRow]) -> Vec<PlanEntry> {
    rows.iter()
        .map(|r| PlanEntry {
            id: r.id,
            what: r.texts.what.clone(),
            helps: r.texts.helps.clone(),
            repair: r.texts.repair.clone(),
        })
        .collect()
}

/// The plan in brief: up to [`SHOWN`] entries, one bullet each, then how many more there are.
/// Nothing at all when the plan is empty.
pub fn write_plan(out: &mut dyn Write, entries: &[PlanEntry]) -> io::Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    writeln!(out, "Trigger plan")?;
    for e in entries.iter().take(SHOWN) {
        let mut line = sanitize::line(&e.what).into_owned();
        if let Some(helps) = &e.helps {
            line.push_str(&format!(". What helps: {}", sanitize::line(helps)));
        }
        if let Some(repair) = &e.repair {
            line.push_str(&format!(
                ". What the repairing partner does: {}",
                sanitize::line(repair)
            ));
        }
        writeln!(out, "{}", prose::bullet(&line))?;
    }
    let more = entries.len().saturating_sub(SHOWN);
    if more > 0 {
        writeln!(
            out,
            "{}",
            prose::paragraph(
                &format!("and {more} more: rekindle exercise list --type trigger"),
                4
            )
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: i64, what: &str, helps: Option<&str>) -> PlanEntry {
        PlanEntry {
            id,
            what: what.into(),
            helps: helps.map(str::to_string),
            repair: None,
        }
    }

    #[test]
    fn the_plan_shows_three_entries_and_counts_the_rest() {
        let mut out = Vec::new();
        let entries: Vec<PlanEntry> = (1..=5).map(|i| entry(i, &format!("t{i}"), None)).collect();
        write_plan(&mut out, &entries).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "Trigger plan\n  • t1\n  • t2\n  • t3\n    and 2 more: rekindle exercise list --type trigger\n"
        );
        let mut out = Vec::new();
        write_plan(&mut out, &[entry(1, "a late reply", Some("a call"))]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Trigger plan\n  • a late reply. What helps: a call\n"
        );
        let mut out = Vec::new();
        write_plan(&mut out, &[]).unwrap();
        assert!(out.is_empty());
    }
}
