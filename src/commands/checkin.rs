//! `rekindle checkin`: the daily check-in, guided in a terminal or given as flags.
//!
//! The questions themselves live in [`crate::flows::checkin`]; this file resolves the date, the
//! partner, the step and the prompt, offers to create the journal on first use, and saves
//! the check-in and its feelings in one transaction.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use crate::bail_user;
use crate::commands::common::{create_journal, save_checkin, saved_draft};
use crate::commands::context::Context;
use crate::domain::SAFETY_NOTE;
use crate::domain::checkin::{self, Draft, Given};
use crate::domain::dates;
use crate::domain::error::{Cancelled, UserError};
use crate::domain::feelings;
use crate::domain::input::{OPTIONAL, nonblank, parse_step};
use crate::domain::journey::Journey;
use crate::domain::model::{Partner, Step};
use crate::flows;
use crate::flows::checkin::{Guidance, Options};
use crate::flows::couple;
use crate::store::checkins::Checkin;
use crate::store::{self, Store, StoreError};
use crate::text::prose;
use crate::text::sanitize;
use crate::views::Output;
use crate::views::checkin::{saved_line, scores_line, unchanged_line};
use crate::views::json::CheckinRecord;

/// Check in for today: how much you trust your partner, how close you feel, what you feel,
/// and your answer to today's prompt.
///
/// In a terminal, whatever you leave out is asked, starting with today's step and prompt.
/// Without one (in a script), --trust is required and everything else is optional. Text given
/// as a flag is saved in your shell's history; for anything private, let rekindle ask.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The day this check-in is for [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,

    /// How much you trust your partner today, 1 to 10
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub trust: Option<String>,

    /// How close you feel to your partner today, 1 to 10
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub connection: Option<String>,

    /// A feeling, with an optional intensity 1 to 5 (hurt, hopeful:4); repeat for more
    #[arg(long = "feeling", value_name = "WORD[:N]")]
    pub feelings: Vec<String>,

    /// The step this check-in belongs to [default: your current focus]
    #[arg(long, value_name = "STEP",
          value_parser = crate::commands::common::Offered(crate::commands::common::step_ids))]
    pub step: Option<String>,

    // Text flags take the next word whatever it starts with, as getopt does, so a note such
    // as "- we walked" or ":-) fine" is text, not an unknown option.
    /// Your answer to today's prompt (see `rekindle prompt`)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub answer: Option<String>,

    /// Something you appreciate about your partner today
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub appreciation: Option<String>,

    /// Something you need from your partner
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub need: Option<String>,

    /// Anything else you want to note
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,

    /// Replace the check-in you already saved for that day
    #[arg(long)]
    pub amend: bool,
}

/// Checks every flag before anything is opened or asked, so a typo costs nothing.
fn given_from(args: &Args) -> Result<Given, UserError> {
    let scale = |flag: &str, value: &Option<String>| {
        value
            .as_deref()
            .map(|v| checkin::parse_scale(flag, v, 10))
            .transpose()
    };
    Ok(Given {
        trust: scale("--trust", &args.trust)?,
        connection: scale("--connection", &args.connection)?,
        feelings: checkin::feelings_flag(&args.feelings)?,
        answer: checkin::text_flag(args.answer.as_ref()),
        appreciation: checkin::text_flag(args.appreciation.as_ref()),
        need: checkin::text_flag(args.need.as_ref()),
        note: checkin::text_flag(args.note.as_ref()),
    })
}

/// The flags, checked before anything is opened or asked, so a typo costs nothing.
struct Parsed {
    date: NaiveDate,
    given: Given,
    step: Option<Step>,
    amend: bool,
    /// `--amend` with flags changes only what they give, and asks nothing.
    amend_by_flags: bool,
    /// The feelings came from `--feeling` (so a likely typo among them is named).
    feelings_from_flags: bool,
}

/// A check-in ready to save: its step, the prompt it answers, and what it says.
struct Drafted {
    step: Step,
    prompt_id: Option<String>,
    draft: Draft,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let parsed = parse(ctx, &args)?;
    let (mut store, partner) = resolve(ctx)?;
    let date = parsed.date;
    let existing = store::checkins::find(store.conn(), partner.id, date)?;
    let replacing = decide(ctx, &partner, date, existing.is_some(), parsed.amend)?;
    let before = match &existing {
        Some(old) if replacing => Some(saved_draft(&store, old)?),
        _ => None,
    };
    let journey = ctx.journey();
    let drafted = match (&existing, &before) {
        (Some(old), Some(before)) if parsed.amend_by_flags => {
            amended(&journey, &partner, &parsed, old, before)
        }
        _ => asked(ctx, &store, &journey, &partner, &parsed, before.as_ref())?,
    };
    let record = store.write(|tx| {
        save_checkin(
            tx,
            &partner,
            date,
            drafted.step,
            drafted.prompt_id.clone(),
            &drafted.draft,
            existing.as_ref(),
        )
    })?;
    let changed = match (&existing, &before) {
        (Some(old), Some(before)) => {
            let mut changed = checkin::changes(before, &drafted.draft);
            if let Some(step) = checkin::step_change(old.fields.step, drafted.step) {
                changed.insert(0, step);
            }
            Some(changed)
        }
        _ => None,
    };
    // After a guided check-in, the partner who has not checked in for that day yet is told
    // how: the first check-in of a new journal would otherwise end with no next step.
    let partner_next = match (ctx.interactive(), &existing) {
        (true, None) => partner_still_to_check_in(&store, &partner, date)?,
        _ => None,
    };
    ctx.emit(&Saved {
        record: &record,
        changed: changed.as_deref(),
        feelings_from_flags: parsed.feelings_from_flags,
        partner_next,
    })
}

