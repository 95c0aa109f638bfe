//! Waiting for another rekindle command's write: SQLite's busy handler, which waits up to 30
//! seconds and says so in a terminal after one, and the words for a wait that ran out.

use std::io::{self, IsTerminal as _, Write as _};
use std::time::Duration;

use rusqlite::ErrorCode;

use super::StoreError;

/// How long a writer waits for another command's write to finish before giving up. A
/// check-in takes milliseconds; importing fifty years of entries holds the journal for about
/// 13 seconds on a laptop-class machine, and a writer behind it should still get through.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

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
pub fn wait_for_the_lock(attempt: i32) -> bool {
    let attempt = u32::try_from(attempt).unwrap_or(0);
    let waited = busy_waited(attempt);
    if waited >= BUSY_TIMEOUT {
        return false;
    }
    let pause = busy_pause(attempt);
    // The one place below the process edge that asks about a terminal: SQLite calls this
    // through a plain function pointer, so the context cannot be handed to it.
    if waited < BUSY_NOTE_AFTER && waited + pause >= BUSY_NOTE_AFTER && io::stderr().is_terminal() {
        let _ = writeln!(
            io::stderr(),
            "rekindle: waiting for another rekindle command to finish writing to the journal..."
        );
    }
    std::thread::sleep(pause);
    true
}

/// Waiting for the write lock ran out of time: said in words, not as "database is locked".
pub fn busy(e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
        _ => StoreError::Sqlite(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
