//! The check's first table (version 1), kept as strict regression tests: genuine apologies in
//! full sentences that must pass untouched with no part missing, and non-apologies that must
//! each be caught as the kind named. The data is in `table/classic_genuine.txt` and
//! `table/classic_non_apologies.txt`; the realistic table and its rates are in `eval.rs`.

use super::eval::parse;
use super::*;

const GENUINE: &str = include_str!("table/classic_genuine.txt");
const NON_APOLOGIES: &str = include_str!("table/classic_non_apologies.txt");

/// Lines a genuine apology can hold that share words with a non-apology (found by going
/// through every broad pattern and asking how a sincere writer might use the same words). None
/// may raise a finding.
const GENUINE_LINES: &[&str] = &[
    "if you hadnt found the texts id still be lying",
    "if you hadn't found out i don't know if i would ever have told you",
    "i know i already said sorry but i want to say it properly",
    "i know ive apologised so many times but this time im doing something about it",
    "how many times have i said sorry and not meant it",
    "what more can i do to help you feel safe",
    "it was like a drug, and thats no excuse",
    "i was just a coward and i lied",
    "i want us to get past this together, however long it takes",
    "i'd like to talk if you're up for it",
    "sorry this is long but please read it",
    "im sorry but there's more you need to know",
    "im sorry but its the truth",
    "im sorry, but you need to hear this",
    "i wasnt lying when i said i love you",
    "i hope one day we can move past this",
    "you pushed me to see a counsellor and you were right",
    "you gave me every reason to stay and i still lied",
    "you never asked me to be perfect",
    "you started trusting me again and i blew it",
    "it makes sense if you are angry",
    "i understand why this is such a big deal",
    "i never told you i was seeing her",
    "you make a big deal of my birthday every year and i forgot yours",
    "i need to grow up",
    "i need to get a grip on my drinking",
    "i hope i can help you get over this one day",
    "moving on isnt something you owe me",
    "im hurting too, but this isnt about me",
    "this is hard for me, and i can only imagine how hard it is for you",
    "its not like i didnt know what i was doing",
    "i know everyone makes mistakes but this wasnt a mistake",
    "im sorry you feel like you cant trust me, and youre right not to",
    "im sorry you had such a horrible time at the party because i left you alone",
    "could you please stop me if i start getting defensive",
    "i want to show you thats not who i am",
    "it was a few messages at first and then it became everything",
    "i know its not the same as what you went through",
    "i said you were overreacting and that was wrong",
    "I made you feel like it was your fault for asking.",
    "I called you paranoid.",
    "i know this might not be a big deal to other people but it was to you",
    "sorry you feel so alone, and I know I'm the reason",
    "sorry if im saying this badly, but i lied to you",
    "Not sorry that I got caught, sorry that I did it.",
    "i was drunk, but i chose to drink, and that's on me",
    "i know you only asked because you were scared",
    "i told you to calm down and i should never have said it",
    "you were never too sensitive, i was careless",
    "i wont ever tell you to get over it",
];

/// Written for the check's own parts, as `apology add` sees them one at a time: none may raise
/// a finding (they may well miss a component: each is only one part).
const PARTS: &[&str] = &[
    "You were hurt and humiliated, and you felt like a fool in front of your friends.",
    "you felt scared and alone and you didnt know who to trust",
    "You got hurt, and you had to find out on your own.",
    "It made you feel like you were going crazy.",
    "i think it made you feel small and stupid, like you werent enough",
    "You were worried sick all night.",
    "I will call you every time I'm late, and I'll be home by seven on weeknights.",
    "Ill answer any question you have, for as long as you need.",
    "i lied about where i was on friday night",
];

#[test]
fn the_table_is_big_enough() {
    let genuine = parse(GENUINE);
    let non = parse(NON_APOLOGIES);
    assert!(genuine.len() >= 30);
    assert!(non.len() >= 30);
    for kind in &Kind::ALL[..8] {
        assert!(
            non.iter()
                .filter(|i| i.labels.iter().any(|l| l == kind.id()))
                .count()
                >= 3,
            "at least three non-apologies of kind {kind:?}"
        );
    }
}

#[test]
fn no_genuine_apology_is_flagged_or_missing_a_part() {
    let mut problems = Vec::new();
    for item in parse(GENUINE) {
        let report = check(&item.text);
        if !report.is_clean() {
            problems.push(format!(
                "{}\n    findings: {:?}\n    missing: {:?}",
                item.text,
                report
                    .findings
                    .iter()
                    .map(|f| (f.kind, f.excerpt.as_str()))
                    .collect::<Vec<_>>(),
                report.missing
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_non_apology_is_caught_with_the_expected_kind() {
    let mut problems = Vec::new();
    for item in parse(NON_APOLOGIES) {
        let found = findings(&item.text);
        if !found
            .iter()
            .any(|f| item.labels.iter().any(|l| l == f.kind.id()))
        {
            problems.push(format!(
                "{}\n    expected {:?}, found {:?}",
                item.text,
                item.labels,
                found
                    .iter()
                    .map(|f| (f.kind, f.excerpt.as_str()))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn genuine_lines_that_share_words_with_non_apologies_raise_no_finding() {
    let flagged: Vec<String> = GENUINE_LINES
        .iter()
        .filter_map(|line| {
            let found = findings(line);
            (!found.is_empty()).then(|| format!("{line}\n    {found:?}"))
        })
        .collect();
    assert!(flagged.is_empty(), "\n{}", flagged.join("\n"));
}

#[test]
fn a_single_part_of_an_apology_raises_no_finding() {
    for part in PARTS {
        let found = findings(part);
        assert!(found.is_empty(), "{part}: {found:?}");
    }
}
