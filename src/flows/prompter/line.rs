//! Text questions and yes/no questions, drawn by rekindle itself on `console` (the terminal
//! crate dialoguer is built on), in dialoguer's look.
//!
//! dialoguer's own `Input` and `Confirm` count the lines they drew by their newlines only, so
//! a question or an answer that wraps on a narrow terminal leaves stale copies behind, and its
//! `Input` has no Ctrl-U or Ctrl-W. A theme cannot change either. Here the whole question is
//! one block that is redrawn from its first row on every key: where each character lands is
//! worked out for the terminal's width ([`layout`]), so wrapping never leaves anything behind.
//! Keys are read raw, so Ctrl-C comes back as a key: the block is left as it is, the cursor
//! goes below it, and the question returns [`Cancelled`] for the caller to say so on a line of
//! its own.
//!
//! Editing keys, as in a shell: ← → Home End (Ctrl-A, Ctrl-E), Backspace, Delete, Ctrl-U
//! (clear before the cursor), Ctrl-K (clear after it), Ctrl-W (the word before the cursor),
//! Alt-B and Alt-F (a word back and forward).

use std::fmt::Write as _;
use std::io;

use console::{Key, Term, measure_text_width};

use crate::domain::error::Cancelled;
use crate::text::sanitize;

/// Where text starting at column `start` lands on a terminal `cols` wide: the row and column
/// of each character (given by its width), and where the cursor stands after the last one.
/// A character too wide for what is left of a row moves to the next row, as terminals do.
pub fn layout(
    start: usize,
    widths: &[usize],
    cols: usize,
) -> (Vec<(usize, usize)>, (usize, usize)) {
    let cols = cols.max(2);
    let (mut row, mut col) = (0, start.min(cols - 1));
    let mut at = Vec::with_capacity(widths.len());
    for &w in widths {
        if col + w > cols {
            row += 1;
            col = 0;
        }
        at.push((row, col));
        col += w;
    }
    let end = if col >= cols {
        (row + 1, 0)
    } else {
        (row, col)
    };
    (at, end)
}

/// The text being typed, and where the cursor is in it (in characters).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Buffer {
    chars: Vec<char>,
    cursor: usize,
}

/// What a key did to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Keep reading keys.
    Edit,
    /// Enter: the answer is given.
    Done,
    /// Ctrl-C, or Ctrl-D on an empty line: stop.
    Stop,
}

impl Buffer {
    pub fn new(initial: &str) -> Buffer {
        let chars: Vec<char> = initial.chars().collect();
        Buffer {
            cursor: chars.len(),
            chars,
        }
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    #[cfg(test)]
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn word_start(&self) -> usize {
        let mut i = self.cursor;
        while i > 0 && self.chars[i - 1].is_whitespace() {
            i -= 1;
        }
        while i > 0 && !self.chars[i - 1].is_whitespace() {
            i -= 1;
        }
        i
    }

    fn word_end(&self) -> usize {
        let mut i = self.cursor;
        let n = self.chars.len();
        while i < n && self.chars[i].is_whitespace() {
            i += 1;
        }
        while i < n && !self.chars[i].is_whitespace() {
            i += 1;
        }
        i
    }

    /// Applies one key.
    pub fn key(&mut self, key: &Key) -> Step {
        match key {
            Key::Enter => return Step::Done,
            Key::CtrlC => return Step::Stop,
            Key::Char('\u{4}') if self.chars.is_empty() => return Step::Stop,
            Key::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                self.chars.remove(self.cursor);
            }
            Key::Del | Key::Char('\u{4}') if self.cursor < self.chars.len() => {
                self.chars.remove(self.cursor);
            }
            Key::ArrowLeft | Key::Char('\u{2}') if self.cursor > 0 => self.cursor -= 1,
            Key::ArrowRight | Key::Char('\u{6}') if self.cursor < self.chars.len() => {
                self.cursor += 1;
            }
            Key::Home => self.cursor = 0,
            Key::End => self.cursor = self.chars.len(),
            // Ctrl-U: everything before the cursor.
            Key::Char('\u{15}') => {
                self.chars.drain(..self.cursor);
                self.cursor = 0;
            }
            // Ctrl-K: everything after it.
            Key::Char('\u{b}') => {
                self.chars.truncate(self.cursor);
            }
            // Ctrl-W: the word before the cursor, and the spaces after that word.
            Key::Char('\u{17}') => {
                let start = self.word_start();
                self.chars.drain(start..self.cursor);
                self.cursor = start;
            }
            Key::UnknownEscSeq(seq) if seq.as_slice() == ['b'] => self.cursor = self.word_start(),
            Key::UnknownEscSeq(seq) if seq.as_slice() == ['f'] => self.cursor = self.word_end(),
            Key::Char(c) if !c.is_control() => {
                self.chars.insert(self.cursor, *c);
                self.cursor += 1;
            }
            _ => {}
        }
        Step::Edit
    }
}

