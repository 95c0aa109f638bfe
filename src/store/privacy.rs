//! Who else on this computer could read the journal, and what `doctor --fix` may change
//! about it.
//!
//! The rule is to change only what is rekindle's own: the journal, its `-wal` and `-shm`
//! files, and the folder they live in when that folder holds nothing else. A folder with
//! other files in it (a home folder, a shared folder such as `/tmp`) belongs to you or to
//! other people as well, and its permissions are theirs to decide; doctor says why it left
//! it alone and what you can do instead.

use std::fs;
use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};

use super::files::{COMPANIONS, companion, folder_of};
use super::leftovers;
use crate::text::sanitize;

/// What to do instead when the folder is not rekindle's to change.
const MOVE_IT: &str = "To keep even the journal's name out of sight, give it a folder of its own \
    (mkdir -m 700 ~/rekindle), move the journal there while no rekindle command is running, \
    and point rekindle at it with --journal or REKINDLE_JOURNAL.";

/// The mode of a private file and a private folder.
const FILE_MODE: u32 = 0o600;
const DIR_MODE: u32 = 0o700;

/// Something that lets other users in, and what may be done about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub path: PathBuf,
    pub mode: u32,
    pub is_dir: bool,
    /// The journal's `-wal` and `-shm` files that are as open as it is. SQLite gives them
    /// the journal's mode while it is in use, so they are fixed with it and not reported
    /// apart.
    pub companions: Vec<PathBuf>,
    /// Why `--fix` must not change it, when it must not.
    pub left_alone: Option<String>,
}

impl Finding {
    fn shown(&self) -> String {
        sanitize::line(&self.path.display().to_string()).into_owned()
    }

    /// The warning printed while the problem remains.
    pub fn warning(&self) -> String {
        let path = self.shown();
        let mode = self.mode;
        match (&self.left_alone, self.is_dir) {
            (None, false) => format!(
                "{path} can be read by other users (mode {mode:04o}); `rekindle doctor --fix` makes it private (or: chmod 600 '{path}')"
            ),
            (None, true) => format!(
                "the folder {path} can be listed by other users (mode {mode:04o}); `rekindle doctor --fix` makes it private (or: chmod 700 '{path}')"
            ),
            (Some(why), _) => format!(
                "the folder {path} can be listed by other users (mode {mode:04o}), but {why}, so rekindle leaves its permissions to you. {MOVE_IT}"
            ),
        }
    }

    /// Applies the fix, returning what was done.
    pub fn fix(&self) -> Result<String, String> {
        if let Some(why) = &self.left_alone {
            return Err(format!(
                "left the folder {} (mode {:04o}) as it is: {why}, so its permissions are yours to decide. {MOVE_IT}",
                self.shown(),
                self.mode
            ));
        }
        let to = if self.is_dir { DIR_MODE } else { FILE_MODE };
        let what = if self.is_dir { "the folder " } else { "" };
        let chmod = |path: &Path| fs::set_permissions(path, fs::Permissions::from_mode(to));
        match std::iter::once(&self.path)
            .chain(&self.companions)
            .try_for_each(|path| chmod(path))
        {
            Ok(()) => Ok(format!(
                "made {what}{} private (mode {:04o}, was {:04o}){}",
                self.shown(),
                to,
                self.mode,
                if self.companions.is_empty() {
                    ""
                } else {
                    ", with its -wal and -shm files"
                }
            )),
            Err(e) => Err(format!(
                "could not change {what}{} (mode {:04o}): {e}",
                self.shown(),
                self.mode
            )),
        }
    }
}

/// The permission bits of `path`, if it can be read.
pub fn mode(path: &Path) -> Option<u32> {
    fs::metadata(path).ok().map(|m| mode_of(&m))
}

fn mode_of(meta: &fs::Metadata) -> u32 {
    meta.permissions().mode() & 0o7777
}

