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

/// Set once this process has kept a meeting's draft after a cancel (`together`): how many
/// of how many parts were said, so the cancel says what was kept and where it waits.
static DRAFT_KEPT: std::sync::OnceLock<(usize, usize)> = std::sync::OnceLock::new();

/// Records that a cancelled `together` kept what was said in its first `done` of `parts`
/// parts as a draft.
pub fn note_draft_kept(done: usize, parts: usize) {
    let _ = DRAFT_KEPT.set((done, parts));
}

/// What a cancel says, for [`Cancelled`].
pub fn cancelled_message() -> String {
    if let Some(&(done, parts)) = DRAFT_KEPT.get() {
        return draft_kept_message(done, parts);
    }
    cancelled_message_for(JOURNAL_CREATED.load(std::sync::atomic::Ordering::SeqCst)).to_string()
}

fn draft_kept_message(done: usize, parts: usize) -> String {
    let said = if done == 1 {
        format!("the first part of {parts}")
    } else {
        format!("the first {done} parts of {parts}")
    };
    format!(
        "cancelled; what you said so far ({said}) is kept as a draft on this computer, and the \
         next `rekindle together` offers to go on from there; nothing else was saved"
    )
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

    #[test]
    fn a_cancel_that_kept_a_draft_says_the_next_together_goes_on_from_it() {
        let one = draft_kept_message(1, 4);
        assert!(
            one.contains("(the first part of 4) is kept as a draft"),
            "{one}"
        );
        assert!(
            one.contains("next `rekindle together` offers to go on"),
            "{one}"
        );
        let three = draft_kept_message(3, 4);
        assert!(three.contains("(the first 3 parts of 4)"), "{three}");
    }
}
