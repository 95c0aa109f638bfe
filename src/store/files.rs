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
            .any(|suffix| same(path, &companion(journal, suffix)))
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

/// A new, empty, private (0600) file in the folder of `target`, named after it and
/// `purpose` (`.export.json.new-XXXXXX`); it is removed again unless it is placed.
pub fn temp_beside(target: &Path, purpose: &str) -> io::Result<NamedTempFile> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "rekindle".into());
    tempfile::Builder::new()
        .prefix(&format!(".{name}.{purpose}-"))
        .tempfile_in(folder_of(target))
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
