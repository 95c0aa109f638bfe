//! History that never lies (issue 13): `show`, `edit`, `delete`, `undo`, `apology withdraw`;
//! deleted words gone from the file; what an import replaces named and kept; clocks that
//! run ahead or are set back; version 1 exports.

use serde_json::{Value, json};

use crate::sample;
use crate::support::{TestEnv, dump};

fn checkin(env: &TestEnv, who: &str, extra: &[&str]) {
    let mut args = vec!["checkin", "--as", who, "--trust", "5"];
    args.extend_from_slice(extra);
    env.run(args).success();
}

/// The record as its author reads it: a check-in's words are sealed for anyone else until
/// they have checked in that day too (issue 15).
fn show(env: &TestEnv, kind: &str, id: &str) -> Value {
    let shown = env.run(["show", kind, id, "--json"]).success().json();
    match shown["partner"].as_str() {
        Some(author) if shown["sealed"] == true => {
            let mut cmd = env.command(["show", kind, id, "--json"]);
            cmd.env("REKINDLE_AS", author);
            let out = cmd.output().unwrap();
            assert!(out.status.success());
            serde_json::from_slice(&out.stdout).unwrap()
        }
        _ => shown,
    }
}

/// Every occurrence of `needle` in the bytes of `path` (0 when the file does not exist).
/// How often `needle` appears in the file's bytes, ignoring ASCII case (the search index
/// keeps its words in lower case).
fn occurrences(path: &std::path::Path, needle: &str) -> usize {
    let Ok(bytes) = std::fs::read(path) else {
        return 0;
    };
    bytes
        .windows(needle.len())
        .filter(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
        .count()
}

fn wal(journal: &std::path::Path) -> std::path::PathBuf {
    let mut name = journal.as_os_str().to_owned();
    name.push("-wal");
    name.into()
}

#[test]
fn an_amend_keeps_the_earlier_version_and_show_lists_who_changed_it() {
    let env = TestEnv::with_couple();
    checkin(&env, "Sam", &["--note", "first words"]);
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--amend",
        "--note",
        "second words",
    ])
    .success();
    env.run(["history"])
        .success()
        .stdout_has("Sam checked in: trust 5 (edited)");
    let shown = show(&env, "checkin", "1");
    assert_eq!(shown["note"], "second words");
    assert_eq!(shown["edited"], true);
    assert_eq!(shown["changed"]["by"], "Sam");
    let revisions = shown["revisions"].as_array().unwrap();
    assert_eq!(revisions.len(), 1);
    assert_eq!(revisions[0]["note"], "first words");
    assert_eq!(revisions[0]["by"], "Sam");
    let device = revisions[0]["device"].as_str().unwrap();
    assert_eq!(device.len(), 16, "{device}");
    assert_eq!(shown["changed"]["device"], device, "made with this journal");
    assert!(revisions[0]["hlc"].as_str().unwrap() < shown["changed"]["hlc"].as_str().unwrap());
    env.run(["show", "checkin", "1", "--as", "Sam"])
        .success()
        .stdout_has("Last changed by Sam on")
        .stdout_has("The earlier version, oldest first:")
        .stdout_has("Note: first words");
    // A record never changed lists none.
    checkin(&env, "Alex", &[]);
    assert_eq!(show(&env, "checkin", "2")["revisions"], json!([]));
    env.run(["show", "checkin", "9"])
        .refused()
        .stderr_has("there is no check-in 9");
    env.run(["show", "diary", "1"])
        .refused()
        .stderr_has("\"diary\" is not a kind of record");
}

