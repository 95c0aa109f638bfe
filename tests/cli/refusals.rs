//! Bad input, command by command: each refusal exits 2 with one line on stderr that names the
//! value and says what would work, prints nothing on stdout, and leaves the journal exactly
//! as it was, both row for row (`dump`) and byte for byte once SQLite has checkpointed.
//!
//! Every rekindle process checkpoints its write-ahead log when it closes the journal, so the
//! main file alone holds the journal between runs; `settled` checkpoints once more before
//! reading it, so a refusal that left committed pages in a `-wal` file would still show up as
//! changed bytes. The logical dump is compared too, because it says *what* changed when
//! something did.

use std::path::Path;

use crate::hostile::raw_hazards;
use crate::support::{Run, TestEnv, bytes, dump};

/// One refused command: its arguments (`{journal}` stands for the journal's path), the
/// offending value as the message shows it, and words saying what is accepted instead.
struct Case {
    args: &'static [&'static str],
    names: &'static str,
    accepts: &'static str,
}

const fn case(args: &'static [&'static str], names: &'static str, accepts: &'static str) -> Case {
    Case {
        args,
        names,
        accepts,
    }
}

/// Refusals before any journal exists: `init` must not create one.
const BEFORE_A_JOURNAL: &[Case] = &[
    case(
        &["init", "--partner", "Sam"],
        "--partner",
        "--partner twice",
    ),
    case(
        &["init", "--partner", "Sam", "--partner", "sam"],
        "\"Sam\"",
        "different names",
    ),
    case(
        &["init", "--partner", "Sam", "--partner", "   "],
        "cannot be empty",
        "1 to 40 letters",
    ),
    case(
        &["init", "--partner", "Sam\u{1b}[2J", "--partner", "Alex"],
        "\"Sam\\e[2J\"",
        "use letters, digits",
    ),
    case(
        &["init", "--partner", "Sam", "--partner", "Zo\u{200b}e"],
        "\"Zo\\u{200b}e\"",
        "use letters, digits",
    ),
    case(
        &[
            "init",
            "--partner",
            "Sam",
            "--partner",
            "Alex",
            "--repairing",
            "Kim",
        ],
        "\"Kim\"",
        "use Sam or Alex",
    ),
    case(
        &["init", "--partner", "A", "--partner", "B", "--partner", "C"],
        "3 times",
        "two partners",
    ),
    case(
        &[
            "init",
            "--partner",
            "Sam",
            "--partner",
            "Alexandra Philippa Josephine Montgomery-Smythe",
        ],
        "\"Alexandra Philippa Josephine Montgomery-Smythe\"",
        "at most 40 characters",
    ),
];

