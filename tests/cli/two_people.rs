//! Two people, not one user: passphrases, proving who acts, and private words (issue 15).

use std::path::PathBuf;

use crate::support::{TestEnv, dump};

/// Writes a passphrase file readable by its owner only, and returns its path.
pub fn pass_file(env: &TestEnv, name: &str, text: &str) -> PathBuf {
    let path = env.root().join(format!("{name}.pass"));
    std::fs::write(&path, format!("{text}\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    path
}

pub const SAM_PASS: &str = "lantern harbour meadow quietly";
pub const ALEX_PASS: &str = "copper kettle winter orchard";

/// Sam and Alex, with the tests' cheap key cost, and Sam with a passphrase.
pub fn couple_with_sam_key() -> TestEnv {
    let mut env = TestEnv::with_couple();
    env.set("REKINDLE_TEST_KDF", "cheap");
    let sam = pass_file(&env, "sam", SAM_PASS);
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    env.run(["partners", "passphrase", "Sam", "--as", "Sam"])
        .success()
        .stdout_has("Sam now has a passphrase");
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    env
}

#[test]
fn a_passphrase_is_set_from_a_file_and_only_its_wrapped_key_is_stored() {
    let env = couple_with_sam_key();
    let list = env.run(["partners", "--json"]).success().json();
    assert_eq!(list[0]["name"], "Sam");
    assert_eq!(list[0]["passphrase"], true);
    assert_eq!(list[1]["passphrase"], false);
    env.run(["partners"])
        .success()
        .stdout_has("Sam   repairing trust, with a passphrase");
    let journal = std::fs::read(env.default_journal()).unwrap();
    let wal = std::fs::read(env.default_journal().with_extension("db-wal")).unwrap_or_default();
    for bytes in [&journal, &wal] {
        assert!(
            !contains(bytes, SAM_PASS.as_bytes()),
            "the passphrase is not stored"
        );
        assert!(
            !contains(bytes, b"AGE-SECRET-KEY"),
            "the secret key is not stored in clear"
        );
    }
}

#[test]
fn a_weak_passphrase_or_an_open_file_is_refused_and_nothing_is_written() {
    let mut env = TestEnv::with_couple();
    env.set("REKINDLE_TEST_KDF", "cheap");
    let before = dump(&env.default_journal());
    let weak = pass_file(&env, "weak", "SamAlex2024");
    env.set("REKINDLE_PASSPHRASE_FILE", &weak);
    env.run(["partners", "passphrase", "Sam", "--as", "Sam"])
        .refused()
        .stderr_has("leans on your names");
    let open = pass_file(&env, "open", SAM_PASS);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o666)).unwrap();
        env.set("REKINDLE_PASSPHRASE_FILE", &open);
        env.run(["partners", "passphrase", "Sam", "--as", "Sam"])
            .refused()
            .stderr_has("other people can change");
    }
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    env.run(["partners", "passphrase", "Sam", "--as", "Sam"])
        .refused()
        .stderr_has("REKINDLE_PASSPHRASE_FILE");
    assert_eq!(dump(&env.default_journal()), before);
}

/// A passphrase file others can read is used, with a warning in the shape every warning has.
#[cfg(unix)]
#[test]
fn a_passphrase_file_others_can_read_is_warned_about_as_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let mut env = TestEnv::with_couple();
    env.set("REKINDLE_TEST_KDF", "cheap");
    let readable = pass_file(&env, "readable", SAM_PASS);
    std::fs::set_permissions(&readable, std::fs::Permissions::from_mode(0o644)).unwrap();
    env.set("REKINDLE_PASSPHRASE_FILE", &readable);
    let run = env.run(["partners", "passphrase", "Sam", "--as", "Sam"]);
    let run = run.success();
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains("chmod 600"))
        .unwrap_or_else(|| panic!("no warning: {}", run.stderr));
    assert!(
        line.starts_with("rekindle: warning: REKINDLE_PASSPHRASE_FILE names"),
        "{line}"
    );
}

