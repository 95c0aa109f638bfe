//! A damaged journal: a real journal, built through the binary, with pages in the middle of
//! the file overwritten while its header stays valid. Every command says so in one plain
//! line, doctor still looks inside, and nothing writes to it.

use std::path::Path;

use crate::support::{TestEnv, bytes};

/// Sam and Alex with 24 check-ins holding long answers, so the journal spans many pages.
fn journal_with_checkins() -> TestEnv {
    let mut env = TestEnv::with_couple();
    for day in 1..=12 {
        for who in ["Sam", "Alex"] {
            env.set("REKINDLE_AS", who);
            env.run([
                "checkin",
                "--date",
                &format!("{day} days ago"),
                "--trust",
                &(day % 10 + 1).to_string(),
                "--answer",
                &format!(
                    "day {day}: {}",
                    "we talked about the week and listened ".repeat(12)
                ),
            ])
            .success();
        }
    }
    env
}

fn page_size(file: &[u8]) -> usize {
    match u16::from_be_bytes([file[16], file[17]]) {
        1 => 65536,
        n => usize::from(n),
    }
}

/// Overwrites pages `first..last` (1-based) with a pattern no SQLite page has, keeping page 1
/// (the header) as it was.
fn overwrite_pages(journal: &Path, pages: std::ops::Range<usize>) {
    let mut file = bytes(journal);
    let size = page_size(&file);
    assert!(pages.start > 1 && pages.end <= file.len() / size + 1);
    for page in pages {
        file[(page - 1) * size..page * size].fill(0x5a);
    }
    std::fs::write(journal, &file).unwrap();
    assert!(bytes(journal).starts_with(b"SQLite format 3\0"));
}

/// The root page of `table`, read before the damage.
fn root_page(journal: &Path, table: &str) -> usize {
    let conn = rusqlite::Connection::open(journal).unwrap();
    conn.query_row(
        "SELECT rootpage FROM sqlite_schema WHERE name = ?1",
        [table],
        |r| r.get::<_, i64>(0),
    )
    .unwrap() as usize
}

#[track_caller]
fn says_damaged(run: &crate::support::Run, journal: &Path) {
    run.code(1);
    assert_eq!(run.stderr.trim_end().lines().count(), 1, "{}", run.stderr);
    run.stderr_has(&format!("the journal at {} is damaged", journal.display()))
        .stderr_has("Run `rekindle doctor` to see what can be saved")
        .stderr_has("keep a copy of the file");
    assert!(!run.stderr.contains("Error code"), "{}", run.stderr);
    assert!(!run.stderr.contains("malformed"), "{}", run.stderr);
}

fn check_damaged_journal(env: &TestEnv, journal: &Path) {
    let before = bytes(journal);
    for args in [
        &["history"][..],
        &["export", "--format", "csv"],
        &["progress"],
        &["checkin", "--as", "Sam", "--trust", "4"],
    ] {
        let run = env.run(args);
        assert_eq!(run.code, 1, "{args:?}: {run:?}");
        says_damaged(&run, journal);
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
    }
    assert_eq!(bytes(journal), before, "no command wrote to it");

    // doctor opens it anyway, reports the problem and changes nothing.
    let run = env.run(["doctor"]);
    run.code(1)
        .stdout_has("Integrity    FAILED")
        .stderr_has("failed its integrity check")
        .stderr_has("Keep a copy of the file as it is");
    assert_eq!(run.stderr.trim_end().lines().count(), 1, "{}", run.stderr);
    let json = env.run(["doctor", "--json"]);
    json.code(1);
    let report = json.json();
    assert!(!report["integrity"].as_array().unwrap().is_empty());
    assert_eq!(report["search_index"], "unchecked");
    assert_eq!(bytes(journal), before, "doctor wrote nothing");

    // backup says plainly why it made no copy, and leaves nothing behind.
    let copy = env.root().join("copy.db");
    let run = env.run(["backup", copy.to_str().unwrap()]);
    says_damaged(&run, journal);
    run.stderr_has("cannot make a checked backup of it and wrote none");
    assert!(!copy.exists());
    let hidden: Vec<_> = std::fs::read_dir(env.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
    assert_eq!(bytes(journal), before);
}

#[test]
fn a_journal_with_its_check_ins_overwritten_is_called_damaged() {
    let env = journal_with_checkins();
    let journal = env.default_journal();
    let root = root_page(&journal, "checkins");
    overwrite_pages(&journal, root..root + 1);
    check_damaged_journal(&env, &journal);
    // The partners are still readable, and doctor says so.
    let report = env.run(["doctor", "--json"]).json();
    assert_eq!(report["counts"]["partners"], 2);
}

#[test]
fn a_journal_with_its_middle_overwritten_is_called_damaged() {
    let env = journal_with_checkins();
    let journal = env.default_journal();
    let pages = bytes(&journal).len() / page_size(&bytes(&journal));
    overwrite_pages(&journal, pages / 3..2 * pages / 3);
    check_damaged_journal(&env, &journal);
}
