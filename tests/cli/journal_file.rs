//! Opening the journal: missing, foreign and newer files are refused and left untouched.

use std::path::Path;

use crate::support::{TestEnv, bytes};

fn side_files_absent(path: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        assert!(
            !Path::new(&side).exists(),
            "{} was created",
            Path::new(&side).display()
        );
    }
}

#[test]
fn a_read_command_on_a_missing_journal_says_to_run_init_and_creates_nothing() {
    let env = TestEnv::new();
    for command in [
        &["partners"][..],
        &["history"],
        &["doctor"],
        &["partners", "role", "Sam", "healing"],
    ] {
        env.run(command)
            .code(1)
            .stderr_has("there is no journal at")
            .stderr_has("start with `rekindle checkin` in a terminal")
            .stderr_has("or `rekindle init`");
    }
    assert!(!env.home().join(".local").exists());
}

#[test]
fn files_that_are_not_journals_are_refused_byte_for_byte_untouched() {
    let env = TestEnv::new();
    let random: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let other_app = env.root().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&other_app).unwrap();
        conn.execute_batch(
            "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');",
        )
        .unwrap();
    }
    let cases: Vec<(std::path::PathBuf, &str)> = vec![
        (env.root().join("random.db"), "not an SQLite database"),
        (env.root().join("notes.txt"), "not an SQLite database"),
        (env.root().join("empty.db"), "it is empty"),
        (other_app.clone(), "another program's SQLite database"),
    ];
    std::fs::write(&cases[0].0, &random).unwrap();
    std::fs::write(
        &cases[1].0,
        "dear diary, today we talked for an hour\n".repeat(40),
    )
    .unwrap();
    std::fs::write(&cases[2].0, b"").unwrap();
    for (path, reason) in &cases {
        let before = bytes(path);
        env.run(["--journal", path.to_str().unwrap(), "partners"])
            .code(1)
            .stderr_has("is not a rekindle journal")
            .stderr_has(reason)
            .stderr_has("left untouched");
        env.run(["--journal", path.to_str().unwrap(), "checkin-nothing"])
            .code(2);
        assert_eq!(bytes(path), before, "{} changed", path.display());
        side_files_absent(path);
    }
}

#[test]
fn a_journal_from_a_newer_rekindle_is_refused_untouched() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    {
        let conn = rusqlite::Connection::open(&journal).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        // Fold the WAL back in so the main file holds everything before we compare bytes.
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = bytes(&journal);
    for command in [
        &["partners"][..],
        &["history"],
        &["doctor"],
        &["partners", "rename", "Sam", "Sasha"],
    ] {
        env.run(command)
            .code(1)
            .stderr_has("newer version of rekindle")
            .stderr_has("schema 99")
            .stderr_has("left untouched");
    }
    assert_eq!(bytes(&journal), before);
}

// Audit row P14: a device or a named pipe as the journal is refused as what it is, before
// the privacy check could suggest changing its mode, and nothing is made beside it.
#[test]
fn devices_and_pipes_are_not_journals_and_are_never_chmod_advice() {
    let env = TestEnv::new();
    let fifo = env.root().join("fifo.db");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for path in ["/dev/null", "/dev/urandom", fifo.to_str().unwrap()] {
        for args in [&["history"][..], &["doctor", "--fix"]] {
            let mut full = vec!["--journal", path];
            full.extend_from_slice(args);
            let run = env.run(&full);
            let run = run
                .code(1)
                .stderr_has("is not a rekindle journal (it is not a regular file)");
            assert!(!run.stderr.contains("chmod"), "{}", run.stderr);
        }
    }
    assert!(!Path::new("/dev/null-wal").exists());
    assert_eq!(
        crate::support::mode(Path::new("/dev/null")) & 0o666,
        0o666,
        "/dev/null keeps its mode"
    );
    side_files_absent(&fifo);
}