#[test]
fn every_write_in_a_name_with_a_passphrase_needs_it() {
    let mut env = couple_with_sam_key();
    let wrong = pass_file(&env, "wrong", "not the one at all really");
    let right = pass_file(&env, "right", SAM_PASS);
    let before = dump(&env.default_journal());
    let writes: Vec<Vec<&str>> = vec![
        vec!["checkin", "--as", "Sam", "--trust", "6"],
        vec!["feel", "hopeful", "--as", "Sam"],
        vec!["promise", "add", "call at lunch", "--as", "Sam"],
        vec![
            "apology",
            "add",
            "--as",
            "Sam",
            "--what",
            "I lied about Tuesday",
            "--responsibility",
            "I chose to lie to you",
            "--as-written",
        ],
        vec!["partners", "role", "Sam", "healing"],
        vec!["focus", "healing", "--as", "Sam"],
        // Last: after it, Sam is called Samuel.
        vec!["partners", "rename", "Sam", "Samuel"],
    ];
    for args in &writes {
        env.set("REKINDLE_PASSPHRASE_FILE", "");
        env.run(args)
            .refused()
            .stderr_has("Sam has a passphrase, and this needs it");
        env.set("REKINDLE_PASSPHRASE_FILE", &wrong);
        env.run(args)
            .refused()
            .stderr_has("that is not Sam's passphrase; nothing was changed");
        assert_eq!(
            dump(&env.default_journal()),
            before,
            "{args:?} wrote something"
        );
    }
    // Alex, who has no passphrase, is trusted by name.
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    env.run(["checkin", "--as", "Alex", "--trust", "4"])
        .success();
    // Sam with the right passphrase.
    env.set("REKINDLE_PASSPHRASE_FILE", &right);
    for args in &writes {
        env.run(args).success();
    }
    // Alex cannot act on what Sam wrote, passphrase or not.
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    env.run(["delete", "checkin", "2", "--as", "Alex", "--yes"])
        .refused()
        .stderr_has("only Samuel can delete it");
}

#[test]
fn a_passphrase_set_by_the_other_partner_is_recorded_and_told_once() {
    let mut env = TestEnv::with_couple();
    env.set("REKINDLE_TEST_KDF", "cheap");
    let alex = pass_file(&env, "alex", ALEX_PASS);
    env.set("REKINDLE_PASSPHRASE_FILE", &alex);
    env.run(["partners", "passphrase", "Alex", "--as", "Sam"])
        .success()
        .stdout_has("Sam set a passphrase for Alex on Saturday 21 November 2026");
    let first = env.run(["checkin", "--as", "Alex", "--trust", "5"]);
    first
        .success()
        .stderr_has("Alex, your passphrase was set by Sam on Saturday 21 November 2026");
    // In the timeline, for both to see.
    env.run(["history"])
        .success()
        .stdout_has("Sam set a passphrase for Alex");
    let timeline = env.run(["history", "--json"]).success().json();
    let event = timeline
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "passphrase")
        .unwrap();
    assert_eq!(event["by"], "Sam");
    assert_eq!(event["partner"], "Alex");
    assert_eq!(event["action"], "set");
    let second = env.run(["feel", "calm", "--as", "Alex"]);
    second.success();
    assert!(!second.stderr.contains("was set by"), "{}", second.stderr);
    let conn = rusqlite::Connection::open(env.default_journal()).unwrap();
    let (by, action): (String, String) = conn
        .query_row(
            "SELECT b.name, e.action FROM passphrase_events e JOIN partners b ON b.id = e.by_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((by.as_str(), action.as_str()), ("Sam", "set"));
}

#[test]
fn changing_a_passphrase_keeps_the_key_and_removing_it_asks_about_private_words() {
    let mut env = couple_with_sam_key();
    let old = pass_file(&env, "old", SAM_PASS);
    let new = pass_file(&env, "new", ALEX_PASS);
    let recipient = |env: &TestEnv| -> String {
        let conn = rusqlite::Connection::open(env.default_journal()).unwrap();
        conn.query_row("SELECT recipient FROM partner_keys", [], |r| r.get(0))
            .unwrap()
    };
    let before = recipient(&env);
    env.set("REKINDLE_PASSPHRASE_FILE", &old);
    env.set("REKINDLE_NEW_PASSPHRASE_FILE", &new);
    env.run(["partners", "passphrase", "--as", "Sam"])
        .success()
        .stdout_has("Sam's passphrase is changed");
    assert_eq!(recipient(&env), before, "the same key, wrapped again");
    env.set("REKINDLE_NEW_PASSPHRASE_FILE", "");
    env.run(["checkin", "--as", "Sam", "--trust", "6"])
        .refused()
        .stderr_has("not Sam's passphrase");
    env.set("REKINDLE_PASSPHRASE_FILE", &new);
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "6",
        "--answer",
        "kept for me",
        "--private",
    ])
    .success()
    .stdout_has("Saved Sam's check-in")
    .stdout_has(
        "Your words were kept private: only Sam can read them, with Sam's passphrase \
         (rekindle history --private --as Sam).",
    );
    env.run(["partners", "passphrase", "Sam", "--remove", "--as", "Sam"])
        .refused()
        .stderr_has("Pass --yes to agree");
    env.run([
        "partners",
        "passphrase",
        "Sam",
        "--remove",
        "--yes",
        "--as",
        "Sam",
    ])
    .success()
    .stdout_has("deleted for good");
    let list = env.run(["partners", "--json"]).success().json();
    assert_eq!(list[0]["passphrase"], false);
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    env.run(["checkin", "--as", "Sam", "--trust", "7", "--amend"])
        .success();
}

