//! The daily check-in's rules: what the flags gave ([`Given`]), a check-in ready to save
//! ([`Draft`]), what `--amend` keeps ([`Given::apply`]), what a check-in without a terminal
//! needs ([`Given::without_terminal`]), and what a replacement changed, in words. The guided
//! questions are `flows::checkin`; saving is the commands' step.

use chrono::NaiveDate;

use crate::domain::dates;
use crate::domain::error::UserError;
use crate::domain::feelings::{self, Parsed};
use crate::domain::model::Step;
use crate::text::sanitize;

pub use crate::domain::feelings::FeelingEntry;

/// Reads a whole number on a scale from 1 to `max`: `what` names it in the message
/// ("trust must be a whole number from 1 to 10 (got \"11\")").
pub fn parse_scale(what: &str, value: &str, max: u8) -> Result<u8, UserError> {
    let n = crate::domain::input::whole_number(what, value, 1, u32::from(max))?;
    // In range, so it fits: `max` is a u8.
    Ok(u8::try_from(n).unwrap_or(max))
}

/// Empty or blank text counts as no text; anything else is kept exactly.
pub fn text(value: Option<String>) -> Option<String> {
    value.filter(|t| !t.trim().is_empty())
}

/// A text flag: `None` when it was not given, `Some(None)` when it was given blank (no text,
/// and with `--amend`, the saved text removed), `Some(Some(text))` otherwise.
pub fn text_flag(value: Option<&String>) -> Option<Option<String>> {
    value.map(|v| text(Some(v.clone())))
}

/// `--feeling` values: `None` when none was given, `Some(vec![])` for `--feeling none`.
pub fn feelings_flag(specs: &[String]) -> Result<Option<Vec<FeelingEntry>>, UserError> {
    if specs.is_empty() {
        return Ok(None);
    }
    match feelings::parse(specs)? {
        Parsed::NoneAtAll => Ok(Some(Vec::new())),
        Parsed::Words(words) => Ok(Some(words)),
    }
}

/// What the flags gave, already checked. `None` means "not given": ask for it in a terminal,
/// or keep the saved value when amending.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Given {
    pub trust: Option<u8>,
    pub connection: Option<u8>,
    pub feelings: Option<Vec<FeelingEntry>>,
    pub answer: Option<Option<String>>,
    pub appreciation: Option<Option<String>>,
    pub need: Option<Option<String>>,
    pub note: Option<Option<String>>,
}

/// A check-in ready to be saved.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Draft {
    pub trust: u8,
    pub connection: Option<u8>,
    pub feelings: Vec<FeelingEntry>,
    pub answer: Option<String>,
    pub appreciation: Option<String>,
    pub need: Option<String>,
    pub note: Option<String>,
    /// Whether the day's prompt was shown, so the check-in records which prompt it was.
    pub prompt_shown: bool,
}

impl Draft {
    /// Whether it has words of its own (answer, appreciation, need or note): what can be kept
    /// private, as against scores and feelings.
    pub fn has_words(&self) -> bool {
        self.answer.is_some()
            || self.appreciation.is_some()
            || self.need.is_some()
            || self.note.is_some()
    }
}

/// The flags that can stand in for the questions, for the "no terminal" message.
pub const FLAGS: &str = "--trust N (1-10), and if you like --connection N, --feeling WORD[:N], \
                         --answer, --appreciation, --need and --note";

/// The flags that `--amend` can change.
pub const AMEND_FLAGS: &str = "--trust, --connection, --feeling (or --feeling none), --step, \
                               --answer, --appreciation, --need or --note (\"\" removes a text)";

impl Given {
    /// Whether no flag for a part of the check-in was given.
    pub fn is_empty(&self) -> bool {
        *self == Given::default()
    }

