//! Small text helpers every layer may use: defusing user text for a terminal ([`sanitize`])
//! and putting sentences together ([`prose`]: lists, wrapping, counts). Nothing here knows
//! about the journal.

pub mod prose;
pub mod sanitize;
