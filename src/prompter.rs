//! Asking the user things, behind a small trait.
//!
//! Guided flows talk to a [`Prompter`]: [`TerminalPrompter`] uses dialoguer on stderr, and
//! [`Scripted`] replays answers in unit tests. Every cancellation (Esc, Ctrl-C, end of input)
//! becomes [`Cancelled`], so the caller saves nothing. dialoguer hides the cursor in menus and
//! does not restore it when the process is interrupted; [`install_interrupt_handler`] does.

use std::collections::VecDeque;
use std::io;

use anyhow::Context as _;
use dialoguer::theme::ColorfulTheme;

use crate::error::{Cancelled, EXIT_INTERRUPTED};

pub trait Prompter {
    /// A line of text. `default` is offered and returned on an empty answer; with
    /// `allow_empty` an empty answer (and no default) returns "".
    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        allow_empty: bool,
    ) -> anyhow::Result<String>;

    /// One item from a list; returns its index.
    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> anyhow::Result<usize>;

    /// Any number of items from a list; returns their indexes.
    fn multi_select(&mut self, prompt: &str, items: &[String]) -> anyhow::Result<Vec<usize>>;

    fn confirm(&mut self, prompt: &str, default: bool) -> anyhow::Result<bool>;

    /// Longer text in the user's `$EDITOR`, starting from `initial`. `None` when the editor
    /// was closed without saving.
    fn editor(&mut self, initial: &str) -> anyhow::Result<Option<String>>;

    /// Guidance or a summary shown between questions.
    fn say(&mut self, text: &str) -> anyhow::Result<()>;
}

/// Turns dialoguer's errors into [`Cancelled`] when the user stopped, keeping the rest.
fn cancelled_or(err: dialoguer::Error) -> anyhow::Error {
    let dialoguer::Error::IO(io_err) = err;
    match io_err.kind() {
        io::ErrorKind::Interrupted | io::ErrorKind::UnexpectedEof => Cancelled.into(),
        _ => anyhow::Error::new(io_err).context("talking to the terminal"),
    }
}

fn required<T>(answer: Option<T>) -> anyhow::Result<T> {
    answer.ok_or_else(|| Cancelled.into())
}

/// The real thing: dialoguer prompts drawn on stderr, so stdout stays clean for pipes.
pub struct TerminalPrompter {
    theme: ColorfulTheme,
    term: console::Term,
}

impl TerminalPrompter {
    pub fn new() -> Self {
        TerminalPrompter {
            theme: ColorfulTheme::default(),
            term: console::Term::stderr(),
        }
    }
}

impl Default for TerminalPrompter {
    fn default() -> Self {
        Self::new()
    }
}

impl Prompter for TerminalPrompter {
    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        allow_empty: bool,
    ) -> anyhow::Result<String> {
        let mut input = dialoguer::Input::<String>::with_theme(&self.theme)
            .with_prompt(prompt)
            .allow_empty(allow_empty || default.is_some());
        if let Some(default) = default {
            input = input.default(default.to_string());
        }
        input.interact_text_on(&self.term).map_err(cancelled_or)
    }

    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> anyhow::Result<usize> {
        let choice = dialoguer::Select::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(items)
            .default(default)
            .interact_on_opt(&self.term)
            .map_err(cancelled_or)?;
        required(choice)
    }

    fn multi_select(&mut self, prompt: &str, items: &[String]) -> anyhow::Result<Vec<usize>> {
        // Ten to a page keeps what was said above the list on screen, even on a short
        // terminal; longer lists page with the arrow keys.
        let choice = dialoguer::MultiSelect::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(items)
            .max_length(10)
            .interact_on_opt(&self.term)
            .map_err(cancelled_or)?;
        required(choice)
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> anyhow::Result<bool> {
        let choice = dialoguer::Confirm::with_theme(&self.theme)
            .with_prompt(prompt)
            .default(default)
            .wait_for_newline(true)
            .interact_on_opt(&self.term)
            .map_err(cancelled_or)?;
        required(choice)
    }

    fn editor(&mut self, initial: &str) -> anyhow::Result<Option<String>> {
        dialoguer::Editor::new()
            .extension(".md")
            .edit(initial)
            .context("opening your editor (set $EDITOR to choose one)")
    }

    fn say(&mut self, text: &str) -> anyhow::Result<()> {
        self.term
            .write_line(text)
            .context("writing to the terminal")
    }
}

