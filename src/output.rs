//! Writing files the user asked for (`export --output`, `backup`) safely.
//!
//! A file is built under a temporary name in the same folder, created readable only by you
//! (0600), flushed to disk, and only then moved to its name, so nobody ever finds a half
//! written export or backup there, and an earlier file of that name survives a failure.
//! rekindle never writes over the journal itself, nor over another SQLite database.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Read as _, Write};
use std::os::unix::fs::{MetadataExt as _, OpenOptionsExt as _};
use std::path::{Path, PathBuf};

use anyhow::Context as _;

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
    if let Ok(meta) = fs::metadata(path) {
        if meta.is_dir() {
            return Err(UserError::new(format!(
                "{shown} is a folder; give {flag} a file name, such as {}",
                path.join(example).display()
            ))
            .into());
        }
        if is_journal(path, journal) {
            return Err(UserError::new(format!(
                "{shown} is part of your journal itself; choose another file for {flag}"
            ))
            .into());
        }
    }
    folder_of(path)?;
    Ok(())
}

/// Whether `path` is the journal or one of its companion files (`-wal`, `-shm`).
fn is_journal(path: &Path, journal: &Path) -> bool {
    let same = |a: &Path, b: &Path| match (fs::metadata(a), fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    };
    if same(path, journal) {
        return true;
    }
    ["-wal", "-shm", "-journal"].iter().any(|suffix| {
        let mut side = journal.as_os_str().to_owned();
        side.push(suffix);
        same(path, Path::new(&side))
    })
}

/// Whether the file at `path` is an SQLite database (a journal, a backup, anything else).
pub fn is_database(path: &Path) -> bool {
    let mut head = [0u8; 16];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == b"SQLite format 3\0")
}

/// The folder a file will be written in; it must exist already.
fn folder_of(path: &Path) -> anyhow::Result<PathBuf> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
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

/// A temporary file beside `path`, created 0600 and removed again unless it is placed.
pub struct Temp {
    pub path: PathBuf,
    placed: bool,
}

impl Temp {
    pub fn beside(path: &Path, purpose: &str) -> anyhow::Result<(Temp, File)> {
        let dir = folder_of(path)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "rekindle".into());
        for attempt in 0..100u32 {
            let candidate = dir.join(format!(
                ".{name}.{purpose}-{}-{attempt}",
                std::process::id()
            ));
            match OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&candidate)
            {
                Ok(file) => {
                    return Ok((
                        Temp {
                            path: candidate,
                            placed: false,
                        },
                        file,
                    ));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    return Err(e).with_context(|| format!("cannot write {}", path.display()));
                }
            }
        }
        anyhow::bail!("cannot find a free temporary name in {}", dir.display())
    }

    /// Moves the finished file to `path`. With `replace`, an existing file there is replaced
    /// in one step; without it, an existing file is left alone and the move is refused.
    pub fn place(mut self, path: &Path, replace: bool, flag_hint: &str) -> anyhow::Result<()> {
        File::open(&self.path)
            .and_then(|f| f.sync_all())
            .with_context(|| format!("cannot write {}", path.display()))?;
        if replace {
            fs::rename(&self.path, path)
                .with_context(|| format!("cannot write {}", path.display()))?;
        } else {
            match fs::hard_link(&self.path, path) {
                Ok(()) => {
                    let _ = fs::remove_file(&self.path);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    return Err(UserError::new(format!(
                        "{} already exists; {flag_hint}",
                        path.display()
                    ))
                    .into());
                }
                // Some file systems have no hard links; a rename after a fresh check is next best.
                Err(_) if fs::symlink_metadata(path).is_err() => {
                    fs::rename(&self.path, path)
                        .with_context(|| format!("cannot write {}", path.display()))?;
                }
                Err(_) => {
                    return Err(UserError::new(format!(
                        "{} already exists; {flag_hint}",
                        path.display()
                    ))
                    .into());
                }
            }
        }
        self.placed = true;
        // The new name is durable only once the folder itself is on disk.
        if let Ok(dir) = folder_of(path) {
            let _ = File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(())
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if !self.placed {
            let _ = fs::remove_file(&self.path);
        }
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
    if is_database(&target) {
        return Err(UserError::new(format!(
            "{} is a database (a journal or a backup), so rekindle will not write over it; choose another file for {flag}",
            path.display()
        ))
        .into());
    }
    let (temp, file) = Temp::beside(&target, "new")?;
    let mut writer = BufWriter::new(file);
    fill(&mut writer)?;
    writer
        .flush()
        .with_context(|| format!("cannot write {}", path.display()))?;
    drop(writer);
    temp.place(&target, true, "")
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
