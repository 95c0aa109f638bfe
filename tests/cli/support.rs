//! The test environment: every test runs the real binary in its own temporary home, with the
//! ambient environment cleared, colours off and "today" pinned, so results never depend on
//! the machine or the calendar.

use std::ffi::OsStr;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Saturday 21 November 2026: the day every test lives in unless it says otherwise.
pub const TODAY: &str = "2026-11-21";

pub struct TestEnv {
    dir: tempfile::TempDir,
    vars: Vec<(String, String)>,
}

#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub fn success(&self) -> &Self {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn code(&self, expected: i32) -> &Self {
        assert_eq!(
            self.code, expected,
            "unexpected exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// A usage or validation refusal: exit 2 and exactly one line on stderr.
    #[track_caller]
    pub fn refused(&self) -> &Self {
        self.code(2);
        assert_eq!(
            self.stderr.trim_end().lines().count(),
            1,
            "one line expected:\n{}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(&self, needle: &str) -> &Self {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stdout_has(&self, needle: &str) -> &Self {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}:\n{}",
            self.stdout
        );
        self
    }

    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

impl TestEnv {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("home")).expect("home dir");
        TestEnv {
            dir,
            vars: vec![("REKINDLE_TODAY".into(), TODAY.into())],
        }
    }

    /// A fresh environment with Sam (repairing) and Alex (healing) already set up.
    pub fn with_couple() -> Self {
        let env = TestEnv::new();
        env.init_couple();
        env
    }

    /// Sam and Alex set up on `today`, which stays "today" until it is set again.
    pub fn with_couple_on(today: &str) -> Self {
        let mut env = TestEnv::new();
        env.set("REKINDLE_TODAY", today);
        env.init_couple();
        env
    }

    fn init_couple(&self) {
        self.run([
            "init",
            "--partner",
            "Sam",
            "--partner",
            "Alex",
            "--repairing",
            "Sam",
        ])
        .success();
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn home(&self) -> PathBuf {
        self.root().join("home")
    }

    /// Where the journal lands when nothing overrides it.
    pub fn default_journal(&self) -> PathBuf {
        self.home().join(".local/share/rekindle/journal.db")
    }

    /// Sets an environment variable for every later run.
    pub fn set(&mut self, key: &str, value: impl AsRef<OsStr>) -> &mut Self {
        self.vars.retain(|(k, _)| k != key);
        self.vars
            .push((key.into(), value.as_ref().to_string_lossy().into_owned()));
        self
    }

    pub fn command<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_rekindle"));
        cmd.args(args)
            .env_clear()
            .env("HOME", self.home())
            .env("NO_COLOR", "1")
            .env("COLUMNS", "80")
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .current_dir(self.root());
        for (k, v) in &self.vars {
            cmd.env(k, v);
        }
        cmd
    }

    pub fn run<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.run_with_stdin(args, "")
    }

    pub fn run_with_stdin<I, S>(&self, args: I, stdin: &str) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn rekindle");
        if let Some(mut input) = child.stdin.take() {
            // The program may exit before reading; a closed pipe here is fine.
            let _ = input.write_all(stdin.as_bytes());
        }
        let output = child.wait_with_output().expect("wait for rekindle");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// Every byte of a file, for "left untouched" checks.
pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// A logical dump of the journal (schema and every row), for "nothing changed" checks that
/// do not depend on page layout. The device-local `this_device` row (the journal's device id
/// and clock) is left out: two journals with the same records are the same journal here.
pub fn dump(path: &Path) -> String {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open journal read-only");
    let mut out = String::new();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'search%' AND name NOT LIKE 'sqlite_%' AND name != 'this_device' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for table in tables {
        out.push_str(&format!("## {table}\n"));
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY rowid"))
            .unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |row| {
                (0..columns)
                    .map(|i| {
                        row.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap();
        for row in rows {
            out.push_str(&row.unwrap().join("|"));
            out.push('\n');
        }
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    out.push_str(&format!("user_version {version}\n"));
    out
}

/// The permission bits of a path.
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o7777
}

/// Where two JSON values first differ, as a path and the two values there (or `None` when
/// they are equal), to make a failed comparison of large documents readable.
pub fn first_difference(a: &serde_json::Value, b: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            keys.into_iter().find_map(|k| match (x.get(k), y.get(k)) {
                (Some(p), Some(q)) => first_difference(p, q).map(|d| format!(".{k}{d}")),
                (p, q) => Some(format!(".{k}: {p:?} ≠ {q:?}")),
            })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| first_difference(p, q).map(|d| format!("[{i}]{d}"))),
        _ if a == b => None,
        _ => Some(format!(": {a} ≠ {b}")),
    }
}
