//! Who owns the journal: its files and its folder must be yours and unwritable by others
//! before any command reads or writes it (audit rows P1, P2, P5, P6, P8). A file that others
//! can only read is used, with a warning on every command until `doctor --fix`.
//!
//! "Yours" means the effective user the command runs as. These tests run as root in CI and
//! here; root owns every file it creates, so a file "owned by someone else" is made by giving
//! it to the `nobody` account (uid 65534) with chown, which only root may do. Run as anyone
//! else, those tests fail and say why instead of passing without checking anything.

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use crate::support::{TestEnv, bytes, dump, mode};

/// The `nobody` account's user id on Linux.
const NOBODY: u32 = 65534;

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Gives `path` to the `nobody` account, as another user's file.
#[track_caller]
fn give_away(path: &Path) {
    assert!(
        rustix::process::geteuid().is_root(),
        "this test needs a file that belongs to another user, which only root can make (chown); CI runs the tests as root"
    );
    std::os::unix::fs::chown(path, Some(NOBODY), Some(NOBODY)).unwrap();
}

fn companion(journal: &Path, suffix: &str) -> PathBuf {
    let mut name = journal.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// Another user's empty `-wal` and `-shm` beside the journal, open to everyone, as an
/// attacker who can write the folder would plant them.
fn planted(journal: &Path) -> (PathBuf, PathBuf) {
    let (wal, shm) = (companion(journal, "-wal"), companion(journal, "-shm"));
    for file in [&wal, &shm] {
        std::fs::write(file, b"").unwrap();
        chmod(file, 0o666);
        give_away(file);
    }
    (wal, shm)
}

// P1, P2: companion files that belong to someone else are never written or read through.
#[test]
fn companion_files_of_another_user_keep_every_command_out_and_doctor_says_why() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    // Bytes, not a dump: opening the journal with SQLite here would take over the planted
    // files (as root, SQLite gives a database's companions to the database's owner).
    let before = bytes(&journal);
    let (wal, shm) = planted(&journal);
    let run = env.run([
        "checkin",
        "--as",
        "Sam",
        "--trust",
        "6",
        "--note",
        "TOPSECRET-affair-details",
    ]);
    run.code(1)
        .stderr_has(&format!("{} belongs to the user", wal.display()))
        .stderr_has("not to you (mode 0666)")
        .stderr_has("rekindle will not open the journal");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    // Nothing went into the planted log, and nothing was read from it either: a forged
    // frame there could not reach `history`.
    assert_eq!(bytes(&wal), b"");
    assert_eq!(bytes(&shm), b"");
    env.run(["history"])
        .code(1)
        .stderr_has("belongs to the user");
    assert_eq!(bytes(&journal), before);

    // doctor still looks, says what keeps the others out, and exits 1; --fix cannot give
    // another user's file back and says so.
    let run = env.run(["doctor", "--json"]);
    run.code(1).stderr_has("belongs to the user");
    let json = run.json();
    assert_eq!(json["not_private"].as_array().unwrap().len(), 2, "{json}");
    assert_eq!(json["counts"]["partners"], 2, "{json}");
    let run = env.run(["doctor", "--fix", "--json"]);
    run.code(1);
    let json = run.json();
    let left: Vec<&str> = json["not_fixed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        left.iter()
            .any(|l| l.contains("-wal (mode 0666) as it is: it belongs to the user")),
        "{left:?}"
    );
    assert_eq!(mode(&wal), 0o666, "another user's file is not changed");

    // Once the files are gone (their owner, or an administrator, removed them), all is well.
    std::fs::remove_file(&wal).unwrap();
    std::fs::remove_file(&shm).unwrap();
    env.run(["checkin", "--as", "Sam", "--trust", "6"])
        .success();
}

// P5: a journal someone else made (or owns) is not yours to write into.
#[test]
fn a_journal_that_belongs_to_another_user_is_refused_before_anything_is_imported() {
    let env = TestEnv::with_couple();
    let export = env.root().join("e.json");
    env.run(["export", "--output", export.to_str().unwrap()])
        .success();
    let other = TestEnv::with_couple();
    let journal = other.default_journal();
    chmod(&journal, 0o666);
    give_away(&journal);
    let before = bytes(&journal);
    let run = other.run(["import", export.to_str().unwrap()]);
    run.code(1)
        .stderr_has(&format!("{} belongs to the user", journal.display()))
        .stderr_has("(mode 0666)");
    assert_eq!(bytes(&journal), before);
    assert!(!companion(&journal, "-wal").exists());
}

