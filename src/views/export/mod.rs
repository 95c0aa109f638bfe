//! The journal as people read it outside rekindle: CSV for a spreadsheet, Markdown to read or
//! print. (The JSON export is the document itself, `domain::exchange`.)

pub mod csv;
pub mod markdown;
mod words;

use std::collections::HashSet;

pub use words::Words;

use crate::domain::exchange::CheckinRecord;

/// What a reader's copy leaves out, so that each entry whose words are not there says why.
#[derive(Debug, Clone, Default)]
pub struct Withheld {
    /// The check-ins whose words are sealed for this reader, by uuid.
    pub sealed: HashSet<String>,
    /// Whether a reader was named; without one, words wait until both have checked in.
    pub reader_named: bool,
}

/// Whether a check-in's words are in a reader's copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Its words (any it has) are there.
    Shared,
    /// Sealed for this reader: the other partner has not checked in for that day yet.
    Sealed,
    /// Kept private by their author.
    Private,
}

impl Shown {
    /// As the CSV's `words` column says it.
    pub fn as_str(self) -> &'static str {
        match self {
            Shown::Shared => "shared",
            Shown::Sealed => "sealed",
            Shown::Private => "private",
        }
    }
}

impl Withheld {
    /// Whether `c`'s words are in the copy, and if not, why.
    pub fn of(&self, c: &CheckinRecord) -> Shown {
        if c.privacy.private {
            Shown::Private
        } else if self.sealed.contains(&c.uuid) {
            Shown::Sealed
        } else {
            Shown::Shared
        }
    }
}
