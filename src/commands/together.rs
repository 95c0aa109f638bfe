//! `rekindle together`: the weekly meeting at one keyboard.
//!
//! Both partners check in in turn (the same questions as `checkin`, without the parts the
//! meeting asks itself), then each says what they appreciate about the other, the two agree
//! on what went well and one thing to work on, and each answers the other's question "what
//! can I do for you this week?". Everything is saved at the end in one transaction: both
//! check-ins, the meeting and each partner's part of it.

use std::io::Write as _;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::bail_user;
use crate::commands::checkin::{focus_on, save, saved_draft, saved_line, scores_line};
use crate::commands::context::Context;
use crate::domain::checkin::{self, Draft, Given, Guidance, Options};
use crate::domain::dates;
use crate::domain::error::Cancelled;
use crate::domain::journey::Journey;
use crate::domain::model::{Partner, Step};
use crate::domain::recurrence::Rule;
use crate::prompter::Prompter;
use crate::records::{self, CheckinRecord, MeetingRecord};
use crate::store::{self, checkins::Checkin};
use crate::text::sanitize;

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

/// One partner's turn: their check-in (unless they kept the one already saved), their
/// appreciation, their request, and whether the other partner promised it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Turn {
    pub checkin: Option<Draft>,
    pub appreciation: Option<String>,
    pub request: Option<String>,
    pub promised: Option<Offer>,
}

/// How the other partner took on a request as a promise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    /// Once, within a week of the meeting.
    Once,
    /// Every week, on the meeting's weekday.
    Weekly,
}

impl Offer {
    /// The promise a request becomes: (due date, recurrence).
    fn schedule(self, date: NaiveDate) -> (Option<NaiveDate>, Option<Rule>) {
        match self {
            Offer::Once => (Some(date + Days::new(7)), None),
            Offer::Weekly => (None, Some(Rule::Week)),
        }
    }
}

/// Everything the meeting gathered, before it is saved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meeting {
    pub turns: Vec<Turn>,
    pub went_well: Option<String>,
    pub work_on: Option<String>,
}

impl Meeting {
    /// Whether anything was said in the meeting's own questions (appreciations, what went
    /// well, what to work on, requests).
    pub fn has_talk(&self) -> bool {
        self.went_well.is_some()
            || self.work_on.is_some()
            || self
                .turns
                .iter()
                .any(|t| t.appreciation.is_some() || t.request.is_some())
    }

    /// Whether nothing at all was entered: no check-in and no part of the meeting.
    pub fn is_empty(&self) -> bool {
        !self.has_talk() && self.turns.iter().all(|t| t.checkin.is_none())
    }
}

/// What was written: the check-ins, and the meeting when anything was said in it (an empty
/// meeting is never saved, so `--json` then has only `checkins`).
#[derive(Serialize)]
struct Saved {
    #[serde(flatten)]
    meeting: Option<MeetingRecord>,
    checkins: Vec<CheckinRecord>,
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
    // The step in focus on the meeting's day, as for a check-in on that day.
    let step = focus_on(&store, date)?;
    let journey = ctx.journey();
    let existing: Vec<Option<Checkin>> = partners
        .iter()
        .map(|p| store::checkins::find(store.conn(), p.id, date))
        .collect::<Result<_, _>>()?;
    let before: Vec<Option<Draft>> = existing
        .iter()
        .map(|c| c.as_ref().map(|c| saved_draft(&store, c)).transpose())
        .collect::<anyhow::Result<_>>()?;
    let today = ctx.today;
    let Some(p) = ctx.prompter() else {
        bail_user!("together needs a terminal");
    };
    let meeting = ask(p, &journey, step, &partners, &before, date, today)?;
    if meeting.is_empty() {
        if ctx.json {
            return ctx.print_json(&Saved {
                meeting: None,
                checkins: Vec::new(),
            });
        }
        writeln!(
            ctx.out(),
            "Nothing was entered, so nothing was saved. Your time together still counts."
        )?;
        return Ok(());
    }