/// Refusals against a journal with a couple, a check-in, two promises and an apology (see
/// `seeded`).
const WITH_A_JOURNAL: &[Case] = &[
    // partners
    case(
        &["partners", "role", "Sam", "victim"],
        "\"victim\"",
        "repairing, healing, mutual or unset",
    ),
    case(
        &["partners", "role", "Kim", "healing"],
        "\"Kim\"",
        "Sam and Alex",
    ),
    case(
        &["partners", "rename", "Sam", "alex"],
        "\"alex\"",
        "choose another name",
    ),
    case(
        &["partners", "rename", "Sam", "  "],
        "cannot be empty",
        "1 to 40 letters",
    ),
    case(&["partners", "renam"], "'renam'", "'rename'"),
    // checkin: numbers
    case(
        &["checkin", "--as", "Alex", "--trust", "99999999999999999999"],
        "\"99999999999999999999\"",
        "--trust must be a whole number from 1 to 10",
    ),
    case(
        &["checkin", "--as", "Alex", "--trust", "0"],
        "\"0\"",
        "from 1 to 10",
    ),
    case(
        &["checkin", "--as", "Alex", "--trust", "-3"],
        "\"-3\"",
        "from 1 to 10",
    ),
    case(
        &[
            "checkin",
            "--as",
            "Alex",
            "--trust",
            "5",
            "--connection",
            "7.5",
        ],
        "\"7.5\"",
        "--connection must be a whole number from 1 to 10",
    ),
    case(
        &[
            "checkin",
            "--as",
            "Alex",
            "--trust",
            "5",
            "--feeling",
            "hurt:9",
        ],
        "\"hurt:9\"",
        "from 1 to 5",
    ),
    case(
        &[
            "checkin",
            "--as",
            "Alex",
            "--trust",
            "5",
            "--feeling",
            "hurt:99999999999999999999",
        ],
        "\"99999999999999999999\"",
        "from 1 to 5",
    ),
    case(
        &["checkin", "--as", "Alex", "--trust", "5", "--feeling", ":3"],
        "\":3\"",
        "such as hurt or hopeful:4",
    ),
    case(
        &[
            "checkin",
            "--as",
            "Alex",
            "--trust",
            "5",
            "--feeling",
            "hurt\u{202e}",
        ],
        "\"hurt\\u{202e}\"",
        "use letters and spaces",
    ),
    // checkin: dates
    case(
        &[
            "checkin",
            "--as",
            "Alex",
            "--trust",
            "5",
            "--date",
            "2026-02-30",
        ],
        "\"2026-02-30\"",
        "February 2026 has 28 days",
    ),
    case(
        &[
            "checkin",
            "--as",
            "Alex",
            "--trust",
            "5",
            "--date",
            "2026-13-01",
        ],
        "\"2026-13-01\"",
        "months run from 01 to 12",
    ),
    case(
        &[
            "checkin",
            "--as",
            "Alex",
            "--trust",
            "5",
            "--date",
            "0000-01-01",
        ],
        "\"0000-01-01\"",
        "from 1970-01-01 to 9999-12-31",
    ),
    case(
        &[
            "checkin",
            "--as",
            "Alex",
            "--trust",
            "5",
            "--date",
            "1900-01-01",
        ],
        "\"1900-01-01\"",
        "from 1970-01-01 to 9999-12-31",
    ),
    case(
        &[
            "checkin",
            "--as",
            "Alex",
            "--trust",
            "5",
            "--date",
            "9999-12-31",
        ],
        "9999-12-31",
        "cannot be in the future",
    ),
    case(
        &[
            "checkin",
            "--as",
            "Alex",
            "--trust",
            "5",
            "--date",
            "2100-01-01",
        ],
        "2100-01-01",
        "cannot be in the future",
    ),
    case(
        &[
            "checkin",
            "--as",
            "Alex",
            "--trust",
            "5",
            "--date",
            "next tuesday",
        ],
        "\"next tuesday\"",
        "use YYYY-MM-DD, today, yesterday",
    ),
    case(
        &[
            "checkin",
            "--as",
            "Alex",
            "--trust",
            "5",
            "--date",
            "99999999999999999999 days ago",
        ],
        "\"99999999999999999999 days ago\"",
        "from 1970-01-01 to 9999-12-31",
    ),
    // checkin: steps, people, conflicts
    case(
        &["checkin", "--as", "Alex", "--trust", "5", "--step", "trust"],
        "\"trust\"",
        "responsibility, communication",
    ),
    case(
        &["checkin", "--as", "Alex", "--trust", "5", "--step", "9"],
        "\"9\"",
        "its number from 1 to 8",
    ),
    case(
        &["checkin", "--as", "Alex", "--trust", "5", "--amend"],
        "--amend",
        "leave out --amend",
    ),
    case(
        &["checkin", "--as", "Sam", "--trust", "5"],
        "already checked in",
        "pass --amend",
    ),
    case(
        &["checkin", "--as", "\u{1b}[2JEve", "--trust", "5"],
        "\"\\e[2JEve\"",
        "the partners are Sam and Alex",
    ),
    case(
        &["checkin", "--as", "Alex"],
        "checkin needs",
        "--trust N (1-10)",
    ),
    case(
        &["checkin", "--as", "Alex", "--trust", "5", "--trust", "6"],
        "'--trust <N>'",
        "cannot be used multiple times",
    ),
    case(&["checkin", "--amen"], "'--amen'", "'--amend'"),
    // together and prompt
    case(&["together"], "together", "rekindle checkin --as NAME"),
    case(
        &["together", "--date", "2100-01-01"],
        "2100-01-01",
        "cannot be in the future",
    ),
    case(
        &["prompt", "--as", "Sam", "--step", "0"],
        "\"0\"",
        "its number from 1 to 8",
    ),
    case(
        &["prompt", "--as", "Sam", "--date", "2026-02-30"],
        "\"2026-02-30\"",
        "February 2026 has 28 days",
    ),
    case(&["prompt"], "who is this?", "--as with Sam or Alex"),
    // steps, focus, feel, feelings
    case(&["steps", "extra"], "'extra'", "(see --help)"),
    case(&["focus", "9"], "\"9\"", "its number from 1 to 8"),
    case(&["focus", "-1"], "\"-1\"", "its number from 1 to 8"),
    case(
        &["focus", "\u{202e}forgiveness"],
        "\"\\u{202e}forgiveness\"",
        "responsibility, communication",
    ),
    case(
        &["feel", "--as", "Sam", "hurt:0"],
        "\"hurt:0\"",
        "from 1 to 5",
    ),
    case(
        &["feel", "--as", "Sam", "   "],
        "\"   \"",
        "such as hurt or hopeful:4",
    ),
    case(
        &["feel", "--as", "Sam", "hurt", "--date", "2100-01-01"],
        "2100-01-01",
        "cannot be in the future",
    ),
    case(&["feel", "--as", "Sam"], "<WORD[:N]>", "(see --help)"),
    case(&["feelings", "--all"], "'--all'", "(see --help)"),
    // promise add
    case(
        &["promise", "add", "   ", "--as", "Sam"],
        "the promise's text is empty",
        "say what you promise",
    ),
    case(
        &["promise", "add", "", "--as", "Sam"],
        "the promise's text is empty",
        "say what you promise",
    ),
    case(
        &["promise", "add", "x", "--every", "fortnight", "--as", "Sam"],
        "\"fortnight\"",
        "use day, weekday",
    ),
    case(
        &[
            "promise",
            "add",
            "x",
            "--every",
            "mon,funday",
            "--as",
            "Sam",
        ],
        "\"funday\"",
        "days such as mon,thu",
    ),
    case(
        &["promise", "add", "x", "--every", "", "--as", "Sam"],
        "--every \"\"",
        "use day, weekday",
    ),
    case(
        &["promise", "add", "x", "--every", "\u{1b}[2J", "--as", "Sam"],
        "\"\\e[2J\"",
        "use day, weekday",
    ),
    case(
        &["promise", "add", "x", "--due", "2026-11-01", "--as", "Sam"],
        "--due Sunday 1 November 2026",
        "give a day from then on",
    ),
    case(
        &["promise", "add", "x", "--to", "Sam", "--as", "Sam"],
        "\"Sam\" is you",
        "to your partner, Alex",
    ),
    case(
        &["promise", "add", "x", "--to", "Kim", "--as", "Sam"],
        "\"Kim\"",
        "Sam and Alex",
    ),
    case(
        &["promise", "add", "x", "--from", "2026-02-30", "--as", "Sam"],
        "\"2026-02-30\"",
        "February 2026 has 28 days",
    ),
    case(
        &[
            "promise",
            "add",
            "x",
            "--every",
            "mon",
            "--from",
            "2026-11-17",
            "--due",
            "2026-11-20",
            "--as",
            "Sam",
        ],
        "--every mon has no date",
        "choose a later --due",
    ),
    // promise outcomes and cancel: ids
    case(
        &["promise", "keep", "-1", "--as", "Sam"],
        "(got \"-1\")",
        "whole numbers from 1 up",
    ),
    case(
        &["promise", "keep", "0", "--as", "Sam"],
        "(got \"0\")",
        "whole numbers from 1 up",
    ),
    case(
        &["promise", "keep", "9223372036854775808", "--as", "Sam"],
        "(got \"9223372036854775808\")",
        "whole numbers from 1 up",
    ),
    case(
        &["promise", "miss", "one", "--as", "Sam"],
        "(got \"one\")",
        "whole numbers from 1 up",
    ),
    case(
        &["promise", "keep", "99", "--as", "Sam"],
        "no promise 99",
        "promise list --all",
    ),
    case(
        &["promise", "keep", "1", "--note", " ", "--as", "Sam"],
        "--note is empty",
        "or leave it out",
    ),
    case(
        &["checkin", "--as", "Sam", "--trust", "5", "--note", "   "],
        "--note is empty",
        "or leave it out",
    ),
    case(
        &["checkin", "--as", "Sam", "--trust", "5", "--answer", ""],
        "--answer is empty",
        "or leave it out",
    ),
    case(
        &["feel", "hurt", "--as", "Sam", "--note", " "],
        "--note is empty",
        "or leave it out",
    ),
    case(
        &[
            "promise",
            "keep",
            "1",
            "--date",
            "2100-01-01",
            "--as",
            "Sam",
        ],
        "Friday 1 January 2100",
        "records what already happened",
    ),
    case(
        &[
            "promise",
            "keep",
            "1",
            "--date",
            "2026-11-01",
            "--as",
            "Sam",
        ],
        "Sunday 1 November 2026",
        "use a date from then on",
    ),
    case(
        &["promise", "skip", "2", "--as", "Sam"],
        "promise 2 is a one-time promise",
        "kept, missed or cancelled",
    ),
    case(
        &["promise", "cancel", "-1"],
        "(got \"-1\")",
        "whole numbers from 1 up",
    ),
    case(&["promise", "list", "--al"], "'--al'", "'--all'"),
    // apology
    case(
        &[
            "apology",
            "add",
            "--what",
            "   ",
            "--responsibility",
            "I lied",
            "--as",
            "Sam",
        ],
        "--what is empty",
        "or leave it out",
    ),
    case(
        &["apology", "add", "--what", "I lied", "--as", "Sam"],
        "--responsibility",
        "no terminal to ask in",
    ),
    case(
        &[
            "apology",
            "add",
            "--what",
            "x",
            "--responsibility",
            "y",
            "--every",
            "day",
            "--as",
            "Sam",
        ],
        "--every day",
        "add --promise, or leave --every out",
    ),
    case(
        &[
            "apology",
            "add",
            "--what",
            "x",
            "--responsibility",
            "y",
            "--promise",
            "--every",
            "nope",
            "--as",
            "Sam",
        ],
        "\"nope\"",
        "use day, weekday",
    ),
    case(
        &[
            "apology",
            "add",
            "--what",
            "x",
            "--responsibility",
            "y",
            "--promise",
            "--as",
            "Sam",
        ],
        "--promise",
        "pass --change too",
    ),
    case(
        &[
            "apology",
            "respond",
            "1",
            "--accept",
            "--decline",
            "--as",
            "Alex",
        ],
        "--accept and --decline",
        "use --accept, --need-time or --decline",
    ),
    case(
        &["apology", "respond", "1", "--as", "Alex"],
        "choose one answer",
        "--accept, --need-time or --decline",
    ),
    case(
        &["apology", "respond", "1", "--accept", "--as", "Sam"],
        "apology 1 is Sam's own",
        "only Alex can answer it",
    ),
    case(
        &["apology", "respond", "99", "--accept", "--as", "Alex"],
        "no apology 99",
        "apology list",
    ),
    case(
        &["apology", "respond", "-1", "--accept", "--as", "Alex"],
        "(got \"-1\")",
        "whole numbers from 1 up",
    ),
    case(
        &[
            "apology",
            "respond",
            "1",
            "--accept",
            "--date",
            "2100-01-01",
            "--as",
            "Alex",
        ],
        "2100-01-01",
        "cannot be in the future",
    ),
    case(
        &[
            "apology",
            "respond",
            "1",
            "--accept",
            "--date",
            "2026-11-19",
            "--as",
            "Alex",
        ],
        "--date Thursday 19 November 2026",
        "an answer comes after it",
    ),
    case(
        &[
            "apology", "respond", "1", "--accept", "--note", "  ", "--as", "Alex",
        ],
        "--note is empty",
        "or leave it out",
    ),
    case(
        &["apology", "check"],
        "nothing to check",
        "on standard input",
    ),
    case(
        &["apology", "check", "--jsn"],
        "unknown flag --jsn for apology check",
        "pass it on standard input",
    ),
    case(
        &["apology", "check", "--bogus"],
        "unknown flag --bogus",
        "pass it on standard input",
    ),
    // history
    case(
        &["history", "--limit", "4294967296"],
        "(got \"4294967296\")",
        "--limit must be a whole number from 1 to 1000000",
    ),
    case(
        &["history", "--limit", "0"],
        "(got \"0\")",
        "from 1 to 1000000",
    ),
    case(
        &["history", "--limit", "-5"],
        "(got \"-5\")",
        "from 1 to 1000000",
    ),
    case(
        &["history", "--kind", "diary"],
        "\"diary\"",
        "use checkin, feeling, promise",
    ),
    case(
        &["history", "--kind", "checkin,\u{1b}[31mred"],
        "\"\\e[31mred\"",
        "use checkin, feeling, promise",
    ),
    case(
        &["history", "--since", "2026-11-20", "--until", "2026-11-01"],
        "--since (2026-11-20) is after --until (2026-11-01)",
        "nothing could match",
    ),
    case(
        &["history", "--since", "2026-02-30"],
        "--since: \"2026-02-30\"",
        "February 2026 has 28 days",
    ),
    case(&["history", "--as", "Kim"], "\"Kim\"", "Sam and Alex"),
    case(&["history", "--partner", "Kim"], "\"Kim\"", "Sam and Alex"),
    case(
        &["history", "--search", ""],
        "--search \"\"",
        "needs some text",
    ),
    case(
        &["history", "--search", " \t "],
        "--search \"   \"",
        "needs some text",
    ),
    // progress
    case(
        &["progress", "--weeks", "0"],
        "(got \"0\")",
        "--weeks must be a whole number from 1 to 520",
    ),
    case(
        &["progress", "--weeks", "521"],
        "(got \"521\")",
        "from 1 to 520",
    ),
    case(
        &["progress", "--weeks", "-1"],
        "(got \"-1\")",
        "from 1 to 520",
    ),
    case(
        &["progress", "--weeks", "99999999999999999999"],
        "(got \"99999999999999999999\")",
        "from 1 to 520",
    ),
    case(
        &["progress", "--until", "2100-01-01"],
        "2100-01-01",
        "cannot be in the future",
    ),
    case(
        &["progress", "--until", "1970-01-01"],
        "--until \"1970-01-01\": with --weeks 8 the first week would start on Monday 10 November 1969",
        "give --until 1970-02-23 or later",
    ),
    case(
        &["progress", "--until", "1970-01-04", "--weeks", "1"],
        "--until \"1970-01-04\": with --weeks 1 the first week would start on Monday 29 December 1969",
        "give --until 1970-01-05 or later",
    ),
    case(
        &[
            "report",
            "--output",
            "p.html",
            "--until",
            "1970-01-20",
            "--weeks",
            "4",
        ],
        "--until \"1970-01-20\"",
        "give --until 1970-01-26 or later, or fewer --weeks",
    ),
    case(
        &["progress", "--until", "yesterdayy"],
        "\"yesterdayy\"",
        "use YYYY-MM-DD, today, yesterday",
    ),
    // export, import, backup
    case(
        &["export", "--format", "xml"],
        "'xml'",
        "[possible values: json, csv, markdown]",
    ),
    case(
        &["export", "--format", "\u{9b}2Jcsv"],
        "'\\u{9b}2Jcsv'",
        "[possible values: json, csv, markdown]",
    ),
    case(
        &["export", "--format", "csv", "--json"],
        "--json cannot go with --format csv",
        "leave out --json, or add --output FILE",
    ),
    case(
        &["export", "--format", "markdown", "--json", "--output", "-"],
        "--json cannot go with --format markdown",
        "leave out --json, or add --output FILE",
    ),
    case(
        &["export", "--output", "{journal}"],
        "journal.db is part of your journal itself",
        "choose another file for --output",
    ),
    case(
        &["import", "garbage.txt"],
        "garbage.txt: it is not JSON",
        "reads the JSON that `rekindle export` writes",
    ),
    case(
        &["import", "trust-11.json"],
        "checkins[0].trust",
        "from 1 to 10 (got 11)",
    ),
    case(
        &["import", "trust-11.json", "--dry-run"],
        "checkins[0].trust",
        "from 1 to 10 (got 11)",
    ),
    case(
        &["backup", "existing.db"],
        "existing.db already exists",
        "pass --force",
    ),
    case(
        &["backup", "{journal}"],
        "journal.db is part of your journal itself",
        "choose another file",
    ),
    // doctor, completions, the command line itself
    case(
        &["doctor", "--fix-everything"],
        "'--fix-everything'",
        "(see --help)",
    ),
    case(
        &["completions", "tcsh"],
        "'tcsh'",
        "[possible values: bash, elvish, fish, powershell, zsh]",
    ),
    case(&["completions"], "<SHELL>", "(see --help)"),
    case(&["histroy"], "'histroy'", "'history'"),
    case(
        &["\u{1b}]0;pwned\u{7}"],
        "'\\e]0;pwned\\x07'",
        "(see --help)",
    ),
    case(
        &["--json=1", "partners"],
        "'1' for '--json'",
        "no more were expected",
    ),
];