/// The other partner, when they have no check-in for `date` yet.
fn partner_still_to_check_in(
    store: &Store,
    partner: &Partner,
    date: NaiveDate,
) -> anyhow::Result<Option<String>> {
    let partners = store::partners::all(store.conn())?;
    let Some(other) = crate::domain::model::other_partner(&partners, partner) else {
        return Ok(None);
    };
    Ok(store::checkins::find(store.conn(), other.id, date)?
        .is_none()
        .then(|| other.name.clone()))
}

/// Every flag checked; without a terminal, what is missing is refused before anything is
/// opened (a missing journal speaks first).
fn parse(ctx: &Context, args: &Args) -> anyhow::Result<Parsed> {
    let date = match &args.date {
        Some(d) => ctx.past_date("--date", d, "a check-in")?,
        None => ctx.today,
    };
    if !args.amend {
        // A blank text removes the saved one with --amend; on a new check-in it is a mistake.
        for (flag, value) in [
            ("--answer", &args.answer),
            ("--appreciation", &args.appreciation),
            ("--need", &args.need),
            ("--note", &args.note),
        ] {
            if let Some(value) = value {
                nonblank(flag, value, OPTIONAL)?;
            }
        }
    }
    let given = given_from(args)?;
    let step = args
        .step
        .as_deref()
        .map(|s| parse_step("--step", s))
        .transpose()?;
    let amend_by_flags = args.amend && (!given.is_empty() || step.is_some());
    if !ctx.interactive() && given.trust.is_none() && !amend_by_flags {
        // Fail before opening anything, but let a missing journal speak first.
        ctx.open()?;
        if args.amend {
            bail_user!(
                "--amend needs at least one thing to change: {}",
                checkin::AMEND_FLAGS
            );
        }
        given.clone().without_terminal()?;
    }
    Ok(Parsed {
        date,
        given,
        step,
        amend: args.amend,
        amend_by_flags,
        feelings_from_flags: !args.feelings.is_empty(),
    })
}

/// The journal (made now on first use, in a terminal) and who is checking in.
fn resolve(ctx: &mut Context) -> anyhow::Result<(Store, Partner)> {
    let (store, creator) = open_or_offer_to_create(ctx)?;
    // Whoever just typed "Your name" while creating the journal is the one checking in.
    let partner = match creator {
        Some(creator) if ctx.as_name().is_none() => creator,
        _ => ctx.acting_partner(&store)?,
    };
    Ok((store, partner))
}

/// Whether this check-in replaces the one saved for that day: with `--amend`, or when asked
/// in a terminal; without either, a second check-in for a day is refused.
fn decide(
    ctx: &mut Context,
    partner: &Partner,
    date: NaiveDate,
    exists: bool,
    amend: bool,
) -> anyhow::Result<bool> {
    Ok(match (exists, amend) {
        (true, true) => true,
        (false, true) => bail_user!(
            "--amend: {} has no check-in for {} to replace; leave out --amend to check in",
            partner.name,
            dates::in_words(date)
        ),
        (false, false) => false,
        (true, false) => match ctx.prompter() {
            Some(p) => {
                let question = format!(
                    "{} already checked in for {}. Replace that check-in?",
                    sanitize::line(&partner.name),
                    dates::in_words(date)
                );
                if !p.confirm(&question, false)? {
                    return Err(Cancelled.into());
                }
                true
            }
            None => bail_user!(
                "{} already checked in for {}; pass --amend to replace that check-in",
                partner.name,
                dates::in_words(date)
            ),
        },
    })
}

/// `--amend` with flags: the saved check-in with only the flags' parts changed, its step and
/// prompt too, unless --step moves it (the saved answer then no longer answers that step's
/// prompt, so the prompt is kept only with the answer).
fn amended(
    journey: &Journey,
    partner: &Partner,
    parsed: &Parsed,
    old: &Checkin,
    before: &Draft,
) -> Drafted {
    let step = parsed.step.unwrap_or(old.fields.step);
    let draft = parsed.given.clone().apply(before);
    let prompt_id = if step == old.fields.step && draft.answer == before.answer {
        old.fields.prompt_id.clone()
    } else {
        journey
            .prompt_for(step, partner.role, parsed.date)
            .filter(|_| draft.answer.is_some())
            .map(|p| p.id.clone())
    };
    Drafted {
        step,
        prompt_id,
        draft,
    }
}

