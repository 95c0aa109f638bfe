//! The domain: pure rules over plain types. No SQL, no terminal, no environment: what a
//! check-in is, how dates are typed, which feelings are known, when a promise falls due, the
//! journey and its prompts, the apology check, the progress figures and the export document.

pub mod apology_check;
pub mod authorship;
pub mod checkin;
pub mod clock;
pub mod dates;
pub mod edit;
pub mod error;
pub mod exchange;
pub mod exercise;
pub mod feelings;
pub mod files;
pub mod history;
pub mod hlc;
pub mod input;
pub mod journey;
pub mod kind;
pub mod model;
pub mod private;
pub mod progress;
pub mod recovery;
pub mod recurrence;
pub mod safety;
pub mod sync;

/// The short safety note carried by `init`, the `reassess` step and the README.
pub const SAFETY_NOTE: &str = "A note on safety: if either of you feels afraid, unsafe, \
controlled or threatened, this journal is not the right tool. Please contact your local \
emergency number or a domestic-violence helpline. rekindle never diagnoses anyone and will \
never tell you whether to stay or to leave.";
