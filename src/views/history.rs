//! The timeline in a terminal: newest first, one day at a time, each entry with the words
//! people wrote (defused) under it.

use std::io::{self, Write};

use chrono::NaiveDate;

use crate::domain::dates::in_words;
use crate::domain::exercise::Exercise;
use crate::domain::journey::Journey;
use crate::domain::recurrence::Rule;
use crate::store::promises::OutcomeKind;
use crate::text::prose;
use crate::text::sanitize;
use crate::views::checkin;
use crate::views::json::{FeelingRecord, Record};

/// The timeline, newest first, one day at a time; `journey` gives the prompts check-ins
/// answered.
pub fn render(
    out: &mut dyn Write,
    records: &[Record],
    journey: Option<&Journey>,
    search: Option<&str>,
) -> io::Result<()> {
    let mark = Mark::new(search);
    if records.is_empty() {
        writeln!(out, "Nothing to show.")?;
    }
    let mut day: Option<NaiveDate> = None;
    let mut i = 0;
    while i < records.len() {
        let record = &records[i];
        if day != Some(record.date()) {
            if day.is_some() {
                writeln!(out)?;
            }
            writeln!(out, "{}", console::style(in_words(record.date())).bold())?;
            day = Some(record.date());
        }
        // Words from one `feel` entry are separate records written at one moment; show them
        // on one line. Two entries on one day, even with the same note, stay two.
        if let Record::Feeling(first) = record {
            let run: Vec<&FeelingRecord> = records[i..]
                .iter()
                .map_while(|r| match r {
                    Record::Feeling(f)
                        if f.partner == first.partner
                            && f.date == first.date
                            && f.created_at == first.created_at
                            && f.private == first.private
                            && f.revealed_on == first.revealed_on =>
                    {
                        Some(f)
                    }
                    _ => None,
                })
                .collect();
            feelings(out, &mark, &run)?;
            i += run.len();
            continue;
        }
        marked_entry(out, &mark, record, journey)?;
        i += 1;
    }
    Ok(())
}

/// The words of a search, marked where the person's text holds them (a word that starts with
/// one of them, in any case, as the search itself matches): bold and underlined where colours
/// are on, left plain elsewhere.
struct Mark {
    terms: Vec<String>,
}

impl Mark {
    fn new(search: Option<&str>) -> Mark {
        let terms = search
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        Mark { terms }
    }

    fn apply(&self, text: &str) -> String {
        if self.terms.is_empty() || !console::colors_enabled() {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String| {
            let lower = word.to_lowercase();
            if self.terms.iter().any(|t| lower.starts_with(t.as_str())) {
                out.push_str(
                    &console::style(word.as_str())
                        .bold()
                        .underlined()
                        .to_string(),
                );
            } else {
                out.push_str(word);
            }
            word.clear();
        };
        for c in text.chars() {
            if c.is_alphanumeric() {
                word.push(c);
            } else {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
        flush(&mut word, &mut out);
        out
    }
}

/// The line under a page of the timeline: how many more entries there are, and how to see
/// them; for a search, how many entries it found.
pub fn footer(
    out: &mut dyn Write,
    shown: usize,
    more: More,
    limit: usize,
    searched: bool,
) -> io::Result<()> {
    let entries = if shown == 1 { "entry" } else { "entries" };
    match more {
        More::Count(more) => {
            let lead = if searched {
                format!(
                    "{} found; showing the newest {shown}.",
                    prose::count((shown + more) as i64, "entry", "entries")
                )
            } else {
                format!("Showing the newest {shown} {entries}.")
            };
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                prose::paragraph(
                    &format!(
                        "{lead} {more} more: pass --limit {} to see them all, or --since a date \
                         to see from then on.",
                        shown + more
                    ),
                    0
                )
            )?;
        }
        More::Older => {
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                prose::paragraph(
                    &format!(
                        "Showing the newest {shown} {entries}; there are older ones. Pass a \
                         larger --limit (such as --limit {}) to see more, or --since a date to \
                         see from then on.",
                        limit.saturating_mul(2).max(shown + 1)
                    ),
                    0
                )
            )?;
        }
        More::None if searched && shown > 0 => {
            writeln!(out)?;
            writeln!(
                out,
                "{} found.",
                prose::count(shown as i64, "entry", "entries")
            )?;
        }
        More::None => {}
    }
    Ok(())
}

/// What lies beyond the page `history` shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum More {
    /// Nothing (or nothing the reader may be told about).
    #[default]
    None,
    /// This many more entries, counted (a search, whose matches are found anyway).
    Count(usize),
    /// Older entries, not counted: counting them would read the whole journal.
    Older,
}

