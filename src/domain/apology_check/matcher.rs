//! A small pattern language over the normalised words of a draft (see `normalise`), in which the
//! check's patterns are written. It reads like the phrases it looks for:
//!
//! | notation | matches |
//! | --- | --- |
//! | `sorry` | the word "sorry" |
//! | `feel/felt` | one word, either of them |
//! | `*ing`, `over*` | one word ending or starting so; `_` is any word |
//! | `*ed^need/feed` | one word ending in "ed", but not "need" or "feed" |
//! | `(a b \| c)` | either sequence (`/` joins single words, `\|` whole sequences) |
//! | `[a b \| c]` | either sequence, or nothing |
//! | `@name` | a named class of words and phrases (see `rules`) |
//! | `~3` | up to three words, inside one clause; `~~3` may cross a comma, not a full stop |
//! | `,` | a boundary: comma, full stop, quotation mark, or the end of the text |
//! | `.` | the end of a sentence, or of the text |
//! | `<` / `>` | the start / end of a clause (nothing is consumed) |
//! | `{` ... `}` | the part of the match a finding quotes, when narrower than the whole |
//!
//! `/` binds tighter than a space: `have been/are` is "have" then "been" or "are"; a choice
//! between phrases is written with `|`: `(have been | are)`.
//!
//! Matching backtracks over alternatives and gaps, which stay small (a gap is at most a few
//! words), and each pattern is tried only where its first word occurs, so checking is linear
//! in the length of the draft for all practical purposes. Building every pattern takes a couple
//! of milliseconds: no automata are compiled, and named classes are shared, not copied.

use std::collections::HashMap;
use std::sync::Arc;

use super::normalise::{Tok, Token};

#[derive(Debug, Clone)]
struct WordTest {
    exact: Vec<&'static str>,
    prefixes: Vec<&'static str>,
    suffixes: Vec<&'static str>,
    any: bool,
    except: Vec<&'static str>,
}

impl WordTest {
    fn hits(&self, word: &str) -> bool {
        if self.except.contains(&word) {
            return false;
        }
        self.any
            || self.exact.binary_search(&word).is_ok()
            || self
                .prefixes
                .iter()
                .any(|p| word.starts_with(p) && word.len() > p.len())
            || self
                .suffixes
                .iter()
                .any(|s| word.ends_with(s) && word.len() > s.len() + 1)
    }

    fn only_exact(&self) -> bool {
        !self.any && self.prefixes.is_empty() && self.suffixes.is_empty()
    }
}

#[derive(Debug, Clone)]
enum Node {
    Word(WordTest),
    Alt(Vec<Vec<Node>>),
    Opt(Vec<Vec<Node>>),
    Gap {
        max: usize,
        cross_clause: bool,
    },
    Boundary,
    SentenceEnd,
    ClauseStart,
    ClauseEnd,
    ShowStart,
    ShowEnd,
    /// A named class, shared by every pattern that uses it.
    Class(Arc<Vec<Node>>),
}

/// A parsed pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    nodes: Arc<Vec<Node>>,
    /// The words a match can start with; None when it can start anywhere.
    first: Option<Vec<&'static str>>,
}

/// A match: token positions, end exclusive, and the quoted part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub show_start: usize,
    pub show_end: usize,
}

/// Named classes, each a pattern of alternatives, used as `@name`.
pub struct Classes(HashMap<&'static str, Arc<Vec<Node>>>);

/// Parses class definitions in order; a class may use the classes defined before it.
pub fn classes(defs: &[(&'static str, &'static str)]) -> Result<Classes, String> {
    let mut out = Classes(HashMap::new());
    for (name, def) in defs {
        let nodes = Parser::new(def, &out).alternatives_until(None)?;
        out.0.insert(name, Arc::new(vec![nodes]));
    }
    Ok(out)
}

pub fn parse(pattern: &'static str, classes: &Classes) -> Result<Pattern, String> {
    let mut parser = Parser::new(pattern, classes);
    let nodes = match parser.alternatives_until(None)? {
        Node::Alt(mut alts) if alts.len() == 1 => alts.remove(0),
        alt => vec![alt],
    };
    let first = first_words(&nodes);
    Ok(Pattern {
        nodes: Arc::new(nodes),
        first,
    })
}

/// Reads a pattern; patterns are ASCII, so a byte is a character.
struct Parser<'a> {
    at: usize,
    classes: &'a Classes,
    source: &'static str,
}

