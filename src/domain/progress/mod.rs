//! Progress over time: the figures `rekindle progress` and `rekindle report` show.
//!
//! The store gathers [`Facts`] for a [`Window`] (only the dates the figures need, read through
//! the date indexes), and [`compute`] turns them into a [`Progress`], whose serde shape is the
//! `progress --json` contract in docs/contract.md. Nothing here touches SQL or a terminal.

pub mod calendar;
pub mod signals;
pub mod stats;

use std::collections::{BTreeMap, HashMap};

use chrono::{Days, NaiveDate};
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::domain::dates::week_start;
use crate::domain::feelings::Valence;
use crate::domain::model::Step;
use stats::{CONSISTENCY_HORIZON, round2};

pub use calendar::{Calendar, calendar};
pub use signals::{Signal, SignalKind};

/// The default number of weeks shown, and the range accepted.
pub const DEFAULT_WEEKS: u32 = 8;
pub const MAX_WEEKS: u32 = 520;

/// The weeks shown: `weeks` ISO weeks (Monday first) ending with the week that holds `until`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub weeks: u32,
}

impl Window {
    pub fn new(until: NaiveDate, weeks: u32) -> Window {
        let weeks = weeks.clamp(1, MAX_WEEKS);
        let from = week_start(until) - Days::new(7 * u64::from(weeks - 1));
        Window { from, until, weeks }
    }

    /// The Monday of each week, oldest first.
    pub fn week_starts(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        (0..self.weeks).map(|i| self.from + Days::new(7 * u64::from(i)))
    }

    /// The first date whose check-ins the figures use: the window, plus what the signals look
    /// back over (14 days for one-sided, five weeks for falling trust).
    pub fn checkins_since(&self) -> NaiveDate {
        self.from
            .min(week_start(self.until) - Days::new(28))
            .min(self.until - Days::new(13))
    }

    /// The first date whose promise outcomes the figures use: the window, plus the 60 days of
    /// the two 30-day keeping rates.
    pub fn outcomes_since(&self) -> NaiveDate {
        self.from.min(self.until - Days::new(59))
    }
}

/// A partner as the figures name them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerRef {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CheckinFact {
    pub date: NaiveDate,
    pub partner: i64,
    pub trust: u8,
    pub connection: Option<u8>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FeelingFact {
    pub date: NaiveDate,
    pub partner: i64,
    pub valence: Valence,
}

/// A kept or missed outcome, counted for the partner who made the promise. Skips are left
/// out before they get here: they count neither way.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeFact {
    pub date: NaiveDate,
    pub partner: i64,
    pub kept: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ApologyFact {
    pub id: i64,
    pub by: i64,
    pub to: i64,
    pub date: NaiveDate,
    /// The date of the first answer given on or before `until`.
    pub first_answer: Option<NaiveDate>,
    /// Whether the latest answer on or before `until` accepts it.
    pub accepted: bool,
    /// Whether its author withdrew it on or before `until` (it waits for no answer then).
    pub withdrawn: bool,
}

