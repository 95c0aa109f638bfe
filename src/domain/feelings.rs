//! The feelings vocabulary: about ninety words grouped under six core feelings, after the
//! feelings wheel (Willcox, 1982), each pleasant or unpleasant, and a seventh group, `mixed`, for feelings that pull both ways.
//!
//! History, progress and export read a feeling's valence from here rather than from the
//! journal, so the word list is the one place that decides it. A word outside the list is
//! kept as the partner typed it and counts as neutral: nobody is told their feeling is wrong.
//!
//! Feelings as typed (`hurt:4`, `hurt, hopeful`) are read by one parser, [`parse`], used by
//! `checkin --feeling`, `feel` and the guided "words of my own", so they all accept the same
//! things and refuse the same things.

use std::fmt;

use serde::Serialize;

use crate::domain::error::UserError;
use crate::text::sanitize;

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
    /// Feelings that pull two ways at once (torn, ambivalent), added in version 2: after a
    /// betrayal they are common, and neither pleasant nor unpleasant says them.
    Mixed,
}

impl Core {
    pub const ALL: [Core; 7] = [
        Core::Mad,
        Core::Sad,
        Core::Scared,
        Core::Joyful,
        Core::Powerful,
        Core::Peaceful,
        Core::Mixed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Core::Mad => "mad",
            Core::Sad => "sad",
            Core::Scared => "scared",
            Core::Joyful => "joyful",
            Core::Powerful => "powerful",
            Core::Peaceful => "peaceful",
            Core::Mixed => "mixed",
        }
    }

    pub fn valence(self) -> Valence {
        match self {
            Core::Mad | Core::Sad | Core::Scared => Valence::Unpleasant,
            Core::Joyful | Core::Powerful | Core::Peaceful => Valence::Pleasant,
            Core::Mixed => Valence::Mixed,
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
    /// Pleasant and unpleasant at once (torn, bittersweet).
    Mixed,
    Neutral,
}

impl Valence {
    pub fn as_str(self) -> &'static str {
        match self {
            Valence::Pleasant => "pleasant",
            Valence::Unpleasant => "unpleasant",
            Valence::Mixed => "mixed",
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
        Core::Mixed => Valence::Mixed,
    };
    Word {
        word,
        core,
        valence,
    }
}

use Core::{Joyful, Mad, Mixed, Peaceful, Powerful, Sad, Scared};

/// The whole vocabulary, grouped by core feeling; each group starts with its core word.
/// Groups may be of any size. The words added in version 2 (after the content review) are
/// those people name after a betrayal and the list lacked, the safety card's danger words
/// among them.
pub const VOCABULARY: [Word; 95] = [
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
    w("defensive", Mad),
    w("disgusted", Mad),
    w("humiliated", Mad),
    w("controlled", Mad),
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
    w("abandoned", Sad),
    w("devastated", Sad),
    w("embarrassed", Sad),
    w("empty", Sad),
    w("exhausted", Sad),
    w("grieving", Sad),
    w("heartbroken", Sad),
    w("regretful", Sad),
    w("unwanted", Sad),
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
    w("afraid", Scared),
    w("exposed", Scared),
    w("lost", Scared),
    w("shocked", Scared),
    w("threatened", Scared),
    w("trapped", Scared),
    w("triggered", Scared),
    w("unsafe", Scared),
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
    w("curious", Joyful),
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
    w("accepted", Powerful),
    w("encouraged", Powerful),
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
    w("connected", Peaceful),
    w("forgiving", Peaceful),
    w("open", Peaceful),
    w("reassured", Peaceful),
    w("tender", Peaceful),
    w("mixed", Mixed),
    w("ambivalent", Mixed),
    w("bittersweet", Mixed),
    w("conflicted", Mixed),
    w("torn", Mixed),
    w("unsure", Mixed),
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

/// The longest feeling word accepted, in characters.
const MAX_WORD: usize = 40;

/// The word that says "no feelings" (`checkin --amend --feeling none` takes a check-in's
/// feelings away); it is never saved as a feeling.
pub const NONE: &str = "none";

/// A feeling as given: the word (the vocabulary's spelling when it is known) and how strong.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FeelingEntry {
    pub word: String,
    pub intensity: Option<u8>,
}

/// What a list of feelings as typed says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// `none` on its own: no feelings at all.
    NoneAtAll,
    /// One or more feelings, each word once, in the order given.
    Words(Vec<FeelingEntry>),
}

