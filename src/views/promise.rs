//! Promises in words: when one falls due, how well it is being kept, and its line in
//! `promise list`.

use chrono::NaiveDate;

use crate::domain::recurrence::{self, Plan};
use crate::store::promises::{Promise, Tally};

/// "Sat 21 Nov 2026": dates in lists, where the full form would crowd the line.
pub fn short_date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// "every weekday from Mon 16 Nov 2026", "once, due Fri 20 Nov 2026".
pub fn schedule_phrase(p: &Promise, today: NaiveDate) -> String {
    match p.plan() {
        Plan::Once { due: Some(due), .. } => format!("once, due {}", short_date(due)),
        Plan::Once { due: None, .. } => "once, no due date".to_string(),
        Plan::Recurring(s) => {
            let start = if s.from > today { "starting" } else { "from" };
            let mut phrase = format!("{} {start} {}", s.rule.describe(s.from), short_date(s.from));
            if let Some(until) = s.until {
                phrase.push_str(&format!(" until {}", short_date(until)));
            }
            phrase
        }
    }
}

/// "kept 4, missed 1 (80% kept)", skips mentioned only when there are some; days of a
/// recurring promise that nobody recorded are said as such ("kept 18, missed 0, 10 not
/// recorded"), and the share is then of the days recorded, never a perfect record by silence.
pub fn tally_phrase(t: &Tally, unrecorded: u64) -> String {
    if t.kept + t.missed + t.skipped == 0 {
        return match unrecorded {
            0 => "nothing recorded yet".to_string(),
            n => format!("nothing recorded yet, {n} days so far"),
        };
    }
    let mut phrase = format!("kept {}, missed {}", t.kept, t.missed);
    if t.skipped > 0 {
        phrase.push_str(&format!(", skipped {}", t.skipped));
    }
    if unrecorded > 0 {
        phrase.push_str(&format!(", {unrecorded} not recorded"));
    }
    if let Some(rate) = recurrence::keeping_rate(t.kept, t.missed) {
        if unrecorded > 0 {
            phrase.push_str(&format!(" ({:.0}% of those recorded kept)", rate * 100.0));
        } else {
            phrase.push_str(&format!(" ({:.0}% kept)", rate * 100.0));
        }
    }
    phrase
}

/// How many dates of a recurring promise, from its start to the day before `today` (or to
/// its last date, or the day before it was cancelled), have no outcome at all. `recorded` is
/// how many outcomes it has dated on or before that day.
pub fn unrecorded(p: &Promise, recorded: u64, today: NaiveDate) -> u64 {
    let Some(schedule) = p.schedule() else {
        return 0;
    };
    let Some(mut end) = today.pred_opt() else {
        return 0;
    };
    if p.status == crate::store::promises::Status::Cancelled
        && let Some(day_before) = p.closed_on.and_then(|c| c.pred_opt())
    {
        end = end.min(day_before);
    }
    let due = schedule.dates_between(p.from, end).len() as u64;
    due.saturating_sub(recorded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tallies_read_naturally() {
        let t = Tally {
            kept: 4,
            missed: 1,
            skipped: 0,
        };
        assert_eq!(tally_phrase(&t, 0), "kept 4, missed 1 (80% kept)");
        let t = Tally {
            kept: 0,
            missed: 0,
            skipped: 2,
        };
        assert_eq!(tally_phrase(&t, 0), "kept 0, missed 0, skipped 2");
        assert_eq!(tally_phrase(&Tally::default(), 0), "nothing recorded yet");
        // Regression: days nobody recorded made a promise look perfectly kept.
        let t = Tally {
            kept: 18,
            missed: 0,
            skipped: 0,
        };
        assert_eq!(
            tally_phrase(&t, 10),
            "kept 18, missed 0, 10 not recorded (100% of those recorded kept)"
        );
    }
}
