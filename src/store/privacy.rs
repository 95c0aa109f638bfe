//! Who owns the journal's files and who else could read or change them: the check every
//! command makes before it opens the journal, and what `doctor --fix` may change about it.
//!
//! **The check** ([`check`]) covers the journal, its `-wal` and `-shm` files, its `.keys`
//! file when there is one, and the folder they live in. Each must belong to you (the
//! process's effective user) and be unwritable by group and others; a companion file must
//! not be a symbolic link. Otherwise the journal is refused before SQLite reads a byte, with
//! one line naming the file, its owner and mode, and what to do: someone who can write the
//! folder can swap the journal or plant a `-wal` that SQLite would replay into it, and
//! someone who owns a `-wal` reads every entry written through it. A file that others can
//! only *read* is not refused; every command warns about it until `doctor --fix` makes it
//! private.
//!
//! **The repair** changes only what is rekindle's own: the journal, its companion files, and
//! the folder they live in when that folder holds nothing else. A folder with other files in
//! it (a home folder, a shared folder such as `/tmp`) belongs to you or to other people as
//! well, and its permissions are theirs to decide; a file that belongs to someone else is not
//! yours to change. doctor says why it left them alone and what you can do instead.

use std::fs;
use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};

use super::StoreError;
use super::files::{COMPANIONS, KEYS, companion, folder_of};
use super::leftovers;
use crate::text::sanitize;

/// What to do instead when the folder is not rekindle's to change.
const MOVE_IT: &str = "To keep even the journal's name out of sight, give it a folder of its own \
    (mkdir -m 700 ~/rekindle), move the journal there while no rekindle command is running, \
    and point rekindle at it with --journal or REKINDLE_JOURNAL.";

/// The mode of a private file and a private folder.
const FILE_MODE: u32 = 0o600;
const DIR_MODE: u32 = 0o700;

/// The permission bits that let group or others change a file, or add and remove names in
/// a folder.
const OTHERS_WRITE: u32 = 0o022;

/// The user this process acts as: the owner of every file it creates.
pub fn current_user() -> u32 {
    rustix::process::geteuid().as_raw()
}

/// A user's name as `/etc/passwd` gives it, else "user N" (accounts from a directory service
/// are not listed there; the number still says who).
pub fn user_name(uid: u32) -> String {
    fs::read_to_string("/etc/passwd")
        .ok()
        .and_then(|passwd| {
            passwd.lines().find_map(|line| {
                let mut fields = line.split(':');
                let name = fields.next()?;
                let id = fields.nth(1)?.parse::<u32>().ok()?;
                (id == uid && !name.is_empty()).then(|| name.to_string())
            })
        })
        .map(|name| format!("the user {name}"))
        .unwrap_or_else(|| format!("the user with id {uid}"))
}

/// Why rekindle will not use a journal: one of its files or its folder can be changed by
/// someone else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsafe {
    pub path: PathBuf,
    pub is_dir: bool,
    pub owner: u32,
    pub mode: u32,
    pub why: Why,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// It belongs to another user.
    NotYours,
    /// It is yours, but group or others may write it.
    OthersCanWrite,
    /// A companion file that is a symbolic link: SQLite would write through it.
    Link,
}

impl Unsafe {
    fn shown(&self) -> String {
        sanitize::line(&self.path.display().to_string()).into_owned()
    }

