//! The journal's files and the files rekindle puts beside it, in one place: SQLite's
//! companion names, the header that tells a database from anything else, and putting a
//! finished file under its name in one step.
//!
//! A file is always built under a temporary name in the folder it is meant for, readable only
//! by you (0600), and moved to its name only when complete, so nobody ever finds half of it
//! there. `tempfile` makes the temporary files and does the moves; what rekindle adds is the
//! rule for a name already taken, and a fallback for file systems that can neither rename
//! without replacing nor make hard links.

use std::fs::{self, File};
use std::io::{self, Read as _};
use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};

use tempfile::{NamedTempFile, TempPath};

/// SQLite's companion files, which follow the database's name.
pub const COMPANIONS: [&str; 3] = ["-journal", "-wal", "-shm"];

/// The suffix of the file beside the journal that holds its key slots once it is encrypted
/// (DESIGN.md, "Encryption at rest"): checked, carried and restored with it when present.
pub const KEYS: &str = ".keys";

/// The first 16 bytes of every SQLite database.
pub const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// The folder a file is in (`.` for a bare file name).
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `path` with `suffix` appended to its name, as SQLite names its `-wal` and `-shm` files.
pub fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// Whether `path` is the journal itself or one of its companion files, under whatever name.
pub fn is_part_of(path: &Path, journal: &Path) -> bool {
    let same = |a: &Path, b: &Path| match (fs::metadata(a), fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    };
    same(path, journal)
        || COMPANIONS
            .iter()
            .chain(std::iter::once(&KEYS))
            .any(|suffix| same(path, &companion(journal, suffix)))
        || is_companion_name(path, journal)
}

/// Whether `path` names one of the journal's companion files (`journal.db-wal`, `-shm`,
/// `-journal`, `.keys`), whether or not it exists now: SQLite would take a file written
/// there for its own.
fn is_companion_name(path: &Path, journal: &Path) -> bool {
    let (Some(name), Some(journal_name)) = (path.file_name(), journal.file_name()) else {
        return false;
    };
    let folder = |p: &Path| fs::canonicalize(folder_of(p)).unwrap_or_else(|_| folder_of(p));
    COMPANIONS
        .iter()
        .chain(std::iter::once(&KEYS))
        .any(|suffix| {
            let mut own = journal_name.to_owned();
            own.push(suffix);
            own == name
        })
        && folder(path) == folder(journal)
}

/// The first 8 bytes of a rollback journal SQLite wrote (all zero once it is finished with).
const ROLLBACK_MAGIC: [u8; 8] = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];

/// Refuses to open `journal` while a file that SQLite did not write sits under its rollback
/// journal's name (`journal.db-journal`): SQLite takes any file there for its own, and
/// deletes it (or, for a file that looks like one, plays it back into the journal).
pub fn refuse_stray_rollback_file(journal: &Path) -> Result<(), super::StoreError> {
    let rollback = companion(journal, "-journal");
    let Ok(meta) = fs::symlink_metadata(&rollback) else {
        return Ok(());
    };
    let ours = meta.is_file()
        && match head(&rollback, 8) {
            Some(first) if first.len() < 8 => first.iter().all(|b| *b == 0),
            Some(first) => first == ROLLBACK_MAGIC || first.iter().all(|b| *b == 0),
            None => true,
        };
    if ours {
        Ok(())
    } else {
        Err(super::StoreError::StrayCompanion(rollback))
    }
}

/// Whether the file at `path` is an SQLite database (a journal, a backup, anything else).
pub fn is_sqlite(path: &Path) -> bool {
    let mut head = [0u8; 16];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == SQLITE_HEADER)
}

/// The first `n` bytes of the file at `path` (fewer when it is shorter), read without asking
/// SQLite to open it; `None` when it cannot be read.
pub fn head(path: &Path, n: u64) -> Option<Vec<u8>> {
    let mut head = Vec::new();
    File::open(path).ok()?.take(n).read_to_end(&mut head).ok()?;
    Some(head)
}

/// The start of the name of every temporary file this process makes for `target` and
/// `purpose` (`.export.json.new-4242-`), as a path in the target's folder: what
/// [`super::cleanup::track`] is given before the file is made.
pub fn temp_prefix(target: &Path, purpose: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "rekindle".into());
    folder_of(target).join(format!(".{name}.{purpose}-{}-", std::process::id()))
}

