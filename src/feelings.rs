//! The feelings vocabulary: about sixty words grouped under six core feelings, after the
//! feelings wheel (Willcox, 1982), each pleasant or unpleasant.
//!
//! History, progress and export read a feeling's valence from here rather than from the
//! journal, so the word list is the one place that decides it. A word outside the list is
//! kept as the partner typed it and counts as neutral: nobody is told their feeling is wrong.

use std::fmt;

use serde::Serialize;

/// One of the six core feelings at the centre of the wheel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Core {
    Mad,
    Sad,
    Scared,
    Joyful,
    Powerful,
    Peaceful,
}

impl Core {
    pub const ALL: [Core; 6] = [
        Core::Mad,
        Core::Sad,
        Core::Scared,
        Core::Joyful,
        Core::Powerful,
        Core::Peaceful,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Core::Mad => "mad",
            Core::Sad => "sad",
            Core::Scared => "scared",
            Core::Joyful => "joyful",
            Core::Powerful => "powerful",
            Core::Peaceful => "peaceful",
        }
    }

    pub fn valence(self) -> Valence {
        match self {
            Core::Mad | Core::Sad | Core::Scared => Valence::Unpleasant,
            Core::Joyful | Core::Powerful | Core::Peaceful => Valence::Pleasant,
        }
    }
}

impl fmt::Display for Core {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a feeling is pleasant or unpleasant to have; words outside the vocabulary are
/// neutral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Valence {
    Pleasant,
    Unpleasant,
    Neutral,
}

impl Valence {
    pub fn as_str(self) -> &'static str {
        match self {
            Valence::Pleasant => "pleasant",
            Valence::Unpleasant => "unpleasant",
            Valence::Neutral => "neutral",
        }
    }
}

impl fmt::Display for Valence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A word of the vocabulary and the core feeling it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Word {
    pub word: &'static str,
    pub core: Core,
    pub valence: Valence,
}

const fn w(word: &'static str, core: Core) -> Word {
    let valence = match core {
        Core::Mad | Core::Sad | Core::Scared => Valence::Unpleasant,
        Core::Joyful | Core::Powerful | Core::Peaceful => Valence::Pleasant,
    };
    Word {
        word,
        core,
        valence,
    }
}

use Core::{Joyful, Mad, Peaceful, Powerful, Sad, Scared};

/// The whole vocabulary, grouped by core feeling; each group starts with its core word.
pub const VOCABULARY: [Word; 60] = [
    w("mad", Mad),
    w("angry", Mad),
    w("betrayed", Mad),
    w("bitter", Mad),
    w("disrespected", Mad),
    w("frustrated", Mad),
    w("furious", Mad),
    w("irritated", Mad),
    w("jealous", Mad),
    w("resentful", Mad),
    w("sad", Sad),
    w("ashamed", Sad),
    w("disappointed", Sad),
    w("guilty", Sad),
    w("hopeless", Sad),
    w("hurt", Sad),
    w("lonely", Sad),
    w("numb", Sad),
    w("remorseful", Sad),
    w("tired", Sad),
    w("scared", Scared),
    w("anxious", Scared),
    w("confused", Scared),
    w("helpless", Scared),
    w("insecure", Scared),
    w("overwhelmed", Scared),
    w("rejected", Scared),
    w("suspicious", Scared),
    w("vulnerable", Scared),
    w("worried", Scared),
    w("joyful", Joyful),
    w("cheerful", Joyful),
    w("delighted", Joyful),
    w("excited", Joyful),
    w("happy", Joyful),
    w("hopeful", Joyful),
    w("loving", Joyful),
    w("optimistic", Joyful),
    w("playful", Joyful),
    w("relieved", Joyful),
    w("powerful", Powerful),
    w("appreciated", Powerful),
    w("capable", Powerful),
    w("committed", Powerful),
    w("confident", Powerful),
    w("determined", Powerful),
    w("heard", Powerful),
    w("proud", Powerful),
    w("respected", Powerful),
    w("valued", Powerful),
    w("peaceful", Peaceful),
    w("calm", Peaceful),
    w("close", Peaceful),
    w("content", Peaceful),
    w("grateful", Peaceful),
    w("loved", Peaceful),
    w("relaxed", Peaceful),
    w("safe", Peaceful),
    w("trusting", Peaceful),
    w("understood", Peaceful),
];