    /// The one line a command is refused with.
    pub fn refusal(&self) -> String {
        let path = self.shown();
        let mode = self.mode;
        match (self.why, self.is_dir) {
            (Why::NotYours, false) => format!(
                "{path} belongs to {}, not to you (mode {mode:04o}), so someone else could read or change your journal through it; rekindle will not open the journal while that is so. If the journal is yours, ask whoever looks after this computer to give the file back to you (chown), and run `rekindle doctor` to see the rest",
                user_name(self.owner)
            ),
            (Why::NotYours, true) => format!(
                "the folder {path} holding your journal belongs to {}, not to you (mode {mode:04o}); rekindle keeps a journal only in a folder you own. Give it a folder of its own (mkdir -m 700 ~/rekindle) and point rekindle there with --journal or REKINDLE_JOURNAL",
                user_name(self.owner)
            ),
            (Why::OthersCanWrite, false) => format!(
                "{path} can be changed by other users (mode {mode:04o}); rekindle will not use the journal until only you can: run `rekindle doctor --fix` (or: chmod 600 '{path}')"
            ),
            (Why::OthersCanWrite, true) if mode & 0o1000 != 0 => format!(
                "the folder {path} holding your journal is shared: other users can add files to it (mode {mode:04o}), so someone could plant files beside the journal that SQLite would use; rekindle will not use it there. Give the journal a folder of its own (mkdir -m 700 ~/rekindle) and point rekindle at it with --journal or REKINDLE_JOURNAL"
            ),
            (Why::OthersCanWrite, true) => format!(
                "the folder {path} holding your journal can be changed by other users (mode {mode:04o}), so someone could swap the journal or plant files beside it; rekindle will not use it there. Make the folder yours alone (chmod 700 '{path}'), or give the journal a folder of its own (mkdir -m 700 ~/rekindle)"
            ),
            (Why::Link, _) => format!(
                "{path} is a symbolic link, and SQLite would write your journal's changes through it into another file; rekindle will not open the journal while it is there. If no rekindle command is running, remove the link (rm '{path}')"
            ),
        }
    }
}

/// The files the check covers for `journal`, as (path, whether it must be a plain file):
/// the journal itself (a symbolic link to it is allowed), then its companions. When the
/// journal is a link, SQLite keeps its companions beside the file it points to, so both
/// places are covered.
fn guarded_files(journal: &Path) -> Vec<(PathBuf, bool)> {
    let mut files = vec![(journal.to_path_buf(), false)];
    let mut bases = vec![journal.to_path_buf()];
    if fs::symlink_metadata(journal).is_ok_and(|m| m.file_type().is_symlink())
        && let Ok(real) = fs::canonicalize(journal)
    {
        files.push((real.clone(), false));
        bases.push(real);
    }
    for base in bases {
        for suffix in ["-wal", "-shm", KEYS] {
            files.push((companion(&base, suffix), true));
        }
    }
    files
}

/// The folders the check covers: the journal's, and the real file's when it is a link.
fn guarded_folders(journal: &Path) -> Vec<PathBuf> {
    let mut folders = vec![folder_of(journal)];
    if let Ok(real) = fs::canonicalize(journal) {
        let real_folder = folder_of(&real);
        if fs::canonicalize(&folders[0]).ok().as_ref() != Some(&real_folder) {
            folders.push(real_folder);
        }
    }
    folders
}

/// Everything around `journal` that someone else could change, in the order the check
/// meets it: the folders first, then the files.
pub fn unsafe_files(journal: &Path) -> Vec<Unsafe> {
    let me = current_user();
    let mut found = Vec::new();
    for folder in guarded_folders(journal) {
        if let Ok(meta) = fs::metadata(&folder) {
            found.extend(judge(&folder, &meta, true, me));
        }
    }
    for (path, plain) in guarded_files(journal) {
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.file_type().is_symlink() {
            if plain {
                found.push(Unsafe {
                    path,
                    is_dir: false,
                    owner: meta.uid(),
                    mode: mode_of(&meta),
                    why: Why::Link,
                });
                continue;
            }
            // The journal may be a link of yours to the real file, which is judged itself.
            if meta.uid() != me {
                found.push(Unsafe {
                    path,
                    is_dir: false,
                    owner: meta.uid(),
                    mode: mode_of(&meta),
                    why: Why::NotYours,
                });
            }
            continue;
        }
        found.extend(judge(&path, &meta, meta.is_dir(), me));
    }
    found.dedup_by(|a, b| a.path == b.path);
    found
}

