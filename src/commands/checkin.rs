//! `rekindle checkin`: the daily check-in, guided in a terminal or given as flags.
//!
//! The questions themselves live in [`crate::flows::checkin`]; this file resolves the date, the
//! partner, the step and the prompt, offers to create the journal on first use, and saves
//! the check-in and its feelings in one transaction.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use crate::bail_user;
use crate::commands::common::{
    ChangedMeanwhile, create_journal, other_name, save_checkin, saved_draft,
};
use crate::commands::context::{CardReason, Context};
use crate::domain::checkin::{self, Draft, Given};
use crate::domain::dates;
use crate::domain::error::{Cancelled, UserError};
use crate::domain::feelings;
use crate::domain::input::{OPTIONAL, nonblank, parse_step};
use crate::domain::journey::Journey;
use crate::domain::model::{Partner, Step};
use crate::domain::private::PrivateWords;
use crate::domain::safety;
use crate::flows;
use crate::flows::checkin::{Asked, Guidance, Options, Privacy};
use crate::flows::conflict::Choice;
use crate::flows::couple;
use crate::keys::{self, Recipient};
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
/// as a flag is saved in your shell's history; to keep it out of there, let rekindle ask.
/// Your partner can read everything saved in the journal.
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

    /// Something you appreciated about your partner today (never asked of the partner who was
    /// hurt in the first three steps; always yours to give)
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

    /// Keep this check-in's words (answer, appreciation, need, note) private: encrypted to
    /// your key, readable only with your passphrase. Scores and feelings stay shared.
    #[arg(long)]
    pub private: bool,
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
    /// `--private`.
    private: bool,
}

/// A check-in ready to save: its step, the prompt it answers, and what it says.
struct Drafted {
    step: Step,
    prompt_id: Option<String>,
    draft: Draft,
    /// Keep the words private (the flag, or "no" to sharing them in a terminal).
    private: bool,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let parsed = parse(ctx, &args)?;
    let (mut store, partner) = resolve(ctx)?;
    if parsed.private {
        crate::commands::common::own_key(store.conn(), &partner)?;
    }
    let date = parsed.date;
    if parsed.amend_by_flags {
        return amend_in_place(ctx, &mut store, &partner, &parsed);
    }
    let existing = store::checkins::find(store.conn(), partner.id, date)?;
    let replacing = decide(ctx, &partner, date, existing.is_some(), parsed.amend)?;
    let before = match &existing {
        Some(old) if replacing => Some(saved_draft(store.conn(), old)?),
        _ => None,
    };
    let journey = ctx.journey();
    let drafted = asked(ctx, &store, &journey, &partner, &parsed, before.as_ref())?;
    let drafted = care(ctx, &store, &partner, drafted, before.as_ref())?;
    let clock = store.clock();
    // Private words are encrypted before anything is written; the check-in is saved without
    // them, so they never reach a plain column or the search index.
    let (shared, sealed_words) = private_words(store.conn(), &partner, &drafted)?;
    // What this check-in was written from; when the day's check-in is not that one any more
    // at saving time, both are shown and the person chooses.
    let mut expected = existing.clone().filter(|_| replacing);
    let (record, replaced) = loop {
        let saving = store.write(|tx| {
            let mut record = save_checkin(
                tx,
                &clock,
                &partner,
                date,
                drafted.step,
                drafted.prompt_id.clone(),
                &shared,
                expected.as_ref(),
            )?;
            if let Some(ciphertext) = &sealed_words {
                store::checkins::set_private(tx, record.id, ciphertext)?;
                record.private = true;
            } else if shared.has_words() {
                // Words shared now replace private ones kept before.
                store::checkins::clear_private(tx, record.id)?;
            }
            Ok(record)
        });
        match saving {
            Ok(record) => break (record, expected),
            Err(e) => match e.downcast::<ChangedMeanwhile>() {
                Ok(changed) => match settle_conflict(ctx, changed, &drafted.draft, date)? {
                    Some(current) => expected = Some(current),
                    None => return Err(Cancelled.into()),
                },
                Err(e) => return Err(e),
            },
        }
    };
    let changed = match (&replaced, &before) {
        (Some(old), Some(before)) => {
            let mut changed = checkin::changes(before, &drafted.draft);
            if let Some(step) = checkin::step_change(old.fields.step, drafted.step) {
                changed.insert(0, step);
            }
            Some(changed)
        }
        (Some(old), None) => Some(checkin::changes(
            &saved_draft(store.conn(), old).unwrap_or_else(|_| drafted.draft.clone()),
            &drafted.draft,
        )),
        _ => None,
    };
    // After a guided check-in, the partner who has not checked in for that day yet is told
    // how: the first check-in of a new journal would otherwise end with no next step.
    // For an earlier day, the command names that day too.
    let partner_next = match (ctx.interactive(), &existing) {
        (true, None) => partner_still_to_check_in(&store, &partner, date)?
            .map(|name| (name, (date != ctx.today).then_some(date))),
        _ => None,
    };
    ctx.emit(&Saved {
        record: &record,
        changed: changed.as_deref(),
        feelings_from_flags: parsed.feelings_from_flags,
        partner_next,
    })
}

