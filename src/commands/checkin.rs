//! `rekindle checkin`: the daily check-in, guided in a terminal or given as flags.
//!
//! The questions themselves live in [`crate::flows::checkin`]; this file resolves the date, the
//! partner, the step and the prompt, offers to create the journal on first use, and saves
//! the check-in and its feelings in one transaction.

use std::io::Write;

use serde::Serialize;

use crate::bail_user;
use crate::commands::common::{create_journal, save_checkin, saved_draft};
use crate::commands::context::Context;
use crate::domain::SAFETY_NOTE;
use crate::domain::checkin::{self, Given};
use crate::domain::dates;
use crate::domain::error::{Cancelled, UserError};
use crate::domain::feelings;
use crate::domain::input::{OPTIONAL, nonblank, parse_step};
use crate::domain::model::Partner;
use crate::flows::checkin::{Guidance, Options};
use crate::flows::couple;
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
    #[arg(long, value_name = "STEP")]
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

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
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
    let given = given_from(&args)?;
    let feelings_from_flags = !args.feelings.is_empty();
    let step_flag = args
        .step
        .as_deref()
        .map(|s| parse_step("--step", s))
        .transpose()?;
    // `--amend` with flags changes only what they give, and asks nothing.
    let amend_by_flags = args.amend && (!given.is_empty() || step_flag.is_some());
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
    let (mut store, creator) = open_or_offer_to_create(ctx)?;
    // Whoever just typed "Your name" while creating the journal is the one checking in.
    let partner = match creator {
        Some(creator) if ctx.as_name().is_none() => creator,
        _ => ctx.acting_partner(&store)?,
    };
    let other = other_partner(&store, &partner)?;
    let existing = store::checkins::find(store.conn(), partner.id, date)?;
    let replacing = match (&existing, args.amend) {
        (Some(_), true) => true,
        (None, true) => bail_user!(
            "--amend: {} has no check-in for {} to replace; leave out --amend to check in",
            partner.name,
            dates::in_words(date)
        ),
        (None, false) => false,
        (Some(_), false) => match ctx.prompter() {
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
    };
    let before = match &existing {
        Some(old) if replacing => Some(saved_draft(&store, old)?),
        _ => None,
    };

    let journey = ctx.journey();
    let (step, prompt_id, draft) = match (&existing, &before) {
        (Some(old), Some(before)) if amend_by_flags => {
            // The saved check-in with only the flags' parts changed: its step and prompt too,
            // unless --step moves it (the saved answer then no longer answers that step's
            // prompt, so the prompt is kept only with the answer).
            let step = step_flag.unwrap_or(old.fields.step);
            let draft = given.apply(before);
            let prompt_id = if step == old.fields.step && draft.answer == before.answer {
                old.fields.prompt_id.clone()
            } else {
                journey
                    .prompt_for(step, partner.role, date)
                    .filter(|_| draft.answer.is_some())
                    .map(|p| p.id.clone())
            };
            (step, prompt_id, draft)
        }
        _ => {
            let step = match step_flag {
                Some(step) => step,
                None => store::focus::step_on(store.conn(), date)?,
            };
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
                        before: before.as_ref(),
                    };
                    crate::flows::checkin::ask(p, given, &guidance, Options::ALONE)?
                }
                None => given.without_terminal()?,
            };
            let prompt_id = prompt
                .filter(|_| draft.prompt_shown || draft.answer.is_some())
                .map(|p| p.id);
            (step, prompt_id, draft)
        }
    };
    let record = store.write(|tx| {
        save_checkin(
            tx,
            &partner,
            date,
            step,
            prompt_id.clone(),
            &draft,
            existing.as_ref(),
        )
    })?;
    let changed = match (&existing, &before) {
        (Some(old), Some(before)) => {
            let mut changed = checkin::changes(before, &draft);
            if let Some(step) = checkin::step_change(old.fields.step, step) {
                changed.insert(0, step);
            }
            Some(changed)
        }
        _ => None,
    };
    ctx.emit(&Saved {
        record: &record,
        changed: changed.as_deref(),
        feelings_from_flags,
    })
}

/// The journal, or in a terminal on first use, a new one made with the couple's names (and
/// then the partner who typed their name first).
fn open_or_offer_to_create(ctx: &mut Context) -> anyhow::Result<(Store, Option<Partner>)> {
    match Store::open(&ctx.journal) {
        Ok(store) => Ok((store, None)),
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
        Ok(())
    }
}
