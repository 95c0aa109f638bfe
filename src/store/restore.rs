//! Putting a backup back in place of the journal, safely (DESIGN.md, "Records change over
//! time, visibly": `restore FILE`).
//!
//! Copying a backup over the journal file with `cp` is unsafe while anything is left beside
//! it: a `-wal` from a process that was killed is replayed onto the copied file by the next
//! command, and the result is either the old journal coming back or a damaged one. Here
//! nothing is copied over a file. In order:
//!
//! 1. The backup is copied into a private temporary folder (with its `-wal`, if it has one)
//!    and opened there: whatever SQLite does to open it happens to the copy, never to the
//!    backup itself. It must be a rekindle journal this program understands, and it must
//!    pass SQLite's integrity check; an older one is brought up to date.
//! 2. The journal is opened in exclusive mode, so that no other command reads or writes it
//!    until the restore is done (they wait, as they wait for any write). Opening it folds in
//!    whatever its own `-wal` holds: a log left by a killed process belongs to this journal,
//!    and what it holds is kept with the rest.
//! 3. The journal as it is is kept aside as a backup, beside it
//!    (`journal.db.before-restore-YYYY-MM-DD.db`), checked like any backup; a journal too
//!    damaged for that is kept aside byte for byte instead.
//! 4. SQLite's online backup copies every page of the checked copy into the journal through
//!    the journal's own connection, so the journal's log and index stay consistent with its
//!    file; the log is then folded in, and the result is checked.
//!
//! An encrypted journal's backup (`rekindle backup` of it: `FILE` encrypted with the journal's
//! key, and its key slots in `FILE.keys`) is restored over the encrypted journal with the key
//! the command unlocked: the copy, the journal kept aside (with its own `.keys`) and the
//! restored journal are all encrypted with it, and `FILE.keys` is put beside the journal,
//! recording the journal file's salt (see [`CARRIED`]). A backup that key does not open, and a
//! plain backup over an encrypted journal or the reverse, are refused with what to do.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use chrono::NaiveDate;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::cipher::{self, DbKey};
use super::files::{self, companion};
use super::inspect::{counts, integrity_problems};
use super::lock::wait_for_the_lock;
use super::{Store, StoreError, backup, cleanup, encryption, keyfile};
use crate::domain::error::UserError;
use crate::domain::kind::RecordKind;

/// Suffixes of files that belong with a journal and are restored with it: the key slots of an
/// encrypted journal.
pub const CARRIED: &[&str] = &[files::KEYS];

/// What a restore did.
#[derive(Debug)]
pub struct Restored {
    /// Where the journal as it was is kept, when there was one.
    pub kept_aside: Option<PathBuf>,
    /// Whether the journal was damaged, and kept aside byte for byte.
    pub was_damaged: bool,
    /// How many records of each kind the restored journal holds.
    pub counts: Vec<(RecordKind, i64)>,
}

/// A checked, up-to-date copy of the backup at `from`, in a private temporary folder that
/// is removed when this is dropped.
struct Checked {
    _folder: tempfile::TempDir,
    _tracked: cleanup::Tracked,
    conn: Connection,
}

