//! `rekindle together`: the weekly meeting at one keyboard.
//!
//! Both partners check in in turn (the same questions as `checkin`, without the parts the
//! meeting asks itself), then each says what they appreciate about the other, the two agree
//! on what went well and one thing to work on, and each answers the other's question "what
//! can I do for you this week?". Everything is saved at the end in one transaction: both
//! check-ins, the meeting and each partner's part of it.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use crate::bail_user;
use crate::commands::common::{ChangedMeanwhile, save_checkin, saved_draft};
use crate::commands::context::{CardReason, Context};
use crate::domain::checkin::{self, Draft};
use crate::domain::dates;
use crate::domain::error::Cancelled;
use crate::domain::feelings::FeelingEntry;
use crate::domain::model::{Partner, Step};
use crate::domain::safety;
use crate::flows;
use crate::flows::conflict::{self, Choice};
use crate::flows::meeting::{self, Meeting};
use crate::store::clock::Clock;
use crate::store::{self, checkins::Checkin};
use crate::text::sanitize;
use crate::views::Output;
use crate::views::checkin::{saved_line, scores_line};
use crate::views::json::{self, CheckinRecord, MeetingRecord};

/// Your weekly time together, at one keyboard: both of you check in, then appreciations,
/// what went well, one thing to work on, and "what can I do for you this week?".
///
/// It takes about ten minutes and needs a terminal. Nothing is saved until you both agree
/// at the end.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The day of the meeting [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

/// What was written: the check-ins, and the meeting when anything was said in it (an empty
/// meeting is never saved, so `--json` then has only `checkins`).
#[derive(Serialize)]
struct Saved {
    #[serde(flatten)]
    meeting: Option<MeetingRecord>,
    checkins: Vec<CheckinRecord>,
    #[serde(skip)]
    date: NaiveDate,
    /// The check-ins these replaced, by id.
    #[serde(skip)]
    replaced: Vec<i64>,
    /// The partners who kept their scores off the shared screen: their lines say only that
    /// they checked in.
    #[serde(skip)]
    scores_kept: Vec<String>,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let date = match &args.date {
        Some(d) => ctx.past_date("--date", d, "your time together")?,
        None => ctx.today,
    };
    if !ctx.interactive() {
        bail_user!(
            "together is a conversation at one keyboard and needs a terminal; from a script, each of you can check in with rekindle checkin --as NAME --trust N"
        );
    }
    let mut store = ctx.open()?;
    let partners = store::partners::all(store.conn())?;
    if partners.len() != 2 {
        bail_user!("together needs the two partners in the journal");
    }
    // Both of you write in your own names: each proves it first when they have a passphrase.
    for partner in &partners {
        ctx.prove(&store, partner)?;
    }
    // The step in focus on the meeting's day, as for a check-in on that day.
    let step = store::focus::step_on(store.conn(), date)?;
    let journey = ctx.journey();
    let existing: Vec<Option<Checkin>> = partners
        .iter()
        .map(|p| store::checkins::find(store.conn(), p.id, date))
        .collect::<Result<_, _>>()?;
    let before: Vec<Option<Draft>> = existing
        .iter()
        .map(|c| c.as_ref().map(|c| saved_draft(store.conn(), c)).transpose())
        .collect::<anyhow::Result<_>>()?;
    let today = ctx.today;
    let draft = store::meetings::draft(store.conn(), date)?
        .and_then(|body| serde_json::from_str::<Meeting>(&body).ok())
        .filter(|m| m.parts_done > 0);
    // At one keyboard the card waits until the meeting is over: in the middle of it, it
    // would be read over a shoulder.
    ctx.hold_safety_card();
    let Some(p) = ctx.prompter() else {
        bail_user!("together needs a terminal");
    };
    let mut meeting = Meeting::default();
    if let Some(draft) = draft {
        let question = format!(
            "Your time together on {} stopped after part {} of {}. Go on from there?",
            dates::in_words(date),
            draft.parts_done,
            meeting::PARTS
        );
        if p.confirm(&question, true)? {
            meeting = draft;
        }
    }
    let asked = meeting::ask(
        p,
        &journey,
        step,
        &partners,
        &before,
        date,
        today,
        &mut meeting,
    );
    if let Err(e) = asked {
        // Interrupted: what was said so far is kept, on this computer only, for the next
        // `together` to go on from. Nothing else is written.
        if e.downcast_ref::<Cancelled>().is_some() && meeting.parts_done > 0 {
            let body = serde_json::to_string(&meeting)?;
            let at = store::clock::wall(&store.clock().now());
            store.write(|tx| Ok(store::meetings::save_draft(tx, date, &body, &at)?))?;
            crate::domain::error::note_draft_kept(meeting.parts_done.into(), meeting::PARTS.into());
        }
        return Err(e);
    }
    care(ctx, &partners, &mut meeting)?;
    let mut existing = existing;
    let mut saved = Saved {
        meeting: None,
        checkins: Vec::new(),
        date,
        replaced: existing.iter().flatten().map(|c| c.id).collect(),
        scores_kept: partners
            .iter()
            .zip(&meeting.turns)
            .filter(|(_, t)| t.scores_kept)
            .map(|(p, _)| p.name.clone())
            .collect(),
    };
    if !meeting.is_empty() {
        let prompt_ids: Vec<Option<String>> = partners
            .iter()
            .map(|p| meeting::together_prompt(&journey, step, p.role, date).map(|p| p.id.clone()))
            .collect();
        let clock = store.clock();
        loop {
            let saving = Saving {
                partners: &partners,
                existing: &existing,
                prompt_ids: &prompt_ids,
                step,
                date,
            };
            match store.write(|tx| {
                let saved = save(tx, &clock, &saving, &meeting)?;
                // Saved whole: a draft this meeting went on from is done with.
                store::meetings::drop_draft(tx, date)?;
                Ok(saved)
            }) {
                Ok(done) => {
                    (saved.meeting, saved.checkins) = done;
                    break;
                }
                Err(e) => {
                    let changed = e.downcast::<ChangedMeanwhile>()?;
                    settle(ctx, changed, &partners, &mut existing, &mut meeting, date)?;
                }
            }
        }
    }
    ctx.emit(&saved)?;
    ctx.release_safety_card();
    Ok(())
}

