//! `rekindle history`: everything you have written, newest first.

use std::io::{self, Write};

use chrono::NaiveDate;

use crate::bail_user;
use crate::commands::context::{Context, find_partner};
use crate::domain::dates::{self, in_words};
use crate::domain::error::UserError;
use crate::domain::history::{self, Kind};
use crate::domain::journey::Journey;
use crate::domain::recurrence::Rule;
use crate::records::{FeelingRecord, Record};
use crate::store;
use crate::store::promises::OutcomeKind;
use crate::text::prose;
use crate::text::sanitize;

/// Read back what you have written: check-ins, feelings, promises and how they went,
/// apologies and answers, focus changes and your times together, newest first.
///
/// With --as NAME, only that partner's entries (and the ones you share: focus changes and
/// times together). A name set in REKINDLE_AS does not filter: history shows you both unless
/// you ask.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only entries on or after this day
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Only entries on or before this day
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// Only this kind: checkin, feeling, promise, outcome, apology, response, focus or meeting
    /// (repeat it, or separate with commas, for several)
    #[arg(long, value_name = "KIND", value_delimiter = ',')]
    pub kind: Vec<String>,

    /// Only entries whose words match (every word must appear; endings are ignored, so
    /// "walk" finds "walked")
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub search: Option<String>,

    /// How many entries to show, at most
    #[arg(long, value_name = "N", default_value_t = 20, allow_hyphen_values = true,
          value_parser = crate::commands::common::WholeNumber::new(1, 1_000_000))]
    pub limit: u32,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let since = match &args.since {
        Some(text) => ctx.date("--since", text)?,
        None => dates::EARLIEST,
    };
    let until = match &args.until {
        Some(text) => ctx.date("--until", text)?,
        None => dates::LATEST,
    };
    if since > until {
        bail_user!(
            "--since ({}) is after --until ({}); nothing could match",
            since,
            until
        );
    }
    let mut kinds = Vec::new();
    for text in &args.kind {
        let kind: Kind = text.parse().map_err(UserError::new)?;
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    if kinds.is_empty() {
        kinds = Kind::ALL.to_vec();
    }
    if let Some(text) = &args.search
        && text.trim().is_empty()
    {
        bail_user!(
            "--search {:?} needs some text to look for, e.g. --search walk; leave --search out \
             to see every entry",
            sanitize::line(text)
        );
    }
    let store = ctx.open()?;
    let partner = match ctx.as_flag() {
        Some(name) => {
            let partners = store::partners::all(store.conn())?;
            Some(find_partner(&partners, name)?.id)
        }
        None => None,
    };
    let search = match &args.search {
        Some(text) => match history::search_query(text) {
            Some(query) => Some(query),
            // Blank text was refused above; nothing else leaves no query.
            None => return show(ctx, &[], None),
        },
        None => None,
    };
    let filter = store::history::Filter {
        since,
        until,
        kinds,
        partner,
        search,
        limit: args.limit as usize,
    };
    let refs = store::history::find(store.conn(), &filter)?;
    let records = store::history::load(store.conn(), &refs)?;
    let journey = (!ctx.json).then(|| ctx.journey());
    show(ctx, &records, journey.as_ref())
}

fn show(ctx: &Context, records: &[Record], journey: Option<&Journey>) -> anyhow::Result<()> {
    if ctx.json {
        return ctx.print_json(records);
    }
    let mut out = io::BufWriter::new(ctx.out());
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
                            && f.created_at == first.created_at =>
                    {
                        Some(f)
                    }
                    _ => None,
                })
                .collect();
            feelings(&mut out, &run)?;
            i += run.len();
            continue;
        }
        render(&mut out, record, journey)?;
        i += 1;
    }
    out.flush()?;
    Ok(())
}

/// A labelled piece of the person's own text, indented under its entry.
fn text(out: &mut dyn Write, label: &str, value: Option<&str>) -> io::Result<()> {
    let Some(value) = value else {
        return Ok(());
    };
    let body = sanitize::block(value);
    let mut lines = body.lines();
    let first = lines.next().unwrap_or("");
    writeln!(out, "{}", prose::paragraph(&format!("{label}: {first}"), 6))?;
    for line in lines {
        writeln!(out, "{}", prose::paragraph(line, 8))?;
    }
    Ok(())
}

