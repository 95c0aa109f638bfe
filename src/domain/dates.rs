//! Calendar dates as people type them, and as rekindle says them back.
//!
//! The accepted phrases are a small fixed set (docs/reference.md lists them): `YYYY-MM-DD`, `today`,
//! `yesterday`, `N days ago`, `N weeks ago`, and weekday names meaning the most recent such
//! day (today included). General-purpose parsers (chrono-english, interim) read a bare
//! weekday as the *coming* one and accept many more forms (times, slashed dates whose order
//! depends on a dialect), which would blur this contract, so the grammar lives here.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The earliest date rekindle accepts; anything before it is almost surely a typo.
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => panic!("1970-01-01 is a valid date"),
};

/// The latest date rekindle accepts anywhere (a due date, a report's end).
pub const LATEST: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(d) => d,
    None => panic!("9999-12-31 is a valid date"),
};

/// The phrases accepted, for error messages.
pub const ACCEPTED: &str =
    "YYYY-MM-DD, today, yesterday, \"3 days ago\", \"2 weeks ago\" or a weekday such as monday";

/// The phrases accepted where a date looks forward (`--due`), for error messages.
pub const ACCEPTED_FORWARD: &str = "YYYY-MM-DD, today, tomorrow, \"in 3 days\", \"in 2 weeks\" or \
                                    a weekday such as friday (the next one)";

/// Why a date phrase was not understood. The message names the value and what is accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("\"{0}\" is not a date rekindle understands; use {ACCEPTED}")]
    Unknown(String),
    #[error("\"{0}\" is not a date rekindle understands; use {ACCEPTED_FORWARD}")]
    UnknownForward(String),
    #[error("\"{0}\" is not a real calendar date{why}", why = why_impossible(.0))]
    Impossible(String),
    #[error("\"{0}\" is out of range; dates from 1970-01-01 to 9999-12-31 are accepted")]
    OutOfRange(String),
}

/// Why a `YYYY-MM-DD` that is shaped right names no day: ": February 2026 has 28 days".
fn why_impossible(text: &str) -> String {
    let numbers: Vec<u32> = text.split('-').filter_map(|p| p.parse().ok()).collect();
    let [year, month, _] = numbers[..] else {
        return String::new();
    };
    if !(1..=12).contains(&month) {
        return "; months run from 01 to 12".to_string();
    }
    let first = i32::try_from(year)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, month, 1));
    let next = first.and_then(|f| f.checked_add_months(chrono::Months::new(1)));
    match (first, next) {
        (Some(first), Some(next)) => format!(
            "; {} has {} days",
            first.format("%B %Y"),
            (next - first).num_days()
        ),
        _ => String::new(),
    }
}

/// The days of the week by name, Monday first.
pub const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// A day of the week as people write it, in lower case: the whole name, its first three
/// letters, any longer start of it ("tues", "wednes", "thurs"), or "weds"; a full stop after
/// it is fine ("wed."). The one reading of a weekday for every flag, `--date` and `--every`
/// alike.
pub fn weekday_named(word: &str) -> Option<Weekday> {
    let word = word.strip_suffix('.').unwrap_or(word);
    if word == "weds" {
        return Some(Weekday::Wed);
    }
    WEEKDAYS.iter().find_map(|(name, day)| {
        let matches = word.len() >= 3 && name.starts_with(word);
        matches.then_some(*day)
    })
}

/// The days of the week named in a sentence, in week order: whole names only, singular or
/// plural ("on Wednesday", "Sundays"), since short forms are ordinary words too ("sat",
/// "sun", "wed").
pub fn weekdays_in(text: &str) -> Vec<Weekday> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    WEEKDAYS
        .iter()
        .filter(|(name, _)| {
            words
                .iter()
                .any(|w| *w == *name || w.strip_suffix('s') == Some(name))
        })
        .map(|(_, day)| *day)
        .collect()
}

