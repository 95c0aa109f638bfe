//! `rekindle steps`: the eight steps of the journey, with the couple's current focus.

use std::io::Write as _;

use serde::Serialize;

use crate::commands::context::Context;
use crate::domain::model::Step;
use crate::text::prose;
use crate::text::sanitize;

/// Show the eight steps of the journey and which one you are focusing on.
///
/// Change the focus with `rekindle focus STEP`.
#[derive(Debug, clap::Args)]
pub struct Args {}

#[derive(Serialize)]
struct Entry<'a> {
    id: Step,
    title: &'a str,
    summary: &'a str,
    current: bool,
}

pub fn run(ctx: &mut Context, _args: Args) -> anyhow::Result<()> {
    let store = ctx.open()?;
    let focus = crate::store::focus::current_step(store.conn())?;
    let journey = ctx.journey();
    if ctx.json {
        let entries: Vec<Entry<'_>> = journey
            .steps()
            .iter()
            .map(|g| Entry {
                id: g.step,
                title: &g.title,
                summary: &g.summary,
                current: g.step == focus,
            })
            .collect();
        return ctx.print_json(&entries);
    }
    let mut out = ctx.out();
    for guide in journey.steps() {
        let marker = if guide.step == focus {
            "  <- your focus"
        } else {
            ""
        };
        writeln!(
            out,
            "{}. {} ({}){marker}",
            guide.step.number(),
            sanitize::line(&guide.title),
            guide.step.id()
        )?;
        writeln!(
            out,
            "{}",
            prose::paragraph(&sanitize::line(&guide.summary), 3)
        )?;
        if let Some(note) = guide.note() {
            writeln!(out, "{}", prose::paragraph(note, 3))?;
        }
        writeln!(out)?;
    }
    writeln!(out, "Change your focus with: rekindle focus STEP")?;
    Ok(())
}
