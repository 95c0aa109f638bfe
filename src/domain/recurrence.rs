//! When a promise is due: the schedule rule of a recurring promise, and the small rules that
//! decide which dates can take an outcome and how well a promise is being kept.
//!
//! A recurring promise is never copied out into rows: its dates come from the rule each time
//! they are needed. Everything here works on `NaiveDate` only (no clocks, no time zones), so
//! daylight-saving changes cannot shift a day, and every question costs time in proportion to
//! the window asked about, never to how long ago the promise began.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::domain::dates::weekday_named;

/// What `--every` accepts, for messages.
pub const ACCEPTED: &str =
    "day, weekday (Monday to Friday), week, or days such as mon,thu (full names work too)";

const SHORT: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const LONG: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A set of weekdays: bit 0 is Monday, bit 6 Sunday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct DaySet(u8);

impl DaySet {
    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    fn with(self, day: Weekday) -> DaySet {
        DaySet(self.0 | (1 << day.num_days_from_monday()))
    }

    fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// How often a recurring promise falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Rule {
    /// Every day.
    Day,
    /// Monday to Friday.
    Weekday,
    /// Every seven days, on the weekday the promise started.
    Week,
    /// The listed weekdays.
    Days(DaySet),
}

impl FromStr for Rule {
    type Err = String;

    fn from_str(text: &str) -> Result<Rule, String> {
        let wanted = text.trim().to_lowercase();
        let refuse = || {
            format!(
                "--every \"{}\" is not a schedule; use {ACCEPTED}",
                text.trim()
            )
        };
        match wanted.as_str() {
            "day" | "daily" | "days" => return Ok(Rule::Day),
            "weekday" | "weekdays" => return Ok(Rule::Weekday),
            "week" | "weekly" => return Ok(Rule::Week),
            _ => {}
        }
        let mut set = DaySet(0);
        for item in wanted.split(',') {
            let item = item.trim();
            match weekday_named(item) {
                Some(day) => set = set.with(day),
                None if item.is_empty() || !wanted.contains(',') => return Err(refuse()),
                None => {
                    return Err(format!(
                        "--every \"{}\": \"{item}\" is not a day of the week; use {ACCEPTED}",
                        text.trim()
                    ));
                }
            }
        }
        if set.is_empty() {
            return Err(refuse());
        }
        Ok(Rule::Days(set))
    }
}

/// The normal form stored in the journal: `day`, `weekday`, `week`, or short day names in
/// week order (`mon,thu`).
impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Day => f.write_str("day"),
            Rule::Weekday => f.write_str("weekday"),
            Rule::Week => f.write_str("week"),
            Rule::Days(set) => {
                let names: Vec<&str> = SHORT
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| set.0 & (1 << i) != 0)
                    .map(|(_, n)| *n)
                    .collect();
                f.write_str(&names.join(","))
            }
        }
    }
}

impl Rule {
    /// Every week on the weekdays named in `text` ("Call me at lunch on Wednesdays"), or on
    /// `date`'s weekday when it names none: the weekly promise a request in `together` becomes.
    pub fn weekly_as_said(text: &str, date: NaiveDate) -> Rule {
        let named = crate::domain::dates::weekdays_in(text);
        if named.is_empty() || named == [date.weekday()] {
            return Rule::Week;
        }
        Rule::Days(named.into_iter().fold(DaySet(0), DaySet::with))
    }

    /// The day a request in `together` taken on once is due: the first of the weekdays `text`
    /// names after `date` ("cook on Friday": the coming Friday; the same weekday as `date`
    /// is a week on), or a week after `date` when it names none.
    pub fn once_as_said(text: &str, date: NaiveDate) -> NaiveDate {
        let named = crate::domain::dates::weekdays_in(text);
        (1..=7u64)
            .filter_map(|n| date.checked_add_days(chrono::Days::new(n)))
            .find(|day| named.contains(&day.weekday()))
            .unwrap_or_else(|| date + chrono::Days::new(7))
    }

    /// "every day", "every weekday", "every Saturday", "every Monday and Thursday".
    pub fn describe(&self, from: NaiveDate) -> String {
        let day_name = |d: Weekday| LONG[d.num_days_from_monday() as usize];
        let capital = |s: &str| {
            let mut c = s.chars();
            c.next()
                .map(|first| first.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        };
        match self {
            Rule::Day => "every day".into(),
            Rule::Weekday => "every weekday".into(),
            Rule::Week => format!("every {}", capital(day_name(from.weekday()))),
            Rule::Days(set) => {
                let names: Vec<String> = (0..7u8)
                    .filter_map(|i| Weekday::try_from(i).ok())
                    .filter(|d| set.contains(*d))
                    .map(|d| capital(day_name(d)))
                    .collect();
                format!("every {}", crate::text::prose::and_list(&names))
            }
        }
    }
}

/// A recurring promise's dates: `rule`, starting on `from`, ending after `until` if set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub rule: Rule,
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
}

fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    (b - a).num_days()
}

impl Schedule {
    /// Whether `date` is one of the promise's dates.
    pub fn is_scheduled(&self, date: NaiveDate) -> bool {
        if date < self.from || self.until.is_some_and(|u| date > u) {
            return false;
        }
        match self.rule {
            Rule::Day => true,
            Rule::Weekday => date.weekday().num_days_from_monday() < 5,
            Rule::Week => days_between(self.from, date) % 7 == 0,
            Rule::Days(set) => set.contains(date.weekday()),
        }
    }

    /// The window clipped to the schedule's own span, or None when nothing is left.
    fn clip(&self, start: NaiveDate, end: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        let start = start.max(self.from);
        let end = match self.until {
            Some(until) => end.min(until),
            None => end,
        };
        (start <= end).then_some((start, end))
    }

    /// The scheduled dates from `start` to `end`, both included, oldest first. The cost is
    /// the length of the window, however long ago the promise began.
    pub fn dates_between(&self, start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
        let Some((start, end)) = self.clip(start, end) else {
            return Vec::new();
        };
        let step = if self.rule == Rule::Week { 7 } else { 1 };
        let first = if self.rule == Rule::Week {
            let ahead = (7 - days_between(self.from, start) % 7) % 7;
            match start.checked_add_days(Days::new(ahead as u64)) {
                Some(d) => d,
                None => return Vec::new(),
            }
        } else {
            start
        };
        let mut dates = Vec::new();
        let mut day = first;
        while day <= end {
            if self.is_scheduled(day) {
                dates.push(day);
            }
            match day.checked_add_days(Days::new(step)) {
                Some(next) => day = next,
                None => break,
            }
        }
        dates
    }

    /// The latest scheduled date on or before `day`, if the promise had begun by then.
    pub fn last_on_or_before(&self, day: NaiveDate) -> Option<NaiveDate> {
        let (_, end) = self.clip(self.from, day)?;
        let back = match self.rule {
            Rule::Day => 0,
            Rule::Week => days_between(self.from, end) % 7,
            // A weekday rule or a non-empty set always has a date within the last 7 days.
            Rule::Weekday | Rule::Days(_) => (0..7)
                .find(|b| {
                    end.checked_sub_days(Days::new(*b as u64))
                        .is_some_and(|d| self.is_scheduled(d))
                })
                .unwrap_or(7),
        };
        let date = end.checked_sub_days(Days::new(back as u64))?;
        self.is_scheduled(date).then_some(date)
    }

    /// The first scheduled date on or after `day`, if there is one.
    pub fn first_on_or_after(&self, day: NaiveDate) -> Option<NaiveDate> {
        let start = day.max(self.from);
        let end = start.checked_add_days(Days::new(6))?;
        self.dates_between(start, end).first().copied()
    }

    /// The last `n` scheduled dates up to and including `day`, newest first (fewer when the
    /// promise has not been in force that long).
    pub fn last_n(&self, n: usize, day: NaiveDate) -> Vec<NaiveDate> {
        let mut dates = Vec::with_capacity(n);
        let mut cursor = self.last_on_or_before(day);
        while let Some(date) = cursor {
            if dates.len() == n {
                break;
            }
            dates.push(date);
            cursor = date.pred_opt().and_then(|d| self.last_on_or_before(d));
        }
        dates
    }
}

/// What a promise asks for: one outcome, or one per scheduled date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    Once {
        from: NaiveDate,
        due: Option<NaiveDate>,
    },
    Recurring(Schedule),
}