impl<'a> Parser<'a> {
    fn new(source: &'static str, classes: &'a Classes) -> Self {
        Parser {
            at: 0,
            classes,
            source,
        }
    }

    fn error(&self, what: &str) -> String {
        format!("{what} at {} in pattern {:?}", self.at, self.source)
    }

    fn peek(&self) -> Option<char> {
        self.source.as_bytes().get(self.at).map(|b| char::from(*b))
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            self.at += 1;
        }
    }

    /// Sequences separated by `|`, up to `close` (or the end of the source when None),
    /// as one node.
    fn alternatives_until(&mut self, close: Option<char>) -> Result<Node, String> {
        let mut alts = vec![self.seq()?];
        loop {
            self.skip_spaces();
            match self.peek() {
                Some('|') => {
                    self.at += 1;
                    alts.push(self.seq()?);
                }
                c if c == close => {
                    if close.is_some() {
                        self.at += 1;
                    }
                    return Ok(Node::Alt(merge_words(alts)));
                }
                Some(c @ (')' | ']')) if close.is_none() => {
                    return Err(self.error(&format!("unexpected {c:?}")));
                }
                _ => return Err(self.error("unclosed group")),
            }
        }
    }

    fn seq(&mut self) -> Result<Vec<Node>, String> {
        let mut nodes = Vec::new();
        loop {
            self.skip_spaces();
            let Some(c) = self.peek() else {
                return Ok(nodes);
            };
            match c {
                ')' | ']' | '|' => return Ok(nodes),
                '(' => {
                    self.at += 1;
                    nodes.push(self.alternatives_until(Some(')'))?);
                }
                '[' => {
                    self.at += 1;
                    let Node::Alt(alts) = self.alternatives_until(Some(']'))? else {
                        return Err(self.error("bad optional group"));
                    };
                    nodes.push(Node::Opt(alts));
                }
                '@' => {
                    self.at += 1;
                    let name = self.take_while(|c| c.is_ascii_alphanumeric() || c == '_');
                    let class = self
                        .classes
                        .0
                        .get(name)
                        .ok_or_else(|| self.error(&format!("unknown class @{name}")))?;
                    nodes.push(Node::Class(Arc::clone(class)));
                }
                '~' => {
                    self.at += 1;
                    let cross_clause = self.peek() == Some('~');
                    if cross_clause {
                        self.at += 1;
                    }
                    let digits = self.take_while(|c| c.is_ascii_digit());
                    let max = digits
                        .parse()
                        .map_err(|_| self.error("a gap needs a number"))?;
                    nodes.push(Node::Gap { max, cross_clause });
                }
                ',' => {
                    self.at += 1;
                    nodes.push(Node::Boundary);
                }
                '.' => {
                    self.at += 1;
                    nodes.push(Node::SentenceEnd);
                }
                '<' => {
                    self.at += 1;
                    nodes.push(Node::ClauseStart);
                }
                '>' => {
                    self.at += 1;
                    nodes.push(Node::ClauseEnd);
                }
                '{' => {
                    self.at += 1;
                    nodes.push(Node::ShowStart);
                }
                '}' => {
                    self.at += 1;
                    nodes.push(Node::ShowEnd);
                }
                _ => nodes.push(self.word()?),
            }
        }
    }

    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> &'static str {
        let start = self.at;
        while self.peek().is_some_and(&keep) {
            self.at += 1;
        }
        &self.source[start..self.at]
    }

    fn word(&mut self) -> Result<Node, String> {
        let spec =
            self.take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '*' | '^' | '_'));
        if spec.is_empty() {
            return Err(self.error("unexpected character"));
        }
        // Most specs are plain words ("feel/felt"): split them without the general path.
        if !spec.bytes().any(|b| matches!(b, b'^' | b'*' | b'_')) {
            let mut exact = Vec::with_capacity(spec.bytes().filter(|b| *b == b'/').count() + 1);
            let mut from = 0;
            for (i, b) in spec.bytes().enumerate() {
                if b == b'/' {
                    exact.push(&spec[from..i]);
                    from = i + 1;
                }
            }
            exact.push(&spec[from..]);
            if exact.iter().any(|w| w.is_empty()) {
                return Err(self.error("bad word"));
            }
            exact.sort_unstable();
            exact.dedup();
            return Ok(Node::Word(WordTest {
                exact,
                prefixes: Vec::new(),
                suffixes: Vec::new(),
                any: false,
                except: Vec::new(),
            }));
        }
        let (alts, except) = match spec.split_once('^') {
            Some((alts, except)) => (alts, except),
            None => (spec, ""),
        };
        let mut test = WordTest {
            exact: Vec::new(),
            prefixes: Vec::new(),
            suffixes: Vec::new(),
            any: false,
            except: except.split('/').filter(|e| !e.is_empty()).collect(),
        };
        for alt in alts.split('/') {
            if alt == "_" {
                test.any = true;
            } else if let Some(suffix) = alt.strip_prefix('*') {
                test.suffixes.push(suffix);
            } else if let Some(prefix) = alt.strip_suffix('*') {
                test.prefixes.push(prefix);
            } else if !alt.is_empty() && !alt.contains('*') {
                test.exact.push(alt);
            } else {
                return Err(self.error("bad word"));
            }
        }
        test.exact.sort();
        test.exact.dedup();
        Ok(Node::Word(test))
    }
}