#[test]
fn edit_changes_each_kind_by_the_rules_it_was_written_with() {
    let env = TestEnv::with_couple();
    checkin(&env, "Sam", &["--note", "a walk"]);
    env.run(["feel", "--as", "Alex", "hopefull", "--note", "after dinner"])
        .success();
    env.run([
        "promise",
        "add",
        "--as",
        "Sam",
        "Call at lunch",
        "--every",
        "day",
    ])
    .success();
    env.run(["promise", "keep", "1", "--as", "Alex"]).success();
    let journal = env.default_journal();
    let before = dump(&journal);
    for (args, says) in [
        (
            vec!["edit", "checkin", "1", "--as", "Sam", "--trust", "11"],
            "--trust must be a whole number from 1 to 10",
        ),
        (
            vec!["edit", "checkin", "1", "--as", "Sam", "--text", "x"],
            "--text is not part of a check-in; a check-in takes --trust",
        ),
        (
            vec!["edit", "promise", "1", "--as", "Sam", "--text", "  "],
            "--text is empty",
        ),
        (
            vec![
                "edit",
                "promise",
                "1",
                "--as",
                "Sam",
                "--every",
                "fortnight",
            ],
            "\"fortnight\"",
        ),
        (
            vec!["edit", "focus", "1", "--as", "Sam"],
            "a focus change is not edited",
        ),
        (
            vec!["edit", "checkin", "1", "--as", "Sam"],
            "edit needs a change when there is no terminal",
        ),
        (
            vec!["edit", "checkin", "1", "--as", "Alex", "--note", "mine now"],
            "check-in 1 is Sam's; only Sam can edit it",
        ),
        (
            vec!["edit", "outcome", "1", "--as", "Sam", "--note", "x"],
            "promise outcome 1 is Alex's; only Alex can edit it",
        ),
    ] {
        env.run(&args).refused().stderr_has(says);
        assert_eq!(dump(&journal), before, "{args:?} changed the journal");
    }
    let edited = env
        .run([
            "edit",
            "feeling",
            "1",
            "--as",
            "Alex",
            "--word",
            "hopeful:4",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(
        (edited["word"].as_str(), edited["intensity"].as_i64()),
        (Some("hopeful"), Some(4))
    );
    assert_eq!(edited["edited"], true);
    env.run([
        "edit",
        "promise",
        "1",
        "--as",
        "Sam",
        "--text",
        "Call at lunch, really",
        "--every",
        "weekday",
    ])
    .success()
    .stdout_has("Edited Sam's promise 1")
    .stdout_has("text changed")
    .stdout_has("every changed");
    env.run(["edit", "outcome", "1", "--as", "Alex", "--note", "on time"])
        .success();
    env.run(["edit", "checkin", "1", "--as", "Sam", "--note", ""])
        .success()
        .stdout_has("note removed");
    // The same again writes nothing.
    let same = dump(&journal);
    env.run(["edit", "checkin", "1", "--as", "Sam", "--note", ""])
        .success()
        .stdout_has("Nothing changed in Sam's check-in 1");
    assert_eq!(dump(&journal), same);
    let history = env.run(["history", "--json"]).success().json();
    let edited: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["edited"] == true)
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(edited.len(), 4, "{history}");
}

#[test]
fn an_edited_apology_is_checked_again_before_it_is_saved() {
    let env = TestEnv::with_couple();
    env.run([
        "apology",
        "add",
        "--as",
        "Sam",
        "--what",
        "I lied about Friday",
        "--responsibility",
        "I chose to lie",
    ])
    .success();
    let journal = env.default_journal();
    let before = dump(&journal);
    env.run([
        "edit",
        "apology",
        "1",
        "--as",
        "Sam",
        "--responsibility",
        "I'm sorry if you felt hurt",
    ])
    .refused()
    .stdout_has("A conditional apology")
    .stderr_has("nothing was saved");
    assert_eq!(dump(&journal), before);
    env.run([
        "edit",
        "apology",
        "1",
        "--as",
        "Sam",
        "--responsibility",
        "I'm sorry if you felt hurt",
        "--as-written",
    ])
    .success()
    .stdout_has("responsibility changed");
}

#[test]
fn delete_removes_the_words_and_the_timeline_says_who_deleted_what() {
    let env = TestEnv::with_couple();
    checkin(&env, "Sam", &["--note", "too much"]);
    let journal = env.default_journal();
    let before = dump(&journal);
    env.run(["delete", "checkin", "1", "--as", "Sam"])
        .refused()
        .stderr_has("pass --yes");
    env.run(["delete", "checkin", "1", "--as", "Alex", "--yes"])
        .refused()
        .stderr_has("check-in 1 is Sam's; only Sam can delete it");
    assert_eq!(dump(&journal), before);
    let deleted = env
        .run(["delete", "checkin", "1", "--as", "Sam", "--yes", "--json"])
        .success()
        .json();
    assert_eq!(
        deleted,
        json!({"kind": "checkin", "id": 1, "uuid": deleted["uuid"], "date": "2026-11-21",
               "partner": "Sam", "deleted": {"by": "Sam", "on": "2026-11-21"}})
    );
    env.run(["history"])
        .success()
        .stdout_has("Sam deleted a check-in from Saturday 21 November 2026");
    let history = env
        .run(["history", "--json", "--kind", "checkin"])
        .success()
        .json();
    assert_eq!(
        history,
        json!([{"kind": "checkin", "id": null, "uuid": deleted["uuid"], "date": "2026-11-21",
                "partner": "Sam", "deleted": {"by": "Sam", "on": "2026-11-21"}}])
    );
    env.run(["show", "checkin", "1"]).refused();
    // A new check-in for the day can be written again.
    checkin(&env, "Sam", &[]);
    // The export carries the tombstone and nothing of the content.
    let export = env.run(["export"]).success().json();
    assert_eq!(export["tombstones"][0]["uuid"], deleted["uuid"]);
    assert!(!export.to_string().contains("too much"));
}

#[test]
fn what_the_other_partner_wrote_on_a_record_keeps_it_from_being_deleted() {
    let env = TestEnv::with_couple();
    env.run([
        "promise",
        "add",
        "--as",
        "Sam",
        "Walk on Sunday",
        "--every",
        "day",
        "--from",
        "2026-11-19",
    ])
    .success();
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
    env.run([
        "promise",
        "keep",
        "1",
        "--as",
        "Alex",
        "--date",
        "2026-11-20",
    ])
    .success();
    env.run(["delete", "promise", "1", "--as", "Sam", "--yes"])
        .refused()
        .stderr_has("has outcomes Alex recorded")
        .stderr_has("rekindle promise cancel 1");
    env.run(["delete", "outcome", "2", "--as", "Alex", "--yes"])
        .success();
    // With only Sam's own outcome left, the promise goes, and its outcome with it.
    env.run(["delete", "promise", "1", "--as", "Sam", "--yes"])
        .success();
    let counts = env.run(["doctor", "--json"]).success().json()["counts"].clone();
    assert_eq!(
        (counts["promises"].as_i64(), counts["outcomes"].as_i64()),
        (Some(0), Some(0))
    );

    env.run([
        "apology",
        "add",
        "--as",
        "Sam",
        "--what",
        "I lied",
        "--responsibility",
        "I chose to",
    ])
    .success();
    env.run(["apology", "respond", "1", "--as", "Alex", "--need-time"])
        .success();
    env.run(["delete", "apology", "1", "--as", "Sam", "--yes"])
        .refused()
        .stderr_has("rekindle apology withdraw 1");
    env.run(["apology", "withdraw", "1", "--as", "Alex", "--yes"])
        .refused()
        .stderr_has("apology 1 is Sam's; only Sam can withdraw it");
    // Without a terminal and without --yes it says what to pass, and writes nothing.
    let journal = env.default_journal();
    let before = dump(&journal);
    env.run(["apology", "withdraw", "1", "--as", "Sam"])
        .refused()
        .stderr_has("pass --yes to withdraw it without a terminal");
    assert_eq!(dump(&journal), before);
    let withdrawn = env
        .run(["apology", "withdraw", "1", "--as", "Sam", "--yes", "--json"])
        .success()
        .json();
    assert_eq!(withdrawn["withdrawn_on"], "2026-11-21");
    assert_eq!(withdrawn["what"], "I lied", "its words stay");
    env.run(["history"]).success().stdout_has(
        "Sam apologised to Alex (apology 1, withdrawn on Saturday 21 November 2026) (edited)",
    );
    env.run(["apology", "withdraw", "1", "--as", "Sam", "--yes"])
        .refused()
        .stderr_has("already withdrawn");
    // A withdrawn apology waits for no answer, and takes none.
    let before = dump(&journal);
    env.run(["apology", "respond", "1", "--as", "Alex", "--accept"])
        .refused()
        .stderr_has("apology 1 was withdrawn by Sam on Saturday 21 November 2026");
    assert_eq!(dump(&journal), before);
    // Undone, it is no longer withdrawn.
    env.run(["undo", "--as", "Sam", "--yes"])
        .success()
        .stdout_has("is no longer withdrawn");
    assert_eq!(show(&env, "apology", "1")["withdrawn_on"], Value::Null);
}

#[test]
fn undo_walks_back_one_change_at_a_time_and_stops_at_a_delete() {
    let env = TestEnv::with_couple();
    checkin(&env, "Sam", &["--note", "one"]);
    env.run(["checkin", "--as", "Sam", "--amend", "--note", "two"])
        .success();
    env.run(["checkin", "--as", "Sam", "--amend", "--note", "three"])
        .success();
    checkin(&env, "Alex", &["--note", "Alex's own"]);
    let journal = env.default_journal();
    let before = dump(&journal);
    env.run(["undo", "--as", "Sam"])
        .refused()
        .stderr_has("undo would take back your most recent change (put Sam's check-in 1 for Saturday 21 November 2026 back as it was before your change)")
        .stderr_has("pass --yes");
    assert_eq!(dump(&journal), before);
    env.run(["undo", "--as", "Sam", "--yes"]).success();
    assert_eq!(show(&env, "checkin", "1")["note"], "two");
    env.run(["undo", "--as", "Sam", "--yes"]).success();
    assert_eq!(show(&env, "checkin", "1")["note"], "one");
    // The versions undone are kept.
    assert_eq!(
        show(&env, "checkin", "1")["revisions"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
    let undone = env
        .run(["undo", "--as", "Sam", "--yes", "--json"])
        .success()
        .json();
    assert_eq!(undone["reverted"][0]["change"], "add");
    assert_eq!(undone["reverted"][0]["now"], "deleted");
    env.run(["show", "checkin", "1"]).refused();
    env.run(["undo", "--as", "Sam", "--yes"])
        .refused()
        .stderr_has("Sam has nothing to undo");
    // Alex's check-in was never Sam's to undo.
    assert_eq!(show(&env, "checkin", "2")["note"], "Alex's own");

    env.run(["feel", "--as", "Alex", "hurt", "calm"]).success();
    env.run(["delete", "feeling", "1", "--as", "Alex", "--yes"])
        .success();
    env.run(["undo", "--as", "Alex", "--yes"])
        .refused()
        .stderr_has("most recent change was deleting a feeling")
        .stderr_has("a delete cannot be undone");
}

#[test]
fn undo_takes_back_a_whole_command_and_nothing_older_than_a_day() {
    let mut env = TestEnv::with_couple();
    env.set("REKINDLE_NOW", "2026-11-20T09:00:00Z");
    env.run(["feel", "--as", "Sam", "tired"]).success();
    env.set("REKINDLE_NOW", "2026-11-21T10:00:00Z");
    // One `feel` of two words is one change.
    env.run(["feel", "--as", "Sam", "hurt", "calm"]).success();
    env.run(["undo", "--as", "Sam", "--yes"]).success();
    let history = env
        .run(["history", "--json", "--kind", "feeling"])
        .success()
        .json();
    let words: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["word"].as_str())
        .collect();
    assert_eq!(words, ["tired"]);
    // The day-old change is out of reach.
    env.run(["undo", "--as", "Sam", "--yes"])
        .refused()
        .stderr_has("no change made with this journal in the last 24 hours");
}

#[test]
fn deleted_words_are_gone_from_the_journal_its_log_the_search_index_and_a_later_backup() {
    const SECRET: &str = "XYZZY-DELETED-WORDS-4242";
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    checkin(
        &env,
        "Sam",
        &["--note", &format!("{SECRET} in the first version")],
    );
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--amend",
        "--note",
        &format!("{SECRET} amended"),
    ])
    .success();
    env.run(["feel", "--as", "Sam", "raw", "--note", SECRET])
        .success();
    // The words are there, in the file or its log, before the delete: the search below can
    // find them.
    let before = occurrences(&journal, SECRET) + occurrences(&wal(&journal), SECRET);
    assert!(before > 0, "the test cannot see the words it looks for");
    env.run(["history", "--search", "XYZZY"])
        .success()
        .stdout_has(SECRET);

    env.run(["delete", "checkin", "1", "--as", "Sam", "--yes"])
        .success();
    env.run(["delete", "feeling", "1", "--as", "Sam", "--yes"])
        .success();
    assert_eq!(occurrences(&journal, SECRET), 0, "in the journal file");
    assert_eq!(
        occurrences(&wal(&journal), SECRET),
        0,
        "in its write-ahead log"
    );
    assert_eq!(occurrences(&journal, "XYZZY"), 0, "as a search term");
    assert_eq!(occurrences(&wal(&journal), "XYZZY"), 0, "as a search term");
    env.run(["history", "--search", "XYZZY"])
        .success()
        .stdout_has("Nothing to show.");
    let conn = rusqlite::Connection::open(&journal).unwrap();
    let hits: i64 = conn
        .query_row(
            "SELECT count(*) FROM search WHERE search MATCH 'xyzzy'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hits, 0);
    drop(conn);
    let backup = env.root().join("after.db");
    env.run(["backup", backup.to_str().unwrap()]).success();
    assert_eq!(
        occurrences(&backup, SECRET),
        0,
        "in a backup made after the delete"
    );
    assert_eq!(occurrences(&backup, "XYZZY"), 0);
}

#[test]
fn forget_previous_takes_back_an_over_share_but_shows_that_words_changed() {
    const SECRET: &str = "OVERSHARE-7731";
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    checkin(&env, "Sam", &["--note", &format!("{SECRET} it was Jordan")]);
    env.run([
        "edit",
        "checkin",
        "1",
        "--as",
        "Sam",
        "--note",
        "it was hard",
    ])
    .success();
    assert!(
        occurrences(&journal, SECRET) + occurrences(&wal(&journal), SECRET) > 0,
        "an ordinary edit keeps the earlier words"
    );
    env.run([
        "edit",
        "checkin",
        "1",
        "--as",
        "Sam",
        "--note",
        "it was hard to say",
        "--forget-previous",
    ])
    .success()
    .stdout_has("Its earlier versions no longer hold what the note said before");
    assert_eq!(occurrences(&journal, SECRET), 0);
    assert_eq!(occurrences(&wal(&journal), SECRET), 0);
    let shown = show(&env, "checkin", "1");
    let revisions = shown["revisions"].as_array().unwrap();
    assert_eq!(revisions.len(), 2);
    for r in revisions {
        assert_eq!(r["note"], Value::Null);
        assert_eq!(r["withdrawn"], json!(["note"]));
    }
    env.run(["show", "checkin", "1"])
        .success()
        .stdout_has("Earlier words withdrawn: note.");
    // Withdrawn words stay withdrawn in other journals, even when an older copy arrives there.
    let old = env.root().join("old.json");
    let other = env.root().join("other/journal.db");
    let other = other.to_str().unwrap();
    env.run([
        "--journal",
        other,
        "init",
        "--partner",
        "Sam",
        "--partner",
        "Alex",
    ])
    .success();
    let file = env.root().join("now.json");
    env.run(["export", "--output", file.to_str().unwrap()])
        .success();
    std::fs::write(&old, std::fs::read(&file).unwrap()).unwrap();
    env.run(["--journal", other, "import", file.to_str().unwrap()])
        .success();
    let there = env.run(["--journal", other, "export"]).success().json();
    assert!(!there.to_string().contains(SECRET));
}

#[test]
fn an_import_that_replaces_a_check_in_names_it_and_keeps_the_old_version() {
    let env = TestEnv::new();
    let file = env.root().join("sample.json");
    sample::write(&file, &sample::journal());
    env.run(["import", file.to_str().unwrap()]).success();
    // The same check-in, changed later on the other computer.
    let mut newer = sample::journal();
    newer["checkins"][0]["trust"] = 9.into();
    newer["checkins"][0]["answer"] = "Changed on the laptop".into();
    newer["checkins"][0]["updated_at"] = sample::at(21, 7).into();
    let file = env.root().join("newer.json");
    sample::write(&file, &newer);
    let run = env.run(["import", file.to_str().unwrap()]);
    run.success()
        .stdout_has("Replaced by the file's newer version")
        .stdout_has("Sam's check-in for Thursday 19 November 2026 (check-in 1)");
    let summary = env
        .run(["import", file.to_str().unwrap(), "--json", "--dry-run"])
        .success()
        .json();
    assert_eq!(
        summary["replaced"],
        json!([]),
        "the second time nothing is replaced"
    );
    let shown = show(&env, "checkin", "1");
    assert_eq!(shown["answer"], "Changed on the laptop");
    assert_eq!(
        shown["revisions"][0]["answer"],
        "I said sorry, and meant it."
    );
    assert_eq!(shown["revisions"][0]["trust"], 5);
    // And the JSON names it.
    let env2 = TestEnv::new();
    let original = env2.root().join("sample.json");
    sample::write(&original, &sample::journal());
    env2.run(["import", original.to_str().unwrap()]).success();
    let summary = env2
        .run(["import", file.to_str().unwrap(), "--json"])
        .success()
        .json();
    assert_eq!(
        summary["replaced"],
        json!([{"kind": "checkin", "id": 1, "date": "2026-11-19", "partner": "Sam"}])
    );
}

#[test]
fn deletes_travel_with_export_and_win_over_a_later_change_elsewhere() {
    let env = TestEnv::with_couple();
    checkin(&env, "Sam", &["--note", "shared"]);
    let other = env.root().join("laptop/journal.db");
    let other = other.to_str().unwrap();
    let ours = env.root().join("ours.json");
    env.run(["export", "--output", ours.to_str().unwrap()])
        .success();
    env.run(["--journal", other, "import", ours.to_str().unwrap()])
        .success();
    // On the laptop Sam edits the check-in; here Sam deletes it.
    env.run([
        "--journal",
        other,
        "edit",
        "checkin",
        "1",
        "--as",
        "Sam",
        "--note",
        "later words",
    ])
    .success();
    env.run(["delete", "checkin", "1", "--as", "Sam", "--yes"])
        .success();
    let theirs = env.root().join("theirs.json");
    env.run([
        "--journal",
        other,
        "export",
        "--output",
        theirs.to_str().unwrap(),
    ])
    .success();
    env.run(["import", theirs.to_str().unwrap()]).success();
    env.run(["show", "checkin", "1"]).refused();
    env.run(["export", "--output", ours.to_str().unwrap()])
        .success();
    let summary = env
        .run([
            "--journal",
            other,
            "import",
            ours.to_str().unwrap(),
            "--json",
        ])
        .success()
        .json();
    assert_eq!(summary["removed"]["checkins"], 1);
    assert_eq!(summary["deleted"][0]["kind"], "checkin");
    env.run(["--journal", other, "history"])
        .success()
        .stdout_has("Sam deleted a check-in from Saturday 21 November 2026");
    let there = env.run(["--journal", other, "export"]).success().json();
    assert!(!there.to_string().contains("later words"));
    assert_eq!(there["checkins"], json!([]));
}

/// Two journals, the second made from the first's export, each with its own clock.
fn two_journals(env: &TestEnv) -> (String, String) {
    let laptop = env
        .root()
        .join("laptop/journal.db")
        .to_str()
        .unwrap()
        .to_string();
    let file = env.root().join("start.json");
    env.run(["export", "--output", file.to_str().unwrap()])
        .success();
    env.run(["--journal", &laptop, "import", file.to_str().unwrap()])
        .success();
    (env.default_journal().to_str().unwrap().to_string(), laptop)
}

fn exchange(env: &TestEnv, from: &str, to: &str) -> Value {
    let file = env.root().join("exchange.json");
    env.run([
        "--journal",
        from,
        "export",
        "--output",
        file.to_str().unwrap(),
    ])
    .success();
    env.run(["--journal", to, "import", file.to_str().unwrap(), "--json"])
        .success()
        .json()
}

#[test]
fn a_change_stamped_years_ahead_is_overtaken_by_the_next_edit_here() {
    let mut env = TestEnv::with_couple();
    checkin(&env, "Sam", &["--note", "written here"]);
    let (here, laptop) = two_journals(&env);
    // The laptop's clock runs 18 months ahead: its change is stamped then.
    env.set("REKINDLE_NOW", "2028-05-21T09:00:00Z");
    env.run([
        "--journal",
        &laptop,
        "checkin",
        "--as",
        "Sam",
        "--amend",
        "--note",
        "from the fast laptop",
    ])
    .success();
    env.set("REKINDLE_NOW", "2026-11-21T10:00:00Z");
    exchange(&env, &laptop, &here);
    let fast = show(&env, "checkin", "1");
    assert_eq!(fast["note"], "from the fast laptop");
    assert!(
        fast["updated_at"]
            .as_str()
            .unwrap()
            .starts_with("2028-05-21")
    );
    // Edited here, with a right clock, after seeing it: this change is the later one.
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--amend",
        "--note",
        "written here again",
    ])
    .success();
    let changed = show(&env, "checkin", "1")["changed"].clone();
    assert!(
        changed["hlc"].as_str().unwrap() > fast["changed"]["hlc"].as_str().unwrap(),
        "the stamp moved past the laptop's: {changed}"
    );
    assert!(
        changed["at"].as_str().unwrap().starts_with("2026-11-21"),
        "people see the real time"
    );
    // The laptop's old file again changes nothing here, and the edit reaches the laptop.
    let again = exchange(&env, &laptop, &here);
    assert_eq!(again["updated"]["checkins"], 0);
    assert_eq!(show(&env, "checkin", "1")["note"], "written here again");
    exchange(&env, &here, &laptop);
    let there = env
        .run([
            "--journal",
            &laptop,
            "show",
            "checkin",
            "1",
            "--json",
            "--as",
            "Sam",
        ])
        .success()
        .json();
    assert_eq!(there["note"], "written here again");
}

