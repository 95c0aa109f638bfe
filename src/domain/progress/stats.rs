//! The arithmetic behind progress: means, trends, rates, the consistency score and streaks.
//! Plain functions over plain values; every one returns `None` rather than a NaN when there is
//! too little to compute from.

use chrono::NaiveDate;

/// How fast the consistency score moves: each new outcome carries a fifth of the weight.
pub const CONSISTENCY_ALPHA: f64 = 0.2;

/// Outcomes older than this many recent ones change the consistency score by less than
/// 0.8^200 ≈ 4e-20, far below what two decimals can show, so only these are read.
pub const CONSISTENCY_HORIZON: usize = 200;

/// Rounds to two decimals, the precision of every figure rekindle shows.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

pub fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        None
    } else {
        Some(values.iter().sum::<f64>() / values.len() as f64)
    }
}

/// Least-squares slope of `y` over `x`: the trend in points per unit of `x`. `None` with fewer
/// than two points or when every `x` is the same.
pub fn slope(points: &[(f64, f64)]) -> Option<f64> {
    if points.len() < 2 {
        return None;
    }
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    if sxx == 0.0 {
        return None;
    }
    let sxy: f64 = points.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    Some(sxy / sxx)
}

/// kept / (kept + missed); `None` when nothing was kept or missed (skips count neither way).
pub fn keeping_rate(kept: u32, missed: u32) -> Option<f64> {
    let total = kept + missed;
    (total > 0).then(|| f64::from(kept) / f64::from(total))
}

/// An exponentially weighted average of outcomes in date order (kept = 1, missed = 0),
/// starting from the first outcome's own value. It grows with each kept promise, falls with
/// each miss, and one miss after a long run of keeping only dents it (to 0.8). `None` when
/// there are no outcomes.
pub fn consistency(kept_oldest_first: &[bool]) -> Option<f64> {
    let mut values = kept_oldest_first.iter().map(|&k| if k { 1.0 } else { 0.0 });
    let first = values.next()?;
    Some(values.fold(first, |score, x| {
        CONSISTENCY_ALPHA * x + (1.0 - CONSISTENCY_ALPHA) * score
    }))
}

/// The current streak: consecutive days with a check-in ending on `until`, or on the day
/// before when `until` has none yet. `dates` must be newest first, without repeats, none after
/// `until`; it is read only as far as the streak goes, so it can stream from the database.
pub fn current_streak(dates: impl IntoIterator<Item = NaiveDate>, until: NaiveDate) -> u32 {
    let mut dates = dates.into_iter();
    let Some(first) = dates.next() else {
        return 0;
    };
    let gap = (until - first).num_days();
    if !(0..=1).contains(&gap) {
        return 0;
    }
    let mut streak = 1;
    let mut last = first;
    for date in dates {
        if (last - date).num_days() != 1 {
            break;
        }
        streak += 1;
        last = date;
    }
    streak
}

/// The longest run of consecutive days in `dates` (oldest first, without repeats).
pub fn longest_run(dates: &[NaiveDate]) -> u32 {
    let mut longest = 0;
    let mut run = 0;
    let mut previous: Option<NaiveDate> = None;
    for &date in dates {
        run = match previous {
            Some(p) if (date - p).num_days() == 1 => run + 1,
            _ => 1,
        };
        longest = longest.max(run);
        previous = Some(date);
    }
    longest
}