/// A new check-in, or a replacement: asked in a terminal, starting from `before` when there
/// is one, or taken from the flags alone without one.
fn asked(
    ctx: &mut Context,
    store: &Store,
    journey: &Journey,
    partner: &Partner,
    parsed: &Parsed,
    before: Option<&Draft>,
) -> anyhow::Result<Drafted> {
    let (given, date) = (parsed.given.clone(), parsed.date);
    let step = match parsed.step {
        Some(step) => step,
        None => store::focus::step_on(store.conn(), date)?,
    };
    let other = other_partner(store, partner)?;
    let prompt = journey.prompt_for(step, partner.role, date).cloned();
    let today = ctx.today;
    let draft = match ctx.prompter() {
        Some(p) => {
            let guidance = Guidance {
                date,
                today,
                partner: &partner.name,
                other: &other,
                guide: journey.step(step),
                prompt: prompt.as_ref(),
                before,
            };
            flows::checkin::ask(p, given, &guidance, Options::ALONE)?
        }
        None => given.without_terminal()?,
    };
    let prompt_id = prompt
        .filter(|_| draft.prompt_shown || draft.answer.is_some())
        .map(|p| p.id);
    Ok(Drafted {
        step,
        prompt_id,
        draft,
    })
}

/// The journal, or in a terminal on first use, a new one made with the couple's names (and
/// then the partner who typed their name first).
fn open_or_offer_to_create(ctx: &mut Context) -> anyhow::Result<(Store, Option<Partner>)> {
    match Store::open(&ctx.journal) {
        Ok(mut store) => {
            ctx.warn(&store.take_warnings());
            Ok((store, None))
        }
        Err(StoreError::Missing(path)) => {
            let journal = ctx.journal.clone();
            let Some(p) = ctx.prompter() else {
                return Err(StoreError::Missing(path).into());
            };
            p.say(&format!(
                "There is no journal yet at {}.",
                sanitize::line(&journal.display().to_string())
            ))?;
            if !p.confirm("Create it now?", true)? {
                return Err(Cancelled.into());
            }
            let couple = couple::ask(p, &[], None)?;
            let (store, partners) = create_journal(ctx, &couple)?;
            // From here a cancel says the journal was made, and only the check-in was not.
            crate::domain::error::note_journal_created();
            if let Some(p) = ctx.prompter() {
                p.say("")?;
                p.say("Created your journal. Only you can read the file.")?;
                for partner in &partners {
                    p.say(&format!(
                        "  {:<12} {}",
                        sanitize::line(&partner.name),
                        partner.role.describe()
                    ))?;
                }
                p.say("")?;
                p.say(&prose::paragraph(SAFETY_NOTE, 0))?;
                p.say("")?;
            }
            Ok((store, partners.into_iter().next()))
        }
        Err(e) => Err(e.into()),
    }
}

/// The other partner's name, for questions such as "How much do you trust Alex today?".
pub fn other_partner(store: &Store, partner: &Partner) -> anyhow::Result<String> {
    let partners = store::partners::all(store.conn())?;
    Ok(crate::domain::model::other_partner(&partners, partner)
        .map_or_else(|| "your partner".to_string(), |p| p.name.clone()))
}

/// The check-in as saved; its JSON is the record itself.
#[derive(Serialize)]
#[serde(transparent)]
struct Saved<'a> {
    record: &'a CheckinRecord,
    /// What replacing the saved check-in changed; `None` for a new check-in.
    #[serde(skip)]
    changed: Option<&'a [String]>,
    /// The feelings came from `--feeling`, so a likely typo among them is named (the guided
    /// flow has asked about it already).
    #[serde(skip)]
    feelings_from_flags: bool,
    /// The other partner, still to check in for that day (after a guided check-in).
    #[serde(skip)]
    partner_next: Option<String>,
}

impl Output for Saved<'_> {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let record = self.record;
        match self.changed {
            // The same check-in again: nothing was written, so nothing was "replaced".
            Some([]) => {
                writeln!(out, "{}", unchanged_line(record))?;
                writeln!(out, "  {}", scores_line(record))?;
            }
            Some(changed) => {
                writeln!(out, "{}", saved_line(record, true))?;
                writeln!(out, "  {}", scores_line(record))?;
                writeln!(out, "  {}", checkin::changes_in_words(changed))?;
            }
            None => {
                writeln!(out, "{}", saved_line(record, false))?;
                writeln!(out, "  {}", scores_line(record))?;
            }
        }
        for feeling in record.feelings.iter().filter(|_| self.feelings_from_flags) {
            if let Some(near) = feelings::nearest(&feeling.word) {
                writeln!(out, "  {}", feelings::near_miss_note(&feeling.word, near))?;
            }
        }
        if let Some(other) = &self.partner_next {
            let other = sanitize::line(other);
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                prose::paragraph(
                    &format!(
                        "Next, {other} checks in, on this computer or wherever your journal \
                         is: rekindle checkin --as {}",
                        prose::shell_word(&other)
                    ),
                    0
                )
            )?;
        }
        Ok(())
    }
}
