//! A prompter that replays answers, for unit tests of the guided flows.

use std::collections::VecDeque;

use super::{Check, Edited, Prompter};
use crate::domain::error::Cancelled;

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
    /// The user presses Enter at a pause ([`Prompter::pause`]).
    Enter,
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
    /// How many times the screen was cleared (each is also in `said` as [`CLEARED`]).
    pub cleared: usize,
    /// The answer each yes/no question offered for Enter.
    pub confirm_defaults: Vec<bool>,
}

/// What [`Scripted::said`] holds where the screen was cleared.
pub const CLEARED: &str = "(screen cleared)";

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

    /// Recorded among the questions (`asked`), as it waits for a key.
    fn pause(&mut self, text: &str) -> anyhow::Result<()> {
        match self.next(text)? {
            Reply::Enter => Ok(()),
            other => Err(unexpected(text, &other)),
        }
    }

    fn clear(&mut self) -> anyhow::Result<()> {
        self.cleared += 1;
        self.said.push(CLEARED.to_string());
        Ok(())
    }

    fn secret(&mut self, prompt: &str) -> anyhow::Result<String> {
        match self.next(prompt)? {
            Reply::Text(t) => Ok(t),
            other => Err(unexpected(prompt, &other)),
        }
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> anyhow::Result<bool> {
        self.confirm_defaults.push(default);
        match self.next(prompt)? {
            Reply::Yes => Ok(true),
            Reply::No => Ok(false),
            other => Err(unexpected(prompt, &other)),
        }
    }

    fn editor(&mut self, initial: &str, _about: &str) -> anyhow::Result<Edited> {
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
}
