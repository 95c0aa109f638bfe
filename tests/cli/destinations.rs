//! Where `export --output`, `report --output` and `backup` write: a regular file is replaced
//! whole and private; a named pipe or device is written into as it is, never replaced.
//!
//! No test here writes to `/dev/null`: these tests may run as root, where a regression that
//! renamed over it would break the whole machine. A named pipe is the same kind of file for
//! rekindle, and `/dev/stdout` is checked through the pipe the test reads.

use std::fs;
use std::io::Read as _;
use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _, OpenOptionsExt as _};
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use crate::sample;
use crate::support::{TestEnv, bytes, dump, mode};

fn with_sample() -> TestEnv {
    let env = TestEnv::new();
    let file = env.root().join("sample.json");
    sample::write(&file, &sample::journal());
    env.run(["import", file.to_str().unwrap()]).success();
    env
}

/// A named pipe in the test's folder, with a thread reading everything written into it.
struct Fifo {
    path: PathBuf,
    reader: Option<JoinHandle<Vec<u8>>>,
}

impl Fifo {
    fn new(env: &TestEnv, name: &str) -> Fifo {
        let path = env.root().join(name);
        let status = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .expect("run mkfifo");
        assert!(status.success(), "mkfifo failed");
        let reading = path.clone();
        let reader = std::thread::spawn(move || {
            let mut all = Vec::new();
            fs::File::open(&reading)
                .and_then(|mut f| f.read_to_end(&mut all))
                .expect("read the fifo");
            all
        });
        Fifo {
            path,
            reader: Some(reader),
        }
    }

    fn arg(&self) -> &str {
        self.path.to_str().unwrap()
    }

