//! Reads a draft into words the patterns can match: lower case, apostrophes taken out,
//! contractions and texting spellings written out ("dont" and "don't" are "do not", "im" is
//! "i am", "ur" is "you are" or "your"), stretched letters cut back ("sooo sorryyy"), and the
//! punctuation that ends a sentence or a clause kept as a boundary. Every word remembers the
//! bytes of the original text it came from, so a finding can quote the writer's own words.
//!
//! The spellings are data, in `spellings.txt`; the few that depend on the words around them are
//! decided here.

use std::collections::HashMap;
use std::sync::LazyLock;

/// What a token is: a word, or a boundary between clauses or sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    Word,
    /// A comma, colon, dash, bracket, "..." or an emoji between words.
    Clause,
    /// A full stop, "!", "?" or a line break.
    Sentence,
    /// A double quotation mark; it also ends a clause.
    Quote,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The normalised word; for a boundary, ",", "." or "\"".
    pub word: String,
    pub tok: Tok,
    /// Byte offsets of the original text this token came from.
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.tok == Tok::Word
    }
}

const SPELLINGS: &str = include_str!("spellings.txt");

struct Spellings {
    /// One word (apostrophes out) to its reading, whether or not it was written with one.
    plain: HashMap<String, Vec<String>>,
    /// Readings that hold only when the writer used an apostrophe ("we'll" but not "well").
    apostrophe: HashMap<String, Vec<String>>,
    /// Two words read as one ("over reacting").
    pairs: HashMap<(String, String), Vec<String>>,
}

static TABLE: LazyLock<Spellings> = LazyLock::new(|| parse_spellings(SPELLINGS));

fn parse_spellings(text: &str) -> Spellings {
    let mut table = Spellings {
        plain: HashMap::new(),
        apostrophe: HashMap::new(),
        pairs: HashMap::new(),
    };
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((from, to)) = line.split_once(" = ") else {
            continue;
        };
        let to: Vec<String> = to.split_whitespace().map(String::from).collect();
        let (needs_apostrophe, from) = match from.strip_prefix("' ") {
            Some(rest) => (true, rest),
            None => (false, from),
        };
        let words: Vec<&str> = from.split_whitespace().collect();
        match (needs_apostrophe, words.as_slice()) {
            (true, [w]) => {
                table.apostrophe.insert((*w).to_string(), to);
            }
            (false, [w]) => {
                table.plain.insert((*w).to_string(), to);
            }
            (false, [a, b]) => {
                table.pairs.insert(((*a).to_string(), (*b).to_string()), to);
            }
            _ => {}
        }
    }
    table
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' | '\u{b4}'
    )
}

/// Emoji that carry a tone the patterns look for, read as words.
fn emoji_word(c: char) -> Option<&'static str> {
    match c {
        '\u{1f602}' | '\u{1f923}' | '\u{1f606}' | '\u{1f639}' | '\u{1f605}' | '\u{1f61c}'
        | '\u{1f61d}' => Some("lol"),
        '\u{1f644}' | '\u{1f643}' | '\u{1f612}' => Some("eyeroll"),
        '\u{1f485}' => Some("sass"),
        '\u{1f937}' => Some("shrug"),
        _ => None,
    }
}

/// Joiners and modifiers that belong to the character before them and mean nothing alone.
fn is_modifier(c: char) -> bool {
    matches!(c, '\u{200d}' | '\u{fe0f}' | '\u{fe0e}' | '\u{20e3}')
        || ('\u{1f3fb}'..='\u{1f3ff}').contains(&c)
        || ('\u{e0020}'..='\u{e007f}').contains(&c)
        || ('\u{2640}'..='\u{2642}').contains(&c)
}

/// A raw piece of the text: a word as written (lower case, apostrophes out) or a boundary.
struct Raw {
    word: String,
    apostrophe: bool,
    tok: Tok,
    start: usize,
    end: usize,
}

