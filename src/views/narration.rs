//! The words progress is told in, shared by `rekindle progress` (the terminal) and
//! `rekindle report` (the HTML page), so both say exactly the same thing about the same
//! figures. Plain strings from plain values: no terminal styling and no escaping here; each
//! view sanitizes or escapes the partner names and user text it places around them.

use crate::domain::dates::in_words;
use crate::domain::model::Step;

use crate::domain::progress::{ApologySummary, Focus, PartnerSummary, Progress, Streak};

/// What either view says when there is too little to draw a trend from.
pub const THIN: &str = "check in on a few more days to see a trend";

/// What either view says when no signal fired.
pub const NOTHING_STANDS_OUT: &str = "Nothing stands out that needs a look.";

/// "step 1 of 8, Take responsibility".
pub fn step_label(step: Step) -> String {
    format!(
        "step {} of 8, {}",
        step.number(),
        crate::domain::journey::title(step)
    )
}

/// "Prompts that may help: step 7 of 8, Decide whether to stay (rekindle prompt --step
/// reassess)", said under each signal.
pub fn prompts_that_help(step: Step) -> String {
    format!(
        "Prompts that may help: {} (rekindle prompt --step {})",
        step_label(step),
        step.id()
    )
}

/// "1 week", "26 weeks".
pub fn weeks(n: u32) -> String {
    if n == 1 {
        "1 week".to_string()
    } else {
        format!("{n} weeks")
    }
}

/// The weeks shown and the first day they count from: ("5 weeks since you began", Tuesday
/// 20 October) when the journal began in them, else ("8 weeks", the Monday the window
/// starts). Give it [`Progress::since_start`].
pub fn span_parts(p: &Progress) -> (String, chrono::NaiveDate) {
    let n = weeks(p.weeks.len() as u32);
    match p.started.filter(|&s| p.from <= s && s <= p.until) {
        Some(started) => (format!("{n} since you began"), started),
        None => (n, p.from),
    }
}

/// "5 weeks since you began: Tuesday 20 October 2026 to Saturday 21 November 2026", or
/// "8 weeks: Monday 28 September 2026 to Saturday 21 November 2026".
pub fn span(p: &Progress) -> String {
    let (weeks, first) = span_parts(p);
    format!("{weeks}: {}", days_from_to(first, p.until))
}

/// "Tuesday 3 November 2026 to Saturday 21 November 2026", or the one day when they are the
/// same.
pub fn days_from_to(first: chrono::NaiveDate, last: chrono::NaiveDate) -> String {
    if first == last {
        in_words(last)
    } else {
        format!("{} to {}", in_words(first), in_words(last))
    }
}

/// "1 day", "3 days".
pub fn days(n: u32) -> String {
    if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}

/// A change with its sign: "+1.50", "−0.25" (a true minus sign).
pub fn signed(x: f64) -> String {
    if x > 0.0 {
        format!("+{x:.2}")
    } else {
        format!("−{:.2}", -x)
    }
}

/// "75%", or "–" when there is nothing to rate.
pub fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "–".to_string(), |r| format!("{:.0}%", r * 100.0))
}

/// A weekly mean to one decimal, or "–" for a week without data.
pub fn mean(mean: Option<f64>) -> String {
    mean.map_or_else(|| "–".to_string(), |m| format!("{m:.1}"))
}

/// "step 2 of 8, Talk and listen openly — since Sunday 11 October 2026 (day 42)". The space
/// in "(day 42)" does not break, so a narrow terminal never leaves "42)" alone on a line.
pub fn focus(focus: &Focus) -> String {
    match (focus.since, focus.days) {
        (Some(since), Some(days)) => format!(
            "{} — since {} (day\u{a0}{days})",
            step_label(focus.step),
            in_words(since)
        ),
        _ => step_label(focus.step),
    }
}

/// "2 days in a row (longest in these weeks: 5 days)", for the streak the two of you share.
/// A run that has stopped is never shown as "0 days": only the longest run is named, so a
/// partner taking space is not counted against.
pub fn shared_streak(streak: Streak) -> String {
    match (streak.current, streak.longest) {
        (0, 0) => "none yet".to_string(),
        (0, longest) => format!("longest in these weeks: {}", days(longest)),
        (current, longest) => format!(
            "{} in a row (longest in these weeks: {})",
            days(current),
            days(longest)
        ),
    }
}

/// "2 days in a row (longest 5 days)", for one partner's streak; as for the shared one, a
/// stopped run names only the longest.
pub fn own_streak(streak: Streak) -> String {
    match (streak.current, streak.longest) {
        (0, 0) => "none yet".to_string(),
        (0, longest) => format!("longest {}", days(longest)),
        (current, longest) => format!("{} in a row (longest {})", days(current), days(longest)),
    }
}