/// Checks a feeling word and returns how it is stored.
pub fn check_word(word: &str) -> Result<String, UserError> {
    let trimmed = word.trim();
    if trimmed.is_empty() {
        return Err(UserError::new(
            "a feeling needs a word, e.g. hurt or hopeful:4",
        ));
    }
    if trimmed.chars().any(char::is_control) || sanitize::has_hidden(trimmed) {
        return Err(UserError::new(format!(
            "the feeling \"{}\" contains control or invisible characters; use letters and spaces",
            sanitize::line(trimmed)
        )));
    }
    if trimmed.chars().count() > MAX_WORD {
        return Err(UserError::new(format!(
            "the feeling \"{trimmed}\" is too long; use a word or two (at most {MAX_WORD} characters)"
        )));
    }
    Ok(canonical(trimmed))
}

/// Reads one feeling, `WORD` or `WORD:N` (N the intensity, 1–5). A word cannot hold a ":",
/// so `calm:2:3` is refused rather than saved as the word "calm:2".
fn parse_one(item: &str) -> Result<FeelingEntry, UserError> {
    let (word, intensity) = match item.split_once(':') {
        Some((_, rest)) if rest.contains(':') => {
            return Err(UserError::new(format!(
                "the feeling \"{}\" has more than one \":\"; give a word and, if you like, one strength from 1 to 5, e.g. calm:3",
                sanitize::line(item)
            )));
        }
        Some((word, n)) => {
            let n = crate::domain::input::whole_number("intensity", n, 1, 5).map_err(|_| {
                UserError::new(format!(
                    "intensity must be a whole number from 1 to 5 (got \"{}\" in \"{}\")",
                    sanitize::line(n),
                    sanitize::line(item)
                ))
            })?;
            // In range, so it fits.
            (word, u8::try_from(n).ok())
        }
        None => (item, None),
    };
    if word.trim().is_empty() {
        return Err(UserError::new(format!(
            "a feeling needs a word (got \"{}\"); give one such as hurt or hopeful:4",
            sanitize::line(item)
        )));
    }
    let word = check_word(word)?;
    Ok(FeelingEntry { word, intensity })
}

/// The vocabulary word `word` is most likely a typo of: one letter off for a short word,
/// two for a longer one. A word of one's own further from every listed word has none, and so
/// does the opposite of a listed word ("unsafe" is not a typo of "safe").
pub fn nearest(word: &str) -> Option<&'static str> {
    let typed_text = word.trim().to_lowercase();
    if lookup(&typed_text).is_some() {
        return None;
    }
    let allowed = if typed_text.chars().count() <= 5 {
        1
    } else {
        2
    };
    if OTHER_WORDS.contains(&typed_text.as_str()) {
        return None;
    }
    VOCABULARY
        .iter()
        .filter(|entry| !negates(&typed_text, entry.word))
        .filter(|entry| !another_form(&typed_text, entry.word))
        // Insertions, deletions, substitutions and swaps of two neighbours, counted in
        // characters (optimal string alignment).
        .map(|entry| (strsim::osa_distance(&typed_text, entry.word), entry.word))
        .filter(|&(d, _)| d > 0 && d <= allowed)
        .min_by_key(|&(d, _)| d)
        .map(|(_, word)| word)
}

