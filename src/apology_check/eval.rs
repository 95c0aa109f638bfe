//! How well the check does on its own realistic table (`table/genuine.txt` and
//! `table/non_apologies.txt`), written the way people text and talk.
//!
//! The table is split once, by a hash of each item's text, into a tuning part (two thirds)
//! and a held-out third: an item is held out when the 64-bit FNV-1a hash of its text is a
//! multiple of 3. The split was fixed before the check was tuned and items never move between
//! parts. While tuning, only the tuning part's misses are printed; the held-out part prints
//! its rates and nothing else, so that it stays a fair test.
//!
//! Items written later, while tuning (`table/extra_*.txt`), always count in the tuning part.
//!
//! `cargo test --lib apology_check::eval -- --nocapture` prints a summary of each part.

use super::{Component, check};

const GENUINE: &str = include_str!("table/genuine.txt");
const NON_APOLOGIES: &str = include_str!("table/non_apologies.txt");
/// Written after the split, while tuning: always in the tuning part.
const EXTRA_GENUINE: &str = include_str!("table/extra_genuine.txt");
const EXTRA_NON_APOLOGIES: &str = include_str!("table/extra_non_apologies.txt");

/// The targets, per part: at least this share of non-apologies flagged, at most this share of
/// genuine apologies flagged, and at least this share of genuine apologies whose "missing"
/// list is exactly what a careful reader would say.
const MIN_NON_FLAGGED: f64 = 0.95;
const MAX_GENUINE_FLAGGED: f64 = 0.01;
const MIN_MISSING_AGREED: f64 = 0.90;

pub struct Item {
    /// Missing components (genuine) or expected kinds (non-apologies), as ids.
    pub labels: Vec<String>,
    pub text: String,
}

/// Lines of "labels | text", with "-" for no labels, `#` comments and `\n` for a line break.
pub fn parse(file: &str) -> Vec<Item> {
    file.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (labels, text) = line
                .split_once(" | ")
                .unwrap_or_else(|| panic!("a table line needs \"labels | text\": {line}"));
            let labels = labels
                .split(',')
                .map(str::trim)
                .filter(|l| !l.is_empty() && *l != "-")
                .map(String::from)
                .collect();
            Item {
                labels,
                text: text.replace("\\n", "\n"),
            }
        })
        .collect()
}

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

pub fn held_out(text: &str) -> bool {
    fnv1a(text).is_multiple_of(3)
}

#[derive(Default)]
struct Tally {
    genuine: usize,
    genuine_flagged: usize,
    missing_agreed: usize,
    non: usize,
    non_flagged: usize,
    kind_right: usize,
    /// What went wrong, for the tuning part only.
    notes: Vec<String>,
}

fn share(n: usize, of: usize) -> f64 {
    if of == 0 { 0.0 } else { n as f64 / of as f64 }
}

fn percent(n: usize, of: usize) -> String {
    format!("{n}/{of} ({:.1}%)", 100.0 * share(n, of))
}

fn ids(components: &[Component]) -> Vec<String> {
    let mut ids: Vec<String> = components.iter().map(|c| c.id().to_string()).collect();
    ids.sort();
    ids
}

fn tally(held: bool) -> Tally {
    let mut t = Tally::default();
    let keep_notes = !held;
    let extra_genuine = if held {
        Vec::new()
    } else {
        parse(EXTRA_GENUINE)
    };
    let extra_non = if held {
        Vec::new()
    } else {
        parse(EXTRA_NON_APOLOGIES)
    };
    for item in parse(GENUINE)
        .into_iter()
        .filter(|i| held_out(&i.text) == held)
        .chain(extra_genuine)
    {
        t.genuine += 1;
        let report = check(&item.text);
        if !report.findings.is_empty() {
            t.genuine_flagged += 1;
            if keep_notes {
                t.notes.push(format!(
                    "GENUINE FLAGGED: {}\n    {:?}",
                    item.text,
                    report
                        .findings
                        .iter()
                        .map(|f| (f.kind.id(), f.excerpt.as_str()))
                        .collect::<Vec<_>>()
                ));
            }
        }
        let mut expected = item.labels.clone();
        expected.sort();
        let found = ids(&report.missing);
        if found == expected {
            t.missing_agreed += 1;
        } else if keep_notes {
            t.notes.push(format!(
                "MISSING: {}\n    expected {expected:?}, found {found:?}",
                item.text
            ));
        }
    }
    for item in parse(NON_APOLOGIES)
        .into_iter()
        .filter(|i| held_out(&i.text) == held)
        .chain(extra_non)
    {
        t.non += 1;
        let report = check(&item.text);
        if report.findings.is_empty() {
            if keep_notes {
                t.notes.push(format!("NOT FLAGGED: {}", item.text));
            }
            continue;
        }
        t.non_flagged += 1;
        if report
            .findings
            .iter()
            .any(|f| item.labels.iter().any(|l| l == f.kind.id()))
        {
            t.kind_right += 1;
        } else if keep_notes {
            t.notes.push(format!(
                "OTHER KIND: {}\n    expected {:?}, found {:?}",
                item.text,
                item.labels,
                report
                    .findings
                    .iter()
                    .map(|f| (f.kind.id(), f.excerpt.as_str()))
                    .collect::<Vec<_>>()
            ));
        }
    }
    t
}

