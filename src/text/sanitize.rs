//! Defusing user text before it reaches a terminal.
//!
//! Journal text is stored exactly as written and JSON carries it exactly; only human output
//! passes through [`line()`] and [`block`], so a note can never move the cursor, retitle the
//! window, reorder text with bidi overrides or hide words behind invisible characters. Each
//! such character is shown as a visible escape (`\u{202e}`), so nothing silently disappears.
//! JSON written with [`write_json`] spells the same characters as `\uXXXX` escapes: the text a
//! script reads back is unchanged, and the raw bytes can no longer drive a terminal either.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

const ZWNJ: char = '\u{200C}';
const ZWJ: char = '\u{200D}';
/// The black flag that starts the three subdivision flags (England, Scotland, Wales).
const BLACK_FLAG: char = '\u{1F3F4}';
const CANCEL_TAG: char = '\u{E007F}';
/// The subdivision flags in use, spelled in tag characters after the black flag.
const FLAG_TAGS: [&str; 3] = ["gbeng", "gbsct", "gbwls"];

/// Characters that are invisible or change how the text around them is displayed.
fn is_format_trap(c: char) -> bool {
    matches!(c,
        '\u{00AD}' // soft hyphen: invisible unless a line happens to break there
        | '\u{034F}' // combining grapheme joiner
        | '\u{061C}' // Arabic letter mark
        | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers: blank "letters"
        | '\u{17B4}' | '\u{17B5}' // Khmer inherent vowels, never drawn
        | '\u{180E}' // Mongolian vowel separator
        | '\u{200B}'..='\u{200F}' // zero-width space, joiners, LRM, RLM
        | '\u{2028}' | '\u{2029}' // line and paragraph separators
        | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}' // bidi isolates
        | '\u{206A}'..='\u{206F}' // deprecated shaping and digit controls
        | '\u{FEFF}' // zero-width no-break space (byte order mark)
        | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
        | '\u{1BCA0}'..='\u{1BCA3}' // shorthand format controls
        | '\u{1D173}'..='\u{1D17A}' // musical format controls
        | '\u{E0000}'..='\u{E007F}' // tag characters, which can spell hidden text
    )
}

/// Whether `c` is never shown as it is: control characters (C0, DEL, C1) and format traps.
fn hidden(c: char) -> bool {
    c.is_control() || is_format_trap(c)
}

fn visible(c: Option<&char>) -> bool {
    c.is_some_and(|c| !c.is_whitespace() && !hidden(*c))
}

/// How many characters from `chars[0]` (a black flag) form one of the subdivision flags, if
/// they do: the flag, its tag letters and the cancel tag.
fn subdivision_flag(chars: &[char]) -> Option<usize> {
    FLAG_TAGS.iter().find_map(|tags| {
        let len = tags.len() + 2;
        let run = chars.get(1..len)?;
        let spelled = run[..tags.len()]
            .iter()
            // Any other character after the flag is simply not a tag (and must not underflow).
            .map(|c| (*c as u32).checked_sub(0xE0000).and_then(char::from_u32))
            .collect::<Option<String>>()?;
        (spelled == *tags && run[tags.len()] == CANCEL_TAG).then_some(len)
    })
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
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\n' => out.push_str(" / "),
            '\t' => out.push(if keep_newlines { '\t' } else { ' ' }),
            // Joiners between two visible characters are how emoji sequences (👩‍❤️‍👨) and
            // several scripts (Persian, Hindi) are written; anywhere else they hide.
            ZWJ | ZWNJ if i > 0 && visible(chars.get(i - 1)) && visible(chars.get(i + 1)) => {
                out.push(c)
            }
            BLACK_FLAG => match subdivision_flag(&chars[i..]) {
                Some(len) => {
                    out.extend(&chars[i..i + len]);
                    i += len;
                    continue;
                }
                None => out.push(c),
            },
            c if hidden(c) => escape_into(&mut out, c),
            c => out.push(c),
        }
        i += 1;
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

/// Whether any character of `text` would be shown as an escape: for values such as names,
/// which are typed to be matched later and so must hold only what can be seen.
pub fn has_hidden(text: &str) -> bool {
    block(text) != text
}

/// Pretty JSON in which every control and invisible character inside strings is written as
/// a `\uXXXX` escape. Parsing it gives back exactly the text that was stored.
pub fn write_json<W: io::Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut serializer =
        serde_json::Serializer::with_formatter(writer, SafeJson(PrettyFormatter::new()));
    value.serialize(&mut serializer)
}

/// serde_json's pretty formatter, with [`hidden`] characters escaped in strings (serde_json
/// itself escapes only quotes, backslashes and the C0 controls).
struct SafeJson<'a>(PrettyFormatter<'a>);

