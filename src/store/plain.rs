//! SQLite's errors about the journal's files, in words: a lock someone else holds, a full
//! disk, a read-only folder or file system. Nobody sees "database is locked" or an SQLite
//! error code; each becomes one sentence that says what happened, that nothing was saved,
//! and what to do. (A damaged journal is [`super::damage`]'s.)

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

use super::StoreError;
use super::files::folder_of;
use super::lock::BUSY_TIMEOUT;

/// Below this much free space, an input/output error on the journal is taken for a full disk.
const NEARLY_FULL: u64 = 64 * 1024;

/// What went wrong, found from SQLite's code and a look at the files.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Trouble {
    #[error(
        "the journal at {} is locked by another program (not a rekindle command: those let others read while they write), and it stayed locked for {} seconds, so nothing was read or saved. Close the program that has the journal open (an sqlite3 shell, a backup or sync tool) and try again",
        .0.display(),
        BUSY_TIMEOUT.as_secs()
    )]
    LockedElsewhere(PathBuf),
    #[error(
        "the disk that holds the journal at {} is full, so nothing was written and your journal is as it was. Free some space and try again",
        .0.display()
    )]
    DiskFull(PathBuf),
    #[error("the journal at {} cannot be changed here: {why}, so nothing was saved", path.display())]
    ReadOnly { path: PathBuf, why: String },
    #[error(
        "the computer could not read or write the journal's files at {} (the disk reported an input/output error), so nothing was saved. Run `rekindle doctor` once the disk is working",
        .0.display()
    )]
    Io(PathBuf),
    #[error(
        "the journal at {} could not be opened: SQLite needs to make its -wal and -shm files beside it in {}, and could not. Check that the folder is yours and that you can write in it",
        path.display(),
        folder.display()
    )]
    CannotOpen { path: PathBuf, folder: PathBuf },
}

/// The SQLite error behind `err`, looking inside the errors that carry one.
fn sqlite_error(err: &anyhow::Error) -> Option<(ErrorCode, bool)> {
    err.chain().find_map(|cause| {
        let e = match cause.downcast_ref::<StoreError>() {
            Some(StoreError::Open { source, .. }) => source,
            Some(StoreError::Migration(e) | StoreError::Sqlite(e)) => e,
            Some(_) => return None,
            None => cause.downcast_ref::<rusqlite::Error>()?,
        };
        let opening = matches!(cause.downcast_ref(), Some(StoreError::Open { .. }));
        e.sqlite_error_code().map(|code| (code, opening))
    })
}

/// Whether `err` happened while reading: in WAL mode a rekindle writer never blocks a
/// reader, so a lock met there is held by another program. (A wait that ran out inside a
/// write is [`StoreError::Busy`] already, which names both.)
fn is_wait_ran_out(err: &anyhow::Error) -> bool {
    err.chain()
        .any(|c| matches!(c.downcast_ref(), Some(StoreError::Busy)))
}

/// Turns an SQLite error about the journal's files into [`Trouble`]; any other error is
/// returned as it is.
pub fn explain(journal: &Path, err: anyhow::Error) -> anyhow::Error {
    if is_wait_ran_out(&err) {
        return err;
    }
    let Some((code, opening)) = sqlite_error(&err) else {
        return err;
    };
    let path = journal.to_path_buf();
    let trouble = match code {
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Trouble::LockedElsewhere(path),
        ErrorCode::DiskFull => Trouble::DiskFull(path),
        ErrorCode::ReadOnly => Trouble::ReadOnly {
            why: read_only_reason(journal).unwrap_or_else(|| {
                "the file or the folder it is in cannot be written by you".to_string()
            }),
            path,
        },
        // SQLite cannot make its -wal and -shm files in a folder it cannot write.
        ErrorCode::CannotOpen => match read_only_reason(journal) {
            Some(why) => Trouble::ReadOnly { why, path },
            None if opening || journal.exists() => Trouble::CannotOpen {
                folder: folder_of(journal),
                path,
            },
            None => return err,
        },
        ErrorCode::SystemIoFailure if nearly_full(journal) => Trouble::DiskFull(path),
        ErrorCode::SystemIoFailure => Trouble::Io(path),
        _ => return err,
    };
    trouble.into()
}

