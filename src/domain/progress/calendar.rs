//! Each day of the window, each partner's trust: the "year in pixels" the report draws.
//!
//! Taken from the same [`Facts`] as every other figure (the check-ins are already there for
//! the window), so the calendar needs no query of its own and always agrees with the weekly
//! means. Kept apart from [`super::Progress`] so `progress --json` stays as it is.

use chrono::{Days, NaiveDate};

use super::{ByPartner, Facts};
use crate::domain::dates::week_start;

#[derive(Debug, Clone, PartialEq)]
pub struct Calendar {
    /// The first day shown: the Monday that starts the window, or that starts the week the
    /// journal began when it began inside the window.
    pub from: NaiveDate,
    /// The day the journal began, when that is one of the days shown: days are counted from
    /// it, not from `from`.
    pub began: Option<NaiveDate>,
    /// The last day shown.
    pub until: NaiveDate,
    /// Per partner, in the order they were added, one entry per day from `from` to `until`:
    /// that day's trust, or `None` without a check-in.
    pub trust: ByPartner<Vec<Option<u8>>>,
}

impl Calendar {
    /// How many days the calendar holds.
    pub fn len(&self) -> usize {
        usize::try_from((self.until - self.from).num_days() + 1).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The first day that counts: the day the journal began, or `from`.
    pub fn counted_from(&self) -> NaiveDate {
        self.began.map_or(self.from, |b| b.max(self.from))
    }

    /// How many days count, from [`Calendar::counted_from`] to `until`.
    pub fn counted_days(&self) -> usize {
        usize::try_from((self.until - self.counted_from()).num_days() + 1).unwrap_or(0)
    }

    /// The date of the day at `index`.
    pub fn date(&self, index: usize) -> NaiveDate {
        self.from + Days::new(index as u64)
    }

    /// Whether anyone checked in on any day shown.
    pub fn any(&self) -> bool {
        self.trust
            .0
            .iter()
            .any(|(_, days)| days.iter().any(Option::is_some))
    }
}

/// The calendar of the facts' window, from the week the journal began when that is later.
pub fn calendar(facts: &Facts) -> Calendar {
    let window = facts.window;
    let began = facts
        .started
        .filter(|&s| window.from <= s && s <= window.until);
    let from = began.map_or(window.from, week_start);
    let len = usize::try_from((window.until - from).num_days() + 1).unwrap_or(0);
    let mut trust: Vec<Vec<Option<u8>>> = vec![vec![None; len]; facts.partners.len()];
    for c in &facts.checkins {
        if c.date < from || c.date > window.until {
            continue;
        }
        let day = (c.date - from).num_days() as usize;
        if let Some(who) = facts.partners.iter().position(|p| p.id == c.partner) {
            trust[who][day] = Some(c.trust);
        }
    }
    Calendar {
        from,
        began,
        until: window.until,
        trust: ByPartner(
            facts
                .partners
                .iter()
                .zip(trust)
                .map(|(p, days)| (p.name.clone(), days))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::progress::tests::{ALEX, SAM, checkin, d, facts};

    #[test]
    fn one_entry_per_day_of_the_window_per_partner() {
        // Two weeks ending Saturday 21 November: Monday 9 November to the 21st, 13 days.
        let mut f = facts(2);
        f.checkins = vec![
            // Before the window (the signals look further back): not shown.
            checkin(11, 1, SAM, 2),
            checkin(11, 9, SAM, 4),
            checkin(11, 21, SAM, 9),
            checkin(11, 15, ALEX, 6),
        ];
        let c = calendar(&f);
        assert_eq!((c.from, c.until, c.len()), (d(11, 9), d(11, 21), 13));
        let sam = c.trust.get("Sam").unwrap();
        assert_eq!(sam.len(), 13);
        assert_eq!(sam[0], Some(4));
        assert_eq!(sam[12], Some(9));
        assert_eq!(sam.iter().flatten().count(), 2);
        let alex = c.trust.get("Alex").unwrap();
        assert_eq!(alex[6], Some(6), "Sunday the 15th is the seventh day");
        assert_eq!(c.date(6), d(11, 15));
        assert!(c.any());
        assert!(!calendar(&facts(2)).any());
    }
}
