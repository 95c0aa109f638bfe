//! A damaged journal in words: SQLite's "database disk image is malformed", met anywhere
//! while a command ran, becomes one plain message that says what to do.

use std::path::Path;

use rusqlite::ErrorCode;

use super::StoreError;

/// Why SQLite could not read a journal whose header looks right, in words.
pub fn detail(code: ErrorCode) -> &'static str {
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
            detail: detail(code).to_string(),
        }
        .into(),
        None => err,
    }
}
