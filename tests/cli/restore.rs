//! `rekindle restore FILE`: the documented way back from a backup (audit row K13). The old
//! advice, copying the backup over the journal with `cp`, let a `-wal` left by a killed
//! process be replayed onto the copy: the journal came back changed, or damaged.

use std::path::{Path, PathBuf};

use crate::support::{TestEnv, bytes, dump};

fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

fn count(path: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn integrity(path: &Path) -> String {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_stale_log_from_a_killed_process_cannot_undo_or_damage_a_restore() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "6",
        "--note",
        "before the backup",
    ])
    .success();
    let backup = env.root().join("backup.db");
    env.run(["backup", backup.to_str().unwrap()]).success();
    let backed_up = dump(&backup);

    // Writes after the backup, while another program holds an old snapshot open: the
    // journal's -wal keeps their frames, as it would if that program were then killed.
    let reader = rusqlite::Connection::open(&journal).unwrap();
    reader.execute_batch("BEGIN").unwrap();
    let _: i64 = reader
        .query_row("SELECT count(*) FROM partners", [], |r| r.get(0))
        .unwrap();
    for text in ["Call at lunch", "Walk after dinner", "Phone down at meals"] {
        env.run(["promise", "add", text, "--as", "Sam"]).success();
    }
    let stale = bytes(&companion(&journal, "-wal"));
    assert!(stale.len() > 4096, "the log holds the writes");
    drop(reader);
    env.run(["history"]).success();
    // The killed process's log, left beside the journal.
    std::fs::write(companion(&journal, "-wal"), &stale).unwrap();

    // What the old instructions did: the same log beside a copy of the backup is replayed
    // into it, and the promises made after the backup come back.
    let copied = env.root().join("copied").join("journal.db");
    std::fs::create_dir(copied.parent().unwrap()).unwrap();
    std::fs::copy(&backup, &copied).unwrap();
    std::fs::write(companion(&copied, "-wal"), &stale).unwrap();
    assert_eq!(count(&copied, "promises"), 3, "the hazard is really there");

    let run = env.run(["restore", backup.to_str().unwrap()]);
    run.success()
        .stdout_has("Restored your journal at")
        .stdout_has("checked and complete");
    assert_eq!(integrity(&journal), "ok");
    assert_eq!(
        dump(&journal),
        backed_up,
        "the journal is the backup exactly"
    );
    assert_eq!(
        bytes(&backup).len() as u64,
        std::fs::metadata(&backup).unwrap().len()
    );
    // The journal as it was, promises and all, is kept aside and can itself be restored.
    let aside = companion(&journal, ".before-restore-2026-11-21.db");
    assert!(
        run.stdout.contains(aside.to_str().unwrap()),
        "{}",
        run.stdout
    );
    assert_eq!(count(&aside, "promises"), 3);
    assert_eq!(integrity(&aside), "ok");
    assert_eq!(crate::support::mode(&aside), 0o600);
    env.run(["doctor"]).success();
    env.run(["restore", aside.to_str().unwrap()]).success();
    assert_eq!(count(&journal, "promises"), 3);
    assert!(companion(&journal, ".before-restore-2026-11-21-2.db").exists());
}

#[test]
fn restore_reads_the_backup_only_and_refuses_what_is_not_one() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    let backup = env.root().join("backup.db");
    env.run(["backup", backup.to_str().unwrap()]).success();
    let before = bytes(&backup);
    env.run(["feel", "--as", "Sam", "calm"]).success();
    let rows = dump(&journal);

    let notes = env.root().join("notes.txt");
    std::fs::write(&notes, "not a journal").unwrap();
    env.run(["restore", notes.to_str().unwrap()])
        .refused()
        .stderr_has("is not a rekindle journal or backup (it is not an SQLite database)");
    env.run(["restore", journal.to_str().unwrap()])
        .refused()
        .stderr_has("is your journal itself");
    let newer = env.root().join("newer.db");
    std::fs::copy(&backup, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    env.run(["restore", newer.to_str().unwrap()])
        .refused()
        .stderr_has("written by a newer version of rekindle");
    env.run(["restore", env.root().join("nowhere.db").to_str().unwrap()])
        .code(1)
        .stderr_has("nowhere.db: it does not exist; nothing was restored");
    assert_eq!(dump(&journal), rows);
    assert_eq!(bytes(&backup), before, "the backup is only read");
    // Nothing was kept aside or left behind (the -wal and -shm are the dump's).
    let left: Vec<String> = std::fs::read_dir(journal.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !["journal.db", "journal.db-wal", "journal.db-shm"].contains(&n.as_str()))
        .collect();
    assert!(left.is_empty(), "{left:?}");

    // Where there is no journal, the backup becomes it.
    let fresh = TestEnv::new();
    let run = fresh.run(["restore", backup.to_str().unwrap(), "--json"]);
    run.success();
    let json = run.json();
    assert_eq!(json["kept_aside"], serde_json::Value::Null);
    assert_eq!(json["counts"]["partners"], 2);
    assert_eq!(dump(&fresh.default_journal()), dump(&backup));
    assert_eq!(crate::support::mode(&fresh.default_journal()), 0o600);
}