/// A draft's words, as private words are kept.
fn words_of(d: &Draft) -> PrivateWords {
    PrivateWords {
        answer: d.answer.clone(),
        appreciation: d.appreciation.clone(),
        need: d.need.clone(),
        note: d.note.clone(),
    }
}

/// Private words opened with their author's key (their passphrase is asked once).
fn open_words(
    ctx: &mut Context,
    store: &Store,
    partner: &Partner,
    ciphertext: &[u8],
) -> anyhow::Result<PrivateWords> {
    let Some(identity) = ctx.identity(store, partner)? else {
        bail_user!(
            "{} has no passphrase now, so the private words of this check-in cannot be read or changed",
            sanitize::line(&partner.name)
        );
    };
    identity
        .decrypt(ciphertext)
        .ok()
        .and_then(|b| PrivateWords::from_bytes(&b))
        .ok_or_else(|| {
            UserError::new("the private words of this check-in cannot be read with this key").into()
        })
}

/// The draft to save in the open, and its words encrypted to the author when private. A
/// partner with no passphrase has no key, so nothing of theirs can be private: said so.
fn private_words(
    conn: &rusqlite::Connection,
    partner: &Partner,
    drafted: &Drafted,
) -> anyhow::Result<(Draft, Option<Vec<u8>>)> {
    if !drafted.private {
        return Ok((drafted.draft.clone(), None));
    }
    let key = crate::commands::common::own_key(conn, partner)?;
    let d = &drafted.draft;
    let words = PrivateWords {
        answer: d.answer.clone(),
        appreciation: d.appreciation.clone(),
        need: d.need.clone(),
        note: d.note.clone(),
    };
    let mut shared = d.clone();
    shared.answer = None;
    shared.appreciation = None;
    shared.need = None;
    shared.note = None;
    if words.is_empty() {
        return Ok((shared, None));
    }
    let recipient = Recipient::parse(&key.recipient)?;
    Ok((
        shared,
        Some(keys::encrypt(&[&recipient], &words.to_bytes())?),
    ))
}

