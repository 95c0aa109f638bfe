//! Stopping a command that is writing a file (audit rows K1, K2): Ctrl-C (SIGINT), `kill`
//! (SIGTERM) and a closed terminal (SIGHUP) stop an export, report or backup and remove its
//! temporary file, leaving an earlier file of that name as it was; a process killed outright
//! (SIGKILL) leaves its temporary file listed beside the journal, where `doctor` reports it
//! and `doctor --fix` removes it.
//!
//! Each trial waits until the temporary file appears (the command is writing) and then
//! signals it. A small machine may finish first now and then; such a trial is run again, and
//! every trial checks the files either way.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::support::{TODAY, TestEnv, bytes};

/// A journal long enough that writing it out takes a noticeable moment.
fn long_journal(env: &TestEnv) -> PathBuf {
    let journal = env.root().join("long").join("journal.db");
    std::fs::create_dir_all(journal.parent().unwrap()).unwrap();
    std::fs::set_permissions(
        journal.parent().unwrap(),
        std::os::unix::fs::PermissionsExt::from_mode(0o700),
    )
    .unwrap();
    let until = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    rekindle::store::Store::create(&journal, |tx| {
        Ok(rekindle::store::sample::generate(tx, 2500, until, 7)?)
    })
    .unwrap();
    journal
}

/// The hidden temporary files in `dir` (`.NAME.new-…`, `.NAME.backup-…` and their SQLite
/// companions), and notes beside a journal.
fn hidden(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    names.sort();
    names
}

fn spawn(env: &TestEnv, journal: &Path, args: &[&str]) -> Child {
    let mut full = vec!["--journal", journal.to_str().unwrap()];
    full.extend_from_slice(args);
    env.command(&full)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits until a hidden file appears in `dir` while `child` runs; true if it did.
fn wait_for_temp(child: &mut Child, dir: &Path) -> bool {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        if hidden(dir)
            .iter()
            .any(|n| n.contains(".new-") || n.contains(".backup-"))
        {
            return true;
        }
        std::thread::sleep(Duration::from_micros(300));
    }
    panic!("the command neither wrote nor finished in a minute");
}

