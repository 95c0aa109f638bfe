//! Everything `rekindle import` does with a file before it touches the journal: parse the
//! bytes into a document, then check every record. Neither may panic, whatever the bytes;
//! a refusal must name a problem in words.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("a real date");
    let checked =
        rekindle::domain::exchange::parse(data).and_then(|doc| rekindle::domain::exchange::check(doc, today));
    match checked {
        Ok(doc) => {
            // What import prints about an accepted file must not panic either.
            let _ = doc.span();
        }
        Err(problem) => assert!(!problem.to_string().trim().is_empty()),
    }
});