impl Formatter for SafeJson<'_> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // Printable ASCII (space to tilde) is never hidden: it is copied as it is, and only
        // what follows the first other byte is looked at character by character. Most of
        // an export is ASCII, and this is where it spends its time.
        let plain = fragment
            .bytes()
            .position(|b| !(0x20..0x7f).contains(&b))
            .unwrap_or(fragment.len());
        if plain == fragment.len() {
            return writer.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        for (at, c) in fragment[plain..]
            .char_indices()
            .map(|(at, c)| (at + plain, c))
        {
            if !hidden(c) {
                continue;
            }
            writer.write_all(&fragment.as_bytes()[start..at])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{:04x}", unit)?;
            }
            start = at + c.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
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
        assert_eq!(block("back\x08space del\x7f"), "back\\x08space del\\x7f");
    }

    #[test]
    fn bidi_and_zero_width_are_made_visible() {
        assert_eq!(block("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(block("in\u{200b}visible"), "in\\u{200b}visible");
        assert_eq!(block("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
        assert_eq!(block("\u{feff}start"), "\\u{feff}start");
    }

    #[test]
    fn other_invisible_characters_are_made_visible() {
        assert_eq!(line("a\u{2028}b\u{2029}c"), "a\\u{2028}b\\u{2029}c");
        assert_eq!(line("soft\u{ad}hyphen"), "soft\\u{ad}hyphen");
        assert_eq!(line("a\u{180e}b"), "a\\u{180e}b");
        assert_eq!(line("\u{fff9}x\u{fffb}"), "\\u{fff9}x\\u{fffb}");
        assert_eq!(line("\u{3164}"), "\\u{3164}");
        assert_eq!(line("a\u{206a}b"), "a\\u{206a}b");
        // "hi" spelled in tag characters, which most terminals draw as nothing at all.
        assert_eq!(line("ok\u{e0068}\u{e0069}"), "ok\\u{e0068}\\u{e0069}");
    }

    #[test]
    fn emoji_and_scripts_that_need_joiners_are_left_alone() {
        for text in [
            "👩\u{200d}❤\u{fe0f}\u{200d}👨", // couple with heart
            "👨\u{200d}👩\u{200d}👧",        // family
            "می\u{200c}خواهم",               // Persian, with a non-joiner
            "क्\u{200d}ष",                    // Devanagari
            "❤\u{fe0f}",                     // variation selectors are fine
            "🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}", // Scotland
        ] {
            assert_eq!(line(text), text);
            assert!(!has_hidden(text), "{text}");
        }
    }

    #[test]
    fn joiners_and_tags_out_of_place_are_made_visible() {
        assert_eq!(line("\u{200d}lead"), "\\u{200d}lead");
        assert_eq!(line("trail\u{200c}"), "trail\\u{200c}");
        assert_eq!(line("a \u{200d}b"), "a \\u{200d}b");
        assert_eq!(line("a\u{200d}\u{200d}b"), "a\\u{200d}\\u{200d}b");
        // A black flag followed by tags that spell no flag in use.
        assert_eq!(
            line("🏴\u{e0070}\u{e0077}\u{e007f}"),
            "🏴\\u{e0070}\\u{e0077}\\u{e007f}"
        );
        assert_eq!(line("🏴"), "🏴");
    }

    #[test]
    fn newlines_kept_in_blocks_and_folded_on_lines() {
        assert_eq!(block("one\ntwo"), "one\ntwo");
        assert_eq!(line("one\ntwo"), "one / two");
        assert_eq!(line("a\tb\nc"), "a b / c");
        assert_eq!(line("a\r\nb"), "a\\r / b");
        assert!(!has_hidden("one\ntwo\tthree"));
        assert!(has_hidden("Sam\u{200b}"));
    }

    #[test]
    fn json_spells_hidden_characters_as_escapes_and_reads_back_exactly() {
        let text =
            "a\x1b]0;x\x07 \u{9b}2J \u{202e}r \u{200b}\u{feff} del\x7f \u{e0041} 👩\u{200d}👩 ok";
        let mut bytes = Vec::new();
        write_json(
            &mut bytes,
            &serde_json::json!({ "note": text, "list": [1, "two"] }),
        )
        .unwrap();
        let written = String::from_utf8(bytes).unwrap();
        assert!(
            !written.chars().any(|c| c != '\n' && hidden(c)),
            "{written}"
        );
        assert!(
            written.contains("\\u009b2J") && written.contains("\\u202er"),
            "{written}"
        );
        assert!(
            written.contains("\\udb40\\udc41"),
            "astral as a surrogate pair: {written}"
        );
        let back: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert_eq!(back["note"], text);
        assert_eq!(back["list"][1], "two");
        // Plain ASCII is copied whole; after a long plain start, an escape lands in place.
        let mut bytes = Vec::new();
        write_json(&mut bytes, "we walked by the river\u{200b}and\tback\u{7f}é").unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\"we walked by the river\\u200band\\tback\\u007fé\""
        );
        // Still pretty: the same layout serde_json gives.
        let plain = serde_json::to_string_pretty(&serde_json::json!({ "a": [1] })).unwrap();
        let mut ours = Vec::new();
        write_json(&mut ours, &serde_json::json!({ "a": [1] })).unwrap();
        assert_eq!(String::from_utf8(ours).unwrap(), plain);
    }

    // Regression: a black flag followed by an ordinary character panicked (an underflow)
    // when checking for the England, Scotland and Wales flags; found by the export round
    // trip's random journals.
    #[test]
    fn a_black_flag_before_ordinary_text_is_just_a_flag() {
        assert_eq!(line("🏴 j"), "🏴 j");
        assert_eq!(line("🏴abc"), "🏴abc");
    }
}
