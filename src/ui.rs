//! Small helpers shared by the human (non-JSON) renderers.

/// The widest a paragraph is wrapped, even on a wide terminal: long lines are hard to read.
const MAX_WIDTH: usize = 88;

/// The width to wrap prose at: the terminal's, capped at 88 columns (80 when unknown).
pub fn width() -> usize {
    console::Term::stdout()
        .size_checked()
        .map(|(_, cols)| usize::from(cols))
        .unwrap_or(80)
        .clamp(40, MAX_WIDTH)
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

/// How a kind of record is named in sentences: ("check-in", "check-ins").
pub fn kind_label(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "partners" | "partner" => ("partner", "partners"),
        "checkins" | "checkin" => ("check-in", "check-ins"),
        "feelings" | "feeling" => ("feeling", "feelings"),
        "promises" | "promise" => ("promise", "promises"),
        "outcomes" | "outcome" => ("promise outcome", "promise outcomes"),
        "apologies" | "apology" => ("apology", "apologies"),
        "responses" | "response" => ("answer to an apology", "answers to apologies"),
        "focus" => ("focus change", "focus changes"),
        "meetings" | "meeting" => ("meeting", "meetings"),
        _ => ("record", "records"),
    }
}

/// "1 check-in", "3 check-ins".
pub fn count(n: i64, kind: &str) -> String {
    let (one, many) = kind_label(kind);
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_naturally() {
        assert_eq!(count(1, "checkins"), "1 check-in");
        assert_eq!(count(0, "apologies"), "0 apologies");
        assert_eq!(count(2, "focus"), "2 focus changes");
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
