//! `rekindle import`: a merge by uuid, all or nothing, and its refusals.

use serde_json::{Value, json};

use crate::sample::{self, ALEX, APOLOGY, MEETING, PROMISE, SAM, SAM_CHECKIN, SAM_TODAY, at};
use crate::support::{TestEnv, dump, mode};

/// A fresh home whose journal was created by importing the sample.
fn with_sample() -> TestEnv {
    let env = TestEnv::new();
    let file = env.root().join("sample.json");
    sample::write(&file, &sample::journal());
    env.run(["import", file.to_str().unwrap()]).success();
    env
}

/// Writes `value` into the test's folder and imports it, with any extra arguments.
fn import(env: &TestEnv, value: &Value, extra: &[&str]) -> crate::support::Run {
    let file = env.root().join("incoming.json");
    sample::write(&file, value);
    let mut args = vec!["import", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    env.run(args)
}

fn export(env: &TestEnv) -> Value {
    env.run(["export"]).success().json()
}

fn find<'a>(list: &'a Value, uuid: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|r| r["uuid"] == uuid)
        .unwrap_or_else(|| panic!("no record {uuid} in {list}"))
}

#[test]
fn import_into_a_path_without_a_journal_creates_it_private_and_identical() {
    let env = TestEnv::new();
    let file = env.root().join("sample.json");
    sample::write(&file, &sample::journal());
    let run = env.run(["import", file.to_str().unwrap()]);
    run.success()
        .stdout_has("Created your journal at")
        .stdout_has("The file covers Wednesday 18 November 2026 to Friday 20 November 2026.");
    let journal = env.default_journal();
    assert_eq!(mode(&journal), 0o600);
    assert_eq!(mode(journal.parent().unwrap()), 0o700);
    let doctor = env.run(["doctor", "--json"]).success().json();
    assert_eq!(doctor["integrity"], json!([]));
    assert_eq!(
        doctor["counts"],
        json!({"partners": 2, "checkins": 3, "feelings": 3, "promises": 1, "outcomes": 2,
               "apologies": 1, "responses": 1, "focus": 1, "meetings": 1, "exercises": 0,
               "notes": 0})
    );
    assert_eq!(
        sample::without_stamp(export(&env)),
        sample::without_stamp(sample::journal()),
        "export after import into an empty path gives the same document"
    );
}

// Regression: feelings named in a check-in were written before quick feelings, so a
// journal whose two kinds interleave came back in another order after a round trip.
#[test]
fn feelings_keep_their_order_through_a_round_trip() {
    let env = TestEnv::new();
    let mut file = sample::journal();
    let feelings = file["feelings"].as_array_mut().unwrap();
    feelings.rotate_right(1);
    assert_eq!(
        feelings[0]["checkin_uuid"],
        Value::Null,
        "a quick feeling comes first"
    );
    import(&env, &file, &[]).success();
    assert_eq!(
        sample::without_stamp(export(&env)),
        sample::without_stamp(file)
    );
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let env = with_sample();
    let before = dump(&env.default_journal());
    let summary = import(&env, &sample::journal(), &["--json"])
        .success()
        .json();
    assert_eq!(dump(&env.default_journal()), before);
    assert_eq!(summary["created"], false);
    assert_eq!(summary["dry_run"], false);
    for kind in ["partners", "checkins", "feelings", "outcomes", "meetings"] {
        assert_eq!(summary["added"][kind], 0, "{kind}");
        assert_eq!(summary["updated"][kind], 0, "{kind}");
    }
    assert_eq!(summary["skipped"]["checkins"], 3);
    assert_eq!(summary["skipped"]["feelings"], 3);
    assert_eq!(summary["skipped"]["outcomes"], 2);
    let text = import(&env, &sample::journal(), &[])
        .success()
        .stdout
        .clone();
    assert!(
        text.contains("Your journal already had everything in this file, so nothing changed."),
        "{text}"
    );
}

#[test]
fn a_later_version_replaces_and_an_earlier_one_is_skipped() {
    let env = with_sample();
    let mut file = sample::journal();
    file["checkins"][0]["trust"] = 9.into();
    file["checkins"][0]["updated_at"] = at(21, 7).into();
    file["checkins"][1]["trust"] = 1.into();
    file["checkins"][1]["updated_at"] = at(19, 1).into();
    let summary = import(&env, &file, &["--json"]).success().json();
    assert_eq!(summary["updated"]["checkins"], 1);
    assert_eq!(summary["skipped"]["checkins"], 2);
    let exported = export(&env);
    assert_eq!(find(&exported["checkins"], SAM_CHECKIN)["trust"], 9);
    assert_eq!(
        find(&exported["checkins"], SAM_CHECKIN)["updated_at"],
        at(21, 7)
    );
    assert_eq!(
        find(&exported["checkins"], sample::ALEX_CHECKIN)["trust"],
        3
    );
}