/// `--amend` with flags: the day's check-in is read under the write lock and changed there,
/// so every amend applies to what is saved at that moment, and two amends at once both land.
fn amend_in_place(
    ctx: &mut Context,
    store: &mut Store,
    partner: &Partner,
    parsed: &Parsed,
) -> anyhow::Result<()> {
    let date = parsed.date;
    let nothing_to_amend = || {
        UserError::new(format!(
            "--amend: {} has no check-in for {} to replace; leave out --amend to check in",
            partner.name,
            dates::in_words(date)
        ))
    };
    // Said before anything else (a prompt file of the user's is read only to amend).
    let Some(found) = store::checkins::find(store.conn(), partner.id, date)? else {
        return Err(nothing_to_amend().into());
    };
    // Private words stay private: an amend that changes any of them is made to the words
    // opened with their author's key, and all of them are encrypted again.
    let given = &parsed.given;
    let touches_words = [&given.answer, &given.appreciation, &given.need, &given.note]
        .iter()
        .any(|t| t.is_some());
    let kept = store::checkins::privacy(store.conn(), &[found.id])?
        .get(&found.id)
        .and_then(|p| p.private.clone());
    let opened = match (&kept, touches_words) {
        (Some(ciphertext), true) => Some((
            ciphertext.clone(),
            open_words(ctx, store, partner, ciphertext)?,
        )),
        _ => None,
    };
    let journey = ctx.journey();
    let clock = store.clock();
    let (record, changed) = store.write(|tx| {
        let Some(old) = store::checkins::find(tx, partner.id, date)? else {
            return Err(nothing_to_amend().into());
        };
        let now_kept = store::checkins::privacy(tx, &[old.id])?
            .get(&old.id)
            .and_then(|p| p.private.clone());
        if now_kept != kept {
            bail_user!(
                "{}'s check-in for {} changed meanwhile; nothing was saved",
                partner.name,
                dates::in_words(date)
            );
        }
        let mut before = saved_draft(tx, &old)?;
        if let Some((_, words)) = &opened {
            before.answer = words.answer.clone();
            before.appreciation = words.appreciation.clone();
            before.need = words.need.clone();
            before.note = words.note.clone();
        }
        let mut drafted = amended(&journey, partner, parsed, &old, &before);
        // Words kept private stay private (`reveal` shares them).
        drafted.private |= opened.is_some();
        let mut changed = checkin::changes(&before, &drafted.draft);
        if let Some(step) = checkin::step_change(old.fields.step, drafted.step) {
            changed.insert(0, step);
        }
        let (shared, sealed_words) = private_words(tx, partner, &drafted)?;
        if kept.is_some() && opened.is_none() && sealed_words.is_some() {
            // `--private` with no words given on a check-in whose words are private: nothing
            // new to encrypt; the words kept stay as they are.
            bail_user!(
                "--amend --private: give the words to keep private (--answer, --appreciation, --need or --note)"
            );
        }
        let mut record = save_checkin(
            tx,
            &clock,
            partner,
            date,
            drafted.step,
            drafted.prompt_id.clone(),
            &shared,
            Some(&old),
        )?;
        let words_changed = opened
            .as_ref()
            .is_some_and(|(_, words)| *words != words_of(&drafted.draft));
        let written = record.updated_at != old.updated_at;
        if opened.is_some() && words_changed && !written {
            // Only the private words changed: a change of their own, stamped, with the
            // version before kept (its words as ciphertext).
            let stamp = store::clock::stamp(tx, &clock, Some(partner.id))?;
            store::checkins::change_private(tx, &stamp, record.id, sealed_words.as_deref())?;
        } else if let Some(ciphertext) = &sealed_words
            && (written || kept.is_none())
        {
            store::checkins::set_private(tx, record.id, ciphertext)?;
        } else if opened.is_some() && words_changed {
            // Every private word was taken out.
            store::checkins::clear_private(tx, record.id)?;
        }
        record.private = store::checkins::privacy(tx, &[record.id])?
            .get(&record.id)
            .is_some_and(|p| p.private.is_some());
        Ok((record, changed))
    })?;
    // What the flags gave, given on purpose: saved as given, with the card when it calls for it.
    let given = &parsed.given;
    let texts = [&given.answer, &given.appreciation, &given.need, &given.note]
        .map(|t| t.as_ref().and_then(|t| t.as_deref()));
    if safety::calls_for_card(given.feelings.as_deref().unwrap_or_default(), texts) {
        ctx.show_safety_card(CardReason::Written);
    }
    ctx.emit(&Saved {
        record: &record,
        changed: Some(&changed),
        feelings_from_flags: parsed.feelings_from_flags,
        partner_next: None,
    })
}

/// Someone saved or changed this day's check-in while this one was being written: in a
/// terminal, both are shown and the person chooses (returns the check-in to replace, or
/// `None` when they keep what is there, after printing what they wrote); without one, the
/// refusal says what happened.
fn settle_conflict(
    ctx: &mut Context,
    changed: ChangedMeanwhile,
    mine: &Draft,
    date: NaiveDate,
) -> anyhow::Result<Option<Checkin>> {
    let Some((current, theirs)) = changed.current.clone() else {
        return Err(changed.into());
    };
    let Some(p) = ctx.prompter() else {
        return Err(
            UserError::new(format!("{changed}; pass --amend to replace that check-in")).into(),
        );
    };
    let what = format!(
        "{}'s check-in for {}",
        sanitize::line(&changed.partner),
        dates::in_words(date)
    );
    match flows::conflict::resolve(
        p,
        &what,
        &checkin::summary(&theirs, date),
        &checkin::summary(mine, date),
    )? {
        Choice::SaveMine => Ok(Some(current)),
        Choice::KeepTheirs => {
            writeln!(
                ctx.out(),
                "Kept the check-in saved meanwhile. What you wrote was not saved; here it is:\n{}",
                checkin::summary(mine, date)
            )?;
            Ok(None)
        }
    }
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
        private: args.private,
    })
}