#[test]
fn a_journal_whose_clock_was_set_back_still_merges_its_later_change_correctly() {
    let mut env = TestEnv::with_couple();
    checkin(&env, "Sam", &["--note", "first"]);
    let (here, laptop) = two_journals(&env);
    // A year behind: by its clock this edit is older than the one it replaces.
    env.set("REKINDLE_NOW", "2025-11-21T09:00:00Z");
    env.run([
        "--journal",
        &laptop,
        "checkin",
        "--as",
        "Sam",
        "--amend",
        "--note",
        "from the slow laptop",
    ])
    .success();
    env.set("REKINDLE_NOW", "2026-11-21T12:00:00Z");
    let summary = exchange(&env, &laptop, &here);
    assert_eq!(summary["updated"]["checkins"], 1, "{summary}");
    assert_eq!(show(&env, "checkin", "1")["note"], "from the slow laptop");
    // Its wall-clock time is what people are shown, as it was.
    assert!(
        show(&env, "checkin", "1")["updated_at"]
            .as_str()
            .unwrap()
            .starts_with("2025-11-21")
    );
    exchange(&env, &here, &laptop);
    let there = env
        .run([
            "--journal",
            &laptop,
            "show",
            "checkin",
            "1",
            "--json",
            "--as",
            "Sam",
        ])
        .success()
        .json();
    assert_eq!(there["note"], "from the slow laptop");
    assert_eq!(there["revisions"][0]["note"], "first");
}

