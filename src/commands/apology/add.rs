//! `rekindle apology add`: writing an apology. In a terminal the guided flow
//! (`flows::apology`) asks for each missing part; without one, the flags are the whole
//! apology.

use std::io::Write as _;

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
use crate::store::promises::{self, NewPromise};
use crate::text::prose;
use crate::text::sanitize;
use crate::views::apology::{finding_block, missing_block};
use crate::views::json::{self, Names};

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
    let mut parts = from_flags(&args)?;
    let date = match &args.date {
        Some(value) => ctx.past_date("--date", value, "an apology")?,
        None => ctx.today,
    };
    let mut store = ctx.open()?;
    let me = ctx.acting_partner(&store)?;
    let partners = crate::store::partners::all(store.conn())?;
    let to = other_partner(&partners, &me)?.clone();
    let complete = parts.what.is_some()
        && parts.impact.is_some()
        && parts.responsibility.is_some()
        && parts.change.is_some();
    let asked = !complete && ctx.interactive();
    if asked && let Some(prompter) = ctx.prompter() {
        match guided_parts(prompter, parts, &sanitize::line(&to.name))? {
            Some(gathered) => parts = gathered,
            None => {
                writeln!(ctx.out(), "Nothing was saved.")?;
                return Ok(());
            }
        }
    }
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
    let (apology, promise) = store.write(|tx| {
        let promise = match (&parts.promise, &parts.change) {
            (Some(every), Some(change)) => Some(promises::insert(
                tx,
                &NewPromise {
                    by_id: me.id,
                    to_id: Some(to.id),
                    from: date,
                    text: change,
                    due: None,
                    every: *every,
                },
            )?),
            _ => None,
        };
        let apology = apologies::insert(
            tx,
            &NewApology {
                by_id: me.id,
                to_id: to.id,
                date,
                what,
                impact: parts.impact.as_deref(),
                responsibility,
                change: parts.change.as_deref(),
                promise_id: promise.as_ref().map(|p| p.id),
            },
        )?;
        Ok((apology, promise))
    })?;
    // What the apology check makes of the saved words, all parts together.
    let text = parts.text();
    if ctx.json {
        // The record as `history` shows it, plus the check's findings as `apology check
        // --json` gives them (DESIGN allows added fields).
        let names = Names::new(&partners);
        let mut record = serde_json::to_value(json::apology(&apology, &names))?;
        if let Some(fields) = record.as_object_mut() {
            fields.insert(
                "check".into(),
                serde_json::to_value(apology_check::check(&text))?,
            );
        }
        return ctx.print_json(&record);
    }
    let mut out = ctx.out();
    writeln!(
        out,
        "Saved {}'s apology to {}, number {}, for {}.",
        sanitize::line(&me.name),
        sanitize::line(&to.name),
        apology.id,
        dates::in_words(date)
    )?;
    if let Some(p) = &promise {
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
        "{} can answer whenever they are ready: rekindle apology respond {} --accept (or \
         --need-time, or --decline)",
        sanitize::line(&to.name),
        apology.id
    );
    writeln!(out, "{}", prose::paragraph(&answer_hint, 0))?;
    if !asked {
        let found = apology_check::findings(&text);
        if !found.is_empty() {
            writeln!(out)?;
            writeln!(
                out,
                "The apology check noticed something you may want to talk through with {}:",
                sanitize::line(&to.name)
            )?;
            for f in &found {
                writeln!(out, "{}", finding_block(f))?;
            }
        }
        // The guided flow showed this before asking to save.
        let missing = apology_check::missing(&text);
        if !missing.is_empty() {
            writeln!(out)?;
            writeln!(out, "{}", missing_block(&missing))?;
        }
    }
    Ok(())
}