/// Runs a reading command with `reader` as REKINDLE_AS (history's --as filters to one
/// partner's entries; REKINDLE_AS names the reader without filtering). Empty: no reader.
fn as_reader(env: &TestEnv, reader: &str, args: &[&str]) -> crate::support::Run {
    let mut cmd = env.command(args);
    cmd.env("REKINDLE_AS", reader);
    let out = cmd.output().unwrap();
    let run = crate::support::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    run.success();
    run
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every file a journal leaves: the journal, its WAL, and anything written beside it.
fn files_hold(env: &TestEnv, extra: &[PathBuf], needle: &str) -> Vec<String> {
    let journal = env.default_journal();
    let mut paths = vec![
        journal.clone(),
        journal.with_extension("db-wal"),
        journal.with_extension("db-shm"),
    ];
    paths.extend(extra.iter().cloned());
    paths
        .iter()
        .filter(|p| {
            std::fs::read(p)
                .map(|b| contains(&b, needle.as_bytes()))
                .unwrap_or(false)
        })
        .map(|p| p.display().to_string())
        .collect()
}

#[test]
fn private_words_are_in_no_file_and_only_their_author_reads_them() {
    let mut env = couple_with_sam_key();
    let sam = pass_file(&env, "sam-read", SAM_PASS);
    let secret = "Tuesday-I-was-not-at-work";
    let need = "I-need-more-time-kept-quiet";
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    let saved = env
        .run([
            "checkin",
            "--as",
            "Sam",
            "--trust",
            "6",
            "--feeling",
            "ashamed",
            "--answer",
            secret,
            "--need",
            need,
            "--private",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(saved["private"], true);
    assert_eq!(saved["answer"], serde_json::Value::Null);
    let id = saved["id"].as_i64().unwrap();
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    let shared = env.run([
        "checkin",
        "--as",
        "Alex",
        "--trust",
        "4",
        "--answer",
        "shared words",
    ]);
    shared.success().stdout_has("Saved Alex's check-in");
    // Shared words: nothing is said of keeping them private.
    assert!(!shared.stdout.contains("kept private"), "{}", shared.stdout);

    // Alex sees that Sam checked in, the scores and the feeling, never the words.
    let alex = as_reader(&env, "Alex", &["history", "--json"]).json();
    let sams = alex
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["partner"] == "Sam")
        .unwrap();
    assert_eq!(sams["trust"], 6);
    assert_eq!(sams["private"], true);
    assert_eq!(sams["answer"], serde_json::Value::Null);
    assert_eq!(sams["need"], serde_json::Value::Null);
    assert_eq!(sams["feelings"][0]["word"], "ashamed");
    as_reader(&env, "Alex", &["history"]).stdout_has("Sam wrote privately that day");
    let found = env
        .run(["history", "--search", secret, "--json"])
        .success()
        .json();
    assert_eq!(
        found.as_array().unwrap().len(),
        0,
        "private words are not searched"
    );

    // Every way out of the journal: no private words in any of them.
    let out = env.root().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let mut written = Vec::new();
    for (format, file) in [("json", "e.json"), ("csv", "e.csv"), ("markdown", "e.md")] {
        let path = out.join(file);
        env.run([
            "export",
            "--format",
            format,
            "--output",
            path.to_str().unwrap(),
        ])
        .success();
        written.push(path);
    }
    let report = out.join("r.html");
    env.run(["report", "--output", report.to_str().unwrap()])
        .success();
    written.push(report);
    let backup = out.join("b.db");
    env.run(["backup", backup.to_str().unwrap()]).success();
    written.push(backup);
    for needle in [secret, need] {
        assert_eq!(
            files_hold(&env, &written, needle),
            Vec::<String>::new(),
            "{needle}"
        );
    }

    // Sam reads them back with the passphrase; a wrong one reads nothing.
    let wrong = pass_file(&env, "wrong", "not the one at all really");
    env.set("REKINDLE_PASSPHRASE_FILE", &wrong);
    env.run(["history", "--private", "--as", "Sam"])
        .refused()
        .stderr_has("not Sam's passphrase");
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    let own = env
        .run(["history", "--private", "--as", "Sam", "--json"])
        .success()
        .json();
    assert_eq!(own.as_array().unwrap().len(), 1);
    assert_eq!(own[0]["answer"], secret);
    assert_eq!(own[0]["need"], need);
    env.run(["history", "--private", "--as", "Sam"])
        .success()
        .stdout_has(secret);
    // Alex has no key: nothing of theirs is private, and Sam's stays Sam's.
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    env.run(["history", "--private", "--as", "Alex"])
        .refused()
        .stderr_has("Alex has no passphrase");
    env.run([
        "checkin",
        "--as",
        "Alex",
        "--trust",
        "5",
        "--answer",
        "x",
        "--private",
        "--amend",
    ])
    .refused()
    .stderr_has("rekindle partners passphrase Alex");

    // Revealed: the words become shared, marked with the day.
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    env.run(["reveal", "checkin", &id.to_string(), "--as", "Alex"])
        .refused()
        .stderr_has("only its author");
    env.run(["reveal", "checkin", &id.to_string(), "--as", "Sam"])
        .success()
        .stdout_has("Shared Sam's words from Saturday 21 November 2026");
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    let alex = as_reader(&env, "Alex", &["history", "--json"]).json();
    let sams = alex
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["partner"] == "Sam")
        .unwrap();
    assert_eq!(sams["answer"], secret);
    assert_eq!(sams["revealed_on"], "2026-11-21");
    assert!(sams.get("private").is_none());
}

#[test]
fn a_partners_words_are_sealed_until_the_other_has_checked_in_that_day() {
    let env = TestEnv::with_couple();
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "6",
        "--answer",
        "first-words-today",
    ])
    .success();
    let sealed = |reader: &str, args: &[&str]| -> serde_json::Value {
        let list = as_reader(&env, reader, args).json();
        list.as_array()
            .unwrap()
            .iter()
            .find(|r| r["partner"] == "Sam")
            .cloned()
            .unwrap()
    };
    let for_alex = sealed("Alex", &["history", "--json"]);
    assert_eq!(for_alex["sealed"], true);
    assert_eq!(for_alex["answer"], serde_json::Value::Null);
    assert_eq!(for_alex["trust"], 6, "scores are not sealed");
    let for_nobody = sealed("", &["history", "--json"]);
    assert_eq!(for_nobody["sealed"], true);
    let for_sam = sealed("Sam", &["history", "--json"]);
    assert!(for_sam.get("sealed").is_none());
    assert_eq!(for_sam["answer"], "first-words-today");
    as_reader(&env, "Alex", &["history"]).stdout_has("sealed until you check in for that day too");
    let found = as_reader(
        &env,
        "Alex",
        &["history", "--search", "first-words-today", "--json"],
    )
    .json();
    assert_eq!(
        found.as_array().unwrap().len(),
        0,
        "sealed words do not match"
    );
    // A sealed match and a word nobody wrote look the same, footer and notes included, so
    // a reader cannot test the other's sealed words one guess at a time.
    for json in [&["--json"][..], &[]] {
        let search = |word: &str| {
            let mut args = vec!["history", "--search", word];
            args.extend_from_slice(json);
            let run = as_reader(&env, "Alex", &args);
            (run.stdout.clone(), run.stderr.clone())
        };
        assert_eq!(search("first-words-today"), search("giraffe"));
    }

    // `show` follows the seal too.
    let shown = as_reader(&env, "Alex", &["show", "checkin", "1", "--json"]).json();
    assert_eq!(shown["sealed"], true);
    assert_eq!(shown["answer"], serde_json::Value::Null);

    env.run(["checkin", "--as", "Alex", "--trust", "5"])
        .success();
    let shown = as_reader(&env, "Alex", &["show", "checkin", "1", "--json"]).json();
    assert_eq!(shown["answer"], "first-words-today");
    let for_alex = sealed("Alex", &["history", "--json"]);
    assert!(for_alex.get("sealed").is_none());
    assert_eq!(for_alex["answer"], "first-words-today");
    let found = as_reader(
        &env,
        "Alex",
        &["history", "--search", "first-words-today", "--json"],
    )
    .json();
    assert_eq!(found.as_array().unwrap().len(), 1);
}