/// A labelled piece of the person's own text, indented under its entry.
fn text(out: &mut dyn Write, mark: &Mark, label: &str, value: Option<&str>) -> io::Result<()> {
    let Some(value) = value else {
        return Ok(());
    };
    let body = mark.apply(&sanitize::block(value));
    let mut lines = body.lines();
    let first = lines.next().unwrap_or("");
    writeln!(out, "{}", prose::paragraph(&format!("{label}: {first}"), 6))?;
    for line in lines {
        writeln!(out, "{}", prose::paragraph(line, 8))?;
    }
    Ok(())
}

/// A piece of the person's own text with no label (a note is nothing but its words),
/// indented under its entry.
fn unlabelled(out: &mut dyn Write, mark: &Mark, value: &str) -> io::Result<()> {
    let body = mark.apply(&sanitize::block(value));
    for line in body.lines() {
        writeln!(out, "{}", prose::paragraph(line, 4))?;
    }
    Ok(())
}

/// One `feel` entry (newest word first, as the timeline lists them): its words on one line
/// in the order they were given, then its note.
fn feelings(out: &mut dyn Write, mark: &Mark, run: &[&FeelingRecord]) -> io::Result<()> {
    let Some(first) = run.first() else {
        return Ok(());
    };
    if first.private {
        return private_feelings(out, mark, run);
    }
    let words: Vec<String> = run
        .iter()
        .rev()
        .map(|f| match f.intensity {
            Some(n) => format!("{} ({n})", words(&f.word)),
            None => words(&f.word),
        })
        .collect();
    let edited = if run.iter().any(|f| f.edited) {
        EDITED
    } else {
        ""
    };
    writeln!(
        out,
        "  {} felt {}{edited}",
        sanitize::line(&first.partner),
        words.join(", ")
    )?;
    text(out, mark, "Note", first.note.as_deref())?;
    if let Some(on) = first.revealed_on {
        writeln!(out, "    (shared on {}; written privately)", in_words(on))?;
    }
    Ok(())
}

/// Private feelings: a stub for everyone but their author reading with `--private`.
fn private_feelings(out: &mut dyn Write, mark: &Mark, run: &[&FeelingRecord]) -> io::Result<()> {
    for f in run.iter().rev() {
        let who = sanitize::line(&f.partner);
        let edited = if f.edited { EDITED } else { "" };
        if f.hidden {
            writeln!(
                out,
                "  {who} noted a private feeling (feeling {}){edited}",
                f.id
            )?;
        } else {
            let strength = f.intensity.map(|n| format!(" ({n})")).unwrap_or_default();
            writeln!(
                out,
                "  {who} felt {}{strength}, privately (feeling {}){edited}",
                words(&f.word),
                f.id
            )?;
            text(out, mark, "Note", f.note.as_deref())?;
            writeln!(out, "    (private: only {who} can read this)")?;
        }
    }
    Ok(())
}

/// Said after an entry that has earlier versions (`show KIND ID` lists them).
const EDITED: &str = " (edited)";

/// How a deleted record is named: "a check-in", "a time together".
fn a_record(kind: &str) -> String {
    use crate::domain::kind::RecordKind;
    match RecordKind::ALL.into_iter().find(|k| k.as_str() == kind) {
        Some(RecordKind::Meeting) => "a time together".to_string(),
        Some(k) => k.one(),
        None => "a record".to_string(),
    }
}

/// Text a record cannot be without, defused; empty only in an earlier version whose words
/// were withdrawn (`edit --forget-previous`), which says so.
fn words(text: &str) -> String {
    if text.is_empty() {
        "(words withdrawn)".to_string()
    } else {
        sanitize::line(text).into_owned()
    }
}

/// Text a record cannot be without, as written (`text` defuses it, keeping its lines), or
/// the mark of words withdrawn.
fn or_withdrawn(text: &str) -> &str {
    if text.is_empty() {
        "(words withdrawn)"
    } else {
        text
    }
}

fn quoted(text: &str) -> String {
    format!("\u{201c}{}\u{201d}", sanitize::line(text))
}

/// One entry: its first line, then the words people wrote.
pub fn entry(out: &mut dyn Write, record: &Record, journey: Option<&Journey>) -> io::Result<()> {
    marked_entry(out, &Mark::new(None), record, journey)
}