/// Words of their own meaning that sit one or two letters from a listed feeling: they are
/// never offered a correction, since the listed word would change what was said ("closed" is
/// not "close", "lovely" is not "lonely", "cared" is not "scared").
const OTHER_WORDS: &[&str] = &[
    "closed",
    "closer",
    "lovely",
    "cared",
    "scarred",
    "sacred",
    "care",
    "lone",
    "alone",
    "hard",
    "heated",
    "sated",
    "mean",
    "made",
    "bored",
    "board",
    "lover",
    "loner",
    "sore",
    "sober",
    "moved",
    "owed",
    "hated",
    "hurting",
    "hurts",
    "aloof",
    "angsty",
    "lousy",
    "tried",
    "tied",
    "opened",
    "torn up",
    "caring",
    "loving it",
    "calmer",
    "safer",
    "closest",
    "numbed",
    "proper",
    "pride",
    "trust",
    "trusted",
    "heart",
    "hopes",
    "used",
    "load",
    "low",
    "down",
];

/// Whether `typed` is `listed` with an ending that makes another word ("closed", "closer",
/// "calmly"): a different word, not a typo.
fn another_form(typed: &str, listed: &str) -> bool {
    typed
        .strip_prefix(listed)
        .is_some_and(|rest| ["d", "r", "st", "ly", "s", "ed", "er", "ness"].contains(&rest))
        || listed
            .strip_prefix(typed)
            .is_some_and(|rest| ["d", "ed", "s", "r"].contains(&rest))
}

/// Whether `typed` is `listed` with a prefix that turns it around: unsafe, unloved, distrusting.
fn negates(typed: &str, listed: &str) -> bool {
    ["un", "dis", "non", "in", "im", "mis", "not "]
        .iter()
        .any(|prefix| typed.strip_prefix(prefix) == Some(listed))
}

/// For each word of one's own that looks like a typo of a listed word, a line saying it was
/// kept as typed and which word was perhaps meant.
pub fn near_miss_notes(entries: &[FeelingEntry]) -> Vec<String> {
    entries
        .iter()
        .filter_map(|e| nearest(&e.word).map(|near| near_miss_note(&e.word, near)))
        .collect()
}

/// The line for one near miss, shown after a write.
pub fn near_miss_note(word: &str, near: &str) -> String {
    format!(
        "\"{}\" is not in the feelings list, so it is kept as typed and counts as neutral. Did you mean \"{near}\"?",
        sanitize::line(word)
    )
}

/// The key two spellings of one feeling share: "Hurt" and "hurt" are the same word.
fn key(word: &str) -> String {
    word.to_lowercase()
}

/// The first word that appears twice in `entries`, if any.
pub fn repeated(entries: &[FeelingEntry]) -> Option<&str> {
    entries.iter().enumerate().find_map(|(i, e)| {
        entries[..i]
            .iter()
            .any(|earlier| key(&earlier.word) == key(&e.word))
            .then_some(e.word.as_str())
    })
}

/// The refusal for a feeling named twice.
pub fn repeated_error(word: &str) -> UserError {
    UserError::new(format!(
        "the feeling \"{}\" is given twice; name each feeling once, with one strength (e.g. {}:3)",
        sanitize::line(word),
        sanitize::line(word)
    ))
}

