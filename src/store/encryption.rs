//! Turning a journal into an encrypted one, back into a plain one, or onto a new key, in
//! place and safely.
//!
//! A complete copy is written under a temporary name beside the journal (the name a creation
//! uses, so an interrupted run's leftover is cleaned up like one, see [`super::leftovers`]),
//! with SQLCipher's `sqlcipher_export`; it is checked (integrity, the same number of records
//! of every kind, rekindle's identity in its header, WAL mode) and only then renamed over the
//! journal. A run killed before the rename leaves the journal as it was; after it, the new
//! file is complete. While the copy is made the journal is held in SQLite's rollback mode with
//! its write lock taken, so no other command can write to the old file meanwhile, and closing
//! it leaves no `-wal` or `-shm` of the old file behind the new one. When the old file was
//! plain, its bytes are then overwritten with zeros through a handle kept open across the
//! rename, so they do not survive in the folder (a copy-on-write file system or an SSD may
//! still hold old blocks below the file system: docs/encryption.md says so).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Seek, SeekFrom, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use rusqlite::Connection;
use tempfile::TempPath;

use super::cipher::{self, DbKey};
use super::inspect::{counts, integrity_problems};
use super::schema::APPLICATION_ID;
use super::{Store, StoreError, files, leftovers};
use crate::domain::kind::RecordKind;

/// What a conversion wrote, for the command to report.
#[derive(Debug)]
pub struct Converted {
    /// Records of each kind, the same in the old file and the new one.
    pub counts: Vec<(RecordKind, i64)>,
    /// Whether the old file's bytes were overwritten.
    pub wiped: bool,
}

/// Rewrites the journal at `path`, opened with `current` (its key, when it is encrypted), as
/// a file encrypted with `new` (or plain, with `None`). `before_rename` runs once the new
/// file is complete and checked, with its path, before it replaces the journal (the `.keys`
/// file is written there, so an encrypted journal is never without it).
pub fn convert(
    path: &Path,
    current: Option<&DbKey>,
    new: Option<&DbKey>,
    before_rename: impl FnOnce(&Path) -> anyhow::Result<()>,
) -> anyhow::Result<Converted> {
    if !cipher::AVAILABLE {
        return Err(crate::domain::error::UserError::new(
            "this rekindle was built without encryption (the `plain` feature); build it with the default features to encrypt or decrypt a journal",
        )
        .into());
    }
    // Opening brings the schema up to date and checks the key.
    let store = Store::open_with(path, current)?;
    let holder = store.conn;
    hold(&holder)?;
    let temp = leftovers::temp_name(path, std::process::id());
    let result = (|| {
        write_copy(path, current, new, &temp)?;
        let counts_now = check_copy(&temp, new, &holder)?;
        files::sync_file(&temp).map_err(|source| StoreError::Io {
            path: temp.clone(),
            source,
        })?;
        before_rename(&temp)?;
        // The old file stays reachable through this handle after the rename, to be wiped.
        let old = match current {
            None => Some(
                OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(|source| StoreError::Io {
                        path: path.to_path_buf(),
                        source,
                    })?,
            ),
            Some(_) => None,
        };
        let built = TempPath::try_from_path(&temp).map_err(|source| StoreError::Io {
            path: temp.clone(),
            source,
        })?;
        files::place_over(built, path).map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Ok((counts_now, old))
    })();
    let _ = holder.execute_batch("ROLLBACK");
    drop(holder);
    let (counts, old) = match result {
        Ok(done) => done,
        Err(e) => {
            let _ = leftovers::remove(&[temp]);
            return Err(e);
        }
    };
    let wiped = match old {
        Some(file) => wipe(file).is_ok(),
        None => false,
    };
    Ok(Converted { counts, wiped })
}

/// Puts the journal in rollback mode (so that closing this connection later touches no `-wal`
/// or `-shm` by name, which by then belong to the new file) and takes its write lock.
fn hold(conn: &Connection) -> anyhow::Result<()> {
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
    let mode: String = conn
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        .map_err(|_| busy_elsewhere())?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(busy_elsewhere());
    }
    conn.execute_batch("BEGIN IMMEDIATE")
        .map_err(|_| busy_elsewhere())?;
    Ok(())
}

fn busy_elsewhere() -> anyhow::Error {
    crate::domain::error::UserError::new(
        "another rekindle command has the journal open; nothing was changed. Try again when it has finished",
    )
    .into()
}

/// `x'<hex>'` for a key, `''` for a plain file, as `ATTACH … KEY` takes them.
fn attach_key(key: Option<&DbKey>) -> String {
    match key {
        Some(key) => {
            let hex: String = key.as_bytes().iter().map(|b| format!("{b:02x}")).collect();
            format!("\"x'{hex}'\"")
        }
        None => "''".into(),
    }
}

