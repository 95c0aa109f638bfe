//! `rekindle checkin` from a script: every flag, `--amend`, and every refusal.

use crate::support::{TestEnv, dump};

fn query_i64(env: &TestEnv, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(env.default_journal()).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn every_flag_is_saved_and_printed_as_the_history_record() {
    let env = TestEnv::with_couple();
    let json = env
        .run([
            "checkin",
            "--as",
            "sam",
            "--trust",
            "6",
            "--connection",
            "7",
            "--feeling",
            "Hurt:4",
            "--feeling",
            "hopeful",
            "--feeling",
            "wistful:2",
            "--answer",
            "I kept quiet about the money. 💛\nThat was wrong.",
            "--appreciation",
            "you listened",
            "--need",
            "time",
            "--note",
            "long day",
            "--json",
        ])
        .success()
        .json();
    let prompt = env
        .run(["prompt", "--as", "Sam", "--json"])
        .success()
        .json();
    assert_eq!(json["kind"], "checkin");
    assert_eq!(json["id"], 1);
    assert_eq!(json["date"], "2026-11-21");
    assert_eq!(json["partner"], "Sam");
    assert_eq!(json["trust"], 6);
    assert_eq!(json["connection"], 7);
    assert_eq!(json["step"], "responsibility");
    assert_eq!(json["prompt_id"], prompt["prompt_id"]);
    assert_eq!(
        json["answer"],
        "I kept quiet about the money. 💛\nThat was wrong."
    );
    assert_eq!(json["appreciation"], "you listened");
    assert_eq!(json["need"], "time");
    assert_eq!(json["note"], "long day");
    assert_eq!(
        json["feelings"],
        serde_json::json!([
            {"word": "hurt", "intensity": 4, "valence": "unpleasant"},
            {"word": "hopeful", "intensity": null, "valence": "pleasant"},
            {"word": "wistful", "intensity": 2, "valence": "neutral"}
        ])
    );
    assert_eq!(json["uuid"].as_str().unwrap().len(), 36);
    assert_eq!(query_i64(&env, "SELECT count(*) FROM checkins"), 1);
    assert_eq!(
        query_i64(
            &env,
            "SELECT count(*) FROM feelings WHERE checkin_id = 1 AND partner_id = 1 AND date = '2026-11-21'"
        ),
        3
    );
}

#[test]
fn only_trust_is_needed_from_a_script_and_the_date_is_said_in_words() {
    let env = TestEnv::with_couple();
    env.run([
        "checkin",
        "--as",
        "Alex",
        "--trust",
        "3",
        "--date",
        "yesterday",
    ])
    .success()
    .stdout_has("Saved Alex's check-in for Friday 20 November 2026.")
    .stdout_has("trust 3");
    let json = env
        .run([
            "checkin", "--as", "Alex", "--trust", "4", "--date", "thursday", "--json",
        ])
        .success()
        .json();
    assert_eq!(json["date"], "2026-11-19");
    assert_eq!(json["connection"], serde_json::Value::Null);
    assert_eq!(
        json["prompt_id"],
        serde_json::Value::Null,
        "no answer, no prompt"
    );
    assert_eq!(json["feelings"], serde_json::json!([]));
}

#[test]
fn as_can_come_from_the_environment_and_the_step_from_a_flag() {
    let mut env = TestEnv::with_couple();
    env.set("REKINDLE_AS", "ALEX");
    let json = env
        .run([
            "checkin", "--trust", "5", "--step", "3", "--answer", "slowly", "--json",
        ])
        .success()
        .json();
    assert_eq!(json["partner"], "Alex");
    assert_eq!(json["step"], "healing");
    let prompt = env
        .run(["prompt", "--step", "healing", "--json"])
        .success()
        .json();
    assert_eq!(json["prompt_id"], prompt["prompt_id"]);
    assert!(
        prompt["audience"] == "healing" || prompt["audience"] == "both",
        "Alex is healing: {prompt}"
    );
}

#[test]
fn the_step_defaults_to_the_couples_focus() {
    let env = TestEnv::with_couple();
    env.run(["focus", "consistency"]).success();
    let json = env
        .run(["checkin", "--as", "Sam", "--trust", "5", "--json"])
        .success()
        .json();
    assert_eq!(json["step"], "consistency");
}

#[test]
fn one_check_in_per_partner_per_day_and_amend_replaces_it_in_place() {
    let env = TestEnv::with_couple();
    let first = env
        .run([
            "checkin",
            "--as",
            "Sam",
            "--trust",
            "5",
            "--feeling",
            "hurt",
            "--feeling",
            "anxious:3",
            "--note",
            "first try",
            "--json",
        ])
        .success()
        .json();
    // The other partner's check-in for the same day is separate.
    env.run(["checkin", "--as", "Alex", "--trust", "2"])
        .success();
    let before = dump(&env.default_journal());
    env.run(["checkin", "--as", "Sam", "--trust", "6"])
        .refused()
        .stderr_has("Sam already checked in for Saturday 21 November 2026")
        .stderr_has("--amend");
    assert_eq!(dump(&env.default_journal()), before);

    let amended = env
        .run([
            "checkin",
            "--as",
            "Sam",
            "--trust",
            "8",
            "--feeling",
            "relieved:2",
            "--amend",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(amended["id"], first["id"]);
    assert_eq!(amended["uuid"], first["uuid"]);
    assert_eq!(amended["created_at"], first["created_at"]);
    assert!(amended["updated_at"].as_str() > first["updated_at"].as_str());
    assert_eq!(amended["trust"], 8);
    assert_eq!(amended["note"], "first try", "a part not given is kept");
    assert_eq!(
        amended["feelings"],
        serde_json::json!([{"word": "relieved", "intensity": 2, "valence": "pleasant"}])
    );
    assert_eq!(query_i64(&env, "SELECT count(*) FROM checkins"), 2);
    assert_eq!(
        query_i64(&env, "SELECT count(*) FROM feelings WHERE partner_id = 1"),
        1
    );
    assert_eq!(
        query_i64(&env, "SELECT trust FROM checkins WHERE partner_id = 1"),
        8
    );
    // The same trust again writes nothing, and says so rather than "Replaced".
    env.run(["checkin", "--as", "Sam", "--trust", "8", "--amend"])
        .success()
        .stdout_has("Nothing changed in Sam's check-in for Saturday 21 November 2026.");
    env.run(["checkin", "--as", "Sam", "--trust", "9", "--amend"])
        .success()
        .stdout_has("Replaced Sam's check-in for Saturday 21 November 2026.")
        .stdout_has("trust 8 → 9");
}

#[test]
fn amend_without_a_check_in_to_replace_is_refused() {
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "5",
        "--amend",
        "--date",
        "yesterday",
    ])
    .refused()
    .stderr_has("Sam has no check-in for Friday 20 November 2026 to replace");
    assert_eq!(dump(&env.default_journal()), before);
}

#[test]
fn bad_values_are_refused_with_one_line_and_nothing_written() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    let before = dump(&journal);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["--trust", "11"],
            "--trust must be a whole number from 1 to 10 (got \"11\")",
        ),
        (
            vec!["--trust", "0"],
            "--trust must be a whole number from 1 to 10 (got \"0\")",
        ),
        (
            vec!["--trust", "-3"],
            "--trust must be a whole number from 1 to 10 (got \"-3\")",
        ),
        (
            vec!["--trust", "seven"],
            "--trust must be a whole number from 1 to 10 (got \"seven\")",
        ),
        (
            vec!["--trust", "7.5"],
            "--trust must be a whole number from 1 to 10 (got \"7.5\")",
        ),
        (
            vec!["--trust", "5", "--connection", "12"],
            "--connection must be a whole number from 1 to 10 (got \"12\")",
        ),
        (
            vec!["--trust", "5", "--connection", "close"],
            "--connection must be a whole number from 1 to 10 (got \"close\")",
        ),
        (
            vec!["--trust", "5", "--feeling", "hurt:6"],
            "intensity must be a whole number from 1 to 5 (got \"6\" in \"hurt:6\")",
        ),
        (
            vec!["--trust", "5", "--feeling", "hurt:0"],
            "intensity must be a whole number from 1 to 5 (got \"0\" in \"hurt:0\")",
        ),
        (
            vec!["--trust", "5", "--feeling", "hurt:very"],
            "(got \"very\" in \"hurt:very\")",
        ),
        (
            vec!["--trust", "5", "--feeling", ""],
            "a feeling needs a word",
        ),
        (
            vec!["--trust", "5", "--date", "2026-02-30"],
            "--date: \"2026-02-30\" is not a real calendar date",
        ),
        (
            vec!["--trust", "5", "--date", "2026-11-22"],
            "a check-in cannot be in the future",
        ),
        (
            vec!["--trust", "5", "--date", "someday"],
            "--date: \"someday\" is not a date rekindle understands",
        ),
        (
            vec!["--trust", "5", "--step", "trust"],
            "--step: \"trust\" is not a step; use one of responsibility",
        ),
        (
            vec!["--trust", "5", "--step", "9"],
            "--step: \"9\" is not a step",
        ),
    ];
    for (flags, message) in cases {
        let mut args = vec!["checkin", "--as", "Sam"];
        args.extend(flags);
        env.run(&args).refused().stderr_has(message);
        assert_eq!(dump(&journal), before, "{args:?} changed the journal");
    }
}

