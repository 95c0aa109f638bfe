//! `rekindle prompt`: today's question for the acting partner.

use std::io::Write;

use serde::Serialize;

use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::dates;
use crate::domain::input::parse_step;
use crate::domain::journey::{Audience, StepGuide};
use crate::domain::model::Step;
use crate::text::prose;
use crate::text::sanitize;
use crate::views::Output;

/// Show today's prompt: the question your check-in asks, chosen for your role.
///
/// It stays the same all day and changes from day to day; over as many days as the step has
/// prompts for you, you see each of them once before any comes back.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A step other than your current focus, by id or number
    #[arg(long, value_name = "STEP",
          value_parser = crate::commands::common::Offered(crate::commands::common::step_ids))]
    pub step: Option<String>,

    /// The day to show the prompt for [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

/// Today's prompt for one partner.
#[derive(Serialize)]
struct Shown<'a> {
    date: chrono::NaiveDate,
    partner: &'a str,
    step: Step,
    prompt_id: &'a str,
    audience: Audience,
    text: &'a str,
    #[serde(skip)]
    guide: &'a StepGuide,
    /// The couple's focus on that day: another step's prompt needs `--step` in the check-in.
    #[serde(skip)]
    focus: Step,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let step_flag = args
        .step
        .as_deref()
        .map(|s| parse_step("--step", s))
        .transpose()?;
    // Looking ahead is harmless here, so a future date is allowed.
    let date = match &args.date {
        Some(d) => ctx.date("--date", d)?,
        None => ctx.today,
    };
    let store = ctx.open()?;
    let partner = ctx.acting_partner(&store)?;
    // The focus of the prompt's day, as the check-in for that day uses it.
    let focus = crate::store::focus::step_on(store.conn(), date)?;
    let step = step_flag.unwrap_or(focus);
    let journey = ctx.journey();
    let guide = journey.step(step);
    let Some(prompt) = journey.prompt_for(step, partner.role, date) else {
        bail_user!("step {} has no prompts to show", step.id());
    };
    ctx.emit(&Shown {
        date,
        partner: &partner.name,
        step,
        prompt_id: &prompt.id,
        audience: prompt.audience,
        text: &prompt.text,
        guide,
        focus,
    })
}

impl Output for Shown<'_> {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let step = self.step;
        writeln!(
            out,
            "For {}, {} (step {} of 8, {}):",
            sanitize::line(self.partner),
            dates::in_words(self.date),
            step.number(),
            sanitize::line(&self.guide.title).to_lowercase()
        )?;
        writeln!(out)?;
        writeln!(out, "{}", prose::paragraph(&sanitize::line(self.text), 2))?;
        if let Some(note) = self.guide.note() {
            writeln!(out)?;
            writeln!(out, "{}", prose::paragraph(note, 2))?;
        }
        writeln!(out)?;
        // The check-in asks the focus step's prompt; another step's needs --step to be asked.
        let step_flag = if step == self.focus {
            String::new()
        } else {
            format!(" --step {}", step.id())
        };
        writeln!(
            out,
            "Answer it in your check-in: rekindle checkin --as {}{step_flag}",
            crate::text::prose::shell_word(&sanitize::line(self.partner))
        )?;
        Ok(())
    }
}
