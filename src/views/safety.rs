//! The safety card in words, and the one line that points to it.
//!
//! The card goes to standard error, never into JSON and never into the journal (see
//! `Context::show_safety_card`). It asks one question for the reader to answer for themselves,
//! with no place to type the answer: nothing about safety is ever stored where the other
//! partner could read it.

use crate::domain::safety::{DIRECTORY, RESOURCES};
use crate::text::prose;

/// One line for the foot of `--help`, `progress` and the report.
pub const POINTER: &str =
    "If you ever feel unsafe with your partner, or you are in crisis: rekindle safety";

/// Said before the card when something just written is why it appears.
pub const GENTLE_OPENING: &str = "Something you wrote made us want to show you this. \
It is not a judgement, and nothing about it is saved.";

/// The whole card, wrapped at the context's width.
pub fn card() -> String {
    let mut out = String::new();
    let para = |out: &mut String, text: &str| {
        out.push_str(&prose::paragraph(text, 0));
        out.push_str("\n\n");
    };
    para(&mut out, "Safety card");
    para(
        &mut out,
        "If either of you feels afraid of the other, unsafe, controlled or threatened, this \
         journal is not the right tool, and you deserve help from people trained for it. rekindle \
         never diagnoses anyone and never tells anyone to stay or to leave.",
    );
    para(
        &mut out,
        "A question to answer for yourself, away from your partner: do you feel safe with them \
         today, in body and in mind? rekindle keeps no answer to it.",
    );
    para(
        &mut out,
        "If you are in danger now, call your local emergency number. If you are thinking of \
         ending your life or harming yourself, a crisis line will listen, day or night.",
    );
    let mut lines = String::new();
    for r in RESOURCES {
        lines.push_str(&format!("{} (emergency {})\n", r.country, r.emergency));
        for line in r.abuse.iter().chain(r.crisis) {
            lines.push_str(&prose::paragraph(line, 4));
            lines.push('\n');
        }
    }
    out.push_str(&lines);
    out.push('\n');
    para(
        &mut out,
        &format!(
            "These are examples: numbers change, so check the ones where you live. For other \
         countries, {DIRECTORY} lists helplines by country and by need."
        ),
    );
    para(
        &mut out,
        "If you think your partner may read your phone or computer, look for help from a device \
         they cannot reach, such as a friend's phone or a library computer. This journal is a \
         file on this computer, and your partner may be able to open it.",
    );
    para(
        &mut out,
        "rekindle is a journal, not therapy. A couples therapist who has worked with betrayal \
         can help you both; a doctor or a trusted friend can help you on your own.",
    );
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The card as first use shows it (`init`, or a first check-in that creates the journal):
/// the same parts in fewer words, short enough (about 20 lines) to be read before the first
/// question scrolls it away, with a crisis line for each country and `rekindle safety` for
/// the rest (the helplines for anyone afraid of a partner among it).
pub fn first_use_card() -> String {
    let mut out = String::new();
    let para = |out: &mut String, text: &str| {
        out.push_str(&prose::paragraph(text, 0));
        out.push('\n');
    };
    para(
        &mut out,
        "Safety card, in brief (rekindle safety shows all of it, any time)",
    );
    out.push('\n');
    para(
        &mut out,
        "If either of you feels afraid of the other, unsafe, controlled or threatened, this \
         journal is not the right tool: you deserve help from people trained for it, and \
         rekindle safety lists helplines for that.",
    );
    out.push('\n');
    para(
        &mut out,
        "In danger now: call your local emergency number. Thinking of ending your life or \
         harming yourself: a crisis line will listen, day or night.",
    );
    for r in RESOURCES {
        let line = format!("{} ({}): {}", r.country, r.emergency, r.crisis.join("; "));
        out.push_str(&prose::paragraph(&line, 2));
        out.push('\n');
    }
    para(
        &mut out,
        &format!("Numbers change; check yours. Other countries: {DIRECTORY}."),
    );
    out.push('\n');
    para(
        &mut out,
        "If your partner may read this computer, look for help from a device they cannot \
         reach. rekindle is a journal, not therapy; it never tells anyone to stay or to leave.",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_use_card_is_short_and_keeps_the_crisis_lines_and_the_pointer() {
        let short = first_use_card();
        assert!(short.lines().count() <= 20, "{short}");
        let flat = short.split_whitespace().collect::<Vec<_>>().join(" ");
        for needle in [
            "Safety card",
            "rekindle safety",
            "afraid",
            "emergency number",
            "call or text 988",
            "Samaritans: 116 123",
            "Lifeline: 13 11 14",
            DIRECTORY,
            "a device they cannot reach",
            "a journal, not therapy",
        ] {
            assert!(flat.contains(needle), "{needle} missing from:\n{short}");
        }
    }

    #[test]
    fn the_card_has_every_part_the_design_lists() {
        let card = card().replace('\n', " ");
        let card = card.split_whitespace().collect::<Vec<_>>().join(" ");
        for needle in [
            "afraid",
            "emergency number",
            "1-800-799-7233",
            "988",
            "0808 2000 247",
            "116 123",
            "1800RESPECT",
            "check the ones where you live",
            DIRECTORY,
            "a device they cannot reach",
            "a journal, not therapy",
            "couples therapist",
        ] {
            assert!(card.contains(needle), "{needle} missing from:\n{card}");
        }
    }
}