#[test]
fn unknown_or_missing_partner_is_refused() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    let before = dump(&journal);
    env.run(["checkin", "--as", "Kim", "--trust", "5"])
        .refused()
        .stderr_has("there is no partner called \"Kim\"; the partners are Sam and Alex");
    env.run(["checkin", "--trust", "5"])
        .refused()
        .stderr_has("pass --as with Sam or Alex");
    assert_eq!(dump(&journal), before);
}

#[test]
fn without_a_terminal_trust_is_required_and_the_message_names_the_flags() {
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    env.run(["checkin", "--as", "Sam", "--answer", "hello"])
        .refused()
        .stderr_has("there is no terminal to ask in, so checkin needs --trust N (1-10)")
        .stderr_has(
            "--connection N, --feeling WORD[:N], --answer, --appreciation, --need and --note",
        );
    assert_eq!(dump(&env.default_journal()), before);
}

#[test]
fn without_a_terminal_and_without_a_journal_it_says_to_run_init() {
    let env = TestEnv::new();
    for args in [
        &["checkin", "--as", "Sam", "--trust", "5"][..],
        &["checkin"][..],
    ] {
        env.run(args)
            .code(1)
            .stderr_has("there is no journal at")
            .stderr_has("start with `rekindle checkin` in a terminal")
            .stderr_has("or `rekindle init`");
    }
    assert!(!env.home().join(".local").exists());
}

