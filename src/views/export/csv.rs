//! The check-ins as CSV, one row per check-in, for a spreadsheet.
//!
//! RFC 4180 (CRLF line ends, quotes only where a cell needs them), UTF-8 without a byte
//! order mark: a BOM helps some versions of Excel guess the encoding but ends up as a stray
//! character in the first header for most other tools, and we could not check the benefit
//! here (docs/decisions.md). A text cell that starts like a formula (`=`, `+`, `-`,
//! `@`) gets a leading apostrophe, the spreadsheet convention for "this is text": otherwise a
//! note such as "- we walked" shows as a formula error, or worse, runs as one.
//!
//! The last column, `words`, says whether the row's words are there (`shared`), sealed for
//! its reader (`sealed`) or kept private by their author (`private`): an empty answer then
//! means "not in this copy", not "nothing written".

use std::collections::HashMap;
use std::io::Write;

use super::{Withheld, Words};
use crate::domain::exchange::{CheckinRecord, Document};
use crate::text::sanitize;

/// The header row; the columns never change order (scripts may rely on it), and a new one
/// comes last.
pub const HEADER: [&str; 12] = [
    "date",
    "partner",
    "trust",
    "connection",
    "feelings",
    "step",
    "prompt",
    "answer",
    "appreciation",
    "need",
    "note",
    "words",
];

/// Writes the header and one row per check-in, oldest first, then by partner. With
/// `for_terminal`, control characters in text are shown as visible escapes (as everywhere
/// rekindle prints to a terminal); otherwise text is written exactly.
/// `step` holds the step's title and `prompt` the prompt's text (the id when the prompt is
/// unknown), for people reading a spreadsheet; `words` says, from `withheld`, whether the
/// row's words are there.
pub fn write(
    doc: &Document,
    words: &Words<'_>,
    withheld: &Withheld,
    out: impl Write,
    for_terminal: bool,
) -> csv::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(HEADER)?;
    let names: HashMap<&str, (usize, &str)> = doc
        .partners
        .iter()
        .enumerate()
        .map(|(i, p)| (p.uuid.as_str(), (i, p.name.as_str())))
        .collect();
    let named = doc.feelings_by_checkin();
    let mut checkins: Vec<&CheckinRecord> = doc.checkins.iter().collect();
    checkins.sort_by_key(|c| {
        let order = names
            .get(c.partner_uuid.as_str())
            .map_or(usize::MAX, |p| p.0);
        (c.date.clone(), order)
    });
    let text = |t: &str| -> String {
        let t = if for_terminal {
            sanitize::block(t).into_owned()
        } else {
            t.to_string()
        };
        defuse(t)
    };
    let opt = |t: &Option<String>| t.as_deref().map(text).unwrap_or_default();
    for c in checkins {
        let partner = names
            .get(c.partner_uuid.as_str())
            .map_or(c.partner_uuid.as_str(), |p| p.1);
        let feelings: Vec<String> = named
            .get(c.uuid.as_str())
            .into_iter()
            .flatten()
            .map(|f| match f.intensity {
                Some(n) => format!("{}:{n}", f.word),
                None => f.word.clone(),
            })
            .collect();
        writer.write_record([
            c.date.clone(),
            text(partner),
            c.trust.to_string(),
            c.connection.map(|n| n.to_string()).unwrap_or_default(),
            text(&feelings.join("; ")),
            text(&words.step_title(&c.step)),
            c.prompt_id
                .as_deref()
                .map(|id| text(&words.prompt_text(id)))
                .unwrap_or_default(),
            opt(&c.answer),
            opt(&c.appreciation),
            opt(&c.need),
            opt(&c.note),
            withheld.of(c).as_str().to_string(),
        ])?;
    }
    writer.flush()?;
    Ok(())
}