    /// What was written into the pipe. If nothing ever opened it for writing, opening it
    /// here (without waiting) lets the reader see an empty stream instead of hanging.
    fn received(mut self) -> Vec<u8> {
        let reader = self.reader.take().unwrap();
        // Regression: a command refused at once left the reader thread still on its way to
        // `open`; the writer's open below then failed (no reader yet) and the join hung
        // forever. So it is tried until the reader has its end open and has finished.
        while !reader.is_finished() {
            let _ = fs::OpenOptions::new()
                .write(true)
                .custom_flags(0o4000) // O_NONBLOCK: fails at once while there is no reader
                .open(&self.path);
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        reader.join().unwrap()
    }
}

fn is_fifo(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

/// Files whose names start with a dot: the temporary files a write uses.
fn hidden(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

#[test]
fn export_writes_into_a_named_pipe_and_leaves_it_a_pipe() {
    let env = with_sample();
    let printed = env
        .run(["export", "--format", "csv"])
        .success()
        .stdout
        .clone();
    let fifo = Fifo::new(&env, "checkins.pipe");
    let path = fifo.path.clone();
    let run = env.run(["export", "--format", "csv", "--output", fifo.arg()]);
    let got = String::from_utf8(fifo.received()).unwrap();
    run.success().stdout_has("Wrote your journal as CSV to");
    assert!(
        !run.stdout.contains("cannot open the file"),
        "a pipe keeps its own permissions:\n{}",
        run.stdout
    );
    assert!(got.starts_with("date,partner,"), "{got}");
    assert_eq!(got, printed);
    assert!(is_fifo(&path), "the pipe was replaced");
    assert!(hidden(env.root()).is_empty(), "{:?}", hidden(env.root()));

    let fifo = Fifo::new(&env, "journal.pipe");
    env.run(["export", "--output", fifo.arg()]).success();
    let json: serde_json::Value = serde_json::from_slice(&fifo.received()).unwrap();
    assert_eq!(json["checkins"].as_array().unwrap().len(), 3);
    assert!(is_fifo(&env.root().join("journal.pipe")));
}

#[test]
fn report_writes_into_a_named_pipe_and_leaves_it_a_pipe() {
    let env = with_sample();
    let fifo = Fifo::new(&env, "report.pipe");
    let path = fifo.path.clone();
    let run = env.run(["report", "--output", fifo.arg()]);
    let got = String::from_utf8(fifo.received()).unwrap();
    run.success().stdout_has("Wrote your progress report to");
    assert!(got.starts_with("<!DOCTYPE html>"), "{got}");
    assert!(got.trim_end().ends_with("</html>"));
    assert!(is_fifo(&path));
    assert!(hidden(env.root()).is_empty(), "{:?}", hidden(env.root()));
}

#[test]
fn backup_into_a_named_pipe_is_refused_and_the_pipe_left_alone() {
    let env = with_sample();
    let journal = env.default_journal();
    let before = dump(&journal);
    for force in [false, true] {
        let fifo = Fifo::new(&env, if force { "b2.pipe" } else { "b1.pipe" });
        let path = fifo.path.clone();
        let mut args = vec!["backup", fifo.arg()];
        if force {
            args.push("--force");
        }
        let run = env.run(&args);
        let got = fifo.received();
        run.refused()
            .stderr_has(path.to_str().unwrap())
            .stderr_has("is a pipe or a device, not a file")
            .stderr_has("rekindle-backup.db");
        assert!(got.is_empty(), "nothing was written into the pipe");
        assert!(is_fifo(&path), "the pipe was replaced");
    }
    assert!(hidden(env.root()).is_empty(), "{:?}", hidden(env.root()));
    assert_eq!(dump(&journal), before);
}

#[test]
fn dash_and_dev_stdout_print_the_export() {
    let env = with_sample();
    let printed = env
        .run(["export", "--format", "csv"])
        .success()
        .stdout
        .clone();
    assert!(printed.starts_with("date,partner,"), "{printed}");
    for name in ["-", "/dev/stdout"] {
        let run = env.run(["export", "--format", "csv", "--output", name]);
        run.success();
        assert_eq!(run.stdout, printed, "{name}: only the CSV");
        assert!(!env.root().join("-").exists(), "no file named -");
    }
    let run = env.run(["report", "--output", "/dev/stdout"]);
    run.success();
    assert!(run.stdout.starts_with("<!DOCTYPE html>"));
    assert!(!run.stdout.contains("Wrote your progress report"));
}

#[test]
fn a_regular_file_is_still_replaced_whole_and_private() {
    let env = with_sample();
    let out = env.root().join("export.csv");
    fs::write(&out, "an older export").unwrap();
    fs::set_permissions(&out, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    let old_inode = fs::metadata(&out).unwrap().ino();
    env.run([
        "export",
        "--format",
        "csv",
        "--output",
        out.to_str().unwrap(),
    ])
    .success();
    let meta = fs::metadata(&out).unwrap();
    assert!(meta.file_type().is_file());
    assert_ne!(meta.ino(), old_inode, "a new file was moved into place");
    assert_eq!(mode(&out), 0o600);
    assert!(bytes(&out).starts_with(b"date,partner,"));
    assert!(hidden(env.root()).is_empty(), "{:?}", hidden(env.root()));
}

#[test]
fn a_symbolic_link_to_a_file_stays_a_link() {
    let env = with_sample();
    let real = env.root().join("real.json");
    fs::write(&real, "old").unwrap();
    let link = env.root().join("link.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    env.run(["export", "--output", link.to_str().unwrap()])
        .success();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let json: serde_json::Value = serde_json::from_slice(&bytes(&real)).unwrap();
    assert_eq!(json["format"], "rekindle-export");
    assert_eq!(mode(&real), 0o600);
}

// P16: a link another user planted in a shared folder is never written through, and a
// folder anyone can change (without the sticky bit) is refused for every file rekindle
// writes. These tests run as root, which makes a link "another user's" with lchown.
#[test]
fn a_link_someone_else_planted_is_refused_and_its_target_kept() {
    use std::os::unix::fs::PermissionsExt as _;
    assert!(
        rustix::process::geteuid().is_root(),
        "this test needs a link that belongs to another user, which only root can make (lchown); CI runs the tests as root"
    );
    let env = with_sample();
    let shared = env.root().join("shared");
    fs::create_dir(&shared).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o1777)).unwrap();
    let precious = env.root().join("bashrc_test");
    fs::write(&precious, "alias ll='ls -l'\n").unwrap();
    let planted = shared.join("rekindle-export.json");
    std::os::unix::fs::symlink(&precious, &planted).unwrap();
    std::os::unix::fs::lchown(&planted, Some(65534), Some(65534)).unwrap();
    let target = planted.to_str().unwrap();
    for args in [
        &["export", "--output", target][..],
        &["report", "--output", target],
        &["export", "--format", "csv", "--output", target],
        &["backup", "--force", target],
    ] {
        env.run(args)
            .refused()
            .stderr_has(&format!(
                "{target} is a symbolic link that belongs to the user"
            ))
            .stderr_has("will not write through it");
    }
    assert_eq!(fs::read_to_string(&precious).unwrap(), "alias ll='ls -l'\n");
    // A file of one's own in the sticky folder is fine.
    let own = shared.join("mine.json");
    env.run(["export", "--output", own.to_str().unwrap()])
        .success();
    assert_eq!(mode(&own), 0o600);

    // In a folder anyone can change that is not sticky, nothing is written at all.
    let open = env.root().join("open777");
    fs::create_dir(&open).unwrap();
    fs::set_permissions(&open, fs::Permissions::from_mode(0o777)).unwrap();
    let out = open.join("e.json");
    for args in [
        &["export", "--output", out.to_str().unwrap()][..],
        &["report", "--output", out.to_str().unwrap()],
        &["backup", out.to_str().unwrap()],
    ] {
        env.run(args)
            .refused()
            .stderr_has("can be changed by other users (mode 0777)");
    }
    assert_eq!(fs::read_dir(&open).unwrap().count(), 0);
    // Nor through a link of one's own into such a folder.
    let link = env.root().join("into-open.json");
    std::os::unix::fs::symlink(&out, &link).unwrap();
    fs::write(&out, "old").unwrap();
    env.run(["export", "--output", link.to_str().unwrap()])
        .refused()
        .stderr_has(&format!("the folder {}", open.display()));
    assert_eq!(fs::read_to_string(&out).unwrap(), "old");
}
