//! Signals: patterns worth a look, stated as plain facts with the step whose prompts help.
//! They never judge and never advise staying or leaving; each names what happened and when.
//!
//! Every signal looks back over its own fixed span ending at `until`, whatever `--weeks` says.

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::{Facts, stats};
use crate::domain::dates::{in_words, week_start};
use crate::domain::model::Step;

/// Only one partner has checked in during this many days.
pub const ONE_SIDED_DAYS: u64 = 14;
/// A partner's weekly mean trust fell this many weeks running.
pub const FALLING_WEEKS: usize = 3;
/// A recurring promise missed this many times in a row.
pub const MISSED_IN_A_ROW: usize = 3;
/// An apology with no answer after this many days.
pub const UNANSWERED_DAYS: i64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignalKind {
    OneSided,
    TrustFalling,
    PromiseMissedRepeatedly,
    ApologyUnanswered,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signal {
    pub kind: SignalKind,
    /// The partner the signal is about.
    pub partner: String,
    pub message: String,
    /// The step whose prompts help with this.
    pub step: Step,
    /// The promise or apology concerned, when there is one.
    pub id: Option<i64>,
}

fn name(facts: &Facts, id: i64) -> String {
    facts
        .partners
        .iter()
        .find(|p| p.id == id)
        .map_or_else(|| format!("partner {id}"), |p| p.name.clone())
}

/// "Monday 16 November" without the year, for dates in a sentence.
fn short_date(date: NaiveDate) -> String {
    date.format("%A %-d %B").to_string()
}

/// Only one partner has checked in during the last 14 days (and the journal has been in use
/// for at least that long, so a new couple is not flagged on their third day).
pub fn one_sided(facts: &Facts) -> Vec<Signal> {
    let until = facts.window.until;
    let start = until - Days::new(ONE_SIDED_DAYS - 1);
    let started_long_enough_ago = facts.first_checkin.is_some_and(|first| first <= start);
    if facts.partners.len() != 2 || !started_long_enough_ago {
        return Vec::new();
    }
    let checked_in = |id: i64| {
        facts
            .checkins
            .iter()
            .any(|c| c.partner == id && start <= c.date && c.date <= until)
    };
    let (a, b) = (&facts.partners[0], &facts.partners[1]);
    let (active, quiet) = match (checked_in(a.id), checked_in(b.id)) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        _ => return Vec::new(),
    };
    vec![Signal {
        kind: SignalKind::OneSided,
        partner: quiet.name.clone(),
        message: format!(
            "{} has not checked in for the last {ONE_SIDED_DAYS} days; {} has. Taking space \
             is allowed and can be part of healing. If you like, talk about how each of you \
             wants to use rekindle.",
            quiet.name, active.name
        ),
        // A fact about using the journal, never about the relationship: it points to the
        // step about pace and space, never to the one about deciding whether to stay.
        step: Step::Healing,
        id: None,
    }]
}

/// A partner's weekly mean trust fell three weeks running, in consecutive weeks ending this
/// week or last week.
pub fn trust_falling(facts: &Facts) -> Vec<Signal> {
    let until = facts.window.until;
    let this_week = week_start(until);
    let span = FALLING_WEEKS + 2; // this week, and enough before it to hold 4 weeks ending last week
    facts
        .partners
        .iter()
        .filter_map(|p| {
            let means: Vec<Option<f64>> = (0..span)
                .rev()
                .map(|back| {
                    let start = this_week - Days::new(7 * back as u64);
                    let end = (start + Days::new(6)).min(until);
                    let values: Vec<f64> = facts
                        .checkins
                        .iter()
                        .filter(|c| c.partner == p.id && start <= c.date && c.date <= end)
                        .map(|c| f64::from(c.trust))
                        .collect();
                    stats::mean(&values)
                })
                .collect();
            let latest = means.iter().rposition(Option::is_some)?;
            if latest < FALLING_WEEKS {
                return None;
            }
            let run: Vec<f64> = means[latest - FALLING_WEEKS..=latest]
                .iter()
                .copied()
                .collect::<Option<Vec<f64>>>()?;
            let falling = run.windows(2).all(|w| w[1] < w[0]);
            falling.then(|| {
                let shown: Vec<String> = run
                    .iter()
                    .map(|m| format!("{:.1}", stats::round2(*m)))
                    .collect();
                Signal {
                    kind: SignalKind::TrustFalling,
                    partner: p.name.clone(),
                    message: format!(
                        "{} has been rating trust lower for three weeks ({}). Dips are \
                         common, after a reminder, an anniversary or something new coming to \
                         light; it may be worth a gentle talk, with nobody defending.",
                        p.name,
                        shown.join(" → ")
                    ),
                    step: Step::Communication,
                    id: None,
                }
            })
        })
        .collect()
}

