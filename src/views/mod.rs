//! Views: values in, bytes out. Human text, the `--json` shapes, the HTML report, CSV and
//! Markdown. No SQL, no environment, no questions.

pub mod apology;