/// Whether the disk holding `journal` has (next to) no room left.
fn nearly_full(journal: &Path) -> bool {
    rustix::fs::statvfs(folder_of(journal))
        .is_ok_and(|fs| fs.f_bavail.saturating_mul(fs.f_frsize) < NEARLY_FULL)
}

/// Why the journal cannot be written, from what its files and folder say; `None` when
/// nothing there is read-only.
fn read_only_reason(journal: &Path) -> Option<String> {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = |path: &Path| fs::metadata(path).map(|m| m.permissions().mode() & 0o7777);
    let folder = folder_of(journal);
    let read_only_fs = rustix::fs::statvfs(&folder)
        .is_ok_and(|fs| fs.f_flag.contains(rustix::fs::StatVfsMountFlags::RDONLY));
    if read_only_fs {
        return Some(format!(
            "the disk or file system that holds {} is mounted read-only",
            folder.display()
        ));
    }
    if let Ok(m) = mode(journal)
        && m & 0o200 == 0
    {
        return Some(format!(
            "the file is read-only (mode {m:04o}); `chmod 600 '{}'` makes it writable again",
            journal.display()
        ));
    }
    if let Ok(m) = mode(&folder)
        && m & 0o200 == 0
    {
        return Some(format!(
            "its folder {} is read-only (mode {m:04o}), and SQLite needs to write its -wal and -shm files there; `chmod 700 '{}'` makes it writable again",
            folder.display(),
            folder.display()
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;

    fn failure(code: i32) -> anyhow::Error {
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(code),
            Some("database is locked".into()),
        ))
        .into()
    }

    fn said(err: anyhow::Error) -> String {
        format!("{err:#}")
    }

    #[test]
    fn a_lock_held_by_another_program_is_named_and_no_code_is_shown() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        // A real lock: another connection in exclusive locking mode.
        let holder = rusqlite::Connection::open(&path).unwrap();
        holder
            .execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA locking_mode = EXCLUSIVE; \
                 CREATE TABLE t (n); BEGIN EXCLUSIVE; COMMIT;",
            )
            .unwrap();
        let reader = rusqlite::Connection::open(&path).unwrap();
        reader.busy_timeout(std::time::Duration::ZERO).unwrap();
        let busy = reader
            .query_row("SELECT count(*) FROM t", [], |r| r.get::<_, i64>(0))
            .unwrap_err();
        let err = StoreError::Open {
            path: path.clone(),
            source: busy,
        };
        let text = said(explain(&path, err.into()));
        assert!(text.contains("is locked by another program"), "{text}");
        assert!(text.contains("nothing was read or saved"), "{text}");
        assert!(!text.contains("database is locked"), "{text}");
        assert!(!text.contains("code"), "{text}");
    }

    #[test]
    fn a_full_disk_says_nothing_was_written() {
        let path = Path::new("/nonexistent/journal.db");
        let text = said(explain(path, failure(rusqlite::ffi::SQLITE_FULL)));
        assert!(
            text.starts_with("the disk that holds the journal"),
            "{text}"
        );
        assert!(text.contains("nothing was written"), "{text}");
        assert!(!text.contains("code"), "{text}");
    }

    #[test]
    fn a_read_only_folder_or_file_says_which_and_how_to_mend_it() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("locked");
        fs::create_dir(&folder).unwrap();
        let journal = folder.join("journal.db");
        fs::write(&journal, b"").unwrap();
        fs::set_permissions(&journal, fs::Permissions::from_mode(0o400)).unwrap();
        let text = said(explain(&journal, failure(rusqlite::ffi::SQLITE_READONLY)));
        assert!(text.contains("the file is read-only (mode 0400)"), "{text}");
        fs::set_permissions(&journal, fs::Permissions::from_mode(0o600)).unwrap();
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o500)).unwrap();
        let text = said(explain(&journal, failure(rusqlite::ffi::SQLITE_READONLY)));
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o700)).unwrap();
        assert!(text.contains("is read-only (mode 0500)"), "{text}");
        assert!(text.contains("nothing was saved"), "{text}");
        assert!(!text.contains("attempt to write"), "{text}");
    }

    #[test]
    fn other_errors_pass_through_as_they_are() {
        let path = Path::new("/nonexistent/journal.db");
        let err = explain(path, anyhow::anyhow!("something else"));
        assert_eq!(said(err), "something else");
        let err = explain(path, StoreError::Busy.into());
        assert!(said(err).starts_with("the journal is busy"));
    }
}
