//! The journal file: every SQL statement, and every operation on the journal's files
//! (creating it, backing it up, checking it, the files beside it).
//!
//! [`Store::open`] opens an existing journal (refusing files that are not rekindle journals,
//! or that a newer rekindle wrote, without touching them), [`Store::create`] makes a new one
//! atomically, and [`Store::open_in_memory`] serves tests. Each module named after a kind of
//! record holds its queries, as functions over a `&Connection` so that a command can compose
//! several inside the single transaction [`Store::write`] gives it. The journal's structure
//! is [`schema`]; its files and the ones the user names are [`files`] and [`destination`].

pub mod apologies;
pub mod backup;
pub mod checkins;
pub mod cipher;
pub mod cleanup;
pub mod clock;
mod columns;
pub mod damage;
pub mod destination;
pub mod encryption;
mod error;
pub mod exchange;
pub mod exercises;
pub mod feelings;
pub mod files;
pub mod focus;
pub mod history;
pub mod inspect;
pub mod keyfile;
pub mod leftovers;
mod lock;
pub mod meetings;
pub mod notes;
pub mod partner_keys;
pub mod partners;
pub mod plain;
pub mod privacy;
pub mod progress;
pub mod promises;
pub mod records;
pub mod restore;
pub mod revisions;
#[doc(hidden)]
pub mod sample;
pub mod schema;
pub mod search;
pub mod sync;
pub mod today;
pub mod undo;

use std::fs;
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

pub use columns::date_at;
use columns::text_column;
pub use damage::{explain_damage, is_damage};

/// An error met while a command ran, in words when it is about the journal's files: a damaged
/// journal ([`damage`]), a lock, a full disk, a read-only folder ([`plain`]).
pub fn explain(journal: &Path, err: anyhow::Error) -> anyhow::Error {
    plain::explain(journal, explain_damage(journal, err))
}
pub use error::StoreError;
pub use inspect::{counts, integrity_problems};
use lock::{busy, wait_for_the_lock};
use schema::{MIGRATIONS, check_identity, configure, migrate};

pub use schema::{SCHEMA_VERSION, schema_version};
use tempfile::TempPath;

pub use cipher::DbKey;

/// An open journal.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// What the privacy check found that others can read (see [`privacy::check`]): said on
    /// every command until `doctor --fix` mends it.
    warnings: Vec<String>,
    clock: clock::Clock,
}

