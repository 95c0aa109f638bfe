//! A consistent copy of the journal, safe to take while it is in use: SQLite's online backup
//! of one snapshot, checked, and made a file that needs nothing beside it.

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

use super::StoreError;
use super::cipher::{self, DbKey};
use super::inspect::{counts, integrity_problems};
use crate::domain::kind::RecordKind;

/// How long to keep trying while the other partner's write holds the journal.
const PATIENCE: Duration = Duration::from_secs(15);

/// Why a damaged journal gets no backup, and what keeps it safe instead.
pub fn damaged(journal: &Path) -> anyhow::Error {
    StoreError::Damaged {
        path: journal.to_path_buf(),
        detail: "parts of the file are not as SQLite wrote them, so rekindle cannot make a \
checked backup of it and wrote none; a plain copy of the file (with cp) keeps everything there is"
            .into(),
    }
    .into()
}

/// Copies every page of the journal into the empty file at `temp` with SQLite's online
/// backup, all in one step: that step reads one snapshot, and in WAL mode it does not stop
/// the other partner from writing meanwhile. The copy is then checked and made a
/// self-contained file (no write-ahead log beside it). A journal opened with `key` is copied
/// into a file encrypted with the same key (SQLCipher copies pages only between files keyed
/// alike); the copy starts with its own random salt.
pub fn copy_into(
    source: &Connection,
    journal: &Path,
    temp: &Path,
    key: Option<&DbKey>,
) -> anyhow::Result<Vec<(RecordKind, i64)>> {
    let mut dest = Connection::open(temp)?;
    if let Some(key) = key {
        cipher::key_connection(&dest, key)?;
    }
    {
        let backup = Backup::new(source, &mut dest)?;
        let started = Instant::now();
        loop {
            match backup.step(-1)? {
                StepResult::Done => break,
                StepResult::More => {}
                StepResult::Busy | StepResult::Locked if started.elapsed() < PATIENCE => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                StepResult::Busy | StepResult::Locked => {
                    anyhow::bail!(
                        "the journal stayed busy for {} seconds; try again in a moment",
                        PATIENCE.as_secs()
                    )
                }
                _ => {}
            }
        }
    }
    let _mode: String = dest.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    let problems = integrity_problems(&dest)?;
    if !problems.is_empty() {
        // The copy is page for page: the damage is in the journal itself.
        if !integrity_problems(source)?.is_empty() {
            return Err(damaged(journal));
        }
        anyhow::bail!(
            "the copy failed its integrity check ({}); your journal was not changed",
            problems.join("; ")
        );
    }
    let counts = counts(&dest)?;
    dest.close().map_err(|(_, e)| e)?;
    Ok(counts)
}
