//! Today at a glance, for a bare `rekindle`: who has checked in, the acting partner's prompt,
//! the promises to record, the apologies waiting for an answer, the focus, and one next step.
//! Its value is its `--json` shape (docs/contract.md).

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::dates;
use crate::text::{prose, sanitize};
use crate::views::Output;
use crate::views::exercise::{PlanEntry, write_plan};

#[derive(Debug, Clone, Serialize)]
pub struct Today {
    pub date: NaiveDate,
    /// Whether there is a journal at all; without one, `next` says how to start.
    pub journal: bool,
    /// Who the view is for (`--as` or `REKINDLE_AS`); `null` shows only what is shared.
    pub partner: Option<String>,
    pub focus: Option<FocusToday>,
    pub checked_in: Vec<CheckedIn>,
    /// The acting partner's prompt of the day.
    pub prompt: Option<PromptToday>,
    pub promises_to_record: Vec<ToRecord>,
    /// Apologies with no answer yet: to the acting partner when there is one, else all.
    pub apologies_waiting: Vec<Waiting>,
    /// The trigger plan as it stands, newest first (`rekindle exercise trigger`).
    pub trigger_plan: Vec<PlanEntry>,
    /// The one thing to do next, as a command line.
    pub next: String,
    /// What `next` is for, in words.
    pub next_why: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FocusToday {
    pub step: String,
    pub number: usize,
    pub title: String,
    /// A move proposed and waiting for the other partner's agreement, if any.
    pub proposed: Option<ProposedFocus>,
}

/// A move of the focus waiting for agreement: who proposed it, to which step, and who agrees.
#[derive(Debug, Clone, Serialize)]
pub struct ProposedFocus {
    pub by: String,
    pub step: String,
    pub number: usize,
    pub title: String,
    pub waits_for: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckedIn {
    pub partner: String,
    pub done: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PromptToday {
    pub prompt_id: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ToRecord {
    pub id: i64,
    pub by: String,
    pub text: String,
    /// `due` (a one-time promise due today or before) or `today` (a recurring promise's date).
    pub why: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Waiting {
    pub id: i64,
    pub by: String,
    pub to: String,
    pub date: NaiveDate,
}

impl Output for Today {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let next = |out: &mut dyn Write| -> anyhow::Result<()> {
            writeln!(
                out,
                "{}",
                prose::paragraph(&sanitize::line(&self.next_why), 0)
            )?;
            writeln!(out, "  {}", sanitize::line(&self.next))?;
            Ok(())
        };
        if !self.journal {
            return next(out);
        }
        let head = match &self.partner {
            Some(name) => format!(
                "{}, for {}",
                dates::in_words(self.date),
                sanitize::line(name)
            ),
            None => dates::in_words(self.date),
        };
        writeln!(out, "{head}")?;
        if let Some(focus) = &self.focus {
            writeln!(
                out,
                "Step {} of 8: {}",
                focus.number,
                sanitize::line(&focus.title)
            )?;
            if let Some(p) = &focus.proposed {
                let waits = sanitize::line(&p.waits_for).into_owned();
                writeln!(
                    out,
                    "{}",
                    prose::paragraph(
                        &format!(
                            "{} proposed step {} of 8, {}; it waits for {waits}, in their own \
                             time (rekindle focus --agree --as {}).",
                            sanitize::line(&p.by),
                            p.number,
                            sanitize::line(&p.title),
                            prose::shell_word(&waits)
                        ),
                        0
                    )
                )?;
            }
        }
        write_plan(out, &self.trigger_plan)?;
        writeln!(out)?;
        let who: Vec<String> = self
            .checked_in
            .iter()
            .map(|c| {
                let state = if c.done { "checked in" } else { "not yet" };
                format!("{}: {state}", sanitize::line(&c.partner))
            })
            .collect();
        writeln!(out, "{}", prose::hanging("Check-ins  ", &who.join(" · ")))?;
        if let Some(prompt) = &self.prompt {
            writeln!(out)?;
            writeln!(out, "Your prompt")?;
            writeln!(
                out,
                "{}",
                prose::paragraph(&sanitize::line(&prompt.text), 2)
            )?;
        }
        if !self.promises_to_record.is_empty() {
            writeln!(out)?;
            writeln!(out, "Promises to record")?;
            for p in &self.promises_to_record {
                let when = if p.why == "due" { "due" } else { "today" };
                let line = format!(
                    "{}'s promise {}, {when}: {}",
                    sanitize::line(&p.by),
                    p.id,
                    prose::shown(&sanitize::line(&p.text), 40)
                );
                writeln!(out, "{}", prose::hanging("  ", &line))?;
            }
        }
        if !self.apologies_waiting.is_empty() {
            writeln!(out)?;
            let title = if self.partner.is_some() {
                "Waiting for your answer"
            } else {
                "Apologies waiting for an answer"
            };
            writeln!(out, "{title}")?;
            for a in &self.apologies_waiting {
                let line = format!(
                    "apology {} from {} to {}, {}",
                    a.id,
                    sanitize::line(&a.by),
                    sanitize::line(&a.to),
                    dates::in_words(a.date)
                );
                writeln!(out, "{}", prose::hanging("  ", &line))?;
            }
        }
        writeln!(out)?;
        next(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_journal_it_says_how_to_start() {
        let today = Today {
            date: NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
            journal: false,
            partner: None,
            focus: None,
            checked_in: vec![],
            prompt: None,
            promises_to_record: vec![],
            apologies_waiting: vec![],
            trigger_plan: vec![],
            next: "rekindle checkin".into(),
            next_why: "There is no journal yet.".into(),
        };
        let mut out = Vec::new();
        today.human(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "There is no journal yet.\n  rekindle checkin\n"
        );
    }
}
