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
//!    use ("I understand if you…", "…and I know I'm the reason"), one file per group of kinds.
//!    Around every rule the engine (`engine`, with what `reading` knows about the text) also
//!    leaves alone:
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
//! word occurs and only when the text holds one of the words it cannot match without. The
//! first check in a process builds only what every check needs (the word classes, the parts of
//! an apology, the reading's patterns); where each rule can start and what words it needs come
//! from a checked index (`rules/index.txt`, rewritten by a test when a rule changes), and a
//! rule is parsed the first time its words occur, its contexts the first time it matches. In a
//! release build on the shared two-core build machine the first check takes about 3 to 5 ms in
//! all, and each apology after that about 0.3 ms; `cargo run --release --example
//! apology_speed` prints the numbers. Matching backtracks only inside a few words (every gap is
//! bounded), so no input can make it slow: 100 kB of text is checked in well under a second.
//!
//! How well it does: `apology_check/eval.rs` measures it on a table of several hundred
//! apologies and non-apologies written the way people text and talk, split once into a part
//! used for tuning and a part held out from it, and holds both to the targets.

mod engine;
mod kinds;
mod matcher;
mod model;
mod normalise;
mod reading;
mod rules;

use serde::Serialize;

pub use kinds::{Component, Kind};

use engine::{Candidate, ENGINE, candidates, component_hits, component_present, settle};
#[cfg(test)]
use engine::{build, candidates_explained};
use reading::Reading;

/// One place where a draft slips into a non-apology.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: Kind,
    /// The words that set it off, with the rest of their clause (a few words at most).
    pub excerpt: String,
    /// Byte offsets of the quoted words in the checked text.
    pub start: usize,
    pub end: usize,
    /// Heard by the learned opinion in the draft as a whole, not set off by one phrase.
    pub learned: bool,
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

/// How much of an apology the words are: a whole draft, or one part of a structured apology
/// (whose labels already say what each part is for).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Draft,
    Parts,
    /// A whole draft, by the patterns alone (for measuring the learned opinion).
    #[cfg(test)]
    DraftPatterns,
}