/// Restores the cursor and exits 130 on Ctrl-C. Nothing is committed before a flow's last
/// step, and SQLite rolls back an unfinished transaction, so exiting here saves nothing.
pub fn install_interrupt_handler() {
    // Failing to install only means the default SIGINT behaviour; not worth stopping for.
    let _ = ctrlc::set_handler(|| {
        let term = console::Term::stderr();
        let _ = term.show_cursor();
        let _ = term.write_line("");
        let _ = term.write_line("rekindle: cancelled; nothing was saved");
        std::process::exit(i32::from(EXIT_INTERRUPTED));
    });
}

/// One scripted reply for [`Scripted`].
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Text(String),
    Pick(usize),
    Picks(Vec<usize>),
    Yes,
    No,
    /// The editor returns this text.
    Edited(String),
    /// The user presses Esc or Ctrl-C.
    Cancel,
}

/// Replays answers in order, for unit tests of guided flows. It records every question and
/// everything said, so tests can check what the user was shown.
#[derive(Debug, Default)]
pub struct Scripted {
    replies: VecDeque<Reply>,
    pub asked: Vec<String>,
    pub said: Vec<String>,
}

impl Scripted {
    pub fn new(replies: impl IntoIterator<Item = Reply>) -> Self {
        Scripted {
            replies: replies.into_iter().collect(),
            ..Default::default()
        }
    }

    pub fn remaining(&self) -> usize {
        self.replies.len()
    }

    fn next(&mut self, prompt: &str) -> anyhow::Result<Reply> {
        self.asked.push(prompt.to_string());
        match self.replies.pop_front() {
            Some(Reply::Cancel) | None => Err(Cancelled.into()),
            Some(reply) => Ok(reply),
        }
    }
}

fn unexpected(prompt: &str, reply: &Reply) -> anyhow::Error {
    anyhow::anyhow!("scripted reply {reply:?} does not fit the question {prompt:?}")
}

impl Prompter for Scripted {
    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        _allow_empty: bool,
    ) -> anyhow::Result<String> {
        match self.next(prompt)? {
            Reply::Text(t) if t.is_empty() => Ok(default.unwrap_or("").to_string()),
            Reply::Text(t) => Ok(t),
            other => Err(unexpected(prompt, &other)),
        }
    }

    fn select(&mut self, prompt: &str, items: &[String], _default: usize) -> anyhow::Result<usize> {
        match self.next(prompt)? {
            Reply::Pick(i) if i < items.len() => Ok(i),
            other => Err(unexpected(prompt, &other)),
        }
    }

    fn multi_select(&mut self, prompt: &str, items: &[String]) -> anyhow::Result<Vec<usize>> {
        match self.next(prompt)? {
            Reply::Picks(v) if v.iter().all(|i| *i < items.len()) => Ok(v),
            other => Err(unexpected(prompt, &other)),
        }
    }

    fn confirm(&mut self, prompt: &str, _default: bool) -> anyhow::Result<bool> {
        match self.next(prompt)? {
            Reply::Yes => Ok(true),
            Reply::No => Ok(false),
            other => Err(unexpected(prompt, &other)),
        }
    }

    fn editor(&mut self, _initial: &str) -> anyhow::Result<Option<String>> {
        match self.next("(editor)")? {
            Reply::Edited(t) => Ok(Some(t)),
            other => Err(unexpected("(editor)", &other)),
        }
    }

    fn say(&mut self, text: &str) -> anyhow::Result<()> {
        self.said.push(text.to_string());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripted_replays_and_cancels() {
        let mut p = Scripted::new([Reply::Text("Sam".into()), Reply::Pick(1), Reply::Cancel]);
        assert_eq!(p.input("Name", None, false).unwrap(), "Sam");
        assert_eq!(p.select("Role", &["a".into(), "b".into()], 0).unwrap(), 1);
        let err = p.confirm("Save?", true).unwrap_err();
        assert!(err.downcast_ref::<Cancelled>().is_some());
        assert_eq!(p.asked, ["Name", "Role", "Save?"]);
    }

    #[test]
    fn running_out_of_answers_is_a_cancel_not_a_hang() {
        let mut p = Scripted::new([]);
        assert!(
            p.input("Anything", None, true)
                .unwrap_err()
                .downcast_ref::<Cancelled>()
                .is_some()
        );
    }
}