/// Whether anything said in the meeting calls for the safety card (it is held until the
/// end), and for each danger word a partner chose, the choice to leave it out before saving.
fn care(ctx: &mut Context, partners: &[Partner], meeting: &mut Meeting) -> anyhow::Result<()> {
    let texts: Vec<Option<&str>> = meeting
        .turns
        .iter()
        .flat_map(|t| {
            let c = t.checkin.as_ref();
            [
                c.and_then(|c| c.answer.as_deref()),
                c.and_then(|c| c.appreciation.as_deref()),
                c.and_then(|c| c.need.as_deref()),
                c.and_then(|c| c.note.as_deref()),
                t.appreciation.as_deref(),
                t.request.as_deref(),
            ]
        })
        .chain([meeting.went_well.as_deref(), meeting.work_on.as_deref()])
        .collect();
    let feelings: Vec<FeelingEntry> = meeting
        .turns
        .iter()
        .filter_map(|t| t.checkin.as_ref())
        .flat_map(|c| c.feelings.iter().cloned())
        .collect();
    if safety::calls_for_card(&feelings, texts) {
        ctx.show_safety_card(CardReason::Written);
    }
    let Some(p) = ctx.prompter() else {
        return Ok(());
    };
    for (i, turn) in meeting.turns.iter_mut().enumerate() {
        let Some(draft) = turn.checkin.as_mut() else {
            continue;
        };
        if draft
            .feelings
            .iter()
            .any(|f| safety::is_danger_word(&f.word))
        {
            let other = &partners[1 - i.min(1)].name;
            let feelings = std::mem::take(&mut draft.feelings);
            draft.feelings = flows::care::offer_danger_words(p, feelings, other)?;
        }
    }
    Ok(())
}

/// A partner's check-in for the day was saved or changed by another command during the
/// meeting: both versions are shown, and they choose. Keeping the other one leaves this
/// check-in out (printed, so nothing typed is lost) and saves the rest of the meeting.
fn settle(
    ctx: &mut Context,
    changed: ChangedMeanwhile,
    partners: &[Partner],
    existing: &mut [Option<Checkin>],
    meeting: &mut Meeting,
    date: NaiveDate,
) -> anyhow::Result<()> {
    let Some(i) = partners.iter().position(|p| p.name == changed.partner) else {
        return Err(changed.into());
    };
    let Some(mine) = meeting.turns.get(i).and_then(|t| t.checkin.clone()) else {
        return Err(changed.into());
    };
    let what = format!(
        "{}'s check-in for {}",
        sanitize::line(&changed.partner),
        dates::in_words(date)
    );
    let theirs = match &changed.current {
        Some((_, draft)) => checkin::summary(draft, date),
        None => "(deleted)".to_string(),
    };
    let Some(p) = ctx.prompter() else {
        return Err(changed.into());
    };
    match conflict::resolve(p, &what, &theirs, &checkin::summary(&mine, date))? {
        Choice::SaveMine => existing[i] = changed.current.map(|(c, _)| c),
        Choice::KeepTheirs => {
            writeln!(
                ctx.out(),
                "Kept {what} as saved meanwhile. What was written here was not saved; here it is:\n{}",
                checkin::summary(&mine, date)
            )?;
            if let Some(turn) = meeting.turns.get_mut(i) {
                turn.checkin = None;
            }
            existing[i] = changed.current.map(|(c, _)| c);
        }
    }
    Ok(())
}