#[test]
fn changes_stamped_more_than_two_years_ahead_are_reported_and_not_applied() {
    let mut env = TestEnv::with_couple();
    checkin(&env, "Sam", &["--note", "first"]);
    let (here, laptop) = two_journals(&env);
    env.set("REKINDLE_NOW", "2030-01-01T09:00:00Z");
    env.run([
        "--journal",
        &laptop,
        "checkin",
        "--as",
        "Sam",
        "--amend",
        "--note",
        "from 2030",
    ])
    .success();
    env.set("REKINDLE_NOW", "2026-11-21T12:00:00Z");
    let before = dump(std::path::Path::new(&here));
    let file = env.root().join("far.json");
    env.run([
        "--journal",
        &laptop,
        "export",
        "--output",
        file.to_str().unwrap(),
    ])
    .success();
    env.run(["--journal", &here, "import", file.to_str().unwrap()])
        .refused()
        .stderr_has(
            "checkins[0].hlc: this change is dated about 3 years ahead of this computer's clock",
        )
        .stderr_has("nothing was imported");
    assert_eq!(dump(std::path::Path::new(&here)), before);
    // A version 1 file with a date far ahead is refused the same way (audit row I21).
    let mut crafted = sample::journal();
    crafted["checkins"][0]["updated_at"] = "9999-12-31T23:59:59Z".into();
    let crafted_file = env.root().join("crafted.json");
    sample::write(&crafted_file, &crafted);
    env.run(["--journal", &here, "import", crafted_file.to_str().unwrap()])
        .refused()
        .stderr_has("checkins[0].updated_at: this change is dated about");
}

