//! Defusing user text before it reaches a terminal.
//!
//! Journal text is stored exactly as written and JSON carries it exactly; only human output
//! passes through here, so a note can never move the cursor, retitle the window, reorder
//! text with bidi overrides or hide words behind zero-width characters. Each such character
//! is shown as a visible escape (`\u{202e}`), so nothing silently disappears.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Characters that are invisible or change how surrounding text is displayed.
fn is_format_trap(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM, RLM
        | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}' // bidi isolates
        | '\u{061C}' // Arabic letter mark
        | '\u{FEFF}' // zero-width no-break space
        | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
    )
}

fn escape_into(out: &mut String, c: char) {
    match c {
        '\x1b' => out.push_str("\\e"),
        '\r' => out.push_str("\\r"),
        c if (c as u32) < 0x80 => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
}

fn clean(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let needs_work = text.chars().any(|c| c.is_control() || is_format_trap(c));
    if !needs_work {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\n' => out.push_str(" / "),
            '\t' => out.push(if keep_newlines { '\t' } else { ' ' }),
            c if c.is_control() || is_format_trap(c) => escape_into(&mut out, c),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// For text shown on one line (tables, headers, error messages): newlines become " / " and
/// tabs become spaces, so columns stay aligned.
pub fn line(text: &str) -> Cow<'_, str> {
    clean(text, false)
}

/// For text shown as a block (answers, notes): newlines and tabs are kept.
pub fn block(text: &str) -> Cow<'_, str> {
    clean(text, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(block("I'm sorry 💛 — truly"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_are_made_visible() {
        assert_eq!(block("a\x1b[31mred"), "a\\e[31mred");
        assert_eq!(block("title\x1b]0;pwned\x07"), "title\\e]0;pwned\\x07");
        assert_eq!(block("\u{9b}31m"), "\\u{9b}31m");
    }

    #[test]
    fn bidi_and_zero_width_are_made_visible() {
        assert_eq!(block("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(block("in\u{200b}visible"), "in\\u{200b}visible");
        assert_eq!(block("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
    }

    #[test]
    fn newlines_kept_in_blocks_and_folded_on_lines() {
        assert_eq!(block("one\ntwo"), "one\ntwo");
        assert_eq!(line("one\ntwo"), "one / two");
        assert_eq!(line("a\tb\nc"), "a b / c");
        assert_eq!(line("a\r\nb"), "a\\r / b");
    }
}