/// The question's own lines (the label, its hint, a refusal) and what is shown before the
/// answer on the answer's row.
pub struct Frame {
    pub lines: Vec<String>,
    pub lead: String,
}

/// Draws frames of one question in place: each draw first goes back to the question's first
/// row and clears what was drawn before.
pub struct Painter<'a> {
    term: &'a Term,
    /// Rows from the question's first row down to the cursor's.
    cursor_row: usize,
}

/// A character as it is shown: user text is defused, so an escape shows as `\e`.
fn shown_char(c: char) -> String {
    sanitize::line(&c.to_string()).into_owned()
}

impl<'a> Painter<'a> {
    pub fn new(term: &'a Term) -> Painter<'a> {
        Painter {
            term,
            cursor_row: 0,
        }
    }

    pub fn columns(&self) -> usize {
        usize::from(self.term.size().1).max(20)
    }

    fn back_to_top(&self, out: &mut String) {
        if self.cursor_row > 0 {
            let _ = write!(out, "\x1b[{}A", self.cursor_row);
        }
        out.push_str("\r\x1b[J");
    }

    /// Draws `frame` with `buffer` typed after its lead, the cursor where the buffer has it.
    pub fn draw(&mut self, frame: &Frame, buffer: &Buffer) -> io::Result<()> {
        let cols = self.columns();
        let mut out = String::new();
        self.back_to_top(&mut out);
        for line in &frame.lines {
            out.push_str(line);
            out.push_str("\r\n");
        }
        let shown: Vec<String> = buffer.chars.iter().map(|&c| shown_char(c)).collect();
        let widths: Vec<usize> = shown.iter().map(|s| measure_text_width(s)).collect();
        let lead_width = measure_text_width(&frame.lead);
        out.push_str(&frame.lead);
        // A lead as wide as the terminal has wrapped already: the text starts on a new row.
        let lead_rows = lead_width / cols;
        let (at, end) = layout(lead_width % cols, &widths, cols);
        for s in &shown {
            out.push_str(s);
        }
        if end.1 == 0 && (end.0 > 0 || lead_rows > 0) {
            // The last character filled the row: move to the next one for real.
            out.push_str("\r\n");
        }
        let target = at.get(buffer.cursor).copied().unwrap_or(end);
        let up = end.0 - target.0;
        if up > 0 {
            let _ = write!(out, "\x1b[{up}A");
        }
        out.push('\r');
        if target.1 > 0 {
            let _ = write!(out, "\x1b[{}C", target.1);
        }
        self.cursor_row = frame.lines.len() + lead_rows + target.0;
        self.term.write_str(&out)?;
        self.term.flush()
    }

    /// Replaces the question with its final line(s), the cursor below them.
    pub fn finish(&mut self, last: &str) -> io::Result<()> {
        let mut out = String::new();
        self.back_to_top(&mut out);
        if !last.is_empty() {
            out.push_str(last);
            out.push_str("\r\n");
        }
        self.cursor_row = 0;
        self.term.write_str(&out)?;
        self.term.flush()
    }

    /// Leaves what is drawn and moves below it (for a cancel).
    pub fn leave(&mut self, frame: &Frame, buffer: &Buffer) -> io::Result<()> {
        let cols = self.columns();
        let widths: Vec<usize> = buffer
            .chars
            .iter()
            .map(|&c| measure_text_width(&shown_char(c)))
            .collect();
        let lead_width = measure_text_width(&frame.lead);
        let (_, end) = layout(lead_width % cols, &widths, cols);
        let bottom = frame.lines.len() + lead_width / cols + end.0;
        let mut out = String::new();
        let down = bottom.saturating_sub(self.cursor_row);
        if down > 0 {
            let _ = write!(out, "\x1b[{down}B");
        }
        out.push_str("\r\n");
        self.term.write_str(&out)?;
        self.term.show_cursor()?;
        self.term.flush()
    }
}

/// Reads one key raw (Ctrl-C is a key, not a signal); end of input stops the question.
pub fn read_key(term: &Term) -> anyhow::Result<Key> {
    match term.read_key_raw() {
        Ok(key) => Ok(key),
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::UnexpectedEof | io::ErrorKind::Interrupted
            ) =>
        {
            Ok(Key::CtrlC)
        }
        Err(e) => Err(anyhow::Error::new(e).context("reading from the terminal")),
    }
}

