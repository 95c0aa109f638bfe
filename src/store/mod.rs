//! The journal file: the one module that owns SQL.
//!
//! [`Store::open`] opens an existing journal (refusing files that are not rekindle journals,
//! or that a newer rekindle wrote, without touching them), [`Store::create`] makes a new one
//! atomically, and [`Store::open_in_memory`] serves tests. Each submodule holds the queries
//! for one kind of record, as functions over a `&Connection` so that a command can compose
//! several inside the single transaction [`Store::write`] gives it.

pub mod apologies;
pub mod checkins;
pub mod exchange;
pub mod feelings;
pub mod focus;
pub mod history;
pub mod leftovers;
pub mod meetings;
pub mod partners;
pub mod progress;
pub mod promises;
#[doc(hidden)]
pub mod sample;
pub mod search;

use std::fs;
use std::io::{self, IsTerminal as _, Write as _};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};

use crate::domain::model::{Role, Step};

/// "RKDL": written into the SQLite header by the first migration.
pub const APPLICATION_ID: i32 = 0x524B_444C;

/// The schema, one script per version: script N takes a journal from version N to N + 1.
/// A released script is never edited; a change to the schema is a new script.
const MIGRATIONS: &[&str] = &[include_str!("migrations/0001_initial.sql")];

/// The schema version this program writes and understands.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

/// How long a writer waits for another command's write to finish before giving up. A
/// check-in takes milliseconds; importing fifty years of entries holds the journal for about
/// 13 seconds on a laptop-class machine, and a writer behind it should still get through.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// After waiting this long, a writer in a terminal says what it is waiting for, so that a
/// pause behind a large import does not look like a hang.
const BUSY_NOTE_AFTER: Duration = Duration::from_secs(1);

/// How long the `attempt`-th pause of one wait lasts: short at first, as most writes end
/// within milliseconds, then steady.
fn busy_pause(attempt: u32) -> Duration {
    Duration::from_millis(if attempt < 10 {
        5 * u64::from(attempt + 1)
    } else {
        50
    })
}

/// How long one wait has lasted before its `attempt`-th pause.
fn busy_waited(attempt: u32) -> Duration {
    let first = attempt.min(10);
    let ramp = 5 * u64::from(first) * u64::from(first + 1) / 2;
    Duration::from_millis(ramp + 50 * u64::from(attempt.saturating_sub(10)))
}

/// SQLite's busy handler: called while another process holds the lock, with `attempt`
/// counting from 0 in each wait. Returning false gives up, and the statement fails busy.
fn wait_for_the_lock(attempt: i32) -> bool {
    let attempt = u32::try_from(attempt).unwrap_or(0);
    let waited = busy_waited(attempt);
    if waited >= BUSY_TIMEOUT {
        return false;
    }
    let pause = busy_pause(attempt);
    if waited < BUSY_NOTE_AFTER && waited + pause >= BUSY_NOTE_AFTER && io::stderr().is_terminal() {
        let _ = writeln!(
            io::stderr(),
            "rekindle: waiting for another rekindle command to finish writing to the journal..."
        );
    }
    std::thread::sleep(pause);
    true
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("there is no journal at {} yet; run `rekindle init` to create one", .0.display())]
    Missing(PathBuf),
    #[error("a journal already exists at {}; it was left unchanged", .0.display())]
    Exists(PathBuf),
    #[error("{} is not a rekindle journal ({reason}); it was left untouched", path.display())]
    NotAJournal { path: PathBuf, reason: String },
    #[error(
        "{} was written by a newer version of rekindle (journal schema {found}; this program understands up to {supported}); it was left untouched. Please update rekindle to open it",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: usize,
        supported: usize,
    },
    #[error(
        "the journal at {} is damaged: {detail}. Run `rekindle doctor` to see what can be saved, and keep a copy of the file as it is before trying anything else",
        path.display()
    )]
    Damaged { path: PathBuf, detail: String },
    #[error("cannot use {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("cannot open the journal at {}: {source}", path.display())]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(
        "the journal is busy: another rekindle command has been writing to it for over {} seconds, so nothing was saved; please try again in a moment",
        BUSY_TIMEOUT.as_secs()
    )]
    Busy,
    #[error("updating the journal's structure failed: {0}")]
    Migration(rusqlite::Error),
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

