//! The documentation the program carries: the manual page (checked in as
//! docs/man/rekindle.1, and failing here when it falls behind the command line), every
//! command's help with its examples, and snapshots of the screens people read daily (the
//! today view, status, progress) at a narrow and a wide width.

use std::path::Path;

use crate::support::TestEnv;

/// Every command and subcommand, as typed.
const COMMANDS: &[&[&str]] = &[
    &["init"],
    &["checkin"],
    &["together"],
    &["prompt"],
    &["steps"],
    &["focus"],
    &["feel"],
    &["feelings"],
    &["note"],
    &["promise"],
    &["promise", "add"],
    &["promise", "keep"],
    &["promise", "miss"],
    &["promise", "skip"],
    &["promise", "cancel"],
    &["promise", "list"],
    &["apology"],
    &["apology", "add"],
    &["apology", "respond"],
    &["apology", "list"],
    &["apology", "check"],
    &["apology", "withdraw"],
    &["exercise"],
    &["exercise", "incident"],
    &["exercise", "trigger"],
    &["exercise", "request"],
    &["exercise", "list"],
    &["history"],
    &["show"],
    &["edit"],
    &["delete"],
    &["undo"],
    &["progress"],
    &["report"],
    &["export"],
    &["import"],
    &["backup"],
    &["restore"],
    &["encrypt"],
    &["decrypt"],
    &["partners"],
    &["partners", "role"],
    &["partners", "rename"],
    &["partners", "passphrase"],
    &["reveal"],
    &["status"],
    &["remind"],
    &["remind", "install"],
    &["remind", "remove"],
    &["remind", "show"],
    &["doctor"],
    &["completions"],
    &["man"],
];

#[test]
fn the_checked_in_man_page_is_the_one_the_program_prints() {
    let env = TestEnv::new();
    let printed = env.run(["man"]).success().stdout.clone();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/man/rekindle.1");
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        printed == checked_in,
        "docs/man/rekindle.1 is out of date; run: cargo run -- man > docs/man/rekindle.1"
    );
    // It covers every command, with its examples.
    for command in COMMANDS {
        let title = format!(".SS \"rekindle {}\"", command.join(" "));
        assert!(printed.contains(&title), "the man page lacks {title}");
    }
}

#[test]
fn every_command_s_help_ends_with_two_or_three_examples() {
    let env = TestEnv::new();
    for command in COMMANDS {
        let mut args = command.to_vec();
        args.push("--help");
        let help = env.run(&args).success().stdout.clone();
        let (_, examples) = help
            .rsplit_once("Examples:\n")
            .unwrap_or_else(|| panic!("`{}` has no examples:\n{help}", args.join(" ")));
        let lines: Vec<&str> = examples.lines().filter(|l| !l.trim().is_empty()).collect();
        assert!(
            (2..=3).contains(&lines.len()) && lines.iter().all(|l| l.contains("rekindle")),
            "`{}`: {lines:?}",
            args.join(" ")
        );
        insta::assert_snapshot!(format!("help {}", command.join(" ")), help);
    }
}

/// A journal with a few days in it: both partners check in, a daily promise with a gap, an
/// apology waiting for Alex's answer.
fn lived_in() -> TestEnv {
    let env = TestEnv::with_couple_on("2026-11-09");
    let mut env = env;
    env.run([
        "promise",
        "add",
        "Say goodnight",
        "--every",
        "day",
        "--as",
        "Sam",
    ])
    .success();
    for day in 9..=20 {
        let date = format!("2026-11-{day:02}");
        env.set("REKINDLE_TODAY", &date);
        let trust = (3 + day / 3).to_string();
        env.run([
            "checkin",
            "--as",
            "Sam",
            "--trust",
            &trust,
            "--feeling",
            "hopeful:3",
        ])
        .success();
        if day % 2 == 0 {
            env.run([
                "checkin",
                "--as",
                "Alex",
                "--trust",
                "4",
                "--feeling",
                "hurt:2",
            ])
            .success();
        }
        if day < 16 {
            env.run(["promise", "keep", "1", "--as", "Alex"]).success();
        }
    }
    env.set("REKINDLE_TODAY", "2026-11-21");
    env.run([
        "apology",
        "add",
        "--as",
        "Sam",
        "--what",
        "I said I was at work on Tuesday",
        "--responsibility",
        "I chose to lie to you",
    ])
    .success();
    env.run(["checkin", "--as", "Sam", "--trust", "7"])
        .success();
    env
}

