//! `rekindle doctor` and `doctor --fix`.

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

use crate::sample;
use crate::support::{TestEnv, dump, mode};

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// The full-text index's rows, (rowid, text) in rowid order.
fn search_rows(journal: &Path) -> Vec<(i64, String)> {
    let conn = rusqlite::Connection::open(journal).unwrap();
    let mut stmt = conn
        .prepare("SELECT rowid, body FROM search ORDER BY rowid")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn matches(journal: &Path, query: &str) -> i64 {
    let conn = rusqlite::Connection::open(journal).unwrap();
    conn.query_row(
        "SELECT count(*) FROM search WHERE search MATCH ?1",
        [query],
        |r| r.get(0),
    )
    .unwrap()
}

/// A journal holding every kind of record with text in it, imported from the sample export.
fn full_journal() -> (TestEnv, std::path::PathBuf) {
    let env = TestEnv::new();
    let file = env.root().join("sample.json");
    sample::write(&file, &sample::journal());
    env.run(["import", file.to_str().unwrap()]).success();
    let journal = env.default_journal();
    (env, journal)
}

#[test]
fn doctor_reports_a_healthy_private_journal() {
    let env = TestEnv::with_couple();
    let json = env.run(["doctor", "--json"]).success().json();
    assert_eq!(json["schema_version"], 10);
    assert_eq!(json["supported_version"], 10);
    assert_eq!(json["integrity"], serde_json::json!([]));
    assert_eq!(json["file_mode"], "0600");
    assert_eq!(json["dir_mode"], "0700");
    assert_eq!(json["warnings"], serde_json::json!([]));
    assert_eq!(json["search_index"], "ok");
    assert_eq!(json["leftovers"], serde_json::json!([]));
    assert_eq!(json["counts"]["partners"], 2);
    assert_eq!(json["counts"]["focus"], 1);
    assert_eq!(json["counts"]["checkins"], 0);
    let text = env.run(["doctor"]).success().stdout.clone();
    assert!(text.contains("Integrity    ok"), "{text}");
    assert!(text.contains("Search       ok"), "{text}");
    assert!(
        text.contains("Privacy      file 0600, folder 0700: ok"),
        "{text}"
    );
    assert!(text.contains("2 partners"), "{text}");
}

#[test]
fn doctor_warns_when_others_can_read_the_journal() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    std::fs::set_permissions(&journal, std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = env.run(["doctor"]);
    // As the contract says of every warning: on stderr, starting `rekindle: warning:`.
    run.success()
        .stderr_has("rekindle: warning: ")
        .stderr_has("can be read by other users (mode 0644)")
        .stderr_has("rekindle doctor --fix")
        .stderr_has("chmod 600");
    assert!(
        run.stderr
            .lines()
            .all(|l| l.starts_with("rekindle: warning: ")),
        "{}",
        run.stderr
    );
    assert!(!run.stdout.contains("warning"), "{}", run.stdout);
    let json = env.run(["doctor", "--json"]).success().json();
    assert_eq!(json["file_mode"], "0644");
    // One warning for the journal: its -wal and -shm, which SQLite gives the journal's mode
    // while doctor has it open, go with it.
    let warnings = json["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].as_str().unwrap().contains("mode 0644"));
    assert!(
        warnings[0]
            .as_str()
            .unwrap()
            .starts_with(journal.to_str().unwrap())
    );
}

#[test]
fn doctor_fix_makes_the_journal_and_its_own_folder_private_and_changes_no_entry() {
    let (env, journal) = full_journal();
    let folder = journal.parent().unwrap().to_path_buf();
    chmod(&journal, 0o644);
    chmod(&folder, 0o755);
    let before = dump(&journal);
    // Another program reading the journal meanwhile: its -wal and -shm, which SQLite gives
    // the journal's mode, are there while doctor runs.
    let held = rusqlite::Connection::open(&journal).unwrap();
    let _: i64 = held
        .query_row("SELECT count(*) FROM partners", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode(&journal.with_extension("db-shm")), 0o644);

    // Without --fix, doctor only reports: the journal (with its -wal and -shm) and the folder.
    let json = env.run(["doctor", "--json"]).success().json();
    assert_eq!(json["warnings"].as_array().unwrap().len(), 2, "{json}");
    assert_eq!(json["fixed"], serde_json::json!([]));
    assert_eq!((mode(&journal), mode(&folder)), (0o644, 0o755));

    let json = env.run(["doctor", "--fix", "--json"]).success().json();
    let fixed: Vec<&str> = json["fixed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert_eq!(fixed.len(), 2, "{fixed:?}");
    assert_eq!(
        fixed[0],
        format!(
            "made {} private (mode 0600, was 0644), with its -wal and -shm files",
            journal.display()
        )
    );
    assert_eq!(
        fixed[1],
        format!(
            "made the folder {} private (mode 0700, was 0755)",
            folder.display()
        )
    );
    assert_eq!(json["not_fixed"], serde_json::json!([]));
    assert_eq!(json["warnings"], serde_json::json!([]));
    assert_eq!((mode(&journal), mode(&folder)), (0o600, 0o700));
    assert_eq!(mode(&journal.with_extension("db-shm")), 0o600);
    drop(held);
    assert_eq!(dump(&journal), before);

    let again = env.run(["doctor", "--fix"]);
    again.success().stdout_has("Nothing needed repair.");
}

#[test]
fn doctor_fix_leaves_a_folder_shared_with_other_files_alone_and_says_why() {
    let env = TestEnv::new();
    let shared = env.root().join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::write(shared.join("holiday-photos.txt"), "not ours").unwrap();
    chmod(&shared, 0o755);
    let journal = shared.join("journal.db");
    let j = journal.to_str().unwrap();
    env.run([
        "--journal",
        j,
        "init",
        "--partner",
        "Sam",
        "--partner",
        "Alex",
    ])
    .success();
    chmod(&journal, 0o640);

    let run = env.run(["--journal", j, "doctor", "--fix"]);
    run.success()
        .stdout_has("Repaired:")
        .stdout_has("Left alone:")
        .stdout_has("left the folder");
    assert_eq!(mode(&journal), 0o600);
    let json = env
        .run(["--journal", j, "doctor", "--fix", "--json"])
        .success()
        .json();
    assert_eq!(json["fixed"], serde_json::json!([]));
    assert!(
        json["not_fixed"][0].as_str().unwrap().contains(
            "(mode 0755) as it is: it holds another file besides the journal, so its permissions are yours to decide"
        ),
        "{json}"
    );
    assert_eq!(
        mode(&shared),
        0o755,
        "a folder with other files is not ours to change"
    );
    let json = env
        .run(["--journal", j, "doctor", "--json"])
        .success()
        .json();
    let warnings = json["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].as_str().unwrap().contains(
            "but it holds another file besides the journal, so rekindle leaves its permissions to you"
        ),
        "{warnings:?}"
    );
    assert!(warnings[0].as_str().unwrap().contains("mkdir -m 700"));

    // A shared scratch folder like /tmp (sticky, anyone may add files) is never changed,
    // even when the journal is alone in it. No journal is made there, and one moved there is
    // refused by every command; doctor still looks at it, says why, and exits 1.
    let scratch = env.root().join("scratch");
    std::fs::create_dir(&scratch).unwrap();
    chmod(&scratch, 0o1777);
    let journal = scratch.join("journal.db");
    let j = journal.to_str().unwrap();
    env.run([
        "--journal",
        j,
        "init",
        "--partner",
        "Sam",
        "--partner",
        "Alex",
    ])
    .code(1)
    .stderr_has(&format!(
        "the folder {} holding your journal is shared: other users can add files to it (mode 1777)",
        scratch.display()
    ))
    .stderr_has("mkdir -m 700");
    assert!(!journal.exists());
    let elsewhere = env.root().join("elsewhere.db");
    env.run([
        "--journal",
        elsewhere.to_str().unwrap(),
        "init",
        "--partner",
        "Sam",
        "--partner",
        "Alex",
    ])
    .success();
    std::fs::rename(&elsewhere, &journal).unwrap();
    env.run(["--journal", j, "partners"])
        .code(1)
        .stderr_has("holding your journal is shared");
    let run = env.run(["--journal", j, "doctor", "--fix", "--json"]);
    run.code(1).stderr_has("holding your journal is shared");
    let json = run.json();
    assert!(
        json["not_fixed"][0]
            .as_str()
            .unwrap()
            .contains("shared folder that anyone can add files to"),
        "{json}"
    );
    assert_eq!(json["not_private"].as_array().unwrap().len(), 1, "{json}");
    assert_eq!(json["counts"]["partners"], 2, "{json}");
    assert_eq!(mode(&scratch), 0o1777);
}

#[test]
fn doctor_fix_rebuilds_an_emptied_search_index_with_exactly_the_rows_the_triggers_wrote() {
    let (env, journal) = full_journal();
    let original = search_rows(&journal);
    assert!(original.len() >= 12, "{original:?}");
    let before = dump(&journal);
    rusqlite::Connection::open(&journal)
        .unwrap()
        .execute("DELETE FROM search", [])
        .unwrap();
    assert_eq!(matches(&journal, "tea"), 0);

    let json = env.run(["doctor", "--json"]).success().json();
    assert_eq!(json["search_index"], "stale");
    let warning = json["warnings"][0].as_str().unwrap();
    assert!(
        warning.starts_with(&format!(
            "{} entries are missing from the search index",
            original.len()
        )),
        "{warning}"
    );
    // Checking wrote nothing.
    assert!(search_rows(&journal).is_empty());

    let run = env.run(["doctor", "--fix"]);
    run.success()
        .stdout_has("Search       rebuilt just now")
        .stdout_has(&format!(
            "rebuilt the search index from your entries ({} entries were missing",
            original.len()
        ));
    assert_eq!(search_rows(&journal), original);
    assert_eq!(dump(&journal), before);
    assert_eq!(matches(&journal, "tea"), 3);
    assert_eq!(
        env.run(["doctor", "--json"]).success().json()["search_index"],
        "ok"
    );
}

#[test]
fn doctor_fix_repairs_a_damaged_search_index_that_fails_the_integrity_check() {
    let (env, journal) = full_journal();
    let original = search_rows(&journal);
    let before = dump(&journal);
    {
        let conn = rusqlite::Connection::open(&journal).unwrap();
        // Scramble FTS5's own index blocks (not the text it indexes), and change one row.
        conn.execute_batch(
            "UPDATE search_data SET block = zeroblob(length(block)) WHERE id > 1;
             UPDATE search_content SET c0 = 'tampered' WHERE id = (SELECT min(id) FROM search_content);",
        )
        .unwrap();
    }
    let run = env.run(["doctor", "--json"]);
    run.code(1).stderr_has("failed its integrity check");
    assert_eq!(run.json()["search_index"], "stale");

    let json = env.run(["doctor", "--fix", "--json"]).success().json();
    assert_eq!(json["integrity"], serde_json::json!([]));
    assert_eq!(json["search_index"], "rebuilt");
    assert_eq!(search_rows(&journal), original);
    assert_eq!(dump(&journal), before);
    assert_eq!(matches(&journal, "phone"), 1);
    assert_eq!(matches(&journal, "tampered"), 0);
}

#[test]
fn doctor_fix_removes_files_left_by_an_interrupted_creation_and_nothing_else() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    let folder = journal.parent().unwrap();
    // What a killed `init` or `import` leaves: its temporary journal, named after a process
    // that no longer runs. An exited child's pid serves.
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let gone = child.id();
    child.wait().unwrap();
    let leftover = folder.join(format!(".journal.db.new-{gone}"));
    let leftover_journal = folder.join(format!(".journal.db.new-{gone}-journal"));
    std::fs::write(&leftover, b"half a journal").unwrap();
    std::fs::write(&leftover_journal, b"its rollback journal").unwrap();
    let unrelated = folder.join("notes.txt");
    std::fs::write(&unrelated, b"mine").unwrap();
    let before = dump(&journal);

    let json = env.run(["doctor", "--json"]).success().json();
    assert_eq!(json["leftovers"].as_array().unwrap().len(), 2, "{json}");
    assert!(leftover.exists());

    env.run(["doctor", "--fix"])
        .success()
        .stdout_has("removed 2 temporary files left by an interrupted `init` or `import`");
    assert!(!leftover.exists() && !leftover_journal.exists());
    assert!(unrelated.exists());
    assert_eq!(dump(&journal), before);
}

/// A journal named without a folder (`--journal j.db`) is in the current folder, and doctor
/// says that folder's mode rather than a question mark.
#[test]
fn doctor_gives_the_folder_mode_of_a_journal_named_without_a_folder() {
    let env = TestEnv::new();
    env.run([
        "--journal",
        "j.db",
        "init",
        "--partner",
        "Sam",
        "--partner",
        "Alex",
    ])
    .success();
    chmod(env.root(), 0o700);
    let run = env.run(["--journal", "j.db", "doctor"]);
    run.success()
        .stdout_has("Privacy      file 0600, folder 0700: ok");
    assert!(!run.stdout.contains('?'), "{}", run.stdout);
    let json = env
        .run(["--journal", "j.db", "doctor", "--json"])
        .success()
        .json();
    assert_eq!(json["dir_mode"], "0700");
}
