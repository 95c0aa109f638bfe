//! Values as people type them on the command line or in a guided question: whole numbers,
//! record numbers, names, steps and free text. Each refusal is one sentence that names the
//! value and says what is accepted.

use crate::domain::error::UserError;
use crate::domain::model::Step;
use crate::text::sanitize;

/// Reads a whole number from `min` to `max`. `what` names the value in the refusal, which
/// reads the same for every number rekindle takes: `--limit must be a whole number from 1 to
/// 1000000 (got "0")`. Too large, negative, decimal or not a number at all: one message.
pub fn whole_number(what: &str, text: &str, min: u32, max: u32) -> Result<u32, UserError> {
    match text.trim().parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(UserError::new(format!(
            "{what} must be a whole number from {min} to {max} (got \"{}\")",
            sanitize::line(text)
        ))),
    }
}

/// Parses a record number as users type it: a positive whole number.
pub fn parse_id(what: &str, text: &str) -> Result<i64, UserError> {
    match text.trim().parse::<i64>() {
        Ok(id) if id > 0 => Ok(id),
        _ => Err(UserError::new(format!(
            "{what} numbers are whole numbers from 1 up, as `rekindle history` shows them (got \"{}\")",
            sanitize::line(text.trim())
        ))),
    }
}

/// Refuses text that is empty or only whitespace. `what` names it ("--note"), `instead`
/// says what would work ("write a few words, or leave it out").
pub fn nonblank<'a>(what: &str, text: &'a str, instead: &str) -> Result<&'a str, UserError> {
    if text.trim().is_empty() {
        Err(UserError::new(format!("{what} is empty; {instead}")))
    } else {
        Ok(text)
    }
}

/// What a refusal of an empty optional part suggests.
pub const OPTIONAL: &str = "write a few words, or leave it out";

/// The longest name accepted, in characters.
const MAX_NAME: usize = 40;

/// Checks a partner's name and returns it trimmed.
pub fn check_name(raw: &str) -> Result<String, UserError> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(UserError::new(format!(
            "a partner's name cannot be empty; use 1 to {MAX_NAME} letters, digits, spaces or punctuation"
        )));
    }
    // A name is typed again to be matched (`--as`), so it may hold only what can be seen.
    if name.chars().any(char::is_control) || sanitize::has_hidden(name) {
        return Err(UserError::new(format!(
            "the name \"{}\" contains control or invisible characters; use letters, digits, spaces or punctuation",
            sanitize::line(name)
        )));
    }
    if name.chars().count() > MAX_NAME {
        return Err(UserError::new(format!(
            "the name \"{name}\" is too long; use at most {MAX_NAME} characters"
        )));
    }
    Ok(name.to_string())
}

/// Parses `--step`; `flag` names it in the message.
pub fn parse_step(flag: &str, value: &str) -> Result<Step, UserError> {
    value
        .parse::<Step>()
        .map_err(|e| UserError::new(format!("{flag}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_are_refused_in_one_form() {
        assert_eq!(whole_number("--limit", " 7 ", 1, 10).unwrap(), 7);
        for bad in [
            "0",
            "11",
            "-1",
            "7.5",
            "",
            " ",
            "4294967296",
            "99999999999999999999",
        ] {
            assert_eq!(
                whole_number("--limit", bad, 1, 10).unwrap_err().to_string(),
                format!("--limit must be a whole number from 1 to 10 (got \"{bad}\")")
            );
        }
    }

    #[test]
    fn ids_are_positive_whole_numbers() {
        assert_eq!(parse_id("promise", " 3 ").unwrap(), 3);
        for bad in ["0", "-1", "x", "", "1.5", "99999999999999999999"] {
            let err = parse_id("promise", bad).unwrap_err().to_string();
            assert!(err.contains(&format!("(got \"{}\")", bad.trim())), "{err}");
        }
    }

    #[test]
    fn names_are_trimmed_and_checked() {
        assert_eq!(check_name("  Sam ").unwrap(), "Sam");
        assert!(check_name("   ").is_err());
        assert!(check_name("Sam\x1b[2J").is_err());
        assert!(check_name("Sam\u{200b}").is_err());
        assert!(check_name("\u{202e}maS").is_err());
        assert_eq!(check_name("Zoë 👩\u{200d}🎨").unwrap(), "Zoë 👩\u{200d}🎨");
        assert!(check_name(&"x".repeat(41)).is_err());
        assert_eq!(check_name("Zoë-Marie O'Neil").unwrap(), "Zoë-Marie O'Neil");
    }
}
