//! The apology check: finds the turns of phrase that make an apology land as a non-apology,
//! and notices when one of the parts that matter most is missing.
//!
//! Research on apologies (Lewicki, Polin & Lount, 2016) ranks acknowledging responsibility
//! and offering repair highest, regret, explanation and repentance next, and a request for
//! forgiveness last. The check looks for the opposite moves: an "if" that doubts the hurt,
//! sorrow about the other's feelings or about being found out instead of one's act, blame
//! handed back, shrinking words, arguing over what to call it, excuses, sentences with no one
//! in them, brushing off, hurrying to be done, saying it lightly, and turning the apology to
//! one's own pain.
//!
//! How it reads a draft, in three steps:
//!
//! 1. `normalise` turns the text into words the way people write them: lower case,
//!    apostrophes out, contractions and texting spellings written out ("dont", "don't" and
//!    "do not" read the same; "im", "ur", "u", "bc", "wont", "ill" are understood), stretched
//!    letters cut back, and sentence and clause boundaries kept. Each word remembers the bytes
//!    it came from, so findings quote the writer's own words. The spellings are a data file,
//!    `apology_check/spellings.txt`.
//! 2. `rules` holds the patterns, written in `matcher`'s small notation over those words
//!    (`sorry [that] @you feel/felt`), with the contexts that make the same words a genuine
//!    use ("I understand if you…", "…and I know I'm the reason"). Around every rule the engine
//!    below also leaves alone:
//!    - words the writer is reporting or taking back ("I said you were overreacting, and you
//!      weren't", "I made you feel like you were crazy", "I lied and said it was just once",
//!      "you asked if…"), and words in quotation marks;
//!    - for the kinds where a "not" turns the meaning round, words that are negated or
//!      declined ("I won't ask you to move on", "you weren't overreacting");
//!    - for the kinds that are only a hint on their own (an explanation, a passive, being sorry
//!      it came out, being sorry about their feelings), an apology that plainly owns the act
//!      somewhere else ("…that was me, and there's no excuse");
//!    - a light word ("lol", "my bad") in an apology that owns the act and offers repair.
//! 3. Overlapping findings are settled: where several patterns agree on the same words, the
//!    most specific one is reported, once (a broad "sorry … but you…" backstop gives way to any
//!    other); the same kind and excerpt is never reported twice. The parts an apology needs
//!    (responsibility, repair, regret) are looked for in their common forms: "I'm the one
//!    who…", "because of me", "for lying to you", "that was a lie", repair already done ("I've
//!    deleted the app"), offers to listen, questions about what would help. What a finding's
//!    own clause says about the act does not count as owning it ("sorry if what I said hurt
//!    you").
//!
//! Precision on genuine apologies matters most (`apology add` will refuse to save a
//! flag-given apology with findings), so a pattern that a sincere writer could use in another
//! sense is either narrowed or given the context that tells the two apart; `table.rs` keeps a
//! list of such genuine lines as a regression test.
//!
//! Why no NLP crate: `unicode-segmentation` (well kept) splits words and sentences by Unicode
//! rules, but those rules deliberately keep a sentence going after a full stop followed by a
//! lower-case letter, which is how most texts are written, and every word the patterns look
//! for is plain ASCII English; `contractions` (last released 2021) expands by running about a
//! hundred regular expressions in turn, loses the link to the original bytes and does not know
//! the apostrophe-less forms that matter most here; stemmers (`rust-stemmers`, 2019) blur the
//! tense that separates "I lied" from "I'll never lie"; `nlprule` needs downloaded rule files.
//! The normaliser here is a few hundred lines with a data file, exact about offsets, and fast.
//!
//! Speed: the patterns are parsed, not compiled into automata (the regular expressions of the
//! first version took about 75 ms to build), and each pattern is tried only where its first
//! word occurs. In a release build on a shared two-core machine, building every pattern takes
//! about 3 ms, the first check in a process about 5 to 9 ms in all, and each apology after that
//! about 0.1 ms; `cargo test --release --lib apology_check::eval::speed -- --nocapture` prints
//! the numbers. Matching backtracks only inside a few words (every gap is bounded), so no input
//! can make it slow: 100 kB of text is checked in well under a second.
//!
//! How well it does: `apology_check/eval.rs` measures it on a table of several hundred
//! apologies and non-apologies written the way people text and talk, split once into a part
//! used for tuning and a part held out from it, and holds both to the targets.

