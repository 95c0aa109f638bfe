//! `rekindle focus`: show the couple's current step, or move to another one.

use std::io::Write as _;

use serde::Serialize;

use crate::commands::checkin::{load_journey, parse_step};
use crate::context::{Context, find_partner};
use crate::dates;
use crate::journey::StepGuide;
use crate::model::Step;
use crate::records;
use crate::sanitize;
use crate::store;
use crate::ui;

/// Show the step you are focusing on, or change it: `rekindle focus communication`.
///
/// The focus chooses the prompts you are asked in check-ins. Each change is kept with its
/// date, so progress can show how long you spent on each step. Steps can be named by id or
/// number (1 to 8); `rekindle steps` lists them.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The step to focus on from today, by id or number
    #[arg(value_name = "STEP", allow_hyphen_values = true)]
    pub step: Option<String>,
}

#[derive(Serialize)]
struct Current<'a> {
    step: Step,
    title: &'a str,
    summary: &'a str,
    since: Option<chrono::NaiveDate>,
    days: Option<i64>,
    practices: &'a [crate::journey::Practice],
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let wanted = args
        .step
        .as_deref()
        .map(|s| parse_step("focus", s))
        .transpose()?;
    let mut store = ctx.open()?;
    let current = store::focus::current(store.conn())?;
    let journey = load_journey();
    let Some(step) = wanted else {
        let step = current.as_ref().map(|c| c.step).unwrap_or_default();
        let since = current.as_ref().map(|c| c.date);
        let guide = journey.step(step);
        let days = since.map(|s| dates::day_of_step(s, ctx.today));
        if ctx.json {
            return ctx.print_json(&Current {
                step,
                title: &guide.title,
                summary: &guide.summary,
                since,
                days,
                practices: &guide.practices,
            });
        }
        let mut out = ctx.out();
        let since_words = match since {
            Some(s) => format!(", since {}", dates::in_words(s)),
            None => String::new(),
        };
        writeln!(
            out,
            "Your focus is step {} of 8, {}{since_words}.",
            step.number(),
            sanitize::line(&guide.title)
        )?;
        describe(&mut out, guide)?;
        return Ok(());
    };
    // Whoever changes the focus is recorded when known; the focus belongs to both of you, so
    // it is never asked for.
    let partners = store::partners::all(store.conn())?;
    let partner = match ctx.as_name() {
        Some(name) => Some(find_partner(&partners, name)?.clone()),
        None => None,
    };
    let guide = journey.step(step);
    if current.as_ref().is_some_and(|c| c.step == step) {
        if ctx.json {
            let record = current
                .as_ref()
                .map(|c| records::focus_record(c, None, &guide.title));
            return ctx.print_json(&record);
        }
        writeln!(
            ctx.out(),
            "Your focus is already step {} of 8, {}; nothing changed.",
            step.number(),
            sanitize::line(&guide.title)
        )?;
        return Ok(());
    }
    let today = ctx.today;
    let change = store.write(|tx| {
        Ok(store::focus::record(
            tx,
            step,
            today,
            partner.as_ref().map(|p| p.id),
        )?)
    })?;
    if ctx.json {
        return ctx.print_json(&records::focus_record(
            &change,
            partner.as_ref().map(|p| p.name.as_str()),
            &guide.title,
        ));
    }
    let mut out = ctx.out();
    writeln!(
        out,
        "Your focus is now step {} of 8, {}, from {}.",
        step.number(),
        sanitize::line(&guide.title),
        dates::in_words(today)
    )?;
    describe(&mut out, guide)?;
    Ok(())
}

fn describe(out: &mut impl std::io::Write, guide: &StepGuide) -> anyhow::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}", ui::paragraph(&sanitize::line(&guide.summary), 2))?;
    if let Some(note) = guide.note() {
        writeln!(out)?;
        writeln!(out, "{}", ui::paragraph(note, 2))?;
    }
    if !guide.practices.is_empty() {
        writeln!(out)?;
        writeln!(out, "Small things to try:")?;
        for practice in &guide.practices {
            let text = format!("- {}", sanitize::line(&practice.text));
            let wrapped = ui::paragraph(&text, 2);
            // Hang the wrapped lines under the text, not under the dash.
            writeln!(out, "{}", wrapped.replace("\n  ", "\n    "))?;
        }
    }
    Ok(())
}