/// The middle value (the mean of the two middle ones for an even count).
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn means_and_rounding() {
        assert_eq!(mean(&[]), None);
        assert_eq!(mean(&[4.0, 5.0, 9.0]), Some(6.0));
        assert_eq!(round2(17.0 / 3.0), 5.67);
        assert_eq!(round2(2.0 / 3.0), 0.67);
        assert_eq!(round2(-0.125), -0.13);
    }

    #[test]
    fn slope_by_hand() {
        // Points (0,4) (1,5) (3,8): mean x = 4/3, mean y = 17/3.
        // Sxx = 16/9 + 1/9 + 25/9 = 42/9; Sxy = (-4/3)(-5/3) + (-1/3)(-2/3) + (5/3)(7/3) = 57/9.
        // Slope = 57/42 = 1.357142...
        let s = slope(&[(0.0, 4.0), (1.0, 5.0), (3.0, 8.0)]).unwrap();
        assert!(close(s, 57.0 / 42.0), "{s}");
        assert_eq!(slope(&[(0.0, 4.0), (1.0, 2.0)]), Some(-2.0));
        assert_eq!(slope(&[(2.0, 4.0)]), None, "one week is not a trend");
        assert_eq!(slope(&[(2.0, 4.0), (2.0, 6.0)]), None);
        assert_eq!(slope(&[(0.0, 5.0), (1.0, 5.0), (2.0, 5.0)]), Some(0.0));
    }

    #[test]
    fn keeping_rate_ignores_skips_and_never_divides_by_zero() {
        assert_eq!(keeping_rate(3, 1), Some(0.75));
        assert_eq!(keeping_rate(0, 2), Some(0.0));
        assert_eq!(keeping_rate(0, 0), None);
    }

    #[test]
    fn consistency_score_by_hand() {
        assert_eq!(consistency(&[]), None);
        assert_eq!(consistency(&[true]), Some(1.0));
        assert_eq!(consistency(&[false]), Some(0.0));
        // 1 → 0.2·0 + 0.8·1 = 0.8 → 0.2·1 + 0.8·0.8 = 0.84
        assert!(close(consistency(&[true, false, true]).unwrap(), 0.84));
        // 0 → 0.2 → 0.36 → 0.488
        assert!(close(
            consistency(&[false, true, true, true]).unwrap(),
            0.488
        ));
        // A single miss after a long run of keeping only dents the score.
        let mut history = vec![true; 50];
        history.push(false);
        assert!(close(consistency(&history).unwrap(), 0.8));
    }

    #[test]
    fn consistency_horizon_changes_nothing_visible() {
        let long: Vec<bool> = (0..1000).map(|i| i % 3 != 0).collect();
        let full = consistency(&long).unwrap();
        let recent = consistency(&long[long.len() - CONSISTENCY_HORIZON..]).unwrap();
        assert!((full - recent).abs() < 1e-15, "{full} vs {recent}");
    }

    #[test]
    fn current_streak_ends_today_or_yesterday() {
        let until = d(11, 21);
        assert_eq!(
            current_streak([d(11, 21), d(11, 20), d(11, 19), d(11, 17)], until),
            3
        );
        assert_eq!(
            current_streak([d(11, 20), d(11, 19)], until),
            2,
            "today not yet"
        );
        assert_eq!(
            current_streak([d(11, 19), d(11, 18)], until),
            0,
            "a gap of a day"
        );
        assert_eq!(current_streak(Vec::<NaiveDate>::new(), until), 0);
    }

    #[test]
    fn streaks_cross_month_and_year_ends() {
        let dates = [
            NaiveDate::from_ymd_opt(2027, 1, 2).unwrap(),
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
            NaiveDate::from_ymd_opt(2026, 12, 30).unwrap(),
        ];
        assert_eq!(current_streak(dates, dates[0]), 4);
        let leap = [
            NaiveDate::from_ymd_opt(2028, 2, 28).unwrap(),
            NaiveDate::from_ymd_opt(2028, 2, 29).unwrap(),
            NaiveDate::from_ymd_opt(2028, 3, 1).unwrap(),
        ];
        assert_eq!(longest_run(&leap), 3);
        assert_eq!(
            longest_run(&[d(2, 27), d(2, 28), d(3, 1)]),
            3,
            "2026 has no 29 February"
        );
        assert_eq!(longest_run(&[d(4, 29), d(4, 30), d(5, 2)]), 2);
    }

    #[test]
    fn longest_run_finds_the_best_stretch() {
        let dates = [d(11, 1), d(11, 2), d(11, 4), d(11, 5), d(11, 6), d(11, 9)];
        assert_eq!(longest_run(&dates), 3);
        assert_eq!(longest_run(&[]), 0);
        assert_eq!(longest_run(&[d(11, 1)]), 1);
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
    }
}
