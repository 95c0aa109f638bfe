//! How long the apology check takes in a release build, as a user would feel it: the first
//! check in a fresh process (which builds what it needs of the patterns), then each apology
//! after that, over the check's own tables.
//!
//! cargo run --release --example apology_speed [ROUNDS]
//! Run it a few times: the first call is measured once per process.

use std::time::{Duration, Instant};

use rekindle::domain::apology_check::check;

const TABLES: [&str; 4] = [
    include_str!("../src/domain/apology_check/table/genuine.txt"),
    include_str!("../src/domain/apology_check/table/non_apologies.txt"),
    include_str!("../src/domain/apology_check/table/blind_a_genuine.txt"),
    include_str!("../src/domain/apology_check/table/blind_a_non_apologies.txt"),
];

fn main() {
    let rounds: u32 = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(20);
    let items: Vec<String> = TABLES
        .iter()
        .flat_map(|t| t.lines())
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            l.split_once(" | ")
                .map(|(_, text)| text.replace("\\n", "\n"))
        })
        .collect();
    let Some(first_text) = items.first() else {
        eprintln!("no apologies in the tables");
        return;
    };
    let started = Instant::now();
    let report = check(first_text);
    let first = started.elapsed();
    let mut slowest = Duration::ZERO;
    let mut findings = report.findings.len();
    let started = Instant::now();
    for _ in 0..rounds {
        for text in &items {
            let one = Instant::now();
            findings += check(text).findings.len();
            slowest = slowest.max(one.elapsed());
        }
    }
    let checked = rounds * items.len() as u32;
    let each = started.elapsed() / checked.max(1);
    let bytes = items.iter().map(String::len).sum::<usize>() / items.len();
    println!(
        "first call: {first:?}; then per apology: {each:?} (mean of {checked}, {bytes} bytes on \
         average; slowest {slowest:?}; {findings} findings in all)"
    );
}
