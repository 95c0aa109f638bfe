//! A saved check-in in words, as `checkin` and `together` say what they saved.

use crate::domain::checkin;
use crate::domain::dates;
use crate::domain::feelings::FeelingEntry;
use crate::text::sanitize;
use crate::views::json::CheckinRecord;

/// One line saying what was saved, for the date in words.
pub fn saved_line(record: &CheckinRecord, replaced: bool) -> String {
    let verb = if replaced { "Replaced" } else { "Saved" };
    format!(
        "{verb} {}'s check-in for {}.",
        sanitize::line(&record.partner),
        dates::in_words(record.date)
    )
}

/// Said under a check-in saved with private words: who alone can read them, and how.
pub fn private_line(record: &CheckinRecord) -> String {
    let name = sanitize::line(&record.partner);
    format!(
        "Your words were kept private: only {name} can read them, with {name}'s passphrase \
         (rekindle history --private --as {}).",
        crate::text::prose::shell_word(&name)
    )
}

/// Said in place of a check-in's words that its author kept private (`name` as it is to be
/// shown).
pub fn wrote_privately(name: &str) -> String {
    format!("{name} wrote privately that day")
}

/// Said in place of a check-in's words sealed for the reader: they are read once the reader
/// has checked in for that day too, or with no reader named, once both have.
pub fn sealed_words(name: &str, reader_named: bool) -> String {
    if reader_named {
        format!("{name}'s words are sealed until you check in for that day too")
    } else {
        format!("{name}'s words are shown once you have both checked in for that day")
    }
}

/// Said instead of "Replaced …" when an amended check-in came out the same as the saved one.
pub fn unchanged_line(record: &CheckinRecord) -> String {
    format!(
        "Nothing changed in {}'s check-in for {}.",
        sanitize::line(&record.partner),
        dates::in_words(record.date)
    )
}

/// "trust 7, connection 6; feeling hurt (4), hopeful".
pub fn scores_line(record: &CheckinRecord) -> String {
    let mut line = format!("trust {}", record.trust);
    if let Some(c) = record.connection {
        line.push_str(&format!(", connection {c}"));
    }
    if !record.feelings.is_empty() {
        let entries: Vec<FeelingEntry> = record.feelings.iter().map(FeelingEntry::from).collect();
        line.push_str(&format!(
            "; feeling {}",
            checkin::feelings_in_words(&entries)
        ));
    }
    line
}