#[test]
fn amending_or_editing_a_private_check_in_keeps_its_words_private_and_its_versions_encrypted() {
    let mut env = couple_with_sam_key();
    let sam = pass_file(&env, "sam-amend", SAM_PASS);
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "5",
        "--answer",
        "kept-to-myself",
        "--private",
    ])
    .success();
    // Amending the words of a private check-in: made to the words opened with the
    // passphrase, all of them encrypted again, the version before kept as ciphertext.
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--amend",
        "--note",
        "said-only-to-me",
    ])
    .success();
    env.run(["checkin", "--as", "Sam", "--amend", "--trust", "7"])
        .success();
    env.run([
        "edit",
        "checkin",
        "1",
        "--as",
        "Sam",
        "--answer",
        "kept-to-myself-still",
    ])
    .success();
    let own = env
        .run(["history", "--private", "--as", "Sam", "--json"])
        .success()
        .json();
    assert_eq!(own[0]["trust"], 7);
    assert_eq!(own[0]["answer"], "kept-to-myself-still");
    assert_eq!(own[0]["note"], "said-only-to-me");
    assert_eq!(own[0]["private"], true);
    let shown = env.run(["show", "checkin", "1", "--json"]).success().json();
    assert_eq!(shown["revisions"].as_array().unwrap().len(), 3);
    for v in shown["revisions"].as_array().unwrap() {
        assert_eq!(v["answer"], serde_json::Value::Null, "{v}");
    }
    // Every earlier version keeps its words, encrypted: none is in the clear, none is lost.
    let conn = rusqlite::Connection::open(env.default_journal()).unwrap();
    let kept: Vec<String> = conn
        .prepare("SELECT body FROM revisions WHERE kind = 'checkin' ORDER BY hlc")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    drop(conn);
    assert_eq!(kept.len(), 3);
    for body in &kept {
        let v: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(v["private"], true, "{body}");
        assert!(
            v["ciphertext"].as_str().is_some_and(|c| c.len() > 100),
            "{body}"
        );
    }
    for needle in ["kept-to-myself", "said-only-to-me"] {
        assert_eq!(
            files_hold(&env, &[], needle),
            Vec::<String>::new(),
            "{needle}"
        );
    }
    // Undo brings the earlier private words back, still private.
    env.run(["undo", "--as", "Sam", "--yes"]).success();
    let own = env
        .run(["history", "--private", "--as", "Sam", "--json"])
        .success()
        .json();
    assert_eq!(own[0]["answer"], "kept-to-myself");
    assert_eq!(own[0]["note"], "said-only-to-me");
    assert_eq!(own[0]["private"], true);
    // Taken back with --forget-previous: the earlier versions lose their ciphertext too.
    env.run([
        "edit",
        "checkin",
        "1",
        "--as",
        "Sam",
        "--answer",
        "said-differently",
        "--forget-previous",
    ])
    .success()
    .stdout_has("withdrawn");
    let conn = rusqlite::Connection::open(env.default_journal()).unwrap();
    let still: i64 = conn
        .query_row(
            "SELECT count(*) FROM revisions WHERE kind = 'checkin'
               AND json_extract(body, '$.ciphertext') IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    drop(conn);
    assert_eq!(still, 0, "no earlier private words are left");
    // Alex never reads them, and cannot change them.
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    let alex = as_reader(&env, "Alex", &["history", "--json"]).json();
    assert_eq!(alex[0]["answer"], serde_json::Value::Null);
    env.run(["edit", "checkin", "1", "--as", "Alex", "--answer", "x"])
        .refused();
}

