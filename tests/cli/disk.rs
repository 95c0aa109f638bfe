//! The disk and other programs: a full disk, a read-only one, and a lock another program
//! holds are each said in words (audit rows P9, P10, K15), never as "database is locked" or
//! an SQLite error code, and the journal stays as it was.
//!
//! A full or read-only disk is a small tmpfs this test mounts, which needs root (CI runs the
//! tests as root); without it the test fails and says why rather than checking nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{TestEnv, dump};

/// A tmpfs mounted for one test, unmounted when dropped.
struct Mount(PathBuf);

impl Mount {
    #[track_caller]
    fn tmpfs(at: &Path, size: &str) -> Mount {
        std::fs::create_dir_all(at).unwrap();
        let status = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(at)
            .status();
        assert!(
            status.is_ok_and(|s| s.success()),
            "this test mounts a small tmpfs to fill it, which needs root (CI runs the tests as root)"
        );
        Mount(at.to_path_buf())
    }

    fn remount(&self, how: &str) {
        let status = Command::new("mount")
            .args(["-o", &format!("remount,{how}")])
            .arg(&self.0)
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

fn no_sqlite_words(stderr: &str) {
    for raw in [
        "database is locked",
        "Error code",
        "disk I/O error",
        "readonly database",
    ] {
        assert!(!stderr.contains(raw), "{raw:?} reached the user:\n{stderr}");
    }
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

fn integrity_ok(journal: &Path) {
    let conn = rusqlite::Connection::open(journal).unwrap();
    let result: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(result, "ok");
}

// P10: a full disk refuses the write, says so, and the journal is whole once space is freed.
#[test]
fn a_full_disk_says_so_and_nothing_is_written() {
    let env = TestEnv::new();
    let disk = Mount::tmpfs(&env.root().join("small"), "1m");
    let journal = disk.0.join("j.db");
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
    let before = dump(&journal);
    // Fill what is left.
    let filler = disk.0.join("filler");
    let mut file = std::fs::File::create(&filler).unwrap();
    let block = vec![0u8; 64 * 1024];
    while std::io::Write::write_all(&mut file, &block).is_ok() {}
    drop(file);
    let long_note = "a long evening of talking ".repeat(4000);
    for args in [
        vec![
            "checkin", "--as", "Sam", "--trust", "6", "--note", &long_note,
        ],
        vec!["feel", "--as", "Alex", "calm"],
    ] {
        let mut full = vec!["--journal", j];
        full.extend(args);
        let run = env.run(&full);
        run.code(1)
            .stderr_has("the disk that holds the journal")
            .stderr_has("is full, so nothing was written");
        no_sqlite_words(&run.stderr);
    }
    std::fs::remove_file(&filler).unwrap();
    assert_eq!(dump(&journal), before);
    env.run(["--journal", j, "feel", "--as", "Alex", "calm"])
        .success();
    integrity_ok(&journal);
}

// P9: a journal on a read-only disk says so, for reads and writes alike.
#[test]
fn a_read_only_disk_says_so() {
    let env = TestEnv::new();
    let disk = Mount::tmpfs(&env.root().join("ro"), "4m");
    let journal = disk.0.join("j.db");
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
    let before = dump(&journal);
    // The dump's read-only connection leaves an empty -wal and -shm behind; without them
    // SQLite cannot even read a journal in WAL mode on a read-only disk.
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{j}{suffix}"));
    }
    disk.remount("ro");
    for args in [
        &["checkin", "--as", "Sam", "--trust", "6"][..],
        &["history"],
    ] {
        let mut full = vec!["--journal", j];
        full.extend_from_slice(args);
        let run = env.run(&full);
        run.code(1)
            .stderr_has("cannot be changed here: the disk or file system that holds")
            .stderr_has("is mounted read-only, so nothing was saved");
        no_sqlite_words(&run.stderr);
    }
    disk.remount("rw");
    assert_eq!(dump(&journal), before);
}

// K15: another program holding the journal in exclusive mode. rekindle waits as long as it
// would for another rekindle command (30 seconds), then says who holds it.
#[test]
fn a_lock_another_program_holds_is_named_after_the_wait() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    let before = dump(&journal);
    let holder = rusqlite::Connection::open(&journal).unwrap();
    holder
        .execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;")
        .unwrap();
    let run = env.run(["history"]);
    run.code(1)
        .stderr_has("is locked by another program")
        .stderr_has("nothing was read or saved");
    no_sqlite_words(&run.stderr);
    drop(holder);
    assert_eq!(dump(&journal), before);
    env.run(["history"]).success();
}
