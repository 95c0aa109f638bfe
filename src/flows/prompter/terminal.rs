//! The real prompter: dialoguer's questions drawn on stderr, in a theme that marks the item
//! under the cursor without relying on colour and defuses user text shown back.

use std::ffi::OsString;
use std::fmt;
use std::io;
use std::path::PathBuf;

use anyhow::Context as _;
use console::{Style, style};
use dialoguer::theme::{ColorfulTheme, Theme};

use super::{Check, Edited, Prompter, edit};
use crate::domain::error::Cancelled;
use crate::text::prose::shown;
use crate::text::sanitize;

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

/// The longest default shown in a question, in characters; a kept answer can be long.
const DEFAULT_SHOWN: usize = 40;

/// How questions and lists are drawn: dialoguer's colourful theme, or without colour the
/// same shapes in plain characters (">" under the cursor, `[x]` and `[ ]` for ticks). Either
/// way the item under the cursor carries a visible mark, so a list can be used without
/// telling colours apart, and user text shown back (a default, an answer) is defused.
pub struct Look {
    inner: ColorfulTheme,
}

impl Look {
    pub fn new(colour: bool) -> Look {
        let mut inner = ColorfulTheme::default();
        if !colour {
            let plain = |text: &str| style(text.to_string());
            inner.defaults_style = Style::new();
            inner.prompt_style = Style::new();
            inner.prompt_prefix = plain("?");
            inner.prompt_suffix = plain("›");
            inner.success_prefix = plain("✔");
            inner.success_suffix = plain("·");
            inner.error_prefix = plain("✘");
            inner.error_style = Style::new();
            inner.hint_style = Style::new();
            inner.values_style = Style::new();
            inner.active_item_style = Style::new();
            inner.inactive_item_style = Style::new();
            // Plain characters any terminal and font shows: ">" for the item under the
            // cursor, "[x]" and "[ ]" for ticked and not.
            inner.active_item_prefix = plain(">");
            inner.inactive_item_prefix = plain(" ");
            inner.checked_item_prefix = plain("[x]");
            inner.unchecked_item_prefix = plain("[ ]");
            inner.picked_item_prefix = plain(">");
            inner.unpicked_item_prefix = plain(" ");
        }
        Look { inner }
    }
}

impl Theme for Look {
    fn format_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.inner.format_prompt(f, prompt)
    }

    fn format_error(&self, f: &mut dyn fmt::Write, err: &str) -> fmt::Result {
        self.inner.format_error(f, err)
    }

    fn format_confirm_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<bool>,
    ) -> fmt::Result {
        self.inner.format_confirm_prompt(f, prompt, default)
    }

    fn format_confirm_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        selection: Option<bool>,
    ) -> fmt::Result {
        self.inner
            .format_confirm_prompt_selection(f, prompt, selection)
    }

    fn format_input_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<&str>,
    ) -> fmt::Result {
        let default = default.map(|d| shown(d, DEFAULT_SHOWN));
        self.inner
            .format_input_prompt(f, prompt, default.as_deref())
    }

    fn format_input_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        self.inner
            .format_input_prompt_selection(f, prompt, &sanitize::line(sel))
    }

    fn format_multi_select_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        selections: &[&str],
    ) -> fmt::Result {
        self.inner
            .format_multi_select_prompt_selection(f, prompt, selections)
    }

    fn format_select_prompt_item(
        &self,
        f: &mut dyn fmt::Write,
        text: &str,
        active: bool,
    ) -> fmt::Result {
        self.inner.format_select_prompt_item(f, text, active)
    }

    /// dialoguer marks the item under the cursor of a multi-select by colour alone; here it
    /// also gets the ❯ that single-choice lists show.
    fn format_multi_select_prompt_item(
        &self,
        f: &mut dyn fmt::Write,
        text: &str,
        checked: bool,
        active: bool,
    ) -> fmt::Result {
        let t = &self.inner;
        let cursor = if active {
            &t.active_item_prefix
        } else {
            &t.inactive_item_prefix
        };
        let tick = if checked {
            &t.checked_item_prefix
        } else {
            &t.unchecked_item_prefix
        };
        let style = if active {
            &t.active_item_style
        } else {
            &t.inactive_item_style
        };
        write!(f, "{cursor} {tick} {}", style.apply_to(text))
    }

    fn format_sort_prompt_item(
        &self,
        f: &mut dyn fmt::Write,
        text: &str,
        picked: bool,
        active: bool,
    ) -> fmt::Result {
        self.inner.format_sort_prompt_item(f, text, picked, active)
    }
}

