//! A process killed outright (SIGKILL: a power cut, an impatient `kill -9`) in the middle of
//! a large import leaves a journal that passes SQLite's integrity check and holds either all
//! of that import or none of it; killed while creating a journal, it leaves either no journal
//! or a complete one. Each trial spawns the real binary, kills it after a delay spread over
//! the time a whole import takes, and reopens what is left.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::support::{TODAY, TestEnv};

/// How much life the generated export holds: enough that an import is a long write, short
/// enough that the trials take a few seconds on a small CI machine.
const DAYS: u32 = 120;

/// The record counts of every kind, in a fixed order, or None when there is no journal.
fn counts(journal: &Path) -> Option<Vec<i64>> {
    if !journal.exists() {
        return None;
    }
    let conn = rusqlite::Connection::open(journal).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        check,
        "ok",
        "{} fails its integrity check",
        journal.display()
    );
    let kinds = [
        "partners",
        "checkins",
        "feelings",
        "promises",
        "outcomes",
        "apologies",
        "responses",
        "focus_changes",
        "meetings",
        "meeting_partners",
    ];
    Some(
        kinds
            .iter()
            .map(|t| {
                conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                    .unwrap()
            })
            .collect(),
    )
}

/// An export of a generated journal of [`DAYS`] days ending today, by Sam and Alex.
fn big_export(env: &TestEnv) -> PathBuf {
    let generated = env.root().join("generated.db");
    let until = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    rekindle::store::Store::create(&generated, |tx| {
        Ok(rekindle::store::sample::generate(tx, DAYS, until, 11)?)
    })
    .unwrap();
    let file = env.root().join("export.json");
    env.run([
        "--journal",
        generated.to_str().unwrap(),
        "export",
        "--output",
        file.to_str().unwrap(),
    ])
    .success();
    file
}

fn spawn_import(env: &TestEnv, journal: &Path, file: &Path) -> Child {
    env.command([
        "--journal",
        journal.to_str().unwrap(),
        "import",
        file.to_str().unwrap(),
    ])
    .stdin(Stdio::null())
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .spawn()
    .unwrap()
}

