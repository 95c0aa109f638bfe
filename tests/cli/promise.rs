//! `rekindle promise`: making promises, recording outcomes, cancelling, listing, refusals.
//! Today is Saturday 21 November 2026 in every test.

use serde_json::json;

use crate::support::{TestEnv, dump};

fn list_json(env: &TestEnv, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["promise", "list", "--json"];
    args.extend_from_slice(extra);
    env.run(args).success().json()
}

#[test]
fn add_prints_the_record_and_defaults_to_the_other_partner_from_today() {
    let env = TestEnv::with_couple();
    let record = env
        .run([
            "promise",
            "add",
            "Book the counsellor",
            "--due",
            "2026-11-27",
            "--as",
            "sam",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(
        record,
        json!({"kind": "promise", "id": 1, "date": "2026-11-21", "partner": "Sam",
               "to": "Alex", "text": "Book the counsellor", "due": "2026-11-27",
               "every": null, "status": "open", "closed_on": null, "edited": false})
    );
    env.run([
        "promise",
        "add",
        "Walk after dinner",
        "--every",
        "Thursday,MON",
        "--as",
        "Alex",
    ])
    .success()
    .stdout_has("Saved promise 2 from Alex to Sam, in force from Saturday 21 November 2026")
    .stdout_has("every Monday and Thursday");
    let list = list_json(&env, &[]);
    assert_eq!(
        list[1]["every"], "mon,thu",
        "stored in the short sorted form"
    );
    assert_eq!(list[1]["to"], "Sam");
}

#[test]
fn outcomes_count_for_the_maker_whoever_records_them() {
    let env = TestEnv::with_couple();
    env.run([
        "promise",
        "add",
        "Text if I'm late",
        "--every",
        "weekday",
        "--from",
        "2026-11-09",
        "--as",
        "Sam",
    ])
    .success();
    // Saturday: the default date is the most recent weekday, Friday, named in words.
    env.run(["promise", "keep", "1", "--as", "Alex"])
        .success()
        .stdout_has("Kept: Sam's promise 1, \"Text if I'm late\", for Friday 20 November 2026.")
        .stdout_has("Recorded by Alex; it counts for Sam.");
    let outcome = env
        .run([
            "promise",
            "miss",
            "1",
            "--date",
            "2026-11-19",
            "--note",
            "forgot",
            "--as",
            "Sam",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(
        outcome,
        json!({"kind": "outcome", "id": 2, "date": "2026-11-19", "partner": "Sam",
               "promise_id": 1, "promise": "Text if I'm late", "result": "missed",
               "note": "forgot", "recorded_by": "Sam", "edited": false})
    );
    env.run([
        "promise",
        "skip",
        "1",
        "--date",
        "wednesday",
        "--as",
        "Alex",
    ])
    .success()
    .stdout_has("Skipped")
    .stdout_has("Wednesday 18 November 2026")
    .stdout_has("So far: kept 1, missed 1, skipped 1 (50% kept).");
    env.run([
        "promise",
        "keep",
        "1",
        "--date",
        "2026-11-17",
        "--as",
        "Alex",
    ])
    .success();
    let list = list_json(&env, &[]);
    assert_eq!(list[0]["by"], "Sam");
    assert_eq!(list[0]["kept"], 2);
    assert_eq!(list[0]["missed"], 1);
    assert_eq!(list[0]["skipped"], 1);
    assert_eq!(list[0]["keeping_rate"], 0.67);
    assert_eq!(list[0]["overdue"], false);
    assert_eq!(list[0]["today_pending"], false, "Saturday is not a weekday");
    assert_eq!(list[0]["status"], "open", "a recurring promise stays open");
}

#[test]
fn today_pending_until_today_is_recorded() {
    let env = TestEnv::with_couple();
    env.run([
        "promise",
        "add",
        "Say good night",
        "--every",
        "day",
        "--as",
        "Alex",
    ])
    .success();
    let list = list_json(&env, &[]);
    assert_eq!(list[0]["today_pending"], true);
    assert_eq!(list[0]["keeping_rate"], serde_json::Value::Null);
    env.run(["promise", "list"])
        .success()
        .stdout_has("today still to record");
    env.run(["promise", "keep", "1", "--as", "Sam"])
        .success()
        .stdout_has("for Saturday 21 November 2026");
    let list = list_json(&env, &[]);
    assert_eq!(list[0]["today_pending"], false);
    assert_eq!(list[0]["keeping_rate"], 1.0);
}

#[test]
fn a_one_time_promise_closes_with_its_outcome_and_leaves_the_open_list() {
    let env = TestEnv::with_couple();
    env.run(["promise", "add", "Call your mother back", "--as", "Sam"])
        .success();
    env.run([
        "promise",
        "add",
        "Fix the shelf",
        "--as",
        "Sam",
        "--from",
        "2026-11-01",
        "--due",
        "2026-11-20",
    ])
    .success();
    assert_eq!(list_json(&env, &[])[1]["overdue"], true);
    env.run(["promise", "list"]).success().stdout_has("overdue");
    env.run(["promise", "keep", "1", "--as", "Alex"])
        .success()
        .stdout_has("This one-time promise is now closed.");
    env.run(["promise", "miss", "2", "--date", "yesterday", "--as", "Sam"])
        .success();
    assert_eq!(list_json(&env, &[]), json!([]));
    env.run(["promise", "list"])
        .success()
        .stdout_has("No open promises.");
    let all = list_json(&env, &["--all"]);
    assert_eq!(all[0]["status"], "kept");
    assert_eq!(all[0]["closed_on"], "2026-11-21");
    assert_eq!(all[0]["kept"], 1);
    assert_eq!(all[1]["status"], "missed");
    assert_eq!(all[1]["closed_on"], "2026-11-20");
    assert_eq!(all[1]["overdue"], false, "it has its outcome");
    assert_eq!(all[1]["keeping_rate"], 0.0);
}

#[test]
fn cancel_closes_without_losing_outcomes() {
    let env = TestEnv::with_couple();
    env.run([
        "promise",
        "add",
        "Gym together",
        "--every",
        "sat",
        "--from",
        "2026-11-14",
        "--as",
        "Alex",
    ])
    .success();
    env.run([
        "promise",
        "keep",
        "1",
        "--date",
        "2026-11-14",
        "--as",
        "Alex",
    ])
    .success();
    let record = env
        .run(["promise", "cancel", "1", "--json"])
        .success()
        .json();
    assert_eq!(record["kind"], "promise");
    assert_eq!(record["status"], "cancelled");
    assert_eq!(record["closed_on"], "2026-11-21");
    let all = list_json(&env, &["--all"]);
    assert_eq!(all[0]["kept"], 1, "the outcome stays");
    assert_eq!(all[0]["today_pending"], false);
    assert_eq!(list_json(&env, &[]), json!([]));
}

#[test]
fn bare_promise_lists_and_the_list_survives_a_closed_pipe() {
    let env = TestEnv::with_couple();
    env.run(["promise"])
        .success()
        .stdout_has("No open promises.");
    for i in 0..30 {
        env.run(["promise", "add", &format!("Small thing {i}"), "--as", "Sam"])
            .success();
    }
    // `head -c 1` closes the pipe at once; rekindle must end quietly.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "{} promise list --json | head -c 1",
            env!("CARGO_BIN_EXE_rekindle")
        ))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.home())
        .env("REKINDLE_TODAY", crate::support::TODAY)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[");
}

#[test]
fn refusals_name_the_value_and_write_nothing() {
    let env = TestEnv::with_couple();
    env.run([
        "promise",
        "add",
        "Daily call",
        "--every",
        "mon,thu",
        "--from",
        "2026-11-09",
        "--as",
        "Sam",
    ])
    .success();
    env.run(["promise", "add", "One thing", "--as", "Sam"])
        .success();
    env.run(["promise", "keep", "2", "--as", "Sam"]).success();
    env.run(["promise", "add", "Another thing", "--as", "Sam"])
        .success();
    env.run(["promise", "cancel", "3"]).success();
    env.run([
        "promise",
        "keep",
        "1",
        "--date",
        "2026-11-19",
        "--as",
        "Sam",
    ])
    .success();
    let before = dump(&env.default_journal());
    let cases: &[(&[&str], &str)] = &[
        (
            &["promise", "add", "", "--as", "Sam"],
            "the promise's text is empty",
        ),
        (
            &["promise", "add", " \t ", "--as", "Sam"],
            "the promise's text is empty",
        ),
        (
            &[
                "promise",
                "add",
                "x",
                "--as",
                "Sam",
                "--every",
                "fortnightly",
            ],
            "--every \"fortnightly\" is not a schedule; use day, weekday",
        ),
        (
            &[
                "promise",
                "add",
                "x",
                "--as",
                "Sam",
                "--every",
                "mon,funday",
            ],
            "\"funday\" is not a day of the week",
        ),
        (
            &["promise", "add", "x", "--as", "Sam", "--to", "SAM"],
            "--to \"SAM\" is you; a promise is made to your partner, Alex",
        ),
        (
            &["promise", "add", "x", "--as", "Sam", "--to", "Kim"],
            "there is no partner called \"Kim\"",
        ),
        (
            &["promise", "add", "x", "--as", "Sam", "--due", "2026-11-01"],
            "--due Sunday 1 November 2026 is before the promise starts",
        ),
        (
            &["promise", "add", "x", "--as", "Sam", "--from", "soon"],
            "--from: \"soon\" is not a date",
        ),
        (
            &[
                "promise",
                "add",
                "x",
                "--as",
                "Sam",
                "--every",
                "mon",
                "--due",
                "2026-11-22",
            ],
            "--every mon has no date from Saturday 21 November 2026 to Sunday 22 November 2026",
        ),
        (&["promise", "add", "x"], "who is this? pass --as"),
        (
            &["promise", "keep", "9", "--as", "Sam"],
            "there is no promise 9",
        ),
        (&["promise", "keep", "-1", "--as", "Sam"], "(got \"-1\")"),
        (&["promise", "keep", "two", "--as", "Sam"], "(got \"two\")"),
        (
            &["promise", "keep", "2", "--as", "Sam"],
            "promise 2 is closed (it was kept on Saturday 21 November 2026)",
        ),
        (
            &["promise", "miss", "3", "--as", "Sam"],
            "promise 3 was cancelled on Saturday 21 November 2026",
        ),
        (
            &[
                "promise",
                "miss",
                "1",
                "--date",
                "2026-11-19",
                "--as",
                "Alex",
            ],
            "promise 1 already has an outcome for Thursday 19 November 2026: kept",
        ),
        (
            &[
                "promise",
                "keep",
                "1",
                "--date",
                "2026-11-23",
                "--as",
                "Sam",
            ],
            "Monday 23 November 2026 is in the future",
        ),
        (
            &[
                "promise",
                "keep",
                "1",
                "--date",
                "2026-11-05",
                "--as",
                "Sam",
            ],
            "Thursday 5 November 2026 is before the promise started (Monday 9 November 2026)",
        ),
        (
            &[
                "promise",
                "keep",
                "1",
                "--date",
                "2026-11-18",
                "--as",
                "Sam",
            ],
            "not scheduled on Wednesday 18 November 2026 (it is every Monday and Thursday); use one of its dates, such as Monday 16 November 2026",
        ),
        (
            &[
                "promise",
                "keep",
                "1",
                "--date",
                "2026-13-01",
                "--as",
                "Sam",
            ],
            "\"2026-13-01\" is not a real calendar date",
        ),
        (
            &["promise", "keep", "1", "--note", "  ", "--as", "Sam"],
            "--note is empty",
        ),
        (
            &["promise", "skip", "4", "--as", "Sam"],
            "there is no promise 4",
        ),
        (&["promise", "cancel", "2"], "promise 2 is closed"),
        (
            &["promise", "cancel", "3"],
            "promise 3 is already cancelled (since Saturday 21 November 2026); nothing changed",
        ),
        (&["promise", "cancel", "0"], "(got \"0\")"),
    ];
    for (args, needle) in cases {
        env.run(*args).refused().stderr_has(needle);
    }
    assert_eq!(dump(&env.default_journal()), before);
}

#[test]
fn a_one_time_promise_cannot_be_skipped_and_a_future_start_has_no_dates_yet() {
    let env = TestEnv::with_couple();
    env.run(["promise", "add", "Plan the trip", "--as", "Sam"])
        .success();
    env.run([
        "promise",
        "add",
        "Run together",
        "--every",
        "mon",
        "--from",
        "2026-11-23",
        "--as",
        "Alex",
    ])
    .success()
    .stdout_has("every Monday starting Mon 23 Nov 2026");
    let before = dump(&env.default_journal());
    env.run(["promise", "skip", "1", "--as", "Sam"])
        .refused()
        .stderr_has("promise 1 is a one-time promise, so it cannot be skipped: it is kept, missed or cancelled");
    env.run(["promise", "keep", "2", "--as", "Alex"])
        .refused()
        .stderr_has(
            "nothing is scheduled yet: the promise's first date is Monday 23 November 2026",
        );
    assert_eq!(dump(&env.default_journal()), before);
}

#[test]
fn promise_commands_need_a_journal() {
    let env = TestEnv::new();
    env.run(["promise", "list"])
        .code(1)
        .stderr_has("start with `rekindle checkin` in a terminal")
        .stderr_has("or `rekindle init`");
    assert!(!env.default_journal().exists());
}

/// Regression: a wrong "missed" could never be corrected ("each date takes one").
#[test]
fn an_outcome_can_be_corrected_with_amend() {
    let env = TestEnv::with_couple();
    env.run([
        "promise",
        "add",
        "--as",
        "Sam",
        "Text when late",
        "--every",
        "day",
        "--from",
        "2026-11-16",
    ])
    .success();
    env.run(["promise", "add", "--as", "Sam", "Book the counsellor"])
        .success();
    env.run([
        "promise",
        "miss",
        "1",
        "--as",
        "Alex",
        "--date",
        "2026-11-18",
        "--note",
        "no text",
    ])
    .success();
    env.run([
        "promise",
        "keep",
        "1",
        "--as",
        "Sam",
        "--date",
        "2026-11-18",
    ])
    .refused()
    .stderr_has("add --amend to correct it");
    let fixed = env
        .run([
            "promise",
            "keep",
            "1",
            "--as",
            "Sam",
            "--date",
            "2026-11-18",
            "--amend",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(fixed["result"], "kept");
    assert_eq!(
        fixed["note"], "no text",
        "the note stays unless a new one is given"
    );
    assert_eq!(
        fixed["recorded_by"], "Alex",
        "who recorded it first is kept, not who corrected it"
    );
    let list = env.run(["promise", "list", "--json"]).success().json();
    assert_eq!(
        (list[0]["kept"].as_i64(), list[0]["missed"].as_i64()),
        (Some(1), Some(0))
    );
    let before = crate::support::dump(&env.default_journal());
    env.run([
        "promise",
        "keep",
        "1",
        "--as",
        "Sam",
        "--date",
        "2026-11-19",
        "--amend",
    ])
    .refused()
    .stderr_has("nothing is recorded for promise 1 on Thursday 19 November 2026 to correct");
    assert_eq!(crate::support::dump(&env.default_journal()), before);
    // A one-time promise closed by a miss can be corrected to kept, on its own date.
    env.run(["promise", "miss", "2", "--as", "Alex"]).success();
    env.run(["promise", "keep", "2", "--as", "Sam", "--amend"])
        .success()
        .stdout_has("now kept (it was missed)");
    let all = env
        .run(["promise", "list", "--all", "--json"])
        .success()
        .json();
    assert_eq!(all[1]["status"], "kept");
    assert_eq!(all[1]["closed_on"], "2026-11-21");
}

#[test]
fn correcting_an_outcome_to_what_it_says_writes_nothing_and_keeps_who_recorded_it() {
    let env = TestEnv::with_couple();
    env.run([
        "promise",
        "add",
        "--as",
        "Sam",
        "Text when late",
        "--every",
        "day",
        "--from",
        "2026-11-16",
    ])
    .success();
    env.run([
        "promise",
        "miss",
        "1",
        "--as",
        "Alex",
        "--date",
        "2026-11-18",
        "--note",
        "no text",
    ])
    .success();
    let before = dump(&env.default_journal());
    for extra in [&[][..], &["--note", "no text"][..]] {
        let mut args = vec![
            "promise",
            "miss",
            "1",
            "--as",
            "Sam",
            "--date",
            "2026-11-18",
            "--amend",
        ];
        args.extend_from_slice(extra);
        let run = env.run(args);
        run.success();
        assert_eq!(
            run.stdout,
            "Sam's promise 1, \"Text when late\", is already missed for Wednesday 18 November 2026; nothing changed.\n"
        );
        assert_eq!(dump(&env.default_journal()), before);
    }
    // A new note is a change.
    env.run([
        "promise",
        "miss",
        "1",
        "--as",
        "Sam",
        "--date",
        "2026-11-18",
        "--amend",
        "--note",
        "battery died",
    ])
    .success();
    assert_ne!(dump(&env.default_journal()), before);
    // Sam corrects Alex's outcome: it still reads as recorded by Alex.
    let run = env.run([
        "promise",
        "keep",
        "1",
        "--as",
        "Sam",
        "--date",
        "2026-11-18",
        "--amend",
    ]);
    run.success()
        .stdout_has("now kept (it was missed)")
        .stdout_has("Recorded by Alex; it counts for Sam.");
    let conn = rusqlite::Connection::open(env.default_journal()).unwrap();
    let (result, note, by): (String, String, i64) = conn
        .query_row(
            "SELECT result, note, recorded_by FROM outcomes WHERE date = '2026-11-18'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (result.as_str(), note.as_str(), by),
        ("kept", "battery died", 2)
    );
}

#[test]
fn a_date_after_the_last_one_says_the_promise_ended() {
    let env = TestEnv::with_couple();
    env.run([
        "promise",
        "add",
        "--as",
        "Sam",
        "Walk together",
        "--every",
        "day",
        "--from",
        "2026-11-16",
        "--due",
        "2026-11-19",
    ])
    .success();
    let before = dump(&env.default_journal());
    env.run(["promise", "keep", "1", "--as", "Sam", "--date", "2026-11-20"])
        .refused()
        .stderr_has(
            "promise 1: Friday 20 November 2026 is after the promise ended; its last date was Thursday 19 November 2026",
        );
    env.run([
        "promise",
        "keep",
        "1",
        "--as",
        "Sam",
        "--date",
        "2026-11-15",
    ])
    .refused()
    .stderr_has("Sunday 15 November 2026 is before the promise started (Monday 16 November 2026)");
    assert_eq!(dump(&env.default_journal()), before);
    env.run([
        "promise",
        "keep",
        "1",
        "--as",
        "Sam",
        "--date",
        "2026-11-19",
    ])
    .success();
}

#[test]
fn cancelling_twice_says_it_is_already_cancelled() {
    let env = TestEnv::with_couple();
    env.run(["promise", "add", "--as", "Sam", "Book the counsellor"])
        .success();
    env.run(["promise", "cancel", "1"]).success();
    let before = dump(&env.default_journal());
    let run = env.run(["promise", "cancel", "1"]);
    run.refused();
    assert_eq!(
        run.stderr,
        "rekindle: error: promise 1 is already cancelled (since Saturday 21 November 2026); nothing changed\n"
    );
    assert_eq!(dump(&env.default_journal()), before);
}

// Regression: a one-time promise starting later was listed as just "once".
#[test]
fn a_one_time_promise_starting_later_says_when() {
    let env = TestEnv::with_couple();
    env.run([
        "promise",
        "add",
        "Call your sister",
        "--from",
        "2026-11-25",
        "--as",
        "Sam",
    ])
    .success();
    env.run(["promise", "list"])
        .success()
        .stdout_has("starting Wed 25 Nov 2026");
}

// Regression: a daily promise with days nobody recorded read "kept 18, missed 0 (100% kept)"
// in the list and 100% in progress, as if every day had been kept.
#[test]
fn days_nobody_recorded_are_shown_as_not_recorded_never_as_kept() {
    let env = TestEnv::with_couple();
    env.run([
        "promise",
        "add",
        "Say goodnight",
        "--every",
        "day",
        "--from",
        "2026-11-09",
        "--as",
        "Sam",
    ])
    .success();
    // Kept on 9 to 14 November (six days); nothing recorded from the 15th to the 20th.
    for day in 9..=14 {
        env.run([
            "promise",
            "keep",
            "1",
            "--date",
            &format!("2026-11-{day:02}"),
            "--as",
            "Alex",
        ])
        .success();
    }
    let list = list_json(&env, &[]);
    assert_eq!(list[0]["kept"], 6);
    assert_eq!(list[0]["unrecorded"], 6, "15 to 20 November");
    assert_eq!(list[0]["today_pending"], true);
    env.run(["promise", "list"]).success().stdout_has(
        "kept 6, missed 0, 6 not recorded (100% of those recorded kept) · today still to record",
    );
    let progress = env.run(["progress", "--json"]).success().json();
    assert_eq!(progress["partners"]["Sam"]["unrecorded_30d"], 6);
    env.run(["progress"])
        .success()
        .stdout_has("kept 6, missed 0, 6 not recorded (100% of those recorded)");
}