fn parse_iso(text: &str) -> Result<Option<NaiveDate>, DateError> {
    let parts: Vec<&str> = text.split('-').collect();
    let shaped = parts.len() == 3
        && parts[0].len() == 4
        && (1..=2).contains(&parts[1].len())
        && (1..=2).contains(&parts[2].len())
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !shaped {
        return Ok(None);
    }
    let number = |p: &str| p.parse::<u32>().ok();
    let (Some(y), Some(m), Some(d)) = (number(parts[0]), number(parts[1]), number(parts[2])) else {
        return Ok(None);
    };
    let year = i32::try_from(y).map_err(|_| DateError::Impossible(text.to_string()))?;
    let date = NaiveDate::from_ymd_opt(year, m, d)
        .ok_or_else(|| DateError::Impossible(text.to_string()))?;
    Ok(Some(date))
}

/// Parses a date phrase relative to `today`. The result is within [`EARLIEST`]..=[`LATEST`];
/// whether a future date is allowed is the caller's rule (see [`not_future`]).
pub fn parse(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let original = input.trim();
    let text = original.to_lowercase();
    let unknown = || DateError::Unknown(original.to_string());
    let out_of_range = || DateError::OutOfRange(original.to_string());

    let date = if let Some(date) = parse_iso(&text)? {
        date
    } else {
        let words: Vec<&str> = text.split_whitespace().collect();
        match words.as_slice() {
            ["today"] | ["now"] => today,
            ["yesterday"] => today.pred_opt().ok_or_else(out_of_range)?,
            [count, unit, "ago"] => {
                let count: u64 = match *count {
                    // All digits but too many for a number: a count of days no calendar has.
                    n if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
                        n.parse().map_err(|_| out_of_range())?
                    }
                    n => count_word(n).ok_or_else(unknown)?,
                };
                let days = match *unit {
                    "day" | "days" => count,
                    "week" | "weeks" => count.checked_mul(7).ok_or_else(out_of_range)?,
                    _ => return Err(unknown()),
                };
                today
                    .checked_sub_days(Days::new(days))
                    .ok_or_else(out_of_range)?
            }
            [day] | ["last", day] => {
                let wanted = weekday_named(day).ok_or_else(unknown)?;
                let back = (7 + today.weekday().num_days_from_monday()
                    - wanted.num_days_from_monday())
                    % 7;
                let back = if words.len() == 2 && back == 0 {
                    7
                } else {
                    back
                };
                today
                    .checked_sub_days(Days::new(u64::from(back)))
                    .ok_or_else(out_of_range)?
            }
            _ => return Err(unknown()),
        }
    };
    if date < EARLIEST || date > LATEST {
        return Err(out_of_range());
    }
    Ok(date)
}

/// Parses a date phrase that points forward, for a due date or a promise's last day: the
/// phrases of [`parse`], and `tomorrow`, `in N days`, `in N weeks`, and a weekday name (or
/// `next` and a weekday name) meaning the next such day after today, so `friday` on a Friday
/// is a week later. `last friday`, `yesterday` and `N days ago` keep their meaning.
pub fn parse_forward(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let original = input.trim();
    let text = original.to_lowercase();
    let words: Vec<&str> = text.split_whitespace().collect();
    let out_of_range = || DateError::OutOfRange(original.to_string());
    let unknown = || DateError::UnknownForward(original.to_string());
    let date = match words.as_slice() {
        ["tomorrow"] => today.succ_opt().ok_or_else(out_of_range)?,
        ["in", count, unit] => {
            let count = count_word(count).ok_or_else(unknown)?;
            let days = match *unit {
                "day" | "days" => count,
                "week" | "weeks" => count.checked_mul(7).ok_or_else(out_of_range)?,
                _ => return Err(unknown()),
            };
            today
                .checked_add_days(Days::new(days))
                .ok_or_else(out_of_range)?
        }
        [day] | ["next", day] if weekday_named(day).is_some() => {
            let wanted = weekday_named(day).ok_or_else(unknown)?;
            let ahead =
                (7 + wanted.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
            let ahead = if ahead == 0 { 7 } else { ahead };
            today
                .checked_add_days(Days::new(u64::from(ahead)))
                .ok_or_else(out_of_range)?
        }
        _ => {
            return parse(input, today).map_err(|e| match e {
                DateError::Unknown(t) => DateError::UnknownForward(t),
                other => other,
            });
        }
    };
    if date > LATEST {
        return Err(out_of_range());
    }
    Ok(date)
}

/// A count as people write it: digits, or a word from "a" and "one" to "twelve".
fn count_word(word: &str) -> Option<u64> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    if word == "a" || word == "an" {
        return Some(1);
    }
    if let Some(i) = WORDS.iter().position(|w| *w == word) {
        return Some(i as u64 + 1);
    }
    word.parse().ok()
}

