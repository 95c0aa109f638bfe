//! The date phrases every `--date`, `--from`, `--due`, `--since` and `--until` accepts.
//! The first two bytes choose "today" (anywhere from 1970 to 2149, so the edges of the
//! accepted range are reached); the rest is the phrase. Parsing never panics, an accepted
//! date lies in the accepted range, and saying it back in words never panics.
#![no_main]

use chrono::Days;
use libfuzzer_sys::fuzz_target;
use rekindle::domain::dates;

fuzz_target!(|data: &[u8]| {
    let (offset, phrase) = match data {
        [a, b, rest @ ..] => (u64::from(u16::from_le_bytes([*a, *b])), rest),
        _ => (20_000, data),
    };
    let today = dates::EARLIEST + Days::new(offset);
    let Ok(phrase) = std::str::from_utf8(phrase) else {
        return;
    };
    match dates::parse(phrase, today) {
        Ok(date) => {
            assert!(
                (dates::EARLIEST..=dates::LATEST).contains(&date),
                "{phrase:?} gave {date}"
            );
            let _ = dates::in_words(date);
            let _ = dates::week_start(date);
            let _ = dates::not_future(date, today, "a check-in");
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
