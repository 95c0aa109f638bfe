//! The domain: pure rules over plain types. No SQL, no terminal, no environment.

pub mod apology_check;
pub mod journey;
