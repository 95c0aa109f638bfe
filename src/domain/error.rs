//! The two ways a command stops short that every layer may raise: a [`UserError`] (the user
//! asked for something that cannot be done as asked; exit 2) and [`Cancelled`] (the user
//! stopped a guided flow; exit 130). The process edge turns them into exit codes.

/// A usage or validation error: the user asked for something that cannot be done as asked.
/// Nothing has been written when one of these is returned.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UserError(pub String);

impl UserError {
    pub fn new(message: impl Into<String>) -> Self {
        UserError(message.into())
    }
}

/// The user interrupted a guided flow (Ctrl-C, Esc or end of input). Nothing was saved,
/// unless this run first created the journal (see [`note_journal_created`]).
#[derive(Debug, thiserror::Error)]
#[error("{}", cancelled_message())]
pub struct Cancelled;

/// Set once this process has created a journal on first use (`checkin` offers to), so a
/// later cancel does not claim that nothing at all was saved.
static JOURNAL_CREATED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Records that this run created the journal before going on with its guided flow.
pub fn note_journal_created() {
    JOURNAL_CREATED.store(true, std::sync::atomic::Ordering::SeqCst);
}

/// Set once this process has kept a meeting's draft after a cancel (`together`), which it
/// has just said, so the cancel does not then claim that nothing was saved.
static DRAFT_KEPT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Records that a cancelled `together` kept what was said so far as a draft.
pub fn note_draft_kept() {
    DRAFT_KEPT.store(true, std::sync::atomic::Ordering::SeqCst);
}

/// What a cancel says, for both [`Cancelled`] and the Ctrl-C handler.
pub fn cancelled_message() -> &'static str {
    if DRAFT_KEPT.load(std::sync::atomic::Ordering::SeqCst) {
        return "cancelled; nothing else was saved";
    }
    cancelled_message_for(JOURNAL_CREATED.load(std::sync::atomic::Ordering::SeqCst))
}

fn cancelled_message_for(journal_created: bool) -> &'static str {
    if journal_created {
        "cancelled; your journal was created, but the check-in was not saved"
    } else {
        "cancelled; nothing was saved"
    }
}

/// Returns early with a [`UserError`] built from a format string.
#[macro_export]
macro_rules! bail_user {
    ($($arg:tt)*) => {
        return Err($crate::domain::error::UserError::new(format!($($arg)*)).into())
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancel_after_the_journal_was_created_says_so() {
        assert_eq!(cancelled_message_for(false), "cancelled; nothing was saved");
        let after = cancelled_message_for(true);
        assert!(after.contains("journal was created"), "{after}");
        assert!(after.contains("check-in was not saved"), "{after}");
    }
}