fn judge(path: &Path, meta: &fs::Metadata, is_dir: bool, me: u32) -> Option<Unsafe> {
    let why = if meta.uid() != me {
        Why::NotYours
    } else if mode_of(meta) & OTHERS_WRITE != 0 {
        Why::OthersCanWrite
    } else {
        return None;
    };
    Some(Unsafe {
        path: path.to_path_buf(),
        is_dir,
        owner: meta.uid(),
        mode: mode_of(meta),
        why,
    })
}

/// The check every command makes before the journal is opened: refused when someone else
/// could change it; otherwise the warnings to print while others can read one of its files.
pub fn check(journal: &Path) -> Result<Vec<String>, StoreError> {
    if let Some(first) = unsafe_files(journal).into_iter().next() {
        return Err(StoreError::NotPrivate(first.refusal()));
    }
    align_companions(journal);
    Ok(findings(journal)
        .iter()
        .filter(|f| !f.is_dir)
        .map(Finding::warning)
        .collect())
}

/// SQLite gives the `-wal` and `-shm` files the journal's mode when it creates them, and
/// they can outlive a run. One left unwritable (made while the journal itself was read-only)
/// would make every later write fail with "attempt to write a readonly database" once the
/// journal is writable again, so a companion of yours that you cannot write, beside a
/// journal you can, is given the journal's mode again. Best effort: SQLite says the rest.
fn align_companions(journal: &Path) {
    let me = current_user();
    let Ok(meta) = fs::metadata(journal) else {
        return;
    };
    if meta.uid() != me || mode_of(&meta) & 0o200 == 0 {
        return;
    }
    for suffix in ["-wal", "-shm"] {
        let path = companion(journal, suffix);
        if let Ok(side) = fs::symlink_metadata(&path)
            && side.is_file()
            && side.uid() == me
            && mode_of(&side) & 0o200 == 0
        {
            let _ = fs::set_permissions(&path, fs::Permissions::from_mode(mode_of(&meta) & 0o777));
        }
    }
}