/// The real thing: dialoguer prompts drawn on stderr, so stdout stays clean for pipes.
pub struct TerminalPrompter {
    theme: Look,
    term: console::Term,
    /// The editor command line, as `$VISUAL` or `$EDITOR` gave it.
    editor: OsString,
    /// Where the editor's private folder is made (`$TMPDIR`, else `/tmp`).
    temp: PathBuf,
}

impl TerminalPrompter {
    /// `colour` is the context's decision for stderr; `editor` the command that opens the
    /// user's editor, and `temp` the folder its private working folder goes in.
    pub fn new(colour: bool, editor: OsString, temp: PathBuf) -> Self {
        TerminalPrompter {
            theme: Look::new(colour),
            term: console::Term::stderr(),
            editor,
            temp,
        }
    }
}

impl Prompter for TerminalPrompter {
    fn input_checked(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        allow_empty: bool,
        check: Check<'_>,
    ) -> anyhow::Result<String> {
        let mut input = dialoguer::Input::<String>::with_theme(&self.theme)
            .with_prompt(prompt)
            .allow_empty(allow_empty || default.is_some())
            .validate_with(|answer: &String| check(answer));
        if let Some(default) = default {
            input = input.default(default.to_string());
        }
        input.interact_text_on(&self.term).map_err(cancelled_or)
    }

    fn input_from(
        &mut self,
        prompt: &str,
        initial: &str,
        allow_empty: bool,
    ) -> anyhow::Result<String> {
        dialoguer::Input::<String>::with_theme(&self.theme)
            .with_prompt(prompt)
            .with_initial_text(initial)
            .allow_empty(allow_empty)
            .interact_text_on(&self.term)
            .map_err(cancelled_or)
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

    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        checked: &[usize],
    ) -> anyhow::Result<Vec<usize>> {
        let ticked: Vec<bool> = (0..items.len()).map(|i| checked.contains(&i)).collect();
        // Ten to a page keeps what was said above the list on screen, even on a short
        // terminal; longer lists page with the arrow keys.
        let choice = dialoguer::MultiSelect::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(items)
            .defaults(&ticked)
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

    fn editor(&mut self, initial: &str) -> anyhow::Result<Edited> {
        Ok(edit(&self.editor, initial, &self.temp))
    }

    fn say(&mut self, text: &str) -> anyhow::Result<()> {
        self.term
            .write_line(text)
            .context("writing to the terminal")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(look: &Look, checked: bool, active: bool) -> String {
        let mut out = String::new();
        look.format_multi_select_prompt_item(&mut out, "hurt", checked, active)
            .unwrap();
        console::strip_ansi_codes(&out).into_owned()
    }

    // Regression: in the feelings list, the item under the cursor was told apart by colour
    // alone, so with NO_COLOR (or to a colour-blind eye) Space ticked a word you could not
    // see you were on.
    #[test]
    fn the_item_under_the_cursor_is_marked_without_colour() {
        let look = Look::new(false);
        assert_eq!(drawn(&look, false, true), "> [ ] hurt");
        assert_eq!(drawn(&look, true, true), "> [x] hurt");
        assert_eq!(drawn(&look, false, false), "  [ ] hurt");
        assert_eq!(drawn(&look, true, false), "  [x] hurt");
        let look = Look::new(true);
        assert_eq!(drawn(&look, false, true), "❯ ⬚ hurt");
        assert_eq!(drawn(&look, true, false), "  ✔ hurt");
        let mut out = String::new();
        Look::new(false)
            .format_select_prompt_item(&mut out, "Sam", true)
            .unwrap();
        assert_eq!(out, "> Sam");
        let mut out = String::new();
        Look::new(false)
            .format_select_prompt_item(&mut out, "Alex", false)
            .unwrap();
        assert_eq!(out, "  Alex");
    }

    #[test]
    fn without_colour_nothing_is_styled() {
        let look = Look::new(false);
        let mut out = String::new();
        look.format_input_prompt(&mut out, "Trust", Some("7"))
            .unwrap();
        look.format_error(&mut out, "no").unwrap();
        assert!(!out.contains('\u{1b}'), "{out:?}");
    }

    #[test]
    fn user_text_shown_back_in_a_question_is_defused_and_short() {
        let look = Look::new(false);
        let mut out = String::new();
        let answer = format!("a\u{1b}[2J{}", "long ".repeat(20));
        look.format_input_prompt(&mut out, "Your answer", Some(&answer))
            .unwrap();
        assert!(out.contains("(a\\e[2Jlong long"), "{out}");
        assert!(out.contains('…'), "{out}");
        assert!(!out.contains('\u{1b}'), "{out:?}");
        let mut out = String::new();
        look.format_input_prompt_selection(&mut out, "Note", "x\u{202e}y")
            .unwrap();
        assert!(out.ends_with("x\\u{202e}y"), "{out}");
    }
}