/// The journal (made now on first use, in a terminal) and who is checking in.
fn resolve(ctx: &mut Context) -> anyhow::Result<(Store, Partner)> {
    let (store, creator) = open_or_offer_to_create(ctx)?;
    // Whoever just typed "Your name" while creating the journal is the one checking in.
    let partner = match creator {
        Some(creator) if ctx.as_name().is_none() => creator,
        _ => ctx.author(&store)?,
    };
    Ok((store, partner))
}

/// The safety card, when what is new in this check-in calls for it, and in a terminal the
/// choice to leave each new danger word out. What was saved before and is unchanged is not
/// asked about again.
fn care(
    ctx: &mut Context,
    store: &Store,
    partner: &Partner,
    mut drafted: Drafted,
    before: Option<&Draft>,
) -> anyhow::Result<Drafted> {
    let draft = &drafted.draft;
    let is_new = |f: &&feelings::FeelingEntry| {
        before.is_none_or(|b| !b.feelings.iter().any(|old| old == *f))
    };
    let new_feelings: Vec<feelings::FeelingEntry> =
        draft.feelings.iter().filter(is_new).cloned().collect();
    fn changed<'a>(
        now: &'a Option<String>,
        before: Option<&Draft>,
        then: fn(&Draft) -> &Option<String>,
    ) -> Option<&'a str> {
        now.as_deref()
            .filter(|text| before.is_none_or(|b| then(b).as_deref() != Some(*text)))
    }
    let texts = [
        changed(&draft.answer, before, |b| &b.answer),
        changed(&draft.appreciation, before, |b| &b.appreciation),
        changed(&draft.need, before, |b| &b.need),
        changed(&draft.note, before, |b| &b.note),
    ];
    if safety::calls_for_card(&new_feelings, texts) {
        ctx.show_safety_card(CardReason::Written);
    }
    if !new_feelings.iter().any(|f| safety::is_danger_word(&f.word)) {
        return Ok(drafted);
    }
    let other = other_name(store, partner)?;
    let Some(p) = ctx.prompter() else {
        // Without a terminal the words were given on purpose, as flags: they are saved.
        return Ok(drafted);
    };
    let mut kept = Vec::new();
    for feeling in std::mem::take(&mut drafted.draft.feelings) {
        if new_feelings.contains(&feeling) {
            kept.extend(flows::care::offer_danger_words(p, vec![feeling], &other)?);
        } else {
            kept.push(feeling);
        }
    }
    drafted.draft.feelings = kept;
    Ok(drafted)
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
        private: parsed.private,
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
    let other = other_name(store, partner)?;
    let prompt = journey.prompt_for(step, partner.role, date).cloned();
    let today = ctx.today;
    let first_time = store::checkins::count_for(store.conn(), partner.id)? == 0;
    // Words can be kept private by a partner with a key of their own (a passphrase they set).
    let privacy = if parsed.private {
        Privacy::Private
    } else if store::partner_keys::get(store.conn(), partner.id)?
        .is_some_and(|key| key.set_by.is_none_or(|by| by == partner.id))
    {
        Privacy::Ask
    } else {
        Privacy::Shared
    };
    let Asked { draft, private } = match ctx.prompter() {
        Some(p) => {
            if first_time {
                // Said once, at a partner's first check-in: what the other partner will see.
                let shown = sanitize::line(&other);
                // With a passphrase of one's own, the share question comes with the words.
                let private = match privacy {
                    Privacy::Shared => {
                        "Words you keep private (with a passphrase: rekindle partners \
                         passphrase) only you can read."
                    }
                    Privacy::Ask => {
                        "Words you keep private only you can read: you are asked after you write \
                         them."
                    }
                    Privacy::Private => {
                        "This time your words stay private: only you can read them."
                    }
                };
                p.say(&format!(
                    "What {shown} sees: your scores and feelings at once, and your words once \
                     {shown} has checked in for the same day too. {private}"
                ))?;
            }
            let guidance = Guidance {
                date,
                today,
                partner: &partner.name,
                other: &other,
                role: partner.role,
                guide: journey.step(step),
                prompt: prompt.as_ref(),
                before,
                privacy,
            };
            flows::checkin::ask(p, given, &guidance, Options::ALONE)?
        }
        None => Asked {
            draft: given.without_terminal()?,
            private: parsed.private,
        },
    };
    let prompt_id = prompt
        .filter(|_| draft.prompt_shown || draft.answer.is_some())
        .map(|p| p.id);
    Ok(Drafted {
        step,
        prompt_id,
        draft,
        private,
    })
}