/// What has to hold for any refusal: exit 2, nothing on stdout, exactly one defused line on
/// stderr naming the value and what is accepted. Returns the problems found.
fn check_refusal(args: &[String], run: &Run, case: &Case) -> Vec<String> {
    let mut problems = Vec::new();
    let said = format!("{args:?}\n  stderr: {:?}", run.stderr);
    if run.code != 2 {
        problems.push(format!("exit {} instead of 2: {said}", run.code));
    }
    if !run.stdout.is_empty() {
        problems.push(format!("printed {:?} on stdout: {said}", run.stdout));
    }
    if !run.stderr.ends_with('\n') || run.stderr.matches('\n').count() != 1 {
        problems.push(format!("not exactly one line: {said}"));
    }
    if !run.stderr.starts_with("rekindle: error: ") {
        problems.push(format!("not an error line: {said}"));
    }
    let hazards = raw_hazards(run.stderr.trim_end_matches('\n'));
    if !hazards.is_empty() {
        problems.push(format!("raw {hazards:?} on stderr: {said}"));
    }
    for needle in [case.names, case.accepts] {
        if !run.stderr.contains(needle) {
            problems.push(format!("does not say {needle:?}: {said}"));
        }
    }
    problems
}

/// The journal's main file after a checkpoint, with its `-wal` folded in and removed.
fn settled(journal: &Path) -> Vec<u8> {
    let conn = rusqlite::Connection::open(journal).expect("open journal");
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .expect("checkpoint");
    drop(conn);
    bytes(journal)
}