/// Alternatives that are single plain words become one word test ("a | b | c d" is read as
/// "a/b | c d"), which is quicker to build, to copy into patterns and to match.
fn merge_words(alts: Vec<Vec<Node>>) -> Vec<Vec<Node>> {
    let mut merged: Option<WordTest> = None;
    let mut rest = Vec::new();
    for alt in alts {
        match alt.as_slice() {
            [Node::Word(test)] if test.only_exact() && test.except.is_empty() => {
                let m = merged.get_or_insert_with(|| WordTest {
                    exact: Vec::new(),
                    prefixes: Vec::new(),
                    suffixes: Vec::new(),
                    any: false,
                    except: Vec::new(),
                });
                m.exact.extend(test.exact.iter().copied());
            }
            _ => rest.push(alt),
        }
    }
    let mut out = Vec::with_capacity(rest.len() + 1);
    if let Some(mut m) = merged {
        m.exact.sort();
        m.exact.dedup();
        out.push(vec![Node::Word(m)]);
    }
    out.extend(rest);
    out
}

/// The words a sequence can start with, or None when it may start with anything (or nothing).
fn first_words(nodes: &[Node]) -> Option<Vec<&'static str>> {
    let (words, nullable) = first_of(nodes)?;
    if nullable { None } else { Some(words) }
}

/// The first words of a sequence, and whether it can match no word at all; None when its
/// first token can be any word or a boundary.
fn first_of(nodes: &[Node]) -> Option<(Vec<&'static str>, bool)> {
    let mut out = Vec::new();
    for node in nodes {
        let (words, nullable) = match node {
            Node::Word(test) => {
                if !test.only_exact() {
                    return None;
                }
                (test.exact.clone(), false)
            }
            Node::Class(inner) => first_of(inner)?,
            Node::Alt(alts) | Node::Opt(alts) => {
                let mut words = Vec::new();
                let mut nullable = matches!(node, Node::Opt(_));
                for alt in alts {
                    let (w, n) = first_of(alt)?;
                    words.extend(w);
                    nullable |= n;
                }
                (words, nullable)
            }
            Node::ClauseStart | Node::ClauseEnd | Node::ShowStart | Node::ShowEnd => {
                (Vec::new(), true)
            }
            Node::Gap { .. } | Node::Boundary | Node::SentenceEnd => return None,
        };
        out.extend(words);
        if !nullable {
            return Some((out, false));
        }
    }
    Some((out, true))
}

/// Words so frequent in apologies that a rule needing one of them is worth trying anyway.
const COMMON: &[&str] = &[
    "a", "am", "and", "are", "be", "do", "for", "have", "i", "is", "it", "just", "me", "my", "not",
    "of", "so", "that", "the", "this", "to", "u", "was", "we", "you", "your",
];

fn common(words: &[&str]) -> bool {
    words.iter().any(|w| COMMON.contains(w))
}

