//! `show KIND ID` in words: the record as the timeline shows it, who changed it last and
//! when, then each earlier version, oldest first, with who made it and when.

use std::io::{self, Write};

use chrono::FixedOffset;

use crate::domain::dates::moment_in_words;
use crate::domain::edit::field_in_words;
use crate::domain::journey::Journey;
use crate::text::prose::and_list;
use crate::text::sanitize;
use crate::views::history;
use crate::views::json::Record;

/// Who made one version of a record, when, and on which device.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Made {
    pub hlc: String,
    /// When it was made (UTC), by the clock of the computer that made it.
    pub at: String,
    /// Who made it, when known.
    pub by: Option<String>,
    /// The device (journal) that made it: 16 hexadecimal digits, all zeros for a change
    /// made before version 2 stamped changes.
    pub device: String,
    /// Whether it was made with this journal.
    #[serde(skip)]
    pub here: bool,
    /// Whether it was made by sharing private words (`reveal`), not by changing them.
    #[serde(skip)]
    pub shared: bool,
}

/// One earlier version: who made it, which fields' words were withdrawn since, and the
/// record as it was then.
pub struct Version<'a> {
    pub made: &'a Made,
    pub withdrawn: &'a [String],
    pub record: &'a Record,
}

fn who(made: &Made, offset: FixedOffset) -> String {
    let by = made
        .by
        .as_deref()
        .map_or("someone".to_string(), |b| sanitize::line(b).into_owned());
    let place = if made.here {
        ""
    } else {
        " (with another journal)"
    };
    format!("{by} on {}{place}", moment_in_words(&made.at, offset))
}

/// The record, its last change, and its earlier versions.
pub fn render(
    out: &mut dyn Write,
    record: &Record,
    made: &Made,
    versions: &[Version<'_>],
    journey: Option<&Journey>,
    offset: FixedOffset,
) -> io::Result<()> {
    history::entry(out, record, journey)?;
    if versions.is_empty() {
        writeln!(out, "  Written by {}.", who(made, offset))?;
        return Ok(());
    }
    if made.shared {
        writeln!(out, "  Shared by {}.", who(made, offset))?;
    } else {
        writeln!(out, "  Last changed by {}.", who(made, offset))?;
    }
    writeln!(out)?;
    let count = versions.len();
    writeln!(
        out,
        "{}, oldest first:",
        if count == 1 {
            "The earlier version".to_string()
        } else {
            format!("{count} earlier versions")
        }
    )?;
    for (i, version) in versions.iter().enumerate() {
        writeln!(out)?;
        let verb = match i {
            0 => "Written",
            _ if version.made.shared => "Shared",
            _ => "Changed",
        };
        writeln!(out, "  {verb} by {}:", who(version.made, offset))?;
        let mut shown = Vec::new();
        history::entry(&mut shown, version.record, journey)?;
        for line in String::from_utf8_lossy(&shown).lines() {
            writeln!(out, "  {line}")?;
        }
        if !version.withdrawn.is_empty() {
            let fields: Vec<String> = version
                .withdrawn
                .iter()
                .map(|f| field_in_words(f))
                .collect();
            writeln!(out, "      Earlier words withdrawn: {}.", and_list(&fields))?;
        }
    }
    Ok(())
}