/// How one partner's trust moved over the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustWords {
    /// The first and last weekly means compared ("5.0 → 8.0"), when there are two weeks.
    pub span: Option<String>,
    /// The change and trend in words ("up 3.0, about +1.50 a week"), or why there is none.
    pub words: String,
}

/// What either view says when there is one week of trust and so no trend yet.
pub const ONE_WEEK: &str = "a trend needs two weeks or more";

impl TrustWords {
    /// `weeks_shown` is how many weeks the view shows: with one week of check-ins, the reason
    /// there is no trend differs when only one week is shown at all.
    pub fn of(summary: &PartnerSummary, weeks_shown: usize) -> TrustWords {
        match (
            summary.trust_first,
            summary.trust_last,
            summary.trust_change,
        ) {
            (Some(first), Some(last), Some(change)) => {
                let direction = if change > 0.0 {
                    format!("up {change:.1}")
                } else if change < 0.0 {
                    format!("down {:.1}", -change)
                } else {
                    "no change".to_string()
                };
                let trend = match summary.trust_trend_per_week {
                    Some(t) if t != 0.0 => format!(", about {} a week", signed(t)),
                    Some(_) => ", steady".to_string(),
                    None => String::new(),
                };
                TrustWords {
                    span: Some(format!("{first:.1} → {last:.1}")),
                    words: format!("{direction}{trend}"),
                }
            }
            (_, Some(last), _) if weeks_shown <= 1 => TrustWords {
                span: None,
                words: format!("{last:.1} this week; {ONE_WEEK}"),
            },
            (_, Some(last), _) => TrustWords {
                span: None,
                words: format!("{last:.1}, from one week of check-ins; {ONE_WEEK}"),
            },
            _ => TrustWords {
                span: None,
                words: format!("no check-ins yet; {THIN}"),
            },
        }
    }
}

/// One partner's promise keeping over the last 30 days against the 30 before: "last 30 days
/// 75% (3 of 4); none recorded the 30 days before". The consistency score is [`lately`].
pub fn keeping(s: &PartnerSummary) -> String {
    // Days nobody recorded are said as such: leaving them out of the rate alone would make
    // a partner who stopped recording look perfect.
    let unrecorded = match s.unrecorded_30d {
        0 => String::new(),
        n => format!(", {n} not recorded"),
    };
    match (s.keeping_rate_30d, s.keeping_rate_prev_30d) {
        (None, None) if s.unrecorded_30d > 0 => format!(
            "last 30 days: nothing recorded on {} of the days promised",
            s.unrecorded_30d
        ),
        (None, None) => "no kept or missed promises recorded in the last 60 days".to_string(),
        (recent, previous) => {
            let recent = match recent {
                Some(r) if s.unrecorded_30d > 0 => format!(
                    "last 30 days kept {}, missed {}{unrecorded} ({} of those recorded)",
                    s.kept_30d,
                    s.missed_30d,
                    percent(Some(r)),
                ),
                Some(r) => format!(
                    "last 30 days {} ({} of {})",
                    percent(Some(r)),
                    s.kept_30d,
                    s.kept_30d + s.missed_30d
                ),
                None if s.unrecorded_30d > 0 => {
                    format!("last 30 days nothing recorded{unrecorded}")
                }
                None => "none recorded in the last 30 days".to_string(),
            };
            let before = match previous {
                Some(_) => format!("the 30 days before {}", percent(previous)),
                None => "none recorded the 30 days before".to_string(),
            };
            format!("{recent}; {before}")
        }
    }
}

/// The consistency score (the exponentially weighted average of kept and missed outcomes)
/// as a share: "promises kept lately: 84% (recent ones count most)", or nothing before the
/// first kept or missed promise.
pub fn lately(s: &PartnerSummary) -> Option<String> {
    s.consistency_score.map(|c| {
        format!(
            "promises kept lately: {} (recent ones count most)",
            percent(Some(c))
        )
    })
}

