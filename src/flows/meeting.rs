//! The weekly meeting at one keyboard: both partners check in in turn (the check-in's
//! questions, without the parts the meeting asks itself), then each says what they
//! appreciate about the other, the two agree on what went well and one thing to work on, and
//! each answers the other's question "what can I do for you this week?". [`ask`] returns
//! what was said; `commands::together` saves it.

use chrono::NaiveDate;

use crate::bail_user;
use crate::domain::checkin::{Draft, Given, feelings_in_words, text};
use crate::domain::dates;
use crate::domain::error::Cancelled;
use crate::domain::journey::{Journey, Prompt};
use crate::domain::model::{Partner, Role, Step};
use crate::domain::recurrence::Rule;
use crate::flows::checkin::{self, Guidance, Options};
use crate::flows::prompter::{self, Prompter};
use crate::text::sanitize;

/// One partner's turn: their check-in (unless they kept the one already saved), their
/// appreciation, their request, and whether the other partner promised it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Turn {
    pub checkin: Option<Draft>,
    pub appreciation: Option<String>,
    pub request: Option<String>,
    pub promised: Option<Offer>,
    /// The partner chose to keep their scores off the summary read together (and off the
    /// lines printed when the meeting is saved).
    pub scores_kept: bool,
}

/// How the other partner took on a request as a promise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Offer {
    /// Once: by the day the request names ("on Friday"), else within a week of the meeting.
    Once,
    /// Every week: on the weekdays the request names, else on the meeting's weekday.
    Weekly(Rule),
}

impl Offer {
    /// The promise `request`, made at the meeting of `date`, becomes: (due date, recurrence).
    pub fn schedule(self, request: &str, date: NaiveDate) -> (Option<NaiveDate>, Option<Rule>) {
        match self {
            Offer::Once => (Some(Rule::once_as_said(request, date)), None),
            Offer::Weekly(rule) => (None, Some(rule)),
        }
    }
}

/// Everything the meeting gathered, before it is saved.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Meeting {
    pub turns: Vec<Turn>,
    pub went_well: Option<String>,
    pub work_on: Option<String>,
    /// How many of the [`PARTS`] are done: a resumed meeting starts after them.
    pub parts_done: u8,
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

/// How many parts the meeting has: each partner's check-in, then appreciations and the two
/// shared questions, then requests.
pub const PARTS: u8 = 4;

