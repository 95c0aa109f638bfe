//! `status` in words: one line of names, ticks and counts for a shell prompt (`--short`), or
//! two sentences. Never anything either partner wrote.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use crate::text::prose::{self, count};
use crate::text::sanitize;
use crate::views::Output;

#[derive(Debug, Serialize)]
pub struct Status {
    pub date: NaiveDate,
    pub journal: bool,
    /// The journal is encrypted and `--short` did not unlock it: nothing else was read.
    pub locked: bool,
    /// Each partner, and whether they have checked in today.
    pub checked_in: Vec<Ticked>,
    pub promises_to_record: usize,
    pub apologies_waiting: usize,
    /// The journal syncs with another computer, and changes made here are not in the sync
    /// folder yet (the folder was missing, or automatic sync is off). Read from the journal
    /// alone, never from the folder.
    pub sync_waiting: bool,
    /// `--short`: one line.
    #[serde(skip)]
    pub short: bool,
}

#[derive(Debug, Serialize)]
pub struct Ticked {
    pub partner: String,
    pub done: bool,
}

impl Status {
    /// "Sam ✓ Alex · 1 to record, 1 apology waiting": always one line, never empty.
    fn short_line(&self) -> String {
        if !self.journal {
            return "rekindle: no journal yet".into();
        }
        if self.locked {
            return "rekindle: locked".into();
        }
        let mut parts: Vec<String> = self
            .checked_in
            .iter()
            .map(|t| {
                let mark = if t.done { "✓" } else { "·" };
                format!("{} {mark}", sanitize::line(&t.partner))
            })
            .collect();
        let mut waiting = Vec::new();
        if self.promises_to_record > 0 {
            waiting.push(format!("{} to record", self.promises_to_record));
        }
        if self.apologies_waiting > 0 {
            waiting.push(count(
                self.apologies_waiting as i64,
                "apology waiting",
                "apologies waiting",
            ));
        }
        if self.sync_waiting {
            waiting.push("sync waiting".to_string());
        }
        if !waiting.is_empty() {
            parts.push(waiting.join(", "));
        }
        if parts.is_empty() {
            return "rekindle: no partners yet".into();
        }
        parts.join(" ")
    }
}

impl Output for Status {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        if self.short {
            writeln!(out, "{}", self.short_line())?;
            return Ok(());
        }
        if !self.journal {
            writeln!(out, "There is no journal yet; rekindle checkin starts one.")?;
            return Ok(());
        }
        let who: Vec<String> = self
            .checked_in
            .iter()
            .map(|t| {
                let state = if t.done { "has checked in" } else { "not yet" };
                format!("{} {state}", sanitize::line(&t.partner))
            })
            .collect();
        writeln!(out, "Today: {}.", prose::and_list(&who))?;
        writeln!(
            out,
            "{} to record today; {} waiting for an answer.",
            count(self.promises_to_record as i64, "promise", "promises"),
            count(self.apologies_waiting as i64, "apology", "apologies")
        )?;
        if self.sync_waiting {
            writeln!(
                out,
                "Changes made here wait to be synced; `rekindle sync status` says why."
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(done: [bool; 2], promises: usize, apologies: usize) -> Status {
        Status {
            date: NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
            journal: true,
            locked: false,
            checked_in: ["Sam", "Alex"]
                .iter()
                .zip(done)
                .map(|(n, done)| Ticked {
                    partner: n.to_string(),
                    done,
                })
                .collect(),
            promises_to_record: promises,
            apologies_waiting: apologies,
            sync_waiting: false,
            short: true,
        }
    }

    #[test]
    fn the_short_line_is_one_line_of_names_ticks_and_counts() {
        assert_eq!(status([true, false], 0, 0).short_line(), "Sam ✓ Alex ·");
        assert_eq!(
            status([true, true], 2, 1).short_line(),
            "Sam ✓ Alex ✓ 2 to record, 1 apology waiting"
        );
        let mut none = status([false, false], 0, 0);
        none.journal = false;
        assert_eq!(none.short_line(), "rekindle: no journal yet");
        let mut locked = status([true, false], 1, 0);
        locked.locked = true;
        assert_eq!(locked.short_line(), "rekindle: locked");
    }
}
