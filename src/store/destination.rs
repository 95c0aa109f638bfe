//! Files the user names (`export --output`, `report --output`, `backup FILE`): where they
//! may go, and writing them safely.
//!
//! A file is built under a temporary name in the same folder, readable only by you (0600),
//! flushed to disk, and only then moved to its name ([`super::files`]), so nobody ever finds a
//! half written export or backup there, and an earlier file of that name survives a failure.
//! rekindle never writes over the journal itself, nor over another SQLite database. An
//! existing named pipe or device (`/dev/null`) is written straight into and never replaced.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::cleanup;
use super::files::{self, PlaceError};
use crate::domain::error::UserError;

/// Why a destination cannot be used, before anything is written.
pub fn check_destination(path: &Path, journal: &Path, flag: &str) -> anyhow::Result<()> {
    let example = if flag == "backup" {
        "rekindle-backup.db"
    } else {
        "rekindle-export.json"
    };
    check_destination_named(path, journal, flag, example)
}

/// [`check_destination`], suggesting `example` as a file name when `path` is a folder.
pub fn check_destination_named(
    path: &Path,
    journal: &Path,
    flag: &str,
    example: &str,
) -> anyhow::Result<()> {
    let shown = path.display();
    if path.as_os_str().is_empty() {
        return Err(UserError::new(format!("{flag} needs a file name")).into());
    }
    if fs::metadata(path).is_ok_and(|meta| meta.is_dir()) {
        return Err(UserError::new(format!(
            "{shown} is a folder; give {flag} a file name, such as {}",
            path.join(example).display()
        ))
        .into());
    }
    // Also a name SQLite would take for one of the journal's own files, before it exists.
    if files::is_part_of(path, journal) {
        return Err(UserError::new(format!(
            "{shown} is part of your journal itself; choose another file for {flag}"
        ))
        .into());
    }
    existing_folder(path)?;
    refuse_what_others_control(path, flag)?;
    Ok(())
}

/// Refuses a name someone else could redirect: a symbolic link that belongs to another user
/// (planted in a shared folder, it would send the file into one of yours), or a name in a
/// folder that others can write and that is not sticky (they could swap the name for such a
/// link between the check and the write). For a link of your own, the folder of the file it
/// points to is checked too, since the file is written there.
fn refuse_what_others_control(path: &Path, flag: &str) -> anyhow::Result<()> {
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
    let me = super::privacy::current_user();
    let shown = path.display();
    if let Ok(meta) = fs::symlink_metadata(path)
        && meta.file_type().is_symlink()
        && meta.uid() != me
    {
        return Err(UserError::new(format!(
            "{shown} is a symbolic link that belongs to {}, not to you, so rekindle will not write through it; choose another file for {flag}",
            super::privacy::user_name(meta.uid())
        ))
        .into());
    }
    let mut folders = vec![files::folder_of(path)];
    if let Ok(target) = fs::canonicalize(path) {
        folders.push(files::folder_of(&target));
    }
    for folder in folders {
        let Ok(meta) = fs::metadata(&folder) else {
            continue;
        };
        let mode = meta.permissions().mode() & 0o7777;
        if mode & 0o022 != 0 && mode & 0o1000 == 0 {
            return Err(UserError::new(format!(
                "the folder {} can be changed by other users (mode {mode:04o}) and is not a shared folder that keeps each person's files their own, so someone could swap {shown} for a link to one of your files while rekindle writes; choose a folder of your own for {flag}",
                folder.display()
            ))
            .into());
        }
    }
    Ok(())
}

/// The folder a file will be written in; it must exist already.
fn existing_folder(path: &Path) -> anyhow::Result<PathBuf> {
    let dir = files::folder_of(path);
    match fs::metadata(&dir) {
        Ok(meta) if meta.is_dir() => Ok(dir),
        Ok(_) => anyhow::bail!(
            "cannot write {}: {} is not a folder",
            path.display(),
            dir.display()
        ),
        Err(e) if e.kind() == io::ErrorKind::NotFound => anyhow::bail!(
            "cannot write {}: the folder {} does not exist",
            path.display(),
            dir.display()
        ),
        Err(e) => Err(e).with_context(|| format!("cannot write {}", path.display())),
    }
}

/// Where a file the user named is really written.
#[derive(Debug, PartialEq, Eq)]
pub enum Place {
    /// A regular file (or a name not yet taken): built beside `path` and moved into place.
    /// When the name is a symbolic link to a file, `path` is the file it points to, so the
    /// link stays a link.
    File(PathBuf),
    /// An existing pipe or character device (a named pipe, `/dev/null`, a terminal): written
    /// straight into, never replaced.
    Stream,
}

/// Decides how `path` is written, refusing kinds of file that cannot take an export.
pub fn place_of(path: &Path, flag: &str) -> anyhow::Result<Place> {
    use std::os::unix::fs::FileTypeExt as _;
    let Ok(meta) = fs::metadata(path) else {
        return Ok(Place::File(path.to_path_buf()));
    };
    let kind = meta.file_type();
    if kind.is_fifo() || kind.is_char_device() {
        return Ok(Place::Stream);
    }
    let what = if kind.is_block_device() {
        "a disk device"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_file() {
        let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            return Ok(Place::File(path.to_path_buf()));
        }
        return match fs::canonicalize(path) {
            Ok(target) => Ok(Place::File(target)),
            Err(e) => Err(e).with_context(|| format!("cannot write {}", path.display())),
        };
    } else {
        "not a file"
    };
    Err(UserError::new(format!(
        "{} is {what}, which rekindle will not write into; give {flag} a file name",
        path.display()
    ))
    .into())
}