/// Reads feelings as typed: each spec is one feeling or several separated by commas
/// (`hurt:4`, `hurt, hopeful:2`). Spaces do not separate: the shell has already split the
/// command line, so a quoted `"left out"` is one feeling of your own. A word may appear only
/// once, a word not in the list is kept as typed, and `none` alone means no feelings. Empty
/// items between commas are passed over, but at least one feeling (or `none`) must be given.
pub fn parse<S: AsRef<str>>(specs: &[S]) -> Result<Parsed, UserError> {
    let items: Vec<&str> = specs
        .iter()
        .flat_map(|spec| spec.as_ref().split(','))
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    let all = || {
        specs
            .iter()
            .map(|s| sanitize::line(s.as_ref()).into_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if items.is_empty() {
        return Err(UserError::new(format!(
            "a feeling needs a word (got \"{}\"); give one such as hurt or hopeful:4",
            all()
        )));
    }
    let is_none = |item: &str| {
        let word = item.split(':').next().unwrap_or(item);
        word.trim().eq_ignore_ascii_case(NONE)
    };
    if items.iter().any(|item| is_none(item)) {
        if let [only] = items.as_slice()
            && only.eq_ignore_ascii_case(NONE)
        {
            return Ok(Parsed::NoneAtAll);
        }
        return Err(UserError::new(format!(
            "\"{NONE}\" means no feelings at all, so it goes on its own (got \"{}\")",
            all()
        )));
    }
    let entries = items
        .into_iter()
        .map(parse_one)
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(word) = repeated(&entries) {
        return Err(repeated_error(word));
    }
    Ok(Parsed::Words(entries))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn distinct_lowercase_words_under_each_of_seven_core_feelings() {
        let words: HashSet<&str> = VOCABULARY.iter().map(|e| e.word).collect();
        assert_eq!(words.len(), VOCABULARY.len(), "no word is listed twice");
        assert_eq!(Core::ALL.len(), 7);
        for core in Core::ALL {
            // Groups of any size; none is a lone word.
            assert!(under(core).count() >= 5, "{core}");
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
    fn the_words_people_name_after_a_betrayal_are_listed_with_their_valence() {
        let count = |v: Valence| VOCABULARY.iter().filter(|e| e.valence == v).count();
        assert_eq!(
            (
                count(Valence::Pleasant),
                count(Valence::Unpleasant),
                count(Valence::Mixed)
            ),
            (38, 51, 6)
        );
        assert!(VOCABULARY.iter().all(|e| e.valence == e.core.valence()));
        // Version 2 adds at least twenty of the review's words, the danger words among them.
        let added = [
            "humiliated",
            "devastated",
            "heartbroken",
            "shocked",
            "disgusted",
            "abandoned",
            "afraid",
            "unsafe",
            "threatened",
            "controlled",
            "trapped",
            "torn",
            "ambivalent",
            "defensive",
            "reassured",
            "tender",
            "connected",
            "embarrassed",
            "unwanted",
            "triggered",
            "exhausted",
            "empty",
            "lost",
            "forgiving",
            "accepted",
        ];
        for word in added {
            assert!(lookup(word).is_some(), "{word}");
        }
        for word in crate::domain::safety::DANGER_WORDS {
            assert_eq!(valence(word), Valence::Unpleasant, "{word}");
        }
        for word in ["torn", "ambivalent", "bittersweet", "mixed"] {
            assert_eq!(valence(word), Valence::Mixed, "{word}");
            assert_eq!(core(word), Some(Core::Mixed), "{word}");
        }
    }

    #[test]
    fn a_word_of_another_meaning_is_never_offered_as_a_correction() {
        for (typed, never) in [
            ("closed", "close"),
            ("closer", "close"),
            ("lovely", "lonely"),
            ("cared", "scared"),
            ("scarred", "scared"),
            ("calmly", "calm"),
            ("hurts", "hurt"),
        ] {
            assert_ne!(nearest(typed), Some(never), "{typed}");
        }
        // Real slips are still caught.
        assert_eq!(nearest("lonley"), Some("lonely"));
        assert_eq!(nearest("anxous"), Some("anxious"));
        assert_eq!(nearest("betrayd"), Some("betrayed"));
    }

    fn words(specs: &[&str]) -> Vec<FeelingEntry> {
        match parse(specs).unwrap() {
            Parsed::Words(w) => w,
            Parsed::NoneAtAll => panic!("words expected for {specs:?}"),
        }
    }

    fn entry(word: &str, intensity: Option<u8>) -> FeelingEntry {
        FeelingEntry {
            word: word.into(),
            intensity,
        }
    }

    fn refusal(specs: &[&str]) -> String {
        parse(specs).unwrap_err().to_string()
    }

    #[test]
    fn feelings_parse_with_optional_intensity() {
        assert_eq!(words(&["Hurt:4"]), [entry("hurt", Some(4))]);
        assert_eq!(words(&[" wistful "]), [entry("wistful", None)]);
        assert_eq!(
            refusal(&["hurt:9"]),
            "intensity must be a whole number from 1 to 5 (got \"9\" in \"hurt:9\")"
        );
        for bad in ["hurt:", ":3", "  ", ",", "a\x1b[2Jb"] {
            assert!(parse(&[bad]).is_err(), "{bad:?}");
        }
        // Invisible characters would make "hurt" a different, neutral word without a trace.
        assert!(parse(&["hurt\u{200b}"]).is_err());
        assert!(parse(&["\u{202e}hurt"]).is_err());
    }

    // Regression: `feel 'calm:2:3'` was saved as the word "calm:2" with strength 3.
    #[test]
    fn a_word_with_a_colon_in_it_is_refused() {
        assert_eq!(
            refusal(&["calm:2:3"]),
            "the feeling \"calm:2:3\" has more than one \":\"; give a word and, if you like, one strength from 1 to 5, e.g. calm:3"
        );
        assert!(parse(&["a::3"]).is_err());
    }

    // Regression: `--feeling hurt --feeling HURT:3` saved "hurt" twice, and it counted twice
    // in progress.
    #[test]
    fn a_feeling_given_twice_is_refused_by_name() {
        assert_eq!(
            refusal(&["hurt", "HURT:3"]),
            "the feeling \"hurt\" is given twice; name each feeling once, with one strength (e.g. hurt:3)"
        );
        assert!(refusal(&["Wistful, wistful:2"]).contains("\"wistful\" is given twice"));
        assert_eq!(repeated(&[entry("a", None), entry("b", None)]), None);
    }

    // Regression: `--feeling 'a,b'` was one word "a,b", while the guided flow split on commas.
    #[test]
    fn commas_separate_feelings_in_every_spec() {
        assert_eq!(
            words(&["hurt:4, hopeful", "tender,"]),
            [
                entry("hurt", Some(4)),
                entry("hopeful", None),
                entry("tender", None)
            ]
        );
    }

    // Regression: a quoted `--feeling "left out"` was saved as two feelings, "left" and "out".
    #[test]
    fn spaces_do_not_separate_feelings() {
        assert_eq!(words(&["left out"]), [entry("left out", None)]);
        assert_eq!(
            words(&["taken for granted:3", "hurt"]),
            [entry("taken for granted", Some(3)), entry("hurt", None)]
        );
        assert_eq!(
            words(&["left out, hurt"]),
            [entry("left out", None), entry("hurt", None)]
        );
    }

    // A word outside the list is kept as typed (the contract), but a likely typo is named
    // so that it is not quietly counted as neutral, and the opposite of a listed word is never
    // taken for a typo of it.
    #[test]
    fn a_near_miss_is_kept_and_the_listed_word_is_suggested() {
        assert_eq!(words(&["anxous:3"]), [entry("anxous", Some(3))]);
        assert_eq!(nearest("anxous"), Some("anxious"));
        assert_eq!(nearest("hopefull"), Some("hopeful"));
        assert_eq!(nearest("clam"), Some("calm"));
        for own in [
            "unsafe",
            "unheard",
            "unloved",
            "distrusting",
            "wistful",
            "tender",
        ] {
            assert_eq!(nearest(own), None, "{own}");
            assert_eq!(words(&[own]), [entry(own, None)]);
        }
        assert_eq!(nearest("Anxious"), None);
        assert_eq!(
            near_miss_notes(&words(&["calm", "anxous"])),
            [
                "\"anxous\" is not in the feelings list, so it is kept as typed and counts as neutral. Did you mean \"anxious\"?"
            ]
        );
    }

    #[test]
    fn none_alone_means_no_feelings() {
        assert_eq!(parse(&["none"]).unwrap(), Parsed::NoneAtAll);
        assert_eq!(parse(&[" NONE "]).unwrap(), Parsed::NoneAtAll);
        assert_eq!(
            refusal(&["none", "hurt"]),
            "\"none\" means no feelings at all, so it goes on its own (got \"none, hurt\")"
        );
        assert!(parse(&["none:3"]).is_err());
    }
}
