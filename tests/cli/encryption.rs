//! Encryption at rest (issue 16): `encrypt`, `decrypt`, key slots in `JOURNAL.keys`, the
//! recovery code, and what every other command does with an encrypted journal. Every test
//! that writes words into an encrypted journal searches the bytes of every file beside it.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use crate::support::{TestEnv, bytes, mode};
use crate::two_people::{ALEX_PASS, SAM_PASS, pass_file};

/// Words that must never be readable in an encrypted journal's files.
const SECRET_WORDS: [&str; 3] = ["marmalade", "lighthouse", "porcupine"];

/// Sam and Alex, both with a passphrase (the tests' cheap KDF), Alex's check-in with words
/// and Sam's feeling with a note, still plain. `REKINDLE_PASSPHRASE_FILE` is left unset.
fn couple_with_words() -> (TestEnv, PathBuf, PathBuf) {
    let mut env = TestEnv::with_couple();
    env.set("REKINDLE_TEST_KDF", "cheap");
    let sam = pass_file(&env, "sam", SAM_PASS);
    let alex = pass_file(&env, "alex", ALEX_PASS);
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    env.run(["partners", "passphrase", "Sam", "--as", "Sam"])
        .success();
    env.run([
        "feel",
        "--as",
        "Sam",
        "hopeful:3",
        "--note",
        "porcupine afternoon",
    ])
    .success();
    env.set("REKINDLE_PASSPHRASE_FILE", &alex);
    env.run(["partners", "passphrase", "Alex", "--as", "Alex"])
        .success();
    env.run([
        "checkin",
        "--as",
        "Alex",
        "--trust",
        "6",
        "--connection",
        "5",
        "--answer",
        "we walked to the lighthouse with marmalade sandwiches",
    ])
    .success();
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    (env, sam, alex)
}

/// Encrypts as Sam and returns the recovery code.
fn encrypt(env: &mut TestEnv, sam: &Path) -> String {
    env.set("REKINDLE_PASSPHRASE_FILE", sam);
    let done = env
        .run(["encrypt", "--as", "Sam", "--json"])
        .success()
        .json();
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    assert_eq!(done["slots"], serde_json::json!(["Sam", "Alex"]));
    done["recovery_code"].as_str().unwrap().to_string()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every file in `dir` (journal, -wal, -shm, .keys, backups), with its bytes.
fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                bytes(&e.path()),
            )
        })
        .filter(|(_, b)| !b.is_empty())
        .collect()
}

