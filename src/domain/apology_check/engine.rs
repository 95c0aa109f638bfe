//! The engine: builds the patterns once, finds the candidate findings with their guards,
//! settles overlaps, and looks for the parts of an apology.
//!
//! The first check in a process pays for the build, so the build does only what every check
//! needs: the word classes, the parts of an apology and the reading's patterns. Where each
//! finding rule can start, and the words it cannot match without, come from a checked index
//! (`rules/index.txt`); a rule's pattern is parsed the first time its words occur in a text,
//! and its contexts (`not_before`, `not_after`, ...) the first time it matches.

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use super::matcher::{self, Hit, Pattern};
use super::normalise::Token;
use super::reading::Reading;
use super::rules;
use super::{Component, Finding, Kind};

pub(super) struct Rule {
    pub(super) kind: Kind,
    /// Parsed on first use (see `Rule::pattern`).
    pattern: OnceLock<Pattern>,
    pub(super) weak: bool,
    pub(super) guards: rules::Guards,
    /// Where the contexts come from, and the contexts once parsed.
    def: rules::RuleDef,
    contexts: OnceLock<Contexts>,
}

/// The contexts that set a rule's match aside (see `rules::RuleDef`).
pub(super) struct Contexts {
    pub(super) not_before: Vec<Pattern>,
    pub(super) not_after: Vec<Pattern>,
    pub(super) not_near: Vec<Pattern>,
    pub(super) not_inside: Vec<Pattern>,
    pub(super) needs_near: Option<Pattern>,
}

impl Rule {
    /// The rule's pattern, parsed on first use. Patterns are constants, and a unit test parses
    /// every one of them (`every_pattern_parses`).
    pub(super) fn pattern(&self, classes: &matcher::Classes) -> &Pattern {
        self.pattern.get_or_init(|| {
            matcher::parse(self.def.pattern, classes)
                .unwrap_or_else(|e| panic!("apology check pattern: {e}"))
        })
    }

    /// The rule's contexts, parsed on first use. They are constants, and a unit test parses
    /// every one of them (`every_pattern_parses`), as it does the rules themselves.
    pub(super) fn contexts(&self, classes: &matcher::Classes) -> &Contexts {
        self.contexts.get_or_init(|| {
            parse_contexts(&self.def, classes)
                .unwrap_or_else(|e| panic!("apology check context: {e}"))
        })
    }
}

pub(super) fn parse_contexts(
    def: &rules::RuleDef,
    classes: &matcher::Classes,
) -> Result<Contexts, String> {
    let all = |ps: &[&'static str]| {
        ps.iter()
            .map(|p| matcher::parse(p, classes))
            .collect::<Result<Vec<_>, _>>()
    };
    Ok(Contexts {
        not_before: all(&def.not_before)?,
        not_after: all(&def.not_after)?,
        not_near: all(&def.not_near)?,
        not_inside: all(&def.not_inside)?,
        needs_near: def
            .needs_near
            .map(|p| matcher::parse(p, classes))
            .transpose()?,
    })
}

pub(super) struct ComponentRule {
    pub(super) component: Component,
    pub(super) pattern: Pattern,
    pub(super) not_before: Option<Pattern>,
    pub(super) not_after: Option<Pattern>,
}

pub(super) struct Engine {
    pub(super) classes: matcher::Classes,
    pub(super) rules: Vec<Rule>,
    /// Rules by a word they cannot match without (`Pattern::required_words`); a rule is tried
    /// only when the text holds one of its words, or when it has none (`always`).
    by_required: HashMap<&'static str, Vec<usize>>,
    always: Vec<bool>,
    /// Rules by the words they can start with; `anywhere` for those that can start with any.
    pub(super) by_first: HashMap<&'static str, Vec<usize>>,
    pub(super) anywhere: Vec<usize>,
    pub(super) components: Vec<ComponentRule>,
    /// The openings of reported or quoted words ("I said", "you asked if").
    pub(super) frames: Vec<Pattern>,
    /// Words that take back what was just said ("…and that was a lie").
    pub(super) retraction: Pattern,
    /// Plain ownership near a hint of an excuse ("…that was me, and there's no excuse").
    pub(super) owned: Pattern,
    /// Words about wanting to die or to harm oneself, which are never a finding.
    pub(super) self_harm: Pattern,
}

/// Where each finding rule can start and the words it cannot match without, one line a rule
/// in order: `hash of the pattern and the word classes | first words | required words`, `*`
/// for "any" (see `Pattern::first_words` and `Pattern::required_words`). Written from the
/// parsed rules by `the_index_is_fresh`; a rule whose line's hash no longer matches is parsed
/// at build instead, so a stale index costs time, never a finding.
const INDEX: &str = include_str!("rules/index.txt");

