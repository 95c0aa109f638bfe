//! The git transport: when the sync folder is inside a git work tree with a remote, `sync`
//! commits this device's own files and pulls and pushes with the user's own `git`. rekindle
//! itself opens no network connection; git may, so every git command runs with prompts off,
//! without hooks or commit signing, without the environment of an enclosing git command, in
//! its own process group, and is stopped after a time limit.

use std::fs::File;
use std::io::Read as _;
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Each git command's time limit.
const LIMIT: Duration = Duration::from_secs(30);

/// What one git command said.
struct Said {
    ok: bool,
    stdout: String,
    stderr: String,
}

/// A git work tree holding the sync folder.
pub struct Repo {
    dir: PathBuf,
}

fn git(dir: &Path, args: &[&str]) -> Result<Said, String> {
    let mut out = tempfile::tempfile().map_err(|e| e.to_string())?;
    let mut err = tempfile::tempfile().map_err(|e| e.to_string())?;
    let mut cmd = Command::new("git");
    cmd.arg("-C")
        .arg(dir)
        .args([
            "-c",
            "core.hooksPath=/dev/null",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "core.fsmonitor=false",
            "-c",
            "gc.auto=0",
        ])
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("LC_ALL", "C")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .env_remove("GIT_PREFIX")
        .stdin(Stdio::null())
        .stdout(out.try_clone().map_err(|e| e.to_string())?)
        .stderr(err.try_clone().map_err(|e| e.to_string())?)
        .process_group(0);
    if std::env::var_os("GIT_SSH_COMMAND").is_none() {
        cmd.env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run git ({e}); is it installed?"))?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) => break status,
            None if started.elapsed() > LIMIT => {
                stop(child.id());
                let _ = child.wait();
                return Err(format!(
                    "git {} did not finish in {} seconds (is the network there?); your changes are saved in the folder and go at the next sync",
                    args.first().copied().unwrap_or(""),
                    LIMIT.as_secs()
                ));
            }
            None => std::thread::sleep(Duration::from_millis(10)),
        }
    };
    let read = |f: &mut File| {
        use std::io::Seek as _;
        let mut text = String::new();
        let _ = f.rewind();
        let _ = f.read_to_string(&mut text);
        text
    };
    Ok(Said {
        ok: status.success(),
        stdout: read(&mut out),
        stderr: read(&mut err),
    })
}

/// Stops a git command and everything it started (ssh), gently first.
fn stop(pid: u32) {
    let Ok(group) = i32::try_from(pid) else {
        return;
    };
    // SAFETY: kill(2) with a negative pid signals the process group git leads; it touches no
    // memory of ours.
    unsafe {
        libc::kill(-group, libc::SIGTERM);
    }
    std::thread::sleep(Duration::from_secs(2));
    // SAFETY: as above.
    unsafe {
        libc::kill(-group, libc::SIGKILL);
    }
}

/// The line of git's output that says what went wrong: its first `fatal:` or `error:` line,
/// else its last line.
fn last_line(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines
        .iter()
        .find(|l| l.starts_with("fatal:") || l.starts_with("error:"))
        .or(lines.last())
        .copied()
        .unwrap_or("")
        .to_string()
}

/// Why a pull failed, with a word of advice when the user's own work is in the way.
fn pull_failed(stderr: &str) -> String {
    let advice = if stderr.contains("uncommitted changes") || stderr.contains("unstaged changes") {
        " (other changes in that repository are in the way; a repository used only for syncing rekindle avoids this)"
    } else {
        ""
    };
    format!(
        "git pull failed: {}{advice}; your changes are committed and go at the next sync",
        last_line(stderr)
    )
}

/// The git work tree holding `dir`, when it has a remote.
pub fn detect(dir: &Path) -> Option<Repo> {
    let inside = git(dir, &["rev-parse", "--is-inside-work-tree"]).ok()?;
    if !inside.ok || inside.stdout.trim() != "true" {
        return None;
    }
    let remotes = git(dir, &["remote"]).ok()?;
    if !remotes.ok || remotes.stdout.trim().is_empty() {
        return None;
    }
    Some(Repo {
        dir: dir.to_path_buf(),
    })
}