    /// Without a terminal nothing can be asked: trust must be given, the rest may be absent.
    pub fn without_terminal(self) -> Result<Draft, UserError> {
        let Some(trust) = self.trust else {
            return Err(UserError::new(format!(
                "there is no terminal to ask in, so checkin needs {FLAGS}"
            )));
        };
        Ok(Draft {
            trust,
            connection: self.connection,
            feelings: self.feelings.unwrap_or_default(),
            answer: self.answer.flatten(),
            appreciation: self.appreciation.flatten(),
            need: self.need.flatten(),
            note: self.note.flatten(),
            prompt_shown: false,
        })
    }

    /// The saved check-in with only what was given changed: `--amend` never clears a part
    /// that was left out.
    pub fn apply(self, saved: &Draft) -> Draft {
        Draft {
            trust: self.trust.unwrap_or(saved.trust),
            connection: self.connection.or(saved.connection),
            feelings: self.feelings.unwrap_or_else(|| saved.feelings.clone()),
            answer: self.answer.unwrap_or_else(|| saved.answer.clone()),
            appreciation: self
                .appreciation
                .unwrap_or_else(|| saved.appreciation.clone()),
            need: self.need.unwrap_or_else(|| saved.need.clone()),
            note: self.note.unwrap_or_else(|| saved.note.clone()),
            prompt_shown: false,
        }
    }
}

/// Whether two lists name the same feelings with the same strengths, in any order.
pub fn same_feelings(a: &[FeelingEntry], b: &[FeelingEntry]) -> bool {
    let sorted = |list: &[FeelingEntry]| {
        let mut keys: Vec<(String, Option<u8>)> = list
            .iter()
            .map(|f| (f.word.to_lowercase(), f.intensity))
            .collect();
        keys.sort();
        keys
    };
    sorted(a) == sorted(b)
}