#[test]
fn user_text_is_stored_exactly_and_shown_defused() {
    let env = TestEnv::with_couple();
    let hostile = "fine\x1b[2J\x1b]0;owned\x07 really";
    let json = env
        .run([
            "checkin",
            "--as",
            "Sam",
            "--trust",
            "5",
            "--feeling",
            "tender",
            "--note",
            hostile,
            "--json",
        ])
        .success()
        .json();
    assert_eq!(json["note"], hostile);
    // A feeling word is matched against the vocabulary, so one hiding a bidi override is
    // refused, and the refusal shows it defused.
    let run = env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "5",
        "--feeling",
        "odd\u{202e}word",
        "--amend",
    ]);
    run.refused().stderr_has("odd\\u{202e}word");
    assert!(!run.stderr.contains('\u{202e}'));
}

// Blank text is a mistake on a new check-in (refused, as everywhere else); with --amend it
// removes the saved text.
#[test]
fn blank_text_is_refused_when_new_and_removes_when_amending() {
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    env.run([
        "checkin", "--as", "Sam", "--trust", "5", "--answer", "  ", "--note", "",
    ])
    .refused()
    .stderr_has("--answer is empty; write a few words, or leave it out");
    assert_eq!(dump(&env.default_journal()), before);
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "5",
        "--note",
        "after dinner",
    ])
    .success();
    let json = env
        .run(["checkin", "--as", "Sam", "--amend", "--note", " ", "--json"])
        .success()
        .json();
    assert_eq!(json["note"], serde_json::Value::Null);
    assert_eq!(json["trust"], 5);
}

