//! The computer's clock, read once per run by the process edge and checked here: rekindle
//! dates every entry by it and writes its timestamps as `YYYY-MM-DDTHH:MM:SS.ffffffZ`, so a
//! clock before 1970 or after the year 9999 is refused with one clear line (it could neither
//! be written in that form nor read back), never a panic. Pure: the time is handed in.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::{DateTime, Datelike as _, Days, NaiveDate, Utc};

use crate::domain::dates;

/// Why the clock cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    #[error(
        "the computer's clock says it is before 1970, so rekindle did nothing: it dates every entry by that clock. Set the clock to the right date and time, and try again"
    )]
    Before1970,
    #[error(
        "the computer's clock says it is the year {0} or later, past the year 9999 that rekindle's dates can hold, so rekindle did nothing. Set the clock to the right date and time, and try again"
    )]
    After9999(i32),
}

/// The clock's reading as a UTC time rekindle can write and read back.
pub fn read(now: SystemTime) -> Result<DateTime<Utc>, ClockError> {
    let since = now
        .duration_since(UNIX_EPOCH)
        .map_err(|_| ClockError::Before1970)?;
    let secs = i64::try_from(since.as_secs()).map_err(|_| ClockError::After9999(10000))?;
    let time = DateTime::<Utc>::from_timestamp(secs, since.subsec_nanos())
        .ok_or(ClockError::After9999(10000))?;
    if time.year() > 9999 {
        return Err(ClockError::After9999(time.year()));
    }
    Ok(time)
}

/// A timestamp for `now`, even from a clock that went wrong after the run began (it was
/// checked when the run began): clamped into the years rekindle writes.
pub fn clamped(now: SystemTime) -> DateTime<Utc> {
    match read(now) {
        Ok(time) => time,
        Err(ClockError::Before1970) => DateTime::<Utc>::UNIX_EPOCH,
        Err(ClockError::After9999(_)) => {
            DateTime::<Utc>::from_timestamp(253_402_300_799, 999_999_000)
                .unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
        }
    }
}

/// How far ahead of UTC a time zone can be: the latest calendar date anywhere on Earth is
/// the date 14 hours ahead of UTC (Kiribati's Line Islands).
pub const FURTHEST_AHEAD: Duration = Duration::from_secs(14 * 60 * 60);

/// The latest calendar date it can be anywhere right now, which an entry made elsewhere (by
/// a partner abroad, or on a laptop still on home time) may carry. `today` is this
/// computer's date; `now` is `None` when today was pinned (`REKINDLE_TODAY`), and then a day
/// past it is allowed.
pub fn latest_anywhere(today: NaiveDate, now: Option<DateTime<Utc>>) -> NaiveDate {
    let ahead = match now {
        Some(now) => now
            .checked_add_signed(chrono::TimeDelta::seconds(FURTHEST_AHEAD.as_secs() as i64))
            .map(|t| t.date_naive()),
        None => today.checked_add_days(Days::new(1)),
    };
    ahead.unwrap_or(today).min(dates::LATEST).max(today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> SystemTime {
        if secs >= 0 {
            UNIX_EPOCH + Duration::from_secs(secs as u64)
        } else {
            UNIX_EPOCH - Duration::from_secs(secs.unsigned_abs())
        }
    }

    // Audit row I33: a clock before 1970 panicked inside chrono in every command.
    #[test]
    fn a_clock_before_1970_is_one_clear_refusal() {
        let err = read(at(-5 * 365 * 86_400)).unwrap_err();
        assert_eq!(err, ClockError::Before1970);
        assert!(err.to_string().contains("before 1970"));
        assert_eq!(clamped(at(-1)), DateTime::<Utc>::UNIX_EPOCH);
    }

    // Audit row I32: a clock in the year 10000 stored dates that could not be read back.
    #[test]
    fn a_clock_after_9999_is_one_clear_refusal() {
        // 10000-01-02T00:00:00Z.
        let err = read(at(253_402_387_200)).unwrap_err();
        assert_eq!(err, ClockError::After9999(10000));
        assert!(err.to_string().contains("the year 10000"));
        assert_eq!(clamped(at(253_402_387_200)).year(), 9999);
        assert!(read(at(i64::MAX / 2)).is_err());
    }

    #[test]
    fn an_ordinary_clock_is_read_to_the_microsecond() {
        let time = read(at(1_795_000_000) + Duration::from_micros(123_456)).unwrap();
        assert_eq!(
            time.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string(),
            "2026-11-18T11:06:40.123456Z"
        );
    }

    // Audit row I28: Sydney (UTC+11 in January) exports at 08:00 on 2 January, which is 21:00
    // on 1 January in London; London imports at once.
    #[test]
    fn the_latest_date_anywhere_is_fourteen_hours_ahead_of_utc() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let london_evening = "2027-01-01T21:00:00Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(
            latest_anywhere(d(2027, 1, 1), Some(london_evening)),
            d(2027, 1, 2)
        );
        let london_morning = "2027-01-01T08:00:00Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(
            latest_anywhere(d(2027, 1, 1), Some(london_morning)),
            d(2027, 1, 1)
        );
        // Far west, already tomorrow in UTC: never before the local date.
        assert_eq!(
            latest_anywhere(d(2027, 1, 3), Some(london_morning)),
            d(2027, 1, 3)
        );
        // A pinned day allows the day after.
        assert_eq!(latest_anywhere(d(2027, 1, 1), None), d(2027, 1, 2));
        assert_eq!(latest_anywhere(d(9999, 12, 31), None), d(9999, 12, 31));
    }
}