/// A set of words of which any match of the sequence must hold one: that of its most telling
/// required word test (fewest words, and none of them common), or None. A word test matches
/// only a word in its set (fillers it passes over are words it does not take), so the set is a
/// necessary condition for a match anywhere in a text.
fn required_of(nodes: &[Node]) -> Option<Vec<&'static str>> {
    let mut best: Option<Vec<&'static str>> = None;
    let score = |words: &[&str]| (common(words), words.len());
    for node in nodes {
        let found = match node {
            Node::Word(test) if test.only_exact() => Some(test.exact.clone()),
            Node::Class(inner) => required_of(inner),
            Node::Alt(alts) => {
                let mut union = Vec::new();
                let mut all = true;
                for alt in alts {
                    match required_of(alt) {
                        Some(words) => union.extend(words),
                        None => {
                            all = false;
                            break;
                        }
                    }
                }
                all.then_some(union)
            }
            _ => None,
        };
        if let Some(words) = found
            && !words.is_empty()
            && best.as_ref().is_none_or(|b| score(&words) < score(b))
        {
            best = Some(words);
        }
    }
    best
}

#[derive(Clone, Copy)]
struct Show {
    /// Where the match started: a filler is only passed over inside a match, never at its start.
    from: usize,
    start: Option<usize>,
    end: Option<usize>,
}

/// Words people drop into the middle of a phrase without changing what it says ("I *really*
/// need you to…", "I didn't *even* text"). Inside a match, a word test that does not take one
/// of them passes over it, up to two in a row; a pattern that names the word still takes it.
const FILLERS: &[&str] = &[
    "absolutely",
    "actually",
    "all",
    "also",
    "basically",
    "completely",
    "deeply",
    "even",
    "genuinely",
    "honestly",
    "just",
    "literally",
    "lowkey",
    "really",
    "seriously",
    "sincerely",
    "totally",
    "truly",
];

/// Words that can close a clause without adding to it ("I was hammered *babe*", "sorry *lol*"):
/// a boundary that follows them counts as the boundary.
const VOCATIVES: &[&str] = &[
    "babe",
    "baby",
    "bro",
    "darling",
    "dude",
    "hon",
    "honestly",
    "honey",
    "hun",
    "lol",
    "love",
    "man",
    "mate",
    "ngl",
    "seriously",
    "sweetheart",
    "tbh",
    "x",
    "xx",
    "xxx",
];

/// Words that can open a clause without adding to it ("*babe* calm down", "*so* moving on"): a
/// clause may start after them.
const OPENERS: &[&str] = &[
    "and", "babe", "baby", "but", "hey", "hun", "listen", "look", "oh", "okay", "so", "well",
    "yeah",
];

fn is_filler(t: &Token) -> bool {
    t.tok == Tok::Word && FILLERS.contains(&t.word.as_str())
}

/// Where the clause really ends at `pos`: past any vocatives.
fn past_vocatives(toks: &[Token], mut pos: usize) -> usize {
    let start = pos;
    while pos - start < 2
        && toks
            .get(pos)
            .is_some_and(|t| t.tok == Tok::Word && VOCATIVES.contains(&t.word.as_str()))
    {
        pos += 1;
    }
    pos
}

fn is_boundary(t: &Token) -> bool {
    t.tok != Tok::Word
}

/// One word of a pattern at `pos`; inside a match, fillers the test does not take are passed
/// over (`skipped` so far in a row).
fn word_at(
    test: &WordTest,
    rest: &[Node],
    pos: usize,
    toks: &[Token],
    show: Show,
    k: &mut dyn FnMut(usize, Show) -> bool,
    skipped: usize,
) -> bool {
    let Some(t) = toks.get(pos).filter(|t| t.tok == Tok::Word) else {
        return false;
    };
    if test.hits(&t.word) {
        return go(rest, pos + 1, toks, show, k);
    }
    pos > show.from
        && skipped < 2
        && is_filler(t)
        && word_at(test, rest, pos + 1, toks, show, k, skipped + 1)
}