fn fnv1a(seed: u64, text: &str) -> u64 {
    text.bytes().fold(seed, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// What a rule's index line stands for: its pattern and every word class (a class can change
/// what a pattern starts with), hashed.
fn classes_hash() -> u64 {
    rules::CLASSES
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |hash, (name, def)| {
            fnv1a(fnv1a(hash, name), def)
        })
}

type Words = Option<Vec<&'static str>>;

/// One index line for a parsed pattern.
#[cfg(test)]
fn index_line(classes: u64, source: &str, pattern: &Pattern) -> String {
    let words = |w: Option<&[&str]>| w.map_or("*".to_string(), |w| w.join(" "));
    format!(
        "{:016x} | {} | {}",
        fnv1a(classes, source),
        words(pattern.first_words()),
        words(pattern.required_words().as_deref())
    )
}

/// The index's lines: hash, first words, required words.
fn index() -> Vec<(u64, Words, Words)> {
    let words = |w: &'static str| (w != "*").then(|| w.split_whitespace().collect::<Vec<_>>());
    INDEX
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut parts = l.splitn(3, " | ");
            let hash = u64::from_str_radix(parts.next()?, 16).ok()?;
            Some((
                hash,
                words(parts.next()?.trim()),
                words(parts.next()?.trim()),
            ))
        })
        .collect()
}

