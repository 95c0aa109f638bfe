//! Views: values in, bytes out. Human text, the `--json` shapes, the HTML report, CSV and
//! Markdown. No SQL, no environment, no questions.

pub mod apology;
pub mod checkin;
pub mod exercise;
pub mod export;
pub mod history;
pub mod json;
pub mod narration;
pub mod progress;
pub mod promise;
pub mod remind;
pub mod report;
pub mod safety;
pub mod show;
pub mod status;
pub mod today;

use std::io::Write;

use serde::Serialize;

/// What a command shows when it is done. The value itself is its `--json` form (the shapes
/// are a contract: docs/contract.md), and [`Output::human`] writes it for people. A command
/// builds one and hands it to `Context::emit`, which chooses between the two; no command asks
/// whether `--json` was given.
///
/// A field the human text needs but the JSON must not carry is `#[serde(skip)]`; a value
/// whose JSON is another value entire is `#[serde(transparent)]` over it.
pub trait Output: Serialize {
    /// The outcome in words, for a terminal or a pipe. User text in it is defused.
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()>;
}