#[track_caller]
fn assert_unreadable(dir: &Path) {
    let found = files_in(dir);
    assert!(
        found.iter().any(|(n, _)| n.ends_with(".keys")),
        "{:?}",
        found.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for (name, bytes) in found {
        assert!(
            !contains(&bytes, b"SQLite format 3"),
            "{name} has an SQLite header"
        );
        for word in SECRET_WORDS {
            assert!(!contains(&bytes, word.as_bytes()), "{name} holds {word:?}");
        }
        for word in [
            "CREATE TABLE",
            "checkins",
            SAM_PASS,
            ALEX_PASS,
            "AGE-SECRET-KEY",
        ] {
            assert!(!contains(&bytes, word.as_bytes()), "{name} holds {word:?}");
        }
    }
}

fn export_without_stamp(env: &TestEnv) -> serde_json::Value {
    let mut doc: serde_json::Value =
        serde_json::from_str(&env.run(["export"]).success().stdout).unwrap();
    doc.as_object_mut().unwrap().remove("exported_at");
    doc
}

#[test]
fn an_encrypted_journal_keeps_no_readable_byte_and_either_passphrase_opens_it_and_says_who_acts() {
    let (mut env, sam, alex) = couple_with_words();
    encrypt(&mut env, &sam);
    let journal = env.default_journal();
    let folder = journal.parent().unwrap().to_path_buf();
    assert_unreadable(&folder);
    let keys = PathBuf::from(format!("{}.keys", journal.display()));
    assert_eq!(mode(&keys) & 0o777, 0o600);

    // Alex's passphrase opens it and makes Alex the one who acts: no --as needed.
    env.set("REKINDLE_PASSPHRASE_FILE", &alex);
    let saved = env
        .run([
            "checkin",
            "--trust",
            "7",
            "--connection",
            "6",
            "--date",
            "yesterday",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(saved["partner"], "Alex");
    let history = env.run(["history", "--json"]).success().stdout.clone();
    assert!(history.contains("marmalade sandwiches"), "{history}");
    // Sam's opens it too, as Sam (Alex's words of that day stay sealed for Sam).
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    let feeling = env
        .run(["feel", "anxious:2", "--note", "lighthouse keeper", "--json"])
        .success()
        .json();
    assert_eq!(feeling[0]["partner"], "Sam");
    env.run(["history"]).success().stdout_has("sealed");
    assert_unreadable(&folder);
}

#[test]
fn a_wrong_passphrase_or_none_is_one_line_exit_2_and_changes_nothing() {
    let (mut env, sam, _) = couple_with_words();
    encrypt(&mut env, &sam);
    let before = bytes(&env.default_journal());
    let wrong = pass_file(&env, "wrong", "lantern harbour meadow quietl");
    env.set("REKINDLE_PASSPHRASE_FILE", &wrong);
    env.run(["feel", "--as", "Sam", "calm"])
        .refused()
        .stderr_has("that passphrase does not open the journal");
    // A passphrase that is right for Alex, given as Sam, opens only Sam's slot: refused.
    let alex = pass_file(&env, "alex2", ALEX_PASS);
    env.set("REKINDLE_PASSPHRASE_FILE", &alex);
    env.run(["history", "--as", "Sam"])
        .refused()
        .stderr_has("does not open");
    env.set("REKINDLE_PASSPHRASE_FILE", "");
    env.run(["history"])
        .refused()
        .stderr_has("REKINDLE_PASSPHRASE_FILE");
    assert_eq!(bytes(&env.default_journal()), before);
}

#[test]
fn status_short_says_locked_without_asking_and_commands_without_a_journal_still_run() {
    let (mut env, sam, _) = couple_with_words();
    encrypt(&mut env, &sam);
    let run = env.run(["status", "--short"]);
    run.success();
    assert_eq!(run.stdout, "rekindle: locked\n");
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let json = env.run(["status", "--short", "--json"]).success().json();
    assert_eq!(json["locked"], true);
    env.run(["feelings"]).success();
    env.run(["apology", "check", "I am sorry I lied to you."])
        .success();
    env.run(["status"]).refused();
}

#[test]
fn encrypt_then_decrypt_gives_back_the_same_journal_and_removes_the_key_slots() {
    let (mut env, sam, _) = couple_with_words();
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    let before = export_without_stamp(&env);
    encrypt(&mut env, &sam);
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    assert_eq!(export_without_stamp(&env), before);
    env.run(["encrypt", "--as", "Sam"])
        .refused()
        .stderr_has("already encrypted");
    env.run(["decrypt"])
        .success()
        .stdout_has("plain file again");
    let journal = env.default_journal();
    assert!(bytes(&journal).starts_with(b"SQLite format 3\0"));
    assert!(!PathBuf::from(format!("{}.keys", journal.display())).exists());
    assert_eq!(export_without_stamp(&env), before);
    env.run(["decrypt"]).refused().stderr_has("not encrypted");
}

#[test]
fn encrypt_needs_a_partner_with_a_passphrase() {
    let env = TestEnv::with_couple();
    let before = bytes(&env.default_journal());
    env.run(["encrypt", "--as", "Sam"])
        .refused()
        .stderr_has("partners passphrase");
    env.run(["encrypt", "--new-recovery-code"])
        .refused()
        .stderr_has("not encrypted");
    assert_eq!(bytes(&env.default_journal()), before);
}

#[test]
fn the_recovery_code_opens_the_journal_only_to_set_a_new_passphrase_even_without_the_key_file() {
    let (mut env, sam, _) = couple_with_words();
    let code = encrypt(&mut env, &sam);
    let journal = env.default_journal();
    std::fs::remove_file(format!("{}.keys", journal.display())).unwrap();
    let code_file = pass_file(&env, "code", &code.to_lowercase());
    env.set("REKINDLE_PASSPHRASE_FILE", &code_file);
    env.run(["history"])
        .refused()
        .stderr_has("only to set a new passphrase");
    let mistyped = pass_file(&env, "typo", &code.replacen(&code[..1], "Z", 1));
    if code.starts_with('Z') {
        return;
    }
    env.set("REKINDLE_PASSPHRASE_FILE", &mistyped);
    env.run(["history"]).refused().stderr_has("mistyped");
    let fresh = pass_file(&env, "fresh", "violet anchor meadow seventeen");
    env.set("REKINDLE_PASSPHRASE_FILE", &code_file);
    env.set("REKINDLE_NEW_PASSPHRASE_FILE", &fresh);
    env.run(["partners", "passphrase", "Sam", "--yes"])
        .success()
        .stdout_has("set with the journal's recovery code");
    env.set("REKINDLE_NEW_PASSPHRASE_FILE", "");
    env.set("REKINDLE_PASSPHRASE_FILE", &fresh);
    env.run(["history"]).success().stdout_has("Sam");
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    env.run(["history", "--as", "Sam"]).refused();
    assert_unreadable(journal.parent().unwrap());
}

#[test]
fn a_new_recovery_code_replaces_the_old_one() {
    let (mut env, sam, alex) = couple_with_words();
    let old = encrypt(&mut env, &sam);
    env.set("REKINDLE_PASSPHRASE_FILE", &alex);
    let new = env
        .run(["encrypt", "--new-recovery-code", "--json"])
        .success()
        .json()["recovery_code"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(new, old);
    env.run(["history"]).success();
    for (code, works) in [(old, false), (new, true)] {
        let file = pass_file(&env, "code", &code);
        env.set("REKINDLE_PASSPHRASE_FILE", &file);
        let run = env.run(["history"]);
        run.code(2);
        let opened = run.stderr.contains("only to set a new passphrase");
        assert_eq!(opened, works, "{}", run.stderr);
    }
}

#[test]
fn a_backup_of_an_encrypted_journal_is_encrypted_carries_its_key_slots_and_opens_alone() {
    let (mut env, sam, alex) = couple_with_words();
    encrypt(&mut env, &sam);
    let out = env.root().join("backups");
    std::fs::create_dir(&out).unwrap();
    let copy = out.join("copy.db");
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    let done = env
        .run(["backup", copy.to_str().unwrap(), "--json"])
        .success()
        .json();
    assert_eq!(done["keys"], format!("{}.keys", copy.display()));
    assert_unreadable(&out);
    env.set("REKINDLE_PASSPHRASE_FILE", &alex);
    let history = env
        .run(["--journal", copy.to_str().unwrap(), "history"])
        .success()
        .stdout
        .clone();
    assert!(history.contains("marmalade"), "{history}");
    env.run(["--journal", copy.to_str().unwrap(), "doctor"])
        .success()
        .stdout_has("Encryption   ok");
}

#[test]
fn restore_puts_an_encrypted_backup_back_with_its_key_slots_and_keeps_the_journal_aside_encrypted()
{
    let (mut env, sam, alex) = couple_with_words();
    encrypt(&mut env, &sam);
    let journal = env.default_journal();
    let folder = journal.parent().unwrap().to_path_buf();
    let out = env.root().join("backups");
    std::fs::create_dir(&out).unwrap();
    let copy = out.join("copy.db");
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    env.run(["backup", copy.to_str().unwrap()]).success();
    // Written after the backup: gone from the restored journal, kept in the one set aside.
    env.run(["feel", "anxious:2", "--note", "porcupine quills"])
        .success();
    let done = env
        .run(["restore", copy.to_str().unwrap(), "--json"])
        .success()
        .json();
    let aside = PathBuf::from(done["kept_aside"].as_str().unwrap());
    assert!(
        PathBuf::from(format!("{}.keys", aside.display())).is_file(),
        "{done}"
    );
    assert_unreadable(&folder);
    env.set("REKINDLE_PASSPHRASE_FILE", &alex);
    let history = env.run(["history", "--json"]).success().stdout.clone();
    assert!(!history.contains("porcupine quills"), "{history}");
    let doctor = env.run(["doctor", "--json"]).success().json();
    assert_eq!(doctor["keys"]["state"], "ok", "{doctor}");
    assert_eq!(doctor["keys"]["in_step"], true, "{doctor}");
    let before = env
        .run(["--journal", aside.to_str().unwrap(), "history", "--json"])
        .success()
        .stdout
        .clone();
    assert!(before.contains("porcupine quills"), "{before}");

    // A plain backup over the encrypted journal: refused, and the journal left as it was.
    let plain = env.root().join("plain.db");
    TestEnv::with_couple()
        .run(["backup", plain.to_str().unwrap()])
        .success();
    let before = bytes(&journal);
    env.run(["restore", plain.to_str().unwrap()])
        .code(2)
        .stderr_has("is a backup that is not encrypted, and your journal is");
    assert_eq!(bytes(&journal), before);
}

#[test]
fn an_export_of_an_encrypted_journal_warns_unless_encrypted_and_import_reads_the_encrypted_one() {
    let (mut env, sam, _) = couple_with_words();
    encrypt(&mut env, &sam);
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    let plain = env.root().join("plain.json");
    env.run(["export", "--output", plain.to_str().unwrap()])
        .success()
        .stderr_has("this export is plain text");
    let sealed = env.root().join("sealed.age");
    let export_pass = pass_file(&env, "export", "paper boats on a winter pond");
    env.set("REKINDLE_EXPORT_PASSPHRASE_FILE", &export_pass);
    let run = env.run(["export", "--encrypt", "--output", sealed.to_str().unwrap()]);
    run.success();
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let file = bytes(&sealed);
    assert!(file.starts_with(b"age-encryption.org/v1\n"));
    for word in SECRET_WORDS {
        assert!(!contains(&file, word.as_bytes()));
    }
    let other = env.root().join("other.db");
    env.run([
        "--journal",
        other.to_str().unwrap(),
        "import",
        sealed.to_str().unwrap(),
    ])
    .success()
    .stdout_has("Created your journal");
    let wrong = pass_file(&env, "export-wrong", "paper boats on a summer pond");
    env.set("REKINDLE_EXPORT_PASSPHRASE_FILE", &wrong);
    let third = env.root().join("third.db");
    env.run([
        "--journal",
        third.to_str().unwrap(),
        "import",
        sealed.to_str().unwrap(),
    ])
    .refused()
    .stderr_has("that passphrase does not open");
    assert!(!third.exists());
    env.set("REKINDLE_EXPORT_PASSPHRASE_FILE", "");
    let history = env
        .run([
            "--journal",
            other.to_str().unwrap(),
            "history",
            "--as",
            "Alex",
        ])
        .success()
        .stdout
        .clone();
    assert!(history.contains("marmalade"), "{history}");
}

#[test]
fn doctor_checks_the_key_slots_and_fix_writes_them_again() {
    let (mut env, sam, _) = couple_with_words();
    encrypt(&mut env, &sam);
    let keys = PathBuf::from(format!("{}.keys", env.default_journal().display()));
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    let report = env.run(["doctor", "--json"]).success().json();
    assert_eq!(report["encrypted"], true);
    assert_eq!(report["keys"]["state"], "ok");
    assert_eq!(report["keys"]["in_step"], true);
    // Unlocking needs the slots: with them gone, doctor (opened by... nothing) cannot run;
    // with them damaged the code is needed. So damage the mode only, and a stale slot.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&keys, std::fs::Permissions::from_mode(0o644)).unwrap();
    let report = env.run(["doctor", "--json"]).success().json();
    let warnings = report["warnings"].to_string();
    assert!(warnings.contains("other accounts"), "{warnings}");
    env.run(["doctor", "--fix"]).success();
    assert_eq!(mode(&keys) & 0o777, 0o600);
    env.run(["decrypt"]).success();
    // A .keys file beside a plain journal is named, and --fix removes it.
    std::fs::write(&keys, "{}").unwrap();
    let report = env.run(["doctor", "--json"]).success().json();
    assert!(report["warnings"].to_string().contains("not encrypted"));
    env.run(["doctor", "--fix"]).success();
    assert!(!keys.exists());
}

#[test]
fn an_encrypt_killed_at_any_moment_leaves_the_journal_whole_plain_or_encrypted() {
    let (mut env, sam, _) = couple_with_words();
    env.set("REKINDLE_PASSPHRASE_FILE", &sam);
    let before = export_without_stamp(&env);
    let journal = env.default_journal();
    for step in 0..8u64 {
        let mut child = env
            .command(["encrypt", "--as", "Sam"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(3 + step * 6));
        let _ = child.kill();
        let _ = child.wait();
        // Whatever the moment, the journal opens (plain, or encrypted with its slots) and
        // holds everything it held.
        assert_eq!(export_without_stamp(&env), before, "killed at step {step}");
        if bytes(&journal).starts_with(b"SQLite format 3\0") {
            continue;
        }
        env.run(["decrypt"]).success();
    }
}