/// "hurt (4), hopeful".
pub fn feelings_in_words(feelings: &[FeelingEntry]) -> String {
    feelings
        .iter()
        .map(|f| match f.intensity {
            Some(n) => format!("{} ({n})", sanitize::line(&f.word)),
            None => sanitize::line(&f.word).into_owned(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The summary shown before saving.
pub fn summary(draft: &Draft, date: NaiveDate) -> String {
    let mut lines = vec![format!("Your check-in for {}:", dates::in_words(date))];
    let mut scores = format!("  trust {}", draft.trust);
    if let Some(c) = draft.connection {
        scores.push_str(&format!(", connection {c}"));
    }
    lines.push(scores);
    if !draft.feelings.is_empty() {
        lines.push(format!("  feeling: {}", feelings_in_words(&draft.feelings)));
    }
    for (label, value) in [
        ("answer", &draft.answer),
        ("appreciation", &draft.appreciation),
        ("need", &draft.need),
        ("note", &draft.note),
    ] {
        if let Some(v) = value {
            lines.push(format!("  {label}: {}", sanitize::line(v)));
        }
    }
    lines.join("\n")
}

/// What replacing `before` with `after` changes, one short phrase each, in the order the
/// check-in asks: "trust 5 → 7", "note removed". Texts are named, not quoted: they can be
/// long, and the summary shows them.
pub fn changes(before: &Draft, after: &Draft) -> Vec<String> {
    let mut out = Vec::new();
    if before.trust != after.trust {
        out.push(format!("trust {} → {}", before.trust, after.trust));
    }
    if before.connection != after.connection {
        let shown = |c: Option<u8>| c.map_or("none".to_string(), |c| c.to_string());
        out.push(format!(
            "connection {} → {}",
            shown(before.connection),
            shown(after.connection)
        ));
    }
    if !same_feelings(&before.feelings, &after.feelings) {
        let shown = |f: &[FeelingEntry]| {
            if f.is_empty() {
                "none".to_string()
            } else {
                feelings_in_words(f)
            }
        };
        out.push(format!(
            "feelings {} → {}",
            shown(&before.feelings),
            shown(&after.feelings)
        ));
    }
    for (label, old, new) in [
        ("answer", &before.answer, &after.answer),
        ("appreciation", &before.appreciation, &after.appreciation),
        ("need", &before.need, &after.need),
        ("note", &before.note, &after.note),
    ] {
        match (old, new) {
            (None, Some(_)) => out.push(format!("{label} added")),
            (Some(_), None) => out.push(format!("{label} removed")),
            (Some(a), Some(b)) if a != b => out.push(format!("{label} changed")),
            _ => {}
        }
    }
    out
}

/// "Changed: trust 5 → 7; note removed." or "Nothing changed."
pub fn changes_in_words(changes: &[String]) -> String {
    if changes.is_empty() {
        "Nothing changed.".to_string()
    } else {
        format!("Changed: {}.", changes.join("; "))
    }
}

/// A step change in the same words as [`changes`].
pub fn step_change(before: Step, after: Step) -> Option<String> {
    (before != after).then(|| format!("step {} → {}", before.number(), after.number()))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn entry(word: &str, intensity: Option<u8>) -> FeelingEntry {
        FeelingEntry {
            word: word.into(),
            intensity,
        }
    }

    #[test]
    fn scales_accept_whole_numbers_in_range_only() {
        assert_eq!(parse_scale("trust", " 7 ", 10).unwrap(), 7);
        assert_eq!(parse_scale("trust", "10", 10).unwrap(), 10);
        for bad in ["0", "11", "-1", "7.5", "seven", "", "300"] {
            let err = parse_scale("trust", bad, 10).unwrap_err().to_string();
            assert_eq!(
                err,
                format!("trust must be a whole number from 1 to 10 (got \"{bad}\")")
            );
        }
    }

    #[test]
    fn without_a_terminal_trust_is_required_and_the_message_names_the_flags() {
        let err = Given::default().without_terminal().unwrap_err().to_string();
        assert!(err.contains("--trust N"), "{err}");
        assert!(err.contains("--feeling WORD[:N]"), "{err}");
        let draft = Given {
            trust: Some(3),
            ..Default::default()
        }
        .without_terminal()
        .unwrap();
        assert_eq!((draft.trust, draft.connection), (3, None));
    }

    /// A saved check-in with something in every part but the note.
    pub(crate) fn saved() -> Draft {
        Draft {
            trust: 5,
            connection: Some(6),
            feelings: vec![
                entry("hurt", Some(4)),
                entry("anxious", None),
                entry("wistful", Some(2)),
                entry("hopeful", None),
            ],
            answer: Some("Written in the editor,\nover two lines.".into()),
            appreciation: Some("the soup".into()),
            need: Some("time".into()),
            note: None,
            prompt_shown: false,
        }
    }

    // Regression: `checkin --amend --trust 7` kept only trust 7; the answer, four feelings,
    // the appreciation and the need were wiped without a word.
    #[test]
    fn amend_changes_only_what_is_given() {
        let before = saved();
        let after = Given {
            trust: Some(7),
            ..Default::default()
        }
        .apply(&before);
        assert_eq!(
            after,
            Draft {
                trust: 7,
                ..before.clone()
            }
        );
        assert_eq!(changes(&before, &after), ["trust 5 → 7"]);
        // A text given blank removes it; `--feeling none` takes the feelings away.
        let after = Given {
            need: Some(None),
            note: Some(Some("calmer".into())),
            feelings: Some(vec![]),
            ..Default::default()
        }
        .apply(&before);
        assert_eq!(after.need, None);
        assert_eq!(after.appreciation.as_deref(), Some("the soup"));
        assert!(after.feelings.is_empty());
        assert_eq!(
            changes_in_words(&changes(&before, &after)),
            "Changed: feelings hurt (4), anxious, wistful (2), hopeful → none; need removed; \
             note added."
        );
        assert_eq!(
            changes_in_words(&changes(&before, &before)),
            "Nothing changed."
        );
        assert_eq!(
            step_change(Step::Responsibility, Step::Healing).as_deref(),
            Some("step 1 → 3")
        );
    }
}
