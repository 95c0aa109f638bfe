//! What the engine knows about one text beyond its words: sentences, quotation marks, the
//! reported or taken-back words, negation, and plain ownership, which the guards around every
//! rule consult.

use super::engine::Engine;
use super::matcher::{Hit, Pattern};
use super::normalise::{Tok, Token};

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
pub(super) struct Reading<'t> {
    pub(super) toks: &'t [Token],
    /// Sentence number of each token.
    pub(super) sentence: Vec<usize>,
    /// Whether each token sits between a pair of quotation marks.
    pub(super) quoted: Vec<bool>,
    /// Token positions where a frame (reported words) ends, sorted.
    pub(super) frame_ends: Vec<usize>,
    /// Where plain ownership ("that was me", "no excuse") starts, in order.
    pub(super) owned: Vec<usize>,
    /// The sentences that speak of wanting to die or to harm oneself, in order.
    pub(super) self_harm: Vec<usize>,
}

impl<'t> Reading<'t> {
    pub(super) fn new(engine: &Engine, toks: &'t [Token]) -> Self {
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
        let mut self_harm: Vec<usize> = (0..toks.len())
            .filter(|i| engine.self_harm.may_start(&toks[*i]))
            .filter(|i| engine.self_harm.at(toks, *i).is_some())
            .map(|i| sentence[i])
            .collect();
        self_harm.dedup();
        Reading {
            toks,
            sentence,
            quoted,
            frame_ends,
            owned,
            self_harm,
        }
    }

    pub(super) fn sentence_of(&self, i: usize) -> usize {
        self.sentence
            .get(i)
            .or(self.sentence.last())
            .copied()
            .unwrap_or(0)
    }

    /// Reported, quoted or taken back: "I said you were…", "\"calm down\"", "…and that was a
    /// lie".
    pub(super) fn framed(&self, engine: &Engine, hit: &Hit) -> bool {
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
    pub(super) fn negated(&self, start: usize) -> bool {
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
            // A concession grants the words rather than claiming them: "it was a betrayal even
            // if nothing physical happened".
            if matches!(t.word.as_str(), "if" | "though")
                && i > 0
                && self.toks[i - 1].word == "even"
            {
                return true;
            }
            if t.word == "whether" || t.word == "regardless" {
                return true;
            }
            // A question word opens a clause of its own: in "I don't know why you're making a big
            // deal of it" the "not" belongs to "know", not to what follows.
            if !t.is_word()
                || CLAUSE_WORDS.contains(&t.word.as_str())
                || matches!(
                    t.word.as_str(),
                    "why" | "how" | "whether" | "what" | "where" | "who"
                )
            {
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

    pub(super) fn before(&self, pattern: &Pattern, start: usize) -> bool {
        (start.saturating_sub(12)..start).any(|b| {
            pattern.may_start(&self.toks[b])
                && pattern.at_where(self.toks, b, |end| end == start).is_some()
        })
    }

    /// The pattern anywhere from the start of this sentence to the end of the next.
    pub(super) fn near(&self, pattern: &Pattern, hit: &Hit) -> bool {
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
    pub(super) fn near_including(&self, pattern: &Pattern, hit: &Hit) -> bool {
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
    pub(super) fn owned_elsewhere(&self, hit: &Hit) -> bool {
        let clause_end = self.clause_end(hit);
        // Positions are in order: something outside the clause is first or last.
        self.owned.first().is_some_and(|p| *p < hit.start)
            || self.owned.last().is_some_and(|p| *p >= clause_end)
    }

    /// Where the matched clause ends: a boundary, or a word that starts another clause.
    pub(super) fn clause_end(&self, hit: &Hit) -> usize {
        (hit.end..self.toks.len())
            .find(|i| {
                let t = &self.toks[*i];
                !t.is_word()
                    || matches!(t.word.as_str(), "and" | "but" | "because" | "so" | "since")
            })
            .unwrap_or(self.toks.len())
    }

    pub(super) fn within(&self, pattern: &Pattern, hit: &Hit, from: usize, to: usize) -> bool {
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