fn summary(name: &str, t: &Tally) -> String {
    format!(
        "{name}: non-apologies flagged {}, genuine flagged {}, missing agreed {}, \
         flagged non-apologies with an expected kind {}",
        percent(t.non_flagged, t.non),
        percent(t.genuine_flagged, t.genuine),
        percent(t.missing_agreed, t.genuine),
        percent(t.kind_right, t.non_flagged),
    )
}

fn assert_targets(name: &str, t: &Tally) {
    let mut failed = Vec::new();
    if share(t.non_flagged, t.non) < MIN_NON_FLAGGED {
        failed.push("too few non-apologies flagged");
    }
    if share(t.genuine_flagged, t.genuine) > MAX_GENUINE_FLAGGED {
        failed.push("too many genuine apologies flagged");
    }
    if share(t.missing_agreed, t.genuine) < MIN_MISSING_AGREED {
        failed.push("too few \"missing\" lists agreed");
    }
    assert!(
        failed.is_empty(),
        "{}: {}",
        summary(name, t),
        failed.join("; ")
    );
}

#[test]
fn the_table_is_large_and_well_formed() {
    let genuine = parse(GENUINE);
    let non = parse(NON_APOLOGIES);
    assert!(genuine.len() >= 150 && non.len() >= 150);
    let genuine: Vec<Item> = genuine.into_iter().chain(parse(EXTRA_GENUINE)).collect();
    let non: Vec<Item> = non.into_iter().chain(parse(EXTRA_NON_APOLOGIES)).collect();
    for item in &genuine {
        for label in &item.labels {
            assert!(
                ["responsibility", "repair", "regret"].contains(&label.as_str()),
                "{label}"
            );
        }
    }
    for item in &non {
        assert!(!item.labels.is_empty(), "{}", item.text);
        for label in &item.labels {
            assert!(
                super::Kind::ALL.iter().any(|k| k.id() == label),
                "unknown kind {label}"
            );
        }
    }
    // Both parts of the main table hold a fair share of each kind of item.
    for items in [&parse(GENUINE), &parse(NON_APOLOGIES)] {
        let held = items.iter().filter(|i| held_out(&i.text)).count();
        assert!(
            held * 4 > items.len() && held * 5 < items.len() * 2,
            "{held}"
        );
    }
}

#[test]
fn the_tuning_part_meets_the_targets() {
    let t = tally(false);
    for note in &t.notes {
        println!("{note}");
    }
    println!("{}", summary("tuning part", &t));
    assert_targets("tuning part", &t);
}

#[test]
fn the_held_out_part_meets_the_targets() {
    let t = tally(true);
    println!("{}", summary("held-out part", &t));
    assert_targets("held-out part", &t);
}

/// Prints how long the check takes: the first call (which builds the patterns) and then each
/// apology of the table. Run it in release (`cargo test --release --lib
/// apology_check::eval::speed -- --nocapture`) for numbers a user would see; it asserts nothing
/// about time, only that every item was checked.
#[test]
fn speed() {
    let items: Vec<Item> = parse(GENUINE)
        .into_iter()
        .chain(parse(NON_APOLOGIES))
        .collect();
    let started = std::time::Instant::now();
    let _ = check("warm up");
    let first = started.elapsed();
    let rounds = 20;
    let started = std::time::Instant::now();
    let mut checked = 0;
    for _ in 0..rounds {
        for item in &items {
            let _ = check(&item.text);
            checked += 1;
        }
    }
    let each = started.elapsed() / checked;
    let bytes = items.iter().map(|i| i.text.len()).sum::<usize>() / items.len();
    println!(
        "first call (builds the patterns): {first:?}; then per apology: {each:?} (mean of {checked}, {bytes} bytes on average)"
    );
    assert_eq!(checked, rounds * items.len() as u32);
}

/// For tuning: every rule that matched a genuine apology of the tuning part and was set aside
/// only by a guard or a context, counted by rule. These are the places where a slightly
/// different wording would be flagged. `APOLOGY_NEAR_MISSES=1 cargo test --lib
/// apology_check::eval::near_misses -- --nocapture`
#[test]
fn near_misses() {
    if std::env::var("APOLOGY_NEAR_MISSES").is_err() {
        return;
    }
    let mut counts: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for item in parse(GENUINE)
        .into_iter()
        .filter(|i| !held_out(&i.text))
        .chain(parse(EXTRA_GENUINE))
    {
        for line in super::explain(&item.text).lines() {
            if let Some((rule, why)) = line.split_once(": set aside") {
                counts
                    .entry(format!("{}{why}", rule.split(" \"").next().unwrap_or(rule)))
                    .or_default()
                    .push(rule.to_string());
            }
        }
    }
    for (rule, hits) in counts {
        println!("{} x{}", rule, hits.len());
        for h in hits.iter().take(4) {
            println!("    {h}");
        }
    }
}
