//! `rekindle steps`: the eight steps of the journey, with the couple's current focus.

use std::io::Write;

use serde::Serialize;

use crate::commands::context::Context;
use crate::domain::journey::StepGuide;
use crate::domain::model::Step;
use crate::text::prose;
use crate::text::sanitize;
use crate::views::Output;

/// Show the eight steps of the journey and which one you are focusing on.
///
/// Change the focus with `rekindle focus STEP`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// One step of the journey, and whether it is the couple's focus.
#[derive(Serialize)]
struct Entry<'a> {
    id: Step,
    title: &'a str,
    summary: &'a str,
    current: bool,
    #[serde(skip)]
    guide: &'a StepGuide,
}

/// The eight steps; the JSON is the list.
#[derive(Serialize)]
#[serde(transparent)]
struct Steps<'a>(Vec<Entry<'a>>);

pub fn run(ctx: &mut Context, _args: Args) -> anyhow::Result<()> {
    let store = ctx.open()?;
    let focus = crate::store::focus::current_step(store.conn())?;
    let journey = ctx.journey();
    let entries = journey
        .steps()
        .iter()
        .map(|g| Entry {
            id: g.step,
            title: &g.title,
            summary: &g.summary,
            current: g.step == focus,
            guide: g,
        })
        .collect();
    ctx.emit(&Steps(entries))
}

impl Output for Steps<'_> {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        for entry in &self.0 {
            let guide = entry.guide;
            let marker = if entry.current { "  <- your focus" } else { "" };
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
}