#[test]
fn a_version_1_export_imports_with_the_stamps_an_upgraded_journal_gives_it() {
    let env = TestEnv::new();
    let file = env.root().join("v1.json");
    let v1 = sample::journal();
    assert_eq!(v1["version"], 1);
    sample::write(&file, &v1);
    env.run(["import", file.to_str().unwrap()]).success();
    let export = env.run(["export"]).success().json();
    assert_eq!(export["version"], 2);
    // Stamped from `updated_at` on the legacy device, as migration 2 stamps a journal.
    for (kind, list) in export.as_object().unwrap() {
        for record in list.as_array().into_iter().flatten() {
            let Some(updated) = record.get("updated_at").and_then(Value::as_str) else {
                continue;
            };
            let at = chrono::DateTime::parse_from_rfc3339(updated)
                .unwrap()
                .with_timezone(&chrono::Utc);
            let hlc = rekindle::domain::hlc::Hlc::legacy(&at).encode();
            assert_eq!(record["hlc"], hlc.as_str(), "{kind}: {record}");
            assert!(hlc.ends_with("-0000000000000000"));
        }
    }
    assert_eq!(
        export["focus"][0]["start"], true,
        "the first focus, set by nobody, is the start"
    );
    assert_eq!(export["checkins"][0]["changed_by_uuid"], sample::SAM);
    // Importing the version 1 file again changes nothing.
    let again = env
        .run(["import", file.to_str().unwrap(), "--json"])
        .success()
        .json();
    for column in ["added", "updated", "removed"] {
        assert!(
            again[column].as_object().unwrap().values().all(|n| n == 0),
            "{again}"
        );
    }
}

