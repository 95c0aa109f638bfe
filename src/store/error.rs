//! What can go wrong with the journal file, each said as one sentence a person can act on.

use std::io;
use std::path::PathBuf;

use super::lock::BUSY_TIMEOUT;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "there is no journal at {} yet; start with `rekindle checkin` in a terminal (it asks your two names and sets the journal up) or `rekindle init`",
        .0.display()
    )]
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
    #[error(
        "the journal at {} is encrypted, and this command was given no key to open it",
        .0.display()
    )]
    Locked(PathBuf),
    #[error(
        "that key does not open the journal at {}; nothing was changed",
        .0.display()
    )]
    WrongKey(PathBuf),
    /// Someone else could read or change the journal through one of its files or its folder;
    /// the sentence names the file, its owner and mode, and what to do.
    #[error("{0}")]
    NotPrivate(String),
    /// A file under a name SQLite keeps for itself, which SQLite would delete or replay.
    #[error(
        "{} sits beside your journal under the name SQLite keeps for its own rollback file, but it is not one, and SQLite would delete it; rekindle left both files alone. Give that file another name (mv) and try again",
        .0.display()
    )]
    StrayCompanion(PathBuf),
    #[error("cannot use {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("cannot open the journal at {}: {source}", path.display())]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(
        "the journal is busy: another rekindle command (or another program that has it open) has been writing to it for over {} seconds, so nothing was saved; please try again in a moment",
        BUSY_TIMEOUT.as_secs()
    )]
    Busy,
    #[error("updating the journal's structure failed: {0}")]
    Migration(rusqlite::Error),
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}