fn write_copy(
    path: &Path,
    current: Option<&DbKey>,
    new: Option<&DbKey>,
    temp: &Path,
) -> anyhow::Result<()> {
    leftovers::remove(&[temp.to_path_buf()]).map_err(|source| StoreError::Io {
        path: temp.to_path_buf(),
        source,
    })?;
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(temp)
        .map_err(|source| StoreError::Io {
            path: temp.to_path_buf(),
            source,
        })?;
    let reader = Connection::open(path)?;
    if let Some(key) = current {
        cipher::key_connection(&reader, key)?;
    }
    reader.execute_batch("PRAGMA cipher_log_level = NONE")?;
    let version: i64 = reader.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let temp_text = temp
        .to_str()
        .ok_or_else(|| anyhow::anyhow!("the journal's folder name is not valid UTF-8"))?;
    cipher::wake_openssl();
    reader.execute(
        &format!("ATTACH DATABASE ?1 AS converted KEY {}", attach_key(new)),
        [temp_text],
    )?;
    // sqlcipher_export copies every table, index, trigger and row, but not these two header
    // fields, and leaves the copy in rollback mode.
    let exported = reader
        .query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))
        .and_then(|()| {
            reader.execute_batch(&format!(
                "PRAGMA converted.user_version = {version};
                 PRAGMA converted.application_id = {APPLICATION_ID};"
            ))
        });
    let detached = reader.execute_batch("DETACH DATABASE converted");
    exported?;
    detached?;
    reader.close().map_err(|(_, e)| e)?;
    Ok(())
}

/// Opens the copy as a journal would be opened and compares it with the journal.
fn check_copy(
    temp: &Path,
    key: Option<&DbKey>,
    journal: &Connection,
) -> anyhow::Result<Vec<(RecordKind, i64)>> {
    let copy = Connection::open(temp)?;
    if let Some(key) = key {
        cipher::key_connection(&copy, key)?;
    }
    let mode: String = copy.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        anyhow::bail!("the new copy could not be put in WAL mode; your journal was not changed");
    }
    let app: i32 = copy.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i64 = copy.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let expected: i64 = journal.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if app != APPLICATION_ID || version != expected {
        anyhow::bail!("the new copy lost the journal's identity; your journal was not changed");
    }
    let mut problems = integrity_problems(&copy)?;
    if key.is_some() {
        let mut stmt = copy.prepare("PRAGMA cipher_integrity_check")?;
        let cipher_problems = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        drop(stmt);
        problems.extend(cipher_problems);
    }
    if !problems.is_empty() {
        anyhow::bail!(
            "the new copy failed its check ({}); your journal was not changed",
            problems.join("; ")
        );
    }
    let new_counts = counts(&copy)?;
    if new_counts != counts(journal)? {
        anyhow::bail!(
            "the new copy does not hold every record of the journal; your journal was not changed"
        );
    }
    copy.close().map_err(|(_, e)| e)?;
    let wal = files::companion(temp, "-wal");
    if fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        anyhow::bail!("the new copy's log was not emptied; your journal was not changed");
    }
    for suffix in files::COMPANIONS {
        let _ = fs::remove_file(files::companion(temp, suffix));
    }
    Ok(new_counts)
}

/// Overwrites the whole of an old, already replaced file with zeros, and flushes it.
fn wipe(mut file: File) -> io::Result<()> {
    let len = file.metadata()?.len();
    file.seek(SeekFrom::Start(0))?;
    let zeros = vec![0u8; 64 * 1024];
    let mut left = len;
    while left > 0 {
        let n = left.min(zeros.len() as u64) as usize;
        file.write_all(&zeros[..n])?;
        left -= n as u64;
    }
    file.sync_all()
}

/// The 16 random bytes an SQLCipher file starts with (its salt): public, different for every
/// encrypted file, so a `.keys` file records them to tell whether it belongs to the journal
/// beside it, without any passphrase.
pub fn file_salt(path: &Path) -> Option<String> {
    let head = files::head(path, 16)?;
    (head.len() == 16).then(|| head.iter().map(|b| format!("{b:02x}")).collect())
}

/// Writes `contents` to `path` whole (a temporary file renamed over it), readable only by its
/// owner (0600).
pub fn write_private(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    let io_err = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut temp = files::temp_beside(path, "new").map_err(io_err)?;
    temp.write_all(contents).map_err(io_err)?;
    temp.as_file().sync_all().map_err(io_err)?;
    files::place_over(temp.into_temp_path(), path).map_err(io_err)?;
    Ok(())
}

#[cfg(all(test, feature = "encryption"))]
mod tests {
    use super::*;
    use crate::domain::model::Role;
    use crate::store::{clock, partners};
    use std::path::PathBuf;

