//! Two people (or a script and a person) using one journal at the same moment: every entry
//! lands, and nobody is told "database is locked". Each test starts its writers together at
//! a barrier and runs the real binary, so the processes really overlap.

use std::path::Path;
use std::process::Output;
use std::sync::Barrier;
use std::time::{Duration, Instant};

use crate::support::{TestEnv, dump};

/// One finished command: its exit code, stderr and how long it took from spawn to exit.
struct Done {
    args: Vec<String>,
    code: i32,
    stderr: String,
    took: Duration,
}

fn run_timed(env: &TestEnv, args: &[String]) -> Done {
    let started = Instant::now();
    let Output { status, stderr, .. } = env.command(args).output().expect("run rekindle");
    Done {
        args: args.to_vec(),
        code: status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        took: started.elapsed(),
    }
}

/// Runs `count` commands one after another, starting when `start` opens.
fn stream(
    env: &TestEnv,
    start: &Barrier,
    count: usize,
    command: impl Fn(usize) -> Vec<String>,
) -> Vec<Done> {
    let commands: Vec<Vec<String>> = (0..count).map(command).collect();
    start.wait();
    commands.iter().map(|args| run_timed(env, args)).collect()
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| s.to_string()).collect()
}

#[track_caller]
fn all_succeeded(done: &[Done]) {
    for d in done {
        assert!(
            d.code == 0 && !d.stderr.contains("locked"),
            "{:?} exited {} after {:?}: {}",
            d.args,
            d.code,
            d.took,
            d.stderr
        );
    }
}