/// Runs `child` to the end, noting when `marker` first appears (the journal's `-wal` file,
/// or the temporary journal being built: the moment the import starts writing). Returns the
/// whole run time and that moment.
fn watch(mut child: Child, marker: impl Fn() -> bool) -> (Duration, Duration) {
    let started = Instant::now();
    let mut writing = None;
    while child.try_wait().unwrap().is_none() {
        if writing.is_none() && marker() {
            writing = Some(started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(child.wait().unwrap().success());
    let whole = started.elapsed();
    (whole, writing.unwrap_or(Duration::ZERO))
}

/// Kill delays: one while the file is still being read and checked, the rest spread over
/// the write, each nudged by a little jitter so that repeated runs probe different instants.
/// They are printed, so a failing run can be retried with the same ones.
fn delays(writing: Duration, whole: Duration, trials: u32) -> Vec<Duration> {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    let jitter = |k: u32| {
        f64::from(seed.wrapping_mul(2_654_435_761).wrapping_add(k * 97) % 100) / 100.0 - 0.5
    };
    let span = whole.saturating_sub(writing);
    std::iter::once(writing / 2)
        .chain((1..trials).map(|k| {
            let at = (f64::from(k) + jitter(k) * 0.8) / f64::from(trials);
            writing + span.mul_f64(at.clamp(0.02, 0.98))
        }))
        .collect()
}

/// Lets `child` run for `delay`, then kills it; true if it was still running when killed.
fn kill_after(mut child: Child, delay: Duration) -> bool {
    std::thread::sleep(delay);
    let running = child.try_wait().unwrap().is_none();
    let _ = child.kill();
    child.wait().unwrap();
    running
}

#[test]
fn an_import_killed_at_any_moment_leaves_all_of_it_or_none_of_it() {
    let env = TestEnv::with_couple();
    let base = env.default_journal();
    let file = big_export(&env);
    let before = counts(&base).unwrap();
    let copy_of_base = |name: &str| -> PathBuf {
        let path = env.root().join(name);
        std::fs::copy(&base, &path).unwrap();
        path
    };

    // One import left to finish: how long it takes, when it starts writing, and what "all of
    // it" is.
    let reference = copy_of_base("reference.db");
    let wal = reference.with_file_name("reference.db-wal");
    let (whole, writing) = watch(spawn_import(&env, &reference, &file), || wal.exists());
    let after = counts(&reference).unwrap();
    assert!(after[1] > before[1] + 200, "{after:?}");

    let mut outcomes = Vec::new();
    let mut last = PathBuf::new();
    for (i, delay) in delays(writing, whole, 5).into_iter().enumerate() {
        let journal = copy_of_base(&format!("trial-{i}.db"));
        let killed = kill_after(spawn_import(&env, &journal, &file), delay);
        let found = counts(&journal).unwrap();
        let which = if found == before {
            "none"
        } else if found == after {
            "all"
        } else {
            panic!(
                "killed after {delay:?}, the journal holds part of the import: {found:?} (before {before:?}, after {after:?})"
            );
        };
        outcomes.push(format!(
            "{delay:?}: {which}{}",
            if killed { "" } else { " (had finished)" }
        ));
        last = journal;
    }
    eprintln!(
        "import of {DAYS} days took {whole:?}, writing from {writing:?}; killed at {outcomes:?}"
    );
    // What a person would do next: check the journal, and import again.
    let j = last.to_str().unwrap();
    env.run(["--journal", j, "doctor"]).success();
    env.run(["--journal", j, "import", file.to_str().unwrap()])
        .success();
    assert_eq!(counts(&last).unwrap(), after);
}

#[test]
fn an_import_creating_a_journal_killed_at_any_moment_leaves_no_journal_or_a_whole_one() {
    let env = TestEnv::new();
    let file = {
        let helper = TestEnv::new();
        let file = big_export(&helper);
        let kept = env.root().join("export.json");
        std::fs::copy(&file, &kept).unwrap();
        kept
    };
    let folder = env.root().join("new");
    std::fs::create_dir(&folder).unwrap();

    let reference = folder.join("reference.db");
    let child = spawn_import(&env, &reference, &file);
    let temp = folder.join(format!(".reference.db.new-{}", child.id()));
    let (whole, writing) = watch(child, || temp.exists());
    let after = counts(&reference).unwrap();

    let mut outcomes = Vec::new();
    for (i, delay) in delays(writing, whole, 4).into_iter().enumerate() {
        let journal = folder.join(format!("trial-{i}.db"));
        kill_after(spawn_import(&env, &journal, &file), delay);
        let found = counts(&journal);
        assert!(
            found.is_none() || found.as_ref() == Some(&after),
            "killed after {delay:?}: {found:?}, expected nothing or {after:?}"
        );
        outcomes.push(format!(
            "{delay:?}: {}",
            if found.is_some() { "whole" } else { "none" }
        ));
        // Whatever a killed creation left beside the journal is ignored, and the next
        // creation clears it away.
        let j = journal.to_str().unwrap();
        if found.is_none() {
            env.run(["--journal", j, "import", file.to_str().unwrap()])
                .success();
        }
        assert_eq!(counts(&journal), Some(after.clone()));
        let leftovers: Vec<String> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(&format!(".trial-{i}.db.new-")))
            .collect();
        if found.is_none() {
            assert!(leftovers.is_empty(), "{leftovers:?}");
        }
    }
    eprintln!(
        "creating from {DAYS} days took {whole:?}, writing from {writing:?}; killed at {outcomes:?}"
    );
}

#[test]
fn small_writes_killed_at_any_moment_leave_a_whole_record_or_none() {
    // A check-in with its feelings, and an apology with its promise: each is one command,
    // so each lands whole or not at all.
    let env = TestEnv::with_couple();
    let base = env.default_journal();
    let writes: [&[&str]; 2] = [
        &[
            "--as",
            "Sam",
            "checkin",
            "--trust",
            "6",
            "--feeling",
            "hopeful:3",
            "--feeling",
            "tired",
            "--note",
            "a long day",
        ],
        &[
            "--as",
            "Sam",
            "apology",
            "add",
            "--what",
            "I was late again",
            "--responsibility",
            "I chose to stay out",
            "--change",
            "I will leave by six",
            "--promise",
        ],
    ];
    for (w, args) in writes.iter().enumerate() {
        let spawn = |journal: &Path| {
            let mut full = vec!["--journal", journal.to_str().unwrap()];
            full.extend_from_slice(args);
            env.command(&full)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        };
        let reference = env.root().join(format!("reference-{w}.db"));
        std::fs::copy(&base, &reference).unwrap();
        let before = counts(&reference).unwrap();
        let wal = env.root().join(format!("reference-{w}.db-wal"));
        let (whole, writing) = watch(spawn(&reference), || wal.exists());
        let after = counts(&reference).unwrap();
        assert_ne!(before, after);
        for (i, delay) in delays(writing, whole, 6).into_iter().enumerate() {
            let journal = env.root().join(format!("trial-{w}-{i}.db"));
            std::fs::copy(&base, &journal).unwrap();
            kill_after(spawn(&journal), delay);
            let found = counts(&journal).unwrap();
            assert!(
                found == before || found == after,
                "{args:?} killed after {delay:?}: {found:?} (before {before:?}, after {after:?})"
            );
        }
    }
}