/// The error a stopped question returns.
pub fn stopped() -> anyhow::Error {
    Cancelled.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(keys: &[Key]) -> Buffer {
        let mut b = Buffer::default();
        for k in keys {
            b.key(k);
        }
        b
    }

    fn chars(s: &str) -> Vec<Key> {
        s.chars().map(Key::Char).collect()
    }

    #[test]
    fn ctrl_u_clears_before_the_cursor_and_ctrl_k_after_it() {
        let mut b = Buffer::new("I was late again");
        b.key(&Key::Char('\u{15}'));
        assert_eq!((b.text().as_str(), b.cursor()), ("", 0));
        let mut b = Buffer::new("I was late again");
        for _ in 0..6 {
            b.key(&Key::ArrowLeft);
        }
        b.key(&Key::Char('\u{15}'));
        assert_eq!((b.text().as_str(), b.cursor()), (" again", 0));
        b.key(&Key::ArrowRight);
        b.key(&Key::Char('\u{b}'));
        assert_eq!(b.text(), " ");
    }

    #[test]
    fn ctrl_w_removes_the_word_before_the_cursor() {
        let mut b = typed(&chars("sorry if you  "));
        b.key(&Key::Char('\u{17}'));
        assert_eq!(b.text(), "sorry if ");
        b.key(&Key::Char('\u{17}'));
        assert_eq!(b.text(), "sorry ");
        b.key(&Key::Char('\u{17}'));
        b.key(&Key::Char('\u{17}'));
        assert_eq!((b.text().as_str(), b.cursor()), ("", 0));
    }

    #[test]
    fn editing_in_the_middle_and_moving_by_words() {
        let mut b = typed(&chars("I lied"));
        b.key(&Key::UnknownEscSeq(vec!['b']));
        assert_eq!(b.cursor(), 2);
        for k in chars("really ") {
            b.key(&k);
        }
        assert_eq!(b.text(), "I really lied");
        b.key(&Key::Home);
        b.key(&Key::Del);
        b.key(&Key::UnknownEscSeq(vec!['f']));
        assert_eq!((b.text().as_str(), b.cursor()), (" really lied", 7));
        assert_eq!(b.key(&Key::Enter), Step::Done);
        assert_eq!(b.key(&Key::CtrlC), Step::Stop);
        // Control characters other than the editing keys are never typed into the answer.
        b.key(&Key::Char('\u{1b}'));
        assert_eq!(b.text(), " really lied");
    }

    #[test]
    fn text_wraps_where_the_terminal_wraps_it() {
        // Ten narrow characters after a lead of 6 on a 10-column terminal: 4 on the first row.
        let (at, end) = layout(6, &[1; 10], 10);
        assert_eq!(at[3], (0, 9));
        assert_eq!(at[4], (1, 0));
        assert_eq!(end, (1, 6));
        // Filling a row exactly puts the cursor at the start of the next one.
        let (_, end) = layout(6, &[1; 4], 10);
        assert_eq!(end, (1, 0));
        // A wide character that does not fit moves whole to the next row.
        let (at, end) = layout(8, &[1, 2], 10);
        assert_eq!(at, vec![(0, 8), (1, 0)]);
        assert_eq!(end, (1, 2));
    }
}