/// Continuation-passing backtracking: `k` is called with each way the nodes can match from
/// `pos`, and the search stops at the first `true`.
fn go(
    nodes: &[Node],
    pos: usize,
    toks: &[Token],
    show: Show,
    k: &mut dyn FnMut(usize, Show) -> bool,
) -> bool {
    let Some((first, rest)) = nodes.split_first() else {
        return k(pos, show);
    };
    match first {
        Node::Word(test) => word_at(test, rest, pos, toks, show, k, 0),
        Node::Class(inner) => go(inner, pos, toks, show, &mut |p, s| go(rest, p, toks, s, k)),
        Node::Alt(alts) => {
            for alt in alts {
                if go(alt, pos, toks, show, &mut |p, s| go(rest, p, toks, s, k)) {
                    return true;
                }
            }
            false
        }
        Node::Opt(alts) => {
            for alt in alts {
                if go(alt, pos, toks, show, &mut |p, s| go(rest, p, toks, s, k)) {
                    return true;
                }
            }
            go(rest, pos, toks, show, k)
        }
        Node::Gap { max, cross_clause } => {
            // Words count towards the gap; the commas it may cross do not.
            let mut p = pos;
            let mut words = 0;
            loop {
                if go(rest, p, toks, show, k) {
                    return true;
                }
                let Some(t) = toks.get(p) else {
                    return false;
                };
                if t.tok == Tok::Word {
                    if words == *max {
                        return false;
                    }
                    words += 1;
                } else if !(*cross_clause && t.tok == Tok::Clause) {
                    return false;
                }
                p += 1;
            }
        }
        Node::Boundary => {
            let pos = past_vocatives(toks, pos);
            match toks.get(pos) {
                None => go(rest, pos, toks, show, k),
                Some(t) if is_boundary(t) => go(rest, pos + 1, toks, show, k),
                Some(_) => false,
            }
        }
        Node::SentenceEnd => {
            let pos = past_vocatives(toks, pos);
            match toks.get(pos) {
                None => go(rest, pos, toks, show, k),
                Some(t) if t.tok == Tok::Sentence => go(rest, pos + 1, toks, show, k),
                Some(_) => false,
            }
        }
        Node::ClauseStart => {
            let mut p = pos;
            while pos - p < 2
                && p > 0
                && toks[p - 1].tok == Tok::Word
                && OPENERS.contains(&toks[p - 1].word.as_str())
            {
                p -= 1;
            }
            (p == 0 || is_boundary(&toks[p - 1])) && go(rest, pos, toks, show, k)
        }
        Node::ClauseEnd => {
            let end = past_vocatives(toks, pos);
            (end >= toks.len() || is_boundary(&toks[end])) && go(rest, pos, toks, show, k)
        }
        Node::ShowStart => go(
            rest,
            pos,
            toks,
            Show {
                start: Some(pos),
                ..show
            },
            k,
        ),
        Node::ShowEnd => go(
            rest,
            pos,
            toks,
            Show {
                end: Some(pos),
                ..show
            },
            k,
        ),
    }
}

impl Pattern {
    /// The first way this pattern matches starting exactly at token `start`, if any.
    pub fn at(&self, toks: &[Token], start: usize) -> Option<Hit> {
        self.at_where(toks, start, |_| true)
    }

    /// Like `at`, taking the first match whose end `accept` agrees to.
    pub fn at_where(
        &self,
        toks: &[Token],
        start: usize,
        accept: impl Fn(usize) -> bool,
    ) -> Option<Hit> {
        let mut found = None;
        go(
            &self.nodes,
            start,
            toks,
            Show {
                from: start,
                start: None,
                end: None,
            },
            &mut |end, show| {
                if end > start && accept(end) {
                    found = Some(Hit {
                        start,
                        end,
                        show_start: show.start.unwrap_or(start),
                        show_end: show.end.unwrap_or(end).max(show.start.unwrap_or(start)),
                    });
                    true
                } else {
                    false
                }
            },
        );
        found
    }

    /// Whether the pattern could start at this token (a quick test before trying it).
    pub fn may_start(&self, tok: &Token) -> bool {
        match &self.first {
            None => true,
            Some(words) => tok.tok == Tok::Word && words.contains(&tok.word.as_str()),
        }
    }

    pub fn first_words(&self) -> Option<&[&'static str]> {
        self.first.as_deref()
    }

