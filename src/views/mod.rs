//! Views: values in, bytes out. Human text, the `--json` shapes, the HTML report, CSV and
//! Markdown. No SQL, no environment, no questions.

pub mod apology;
pub mod checkin;
pub mod export;
pub mod history;
pub mod json;
pub mod narration;
pub mod progress;
pub mod report;