impl Store {
    /// Opens an existing plain journal, bringing its schema up to date. Before SQLite reads a
    /// byte, the journal's files must be yours and unwritable by others ([`privacy::check`]),
    /// and the file must be a rekindle journal this program understands
    /// ([`schema::identify`]); anything else is refused and left exactly as it was.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, None)
    }

    /// Opens an existing journal, with its key when it is encrypted (see [`cipher`]).
    pub fn open_with(path: &Path, key: Option<&DbKey>) -> Result<Store, StoreError> {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                return Err(StoreError::NotAJournal {
                    path: path.to_path_buf(),
                    reason: "it is a directory".into(),
                });
            }
            // A device or a pipe is no journal, whoever may write it: said before the privacy
            // check, whose advice (chmod) is for a journal's own files only.
            Ok(meta) if !meta.is_file() => {
                return Err(StoreError::NotAJournal {
                    path: path.to_path_buf(),
                    reason: "it is not a regular file".into(),
                });
            }
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(StoreError::Missing(path.to_path_buf()));
            }
            Err(source) => {
                return Err(StoreError::Io {
                    path: path.to_path_buf(),
                    source,
                });
            }
        }
        let warnings = privacy::check(path)?;
        match key {
            None if cipher::looks_encrypted(path) && keyfile::path_for(path).exists() => {
                return Err(StoreError::Locked(path.to_path_buf()));
            }
            // Without its key slots, an encrypted journal cannot be told from any other file.
            None if cipher::looks_encrypted(path) => {
                return Err(StoreError::NotAJournal {
                    path: path.to_path_buf(),
                    reason: "it is not an SQLite database; if it is an encrypted journal whose .keys file was lost, put its recovery code in a file and name that file in REKINDLE_PASSPHRASE_FILE".into(),
                });
            }
            _ => {}
        }
        schema::identify(path, key)?;
        files::refuse_stray_rollback_file(path)?;
        // Without SQLITE_OPEN_CREATE: a file that vanished in between is not recreated.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn =
            Connection::open_with_flags(path, flags).map_err(|source| StoreError::Open {
                path: path.to_path_buf(),
                source,
            })?;
        conn.busy_handler(Some(wait_for_the_lock))?;
        if let Some(key) = key {
            cipher::key_connection(&conn, key).map_err(|source| StoreError::Open {
                path: path.to_path_buf(),
                source,
            })?;
        }
        check_identity(&conn, path, key.is_some())?;
        configure(&mut conn)?;
        migrate(&mut conn, MIGRATIONS, path)?;
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
            warnings,
            clock: clock::Clock::System,
        })
    }

    /// The privacy warnings found when the journal was opened, for the caller to say once.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// Creates a new journal at `path` and fills it with `setup`, all or nothing: the journal
    /// is built under a temporary name beside it and moved into place only when complete, so
    /// no half-made journal is ever seen there, even if the process is killed. The directory
    /// is created 0700, the file 0600. Temporary files that an interrupted earlier attempt
    /// left beside it are removed first (see [`leftovers`]).
    pub fn create<T>(
        path: &Path,
        setup: impl FnOnce(&Transaction<'_>) -> anyhow::Result<T>,
    ) -> anyhow::Result<(Store, T)> {
        if fs::symlink_metadata(path).is_ok() {
            return Err(StoreError::Exists(path.to_path_buf()).into());
        }
        let dir = files::folder_of(path);
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir)
            .map_err(|source| StoreError::Io {
                path: dir.clone(),
                source,
            })?;
        privacy::check_new(path)?;
        // Best effort: a leftover that cannot be removed is harmless, as nothing reads it.
        let _ = leftovers::remove(&leftovers::stale(path));
        let temp = leftovers::temp_name(path, std::process::id());
        let tracked = cleanup::track(&temp);
        let result = build_new(&temp, setup).and_then(|value| {
            // Never over a file that appeared at `path` meanwhile; the new name is synced to
            // disk with its folder, so it survives a power cut as the contents do.
            let built = TempPath::try_from_path(&temp).map_err(|source| StoreError::Io {
                path: temp.clone(),
                source,
            })?;
            match tracked.placed(|| files::place_new(built, path)) {
                Ok(()) => Ok(value),
                Err(files::PlaceError::Taken) => Err(StoreError::Exists(path.to_path_buf()).into()),
                Err(files::PlaceError::Io(source)) => Err(StoreError::Io {
                    path: path.to_path_buf(),
                    source,
                }
                .into()),
            }
        });
        let _ = leftovers::remove(&[temp]);
        let value = result?;
        Ok((Store::open(path)?, value))
    }

    /// A fresh journal in memory, for tests.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        configure(&mut conn)?;
        migrate(&mut conn, MIGRATIONS, Path::new(":memory:"))?;
        Ok(Store {
            conn,
            path: None,
            warnings: Vec::new(),
            clock: clock::Clock::System,
        })
    }

    /// The same journal, with "now" read from `clock`.
    pub fn with_clock(mut self, clock: clock::Clock) -> Store {
        self.clock = clock;
        self
    }

    /// Where this journal's "now" comes from.
    pub fn clock(&self) -> clock::Clock {
        self.clock
    }

    /// Writes what is waiting in the write-ahead log into the journal and empties the log, so
    /// content just deleted leaves the log too. Best effort: a reader holding the log open
    /// keeps it until it is done, and then the next write's checkpoint empties it.
    pub fn checkpoint(&self) {
        let _ = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The connection itself, for an operation on the whole file (a restore).
    pub fn into_connection(self) -> Connection {
        self.conn
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `f` in one IMMEDIATE transaction: everything it writes is committed together, or
    /// nothing is when it fails. IMMEDIATE takes the write lock up front, so two writers wait
    /// for each other (up to the busy timeout) instead of failing half-way.
    pub fn write<T>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(busy)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// [`Store::write`] for a caller that holds the store only shared (the context proving
    /// who acts notes that a notice was shown): the same one IMMEDIATE transaction. Never
    /// called while another transaction is open on this connection (a `write` borrows the
    /// store mutably, so none can be).
    pub fn write_shared<T>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        let tx =
            Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate).map_err(busy)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

fn build_new<T>(
    temp: &Path,
    setup: impl FnOnce(&Transaction<'_>) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    // A leftover from a crashed attempt by this same pid is ours to replace.
    leftovers::remove(&[temp.to_path_buf()]).map_err(|source| StoreError::Io {
        path: temp.to_path_buf(),
        source,
    })?;
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(temp)
        .map_err(|source| StoreError::Io {
            path: temp.to_path_buf(),
            source,
        })?;
    // Built in SQLite's default rollback-journal mode: every committed page is in the file
    // itself, so the file alone is the whole journal when it is linked into place.
    let mut conn = Connection::open(temp)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    schema::forget_deleted_content(&conn)?;
    migrate(&mut conn, MIGRATIONS, temp)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let value = setup(&tx)?;
    tx.commit()?;
    // WAL is recorded in the file's header, so the journal is born in WAL mode and no process
    // ever has to switch it (a switch needs every other connection out of the way).
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.close().map_err(|(_, e)| e)?;
    if !mode.eq_ignore_ascii_case("wal") {
        anyhow::bail!("cannot put the new journal in WAL mode (SQLite kept {mode:?})");
    }
    // Closing the only connection checkpoints and removes the write-ahead log; the switch
    // wrote nothing to it, so an empty one (some systems keep it) holds nothing to lose.
    let wal = files::companion(temp, "-wal");
    if fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        anyhow::bail!(
            "the new journal's log {} was not emptied when it closed",
            wal.display()
        );
    }
    Ok(value)
}

pub fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Role;
    use lock::BUSY_TIMEOUT;
    use rusqlite::ErrorCode;
    use std::time::Duration;

    #[test]
    fn a_new_journal_is_born_in_wal_mode_with_nothing_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        let (store, ()) = Store::create(&path, |_| Ok(())).unwrap();
        drop(store);
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["journal.db"]);
        // Bytes 18 and 19 of the header are 2 in a WAL database.
        let header = fs::read(&path).unwrap();
        assert_eq!((header[18], header[19]), (2, 2));
    }

    // Why every write begins IMMEDIATE: a transaction that starts by reading and then writes,
    // after another process committed in between, fails at once with SQLITE_BUSY; SQLite
    // does not call the busy handler then, since waiting could not help. Store::write holds
    // the write lock from its first statement, so no other commit can come in between.
    #[test]
    fn a_read_that_turns_into_a_write_fails_at_once_which_is_why_writes_begin_immediate() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        Store::create(&path, |tx| {
            Ok(partners::insert(
                tx,
                &clock::testing(tx)?,
                "Sam",
                Role::Mutual,
            )?)
        })
        .unwrap();
        let deferred = Connection::open(&path).unwrap();
        deferred.busy_timeout(BUSY_TIMEOUT).unwrap();
        deferred.execute_batch("BEGIN DEFERRED").unwrap();
        let _: i64 = deferred
            .query_row("SELECT count(*) FROM partners", [], |r| r.get(0))
            .unwrap();
        let mut other = Store::open(&path).unwrap();
        other
            .write(|tx| {
                Ok(partners::insert(
                    tx,
                    &clock::testing(tx)?,
                    "Alex",
                    Role::Mutual,
                )?)
            })
            .unwrap();
        let started = std::time::Instant::now();
        let err = deferred
            .execute("UPDATE partners SET role = 'healing'", [])
            .unwrap_err();
        assert_eq!(err.sqlite_error_code(), Some(ErrorCode::DatabaseBusy));
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "it did not wait"
        );
        deferred.execute_batch("ROLLBACK").unwrap();
    }

    #[test]
    fn a_writer_that_waits_too_long_says_so_in_words() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        let (mut store, ()) = Store::create(&path, |_| Ok(())).unwrap();
        let other = Connection::open(&path).unwrap();
        other.execute_batch("BEGIN IMMEDIATE").unwrap();
        store
            .conn()
            .busy_timeout(Duration::from_millis(50))
            .unwrap();
        let err = store
            .write(|tx| {
                Ok(partners::insert(
                    tx,
                    &clock::testing(tx)?,
                    "Sam",
                    Role::Mutual,
                )?)
            })
            .unwrap_err();
        assert!(
            matches!(err.downcast_ref(), Some(StoreError::Busy)),
            "{err:?}"
        );
        assert!(err.to_string().starts_with("the journal is busy"), "{err}");
        other.execute_batch("ROLLBACK").unwrap();
        assert!(
            store
                .write(|tx| Ok(partners::insert(
                    tx,
                    &clock::testing(tx)?,
                    "Sam",
                    Role::Mutual
                )?))
                .is_ok()
        );
    }

    #[test]
    fn a_writer_waits_for_the_other_writer_instead_of_failing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        Store::create(&path, |tx| {
            Ok(partners::insert(
                tx,
                &clock::testing(tx)?,
                "Sam",
                Role::Mutual,
            )?)
        })
        .unwrap();
        let holding = std::sync::Barrier::new(2);
        let held = Duration::from_millis(600);
        std::thread::scope(|scope| {
            scope.spawn(|| {
                let mut store = Store::open(&path).unwrap();
                store
                    .write(|tx| {
                        partners::insert(tx, &clock::testing(tx)?, "Alex", Role::Mutual)?;
                        holding.wait();
                        std::thread::sleep(held);
                        Ok(())
                    })
                    .unwrap();
            });
            let mut store = Store::open(&path).unwrap();
            holding.wait();
            let started = std::time::Instant::now();
            store
                .write(|tx| {
                    Ok(tx.execute(
                        "UPDATE partners SET role = 'healing' WHERE name = 'Sam'",
                        [],
                    )?)
                })
                .unwrap();
            assert!(started.elapsed() >= held / 2, "{:?}", started.elapsed());
        });
        let store = Store::open(&path).unwrap();
        assert_eq!(partners::all(store.conn()).unwrap().len(), 2);
    }

    #[test]
    fn in_memory_journal_has_every_kind_and_the_current_version() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(schema_version(store.conn()).unwrap(), SCHEMA_VERSION as i64);
        let counts = counts(store.conn()).unwrap();
        assert_eq!(counts.len(), 11);
        assert!(counts.iter().all(|(_, n)| *n == 0));
        assert!(integrity_problems(store.conn()).unwrap().is_empty());
    }

    #[test]
    fn search_index_follows_check_in_text() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .write(|tx| {
                let p = partners::insert(tx, &clock::testing(tx)?, "Sam", Role::Mutual)?;
                tx.execute(
                    "INSERT INTO checkins (uuid, partner_id, date, trust, step, answer, created_at, updated_at)
                     VALUES ('u1', ?1, '2026-11-20', 5, 'responsibility', 'we walked by the river', 't', 't')",
                    [p.id],
                )?;
                tx.execute("UPDATE checkins SET answer = 'we cooked together' WHERE uuid = 'u1'", [])?;
                Ok(())
            })
            .unwrap();
        let hits = |word: &str| -> i64 {
            store
                .conn()
                .query_row(
                    "SELECT count(*) FROM search WHERE search MATCH ?1",
                    [word],
                    |r| r.get(0),
                )
                .unwrap()
        };
        assert_eq!(hits("river"), 0);
        assert_eq!(hits("cooking"), 1, "porter stemming matches cooked");
    }

    #[test]
    fn failed_write_leaves_nothing_behind() {
        let mut store = Store::open_in_memory().unwrap();
        let result: anyhow::Result<()> = store.write(|tx| {
            partners::insert(tx, &clock::testing(tx)?, "Sam", Role::Mutual)?;
            anyhow::bail!("something went wrong after the first insert")
        });
        assert!(result.is_err());
        assert_eq!(partners::all(store.conn()).unwrap().len(), 0);
    }
}