fn run(text: &str, scope: Scope) -> Report {
    let engine = &*ENGINE;
    let toks = normalise::tokens(text);
    let reading = Reading::new(engine, &toks);
    // Words about wanting to die or to harm oneself are never a finding, nor is anything in
    // their sentence, nor any "turning to your own pain" (see `rules::SELF_HARM`). Candidates
    // are dropped before overlaps are settled, so that one never hides another.
    let self_harm = &reading.self_harm;
    let all: Vec<Candidate> = candidates(engine, &reading)
        .into_iter()
        .filter(|c| {
            self_harm.is_empty()
                || !(c.kind == Kind::SelfFocus
                    || self_harm.contains(&reading.sentence_of(c.hit.start)))
        })
        .collect();
    let parts = component_hits(engine, &toks);
    let settle_with = |keep: &dyn Fn(&Candidate) -> bool| {
        let settled = settle(
            text,
            &toks,
            all.iter().filter(|c| keep(c)).cloned().collect(),
        );
        let scopes: Vec<(usize, usize)> = settled.iter().map(|(_, s, e)| (*s, *e)).collect();
        let missing = [
            Component::Responsibility,
            Component::Repair,
            Component::Regret,
        ]
        .into_iter()
        .filter(|c| !component_present(&parts, *c, &scopes))
        .collect::<Vec<_>>();
        (settled, missing)
    };
    // First without the cues that count only when nothing in the apology is owned; with them
    // when that turns out to be so.
    let (mut settled, mut missing) = settle_with(&|c| !c.only_unowned);
    let unowned = missing.contains(&Component::Responsibility);
    if unowned && all.iter().any(|c| c.only_unowned) {
        (settled, missing) = settle_with(&|_| true);
    }
    // A light word ("lol", "my bad") in an apology that owns the act and offers repair is a
    // matter of tone between the two of them, not a way out of the apology: settled again
    // without it, so that it hides nothing else.
    let complete =
        !missing.contains(&Component::Responsibility) && !missing.contains(&Component::Repair);
    if complete && all.iter().any(|c| c.light) {
        (settled, missing) = settle_with(&|c| !c.light && (unowned || !c.only_unowned));
    }
    let mut findings: Vec<Finding> = settled.into_iter().map(|(f, _, _)| f).collect();
    // A draft with no finding and none of the parts (no regret, nothing owned, nothing
    // offered) is a statement or a defence, not an apology: said once, about its opening
    // words. Never beside words of self-harm, and never for a part of a structured apology.
    let draft = scope != Scope::Parts;
    if draft
        && findings.is_empty()
        && missing.len() == 3
        && self_harm.is_empty()
        && let Some(first) = toks.iter().find(|t| t.is_word())
    {
        findings.push(Finding {
            kind: Kind::NoApology,
            excerpt: engine::excerpt(text, first.start, first.end, text.len()),
            start: first.start,
            end: first.end,
            learned: false,
        });
    }
    // Where the patterns found nothing in a whole draft that holds some part of an apology, the
    // learned opinion (`model`) may still hear a non-apology: said once, as the kind it most
    // resembles, about the clause that weighs most. Never beside words of self-harm, never for
    // one part of a structured apology.
    if scope == Scope::Draft && findings.is_empty() && self_harm.is_empty() {
        let features = model::features(&toks);
        if let Some(o) = model::opinion(&model::Compiled, &features)
            && o.probability >= model::THRESHOLD
            && let Some(first) = toks
                .iter()
                .find(|t| t.is_word() && t.start >= o.clause.0 && t.end <= o.clause.1)
        {
            findings.push(Finding {
                kind: o.kind,
                excerpt: engine::excerpt(text, first.start, first.end, o.clause.1),
                start: first.start,
                end: o.clause.1,
                learned: true,
            });
        }
    }
    Report { findings, missing }
}

/// The words about wanting to die or to harm oneself (`rules::SELF_HARM`), built on their
/// own so that a caller who asks only this does not build every rule of the check.
static SELF_HARM: std::sync::LazyLock<Option<matcher::Pattern>> = std::sync::LazyLock::new(|| {
    let classes = matcher::classes(rules::CLASSES).ok()?;
    matcher::parse(rules::SELF_HARM, &classes).ok()
});

/// Whether `text` speaks of wanting to die or to harm oneself, in the words the check knows.
/// The check never reports a finding in such a sentence; `domain::safety` asks this too, so
/// that the safety card and the check agree. It errs wide ("I could die of shame" counts).
pub fn speaks_of_self_harm(text: &str) -> bool {
    let Some(pattern) = SELF_HARM.as_ref() else {
        return false;
    };
    let toks = normalise::tokens(text);
    (0..toks.len()).any(|i| pattern.may_start(&toks[i]) && pattern.at(&toks, i).is_some())
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
    let report = run(text, Scope::Draft);
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
    run(text, Scope::Parts).findings
}

/// The components (responsibility, repair, regret) with no sign of them in `text`.
pub fn missing(text: &str) -> Vec<Component> {
    run(text, Scope::Parts).missing
}

/// The whole check of a draft written as one text: patterns found, and the components
/// missing. A draft with none of the parts and no other finding is reported as
/// [`Kind::NoApology`].
pub fn check(text: &str) -> Report {
    run(text, Scope::Draft)
}

/// The check of a whole draft by its patterns alone, without the learned opinion: for
/// measuring what each adds.
#[cfg(test)]
pub(crate) fn check_patterns(text: &str) -> Report {
    run(text, Scope::DraftPatterns)
}

