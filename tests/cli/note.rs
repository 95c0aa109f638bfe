//! `rekindle note` and `feel --private` (issue 15): a free entry shared or kept private, a
//! feeling kept private, and every way out of the journal checked byte by byte.

use std::path::{Path, PathBuf};

use crate::support::{TestEnv, bytes, dump};
use crate::two_people::{SAM_PASS, couple_with_sam_key, pass_file};

const SECRET_NOTE: &str = "Quietly-Rehearsing-The-Apology";
const SECRET_FEELING: &str = "Brittleglass";
const SECRET_FEELING_NOTE: &str = "Porchlight-Evening-Doubt";

/// Whether `needle` is anywhere in `haystack`, in any case (ASCII).
fn holds(haystack: &[u8], needle: &str) -> bool {
    let needle = needle.to_ascii_lowercase();
    let needle = needle.as_bytes();
    haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// The files among `paths` whose bytes hold `needle`, in any case.
fn files_holding(paths: &[PathBuf], needle: &str) -> Vec<String> {
    paths
        .iter()
        .filter(|p| std::fs::read(p).is_ok_and(|b| holds(&b, needle)))
        .map(|p| p.display().to_string())
        .collect()
}

fn journal_files(env: &TestEnv) -> Vec<PathBuf> {
    let journal = env.default_journal();
    vec![
        journal.clone(),
        journal.with_extension("db-wal"),
        journal.with_extension("db-shm"),
    ]
}

/// Sam (with a passphrase) writes a private note and a private feeling; Alex a shared note.
fn with_private_entries() -> (TestEnv, PathBuf) {
    let mut env = couple_with_sam_key();
    let sam = pass_file(&env, "sam-notes", SAM_PASS);
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    let note = env
        .run(["note", "--as", "Sam", "--private", SECRET_NOTE, "--json"])
        .success()
        .json();
    assert_eq!(note["kind"], "note");
    assert_eq!(note["private"], true);
    assert_eq!(note["text"], serde_json::Value::Null);
    let felt = env
        .run([
            "feel",
            "--as",
            "Sam",
            "--private",
            &format!("{SECRET_FEELING}:4"),
            "--note",
            SECRET_FEELING_NOTE,
            "--json",
        ])
        .success()
        .json();
    assert_eq!(felt[0]["private"], true);
    assert_eq!(felt[0]["word"], serde_json::Value::Null);
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    env.run(["note", "--as", "Alex", "We walked along the canal"])
        .success()
        .stdout_has("Saved Alex's note for Saturday 21 November 2026 (note 2).");
    (env, sam)
}

/// Runs a reading command with `reader` as REKINDLE_AS (the reader, without filtering).
fn read_as(env: &TestEnv, reader: &str, args: &[&str]) -> crate::support::Run {
    let mut cmd = env.command(args);
    cmd.env("REKINDLE_AS", reader);
    let out = cmd.output().unwrap();
    crate::support::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn private_words_of_a_note_and_a_feeling_are_in_no_file_and_only_their_author_reads_them() {
    let (mut env, sam) = with_private_entries();

    // Alex sees that Sam wrote something, never what.
    let alex = read_as(&env, "Alex", &["history"]);
    alex.success()
        .stdout_has("Sam wrote a private note (note 1)")
        .stdout_has("Sam noted a private feeling (feeling 1)")
        .stdout_has("We walked along the canal");
    let listed = read_as(&env, "Alex", &["history", "--json"])
        .success()
        .json();
    let note = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "note" && r["partner"] == "Sam")
        .unwrap();
    assert_eq!(note["private"], true);
    assert_eq!(note["text"], serde_json::Value::Null);
    let shown = read_as(&env, "Alex", &["show", "feeling", "1", "--json"])
        .success()
        .json();
    assert_eq!(shown["private"], true);
    assert_eq!(shown["word"], serde_json::Value::Null);
    assert_eq!(shown["note"], serde_json::Value::Null);
    for word in [SECRET_NOTE, SECRET_FEELING, SECRET_FEELING_NOTE, "Quietly"] {
        let found = env
            .run(["history", "--search", word, "--json"])
            .success()
            .json();
        assert_eq!(found, serde_json::json!([]), "{word} is not searchable");
    }
    let found = env
        .run(["history", "--search", "canal", "--json"])
        .success()
        .json();
    assert_eq!(found[0]["text"], "We walked along the canal");

    // A private feeling does not count in shared progress.
    let progress = env.run(["progress", "--json"]).success().json();
    assert!(
        !progress.to_string().to_lowercase().contains("brittleglass"),
        "{progress}"
    );

    // Every way out of the journal.
    let out = env.root().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let mut written = journal_files(&env);
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
    for needle in [SECRET_NOTE, SECRET_FEELING, SECRET_FEELING_NOTE] {
        assert_eq!(
            files_holding(&written, needle),
            Vec::<String>::new(),
            "{needle}"
        );
    }
    // The JSON export keeps them, as ciphertext only; CSV and Markdown leave their words out
    // and say that they are there.
    let doc: serde_json::Value = serde_json::from_slice(&bytes(&out.join("e.json"))).unwrap();
    let sams = &doc["notes"][0];
    assert_eq!(sams["private"], true);
    assert_eq!(sams["text"], serde_json::Value::Null);
    let ciphertext = sams["ciphertext"].as_str().unwrap();
    assert!(
        ciphertext.starts_with("YWdlLWVuY3J5cHRpb24ub3JnL3Yx"),
        "age, base64"
    );
    assert_eq!(doc["notes"][1]["text"], "We walked along the canal");
    assert!(doc["notes"][1].get("ciphertext").is_none());
    assert_eq!(doc["feelings"][0]["private"], true);
    assert_eq!(doc["feelings"][0]["word"], "-");
    assert!(doc["feelings"][0]["ciphertext"].as_str().is_some());
    let markdown = String::from_utf8(bytes(&out.join("e.md"))).unwrap();
    assert!(markdown.contains("We walked along the canal"));
    assert!(
        markdown.contains("### Sam’s note\n\nSam wrote a private note.\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("- Sam noted a private feeling\n"),
        "{markdown}"
    );
    assert!(!markdown.contains("Sam felt"), "{markdown}");

    // Sam reads them back with the passphrase; a wrong one reads nothing and changes nothing.
    let wrong = pass_file(&env, "wrong", "not the one at all really");
    env.set("REKINDLE_PASSPHRASE_FILE", &wrong);
    let before: Vec<Vec<u8>> = journal_files(&env)
        .iter()
        .map(|p| std::fs::read(p).unwrap_or_default())
        .collect();
    env.run(["history", "--private", "--as", "Sam"])
        .refused()
        .stderr_has("not Sam's passphrase");
    env.run(["reveal", "note", "1", "--as", "Sam"])
        .refused()
        .stderr_has("not Sam's passphrase");
    let after: Vec<Vec<u8>> = journal_files(&env)
        .iter()
        .map(|p| std::fs::read(p).unwrap_or_default())
        .collect();
    assert!(
        before == after,
        "a wrong passphrase changed the journal's bytes"
    );
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    let own = env
        .run(["history", "--private", "--as", "Sam", "--json"])
        .success()
        .json();
    let own = own.as_array().unwrap();
    assert_eq!(own.len(), 2, "{own:?}");
    let note = own.iter().find(|r| r["kind"] == "note").unwrap();
    assert_eq!(note["text"], SECRET_NOTE);
    assert_eq!(note["private"], true);
    let feeling = own.iter().find(|r| r["kind"] == "feeling").unwrap();
    assert_eq!(feeling["word"], SECRET_FEELING);
    assert_eq!(feeling["intensity"], 4);
    assert_eq!(feeling["note"], SECRET_FEELING_NOTE);
    env.run(["history", "--private", "--as", "Sam"])
        .success()
        .stdout_has(SECRET_NOTE)
        .stdout_has(&format!("Sam felt {SECRET_FEELING} (4), privately"));

    // Alex cannot share them, nor read them.
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    env.run(["reveal", "note", "1", "--as", "Alex"])
        .refused()
        .stderr_has("only its author");
    env.run(["history", "--private", "--as", "Alex"])
        .refused()
        .stderr_has("Alex has no passphrase");

    // Shared by its author: readable by both, searchable, marked as written privately.
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    env.run(["reveal", "note", "1", "--as", "Sam"])
        .success()
        .stdout_has("Shared Sam's note from Saturday 21 November 2026 (note 1)");
    env.run(["reveal", "feeling", "1", "--as", "Sam"]).success();
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    read_as(&env, "Alex", &["history"])
        .success()
        .stdout_has(SECRET_NOTE)
        .stdout_has(&format!("Sam felt {SECRET_FEELING} (4)"))
        .stdout_has("(shared on Saturday 21 November 2026; written privately)");
    let found = env
        .run(["history", "--search", SECRET_NOTE, "--json"])
        .success()
        .json();
    assert_eq!(found[0]["revealed_on"], "2026-11-21");
    // Its earlier (private) version keeps only ciphertext.
    let shown = env.run(["show", "note", "1", "--json"]).success().json();
    assert_eq!(shown["revisions"][0]["private"], true);
    assert_eq!(shown["revisions"][0]["text"], serde_json::Value::Null);
}

#[test]
fn notes_in_the_other_partners_name_need_their_passphrase_and_a_key_of_ones_own() {
    let mut env = couple_with_sam_key();
    let wrong = pass_file(&env, "wrong", "not the one at all really");
    let before = dump(&env.default_journal());
    for args in [
        vec!["note", "--as", "Sam", "Written by someone else"],
        vec![
            "note",
            "--as",
            "Sam",
            "--private",
            "Written by someone else",
        ],
        vec!["feel", "--as", "Sam", "--private", "calm"],
    ] {
        env.set("REKINDLE_PASSPHRASE_FILE", "");
        env.run(&args)
            .refused()
            .stderr_has("Sam has a passphrase, and this needs it");
        env.set("REKINDLE_PASSPHRASE_FILE", &wrong);
        env.run(&args)
            .refused()
            .stderr_has("that is not Sam's passphrase; nothing was changed");
    }
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    // Alex has no passphrase: trusted by name for a shared note, but has no key to keep
    // anything private with.
    env.run(["note", "--as", "Alex", "--private", "kept back"])
        .refused()
        .stderr_has("rekindle partners passphrase Alex");
    env.run(["feel", "--as", "Alex", "--private", "tired"])
        .refused()
        .stderr_has("Alex has no passphrase yet");
    assert_eq!(dump(&env.default_journal()), before);
    env.run(["note", "--as", "Alex", "a shared one"]).success();
    // Only its author changes or deletes a note.
    env.run(["edit", "note", "1", "--as", "Sam", "--text", "changed"])
        .refused();
    env.run(["delete", "note", "1", "--as", "Sam", "--yes"])
        .refused();
    env.run(["edit", "note", "1", "--as", "Alex", "--text", "changed"])
        .success()
        .stdout_has("Edited Alex's note 1");
    env.run(["undo", "--as", "Alex", "--yes"]).success();
    let shown = env.run(["show", "note", "1", "--json"]).success().json();
    assert_eq!(shown["text"], "a shared one");
    env.run(["delete", "note", "1", "--as", "Alex", "--yes"])
        .success();
    env.run(["history"])
        .success()
        .stdout_has("Alex deleted a note from Saturday 21 November 2026");
}

#[test]
fn a_private_note_is_edited_by_its_author_and_stays_private() {
    let mut env = couple_with_sam_key();
    let sam = pass_file(&env, "sam-edit", SAM_PASS);
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    env.run(["note", "--as", "Sam", "--private", "first-draft-words"])
        .success();
    env.run([
        "edit",
        "note",
        "1",
        "--as",
        "Sam",
        "--text",
        "second-draft-words",
    ])
    .success()
    .stdout_has("private words changed");
    env.run([
        "edit",
        "note",
        "1",
        "--as",
        "Sam",
        "--text",
        "second-draft-words",
    ])
    .success()
    .stdout_has("Nothing changed");
    let own = env
        .run(["history", "--private", "--as", "Sam", "--json"])
        .success()
        .json();
    assert_eq!(own[0]["text"], "second-draft-words");
    assert_eq!(own[0]["edited"], true);
    for needle in ["first-draft-words", "second-draft-words"] {
        assert_eq!(
            files_holding(&journal_files(&env), needle),
            Vec::<String>::new()
        );
    }
}

#[test]
fn a_note_with_no_words_or_a_bad_day_is_refused_and_nothing_is_written() {
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    for (args, said) in [
        (vec!["note", "--as", "Alex", "   "], "the note is empty"),
        (vec!["note", "--as", "Alex", ""], "the note is empty"),
        (
            vec!["note", "--as", "Alex", "hello", "--date", "31/02/2026"],
            "--date",
        ),
        (
            vec!["note", "--as", "Alex", "hello", "--date", "2026-11-23"],
            "future",
        ),
    ] {
        let run = env.run(&args);
        run.refused().stderr_has(said);
        assert_eq!(run.stderr.trim_end().lines().count(), 1, "{}", run.stderr);
    }
    assert_eq!(dump(&env.default_journal()), before);
    env.run(["note", "--as", "Alex", "back-dated", "--date", "yesterday"])
        .success()
        .stdout_has("Friday 20 November 2026");
}

#[test]
fn a_note_that_speaks_of_self_harm_shows_the_safety_card_and_is_saved() {
    let env = TestEnv::with_couple();
    env.run(["note", "--as", "Alex", "some days I want to die"])
        .success()
        .stderr_has("Safety card");
}

/// A copy of `backup` as a second journal of the same couple (with the same keys); later
/// runs of `env` use it.
fn use_copy_of(env: &mut TestEnv, backup: &Path, name: &str) -> PathBuf {
    let path = env.root().join(name);
    std::fs::copy(backup, &path).unwrap();
    env.set("REKINDLE_JOURNAL", &path);
    path
}

#[test]
fn notes_survive_export_and_import_and_a_private_one_stays_readable_by_its_author() {
    let mut env = couple_with_sam_key();
    let sam = pass_file(&env, "sam-export", SAM_PASS);
    // A journal of the same couple with the same keys, before any note.
    let before_notes = env.root().join("before.db");
    env.run(["backup", before_notes.to_str().unwrap()])
        .success();
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    env.run(["note", "--as", "Sam", "--private", SECRET_NOTE])
        .success();
    env.run(["feel", "--as", "Sam", "--private", SECRET_FEELING])
        .success();
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    env.run(["note", "--as", "Alex", "Bread from the market"])
        .success();
    env.run(["note", "--as", "Alex", "to be deleted"]).success();
    env.run(["delete", "note", "3", "--as", "Alex", "--yes"])
        .success();
    let export = env.root().join("e.json");
    env.run(["export", "--output", export.to_str().unwrap()])
        .success();

    let other_journal = use_copy_of(&mut env, &before_notes, "other.db");
    let other = &mut env;
    other
        .run(["import", export.to_str().unwrap(), "--json"])
        .success();
    let doc = other.run(["export"]).success().json();
    assert_eq!(doc["notes"].as_array().unwrap().len(), 2);
    assert_eq!(doc["notes"][1]["text"], "Bread from the market");
    assert_eq!(doc["tombstones"][0]["kind"], "note");
    other
        .run(["history"])
        .success()
        .stdout_has("Sam wrote a private note")
        .stdout_has("Sam noted a private feeling")
        .stdout_has("Bread from the market")
        .stdout_has("Alex deleted a note");
    other.set("REKINDLE_PASSPHRASE_FILE", &sam);
    let own = other
        .run(["history", "--private", "--as", "Sam", "--json"])
        .success()
        .json();
    let texts: Vec<&str> = own
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["text"].as_str().or(r["word"].as_str()))
        .collect();
    assert!(texts.contains(&SECRET_NOTE), "{own}");
    assert!(texts.contains(&SECRET_FEELING), "{own}");
    // Importing the same file again changes nothing.
    let again = dump(&other_journal);
    other.run(["import", export.to_str().unwrap()]).success();
    assert_eq!(dump(&other_journal), again);

    // A file with a private note holding text is refused, whole.
    let mut bad: serde_json::Value = serde_json::from_slice(&bytes(&export)).unwrap();
    bad["notes"][0]["text"] = serde_json::json!("in the clear");
    let file = other.root().join("bad.json");
    std::fs::write(&file, serde_json::to_vec(&bad).unwrap()).unwrap();
    let fresh = TestEnv::new();
    fresh
        .run(["import", file.to_str().unwrap()])
        .refused()
        .stderr_has("notes[0].text");
}

/// The unpleasant feelings Sam named this week, as `progress --json` counts them.
fn unpleasant(env: &TestEnv, who: &str) -> i64 {
    let progress = env.run(["progress", "--json"]).success().json();
    let weeks = progress["weeks"].as_array().unwrap();
    weeks
        .iter()
        .map(|w| w["partners"][who]["unpleasant"].as_i64().unwrap())
        .sum()
}

#[test]
fn a_private_feeling_counts_in_no_shared_progress_until_it_is_shared() {
    let mut env = couple_with_sam_key();
    let sam = pass_file(&env, "sam-progress", SAM_PASS);
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    env.run(["feel", "--as", "Sam", "--private", "lonely:3"])
        .success()
        .stdout_has("Saved a private feeling for Sam");
    assert_eq!(unpleasant(&env, "Sam"), 0);
    let report = env.root().join("r.html");
    env.run(["report", "--output", report.to_str().unwrap()])
        .success();
    let page = String::from_utf8(bytes(&report)).unwrap();
    assert!(!page.contains("lonely"));
    env.run(["feel", "--as", "Sam", "hurt:2"]).success();
    assert_eq!(unpleasant(&env, "Sam"), 1);
    env.run(["reveal", "feeling", "1", "--as", "Sam"])
        .success()
        .stdout_has("Shared Sam's feeling");
    assert_eq!(unpleasant(&env, "Sam"), 2);
    // A private feeling is not edited (its word would be written in the clear); shared, it is.
    env.run(["feel", "--as", "Sam", "--private", "ashamed"])
        .success();
    env.run(["edit", "feeling", "3", "--as", "Sam", "--word", "tired"])
        .refused()
        .stderr_has("feeling 3 is private");
    env.run(["edit", "feeling", "1", "--as", "Sam", "--intensity", "2"])
        .success();
}

#[test]
fn removing_a_passphrase_leaves_a_private_note_as_its_stub_with_no_ciphertext_anywhere() {
    let mut env = couple_with_sam_key();
    let sam = pass_file(&env, "sam-remove", SAM_PASS);
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    env.run(["note", "--as", "Sam", "--private", "first words"])
        .success();
    env.run(["edit", "note", "1", "--as", "Sam", "--text", "second words"])
        .success();
    env.run(["feel", "--as", "Sam", "--private", "wistful"])
        .success();
    env.run(["partners", "passphrase", "Sam", "--remove", "--as", "Sam"])
        .refused()
        .stderr_has("private words in 2 entries");
    env.run([
        "partners",
        "passphrase",
        "Sam",
        "--remove",
        "--yes",
        "--as",
        "Sam",
    ])
    .success();
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    env.run(["history"])
        .success()
        .stdout_has("Sam wrote a private note (note 1)")
        .stdout_has("Sam noted a private feeling");
    let doc = env.run(["export"]).success().json();
    assert!(
        !doc.to_string().contains("ciphertext"),
        "no ciphertext is left: {doc}"
    );
    let conn = rusqlite::Connection::open(env.default_journal()).unwrap();
    let left: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM notes WHERE ciphertext IS NOT NULL)
                  + (SELECT count(*) FROM feelings WHERE length(private) > 0)
                  + (SELECT count(*) FROM revisions WHERE body LIKE '%ciphertext%')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
}