/// A new, empty, private (0600) file in the folder of `target`, named after it, `purpose`
/// and this process (`.export.json.new-4242-XXXXXX`); it is removed again unless it is
/// placed.
pub fn temp_beside(target: &Path, purpose: &str) -> io::Result<NamedTempFile> {
    let prefix = temp_prefix(target, purpose);
    let start = prefix.file_name().unwrap_or_default().to_owned();
    tempfile::Builder::new()
        .prefix(&start)
        .tempfile_in(folder_of(target))
}

/// A new private (0700) folder in the folder of `target`, named like [`temp_beside`]'s
/// files, for a file SQLite builds: SQLite makes and removes companion files beside it
/// (`-journal`), and a folder removed whole when the command is interrupted takes them all,
/// even one SQLite is making at that instant. Removed when dropped.
pub fn temp_folder_beside(target: &Path, purpose: &str) -> io::Result<tempfile::TempDir> {
    let prefix = temp_prefix(target, purpose);
    let start = prefix.file_name().unwrap_or_default().to_owned();
    tempfile::Builder::new()
        .prefix(&start)
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir_in(folder_of(target))
}

/// A new empty file at `path`, readable only by you (0600), as a temporary path that is
/// removed when dropped: for SQLite to build a database in, which it would otherwise create
/// with the looser mode of the umask.
pub fn private_temp_file(path: PathBuf) -> io::Result<TempPath> {
    use std::os::unix::fs::OpenOptionsExt as _;
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)?;
    TempPath::try_from_path(path)
}

/// Why a finished file was not put under its name.
#[derive(Debug)]
pub enum PlaceError {
    /// Something already has the name, or took it meanwhile; it was left alone.
    Taken,
    Io(io::Error),
}

/// Puts the finished file at `temp` under the name `to`, never replacing a file that is there
/// or appears there meanwhile: tempfile's `persist_noclobber` (a rename that refuses to
/// replace, or a hard link). Some file systems have neither; a rename after a fresh check is
/// next best. Either way the folder is synced, so the new name survives a power cut.
pub fn place_new(temp: TempPath, to: &Path) -> Result<(), PlaceError> {
    match temp.persist_noclobber(to) {
        Ok(()) => {}
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => return Err(PlaceError::Taken),
        Err(e) if fs::symlink_metadata(to).is_err() => {
            e.path.persist(to).map_err(|e| PlaceError::Io(e.error))?;
        }
        Err(_) => return Err(PlaceError::Taken),
    }
    sync_folder(to);
    Ok(())
}

/// Puts the finished file at `temp` under the name `to` in one step, replacing what is there.
pub fn place_over(temp: TempPath, to: &Path) -> io::Result<()> {
    temp.persist(to).map_err(|e| e.error)?;
    sync_folder(to);
    Ok(())
}

/// Flushes the file at `path` to disk, before it is moved to its name.
pub fn sync_file(path: &Path) -> io::Result<()> {
    File::open(path).and_then(|f| f.sync_all())
}

/// Best effort: a name is durable only once its folder is on disk too.
fn sync_folder(path: &Path) {
    let _ = File::open(folder_of(path)).and_then(|d| d.sync_all());
}

/// Removes a journal this run has just made and its companion files, when what it was made
/// for did not happen (`sync join` whose batches did not hold a journal).
pub fn remove_journal_files(path: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(companion(path, suffix));
    }
    let _ = std::fs::remove_file(path);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_name_is_never_taken_over_and_a_replacement_is() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.db");
        fs::write(&target, "theirs").unwrap();
        let temp = temp_beside(&target, "new").unwrap();
        fs::write(temp.path(), "ours").unwrap();
        assert!(matches!(
            place_new(temp.into_temp_path(), &target),
            Err(PlaceError::Taken)
        ));
        assert_eq!(fs::read_to_string(&target).unwrap(), "theirs");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temp left");
        let temp = temp_beside(&target, "new").unwrap();
        fs::write(temp.path(), "ours").unwrap();
        place_over(temp.into_temp_path(), &target).unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "ours");
        let fresh = dir.path().join("fresh.db");
        let temp = temp_beside(&fresh, "new").unwrap();
        place_new(temp.into_temp_path(), &fresh).unwrap();
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