/// The names of the files in `dir`, so a stray temporary file would be noticed.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// A couple, Sam's check-in today, Sam's daily promise 1 (from Monday) and one-time promise
/// 2, and Sam's apology 1 to Alex, made yesterday; plus the files the import and backup
/// cases need, and a broken prompt file, whose warning must never make a refusal two lines.
fn seeded() -> TestEnv {
    let mut env = TestEnv::with_couple();
    let prompts = env.root().join("config/rekindle/prompts");
    std::fs::create_dir_all(&prompts).unwrap();
    std::fs::write(prompts.join("broken.toml"), "id = \"nowhere\"\n").unwrap();
    let config = env.root().join("config");
    env.set("XDG_CONFIG_HOME", &config);
    env.run(["steps"])
        .success()
        .stderr_has("rekindle: warning:");
    env.run(["checkin", "--as", "Sam", "--trust", "6"])
        .success();
    env.run([
        "promise",
        "add",
        "Walk after dinner",
        "--every",
        "day",
        "--from",
        "2026-11-16",
        "--as",
        "Sam",
    ])
    .success();
    env.run(["promise", "add", "Book the counsellor", "--as", "Sam"])
        .success();
    env.run([
        "apology",
        "add",
        "--what",
        "I lied about Tuesday",
        "--responsibility",
        "I chose to lie",
        "--date",
        "yesterday",
        "--as",
        "Sam",
    ])
    .success();
    let mut export = env.run(["export"]).success().json();
    export["checkins"][0]["trust"] = 11.into();
    std::fs::write(env.root().join("trust-11.json"), export.to_string()).unwrap();
    std::fs::write(env.root().join("garbage.txt"), "trust,note\n5,hello\n").unwrap();
    std::fs::write(env.root().join("existing.db"), "keep me").unwrap();
    env
}

