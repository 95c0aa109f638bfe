//! The temporary files [`Store::create`](super::Store::create) builds a journal in, and the
//! ones an interrupted creation leaves behind.
//!
//! A new journal is built as `.journal.db.new-<pid>` beside its final name and moved into
//! place only when complete ([`super::files::place_new`]: a rename that never replaces, or a
//! hard link). If that process is killed (a power cut, `kill -9`), the temporary file stays:
//! nothing ever opens it, so it is harmless, but it is an unfinished copy of what was being
//! written (or, killed in the instant after a hard link, a second name for the journal
//! itself). It is *stale* once the process that made it is gone, and then it is
//! removed by the next creation in that folder and by `rekindle doctor --fix`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::files::{COMPANIONS, companion, folder_of};

/// On a system without `/proc`, a leftover this old is taken as stale: creating a journal
/// takes seconds, never a day.
const STALE_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

fn prefix(journal: &Path) -> String {
    let name = journal
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "journal".into());
    format!(".{name}.new-")
}

/// The name process `pid` builds a new `journal` under.
pub fn temp_name(journal: &Path, pid: u32) -> PathBuf {
    folder_of(journal).join(format!("{}{pid}", prefix(journal)))
}

/// Whether `name` (a file name in the journal's folder) is one of the temporary files a
/// creation of `journal` uses.
pub fn is_temp_of(journal: &Path, name: &str) -> bool {
    pid_in(name, &prefix(journal)).is_some()
}

/// The process id in a temporary file's name (`<prefix><pid>` or `<prefix><pid>-wal`), if
/// `name` is one of ours.
fn pid_in(name: &str, prefix: &str) -> Option<u32> {
    let rest = name.strip_prefix(prefix)?;
    let digits = COMPANIONS
        .iter()
        .find_map(|suffix| rest.strip_suffix(suffix))
        .unwrap_or(rest);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Whether process `pid` may still be building. Where `/proc` shows the running processes
/// that is exact (a recycled pid only keeps a leftover a little longer); elsewhere a file is
/// given a day.
pub(super) fn may_be_running(pid: u32, modified: Option<SystemTime>) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if Path::new("/proc/self").exists() {
        return Path::new(&format!("/proc/{pid}")).exists();
    }
    modified
        .and_then(|m| m.elapsed().ok())
        .is_none_or(|age| age < STALE_AFTER)
}

/// The stale temporary files beside `journal`: ours by name, plain files, and made by a
/// process that is gone. Sorted, for stable reports.
pub fn stale(journal: &Path) -> Vec<PathBuf> {
    let prefix = prefix(journal);
    let dir = folder_of(journal);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name();
            let pid = pid_in(name.to_str()?, &prefix)?;
            // symlink_metadata: a link or folder with our name is not something we made.
            let meta = fs::symlink_metadata(entry.path()).ok()?;
            (meta.is_file() && !may_be_running(pid, meta.modified().ok())).then(|| entry.path())
        })
        .collect();
    found.sort();
    found
}

/// Removes `files` and their SQLite companions; a file already gone is fine.
pub fn remove(files: &[PathBuf]) -> io::Result<()> {
    for file in files {
        for path in std::iter::once(file.clone())
            .chain(COMPANIONS.iter().map(|suffix| companion(file, suffix)))
        {
            match fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_recognised_with_and_without_companion_suffixes() {
        let prefix = ".journal.db.new-";
        assert_eq!(pid_in(".journal.db.new-123", prefix), Some(123));
        assert_eq!(pid_in(".journal.db.new-123-wal", prefix), Some(123));
        assert_eq!(pid_in(".journal.db.new-123-journal", prefix), Some(123));
        for other in [
            "journal.db",
            ".journal.db.new-",
            ".journal.db.new-12x",
            ".journal.db.new-123-backup",
            ".journal.db.export-123-0",
            ".other.db.new-123",
        ] {
            assert_eq!(pid_in(other, prefix), None, "{other}");
        }
    }

    #[test]
    fn only_leftovers_of_finished_processes_are_stale() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("journal.db");
        // A child that has exited: its pid is free (and, on Linux, gone from /proc).
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let ours = temp_name(&journal, std::process::id());
        let gone = temp_name(&journal, dead);
        let unrelated = dir.path().join("notes.txt");
        let folder = dir.path().join(".journal.db.new-7");
        for file in [&ours, &gone, &companion(&gone, "-journal"), &unrelated] {
            fs::write(file, b"x").unwrap();
        }
        fs::create_dir(&folder).unwrap();
        let found = stale(&journal);
        if Path::new("/proc/self").exists() {
            assert_eq!(found, vec![gone.clone(), companion(&gone, "-journal")]);
        } else {
            // Without /proc, fresh files are given a day.
            assert!(found.is_empty(), "{found:?}");
        }
        remove(std::slice::from_ref(&gone)).unwrap();
        assert!(!gone.exists() && !companion(&gone, "-journal").exists());
        assert!(ours.exists() && unrelated.exists() && folder.exists());
    }
}