#[test]
fn a_journal_written_before_stamps_is_upgraded_with_stamps_from_its_times() {
    let env = TestEnv::new();
    let journal = env.default_journal();
    std::fs::create_dir_all(journal.parent().unwrap()).unwrap();
    {
        let conn = rusqlite::Connection::open(&journal).unwrap();
        conn.execute_batch(rekindle::store::schema::MIGRATIONS[0])
            .unwrap();
        conn.execute_batch(
            "PRAGMA user_version = 1;
             INSERT INTO partners (uuid, name, role, created_at, updated_at) VALUES
               ('5a0c6f3e-1b7d-4e2a-9c8f-0d1e2f3a4b5c', 'Sam', 'repairing', '2026-11-18T08:00:00.000000Z', '2026-11-18T08:00:00.000000Z'),
               ('9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', 'Alex', 'healing', '2026-11-18T08:00:00.000000Z', '2026-11-18T08:00:00.000000Z');
             INSERT INTO checkins (uuid, partner_id, date, trust, step, note, created_at, updated_at) VALUES
               ('c1000000-0000-4000-8000-000000000001', 1, '2026-11-19', 5, 'responsibility', 'old', '2026-11-19T20:00:00.123456Z', '2026-11-20T20:30:00.999600Z'),
               ('c1000000-0000-4000-8000-000000000002', 2, '2026-11-19', 4, 'responsibility', 'far', '2026-11-19T20:00:00.000000Z', '9999-12-31T23:59:59.000000Z');",
        )
        .unwrap();
    }
    let export = env.run(["export"]).success().json();
    // Sliced as text, not rounded: 999 milliseconds and 600 microseconds.
    let exact = chrono::DateTime::parse_from_rfc3339("2026-11-20T20:30:00.999600Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    assert_eq!(
        export["checkins"][0]["hlc"],
        rekindle::domain::hlc::Hlc::legacy(&exact).encode().as_str()
    );
    assert_eq!(
        export["checkins"][0]["changed_by_uuid"],
        "5a0c6f3e-1b7d-4e2a-9c8f-0d1e2f3a4b5c"
    );
    // A change dated far ahead is stamped now instead, so the next edit here overtakes it.
    let far = export["checkins"][1]["hlc"].as_str().unwrap();
    assert!(far < "01b0", "{far}");
    env.run([
        "checkin",
        "--as",
        "Alex",
        "--date",
        "2026-11-19",
        "--amend",
        "--note",
        "now",
    ])
    .success();
    let shown = show(&env, "checkin", "2");
    assert_eq!(shown["note"], "now");
    assert!(shown["changed"]["hlc"].as_str().unwrap() > far);
}