mod matcher;
mod normalise;
mod rules;

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

use matcher::{Hit, Pattern};
use normalise::{Tok, Token};

/// The kinds of non-apology pattern, with their ids in `--json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Conditional,
    TheirFeelings,
    BlameShifting,
    Minimizing,
    Justifying,
    PassiveVoice,
    Dismissing,
    DemandingClosure,
    FoundOut,
    Denying,
    Flippant,
    SelfFocus,
}

impl Kind {
    pub const ALL: [Kind; 12] = [
        Kind::Conditional,
        Kind::TheirFeelings,
        Kind::BlameShifting,
        Kind::Minimizing,
        Kind::Justifying,
        Kind::PassiveVoice,
        Kind::Dismissing,
        Kind::DemandingClosure,
        Kind::FoundOut,
        Kind::Denying,
        Kind::Flippant,
        Kind::SelfFocus,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Kind::Conditional => "conditional",
            Kind::TheirFeelings => "their-feelings",
            Kind::BlameShifting => "blame-shifting",
            Kind::Minimizing => "minimizing",
            Kind::Justifying => "justifying",
            Kind::PassiveVoice => "passive-voice",
            Kind::Dismissing => "dismissing",
            Kind::DemandingClosure => "demanding-closure",
            Kind::FoundOut => "found-out",
            Kind::Denying => "denying",
            Kind::Flippant => "flippant",
            Kind::SelfFocus => "self-focus",
        }
    }

    /// A short name for human output.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Conditional => "A conditional apology",
            Kind::TheirFeelings => "Sorry about their feelings",
            Kind::BlameShifting => "Blame handed back",
            Kind::Minimizing => "Making it smaller",
            Kind::Justifying => "An excuse",
            Kind::PassiveVoice => "No one did it",
            Kind::Dismissing => "Brushing their feelings off",
            Kind::DemandingClosure => "Hurrying them to be done",
            Kind::FoundOut => "Sorry it came out",
            Kind::Denying => "Arguing over what to call it",
            Kind::Flippant => "Said lightly, or with an edge",
            Kind::SelfFocus => "Turning to your own pain",
        }
    }

    /// Why this hurts, in a sentence or two.
    pub fn why(self) -> &'static str {
        match self {
            Kind::Conditional => {
                "An \"if\" or a \"may have\" makes the hurt sound like a maybe. Your partner \
                 knows it happened, and a maybe asks them to prove it."
            }
            Kind::TheirFeelings => {
                "Being sorry about how your partner feels points at their reaction instead of \
                 at what you did, so it can sound like the problem is them."
            }
            Kind::BlameShifting => {
                "When an apology points back at your partner, even a little, it arrives with a \
                 bill attached, and that is usually all they hear."
            }
            Kind::Minimizing => {
                "Words that shrink what happened tell your partner they are feeling too much. \
                 They feel it at its real size, and they need you to see that size too."
            }
            Kind::Justifying => {
                "A reason given in the middle of an apology sounds like an excuse, even when \
                 it is true, and it takes the weight off your choice."
            }
            Kind::PassiveVoice => {
                "In this sentence nobody does anything, so the person who did it quietly \
                 disappears. Your partner needs to see you in it."
            }
            Kind::Dismissing => {
                "Calling their reaction too much asks your partner to doubt their own \
                 feelings, right when they need you to take them seriously."
            }
            Kind::DemandingClosure => {
                "Healing keeps your partner's time, not yours. Pressing for it to be over can \
                 open the wound again."
            }
            Kind::FoundOut => {
                "Being sorry that it came out, or about how your partner found out, sounds as \
                 if the regret is about being caught rather than about what you did."
            }
            Kind::Denying => {
                "Arguing over the word for it (not technically a lie, not really cheating) \
                 asks your partner to debate the facts, when what they need is for you to face \
                 them."
            }
            Kind::Flippant => {
                "A joke, a shrug or a sharp edge next to \"sorry\" tells your partner this \
                 weighs less on you than on them, and the edge is what they will remember."
            }
            Kind::SelfFocus => {
                "Your own pain is real. Inside an apology, though, it asks your partner to \
                 look after you while they are the one hurting, and the apology gets lost."
            }
        }
    }

    /// What to try instead.
    pub fn suggestion(self) -> &'static str {
        match self {
            Kind::Conditional => "Let go of the hedge and name what you did: \"I'm sorry I …\".",
            Kind::TheirFeelings => {
                "Apologise for your own action (\"I'm sorry I …\"), then say how you think it \
                 affected them."
            }
            Kind::BlameShifting => {
                "Keep this apology about your choices. If something they did weighs on you, it \
                 deserves its own conversation on another day."
            }
            Kind::Minimizing => {
                "Say plainly what happened, without softening words like \"just\" or \"only\"."
            }
            Kind::Justifying => {
                "Own the choice first. If your partner wants to understand why, they can ask, \
                 and you can explain then."
            }
            Kind::PassiveVoice => {
                "Put yourself in the sentence: \"I lied to you\", \"I said things that hurt \
                 you\"."
            }
            Kind::Dismissing => {
                "Let their feelings be as big as they are. You might say: \"I can see how much \
                 this hurt you.\""
            }
            Kind::DemandingClosure => {
                "Leave the pace to them. You might say: \"Take all the time you need; I'll keep \
                 showing up.\""
            }
            Kind::FoundOut => {
                "Say sorry for the thing itself: \"I'm sorry I …\". If you wish they had heard \
                 it from you, say that you should have told them."
            }
            Kind::Denying => {
                "Name it the way your partner lived it: \"I lied to you\", \"I broke your \
                 trust\"."
            }
            Kind::Flippant => {
                "Slow down and say it plainly, as seriously as it landed: \"I'm sorry I …\"."
            }
            Kind::SelfFocus => {
                "Keep this apology on them and on what you did, and take your own pain to a \
                 friend or a counsellor. If you are struggling badly, please reach out to \
                 someone you trust or a crisis line today."
            }
        }
    }
}