/// One entry, with the words of a search marked.
fn marked_entry(
    out: &mut dyn Write,
    mark: &Mark,
    record: &Record,
    journey: Option<&Journey>,
) -> io::Result<()> {
    let name = |n: &str| sanitize::line(n).into_owned();
    let edited = if record.edited() { EDITED } else { "" };
    match record {
        Record::Passphrase(e) => {
            let who = name(&e.partner);
            let by = e.by.as_deref().map(name);
            let line = match (e.action.as_str(), by) {
                ("set", Some(by)) if by != who => format!("{by} set a passphrase for {who}"),
                ("set", _) => format!("{who} set a passphrase"),
                ("change", Some(by)) if by != who => {
                    format!("{by} changed {who}'s passphrase (with it)")
                }
                ("change", _) => format!("{who} changed their passphrase"),
                (_, Some(by)) if by != who => format!("{by} removed {who}'s passphrase"),
                _ => format!("{who} removed their passphrase"),
            };
            writeln!(out, "  {line}")?;
        }
        Record::Deleted(d) => {
            let by = d.deleted.by.as_deref().map_or("Someone".to_string(), name);
            let whose = match (&d.partner, &d.deleted.by) {
                (Some(author), Some(by)) if author != by => format!("{}'s ", name(author)),
                _ => String::new(),
            };
            let what = a_record(d.kind);
            let what = if whose.is_empty() {
                what
            } else {
                what.split_once(' ')
                    .map_or(what.clone(), |(_, w)| w.to_string())
            };
            writeln!(
                out,
                "  {by} deleted {whose}{what} from {}",
                in_words(d.date)
            )?;
        }
        Record::Checkin(c) => {
            let mut line = format!("  {} checked in: trust {}", name(&c.partner), c.trust);
            if let Some(close) = c.connection {
                line.push_str(&format!(", close {close}"));
            }
            if !c.feelings.is_empty() {
                let words: Vec<String> = c
                    .feelings
                    .iter()
                    .map(|f| match f.intensity {
                        Some(n) => format!("{} ({n})", words(&f.word)),
                        None => words(&f.word),
                    })
                    .collect();
                line.push_str(&format!("; feeling {}", words.join(", ")));
            }
            writeln!(out, "{line}{edited}")?;
            if c.answer.is_some() {
                let prompt = c
                    .prompt_id
                    .as_deref()
                    .and_then(|id| journey.and_then(|j| j.find_prompt(id)))
                    .map(|p| p.text.as_str());
                text(out, mark, "Prompt", prompt)?;
            }
            text(out, mark, "Answer", c.answer.as_deref())?;
            text(out, mark, "Appreciates", c.appreciation.as_deref())?;
            text(out, mark, "Needs", c.need.as_deref())?;
            text(out, mark, "Note", c.note.as_deref())?;
            if c.elsewhere {
                writeln!(
                    out,
                    "    (private words, kept on the computer they were written on)"
                )?;
            } else if c.private && c.answer.is_none() && c.note.is_none() && c.need.is_none() {
                writeln!(out, "    {}", checkin::wrote_privately(&name(&c.partner)))?;
            } else if c.private {
                writeln!(
                    out,
                    "    (private: only {} can read these words)",
                    name(&c.partner)
                )?;
            }
            if c.sealed && c.sealed_for_anyone {
                writeln!(
                    out,
                    "    {} (name who is reading with --as NAME)",
                    checkin::sealed_words(&name(&c.partner), false)
                )?;
            } else if c.sealed {
                writeln!(
                    out,
                    "    {}",
                    checkin::sealed_words(&name(&c.partner), true)
                )?;
            }
            if let Some(on) = c.revealed_on {
                writeln!(out, "    (shared on {}; written privately)", in_words(on))?;
            }
        }
        Record::Feeling(f) => feelings(out, mark, &[f])?,
        Record::Promise(p) => {
            let to =
                p.to.as_deref()
                    .map_or(String::new(), |t| format!(" {}", name(t)));
            let rule = p.every.as_deref().and_then(|e| e.parse::<Rule>().ok());
            let when = match (rule, p.due) {
                (Some(rule), _) => format!(", {}", rule.describe(p.date)),
                (None, Some(due)) => format!(", by {}", in_words(due)),
                (None, None) => String::new(),
            };
            writeln!(
                out,
                "  {} promised{to} {}{when} (promise {}, {}){edited}",
                name(&p.partner),
                quoted(&words(&p.text)),
                p.id,
                p.status.as_str()
            )?;
        }
        Record::Outcome(o) => {
            let recorded = if o.recorded_by == o.partner {
                String::new()
            } else {
                format!(" (recorded by {})", name(&o.recorded_by))
            };
            let verb = match o.result {
                OutcomeKind::Kept => "kept",
                OutcomeKind::Missed => "missed",
                OutcomeKind::Skipped => "was excused from",
            };
            writeln!(
                out,
                "  {} {verb} promise {} {}{recorded}{edited}",
                name(&o.partner),
                o.promise_id,
                quoted(&o.promise),
            )?;
            text(out, mark, "Note", o.note.as_deref())?;
        }
        Record::Apology(a) => {
            let withdrawn = a
                .withdrawn_on
                .map(|d| format!(", withdrawn on {}", in_words(d)))
                .unwrap_or_default();
            writeln!(
                out,
                "  {} apologised to {} (apology {}{withdrawn}){edited}",
                name(&a.partner),
                name(&a.to),
                a.id
            )?;
            text(out, mark, "What happened", Some(or_withdrawn(&a.what)))?;
            text(
                out,
                mark,
                &format!("How it affected {}", name(&a.to)),
                a.impact.as_deref(),
            )?;
            text(
                out,
                mark,
                "Responsibility",
                Some(or_withdrawn(&a.responsibility)),
            )?;
            text(out, mark, "What will change", a.change.as_deref())?;
        }
        Record::Response(r) => {
            writeln!(
                out,
                "  {} answered apology {}: {}{edited}",
                name(&r.partner),
                r.apology_id,
                r.status.describe()
            )?;
            text(out, mark, "Note", r.note.as_deref())?;
        }
        Record::Focus(f) => {
            let by = f
                .partner
                .as_deref()
                .map_or(String::new(), |p| format!(" ({})", name(p)));
            let what = if f.waiting {
                "Proposed moving the focus to"
            } else {
                "Focus moved to"
            };
            let agreed = f
                .agreed_by
                .as_deref()
                .map_or(String::new(), |a| format!(", agreed by {}", name(a)));
            writeln!(
                out,
                "  {what} step {}, {}{by}{agreed}{edited}",
                f.step.number(),
                f.title
            )?;
        }
        Record::Meeting(m) => {
            writeln!(out, "  Your time together{edited}")?;
            for part in &m.partners {
                text(
                    out,
                    mark,
                    &format!("{} appreciates", name(&part.partner)),
                    part.appreciation.as_deref(),
                )?;
            }
            text(out, mark, "Went well", m.went_well.as_deref())?;
            text(out, mark, "To work on", m.work_on.as_deref())?;
            for part in &m.partners {
                let asked = part.request.as_deref().map(|r| match part.promise_id {
                    Some(id) => format!("{} (promise {id})", r),
                    None => r.to_string(),
                });
                text(
                    out,
                    mark,
                    &format!("{} asked for", name(&part.partner)),
                    asked.as_deref(),
                )?;
            }
        }
        Record::Note(n) => {
            let who = name(&n.partner);
            match (&n.text, n.private) {
                (Some(t), private) => {
                    let what = if private { "a private note" } else { "a note" };
                    writeln!(out, "  {who} wrote {what} (note {}){edited}:", n.id)?;
                    unlabelled(out, mark, or_withdrawn(t))?;
                    if private {
                        writeln!(out, "    (private: only {who} can read these words)")?;
                    }
                }
                (None, _) => writeln!(out, "  {who} wrote a private note (note {}){edited}", n.id)?,
            }
            if let Some(on) = n.revealed_on {
                writeln!(out, "    (shared on {}; written privately)", in_words(on))?;
            }
        }
        Record::Exercise(e) => {
            let who = name(&e.partner);
            let line = match e.exercise {
                Exercise::Incident => format!("{who} talked a hard moment through"),
                Exercise::Trigger => format!("{who} added to the trigger plan"),
                Exercise::Request => format!("{who} asked for something that would help"),
            };
            let promise = e
                .promise_id
                .map_or(String::new(), |id| format!(", now promise {id}"));
            writeln!(out, "  {line} (exercise {}{promise}){edited}", e.id)?;
            for (field, value) in &e.parts {
                let label = e
                    .exercise
                    .parts()
                    .iter()
                    .find(|p| p.field == *field)
                    .map_or(*field, |p| p.label);
                let value = match (*field, value.as_deref()) {
                    ("what", Some(v)) => Some(or_withdrawn(v)),
                    (_, v) => v,
                };
                text(out, mark, label, value)?;
            }
        }
    }
    Ok(())
}
