//! Escaping text for the report page, and the few markup helpers the page is built from.
//!
//! The page is XHTML-compatible HTML5 (every element closed, every attribute quoted), so a
//! browser and a strict XML parser read it the same way. All user text (partner names, the
//! words of a promise in a signal) passes through [`text`]: first the same defusing as the
//! terminal views ([`crate::text::sanitize::line`], which makes control, bidi-override and
//! zero-width characters visible), then the five characters that mean something in HTML are
//! written as character references. Escaping all five, always, makes the result safe inside
//! element content and inside a quoted attribute alike.

use std::borrow::Cow;

use crate::text::sanitize;

/// Escapes `&`, `<`, `>`, `"` and `'`. Characters XML cannot hold at all (the noncharacters
/// U+FFFE and U+FFFF; control characters are already gone after sanitizing) become U+FFFD.
pub fn escape(raw: &str) -> Cow<'_, str> {
    let special = |c: char| matches!(c, '&' | '<' | '>' | '"' | '\'' | '\u{FFFE}' | '\u{FFFF}');
    if !raw.chars().any(special) {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len() + 16);
    for c in raw.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// User text, defused and escaped, for element content or a quoted attribute.
pub fn text(raw: &str) -> String {
    escape(&sanitize::line(raw)).into_owned()
}

/// A number for an SVG coordinate or size: one decimal at most, never NaN or infinite (a value
/// that cannot be drawn is drawn at 0, and the figures never produce one: they are `None`
/// instead).
pub fn num(x: f64) -> String {
    if !x.is_finite() {
        return "0".to_string();
    }
    let rounded = (x * 10.0).round() / 10.0;
    if rounded == rounded.trunc() {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_five_special_characters_are_escaped() {
        assert_eq!(
            escape(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(escape("Sam"), "Sam");
        assert!(matches!(escape("plain text, café ❤"), Cow::Borrowed(_)));
    }

    #[test]
    fn an_attribute_breakout_stays_inside_its_quotes() {
        let hostile = r#""><img src=x onerror=alert(1)>"#;
        let escaped = text(hostile);
        assert!(!escaped.contains('"'));
        assert!(!escaped.contains('<'));
        assert!(!escaped.contains('>'));
        assert_eq!(escaped, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    }

    #[test]
    fn escaping_is_not_applied_twice_by_accident() {
        // An ampersand the user typed as part of an entity stays visible as typed.
        assert_eq!(text("&lt;b&gt;"), "&amp;lt;b&amp;gt;");
    }

    #[test]
    fn control_and_invisible_characters_are_made_visible_first() {
        assert_eq!(text("a\u{1b}[31mb"), "a\\e[31mb");
        assert_eq!(text("evil\u{202e}txt"), "evil\\u{202e}txt");
        assert_eq!(text("two\nlines"), "two / lines");
        assert_eq!(text("odd\u{FFFF}"), "odd\u{FFFD}");
    }

    #[test]
    fn numbers_are_always_drawable() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(f64::INFINITY), "0");
    }
}
