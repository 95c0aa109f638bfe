//! `rekindle feel`: a quick feelings entry, outside a check-in.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use crate::bail_user;
use crate::commands::common::{encrypt_to_own_key, other_name, own_key};
use crate::commands::context::{CardReason, Context};
use crate::domain::checkin;
use crate::domain::dates;
use crate::domain::feelings::{self, FeelingEntry, Parsed};
use crate::domain::input::{OPTIONAL, nonblank};
use crate::domain::private::PrivateFeeling;
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

    /// Keep the whole feeling private (word, strength and note): encrypted to your own key,
    /// read only by you with your passphrase, and left out of your shared progress. Your
    /// partner's timeline says only that you noted a private feeling
    #[arg(long)]
    pub private: bool,
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
    if args.private {
        // Said before anything is asked: without a key of one's own nothing can be private.
        own_key(store.conn(), &partner)?;
    }
    let chosen = care(
        ctx,
        &store,
        &partner,
        entries,
        note.as_deref(),
        args.private,
    )?;
    // Each feeling kept private is encrypted, whole, before anything is written.
    let mut sealed = Vec::new();
    for (entry, private) in &chosen {
        let ciphertext = if *private {
            let whole = PrivateFeeling {
                word: entry.word.clone(),
                intensity: entry.intensity,
                note: note.clone(),
            };
            Some(encrypt_to_own_key(
                store.conn(),
                &partner,
                &whole.to_bytes(),
            )?)
        } else {
            None
        };
        sealed.push((entry.clone(), ciphertext));
    }
    let entries: Vec<FeelingEntry> = chosen.iter().map(|(e, _)| e.clone()).collect();
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
        for (entry, ciphertext) in &sealed {
            if let Some(ciphertext) = ciphertext {
                let feeling =
                    store::feelings::insert_private(tx, &stamp, partner.id, date, ciphertext)?;
                written.push(json::feeling_record(&feeling, &partner.name));
                continue;
            }
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
    let private: Vec<FeelingEntry> = sealed
        .iter()
        .filter(|(_, c)| c.is_some())
        .map(|(e, _)| e.clone())
        .collect();
    let shared: Vec<FeelingEntry> = sealed
        .iter()
        .filter(|(_, c)| c.is_none())
        .map(|(e, _)| e.clone())
        .collect();
    ctx.emit(&Saved {
        records,
        partner: &partner.name,
        date,
        entries: &shared,
        private: &private,
        note: note.as_deref(),
    })
}

/// The safety card, when the words or the note call for it, and in a terminal the choice to
/// leave each danger word out, or to keep it private; the feelings that will be saved, each
/// with whether it is private (all of them with `--private`).
fn care(
    ctx: &mut Context,
    store: &store::Store,
    partner: &crate::domain::model::Partner,
    entries: Vec<FeelingEntry>,
    note: Option<&str>,
    private: bool,
) -> anyhow::Result<Vec<(FeelingEntry, bool)>> {
    if safety::calls_for_card(&entries, [note]) {
        ctx.show_safety_card(CardReason::Written);
    }
    let as_given = |entries: Vec<FeelingEntry>| entries.into_iter().map(|e| (e, private)).collect();
    // Already private: nobody else reads it, so there is nothing to ask.
    if private || !entries.iter().any(|e| safety::is_danger_word(&e.word)) {
        return Ok(as_given(entries));
    }
    let other = other_name(store, partner)?;
    // Keeping it private is offered when the partner has a key of their own.
    let can_keep_private = own_key(store.conn(), partner).is_ok();
    match ctx.prompter() {
        Some(p) => flows::care::offer_danger_feelings(p, entries, &other, can_keep_private),
        // Without a terminal the words were given on purpose, as flags: they are saved.
        None => Ok(as_given(entries)),
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
    /// The feelings kept private (only how many is said).
    #[serde(skip)]
    private: &'a [FeelingEntry],
    #[serde(skip)]
    note: Option<&'a str>,
}

impl Output for Saved<'_> {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let name = sanitize::line(self.partner);
        let day = dates::in_words(self.date);
        if !self.entries.is_empty() {
            writeln!(
                out,
                "Saved {name}'s feelings for {day}: {}.",
                checkin::feelings_in_words(self.entries)
            )?;
        }
        if !self.private.is_empty() {
            // The author typed them a moment ago: said back to them, never stored readable.
            // Not said back: what is private is not printed where others may look.
            let (what, it) = match self.private.len() {
                1 => ("a private feeling".to_string(), "it"),
                n => (format!("{n} private feelings"), "them"),
            };
            writeln!(
                out,
                "Saved {what} for {name} on {day}. Only {name} can read {it}, with their passphrase: rekindle history --private --as {}",
                crate::text::prose::shell_word(&name)
            )?;
        }
        if let Some(note) = self.note
            && !self.entries.is_empty()
        {
            writeln!(out, "  note: {}", sanitize::line(note))?;
        }
        for line in feelings::near_miss_notes(self.entries) {
            writeln!(out, "  {line}")?;
        }
        Ok(())
    }
}