#[test]
fn a_directory_is_not_a_journal() {
    let env = TestEnv::new();
    let dir = env.root().join("adir");
    std::fs::create_dir(&dir).unwrap();
    env.run(["--journal", dir.to_str().unwrap(), "partners"])
        .code(1)
        .stderr_has("it is a directory");
    env.run([
        "--journal",
        dir.to_str().unwrap(),
        "init",
        "--partner",
        "A",
        "--partner",
        "B",
    ])
    .refused()
    .stderr_has("is not a rekindle journal (it is a directory); it was left untouched");
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let env = TestEnv::with_couple();
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let output = env
        .command(["completions", "bash"])
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn completions_are_printed_for_known_shells_only() {
    let env = TestEnv::new();
    env.run(["completions", "bash"])
        .success()
        .stdout_has("rekindle");
    env.run(["completions", "fish"])
        .success()
        .stdout_has("complete -c rekindle");
    env.run(["completions", "tcsh"])
        .refused()
        .stderr_has("invalid value 'tcsh'")
        .stderr_has("possible values: bash");
}

#[test]
fn command_line_mistakes_are_one_line_with_exit_2() {
    let env = TestEnv::with_couple();
    env.run(["partners", "--bogus"])
        .refused()
        .stderr_has("unexpected argument '--bogus'");
    env.run(["nosuch"])
        .refused()
        .stderr_has("unrecognized subcommand 'nosuch'");
    env.run(["completions"]).refused().stderr_has("<SHELL>");
    // Help is not a mistake: stdout, exit 0.
    env.run(["partners", "--help"])
        .success()
        .stdout_has("Usage: rekindle partners");
}

/// The size and a digest of every byte of `path` and of its `-wal` and `-journal` files, and
/// whether its `-shm` is there (`None` for a file that is not), for "left untouched" checks
/// that cover what SQLite keeps beside a file. The `-shm` holds only an index of the log that
/// SQLite may rebuild in place at any time, so only its presence is compared.
fn with_companions(path: &Path) -> Vec<(String, Option<(usize, u64)>)> {
    use std::hash::{Hash as _, Hasher as _};
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            let seen = std::fs::read(&name).ok().map(|bytes| {
                if *suffix == "-shm" {
                    return (1, 0);
                }
                let mut digest = std::collections::hash_map::DefaultHasher::new();
                bytes.hash(&mut digest);
                (bytes.len(), digest.finish())
            });
            (suffix.to_string(), seen)
        })
        .collect()
}

/// A database with `rows` rows still waiting in its write-ahead log: the connection is
/// closed without folding the log in, as when the program writing it was killed.
fn pending_wal(path: &Path, setup: &str, rows: u32) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
        .unwrap();
    conn.execute_batch(setup).unwrap();
    conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    for i in 0..rows {
        conn.execute("INSERT INTO pending VALUES (?1)", [i])
            .unwrap();
    }
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
        true,
    )
    .unwrap();
    drop(conn);
}

// K16: another program's database with changes still in its write-ahead log.
#[test]
fn another_programs_database_with_a_pending_log_is_left_byte_for_byte() {
    let env = TestEnv::new();
    let foreign = env.root().join("foreign.db");
    pending_wal(&foreign, "CREATE TABLE pending (n INTEGER);", 50);
    let before = with_companions(&foreign);
    assert!(before[1].1.is_some_and(|(len, _)| len > 0));
    for args in [&["history"][..], &["doctor", "--fix"], &["backup", "b.db"]] {
        let mut full = vec!["--journal", foreign.to_str().unwrap()];
        full.extend_from_slice(args);
        env.run(&full)
            .code(1)
            .stderr_has("another program's SQLite database")
            .stderr_has("left untouched");
        assert_eq!(with_companions(&foreign), before, "{args:?}");
    }
}

// K17: a journal that a newer rekindle changed, with the newer schema still in the log.
#[test]
fn a_newer_journal_whose_header_waits_in_the_log_is_left_byte_for_byte() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    pending_wal(
        &journal,
        "CREATE TABLE pending (n INTEGER); PRAGMA user_version = 99;",
        10,
    );
    let before = with_companions(&journal);
    env.run(["history"])
        .code(1)
        .stderr_has("newer version of rekindle")
        .stderr_has("left untouched");
    env.run(["checkin", "--as", "Sam", "--trust", "5"]).code(1);
    assert_eq!(with_companions(&journal), before);
}