#[test]
fn feelings_follow_their_check_in() {
    let env = with_sample();
    // Sam amended today's check-in elsewhere: hurt eased to 2, hopeful gone, calm added.
    let mut file = sample::journal();
    file["checkins"][2]["updated_at"] = at(21, 8).into();
    file["feelings"][0]["intensity"] = 2.into();
    file["feelings"][1] = json!({
        "uuid": "f1000000-0000-4000-8000-000000000009", "partner_uuid": SAM,
        "checkin_uuid": SAM_TODAY, "date": "2026-11-20", "word": "calm", "intensity": null,
        "note": null, "created_at": at(21, 8), "updated_at": at(21, 8)
    });
    let summary = import(&env, &file, &["--json"]).success().json();
    assert_eq!(summary["updated"]["checkins"], 1);
    assert_eq!(summary["updated"]["feelings"], 1, "hurt changed");
    assert_eq!(summary["added"]["feelings"], 1, "calm");
    assert_eq!(summary["removed"]["feelings"], 1, "hopeful");
    assert_eq!(summary["skipped"]["feelings"], 1, "Alex's quick feeling");
    let words = |exported: &Value| -> Vec<String> {
        exported["feelings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["checkin_uuid"] == SAM_TODAY)
            .map(|f| format!("{}:{}", f["word"].as_str().unwrap(), f["intensity"]))
            .collect()
    };
    assert_eq!(words(&export(&env)), ["hurt:2", "calm:null"]);

    // An older copy of the check-in, still naming "hopeful", brings nothing back.
    let summary = import(&env, &sample::journal(), &["--json"])
        .success()
        .json();
    assert_eq!(summary["skipped"]["checkins"], 3);
    assert_eq!(summary["added"]["feelings"], 0);
    assert_eq!(words(&export(&env)), ["hurt:2", "calm:null"]);
    let text = import(&env, &file, &[]).success().stdout.clone();
    assert!(text.contains("nothing changed"), "{text}");
}

#[test]
fn a_meeting_brings_its_parts_along() {
    let env = with_sample();
    let mut file = sample::journal();
    file["meetings"][0]["updated_at"] = at(21, 8).into();
    file["meetings"][0]["parts"] = json!([{"partner_uuid": ALEX, "appreciation": "Dinner"}]);
    let summary = import(&env, &file, &["--json"]).success().json();
    assert_eq!(summary["updated"]["meetings"], 1);
    let exported = export(&env);
    let parts = &find(&exported["meetings"], MEETING)["parts"];
    assert_eq!(
        parts,
        &json!([{"partner_uuid": ALEX, "appreciation": "Dinner", "request": null, "promise_uuid": null}])
    );
    // The journal's newer meeting wins over the sample's older parts.
    import(&env, &sample::journal(), &[]).success();
    assert_eq!(find(&export(&env)["meetings"], MEETING)["parts"], *parts);
}

#[test]
fn two_computers_that_each_ran_init_merge_by_name() {
    let env = TestEnv::with_couple();
    let ours = export(&env);
    let our_sam = ours["partners"][0]["uuid"].as_str().unwrap().to_string();
    // The sample knows Sam and Alex under other uuids, written earlier than our init.
    let summary = import(&env, &sample::journal(), &["--json"])
        .success()
        .json();
    assert_eq!(summary["added"]["partners"], 0);
    assert_eq!(summary["skipped"]["partners"], 2);
    assert_eq!(summary["added"]["checkins"], 3);
    // Changed with issue 13: one person known by two uuids keeps the smaller for good, on
    // both computers whichever merges first (it used to keep the journal's own until the
    // file's changed later, so two journals could swap uuids back and forth).
    let sam = our_sam.as_str().min(SAM).to_string();
    let merged = export(&env);
    assert_eq!(merged["partners"].as_array().unwrap().len(), 2);
    assert_eq!(merged["partners"][0]["uuid"], sam);
    assert_eq!(find(&merged["checkins"], SAM_CHECKIN)["partner_uuid"], sam);
    let partners = env.run(["partners", "--json"]).success().json();
    assert_eq!(partners[0]["name"], "Sam");
    assert_eq!(partners[0]["role"], "repairing");

    // A change made to Sam on the other computer after both were set up travels (it used to
    // be held back the first time, against this journal's own set-up).
    let mut file = sample::journal();
    file["partners"][0]["role"] = "mutual".into();
    file["partners"][0]["updated_at"] = sample::at(21, 10).into();
    let summary = import(&env, &file, &["--json"]).success().json();
    assert_eq!(summary["updated"]["partners"], 1);
    let merged = export(&env);
    assert_eq!(merged["partners"][0]["uuid"], sam);
    assert_eq!(merged["partners"][0]["role"], "mutual");
    // Importing it again changes nothing.
    let again = import(&env, &file, &["--json"]).success().json();
    assert_eq!(again["updated"]["partners"], 0);
}

#[test]
fn a_check_in_for_the_same_day_from_another_computer_is_one_check_in() {
    let env = with_sample();
    let other = "c9000000-0000-4000-8000-000000000001";
    let mut file = sample::journal();
    file["checkins"] = json!([file["checkins"][0].clone()]);
    file["feelings"] = json!([]);
    file["checkins"][0]["uuid"] = other.into();
    file["checkins"][0]["trust"] = 8.into();
    file["checkins"][0]["updated_at"] = at(21, 7).into();
    let summary = import(&env, &file, &["--json"]).success().json();
    assert_eq!(summary["updated"]["checkins"], 1);
    assert_eq!(summary["added"]["checkins"], 0);
    let exported = export(&env);
    let sams: Vec<&Value> = exported["checkins"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["partner_uuid"] == SAM && c["date"] == "2026-11-19")
        .collect();
    assert_eq!(sams.len(), 1);
    // The check-in is listed under the uuid its current version was written under.
    assert_eq!(sams[0]["uuid"], other);
    assert_eq!(sams[0]["trust"], 8);
    // Changed with issue 13: the check-in itself keeps the smaller of its two uuids for good
    // (it used to take the uuid of the version changed last), and the version it replaced is
    // kept under it, written under its own uuid.
    let kept: Vec<&Value> = exported["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["uuid"] == SAM_CHECKIN)
        .collect();
    assert_eq!(kept.len(), 1, "{}", exported["revisions"]);
    assert_eq!(kept[0]["origin_uuid"], SAM_CHECKIN);
    assert_eq!(kept[0]["record"]["trust"], 5);
    // Both uuids are one check-in from now on: the file again changes nothing.
    let again = import(&env, &file, &["--json"]).success().json();
    assert_eq!(again["updated"]["checkins"], 0);
    assert_eq!(again["added"]["checkins"], 0);
}

#[test]
fn a_dry_run_reports_the_same_counts_and_writes_nothing() {
    let env = with_sample();
    let journal = env.default_journal();
    let mut file = sample::journal();
    file["checkins"][0]["trust"] = 9.into();
    file["checkins"][0]["updated_at"] = at(21, 7).into();
    // Wednesday 18 November: the weekday promise's first day.
    file["outcomes"].as_array_mut().unwrap().push(json!({
        "uuid": "e1000000-0000-4000-8000-000000000003", "promise_uuid": PROMISE,
        "date": "2026-11-18", "result": "kept", "note": null, "recorded_by_uuid": ALEX,
        "created_at": at(21, 8), "updated_at": at(21, 8)
    }));
    let before = dump(&journal);
    let rehearsal = import(&env, &file, &["--dry-run", "--json"])
        .success()
        .json();
    assert_eq!(dump(&journal), before, "a dry run writes nothing");
    assert_eq!(rehearsal["dry_run"], true);
    let text = import(&env, &file, &["--dry-run"]).success().stdout.clone();
    assert!(text.starts_with("Dry run: nothing was written."), "{text}");
    assert_eq!(dump(&journal), before);
    let real = import(&env, &file, &["--json"]).success().json();
    for column in ["added", "updated", "skipped", "removed"] {
        assert_eq!(rehearsal[column], real[column], "{column}");
    }
    assert_eq!(real["added"]["outcomes"], 1);
    assert_eq!(real["updated"]["checkins"], 1);
}

#[test]
fn a_dry_run_into_a_path_without_a_journal_creates_nothing() {
    let env = TestEnv::new();
    let run = import(&env, &sample::journal(), &["--dry-run"]);
    run.success().stdout_has("would create your journal");
    assert!(run.stdout.contains("check-ins"), "{}", run.stdout);
    assert!(!env.default_journal().exists());
    assert!(!env.default_journal().parent().unwrap().exists());
}

#[test]
fn a_refused_file_creates_no_journal_and_leaves_no_temporary_file() {
    let env = TestEnv::new();
    let mut file = sample::journal();
    file["meetings"][0]["parts"][0]["partner_uuid"] = "00000000-0000-4000-8000-0000000000bb".into();
    import(&env, &file, &[])
        .refused()
        .stderr_has("meetings[0].parts[0].partner_uuid: no partner has the uuid");
    let folder = env.default_journal().parent().unwrap().to_path_buf();
    assert!(!env.default_journal().exists());
    let left: Vec<_> = std::fs::read_dir(&folder)
        .map(|d| d.map(|e| e.unwrap().file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_new_journal_needs_both_partners() {
    let env = TestEnv::new();
    let mut file = sample::journal();
    file["partners"] = json!([file["partners"][0].clone()]);
    file["checkins"] = json!([]);
    import(&env, &file, &[])
        .refused()
        .stderr_has("a new journal needs both of you");
    assert!(!env.default_journal().exists());
}

/// Each case changes the sample, and the import must be refused with this text on stderr,
/// leaving the journal exactly as it was.
type Change = Box<dyn Fn(&mut Value)>;

fn refusals() -> Vec<(&'static str, Change, &'static str)> {
    vec![
        (
            "wrong format",
            Box::new(|v| v["format"] = "daylio-backup".into()),
            "its format is \"daylio-backup\", not \"rekindle-export\"",
        ),
        (
            "newer version",
            Box::new(|v| v["version"] = 3.into()),
            "written by a newer rekindle",
        ),
        (
            "trust out of range",
            Box::new(|v| v["checkins"][1]["trust"] = 11.into()),
            "checkins[1].trust: must be a whole number from 1 to 10 (got 11)",
        ),
        (
            "connection a string",
            Box::new(|v| v["checkins"][0]["connection"] = "7".into()),
            "checkins[0].connection: invalid type: string \"7\"",
        ),
        (
            "intensity out of range",
            Box::new(|v| v["feelings"][2]["intensity"] = 6.into()),
            "feelings[2].intensity: must be a whole number from 1 to 5 (got 6)",
        ),
        (
            "future check-in",
            Box::new(|v| v["checkins"][2]["date"] = "2026-11-25".into()),
            "checkins[2].date: 2026-11-25 is in the future",
        ),
        (
            "future outcome",
            Box::new(|v| v["outcomes"][0]["date"] = "2027-01-01".into()),
            "outcomes[0].date: 2027-01-01 is in the future",
        ),
        (
            "impossible date",
            Box::new(|v| v["feelings"][2]["date"] = "2026-02-30".into()),
            "feelings[2].date: \"2026-02-30\" is not a real calendar date",
        ),
        (
            "unknown step",
            Box::new(|v| v["focus"][0]["step"] = "trusting".into()),
            "focus[0].step: \"trusting\" is not a step",
        ),
        (
            "unknown role",
            Box::new(|v| v["partners"][1]["role"] = "victim".into()),
            "partners[1].role: \"victim\" is not a role",
        ),
        (
            "unknown status",
            Box::new(|v| v["responses"][0]["status"] = "maybe".into()),
            "responses[0].status: \"maybe\" is not accepted",
        ),
        (
            "unknown result",
            Box::new(|v| v["outcomes"][1]["result"] = "sort of".into()),
            "outcomes[1].result: \"sort of\" is not accepted",
        ),
        // Audit rows I23, I24, I25: the rules the command line keeps hold for an import too.
        (
            "outcome before the promise started",
            Box::new(|v| v["outcomes"][0]["date"] = "2026-11-17".into()),
            "outcomes[0].date: Tuesday 17 November 2026 is before the promise started",
        ),
        (
            "due before the start",
            Box::new(|v| v["promises"][0]["due"] = "2026-11-10".into()),
            "promises[0].due: 2026-11-10 is before the promise starts (2026-11-18)",
        ),
        (
            "a recurring promise kept as a whole",
            Box::new(|v| v["promises"][0]["status"] = "kept".into()),
            "promises[0].status: \"kept\" is not accepted for a recurring promise",
        ),
        (
            "a feeling word with escapes",
            Box::new(|v| v["feelings"][2]["word"] = "hurt\u{1b}[2J\u{202e}".into()),
            "feelings[2].word: the feeling \"hurt\\e[2J\\u{202e}\" contains control or invisible characters",
        ),
        (
            "empty required text",
            Box::new(|v| v["apologies"][0]["what"] = " ".into()),
            "apologies[0].what: is empty",
        ),
        (
            "empty promise",
            Box::new(|v| v["promises"][0]["text"] = "".into()),
            "promises[0].text: is empty",
        ),
        (
            "duplicate uuid",
            Box::new(|v| v["outcomes"][1]["uuid"] = v["outcomes"][0]["uuid"].clone()),
            "outcomes[1].uuid: e1000000-0000-4000-8000-000000000001 is used twice",
        ),
        (
            "two check-ins one day",
            Box::new(|v| v["checkins"][2]["date"] = "2026-11-19".into()),
            "checkins[2]: a second check-in by the same partner on 2026-11-19",
        ),
        (
            "unknown partner",
            Box::new(|v| {
                v["feelings"][2]["partner_uuid"] = "00000000-0000-4000-8000-00000000dead".into()
            }),
            "feelings[2].partner_uuid: no partner has the uuid 00000000-0000-4000-8000-00000000dead",
        ),
        (
            "unknown promise late in the file",
            Box::new(|v| {
                v["meetings"][0]["parts"][1]["promise_uuid"] =
                    "00000000-0000-4000-8000-00000000beef".into()
            }),
            "meetings[0].parts[1].promise_uuid: no promise has the uuid",
        ),
        (
            "unknown apology",
            Box::new(|v| {
                v["responses"][0]["apology_uuid"] = "00000000-0000-4000-8000-00000000cafe".into()
            }),
            "responses[0].apology_uuid: no apology has the uuid",
        ),
        (
            "answering one's own apology",
            Box::new(|v| v["responses"][0]["by_uuid"] = SAM.into()),
            "responses[0].by_uuid: an apology is answered by the partner it was written to",
        ),
        (
            "feeling on another day than its check-in",
            Box::new(|v| v["feelings"][0]["date"] = "2026-11-19".into()),
            "feelings[0].date: 2026-11-19 is not the day of its check-in (2026-11-20)",
        ),
        (
            "a third partner",
            Box::new(
                |v| v["partners"][1] = json!({"uuid": "00000000-0000-4000-8000-0000000000aa", "name": "Kim", "role": "mutual", "created_at": at(18, 8), "updated_at": at(18, 8)}),
            ),
            "partners[1]: \"Kim\" would be a third partner in a journal kept by Sam and Alex",
        ),
        (
            "a checkin without a uuid",
            Box::new(|v| {
                v["checkins"][0].as_object_mut().unwrap().remove("uuid");
            }),
            "checkins[0]: missing field `uuid`",
        ),
        (
            "checkins not a list",
            Box::new(|v| v["checkins"] = json!({"a": 1})),
            "checkins: invalid type: map, expected a list",
        ),
    ]
}

#[test]
fn every_refusal_names_the_place_and_leaves_the_journal_unchanged() {
    let env = with_sample();
    // Something newer than the sample, so an accepted import would show in the dump.
    let journal = env.default_journal();
    let before = dump(&journal);
    for (name, change, expected) in refusals() {
        let mut file = sample::journal();
        file["checkins"][0]["updated_at"] = at(21, 8).into();
        file["checkins"][0]["trust"] = 10.into();
        change(&mut file);
        let run = import(&env, &file, &[]);
        assert_eq!(run.code, 2, "{name}: {run:?}");
        run.refused()
            .stderr_has(expected)
            .stderr_has("nothing was imported");
        assert_eq!(dump(&journal), before, "{name} changed the journal");
    }
}

#[test]
fn files_that_are_not_exports_are_refused() {
    let env = with_sample();
    let journal = env.default_journal();
    let before = dump(&journal);
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "broken.json",
            b"{\"format\": \"rekindle-export\",\n \"version\": 1,,\n}",
            "the JSON is malformed at line 2, column 15",
        ),
        (
            "cut.json",
            b"{\"format\": \"rekindle-export\", \"version\": 1, \"partners\": [",
            "the JSON ends too early at line 1",
        ),
        (
            "checkins.csv",
            b"date,partner,trust\n2026-11-20,Sam,6\n",
            "it is not JSON (line 1, column 1)",
        ),
        ("empty.json", b"", "the file is empty"),
        (
            "noise.bin",
            &[0xff, 0xfe, 0x00, 0x41, 0x9c],
            "it is not JSON",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = env.root().join(name);
        std::fs::write(&path, bytes).unwrap();
        env.run(["import", path.to_str().unwrap()])
            .refused()
            .stderr_has(&format!("cannot import {}", path.display()))
            .stderr_has(expected);
    }
    // A journal or a backup is not an export either.
    let copy = env.root().join("copy.db");
    std::fs::copy(&journal, &copy).unwrap();
    env.run(["import", copy.to_str().unwrap()])
        .refused()
        .stderr_has("it is an SQLite database");
    assert_eq!(dump(&journal), before);
}

#[test]
fn a_missing_or_unreadable_file_is_exit_1_with_its_path() {
    let env = with_sample();
    let missing = env.root().join("nowhere.json");
    env.run(["import", missing.to_str().unwrap()])
        .code(1)
        .stderr_has(&format!("cannot read {}", missing.display()));
    env.run(["import", env.root().to_str().unwrap()])
        .code(1)
        .stderr_has("it is a folder");
}

#[test]
fn an_export_can_be_piped_into_import() {
    let env = with_sample();
    let mut changed = sample::journal();
    changed["checkins"][0]["trust"] = 9.into();
    changed["checkins"][0]["updated_at"] = at(21, 7).into();
    let run = env.run_with_stdin(["import", "-", "--json"], &changed.to_string());
    let summary = run.success().json();
    assert_eq!(summary["file"], "standard input");
    assert_eq!(summary["updated"]["checkins"], 1);
}

#[test]
fn an_apology_keeps_its_answer_and_promise_links() {
    let env = with_sample();
    let exported = export(&env);
    assert_eq!(
        find(&exported["apologies"], APOLOGY)["promise_uuid"],
        PROMISE
    );
    assert_eq!(exported["responses"][0]["apology_uuid"], APOLOGY);
    assert_eq!(exported["outcomes"][1]["recorded_by_uuid"], SAM);
}

#[test]
fn a_journal_set_up_separately_keeps_our_roles_and_our_focus() {
    let mut env = TestEnv::with_couple_on("2026-11-10");
    env.set("REKINDLE_TODAY", "2026-11-12");
    env.run(["focus", "healing", "--as", "Sam"]).success();
    env.run(["checkin", "--as", "Sam", "--trust", "6"])
        .success();
    // Alex set up a journal of their own later, with both partners `mutual`.
    let theirs = env.root().join("alex/journal.db");
    let theirs = theirs.to_str().unwrap();
    env.set("REKINDLE_TODAY", "2026-11-15");
    env.run([
        "--journal",
        theirs,
        "init",
        "--partner",
        "Sam",
        "--partner",
        "Alex",
    ])
    .success();
    env.run([
        "--journal",
        theirs,
        "checkin",
        "--as",
        "Alex",
        "--trust",
        "4",
    ])
    .success();
    let file = env.root().join("alex.json");
    env.run([
        "--journal",
        theirs,
        "export",
        "--output",
        file.to_str().unwrap(),
    ])
    .success();

    env.set("REKINDLE_TODAY", "2026-11-21");
    let partners = env.run(["partners", "--json"]).success().json();
    let focus = env.run(["focus", "--json"]).success().json();
    let file = file.to_str().unwrap();
    let before = dump(&env.default_journal());
    let rehearsed = env
        .run(["import", file, "--dry-run", "--json"])
        .success()
        .json();
    assert_eq!(dump(&env.default_journal()), before);
    let summary = env.run(["import", file, "--json"]).success().json();
    for key in ["added", "updated", "skipped"] {
        assert_eq!(rehearsed[key], summary[key], "{key}");
    }
    assert_eq!(summary["skipped"]["focus"], 1, "{summary}");
    assert_eq!(summary["added"]["focus"], 0, "{summary}");
    assert_eq!(summary["added"]["checkins"], 1, "{summary}");
    assert_eq!(summary["added"]["partners"], 0, "{summary}");

    let after = env.run(["partners", "--json"]).success().json();
    assert_eq!(after, partners);
    assert_eq!(after[0]["role"], "repairing");
    assert_eq!(after[1]["role"], "healing");
    assert_eq!(env.run(["focus", "--json"]).success().json(), focus);
    assert_eq!(focus["step"], "healing", "{focus}");
    let merged = export(&env);
    assert_eq!(merged["checkins"].as_array().unwrap().len(), 2);
    assert_eq!(merged["focus"].as_array().unwrap().len(), 2);
    // Importing it again changes nothing.
    let before = dump(&env.default_journal());
    env.run(["import", file]).success();
    assert_eq!(dump(&env.default_journal()), before);
}

#[test]
fn a_partner_matched_by_name_keeps_our_spelling_when_their_role_changes_later() {
    // Sam's journal knows "Sam" and "Alex"; Alex set up another with "alex" and "SAM".
    let env = TestEnv::with_couple();
    let theirs = env.root().join("alex/journal.db");
    let theirs = theirs.to_str().unwrap();
    env.run([
        "--journal",
        theirs,
        "init",
        "--partner",
        "alex",
        "--partner",
        "SAM",
    ])
    .success();
    let ours_file = env.root().join("ours.json");
    let ours_file = ours_file.to_str().unwrap();
    let theirs_file = env.root().join("theirs.json");
    let theirs_file = theirs_file.to_str().unwrap();
    let exchange = |from: Option<&str>, to: Option<&str>, file: &str| {
        let mut out = vec![];
        out.extend(from.map(|j| ["--journal", j]).into_iter().flatten());
        out.extend(["export", "--output", file]);
        env.run(out).success();
        let mut imp = vec![];
        imp.extend(to.map(|j| ["--journal", j]).into_iter().flatten());
        imp.extend(["import", file]);
        env.run(imp).success();
    };
    // One exchange both ways: from now on both journals know each partner by one uuid.
    exchange(None, Some(theirs), ours_file);
    exchange(Some(theirs), None, theirs_file);
    let ours = env.run(["partners", "--json"]).success().json();
    let uuids = |v: &Value| -> Vec<String> {
        let mut u: Vec<String> = v["partners"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["uuid"].as_str().unwrap().to_string())
            .collect();
        u.sort();
        u
    };
    assert_eq!(
        uuids(&export(&env)),
        uuids(&env.run(["--journal", theirs, "export"]).success().json())
    );

    env.run(["--journal", theirs, "partners", "role", "sam", "repairing"])
        .success();
    exchange(Some(theirs), None, theirs_file);
    let after = env.run(["partners", "--json"]).success().json();
    assert_eq!(
        after, ours,
        "Sam's record came over, spelled as this journal spells it"
    );
    assert_eq!(after[0]["name"], "Sam", "{after}");
    assert_eq!(after[1]["name"], "Alex", "{after}");
    assert_eq!(after[0]["role"], "repairing", "{after}");
    // A role that really differs travels, and the name still keeps our spelling.
    env.run(["--journal", theirs, "partners", "role", "sam", "mutual"])
        .success();
    exchange(Some(theirs), None, theirs_file);
    let after = env.run(["partners", "--json"]).success().json();
    assert_eq!(after[0]["name"], "Sam", "{after}");
    assert_eq!(after[0]["role"], "mutual", "{after}");

    // A real rename still travels.
    env.run(["--journal", theirs, "partners", "rename", "alex", "Lex"])
        .success();
    exchange(Some(theirs), None, theirs_file);
    let renamed = env.run(["partners", "--json"]).success().json();
    assert_eq!(renamed[1]["name"], "Lex", "{renamed}");
}

// Audit row I27: an import reads a regular file or standard input, at most 256 MiB; a
// device or a named pipe is refused at once, before anything is read.
#[test]
fn devices_pipes_and_huge_files_are_refused_at_once() {
    use std::process::Stdio;
    let env = with_sample();
    let before = dump(&env.default_journal());
    let run = env.run(["import", "/dev/zero"]);
    run.refused()
        .stderr_has("/dev/zero cannot be imported: it is a device, not a file")
        .stderr_has("rekindle import -");
    let fifo = env.root().join("export.fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    env.run(["import", fifo.to_str().unwrap()])
        .refused()
        .stderr_has("it is a named pipe, not a file");
    // A sparse file: its size says enough, nothing is read.
    let huge = env.root().join("huge.json");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(257 * 1024 * 1024)
        .unwrap();
    env.run(["import", huge.to_str().unwrap()])
        .refused()
        .stderr_has("it is larger than 256 MiB (it holds 257 MiB)");
    // Standard input from a device, and more than 256 MiB down a pipe.
    let zero = std::fs::File::open("/dev/zero").unwrap();
    let output = env
        .command(["import", "-"])
        .stdin(Stdio::from(zero))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("standard input is a terminal or a device, not an export")
    );
    let mut child = env
        .command(["import", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let block = vec![b' '; 1024 * 1024];
        for _ in 0..300 {
            if std::io::Write::write_all(&mut input, &block).is_err() {
                break;
            }
        }
    });
    let output = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("standard input cannot be imported: it is larger than 256 MiB")
    );
    assert_eq!(dump(&env.default_journal()), before);
}

// Audit rows I28, I22: Sydney's 2 January arrives while it is still 1 January here; a date
// a day ahead is taken, as a time zone up to 14 hours ahead of UTC can write it, and a focus
// change dated far ahead is refused instead of pinning `focus` for good.
#[test]
fn a_partner_in_a_time_zone_ahead_can_be_imported_and_the_far_future_cannot() {
    let env = with_sample();
    let mut file = sample::journal();
    file["checkins"][0]["date"] = "2026-11-22".into();
    file["checkins"][0]["uuid"] = "c9000000-0000-4000-8000-000000000001".into();
    let run = import(&env, &file, &["--json"]);
    run.success();
    assert_eq!(run.json()["added"]["checkins"], 1);
    let mut file = sample::journal();
    file["checkins"][0]["date"] = "2026-11-23".into();
    import(&env, &file, &[])
        .refused()
        .stderr_has("checkins[0].date: 2026-11-23 is in the future");
    let before = dump(&env.default_journal());
    let mut file = sample::journal();
    file["focus"][0]["date"] = "9999-12-31".into();
    import(&env, &file, &[])
        .refused()
        .stderr_has("focus[0].date: 9999-12-31 is in the future");
    assert_eq!(dump(&env.default_journal()), before);
}

// The command line's rules hold for a version 2 file as for version 1 (the table above uses
// the version 1 sample): the journal's own export, changed one rule at a time, is refused
// with the place named, and a date a time zone ahead is taken.
#[test]
fn a_version_2_file_is_held_to_the_same_rules() {
    let env = with_sample();
    let journal = env.default_journal();
    let own = export(&env);
    assert_eq!(own["version"], 2);
    let before = dump(&journal);
    let index = |list: &str, uuid: &str| {
        own[list]
            .as_array()
            .unwrap()
            .iter()
            .position(|r| r["uuid"] == uuid)
            .unwrap()
    };
    let outcome = index("outcomes", "e1000000-0000-4000-8000-000000000001");
    let promise = index("promises", sample::PROMISE);
    type Change = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(Change, String)> = vec![
        (
            Box::new(move |v| v["outcomes"][outcome]["date"] = "2026-11-17".into()),
            format!(
                "outcomes[{outcome}].date: Tuesday 17 November 2026 is before the promise started"
            ),
        ),
        (
            Box::new(move |v| v["promises"][promise]["due"] = "2026-11-10".into()),
            format!("promises[{promise}].due: 2026-11-10 is before the promise starts"),
        ),
        (
            Box::new(move |v| v["promises"][promise]["status"] = "kept".into()),
            format!("promises[{promise}].status: \"kept\" is not accepted for a recurring promise"),
        ),
        (
            Box::new(|v| v["feelings"][0]["word"] = "hurt\u{1b}[2J".into()),
            "feelings[0].word: the feeling \"hurt\\e[2J\" contains control or invisible characters"
                .to_string(),
        ),
        (
            Box::new(|v| v["checkins"][0]["date"] = "2026-11-23".into()),
            "checkins[0].date: 2026-11-23 is in the future".to_string(),
        ),
    ];
    for (change, expected) in cases {
        let mut file = own.clone();
        change(&mut file);
        import(&env, &file, &[])
            .refused()
            .stderr_has(&expected)
            .stderr_has("nothing was imported");
        assert_eq!(dump(&journal), before, "{expected}");
    }
    // A check-in dated tomorrow here, as a partner a time zone ahead may write it.
    let mut file = own.clone();
    let mut ahead = file["checkins"][0].clone();
    ahead["uuid"] = "c9000000-0000-4000-8000-000000000002".into();
    ahead["date"] = "2026-11-22".into();
    file["checkins"].as_array_mut().unwrap().push(ahead);
    let run = import(&env, &file, &["--json"]);
    run.success();
    assert_eq!(run.json()["added"]["checkins"], 1);
}

// Regression (new-user trial): a file that is not there was reported with the system's raw
// words ("No such file or directory (os error 2)").
#[test]
fn a_file_that_is_not_there_is_named_in_one_plain_line() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    let before = dump(&journal);
    let missing = env.root().join("not-here.json");
    let run = env.run(["import", missing.to_str().unwrap()]);
    run.code(1);
    assert_eq!(
        run.stderr,
        format!(
            "rekindle: error: cannot read {}: it does not exist\n",
            missing.display()
        )
    );
    let inside = env.root().join("not-here.json").join("export.json");
    std::fs::write(env.root().join("not-here.json"), b"{}").unwrap();
    env.run(["import", inside.to_str().unwrap()])
        .code(1)
        .stderr_has("a part of its path is a file, not a folder");
    assert_eq!(dump(&journal), before);
}