/// The meeting's questions, in order, gathered into `meeting` as they are answered, so that
/// when the meeting is interrupted (Cancelled) the caller still holds what was said so far.
/// A `meeting` that already has parts done (a resumed draft) starts at the first part not
/// done; a part interrupted half-way is asked again whole. Declining at the end is
/// [`Cancelled`] too: nothing is saved.
///
/// The screen is cleared after each partner's check-in, so the next one does not read it,
/// and each partner may keep their scores off the summary read together at the end.
#[allow(clippy::too_many_arguments)]
pub fn ask(
    p: &mut dyn Prompter,
    journey: &Journey,
    step: Step,
    partners: &[Partner],
    existing: &[Option<Draft>],
    date: NaiveDate,
    today: NaiveDate,
    meeting: &mut Meeting,
) -> anyhow::Result<()> {
    if partners.len() != 2 || existing.len() != 2 {
        bail_user!("together needs the two partners in the journal");
    }
    let names: Vec<String> = partners
        .iter()
        .map(|p| sanitize::line(&p.name).into_owned())
        .collect();
    meeting.turns.resize(2, Turn::default());
    if meeting.parts_done == 0 {
        p.say(&format!("Your time together, {}.", dates::in_words(date)))?;
        p.say("Take turns at the keyboard; nothing is saved until the end.")?;
        p.say("")?;
    } else {
        p.say(&format!(
            "Your time together, {}, from part {} of {PARTS}.",
            dates::in_words(date),
            meeting.parts_done + 1
        ))?;
    }
    for (i, partner) in partners.iter().enumerate() {
        if meeting.parts_done > i as u8 {
            continue;
        }
        p.say(&format!(
            "Part {} of {PARTS}: {}'s check-in",
            i + 1,
            names[i]
        ))?;
        let other = &partners[1 - i].name;
        let before = existing.get(i).and_then(Option::as_ref);
        let mut turn = Turn::default();
        let replace = match before {
            Some(_) => p.confirm(
                &format!(
                    "{} already checked in for that day. Check in again and replace it?",
                    names[i]
                ),
                false,
            )?,
            None => true,
        };
        if replace {
            let guidance = Guidance {
                date,
                today,
                partner: &partner.name,
                other,
                role: partner.role,
                guide: journey.step(step),
                prompt: together_prompt(journey, step, partner.role, date),
                before,
                // At one keyboard the words are said together: nothing private here.
                privacy: checkin::Privacy::Shared,
            };
            turn.checkin =
                Some(checkin::ask(p, Given::default(), &guidance, Options::TOGETHER)?.draft);
            turn.scores_kept = !p.confirm(
                &format!(
                    "{}, show your scores on the summary you read together at the end?",
                    names[i]
                ),
                true,
            )?;
        }
        meeting.turns[i].checkin = turn.checkin;
        meeting.turns[i].scores_kept = turn.scores_kept;
        meeting.parts_done = i as u8 + 1;
        // The next partner takes the keyboard: a pause first, so that a key pressed once too
        // often lands here and not in their first answer; then what was just answered leaves
        // the screen.
        if i == 0 {
            p.pause(&format!(
                "Thank you, {}. Now hand the keyboard to {}, and press Enter when {} is \
                 ready; the screen is cleared first.",
                names[0], names[1], names[1]
            ))?;
        }
        p.clear()?;
    }
    if meeting.parts_done < 3 {
        p.say(&format!(
            "Part 3 of {PARTS}: appreciations, and how the week went"
        ))?;
        let mut appreciations = [None, None];
        for i in 0..2 {
            // Optional for everyone, and said so: for a partner who was hurt, early on, it
            // can be too soon to appreciate the other.
            let question = prompter::ask(
                &format!(
                    "{}, anything you appreciated about {} this week? It is fine to pass",
                    names[i],
                    names[1 - i]
                ),
                "Enter skips",
            );
            appreciations[i] = text(Some(p.input(&question, None, true)?));
        }
        let went_well = text(Some(p.input(
            &prompter::ask("What went well between you this week?", "Enter skips"),
            None,
            true,
        )?));
        let work_on = text(Some(p.input(
            &prompter::ask("One thing to work on together", "Enter skips"),
            None,
            true,
        )?));
        let [first, second] = appreciations;
        meeting.turns[0].appreciation = first;
        meeting.turns[1].appreciation = second;
        meeting.went_well = went_well;
        meeting.work_on = work_on;
        meeting.parts_done = 3;
    }
    if meeting.parts_done < 4 {
        p.say(&format!(
            "Part 4 of {PARTS}: what you would like from each other this week"
        ))?;
        let mut asked: Vec<(Option<String>, Option<Offer>)> = Vec::new();
        for i in 0..2 {
            let question = prompter::ask(
                &format!(
                    "{}, what would you like {} to do for you this week?",
                    names[i],
                    names[1 - i]
                ),
                "Enter skips",
            );
            let request = text(Some(p.input(&question, None, true)?));
            let mut promised = None;
            if let Some(request) = &request {
                // A request that names a day ("call me at lunch on Wednesday") is offered on
                // that day, once (the coming one) or every week.
                let weekly = Rule::weekly_as_said(request, date);
                let once = Rule::once_as_said(request, date);
                let choices = vec![
                    "Not as a promise".to_string(),
                    format!("Yes, once, by {}", dates::in_words(once)),
                    format!("Yes, {}", weekly.describe(date)),
                ];
                let question = format!("{}, would you like to make that a promise?", names[1 - i]);
                promised = match p.select(&question, &choices, 0)? {
                    1 => Some(Offer::Once),
                    2 => Some(Offer::Weekly(weekly)),
                    _ => None,
                };
            }
            asked.push((request, promised));
        }
        for (turn, (request, promised)) in meeting.turns.iter_mut().zip(asked) {
            turn.request = request;
            turn.promised = promised;
        }
        meeting.parts_done = 4;
    }
    if meeting.is_empty() {
        // Nothing to save, so nothing to confirm: the caller says so.
        return Ok(());
    }
    p.say("")?;
    p.say(&summary(meeting, &names, date))?;
    if !meeting.has_talk() {
        p.say("  Nothing was said for the meeting itself, so only the check-ins will be saved.")?;
    }
    if !p.confirm("Save your time together?", true)? {
        return Err(Cancelled.into());
    }
    Ok(())
}

