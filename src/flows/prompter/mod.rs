//! Asking the user things, behind a small trait.
//!
//! Guided flows talk to a [`Prompter`]: [`TerminalPrompter`] draws on stderr (`terminal.rs`:
//! lists through dialoguer, text and yes/no questions through `line.rs`), and `Scripted`
//! replays answers in unit tests (`scripted.rs`). Every cancellation (Esc, Ctrl-C, end of
//! input) becomes [`Cancelled`], so the caller saves nothing; the cursor is shown again
//! whatever stopped a question.
//!
//! A question is a short label, and may have a hint after a newline (`"Trust in Sam
//! today\n1 to 10"`): the label is what stays on screen once answered, and the hint is drawn
//! on a line of its own while the question is asked, so that no line runs past a narrow
//! terminal.
//!
//! An answer that has to pass a check (a number from 1 to 10, a name) is checked inside the
//! prompt: a refused answer is shown with its reason and asked again, and is never drawn as
//! accepted. The editor is started here too, and a missing or failing editor is reported as
//! [`Edited::Failed`], never as an error, so a guided flow can go on without it.

mod editor;
mod line;
#[cfg(test)]
mod scripted;
mod terminal;

pub use editor::{edit, editor_command};
#[cfg(test)]
pub use scripted::{CLEARED, Reply, Scripted};
pub use terminal::{Look, TerminalPrompter};

#[cfg(doc)]
use crate::domain::error::Cancelled;

/// A question's label and its hint: the text before and after its first newline.
pub fn split(prompt: &str) -> (&str, Option<&str>) {
    match prompt.split_once('\n') {
        Some((label, hint)) => (label, Some(hint.trim()).filter(|h| !h.is_empty())),
        None => (prompt, None),
    }
}

/// A question with a hint: `ask("Trust in Sam today", "1 to 10")`.
pub fn ask(label: &str, hint: &str) -> String {
    format!("{label}\n{hint}")
}

/// Checks an answer: `Err` holds the reason it is refused, shown under the question.
pub type Check<'a> = &'a dyn Fn(&str) -> Result<(), String>;

/// What came back from the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edited {
    /// The file as the editor left it (trailing newlines removed); empty when nothing was
    /// written.
    Text(String),
    /// The editor could not be started or stopped with an error: `why` is one sentence that
    /// names it; `left` is any text it saved all the same (differing from where it started).
    Failed { why: String, left: Option<String> },
}

pub trait Prompter {
    /// A line of text. `default` is offered and returned on an empty answer; with
    /// `allow_empty` an empty answer (and no default) returns "".
    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        allow_empty: bool,
    ) -> anyhow::Result<String> {
        self.input_checked(prompt, default, allow_empty, &|_| Ok(()))
    }

    /// Like [`Prompter::input`], but the answer (or the default it stands for) must pass
    /// `check`; a refused one is shown with the reason and asked again.
    fn input_checked(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        allow_empty: bool,
        check: Check<'_>,
    ) -> anyhow::Result<String>;

    /// An optional line of text where one word (`word`, any case) is a request rather than an
    /// answer, such as "e" for the editor: it is returned like any answer, but not shown back
    /// on screen as what was answered.
    fn input_or_word(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        word: &str,
    ) -> anyhow::Result<String> {
        let _ = word;
        self.input(prompt, default, true)
    }

    /// A line of text that starts out holding `initial` (a draft to rewrite), for the user to
    /// change rather than type again; with `allow_empty` clearing it all returns "".
    fn input_from(
        &mut self,
        prompt: &str,
        initial: &str,
        allow_empty: bool,
    ) -> anyhow::Result<String>;

    /// One item from a list; returns its index.
    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> anyhow::Result<usize>;

    /// Any number of items from a list, starting with the items at `checked` ticked; returns
    /// the indexes ticked at the end.
    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        checked: &[usize],
    ) -> anyhow::Result<Vec<usize>>;

    fn confirm(&mut self, prompt: &str, default: bool) -> anyhow::Result<bool>;

    /// Longer text in the user's editor, starting from `initial`; `about` (the question) is
    /// shown in the file as comment lines, removed from what comes back.
    fn editor(&mut self, initial: &str, about: &str) -> anyhow::Result<Edited>;

    /// Guidance or a summary shown between questions.
    fn say(&mut self, text: &str) -> anyhow::Result<()>;

    /// A secret (a passphrase): nothing typed is shown, not even its length, and it is never
    /// drawn back as an answer. Esc or Ctrl-C cancel.
    fn secret(&mut self, prompt: &str) -> anyhow::Result<String>;

    /// Clears the screen (and what it scrolled back), when the keyboard passes from one
    /// partner to the other.
    fn clear(&mut self) -> anyhow::Result<()>;

    /// Says `text` and waits for Enter, when the keyboard passes from one partner to the
    /// other: a key pressed once too often by the one leaving lands here, not in the next
    /// partner's first answer. Other keys are ignored; Esc or Ctrl-C cancel.
    fn pause(&mut self, text: &str) -> anyhow::Result<()>;
}