/// An open journal.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens an existing journal, bringing its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                return Err(StoreError::NotAJournal {
                    path: path.to_path_buf(),
                    reason: "it is a directory".into(),
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
        // Without SQLITE_OPEN_CREATE: a file that vanished in between is not recreated.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn =
            Connection::open_with_flags(path, flags).map_err(|source| StoreError::Open {
                path: path.to_path_buf(),
                source,
            })?;
        conn.busy_handler(Some(wait_for_the_lock))?;
        check_identity(&conn, path)?;
        configure(&mut conn)?;
        migrate(&mut conn, MIGRATIONS, path)?;
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
        })
    }

    /// Creates a new journal at `path` and fills it with `setup`, all or nothing: the journal
    /// is built under a temporary name beside it and linked into place only when complete, so
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
        let dir = leftovers::folder_of(path);
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir)
            .map_err(|source| StoreError::Io {
                path: dir.clone(),
                source,
            })?;
        // Best effort: a leftover that cannot be removed is harmless, as nothing reads it.
        let _ = leftovers::remove(&leftovers::stale(path));
        let temp = leftovers::temp_name(path, std::process::id());
        let result = build_new(&temp, setup).and_then(|value| {
            link_into_place(&temp, path)?;
            Ok(value)
        });
        let _ = leftovers::remove(&[temp]);
        let value = result?;
        // The new name must survive a power cut as well as the journal's contents.
        let _ = fs::File::open(&dir).and_then(|d| d.sync_all());
        Ok((Store::open(path)?, value))
    }

    /// A fresh journal in memory, for tests.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        configure(&mut conn)?;
        migrate(&mut conn, MIGRATIONS, Path::new(":memory:"))?;
        Ok(Store { conn, path: None })
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
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
    let wal = leftovers::companion(temp, "-wal");
    if fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        anyhow::bail!(
            "the new journal's log {} was not emptied when it closed",
            wal.display()
        );
    }
    Ok(value)
}

/// Moves the finished journal to its name without ever replacing a file that appeared there
/// meanwhile: a hard link fails if the name is taken.
fn link_into_place(temp: &Path, path: &Path) -> anyhow::Result<()> {
    match fs::hard_link(temp, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            Err(StoreError::Exists(path.to_path_buf()).into())
        }
        // Some file systems have no hard links; a rename after a fresh check is next best.
        Err(_) if fs::symlink_metadata(path).is_err() => fs::rename(temp, path).map_err(|source| {
            StoreError::Io {
                path: path.to_path_buf(),
                source,
            }
            .into()
        }),
        Err(_) => Err(StoreError::Exists(path.to_path_buf()).into()),
    }
}

/// Why the existing file at `path` is not a rekindle journal, judged from its first 100
/// bytes alone (SQLite's header, where rekindle's application id lives), without asking
/// SQLite to open it; `None` when it is a journal, or cannot be read to tell.
pub fn not_a_journal_reason(path: &Path) -> Option<&'static str> {
    use std::io::Read as _;
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Some("it is a symbolic link to a file that does not exist");
        }
        Err(_) => return None,
    };
    if meta.is_dir() {
        return Some("it is a directory");
    }
    if !meta.is_file() {
        return Some("it is not a regular file");
    }
    if meta.len() == 0 {
        return Some("it is an empty file");
    }
    let mut header = Vec::with_capacity(100);
    fs::File::open(path)
        .ok()?
        .take(100)
        .read_to_end(&mut header)
        .ok()?;
    if !header.starts_with(b"SQLite format 3\0") {
        return Some("it is not an SQLite database");
    }
    let app = header
        .get(68..72)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map(i32::from_be_bytes);
    if app == Some(APPLICATION_ID) {
        None
    } else {
        Some("it is another program's SQLite database")
    }
}