/// A passphrase the other partner set is one they may know: private words wait until its
/// owner changes it, and the change gives the owner a new key that the old passphrase (and
/// whatever was opened with it) cannot reach.
#[test]
fn private_words_wait_until_a_passphrase_set_by_the_other_is_changed_by_its_owner() {
    let mut env = TestEnv::with_couple();
    env.set("REKINDLE_TEST_KDF", "cheap");
    let sams_choice = pass_file(&env, "chosen-by-sam", SAM_PASS);
    env.set("REKINDLE_PASSPHRASE_FILE", &sams_choice);
    env.run(["partners", "passphrase", "Alex", "--as", "Sam"])
        .success();
    let recipient = |env: &TestEnv| -> String {
        let conn = rusqlite::Connection::open(env.default_journal()).unwrap();
        conn.query_row("SELECT recipient FROM partner_keys", [], |r| r.get(0))
            .unwrap()
    };
    let before_key = recipient(&env);
    let journal = env.default_journal();
    let refused = env.run([
        "checkin",
        "--as",
        "Alex",
        "--trust",
        "5",
        "--answer",
        "not for Sam",
        "--private",
    ]);
    // The notice of who set it comes first (once), then the one refusal line.
    refused
        .code(2)
        .stderr_has("Alex's passphrase was set by Sam, who may know it")
        .stderr_has("rekindle partners passphrase Alex");
    // Nothing of the check-in was written (only that the notice was shown).
    let checkins = |env: &TestEnv| -> i64 {
        let conn = rusqlite::Connection::open(env.default_journal()).unwrap();
        conn.query_row("SELECT count(*) FROM checkins", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(checkins(&env), 0);
    assert!(!dump(&journal).contains("not for Sam"));
    // Alex changes it, knowing the one Sam chose.
    let own = pass_file(&env, "alex-own", ALEX_PASS);
    env.set("REKINDLE_NEW_PASSPHRASE_FILE", &own);
    env.run(["partners", "passphrase", "Alex", "--as", "Alex"])
        .success();
    env.set("REKINDLE_NEW_PASSPHRASE_FILE", "");
    assert_ne!(recipient(&env), before_key, "a new key, Alex's alone");
    env.set("REKINDLE_PASSPHRASE_FILE", &own);
    env.run([
        "checkin",
        "--as",
        "Alex",
        "--trust",
        "5",
        "--answer",
        "not for Sam",
        "--private",
    ])
    .success();
    env.run(["history", "--as", "Alex", "--private"])
        .success()
        .stdout_has("not for Sam");
    // The passphrase Sam chose opens nothing any more.
    env.set("REKINDLE_PASSPHRASE_FILE", &sams_choice);
    env.run(["history", "--as", "Alex", "--private"]).code(2);
}

/// The JSON export is the couple's backup: private words are in it only as ciphertext, so the
/// file holds none of their text; a journal rebuilt from it gives them back to their author
/// with his passphrase (the key came with it) and to nobody else.
#[test]
fn the_backup_carries_private_words_as_ciphertext_that_only_their_author_reads_back() {
    let mut env = couple_with_sam_key();
    let sam = pass_file(&env, "sam-read", SAM_PASS);
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "4",
        "--answer",
        "Kestrel over the quarry",
        "--appreciation",
        "Juniper tea at midnight",
        "--private",
    ])
    .success();
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    env.run([
        "checkin", "--as", "Alex", "--trust", "6", "--answer", "out loud",
    ])
    .success();
    let file = env.root().join("backup.json");
    env.run(["export", "--output", file.to_str().unwrap()])
        .success();
    let bytes = std::fs::read(&file).unwrap();
    for needle in ["kestrel", "quarry", "juniper", "midnight"] {
        assert!(
            !bytes
                .windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle.as_bytes())),
            "{needle} is readable in the export"
        );
    }
    let doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let sams = doc["checkins"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["trust"] == 4)
        .unwrap();
    assert_eq!(sams["private"], true);
    assert_eq!(sams["answer"], serde_json::Value::Null);
    let ciphertext = sams["ciphertext"].as_str().unwrap();
    assert!(
        ciphertext.starts_with("YWdlLWVuY3J5cHRpb24ub3Jn"),
        "{ciphertext}"
    );
    let alexs = doc["checkins"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["trust"] == 6)
        .unwrap();
    assert_eq!(
        (&alexs["private"], &alexs["ciphertext"]),
        (&serde_json::Value::Bool(false), &serde_json::Value::Null)
    );
    assert_eq!(doc["partner_keys"].as_array().unwrap().len(), 1);

    // Into a new journal.
    let mut copy = crate::support::TestEnv::new();
    copy.run(["import", file.to_str().unwrap()])
        .success()
        .stdout_has("Sam's passphrase came with the file");
    copy.run(["feel", "--as", "Sam", "calm"])
        .refused()
        .stderr_has("Sam has a passphrase, and this needs it");
    let wrong = pass_file(&copy, "wrong", ALEX_PASS);
    copy.set("REKINDLE_PASSPHRASE_FILE", &wrong);
    copy.run(["history", "--private", "--as", "Sam"])
        .refused()
        .stderr_has("not Sam's passphrase");
    let right = pass_file(&copy, "right", SAM_PASS);
    copy.set("REKINDLE_PASSPHRASE_FILE", &right);
    let own = copy
        .run(["history", "--private", "--as", "Sam", "--json"])
        .success()
        .json();
    assert_eq!(own.as_array().unwrap().len(), 1);
    assert_eq!(own[0]["answer"], "Kestrel over the quarry");
    assert_eq!(own[0]["appreciation"], "Juniper tea at midnight");
    copy.set("REKINDLE_PASSPHRASE_FILE", "");
    copy.run(["history", "--private", "--as", "Alex"])
        .refused()
        .stderr_has("Alex has no passphrase");
    let alex = as_reader(&copy, "Alex", &["history", "--json"]).json();
    let seen = alex
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["partner"] == "Sam")
        .unwrap();
    assert_eq!(seen["private"], true);
    assert_eq!(seen["answer"], serde_json::Value::Null);
    assert_eq!(files_hold(&copy, &[], "Kestrel"), Vec::<String>::new());
    // The copy's own export holds the same ciphertext.
    let again = copy.run(["export"]).success().json();
    let sams = again["checkins"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["trust"] == 4)
        .unwrap();
    assert_eq!(sams["ciphertext"], ciphertext);
}