// K18: another program's database killed in the middle of a transaction (a hot rollback
// journal beside it), which SQLite would roll back on the first read.
#[test]
fn another_programs_database_with_a_hot_journal_is_not_rolled_back() {
    let env = TestEnv::new();
    let live = env.root().join("live.db");
    let conn = rusqlite::Connection::open(&live).unwrap();
    conn.execute_batch(
        "PRAGMA cache_size = 2; CREATE TABLE t (x BLOB); BEGIN; \
         INSERT INTO t SELECT randomblob(4000) FROM generate_series(1, 50);",
    )
    .unwrap_or_else(|_| {
        // generate_series may be missing: a recursive query instead.
        conn.execute_batch(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) \
             INSERT INTO t SELECT randomblob(4000) FROM n;",
        )
        .unwrap();
    });
    // The files as a crash would leave them: the transaction's pages spilled into the
    // database, the rollback journal beside it, and nobody holding a lock.
    let hot = env.root().join("hot.db");
    std::fs::copy(&live, &hot).unwrap();
    std::fs::copy(
        env.root().join("live.db-journal"),
        env.root().join("hot.db-journal"),
    )
    .unwrap();
    drop(conn);
    let before = with_companions(&hot);
    assert!(before[3].1.is_some(), "a hot journal is there");
    for args in [&["partners"][..], &["doctor"]] {
        let mut full = vec!["--journal", hot.to_str().unwrap()];
        full.extend_from_slice(args);
        env.run(&full)
            .code(1)
            .stderr_has("another program's SQLite database");
        assert_eq!(with_companions(&hot), before, "{args:?}");
    }
}

// P18: a file of the user's under the journal's rollback-journal name is neither written by
// rekindle nor deleted by SQLite.
#[test]
fn the_rollback_journal_name_is_never_written_and_a_file_there_is_kept() {
    let env = TestEnv::with_couple();
    let journal = env.default_journal();
    let rollback = format!("{}-journal", journal.display());
    env.run(["export", "--output", &rollback])
        .refused()
        .stderr_has("is part of your journal itself");
    env.run(["backup", &rollback])
        .refused()
        .stderr_has("is part of your journal itself");
    assert!(!Path::new(&rollback).exists());
    std::fs::write(&rollback, "my own notes, under an unlucky name").unwrap();
    for args in [
        &["history"][..],
        &["checkin", "--as", "Sam", "--trust", "5"],
    ] {
        env.run(args)
            .code(1)
            .stderr_has("under the name SQLite keeps for its own rollback file")
            .stderr_has("mv");
    }
    assert_eq!(
        std::fs::read_to_string(&rollback).unwrap(),
        "my own notes, under an unlucky name"
    );
}

// Regression: completion offered file names for --as, and nothing for a step or a kind.
#[test]
fn bash_completes_partner_names_step_ids_and_kinds() {
    let env = TestEnv::with_couple();
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_rekindle"));
    let script = r#"
        source <(rekindle completions bash)
        complete_at() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=();
                        _rekindle rekindle "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}";
                        printf '%s ' "${COMPREPLY[@]}"; echo; }
        complete_at rekindle checkin --as ""
        complete_at rekindle focus co
        complete_at rekindle history --kind ""
    "#;
    // The test environment's variables, for bash and the rekindle it starts.
    let cmd = env.command(["--version"]);
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .envs(
            cmd.get_envs()
                .filter_map(|(k, v)| Some((k.to_owned(), v?.to_owned()))),
        )
        .env("PATH", path)
        .current_dir(env.root())
        .output()
        .expect("run bash");
    let lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.trim().to_string())
        .collect();
    assert_eq!(lines[0], "Sam Alex", "{lines:?}");
    assert_eq!(lines[1], "communication consistency", "{lines:?}");
    assert_eq!(
        lines[2], "checkin feeling promise outcome apology response focus meeting exercise note",
        "{lines:?}"
    );
}