/// Marks text that a spreadsheet would read as a formula as plain text.
pub fn defuse(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::exchange::{FeelingRecord, PartnerRecord};

    fn ts() -> String {
        "2026-11-20T08:00:00.000000Z".to_string()
    }

    fn doc() -> Document {
        let mut doc = Document::new(ts());
        for (uuid, name) in [("p1", "Sam"), ("p2", "Zoë")] {
            doc.partners.push(PartnerRecord {
                uuid: uuid.into(),
                name: name.into(),
                role: "mutual".into(),
                created_at: ts(),
                updated_at: ts(),
                ..Default::default()
            });
        }
        let checkin = |uuid: &str, partner: &str, date: &str, note: Option<&str>| CheckinRecord {
            uuid: uuid.into(),
            partner_uuid: partner.into(),
            date: date.into(),
            trust: 6,
            connection: None,
            step: "responsibility".into(),
            prompt_id: Some("responsibility-3".into()),
            answer: Some("We talked, \"really\" talked,\nfor an hour 💛".into()),
            appreciation: None,
            need: None,
            note: note.map(String::from),
            created_at: ts(),
            updated_at: ts(),
            ..Default::default()
        };
        doc.checkins
            .push(checkin("c1", "p2", "2026-11-20", Some("-2 degrees out")));
        doc.checkins
            .push(checkin("c2", "p1", "2026-11-20", Some("=1+1")));
        doc.checkins.push(checkin("c3", "p1", "2026-11-19", None));
        for (word, n) in [("hurt", Some(4)), ("hopeful", None)] {
            doc.feelings.push(FeelingRecord {
                uuid: format!("f-{word}"),
                partner_uuid: "p1".into(),
                checkin_uuid: Some("c2".into()),
                date: "2026-11-20".into(),
                word: word.into(),
                intensity: n,
                note: None,
                created_at: ts(),
                updated_at: ts(),
                ..Default::default()
            });
        }
        doc
    }

    fn render(doc: &Document, for_terminal: bool) -> String {
        let mut out = Vec::new();
        let journey = crate::domain::journey::Journey::builtin();
        write(
            doc,
            &Words::new(&journey),
            &Withheld::default(),
            &mut out,
            for_terminal,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn one_row_per_check_in_by_date_then_partner_with_rfc4180_quoting() {
        let text = render(&doc(), false);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "date,partner,trust,connection,feelings,step,prompt,answer,appreciation,need,note,words"
        );
        assert!(lines[1].starts_with("2026-11-19,Sam,6,,,Take responsibility,responsibility-3,"));
        assert!(
            lines[2].starts_with("2026-11-20,Sam,6,,hurt:4; hopeful,Take responsibility,"),
            "{}",
            lines[2]
        );
        assert!(
            lines[2].contains("\"We talked, \"\"really\"\" talked,\nfor an hour 💛\""),
            "{}",
            lines[2]
        );
        assert!(lines[2].ends_with(",'=1+1,shared"), "{}", lines[2]);
        let mut rows = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(&rows[2][1], "Zoë");
        assert_eq!(&rows[2][10], "'-2 degrees out");
        assert_eq!(&rows[1][7], "We talked, \"really\" talked,\nfor an hour 💛");
    }

    // Found in a user trial: a row whose words were left out looked like a day nothing was
    // written. The last column says why they are not there.
    #[test]
    fn the_last_column_says_whether_the_words_are_shared_sealed_or_private() {
        let mut d = doc();
        let sealed = d.for_reader(|partner, date| partner == "p2" && date == "2026-11-20");
        d.checkins[2].answer = None;
        d.checkins[2].note = None;
        d.checkins[2].privacy.private = true;
        let mut out = Vec::new();
        let journey = crate::domain::journey::Journey::builtin();
        let withheld = Withheld {
            sealed,
            reader_named: true,
        };
        write(&d, &Words::new(&journey), &withheld, &mut out, false).unwrap();
        let mut rows = csv::Reader::from_reader(out.as_slice());
        assert_eq!(rows.headers().unwrap().len(), 12);
        assert_eq!(&rows.headers().unwrap()[11], "words");
        let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
        let cells: Vec<(&str, &str, &str, &str)> =
            rows.iter().map(|r| (&r[0], &r[1], &r[7], &r[11])).collect();
        assert_eq!(
            cells,
            [
                ("2026-11-19", "Sam", "", "private"),
                (
                    "2026-11-20",
                    "Sam",
                    "We talked, \"really\" talked,\nfor an hour 💛",
                    "shared"
                ),
                ("2026-11-20", "Zoë", "", "sealed"),
            ]
        );
    }

    #[test]
    fn control_characters_are_escaped_only_for_a_terminal() {
        let mut d = doc();
        d.checkins[2].note = Some("red \x1b[31m".into());
        assert!(render(&d, false).contains("red \x1b[31m"));
        assert!(render(&d, true).contains("red \\e[31m"));
    }

    #[test]
    fn only_formula_starts_are_defused() {
        assert_eq!(defuse("@SUM(A1)".into()), "'@SUM(A1)");
        assert_eq!(defuse("+1".into()), "'+1");
        assert_eq!(defuse("fine - thanks".into()), "fine - thanks");
        assert_eq!(defuse(String::new()), "");
    }
}