// P6: a folder others can write is refused at `init`, and refused later if it becomes one.
#[test]
fn a_folder_others_can_write_is_refused_at_init_and_after() {
    let env = TestEnv::new();
    let open = env.root().join("open777");
    std::fs::create_dir(&open).unwrap();
    chmod(&open, 0o777);
    let journal = open.join("j.db");
    let j = journal.to_str().unwrap();
    let init = [
        "--journal",
        j,
        "init",
        "--partner",
        "Sam",
        "--partner",
        "Alex",
    ];
    env.run(init)
        .code(1)
        .stderr_has(&format!(
            "the folder {} holding your journal can be changed by other users (mode 0777)",
            open.display()
        ))
        .stderr_has(&format!("chmod 700 '{}'", open.display()));
    assert_eq!(std::fs::read_dir(&open).unwrap().count(), 0, "nothing made");

    chmod(&open, 0o700);
    env.run(init).success();
    chmod(&open, 0o777);
    let before = dump(&journal);
    env.run(["--journal", j, "checkin", "--as", "Sam", "--trust", "5"])
        .code(1)
        .stderr_has("can be changed by other users (mode 0777)");
    assert_eq!(dump(&journal), before);
    // The folder holds nothing but the journal, so it is rekindle's to make private again.
    env.run(["--journal", j, "doctor", "--fix"])
        .success()
        .stdout_has("made the folder");
    assert_eq!(mode(&open), 0o700);
    env.run(["--journal", j, "checkin", "--as", "Sam", "--trust", "5"])
        .success();

    // A folder that belongs to someone else is refused too.
    let theirs = env.root().join("theirs");
    std::fs::create_dir(&theirs).unwrap();
    chmod(&theirs, 0o755);
    give_away(&theirs);
    let journal = theirs.join("j.db");
    env.run([
        "--journal",
        journal.to_str().unwrap(),
        "init",
        "--partner",
        "Sam",
        "--partner",
        "Alex",
    ])
    .code(1)
    .stderr_has(&format!(
        "the folder {} holding your journal belongs to the user",
        theirs.display()
    ));
}

// A journal of yours that others can change (its mode, not its owner) is refused until
// `doctor --fix` makes it private.
#[test]
fn a_journal_others_can_write_is_refused_until_doctor_fixes_it() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    chmod(&journal, 0o666);
    let before = dump(&journal);
    env.run(["feel", "--as", "Sam", "calm"])
        .code(1)
        .stderr_has("can be changed by other users (mode 0666)")
        .stderr_has("rekindle doctor --fix");
    assert_eq!(dump(&journal), before);
    env.run(["doctor", "--fix"]).success();
    assert_eq!(mode(&journal), 0o600);
    env.run(["feel", "--as", "Sam", "calm"]).success();
}

// Readable by others: used, with one warning line on every command until doctor mends it.
#[test]
fn a_journal_others_can_read_warns_on_every_command_until_doctor_fixes_it() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    chmod(&journal, 0o644);
    let warning = format!(
        "rekindle: warning: {} can be read by other users (mode 0644); `rekindle doctor --fix` makes it private",
        journal.display()
    );
    for args in [
        &["partners"][..],
        &["history", "--json"],
        &["feel", "--as", "Sam", "calm"],
    ] {
        let run = env.run(args);
        run.success();
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert!(run.stderr.starts_with(&warning), "{}", run.stderr);
    }
    // With --json the warning stays on stderr: stdout is JSON alone.
    env.run(["partners", "--json"]).success().json();
    env.run(["doctor", "--fix"]).success();
    let run = env.run(["partners"]);
    run.success();
    assert_eq!(run.stderr, "");
}

// P3, P4: a companion that is a symbolic link is never followed.
#[test]
fn a_companion_that_is_a_symbolic_link_is_refused_and_its_target_untouched() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    let target = env.root().join("important.txt");
    std::fs::write(&target, "precious").unwrap();
    chmod(&target, 0o644);
    let wal = companion(&journal, "-wal");
    std::os::unix::fs::symlink(&target, &wal).unwrap();
    env.run(["checkin", "--as", "Sam", "--trust", "5"])
        .code(1)
        .stderr_has(&format!("{} is a symbolic link", wal.display()))
        .stderr_has("rm '");
    env.run(["doctor", "--fix"]).code(1);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "precious");
    assert_eq!(mode(&target), 0o644);
}

// P8: a `-shm` left read-only by a run while the journal itself was read-only no longer
// blocks every later write once the journal is writable again.
#[test]
fn a_companion_left_read_only_gets_the_journals_mode_back() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    let shm = companion(&journal, "-shm");
    let wal = companion(&journal, "-wal");
    std::fs::write(&shm, b"").unwrap();
    std::fs::write(&wal, b"").unwrap();
    chmod(&shm, 0o400);
    chmod(&wal, 0o400);
    env.run(["checkin", "--as", "Sam", "--trust", "5"])
        .success();
    for side in [&shm, &wal] {
        if side.exists() {
            assert_eq!(mode(side), 0o600, "{}", side.display());
        }
    }
    env.run(["feel", "--as", "Alex", "calm"]).success();
}