/// Reads the header only: nothing here writes, so a foreign or newer file stays untouched.
fn check_identity(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let not_a_journal = |reason: &str| StoreError::NotAJournal {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    let read_header = || -> rusqlite::Result<(i32, usize, i64)> {
        let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let objects: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        Ok((app, usize::try_from(version).unwrap_or(usize::MAX), objects))
    };
    let (app, version, objects) = read_header().map_err(|e| match e.sqlite_error_code() {
        // A file that starts like an SQLite database but cannot be read as one is damaged,
        // not someone else's file.
        Some(code @ (ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt))
            if crate::output::is_database(path) =>
        {
            StoreError::Damaged {
                path: path.to_path_buf(),
                detail: damage_detail(code).to_string(),
            }
        }
        Some(ErrorCode::NotADatabase) => not_a_journal("it is not an SQLite database"),
        _ => StoreError::Open {
            path: path.to_path_buf(),
            source: e,
        },
    })?;
    if app != APPLICATION_ID {
        return Err(if objects == 0 && version == 0 {
            not_a_journal("it is empty")
        } else {
            not_a_journal("it is another program's SQLite database")
        });
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

fn configure(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.busy_handler(Some(wait_for_the_lock))?;
    switch_to_wal(conn)?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Any transaction opened with `conn.transaction()` takes the write lock up front too.
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    Ok(())
}

/// Puts a journal made in SQLite's older rollback mode into WAL mode. Every journal rekindle
/// creates is born in WAL mode (see [`build_new`]), so this reads the mode and usually stops.
///
/// The switch needs every other connection out of the way, and SQLite refuses it with "busy"
/// at once, without calling the busy handler, when another process holds the file even for a
/// moment: several commands opening an old journal together would fail. So the switch is
/// tried again with the busy handler's own pauses, for as long as a writer would wait.
fn switch_to_wal(conn: &Connection) -> rusqlite::Result<()> {
    let mut attempt = 0;
    loop {
        // journal_mode returns the mode as a row: "wal", "delete", ... ("memory" in memory).
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        if mode.eq_ignore_ascii_case("wal") || mode.eq_ignore_ascii_case("memory") {
            return Ok(());
        }
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
            Err(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
                ) && wait_for_the_lock(attempt) =>
            {
                attempt += 1;
            }
            other => return other.map(|_| ()),
        }
    }
}

/// Brings the schema up to version `scripts.len()`, in one transaction.
///
/// The version is read again once the write lock is held: when two processes open an older
/// journal at the same moment, the first runs the scripts and the second finds the work done,
/// instead of running them twice. The common case (already current) takes no lock at all, so
/// opening a journal never waits for someone else's write.
fn migrate(conn: &mut Connection, scripts: &[&str], path: &Path) -> Result<(), StoreError> {
    let target = scripts.len();
    if version_of(conn)? == target {
        return Ok(());
    }
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(busy)?;
    let found = version_of(&tx)?;
    if found > target {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            supported: target,
        });
    }
    for script in &scripts[found..] {
        tx.execute_batch(script).map_err(StoreError::Migration)?;
    }
    tx.pragma_update(None, "user_version", target as i64)?;
    tx.commit()?;
    Ok(())
}

/// Why SQLite could not read a journal whose header looks right, in words.
fn damage_detail(code: ErrorCode) -> &'static str {
    match code {
        ErrorCode::NotADatabase => {
            "it starts like a journal, but the rest of the file cannot be read as one"
        }
        _ => "parts of the file are not as SQLite wrote them",
    }
}

/// The SQLite error code behind `err`, looking inside the errors that carry one.
fn sqlite_code(err: &(dyn std::error::Error + 'static)) -> Option<ErrorCode> {
    if let Some(e) = err.downcast_ref::<rusqlite::Error>() {
        return e.sqlite_error_code();
    }
    match err.downcast_ref::<StoreError>()? {
        StoreError::Open { source: e, .. } | StoreError::Migration(e) | StoreError::Sqlite(e) => {
            e.sqlite_error_code()
        }
        _ => None,
    }
}

/// Whether `err` says the journal is damaged: SQLite found it corrupt (or not a database
/// after all) somewhere along the way, or opening it already said so.
pub fn is_damage(err: &anyhow::Error) -> bool {
    damage_code(err).is_some()
        || err
            .chain()
            .any(|c| matches!(c.downcast_ref(), Some(StoreError::Damaged { .. })))
}

fn damage_code(err: &anyhow::Error) -> Option<ErrorCode> {
    err.chain().find_map(|cause| match sqlite_code(cause) {
        Some(code @ (ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)) => Some(code),
        _ => None,
    })
}

/// Turns SQLite's "database disk image is malformed", met anywhere while a command ran, into
/// one plain message about the journal at `path`; any other error is returned as it is.
pub fn explain_damage(path: &Path, err: anyhow::Error) -> anyhow::Error {
    if err
        .chain()
        .any(|c| matches!(c.downcast_ref(), Some(StoreError::Damaged { .. })))
    {
        return err;
    }
    match damage_code(&err) {
        Some(code) => StoreError::Damaged {
            path: path.to_path_buf(),
            detail: damage_detail(code).to_string(),
        }
        .into(),
        None => err,
    }
}

/// Waiting for the write lock ran out of time: said in words, not as "database is locked".
fn busy(e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
        _ => StoreError::Sqlite(e),
    }
}

