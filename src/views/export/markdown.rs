//! The whole journal as Markdown, day by day, oldest first: to read, print or keep.
//!
//! Every piece of user text is first made safe for a terminal (`sanitize`) and then escaped
//! so that it reads as text: a note that starts with `#`, holds `*stars*` or `<b>` stays a
//! sentence instead of turning into a heading, emphasis or HTML. Multi-line text becomes a
//! quote whose lines end in two spaces (a Markdown line break), so it keeps its shape.
//!
//! Words the reader may not read are not in it, and each entry says so where they would be:
//! a check-in's words sealed for the reader, or kept private; a private note or feeling.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use chrono::NaiveDate;

use super::{Shown, Withheld, Words};
use crate::domain::dates;
use crate::domain::exchange::{
    ApologyRecord, CheckinRecord, Document, ExerciseRecord, FeelingRecord, FocusRecord,
    MeetingRecord, NoteRecord, OutcomeRecord, PromiseRecord, ResponseRecord,
};
use crate::domain::model::Role;
use crate::text::sanitize;
use crate::views::checkin::{sealed_words, wrote_privately};

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
    exercises: Vec<usize>,
    notes: Vec<usize>,
}

fn long_date(date: &str) -> String {
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map(dates::in_words)
        .unwrap_or_else(|_| inline(date))
}

/// Writes the whole document. `today` dates the title page.
/// Steps are named by number and title, prompts by their text (the id when unknown).
/// `withheld` says which check-ins' words are sealed for the reader.
pub fn write(
    doc: &Document,
    words: &Words<'_>,
    withheld: &Withheld,
    today: NaiveDate,
    mut out: impl Write,
) -> io::Result<()> {
    let journal = Journal::new(doc, words, withheld);
    journal.title(&mut out, today)?;
    let days = journal.days();
    if days.is_empty() {
        writeln!(out)?;
        writeln!(out, "Nothing has been written in the journal yet.")?;
        return Ok(());
    }
    for (date, items) in &days {
        journal.day(&mut out, date, items)?;
    }
    Ok(())
}

/// The document with what its records point at, looked up once: names by uuid, the feelings
/// of each check-in, apologies and promises by uuid.
struct Journal<'a> {
    doc: &'a Document,
    words: &'a Words<'a>,
    withheld: &'a Withheld,
    names: HashMap<&'a str, String>,
    named: HashMap<&'a str, Vec<&'a FeelingRecord>>,
    apologies: HashMap<&'a str, &'a ApologyRecord>,
    promises: HashMap<&'a str, &'a PromiseRecord>,
}