fn scan(text: &str) -> Vec<Raw> {
    let mut out: Vec<Raw> = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|(_, c)| *c);
    let end_of = |i: usize| chars.get(i + 1).map_or(text.len(), |(b, _)| *b);
    let mut i = 0;
    let push_boundary = |out: &mut Vec<Raw>, tok: Tok, start: usize, end: usize| {
        let word = match tok {
            Tok::Sentence => ".",
            Tok::Quote => "\"",
            _ => ",",
        };
        if tok != Tok::Quote
            && let Some(last) = out.last_mut()
            && matches!(last.tok, Tok::Clause | Tok::Sentence)
        {
            // A run of boundaries is one, as strong as its strongest.
            if tok == Tok::Sentence {
                last.tok = Tok::Sentence;
                last.word = ".".into();
            }
            last.end = end;
            return;
        }
        out.push(Raw {
            word: word.into(),
            apostrophe: false,
            tok,
            start,
            end,
        });
    };
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_alphanumeric() {
            let mut word = String::new();
            let mut apostrophe = false;
            let mut j = i;
            while j < chars.len() {
                let c = chars[j].1;
                if c.is_alphanumeric() {
                    word.extend(c.to_lowercase());
                } else if is_apostrophe(c) && at(j + 1).is_some_and(char::is_alphanumeric) && j > i
                {
                    apostrophe = true;
                } else if c == '.'
                    && word.chars().all(|c| c.is_ascii_digit())
                    && at(j + 1).is_some_and(|c| c.is_ascii_digit())
                {
                    // "3.5" stays one number.
                    word.push('.');
                } else {
                    break;
                }
                j += 1;
            }
            out.push(Raw {
                word,
                apostrophe,
                tok: Tok::Word,
                start,
                end: end_of(j - 1),
            });
            i = j;
            continue;
        }
        let end = end_of(i);
        if let Some(word) = emoji_word(c) {
            out.push(Raw {
                word: word.into(),
                apostrophe: false,
                tok: Tok::Word,
                start,
                end,
            });
        } else if c == '&' {
            out.push(Raw {
                word: "and".into(),
                apostrophe: false,
                tok: Tok::Word,
                start,
                end,
            });
        } else if matches!(c, '\n' | '\r') && line_continues(&chars, i) {
            // A line broken inside a sentence ("let's move\non") is read as one line.
        } else if matches!(c, '.' | '!' | '?' | '\n' | '\r') {
            // "..." is a pause inside a sentence, not its end.
            let dots = c == '.' && at(i + 1) == Some('.');
            if dots {
                let mut j = i;
                while at(j) == Some('.') {
                    j += 1;
                }
                push_boundary(&mut out, Tok::Clause, start, end_of(j - 1));
                i = j;
                continue;
            }
            push_boundary(&mut out, Tok::Sentence, start, end);
        } else if matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}') {
            push_boundary(&mut out, Tok::Quote, start, end);
        } else if c == '-' {
            // A hyphen inside a word splits it ("over-reacting" is read as "over reacting");
            // a dash between words ends a clause.
            let inside = i > 0
                && chars[i - 1].1.is_alphanumeric()
                && at(i + 1).is_some_and(char::is_alphanumeric);
            if !inside {
                push_boundary(&mut out, Tok::Clause, start, end);
            }
        } else if c.is_whitespace()
            || is_modifier(c)
            || is_apostrophe(c)
            || matches!(
                c,
                '*' | '_' | '#' | '~' | '^' | '+' | '=' | '|' | '\\' | '@'
            )
        {
            // Spaces, emphasis marks and stray apostrophes separate words and nothing more.
        } else if c.is_control() {
            // Control characters separate words too.
        } else {
            // Commas, colons, brackets, other emoji and symbols: a pause between clauses.
            push_boundary(&mut out, Tok::Clause, start, end);
        }
        i += 1;
    }
    out
}

/// Whether the line break at `i` falls inside a sentence: a word or a comma before it, and a
/// lower-case word after it.
fn line_continues(chars: &[(usize, char)], i: usize) -> bool {
    let before = chars[..i]
        .iter()
        .rev()
        .map(|(_, c)| *c)
        .find(|c| !c.is_whitespace());
    let after = chars[i + 1..]
        .iter()
        .map(|(_, c)| *c)
        .find(|c| !c.is_whitespace());
    before.is_some_and(|c| c.is_alphanumeric() || c == ',') && after.is_some_and(char::is_lowercase)
}