/// Why a date cannot take an outcome. The messages name the date and what would work.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateRefusal {
    #[error("{} is in the future; an outcome records what already happened (today is {})", crate::domain::dates::in_words(*.date), crate::domain::dates::in_words(*.today))]
    Future { date: NaiveDate, today: NaiveDate },
    #[error("{} is before the promise started ({}); use a date from then on", crate::domain::dates::in_words(*.date), crate::domain::dates::in_words(*.from))]
    BeforeStart { date: NaiveDate, from: NaiveDate },
    #[error("{} is after the promise ended; its last date was {}", crate::domain::dates::in_words(*.date), crate::domain::dates::in_words(*.last))]
    AfterEnd { date: NaiveDate, last: NaiveDate },
    #[error("the promise is not scheduled on {} (it is {}); use one of its dates, such as {}", crate::domain::dates::in_words(*.date), .rule, .nearest.map(crate::domain::dates::in_words).unwrap_or_else(|| "a later one".into()))]
    NotScheduled {
        date: NaiveDate,
        rule: String,
        nearest: Option<NaiveDate>,
    },
    #[error("nothing is scheduled yet: the promise's first date is {}", .first.map(crate::domain::dates::in_words).unwrap_or_else(|| "still to come".into()))]
    NothingYet { first: Option<NaiveDate> },
}

/// A promise's dates checked against each other, as `promise add` and `edit promise` take
/// them: a due date is not before the start, and a recurring promise has at least one date
/// before it ends. The refusal names `--due` and `--every`.
pub fn check_schedule(
    from: NaiveDate,
    due: Option<NaiveDate>,
    every: Option<Rule>,
) -> Result<(), String> {
    let Some(due) = due else {
        return Ok(());
    };
    if due < from {
        return Err(format!(
            "--due {} is before the promise starts ({}); give a day from then on",
            crate::domain::dates::in_words(due),
            crate::domain::dates::in_words(from)
        ));
    }
    if let Some(rule) = every {
        let schedule = Schedule {
            rule,
            from,
            until: Some(due),
        };
        if schedule.first_on_or_after(from).is_none_or(|d| d > due) {
            return Err(format!(
                "--every {rule} has no date from {} to {}; choose a later --due or another --every",
                crate::domain::dates::in_words(from),
                crate::domain::dates::in_words(due)
            ));
        }
    }
    Ok(())
}

impl Plan {
    /// The date an outcome is for when no `--date` is given: today for a one-time promise;
    /// for a recurring one today if scheduled, else its most recent scheduled date.
    pub fn default_outcome_date(&self, today: NaiveDate) -> Result<NaiveDate, DateRefusal> {
        match self {
            Plan::Once { from, .. } if today < *from => {
                Err(DateRefusal::NothingYet { first: Some(*from) })
            }
            Plan::Once { .. } => Ok(today),
            Plan::Recurring(schedule) => {
                schedule
                    .last_on_or_before(today)
                    .ok_or_else(|| DateRefusal::NothingYet {
                        first: schedule.first_on_or_after(schedule.from),
                    })
            }
        }
    }

    /// Whether `date` can take an outcome (leaving aside outcomes already recorded).
    pub fn check_outcome_date(&self, date: NaiveDate, today: NaiveDate) -> Result<(), DateRefusal> {
        if date > today {
            return Err(DateRefusal::Future { date, today });
        }
        let from = match self {
            Plan::Once { from, .. } => *from,
            Plan::Recurring(schedule) => schedule.from,
        };
        if date < from {
            return Err(DateRefusal::BeforeStart { date, from });
        }
        if let Plan::Recurring(Schedule {
            until: Some(last), ..
        }) = self
            && date > *last
        {
            return Err(DateRefusal::AfterEnd { date, last: *last });
        }
        if let Plan::Recurring(schedule) = self
            && !schedule.is_scheduled(date)
        {
            return Err(DateRefusal::NotScheduled {
                date,
                rule: schedule.rule.describe(schedule.from),
                nearest: schedule.last_on_or_before(date),
            });
        }
        Ok(())
    }

    /// A one-time promise past its due date with no outcome yet. Recurring promises are
    /// never overdue: each date is simply kept, missed, skipped or still to record.
    pub fn overdue(&self, has_outcome: bool, today: NaiveDate) -> bool {
        matches!(self, Plan::Once { due: Some(due), .. } if *due < today && !has_outcome)
    }

    /// A recurring promise scheduled today whose outcome for today is not recorded yet.
    pub fn today_pending(&self, recorded_today: bool, today: NaiveDate) -> bool {
        matches!(self, Plan::Recurring(s) if s.is_scheduled(today) && !recorded_today)
    }
}

/// kept / (kept + missed); skips count neither way. None when there is nothing to rate.
pub fn keeping_rate(kept: u64, missed: u64) -> Option<f64> {
    let rated = kept + missed;
    (rated > 0).then(|| kept as f64 / rated as f64)
}