/// Copies the backup at `from` into a private folder beside `journal` and opens it there,
/// bringing it up to date; refuses anything that is not a sound rekindle journal.
fn checked_copy(from: &Path, journal: &Path, key: Option<&DbKey>) -> anyhow::Result<Checked> {
    let shown = from.display();
    fs::metadata(from).map_err(|e| {
        anyhow::anyhow!(
            "cannot restore from {shown}: {}; nothing was restored",
            crate::domain::files::in_words(&e)
        )
    })?;
    let encrypted = cipher::looks_encrypted(from) && keyfile::path_for(from).is_file();
    match (encrypted, key) {
        (true, None) => {
            return Err(UserError::new(format!(
                "{shown} is an encrypted backup, and the journal at {} is not encrypted with its key, so nothing was restored. To put it back, move the journal's files aside and copy {shown} to {} and {} to {}",
                journal.display(),
                journal.display(),
                keyfile::path_for(from).display(),
                keyfile::path_for(journal).display()
            ))
            .into());
        }
        (false, Some(_)) if files::is_sqlite(from) => {
            return Err(UserError::new(format!(
                "{shown} is a backup that is not encrypted, and your journal is; nothing was restored. Run `rekindle decrypt` first, then restore it, then `rekindle encrypt` again"
            ))
            .into());
        }
        _ => {}
    }
    if !encrypted && let Some(reason) = super::schema::not_a_journal_reason(from) {
        return Err(UserError::new(format!(
            "{shown} is not a rekindle journal or backup ({reason}); nothing was restored"
        ))
        .into());
    }
    if files::is_part_of(from, journal) {
        return Err(UserError::new(format!(
            "{shown} is your journal itself; give restore a backup made with `rekindle backup`"
        ))
        .into());
    }
    let parent = files::folder_of(journal);
    let start = format!(".restore-{}-", std::process::id());
    let tracked = cleanup::track(&parent.join(&start));
    let folder = tempfile::Builder::new()
        .prefix(&start)
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir_in(&parent)
        .with_context(|| format!("cannot make a temporary folder in {}", parent.display()))?;
    let copy = folder.path().join("restored.db");
    for suffix in ["", "-wal"] {
        let source = companion(from, suffix);
        if suffix.is_empty() || source.is_file() {
            fs::copy(&source, companion(&copy, suffix))
                .with_context(|| format!("cannot read {}", source.display()))?;
        }
    }
    fs::set_permissions(&copy, std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
    // The copy is opened as any journal is: a newer one is refused, an older one upgraded.
    let store = Store::open_with(&copy, key.filter(|_| encrypted)).map_err(|e| match e {
        StoreError::TooNew { found, supported, .. } => anyhow::Error::from(UserError::new(format!(
            "{shown} was written by a newer version of rekindle (journal schema {found}; this program understands up to {supported}); nothing was restored. Update rekindle to restore it"
        ))),
        StoreError::WrongKey(_) => anyhow::Error::from(UserError::new(format!(
            "{shown} is encrypted with another key than your journal (it comes from another journal, or from before `encrypt --new-recovery-code`), so nothing was restored. To put it back, move the journal's files aside and copy {shown} and {} into their place",
            keyfile::path_for(from).display()
        ))),
        other => anyhow::Error::from(other)
            .context(format!("{shown} cannot be read as a journal; nothing was restored")),
    })?;
    let conn = store.into_connection();
    let problems = integrity_problems(&conn).unwrap_or_else(|e| vec![e.to_string()]);
    if !problems.is_empty() {
        return Err(UserError::new(format!(
            "{shown} fails SQLite's integrity check ({}), so it was not restored; your journal was not changed",
            problems.join("; ")
        ))
        .into());
    }
    Ok(Checked {
        _folder: folder,
        _tracked: tracked,
        conn,
    })
}

/// The name the journal as it was is kept under: beside it, dated, never over a file.
fn aside_name(journal: &Path, today: NaiveDate, n: u32) -> PathBuf {
    let suffix = if n == 0 {
        format!(".before-restore-{today}.db")
    } else {
        format!(".before-restore-{today}-{}.db", n + 1)
    };
    companion(journal, &suffix)
}

/// Puts the finished file at `temp` under the first free aside name.
fn place_aside(
    temp: tempfile::TempPath,
    journal: &Path,
    today: NaiveDate,
) -> anyhow::Result<PathBuf> {
    let mut temp = temp;
    for n in 0..1000 {
        let aside = aside_name(journal, today, n);
        match temp.persist_noclobber(&aside) {
            Ok(()) => return Ok(aside),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => temp = e.path,
            Err(e) => {
                return Err(e.error).with_context(|| format!("cannot write {}", aside.display()));
            }
        }
    }
    anyhow::bail!("too many earlier restores beside {}", journal.display())
}

/// Keeps the journal as it is, read through `live` (which holds it exclusively), as a
/// checked backup beside it; a journal too damaged for that is copied byte for byte, with
/// its log. Returns the aside path and whether it was damaged.
fn keep_aside(
    live: &Connection,
    journal: &Path,
    today: NaiveDate,
    key: Option<&DbKey>,
) -> anyhow::Result<(PathBuf, bool)> {
    let tracked = cleanup::track(&files::temp_prefix(journal, "backup"));
    let folder = files::temp_folder_beside(journal, "backup")
        .with_context(|| format!("cannot write beside {}", journal.display()))?;
    let temp = files::private_temp_file(folder.path().join("journal.db"))?;
    let copied = backup::copy_into(live, journal, &temp, key);
    let damaged = match copied {
        Ok(_) => false,
        Err(e) if super::is_damage(&e) => {
            fs::copy(journal, &temp)
                .with_context(|| format!("cannot copy {}", journal.display()))?;
            true
        }
        Err(e) => return Err(e.context("cannot keep your journal aside, so nothing was restored")),
    };
    files::sync_file(&temp)?;
    let aside = tracked.placed(|| place_aside(temp, journal, today))?;
    // An encrypted journal kept aside keeps its key slots beside it, so it can be restored.
    if key.is_some() {
        carry_slots(&keyfile::path_for(journal), &aside)?;
    }
    if damaged {
        let wal = companion(journal, "-wal");
        if wal.is_file() {
            fs::copy(&wal, companion(&aside, "-wal"))
                .with_context(|| format!("cannot copy {}", wal.display()))?;
        }
    }
    Ok((aside, damaged))
}

/// Writes the key slots read from `slots` beside the encrypted file `to` (`to.keys`),
/// recording that file's own salt; without slots to read, `to` opens with the recovery code
/// (and the slots are written again from the partners' passphrases after the command).
fn carry_slots(slots: &Path, to: &Path) -> anyhow::Result<()> {
    let salt = encryption::file_salt(to).unwrap_or_default();
    let slots = keyfile::read(slots).map(|f| f.slots).unwrap_or_default();
    keyfile::write(&keyfile::path_for(to), &keyfile::KeyFile::new(salt, slots))
}

/// Opens the journal for the restore: exclusively, so other commands wait until it is done.
fn open_exclusive(journal: &Path, key: Option<&DbKey>) -> anyhow::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(journal, flags).map_err(|source| StoreError::Open {
        path: journal.to_path_buf(),
        source,
    })?;
    conn.busy_handler(Some(wait_for_the_lock))?;
    if let Some(key) = key {
        cipher::key_connection(&conn, key)?;
    }
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
    // Taken at the first write, and then held until the connection closes.
    conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;")
        .map_err(super::lock::busy)?;
    Ok(conn)
}