#[test]
fn the_daily_screens_at_60_and_100_columns() {
    let mut env = lived_in();
    for columns in ["60", "100"] {
        env.set("COLUMNS", columns);
        let today = env.run(["--as", "Alex"]).success().stdout.clone();
        let shared = env.run(Vec::<&str>::new()).success().stdout.clone();
        let status = env.run(["status"]).success().stdout.clone();
        let short = env.run(["status", "--short"]).success().stdout.clone();
        let progress = env
            .run(["progress", "--weeks", "3"])
            .success()
            .stdout
            .clone();
        for (name, text) in [
            ("today", &today),
            ("today-shared", &shared),
            ("status", &status),
            ("progress", &progress),
        ] {
            let width: usize = columns.parse().unwrap();
            for line in text.lines() {
                assert!(
                    console::measure_text_width(line) <= width,
                    "{name} at {columns} columns has a line of {}: {line:?}",
                    console::measure_text_width(line)
                );
            }
            insta::assert_snapshot!(format!("{name} at {columns} columns"), text);
        }
        assert_eq!(short.lines().count(), 1, "{short:?}");
        assert_eq!(short, "Sam ✓ Alex · 1 to record, 1 apology waiting\n");
    }
}

#[test]
fn the_today_view_knows_who_is_asking_and_says_how_to_start_without_a_journal() {
    let env = TestEnv::new();
    let run = env.run(Vec::<&str>::new());
    run.success()
        .stdout_has("There is no journal yet")
        .stdout_has("rekindle checkin");
    let json = env.run(["--json"]).success().json();
    assert_eq!(json["journal"], false);
    env.run(["status", "--short"])
        .success()
        .stdout_has("rekindle: no journal yet");

    let env = lived_in();
    let alex = env.run(["--as", "alex", "--json"]).success().json();
    assert_eq!(alex["partner"], "Alex");
    assert_eq!(
        alex["checked_in"][0],
        serde_json::json!({"partner": "Sam", "done": true})
    );
    assert_eq!(
        alex["checked_in"][1],
        serde_json::json!({"partner": "Alex", "done": false})
    );
    assert_eq!(alex["apologies_waiting"][0]["by"], "Sam");
    assert_eq!(alex["promises_to_record"][0]["id"], 1);
    assert_eq!(alex["next"], "rekindle checkin --as Alex");
    assert!(
        alex["prompt"]["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
    );
    // Sam has checked in and is owed no answer: the next step is the promise to record.
    let sam = env.run(["--as", "Sam", "--json"]).success().json();
    assert_eq!(sam["apologies_waiting"], serde_json::json!([]));
    assert_eq!(sam["next"], "rekindle promise keep 1 --as Sam");
    // Without a partner, what is shared and how to say who you are; no prompt.
    let shared = env.run(["--json"]).success().json();
    assert_eq!(shared["partner"], serde_json::Value::Null);
    assert_eq!(shared["prompt"], serde_json::Value::Null);
    env.run(Vec::<&str>::new())
        .success()
        .stdout_has("REKINDLE_AS");
}

#[test]
fn the_help_says_truthfully_what_leaves_the_computer() {
    let env = TestEnv::new();
    let run = env.run(["--help"]);
    run.code(0);
    let words = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains(
            "rekindle never opens a network connection: `sync` only writes encrypted files into a folder you choose"
        ),
        "{words}"
    );
    assert!(!words.contains("nothing is ever sent"), "{words}");
}
