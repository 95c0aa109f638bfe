//! `rekindle apology add`: writing an apology. In a terminal the guided flow
//! (`flows::apology`) asks for each missing part; without one, the flags are the whole
//! apology.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use clap::Args as ClapArgs;

use crate::bail_user;
use crate::commands::common::other_partner;
use crate::commands::context::Context;
use crate::domain::apology_check;
use crate::domain::dates;
use crate::domain::error::UserError;
use crate::domain::input::{OPTIONAL, nonblank};
use crate::domain::recurrence::Rule;
use crate::flows::apology::{Parts, guided_parts};
use crate::store::apologies::{self, NewApology};
use crate::store::promises::{self, NewPromise, Promise};
use crate::text::prose;
use crate::text::sanitize;
use crate::views::Output;
use crate::views::apology::{finding_block, missing_block};
use crate::views::json::{self, ApologyRecord, Names};

#[derive(Debug, ClapArgs)]
pub struct AddArgs {
    /// What happened: what you did, plainly
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub what: Option<String>,

    /// How you think it affected your partner
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub impact: Option<String>,

    /// What you take responsibility for, in your own words
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub responsibility: Option<String>,

    /// What you will do differently
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub change: Option<String>,

    /// Also make the change a promise to your partner, to keep and record like any other
    #[arg(long)]
    pub promise: bool,

    /// With --promise: how often (day, weekday, week, or days such as mon,thu) [default: once]
    #[arg(long, value_name = "WHEN")]
    pub every: Option<String>,

    /// The day of the apology [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,

    /// Save it even when the apology check finds something in it (without this, an apology
    /// given with flags is checked first, and not saved when the check has findings)
    #[arg(long)]
    pub as_written: bool,
}

fn from_flags(args: &AddArgs) -> Result<Parts, UserError> {
    let part = |flag: &str, value: &Option<String>| -> Result<Option<String>, UserError> {
        match value {
            Some(text) => Ok(Some(nonblank(flag, text, OPTIONAL)?.to_string())),
            None => Ok(None),
        }
    };
    let every: Option<Rule> = match &args.every {
        Some(value) => Some(value.parse().map_err(UserError::new)?),
        None => None,
    };
    // Checked here rather than with clap's `requires`, whose refusal calls --promise a
    // "required argument" when it is only needed alongside --every.
    if let (Some(rule), false) = (every, args.promise) {
        return Err(UserError::new(format!(
            "--every {rule} says how often your change repeats as a promise; add --promise, or leave --every out"
        )));
    }
    Ok(Parts {
        what: part("--what", &args.what)?,
        impact: part("--impact", &args.impact)?,
        responsibility: part("--responsibility", &args.responsibility)?,
        change: part("--change", &args.change)?,
        promise: args.promise.then_some(every),
    })
}

pub fn run(ctx: &mut Context, args: AddArgs) -> anyhow::Result<()> {
    let parts = from_flags(&args)?;
    let date = match &args.date {
        Some(value) => ctx.past_date("--date", value, "an apology")?,
        None => ctx.today,
    };
    let mut store = ctx.open()?;
    let me = ctx.author(&store)?;
    let partners = crate::store::partners::all(store.conn())?;
    let to = other_partner(&partners, &me)?.clone();
    let asked = !parts.is_complete() && ctx.interactive();
    let parts = match ctx.prompter().filter(|_| asked) {
        Some(prompter) => match guided_parts(prompter, parts, &sanitize::line(&to.name))? {
            Some(gathered) => gathered,
            None => {
                writeln!(ctx.out(), "Nothing was saved.")?;
                return Ok(());
            }
        },
        None => parts,
    };
    let apology = Apology::from_parts(&parts)?;
    // What the apology check makes of the words, all parts together. Given as flags, they
    // are checked before anything is saved: an apology that lands badly cannot be taken back
    // from the other partner's eyes (the guided flow shows the findings before asking to save).
    let check = apology_check::check_parts(&parts.text());
    if !asked && !args.as_written && !check.findings.is_empty() {
        ctx.emit(&Held {
            saved: false,
            check: &check,
            to: &to.name,
        })?;
        bail_user!(
            "the apology check found {} in these words, so nothing was saved; change them, or add --as-written to save them as they are",
            prose::count(check.findings.len() as i64, "thing", "things")
        );
    }
    if crate::domain::safety::calls_for_card_in_words(&parts.text()) {
        ctx.show_safety_card(crate::commands::context::CardReason::Written);
    }
    let clock = store.clock();
    let (saved, promise) = store.write(|tx| {
        let stamp = crate::store::clock::stamp(tx, &clock, Some(me.id))?;
        save(tx, &stamp, &apology, me.id, to.id, date)
    })?;
    ctx.emit(&Saved {
        record: json::apology(&saved, &Names::new(&partners)),
        check,
        promise,
        asked,
    })
}