/// Restores the backup at `from` in place of the journal at `journal` (see the module
/// documentation). `today` dates the name the journal as it was is kept under; `key` is the
/// encrypted journal's, `None` for a plain one.
pub fn restore(
    from: &Path,
    journal: &Path,
    today: NaiveDate,
    key: Option<&DbKey>,
) -> anyhow::Result<Restored> {
    if fs::symlink_metadata(journal).is_err() {
        // No journal yet: its folder is made (0700) as a new journal's would be.
        let folder = files::folder_of(journal);
        std::os::unix::fs::DirBuilderExt::mode(fs::DirBuilder::new().recursive(true), 0o700)
            .create(&folder)
            .with_context(|| format!("cannot make the folder {}", folder.display()))?;
        super::privacy::check_new(journal)?;
        let checked = checked_copy(from, journal, None)?;
        return restore_new(checked, journal);
    }
    let checked = checked_copy(from, journal, key)?;
    // The journal's own checks first: another user's files, a folder others can change, a
    // file that is not a journal or a newer one are refused and left as they are.
    match Store::open_with(journal, key).map_err(anyhow::Error::from) {
        Ok(store) => drop(store),
        Err(e) if super::is_damage(&e) => {}
        Err(e) => return Err(e),
    }
    let mut live = open_exclusive(journal, key)?;
    let (aside, was_damaged) = keep_aside(&live, journal, today, key)?;
    copy_pages(&checked.conn, &mut live)?;
    live.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    let problems = integrity_problems(&live)?;
    if !problems.is_empty() {
        anyhow::bail!(
            "the restored journal failed its integrity check ({}); your journal as it was is kept at {}",
            problems.join("; "),
            aside.display()
        );
    }
    let counts = counts(&live)?;
    live.close().map_err(|(_, e)| e)?;
    if key.is_some() {
        carry_slots(&keyfile::path_for(from), journal)?;
    }
    Ok(Restored {
        kept_aside: Some(aside),
        was_damaged,
        counts,
    })
}

