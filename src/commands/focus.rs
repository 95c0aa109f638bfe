//! `rekindle focus`: show the couple's current step, or move to another one.

use std::io::Write;

use chrono::NaiveDate;

use serde::Serialize;

use crate::commands::context::Context;
use crate::domain::dates;
use crate::domain::input::parse_step;
use crate::domain::journey::{Practice, StepGuide};
use crate::domain::model::Step;
use crate::store;
use crate::text::prose;
use crate::text::sanitize;
use crate::views::Output;
use crate::views::json::{self, FocusRecord};

/// Show the step you are focusing on, or change it: `rekindle focus communication`.
///
/// The focus chooses the prompts you are asked in check-ins. Each change is kept with its
/// date, so progress can show how long you spent on each step. Steps can be named by id or
/// number (1 to 8); `rekindle steps` lists them.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The step to focus on from today, by id or number
    #[arg(value_name = "STEP", allow_hyphen_values = true,
          value_parser = crate::commands::common::Offered(crate::commands::common::step_ids))]
    pub step: Option<String>,
}

/// The focus as it stands.
#[derive(Serialize)]
struct Current<'a> {
    step: Step,
    title: &'a str,
    summary: &'a str,
    since: Option<NaiveDate>,
    days: Option<i64>,
    practices: &'a [Practice],
    #[serde(skip)]
    guide: &'a StepGuide,
}

/// A move to a step, or a move asked for to the step already in focus; the JSON is the
/// focus change.
#[derive(Serialize)]
#[serde(transparent)]
struct Moved<'a> {
    change: FocusRecord,
    #[serde(skip)]
    guide: &'a StepGuide,
    /// The focus was on that step already, so nothing was written.
    #[serde(skip)]
    already: bool,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let wanted = args
        .step
        .as_deref()
        .map(|s| parse_step("focus", s))
        .transpose()?;
    let mut store = ctx.open()?;
    let current = store::focus::current(store.conn())?;
    let journey = ctx.journey();
    let Some(step) = wanted else {
        let step = current.as_ref().map(|c| c.step).unwrap_or_default();
        let since = current.as_ref().map(|c| c.date);
        let guide = journey.step(step);
        return ctx.emit(&Current {
            step,
            title: &guide.title,
            summary: &guide.summary,
            since,
            days: since.map(|s| dates::day_of_step(s, ctx.today)),
            practices: &guide.practices,
            guide,
        });
    };
    // Whoever changes the focus is recorded when known; the focus belongs to both of you, so
    // it is never asked for.
    let partner = ctx.named_partner(&store)?;
    let guide = journey.step(step);
    if let Some(current) = current.filter(|c| c.step == step) {
        return ctx.emit(&Moved {
            change: json::focus_record(&current, None, &guide.title),
            guide,
            already: true,
        });
    }
    let today = ctx.today;
    let clock = store.clock();
    let by = partner.as_ref().map(|p| p.id);
    let change = store.write(|tx| {
        let stamp = store::clock::stamp(tx, &clock, by)?;
        Ok(store::focus::record(tx, &stamp, step, today, by, false)?)
    })?;
    ctx.emit(&Moved {
        change: json::focus_record(
            &change,
            partner.as_ref().map(|p| p.name.as_str()),
            &guide.title,
        ),
        guide,
        already: false,
    })
}

impl Output for Current<'_> {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let since_words = match self.since {
            Some(s) => format!(", since {}", dates::in_words(s)),
            None => String::new(),
        };
        writeln!(
            out,
            "Your focus is step {} of 8, {}{since_words}.",
            self.step.number(),
            sanitize::line(self.title)
        )?;
        describe(out, self.guide)
    }
}

impl Output for Moved<'_> {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let (step, title) = (self.change.step, sanitize::line(&self.change.title));
        if self.already {
            writeln!(
                out,
                "Your focus is already step {} of 8, {title}; nothing changed.",
                step.number()
            )?;
            return Ok(());
        }
        writeln!(
            out,
            "Your focus is now step {} of 8, {title}, from {}.",
            step.number(),
            dates::in_words(self.change.date)
        )?;
        describe(out, self.guide)
    }
}

fn describe(out: &mut dyn Write, guide: &StepGuide) -> anyhow::Result<()> {
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        prose::paragraph(&sanitize::line(&guide.summary), 2)
    )?;
    if let Some(note) = guide.note() {
        writeln!(out)?;
        writeln!(out, "{}", prose::paragraph(note, 2))?;
    }
    if !guide.practices.is_empty() {
        writeln!(out)?;
        writeln!(out, "Small things to try:")?;
        for practice in &guide.practices {
            let text = format!("- {}", sanitize::line(&practice.text));
            let wrapped = prose::paragraph(&text, 2);
            // Hang the wrapped lines under the text, not under the dash.
            writeln!(out, "{}", wrapped.replace("\n  ", "\n    "))?;
        }
    }
    Ok(())
}
