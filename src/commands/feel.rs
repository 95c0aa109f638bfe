//! `rekindle feel`: a quick feelings entry, outside a check-in.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use crate::bail_user;
use crate::commands::common::other_name;
use crate::commands::context::{CardReason, Context};
use crate::domain::checkin;
use crate::domain::dates;
use crate::domain::feelings::{self, FeelingEntry, Parsed};
use crate::domain::input::{OPTIONAL, nonblank};
use crate::domain::safety;
use crate::flows;
use crate::store;
use crate::store::feelings::NewFeeling;
use crate::text::sanitize;
use crate::views::Output;
use crate::views::json::{self, FeelingRecord};

/// Note how you feel right now, in a word or a few: `rekindle feel hurt:4 hopeful`.
///
/// Words from `rekindle feelings` count as pleasant, unpleasant or mixed in your progress; any other
/// word is kept exactly as you typed it and counts as neutral. Add :N (1 to 5) for how
/// strong a feeling is. Several may also be given in one word, separated by commas; a feeling of
/// your own may be a few words in quotes ("left out").
#[derive(Debug, clap::Args)]
pub struct Args {
    /// One or more feelings, each WORD or WORD:N with N from 1 (faint) to 5 (overwhelming)
    #[arg(value_name = "WORD[:N]", required = true)]
    pub words: Vec<String>,

    /// A note kept with these feelings
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,

    /// The day you felt this [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let entries = match feelings::parse(&args.words)? {
        Parsed::Words(words) => words,
        Parsed::NoneAtAll => bail_user!(
            "feel needs at least one feeling (got \"none\"); give a word such as hurt or hopeful:4"
        ),
    };
    let date = match &args.date {
        Some(d) => ctx.past_date("--date", d, "a feeling")?,
        None => ctx.today,
    };
    if let Some(note) = &args.note {
        nonblank("--note", note, OPTIONAL)?;
    }
    let note = checkin::text(args.note);
    let mut store = ctx.open()?;
    let partner = ctx.author(&store)?;
    let entries = care(ctx, &store, &partner, entries, note.as_deref())?;
    if entries.is_empty() {
        // Every word was a danger word the partner chose to leave out.
        let mut err = std::io::stderr().lock();
        writeln!(err, "Nothing was saved.")?;
        return Ok(());
    }
    let clock = store.clock();
    let records: Vec<FeelingRecord> = store.write(|tx| {
        // One stamp for the whole entry, so its words read back as one (and `undo` takes
        // them back together).
        let stamp = store::clock::stamp(tx, &clock, Some(partner.id))?;
        let mut written = Vec::new();
        for entry in &entries {
            let feeling = store::feelings::insert(
                tx,
                &stamp,
                &NewFeeling {
                    partner_id: partner.id,
                    checkin_id: None,
                    date,
                    word: &entry.word,
                    intensity: entry.intensity,
                    note: note.as_deref(),
                },
            )?;
            written.push(json::feeling_record(&feeling, &partner.name));
        }
        Ok(written)
    })?;
    ctx.emit(&Saved {
        records,
        partner: &partner.name,
        date,
        entries: &entries,
        note: note.as_deref(),
    })
}

/// The safety card, when the words or the note call for it, and in a terminal the choice to
/// leave each danger word out; the feelings that will be saved.
fn care(
    ctx: &mut Context,
    store: &store::Store,
    partner: &crate::domain::model::Partner,
    entries: Vec<FeelingEntry>,
    note: Option<&str>,
) -> anyhow::Result<Vec<FeelingEntry>> {
    if safety::calls_for_card(&entries, [note]) {
        ctx.show_safety_card(CardReason::Written);
    }
    if !entries.iter().any(|e| safety::is_danger_word(&e.word)) {
        return Ok(entries);
    }
    let other = other_name(store, partner)?;
    match ctx.prompter() {
        Some(p) => flows::care::offer_danger_words(p, entries, &other),
        // Without a terminal the words were given on purpose, as flags: they are saved.
        None => Ok(entries),
    }
}

/// The feelings as saved; the JSON is the list of records.
#[derive(Serialize)]
#[serde(transparent)]
struct Saved<'a> {
    records: Vec<FeelingRecord>,
    #[serde(skip)]
    partner: &'a str,
    #[serde(skip)]
    date: NaiveDate,
    #[serde(skip)]
    entries: &'a [FeelingEntry],
    #[serde(skip)]
    note: Option<&'a str>,
}

impl Output for Saved<'_> {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(
            out,
            "Saved {}'s feelings for {}: {}.",
            sanitize::line(self.partner),
            dates::in_words(self.date),
            checkin::feelings_in_words(self.entries)
        )?;
        if let Some(note) = self.note {
            writeln!(out, "  note: {}", sanitize::line(note))?;
        }
        for line in feelings::near_miss_notes(self.entries) {
            writeln!(out, "  {line}")?;
        }
        Ok(())
    }
}
