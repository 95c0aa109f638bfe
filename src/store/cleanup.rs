//! Temporary files and folders rekindle is making right now, so that none outlives the
//! command: an export, report or backup being built under a temporary name, a new journal
//! before it is moved into place, the private folder the user's editor works in.
//!
//! What is tracked is a name *prefix* that holds this process's id (`.e.json.new-4242-`,
//! the name every temporary file of that export starts with), recorded before the file is
//! made, so there is no moment when the file exists and is not accounted for. Two records
//! are kept. In memory, the list the interrupt handler clears when the process is stopped
//! (Ctrl-C, `kill`, the terminal closing). On disk, a small note beside the journal
//! (`.journal.db.pending-<pid>`) that each prefix is appended to, for the one way out no
//! handler sees: the process killed outright (`kill -9`, a power cut). A note whose process
//! is gone is stale; `doctor` reports what its prefixes match and `doctor --fix` removes it.
//!
//! This is process-wide state, written by whatever makes a temporary file and read by the
//! interrupt handler (`app::exit`); it is one of the few globals ARCHITECTURE.md lists.

use std::ffi::OsStr;
use std::fs;
use std::io::{self, Write as _};
use std::os::unix::ffi::OsStrExt as _;
use std::os::unix::fs::{MetadataExt as _, OpenOptionsExt as _};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use super::files::folder_of;
use super::leftovers;

struct Registry {
    /// Where the note goes: beside the journal this process works on.
    note: Option<PathBuf>,
    paths: Vec<PathBuf>,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry {
    note: None,
    paths: Vec::new(),
});

fn registry() -> MutexGuard<'static, Registry> {
    // A panic elsewhere while the list was held leaves it as it was: still worth cleaning.
    REGISTRY.lock().unwrap_or_else(|e| e.into_inner())
}

/// What every note's name starts with, after the journal's name.
const NOTE: &str = "pending-";

fn note_prefix(journal: &Path) -> String {
    let name = journal
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "journal".into());
    format!(".{name}.{NOTE}")
}

/// The note this process keeps beside `journal`.
fn note_for(journal: &Path, pid: u32) -> PathBuf {
    folder_of(journal).join(format!("{}{pid}", note_prefix(journal)))
}

/// Whether `name` (a file name in the journal's folder) is one of the notes kept for
/// `journal`.
pub fn is_note_of(journal: &Path, name: &str) -> bool {
    name.strip_prefix(&note_prefix(journal))
        .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Set once, when the journal is known: notes go beside it.
pub fn keep_notes_beside(journal: &Path) {
    registry().note = Some(note_for(journal, std::process::id()));
}

/// Adds `prefix` to the note, in one write, or removes the note when nothing is tracked.
/// Best effort: without a note, only a kill -9 leaves a file behind, as before.
fn update_note(registry: &Registry, added: Option<&Path>) {
    let Some(note) = &registry.note else {
        return;
    };
    if registry.paths.is_empty() {
        let _ = fs::remove_file(note);
        return;
    }
    let Some(prefix) = added else {
        return;
    };
    if !folder_of(note).is_dir() {
        return;
    }
    let mut entry = prefix.as_os_str().as_bytes().to_vec();
    entry.push(0);
    let _ = fs::OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o600)
        .open(note)
        .and_then(|mut f| f.write_all(&entry));
}

/// Temporary files or folders about to be made, named `prefix…`: removed if the process is
/// interrupted, and listed in the note until they are placed or dropped. Dropping this only
/// stops tracking; whoever made the file removes it on the ordinary ways out (tempfile
/// does).
#[must_use = "the prefix is tracked only while this is alive"]
pub struct Tracked {
    path: PathBuf,
}

/// Tracks every file or folder whose name starts with `prefix` (a path whose last part is
/// the start of a name, holding this process's id) until the returned value is dropped.
/// Call it before making the file.
pub fn track(prefix: &Path) -> Tracked {
    let path = std::path::absolute(prefix).unwrap_or_else(|_| prefix.to_path_buf());
    let mut registry = registry();
    registry.paths.push(path.clone());
    update_note(&registry, Some(&path));
    Tracked { path }
}

fn untrack(registry: &mut Registry, path: &Path) {
    if let Some(at) = registry.paths.iter().position(|p| p == path) {
        registry.paths.remove(at);
    }
    update_note(registry, None);
}

impl Tracked {
    /// Runs `place` (which moves the finished file to its name) and stops tracking, with the
    /// interrupt handler held off meanwhile: the file is either placed, or removed by an
    /// interruption, never removed after it was placed under its new name.
    pub fn placed<T>(self, place: impl FnOnce() -> T) -> T {
        let mut registry = registry();
        let done = place();
        untrack(&mut registry, &self.path);
        std::mem::forget(self);
        done
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        untrack(&mut registry(), &self.path);
    }
}

/// For the interrupt handler: removes everything the tracked prefixes match and this
/// process's note, and keeps the list locked for good, so nothing is placed after this.
/// The process must exit next.
pub fn remove_all_for_exit() {
    let registry = registry();
    for prefix in &registry.paths {
        for path in matching(prefix) {
            remove_path(&path);
        }
    }
    if let Some(note) = &registry.note {
        let _ = fs::remove_file(note);
    }
    std::mem::forget(registry);
}