/// An apology the check held back: what it found, and that nothing was saved.
#[derive(Serialize)]
struct Held<'a> {
    saved: bool,
    check: &'a apology_check::Report,
    #[serde(skip)]
    to: &'a str,
}

impl Output for Held<'_> {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(
            out,
            "The apology check noticed something you may want to change before {} reads it:",
            sanitize::line(self.to)
        )?;
        for f in &self.check.findings {
            writeln!(out, "{}", finding_block(f))?;
        }
        if !self.check.missing.is_empty() {
            writeln!(out)?;
            writeln!(out, "{}", missing_block(&self.check.missing))?;
        }
        Ok(())
    }
}

/// An apology ready to save: the parts it cannot do without are there.
struct Apology<'a> {
    what: &'a str,
    impact: Option<&'a str>,
    responsibility: &'a str,
    change: Option<&'a str>,
    promise: Option<Option<Rule>>,
}

impl<'a> Apology<'a> {
    fn from_parts(parts: &'a Parts) -> anyhow::Result<Apology<'a>> {
        let missing: Vec<&str> = [
            ("--what", parts.what.is_none()),
            ("--responsibility", parts.responsibility.is_none()),
        ]
        .into_iter()
        .filter(|(_, absent)| *absent)
        .map(|(flag, _)| flag)
        .collect();
        if !missing.is_empty() {
            bail_user!(
                "apology add needs {} when there is no terminal to ask in (--impact and --change are welcome too)",
                missing.join(" and ")
            );
        }
        let (Some(what), Some(responsibility)) = (&parts.what, &parts.responsibility) else {
            bail_user!("apology add needs --what and --responsibility");
        };
        if parts.promise.is_some() && parts.change.is_none() {
            bail_user!("--promise turns your --change into a promise; pass --change too");
        }
        Ok(Apology {
            what,
            impact: parts.impact.as_deref(),
            responsibility,
            change: parts.change.as_deref(),
            promise: parts.promise,
        })
    }
}

/// Saves the apology, and its change as a promise when asked to, in one transaction.
fn save(
    tx: &rusqlite::Connection,
    stamp: &crate::store::clock::Stamp,
    apology: &Apology<'_>,
    by: i64,
    to: i64,
    date: NaiveDate,
) -> anyhow::Result<(apologies::Apology, Option<Promise>)> {
    let promise = match (apology.promise, apology.change) {
        (Some(every), Some(change)) => Some(promises::insert(
            tx,
            stamp,
            &NewPromise {
                by_id: by,
                to_id: Some(to),
                from: date,
                text: change,
                due: None,
                every,
            },
        )?),
        _ => None,
    };
    let saved = apologies::insert(
        tx,
        stamp,
        &NewApology {
            by_id: by,
            to_id: to,
            date,
            what: apology.what,
            impact: apology.impact,
            responsibility: apology.responsibility,
            change: apology.change,
            promise_id: promise.as_ref().map(|p| p.id),
        },
    )?;
    Ok((saved, promise))
}

/// The apology as saved: its record as `history` shows it, plus the check's findings as
/// `apology check --json` gives them (fields may be added to a record, docs/contract.md).
#[derive(Serialize)]
struct Saved {
    #[serde(flatten)]
    record: ApologyRecord,
    check: apology_check::Report,
    #[serde(skip)]
    promise: Option<Promise>,
    /// The guided flow asked for the parts, and showed the check's findings as it went.
    #[serde(skip)]
    asked: bool,
}

impl Output for Saved {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let record = &self.record;
        let to = sanitize::line(&record.to);
        writeln!(
            out,
            "Saved {}'s apology to {to}, number {}, for {}.",
            sanitize::line(&record.partner),
            record.id,
            dates::in_words(record.date)
        )?;
        if let Some(p) = &self.promise {
            let how = p
                .every
                .map(|r| r.describe(p.from))
                .unwrap_or_else(|| "once".into());
            writeln!(
                out,
                "Your change is now promise {} ({how}); record it with: rekindle promise keep {}",
                p.id, p.id
            )?;
        }
        let answer_hint = format!(
            "{to} can answer whenever they are ready: rekindle apology respond {} --accept (or \
             --need-time, or --decline)",
            record.id
        );
        writeln!(out, "{}", prose::paragraph(&answer_hint, 0))?;
        if self.asked {
            return Ok(());
        }
        if !self.check.findings.is_empty() {
            writeln!(out)?;
            writeln!(
                out,
                "The apology check noticed something you may want to talk through with {to}:"
            )?;
            for f in &self.check.findings {
                writeln!(out, "{}", finding_block(f))?;
            }
        }
        // The guided flow showed this before asking to save.
        if !self.check.missing.is_empty() {
            writeln!(out)?;
            writeln!(out, "{}", missing_block(&self.check.missing))?;
        }
        Ok(())
    }
}
