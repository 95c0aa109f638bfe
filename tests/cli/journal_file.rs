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
        &["doctor"],
        &["partners", "role", "Sam", "healing"],
    ] {
        env.run(command)
            .code(1)
            .stderr_has("there is no journal at")
            .stderr_has("run `rekindle init`");
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
        lines[2], "checkin feeling promise outcome apology response focus meeting exercise",
        "{lines:?}"
    );
}