// Regression (new-user trial): after the newest record of a kind was deleted, the next one
// took its number, so "check-in 2" written down somewhere then meant another entry.
#[test]
fn a_deleted_records_number_is_never_given_to_another() {
    let env = TestEnv::with_couple();
    for text in ["walk after dinner", "call at lunch"] {
        env.run(["promise", "add", "--as", "Sam", text]).success();
    }
    env.run(["delete", "promise", "2", "--as", "Sam", "--yes"])
        .success();
    let third = env
        .run([
            "promise",
            "add",
            "--as",
            "Sam",
            "phone off at dinner",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(third["id"], 3, "{third}");
    env.run(["show", "promise", "2"])
        .refused()
        .stderr_has("there is no promise 2");
    assert_eq!(show(&env, "promise", "3")["text"], "phone off at dinner");

    // A check-in taken back with undo frees no number either.
    checkin(&env, "Alex", &["--date", "yesterday", "--feeling", "calm"]);
    checkin(&env, "Alex", &["--note", "today's", "--feeling", "hopeful"]);
    env.run(["undo", "--as", "Alex", "--yes"]).success();
    let again = env
        .run([
            "checkin",
            "--as",
            "Alex",
            "--trust",
            "6",
            "--feeling",
            "tired",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(again["id"], 3, "{again}");
    env.run(["show", "checkin", "2"]).refused();
    assert_eq!(
        show(&env, "checkin", "3")["feelings"][0]["word"],
        "tired",
        "{again}"
    );
}

// Regression (new-user trial): `delete feeling N` for a feeling named in a check-in said
// there was no such feeling. It is part of the check-in, and the message says how to change it.
#[test]
fn a_check_ins_feeling_points_to_its_check_in() {
    let env = TestEnv::with_couple();
    checkin(
        &env,
        "Sam",
        &["--feeling", "calm", "--feeling", "hopeful:3"],
    );
    let journal = env.default_journal();
    let before = dump(&journal);
    for args in [
        &["delete", "feeling", "2", "--as", "Sam", "--yes"][..],
        &["edit", "feeling", "2", "--as", "Sam", "--word", "tired"],
    ] {
        env.run(args)
            .refused()
            .stderr_has("feeling 2 is part of Sam's check-in 1 for Saturday 21 November 2026")
            .stderr_has("rekindle edit checkin 1 --feeling WORD");
    }
    env.run(["show", "feeling", "2"])
        .refused()
        .stderr_has("rekindle show checkin 1");
    assert_eq!(dump(&journal), before);
    // The way it points to works.
    env.run(["edit", "checkin", "1", "--as", "Sam", "--feeling", "calm"])
        .success();
    assert_eq!(
        show(&env, "checkin", "1")["feelings"],
        json!([{"word": "calm", "intensity": null, "valence": "pleasant"}])
    );
    // A feeling that is not there is still simply not there.
    env.run(["delete", "feeling", "99", "--as", "Sam", "--yes"])
        .refused()
        .stderr_has("there is no feeling 99");
}
