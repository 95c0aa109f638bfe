//! `rekindle focus`: show the couple's current step, or move to another one.

use std::io::Write;

use chrono::NaiveDate;

use serde::Serialize;

use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::dates;
use crate::domain::input::parse_step;
use crate::domain::journey::{self, Audience, Journey, Practice, StepGuide};
use crate::domain::model::{Partner, Role, Step};
use crate::store;
use crate::text::prose;
use crate::text::sanitize;
use crate::views::Output;
use crate::views::exercise::{PlanEntry, plan, write_plan};
use crate::views::json::{self, FocusRecord};

/// Show the step you are focusing on, or change it: `rekindle focus communication`.
///
/// The focus chooses the prompts you are asked in check-ins. Each change is kept with its
/// date, so progress can show how long you spent on each step. Steps can be named by id or
/// number (1 to 8); `rekindle steps` lists them. A move to forgiveness, intimacy or renewal
/// by anyone but the partner who was hurt waits for the other partner's agreement
/// (`rekindle focus --agree`): those steps come in that partner's own time.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The step to focus on from today, by id or number
    #[arg(value_name = "STEP", allow_hyphen_values = true, conflicts_with = "agree",
          value_parser = crate::commands::common::Offered(crate::commands::common::step_ids))]
    pub step: Option<String>,

    /// Agree to the move of the focus your partner proposed; it moves from today
    #[arg(long)]
    pub agree: bool,
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
    /// The reader's role, when the reader is known: only the practices for it are shown.
    #[serde(skip)]
    role: Option<Role>,
    /// A move proposed and waiting for the other partner's agreement, if any.
    waiting: Option<FocusRecord>,
    /// Who may agree to it.
    #[serde(skip)]
    agrees: Option<String>,
    /// The trigger plan as it stands, newest first (`rekindle exercise trigger`).
    trigger_plan: Vec<PlanEntry>,
}

/// A move that now waits for the other partner's agreement; the JSON is the focus change.
#[derive(Serialize)]
#[serde(transparent)]
struct Proposed<'a> {
    change: FocusRecord,
    #[serde(skip)]
    current: Step,
    #[serde(skip)]
    other: &'a str,
    #[serde(skip)]
    summary: &'a str,
}

/// A move to a step, or a move asked for to the step already in focus; the JSON is the
/// focus change.
#[derive(Serialize)]
#[serde(transparent)]
struct Moved<'a> {
    change: FocusRecord,
    #[serde(skip)]
    guide: &'a StepGuide,
    #[serde(skip)]
    role: Option<Role>,
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
    // Whoever changes the focus is recorded when known, and sees the practices for their role.
    let partner = ctx.named_partner(&store)?;
    let role = partner.as_ref().map(|p| p.role);
    if args.agree {
        return agree(ctx, &mut store, &journey);
    }
    let Some(step) = wanted else {
        let step = current.as_ref().map(|c| c.step).unwrap_or_default();
        let since = current.as_ref().map(|c| c.date);
        let guide = journey.step(step);
        let partners = store::partners::all(store.conn())?;
        let name = |id: Option<i64>| {
            id.and_then(|id| partners.iter().find(|p| p.id == id))
                .map(|p| p.name.clone())
        };
        let proposal = store::focus::waiting(store.conn())?;
        let agrees = proposal.as_ref().and_then(|w| {
            partners
                .iter()
                .find(|p| Some(p.id) != w.partner_id)
                .map(|p| p.name.clone())
        });
        let waiting = proposal.map(|w| {
            json::focus_record(
                &w,
                name(w.partner_id).as_deref(),
                None,
                journey::title(w.step),
            )
        });
        return ctx.emit(&Current {
            step,
            title: &guide.title,
            summary: &guide.summary,
            since,
            days: since.map(|s| dates::day_of_step(s, ctx.today)),
            practices: &guide.practices,
            guide,
            role,
            waiting,
            agrees,
            trigger_plan: plan(&store::exercises::trigger_plan(store.conn(), ctx.today)?),
        });
    };
    let guide = journey.step(step);
    // A move the other partner has to agree to needs to know who proposes it.
    let partner = match partner {
        None if journey::move_needs_agreement(step, crate::domain::model::Role::Unset) => {
            Some(ctx.acting_partner(&store)?)
        }
        known => known,
    };
    // Moving the focus in a partner's name needs their passphrase when they have one.
    if let Some(partner) = &partner {
        ctx.prove(&store, partner)?;
    }
    if let Some(p) = partner
        .as_ref()
        .filter(|p| journey::move_needs_agreement(step, p.role))
        .filter(|_| current.as_ref().is_none_or(|c| c.step != step))
    {
        return propose(ctx, &mut store, p, step, &journey);
    }
    if let Some(current) = current.filter(|c| c.step == step) {
        return ctx.emit(&Moved {
            change: json::focus_record(&current, None, None, &guide.title),
            guide,
            role,
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
            None,
            &guide.title,
        ),
        guide,
        role,
        already: false,
    })
}