/// A recurring promise whose last three kept-or-missed outcomes were all missed (skips, which
/// excuse a day, are passed over).
pub fn missed_repeatedly(facts: &Facts) -> Vec<Signal> {
    facts
        .recurring
        .iter()
        .filter(|p| p.recent.len() >= MISSED_IN_A_ROW)
        .filter(|p| p.recent[..MISSED_IN_A_ROW].iter().all(|(_, kept)| !kept))
        .map(|p| {
            let mut days: Vec<NaiveDate> =
                p.recent[..MISSED_IN_A_ROW].iter().map(|r| r.0).collect();
            days.sort();
            let shown: Vec<String> = days.iter().map(|d| short_date(*d)).collect();
            Signal {
                kind: SignalKind::PromiseMissedRepeatedly,
                partner: name(facts, p.by),
                message: format!(
                    "{}'s promise {} (\"{}\") was missed the last three times it was recorded: {}.",
                    name(facts, p.by),
                    p.id,
                    p.text,
                    crate::text::prose::and_list(&shown)
                ),
                step: Step::Consistency,
                id: Some(p.id),
            }
        })
        .collect()
}

/// An apology that has had no answer for seven days or more. The step it points to is the
/// hurt partner's own pace, and the message says that needing time is an answer: the
/// signal is there so an apology is not forgotten, never to hurry anyone.
pub fn unanswered(facts: &Facts) -> Vec<Signal> {
    let until = facts.window.until;
    facts
        .apologies
        .iter()
        .filter(|a| a.first_answer.is_none() && !a.withdrawn)
        .filter_map(|a| {
            let waiting = (until - a.date).num_days();
            (waiting >= UNANSWERED_DAYS).then(|| {
                let from = if a.date.year() == until.year() {
                    short_date(a.date)
                } else {
                    in_words(a.date)
                };
                Signal {
                    kind: SignalKind::ApologyUnanswered,
                    // Said to the one who apologised, never counted against the one who
                    // was hurt.
                    partner: name(facts, a.by),
                    message: format!(
                        "{}, your apology {} from {from} is still open. There is no deadline: \
                         {} answers when ready, and waiting without pressing is part of the \
                         repair.",
                        name(facts, a.by),
                        a.id,
                        name(facts, a.to)
                    ),
                    step: Step::Healing,
                    id: Some(a.id),
                }
            })
        })
        .collect()
}