    /// Words of which every match holds at least one (see `required_of`), when there is such
    /// a set worth looking for. Worked out on each call: the engine reads it from its index.
    pub fn required_words(&self) -> Option<Vec<&'static str>> {
        required_of(&self.nodes).filter(|words| !common(words))
    }

    /// Every match, trying each start position once.
    #[cfg(test)]
    pub fn find_all(&self, toks: &[Token]) -> Vec<Hit> {
        (0..toks.len())
            .filter(|i| self.may_start(&toks[*i]))
            .filter_map(|i| self.at(toks, i))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::normalise::tokens;
    use super::*;

    fn hits(pattern: &'static str, text: &str) -> Vec<String> {
        let classes = classes(&[("feel", "hurt/upset | let down")]).unwrap();
        let p = parse(pattern, &classes).unwrap();
        let toks = tokens(text);
        p.find_all(&toks)
            .iter()
            .map(|h| {
                toks[h.show_start..h.show_end]
                    .iter()
                    .map(|t| t.word.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn words_alternatives_and_options() {
        assert_eq!(
            hits("sorry [that] you feel/felt", "im sorry you feel that way"),
            ["sorry you feel"]
        );
        assert_eq!(
            hits("sorry [that] you feel/felt", "sorry that you felt"),
            ["sorry that you felt"]
        );
        assert!(hits("sorry [that] you feel/felt", "sorry i felt").is_empty());
        assert_eq!(
            hits("you were @feel", "you were let down"),
            ["you were let down"]
        );
        assert_eq!(
            hits("(i am | we are) sorry", "we're sorry"),
            ["we are sorry"]
        );
    }

    #[test]
    fn suffixes_exceptions_and_any() {
        assert_eq!(hits("i *ed^needed", "i lied and i needed"), ["i lied"]);
        assert_eq!(hits("for *ing", "sorry for lying"), ["for lying"]);
        assert_eq!(hits("i _ you", "i hurt you"), ["i hurt you"]);
    }

    #[test]
    fn gaps_stay_inside_their_clause_or_sentence() {
        assert_eq!(
            hits("sorry ~3 but", "sorry i was late but"),
            ["sorry i was late but"]
        );
        assert!(hits("sorry ~3 but", "sorry, i was late but").is_empty());
        assert_eq!(hits("sorry ~~3 but", "sorry, i was late but").len(), 1);
        assert!(hits("sorry ~~3 but", "sorry. i was late but").is_empty());
        assert!(hits("sorry ~1 but", "sorry i was late but").is_empty());
    }

    #[test]
    fn boundaries_anchors_and_shown_part() {
        assert_eq!(hits("< relax >", "its a joke, relax"), ["relax"]);
        assert!(hits("< relax >", "i want you to relax").is_empty());
        assert_eq!(hits("sorry , but", "sorry, but"), ["sorry , but"]);
        // Gaps are lazy: the shortest match wins.
        assert_eq!(
            hits("sorry ~3 {but you ~2}", "sorry i did but you did too"),
            ["but you"]
        );
        assert_eq!(
            hits("sorry ~3 {but you ~2} too", "sorry i did but you did too"),
            ["but you did"]
        );
        assert_eq!(hits("moving on .", "sorry. moving on"), ["moving on"]);
    }

    #[test]
    fn bad_patterns_say_why() {
        let classes = classes(&[]).unwrap();
        assert!(parse("(a | b", &classes).unwrap_err().contains("unclosed"));
        assert!(
            parse("@nope", &classes)
                .unwrap_err()
                .contains("unknown class")
        );
        assert!(parse("a ~x", &classes).unwrap_err().contains("number"));
        assert!(parse("a ] b", &classes).is_err());
    }

    #[test]
    fn first_words_are_known_when_they_can_be() {
        let classes = classes(&[]).unwrap();
        let p = parse("[oh] sorry/apologies if", &classes).unwrap();
        let mut first = p.first_words().unwrap().to_vec();
        first.sort();
        assert_eq!(first, ["apologies", "oh", "sorry"]);
        assert!(parse("~2 sorry", &classes).unwrap().first_words().is_none());
        assert!(
            parse("*ing sorry", &classes)
                .unwrap()
                .first_words()
                .is_none()
        );
    }
}