/// The check of a structured apology's parts, read together (`apology add`, `apology edit`):
/// as [`check`], except that a missing part is never a finding, since each part's label
/// already says what it is for and a missing part never keeps an apology from being saved.
pub fn check_parts(text: &str) -> Report {
    run(text, Scope::Parts)
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

    /// Words of wanting to die or to harm oneself are for the safety card (issue 18), never a
    /// finding: neither in their own sentence nor as "turning to your own pain".
    #[test]
    fn self_harm_language_is_noticed_and_never_a_finding() {
        use crate::domain::safety::mentions_self_harm;
        for text in [
            "I want to die",
            "I'd be better off dead",
            "I'll hurt myself",
            "i wanna die tbh",
            "im sorry. sometimes i think about ending it all",
            "sorry you feel that way, youd all be better off without me",
            "I don't want to be here anymore. I'm so sorry for everything",
            "I’m sorry I’m such a terrible person … maybe you’d be better off without me",
            "honestly i feel like such a burden, im sorry",
            "SORRY. I might as well kill myself",
        ] {
            assert!(mentions_self_harm(text), "{text:?}");
            assert_eq!(findings(text), Vec::new(), "{text:?}");
        }
        for text in [
            "I hurt you and I'm sorry.",
            "my phone died and I didn't call, that's on me",
            "I'm dying to make this right with you",
            "I killed the mood at dinner with my comments. I'm sorry.",
            "you deserve better than what I gave you",
            "",
        ] {
            assert!(!mentions_self_harm(text), "{text:?}");
        }
        // Only the sentence that speaks of it is spared: blame next to it is still named.
        let text = "You always overreact. Some days I want to die.";
        assert!(mentions_self_harm(text));
        let f = findings(text);
        assert!(!f.is_empty());
        assert!(f.iter().all(|f| !f.excerpt.contains("die")), "{f:?}");
    }

    #[test]
    fn every_pattern_parses() {
        let engine = build().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(engine.rules.len(), rules::finding_rules().len());
        // Patterns are parsed when their words first occur, contexts when a rule first
        // matches: every one of them parses.
        for def in rules::finding_rules() {
            if let Err(e) = matcher::parse(def.pattern, &engine.classes)
                .and_then(|_| engine::parse_contexts(&def, &engine.classes))
            {
                panic!("{e}");
            }
        }
        // Every kind has a pattern, except the one said of a whole draft with none of the parts.
        for kind in Kind::ALL.into_iter().filter(|k| *k != Kind::NoApology) {
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
        assert_eq!(f[0].excerpt, "it was just one night");
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
#[cfg(test)]
mod learned_opinion {
    use super::*;

    /// Where no pattern finds anything, the learned opinion may still hear a non-apology in a
    /// whole draft: said once, marked as learned, quoting words of the draft. It never speaks
    /// for one part of a structured apology, nor beside words of self-harm.
    #[test]
    fn it_speaks_for_a_whole_draft_only_where_the_patterns_found_nothing() {
        for text in [
            "im sorry ok. u know im trying my best here",
            "I'm sorry. Honestly I think we both need to take a breath and stop digging into \
             every little thing.",
        ] {
            assert!(check_patterns(text).findings.is_empty(), "{text}");
            let report = check(text);
            assert_eq!(report.findings.len(), 1, "{text}: {:?}", report.findings);
            let f = &report.findings[0];
            assert!(f.learned, "{text}");
            assert!(text.contains(&f.excerpt), "{text}: {:?}", f.excerpt);
            assert!(f.kind != Kind::NoApology);
            // One part of a structured apology is the patterns' alone.
            assert!(findings(text).is_empty(), "{text}");
            assert!(check_parts(text).findings.is_empty(), "{text}");
        }
        // Beside words of self-harm, nothing.
        let text = "im sorry ok. u know im trying my best here. sometimes i want to die";
        assert!(check(text).findings.is_empty());
        // A plain genuine apology raises nothing.
        let text = "im sorry i lied about the money. ill show you every statement from now on";
        assert!(
            check(text).findings.is_empty(),
            "{:?}",
            check(text).findings
        );
    }
}