/// Cuts runs of three or more of the same letter to one ("sooo" to "so", "sorryyy" to "sorry").
fn squeeze(word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let has_run = chars.windows(3).any(|w| w[0] == w[1] && w[1] == w[2]);
    if !has_run || chars.iter().all(char::is_ascii_digit) {
        return None;
    }
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let mut j = i;
        while j < chars.len() && chars[j] == chars[i] {
            j += 1;
        }
        let run = j - i;
        let keep = if run >= 3 { 1 } else { run };
        out.extend(std::iter::repeat_n(chars[i], keep));
        i = j;
    }
    Some(out)
}

/// After "ur", the words that make it "you are" rather than "your".
const UR_ARE: &[&str] = &[
    "so",
    "too",
    "not",
    "always",
    "never",
    "just",
    "being",
    "really",
    "a",
    "an",
    "the",
    "such",
    "literally",
    "still",
    "right",
    "wrong",
    "insane",
    "mad",
    "upset",
    "jealous",
    "insecure",
    "dramatic",
    "paranoid",
    "crazy",
    "sensitive",
    "oversensitive",
    "over",
    "way",
    "only",
    "also",
    "clearly",
    "honestly",
    "seriously",
    "obviously",
    "probably",
    "definitely",
    "totally",
    "completely",
    "kind",
    "sort",
    "pretty",
    "very",
    "bit",
    "little",
    "lucky",
    "ridiculous",
    "petty",
    "emotional",
    "hysterical",
    "unreasonable",
    "irrational",
    "ready",
    "allowed",
    "welcome",
    "hurt",
    "angry",
    "scared",
    "worried",
    "overreacting",
    "imagining",
    "gonna",
    "going",
    "acting",
    "making",
    "taking",
    "reading",
    "blowing",
    "overthinking",
    "perfect",
    "no",
    "even",
    "all",
    "here",
    "there",
    "home",
    "gonna",
    "mine",
    "right",
    "correct",
    "fine",
    "ok",
    "okay",
    "sure",
    "done",
    "like",
    "one",
    "going",
    "in",
    "at",
    "on",
    "with",
    "from",
];

/// Before "ill", the words that make it "ill" (unwell) rather than "i will".
const ILL_UNWELL: &[&str] = &[
    "feel",
    "felt",
    "feeling",
    "feels",
    "am",
    "was",
    "is",
    "be",
    "been",
    "being",
    "so",
    "very",
    "really",
    "getting",
    "got",
    "look",
    "looks",
    "looked",
    "seem",
    "seems",
    "seemed",
    "mentally",
    "too",
    "fell",
    "an",
    "are",
    "were",
    "gets",
    "pretty",
    "quite",
    "seriously",
    "critically",
    "terminally",
    "the",
    "of",
    "chronically",
    "become",
    "became",
];

/// Before "lets", the words after which it is "let us" rather than "he lets".
const LETS_US: &[&str] = &[
    "so", "okay", "ok", "just", "please", "now", "then", "and", "but", "well", "yeah", "yes",
    "alright", "right", "on", "maybe", "babe", "baby", "love", "hun", "honey", "k", "fine", "look",
    "listen", "lol", "sorry", "i", "think", "guess", "can", "we",
];

/// Before "cause", the words that keep it a noun or a verb ("the cause", "to cause").
const CAUSE_NOUN: &[&str] = &[
    "the", "a", "to", "no", "good", "that", "this", "main", "root", "real", "any", "lost",
    "common", "its", "your", "my", "would", "will", "did", "could", "might", "may", "not",
];

/// Past participles after which "I'd" is "I had" ("I'd been drinking"), not "I would".
const PARTICIPLES: &[&str] = &[
    "been",
    "gone",
    "done",
    "had",
    "known",
    "seen",
    "told",
    "said",
    "left",
    "got",
    "gotten",
    "made",
    "taken",
    "given",
    "spent",
    "kept",
    "hidden",
    "lost",
    "slept",
    "met",
    "sent",
    "put",
    "let",
    "broken",
    "forgotten",
    "written",
    "driven",
    "drunk",
    "eaten",
    "bought",
    "brought",
    "thought",
    "felt",
    "heard",
    "found",
    "read",
    "run",
    "hurt",
];