/// Refuses a date after today, for entries that record what already happened.
pub fn not_future(date: NaiveDate, today: NaiveDate, what: &str) -> Result<(), String> {
    if date > today {
        Err(format!(
            "{what} cannot be in the future ({} is after today, {})",
            date,
            in_words(today)
        ))
    } else {
        Ok(())
    }
}

/// "Friday 20 November 2026", so a misread date is seen at once.
pub fn in_words(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// A moment (RFC 3339, as `updated_at` holds it) in words, in the time zone `offset`:
/// "Friday 4 December 2026 at 09:12". Text that is not a moment is given back as it is.
pub fn moment_in_words(at: &str, offset: chrono::FixedOffset) -> String {
    match chrono::DateTime::parse_from_rfc3339(at) {
        Ok(moment) => {
            let local = moment.with_timezone(&offset);
            format!(
                "{} at {}",
                in_words(local.date_naive()),
                local.format("%H:%M")
            )
        }
        Err(_) => at.to_string(),
    }
}

/// Which day of a step `on` is, when the step began on `since`: the day of the change is
/// day 1. `focus` and `progress` both count with this, so they always agree.
pub fn day_of_step(since: NaiveDate, on: NaiveDate) -> i64 {
    (on - since).num_days() + 1
}

/// The Monday that starts the ISO week holding `date`.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - chrono::Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moment_reads_in_the_local_time_zone() {
        let paris = chrono::FixedOffset::east_opt(3600).unwrap();
        assert_eq!(
            moment_in_words("2026-12-04T08:12:30.000000Z", paris),
            "Friday 4 December 2026 at 09:12"
        );
        assert_eq!(moment_in_words("soon", paris), "soon");
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn forward_words_look_ahead_and_past_words_keep_their_meaning() {
        let friday = d(2026, 11, 20);
        let sat = d(2026, 11, 21);
        assert_eq!(parse_forward("tomorrow", sat).unwrap(), d(2026, 11, 22));
        assert_eq!(parse_forward("in 3 days", sat).unwrap(), d(2026, 11, 24));
        assert_eq!(parse_forward("in two weeks", sat).unwrap(), d(2026, 12, 5));
        assert_eq!(parse_forward("friday", sat).unwrap(), d(2026, 11, 27));
        assert_eq!(parse_forward("Next Monday", sat).unwrap(), d(2026, 11, 23));
        // A weekday named on that weekday is a week later.
        assert_eq!(parse_forward("friday", friday).unwrap(), d(2026, 11, 27));
        assert_eq!(parse_forward("today", sat).unwrap(), sat);
        assert_eq!(parse_forward("last friday", sat).unwrap(), friday);
        assert_eq!(parse_forward("2 days ago", sat).unwrap(), d(2026, 11, 19));
        let err = parse_forward("in a while", sat).unwrap_err().to_string();
        assert!(
            err.contains("\"in a while\"") && err.contains("tomorrow"),
            "{err}"
        );
        // The past-only parser keeps reading a weekday backwards, and now counts in words.
        assert_eq!(parse("friday", sat).unwrap(), friday);
        assert_eq!(parse("two weeks ago", sat).unwrap(), d(2026, 11, 7));
        assert!(parse("tomorrow", sat).is_err());
    }

    #[test]
    fn weekdays_are_found_in_a_sentence_by_their_whole_names() {
        assert_eq!(weekdays_in("Call me at lunch on Wednesday"), [Weekday::Wed]);
        assert_eq!(
            weekdays_in("Sundays and mondays, please"),
            [Weekday::Mon, Weekday::Sun]
        );
        assert!(weekdays_in("we sat in the sun and wed").is_empty());
    }

    // Saturday 21 November 2026.
    const TODAY: fn() -> NaiveDate = || d(2026, 11, 21);

    #[test]
    fn iso_dates() {
        assert_eq!(parse("2026-11-20", TODAY()), Ok(d(2026, 11, 20)));
        assert_eq!(parse(" 2024-2-29 ", TODAY()), Ok(d(2024, 2, 29)));
        assert_eq!(
            parse("2026-02-30", TODAY()),
            Err(DateError::Impossible("2026-02-30".into()))
        );
        assert_eq!(
            parse("2023-02-29", TODAY()),
            Err(DateError::Impossible("2023-02-29".into()))
        );
        assert_eq!(
            DateError::Impossible("2026-02-30".into()).to_string(),
            "\"2026-02-30\" is not a real calendar date; February 2026 has 28 days"
        );
        assert_eq!(
            parse("2024-2-31", TODAY()).unwrap_err().to_string(),
            "\"2024-2-31\" is not a real calendar date; February 2024 has 29 days"
        );
        assert_eq!(
            parse("2026-13-01", TODAY()).unwrap_err().to_string(),
            "\"2026-13-01\" is not a real calendar date; months run from 01 to 12"
        );
        assert_eq!(
            parse("2026-04-00", TODAY()).unwrap_err().to_string(),
            "\"2026-04-00\" is not a real calendar date; April 2026 has 30 days"
        );
        assert!(matches!(
            parse("1969-12-31", TODAY()),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(
            parse("20261120", TODAY()),
            Err(DateError::Unknown(_))
        ));
    }

    #[test]
    fn relative_words() {
        assert_eq!(parse("today", TODAY()), Ok(TODAY()));
        assert_eq!(parse("Yesterday", TODAY()), Ok(d(2026, 11, 20)));
        assert_eq!(parse("3 days ago", TODAY()), Ok(d(2026, 11, 18)));
        assert_eq!(parse("1 day ago", TODAY()), Ok(d(2026, 11, 20)));
        assert_eq!(parse("2 weeks ago", TODAY()), Ok(d(2026, 11, 7)));
        assert_eq!(parse("a week ago", TODAY()), Ok(d(2026, 11, 14)));
        assert_eq!(parse("0 days ago", TODAY()), Ok(TODAY()));
    }

    #[test]
    fn relative_words_cross_month_and_year_ends() {
        assert_eq!(parse("yesterday", d(2026, 3, 1)), Ok(d(2026, 2, 28)));
        assert_eq!(parse("2 days ago", d(2027, 1, 1)), Ok(d(2026, 12, 30)));
        assert_eq!(parse("1 week ago", d(2024, 3, 3)), Ok(d(2024, 2, 25)));
    }

    #[test]
    fn weekdays_mean_the_most_recent_one_today_included() {
        assert_eq!(parse("saturday", TODAY()), Ok(TODAY()));
        assert_eq!(parse("friday", TODAY()), Ok(d(2026, 11, 20)));
        assert_eq!(parse("Sun", TODAY()), Ok(d(2026, 11, 15)));
        assert_eq!(parse("mon", TODAY()), Ok(d(2026, 11, 16)));
        assert_eq!(parse("wed.", TODAY()), Ok(d(2026, 11, 18)));
        assert_eq!(parse("thurs", TODAY()), Ok(d(2026, 11, 19)));
        assert_eq!(parse("last saturday", TODAY()), Ok(d(2026, 11, 14)));
        assert_eq!(parse("last friday", TODAY()), Ok(d(2026, 11, 20)));
    }

    // Regression: `--date weds` was refused while `--every weds` was accepted, and the other
    // way round for "wednes": two parsers disagreed. Now one reads both.
    #[test]
    fn one_reading_of_weekday_names() {
        for (word, day) in [
            ("mon", Weekday::Mon),
            ("monday", Weekday::Mon),
            ("tue", Weekday::Tue),
            ("tues", Weekday::Tue),
            ("wed", Weekday::Wed),
            ("weds", Weekday::Wed),
            ("wednes", Weekday::Wed),
            ("wed.", Weekday::Wed),
            ("thu", Weekday::Thu),
            ("thur", Weekday::Thu),
            ("thurs", Weekday::Thu),
            ("fri", Weekday::Fri),
            ("satur", Weekday::Sat),
            ("sunday", Weekday::Sun),
        ] {
            assert_eq!(weekday_named(word), Some(day), "{word}");
        }
        for word in [
            "m", "mo", "t", "th", "wensday", "mondays", "weds.x", "day", "",
        ] {
            assert_eq!(weekday_named(word), None, "{word}");
        }
        assert_eq!(parse("weds", TODAY()), Ok(d(2026, 11, 18)));
        assert_eq!(parse("Wednes", TODAY()), Ok(d(2026, 11, 18)));
    }

    #[test]
    fn nonsense_and_overflow_are_refused_not_panics() {
        for bad in [
            "",
            "tomorrow-ish",
            "soon",
            "x days ago",
            "-3 days ago",
            "3 fortnights ago",
            "fri day",
            "m",
        ] {
            assert!(
                matches!(parse(bad, TODAY()), Err(DateError::Unknown(_))),
                "{bad:?}"
            );
        }
        assert!(matches!(
            parse("99999999999999999999 days ago", TODAY()),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(
            parse("18446744073709551615 weeks ago", TODAY()),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(
            parse("400000 days ago", TODAY()),
            Err(DateError::OutOfRange(_))
        ));
    }

    #[test]
    fn future_is_refused_for_entries() {
        assert!(not_future(d(2026, 11, 22), TODAY(), "a check-in").is_err());
        assert!(not_future(TODAY(), TODAY(), "a check-in").is_ok());
    }

    /// Any day from 1970 to 9999, as "today".
    fn any_today() -> impl proptest::strategy::Strategy<Value = NaiveDate> {
        use proptest::strategy::Strategy as _;
        let days = (LATEST - EARLIEST).num_days() as u64;
        (0..=days).prop_map(|n| EARLIEST + Days::new(n))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        #[test]
        fn never_panics_and_stays_in_range_on_any_text(
            text in proptest::prelude::any::<String>(),
            today in any_today(),
        ) {
            if let Ok(date) = parse(&text, today) {
                proptest::prop_assert!((EARLIEST..=LATEST).contains(&date));
            }
        }

        #[test]
        fn never_panics_on_text_shaped_like_a_date(
            text in "[ \\t]{0,2}(-?[0-9]{1,25}-[0-9]{1,25}-[0-9]{1,25}|(-?[0-9]{1,25}|a|one) (day|days|week|weeks|fortnight) ago|(last )?(mon|tues|thurs|fri|saturday|sun)\\.?|today|yesterday)[ \\t]{0,2}",
            today in any_today(),
        ) {
            match parse(&text, today) {
                Ok(date) => {
                    proptest::prop_assert!((EARLIEST..=LATEST).contains(&date));
                    let _ = in_words(date);
                }
                Err(e) => proptest::prop_assert!(e.to_string().contains(text.trim())),
            }
        }

        #[test]
        fn relative_phrases_count_back_from_today(n in 0u64..20_000, today in any_today()) {
            let expected = today.checked_sub_days(Days::new(n)).filter(|d| *d >= EARLIEST);
            proptest::prop_assert_eq!(parse(&format!("{n} days ago"), today).ok(), expected);
        }
    }

    #[test]
    fn the_day_of_a_change_is_day_one() {
        assert_eq!(day_of_step(d(2026, 11, 20), d(2026, 11, 20)), 1);
        assert_eq!(day_of_step(d(2026, 11, 20), d(2026, 11, 21)), 2);
        assert_eq!(day_of_step(d(2026, 10, 11), d(2026, 11, 21)), 42);
    }

    #[test]
    fn words_and_weeks() {
        assert_eq!(in_words(d(2026, 11, 20)), "Friday 20 November 2026");
        assert_eq!(week_start(d(2026, 11, 22)), d(2026, 11, 16));
        assert_eq!(week_start(d(2026, 11, 16)), d(2026, 11, 16));
        assert_eq!(week_start(d(2027, 1, 1)), d(2026, 12, 28));
    }
}