/// The schema version, with a negative one (never written by rekindle) read as too new.
fn version_of(conn: &Connection) -> rusqlite::Result<usize> {
    Ok(usize::try_from(schema_version(conn)?).unwrap_or(usize::MAX))
}

/// A UTC timestamp for `created_at`/`updated_at`: fixed width, so text order is time order.
pub fn timestamp() -> String {
    chrono::Utc::now()
        .format("%Y-%m-%dT%H:%M:%S%.6fZ")
        .to_string()
}

pub fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The schema version recorded in the file.
pub fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// `PRAGMA integrity_check` and `foreign_key_check` together: an empty list means healthy.
pub fn integrity_problems(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let mut problems: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<_>>()?;
    problems.retain(|p| p != "ok");
    let mut fk = conn.prepare("PRAGMA foreign_key_check")?;
    let broken = fk
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for table in broken {
        problems.push(format!("a row in {table} points at a record that is gone"));
    }
    Ok(problems)
}

/// The kinds of record, with the table each lives in, in the order people think of them.
pub const KINDS: [(&str, &str); 9] = [
    ("partners", "partners"),
    ("checkins", "checkins"),
    ("feelings", "feelings"),
    ("promises", "promises"),
    ("outcomes", "outcomes"),
    ("apologies", "apologies"),
    ("responses", "responses"),
    ("focus", "focus_changes"),
    ("meetings", "meetings"),
];

/// How many records of each kind the journal holds.
pub fn counts(conn: &Connection) -> rusqlite::Result<Vec<(&'static str, i64)>> {
    KINDS
        .iter()
        .map(|(kind, table)| {
            let n = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            Ok((*kind, n))
        })
        .collect()
}

/// Reads a `YYYY-MM-DD` column. Hot queries read thousands of dates, and this is several
/// times cheaper than chrono's general format parser, which rusqlite's own conversion uses.
pub fn date_at(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<chrono::NaiveDate> {
    let text = row.get_ref(index)?.as_str()?;
    parse_iso_date(text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("{text:?} is not a YYYY-MM-DD date").into(),
        )
    })
}

fn parse_iso_date(text: &str) -> Option<chrono::NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    chrono::NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)
}

fn text_column<T: std::str::FromStr>(value: ValueRef<'_>) -> FromSqlResult<T> {
    let text = value.as_str()?;
    text.parse()
        .map_err(|_| FromSqlError::Other(format!("unexpected value {text:?}").into()))
}

impl ToSql for Role {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl FromSql for Role {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        text_column(value)
    }
}

impl ToSql for Step {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.id().into())
    }
}