/// Words between "I'd" and its verb that do not decide it ("I'd never been", "I'd never do").
const D_ADVERBS: &[&str] = &[
    "never", "ever", "already", "just", "only", "really", "not", "still", "always", "also",
];

fn is_participle(word: &str) -> bool {
    PARTICIPLES.contains(&word)
        || (word.len() > 4 && word.ends_with("ed") && !matches!(word, "need" | "indeed"))
}

/// Whether a "'d" before word `i + 1` is "had".
fn d_is_had(raw: &[Raw], i: usize) -> bool {
    let mut j = i + 1;
    while let Some(r) = raw.get(j).filter(|r| r.tok == Tok::Word) {
        if D_ADVERBS.contains(&r.word.as_str()) {
            j += 1;
            continue;
        }
        return is_participle(&r.word);
    }
    false
}

fn read_word(raw: &[Raw], i: usize) -> Vec<String> {
    let table = &*TABLE;
    let r = &raw[i];
    let prev = i
        .checked_sub(1)
        .map(|p| &raw[p])
        .filter(|p| p.tok == Tok::Word);
    let next = raw.get(i + 1).filter(|n| n.tok == Tok::Word);
    let prev_word = prev.map(|p| p.word.as_str());
    let next_word = next.map(|n| n.word.as_str());
    let word = squeeze(&r.word).unwrap_or_else(|| r.word.clone());
    let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
    // "I'd", "you'd", "we'd": "had" before a past participle, "would" otherwise.
    let d_forms = ["id", "youd", "hed", "shed", "wed", "theyd"];
    if d_forms.contains(&word.as_str())
        && (r.apostrophe || matches!(word.as_str(), "id" | "youd" | "theyd"))
        && d_is_had(raw, i)
    {
        let subject = word.trim_end_matches('d');
        let subject = if subject == "i" { "i" } else { subject };
        return vec![subject.to_string(), "had".to_string()];
    }
    if r.apostrophe
        && let Some(to) = table.apostrophe.get(&word)
    {
        return to.clone();
    }
    // "who's been", "it's been", "that's been": the "'s" is "has" before "been".
    if next_word == Some("been")
        && let Some(to) = table.plain.get(&word)
        && let [subject, is] = to.as_slice()
        && is == "is"
    {
        return vec![subject.clone(), "has".to_string()];
    }
    match word.as_str() {
        "ill" if !r.apostrophe => {
            return if prev_word.is_some_and(|p| ILL_UNWELL.contains(&p)) {
                vec![word]
            } else {
                words("i will")
            };
        }
        // "your upset", "your so", "your being": a common slip for "you're".
        "your"
            if next_word.is_some_and(|n| {
                matches!(
                    n,
                    "so" | "too"
                        | "being"
                        | "not"
                        | "upset"
                        | "angry"
                        | "mad"
                        | "overreacting"
                        | "acting"
                        | "making"
                        | "taking"
                        | "always"
                        | "just"
                        | "still"
                        | "really"
                        | "literally"
                        | "blowing"
                        | "reading"
                        | "paranoid"
                        | "jealous"
                        | "crazy"
                        | "dramatic"
                        | "insecure"
                )
            }) =>
        {
            return words("you are");
        }
        "ur" => {
            let are = next_word.is_some_and(|n| {
                UR_ARE.contains(&n) || (n.len() > 4 && n.ends_with("ing") && n != "thing")
            });
            return words(if are { "you are" } else { "your" });
        }
        "r" if prev_word.is_some_and(|p| {
            matches!(
                p,
                "you" | "u" | "we" | "they" | "who" | "what" | "how" | "where" | "why"
            )
        }) || next_word.is_some_and(|n| matches!(n, "you" | "u")) =>
        {
            return words("are");
        }
        "lets" if !r.apostrophe => {
            return if prev.is_none() || prev_word.is_some_and(|p| LETS_US.contains(&p)) {
                words("let us")
            } else {
                vec![word]
            };
        }
        "cause" | "cuz" if prev_word.is_some_and(|p| CAUSE_NOUN.contains(&p)) => {
            return vec![word];
        }
        "cause" => return words("because"),
        _ => {}
    }
    table
        .plain
        .get(&word)
        .cloned()
        .unwrap_or_else(|| vec![word])
}

