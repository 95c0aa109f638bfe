//! Asking the user things, behind a small trait.
//!
//! Guided flows talk to a [`Prompter`]: [`TerminalPrompter`] uses dialoguer on stderr, and
//! [`Scripted`] replays answers in unit tests. Every cancellation (Esc, Ctrl-C, end of input)
//! becomes [`Cancelled`], so the caller saves nothing. dialoguer hides the cursor in menus and
//! does not restore it when the process is interrupted; [`install_interrupt_handler`] does.
//!
//! An answer that has to pass a check (a number from 1 to 10, a name) is checked inside the
//! prompt: a refused answer is shown with its reason and asked again, and is never drawn as
//! accepted. The editor is started here too, and a missing or failing editor is reported as
//! [`Edited::Failed`], never as an error, so a guided flow can go on without it.

use std::collections::VecDeque;
use std::ffi::{OsStr, OsString};
use std::fmt;
use std::io::{self, Write as _};

use anyhow::Context as _;
use console::{Style, style};
use dialoguer::theme::{ColorfulTheme, Theme};

use crate::domain::error::Cancelled;
use crate::text::prose::shown;
use crate::text::sanitize;

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

    /// Longer text in the user's editor, starting from `initial`.
    fn editor(&mut self, initial: &str) -> anyhow::Result<Edited>;

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

/// The longest default shown in a question, in characters; a kept answer can be long.
const DEFAULT_SHOWN: usize = 40;

/// How questions and lists are drawn: dialoguer's colourful theme, or without colour the
/// same shapes in plain characters (">" under the cursor, "[x]" and "[ ]" for ticks). Either
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
}

impl TerminalPrompter {
    /// `colour` is the context's decision for stderr; `editor` the command that opens the
    /// user's editor.
    pub fn new(colour: bool, editor: OsString) -> Self {
        TerminalPrompter {
            theme: Look::new(colour),
            term: console::Term::stderr(),
            editor,
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
        Ok(edit(&self.editor, initial))
    }

    fn say(&mut self, text: &str) -> anyhow::Result<()> {
        self.term
            .write_line(text)
            .context("writing to the terminal")
    }
}

/// The editor rekindle opens: `$VISUAL`, else `$EDITOR`, else `vi`, as most command-line
/// programs choose. A blank value counts as unset.
pub fn editor_command(visual: Option<OsString>, editor: Option<OsString>) -> OsString {
    let set = |v: &Option<OsString>| {
        v.as_ref()
            .filter(|v| !v.to_string_lossy().trim().is_empty())
            .cloned()
    };
    set(&visual)
        .or_else(|| set(&editor))
        .unwrap_or_else(|| OsString::from("vi"))
}

/// Opens `command` on a private temporary file holding `initial` and returns what it holds
/// afterwards. The command may carry arguments (`code --wait`), split as a shell would.
/// Whatever goes wrong is one sentence naming the editor: the caller offers to type instead.
pub fn edit(command: &OsStr, initial: &str) -> Edited {
    let name = sanitize::line(&command.to_string_lossy()).into_owned();
    let (program, args) = match command.to_str().map(shell_words::split) {
        Some(Ok(mut words)) if !words.is_empty() => {
            let program = OsString::from(words.remove(0));
            (program, words)
        }
        // Not valid UTF-8, or quotes that do not close: run it as one program name.
        _ => (command.to_os_string(), Vec::new()),
    };
    let failed = |why: String| Edited::Failed { why, left: None };
    // tempfile creates the file readable only by you (0600) and removes it when dropped.
    let mut file = match tempfile::Builder::new()
        .prefix("rekindle-")
        .suffix(".md")
        .tempfile()
    {
        Ok(file) => file,
        Err(e) => {
            return failed(format!(
                "Could not make a file for your editor to open ({e})."
            ));
        }
    };
    if let Err(e) = file
        .write_all(initial.as_bytes())
        .and_then(|()| file.flush())
    {
        return failed(format!(
            "Could not make a file for your editor to open ({e})."
        ));
    }
    let status = std::process::Command::new(&program)
        .args(&args)
        .arg(file.path())
        .status();
    match status {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return failed(format!(
                "Could not start your editor \"{name}\": there is no such program."
            ));
        }
        Err(e) => {
            return failed(format!("Could not start your editor \"{name}\" ({e})."));
        }
        Ok(status) if !status.success() => {
            // What it wrote before failing is offered back, never thrown away.
            let left = std::fs::read_to_string(file.path())
                .ok()
                .map(|t| t.trim_end_matches(['\n', '\r']).to_string())
                .filter(|t| !t.trim().is_empty() && t != initial.trim_end_matches(['\n', '\r']));
            return Edited::Failed {
                why: format!("Your editor \"{name}\" stopped with an error."),
                left,
            };
        }
        Ok(_) => {}
    }
    match std::fs::read(file.path()) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(mut text) => {
                let kept = text.trim_end_matches(['\n', '\r']).len();
                text.truncate(kept);
                Edited::Text(text)
            }
            Err(_) => failed(format!(
                "What your editor \"{name}\" saved is not UTF-8 text, so it was not used."
            )),
        },
        Err(e) => failed(format!(
            "Could not read back what your editor \"{name}\" saved ({e})."
        )),
    }
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
    /// The editor cannot be started, or fails.
    EditorFails,
    /// The editor fails after saving this text.
    EditorFailsLeaving(String),
    /// The user presses Esc or Ctrl-C.
    Cancel,
}