fn expand(args: &[&str], journal: &Path) -> Vec<String> {
    args.iter()
        .map(|a| match *a {
            "{journal}" => journal.display().to_string(),
            a => a.to_string(),
        })
        .collect()
}

#[test]
fn every_refusal_is_one_clear_line_and_changes_nothing() {
    let env = seeded();
    let journal = env.default_journal();
    let dir = journal.parent().unwrap().to_path_buf();
    let rows = dump(&journal);
    let file = settled(&journal);
    let files = (listing(env.root()), listing(&dir));
    let mut problems = Vec::new();
    for case in WITH_A_JOURNAL {
        let args = expand(case.args, &journal);
        let run = env.run(&args);
        problems.extend(check_refusal(&args, &run, case));
        if dump(&journal) != rows {
            problems.push(format!("changed the journal's rows: {args:?}"));
        }
        if settled(&journal) != file {
            problems.push(format!("changed the journal's bytes: {args:?}"));
        }
        if (listing(env.root()), listing(&dir)) != files {
            problems.push(format!("left files behind: {args:?}"));
        }
    }
    assert_eq!(
        bytes(&env.root().join("existing.db")),
        b"keep me",
        "backup without --force replaced a file"
    );
    assert!(
        problems.is_empty(),
        "{} of {} refusals went wrong:\n{}",
        problems.len(),
        WITH_A_JOURNAL.len(),
        problems.join("\n")
    );
    assert!(WITH_A_JOURNAL.len() + BEFORE_A_JOURNAL.len() >= 40);
}