impl FromSql for Step {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        text_column(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_parse_fast_and_strictly() {
        assert_eq!(
            parse_iso_date("2026-11-21"),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 21)
        );
        for bad in [
            "2026-02-30",
            "2026-1-21",
            "2026/11/21",
            "20261121xx",
            "",
            "2026-11-2x",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_wait_for_the_lock_lasts_the_busy_timeout() {
        let mut waited = Duration::ZERO;
        let mut attempt = 0;
        while busy_waited(attempt) < BUSY_TIMEOUT {
            assert_eq!(busy_waited(attempt), waited, "attempt {attempt}");
            waited += busy_pause(attempt);
            attempt += 1;
        }
        assert!(waited >= BUSY_TIMEOUT && waited < BUSY_TIMEOUT + Duration::from_millis(50));
        assert!(!wait_for_the_lock(attempt as i32));
        assert!(
            busy_waited(10) < BUSY_NOTE_AFTER,
            "the note waits for the steady pauses"
        );
    }

    #[test]
    fn the_scripts_make_a_healthy_journal_of_the_current_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        migrate(&mut conn, MIGRATIONS, Path::new(":memory:")).unwrap();
        assert_eq!(version_of(&conn).unwrap(), SCHEMA_VERSION);
        let app: i32 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap();
        assert_eq!(app, APPLICATION_ID);
        assert!(integrity_problems(&conn).unwrap().is_empty());
        // Running again changes nothing and does not fail.
        migrate(&mut conn, MIGRATIONS, Path::new(":memory:")).unwrap();
    }

    // Regression: the version used to be read before the write lock was taken, so two
    // processes opening an older journal at once could both run the same upgrade.
    #[test]
    fn processes_opening_an_older_journal_at_once_upgrade_it_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        {
            let mut conn = Connection::open(&path).unwrap();
            conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
                .unwrap();
            migrate(&mut conn, MIGRATIONS, &path).unwrap();
        }
        // A made-up next version whose second run would fail ("table already exists") and
        // whose insert would otherwise land twice.
        let next: Vec<&str> = MIGRATIONS
            .iter()
            .copied()
            .chain(["CREATE TABLE upgraded (n INTEGER); INSERT INTO upgraded VALUES (1);"])
            .collect();
        let start = std::sync::Barrier::new(4);
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..4)
                .map(|_| {
                    scope.spawn(|| {
                        let mut conn = Connection::open(&path).unwrap();
                        conn.busy_timeout(BUSY_TIMEOUT).unwrap();
                        start.wait();
                        migrate(&mut conn, &next, &path)
                    })
                })
                .collect();
            for handle in handles {
                handle.join().unwrap().unwrap();
            }
        });
        let conn = Connection::open(&path).unwrap();
        let rows: i64 = conn
            .query_row("SELECT count(*) FROM upgraded", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 1);
        assert_eq!(version_of(&conn).unwrap(), next.len());
    }

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
        Store::create(&path, |tx| Ok(partners::insert(tx, "Sam", Role::Mutual)?)).unwrap();
        let deferred = Connection::open(&path).unwrap();
        deferred.busy_timeout(BUSY_TIMEOUT).unwrap();
        deferred.execute_batch("BEGIN DEFERRED").unwrap();
        let _: i64 = deferred
            .query_row("SELECT count(*) FROM partners", [], |r| r.get(0))
            .unwrap();
        let mut other = Store::open(&path).unwrap();
        other
            .write(|tx| Ok(partners::insert(tx, "Alex", Role::Mutual)?))
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
            .write(|tx| Ok(partners::insert(tx, "Sam", Role::Mutual)?))
            .unwrap_err();
        assert!(
            matches!(err.downcast_ref(), Some(StoreError::Busy)),
            "{err:?}"
        );
        assert!(err.to_string().starts_with("the journal is busy"), "{err}");
        other.execute_batch("ROLLBACK").unwrap();
        assert!(
            store
                .write(|tx| Ok(partners::insert(tx, "Sam", Role::Mutual)?))
                .is_ok()
        );
    }

    #[test]
    fn a_writer_waits_for_the_other_writer_instead_of_failing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        Store::create(&path, |tx| Ok(partners::insert(tx, "Sam", Role::Mutual)?)).unwrap();
        let holding = std::sync::Barrier::new(2);
        let held = Duration::from_millis(600);
        std::thread::scope(|scope| {
            scope.spawn(|| {
                let mut store = Store::open(&path).unwrap();
                store
                    .write(|tx| {
                        partners::insert(tx, "Alex", Role::Mutual)?;
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
        assert_eq!(counts.len(), 9);
        assert!(counts.iter().all(|(_, n)| *n == 0));
        assert!(integrity_problems(store.conn()).unwrap().is_empty());
    }

    #[test]
    fn search_index_follows_check_in_text() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .write(|tx| {
                let p = partners::insert(tx, "Sam", Role::Mutual)?;
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
            partners::insert(tx, "Sam", Role::Mutual)?;
            anyhow::bail!("something went wrong after the first insert")
        });
        assert!(result.is_err());
        assert_eq!(partners::all(store.conn()).unwrap().len(), 0);
    }
}