/// One `feel` entry (newest word first, as the timeline lists them): its words on one line
/// in the order they were given, then its note.
fn feelings(out: &mut dyn Write, run: &[&FeelingRecord]) -> io::Result<()> {
    let Some(first) = run.first() else {
        return Ok(());
    };
    let words: Vec<String> = run
        .iter()
        .rev()
        .map(|f| match f.intensity {
            Some(n) => format!("{} ({n})", sanitize::line(&f.word)),
            None => sanitize::line(&f.word).into_owned(),
        })
        .collect();
    writeln!(
        out,
        "  {} felt {}",
        sanitize::line(&first.partner),
        words.join(", ")
    )?;
    text(out, "Note", first.note.as_deref())
}

fn quoted(text: &str) -> String {
    format!("\u{201c}{}\u{201d}", sanitize::line(text))
}

fn render(out: &mut dyn Write, record: &Record, journey: Option<&Journey>) -> io::Result<()> {
    let name = |n: &str| sanitize::line(n).into_owned();
    match record {
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
                        Some(n) => format!("{} ({n})", sanitize::line(&f.word)),
                        None => sanitize::line(&f.word).into_owned(),
                    })
                    .collect();
                line.push_str(&format!("; feeling {}", words.join(", ")));
            }
            writeln!(out, "{line}")?;
            if c.answer.is_some() {
                let prompt = c
                    .prompt_id
                    .as_deref()
                    .and_then(|id| journey.and_then(|j| j.find_prompt(id)))
                    .map(|p| p.text.as_str());
                text(out, "Prompt", prompt)?;
            }
            text(out, "Answer", c.answer.as_deref())?;
            text(out, "Appreciates", c.appreciation.as_deref())?;
            text(out, "Needs", c.need.as_deref())?;
            text(out, "Note", c.note.as_deref())?;
        }
        Record::Feeling(f) => feelings(out, &[f])?,
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
                "  {} promised{to} {}{when} (promise {}, {})",
                name(&p.partner),
                quoted(&p.text),
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
                "  {} {verb} promise {} {}{recorded}",
                name(&o.partner),
                o.promise_id,
                quoted(&o.promise),
            )?;
            text(out, "Note", o.note.as_deref())?;
        }
        Record::Apology(a) => {
            writeln!(
                out,
                "  {} apologised to {} (apology {})",
                name(&a.partner),
                name(&a.to),
                a.id
            )?;
            text(out, "What happened", Some(&a.what))?;
            text(
                out,
                &format!("How it affected {}", name(&a.to)),
                a.impact.as_deref(),
            )?;
            text(out, "Responsibility", Some(&a.responsibility))?;
            text(out, "What will change", a.change.as_deref())?;
        }
        Record::Response(r) => {
            writeln!(
                out,
                "  {} answered apology {}: {}",
                name(&r.partner),
                r.apology_id,
                r.status.describe()
            )?;
            text(out, "Note", r.note.as_deref())?;
        }
        Record::Focus(f) => {
            let by = f
                .partner
                .as_deref()
                .map_or(String::new(), |p| format!(" ({})", name(p)));
            writeln!(
                out,
                "  Focus moved to step {}, {}{by}",
                f.step.number(),
                f.title
            )?;
        }
        Record::Meeting(m) => {
            writeln!(out, "  Your time together")?;
            for part in &m.partners {
                text(
                    out,
                    &format!("{} appreciates", name(&part.partner)),
                    part.appreciation.as_deref(),
                )?;
            }
            text(out, "Went well", m.went_well.as_deref())?;
            text(out, "To work on", m.work_on.as_deref())?;
            for part in &m.partners {
                let asked = part.request.as_deref().map(|r| match part.promise_id {
                    Some(id) => format!("{} (promise {id})", r),
                    None => r.to_string(),
                });
                text(
                    out,
                    &format!("{} asked for", name(&part.partner)),
                    asked.as_deref(),
                )?;
            }
        }
    }
    Ok(())
}