pub(super) fn build() -> Result<Engine, String> {
    let classes = matcher::classes(rules::CLASSES)?;
    let parse = |p: &'static str| matcher::parse(p, &classes);
    let index = index();
    let classes_hash = classes_hash();
    let mut built = Vec::new();
    let mut starts: Vec<(Words, Words)> = Vec::new();
    for (i, def) in rules::finding_rules().into_iter().enumerate() {
        let pattern = OnceLock::new();
        match index.get(i) {
            Some((hash, first, required)) if *hash == fnv1a(classes_hash, def.pattern) => {
                starts.push((first.clone(), required.clone()));
            }
            _ => {
                let parsed = parse(def.pattern)?;
                starts.push((
                    parsed.first_words().map(<[_]>::to_vec),
                    parsed.required_words(),
                ));
                let _ = pattern.set(parsed);
            }
        }
        built.push(Rule {
            kind: def.kind,
            pattern,
            weak: def.weak,
            guards: def.guards,
            def,
            contexts: OnceLock::new(),
        });
    }
    let mut by_required: HashMap<&'static str, Vec<usize>> = HashMap::new();
    let mut always = vec![false; built.len()];
    for (i, (_, required)) in starts.iter().enumerate() {
        match required {
            Some(words) => {
                for w in words {
                    let list = by_required.entry(w).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
            None => always[i] = true,
        }
    }
    let mut by_first: HashMap<&'static str, Vec<usize>> = HashMap::new();
    let mut anywhere = Vec::new();
    for (i, (first, _)) in starts.iter().enumerate() {
        match first {
            Some(words) => {
                for w in words {
                    let list = by_first.entry(w).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
            None => anywhere.push(i),
        }
    }
    let optional = |p: &'static str| {
        if p.is_empty() {
            Ok(None)
        } else {
            parse(p).map(Some)
        }
    };
    let mut components = Vec::new();
    for def in rules::component_rules() {
        components.push(ComponentRule {
            component: def.component,
            pattern: parse(def.pattern)?,
            not_before: optional(def.not_before)?,
            not_after: optional(def.not_after)?,
        });
    }
    let engine = Engine {
        rules: built,
        by_required,
        always,
        by_first,
        anywhere,
        components,
        frames: vec![
            parse("@frame_i")?,
            parse("@frame_other")?,
            parse("@frame_and")?,
        ],
        retraction: parse("~~12 [.] (< | and/but/which/because/when) [,] @retraction")?,
        owned: parse(rules::OWNED)?,
        self_harm: parse(rules::SELF_HARM)?,
        classes,
    };
    Ok(engine)
}

// The patterns are constants in `rules/`; a unit test builds every one of them.
pub(super) static ENGINE: LazyLock<Engine> =
    LazyLock::new(|| build().unwrap_or_else(|e| panic!("apology check pattern: {e}")));

/// A finding before overlaps are settled: token span, kind, strength.
#[derive(Clone)]
pub(super) struct Candidate {
    pub(super) kind: Kind,
    weak: bool,
    /// Counts only when nothing in the apology is owned.
    pub(super) only_unowned: bool,
    /// A light word, set aside in a complete apology (see `rules::Guards::light`).
    pub(super) light: bool,
    pub(super) hit: Hit,
}

pub(super) fn candidates(engine: &Engine, reading: &Reading) -> Vec<Candidate> {
    candidates_explained(engine, reading, &mut |_| {})
}

/// The candidates, telling `note` about every match a guard or a context set aside.
pub(super) fn candidates_explained(
    engine: &Engine,
    reading: &Reading,
    note: &mut dyn FnMut(String),
) -> Vec<Candidate> {
    let toks = reading.toks;
    // Which rules the text's words allow at all.
    let mut possible = engine.always.clone();
    for t in toks.iter().filter(|t| t.is_word()) {
        if let Some(rules) = engine.by_required.get(t.word.as_str()) {
            for &r in rules {
                possible[r] = true;
            }
        }
    }
    let mut out = Vec::new();
    for i in 0..toks.len() {
        if !toks[i].is_word() {
            continue;
        }
        let listed = engine.by_first.get(toks[i].word.as_str());
        let rules = listed.into_iter().flatten().chain(engine.anywhere.iter());
        for &r in rules {
            if !possible[r] {
                continue;
            }
            let rule = &engine.rules[r];
            let Some(hit) = rule.pattern(&engine.classes).at(toks, i) else {
                continue;
            };
            let words = || {
                toks[hit.start..hit.end]
                    .iter()
                    .map(|t| t.word.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let ctx = || rule.contexts(&engine.classes);
            let set_aside = if rule.guards.frame && reading.framed(engine, &hit) {
                Some("reported, quoted or taken back")
            } else if rule.guards.negation && reading.negated(hit.start) {
                Some("negated")
            } else if rule.guards.owned && reading.owned_elsewhere(&hit) {
                Some("owned elsewhere")
            } else if ctx()
                .not_before
                .iter()
                .any(|p| reading.before(p, hit.start))
            {
                Some("not_before")
            } else if ctx()
                .not_after
                .iter()
                .any(|p| p.at(toks, hit.end).is_some())
            {
                Some("not_after")
            } else if ctx().not_near.iter().any(|p| reading.near(p, &hit)) {
                Some("not_near")
            } else if ctx()
                .needs_near
                .as_ref()
                .is_some_and(|p| !reading.near_including(p, &hit))
            {
                Some("nothing it needs nearby")
            } else if ctx().not_inside.iter().any(|p| {
                (hit.start..hit.end).any(|i| p.may_start(&toks[i]) && p.at(toks, i).is_some())
            }) {
                Some("not_inside")
            } else {
                None
            };
            if let Some(why) = set_aside {
                note(format!(
                    "{:?} rule {r} \"{}\": set aside ({why})",
                    rule.kind,
                    words()
                ));
                continue;
            }
            note(format!("{:?} rule {r} \"{}\"", rule.kind, words()));
            out.push(Candidate {
                kind: rule.kind,
                weak: rule.weak,
                only_unowned: rule.guards.unowned,
                light: rule.guards.light,
                hit,
            });
        }
    }
    out
}

/// How far an excerpt reaches past the match: to the end of the clause, at most this many
/// more words.
const EXCERPT_EXTRA_WORDS: usize = 5;
const EXCERPT_MAX_EXTRA_BYTES: usize = 80;

/// The quoted words and the rest of their clause, stopping before `limit` (where the next
/// finding starts).
pub(super) fn excerpt(text: &str, start: usize, end: usize, limit: usize) -> String {
    let rest = &text[end..limit.max(end)];
    let mut stop = rest.len();
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in rest.char_indices() {
        // A long run with no space or punctuation (pasted data) ends the excerpt too.
        if i > EXCERPT_MAX_EXTRA_BYTES {
            stop = i;
            break;
        }
        if matches!(
            c,
            '.' | '!' | '?' | ';' | ',' | ':' | '\n' | '"' | '\u{201d}'
        ) {
            stop = i;
            break;
        }
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == EXCERPT_EXTRA_WORDS {
                    stop = i;
                    break;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    let text = format!("{}{}", &text[start..end], &rest[..stop]);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The findings and the token span each one covers, up to the end of its clause.
pub(super) fn settle(
    text: &str,
    toks: &[Token],
    mut found: Vec<Candidate>,
) -> Vec<(Finding, usize, usize)> {
    // Strong rules before weak ones, then by position, longer first: where several patterns
    // agree on the same words, the first of these is the one reported.
    found.sort_by_key(|c| (c.weak, c.hit.show_start, std::cmp::Reverse(c.hit.show_end)));
    // Kept spans, by start; they never overlap, so the one starting last before a span's end
    // is the only one that can overlap it.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut kept: Vec<&Candidate> = Vec::new();
    for c in &found {
        let (start, end) = (c.hit.show_start, c.hit.show_end.max(c.hit.show_start + 1));
        let overlaps = taken
            .range(..end)
            .next_back()
            .is_some_and(|(_, kept_end)| *kept_end > start);
        if !overlaps {
            taken.insert(start, end);
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| (c.hit.show_start, c.kind));
    let mut out: Vec<(Finding, usize, usize)> = Vec::new();
    let mut seen: std::collections::HashSet<(Kind, String)> = std::collections::HashSet::new();
    for (n, c) in kept.iter().enumerate() {
        let first = &toks[c.hit.show_start];
        let last = &toks[c.hit.show_end.max(c.hit.show_start + 1) - 1];
        let (start, end) = (first.start, last.end.max(first.start));
        let limit = kept
            .get(n + 1)
            .map_or(text.len(), |next| toks[next.hit.show_start].start.max(end));
        let excerpt = excerpt(text, start, end, limit);
        if excerpt.is_empty() || !seen.insert((c.kind, excerpt.clone())) {
            continue;
        }
        let clause_end = (c.hit.end..toks.len())
            .find(|i| !toks[*i].is_word())
            .unwrap_or(toks.len());
        out.push((
            Finding {
                kind: c.kind,
                excerpt,
                start,
                end,
                learned: false,
            },
            c.hit.start,
            clause_end,
        ));
    }
    out
}

/// Whether `at` falls in one of the spans, which are sorted by start and do not overlap much.
fn inside(spans: &[(usize, usize)], at: usize) -> bool {
    let after = spans.partition_point(|(from, _)| *from <= at);
    spans[..after]
        .iter()
        .rev()
        .take(4)
        .any(|(from, to)| at >= *from && at < *to)
}

/// Where each part of an apology shows in the text: the part and the token its words start
/// at, every place, found once per text.
pub(super) fn component_hits(engine: &Engine, toks: &[Token]) -> Vec<(Component, usize)> {
    let mut out = Vec::new();
    for c in &engine.components {
        for i in 0..toks.len() {
            if !c.pattern.may_start(&toks[i]) {
                continue;
            }
            let Some(hit) = c.pattern.at(toks, i) else {
                continue;
            };
            if c.not_before.as_ref().is_some_and(|p| {
                (hit.start.saturating_sub(8)..hit.start)
                    .any(|b| p.at_where(toks, b, |end| end == hit.start).is_some())
            }) {
                continue;
            }
            if c.not_after
                .as_ref()
                .is_some_and(|p| p.at(toks, hit.end).is_some())
            {
                continue;
            }
            out.push((c.component, hit.start));
        }
    }
    out
}

/// Whether a part shows among `hits` (`component_hits`). What a non-apology says about the act
/// does not own it ("sorry if what I said hurt you"): responsibility inside a finding's scope
/// does not count.
pub(super) fn component_present(
    hits: &[(Component, usize)],
    component: Component,
    inside_findings: &[(usize, usize)],
) -> bool {
    hits.iter().any(|(c, start)| {
        *c == component
            && (component != Component::Responsibility || !inside(inside_findings, *start))
    })
}

/// The index (`rules/index.txt`) says what the rules say. After changing a rule, write it again
/// with `APOLOGY_WRITE_INDEX=1 cargo test --lib apology_check::engine::the_index_is_fresh`.
#[test]
fn the_index_is_fresh() {
    let classes = matcher::classes(rules::CLASSES).unwrap_or_else(|e| panic!("{e}"));
    let lines: Vec<String> = rules::finding_rules()
        .iter()
        .map(|def| {
            let pattern = matcher::parse(def.pattern, &classes).unwrap_or_else(|e| panic!("{e}"));
            index_line(classes_hash(), def.pattern, &pattern)
        })
        .collect();
    let wanted = format!(
        "# Where each finding rule of the apology check can start, and words it cannot match\n\
         # without: hash of the pattern and classes | first words | required words (* for any). By\n\
         # APOLOGY_WRITE_INDEX=1 cargo test --lib apology_check::engine::the_index_is_fresh\n{}\n",
        lines.join("\n")
    );
    if std::env::var_os("APOLOGY_WRITE_INDEX").is_some() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/domain/apology_check/rules/index.txt"
        );
        if let Err(e) = std::fs::write(path, &wanted) {
            panic!("{path}: {e}");
        }
        return;
    }
    assert!(
        INDEX == wanted,
        "rules/index.txt is stale: run APOLOGY_WRITE_INDEX=1 cargo test --lib \
         apology_check::engine::the_index_is_fresh"
    );
    // The index as read gives every rule its words.
    let index = index();
    assert_eq!(index.len(), lines.len());
}
