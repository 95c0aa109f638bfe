//! Putting sentences together for people: lists ("Sam and Alex"), counts ("3 check-ins"),
//! wrapped paragraphs, hanging labels and bullets, and user text cut short to fit a line.

use std::sync::atomic::{AtomicUsize, Ordering};

use super::sanitize;

/// The widest a paragraph is wrapped, even on a wide terminal: long lines are hard to read.
pub const MAX_WIDTH: usize = 88;

/// The narrowest: a very narrow terminal still gets readable lines.
const MIN_WIDTH: usize = 40;

/// The width prose is wrapped at: 80 columns until [`set_width`] says otherwise.
static WIDTH: AtomicUsize = AtomicUsize::new(80);

/// The width to wrap at for a terminal `columns` wide (80 when unknown), capped at 88.
pub fn width_for(columns: Option<usize>) -> usize {
    columns.unwrap_or(80).clamp(MIN_WIDTH, MAX_WIDTH)
}

/// Sets the width prose is wrapped at. The process edge calls this once, with the width it
/// read from the terminal into the context, as it sets the colours `console` uses; nothing
/// else writes it.
pub fn set_width(width: usize) {
    WIDTH.store(width.clamp(MIN_WIDTH, MAX_WIDTH), Ordering::Relaxed);
}

/// The width to wrap prose at.
pub fn width() -> usize {
    WIDTH.load(Ordering::Relaxed)
}

/// Wraps prose to [`width`], indenting every line by `indent` spaces.
pub fn paragraph(text: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let options = textwrap::Options::new(width())
        .initial_indent(&pad)
        .subsequent_indent(&pad)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::fill(text, options)
}

/// Text after a label, wrapped so that following lines start under the text:
/// `hanging("Focus     ", "step 1 of 8, …")`.
pub fn hanging(label: &str, text: &str) -> String {
    let pad = " ".repeat(console::measure_text_width(label));
    let options = textwrap::Options::new(width())
        .initial_indent(label)
        .subsequent_indent(&pad)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::fill(text, options)
}

/// A bullet point: "  • text", wrapped with following lines aligned under the text.
pub fn bullet(text: &str) -> String {
    let options = textwrap::Options::new(width())
        .initial_indent("  • ")
        .subsequent_indent("    ")
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::fill(text, options)
}

fn join_list(items: &[String], word: &str) -> String {
    match items {
        [] => "(none yet)".to_string(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {word} {last}", rest.join(", ")),
    }
}

/// A word as a shell would need it typed: a name with a space or a quote comes back quoted
/// (`'Mary Ann'`), so a command rekindle suggests can be copied as it is.
pub fn shell_word(text: &str) -> String {
    shell_words::quote(text).into_owned()
}

/// "Sam and Alex".
pub fn and_list(items: &[String]) -> String {
    join_list(items, "and")
}

/// "Sam or Alex".
pub fn or_list(items: &[String]) -> String {
    join_list(items, "or")
}

/// User text shown on one line inside a question or a summary: defused, and cut short when
/// long.
pub fn shown(text: &str, max: usize) -> String {
    let clean = sanitize::line(text);
    if clean.chars().count() <= max {
        return clean.into_owned();
    }
    let cut: String = clean.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// "1 temporary file", "3 temporary files".
pub fn count(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_are_quoted_only_when_a_shell_needs_it() {
        assert_eq!(shell_word("Sam"), "Sam");
        assert_eq!(shell_word("Adeyemi-Okonkwo"), "Adeyemi-Okonkwo");
        assert_eq!(
            shell_word("Ngozi Adeyemi-Okonkwo"),
            "'Ngozi Adeyemi-Okonkwo'"
        );
        assert_eq!(
            shell_words::split(&shell_word("O'Brien")).unwrap(),
            ["O'Brien"]
        );
        assert_eq!(shell_words::split(&shell_word("a$b;c")).unwrap(), ["a$b;c"]);
    }

    #[test]
    fn paragraphs_wrap_and_indent() {
        let text = "word ".repeat(60);
        let wrapped = paragraph(text.trim(), 2);
        assert!(wrapped.lines().count() > 1);
        assert!(
            wrapped
                .lines()
                .all(|l| l.starts_with("  ") && l.len() <= MAX_WIDTH)
        );
    }
}
