//! The whole journal as Markdown, day by day, oldest first: to read, print or keep.
//!
//! Every piece of user text is first made safe for a terminal (`sanitize`) and then escaped
//! so that it reads as text: a note that starts with `#`, holds `*stars*` or `<b>` stays a
//! sentence instead of turning into a heading, emphasis or HTML. Multi-line text becomes a
//! quote whose lines end in two spaces (a Markdown line break), so it keeps its shape.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use chrono::NaiveDate;

use super::Words;
use crate::domain::dates;
use crate::domain::exchange::{ApologyRecord, Document, PromiseRecord};
use crate::domain::model::Role;
use crate::text::sanitize;

/// Escapes one line of user text for Markdown, after making it safe for a terminal.
pub fn inline(text: &str) -> String {
    escape_line(&sanitize::line(text))
}

/// User text as a quoted block: one `> ` line per line, blank lines kept as paragraph breaks.
pub fn quote(text: &str) -> String {
    let clean = sanitize::block(text);
    let lines: Vec<&str> = clean.lines().collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let line = escape_line(line.trim_start());
        let next_is_text = lines.get(i + 1).is_some_and(|l| !l.trim().is_empty());
        if line.trim().is_empty() {
            out.push_str(">\n");
        } else if next_is_text {
            out.push_str(&format!("> {line}  \n"));
        } else {
            out.push_str(&format!("> {line}\n"));
        }
    }
    if out.is_empty() {
        out.push_str(">\n");
    }
    out
}