/// The vocabulary entry for `word`, ignoring case and surrounding spaces.
pub fn lookup(word: &str) -> Option<&'static Word> {
    let wanted = word.trim().to_lowercase();
    VOCABULARY.iter().find(|entry| entry.word == wanted)
}

/// Pleasant, unpleasant, or neutral for a word outside the vocabulary.
pub fn valence(word: &str) -> Valence {
    lookup(word).map_or(Valence::Neutral, |entry| entry.valence)
}

/// The core feeling a word belongs to, if it is in the vocabulary.
pub fn core(word: &str) -> Option<Core> {
    lookup(word).map(|entry| entry.core)
}

/// How a word is stored: the vocabulary's spelling for a known word ("Hurt" → "hurt"), and
/// otherwise exactly as typed, only trimmed.
pub fn canonical(word: &str) -> String {
    match lookup(word) {
        Some(entry) => entry.word.to_string(),
        None => word.trim().to_string(),
    }
}

/// The words under one core feeling, in vocabulary order.
pub fn under(core: Core) -> impl Iterator<Item = &'static Word> {
    VOCABULARY.iter().filter(move |entry| entry.core == core)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ten_distinct_lowercase_words_under_each_core_feeling() {
        let words: HashSet<&str> = VOCABULARY.iter().map(|e| e.word).collect();
        assert_eq!(words.len(), VOCABULARY.len(), "no word is listed twice");
        for core in Core::ALL {
            assert_eq!(under(core).count(), 10, "{core}");
            assert_eq!(under(core).next().map(|e| e.word), Some(core.as_str()));
        }
        assert!(
            VOCABULARY
                .iter()
                .all(|e| e.word == e.word.to_lowercase() && !e.word.contains(' '))
        );
    }

    #[test]
    fn the_design_examples_are_all_in_the_vocabulary() {
        for word in [
            "hurt",
            "betrayed",
            "jealous",
            "anxious",
            "lonely",
            "numb",
            "hopeful",
            "relieved",
            "safe",
            "grateful",
            "close",
            "respected",
        ] {
            assert!(lookup(word).is_some(), "{word}");
        }
    }

    #[test]
    fn valence_follows_the_core_feeling_and_ignores_case() {
        assert_eq!(valence("hurt"), Valence::Unpleasant);
        assert_eq!(valence("  BETRAYED "), Valence::Unpleasant);
        assert_eq!(valence("Anxious"), Valence::Unpleasant);
        assert_eq!(valence("hopeful"), Valence::Pleasant);
        assert_eq!(valence("Respected"), Valence::Pleasant);
        assert_eq!(valence("safe"), Valence::Pleasant);
        assert_eq!(core("Grateful"), Some(Core::Peaceful));
        assert_eq!(core("jealous"), Some(Core::Mad));
    }

    #[test]
    fn unknown_words_are_neutral_and_kept_as_typed() {
        assert_eq!(valence("wistful"), Valence::Neutral);
        assert_eq!(valence(""), Valence::Neutral);
        assert_eq!(core("wistful"), None);
        assert_eq!(canonical(" Wistful "), "Wistful");
        assert_eq!(canonical("HURT"), "hurt");
        assert_eq!(canonical("zärtlich 💛"), "zärtlich 💛");
    }

    #[test]
    fn unpleasant_and_pleasant_halves_are_even() {
        let pleasant = VOCABULARY
            .iter()
            .filter(|e| e.valence == Valence::Pleasant)
            .count();
        assert_eq!(pleasant, 30);
        assert!(VOCABULARY.iter().all(|e| e.valence == e.core.valence()));
    }
}