/// The files and folder around `journal` that other users can read or list.
pub fn findings(journal: &Path) -> Vec<Finding> {
    let open_to_others = |path: &Path| {
        fs::metadata(path)
            .ok()
            .filter(|meta| meta.is_file() && mode_of(meta) & 0o077 != 0)
            .map(|meta| mode_of(&meta))
    };
    let file = |path: PathBuf, mode: u32, companions: Vec<PathBuf>| Finding {
        path,
        mode,
        is_dir: false,
        companions,
        left_alone: None,
    };
    let mut found = Vec::new();
    let companions: Vec<PathBuf> = ["-wal", "-shm"]
        .iter()
        .map(|suffix| companion(journal, suffix))
        .filter(|path| open_to_others(path).is_some())
        .collect();
    match open_to_others(journal) {
        Some(mode) => found.push(file(journal.to_path_buf(), mode, companions)),
        None => {
            for path in companions {
                if let Some(mode) = open_to_others(&path) {
                    found.push(file(path, mode, Vec::new()));
                }
            }
        }
    }
    let dir = folder_of(journal);
    if let Ok(meta) = fs::metadata(&dir)
        && mode_of(&meta) & 0o077 != 0
    {
        let shown_dir = fs::canonicalize(&dir).unwrap_or(dir.clone());
        found.push(Finding {
            left_alone: why_not_the_folder(journal, &dir, &meta),
            path: shown_dir,
            mode: mode_of(&meta),
            is_dir: true,
            companions: Vec::new(),
        });
    }
    found
}

/// Why the journal's folder must keep its mode, or None when it is the journal's own.
fn why_not_the_folder(journal: &Path, dir: &Path, meta: &fs::Metadata) -> Option<String> {
    if meta.mode() & 0o1000 != 0 {
        return Some("it is a shared folder that anyone can add files to".into());
    }
    if fs::metadata(journal).is_ok_and(|j| j.uid() != meta.uid()) {
        return Some("it belongs to someone other than the journal's owner".into());
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return Some("its contents cannot be listed".into());
    };
    let own: Vec<PathBuf> = std::iter::once(&"")
        .chain(COMPANIONS.iter())
        .filter_map(|suffix| journal.file_name().map(|n| (n, suffix)))
        .map(|(name, suffix)| {
            let mut own = name.to_owned();
            own.push(suffix);
            PathBuf::from(own)
        })
        .collect();
    let others = entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            !own.iter().any(|o| o.as_os_str() == name)
                && !leftovers::is_temp_of(journal, &name.to_string_lossy())
        })
        .count();
    (others > 0).then(|| match others {
        1 => "it holds another file besides the journal".to_string(),
        n => format!("it holds {n} other files besides the journal"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chmod(path: &Path, mode: u32) {
        fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
    }

    #[test]
    fn a_folder_of_its_own_is_fixed_a_shared_one_is_left_alone() {
        let root = tempfile::tempdir().unwrap();
        let own = root.path().join("own");
        fs::create_dir(&own).unwrap();
        let journal = own.join("journal.db");
        fs::write(&journal, b"").unwrap();
        let wal = companion(&journal, "-wal");
        fs::write(&wal, b"").unwrap();
        chmod(&wal, 0o644);
        chmod(&journal, 0o644);
        chmod(&own, 0o755);
        let found = findings(&journal);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].companions, std::slice::from_ref(&wal));
        assert!(found.iter().all(|f| f.left_alone.is_none()), "{found:?}");
        for f in &found {
            f.fix().unwrap();
        }
        assert_eq!(mode_of(&fs::metadata(&journal).unwrap()), 0o600);
        assert_eq!(mode_of(&fs::metadata(&wal).unwrap()), 0o600);
        assert_eq!(mode_of(&fs::metadata(&own).unwrap()), 0o700);
        assert!(findings(&journal).is_empty());

        // The same journal in a folder that holds something else.
        let shared = root.path().join("shared");
        fs::create_dir(&shared).unwrap();
        let journal = shared.join("journal.db");
        fs::write(&journal, b"").unwrap();
        fs::write(shared.join("holiday.jpg"), b"").unwrap();
        chmod(&journal, 0o600);
        chmod(&shared, 0o755);
        let found = findings(&journal);
        assert_eq!(found.len(), 1);
        let why = found[0].left_alone.as_deref().unwrap();
        assert!(why.contains("another file"), "{why}");
        assert!(found[0].fix().is_err());
        assert_eq!(mode_of(&fs::metadata(&shared).unwrap()), 0o755);

        // A sticky folder, such as /tmp, even when the journal is alone in it.
        let sticky = root.path().join("sticky");
        fs::create_dir(&sticky).unwrap();
        let journal = sticky.join("journal.db");
        fs::write(&journal, b"").unwrap();
        chmod(&journal, 0o600);
        chmod(&sticky, 0o1777);
        let found = findings(&journal);
        assert!(
            found[0]
                .left_alone
                .as_deref()
                .unwrap()
                .contains("shared folder")
        );
        assert!(found[0].fix().is_err());
        assert_eq!(mode_of(&fs::metadata(&sticky).unwrap()), 0o1777);
    }
}