/// A rate rounded to two decimals, as the JSON contract asks.
pub fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn rule(text: &str) -> Rule {
        text.parse().unwrap()
    }

    fn sched(text: &str, from: NaiveDate) -> Schedule {
        Schedule {
            rule: rule(text),
            from,
            until: None,
        }
    }

    #[test]
    fn rules_parse_in_any_case_and_normalise() {
        assert_eq!(rule("Day"), Rule::Day);
        assert_eq!(rule("daily"), Rule::Day);
        assert_eq!(rule(" WEEKDAYS "), Rule::Weekday);
        assert_eq!(rule("weekly"), Rule::Week);
        assert_eq!(rule("thu,mon").to_string(), "mon,thu");
        assert_eq!(rule("Thursday, MONDAY").to_string(), "mon,thu");
        assert_eq!(rule("sun,sat,sun").to_string(), "sat,sun");
        assert_eq!(rule("tues,thurs").to_string(), "tue,thu");
        // The same weekday names as --date takes (dates::weekday_named).
        assert_eq!(rule("weds,wednes").to_string(), "wed");
        assert_eq!(rule("satur,sun.").to_string(), "sat,sun");
        assert_eq!(rule("fri").to_string(), "fri");
        for normal in ["day", "weekday", "week", "mon,wed,fri"] {
            assert_eq!(rule(normal).to_string(), normal, "round trip");
        }
    }

    #[test]
    fn bad_rules_name_the_value() {
        let err = "fortnight".parse::<Rule>().unwrap_err();
        assert_eq!(
            err,
            format!("--every \"fortnight\" is not a schedule; use {ACCEPTED}")
        );
        let err = "mon,funday".parse::<Rule>().unwrap_err();
        assert!(err.contains("\"funday\" is not a day of the week"), "{err}");
        assert!("mon,,thu".parse::<Rule>().is_err());
        assert!("".parse::<Rule>().is_err());
        assert!(",".parse::<Rule>().is_err());
        assert!("m".parse::<Rule>().is_err());
    }

    #[test]
    fn descriptions_read_naturally() {
        let sat = d(2026, 11, 21);
        assert_eq!(rule("week").describe(sat), "every Saturday");
        assert_eq!(rule("thu,mon").describe(sat), "every Monday and Thursday");
        assert_eq!(rule("weekday").describe(sat), "every weekday");
    }

    #[test]
    fn weekday_schedule_crosses_a_month_end() {
        // Friday 27 November 2026 to Wednesday 2 December 2026.
        let s = sched("weekday", d(2026, 11, 1));
        assert_eq!(
            s.dates_between(d(2026, 11, 27), d(2026, 12, 2)),
            vec![
                d(2026, 11, 27),
                d(2026, 11, 30),
                d(2026, 12, 1),
                d(2026, 12, 2)
            ]
        );
    }

    #[test]
    fn weekday_schedule_crosses_a_year_end() {
        // Thursday 31 December 2026, then Friday 1 and Monday 4 January 2027.
        let s = sched("weekday", d(2026, 12, 1));
        assert_eq!(
            s.dates_between(d(2026, 12, 31), d(2027, 1, 4)),
            vec![d(2026, 12, 31), d(2027, 1, 1), d(2027, 1, 4)]
        );
        assert_eq!(s.last_on_or_before(d(2027, 1, 3)), Some(d(2027, 1, 1)));
        assert_eq!(
            s.last_n(3, d(2027, 1, 4)),
            vec![d(2027, 1, 4), d(2027, 1, 1), d(2026, 12, 31)]
        );
    }

    #[test]
    fn leap_days_are_ordinary_days() {
        // 2028 is a leap year: Tuesday 29 February 2028.
        let s = sched("tue,fri", d(2028, 2, 1));
        assert!(s.is_scheduled(d(2028, 2, 29)));
        assert_eq!(
            s.dates_between(d(2028, 2, 26), d(2028, 3, 4)),
            vec![d(2028, 2, 29), d(2028, 3, 3)]
        );
        let weekly = sched("week", d(2028, 2, 22));
        assert_eq!(
            weekly.dates_between(d(2028, 2, 23), d(2028, 3, 14)),
            vec![d(2028, 2, 29), d(2028, 3, 7), d(2028, 3, 14)]
        );
        // 2100 is not a leap year: 28 February is followed by 1 March.
        let daily = sched("day", d(2100, 2, 27));
        assert_eq!(
            daily.dates_between(d(2100, 2, 27), d(2100, 3, 1)),
            vec![d(2100, 2, 27), d(2100, 2, 28), d(2100, 3, 1)]
        );
    }

    #[test]
    fn dates_around_daylight_saving_changes_are_whole_days() {
        // Clocks change on 29 March and 25 October 2026 in Europe, 8 March and 1 November in
        // the US; a daily promise still has exactly one date per calendar day.
        let s = sched("day", d(2026, 3, 1));
        assert_eq!(s.dates_between(d(2026, 3, 1), d(2026, 3, 31)).len(), 31);
        let s = sched("day", d(2026, 10, 1));
        assert_eq!(s.dates_between(d(2026, 10, 1), d(2026, 11, 30)).len(), 61);
    }

    #[test]
    fn weekly_follows_the_start_weekday() {
        let s = sched("week", d(2026, 11, 21)); // a Saturday
        assert!(s.is_scheduled(d(2026, 11, 28)));
        assert!(!s.is_scheduled(d(2026, 11, 27)));
        assert!(!s.is_scheduled(d(2026, 11, 14)), "before it started");
        assert_eq!(
            s.dates_between(d(2026, 11, 22), d(2026, 12, 19)),
            vec![
                d(2026, 11, 28),
                d(2026, 12, 5),
                d(2026, 12, 12),
                d(2026, 12, 19)
            ]
        );
        assert_eq!(s.last_on_or_before(d(2026, 12, 4)), Some(d(2026, 11, 28)));
        assert_eq!(s.last_on_or_before(d(2026, 11, 20)), None);
        assert_eq!(s.first_on_or_after(d(2026, 11, 22)), Some(d(2026, 11, 28)));
    }

    #[test]
    fn until_ends_the_schedule() {
        let s = Schedule {
            rule: Rule::Day,
            from: d(2026, 11, 1),
            until: Some(d(2026, 11, 5)),
        };
        assert_eq!(s.dates_between(d(2026, 10, 1), d(2026, 12, 1)).len(), 5);
        assert_eq!(s.last_on_or_before(d(2026, 11, 21)), Some(d(2026, 11, 5)));
        assert!(!s.is_scheduled(d(2026, 11, 6)));
        assert_eq!(s.last_n(10, d(2026, 11, 21)).len(), 5);
    }

    #[test]
    fn last_n_for_a_weekday_list() {
        // mon,thu from Monday 2 November 2026; asked on Saturday 21 November.
        let s = sched("mon,thu", d(2026, 11, 2));
        assert_eq!(
            s.last_n(3, d(2026, 11, 21)),
            vec![d(2026, 11, 19), d(2026, 11, 16), d(2026, 11, 12)]
        );
        assert_eq!(s.last_n(0, d(2026, 11, 21)), Vec::<NaiveDate>::new());
        assert_eq!(s.last_n(99, d(2026, 11, 21)).len(), 6);
    }

    #[test]
    fn a_window_long_after_the_start_costs_only_the_window() {
        // Started in 1970; asking about one week in 9999 must not walk eight millennia.
        let s = sched("weekday", d(1970, 1, 1));
        let started = std::time::Instant::now();
        let dates = s.dates_between(d(9999, 12, 20), d(9999, 12, 31));
        assert_eq!(
            dates.len(),
            10,
            "20 to 31 December 9999 holds two weekend days"
        );
        assert_eq!(s.last_n(3, d(9999, 12, 31)).len(), 3);
        assert!(started.elapsed() < std::time::Duration::from_millis(50));
        // Near the very last date chrono knows, nothing overflows or panics.
        let edge = NaiveDate::MAX.pred_opt().unwrap();
        let s = sched("day", edge);
        assert_eq!(
            s.dates_between(edge, NaiveDate::MAX),
            vec![edge, NaiveDate::MAX]
        );
        assert_eq!(
            s.first_on_or_after(NaiveDate::MAX),
            None,
            "no week left to look in"
        );
        assert_eq!(sched("week", edge).last_n(2, NaiveDate::MAX), vec![edge]);
    }

    #[test]
    fn default_outcome_date_follows_the_lead_rule() {
        let sat = d(2026, 11, 21);
        let once = Plan::Once {
            from: d(2026, 11, 1),
            due: None,
        };
        assert_eq!(once.default_outcome_date(sat), Ok(sat));
        let weekdays = Plan::Recurring(sched("weekday", d(2026, 11, 1)));
        assert_eq!(weekdays.default_outcome_date(sat), Ok(d(2026, 11, 20)));
        let daily = Plan::Recurring(sched("day", d(2026, 11, 1)));
        assert_eq!(daily.default_outcome_date(sat), Ok(sat));
        let not_yet = Plan::Recurring(sched("mon", d(2026, 11, 21)));
        assert_eq!(
            not_yet.default_outcome_date(sat),
            Err(DateRefusal::NothingYet {
                first: Some(d(2026, 11, 23))
            })
        );
    }

    #[test]
    fn outcome_dates_are_checked() {
        let today = d(2026, 11, 21);
        let plan = Plan::Recurring(sched("mon,thu", d(2026, 11, 9)));
        assert_eq!(plan.check_outcome_date(d(2026, 11, 19), today), Ok(()));
        assert!(matches!(
            plan.check_outcome_date(d(2026, 11, 23), today),
            Err(DateRefusal::Future { .. })
        ));
        assert!(matches!(
            plan.check_outcome_date(d(2026, 11, 5), today),
            Err(DateRefusal::BeforeStart { .. })
        ));
        let err = plan.check_outcome_date(d(2026, 11, 20), today).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the promise is not scheduled on Friday 20 November 2026 (it is every Monday and \
             Thursday); use one of its dates, such as Thursday 19 November 2026"
        );
        let once = Plan::Once {
            from: d(2026, 11, 9),
            due: Some(d(2026, 11, 10)),
        };
        assert_eq!(
            once.check_outcome_date(d(2026, 11, 20), today),
            Ok(()),
            "kept late is still kept"
        );
    }

    #[test]
    fn overdue_and_pending() {
        let today = d(2026, 11, 21);
        let once = Plan::Once {
            from: d(2026, 11, 1),
            due: Some(d(2026, 11, 20)),
        };
        assert!(once.overdue(false, today));
        assert!(!once.overdue(true, today));
        let due_today = Plan::Once {
            from: d(2026, 11, 1),
            due: Some(today),
        };
        assert!(!due_today.overdue(false, today));
        let no_due = Plan::Once {
            from: d(2026, 11, 1),
            due: None,
        };
        assert!(!no_due.overdue(false, today));
        let daily = Plan::Recurring(sched("day", d(2026, 11, 1)));
        assert!(!daily.overdue(false, today));
        assert!(daily.today_pending(false, today));
        assert!(!daily.today_pending(true, today));
        let weekdays = Plan::Recurring(sched("weekday", d(2026, 11, 1)));
        assert!(!weekdays.today_pending(false, today), "Saturday is not due");
    }

    #[test]
    fn keeping_rate_ignores_skips_and_is_none_without_data() {
        assert_eq!(keeping_rate(3, 1), Some(0.75));
        assert_eq!(keeping_rate(0, 2), Some(0.0));
        assert_eq!(keeping_rate(5, 0), Some(1.0));
        assert_eq!(keeping_rate(0, 0), None);
        assert_eq!(keeping_rate(2, 1).map(round2), Some(0.67));
        assert_eq!(round2(1.0 / 3.0), 0.33);
    }

    #[test]
    fn a_weekly_request_falls_on_the_day_it_names() {
        // Sunday 6 December 2026.
        let sunday = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let rule = Rule::weekly_as_said("Call me at lunch on Wednesday", sunday);
        assert_eq!(rule.to_string(), "wed");
        assert_eq!(rule.describe(sunday), "every Wednesday");
        assert_eq!(Rule::weekly_as_said("A walk together", sunday), Rule::Week);
        assert_eq!(Rule::weekly_as_said("Sunday pancakes", sunday), Rule::Week);
    }

    // Found in a user trial: "cook on Friday", taken on once at a Saturday meeting, was
    // offered "by" the Saturday a week later.
    #[test]
    fn a_request_taken_on_once_is_due_on_the_day_it_names() {
        let d = |day: u32| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        // Saturday 21 November 2026.
        let saturday = d(21);
        assert_eq!(Rule::once_as_said("cook on Friday", saturday), d(27));
        assert_eq!(Rule::once_as_said("Call me Monday", saturday), d(23));
        // Several days: the first of them to come.
        assert_eq!(
            Rule::once_as_said("a walk on Thursday or Sunday", saturday),
            d(22)
        );
        // The meeting's own weekday is a week on; no day named, a week on too.
        assert_eq!(Rule::once_as_said("Saturday pancakes", saturday), d(28));
        assert_eq!(Rule::once_as_said("a walk together", saturday), d(28));
        // Short forms are ordinary words in a sentence, as for the weekly offer.
        assert_eq!(Rule::once_as_said("sun and rain", saturday), d(28));
    }
}