/// The check before a new journal is made at `journal`: its folder must be yours, and
/// others must not be able to write it.
pub fn check_new(journal: &Path) -> Result<(), StoreError> {
    let me = current_user();
    for folder in guarded_folders(journal) {
        if let Ok(meta) = fs::metadata(&folder)
            && let Some(problem) = judge(&folder, &meta, true, me)
        {
            return Err(StoreError::NotPrivate(problem.refusal()));
        }
    }
    Ok(())
}

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
            (Some(why), false) => format!(
                "{path} is open to other users (mode {mode:04o}), but {why}, so rekindle cannot change it"
            ),
            (Some(why), true) => format!(
                "the folder {path} can be listed by other users (mode {mode:04o}), but {why}, so rekindle leaves its permissions to you. {MOVE_IT}"
            ),
        }
    }

    /// Applies the fix, returning what was done.
    pub fn fix(&self) -> Result<String, String> {
        if let Some(why) = &self.left_alone {
            return Err(if self.is_dir {
                format!(
                    "left the folder {} (mode {:04o}) as it is: {why}, so its permissions are yours to decide. {MOVE_IT}",
                    self.shown(),
                    self.mode
                )
            } else {
                format!(
                    "left {} (mode {:04o}) as it is: {why}, so rekindle cannot change it. Ask whoever looks after this computer, and keep your journal in a folder of your own (mkdir -m 700 ~/rekindle)",
                    self.shown(),
                    self.mode
                )
            });
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

/// Why a file of the journal is not rekindle's to change, or None when it is yours.
fn not_yours(meta: &fs::Metadata) -> Option<String> {
    (meta.uid() != current_user())
        .then(|| format!("it belongs to {}, not to you", user_name(meta.uid())))
}

/// The files and folder around `journal` that other users can read, list or change, or that
/// belong to someone else.
pub fn findings(journal: &Path) -> Vec<Finding> {
    let open = |meta: &fs::Metadata| mode_of(meta) & 0o077 != 0 || not_yours(meta).is_some();
    let file = |path: PathBuf, meta: &fs::Metadata, companions: Vec<PathBuf>| Finding {
        path,
        mode: mode_of(meta),
        is_dir: false,
        companions,
        left_alone: not_yours(meta),
    };
    // symlink_metadata: a companion that is a link is never followed, nor changed (the
    // check refuses it).
    let companions: Vec<(PathBuf, fs::Metadata)> = ["-wal", "-shm", KEYS]
        .iter()
        .map(|suffix| companion(journal, suffix))
        .filter_map(|path| fs::symlink_metadata(&path).ok().map(|meta| (path, meta)))
        .filter(|(_, meta)| meta.is_file() && open(meta))
        .collect();
    let mut found = Vec::new();
    let journal_meta = fs::metadata(journal)
        .ok()
        .filter(|meta| meta.is_file() && open(meta));
    // SQLite gives the -wal and -shm files the journal's mode, so yours go with a journal
    // that is yours; anything else is reported on its own.
    let goes_with = |path: &Path, meta: &fs::Metadata| {
        journal_meta
            .as_ref()
            .is_some_and(|j| not_yours(j).is_none())
            && not_yours(meta).is_none()
            && *path != companion(journal, KEYS)
    };
    let (with_journal, apart): (Vec<_>, Vec<_>) = companions
        .into_iter()
        .partition(|(path, meta)| goes_with(path, meta));
    if let Some(meta) = &journal_meta {
        let with: Vec<PathBuf> = with_journal.into_iter().map(|(path, _)| path).collect();
        found.push(file(journal.to_path_buf(), meta, with));
    }
    for (path, meta) in apart {
        found.push(file(path, &meta, Vec::new()));
    }
    let dir = folder_of(journal);
    if let Ok(meta) = fs::metadata(&dir)
        && open(&meta)
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
    if let Some(why) = not_yours(meta) {
        return Some(why);
    }
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
        .chain(std::iter::once(&KEYS))
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
                && !super::cleanup::is_note_of(journal, &name.to_string_lossy())
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

    #[test]
    fn the_check_refuses_what_others_can_change_and_warns_about_what_they_can_read() {
        let root = tempfile::tempdir().unwrap();
        let own = root.path().join("own");
        fs::create_dir(&own).unwrap();
        chmod(&own, 0o700);
        let journal = own.join("journal.db");
        fs::write(&journal, b"").unwrap();
        chmod(&journal, 0o600);
        assert_eq!(check(&journal).unwrap(), Vec::<String>::new());

        chmod(&journal, 0o644);
        let warnings = check(&journal).unwrap();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("can be read by other users (mode 0644)"));

        chmod(&journal, 0o666);
        let err = check(&journal).unwrap_err().to_string();
        assert!(
            err.contains("can be changed by other users (mode 0666)"),
            "{err}"
        );
        assert!(err.contains("rekindle doctor --fix"), "{err}");
        chmod(&journal, 0o600);

        let shm = companion(&journal, "-shm");
        std::os::unix::fs::symlink(root.path().join("elsewhere"), &shm).unwrap();
        let err = check(&journal).unwrap_err().to_string();
        assert!(err.contains("-shm is a symbolic link"), "{err}");
        fs::remove_file(&shm).unwrap();

        chmod(&own, 0o777);
        let err = check(&journal).unwrap_err().to_string();
        assert!(err.starts_with("the folder"), "{err}");
        assert!(err.contains("(mode 0777)"), "{err}");
        assert!(check_new(&journal).is_err());
        chmod(&own, 0o700);
        assert!(check_new(&journal).is_ok());
    }

    #[test]
    fn a_user_is_named_from_the_password_file_or_by_number() {
        assert_eq!(user_name(0), "the user root");
        assert_eq!(user_name(4_000_000_123), "the user with id 4000000123");
    }
}