impl Repo {
    /// Commits this device's own files (and the folder's marker), then pulls with rebase and
    /// pushes. Returns whether the pull brought anything.
    pub fn publish(&self, own: &Path, message: &str) -> Result<bool, String> {
        let ident = git(&self.dir, &["var", "GIT_COMMITTER_IDENT"])?;
        if !ident.ok {
            return Err(format!(
                "git does not know who you are in {}; run `git config user.name \"Your Name\"` and `git config user.email you@example.org` there. Your changes are saved in the folder and go at the next sync",
                self.dir.display()
            ));
        }
        let marker = self.dir.join(crate::domain::sync::MARKER_FILE);
        let own_text = own.to_string_lossy().into_owned();
        let marker_text = marker.to_string_lossy().into_owned();
        let mut paths: Vec<&str> = vec![marker_text.as_str()];
        if own.exists() {
            paths.push(own_text.as_str());
        }
        let mut add = vec!["add", "-A", "--"];
        add.extend(&paths);
        let added = git(&self.dir, &add)?;
        if !added.ok {
            return Err(format!("git add failed: {}", last_line(&added.stderr)));
        }
        let mut staged = vec!["diff", "--cached", "--quiet", "--"];
        staged.extend(&paths);
        if !git(&self.dir, &staged)?.ok {
            let mut commit = vec!["commit", "--no-verify", "-q", "-m", message, "--"];
            commit.extend(&paths);
            let committed = git(&self.dir, &commit)?;
            if !committed.ok {
                return Err(format!(
                    "git commit failed: {}",
                    last_line(&format!("{}\n{}", committed.stdout, committed.stderr))
                ));
            }
        }
        let before = git(&self.dir, &["rev-parse", "HEAD"])?.stdout;
        let upstream = git(
            &self.dir,
            &[
                "rev-parse",
                "--abbrev-ref",
                "--symbolic-full-name",
                "@{upstream}",
            ],
        )?;
        if upstream.ok {
            let pulled = git(&self.dir, &["pull", "--rebase", "--no-edit", "-q"])?;
            if !pulled.ok {
                let _ = git(&self.dir, &["rebase", "--abort"]);
                return Err(pull_failed(&pulled.stderr));
            }
            let pushed = git(&self.dir, &["push", "--no-verify", "-q"])?;
            if !pushed.ok {
                return Err(format!(
                    "git push failed: {}; your changes are committed and go at the next sync",
                    last_line(&pushed.stderr)
                ));
            }
        } else {
            // No upstream yet: the remote's branch may exist already (the other computer
            // pushed first), or not.
            let branch = git(&self.dir, &["rev-parse", "--abbrev-ref", "HEAD"])?;
            let branch = branch.stdout.trim().to_string();
            let remote = git(&self.dir, &["remote"])?;
            let remote = remote.stdout.lines().next().unwrap_or("origin").to_string();
            let there = git(
                &self.dir,
                &["ls-remote", "--exit-code", "--heads", &remote, &branch],
            )?;
            if there.ok {
                let pulled = git(
                    &self.dir,
                    &["pull", "--rebase", "--no-edit", "-q", &remote, &branch],
                )?;
                if !pulled.ok {
                    let _ = git(&self.dir, &["rebase", "--abort"]);
                    return Err(pull_failed(&pulled.stderr));
                }
            }
            let pushed = git(
                &self.dir,
                &["push", "--no-verify", "-q", "-u", &remote, "HEAD"],
            )?;
            if !pushed.ok {
                return Err(format!("git push failed: {}", last_line(&pushed.stderr)));
            }
        }
        let after = git(&self.dir, &["rev-parse", "HEAD"])?.stdout;
        Ok(before != after)
    }
}