/// Replays answers in order, for unit tests of guided flows. It records every question,
/// everything said, every refused answer with its reason, and the ticks and defaults each
/// question started from, so tests can check what the user was shown.
#[derive(Debug, Default)]
pub struct Scripted {
    replies: VecDeque<Reply>,
    pub asked: Vec<String>,
    pub said: Vec<String>,
    /// The reasons shown for answers that a check refused, in order.
    pub refused: Vec<String>,
    /// The default offered with each text question (`None` when there was none).
    pub defaults: Vec<Option<String>>,
    /// The items ticked when each multi-select opened.
    pub ticked: Vec<Vec<usize>>,
    /// The text each editor session started from.
    pub edited_from: Vec<String>,
    /// The text each rewrite question ([`Prompter::input_from`]) started from.
    pub initial_texts: Vec<String>,
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
    fn input_checked(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        _allow_empty: bool,
        check: Check<'_>,
    ) -> anyhow::Result<String> {
        loop {
            self.defaults.push(default.map(str::to_string));
            let answer = match self.next(prompt)? {
                Reply::Text(t) if t.is_empty() => default.unwrap_or("").to_string(),
                Reply::Text(t) => t,
                other => return Err(unexpected(prompt, &other)),
            };
            // As in the terminal: a refused answer is explained and the question asked again.
            match check(&answer) {
                Ok(()) => return Ok(answer),
                Err(reason) => self.refused.push(reason),
            }
        }
    }

    /// The reply is the whole line as the user leaves it, the starting text included.
    fn input_from(
        &mut self,
        prompt: &str,
        initial: &str,
        _allow_empty: bool,
    ) -> anyhow::Result<String> {
        self.initial_texts.push(initial.to_string());
        match self.next(prompt)? {
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

    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        checked: &[usize],
    ) -> anyhow::Result<Vec<usize>> {
        self.ticked.push(checked.to_vec());
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

    fn editor(&mut self, initial: &str) -> anyhow::Result<Edited> {
        self.edited_from.push(initial.to_string());
        match self.next("(editor)")? {
            Reply::Edited(t) => Ok(Edited::Text(t.trim_end_matches(['\n', '\r']).to_string())),
            Reply::EditorFails => Ok(Edited::Failed {
                why:
                    "Could not start your editor \"nonexistent-editor\": there is no such program."
                        .to_string(),
                left: None,
            }),
            Reply::EditorFailsLeaving(text) => Ok(Edited::Failed {
                why: "Your editor \"vi\" stopped with an error.".to_string(),
                left: Some(text),
            }),
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

    #[test]
    fn a_refused_answer_is_asked_again_with_its_reason() {
        let mut p = Scripted::new([Reply::Text("11".into()), Reply::Text("".into())]);
        let check: Check<'_> = &|a: &str| {
            if a == "11" {
                Err("too high".to_string())
            } else {
                Ok(())
            }
        };
        assert_eq!(
            p.input_checked("Trust", Some("7"), false, check).unwrap(),
            "7"
        );
        assert_eq!(p.refused, ["too high"]);
        assert_eq!(p.asked, ["Trust", "Trust"]);
    }

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

    #[test]
    fn the_editor_is_visual_then_editor_then_vi() {
        let os = |s: &str| Some(OsString::from(s));
        assert_eq!(editor_command(os("code --wait"), os("nano")), "code --wait");
        assert_eq!(editor_command(None, os("nano")), "nano");
        assert_eq!(editor_command(os("  "), os("")), "vi");
        assert_eq!(editor_command(None, None), "vi");
    }

    // Regression: a wrong $EDITOR ended the whole check-in with "IO error: No such file or
    // directory"; now it is one sentence naming the editor, and the flow goes on.
    #[test]
    fn a_missing_or_failing_editor_is_named_not_fatal() {
        let Edited::Failed { why, .. } = edit(OsStr::new("rekindle-no-such-editor"), "") else {
            panic!("a missing editor cannot succeed");
        };
        assert_eq!(
            why,
            "Could not start your editor \"rekindle-no-such-editor\": there is no such program."
        );
        let Edited::Failed { why, left } = edit(OsStr::new("false"), "draft") else {
            panic!("`false` fails");
        };
        assert!(why.contains("\"false\" stopped with an error"), "{why}");
        assert_eq!(left, None);
        // Unbalanced quotes are one program name, not a panic.
        assert!(matches!(
            edit(OsStr::new("'oops"), ""),
            Edited::Failed { .. }
        ));
        // Text written before the editor failed comes back with the failure.
        let Edited::Failed { left, .. } =
            edit(OsStr::new("sh -c 'echo written > \"$0\"; exit 3'"), "")
        else {
            panic!("exit 3 fails");
        };
        assert_eq!(left.as_deref(), Some("written"));
    }

    #[test]
    fn the_editor_gets_the_starting_text_and_its_changes_come_back() {
        // `sed -i` stands in for a person editing the file.
        let edited = edit(OsStr::new("sed -i s/draft/answer/"), "my draft\n");
        assert_eq!(edited, Edited::Text("my answer".to_string()));
        assert_eq!(edit(OsStr::new("true"), ""), Edited::Text(String::new()));
    }
}