fn signal(child: &Child, name: &str) {
    let status = std::process::Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Runs `args` (which write `out`) and stops them with `name` while they write, until one
/// trial catches them in the middle. After every trial: no temporary file is left, and
/// `out` holds either what it held before or a whole new file.
fn stop_while_writing(env: &TestEnv, journal: &Path, args: &[&str], out: &Path, name: &str) {
    let dir = out.parent().unwrap();
    let old = b"an older file, kept until a new one is whole".to_vec();
    let mut caught = 0;
    for _ in 0..20 {
        std::fs::write(out, &old).unwrap();
        let mut child = spawn(env, journal, args);
        let writing = wait_for_temp(&mut child, dir);
        if writing {
            signal(&child, name);
        }
        let output = child.wait_with_output().unwrap();
        let code = output.status.code();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(hidden(dir).is_empty(), "{name}: left {:?}", hidden(dir));
        assert!(
            hidden(journal.parent().unwrap()).is_empty(),
            "{name}: left beside the journal {:?}",
            hidden(journal.parent().unwrap())
        );
        match code {
            Some(130) => {
                assert_eq!(bytes(out), old, "{name}: the older file was replaced");
                assert!(stderr.contains("stopped before it finished"), "{stderr}");
                caught += 1;
                break;
            }
            Some(0) => assert_ne!(bytes(out), old),
            other => panic!("{name}: exit {other:?}: {stderr}"),
        }
    }
    assert_eq!(
        caught, 1,
        "{name} never arrived while the file was being written"
    );
}

#[test]
fn ctrl_c_term_and_hangup_stop_an_export_and_leave_no_temporary_file() {
    let env = TestEnv::new();
    let journal = long_journal(&env);
    let out_dir = env.root().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let out = out_dir.join("e.json");
    let o = out.to_str().unwrap().to_string();
    for name in ["INT", "TERM", "HUP"] {
        stop_while_writing(&env, &journal, &["export", "--output", &o], &out, name);
    }
    let md = out_dir.join("e.md");
    let m = md.to_str().unwrap().to_string();
    stop_while_writing(
        &env,
        &journal,
        &["export", "--format", "markdown", "--output", &m],
        &md,
        "TERM",
    );
}

#[test]
fn a_stopped_backup_leaves_no_temporary_copy() {
    let env = TestEnv::new();
    let journal = long_journal(&env);
    let out_dir = env.root().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let out = out_dir.join("b.db");
    let o = out.to_str().unwrap().to_string();
    stop_while_writing(&env, &journal, &["backup", "--force", &o], &out, "TERM");
}

// K1: after kill -9 the temporary file stays, listed beside the journal; doctor says so and
// --fix removes it, and nothing else.
#[test]
fn after_a_kill_doctor_finds_the_temporary_file_and_fix_removes_it() {
    let env = TestEnv::new();
    let journal = long_journal(&env);
    let j = journal.to_str().unwrap();
    let out_dir = env.root().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    std::fs::write(out_dir.join("keep.txt"), "mine").unwrap();
    let out = out_dir.join("e.json");
    let o = out.to_str().unwrap();
    let mut killed = false;
    for _ in 0..20 {
        let mut child = spawn(&env, &journal, &["export", "--output", o]);
        if wait_for_temp(&mut child, &out_dir) {
            signal(&child, "KILL");
            let status = child.wait().unwrap();
            if status.code().is_none() {
                killed = true;
                break;
            }
        } else {
            child.wait().unwrap();
        }
        let _ = std::fs::remove_file(&out);
    }
    assert!(killed, "the export was never caught while writing");
    let left = hidden(&out_dir);
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(left[0].starts_with(".e.json.new-"), "{left:?}");
    let note = hidden(journal.parent().unwrap());
    assert_eq!(note.len(), 1, "{note:?}");
    assert!(note[0].starts_with(".journal.db.pending-"), "{note:?}");

    let run = env.run(["--journal", j, "doctor", "--json"]);
    run.success();
    let json = run.json();
    assert_eq!(json["leftovers"].as_array().unwrap().len(), 1, "{json}");
    assert!(
        json["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w.as_str().unwrap().contains("killed before it finished")),
        "{json}"
    );
    env.run(["--journal", j, "doctor", "--fix"])
        .success()
        .stdout_has("removed 1 temporary file left by an export, report, backup or editor");
    assert!(hidden(&out_dir).is_empty(), "{:?}", hidden(&out_dir));
    assert!(hidden(journal.parent().unwrap()).is_empty());
    assert_eq!(
        std::fs::read_to_string(out_dir.join("keep.txt")).unwrap(),
        "mine"
    );
    env.run(["--journal", j, "doctor", "--fix"])
        .success()
        .stdout_has("Nothing needed repair.");
}

// Audit row V4: a running rekindle has turned core dumps off for itself, so a crash or a
// SIGABRT writes no copy of its memory (entries and all) to disk.
#[test]
fn a_running_command_cannot_dump_core() {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let env = TestEnv::with_couple();
    // The child starts with this process's limit: raised as far as allowed, so that a zero
    // afterwards is rekindle's doing.
    let ours = getrlimit(Resource::Core);
    let hard = ours.maximum;
    assert_ne!(
        hard,
        Some(0),
        "core dumps are off for the tests themselves; nothing to check"
    );
    setrlimit(
        Resource::Core,
        Rlimit {
            current: Some(hard.unwrap_or(1 << 20).min(1 << 20)),
            maximum: hard,
        },
    )
    .unwrap();
    // `import -` waits for standard input: alive long enough to look at.
    let mut child = env
        .command(["import", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let limits = format!("/proc/{}/limits", child.id());
    let started = Instant::now();
    let core = loop {
        let text = std::fs::read_to_string(&limits).unwrap();
        let line = text
            .lines()
            .find(|l| l.starts_with("Max core file size"))
            .unwrap()
            .to_string();
        let soft = line.split_whitespace().nth(4).unwrap().to_string();
        // Until rekindle has started, the limit is the test's own.
        if soft == "0" || started.elapsed() > Duration::from_secs(30) {
            break soft;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    drop(child.stdin.take());
    child.wait().unwrap();
    setrlimit(Resource::Core, ours).unwrap();
    assert_eq!(core, "0", "{limits}");
}