/// An open recurring promise and its latest kept/missed outcomes, newest first (at most 3).
#[derive(Debug, Clone, PartialEq)]
pub struct RecurringFact {
    pub id: i64,
    pub by: i64,
    pub text: String,
    pub recent: Vec<(NaiveDate, bool)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FocusFact {
    pub step: Step,
    pub date: NaiveDate,
}

/// Everything the figures are computed from, already limited to what they need.
#[derive(Debug, Clone)]
pub struct Facts {
    pub window: Window,
    pub partners: Vec<PartnerRef>,
    /// Check-ins dated from [`Window::checkins_since`] to `until`.
    pub checkins: Vec<CheckinFact>,
    /// Feelings dated in the window.
    pub feelings: Vec<FeelingFact>,
    /// Kept/missed outcomes dated from [`Window::outcomes_since`] to `until`.
    pub outcomes: Vec<OutcomeFact>,
    /// Per partner, their latest kept/missed outcomes up to `until`, oldest first (at most
    /// [`CONSISTENCY_HORIZON`]).
    pub recent_outcomes: HashMap<i64, Vec<bool>>,
    /// Per partner, the current streak of check-in days (see [`stats::current_streak`]).
    pub current_streaks: HashMap<i64, u32>,
    /// The current streak of days on which both partners checked in.
    pub both_current_streak: u32,
    /// Apologies made in the window, plus older ones still unanswered.
    pub apologies: Vec<ApologyFact>,
    /// Open recurring promises in force by `until`.
    pub recurring: Vec<RecurringFact>,
    /// Per partner, the dates of their recurring promises in the 30 days before `until` with
    /// nothing recorded (neither kept, missed nor skipped).
    pub unrecorded_30d: HashMap<i64, u32>,
    /// Focus changes in the order they took effect: those in the window, the one in force when
    /// it began, and back to the start of the current step.
    pub focus: Vec<FocusFact>,
    /// The first check-in ever, if any.
    pub first_checkin: Option<NaiveDate>,
    /// The day the journal began: the earliest date on any record (check-in, feeling, promise,
    /// outcome, apology, answer, focus change, meeting), if any.
    pub started: Option<NaiveDate>,
}

/// A list of (name, value) pairs serialized as a JSON object keyed by partner name, in the
/// order the partners were added.
#[derive(Debug, Clone, PartialEq)]
pub struct ByPartner<T>(pub Vec<(String, T)>);

impl<T> ByPartner<T> {
    pub fn get(&self, name: &str) -> Option<&T> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

impl<T: Serialize> Serialize for ByPartner<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct WeekPartner {
    pub checkins: u32,
    pub trust: Option<f64>,
    pub connection: Option<f64>,
    pub kept: u32,
    pub missed: u32,
    pub keeping_rate: Option<f64>,
    pub pleasant: u32,
    pub unpleasant: u32,
    /// Feelings that pull both ways (torn, bittersweet), counted apart from both.
    pub mixed: u32,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Week {
    pub start: NaiveDate,
    pub partners: ByPartner<WeekPartner>,
    /// Apologies made during the week, by either partner.
    pub apologies: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Streak {
    pub current: u32,
    /// The longest run of days in the window; the current streak counts in full even when it
    /// began before the window.
    pub longest: u32,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PartnerSummary {
    pub trust_change: Option<f64>,
    pub trust_trend_per_week: Option<f64>,
    /// Weekly mean trust for the first and last weeks with data (what `trust_change` compares).
    /// With one week of data both are that week's mean, and `trust_change` is null: one week
    /// is not a change.
    pub trust_first: Option<f64>,
    pub trust_last: Option<f64>,
    pub keeping_rate_30d: Option<f64>,
    pub keeping_rate_prev_30d: Option<f64>,
    pub kept_30d: u32,
    pub missed_30d: u32,
    /// Dates of recurring promises in the 30 days before `until` with nothing recorded: not a
    /// miss, and not a kept promise either.
    pub unrecorded_30d: u32,
    pub consistency_score: Option<f64>,
    pub streak: Streak,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StepTime {
    pub step: Step,
    pub days: i64,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Focus {
    pub step: Step,
    /// When the current focus began (the first of any repeated changes to the same step).
    pub since: Option<NaiveDate>,
    /// Days in the current step, counting `since` as day 1.
    pub days: Option<i64>,
    /// Days of the window spent in each step, in journey order, steps not visited left out.
    pub time_in_steps: Vec<StepTime>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ApologySummary {
    pub made: u32,
    pub answered: u32,
    pub accepted: u32,
    pub median_days_to_answer: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Progress {
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub weeks: Vec<Week>,
    pub partners: ByPartner<PartnerSummary>,
    pub streak: Streak,
    pub focus: Focus,
    /// Apologies made in the window: how many were answered and accepted, and how long an
    /// answer took.
    pub apologies: ApologySummary,
    pub signals: Vec<Signal>,
    /// The day the journal began (the earliest date on any record), or null for a journal
    /// without records. Weeks of the window before it are listed, empty, all the same.
    pub started: Option<NaiveDate>,
}

impl Progress {
    /// The day the journal began, when that falls inside the window after its first day: the
    /// human views count from it rather than from the start of the window.
    pub fn began_in_window(&self) -> Option<NaiveDate> {
        self.started.filter(|&s| self.from < s && s <= self.until)
    }

    /// The figures as the terminal and the page show them: the weeks entirely before the
    /// journal began left out, and `from` the Monday of the week it began. The figures
    /// themselves are the same (nothing happened in the weeks left out).
    pub fn since_start(&self) -> Progress {
        let mut shown = self.clone();
        if let Some(started) = self.began_in_window() {
            let first = week_start(started);
            shown.weeks.retain(|w| w.start >= first);
            shown.from = first;
        }
        shown
    }
}

fn within(date: NaiveDate, from: NaiveDate, until: NaiveDate) -> bool {
    from <= date && date <= until
}

/// Running totals for one partner in one week, filled in a single pass over the facts.
#[derive(Debug, Clone, Default)]
struct Tally {
    checkins: u32,
    trust_sum: f64,
    connection_sum: f64,
    connections: u32,
    kept: u32,
    missed: u32,
    pleasant: u32,
    unpleasant: u32,
    mixed: u32,
}

impl Tally {
    fn trust(&self) -> Option<f64> {
        (self.checkins > 0).then(|| self.trust_sum / f64::from(self.checkins))
    }

    fn week_partner(&self) -> WeekPartner {
        WeekPartner {
            checkins: self.checkins,
            trust: self.trust().map(round2),
            connection: (self.connections > 0)
                .then(|| round2(self.connection_sum / f64::from(self.connections))),
            kept: self.kept,
            missed: self.missed,
            keeping_rate: stats::keeping_rate(self.kept, self.missed).map(round2),
            pleasant: self.pleasant,
            unpleasant: self.unpleasant,
            mixed: self.mixed,
        }
    }
}

/// Tallies per week (outer) and partner (inner, in `facts.partners` order).
struct Tallies(Vec<Vec<Tally>>);

impl Tallies {
    fn new(facts: &Facts) -> Tallies {
        let window = facts.window;
        let slot = |date: NaiveDate, partner: i64| -> Option<(usize, usize)> {
            if !within(date, window.from, window.until) {
                return None;
            }
            let week = ((date - window.from).num_days() / 7) as usize;
            let who = facts.partners.iter().position(|p| p.id == partner)?;
            Some((week, who))
        };
        let mut t = vec![vec![Tally::default(); facts.partners.len()]; window.weeks as usize];
        for c in &facts.checkins {
            if let Some((w, p)) = slot(c.date, c.partner) {
                let tally = &mut t[w][p];
                tally.checkins += 1;
                tally.trust_sum += f64::from(c.trust);
                if let Some(conn) = c.connection {
                    tally.connection_sum += f64::from(conn);
                    tally.connections += 1;
                }
            }
        }
        for o in &facts.outcomes {
            if let Some((w, p)) = slot(o.date, o.partner) {
                if o.kept {
                    t[w][p].kept += 1;
                } else {
                    t[w][p].missed += 1;
                }
            }
        }
        for f in &facts.feelings {
            if let Some((w, p)) = slot(f.date, f.partner) {
                match f.valence {
                    Valence::Pleasant => t[w][p].pleasant += 1,
                    Valence::Unpleasant => t[w][p].unpleasant += 1,
                    Valence::Mixed => t[w][p].mixed += 1,
                    Valence::Neutral => {}
                }
            }
        }
        Tallies(t)
    }

    /// Unrounded weekly mean trust for the partner at `index`, for weeks with data.
    fn weekly_trust(&self, index: usize) -> Vec<(usize, f64)> {
        self.0
            .iter()
            .enumerate()
            .filter_map(|(week, partners)| partners[index].trust().map(|m| (week, m)))
            .collect()
    }
}

fn count_outcomes(
    outcomes: &[OutcomeFact],
    partner: i64,
    from: NaiveDate,
    until: NaiveDate,
) -> (u32, u32) {
    outcomes
        .iter()
        .filter(|o| o.partner == partner && within(o.date, from, until))
        .fold(
            (0, 0),
            |(k, m), o| if o.kept { (k + 1, m) } else { (k, m + 1) },
        )
}

fn partner_summary(facts: &Facts, tallies: &Tallies, index: usize) -> PartnerSummary {
    let window = facts.window;
    let partner = facts.partners[index].id;
    let trust = tallies.weekly_trust(index);
    let enough = trust.len() >= 2;
    let first = trust.first().map(|t| t.1);
    let last = trust.last().map(|t| t.1);
    let points: Vec<(f64, f64)> = trust.iter().map(|&(i, m)| (i as f64, m)).collect();
    let until = window.until;
    let (kept_30d, missed_30d) =
        count_outcomes(&facts.outcomes, partner, until - Days::new(29), until);
    let (kept_prev, missed_prev) = count_outcomes(
        &facts.outcomes,
        partner,
        until - Days::new(59),
        until - Days::new(30),
    );
    let days: Vec<NaiveDate> = {
        let mut days: Vec<NaiveDate> = facts
            .checkins
            .iter()
            .filter(|c| c.partner == partner && within(c.date, window.from, until))
            .map(|c| c.date)
            .collect();
        days.sort();
        days.dedup();
        days
    };
    let current = facts.current_streaks.get(&partner).copied().unwrap_or(0);
    PartnerSummary {
        trust_change: match (first, last) {
            (Some(f), Some(l)) if enough => Some(round2(l - f)),
            _ => None,
        },
        trust_trend_per_week: stats::slope(&points).map(round2),
        trust_first: first.map(round2),
        trust_last: last.map(round2),
        keeping_rate_30d: stats::keeping_rate(kept_30d, missed_30d).map(round2),
        keeping_rate_prev_30d: stats::keeping_rate(kept_prev, missed_prev).map(round2),
        kept_30d,
        missed_30d,
        unrecorded_30d: facts.unrecorded_30d.get(&partner).copied().unwrap_or(0),
        consistency_score: facts
            .recent_outcomes
            .get(&partner)
            .and_then(|r| stats::consistency(&r[r.len().saturating_sub(CONSISTENCY_HORIZON)..]))
            .map(round2),
        streak: Streak {
            current,
            longest: stats::longest_run(&days).max(current),
        },
    }
}

fn both_streak(facts: &Facts) -> Streak {
    let window = facts.window;
    let mut by_day: BTreeMap<NaiveDate, Vec<i64>> = BTreeMap::new();
    for c in facts
        .checkins
        .iter()
        .filter(|c| within(c.date, window.from, window.until))
    {
        let partners = by_day.entry(c.date).or_default();
        if !partners.contains(&c.partner) {
            partners.push(c.partner);
        }
    }
    let needed = facts.partners.len().max(1);
    let both: Vec<NaiveDate> = by_day
        .into_iter()
        .filter(|(_, p)| p.len() >= needed)
        .map(|(d, _)| d)
        .collect();
    Streak {
        current: facts.both_current_streak,
        longest: stats::longest_run(&both).max(facts.both_current_streak),
    }
}

fn focus(facts: &Facts) -> Focus {
    let until = facts.window.until;
    let Some(current) = facts.focus.last() else {
        return Focus {
            step: Step::default(),
            since: None,
            days: None,
            time_in_steps: Vec::new(),
        };
    };
    let since = facts
        .focus
        .iter()
        .rev()
        .take_while(|f| f.step == current.step)
        .last()
        .map_or(current.date, |f| f.date);
    let from = facts.window.from;
    let mut time: HashMap<Step, i64> = HashMap::new();
    for (i, change) in facts.focus.iter().enumerate() {
        let start = change.date.max(from);
        let end = facts
            .focus
            .get(i + 1)
            .map_or(until + Days::new(1), |next| next.date.max(from));
        *time.entry(change.step).or_default() += (end - start).num_days().max(0);
    }
    Focus {
        step: current.step,
        since: Some(since),
        days: Some(crate::domain::dates::day_of_step(since, until)),
        time_in_steps: Step::ALL
            .into_iter()
            .filter_map(|step| {
                let days = time.get(&step).copied().unwrap_or(0);
                (days > 0).then_some(StepTime { step, days })
            })
            .collect(),
    }
}

fn apology_summary(facts: &Facts) -> ApologySummary {
    let window = facts.window;
    let made: Vec<&ApologyFact> = facts
        .apologies
        .iter()
        .filter(|a| within(a.date, window.from, window.until))
        .collect();
    let mut waits: Vec<f64> = made
        .iter()
        .filter_map(|a| a.first_answer.map(|d| (d - a.date).num_days() as f64))
        .collect();
    ApologySummary {
        made: made.len() as u32,
        answered: waits.len() as u32,
        accepted: made.iter().filter(|a| a.accepted).count() as u32,
        median_days_to_answer: stats::median(&mut waits).map(round2),
    }
}

/// Computes every figure of the progress view from the facts.
pub fn compute(facts: &Facts) -> Progress {
    let window = facts.window;
    let tallies = Tallies::new(facts);
    let mut apologies_per_week = vec![0u32; window.weeks as usize];
    for a in facts
        .apologies
        .iter()
        .filter(|a| within(a.date, window.from, window.until))
    {
        apologies_per_week[((a.date - window.from).num_days() / 7) as usize] += 1;
    }
    let weeks = window
        .week_starts()
        .zip(tallies.0.iter().zip(apologies_per_week))
        .map(|(start, (partners, apologies))| Week {
            start,
            partners: ByPartner(
                facts
                    .partners
                    .iter()
                    .zip(partners)
                    .map(|(p, tally)| (p.name.clone(), tally.week_partner()))
                    .collect(),
            ),
            apologies,
        })
        .collect();
    Progress {
        from: window.from,
        until: window.until,
        weeks,
        partners: ByPartner(
            facts
                .partners
                .iter()
                .enumerate()
                .map(|(i, p)| (p.name.clone(), partner_summary(facts, &tallies, i)))
                .collect(),
        ),
        streak: both_streak(facts),
        focus: focus(facts),
        apologies: apology_summary(facts),
        signals: signals::all(facts),
        started: facts.started,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    pub const SAM: i64 = 1;
    pub const ALEX: i64 = 2;

    /// An empty journal for Sam and Alex, seen on Saturday 21 November 2026.
    pub fn facts(weeks: u32) -> Facts {
        Facts {
            window: Window::new(d(11, 21), weeks),
            partners: vec![
                PartnerRef {
                    id: SAM,
                    name: "Sam".into(),
                },
                PartnerRef {
                    id: ALEX,
                    name: "Alex".into(),
                },
            ],
            checkins: vec![],
            feelings: vec![],
            outcomes: vec![],
            recent_outcomes: HashMap::new(),
            current_streaks: HashMap::new(),
            both_current_streak: 0,
            apologies: vec![],
            recurring: vec![],
            unrecorded_30d: HashMap::new(),
            focus: vec![],
            first_checkin: None,
            started: None,
        }
    }

    pub fn checkin(m: u32, day: u32, partner: i64, trust: u8) -> CheckinFact {
        CheckinFact {
            date: d(m, day),
            partner,
            trust,
            connection: None,
        }
    }

    #[test]
    fn the_window_is_whole_monday_weeks_ending_with_until() {
        let w = Window::new(d(11, 21), 8);
        assert_eq!(w.from, d(9, 28), "Monday 28 September");
        assert_eq!(w.week_starts().last(), Some(d(11, 16)));
        assert_eq!(w.week_starts().count(), 8);
        let one = Window::new(d(11, 16), 1);
        assert_eq!(one.from, d(11, 16));
        assert_eq!(one.checkins_since(), d(10, 19));
        assert_eq!(one.outcomes_since(), d(9, 18));
    }

    #[test]
    fn an_empty_journal_gives_nulls_and_zeros_not_nans() {
        let p = compute(&facts(8));
        assert_eq!(p.weeks.len(), 8);
        let week = p.weeks[0].partners.get("Sam").unwrap();
        assert_eq!(week.checkins, 0);
        assert_eq!(week.trust, None);
        assert_eq!(week.keeping_rate, None);
        let sam = p.partners.get("Sam").unwrap();
        assert_eq!(sam.trust_change, None);
        assert_eq!(sam.trust_trend_per_week, None);
        assert_eq!(sam.consistency_score, None);
        assert_eq!(
            sam.streak,
            Streak {
                current: 0,
                longest: 0
            }
        );
        assert!(p.signals.is_empty());
        let json = serde_json::to_string(&p).unwrap();
        assert!(!json.contains("NaN"));
        assert!(json.contains("\"trust\":null"));
    }

    #[test]
    fn weekly_means_change_and_trend_by_hand() {
        let mut f = facts(3);
        // Week of 2 Nov: Sam 4, 5 → 4.5.  Week of 9 Nov: nothing.  Week of 16 Nov: 6, 7, 9 → 7.33.
        f.checkins = vec![
            checkin(11, 2, SAM, 4),
            checkin(11, 8, SAM, 5),
            checkin(11, 16, SAM, 6),
            checkin(11, 18, SAM, 7),
            checkin(11, 21, SAM, 9),
            CheckinFact {
                connection: Some(3),
                ..checkin(11, 17, ALEX, 2)
            },
            CheckinFact {
                connection: Some(6),
                ..checkin(11, 19, ALEX, 3)
            },
        ];
        let p = compute(&f);
        let sam = |i: usize| p.weeks[i].partners.get("Sam").unwrap().clone();
        assert_eq!(sam(0).trust, Some(4.5));
        assert_eq!(sam(0).checkins, 2);
        assert_eq!(sam(1).trust, None);
        assert_eq!(sam(2).trust, Some(7.33));
        assert_eq!(sam(2).connection, None, "no connection given");
        let alex = p.weeks[2].partners.get("Alex").unwrap();
        assert_eq!(alex.trust, Some(2.5));
        assert_eq!(alex.connection, Some(4.5));
        let s = p.partners.get("Sam").unwrap();
        // 22/3 - 4.5 = 2.8333 → 2.83; the slope over weeks 0 and 2 is 2.8333 / 2 = 1.4167 → 1.42.
        assert_eq!(s.trust_change, Some(2.83));
        assert_eq!(s.trust_trend_per_week, Some(1.42));
        let a = p.partners.get("Alex").unwrap();
        assert_eq!(a.trust_change, None, "one week is too little");
        assert_eq!(a.trust_trend_per_week, None);
        assert_eq!(
            a.trust_first,
            Some(2.5),
            "one week is both the first and the last"
        );
        assert_eq!(a.trust_last, Some(2.5));
    }

    #[test]
    fn keeping_rates_count_for_the_maker_in_their_windows() {
        let mut f = facts(2);
        let outcome = |m, day, partner, kept| OutcomeFact {
            date: d(m, day),
            partner,
            kept,
        };
        f.outcomes = vec![
            // Last 30 days: 23 Oct ..= 21 Nov.
            outcome(11, 21, SAM, true),
            outcome(11, 20, SAM, true),
            outcome(11, 17, SAM, false),
            outcome(10, 23, SAM, true),
            // The 30 before: 23 Sep ..= 22 Oct.
            outcome(10, 22, SAM, false),
            outcome(9, 23, SAM, true),
            // Too old for either.
            outcome(9, 22, SAM, false),
            outcome(11, 19, ALEX, false),
        ];
        let p = compute(&f);
        let sam = p.partners.get("Sam").unwrap();
        assert_eq!(sam.keeping_rate_30d, Some(0.75));
        assert_eq!((sam.kept_30d, sam.missed_30d), (3, 1));
        assert_eq!(sam.keeping_rate_prev_30d, Some(0.5));
        let alex = p.partners.get("Alex").unwrap();
        assert_eq!(alex.keeping_rate_30d, Some(0.0));
        assert_eq!(alex.keeping_rate_prev_30d, None);
        // Weekly: week of 16 Nov holds Sam's 17 (missed), 20, 21 (kept).
        let week = p.weeks[1].partners.get("Sam").unwrap();
        assert_eq!(
            (week.kept, week.missed, week.keeping_rate),
            (2, 1, Some(0.67))
        );
    }

    #[test]
    fn feelings_count_by_valence() {
        let mut f = facts(1);
        let feeling = |day, partner, valence| FeelingFact {
            date: d(11, day),
            partner,
            valence,
        };
        f.feelings = vec![
            feeling(16, SAM, Valence::Pleasant),
            feeling(17, SAM, Valence::Unpleasant),
            feeling(17, SAM, Valence::Unpleasant),
            feeling(18, SAM, Valence::Neutral),
            feeling(18, SAM, Valence::Mixed),
            feeling(18, ALEX, Valence::Pleasant),
        ];
        let p = compute(&f);
        let sam = p.weeks[0].partners.get("Sam").unwrap();
        assert_eq!((sam.pleasant, sam.unpleasant, sam.mixed), (1, 2, 1));
        let alex = p.weeks[0].partners.get("Alex").unwrap();
        assert_eq!((alex.pleasant, alex.unpleasant), (1, 0));
    }

    #[test]
    fn longest_streak_in_window_counts_the_current_one_in_full() {
        let mut f = facts(1);
        f.checkins = vec![
            checkin(11, 16, SAM, 5),
            checkin(11, 17, SAM, 5),
            checkin(11, 19, SAM, 5),
        ];
        f.current_streaks.insert(SAM, 0);
        let sam = compute(&f).partners.get("Sam").unwrap().streak;
        assert_eq!(
            sam,
            Streak {
                current: 0,
                longest: 2
            }
        );
        // A 40-day streak running into today is longer than anything inside one week.
        f.current_streaks.insert(SAM, 40);
        let sam = compute(&f).partners.get("Sam").unwrap().streak;
        assert_eq!(
            sam,
            Streak {
                current: 40,
                longest: 40
            }
        );
    }

    #[test]
    fn the_shared_streak_needs_both_partners_on_a_day() {
        let mut f = facts(1);
        f.checkins = vec![
            checkin(11, 16, SAM, 5),
            checkin(11, 16, ALEX, 5),
            checkin(11, 17, SAM, 5),
            checkin(11, 17, ALEX, 5),
            checkin(11, 18, SAM, 5),
            checkin(11, 19, SAM, 5),
            checkin(11, 19, ALEX, 5),
        ];
        f.both_current_streak = 1;
        assert_eq!(
            compute(&f).streak,
            Streak {
                current: 1,
                longest: 2
            }
        );
    }

    #[test]
    fn focus_since_days_and_time_in_steps() {
        let mut f = facts(8);
        f.focus = vec![
            FocusFact {
                step: Step::Responsibility,
                date: d(9, 20),
            },
            FocusFact {
                step: Step::Communication,
                date: d(10, 11),
            },
            FocusFact {
                step: Step::Communication,
                date: d(10, 20),
            },
        ];
        let focus = compute(&f).focus;
        assert_eq!(focus.step, Step::Communication);
        assert_eq!(focus.since, Some(d(10, 11)));
        // 11 October to 21 November: 21 + 21 = 42 days, counting the first as day 1.
        assert_eq!(focus.days, Some(42));
        // The window starts on Monday 28 September: 13 days of responsibility in it.
        assert_eq!(
            focus.time_in_steps,
            vec![
                StepTime {
                    step: Step::Responsibility,
                    days: 13
                },
                StepTime {
                    step: Step::Communication,
                    days: 42
                },
            ]
        );
        assert_eq!(compute(&facts(1)).focus.since, None);
    }

    #[test]
    fn apology_answers_and_time_to_answer() {
        let mut f = facts(8);
        let apology = |id, date, first_answer, accepted| ApologyFact {
            id,
            by: SAM,
            to: ALEX,
            date,
            first_answer,
            accepted,
            withdrawn: false,
        };
        f.apologies = vec![
            apology(1, d(10, 1), Some(d(10, 4)), true),
            apology(2, d(11, 2), Some(d(11, 3)), false),
            apology(3, d(11, 20), None, false),
            // Made before the window: not counted among those made, whatever its answer.
            apology(4, d(9, 1), None, false),
        ];
        let p = compute(&f);
        assert_eq!(
            p.apologies,
            ApologySummary {
                made: 3,
                answered: 2,
                accepted: 1,
                median_days_to_answer: Some(2.0)
            }
        );
        let per_week: Vec<u32> = p.weeks.iter().map(|w| w.apologies).collect();
        assert_eq!(per_week, vec![1, 0, 0, 0, 0, 1, 0, 1]);
    }

    #[test]
    fn the_human_views_start_with_the_week_the_journal_began() {
        let mut f = facts(8);
        // Begun Wednesday 21 October: the weeks of 28 September, 5 and 12 October go.
        f.started = Some(d(10, 21));
        f.checkins = vec![checkin(10, 21, SAM, 5)];
        let p = compute(&f);
        assert_eq!(p.weeks.len(), 8, "the JSON keeps every week");
        assert_eq!(p.began_in_window(), Some(d(10, 21)));
        let shown = p.since_start();
        assert_eq!(shown.from, d(10, 19));
        assert_eq!(shown.weeks.len(), 5);
        assert_eq!(shown.weeks[0].start, d(10, 19));
        assert_eq!(shown.partners, p.partners, "the figures are the same");
        let cal = calendar(&f);
        assert_eq!(
            (cal.from, cal.began, cal.counted_days()),
            (d(10, 19), Some(d(10, 21)), 32)
        );
        // Begun before the window: nothing left out, days counted from its first Monday.
        f.started = Some(d(9, 1));
        let p = compute(&f);
        assert_eq!(p.began_in_window(), None);
        assert_eq!(p.since_start().weeks.len(), 8);
        let cal = calendar(&f);
        assert_eq!(
            (cal.from, cal.began, cal.counted_days()),
            (d(9, 28), None, 55)
        );
    }

    #[test]
    fn json_shape_follows_the_contract() {
        let mut f = facts(1);
        f.checkins = vec![checkin(11, 16, SAM, 5)];
        let json = serde_json::to_value(compute(&f)).unwrap();
        for key in [
            "from", "until", "weeks", "partners", "streak", "focus", "signals",
        ] {
            assert!(json.get(key).is_some(), "{key}");
        }
        let week = &json["weeks"][0];
        assert_eq!(week["start"], "2026-11-16");
        for key in [
            "checkins",
            "trust",
            "connection",
            "kept",
            "missed",
            "keeping_rate",
            "pleasant",
            "unpleasant",
            "mixed",
        ] {
            assert!(week["partners"]["Sam"].get(key).is_some(), "{key}");
        }
        for key in [
            "trust_change",
            "trust_trend_per_week",
            "keeping_rate_30d",
            "keeping_rate_prev_30d",
            "consistency_score",
            "streak",
        ] {
            assert!(json["partners"]["Alex"].get(key).is_some(), "{key}");
        }
        assert_eq!(json["focus"]["step"], "responsibility");
        let names: Vec<&String> = json["partners"].as_object().unwrap().keys().collect();
        assert_eq!(
            names,
            ["Sam", "Alex"],
            "partners in the order they were added"
        );
    }
}
