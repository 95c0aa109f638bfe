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

/// "kept 4, missed 1 (80% kept)", skips mentioned only when there are some.
pub fn tally_phrase(t: &Tally) -> String {
    if t.kept + t.missed + t.skipped == 0 {
        return "nothing recorded yet".to_string();
    }
    let mut phrase = format!("kept {}, missed {}", t.kept, t.missed);
    if t.skipped > 0 {
        phrase.push_str(&format!(", skipped {}", t.skipped));
    }
    if let Some(rate) = recurrence::keeping_rate(t.kept, t.missed) {
        phrase.push_str(&format!(" ({:.0}% kept)", rate * 100.0));
    }
    phrase
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
        assert_eq!(tally_phrase(&t), "kept 4, missed 1 (80% kept)");
        let t = Tally {
            kept: 0,
            missed: 0,
            skipped: 2,
        };
        assert_eq!(tally_phrase(&t), "kept 0, missed 0, skipped 2");
        assert_eq!(tally_phrase(&Tally::default()), "nothing recorded yet");
    }
}