/// Copies every page of `from` into `to` in one step of SQLite's online backup.
fn copy_pages(from: &Connection, to: &mut Connection) -> anyhow::Result<()> {
    let backup = Backup::new(from, to)?;
    let started = Instant::now();
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            StepResult::Busy | StepResult::Locked
                if started.elapsed() < Duration::from_secs(30) =>
            {
                std::thread::sleep(Duration::from_millis(50));
            }
            StepResult::Busy | StepResult::Locked => {
                return Err(StoreError::Busy.into());
            }
            _ => {}
        }
    }
}

/// No journal yet: the checked copy becomes it, as a new journal would (WAL mode, private,
/// moved into place in one step and never over a file).
fn restore_new(checked: Checked, journal: &Path) -> anyhow::Result<Restored> {
    let counts = counts(&checked.conn)?;
    let tracked = cleanup::track(&files::temp_prefix(journal, "new"));
    let folder = files::temp_folder_beside(journal, "new")
        .with_context(|| format!("cannot write {}", journal.display()))?;
    let temp = files::private_temp_file(folder.path().join("journal.db"))?;
    backup::copy_into(&checked.conn, journal, &temp, None)?;
    {
        let conn = Connection::open(&temp)?;
        let _: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    }
    files::sync_file(&temp)?;
    match tracked.placed(|| files::place_new(temp, journal)) {
        Ok(()) => {}
        Err(files::PlaceError::Taken) => {
            return Err(StoreError::Exists(journal.to_path_buf()).into());
        }
        Err(files::PlaceError::Io(e)) => {
            return Err(
                anyhow::Error::new(e).context(format!("cannot write {}", journal.display()))
            );
        }
    }
    Ok(Restored {
        kept_aside: None,
        was_damaged: false,
        counts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Role;
    use crate::store::partners;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    #[test]
    fn aside_names_never_collide() {
        let journal = Path::new("/j/journal.db");
        assert_eq!(
            aside_name(journal, day(), 0),
            PathBuf::from("/j/journal.db.before-restore-2026-11-21.db")
        );
        assert_eq!(
            aside_name(journal, day(), 1),
            PathBuf::from("/j/journal.db.before-restore-2026-11-21-2.db")
        );
    }

    #[test]
    fn a_restore_brings_back_the_backup_and_keeps_the_journal_aside() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("journal.db");
        let (mut store, ()) = Store::create(&journal, |tx| {
            let stamp = crate::store::clock::testing(tx)?;
            Ok(partners::insert(tx, &stamp, "Sam", Role::Mutual).map(|_| ())?)
        })
        .unwrap();
        let saved = dir.path().join("backup.db");
        backup::copy_into(store.conn(), &journal, &saved, None).unwrap();
        store
            .write(|tx| {
                let stamp = crate::store::clock::testing(tx)?;
                Ok(partners::insert(tx, &stamp, "Alex", Role::Mutual).map(|_| ())?)
            })
            .unwrap();
        // Another connection still has the journal open: the restore waits for nobody to
        // be reading, so it is closed here, as a command would finish.
        drop(store);
        let done = restore(&saved, &journal, day(), None).unwrap();
        let aside = done.kept_aside.unwrap();
        let names = |path: &Path| -> Vec<String> {
            let conn = Connection::open(path).unwrap();
            partners::all(&conn)
                .unwrap()
                .into_iter()
                .map(|p| p.name)
                .collect()
        };
        assert_eq!(names(&journal), ["Sam"]);
        assert_eq!(names(&aside), ["Sam", "Alex"]);
        assert!(!done.was_damaged);
        // The backup itself is untouched, and nothing temporary is left.
        let left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('.'))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