/// The parts of an apology that matter most, which the check notices when absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Component {
    Responsibility,
    Repair,
    Regret,
}

impl Component {
    pub fn id(self) -> &'static str {
        match self {
            Component::Responsibility => "responsibility",
            Component::Repair => "repair",
            Component::Regret => "regret",
        }
    }

    /// A gentle line about adding the part.
    pub fn hint(self) -> &'static str {
        match self {
            Component::Responsibility => {
                "Responsibility: say plainly what you did, with yourself as the one who did it."
            }
            Component::Repair => {
                "Repair: offer something concrete you will do differently, or ask what would \
                 help."
            }
            Component::Regret => "Regret: let them hear that you are sorry, in your own words.",
        }
    }
}

/// One place where a draft slips into a non-apology.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: Kind,
    /// The words that set it off, with the rest of their clause (a few words at most).
    pub excerpt: String,
    /// Byte offsets of the quoted words in the checked text.
    pub start: usize,
    pub end: usize,
}

impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut s = serializer.serialize_struct("Finding", 4)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("excerpt", &self.excerpt)?;
        s.serialize_field("why", self.kind.why())?;
        s.serialize_field("suggestion", self.kind.suggestion())?;
        s.end()
    }
}

/// Everything the check found in one text: the `--json` shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub missing: Vec<Component>,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty() && self.missing.is_empty()
    }
}

struct Rule {
    kind: Kind,
    pattern: Pattern,
    not_before: Vec<Pattern>,
    not_after: Vec<Pattern>,
    not_near: Vec<Pattern>,
    not_inside: Vec<Pattern>,
    needs_near: Option<Pattern>,
    weak: bool,
    guards: rules::Guards,
}

struct ComponentRule {
    component: Component,
    pattern: Pattern,
    not_before: Option<Pattern>,
    not_after: Option<Pattern>,
}

struct Engine {
    rules: Vec<Rule>,
    /// Rules by the words they can start with; `anywhere` for those that can start with any.
    by_first: HashMap<&'static str, Vec<usize>>,
    anywhere: Vec<usize>,
    components: Vec<ComponentRule>,
    /// The openings of reported or quoted words ("I said", "you asked if").
    frames: Vec<Pattern>,
    /// Words that take back what was just said ("…and that was a lie").
    retraction: Pattern,
    /// Plain ownership near a hint of an excuse ("…that was me, and there's no excuse").
    owned: Pattern,
}