    let saved = store.write(|tx| {
        let mut checkins = Vec::new();
        for ((partner, turn), old) in partners.iter().zip(&meeting.turns).zip(&existing) {
            if let Some(draft) = &turn.checkin {
                let prompt_id = journey
                    .prompt_for(step, partner.role, date)
                    .map(|p| p.id.clone());
                checkins.push(save(
                    tx,
                    partner,
                    date,
                    step,
                    prompt_id,
                    draft,
                    old.as_ref(),
                )?);
            }
        }
        if !meeting.has_talk() {
            return Ok(Saved {
                meeting: None,
                checkins,
            });
        }
        let row = store::meetings::insert(
            tx,
            date,
            meeting.went_well.as_deref(),
            meeting.work_on.as_deref(),
        )?;
        let mut parts = Vec::new();
        for (i, (partner, turn)) in partners.iter().zip(&meeting.turns).enumerate() {
            // A request taken on as a promise is made by the other partner, to this one.
            let promise_id = match (&turn.request, turn.promised) {
                (Some(text), Some(offer)) => {
                    let (due, every) = offer.schedule(date);
                    let promise = store::promises::insert(
                        tx,
                        &store::promises::NewPromise {
                            by_id: partners[1 - i].id,
                            to_id: Some(partner.id),
                            from: date,
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
            .zip(&partners)
            .map(|(part, partner)| (part, partner.name.as_str()))
            .collect();
        Ok(Saved {
            meeting: Some(records::meeting_record(&row, &named)),
            checkins,
        })
    })?;
    report(ctx, &saved, &existing, date)
}

/// The meeting's questions, in order. Cancelling anywhere, or declining at the end, is
/// [`Cancelled`]: nothing is saved.
pub fn ask(
    p: &mut dyn Prompter,
    journey: &Journey,
    step: Step,
    partners: &[Partner],
    existing: &[Option<Draft>],
    date: NaiveDate,
    today: NaiveDate,
) -> anyhow::Result<Meeting> {
    if partners.len() != 2 || existing.len() != 2 {
        bail_user!("together needs the two partners in the journal");
    }
    let names: Vec<String> = partners
        .iter()
        .map(|p| sanitize::line(&p.name).into_owned())
        .collect();
    p.say(&format!("Your time together, {}.", dates::in_words(date)))?;
    p.say("Take turns at the keyboard; nothing is saved until the end.")?;
    p.say("")?;
    let mut meeting = Meeting::default();
    for (i, partner) in partners.iter().enumerate() {
        let other = &partners[1 - i].name;
        let before = existing.get(i).and_then(Option::as_ref);
        if before.is_some() {
            let question = format!(
                "{} already checked in for that day. Check in again and replace it?",
                names[i]
            );
            if !p.confirm(&question, false)? {
                meeting.turns.push(Turn::default());
                continue;
            }
        }
        let guidance = Guidance {
            date,
            today,
            partner: &partner.name,
            other,
            guide: journey.step(step),
            prompt: journey.prompt_for(step, partner.role, date),
            before,
        };
        let draft = checkin::ask(p, Given::default(), &guidance, Options::TOGETHER)?;
        p.say("")?;
        meeting.turns.push(Turn {
            checkin: Some(draft),
            ..Turn::default()
        });
    }
    for i in 0..2 {
        let question = format!(
            "{}, what do you appreciate about {} this week? (Enter to skip)",
            names[i],
            names[1 - i]
        );
        meeting.turns[i].appreciation = checkin::text(Some(p.input(&question, None, true)?));
    }
    meeting.went_well = checkin::text(Some(p.input(
        "What went well between you this week? (Enter to skip)",
        None,
        true,
    )?));
    meeting.work_on = checkin::text(Some(p.input(
        "One thing you would like to work on together (Enter to skip)",
        None,
        true,
    )?));
    for i in 0..2 {
        let question = format!(
            "{} asks {}: what can I do for you this week? (Enter to skip)",
            names[1 - i],
            names[i]
        );
        meeting.turns[i].request = checkin::text(Some(p.input(&question, None, true)?));
        if meeting.turns[i].request.is_some() {
            let choices = vec![
                "Not as a promise".to_string(),
                format!("Yes, once, by {}", dates::in_words(date + Days::new(7))),
                format!("Yes, every week, on {}s", date.format("%A")),
            ];
            let question = format!("{}, would you like to make that a promise?", names[1 - i]);
            meeting.turns[i].promised = match p.select(&question, &choices, 0)? {
                1 => Some(Offer::Once),
                2 => Some(Offer::Weekly),
                _ => None,
            };
        }
    }
    if meeting.is_empty() {
        // Nothing to save, so nothing to confirm: the caller says so.
        return Ok(meeting);
    }
    p.say("")?;
    p.say(&summary(&meeting, &names, date))?;
    if !meeting.has_talk() {
        p.say("  Nothing was said for the meeting itself, so only the check-ins will be saved.")?;
    }
    if !p.confirm("Save your time together?", true)? {
        return Err(Cancelled.into());
    }
    Ok(meeting)
}

fn summary(meeting: &Meeting, names: &[String], date: NaiveDate) -> String {
    let mut lines = vec![format!("Your time together, {}:", dates::in_words(date))];
    for (i, turn) in meeting.turns.iter().enumerate() {
        match &turn.checkin {
            Some(draft) => {
                let mut scores = format!("  {}: trust {}", names[i], draft.trust);
                if let Some(c) = draft.connection {
                    scores.push_str(&format!(", connection {c}"));
                }
                if !draft.feelings.is_empty() {
                    scores.push_str(&format!(
                        "; feeling {}",
                        checkin::feelings_in_words(&draft.feelings)
                    ));
                }
                lines.push(scores);
            }
            None => lines.push(format!("  {}: keeps the check-in already saved", names[i])),
        }
    }
    let other = |i: usize| &names[1 - i];
    for (i, turn) in meeting.turns.iter().enumerate() {
        if let Some(a) = &turn.appreciation {
            lines.push(format!(
                "  {} appreciates about {}: {}",
                names[i],
                other(i),
                sanitize::line(a)
            ));
        }
    }
    if let Some(w) = &meeting.went_well {
        lines.push(format!("  went well: {}", sanitize::line(w)));
    }
    if let Some(w) = &meeting.work_on {
        lines.push(format!("  to work on: {}", sanitize::line(w)));
    }
    for (i, turn) in meeting.turns.iter().enumerate() {
        if let Some(r) = &turn.request {
            let promise = match turn.promised {
                Some(Offer::Once) => format!(" ({} promises it, once)", other(i)),
                Some(Offer::Weekly) => format!(" ({} promises it, every week)", other(i)),
                None => String::new(),
            };
            lines.push(format!(
                "  {} asks of {}: {}{promise}",
                names[i],
                other(i),
                sanitize::line(r)
            ));
        }
    }
    lines.join("\n")
}

fn report(
    ctx: &Context,
    saved: &Saved,
    existing: &[Option<Checkin>],
    date: NaiveDate,
) -> anyhow::Result<()> {
    if ctx.json {
        return ctx.print_json(saved);
    }
    let mut out = ctx.out();
    match &saved.meeting {
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
    for record in &saved.checkins {
        let replaced = existing.iter().flatten().any(|c| c.id == record.id);
        writeln!(out, "{}", saved_line(record, replaced))?;
        writeln!(out, "  {}", scores_line(record))?;
    }
    let Some(meeting) = &saved.meeting else {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Role;
    use crate::prompter::{Reply, Scripted};

    fn partners() -> Vec<Partner> {
        vec![
            Partner {
                id: 1,
                uuid: String::new(),
                name: "Sam".into(),
                role: Role::Repairing,
            },
            Partner {
                id: 2,
                uuid: String::new(),
                name: "Alex".into(),
                role: Role::Healing,
            },
        ]
    }

    fn t(s: &str) -> Reply {
        Reply::Text(s.into())
    }

    #[test]
    fn both_check_in_then_the_meeting_questions_in_order() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let mut p = Scripted::new([
            // Sam's check-in: trust, connection, feelings, answer.
            t("6"),
            t("7"),
            Reply::Picks(vec![]),
            t("I own it."),
            // Alex's check-in.
            t("4"),
            t("5"),
            Reply::Picks(vec![]),
            t(""),
            // Appreciations, what went well, one thing to work on, requests.
            t("the walk on Sunday"),
            t(""),
            t("we talked calmly"),
            t("screens away at bedtime"),
            t("text me when you're late"),
            Reply::Pick(2),
            t("a hug in the morning"),
            Reply::Pick(0),
            Reply::Yes,
        ]);
        let existing = [None, None];
        let meeting = ask(
            &mut p,
            &Journey::builtin(),
            Step::Communication,
            &partners(),
            &existing,
            date,
            date,
        )
        .unwrap();
        assert_eq!(p.remaining(), 0);
        assert_eq!(meeting.turns.len(), 2);
        assert_eq!(meeting.turns[0].checkin.as_ref().unwrap().trust, 6);
        assert_eq!(
            meeting.turns[0].checkin.as_ref().unwrap().answer.as_deref(),
            Some("I own it.")
        );
        assert_eq!(meeting.turns[1].checkin.as_ref().unwrap().trust, 4);
        assert_eq!(
            meeting.turns[0].appreciation.as_deref(),
            Some("the walk on Sunday")
        );
        assert_eq!(meeting.turns[1].appreciation, None);
        assert_eq!(meeting.went_well.as_deref(), Some("we talked calmly"));
        assert_eq!(meeting.work_on.as_deref(), Some("screens away at bedtime"));
        assert_eq!(
            meeting.turns[0].request.as_deref(),
            Some("text me when you're late")
        );
        assert_eq!(
            meeting.turns[1].request.as_deref(),
            Some("a hug in the morning")
        );
        assert_eq!(meeting.turns[0].promised, Some(Offer::Weekly));
        assert_eq!(meeting.turns[1].promised, None);
        assert!(
            p.asked
                .contains(&"Alex, would you like to make that a promise?".to_string())
        );
        assert!(p.asked.contains(
            &"Alex asks Sam: what can I do for you this week? (Enter to skip)".to_string()
        ));
        assert!(
            p.asked
                .contains(&"How much do you trust Sam today? (1-10)".to_string())
        );
    }

    #[test]
    fn an_existing_check_in_can_be_kept_and_declining_saves_nothing() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let kept = Draft {
            trust: 6,
            ..Draft::default()
        };
        let mut p = Scripted::new([
            Reply::No, // keep Sam's check-in
            t("4"),
            t("5"),
            Reply::Picks(vec![]),
            t(""),
            t(""),
            t(""),
            t(""),
            t(""),
            t(""),
            t(""),
            Reply::No,
        ]);
        let result = ask(
            &mut p,
            &Journey::builtin(),
            Step::Responsibility,
            &partners(),
            &[Some(kept), None],
            date,
            date,
        );
        assert!(result.unwrap_err().downcast_ref::<Cancelled>().is_some());
        assert!(
            p.said
                .iter()
                .any(|s| s.contains("Sam: keeps the check-in already saved"))
        );
        assert_eq!(p.remaining(), 0);
        assert!(
            p.said
                .iter()
                .any(|s| s.contains("only the check-ins will be saved"))
        );
    }

    // Regression: pressing Enter through every question saved a meeting with nothing in it.
    #[test]
    fn a_meeting_with_nothing_entered_asks_nothing_more() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let kept = Draft {
            trust: 6,
            ..Draft::default()
        };
        let mut p = Scripted::new([
            Reply::No, // keep Sam's check-in
            Reply::No, // keep Alex's
            t(""),
            t(""),
            t(""),
            t(""),
            t(""),
            t(""),
        ]);
        let meeting = ask(
            &mut p,
            &Journey::builtin(),
            Step::Responsibility,
            &partners(),
            &[Some(kept.clone()), Some(kept)],
            date,
            date,
        )
        .unwrap();
        assert!(meeting.is_empty());
        assert_eq!(p.remaining(), 0);
        assert!(!p.asked.iter().any(|q| q.starts_with("Save")));
    }
}