/// The files and folders whose name starts with the last part of `prefix`, in its folder:
/// yours, not links, and shaped as rekindle names its temporary files (a hidden
/// `.NAME.new-…` or `.NAME.backup-…`, or the editor's `rekindle-edit-…`).
fn matching(prefix: &Path) -> Vec<PathBuf> {
    let Some(start) = prefix.file_name().and_then(OsStr::to_str) else {
        return Vec::new();
    };
    let shaped = (start.starts_with('.')
        && (start.contains(".new-") || start.contains(".backup-")))
        || start.starts_with(EDITOR_PREFIX);
    if !shaped {
        return Vec::new();
    }
    let Ok(entries) = fs::read_dir(folder_of(prefix)) else {
        return Vec::new();
    };
    let me = super::privacy::current_user();
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_str().is_some_and(|n| n.starts_with(start)))
        .map(|e| e.path())
        .filter(|p| {
            fs::symlink_metadata(p).is_ok_and(|m| m.uid() == me && !m.file_type().is_symlink())
        })
        .collect();
    found.sort();
    found
}

/// Removes a temporary file, or a temporary folder with what is in it.
fn remove_path(path: &Path) {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => {
            let _ = fs::remove_dir_all(path);
        }
        Ok(_) => {
            let _ = fs::remove_file(path);
        }
        Err(_) => {}
    }
}

/// What the editor's private folders are called (`rekindle-edit-<pid>-XXXXXX`).
pub const EDITOR_PREFIX: &str = "rekindle-edit-";

/// The notes beside `journal` whose process is gone, each with what its prefixes still
/// match. Sorted, for stable reports.
pub fn stale(journal: &Path) -> Vec<(PathBuf, Vec<PathBuf>)> {
    let prefix = note_prefix(journal);
    let Ok(entries) = fs::read_dir(folder_of(journal)) else {
        return Vec::new();
    };
    let mut found: Vec<(PathBuf, Vec<PathBuf>)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name();
            let pid: u32 = name.to_str()?.strip_prefix(&prefix)?.parse().ok()?;
            let meta = fs::symlink_metadata(entry.path()).ok()?;
            if !meta.is_file() || leftovers::may_be_running(pid, meta.modified().ok()) {
                return None;
            }
            let listed = fs::read(entry.path()).unwrap_or_default();
            let mut paths: Vec<PathBuf> = listed
                .split(|b| *b == 0)
                .filter(|p| !p.is_empty())
                .flat_map(|p| matching(Path::new(OsStr::from_bytes(p))))
                .collect();
            paths.sort();
            paths.dedup();
            Some((entry.path(), paths))
        })
        .collect();
    found.sort();
    found
}

/// Removes what the stale notes list, and the notes; returns the paths removed.
pub fn remove_stale(journal: &Path) -> io::Result<Vec<PathBuf>> {
    let mut removed = Vec::new();
    for (note, paths) in stale(journal) {
        for path in paths {
            remove_path(&path);
            if fs::symlink_metadata(&path).is_ok() {
                return Err(io::Error::other(format!(
                    "{} could not be removed",
                    path.display()
                )));
            }
            removed.push(path);
        }
        fs::remove_file(&note)?;
    }
    Ok(removed)
}

/// Removes the editor folders in `temp` that a process killed outright left (theirs is gone,
/// and they are yours). Best effort.
pub fn sweep_editor_folders(temp: &Path) {
    let Ok(entries) = fs::read_dir(temp) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.strip_prefix(EDITOR_PREFIX))
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let modified = entry.metadata().ok().and_then(|m| m.modified().ok());
        if entry.file_type().is_ok_and(|t| t.is_dir())
            && fs::symlink_metadata(&path).is_ok_and(|m| m.uid() == super::privacy::current_user())
            && !leftovers::may_be_running(pid, modified)
        {
            let _ = fs::remove_dir_all(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stale_note_lists_what_doctor_removes_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("journal.db");
        // A child that has exited: its pid is free, as a killed export's would be.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let temp = dir.path().join(format!(".out.json.new-{dead}-AbC123"));
        let backup = dir.path().join(format!(".b.db.backup-{dead}-XyZ789"));
        let backup_journal = dir
            .path()
            .join(format!(".b.db.backup-{dead}-XyZ789-journal"));
        let live = dir.path().join(".out.json.new-1-AbC123");
        let unrelated = dir.path().join("notes.txt");
        for file in [&temp, &backup, &backup_journal, &live, &unrelated] {
            fs::write(file, b"x").unwrap();
        }
        let note = note_for(&journal, dead);
        let listed = [
            dir.path().join(format!(".out.json.new-{dead}-")),
            dir.path().join(format!(".b.db.backup-{dead}-")),
            unrelated.clone(),
        ];
        let body: Vec<u8> = listed
            .iter()
            .flat_map(|p| p.as_os_str().as_bytes().iter().copied().chain([0]))
            .collect();
        fs::write(&note, body).unwrap();
        assert!(is_note_of(
            &journal,
            note.file_name().unwrap().to_str().unwrap()
        ));
        if !Path::new("/proc/self").exists() {
            return;
        }
        let found = stale(&journal);
        let expected = vec![backup.clone(), backup_journal.clone(), temp.clone()];
        assert_eq!(found, vec![(note.clone(), expected.clone())]);
        assert_eq!(remove_stale(&journal).unwrap(), expected);
        assert!(!temp.exists() && !backup.exists() && !backup_journal.exists());
        assert!(!note.exists());
        assert!(unrelated.exists(), "a name that is not one of ours stays");
        assert!(live.exists(), "another process's temporary file stays");
    }

    #[test]
    fn names_of_notes_are_recognised() {
        let journal = Path::new("/x/journal.db");
        assert!(is_note_of(journal, ".journal.db.pending-123"));
        for other in [
            ".journal.db.pending-",
            ".journal.db.pending-1x",
            ".other.db.pending-1",
        ] {
            assert!(!is_note_of(journal, other), "{other}");
        }
    }
}
