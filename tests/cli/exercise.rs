//! `rekindle exercise`: a hard moment talked through, the trigger plan, and requests that
//! the other partner turns into promises.

use crate::support::{TestEnv, dump};

/// The text with every run of spaces and newlines as one space: wrapping aside.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn count(env: &TestEnv, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(env.default_journal()).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_hard_moment_from_flags_is_saved_with_its_parts_and_listed_in_history() {
    let env = TestEnv::with_couple();
    let json = env
        .run([
            "exercise",
            "incident",
            "--as",
            "Alex",
            "--what",
            "Saturday, the phone at dinner",
            "--felt",
            "shut out, hurt",
            "--own-part",
            "I left the table without a word",
            "--plan",
            "say when I need a pause",
            "--date",
            "yesterday",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(
        json,
        serde_json::json!({
            "kind": "exercise", "id": 1, "uuid": json["uuid"], "date": "2026-11-20",
            "partner": "Alex", "exercise": "incident",
            "what": "Saturday, the phone at dinner", "felt": "shut out, hurt", "view": null,
            "triggers": null, "own_part": "I left the table without a word",
            "plan": "say when I need a pause", "edited": false
        })
    );
    let history = env.run(["history"]).success().stdout.clone();
    assert!(
        history.contains(
            "  Alex talked a hard moment through (exercise 1)\n      The moment: Saturday, the phone at dinner\n      How I felt: shut out, hurt\n      My part in it: I left the table without a word\n      One idea for next time: say when I need a pause\n"
        ),
        "{history}"
    );
    let listed = env
        .run(["history", "--kind", "exercise", "--json"])
        .success()
        .json();
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
    assert_eq!(listed[0]["own_part"], "I left the table without a word");
    // Found by its words.
    env.run(["history", "--search", "table"])
        .success()
        .stdout_has("exercise 1");
}

#[test]
fn the_opening_and_the_help_say_it_is_never_about_blame_for_the_betrayal() {
    let env = TestEnv::new();
    let help = env
        .run(["exercise", "incident", "--help"])
        .success()
        .stdout
        .clone();
    assert!(
        flat(&help).contains("It is never a way to weigh who is to blame for the betrayal"),
        "{help}"
    );
}

#[test]
fn without_a_terminal_a_guided_call_says_which_flags_to_pass_and_writes_nothing() {
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    env.run(["exercise", "incident", "--as", "Sam"])
        .refused()
        .stderr_has(
            "without one, pass --what, and any of --felt, --view, --triggers, --own-part or --plan",
        );
    env.run(["exercise", "trigger", "--as", "Alex", "--helps", "a walk"])
        .refused()
        .stderr_has("--what is needed when other parts are given: it says what sets off the hurt");
    env.run(["exercise", "request", "--as", "Alex", "--what", "   "])
        .refused()
        .stderr_has("--what");
    assert_eq!(dump(&env.default_journal()), before);
}

#[test]
fn requests_and_the_trigger_plan_are_the_hurt_partners_to_write() {
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    env.run(["exercise", "request", "--as", "Sam", "--what", "Trust me"])
        .refused()
        .stderr_has("requests are written by the partner who was hurt, and Sam is repairing trust");
    env.run(["exercise", "trigger", "--as", "Sam", "--what", "x"])
        .refused()
        .stderr_has("the trigger plan is written by the partner who was hurt");
    assert_eq!(dump(&env.default_journal()), before);
    // Either partner talks a hard moment through.
    env.run([
        "exercise",
        "incident",
        "--as",
        "Sam",
        "--what",
        "the drive home",
    ])
    .success();
}

#[test]
fn a_request_becomes_the_other_partners_promise_once_and_undo_takes_it_back() {
    let env = TestEnv::with_couple();
    env.run([
        "exercise",
        "request",
        "--as",
        "Alex",
        "--what",
        "Call me when plans change",
    ])
    .success()
    .stdout_has("Sam can turn it into a promise: rekindle promise add --as Sam --request 1");
    env.run(["promise", "add", "--as", "Alex", "--request", "1"])
        .refused()
        .stderr_has("request 1 is your own");
    let promise = env
        .run([
            "promise",
            "add",
            "--as",
            "Sam",
            "--request",
            "1",
            "--every",
            "day",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(promise["text"], "Call me when plans change");
    assert_eq!(promise["partner"], "Sam");
    assert_eq!(promise["to"], "Alex");
    assert_eq!(promise["every"], "day");
    let shown = env
        .run(["show", "exercise", "1", "--json"])
        .success()
        .json();
    assert_eq!(shown["promise_id"], 1);
    assert_eq!(shown["edited"], true);
    assert_eq!(shown["changed"]["by"], "Sam");
    assert_eq!(shown["revisions"].as_array().map(Vec::len), Some(1));
    assert_eq!(shown["revisions"][0]["promise_id"], serde_json::Value::Null);
    env.run(["promise", "add", "--as", "Sam", "--request", "1"])
        .refused()
        .stderr_has("request 1 is already promise 1");
    env.run(["promise", "add", "--as", "Sam", "--request", "9"])
        .refused()
        .stderr_has("there is no request 9");

    // One change: undo takes back the promise and the link together.
    env.run(["undo", "--as", "Sam", "--yes"]).success();
    assert_eq!(count(&env, "SELECT count(*) FROM promises"), 0);
    let shown = env
        .run(["show", "exercise", "1", "--json"])
        .success()
        .json();
    assert_eq!(shown["promise_id"], serde_json::Value::Null);
}

#[test]
fn the_trigger_plan_is_shown_with_the_focus_and_in_the_today_view() {
    let env = TestEnv::with_couple();
    let focus = env.run(["focus"]).success().stdout.clone();
    assert!(!focus.contains("Trigger plan"), "{focus}");
    for (what, helps) in [
        ("a late reply", "a short call"),
        ("the old café", "going somewhere new"),
        ("her name", "being asked how I am"),
        ("Friday nights", "plans made together"),
    ] {
        env.run([
            "exercise",
            "trigger",
            "--as",
            "Alex",
            "--what",
            what,
            "--helps",
            helps,
            "--repair",
            "reassure me",
        ])
        .success();
    }
    let focus = env.run(["focus"]).success().stdout.clone();
    assert!(
        flat(&focus).contains("Trigger plan • Friday nights. What helps: plans made together. What the repairing partner does: reassure me • her name."),
        "{focus}"
    );
    assert!(
        focus.contains("\n    and 1 more: rekindle exercise list --type trigger\n"),
        "{focus}"
    );
    assert!(!focus.contains("a late reply"), "{focus}");
    let json = env.run(["focus", "--json"]).success().json();
    assert_eq!(json["trigger_plan"].as_array().map(Vec::len), Some(4));
    assert_eq!(json["trigger_plan"][3]["what"], "a late reply");

    let today = env.run(["--as", "Alex", "--json"]).success().json();
    assert_eq!(today["trigger_plan"][0]["helps"], "plans made together");
    env.run(["--as", "Sam"])
        .success()
        .stdout_has("Trigger plan\n  • Friday nights");
    env.run(["exercise", "list", "--type", "trigger"])
        .success()
        .stdout_has("Alex added to the trigger plan (exercise 1)");
    env.run(["exercise", "list", "--type", "fight"])
        .refused()
        .stderr_has("\"fight\" is not an exercise; use incident, trigger or request");
}

#[test]
fn edit_keeps_each_exercise_to_its_own_parts_and_delete_leaves_one_line() {
    let env = TestEnv::with_couple();
    env.run([
        "exercise",
        "trigger",
        "--as",
        "Alex",
        "--what",
        "a late reply",
    ])
    .success();
    let before = dump(&env.default_journal());
    env.run(["edit", "exercise", "1", "--as", "Alex", "--plan", "x"])
        .refused()
        .stderr_has(
            "--plan is not part of a trigger plan entry; it takes --what, --helps or --repair",
        );
    env.run(["edit", "exercise", "1", "--as", "Sam", "--helps", "x"])
        .refused();
    assert_eq!(dump(&env.default_journal()), before);
    env.run([
        "edit",
        "exercise",
        "1",
        "--as",
        "Alex",
        "--helps",
        "a short call",
    ])
    .success();
    let shown = env
        .run(["show", "exercise", "1", "--json"])
        .success()
        .json();
    assert_eq!(shown["helps"], "a short call");
    assert_eq!(shown["revisions"][0]["helps"], serde_json::Value::Null);
    env.run(["delete", "exercise", "1", "--as", "Alex", "--yes"])
        .success();
    assert_eq!(count(&env, "SELECT count(*) FROM exercises"), 0);
    assert_eq!(count(&env, "SELECT count(*) FROM revisions"), 0);
    env.run(["history"])
        .success()
        .stdout_has("Alex deleted an exercise from Saturday 21 November 2026");
    let focus = env.run(["focus"]).success().stdout.clone();
    assert!(!focus.contains("Trigger plan"), "{focus}");
}

#[test]
fn danger_words_and_words_about_dying_show_the_card_on_stderr_and_save_what_was_given() {
    let env = TestEnv::with_couple();
    let run = env.run([
        "exercise",
        "incident",
        "--as",
        "Alex",
        "--what",
        "the argument",
        "--felt",
        "afraid",
        "--json",
    ]);
    run.success().stderr_has("Safety card");
    assert_eq!(run.json()["felt"], "afraid");
    env.run([
        "exercise",
        "request",
        "--as",
        "Alex",
        "--what",
        "I want to die if this goes on",
    ])
    .success()
    .stderr_has("Safety card");
    env.run([
        "exercise",
        "trigger",
        "--as",
        "Alex",
        "--what",
        "a late reply",
    ])
    .success()
    .stderr_has("");
    let quiet = env.run(["exercise", "trigger", "--as", "Alex", "--what", "a song"]);
    assert!(!quiet.stderr.contains("Safety card"), "{}", quiet.stderr);
}

#[test]
fn exercises_travel_in_an_export_and_merge_into_another_journal() {
    let env = TestEnv::with_couple();
    env.run([
        "exercise",
        "request",
        "--as",
        "Alex",
        "--what",
        "A call at lunch",
    ])
    .success();
    env.run(["promise", "add", "--as", "Sam", "--request", "1"])
        .success();
    env.run([
        "exercise",
        "incident",
        "--as",
        "Sam",
        "--what",
        "the drive home",
        "--view",
        "I was tired and short",
    ])
    .success();
    env.run(["exercise", "trigger", "--as", "Alex", "--what", "a song"])
        .success();
    env.run(["delete", "exercise", "3", "--as", "Alex", "--yes"])
        .success();
    // The Markdown journal reads them day by day, with the promise a request became.
    let markdown = env
        .run(["export", "--format", "markdown"])
        .success()
        .stdout
        .clone();
    assert!(
        markdown.contains(
            "### Alex asked for something that would help\n\n**What would help**\n\n> A call at lunch\n\nIt became the promise “A call at lunch”.\n"
        ),
        "{markdown}"
    );
    assert!(
        markdown.contains("### Sam talked a hard moment through\n\n**The moment**\n\n> the drive home\n\n**How I saw it**\n\n> I was tired and short\n"),
        "{markdown}"
    );
    let export = env.root().join("export.json");
    env.run(["export", "--output", export.to_str().unwrap()])
        .success();
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&export).unwrap()).unwrap();
    let list = doc["exercises"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["exercise"], "request");
    assert_eq!(list[0]["promise_uuid"], doc["promises"][0]["uuid"]);
    assert_eq!(list[1]["view"], "I was tired and short");
    assert!(list[1].get("helps").is_none(), "{}", list[1]);
    assert!(
        doc["tombstones"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["kind"] == "exercise")
    );
    assert!(
        doc["revisions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["kind"] == "exercise")
    );

    // Into a journal that has never seen them: the same records, link and delete.
    let mut other = TestEnv::new();
    other.set("REKINDLE_JOURNAL", other.root().join("other.db"));
    other.run(["import", export.to_str().unwrap()]).success();
    let again = other.root().join("again.json");
    other
        .run(["export", "--output", again.to_str().unwrap()])
        .success();
    let doc2: serde_json::Value = serde_json::from_slice(&std::fs::read(&again).unwrap()).unwrap();
    assert_eq!(doc2["exercises"], doc["exercises"]);
    assert_eq!(doc2["tombstones"], doc["tombstones"]);
    // Importing again changes nothing.
    let before = dump(&other.root().join("other.db"));
    other.run(["import", export.to_str().unwrap()]).success();
    assert_eq!(dump(&other.root().join("other.db")), before);

    // A part the exercise does not have is refused, with its place.
    let mut bad = doc.clone();
    bad["exercises"][0]["plan"] = "x".into();
    let file = env.root().join("bad.json");
    std::fs::write(&file, bad.to_string()).unwrap();
    other
        .run(["import", file.to_str().unwrap()])
        .refused()
        .stderr_has("exercises[0].plan: plan is not a part of a request exercise");
}