    fn journal_with_words(dir: &Path) -> PathBuf {
        let path = dir.join("journal.db");
        let (mut store, ()) = Store::create(&path, |tx| {
            partners::insert(tx, &clock::testing(tx)?, "Sam", Role::Mutual)?;
            Ok(())
        })
        .unwrap();
        store
            .write(|tx| {
                let p = partners::all(tx)?[0].id;
                tx.execute(
                    "INSERT INTO checkins (uuid, partner_id, date, trust, step, answer, created_at, updated_at)
                     VALUES ('u1', ?1, '2026-11-20', 5, 'responsibility', 'porcupine lighthouse', 't', 't')",
                    [p],
                )?;
                Ok(())
            })
            .unwrap();
        path
    }

    fn folder_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    }

    fn contains(bytes: &[u8], word: &[u8]) -> bool {
        bytes.windows(word.len()).any(|w| w == word)
    }

    #[test]
    fn encrypting_leaves_no_plain_byte_in_the_folder_and_decrypting_gives_it_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = journal_with_words(dir.path());
        let key = DbKey::random().unwrap();
        let mut seen_temp = None;
        let done = convert(&path, None, Some(&key), |temp| {
            seen_temp = Some(temp.to_path_buf());
            assert!(cipher::looks_encrypted(temp));
            Ok(())
        })
        .unwrap();
        assert!(done.wiped);
        assert!(!seen_temp.unwrap().exists());
        for (name, bytes) in folder_bytes(dir.path()) {
            assert!(!contains(&bytes, b"porcupine"), "{name}");
            assert!(!contains(&bytes, b"SQLite format 3"), "{name}");
            assert!(!contains(&bytes, b"CREATE TABLE"), "{name}");
        }
        // Without its key slots beside it, an encrypted file is noise like any other;
        // with them, it is a journal that needs its key.
        assert!(matches!(
            Store::open(&path).err(),
            Some(StoreError::NotAJournal { .. })
        ));
        fs::write(crate::store::keyfile::path_for(&path), "{}").unwrap();
        assert!(matches!(
            Store::open(&path).err(),
            Some(StoreError::Locked(_))
        ));
        fs::remove_file(crate::store::keyfile::path_for(&path)).unwrap();
        assert!(matches!(
            Store::open_with(&path, Some(&DbKey::random().unwrap())).err(),
            Some(StoreError::WrongKey(_))
        ));
        let store = Store::open_with(&path, Some(&key)).unwrap();
        let answer: String = store
            .conn()
            .query_row("SELECT answer FROM checkins", [], |r| r.get(0))
            .unwrap();
        assert_eq!(answer, "porcupine lighthouse");
        let mode: String = store
            .conn()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        // A write through the encrypted journal's WAL stays unreadable too.
        let conn = store.conn();
        conn.execute_batch("PRAGMA wal_autocheckpoint = 0").unwrap();
        conn.execute(
            "UPDATE checkins SET answer = 'marmalade harbour' WHERE uuid = 'u1'",
            [],
        )
        .unwrap();
        let wal = fs::read(files::companion(&path, "-wal")).unwrap();
        assert!(!wal.is_empty());
        assert!(!contains(&wal, b"marmalade"));
        drop(store);

        let back = convert(&path, Some(&key), None, |_| Ok(())).unwrap();
        assert!(!back.wiped);
        assert_eq!(back.counts, done.counts);
        let store = Store::open(&path).unwrap();
        let answer: String = store
            .conn()
            .query_row("SELECT answer FROM checkins", [], |r| r.get(0))
            .unwrap();
        assert_eq!(answer, "marmalade harbour");
    }

    #[test]
    fn a_failure_before_the_rename_leaves_the_journal_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = journal_with_words(dir.path());
        let before = fs::read(&path).unwrap();
        let err = convert(&path, None, Some(&DbKey::random().unwrap()), |_| {
            anyhow::bail!("stopped on purpose")
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "stopped on purpose");
        let names: Vec<String> = folder_bytes(dir.path())
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, ["journal.db"]);
        // Only the journal-mode bytes of the header changed (rollback mode while held); the
        // next open puts it back in WAL mode.
        let after = fs::read(&path).unwrap();
        assert_eq!(after.len(), before.len());
        let store = Store::open(&path).unwrap();
        assert_eq!(crate::store::counts(store.conn()).unwrap()[1].1, 1);
    }

    #[test]
    fn a_new_key_replaces_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = journal_with_words(dir.path());
        let first = DbKey::random().unwrap();
        convert(&path, None, Some(&first), |_| Ok(())).unwrap();
        let salt = file_salt(&path).unwrap();
        let second = DbKey::random().unwrap();
        convert(&path, Some(&first), Some(&second), |_| Ok(())).unwrap();
        assert_ne!(file_salt(&path).unwrap(), salt);
        assert!(matches!(
            Store::open_with(&path, Some(&first)).err(),
            Some(StoreError::WrongKey(_))
        ));
        assert!(Store::open_with(&path, Some(&second)).is_ok());
    }
}
