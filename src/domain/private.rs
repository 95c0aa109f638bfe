//! Private words and sealed words: what a check-in's words look like when only their author
//! may read them, and when the other partner may not read them yet.
//!
//! Private: the words (answer, appreciation, need, note) are kept as one small JSON object,
//! [`PrivateWords`], encrypted to the author's key before they reach the journal.
//!
//! Sealed ("nobody goes first"): a partner's words for a day are hidden from the other partner
//! until the other has checked in for that day too. Scores and feelings are never sealed.
//! With no known reader, words are shown only for days both partners have checked in.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A check-in's words, as encrypted when they are private.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivateWords {
    pub answer: Option<String>,
    pub appreciation: Option<String>,
    pub need: Option<String>,
    pub note: Option<String>,
}

impl PrivateWords {
    /// Whether there is anything to keep private.
    pub fn is_empty(&self) -> bool {
        self.answer.is_none()
            && self.appreciation.is_none()
            && self.need.is_none()
            && self.note.is_none()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        // A struct of strings always serialises.
        serde_json::to_vec(self).unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<PrivateWords> {
        serde_json::from_slice(bytes).ok()
    }
}

/// A private note's words, as encrypted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivateNote {
    pub text: String,
}

/// A private feeling, whole (word, strength and note), as encrypted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivateFeeling {
    pub word: String,
    pub intensity: Option<u8>,
    pub note: Option<String>,
}

/// The placeholder a private feeling's `word` column holds: the column cannot be empty, and
/// the word itself is in the ciphertext. One character that is no feeling, the same for every
/// private feeling, so it says nothing of the feeling.
pub const HIDDEN_WORD: &str = "-";

macro_rules! as_json_bytes {
    ($t:ty) => {
        impl $t {
            pub fn to_bytes(&self) -> Vec<u8> {
                // A struct of strings and numbers always serialises.
                serde_json::to_vec(self).unwrap_or_default()
            }

            pub fn from_bytes(bytes: &[u8]) -> Option<$t> {
                serde_json::from_slice(bytes).ok()
            }
        }
    };
}
as_json_bytes!(PrivateNote);
as_json_bytes!(PrivateFeeling);

/// Who checked in on which days, and who is reading: decides which words are sealed.
#[derive(Debug, Clone, Default)]
pub struct Seal {
    reader: Option<i64>,
    days: HashMap<NaiveDate, HashSet<i64>>,
}

impl Seal {
    pub fn new(
        reader: Option<i64>,
        checked_in: impl IntoIterator<Item = (NaiveDate, i64)>,
    ) -> Seal {
        let mut days: HashMap<NaiveDate, HashSet<i64>> = HashMap::new();
        for (date, partner) in checked_in {
            days.entry(date).or_default().insert(partner);
        }
        Seal { reader, days }
    }

    /// Whether `author`'s check-in words for `date` are hidden from this reader: the reader
    /// is someone else who has not checked in that day; with no known reader, whenever
    /// nobody but the author has checked in that day.
    pub fn sealed(&self, author: i64, date: NaiveDate) -> bool {
        let day = self.days.get(&date);
        match self.reader {
            Some(reader) if reader == author => false,
            Some(reader) => !day.is_some_and(|d| d.contains(&reader)),
            None => !day.is_some_and(|d| d.iter().any(|p| *p != author)),
        }
    }

    pub fn reader(&self) -> Option<i64> {
        self.reader
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn words_are_sealed_until_the_reader_has_checked_in_that_day() {
        // Sam (1) checked in on the 20th and 21st; Alex (2) on the 20th only.
        let checked = [(day(20), 1), (day(21), 1), (day(20), 2)];
        let alex = Seal::new(Some(2), checked);
        assert!(!alex.sealed(1, day(20)));
        assert!(alex.sealed(1, day(21)));
        let sam = Seal::new(Some(1), checked);
        assert!(!sam.sealed(1, day(21)), "your own words are never sealed");
        let nobody = Seal::new(None, checked);
        assert!(!nobody.sealed(1, day(20)));
        assert!(nobody.sealed(1, day(21)));
        assert!(nobody.sealed(2, day(22)));
    }

    #[test]
    fn private_words_round_trip_and_know_when_empty() {
        let words = PrivateWords {
            answer: Some("not ready".into()),
            ..PrivateWords::default()
        };
        assert_eq!(
            PrivateWords::from_bytes(&words.to_bytes()),
            Some(words.clone())
        );
        assert!(!words.is_empty());
        assert!(PrivateWords::default().is_empty());
        assert_eq!(PrivateWords::from_bytes(b"not json"), None);
    }
}