fn checkin_row(env: &TestEnv, partner: i64) -> Vec<Option<String>> {
    let conn = rusqlite::Connection::open(env.default_journal()).unwrap();
    conn.query_row(
        "SELECT CAST(trust AS TEXT), CAST(connection AS TEXT), step, answer, appreciation, need, \
         note FROM checkins WHERE partner_id = ?1",
        [partner],
        |r| (0..7).map(|i| r.get(i)).collect(),
    )
    .unwrap()
}

fn feelings_of(env: &TestEnv, partner: i64) -> Vec<(String, Option<i64>)> {
    let conn = rusqlite::Connection::open(env.default_journal()).unwrap();
    let mut stmt = conn
        .prepare("SELECT word, intensity FROM feelings WHERE partner_id = ?1 ORDER BY id")
        .unwrap();
    stmt.query_map([partner], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn full_check_in(env: &TestEnv) {
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "5",
        "--connection",
        "6",
        "--feeling",
        "hurt:4",
        "--feeling",
        "hopeful",
        "--answer",
        "I was not honest.",
        "--appreciation",
        "the soup",
        "--need",
        "time",
        "--note",
        "a long day",
    ])
    .success();
}

fn some(values: &[&str]) -> Vec<Option<String>> {
    values.iter().map(|v| Some(v.to_string())).collect()
}

// Regression: `--amend --trust 8` replaced the whole check-in, losing feelings, answer and
// note.
#[test]
fn amend_trust_only_keeps_feelings_answer_and_note() {
    let env = TestEnv::with_couple();
    full_check_in(&env);
    env.run(["checkin", "--as", "Sam", "--amend", "--trust", "8"])
        .success()
        .stdout_has("Replaced Sam's check-in for Saturday 21 November 2026.")
        .stdout_has("Changed: trust 5 → 8.");
    assert_eq!(
        checkin_row(&env, 1),
        some(&[
            "8",
            "6",
            "responsibility",
            "I was not honest.",
            "the soup",
            "time",
            "a long day"
        ])
    );
    assert_eq!(
        feelings_of(&env, 1),
        [("hurt".to_string(), Some(4)), ("hopeful".to_string(), None)]
    );
}

#[test]
fn amend_note_only_keeps_trust_and_an_empty_text_removes_it() {
    let env = TestEnv::with_couple();
    full_check_in(&env);
    let json = env
        .run([
            "checkin",
            "--as",
            "Sam",
            "--amend",
            "--note",
            "calmer now",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(json["trust"], 5);
    assert_eq!(json["note"], "calmer now");
    assert_eq!(json["answer"], "I was not honest.");
    assert!(json["prompt_id"].is_string());
    assert_eq!(checkin_row(&env, 1)[0].as_deref(), Some("5"));
    assert_eq!(feelings_of(&env, 1).len(), 2);

    // `--note ""` takes the note away; `--feeling none` the feelings.
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--amend",
        "--note",
        "",
        "--feeling",
        "none",
    ])
    .success()
    .stdout_has("feelings hurt (4), hopeful → none; note removed.");
    let row = checkin_row(&env, 1);
    assert_eq!(row[6], None);
    assert_eq!(row[3].as_deref(), Some("I was not honest."));
    assert!(feelings_of(&env, 1).is_empty());
}

#[test]
fn amend_with_nothing_to_change_is_refused_from_a_script() {
    let env = TestEnv::with_couple();
    full_check_in(&env);
    let before = dump(&env.default_journal());
    env.run(["checkin", "--as", "Sam", "--amend"])
        .refused()
        .stderr_has("--amend needs at least one thing to change");
    assert_eq!(dump(&env.default_journal()), before);
}