/// A move by `partner` that waits for the other partner: recorded as proposed, and the focus
/// stays where it is. Proposing the step already proposed changes nothing.
fn propose(
    ctx: &mut Context,
    store: &mut store::Store,
    partner: &Partner,
    step: Step,
    journey: &Journey,
) -> anyhow::Result<()> {
    let partners = store::partners::all(store.conn())?;
    let other = crate::commands::common::other_partner(&partners, partner)?.clone();
    let today = ctx.today;
    let clock = store.clock();
    let (change, current) = store.write(|tx| {
        let current = store::focus::current_step(tx)?;
        if let Some(w) = store::focus::waiting(tx)?
            .filter(|w| w.step == step && w.partner_id == Some(partner.id))
        {
            return Ok((w, current));
        }
        let stamp = store::clock::stamp(tx, &clock, Some(partner.id))?;
        let change = store::focus::propose(tx, &stamp, step, today, partner.id)?;
        Ok((change, current))
    })?;
    ctx.emit(&Proposed {
        change: json::focus_record(&change, Some(&partner.name), None, journey::title(step)),
        current,
        other: &other.name,
        summary: &journey.step(step).summary,
    })
}

/// `focus --agree`: the other partner agrees to the move waiting for them, and the focus
/// moves from today. The proposal is read inside the write that agrees to it.
fn agree(ctx: &mut Context, store: &mut store::Store, journey: &Journey) -> anyhow::Result<()> {
    let me = ctx.author(store)?;
    let partners = store::partners::all(store.conn())?;
    let today = ctx.today;
    let clock = store.clock();
    let (change, proposer) = store.write(|tx| {
        let Some(waiting) = store::focus::waiting(tx)? else {
            bail_user!(
                "--agree: no move of the focus is waiting for agreement; rekindle focus shows where it is"
            );
        };
        let proposer = waiting
            .partner_id
            .and_then(|id| partners.iter().find(|p| p.id == id))
            .map(|p| p.name.clone());
        if waiting.partner_id == Some(me.id) {
            bail_user!(
                "--agree: {} proposed the move to step {}, so it waits for the other partner's agreement, not theirs",
                me.name,
                waiting.step.number()
            );
        }
        let stamp = store::clock::stamp(tx, &clock, Some(me.id))?;
        store::focus::agree(tx, &stamp, waiting.id, me.id, today)?;
        let agreed = store::focus::get(tx, waiting.id)?.ok_or_else(|| {
            anyhow::anyhow!("the focus change {} went missing while agreeing", waiting.id)
        })?;
        Ok((agreed, proposer))
    })?;
    let guide = journey.step(change.step);
    ctx.emit(&Moved {
        change: json::focus_record(&change, proposer.as_deref(), Some(&me.name), &guide.title),
        guide,
        role: Some(me.role),
        already: false,
    })
}

impl Output for Proposed<'_> {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let by = sanitize::line(self.change.partner.as_deref().unwrap_or_default()).into_owned();
        let other = sanitize::line(self.other);
        writeln!(
            out,
            "{}",
            prose::paragraph(
                &format!(
                    "{by} proposed moving the focus to step {} of 8, {}. It moves when {other} \
                     agrees, in their own time: rekindle focus --agree --as {}. Until then the \
                     focus stays on step {} of 8.",
                    self.change.step.number(),
                    sanitize::line(&self.change.title),
                    prose::shell_word(&other),
                    self.current.number()
                ),
                0
            )
        )?;
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            prose::paragraph(&sanitize::line(self.summary), 2)
        )?;
        Ok(())
    }
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
        if let Some(w) = &self.waiting {
            let by = sanitize::line(w.partner.as_deref().unwrap_or("A partner")).into_owned();
            let agrees =
                sanitize::line(self.agrees.as_deref().unwrap_or("the other partner")).into_owned();
            writeln!(
                out,
                "{}",
                prose::paragraph(
                    &format!(
                        "{by} proposed moving it to step {} of 8, {}, on {}; it moves when \
                         {agrees} agrees (rekindle focus --agree --as {}).",
                        w.step.number(),
                        sanitize::line(&w.title),
                        dates::in_words(w.date),
                        prose::shell_word(&agrees)
                    ),
                    0
                )
            )?;
        }
        if !self.trigger_plan.is_empty() {
            writeln!(out)?;
            write_plan(out, &self.trigger_plan)?;
        }
        describe(out, self.guide, self.role)
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
        describe(out, self.guide, self.role)
    }
}

/// The step's summary and practices: for a known reader, the practices written for their role;
/// for an unknown one, every practice, each written for one partner labelled with whom.
fn describe(out: &mut dyn Write, guide: &StepGuide, role: Option<Role>) -> anyhow::Result<()> {
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
    let practices: Vec<&Practice> = match role {
        Some(role) => guide.practices_for(role),
        None => guide.practices.iter().collect(),
    };
    if !practices.is_empty() {
        writeln!(out)?;
        writeln!(out, "Small things to try:")?;
        for practice in practices {
            let label = match (role, practice.audience) {
                (None, Audience::Repairing) => "If you broke trust: ",
                (None, Audience::Healing) => "If you were hurt: ",
                _ => "",
            };
            let text = format!("- {label}{}", sanitize::line(&practice.text));
            let wrapped = prose::paragraph(&text, 2);
            // Hang the wrapped lines under the text, not under the dash.
            writeln!(out, "{}", wrapped.replace("\n  ", "\n    "))?;
        }
    }
    Ok(())
}