/// Every signal, in a stable order.
pub fn all(facts: &Facts) -> Vec<Signal> {
    let mut signals = one_sided(facts);
    signals.extend(trust_falling(facts));
    signals.extend(missed_repeatedly(facts));
    signals.extend(unanswered(facts));
    signals
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::progress::tests::{ALEX, SAM, checkin, d, facts};
    use crate::domain::progress::{ApologyFact, RecurringFact};

    #[test]
    fn one_sided_after_fourteen_days_not_thirteen() {
        let mut f = facts(8);
        // Until is 21 November; the 14 days are 8..=21 November.
        f.first_checkin = Some(d(11, 8));
        f.checkins = vec![
            checkin(11, 8, SAM, 5),
            checkin(11, 20, SAM, 6),
            checkin(11, 7, ALEX, 4),
        ];
        let signals = one_sided(&f);
        assert_eq!(signals.len(), 1);
        assert_eq!(signals[0].kind, SignalKind::OneSided);
        assert_eq!(signals[0].partner, "Alex");
        // A fact about using the journal, with room for taking space; never the step about
        // deciding whether to stay.
        assert_eq!(signals[0].step, Step::Healing);
        assert_eq!(
            signals[0].message,
            "Alex has not checked in for the last 14 days; Sam has. Taking space is allowed \
             and can be part of healing. If you like, talk about how each of you wants to use \
             rekindle."
        );
        // One day short: Alex's last check-in was 13 days ago, inside the span.
        f.checkins[2] = checkin(11, 8, ALEX, 4);
        assert!(one_sided(&f).is_empty());
        // A couple who started 13 days ago is not flagged.
        let mut young = facts(8);
        young.first_checkin = Some(d(11, 9));
        young.checkins = vec![checkin(11, 9, SAM, 5)];
        assert!(one_sided(&young).is_empty());
        // Nobody checking in is not one-sided.
        let mut silent = facts(8);
        silent.first_checkin = Some(d(1, 1));
        assert!(one_sided(&silent).is_empty());
    }

    #[test]
    fn trust_falling_three_weeks_running_not_two() {
        let mut f = facts(8);
        // Weeks starting 26 Oct, 2, 9, 16 Nov: 7 → 6 → 5.5 → 4.
        f.checkins = vec![
            checkin(10, 27, SAM, 7),
            checkin(11, 3, SAM, 6),
            checkin(11, 10, SAM, 5),
            checkin(11, 12, SAM, 6),
            checkin(11, 17, SAM, 4),
        ];
        let signals = trust_falling(&f);
        assert_eq!(signals.len(), 1);
        assert_eq!(signals[0].partner, "Sam");
        assert_eq!(signals[0].step, Step::Communication);
        assert_eq!(
            signals[0].message,
            "Sam has been rating trust lower for three weeks (7.0 → 6.0 → 5.5 → 4.0). Dips are \
             common, after a reminder, an anniversary or something new coming to light; it may \
             be worth a gentle talk, with nobody defending."
        );
        // One short: the first of the four weeks was no higher than the second.
        f.checkins[0] = checkin(10, 27, SAM, 6);
        assert!(trust_falling(&f).is_empty());
    }

    #[test]
    fn trust_falling_counts_up_to_last_week_and_needs_consecutive_weeks() {
        let mut f = facts(8);
        // Weeks of 19 Oct, 26 Oct, 2 Nov, 9 Nov fall; nothing yet this week (16 Nov).
        f.checkins = vec![
            checkin(10, 20, SAM, 8),
            checkin(10, 27, SAM, 7),
            checkin(11, 3, SAM, 6),
            checkin(11, 10, SAM, 5),
        ];
        assert_eq!(trust_falling(&f).len(), 1);
        // A week without a check-in breaks the run.
        f.checkins.remove(1);
        assert!(trust_falling(&f).is_empty());
    }

    #[test]
    fn a_promise_missed_three_times_in_a_row_not_two() {
        let mut f = facts(8);
        f.recurring = vec![RecurringFact {
            id: 3,
            by: SAM,
            text: "text when I'm running late".into(),
            recent: vec![
                (d(11, 20), false),
                (d(11, 18), false),
                (d(11, 17), false),
                (d(11, 16), true),
            ],
        }];
        let signals = missed_repeatedly(&f);
        assert_eq!(signals.len(), 1);
        assert_eq!(signals[0].id, Some(3));
        assert_eq!(signals[0].step, Step::Consistency);
        assert_eq!(
            signals[0].message,
            "Sam's promise 3 (\"text when I'm running late\") was missed the last three times it was recorded: Tuesday 17 November, Wednesday 18 November and Friday 20 November."
        );
        f.recurring[0].recent[2].1 = true;
        assert!(missed_repeatedly(&f).is_empty(), "two misses then a keep");
        f.recurring[0].recent = vec![(d(11, 20), false), (d(11, 18), false)];
        assert!(missed_repeatedly(&f).is_empty(), "only two outcomes so far");
    }

    #[test]
    fn an_apology_unanswered_for_seven_days_not_six() {
        let mut f = facts(8);
        let apology = |date| ApologyFact {
            id: 2,
            by: SAM,
            to: ALEX,
            date,
            first_answer: None,
            accepted: false,
            withdrawn: false,
        };
        f.apologies = vec![apology(d(11, 14))];
        let signals = unanswered(&f);
        assert_eq!(signals.len(), 1);
        // Addressed to the one who apologised; no count of days against the one who was hurt.
        assert_eq!(signals[0].partner, "Sam");
        assert_eq!(signals[0].step, Step::Healing);
        assert_eq!(
            signals[0].message,
            "Sam, your apology 2 from Saturday 14 November is still open. There is no \
             deadline: Alex answers when ready, and waiting without pressing is part of the \
             repair."
        );
        assert!(!signals[0].message.contains("7 days"));
        f.apologies = vec![apology(d(11, 15))];
        assert!(unanswered(&f).is_empty(), "six days");
        f.apologies = vec![ApologyFact {
            first_answer: Some(d(11, 20)),
            ..apology(d(11, 1))
        }];
        assert!(unanswered(&f).is_empty(), "answered");
        f.apologies = vec![ApologyFact {
            withdrawn: true,
            ..apology(d(11, 1))
        }];
        assert!(unanswered(&f).is_empty(), "withdrawn by its author");
    }

    #[test]
    fn no_signal_points_to_deciding_whether_to_stay_or_reads_as_a_verdict() {
        let mut f = facts(8);
        f.first_checkin = Some(d(10, 1));
        f.checkins = vec![
            checkin(10, 20, SAM, 8),
            checkin(10, 27, SAM, 7),
            checkin(11, 3, SAM, 6),
            checkin(11, 10, SAM, 5),
            checkin(11, 17, SAM, 4),
        ];
        f.apologies = vec![ApologyFact {
            id: 1,
            by: SAM,
            to: ALEX,
            date: d(11, 1),
            first_answer: None,
            accepted: false,
            withdrawn: false,
        }];
        let signals = all(&f);
        assert_eq!(signals.len(), 3, "{signals:?}");
        for signal in &signals {
            assert_ne!(signal.step, Step::Reassess, "{}", signal.message);
            let lower = signal.message.to_lowercase();
            for word in [
                "stay",
                "leave",
                "fault",
                "failed",
                "not answered",
                "yet, after",
            ] {
                assert!(!lower.contains(word), "{word}: {}", signal.message);
            }
        }
    }
}