/// The tokens of `text`, with every word read as described in the module documentation.
pub fn tokens(text: &str) -> Vec<Token> {
    let raw = scan(text);
    let table = &*TABLE;
    let mut out = Vec::with_capacity(raw.len() + raw.len() / 4);
    let mut i = 0;
    while i < raw.len() {
        let r = &raw[i];
        if r.tok != Tok::Word {
            out.push(Token {
                word: r.word.clone(),
                tok: r.tok,
                start: r.start,
                end: r.end,
            });
            i += 1;
            continue;
        }
        if let Some(next) = raw.get(i + 1).filter(|n| n.tok == Tok::Word)
            && let Some(to) = table.pairs.get(&(r.word.clone(), next.word.clone()))
        {
            for word in to {
                out.push(Token {
                    word: word.clone(),
                    tok: Tok::Word,
                    start: r.start,
                    end: next.end,
                });
            }
            i += 2;
            continue;
        }
        for word in read_word(&raw, i) {
            out.push(Token {
                word,
                tok: Tok::Word,
                start: r.start,
                end: r.end,
            });
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> String {
        tokens(text)
            .iter()
            .map(|t| t.word.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn contractions_with_and_without_apostrophes_read_the_same() {
        for text in ["I don't", "i dont", "I DON’T", "i don`t"] {
            assert_eq!(words(text), "i do not", "{text}");
        }
        assert_eq!(words("im sorry ur upset"), "i am sorry you are upset");
        assert_eq!(words("ur phone"), "your phone");
        assert_eq!(
            words("your upset, your phone"),
            "you are upset , your phone"
        );
        assert_eq!(words("ill tell you"), "i will tell you");
        assert_eq!(words("i feel ill"), "i feel ill");
        assert_eq!(words("we'll see, well"), "we will see , well");
        assert_eq!(words("were fine. we're fine"), "were fine . we are fine");
        assert_eq!(words("lets move on"), "let us move on");
        assert_eq!(words("she lets me"), "she lets me");
        assert_eq!(words("cuz u r"), "because you are");
        assert_eq!(words("if i'd been sober"), "if i had been sober");
        assert_eq!(words("id never do that"), "i would never do that");
        assert_eq!(words("if you'd listened"), "if you had listened");
        assert_eq!(words("youd overreact"), "you would overreact");
        assert_eq!(words("the cause"), "the cause");
    }

    #[test]
    fn stretched_letters_and_texting_words() {
        assert_eq!(words("sooo sorryyyy"), "so sorry");
        assert_eq!(words("sry lmao"), "sorry lol");
        assert_eq!(words("soz"), "soz");
        assert_eq!(words("over-reacting"), "overreacting");
        assert_eq!(words("sorry 😂"), "sorry lol");
        assert_eq!(words("2000 and 3.5"), "2000 and 3.5");
    }

    #[test]
    fn boundaries_are_kept_once() {
        assert_eq!(
            words("sorry!!! i lied... ok? 💔 fine"),
            "sorry . i lied , okay . fine"
        );
        assert_eq!(words("i said \"calm down\""), "i said \" calm down \"");
        assert_eq!(words("a\nB"), "a . b");
        assert_eq!(words("a.\nb"), "a . b");
        assert_eq!(words("let’s move\non"), "let us move on");
    }

    #[test]
    fn every_token_points_at_its_own_words() {
        let text = "Zoë, I’m sooo sorry 💛 ur right";
        for t in tokens(text) {
            assert!(text.get(t.start..t.end).is_some(), "{t:?}");
            assert!(t.start < t.end);
        }
        let t = tokens(text);
        let im: Vec<&Token> = t.iter().filter(|t| t.word == "am").collect();
        assert_eq!(&text[im[0].start..im[0].end], "I’m");
    }

    #[test]
    fn the_spellings_file_is_read_whole() {
        let table = &*TABLE;
        let entries = SPELLINGS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(
            table.plain.len() + table.apostrophe.len() + table.pairs.len(),
            entries
        );
    }
}
