//! Guided conversations: the questions rekindle asks in a terminal, spoken through the
//! [`prompter::Prompter`] trait so each flow is unit-tested with scripted answers. A flow
//! gathers what to save and returns it; it never opens the journal. It may show a view (a
//! summary, a finding), and a view never asks anything.

pub mod apology;
pub mod care;
pub mod checkin;
pub mod conflict;
pub mod couple;
pub mod edit;
pub mod exercise;
pub mod meeting;
pub mod promise;
pub mod prompter;