/// Private words that the author's key does not open (an import brought words encrypted to
/// another key under Sam's name) stay hidden; Sam's own still show, with one warning. A
/// ciphertext that is not an age file at all is refused at import.
#[test]
fn private_words_another_key_locked_do_not_hide_the_rest() {
    use crate::two_people::ALEX_PASS;
    let mut env = couple_with_sam_key();
    let alex = pass_file(&env, "alex-own", ALEX_PASS);
    env.set("REKINDLE_PASSPHRASE_FILE", &alex);
    env.run(["partners", "passphrase", "Alex", "--as", "Alex"])
        .success();
    env.run(["note", "--as", "Alex", "--private", "alex-only-words"])
        .success();
    let sam = pass_file(&env, "sam-own", SAM_PASS);
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    env.run(["note", "--as", "Sam", "--private", "sam-own-words"])
        .success();
    let doc = env.run(["export"]).success().json();
    let partners = doc["partners"].as_array().unwrap();
    let sam_uuid = partners.iter().find(|p| p["name"] == "Sam").unwrap()["uuid"].clone();
    let mut alexs = doc["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["partner_uuid"] != sam_uuid)
        .unwrap()
        .clone();
    alexs["uuid"] = serde_json::Value::String("6f1c9a3e-2b7d-4e10-9a55-0c3b8d7e1f20".into());
    alexs["partner_uuid"] = sam_uuid.clone();
    alexs["changed_by_uuid"] = sam_uuid;
    let planted = serde_json::json!({
        "format": "rekindle-export", "version": 2, "partners": doc["partners"],
        "notes": [alexs.clone()],
    });
    let file = env.root().join("planted.json");
    std::fs::write(&file, planted.to_string()).unwrap();
    env.run(["import", file.to_str().unwrap()]).success();
    let out = env.run(["history", "--private", "--as", "Sam", "--json"]);
    let out = out.success();
    let texts: Vec<serde_json::Value> = out
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].clone())
        .collect();
    assert!(
        texts.contains(&serde_json::Value::String("sam-own-words".into())),
        "{texts:?}"
    );
    assert!(texts.contains(&serde_json::Value::Null), "{texts:?}");
    assert!(
        out.stderr.contains("do not open with this key"),
        "{}",
        out.stderr
    );

    alexs["uuid"] = serde_json::Value::String("7a2d0b4f-3c8e-4f21-8b66-1d4c9e8f2a31".into());
    alexs["ciphertext"] = serde_json::Value::String("aGVsbG8gbm90IGFnZQ==".into());
    let garbage = serde_json::json!({
        "format": "rekindle-export", "version": 2, "partners": doc["partners"],
        "notes": [alexs],
    });
    std::fs::write(&file, garbage.to_string()).unwrap();
    env.run(["import", file.to_str().unwrap()])
        .refused()
        .stderr_has("an age file");
}

/// `note -` reads the note from standard input, as `import -` reads its file; empty input
/// is refused as an empty note is, and nothing is written.
#[test]
fn a_note_of_a_dash_reads_its_words_from_standard_input() {
    let env = TestEnv::with_couple();
    let before = dump(&env.default_journal());
    env.run_with_stdin(["note", "--as", "Alex", "-"], "  \n")
        .refused()
        .stderr_has("the note is empty");
    assert_eq!(dump(&env.default_journal()), before);
    let saved = env
        .run_with_stdin(
            ["note", "--as", "Alex", "-", "--json"],
            "a long walk by the river\n",
        )
        .success()
        .json();
    assert_eq!(saved["text"], "a long walk by the river");
    let history = env
        .run(["history", "--as", "Alex", "--json"])
        .success()
        .json();
    let texts: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "note")
        .filter_map(|r| r["text"].as_str())
        .collect();
    assert_eq!(texts, ["a long walk by the river"], "no note says \"-\"");
}