/// Whether `path` is this process's own standard output (`/dev/stdout`, `/dev/fd/1`, or the
/// very file or pipe standard output goes to), so that writing there means printing.
pub fn is_stdout(path: &Path) -> bool {
    use std::os::fd::AsFd as _;
    let Ok(target) = fs::metadata(path) else {
        return false;
    };
    let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() else {
        return false;
    };
    File::from(fd)
        .metadata()
        .is_ok_and(|out| out.dev() == target.dev() && out.ino() == target.ino())
}

/// Writes `path` atomically with mode 0600, through `fill`. An existing file is replaced,
/// unless it is a database: an export never lands on a journal or a backup. An existing pipe
/// or device (a named pipe, `/dev/null`) is written straight into and never replaced.
pub fn write_atomic(
    path: &Path,
    journal: &Path,
    flag: &str,
    fill: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    check_destination(path, journal, flag)?;
    // The kind of file is decided before anything opens it: opening a named pipe to read
    // its first bytes (as the database check does) would wait for a writer forever.
    let target = match place_of(path, flag)? {
        Place::Stream => return write_stream(path, fill),
        Place::File(target) => target,
    };
    if files::is_sqlite(&target) {
        return Err(UserError::new(format!(
            "{} is a database (a journal or a backup), so rekindle will not write over it; choose another file for {flag}",
            path.display()
        ))
        .into());
    }
    // Errors name the file written: the one a symbolic link points to, when it is one.
    let cannot = || format!("cannot write {}", target.display());
    // Tracked before it is made, and dropped after it is removed (declared first), so an
    // interruption never misses it.
    let tracked = cleanup::track(&files::temp_prefix(&target, "new"));
    let temp = files::temp_beside(&target, "new").with_context(cannot)?;
    let mut writer = BufWriter::new(temp.as_file());
    fill(&mut writer)?;
    writer
        .flush()
        .with_context(|| format!("cannot write {}", path.display()))?;
    drop(writer);
    temp.as_file().sync_all().with_context(cannot)?;
    tracked
        .placed(|| files::place_over(temp.into_temp_path(), &target))
        .with_context(cannot)
}

/// Puts the finished file at `temp` (made with [`files::temp_beside`], and `tracked` since)
/// at `path`: replacing what is there with `replace`, and otherwise refusing with "already
/// exists" and `hint`.
pub fn place(
    temp: tempfile::TempPath,
    tracked: cleanup::Tracked,
    path: &Path,
    replace: bool,
    hint: &str,
) -> anyhow::Result<()> {
    let cannot = || format!("cannot write {}", path.display());
    files::sync_file(&temp).with_context(cannot)?;
    if replace {
        return tracked
            .placed(|| files::place_over(temp, path))
            .with_context(cannot);
    }
    match tracked.placed(|| files::place_new(temp, path)) {
        Ok(()) => Ok(()),
        Err(PlaceError::Taken) => {
            Err(UserError::new(format!("{} already exists; {hint}", path.display())).into())
        }
        Err(PlaceError::Io(e)) => Err(e).with_context(cannot),
    }
}

/// Writes into an existing pipe or device as it is: no temporary file, no rename, and no
/// change to its permissions.
fn write_stream(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let file = OpenOptions::new()
        .write(true)
        .open(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    let mut writer = BufWriter::new(file);
    fill(&mut writer)?;
    writer
        .flush()
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;

    #[test]
    fn a_file_is_written_whole_and_private_and_replaces_an_older_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        let journal = dir.path().join("journal.db");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        write_atomic(&path, &journal, "--output", |w| Ok(w.write_all(b"new")?)).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temp left");
    }

    #[test]
    fn a_failed_fill_leaves_the_old_file_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        fs::write(&path, "old").unwrap();
        let result = write_atomic(&path, Path::new("/nonexistent"), "--output", |w| {
            w.write_all(b"half")?;
            anyhow::bail!("disk full")
        });
        assert!(result.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn the_journal_and_other_databases_are_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("journal.db");
        fs::write(&journal, b"SQLite format 3\0rest of a database").unwrap();
        let err = write_atomic(&journal, &journal, "--output", |_| Ok(())).unwrap_err();
        assert!(
            err.to_string().contains("part of your journal itself"),
            "{err}"
        );
        let other = dir.path().join("backup.db");
        fs::copy(&journal, &other).unwrap();
        let err = write_atomic(&other, &journal, "--output", |_| Ok(())).unwrap_err();
        assert!(err.to_string().contains("is a database"), "{err}");
        let err = write_atomic(
            &dir.path().join("nope/x.json"),
            &journal,
            "--output",
            |_| Ok(()),
        )
        .unwrap_err();
        assert!(format!("{err:#}").contains("does not exist"), "{err:#}");
    }

    #[test]
    fn pipes_are_streams_and_files_are_files() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        assert_eq!(place_of(&fifo, "--output").unwrap(), Place::Stream);
        let file = dir.path().join("out.json");
        assert_eq!(
            place_of(&file, "--output").unwrap(),
            Place::File(file.clone())
        );
        fs::write(&file, "x").unwrap();
        assert_eq!(
            place_of(&file, "--output").unwrap(),
            Place::File(file.clone())
        );
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        assert_eq!(
            place_of(&link, "--output").unwrap(),
            Place::File(fs::canonicalize(&file).unwrap())
        );
    }
}