/// Two journals of the couple where Sam set different passphrases: importing one's export
/// into the other keeps the one set later, whichever way round, and says what it did.
#[test]
fn an_imported_key_meeting_another_keeps_the_later_one_and_says_so() {
    const LATER: &str = "violet compass river tuesday";
    let mut first = TestEnv::with_couple();
    first.set("REKINDLE_TEST_KDF", "cheap");
    let mut second = TestEnv::new();
    second.set("REKINDLE_TEST_KDF", "cheap");
    let start = first.root().join("start.json");
    first
        .run(["export", "--output", start.to_str().unwrap()])
        .success();
    second.run(["import", start.to_str().unwrap()]).success();
    let early = pass_file(&first, "early", SAM_PASS);
    first.set("REKINDLE_PASSPHRASE_FILE", &early);
    first
        .run(["partners", "passphrase", "Sam", "--as", "Sam"])
        .success();
    let late = pass_file(&second, "late", LATER);
    second.set("REKINDLE_PASSPHRASE_FILE", &late);
    second
        .run(["partners", "passphrase", "Sam", "--as", "Sam"])
        .success();

    let from_first = first.root().join("first.json");
    first
        .run(["export", "--output", from_first.to_str().unwrap()])
        .success();
    let kept = second
        .run(["import", from_first.to_str().unwrap(), "--json"])
        .success()
        .json();
    assert_eq!(
        kept["passphrases"],
        serde_json::json!([{"partner": "Sam", "outcome": "kept"}])
    );
    let from_second = second.root().join("second.json");
    second
        .run(["export", "--output", from_second.to_str().unwrap()])
        .success();
    first
        .run(["import", from_second.to_str().unwrap()])
        .success()
        .stdout_has("Sam's passphrase in the file was set later than the one this")
        .stdout_has("replaced it: Sam's passphrase here is now the one from the file.");
    // Both now hold the later key: the earlier passphrase opens nothing, the later one works.
    first.set("REKINDLE_PASSPHRASE_FILE", &early);
    first
        .run(["feel", "--as", "Sam", "calm"])
        .refused()
        .stderr_has("not Sam's passphrase");
    let late_here = pass_file(&first, "late-here", LATER);
    first.set("REKINDLE_PASSPHRASE_FILE", &late_here);
    first.run(["feel", "--as", "Sam", "calm"]).success();
    let keys = |env: &TestEnv| env.run(["export"]).success().json()["partner_keys"].clone();
    assert_eq!(keys(&first), keys(&second));
    // The same file again: nothing more to say, nothing changed.
    let again = first
        .run(["import", from_second.to_str().unwrap(), "--json"])
        .success()
        .json();
    assert_eq!(again["passphrases"], serde_json::json!([]));
}