/// The day's prompt for a partner at the shared keyboard; none in the step about deciding
/// whether to stay, whose questions are for each partner alone.
pub fn together_prompt(
    journey: &Journey,
    step: Step,
    role: Role,
    date: NaiveDate,
) -> Option<&Prompt> {
    (step != Step::Reassess)
        .then(|| journey.prompt_for(step, role, date))
        .flatten()
}

fn summary(meeting: &Meeting, names: &[String], date: NaiveDate) -> String {
    let mut lines = vec![format!("Your time together, {}:", dates::in_words(date))];
    for (i, turn) in meeting.turns.iter().enumerate() {
        match &turn.checkin {
            Some(_) if turn.scores_kept => lines.push(format!(
                "  {}: checked in (scores kept off this screen)",
                names[i]
            )),
            Some(draft) => {
                let mut scores = format!("  {}: trust {}", names[i], draft.trust);
                if let Some(c) = draft.connection {
                    scores.push_str(&format!(", connection {c}"));
                }
                if !draft.feelings.is_empty() {
                    scores.push_str(&format!("; feeling {}", feelings_in_words(&draft.feelings)));
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
                Some(Offer::Once) => format!(
                    " ({} promises it, once, by {})",
                    other(i),
                    dates::in_words(Rule::once_as_said(r, date))
                ),
                Some(Offer::Weekly(rule)) => {
                    format!(" ({} promises it, {})", other(i), rule.describe(date))
                }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::tests::sam_and_alex;
    use crate::flows::prompter::{CLEARED, Reply, Scripted};

    #[test]
    fn at_one_keyboard_the_step_about_deciding_whether_to_stay_asks_no_prompt() {
        let journey = Journey::builtin();
        let date = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default();
        for step in Step::ALL {
            for role in Role::ALL {
                let prompt = together_prompt(&journey, step, role, date);
                assert_eq!(prompt.is_none(), step == Step::Reassess, "{step} {role}");
            }
        }
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
            Reply::Yes,   // Sam's scores on the shared summary
            Reply::Enter, // Alex takes the keyboard
            // Alex's check-in.
            t("4"),
            t("5"),
            Reply::Picks(vec![]),
            t(""),
            Reply::No, // Alex keeps their scores off it
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
        let mut meeting = Meeting::default();
        ask(
            &mut p,
            &Journey::builtin(),
            Step::Communication,
            &sam_and_alex(),
            &existing,
            date,
            date,
            &mut meeting,
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
        assert_eq!(meeting.turns[0].promised, Some(Offer::Weekly(Rule::Week)));
        assert_eq!(meeting.turns[1].promised, None);
        assert!(
            p.asked
                .contains(&"Alex, would you like to make that a promise?".to_string())
        );
        assert!(p.asked.contains(
            &"Sam, what would you like Alex to do for you this week?\nEnter skips".to_string()
        ));
        assert!(
            p.asked
                .contains(&"How much do you trust Sam today?\n1 to 10".to_string())
        );
        // The screen is cleared after each check-in, before the other partner reads it,
        // and each part says where the meeting is.
        assert_eq!(p.cleared, 2);
        let part2 = p
            .said
            .iter()
            .position(|s| s == "Part 2 of 4: Alex's check-in");
        let first_clear = p.said.iter().position(|s| s == CLEARED);
        assert!(first_clear.unwrap() < part2.unwrap(), "{:?}", p.said);
        // Before the screen is cleared, Sam hands over and Enter is waited for: nothing
        // Sam types then reaches Alex's first question.
        let handover = "Thank you, Sam. Now hand the keyboard to Alex, and press Enter when \
                        Alex is ready; the screen is cleared first.";
        let at = p.asked.iter().position(|q| q == handover);
        let alex_first = p
            .asked
            .iter()
            .position(|q| q == "How much do you trust Sam today?\n1 to 10");
        assert!(at.unwrap() < alex_first.unwrap(), "{:?}", p.asked);
        assert_eq!(
            p.asked
                .iter()
                .filter(|q| q.contains("hand the keyboard"))
                .count(),
            1
        );
        assert!(
            p.said.contains(
                &"Part 4 of 4: what you would like from each other this week".to_string()
            )
        );
        // Alex kept their scores off the summary; Sam's are on it.
        let summary = p
            .said
            .iter()
            .find(|s| s.starts_with("Your time together, ") && s.contains('\n'))
            .unwrap();
        assert!(summary.contains("Sam: trust 6, connection 7"), "{summary}");
        assert!(
            summary.contains("Alex: checked in (scores kept off this screen)"),
            "{summary}"
        );
        assert!(!summary.contains("trust 4"), "{summary}");
        assert!(meeting.turns[1].scores_kept && !meeting.turns[0].scores_kept);
        assert_eq!(meeting.parts_done, 4);
    }

    #[test]
    fn an_interrupted_meeting_keeps_what_was_said_and_resumes_after_it() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let mut p = Scripted::new([
            t("6"),
            t("7"),
            Reply::Picks(vec![]),
            t("I own it."),
            Reply::Yes,
            Reply::Enter,
            t("4"),
            Reply::Cancel, // Ctrl-C in Alex's check-in
        ]);
        let mut meeting = Meeting::default();
        let journey = Journey::builtin();
        let err = ask(
            &mut p,
            &journey,
            Step::Communication,
            &sam_and_alex(),
            &[None, None],
            date,
            date,
            &mut meeting,
        )
        .unwrap_err();
        assert!(err.downcast_ref::<Cancelled>().is_some());
        assert_eq!(meeting.parts_done, 1);
        assert_eq!(meeting.turns[0].checkin.as_ref().unwrap().trust, 6);
        assert_eq!(meeting.turns[1].checkin, None);

        // Resumed: Sam is not asked again; Alex's part starts over.
        let mut p = Scripted::new([
            t("5"),
            t("5"),
            Reply::Picks(vec![]),
            t(""),
            Reply::Yes,
            t(""),
            t(""),
            t("we listened"),
            t(""),
            t(""),
            t(""),
            Reply::Yes,
        ]);
        ask(
            &mut p,
            &journey,
            Step::Communication,
            &sam_and_alex(),
            &[None, None],
            date,
            date,
            &mut meeting,
        )
        .unwrap();
        assert_eq!(p.remaining(), 0);
        assert!(p.said[0].ends_with("from part 2 of 4."), "{:?}", p.said);
        assert!(!p.asked.iter().any(|q| q.contains("trust Alex")));
        assert_eq!(meeting.turns[0].checkin.as_ref().unwrap().trust, 6);
        assert_eq!(meeting.turns[1].checkin.as_ref().unwrap().trust, 5);
        assert_eq!(meeting.went_well.as_deref(), Some("we listened"));
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
            Reply::Enter,
            t("4"),
            t("5"),
            Reply::Picks(vec![]),
            t(""),
            Reply::Yes,
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
            &sam_and_alex(),
            &[Some(kept), None],
            date,
            date,
            &mut Meeting::default(),
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
            Reply::Enter,
            Reply::No, // keep Alex's
            t(""),
            t(""),
            t(""),
            t(""),
            t(""),
            t(""),
        ]);
        let mut meeting = Meeting::default();
        ask(
            &mut p,
            &Journey::builtin(),
            Step::Responsibility,
            &sam_and_alex(),
            &[Some(kept.clone()), Some(kept)],
            date,
            date,
            &mut meeting,
        )
        .unwrap();
        assert!(meeting.is_empty());
        assert_eq!(p.remaining(), 0);
        assert!(!p.asked.iter().any(|q| q.starts_with("Save")));
    }
}