/// Backslash-escapes what Markdown would read as structure: emphasis, code, links, HTML,
/// entities, tables and strike-through anywhere, and list, heading, quote and rule markers
/// at the start of the line.
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let chars: Vec<char> = line.chars().collect();
    // A line starting "12." or "3)" would become a numbered list item.
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    for (i, &c) in chars.iter().enumerate() {
        let at_start = i == 0;
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => true,
            '&' => chars
                .get(i + 1)
                .is_some_and(|n| n.is_alphanumeric() || *n == '#'),
            '-' | '+' | '=' => at_start,
            '.' | ')' => digits > 0 && i == digits,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// What happened on one day, as indexes into the document's lists.
#[derive(Default)]
struct Day {
    focus: Vec<usize>,
    checkins: Vec<usize>,
    feelings: Vec<usize>,
    promises: Vec<usize>,
    outcomes: Vec<usize>,
    apologies: Vec<usize>,
    responses: Vec<usize>,
    meetings: Vec<usize>,
}

fn long_date(date: &str) -> String {
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map(dates::in_words)
        .unwrap_or_else(|_| inline(date))
}

/// Writes the whole document. `today` dates the title page.
/// Steps are named by number and title, prompts by their text (the id when unknown).
pub fn write(
    doc: &Document,
    words: &Words<'_>,
    today: NaiveDate,
    mut out: impl Write,
) -> io::Result<()> {
    let step_words = |id: &str| inline(&words.step_words(id));
    let names: HashMap<&str, String> = doc
        .partners
        .iter()
        .map(|p| (p.uuid.as_str(), inline(&p.name)))
        .collect();
    let name = |uuid: &str| -> String {
        names
            .get(uuid)
            .cloned()
            .unwrap_or_else(|| "someone no longer in the journal".to_string())
    };
    let named = doc.feelings_by_checkin();
    let apologies: HashMap<&str, &ApologyRecord> =
        doc.apologies.iter().map(|a| (a.uuid.as_str(), a)).collect();
    let promises: HashMap<&str, &PromiseRecord> =
        doc.promises.iter().map(|p| (p.uuid.as_str(), p)).collect();
    let promise_text = |uuid: &str| -> String {
        promises
            .get(uuid)
            .map(|p| format!("“{}”", inline(&p.text)))
            .unwrap_or_else(|| "a promise".to_string())
    };

    let couple: Vec<String> = doc.partners.iter().map(|p| inline(&p.name)).collect();
    match couple.as_slice() {
        [a, b] => writeln!(out, "# {a} and {b}: our journal")?,
        _ => writeln!(out, "# Our journal")?,
    }
    writeln!(out)?;
    writeln!(
        out,
        "Written out by rekindle on {}. It holds everything you both wrote, so keep it somewhere as private as the journal itself.",
        dates::in_words(today)
    )?;
    writeln!(out)?;
    for p in &doc.partners {
        let role = p
            .role
            .parse::<Role>()
            .map(Role::describe)
            .unwrap_or("mutual");
        writeln!(out, "- **{}**, {role}", inline(&p.name))?;
    }

    let mut days: BTreeMap<&str, Day> = BTreeMap::new();
    for (i, r) in doc.focus.iter().enumerate() {
        days.entry(r.date.as_str()).or_default().focus.push(i);
    }
    for (i, r) in doc.checkins.iter().enumerate() {
        days.entry(r.date.as_str()).or_default().checkins.push(i);
    }
    for (i, r) in doc.feelings.iter().enumerate() {
        if r.checkin_uuid.is_none() {
            days.entry(r.date.as_str()).or_default().feelings.push(i);
        }
    }
    for (i, r) in doc.promises.iter().enumerate() {
        days.entry(r.date.as_str()).or_default().promises.push(i);
    }
    for (i, r) in doc.outcomes.iter().enumerate() {
        days.entry(r.date.as_str()).or_default().outcomes.push(i);
    }
    for (i, r) in doc.apologies.iter().enumerate() {
        days.entry(r.date.as_str()).or_default().apologies.push(i);
    }
    for (i, r) in doc.responses.iter().enumerate() {
        days.entry(r.date.as_str()).or_default().responses.push(i);
    }
    for (i, r) in doc.meetings.iter().enumerate() {
        days.entry(r.date.as_str()).or_default().meetings.push(i);
    }
    if days.is_empty() {
        writeln!(out)?;
        writeln!(out, "Nothing has been written in the journal yet.")?;
        return Ok(());
    }

    let section = |out: &mut dyn Write, label: &str, text: &Option<String>| -> io::Result<()> {
        if let Some(text) = text.as_deref().filter(|t| !t.trim().is_empty()) {
            writeln!(out)?;
            writeln!(out, "**{label}**")?;
            writeln!(out)?;
            write!(out, "{}", quote(text))?;
        }
        Ok(())
    };

    for (date, items) in &days {
        writeln!(out)?;
        writeln!(out, "## {}", long_date(date))?;

        for &i in &items.focus {
            let f = &doc.focus[i];
            writeln!(out)?;
            match &f.partner_uuid {
                Some(p) => writeln!(
                    out,
                    "Your focus became {} (chosen by {}).",
                    step_words(&f.step),
                    name(p)
                )?,
                None => writeln!(out, "Your focus became {}.", step_words(&f.step))?,
            }
        }

        for &i in &items.checkins {
            let c = &doc.checkins[i];
            writeln!(out)?;
            writeln!(out, "### {}’s check-in", name(&c.partner_uuid))?;
            writeln!(out)?;
            match c.connection {
                Some(n) => writeln!(out, "- Trust {} of 10, connection {n} of 10", c.trust)?,
                None => writeln!(out, "- Trust {} of 10", c.trust)?,
            }
            let feelings: Vec<String> = named
                .get(c.uuid.as_str())
                .into_iter()
                .flatten()
                .map(|f| match f.intensity {
                    Some(n) => format!("{} ({n} of 5)", inline(&f.word)),
                    None => inline(&f.word),
                })
                .collect();
            if !feelings.is_empty() {
                writeln!(out, "- Feelings: {}", feelings.join(", "))?;
            }
            writeln!(out, "- Working on {}", step_words(&c.step))?;
            if let Some(prompt) = &c.prompt_id {
                writeln!(out, "- Prompt: {}", inline(&words.prompt_text(prompt)))?;
            }
            section(&mut out, "Answer", &c.answer)?;
            section(&mut out, "Appreciation", &c.appreciation)?;
            section(&mut out, "What I need", &c.need)?;
            section(&mut out, "Note", &c.note)?;
        }

        if !items.feelings.is_empty() {
            writeln!(out)?;
            writeln!(out, "### Feelings")?;
            writeln!(out)?;
            for &i in &items.feelings {
                let f = &doc.feelings[i];
                let strength = f
                    .intensity
                    .map(|n| format!(" ({n} of 5)"))
                    .unwrap_or_default();
                let note = f
                    .note
                    .as_deref()
                    .filter(|n| !n.trim().is_empty())
                    .map(|n| format!(": {}", inline(n)))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "- {} felt {}{strength}{note}",
                    name(&f.partner_uuid),
                    inline(&f.word)
                )?;
            }
        }

        if !items.promises.is_empty() {
            writeln!(out)?;
            writeln!(out, "### Promises made")?;
            writeln!(out)?;
            for &i in &items.promises {
                let p = &doc.promises[i];
                let to = p
                    .to_uuid
                    .as_deref()
                    .map(|t| format!(" to {}", name(t)))
                    .unwrap_or_default();
                let mut when = Vec::new();
                if let Some(every) = &p.every {
                    when.push(format!("every {}", inline(every)));
                }
                if let Some(due) = &p.due {
                    let word = if p.every.is_some() { "until" } else { "by" };
                    when.push(format!("{word} {}", long_date(due)));
                }
                let when = if when.is_empty() {
                    String::new()
                } else {
                    format!(", {}", when.join(", "))
                };
                let closed = p
                    .closed_on
                    .as_deref()
                    .map(|d| format!(" on {}", long_date(d)))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "- {} promised{to}: “{}”{when} (now {}{closed})",
                    name(&p.by_uuid),
                    inline(&p.text),
                    p.status
                )?;
            }
        }

        if !items.outcomes.is_empty() {
            writeln!(out)?;
            writeln!(out, "### Promises kept and missed")?;
            writeln!(out)?;
            for &i in &items.outcomes {
                let o = &doc.outcomes[i];
                let maker = promises
                    .get(o.promise_uuid.as_str())
                    .map(|p| name(&p.by_uuid))
                    .unwrap_or_else(|| "Someone".to_string());
                let verb = match o.result.as_str() {
                    "kept" => "kept",
                    "missed" => "missed",
                    _ => "was excused from",
                };
                let note = o
                    .note
                    .as_deref()
                    .filter(|n| !n.trim().is_empty())
                    .map(|n| format!(": {}", inline(n)))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "- {maker} {verb} {} (noted by {}){note}",
                    promise_text(&o.promise_uuid),
                    name(&o.recorded_by_uuid)
                )?;
            }
        }

        for &i in &items.apologies {
            let a = &doc.apologies[i];
            writeln!(out)?;
            writeln!(
                out,
                "### An apology from {} to {}",
                name(&a.by_uuid),
                name(&a.to_uuid)
            )?;
            section(&mut out, "What happened", &Some(a.what.clone()))?;
            section(&mut out, "How it affected you", &a.impact)?;
            section(
                &mut out,
                "The part I take responsibility for",
                &Some(a.responsibility.clone()),
            )?;
            section(&mut out, "What will change", &a.change)?;
            if let Some(p) = &a.promise_uuid {
                writeln!(out)?;
                writeln!(out, "Linked to the promise {}.", promise_text(p))?;
            }
        }

        for &i in &items.responses {
            let r = &doc.responses[i];
            let apology = apologies.get(r.apology_uuid.as_str());
            let of = apology
                .map(|a| format!(" of {}", long_date(&a.date)))
                .unwrap_or_default();
            let answer = match r.status.as_str() {
                "accepted" => "accepted it",
                "need-time" => "needs more time",
                _ => "did not accept it",
            };
            let author = apology
                .map(|a| format!("{}’s", name(&a.by_uuid)))
                .unwrap_or_else(|| "an".to_string());
            writeln!(out)?;
            writeln!(
                out,
                "### {} answered {author} apology{of}",
                name(&r.by_uuid)
            )?;
            writeln!(out)?;
            writeln!(out, "{} {answer}.", name(&r.by_uuid))?;
            section(&mut out, "Note", &r.note)?;
        }

        for &i in &items.meetings {
            let m = &doc.meetings[i];
            writeln!(out)?;
            writeln!(out, "### Our meeting together")?;
            section(&mut out, "What went well", &m.went_well)?;
            section(&mut out, "One thing to work on", &m.work_on)?;
            for part in &m.parts {
                let who = name(&part.partner_uuid);
                section(
                    &mut out,
                    &format!("{who}’s appreciation"),
                    &part.appreciation,
                )?;
                section(
                    &mut out,
                    &format!("What {who} asked for this week"),
                    &part.request,
                )?;
                if let Some(p) = &part.promise_uuid {
                    writeln!(out)?;
                    writeln!(out, "It became the promise {}.", promise_text(p))?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_characters_are_escaped() {
        assert_eq!(inline("# not a heading"), "\\# not a heading");
        assert_eq!(inline("*bold* _it_"), "\\*bold\\* \\_it\\_");
        assert_eq!(inline("<script>"), "\\<script\\>");
        assert_eq!(inline("[link](x)"), "\\[link\\](x)");
        assert_eq!(inline("- item"), "\\- item");
        assert_eq!(inline("1. first"), "1\\. first");
        assert_eq!(inline("2026) fine"), "2026\\) fine");
        assert_eq!(inline("a - b = c, 3.5"), "a - b = c, 3.5");
        assert_eq!(inline("Tom & Jo &amp;"), "Tom & Jo \\&amp;");
        assert_eq!(inline("a|b `c` ~d~ \\"), "a\\|b \\`c\\` \\~d\\~ \\\\");
    }

    #[test]
    fn terminal_escapes_become_visible_text() {
        assert_eq!(inline("red\x1b[31m"), "red\\\\e\\[31m");
        assert_eq!(inline("one\ntwo"), "one / two");
    }

    #[test]
    fn quotes_keep_lines_and_paragraphs() {
        assert_eq!(
            quote("first\n    second\n\n> third"),
            "> first  \n> second\n>\n> \\> third\n"
        );
        assert_eq!(quote(""), ">\n");
    }
}