#[test]
fn refusals_before_a_journal_exists_create_nothing() {
    let env = TestEnv::new();
    let mut problems = Vec::new();
    for case in BEFORE_A_JOURNAL {
        let args = expand(case.args, &env.default_journal());
        let run = env.run(&args);
        problems.extend(check_refusal(&args, &run, case));
        if env.home().join(".local").exists() {
            problems.push(format!("created a data folder: {args:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_bad_environment_value_is_named_like_a_bad_flag() {
    let mut env = seeded();
    let journal = env.default_journal();
    let rows = dump(&journal);
    env.set("REKINDLE_TODAY", "2026-02-30");
    let run = env.run(["partners"]);
    run.refused()
        .stderr_has("REKINDLE_TODAY must be a date as YYYY-MM-DD (got \"2026-02-30\")");
    assert_eq!(dump(&journal), rows);
}

#[test]
fn text_that_starts_with_a_dash_is_text_not_an_unknown_option() {
    // Regression: `--note "- we walked"` was refused as "unexpected argument '- ' found".
    let env = seeded();
    let checkin = env
        .run([
            "checkin",
            "--as",
            "Alex",
            "--trust",
            "5",
            "--note",
            "- we walked",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(checkin["note"], "- we walked");
    let promise = env
        .run(["promise", "add", "-_- no sulking", "--as", "Alex", "--json"])
        .success()
        .json();
    assert_eq!(promise["text"], "-_- no sulking");
    let outcome = env
        .run([
            "promise", "keep", "1", "--note", "--barely", "--as", "Sam", "--json",
        ])
        .success()
        .json();
    assert_eq!(outcome["note"], "--barely");
}

#[test]
fn named_values_are_accepted_in_any_case_like_kinds_and_steps() {
    let env = seeded();
    env.run(["export", "--format", "MD"])
        .success()
        .stdout_has("# ");
    env.run(["completions", "ZSH"])
        .success()
        .stdout_has("#compdef rekindle");
    env.run(["history", "--kind", "CheckIn"]).success();
    env.run(["focus", "Communication"]).success();
}

#[test]
fn hostile_search_strings_are_searched_for_not_run() {
    let env = seeded();
    env.run([
        "checkin",
        "--as",
        "Alex",
        "--trust",
        "5",
        "--note",
        "NEAR the (old) \"bridge\" OR* not:here",
    ])
    .success();
    let journal = env.default_journal();
    let rows = dump(&journal);
    for (search, finds) in [
        ("\"bridge", 1),
        ("NEAR(", 1),
        ("(old) OR", 1),
        ("not:here", 1),
        ("bridge*", 1),
        ("^bridge", 1),
        ("\" OR 1=1 --", 0),
        ("'; DROP TABLE checkins; --", 0),
        ("\u{1b}]0;pwned\u{7}", 0),
        ("\u{202e}bridge", 1),
        ("* ( ) \" : ^ -", 0),
        ("\u{0}", 0),
    ] {
        // An argument cannot hold NUL; the program receives the text up to it.
        let search = search.replace('\u{0}', "");
        let run = env.run([
            "history", "--kind", "checkin", "--search", &search, "--json",
        ]);
        if search.is_empty() {
            // Nothing left to look for is refused, as blank text is everywhere.
            run.refused().stderr_has("--search \"\" needs some text");
            continue;
        }
        run.success();
        let found = run.json().as_array().map(Vec::len).unwrap_or(99);
        assert_eq!(found, finds, "{search:?}");
    }
    let long = "walk ".repeat(20_000);
    env.run(["history", "--search", &long]).success();
    assert_eq!(dump(&journal), rows);
}