/// What the meeting is saved with.
struct Saving<'a> {
    partners: &'a [Partner],
    /// Each partner's check-in for the day, as it was read before the meeting.
    existing: &'a [Option<Checkin>],
    /// The prompt each partner's check-in answers.
    prompt_ids: &'a [Option<String>],
    step: Step,
    date: NaiveDate,
}

/// Saves both check-ins, and the meeting with each partner's part when anything was said
/// in it (a request taken on as a promise becomes one).
fn save(
    tx: &rusqlite::Connection,
    clock: &Clock,
    t: &Saving<'_>,
    meeting: &Meeting,
) -> anyhow::Result<(Option<MeetingRecord>, Vec<CheckinRecord>)> {
    let mut checkins = Vec::new();
    for (((partner, turn), old), prompt_id) in t
        .partners
        .iter()
        .zip(&meeting.turns)
        .zip(t.existing)
        .zip(t.prompt_ids)
    {
        if let Some(draft) = &turn.checkin {
            checkins.push(save_checkin(
                tx,
                clock,
                partner,
                t.date,
                t.step,
                prompt_id.clone(),
                draft,
                old.as_ref(),
            )?);
        }
    }
    if !meeting.has_talk() {
        return Ok((None, checkins));
    }
    // The meeting is both partners'; a promise is its maker's.
    let stamp = store::clock::stamp(tx, clock, None)?;
    let row = store::meetings::insert(
        tx,
        &stamp,
        t.date,
        meeting.went_well.as_deref(),
        meeting.work_on.as_deref(),
    )?;
    let mut parts = Vec::new();
    for (i, (partner, turn)) in t.partners.iter().zip(&meeting.turns).enumerate() {
        // A request taken on as a promise is made by the other partner, to this one.
        let promise_id = match (&turn.request, turn.promised) {
            (Some(text), Some(offer)) => {
                let (due, every) = offer.schedule(text, t.date);
                let promise = store::promises::insert(
                    tx,
                    &stamp.by(Some(t.partners[1 - i].id)),
                    &store::promises::NewPromise {
                        by_id: t.partners[1 - i].id,
                        to_id: Some(partner.id),
                        from: t.date,
                        text,
                        due,
                        every,
                    },
                )?;
                Some(promise.id)
            }
            _ => None,
        };
        parts.push(store::meetings::insert_part(
            tx,
            row.id,
            partner.id,
            turn.appreciation.as_deref(),
            turn.request.as_deref(),
            promise_id,
        )?);
    }
    let named: Vec<_> = parts
        .iter()
        .zip(t.partners)
        .map(|(part, partner)| (part, partner.name.as_str()))
        .collect();
    Ok((Some(json::meeting_record(&row, &named)), checkins))
}

impl Output for Saved {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let date = self.date;
        match &self.meeting {
            // Nothing entered at all: no check-in, no meeting.
            None if self.checkins.is_empty() => {
                writeln!(
                    out,
                    "Nothing was entered, so nothing was saved. Your time together still counts."
                )?;
                return Ok(());
            }
            Some(_) => writeln!(
                out,
                "Saved your time together for {}.",
                dates::in_words(date)
            )?,
            None => writeln!(
                out,
                "Nothing was said for your time together on {}, so only the check-ins were saved.",
                dates::in_words(date)
            )?,
        }
        for record in &self.checkins {
            let replaced = self.replaced.contains(&record.id);
            writeln!(out, "{}", saved_line(record, replaced))?;
            if !self.scores_kept.contains(&record.partner) {
                writeln!(out, "  {}", scores_line(record))?;
            }
        }
        let Some(meeting) = &self.meeting else {
            return Ok(());
        };
        let parts = &meeting.partners;
        let asks: Vec<String> = parts
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let other = parts.get(1 - i.min(1)).map_or("", |o| o.partner.as_str());
                p.request.as_ref().map(|r| {
                    let promise = p.promise_id.map_or(String::new(), |id| {
                        format!(" (now promise {id}: rekindle promise keep {id})")
                    });
                    format!(
                        "  {} asked {}: {}{promise}",
                        sanitize::line(&p.partner),
                        sanitize::line(other),
                        sanitize::line(r)
                    )
                })
            })
            .collect();
        if !asks.is_empty() {
            writeln!(out, "This week's requests:")?;
            for line in asks {
                writeln!(out, "{line}")?;
            }
        }
        Ok(())
    }
}