/// The journal, or in a terminal on first use, a new one made with the couple's names (and
/// then the partner who typed their name first).
fn open_or_offer_to_create(ctx: &mut Context) -> anyhow::Result<(Store, Option<Partner>)> {
    let key = ctx.journal_key().map(|k| &k.key);
    match Store::open_with(&ctx.journal, key).map(|s| s.with_clock(ctx.clock)) {
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
            let couple = couple::ask(p, &[], couple::RoleFlags::default())?;
            let (store, partners) = create_journal(ctx, &couple)?;
            // From here a cancel says the journal was made, and only the check-in was not.
            crate::domain::error::note_journal_created();
            if let Some(p) = ctx.prompter() {
                p.say("")?;
                p.say(
                    "Created your journal. Other accounts on this computer cannot open it; \
                     what either of you writes here, the other can read, except words kept \
                     private with a passphrase.",
                )?;
                for partner in &partners {
                    p.say(&format!(
                        "  {:<12} {}",
                        sanitize::line(&partner.name),
                        partner.role.describe()
                    ))?;
                }
                p.say("")?;
            }
            ctx.show_safety_card(CardReason::FirstUse);
            Ok((store, partners.into_iter().next()))
        }
        Err(e) => Err(e.into()),
    }
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
    /// The partner still to check in for that day, and the day when it is not today.
    partner_next: Option<(String, Option<NaiveDate>)>,
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
                writeln!(
                    out,
                    "  The version before is kept: rekindle show checkin {}",
                    record.id
                )?;
            }
            None => {
                writeln!(out, "{}", saved_line(record, false))?;
                writeln!(out, "  {}", scores_line(record))?;
            }
        }
        if record.private && !matches!(self.changed, Some([])) {
            writeln!(out, "  {}", crate::views::checkin::private_line(record))?;
        }
        for feeling in record.feelings.iter().filter(|_| self.feelings_from_flags) {
            if let Some(near) = feelings::nearest(&feeling.word) {
                writeln!(out, "  {}", feelings::near_miss_note(&feeling.word, near))?;
            }
        }
        if let Some((other, day)) = &self.partner_next {
            let other = sanitize::line(other);
            let date = day.map_or(String::new(), |d| format!(" --date {d}"));
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                prose::paragraph(
                    &format!(
                        "Next, {other} checks in, on this computer or wherever your journal \
                         is: rekindle checkin --as {}{date}",
                        prose::shell_word(&other)
                    ),
                    0
                )
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    //! A guided amend whose check-in another command changes while the person types (audit
    //! row K11): nothing is lost, both versions are shown, and the person chooses.

    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::ffi::OsString;
    use std::path::{Path, PathBuf};
    use std::rc::Rc;

    use chrono::NaiveDate;

    use crate::commands::checkin::{Args, run};
    use crate::commands::context::{Context, Env, Globals, Terminals};
    use crate::domain::error::Cancelled;
    use crate::domain::kind::RecordKind;
    use crate::flows::prompter::{Check, Edited, Prompter, Reply, Scripted};
    use crate::store::{self, Store};

    struct FakeEnv(HashMap<&'static str, &'static str>);

    impl Env for FakeEnv {
        fn var(&self, key: &str) -> Option<OsString> {
            self.0.get(key).map(OsString::from)
        }
        fn data_dir(&self) -> anyhow::Result<PathBuf> {
            anyhow::bail!("no home in these tests")
        }
        fn config_dir(&self) -> Option<PathBuf> {
            None
        }
    }

    /// The scripted answers, with something done by "another command" just before the
    /// question numbered `at` is answered.
    struct Meanwhile {
        script: Rc<RefCell<Scripted>>,
        asked: usize,
        at: usize,
        meanwhile: Option<Box<dyn FnOnce()>>,
    }

    impl Meanwhile {
        fn tick(&mut self) {
            self.asked += 1;
            if self.asked == self.at
                && let Some(action) = self.meanwhile.take()
            {
                action();
            }
        }
    }

    impl Prompter for Meanwhile {
        fn input_checked(
            &mut self,
            prompt: &str,
            default: Option<&str>,
            allow_empty: bool,
            check: Check<'_>,
        ) -> anyhow::Result<String> {
            self.tick();
            self.script
                .borrow_mut()
                .input_checked(prompt, default, allow_empty, check)
        }
        fn input_from(
            &mut self,
            prompt: &str,
            initial: &str,
            allow_empty: bool,
        ) -> anyhow::Result<String> {
            self.tick();
            self.script
                .borrow_mut()
                .input_from(prompt, initial, allow_empty)
        }
        fn select(
            &mut self,
            prompt: &str,
            items: &[String],
            default: usize,
        ) -> anyhow::Result<usize> {
            self.tick();
            self.script.borrow_mut().select(prompt, items, default)
        }
        fn multi_select(
            &mut self,
            prompt: &str,
            items: &[String],
            checked: &[usize],
        ) -> anyhow::Result<Vec<usize>> {
            self.tick();
            self.script
                .borrow_mut()
                .multi_select(prompt, items, checked)
        }
        fn confirm(&mut self, prompt: &str, default: bool) -> anyhow::Result<bool> {
            self.tick();
            self.script.borrow_mut().confirm(prompt, default)
        }
        fn editor(&mut self, initial: &str, about: &str) -> anyhow::Result<Edited> {
            self.script.borrow_mut().editor(initial, about)
        }
        fn say(&mut self, text: &str) -> anyhow::Result<()> {
            self.script.borrow_mut().say(text)
        }
        fn secret(&mut self, prompt: &str) -> anyhow::Result<String> {
            self.tick();
            self.script.borrow_mut().secret(prompt)
        }
        fn clear(&mut self) -> anyhow::Result<()> {
            self.script.borrow_mut().clear()
        }
        fn pause(&mut self, text: &str) -> anyhow::Result<()> {
            self.tick();
            self.script.borrow_mut().pause(text)
        }
    }

    fn journal(dir: &Path) -> PathBuf {
        let path = dir.join("journal.db");
        let stamp =
            |tx: &rusqlite::Connection| store::clock::stamp(tx, &store::clock::Clock::System, None);
        Store::create(&path, |tx| {
            let s = stamp(tx)?;
            let sam =
                store::partners::insert(tx, &s, "Sam", crate::domain::model::Role::Repairing)?;
            store::partners::insert(tx, &s, "Alex", crate::domain::model::Role::Healing)?;
            let s = s.by(Some(sam.id));
            store::checkins::insert(
                tx,
                &s,
                sam.id,
                NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
                &store::checkins::CheckinFields {
                    trust: 3,
                    ..Default::default()
                },
            )?;
            Ok(())
        })
        .unwrap();
        path
    }

    /// Another command amends the day's check-in: a need added, as audit row K11 did.
    fn amend_elsewhere(path: PathBuf) -> Box<dyn FnOnce()> {
        Box::new(move || {
            let mut other = Store::open(&path).unwrap();
            other
                .write(|tx| {
                    let old = store::checkins::get(tx, 1)?.unwrap();
                    let stamp = store::clock::stamp(tx, &store::clock::Clock::System, Some(1))?;
                    let fields = store::checkins::CheckinFields {
                        need: Some("CONCURRENT-NEED-ADDED".into()),
                        ..old.fields.clone()
                    };
                    store::checkins::replace(tx, &stamp, &old, &fields)?;
                    Ok(())
                })
                .unwrap();
        })
    }

    fn amend(path: &Path, replies: Vec<Reply>) -> (anyhow::Result<()>, Rc<RefCell<Scripted>>) {
        let env = FakeEnv(HashMap::from([("REKINDLE_TODAY", "2026-11-21")]));
        let globals = Globals {
            journal: Some(path.to_path_buf()),
            as_name: Some("Sam".into()),
            ..Globals::default()
        };
        let mut ctx = Context::resolve(
            &globals,
            &env,
            Terminals::default(),
            std::time::SystemTime::now(),
        )
        .unwrap();
        let script = Rc::new(RefCell::new(Scripted::new(replies)));
        ctx.set_prompter(Some(Box::new(Meanwhile {
            script: script.clone(),
            asked: 0,
            at: 2,
            meanwhile: Some(amend_elsewhere(path.to_path_buf())),
        })));
        let args = Args {
            date: None,
            trust: None,
            connection: None,
            feelings: Vec::new(),
            step: None,
            answer: None,
            appreciation: None,
            need: None,
            note: None,
            amend: true,
            private: false,
        };
        (run(&mut ctx, args), script)
    }

    /// Sam's answers: trust 7, everything else kept as it was, then save.
    fn sams_answers(choice: usize) -> Vec<Reply> {
        let mut replies = vec![
            Reply::Text("7".into()),
            Reply::Text("5".into()),
            Reply::Picks(vec![]),
        ];
        replies.extend((0..4).map(|_| Reply::Text(String::new())));
        replies.push(Reply::Yes);
        replies.push(Reply::Pick(choice));
        replies
    }

    fn saved(path: &Path) -> (u8, Option<String>, usize) {
        let store = Store::open(path).unwrap();
        let c = store::checkins::get(store.conn(), 1).unwrap().unwrap();
        let kept = store::revisions::of(store.conn(), RecordKind::Checkin, &c.uuid).unwrap();
        (c.fields.trust, c.fields.need, kept.len())
    }

    #[test]
    fn a_change_made_meanwhile_is_shown_and_saving_over_it_keeps_it_as_a_revision() {
        let dir = tempfile::tempdir().unwrap();
        let path = journal(dir.path());
        let (result, script) = amend(&path, sams_answers(0));
        let script = script.borrow();
        result.unwrap_or_else(|e| panic!("{e}; asked {:?}", script.asked));
        let said = script.said.join("\n");
        assert!(
            said.contains("was changed by another rekindle command"),
            "{said}"
        );
        assert!(
            said.contains("need: CONCURRENT-NEED-ADDED"),
            "their version is shown: {said}"
        );
        assert!(said.contains("trust 7"), "and Sam's: {said}");
        assert_eq!(
            script.asked.last().map(String::as_str),
            Some("Which should stay?")
        );
        let (trust, need, kept) = saved(&path);
        assert_eq!(trust, 7);
        assert_eq!(need, None, "Sam chose his version");
        // The first version and the one saved meanwhile are both kept.
        assert_eq!(kept, 2);
        let store = Store::open(&path).unwrap();
        let uuid = store::revisions::uuid_of(store.conn(), RecordKind::Checkin, 1).unwrap();
        let needs: Vec<Option<String>> =
            store::revisions::of(store.conn(), RecordKind::Checkin, &uuid)
                .unwrap()
                .into_iter()
                .map(|r| match r.body {
                    crate::domain::exchange::Body::Checkin(c, _) => c.need,
                    _ => None,
                })
                .collect();
        assert!(
            needs.contains(&Some("CONCURRENT-NEED-ADDED".into())),
            "{needs:?}"
        );
    }

    #[test]
    fn keeping_the_change_made_meanwhile_saves_nothing_of_this_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = journal(dir.path());
        let (result, script) = amend(&path, sams_answers(1));
        let err = result.unwrap_err();
        assert!(err.downcast_ref::<Cancelled>().is_some(), "{err}");
        assert_eq!(
            script.borrow().asked.last().map(String::as_str),
            Some("Which should stay?")
        );
        let (trust, need, kept) = saved(&path);
        assert_eq!(
            (trust, need.as_deref(), kept),
            (3, Some("CONCURRENT-NEED-ADDED"), 1)
        );
    }
}