fn count(journal: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(journal).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn integrity(journal: &Path) -> String {
    let conn = rusqlite::Connection::open(journal).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn two_writers_at_once_lose_nothing_and_never_see_database_is_locked() {
    let env = TestEnv::with_couple();
    env.run([
        "--as",
        "Alex",
        "promise",
        "add",
        "Walk together after dinner",
        "--every",
        "day",
        "--from",
        "2026-08-01",
    ])
    .success();
    let start = Barrier::new(3);
    let (sam, alex, reader) = std::thread::scope(|s| {
        // Sam checks in on 60 different days while Alex records 60 outcomes of a promise, and
        // a script reads everything (an export) now and then.
        let sam = s.spawn(|| {
            stream(&env, &start, 60, |i| {
                let trust = (i % 10 + 1).to_string();
                let date = format!("{} days ago", i + 1);
                strings(&[
                    "--as",
                    "Sam",
                    "checkin",
                    "--trust",
                    &trust,
                    "--date",
                    &date,
                    "--note",
                    &format!("day {i}"),
                ])
            })
        });
        let alex = s.spawn(|| {
            stream(&env, &start, 60, |i| {
                let date = format!("{} days ago", i + 1);
                let verb = if i % 4 == 3 { "miss" } else { "keep" };
                strings(&["--as", "Alex", "promise", verb, "1", "--date", &date])
            })
        });
        let reader = s.spawn(|| stream(&env, &start, 10, |_| strings(&["export"])));
        (
            sam.join().unwrap(),
            alex.join().unwrap(),
            reader.join().unwrap(),
        )
    });
    all_succeeded(&sam);
    all_succeeded(&alex);
    all_succeeded(&reader);

    let journal = env.default_journal();
    assert_eq!(count(&journal, "SELECT count(*) FROM checkins"), 60);
    assert_eq!(
        count(&journal, "SELECT count(DISTINCT date) FROM checkins"),
        60
    );
    assert_eq!(count(&journal, "SELECT count(*) FROM outcomes"), 60);
    assert_eq!(
        count(
            &journal,
            "SELECT count(*) FROM outcomes WHERE result = 'missed'"
        ),
        15
    );
    assert_eq!(integrity(&journal), "ok");

    // What a writer waited: the slowest command of each stream against its median.
    for (who, done) in [("Sam", &sam), ("Alex", &alex), ("reader", &reader)] {
        let mut took: Vec<Duration> = done.iter().map(|d| d.took).collect();
        took.sort();
        eprintln!(
            "{who}: {} commands, median {:?}, slowest {:?}",
            took.len(),
            took[took.len() / 2],
            took[took.len() - 1]
        );
    }
}

#[test]
fn racing_inits_make_one_journal_and_the_others_are_told_it_exists() {
    let env = TestEnv::new();
    let start = Barrier::new(4);
    let done: Vec<Done> = std::thread::scope(|s| {
        let handles: Vec<_> = ["Sam", "Robin", "Kai", "Jo"]
            .into_iter()
            .map(|first| {
                let (env, start) = (&env, &start);
                s.spawn(move || {
                    stream(env, start, 1, |_| {
                        strings(&["init", "--partner", first, "--partner", "Alex"])
                    })
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let made: Vec<&Done> = done.iter().filter(|d| d.code == 0).collect();
    assert_eq!(made.len(), 1, "exactly one init creates the journal");
    for refused in done.iter().filter(|d| d.code != 0) {
        assert_eq!(refused.code, 2, "{}", refused.stderr);
        assert!(
            refused.stderr.contains("a journal already exists"),
            "{}",
            refused.stderr
        );
    }
    let journal = env.default_journal();
    assert_eq!(integrity(&journal), "ok");
    assert_eq!(count(&journal, "SELECT count(*) FROM partners"), 2);
    let names: Vec<String> = std::fs::read_dir(journal.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["journal.db"], "no temporary file is left behind");
}

#[test]
fn racing_imports_into_a_new_path_both_succeed_and_hold_everything_once() {
    let env = TestEnv::new();
    let file = env.root().join("export.json");
    crate::sample::write(&file, &crate::sample::journal());
    let start = Barrier::new(2);
    let done: Vec<Done> = std::thread::scope(|s| {
        let a = s.spawn(|| {
            stream(&env, &start, 1, |_| {
                strings(&["import", file.to_str().unwrap()])
            })
        });
        let b = s.spawn(|| {
            stream(&env, &start, 1, |_| {
                strings(&["import", file.to_str().unwrap()])
            })
        });
        [a.join().unwrap(), b.join().unwrap()]
            .into_iter()
            .flatten()
            .collect()
    });
    all_succeeded(&done);
    let journal = env.default_journal();
    assert_eq!(integrity(&journal), "ok");
    let single = TestEnv::new();
    single.run(["import", file.to_str().unwrap()]).success();
    assert_eq!(
        count(&journal, "SELECT count(*) FROM checkins"),
        count(&single.default_journal(), "SELECT count(*) FROM checkins")
    );
    assert_eq!(dump(&journal), dump(&single.default_journal()));
}

#[test]
fn writers_on_a_journal_that_was_just_created_all_succeed() {
    // The first commands on a new journal used to be the ones that switched it to WAL; a new
    // journal is now born in WAL mode, so nobody has to. Several trials, as a race may not
    // show the first time.
    for trial in 0..3 {
        let env = TestEnv::with_couple();
        let start = Barrier::new(4);
        let done: Vec<Done> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|k| {
                    let (env, start) = (&env, &start);
                    s.spawn(move || {
                        stream(env, start, 1, |_| {
                            let date = format!("{} days ago", k + 1);
                            strings(&["--as", "Sam", "feel", "hopeful:3", "--date", &date])
                        })
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap())
                .collect()
        });
        all_succeeded(&done);
        let journal = env.default_journal();
        assert_eq!(
            count(&journal, "SELECT count(*) FROM feelings"),
            4,
            "trial {trial}"
        );
    }
}

#[test]
fn writers_racing_on_an_old_rollback_mode_journal_switch_it_to_wal_safely() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    {
        let conn = rusqlite::Connection::open(&journal).unwrap();
        let mode: String = conn
            .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "delete");
    }
    let start = Barrier::new(4);
    let done: Vec<Done> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|k| {
                let (env, start) = (&env, &start);
                s.spawn(move || {
                    stream(env, start, 5, |i| {
                        let date = format!("{} days ago", k * 5 + i + 1);
                        strings(&["--as", "Alex", "feel", "calm", "--date", &date])
                    })
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    all_succeeded(&done);
    assert_eq!(count(&journal, "SELECT count(*) FROM feelings"), 20);
    let header = std::fs::read(&journal).unwrap();
    assert_eq!(
        (header[18], header[19]),
        (2, 2),
        "the journal is in WAL mode"
    );
}

#[test]
fn writers_racing_to_recover_a_journal_left_by_a_crash_all_succeed() {
    // A journal as a crash leaves it: committed entries still in the -wal file, no -shm, so
    // the first process to open it must rebuild the WAL index while the others wait for it.
    let env = TestEnv::with_couple();
    let live = env.default_journal();
    let crashed = env.root().join("crashed.db");
    {
        let conn = rusqlite::Connection::open(&live).unwrap();
        conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        conn.execute_batch(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)
             INSERT INTO feelings (uuid, partner_id, date, word, created_at, updated_at)
             SELECT 'u' || i, 1, date('2020-01-01', '+' || i || ' days'), 'calm', 't', 't' FROM n;",
        )
        .unwrap();
        // Copied while the connection is still open: the entries are only in the -wal.
        std::fs::copy(&live, &crashed).unwrap();
        std::fs::copy(
            env.root().join("home/.local/share/rekindle/journal.db-wal"),
            env.root().join("crashed.db-wal"),
        )
        .unwrap();
    }
    let c = crashed.to_str().unwrap();
    let start = Barrier::new(4);
    let done: Vec<Done> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|k| {
                let (env, start) = (&env, &start);
                s.spawn(move || {
                    stream(env, start, 3, |i| {
                        let date = format!("{} days ago", k * 3 + i + 1);
                        strings(&[
                            "--journal",
                            c,
                            "--as",
                            "Sam",
                            "feel",
                            "tired",
                            "--date",
                            &date,
                        ])
                    })
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    all_succeeded(&done);
    assert_eq!(integrity(&crashed), "ok");
    assert_eq!(count(&crashed, "SELECT count(*) FROM feelings"), 1500 + 12);
}

#[test]
fn a_writer_in_a_terminal_says_what_it_is_waiting_for_then_saves() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    // Another command in the middle of a long write.
    let other = rusqlite::Connection::open(&journal).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut cmd = env.command(["--as", "Sam", "feel", "calm"]);
    cmd.env("TERM", "xterm");
    let mut p = rexpect::session::spawn_command(cmd, Some(60_000)).unwrap();
    p.exp_string("waiting for another rekindle command to finish writing")
        .unwrap();
    other.execute_batch("COMMIT").unwrap();
    p.exp_string("Saved Sam's feelings").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(count(&journal, "SELECT count(*) FROM feelings"), 1);
}

// Regression: two check-ins for the same partner and day, started together, used to end
// with one saved and the other failing with SQLite's "UNIQUE constraint failed" (exit 1).
#[test]
fn two_check_ins_for_the_same_day_at_once_save_one_and_refuse_the_other_plainly() {
    let env = TestEnv::with_couple();
    for trial in 0..4 {
        let date = format!("{} days ago", trial + 1);
        let start = Barrier::new(2);
        let done: Vec<Done> = std::thread::scope(|s| {
            let handles: Vec<_> = ["4", "7"]
                .into_iter()
                .map(|trust| {
                    let (env, start, date) = (&env, &start, &date);
                    s.spawn(move || {
                        stream(env, start, 1, |_| {
                            strings(&["--as", "Alex", "checkin", "--trust", trust, "--date", date])
                        })
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap())
                .collect()
        });
        let saved = done.iter().filter(|d| d.code == 0).count();
        assert_eq!(saved, 1, "trial {trial}");
        let refused = done.iter().find(|d| d.code != 0).unwrap();
        assert_eq!(refused.code, 2, "{}", refused.stderr);
        assert_eq!(refused.stderr.trim_end().lines().count(), 1);
        assert!(refused.stderr.contains("--amend"), "{}", refused.stderr);
    }
    assert_eq!(
        count(&env.default_journal(), "SELECT count(*) FROM checkins"),
        4
    );
}

// Regression: the other partner's name was read before the write, so renaming both
// partners to the same name at once could leave two partners called "Kai".
#[test]
fn renaming_both_partners_to_one_name_at_once_keeps_their_names_apart() {
    for trial in 0..3 {
        let env = TestEnv::with_couple();
        let start = Barrier::new(2);
        let done: Vec<Done> = std::thread::scope(|s| {
            let handles: Vec<_> = [("Sam", "Kai"), ("Alex", "kai")]
                .into_iter()
                .map(|(old, new)| {
                    let (env, start) = (&env, &start);
                    s.spawn(move || {
                        stream(env, start, 1, |_| {
                            strings(&["partners", "rename", old, new])
                        })
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap())
                .collect()
        });
        assert_eq!(
            done.iter().filter(|d| d.code == 0).count(),
            1,
            "trial {trial}"
        );
        assert!(
            done.iter()
                .any(|d| d.code == 2 && d.stderr.contains("already called"))
        );
        assert_eq!(
            count(
                &env.default_journal(),
                "SELECT count(*) FROM partners WHERE lower(name) = 'kai'"
            ),
            1
        );
    }
}

// Audit row K12: twelve renames of the same partner at once. One renames Sam; every other
// says Sam was already renamed (or, started after, that there is no Sam), instead of
// renaming whatever the name had become.
#[test]
fn concurrent_renames_of_one_partner_rename_once() {
    let env = TestEnv::with_couple();
    let start = Barrier::new(12);
    let done: Vec<Done> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..12)
            .map(|n| {
                let (env, start) = (&env, &start);
                s.spawn(move || {
                    let new = format!("Sam{n}");
                    stream(env, start, 1, move |_| {
                        strings(&["partners", "rename", "Sam", &new])
                    })
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert_eq!(done.iter().filter(|d| d.code == 0).count(), 1);
    for refused in done.iter().filter(|d| d.code != 0) {
        assert_eq!(refused.code, 2, "{}", refused.stderr);
        assert!(
            refused
                .stderr
                .contains("\"Sam\" was already renamed to \"Sam")
                || refused
                    .stderr
                    .contains("there is no partner called \"Sam\""),
            "{}",
            refused.stderr
        );
    }
    let winner = &done.iter().find(|d| d.code == 0).unwrap().args[3];
    let names: Vec<String> = {
        let conn = rusqlite::Connection::open(env.default_journal()).unwrap();
        let mut stmt = conn
            .prepare("SELECT name FROM partners ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(names.len(), 2);
    assert_eq!(
        &names[0], winner,
        "the one rename that succeeded is the name kept"
    );
}

/// Audit row K10: seven `checkin --amend` of different fields at once. Every command that
/// says it saved its change has its change in the journal at the end; a command whose change
/// is not there exited non-zero. Never a success that was lost. Several rounds, as a race
/// may not show the first time.
#[test]
fn seven_concurrent_amends_of_different_fields_all_land_or_say_they_failed() {
    // Sam reads the check-ins back: Sam's words are never sealed for Sam (issue 15).
    let mut env = TestEnv::with_couple();
    env.set("REKINDLE_AS", "Sam");
    let fields: [(&str, &str); 7] = [
        ("--trust", "7"),
        ("--connection", "9"),
        ("--feeling", "hopeful:3"),
        ("--answer", "AMENDED-ANSWER"),
        ("--appreciation", "AMENDED-APPRECIATION"),
        ("--need", "AMENDED-NEED"),
        ("--note", "AMENDED-NOTE"),
    ];
    for round in 0..4 {
        let day = format!("2026-11-{:02}", 10 + round);
        env.run(["checkin", "--as", "Sam", "--date", &day, "--trust", "1"])
            .success();
        let start = Barrier::new(fields.len());
        let done: Vec<Done> = std::thread::scope(|s| {
            let handles: Vec<_> = fields
                .iter()
                .map(|(flag, value)| {
                    let (start, env, day) = (&start, &env, &day);
                    s.spawn(move || {
                        stream(env, start, 1, |_| {
                            strings(&[
                                "checkin", "--as", "Sam", "--date", day, "--amend", flag, value,
                            ])
                        })
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap())
                .collect()
        });
        let history = env
            .run([
                "history", "--kind", "checkin", "--since", &day, "--until", &day, "--json",
            ])
            .success()
            .json();
        let saved = &history[0];
        for (d, (flag, value)) in done.iter().zip(fields) {
            if d.code != 0 {
                continue;
            }
            let present = match flag {
                "--trust" => saved["trust"] == 7,
                "--connection" => saved["connection"] == 9,
                "--feeling" => saved["feelings"][0]["word"] == "hopeful",
                other => saved[other.trim_start_matches("--")] == value,
            };
            assert!(
                present,
                "round {round}: {:?} said it saved, but the check-in is {saved}",
                d.args
            );
        }
        // With the write lock held while each amend reads and writes, none has to fail.
        all_succeeded(&done);
        // Each change is its own version: the first one and six amends are kept before it.
        let show = env
            .run([
                "show",
                "checkin",
                saved["id"].to_string().as_str(),
                "--json",
            ])
            .success()
            .json();
        assert_eq!(show["revisions"].as_array().unwrap().len(), 7, "{show}");
    }
}
