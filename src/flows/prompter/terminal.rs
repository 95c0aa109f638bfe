//! The real prompter, drawn on stderr: lists through dialoguer, text and yes/no questions
//! through [`line`](super::line), all in one theme that marks the item under the cursor
//! without relying on colour, defuses user text shown back, and fits every line it draws to
//! the terminal's width (a question's label first, its hint on a line of its own).

use std::cell::Cell;
use std::ffi::OsString;
use std::fmt;
use std::io;
use std::path::PathBuf;

use anyhow::Context as _;
use console::{Key, Style, measure_text_width, style};
use dialoguer::theme::{ColorfulTheme, Theme};

use super::line::{self, Buffer, Frame, Painter, Step};
use super::{Check, Edited, Prompter, edit, split};
use crate::domain::error::Cancelled;
use crate::text::prose::shown;
use crate::text::sanitize;

/// The fewest columns left for typing on the row an answer starts on; with less, the answer
/// starts on a row of its own.
const ROOM_TO_TYPE: usize = 20;

/// Wraps `text` to `width` columns (at least 10).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let options =
        textwrap::Options::new(width.max(10)).word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
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

/// The longest default shown in a question, in characters; a kept answer can be long.
const DEFAULT_SHOWN: usize = 40;

/// How questions and lists are drawn: dialoguer's colourful theme, or without colour the
/// same shapes in plain characters (">" under the cursor, `[x]` and `[ ]` for ticks). Either
/// way the item under the cursor carries a visible mark, so a list can be used without
/// telling colours apart, and user text shown back (a default, an answer) is defused.
pub struct Look {
    inner: ColorfulTheme,
    /// The terminal's width in columns, set before each list is drawn.
    width: Cell<usize>,
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
        Look {
            inner,
            width: Cell::new(80),
        }
    }

    /// The label's lines, "? " before the first and two spaces before the rest.
    fn label_lines(&self, label: &str, cols: usize) -> Vec<String> {
        let t = &self.inner;
        wrap(label, cols.saturating_sub(3))
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                let l = t.prompt_style.apply_to(l);
                if i == 0 {
                    format!("{} {l}", t.prompt_prefix)
                } else {
                    format!("  {l}")
                }
            })
            .collect()
    }

    fn hint_lines(&self, hint: &str, cols: usize) -> Vec<String> {
        wrap(hint, cols.saturating_sub(3))
            .into_iter()
            .map(|l| format!("  {}", self.inner.hint_style.apply_to(l)))
            .collect()
    }

    /// Puts the last of `lines` before the answer when it leaves room to type, else starts
    /// the answer on a row of its own.
    fn with_lead(&self, mut lines: Vec<String>, after: &str, cols: usize) -> Frame {
        let arrow = self.inner.prompt_suffix.to_string();
        if let Some(last) = lines.last() {
            let used = measure_text_width(last) + measure_text_width(after) + 3;
            if used + ROOM_TO_TYPE <= cols {
                let last = lines.pop().unwrap_or_default();
                return Frame {
                    lines,
                    lead: format!("{last}{after} {arrow} "),
                };
            }
        }
        let after = after.trim_start();
        let lead = if after.is_empty() {
            format!("{arrow} ")
        } else {
            format!("  {after} {arrow} ")
        };
        Frame { lines, lead }
    }

    /// A text question: a refusal (if the last answer was refused), the label, and the hint
    /// (with the answer Enter keeps), the answer typed after the last of them.
    pub fn text_frame(
        &self,
        prompt: &str,
        default: Option<&str>,
        refusal: Option<&str>,
        cols: usize,
    ) -> Frame {
        let (label, hint) = split(prompt);
        let mut lines = Vec::new();
        if let Some(why) = refusal {
            for (i, l) in wrap(why, cols.saturating_sub(3)).into_iter().enumerate() {
                let l = self.inner.error_style.apply_to(l);
                lines.push(if i == 0 {
                    format!("{} {l}", self.inner.error_prefix)
                } else {
                    format!("  {l}")
                });
            }
        }
        lines.extend(self.label_lines(label, cols));
        let default = default.map(|d| shown(d, DEFAULT_SHOWN));
        let hint = match (hint, default) {
            (Some(h), Some(d)) => Some(format!("{h} (now: {d})")),
            (None, Some(d)) => Some(format!("Enter keeps: {d}")),
            (h, None) => h.map(str::to_string),
        };
        if let Some(hint) = hint {
            lines.extend(self.hint_lines(&hint, cols));
        }
        self.with_lead(lines, "", cols)
    }

    /// A yes/no question: the label, its hint, and "(Y/n)" with the answer after it, on the
    /// last line when that fits whole, else on a line of its own.
    pub fn confirm_frame(&self, prompt: &str, default: bool, cols: usize) -> Frame {
        let (label, hint) = split(prompt);
        let mut lines = self.label_lines(label, cols);
        if let Some(hint) = hint {
            lines.extend(self.hint_lines(hint, cols));
        }
        let choices = if default { "(Y/n)" } else { "(y/N)" };
        let choices = self.inner.hint_style.apply_to(choices).to_string();
        self.with_lead(lines, &format!(" {choices}"), cols)
    }

    /// The line a question leaves behind once answered: "✔ label · answer", the answer cut
    /// to fit two rows.
    pub fn answered(&self, prompt: &str, answer: &str, cols: usize) -> String {
        let t = &self.inner;
        let (label, _) = split(prompt);
        let head = format!(
            "{} {} {} ",
            t.success_prefix,
            t.prompt_style.apply_to(label),
            t.success_suffix
        );
        // Up to two rows: the line is never redrawn once written, so it may wrap, but a
        // long answer is for the summary, not for this line.
        let room = (2 * cols)
            .saturating_sub(measure_text_width(&head) + 1)
            .max(12);
        let answer = shown(&sanitize::line(answer), room);
        format!("{head}{}", t.values_style.apply_to(answer))
    }

    /// A list's question as dialoguer draws it: the label, then the hint on a row of its
    /// own, leaving room for dialoguer's " [Page 2/7] ".
    fn list_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        let cols = self.width.get();
        let (label, hint) = split(prompt);
        // dialoguer adds " [Page 2/7] " to the last line while a list pages.
        let marker = 14;
        let fits = |lines: &[String]| {
            lines
                .last()
                .is_none_or(|l| measure_text_width(l) + marker <= cols)
        };
        let mut lines = self.label_lines(label, cols);
        if !fits(&lines) && hint.is_none() {
            lines = self.label_lines(label, cols.saturating_sub(marker));
        }
        if let Some(hint) = hint {
            let mut hints = self.hint_lines(hint, cols);
            if !fits(&hints) {
                hints = self.hint_lines(hint, cols.saturating_sub(marker));
            }
            lines.extend(hints);
        }
        write!(f, "{}", lines.join("\n"))
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

    fn format_select_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.list_prompt(f, prompt)
    }

    fn format_multi_select_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.list_prompt(f, prompt)
    }

    fn format_select_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        write!(f, "{}", self.answered(prompt, sel, self.width.get()))
    }

    /// The picks, without the list's actions (an item in parentheses, such as "(a word of my
    /// own)", is a way to add more, not a pick).
    fn format_multi_select_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        selections: &[&str],
    ) -> fmt::Result {
        let picks: Vec<&str> = selections
            .iter()
            .copied()
            .filter(|s| !s.starts_with('('))
            .collect();
        write!(
            f,
            "{}",
            self.answered(prompt, &picks.join(", "), self.width.get())
        )
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

/// The real thing, drawn on stderr so stdout stays clean for pipes: lists through dialoguer
/// in the [`Look`], text and yes/no questions through [`line`](super::line).
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

    fn columns(&self) -> usize {
        usize::from(self.term.size().1).max(20)
    }

    /// A dialoguer list, with the width the theme fits its lines to. Whatever stops it, the
    /// cursor is shown again (dialoguer hides it while a list is up).
    fn list<T>(
        &self,
        run: impl FnOnce(&Look, &console::Term) -> dialoguer::Result<Option<T>>,
    ) -> anyhow::Result<T> {
        self.theme.width.set(self.columns());
        let answer = run(&self.theme, &self.term);
        if answer.is_err() {
            let _ = self.term.show_cursor();
        }
        required(answer.map_err(cancelled_or)?)
    }

    /// Asks for a line of text until `check` takes it; `quiet` is an answer that is a request
    /// rather than an answer (the editor's letter), so it is not shown back as one.
    fn text(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        initial: &str,
        allow_empty: bool,
        check: Check<'_>,
        quiet: Option<&str>,
    ) -> anyhow::Result<String> {
        let mut buffer = Buffer::new(initial);
        let mut refusal: Option<String> = None;
        let mut painter = Painter::new(&self.term);
        loop {
            let frame = self
                .theme
                .text_frame(prompt, default, refusal.as_deref(), self.columns());
            painter.draw(&frame, &buffer)?;
            match Buffer::key(&mut buffer, &line::read_key(&self.term)?) {
                Step::Edit => continue,
                Step::Stop => {
                    painter.leave(&frame, &buffer)?;
                    return Err(line::stopped());
                }
                Step::Done => {}
            }
            let typed = buffer.text();
            let answer = match (typed.is_empty(), default) {
                (true, Some(default)) => default.to_string(),
                _ => typed,
            };
            if answer.is_empty() && !allow_empty {
                refusal = Some("Please type an answer.".to_string());
                continue;
            }
            if let Err(why) = check(&answer) {
                // The refusal quotes what was typed; the answer starts again empty.
                refusal = Some(why);
                buffer = Buffer::new("");
                continue;
            }
            let is_quiet = quiet.is_some_and(|q| answer.trim().eq_ignore_ascii_case(q));
            let last = if is_quiet {
                String::new()
            } else {
                self.theme.answered(prompt, &answer, self.columns())
            };
            painter.finish(&last)?;
            return Ok(answer);
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
        self.text(prompt, default, "", allow_empty, check, None)
    }

    fn input_or_word(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        word: &str,
    ) -> anyhow::Result<String> {
        self.text(prompt, default, "", true, &|_| Ok(()), Some(word))
    }

    fn input_from(
        &mut self,
        prompt: &str,
        initial: &str,
        allow_empty: bool,
    ) -> anyhow::Result<String> {
        self.text(prompt, None, initial, allow_empty, &|_| Ok(()), None)
    }

    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> anyhow::Result<usize> {
        let items = fit_items(items, self.columns());
        self.list(|theme, term| {
            dialoguer::Select::with_theme(theme)
                .with_prompt(prompt)
                .items(&items)
                .default(default)
                .interact_on_opt(term)
        })
    }

    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        checked: &[usize],
    ) -> anyhow::Result<Vec<usize>> {
        let ticked: Vec<bool> = (0..items.len()).map(|i| checked.contains(&i)).collect();
        let items = fit_items(items, self.columns());
        // Ten to a page keeps what was said above the list on screen, even on a short
        // terminal; longer lists page with the arrow keys.
        self.list(|theme, term| {
            dialoguer::MultiSelect::with_theme(theme)
                .with_prompt(prompt)
                .items(&items)
                .defaults(&ticked)
                .max_length(10)
                .interact_on_opt(term)
        })
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> anyhow::Result<bool> {
        let mut value = default;
        let mut painter = Painter::new(&self.term);
        loop {
            let frame = self.theme.confirm_frame(prompt, default, self.columns());
            let shown = Buffer::new(if value { "yes" } else { "no" });
            painter.draw(&frame, &shown)?;
            match line::read_key(&self.term)? {
                Key::Char('y' | 'Y') => value = true,
                Key::Char('n' | 'N') => value = false,
                Key::Enter => break,
                Key::CtrlC | Key::Escape => {
                    painter.leave(&frame, &shown)?;
                    return Err(line::stopped());
                }
                _ => {}
            }
        }
        let answer = if value { "yes" } else { "no" };
        let last = self.theme.answered(prompt, answer, self.columns());
        painter.finish(&last)?;
        Ok(value)
    }

    fn editor(&mut self, initial: &str, about: &str) -> anyhow::Result<Edited> {
        Ok(edit(&self.editor, initial, about, &self.temp))
    }

    /// The visible screen, and the scrollback where the terminal keeps it (`\x1b[3J`), so
    /// scrolling up does not show the other partner's answers either.
    fn clear(&mut self) -> anyhow::Result<()> {
        self.term.clear_screen()?;
        self.term.write_str("\x1b[3J")?;
        Ok(())
    }

    /// The words as `say` writes them, then keys read (and not drawn) until Enter.
    fn pause(&mut self, text: &str) -> anyhow::Result<()> {
        self.say(text)?;
        loop {
            match line::read_key(&self.term)? {
                Key::Enter => return Ok(()),
                Key::CtrlC | Key::Escape => return Err(line::stopped()),
                _ => {}
            }
        }
    }

    /// Read key by key in raw mode (so Ctrl-C is a key, and the terminal's echo is never
    /// left off by an interrupt), drawing nothing for what is typed.
    fn secret(&mut self, prompt: &str) -> anyhow::Result<String> {
        let (label, hint) = super::split(prompt);
        let cols = self.columns();
        let mut lines = self.theme.label_lines(label, cols);
        if let Some(hint) = hint {
            lines.extend(self.theme.hint_lines(hint, cols));
        }
        for line in &lines {
            self.term.write_line(line)?;
        }
        self.term
            .write_str(&format!("  {} ", self.theme.inner.prompt_suffix))?;
        let mut typed = String::new();
        loop {
            match line::read_key(&self.term)? {
                Key::Enter => break,
                Key::Char(c) if !c.is_control() => typed.push(c),
                Key::Backspace => {
                    typed.pop();
                }
                Key::CtrlC | Key::Escape => {
                    self.term.write_line("")?;
                    return Err(line::stopped());
                }
                _ => {}
            }
        }
        self.term.write_line("")?;
        Ok(typed)
    }

    /// Writes `text`, with any line too long for the terminal wrapped at its spaces (under
    /// its own indent), so what is said lines up at any width.
    fn say(&mut self, text: &str) -> anyhow::Result<()> {
        let cols = self.columns();
        let mut lines = Vec::new();
        for line in text.split('\n') {
            // A line as wide as the terminal fits (prose is wrapped at the terminal's width);
            // wrapping it again would leave its last word alone on a row.
            if measure_text_width(line) <= cols {
                lines.push(line.to_string());
                continue;
            }
            let indent: String = line.chars().take_while(|c| *c == ' ').collect();
            let options = textwrap::Options::new(cols - 1)
                .initial_indent(&indent)
                .subsequent_indent(&indent)
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            lines.extend(
                textwrap::wrap(line.trim_start(), options)
                    .into_iter()
                    .map(|l| l.into_owned()),
            );
        }
        self.term
            .write_line(&lines.join("\n"))
            .context("writing to the terminal")
    }
}

/// List items cut to fit one row each (dialoguer redraws a list by counting rows, and an
/// item that wraps would throw the count off).
fn fit_items(items: &[String], columns: usize) -> Vec<String> {
    // Room for the cursor mark and a tick box: "❯ ⬚ ".
    let room = columns.saturating_sub(7).max(10);
    items
        .iter()
        .map(|item| {
            let item = sanitize::line(item);
            // dialoguer also measures items in bytes; keep both within the row.
            let mut cut = shown(&item, room);
            while cut.len() > room && cut.chars().count() > 2 {
                let keep = cut.chars().count() - 2;
                cut = format!("{}…", cut.chars().take(keep).collect::<String>());
            }
            cut
        })
        .collect()
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