#[test]
fn feeling_specs_are_read_as_by_feel_and_refused_by_name() {
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    for (spec, says) in [
        ("calm:2:3", "\"calm:2:3\" has more than one \":\""),
        (
            "calm:6",
            "intensity must be a whole number from 1 to 5 (got \"6\" in \"calm:6\")",
        ),
        ("calm,calm", "the feeling \"calm\" is given twice"),
    ] {
        env.run(["checkin", "--as", "Sam", "--trust", "5", "--feeling", spec])
            .refused()
            .stderr_has(says);
    }
    assert_eq!(dump(&env.default_journal()), before);
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "5",
        "--feeling",
        "calm, hopeful:2",
        "--feeling",
        "left out",
    ])
    .success()
    .stdout_has("feeling calm, hopeful (2), left out");
}

// A check-in for a past day belongs to the step the couple was on that day.
#[test]
fn a_past_check_in_takes_the_focus_of_its_day() {
    let mut env = TestEnv::with_couple();
    env.set("REKINDLE_TODAY", "2026-11-10");
    env.run(["focus", "healing", "--as", "Sam"]).success();
    env.set("REKINDLE_TODAY", "2026-11-18");
    // Alex was hurt, so the move to forgiveness needs nobody else's agreement.
    env.run(["focus", "forgiveness", "--as", "Alex"]).success();
    env.set("REKINDLE_TODAY", "2026-11-21");
    let at = |date: &str| {
        env.run([
            "checkin", "--as", "Alex", "--trust", "5", "--date", date, "--json",
        ])
        .success()
        .json()["step"]
            .clone()
    };
    assert_eq!(at("2026-11-12"), "healing");
    assert_eq!(at("2026-11-05"), "responsibility");
    assert_eq!(at("2026-11-19"), "forgiveness");
}

// `prompt --date` shows the prompt a check-in for that day asks: that day's focus.
#[test]
fn prompt_for_a_past_day_uses_the_focus_of_that_day() {
    let mut env = TestEnv::with_couple();
    env.set("REKINDLE_TODAY", "2026-11-10");
    env.run(["focus", "healing", "--as", "Sam"]).success();
    env.set("REKINDLE_TODAY", "2026-11-21");
    // Alex was hurt, so the move to forgiveness needs nobody else's agreement.
    env.run(["focus", "forgiveness", "--as", "Alex"]).success();
    let step = |date: &str| {
        env.run(["prompt", "--as", "Alex", "--date", date, "--json"])
            .success()
            .json()["step"]
            .clone()
    };
    assert_eq!(step("2026-11-12"), "healing");
    assert_eq!(step("today"), "forgiveness");
}

#[test]
fn amend_with_the_saved_values_writes_nothing() {
    let env = TestEnv::with_couple();
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "6",
        "--connection",
        "5",
        "--feeling",
        "hopeful:3",
        "--feeling",
        "tired",
        "--note",
        "a long day",
    ])
    .success();
    let before = dump(&env.default_journal());
    let run = env.run([
        "checkin",
        "--as",
        "Sam",
        "--amend",
        "--trust",
        "6",
        "--feeling",
        "tired",
        "--feeling",
        "hopeful:3",
        "--note",
        "a long day",
    ]);
    run.success()
        .stdout_has("Nothing changed in Sam's check-in for Saturday 21 November 2026.");
    assert!(!run.stdout.contains("Replaced"), "{}", run.stdout);
    assert_eq!(dump(&env.default_journal()), before);
    let same = env.run(["checkin", "--as", "Sam", "--amend", "--trust", "6"]);
    same.success()
        .stdout_has("Nothing changed in Sam's check-in for Saturday 21 November 2026.");
    assert!(!same.stdout.contains("Replaced"), "{}", same.stdout);
    assert_eq!(dump(&env.default_journal()), before);
    // A real change still writes, and says what changed.
    env.run(["checkin", "--as", "Sam", "--amend", "--trust", "7"])
        .success()
        .stdout_has("trust 6 → 7");
    assert_eq!(
        query_i64(&env, "SELECT trust FROM checkins WHERE date = '2026-11-21'"),
        7
    );
}