impl<'a> Journal<'a> {
    fn new(doc: &'a Document, words: &'a Words<'a>, withheld: &'a Withheld) -> Journal<'a> {
        Journal {
            doc,
            words,
            withheld,
            names: doc
                .partners
                .iter()
                .map(|p| (p.uuid.as_str(), inline(&p.name)))
                .collect(),
            named: doc.feelings_by_checkin(),
            apologies: doc.apologies.iter().map(|a| (a.uuid.as_str(), a)).collect(),
            promises: doc.promises.iter().map(|p| (p.uuid.as_str(), p)).collect(),
        }
    }

    fn step_words(&self, id: &str) -> String {
        inline(&self.words.step_words(id))
    }

    fn name(&self, uuid: &str) -> String {
        self.names
            .get(uuid)
            .cloned()
            .unwrap_or_else(|| "someone no longer in the journal".to_string())
    }

    fn promise_text(&self, uuid: &str) -> String {
        self.promises
            .get(uuid)
            .map(|p| format!("“{}”", inline(&p.text)))
            .unwrap_or_else(|| "a promise".to_string())
    }

    /// The title, the date it was written out, and the two of you.
    fn title(&self, out: &mut dyn Write, today: NaiveDate) -> io::Result<()> {
        let couple: Vec<String> = self.doc.partners.iter().map(|p| inline(&p.name)).collect();
        match couple.as_slice() {
            [a, b] => writeln!(out, "# {a} and {b}: our journal")?,
            _ => writeln!(out, "# Our journal")?,
        }
        writeln!(out)?;
        writeln!(
            out,
            "Written out by rekindle on {}. It holds what you both wrote that its reader may read (private words, and words still sealed for the reader, are left out), so keep it somewhere as private as the journal itself.",
            dates::in_words(today)
        )?;
        writeln!(out)?;
        for p in &self.doc.partners {
            let role = p
                .role
                .parse::<Role>()
                .map(Role::describe)
                .unwrap_or("mutual");
            writeln!(out, "- **{}**, {role}", inline(&p.name))?;
        }
        Ok(())
    }

    /// Every record by its date, oldest day first (a check-in's feelings go with it).
    fn days(&self) -> BTreeMap<&'a str, Day> {
        let doc = self.doc;
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
        for (i, r) in doc.exercises.iter().enumerate() {
            days.entry(r.date.as_str()).or_default().exercises.push(i);
        }
        // A private note has no words to print, but says that it is there.
        for (i, r) in doc.notes.iter().enumerate() {
            if r.private || r.text.is_some() {
                days.entry(r.date.as_str()).or_default().notes.push(i);
            }
        }
        days
    }

    /// One day: its heading, then its records kind by kind.
    fn day(&self, out: &mut dyn Write, date: &str, items: &Day) -> io::Result<()> {
        let doc = self.doc;
        writeln!(out)?;
        writeln!(out, "## {}", long_date(date))?;
        for &i in &items.focus {
            self.focus(out, &doc.focus[i])?;
        }
        for &i in &items.checkins {
            self.checkin(out, &doc.checkins[i])?;
        }
        headed(out, "Feelings", &items.feelings, &doc.feelings, |out, f| {
            self.feeling(out, f)
        })?;
        headed(
            out,
            "Promises made",
            &items.promises,
            &doc.promises,
            |out, p| self.promise(out, p),
        )?;
        headed(
            out,
            "Promises kept and missed",
            &items.outcomes,
            &doc.outcomes,
            |out, o| self.outcome(out, o),
        )?;
        for &i in &items.apologies {
            self.apology(out, &doc.apologies[i])?;
        }
        for &i in &items.responses {
            self.response(out, &doc.responses[i])?;
        }
        for &i in &items.meetings {
            self.meeting(out, &doc.meetings[i])?;
        }
        for &i in &items.exercises {
            self.exercise(out, &doc.exercises[i])?;
        }
        for &i in &items.notes {
            self.note(out, &doc.notes[i])?;
        }
        Ok(())
    }

    fn note(&self, out: &mut dyn Write, n: &NoteRecord) -> io::Result<()> {
        writeln!(out)?;
        let who = self.name(&n.partner_uuid);
        writeln!(out, "### {who}’s note")?;
        if n.private {
            writeln!(out)?;
            return writeln!(out, "{who} wrote a private note.");
        }
        if let Some(text) = n.text.as_deref().filter(|t| !t.trim().is_empty()) {
            writeln!(out)?;
            write!(out, "{}", quote(text))?;
        }
        Ok(())
    }

    fn focus(&self, out: &mut dyn Write, f: &FocusRecord) -> io::Result<()> {
        writeln!(out)?;
        match &f.partner_uuid {
            Some(p) => writeln!(
                out,
                "Your focus became {} (chosen by {}).",
                self.step_words(&f.step),
                self.name(p)
            ),
            None => writeln!(out, "Your focus became {}.", self.step_words(&f.step)),
        }
    }

    fn checkin(&self, out: &mut dyn Write, c: &CheckinRecord) -> io::Result<()> {
        writeln!(out)?;
        writeln!(out, "### {}’s check-in", self.name(&c.partner_uuid))?;
        writeln!(out)?;
        match c.connection {
            Some(n) => writeln!(out, "- Trust {} of 10, connection {n} of 10", c.trust)?,
            None => writeln!(out, "- Trust {} of 10", c.trust)?,
        }
        let feelings: Vec<String> = self
            .named
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
        writeln!(out, "- Working on {}", self.step_words(&c.step))?;
        if let Some(prompt) = &c.prompt_id {
            writeln!(out, "- Prompt: {}", inline(&self.words.prompt_text(prompt)))?;
        }
        let who = self.name(&c.partner_uuid);
        match self.withheld.of(c) {
            Shown::Private => {
                writeln!(out)?;
                writeln!(out, "{}.", wrote_privately(&who))
            }
            Shown::Sealed => {
                writeln!(out)?;
                writeln!(out, "{}.", sealed_words(&who, self.withheld.reader_named))
            }
            Shown::Shared => {
                section(out, "Answer", &c.answer)?;
                section(out, "Appreciation", &c.appreciation)?;
                section(out, "What I need", &c.need)?;
                section(out, "Note", &c.note)
            }
        }
    }

    fn feeling(&self, out: &mut dyn Write, f: &FeelingRecord) -> io::Result<()> {
        if f.private {
            return writeln!(
                out,
                "- {} noted a private feeling",
                self.name(&f.partner_uuid)
            );
        }
        let strength = f
            .intensity
            .map(|n| format!(" ({n} of 5)"))
            .unwrap_or_default();
        let note = after_colon(&f.note);
        writeln!(
            out,
            "- {} felt {}{strength}{note}",
            self.name(&f.partner_uuid),
            inline(&f.word)
        )
    }

    fn promise(&self, out: &mut dyn Write, p: &PromiseRecord) -> io::Result<()> {
        let to = p
            .to_uuid
            .as_deref()
            .map(|t| format!(" to {}", self.name(t)))
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
            self.name(&p.by_uuid),
            inline(&p.text),
            p.status
        )
    }

    fn outcome(&self, out: &mut dyn Write, o: &OutcomeRecord) -> io::Result<()> {
        let maker = self
            .promises
            .get(o.promise_uuid.as_str())
            .map(|p| self.name(&p.by_uuid))
            .unwrap_or_else(|| "Someone".to_string());
        let verb = match o.result.as_str() {
            "kept" => "kept",
            "missed" => "missed",
            _ => "was excused from",
        };
        let note = after_colon(&o.note);
        writeln!(
            out,
            "- {maker} {verb} {} (noted by {}){note}",
            self.promise_text(&o.promise_uuid),
            self.name(&o.recorded_by_uuid)
        )
    }

    fn apology(&self, out: &mut dyn Write, a: &ApologyRecord) -> io::Result<()> {
        writeln!(out)?;
        writeln!(
            out,
            "### An apology from {} to {}",
            self.name(&a.by_uuid),
            self.name(&a.to_uuid)
        )?;
        section(out, "What happened", &Some(a.what.clone()))?;
        section(out, "How it affected you", &a.impact)?;
        section(
            out,
            "The part I take responsibility for",
            &Some(a.responsibility.clone()),
        )?;
        section(out, "What will change", &a.change)?;
        if let Some(p) = &a.promise_uuid {
            writeln!(out)?;
            writeln!(out, "Linked to the promise {}.", self.promise_text(p))?;
        }
        Ok(())
    }

    fn response(&self, out: &mut dyn Write, r: &ResponseRecord) -> io::Result<()> {
        let apology = self.apologies.get(r.apology_uuid.as_str());
        let of = apology
            .map(|a| format!(" of {}", long_date(&a.date)))
            .unwrap_or_default();
        let answer = match r.status.as_str() {
            "accepted" => "accepted it",
            "need-time" => "needs more time",
            _ => "did not accept it",
        };
        let author = apology
            .map(|a| format!("{}’s", self.name(&a.by_uuid)))
            .unwrap_or_else(|| "an".to_string());
        writeln!(out)?;
        writeln!(
            out,
            "### {} answered {author} apology{of}",
            self.name(&r.by_uuid)
        )?;
        writeln!(out)?;
        writeln!(out, "{} {answer}.", self.name(&r.by_uuid))?;
        section(out, "Note", &r.note)
    }

    fn meeting(&self, out: &mut dyn Write, m: &MeetingRecord) -> io::Result<()> {
        writeln!(out)?;
        writeln!(out, "### Our meeting together")?;
        section(out, "What went well", &m.went_well)?;
        section(out, "One thing to work on", &m.work_on)?;
        for part in &m.parts {
            let who = self.name(&part.partner_uuid);
            section(out, &format!("{who}’s appreciation"), &part.appreciation)?;
            section(
                out,
                &format!("What {who} asked for this week"),
                &part.request,
            )?;
            if let Some(p) = &part.promise_uuid {
                writeln!(out)?;
                writeln!(out, "It became the promise {}.", self.promise_text(p))?;
            }
        }
        Ok(())
    }

    fn exercise(&self, out: &mut dyn Write, e: &ExerciseRecord) -> io::Result<()> {
        use crate::domain::exercise::Exercise;
        let Ok(exercise) = e.exercise.parse::<Exercise>() else {
            return Ok(());
        };
        let who = self.name(&e.partner_uuid);
        writeln!(out)?;
        let heading = match exercise {
            Exercise::Incident => format!("{who} talked a hard moment through"),
            Exercise::Trigger => format!("{who} added to the trigger plan"),
            Exercise::Request => format!("{who} asked for something that would help"),
        };
        writeln!(out, "### {heading}")?;
        let value = serde_json::to_value(e).unwrap_or_default();
        for part in exercise.parts() {
            let text = value
                .get(part.field)
                .and_then(|v| v.as_str())
                .map(str::to_string);
            section(out, part.label, &text)?;
        }
        if let Some(p) = &e.promise_uuid {
            writeln!(out)?;
            writeln!(out, "It became the promise {}.", self.promise_text(p))?;
        }
        Ok(())
    }
}

/// A short note at the end of a line: ": the note", or nothing for a blank one.
fn after_colon(note: &Option<String>) -> String {
    note.as_deref()
        .filter(|n| !n.trim().is_empty())
        .map(|n| format!(": {}", inline(n)))
        .unwrap_or_default()
}

/// One list under a heading, a line for each record of `records` at `indexes`; nothing when
/// there are none.
fn headed<T>(
    out: &mut dyn Write,
    heading: &str,
    indexes: &[usize],
    records: &[T],
    line: impl Fn(&mut dyn Write, &T) -> io::Result<()>,
) -> io::Result<()> {
    if indexes.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "### {heading}")?;
    writeln!(out)?;
    for &i in indexes {
        line(out, &records[i])?;
    }
    Ok(())
}

/// A labelled piece of user text, as a quote under a bold label; nothing for blank text.
fn section(out: &mut dyn Write, label: &str, text: &Option<String>) -> io::Result<()> {
    if let Some(text) = text.as_deref().filter(|t| !t.trim().is_empty()) {
        writeln!(out)?;
        writeln!(out, "**{label}**")?;
        writeln!(out)?;
        write!(out, "{}", quote(text))?;
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