fn build() -> Result<Engine, String> {
    let classes = matcher::classes(rules::CLASSES)?;
    // Several rules share a context pattern; each is parsed once.
    let cache: std::cell::RefCell<HashMap<&'static str, Pattern>> = Default::default();
    let parse = |p: &'static str| -> Result<Pattern, String> {
        if let Some(found) = cache.borrow().get(p) {
            return Ok(found.clone());
        }
        let parsed = matcher::parse(p, &classes)?;
        cache.borrow_mut().insert(p, parsed.clone());
        Ok(parsed)
    };
    let parse_all =
        |ps: &[&'static str]| ps.iter().map(|p| parse(p)).collect::<Result<Vec<_>, _>>();
    let mut built = Vec::new();
    for def in rules::finding_rules() {
        built.push(Rule {
            kind: def.kind,
            pattern: parse(def.pattern)?,
            not_before: parse_all(&def.not_before)?,
            not_after: parse_all(&def.not_after)?,
            not_near: parse_all(&def.not_near)?,
            not_inside: parse_all(&def.not_inside)?,
            needs_near: def.needs_near.map(parse).transpose()?,
            weak: def.weak,
            guards: def.guards,
        });
    }
    let mut by_first: HashMap<&'static str, Vec<usize>> = HashMap::new();
    let mut anywhere = Vec::new();
    for (i, rule) in built.iter().enumerate() {
        match rule.pattern.first_words() {
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
    Ok(Engine {
        rules: built,
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
    })
}

// The patterns are constants in `rules.rs`; a unit test builds every one of them.
static ENGINE: LazyLock<Engine> =
    LazyLock::new(|| build().unwrap_or_else(|e| panic!("apology check pattern: {e}")));

/// Words that turn round what follows them in the same clause.
const NEGATORS: &[&str] = &[
    "not", "never", "no", "nobody", "nothing", "without", "instead", "stop", "quit", "refuse",
    "none", "neither", "nor",
];

/// Words that start a new clause for the purpose of negation ("I'm not saying it's your
/// fault, but you…": the "not" does not reach past "but").
const CLAUSE_WORDS: &[&str] = &[
    "but", "so", "because", "though", "although", "if", "when", "then", "yet",
];

/// Words after which reported speech is over.
const SCOPE_BREAKS: &[&str] = &[
    "but", "yet", "though", "although", "however", "anyway", "so",
];

/// What the engine knows about one text.
struct Reading<'t> {
    toks: &'t [Token],
    /// Sentence number of each token.
    sentence: Vec<usize>,
    /// Whether each token sits between a pair of quotation marks.
    quoted: Vec<bool>,
    /// Token positions where a frame (reported words) ends, sorted.
    frame_ends: Vec<usize>,
    /// Where plain ownership ("that was me", "no excuse") starts, in order.
    owned: Vec<usize>,
}

impl<'t> Reading<'t> {
    fn new(engine: &Engine, toks: &'t [Token]) -> Self {
        let mut sentence = Vec::with_capacity(toks.len());
        let mut n = 0;
        for t in toks {
            sentence.push(n);
            if t.tok == Tok::Sentence {
                n += 1;
            }
        }
        let mut quoted = vec![false; toks.len()];
        let quotes: Vec<usize> = (0..toks.len())
            .filter(|i| toks[*i].tok == Tok::Quote)
            .collect();
        for pair in quotes.chunks(2) {
            if let [open, close] = pair {
                for q in &mut quoted[*open..*close] {
                    *q = true;
                }
            }
        }
        let mut frame_ends = Vec::new();
        for i in 0..toks.len() {
            if !toks[i].is_word() {
                continue;
            }
            // "Like I said" and "as I said" repeat the words; they do not report them.
            let repeats = i > 0 && matches!(toks[i - 1].word.as_str(), "like" | "as");
            for frame in &engine.frames {
                if !frame.may_start(&toks[i]) {
                    continue;
                }
                if let Some(hit) = frame.at(toks, i)
                    && !(repeats && toks[i].word == "i")
                {
                    frame_ends.push(hit.end);
                }
            }
        }
        frame_ends.sort_unstable();
        let owned = (0..toks.len())
            .filter(|i| engine.owned.may_start(&toks[*i]))
            .filter_map(|i| engine.owned.at(toks, i))
            .map(|hit| hit.start)
            .collect();
        Reading {
            toks,
            sentence,
            quoted,
            frame_ends,
            owned,
        }
    }

    fn sentence_of(&self, i: usize) -> usize {
        self.sentence
            .get(i)
            .or(self.sentence.last())
            .copied()
            .unwrap_or(0)
    }

    /// Reported, quoted or taken back: "I said you were…", "\"calm down\"", "…and that was a
    /// lie".
    fn framed(&self, engine: &Engine, hit: &Hit) -> bool {
        if self.quoted.get(hit.start).copied().unwrap_or(false) {
            return true;
        }
        // A report reaches to the end of its sentence, at most fifteen words, and not past a
        // "but" or a "because" ("I said those things, but you started it" is not reported).
        let breaks = |i: usize| {
            let t = &self.toks[i];
            let next = self.toks.get(i + 1).map_or("", |n| n.word.as_str());
            t.tok == Tok::Sentence
                || SCOPE_BREAKS.contains(&t.word.as_str())
                // "…because you…" hands the blame back; "…because nothing happened" is still
                // what was said.
                || (t.word == "because" && matches!(next, "you" | "u"))
        };
        let first = self.frame_ends.partition_point(|end| *end + 15 < hit.start);
        // "I said sorry" reports one word: what follows is the writer speaking now.
        let said_sorry = |end: usize| {
            let word = |i: usize| self.toks.get(i).map_or("", |t| t.word.as_str());
            (word(end) == "sorry" || (word(end) == "i" && word(end + 2) == "sorry"))
                && hit.start > end + 1
        };
        let reported = self.frame_ends[first..]
            .iter()
            .take_while(|end| **end <= hit.start)
            .any(|&end| !said_sorry(end) && !(end.saturating_sub(1)..=hit.start).any(breaks));
        reported || engine.retraction.at(self.toks, hit.end).is_some()
    }

    /// A "not" or "never" earlier in the same clause, a few words back.
    fn negated(&self, start: usize) -> bool {
        // A clause of its own: "…but you…", "…what was I supposed to do".
        let first = self.toks[start].word.as_str();
        if CLAUSE_WORDS.contains(&first) || matches!(first, "what" | "why" | "how" | "who") {
            return false;
        }
        let mut i = start;
        let mut seen = 0;
        // Six words back, and a few more across an "or" or "and" ("I won't ask you to get
        // over it or to let it go").
        let mut reach = 6;
        while i > 0 && seen < reach {
            i -= 1;
            let t = &self.toks[i];
            if !t.is_word() || CLAUSE_WORDS.contains(&t.word.as_str()) {
                return false;
            }
            // "I can't believe…" and "not gonna lie" turn nothing round.
            let word_at = |j: usize| self.toks.get(j).map_or("", |t| t.word.as_str());
            let figure_of_speech = (t.word == "not" && word_at(i + 1) == "believe")
                || (t.word == "not"
                    && word_at(i + 1) == "going"
                    && word_at(i + 2) == "to"
                    && word_at(i + 3) == "lie");
            let no_idea = t.word == "no"
                && matches!(
                    self.toks.get(i + 1).map(|t| t.word.as_str()),
                    Some("idea" | "clue" | "doubt" | "matter" | "way")
                );
            if NEGATORS.contains(&t.word.as_str()) && !figure_of_speech && !no_idea {
                return true;
            }
            if matches!(t.word.as_str(), "or" | "and" | "nor") {
                reach += 5;
            }
            seen += 1;
        }
        false
    }

    fn before(&self, pattern: &Pattern, start: usize) -> bool {
        (start.saturating_sub(12)..start).any(|b| {
            pattern.may_start(&self.toks[b])
                && pattern.at_where(self.toks, b, |end| end == start).is_some()
        })
    }

    /// The pattern anywhere from the start of this sentence to the end of the next.
    fn near(&self, pattern: &Pattern, hit: &Hit) -> bool {
        let s = self.sentence_of(hit.start);
        let from = (0..hit.start)
            .rev()
            .find(|i| self.sentence[*i] < s)
            .map_or(0, |i| i + 1);
        let to = (hit.start..self.toks.len())
            .find(|i| self.sentence[*i] > s + 1)
            .unwrap_or(self.toks.len());
        self.within(pattern, hit, from, to)
    }

    /// The pattern anywhere from the start of this sentence to the end of the next, the match
    /// itself included.
    fn near_including(&self, pattern: &Pattern, hit: &Hit) -> bool {
        let s = self.sentence_of(hit.start);
        let from = (0..hit.start)
            .rev()
            .find(|i| self.sentence[*i] < s)
            .map_or(0, |i| i + 1);
        let to = (hit.start..self.toks.len())
            .find(|i| self.sentence[*i] > s + 1)
            .unwrap_or(self.toks.len());
        (from..to).any(|p| {
            pattern.may_start(&self.toks[p])
                && pattern.at_where(self.toks, p, |end| end <= to).is_some()
        })
    }

    /// Plain ownership anywhere in the text outside the matched clause.
    fn owned_elsewhere(&self, hit: &Hit) -> bool {
        let clause_end = self.clause_end(hit);
        // Positions are in order: something outside the clause is first or last.
        self.owned.first().is_some_and(|p| *p < hit.start)
            || self.owned.last().is_some_and(|p| *p >= clause_end)
    }

    /// Where the matched clause ends: a boundary, or a word that starts another clause.
    fn clause_end(&self, hit: &Hit) -> usize {
        (hit.end..self.toks.len())
            .find(|i| {
                let t = &self.toks[*i];
                !t.is_word()
                    || matches!(t.word.as_str(), "and" | "but" | "because" | "so" | "since")
            })
            .unwrap_or(self.toks.len())
    }

    fn within(&self, pattern: &Pattern, hit: &Hit, from: usize, to: usize) -> bool {
        // Not inside the matched clause itself: in "sorry you feel that I betrayed you" the
        // "I betrayed you" is what they feel, not what the writer owns.
        let clause_end = self.clause_end(hit);
        (from..to)
            .filter(|p| !(hit.start..clause_end).contains(p))
            .any(|p| {
                pattern.may_start(&self.toks[p])
                    && pattern.at_where(self.toks, p, |end| end <= to).is_some()
            })
    }
}

/// A finding before overlaps are settled: token span, kind, strength.
struct Candidate {
    kind: Kind,
    weak: bool,
    hit: Hit,
}

fn candidates(engine: &Engine, reading: &Reading) -> Vec<Candidate> {
    candidates_explained(engine, reading, &mut |_| {})
}

/// The candidates, telling `note` about every match a guard or a context set aside.
fn candidates_explained(
    engine: &Engine,
    reading: &Reading,
    note: &mut dyn FnMut(String),
) -> Vec<Candidate> {
    let toks = reading.toks;
    let mut out = Vec::new();
    for i in 0..toks.len() {
        if !toks[i].is_word() {
            continue;
        }
        let listed = engine.by_first.get(toks[i].word.as_str());
        let rules = listed.into_iter().flatten().chain(engine.anywhere.iter());
        for &r in rules {
            let rule = &engine.rules[r];
            let Some(hit) = rule.pattern.at(toks, i) else {
                continue;
            };
            let words = || {
                toks[hit.start..hit.end]
                    .iter()
                    .map(|t| t.word.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let set_aside = if rule.guards.frame && reading.framed(engine, &hit) {
                Some("reported, quoted or taken back")
            } else if rule.guards.negation && reading.negated(hit.start) {
                Some("negated")
            } else if rule.guards.owned && reading.owned_elsewhere(&hit) {
                Some("owned elsewhere")
            } else if rule.not_before.iter().any(|p| reading.before(p, hit.start)) {
                Some("not_before")
            } else if rule.not_after.iter().any(|p| p.at(toks, hit.end).is_some()) {
                Some("not_after")
            } else if rule.not_near.iter().any(|p| reading.near(p, &hit)) {
                Some("not_near")
            } else if rule
                .needs_near
                .as_ref()
                .is_some_and(|p| !reading.near_including(p, &hit))
            {
                Some("nothing it needs nearby")
            } else if rule.not_inside.iter().any(|p| {
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
fn excerpt(text: &str, start: usize, end: usize, limit: usize) -> String {
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
fn settle(text: &str, toks: &[Token], mut found: Vec<Candidate>) -> Vec<(Finding, usize, usize)> {
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

fn component_present(
    engine: &Engine,
    toks: &[Token],
    component: Component,
    inside_findings: &[(usize, usize)],
) -> bool {
    engine
        .components
        .iter()
        .filter(|c| c.component == component)
        .any(|c| {
            (0..toks.len()).any(|i| {
                if !c.pattern.may_start(&toks[i]) {
                    return false;
                }
                let Some(hit) = c.pattern.at(toks, i) else {
                    return false;
                };
                if c.not_before.as_ref().is_some_and(|p| {
                    (hit.start.saturating_sub(8)..hit.start)
                        .any(|b| p.at_where(toks, b, |end| end == hit.start).is_some())
                }) {
                    return false;
                }
                if c.not_after
                    .as_ref()
                    .is_some_and(|p| p.at(toks, hit.end).is_some())
                {
                    return false;
                }
                // What a non-apology says about the act does not own it ("sorry if what I
                // said hurt you").
                component != Component::Responsibility || !inside(inside_findings, hit.start)
            })
        })
}

fn run(text: &str) -> Report {
    let engine = &*ENGINE;
    let toks = normalise::tokens(text);
    let reading = Reading::new(engine, &toks);
    let settled = settle(text, &toks, candidates(engine, &reading));
    let scopes: Vec<(usize, usize)> = settled.iter().map(|(_, s, e)| (*s, *e)).collect();
    let missing = [
        Component::Responsibility,
        Component::Repair,
        Component::Regret,
    ]
    .into_iter()
    .filter(|c| !component_present(engine, &toks, *c, &scopes))
    .collect::<Vec<_>>();
    // A light word ("lol", "my bad") in an apology that owns the act and offers repair is a
    // matter of tone between the two of them, not a way out of the apology.
    let complete =
        !missing.contains(&Component::Responsibility) && !missing.contains(&Component::Repair);
    Report {
        findings: settled
            .into_iter()
            .map(|(f, _, _)| f)
            .filter(|f| !(complete && f.kind == Kind::Flippant))
            .collect(),
        missing,
    }
}

/// For tuning: the words as read, and every rule that matched, kept or set aside.
#[cfg(test)]
pub(crate) fn explain(text: &str) -> String {
    let engine = &*ENGINE;
    let toks = normalise::tokens(text);
    let reading = Reading::new(engine, &toks);
    let mut lines = vec![
        toks.iter()
            .map(|t| t.word.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    ];
    candidates_explained(engine, &reading, &mut |n| lines.push(n));
    let report = run(text);
    lines.push(format!(
        "findings: {:?}",
        report
            .findings
            .iter()
            .map(|f| (f.kind, &f.excerpt))
            .collect::<Vec<_>>()
    ));
    lines.push(format!("missing: {:?}", report.missing));
    lines.join("\n")
}

/// The non-apology patterns in `text`, in the order they appear. Where several patterns
/// agree on the same words, one finding is reported; the same kind and excerpt, once.
pub fn findings(text: &str) -> Vec<Finding> {
    run(text).findings
}

/// The components (responsibility, repair, regret) with no sign of them in `text`.
pub fn missing(text: &str) -> Vec<Component> {
    run(text).missing
}

/// The whole check: patterns found, and the components missing.
pub fn check(text: &str) -> Report {
    run(text)
}

#[cfg(test)]
mod eval;
#[cfg(test)]
mod table;

#[cfg(test)]
mod tests {
    use super::*;

    /// The tuning aid shows the words as read, every rule that matched and why one was set
    /// aside. `APOLOGY_EXPLAIN="text" cargo test --lib apology_check::tests::explain --
    /// --nocapture` prints it for any draft (several separated by a line "---").
    #[test]
    fn explain_shows_the_reading_and_each_rule() {
        let shown =
            explain("I said u were overreacting. Sorry if u felt hurt, but ur overreacting");
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(
            lines[0],
            "i said you were overreacting . sorry if you felt hurt , but you are overreacting"
        );
        assert!(
            lines.iter().any(|l| l.starts_with("Dismissing")
                && l.contains("\"you were overreacting\": set aside (reported")),
            "{shown}"
        );
        assert!(
            shown.contains("findings: [(Conditional, \"Sorry if u felt hurt\"), (Dismissing, \"ur overreacting\")]"),
            "{shown}"
        );
        if let Ok(text) = std::env::var("APOLOGY_EXPLAIN") {
            for text in text.split("\n---\n") {
                println!("{}\n", explain(text));
            }
        }
    }

    #[test]
    fn every_pattern_parses() {
        let engine = build().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(engine.rules.len(), rules::finding_rules().len());
        for kind in Kind::ALL {
            assert!(
                engine.rules.iter().any(|r| r.kind == kind),
                "{kind:?} has a pattern"
            );
        }
        for component in [
            Component::Responsibility,
            Component::Repair,
            Component::Regret,
        ] {
            assert!(engine.components.iter().any(|c| c.component == component));
        }
    }

    #[test]
    fn the_classic_conditional_is_found_with_its_clause() {
        let report = check("I'm sorry if you felt hurt by what I said. It won't happen again.");
        assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
        let f = &report.findings[0];
        assert_eq!(f.kind, Kind::Conditional);
        assert_eq!(f.excerpt, "sorry if you felt hurt by what");
        assert_eq!(report.missing, vec![Component::Responsibility]);
    }

    #[test]
    fn excerpts_stop_at_the_clause() {
        let f = findings("Honestly, it was just one night, nothing more.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].excerpt, "was just one night");
        let f = findings("You need to forgive me so we can finally be happy again together");
        assert_eq!(f[0].excerpt, "You need to forgive me so we can finally");
        let long = format!("Get over it {}", "x".repeat(10_000));
        assert_eq!(findings(&long)[0].excerpt.len(), "Get over it ".len() + 80);
    }

    #[test]
    fn curly_and_straight_apostrophes_and_capitals() {
        for text in [
            "Let's move on.",
            "Let’s move on.",
            "LET'S MOVE ON!",
            "let\u{2019}s   move\non",
        ] {
            let f = findings(text);
            assert_eq!(f.len(), 1, "{text:?}: {f:?}");
            assert_eq!(f[0].kind, Kind::DemandingClosure);
        }
    }

    #[test]
    fn words_inside_other_words_do_not_count() {
        // "ifs", "butyou", "unjust" are not the words the patterns mean.
        assert!(findings("No ifs about it: I lied, and I am sorry.").is_empty());
        assert!(findings("That was unjust one nightmare after another").is_empty());
    }

    #[test]
    fn a_skip_group_spares_a_genuine_use() {
        assert!(findings("I understand if you feel angry with me.").is_empty());
        assert!(findings("I told you nothing happened, and that was a lie.").is_empty());
        assert!(findings("I won't ask you to get over it.").is_empty());
        assert!(!findings("Get over it.").is_empty());
    }

    #[test]
    fn empty_and_odd_text_is_fine() {
        assert_eq!(findings(""), vec![]);
        assert_eq!(
            missing(""),
            vec![
                Component::Responsibility,
                Component::Repair,
                Component::Regret
            ]
        );
        assert!(findings("💛\u{202e}\0\u{fffd}").is_empty());
    }

    #[test]
    fn json_shape_carries_why_and_suggestion() {
        let report = check("Mistakes were made.");
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["findings"][0]["kind"], "passive-voice");
        assert_eq!(json["findings"][0]["excerpt"], "Mistakes were made");
        assert_eq!(json["findings"][0]["why"], Kind::PassiveVoice.why());
        assert_eq!(
            json["findings"][0]["suggestion"],
            Kind::PassiveVoice.suggestion()
        );
        assert_eq!(
            json["missing"],
            serde_json::json!(["responsibility", "repair", "regret"])
        );
    }

    #[test]
    fn a_long_text_is_checked_quickly() {
        // 100 kB of text full of matches, and 100 kB with none in a non-Latin script.
        let busy = "I'm sorry if you felt hurt, but you made me do it. Zoë ❤️ ".repeat(1700);
        let quiet = "é日本語 ".repeat(10_000);
        let _ = check("warm up the patterns");
        for text in [busy, quiet] {
            assert!(text.len() >= 100_000);
            let started = std::time::Instant::now();
            let _ = check(&text);
            let took = started.elapsed();
            // The release build takes milliseconds (see docs/guide.md). This bound is for an
            // unoptimised test build sharing two cores with other tests: loose enough never
            // to flake, tight enough to catch anything slower than linear, which would take
            // minutes here.
            assert!(took < std::time::Duration::from_secs(30), "{took:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics_on_any_text(text in "\\PC{0,400}") {
            let report = check(&text);
            for f in &report.findings {
                proptest::prop_assert!(f.start < f.end && f.end <= text.len());
                proptest::prop_assert!(!f.excerpt.is_empty());
            }
        }

        // Control characters, NUL, bidi overrides and unpaired-looking text included.
        #[test]
        fn never_panics_on_any_string(text in proptest::prelude::any::<String>()) {
            let report = check(&text);
            for f in &report.findings {
                proptest::prop_assert!(text.get(f.start..f.end).is_some());
            }
        }

        #[test]
        fn never_panics_on_apology_like_text(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "I", "I'm", "I’m", "sorry", "if", "you", "felt", "but", "just", "only",
                    "it", "was", "not", "a", "big", "deal", "let's", "move", "on", ",", ".",
                    "\n", "’", "'", "happened", "never", "ÉTÉ", "🙂", "made", "me",
                ]),
                0..60,
            )
        ) {
            let text = words.join(" ");
            let _ = check(&text);
            let _ = check(&text.replace(' ', ""));
        }
    }
}