/// Found in a user trial: a revealed check-in, note or feeling showed "(edited)" besides
/// "shared on …". Sharing private words is not an edit of them: the entry says only when it
/// was shared, `show` lists the private version as the one the sharing replaced, and the
/// JSON "edited" flag stays false until the words are really changed.
#[test]
fn revealing_private_words_is_not_an_edit() {
    let mut env = couple_with_sam_key();
    let sam = pass_file(&env, "sam-reveal", SAM_PASS);
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "6",
        "--answer",
        "words-kept-for-a-while",
        "--private",
    ])
    .success();
    env.run(["note", "--as", "Sam", "--private", "a-private-note"])
        .success();
    env.run(["feel", "--as", "Sam", "--private", "wistful:2"])
        .success();
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    env.run(["checkin", "--as", "Alex", "--trust", "5"])
        .success();
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    for kind in ["checkin", "note", "feeling"] {
        env.run(["reveal", kind, "1", "--as", "Sam"]).success();
    }
    env.set("REKINDLE_PASSPHRASE_FILE", "");

    let timeline = as_reader(&env, "Alex", &["history"]);
    assert!(
        timeline.stdout.contains("words-kept-for-a-while"),
        "{}",
        timeline.stdout
    );
    assert!(
        timeline.stdout.contains("a-private-note"),
        "{}",
        timeline.stdout
    );
    assert_eq!(
        timeline
            .stdout
            .matches("(shared on Saturday 21 November 2026; written privately)")
            .count(),
        3,
        "{}",
        timeline.stdout
    );
    assert!(!timeline.stdout.contains("(edited)"), "{}", timeline.stdout);
    let listed = as_reader(&env, "Alex", &["history", "--json"]).json();
    let sams: Vec<&serde_json::Value> = listed
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["partner"] == "Sam" && r["kind"] != "passphrase")
        .collect();
    assert_eq!(sams.len(), 3, "{listed}");
    for record in &sams {
        assert_eq!(record["revealed_on"], "2026-11-21", "{record}");
        assert_eq!(record["edited"], false, "{record}");
    }

    for kind in ["checkin", "note", "feeling"] {
        let shown = as_reader(&env, "Alex", &["show", kind, "1"]);
        assert!(!shown.stdout.contains("(edited)"), "{}", shown.stdout);
        assert!(!shown.stdout.contains("changed by"), "{}", shown.stdout);
        assert!(
            shown.stdout.contains("Shared by Sam on"),
            "{}",
            shown.stdout
        );
        assert!(
            shown.stdout.contains("Written by Sam on"),
            "{}",
            shown.stdout
        );
        let shown = as_reader(&env, "Alex", &["show", kind, "1", "--json"]).json();
        assert_eq!(shown["edited"], false, "{shown}");
        // The private version is still kept, as the one the sharing replaced, its words unread.
        assert_eq!(shown["revisions"].as_array().unwrap().len(), 1, "{shown}");
        let earlier = shown["revisions"][0].to_string();
        for words in ["words-kept-for-a-while", "a-private-note", "wistful"] {
            assert!(!earlier.contains(words), "{shown}");
        }
    }

    // Changing the shared words afterwards is an edit, and says so.
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--amend",
        "--answer",
        "words-said-again",
    ])
    .success();
    let shown = as_reader(&env, "Alex", &["show", "checkin", "1"]);
    assert!(shown.stdout.contains("(edited)"), "{}", shown.stdout);
    assert!(
        shown.stdout.contains("Last changed by Sam"),
        "{}",
        shown.stdout
    );
    assert!(
        shown.stdout.contains("Shared by Sam on"),
        "{}",
        shown.stdout
    );
    let shown = as_reader(&env, "Alex", &["show", "checkin", "1", "--json"]).json();
    assert_eq!(shown["edited"], true, "{shown}");
}