/// "2 apologies made, 1 answered so far; there is no deadline", or nothing when no apology
/// was made in the window. How many were accepted and how long answers took stay in the
/// JSON: in words they would read as a score of how fast and how often someone forgives.
pub fn apologies(a: &ApologySummary) -> Option<String> {
    if a.made == 0 {
        return None;
    }
    let made = if a.made == 1 {
        "1 apology made".to_string()
    } else {
        format!("{} apologies made", a.made)
    };
    if a.answered >= a.made {
        return Some(format!("{made}, all answered"));
    }
    Some(format!(
        "{made}, {} answered so far; there is no deadline",
        a.answered
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary() -> PartnerSummary {
        PartnerSummary {
            trust_change: None,
            trust_trend_per_week: None,
            trust_first: None,
            trust_last: None,
            keeping_rate_30d: None,
            keeping_rate_prev_30d: None,
            kept_30d: 0,
            missed_30d: 0,
            unrecorded_30d: 0,
            consistency_score: None,
            streak: Streak {
                current: 0,
                longest: 0,
            },
        }
    }

    #[test]
    fn trust_in_words_from_nothing_to_a_trend() {
        assert_eq!(
            TrustWords::of(&summary(), 8).words,
            "no check-ins yet; check in on a few more days to see a trend"
        );
        let one_week = PartnerSummary {
            trust_first: Some(6.0),
            trust_last: Some(6.0),
            ..summary()
        };
        assert_eq!(
            TrustWords::of(&one_week, 1),
            TrustWords {
                span: None,
                words: "6.0 this week; a trend needs two weeks or more".into()
            }
        );
        assert_eq!(
            TrustWords::of(&one_week, 3).words,
            "6.0, from one week of check-ins; a trend needs two weeks or more"
        );
        let rising = PartnerSummary {
            trust_first: Some(5.0),
            trust_last: Some(8.0),
            trust_change: Some(3.0),
            trust_trend_per_week: Some(1.5),
            ..summary()
        };
        assert_eq!(
            TrustWords::of(&rising, 8),
            TrustWords {
                span: Some("5.0 → 8.0".into()),
                words: "up 3.0, about +1.50 a week".into()
            }
        );
        let falling = PartnerSummary {
            trust_change: Some(-0.5),
            trust_trend_per_week: Some(-0.25),
            ..rising.clone()
        };
        assert_eq!(
            TrustWords::of(&falling, 8).words,
            "down 0.5, about −0.25 a week"
        );
        let flat = PartnerSummary {
            trust_change: Some(0.0),
            trust_trend_per_week: Some(0.0),
            ..rising
        };
        assert_eq!(TrustWords::of(&flat, 8).words, "no change, steady");
    }

    #[test]
    fn keeping_and_apologies_in_words() {
        assert_eq!(
            keeping(&summary()),
            "no kept or missed promises recorded in the last 60 days"
        );
        let kept = PartnerSummary {
            keeping_rate_30d: Some(0.75),
            kept_30d: 3,
            missed_30d: 1,
            unrecorded_30d: 0,
            consistency_score: Some(0.84),
            ..summary()
        };
        assert_eq!(
            keeping(&kept),
            "last 30 days 75% (3 of 4); none recorded the 30 days before"
        );
        assert_eq!(
            lately(&kept).as_deref(),
            Some("promises kept lately: 84% (recent ones count most)")
        );
        assert_eq!(lately(&summary()), None);
        let one_miss = PartnerSummary {
            consistency_score: Some(0.0),
            ..summary()
        };
        assert_eq!(
            lately(&one_miss).as_deref(),
            Some("promises kept lately: 0% (recent ones count most)")
        );
        let none = ApologySummary {
            made: 0,
            answered: 0,
            accepted: 0,
            median_days_to_answer: None,
        };
        assert_eq!(apologies(&none), None);
        let one = ApologySummary {
            made: 1,
            answered: 1,
            accepted: 1,
            median_days_to_answer: Some(2.0),
        };
        assert_eq!(
            apologies(&one).as_deref(),
            Some("1 apology made, all answered")
        );
        let waiting = ApologySummary {
            made: 3,
            answered: 1,
            accepted: 0,
            median_days_to_answer: Some(11.0),
        };
        let line = apologies(&waiting).unwrap_or_default();
        assert_eq!(
            line,
            "3 apologies made, 1 answered so far; there is no deadline"
        );
        assert!(!line.contains("accepted") && !line.contains("median"));
    }

    #[test]
    fn a_stopped_streak_is_never_a_zero_headline() {
        let stopped = Streak {
            current: 0,
            longest: 25,
        };
        assert_eq!(shared_streak(stopped), "longest in these weeks: 25 days");
        assert_eq!(own_streak(stopped), "longest 25 days");
        let none = Streak {
            current: 0,
            longest: 0,
        };
        for line in [shared_streak(none), own_streak(none)] {
            assert!(!line.contains('0'), "{line}");
        }
        let running = Streak {
            current: 2,
            longest: 5,
        };
        assert_eq!(
            shared_streak(running),
            "2 days in a row (longest in these weeks: 5 days)"
        );
        assert_eq!(own_streak(running), "2 days in a row (longest 5 days)");
    }

    #[test]
    fn counts_and_steps_in_words() {
        assert_eq!(days(1), "1 day");
        assert_eq!(weeks(26), "26 weeks");
        assert_eq!(percent(None), "–");
        assert_eq!(mean(Some(7.333)), "7.3");
        assert_eq!(
            step_label(Step::Responsibility),
            "step 1 of 8, Take responsibility"
        );
        assert_eq!(
            prompts_that_help(Step::Reassess),
            format!(
                "Prompts that may help: step 7 of 8, {} (rekindle prompt --step reassess)",
                crate::domain::journey::title(Step::Reassess)
            )
        );
    }
}
