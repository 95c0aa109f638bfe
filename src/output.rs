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

use crate::error::UserError;

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

/// Writes `path` atomically with mode 0600, through `fill`. An existing file is replaced,
/// unless it is a database: an export never lands on a journal or a backup.
pub fn write_atomic(
    path: &Path,
    journal: &Path,
    flag: &str,
    fill: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    check_destination(path, journal, flag)?;
    if is_database(path) {
        return Err(UserError::new(format!(
            "{} is a database (a journal or a backup), so rekindle will not write over it; choose another file for {flag}",
            path.display()
        ))
        .into());
    }
    let (temp, file) = Temp::beside(path, "new")?;
    let mut writer = BufWriter::new(file);
    fill(&mut writer)?;
    writer
        .flush()
        .with_context(|| format!("cannot write {}", path.display()))?;
    drop(writer);
    temp.place(path, true, "")
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
}