/// A private check-in in the CSV and Markdown a partner reads: its row says `private` in the
/// last column, and the Markdown says, where the words would be, that they were written
/// privately; the words themselves are in neither.
#[test]
fn csv_and_markdown_mark_private_words_where_they_would_be() {
    let mut env = couple_with_sam_key();
    let sam = pass_file(&env, "sam-export", SAM_PASS);
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "6",
        "--answer",
        "only-for-me-for-now",
        "--private",
    ])
    .success();
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    env.run([
        "checkin",
        "--as",
        "Alex",
        "--trust",
        "5",
        "--note",
        "a-shared-note",
    ])
    .success();
    for reader in ["Alex", "Sam"] {
        let csv_text = as_reader(&env, reader, &["export", "--format", "csv"]).stdout;
        assert!(!csv_text.contains("only-for-me-for-now"), "{csv_text}");
        let mut rows = csv::Reader::from_reader(csv_text.as_bytes());
        let rows: Vec<(String, String, String)> = rows
            .records()
            .map(Result::unwrap)
            .map(|r| (r[1].to_string(), r[10].to_string(), r[11].to_string()))
            .collect();
        assert_eq!(
            rows,
            [
                ("Sam".to_string(), String::new(), "private".to_string()),
                (
                    "Alex".to_string(),
                    "a-shared-note".to_string(),
                    "shared".to_string()
                ),
            ],
            "read by {reader}"
        );
        let md = as_reader(&env, reader, &["export", "--format", "markdown"]).stdout;
        assert!(!md.contains("only-for-me-for-now"), "{md}");
        assert!(md.contains("\nSam wrote privately that day.\n"), "{md}");
        assert!(md.contains("a-shared-note"), "{md}");
    }
}
