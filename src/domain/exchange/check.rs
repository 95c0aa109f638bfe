//! Checking an export document against the rules the command line keeps, record by record,
//! and bringing its values to their canonical forms. Pure: no SQL, no terminal.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};

use super::{
    ApologyRecord, CheckinRecord, Document, ExerciseRecord, FeelingRecord, FocusRecord,
    MeetingRecord, OutcomeRecord, PartnerRecord, Place, Problem, PromiseRecord, ResponseRecord,
};
use crate::domain::dates;
use crate::domain::input::check_name;
use crate::domain::kind::RecordKind;
use crate::domain::model::{Role, Step, same_name};

/// Checks every record against the rules rekindle keeps when you write with it, and returns
/// the document with its values in their canonical forms (lowercase uuids, UTC timestamps
/// with microseconds, `YYYY-MM-DD` dates). `today` is the importing computer's date; as
/// everywhere else in rekindle, what already happened cannot be dated after it.
///
/// `now` is the importing computer's clock: stamps are checked against it, and a version 1
/// file is given the stamps, tombstones and revisions version 2 carries (see `versions`).
pub fn check(
    mut doc: Document,
    today: NaiveDate,
    now: &DateTime<Utc>,
) -> Result<Document, Problem> {
    let rules = Rules { today };
    rules.partners(&mut doc.partners)?;
    rules.checkins(&mut doc.checkins)?;
    rules.feelings(&mut doc.feelings)?;
    rules.promises(&mut doc.promises)?;
    rules.outcomes(&mut doc.outcomes)?;
    rules.apologies(&mut doc.apologies)?;
    rules.responses(&mut doc.responses)?;
    rules.focus(&mut doc.focus)?;
    rules.meetings(&mut doc.meetings)?;
    rules.exercises(&mut doc.exercises)?;
    super::versions::check(&mut doc, now)?;
    Ok(doc)
}

/// The rules each kind of record is checked against, in the order the document lists them.
struct Rules {
    /// The importing computer's date: what already happened cannot be dated after it.
    today: NaiveDate,
}

impl Rules {
    /// A date that is real and not after today.
    fn happened(&self, place: &Place, date: &str) -> Result<(), Problem> {
        let parsed = date_value(place, date)?;
        if parsed > self.today {
            return Err(Problem::at(
                place,
                format!(
                    "{parsed} is in the future (today is {})",
                    dates::in_words(self.today)
                ),
            ));
        }
        Ok(())
    }

    /// At most two, each with a name that can be typed back, and not both the same.
    fn partners(&self, list: &mut [PartnerRecord]) -> Result<(), Problem> {
        if list.len() > 2 {
            return Err(Problem::whole(format!(
                "it lists {} partners; a journal is for the two of you",
                list.len()
            )));
        }
        let mut seen = Uuids::default();
        for (i, p) in list.iter_mut().enumerate() {
            let at = Place::new(RecordKind::Partner, i);
            record_header(&at, &mut p.uuid, &mut p.created_at, &mut p.updated_at)?;
            seen.insert(&at, &p.uuid)?;
            p.name =
                check_name(&p.name).map_err(|e| Problem::at(&at.field("name"), e.to_string()))?;
            p.role = p
                .role
                .parse::<Role>()
                .map_err(|e| Problem::at(&at.field("role"), e))?
                .as_str()
                .to_string();
        }
        if let [a, b] = &*list
            && same_name(&a.name, &b.name)
        {
            return Err(Problem::at(
                &Place::new(RecordKind::Partner, 1).field("name"),
                format!("both partners are called \"{}\"", b.name),
            ));
        }
        Ok(())
    }

    /// One per partner and day, scores in range, on a day that has happened.
    fn checkins(&self, list: &mut [CheckinRecord]) -> Result<(), Problem> {
        let mut seen = Uuids::default();
        let mut days = HashSet::new();
        for (i, c) in list.iter_mut().enumerate() {
            let at = Place::new(RecordKind::Checkin, i);
            record_header(&at, &mut c.uuid, &mut c.created_at, &mut c.updated_at)?;
            seen.insert(&at, &c.uuid)?;
            reference(&at.field("partner_uuid"), &mut c.partner_uuid)?;
            self.happened(&at.field("date"), &c.date)?;
            score(&at.field("trust"), c.trust, 10)?;
            if let Some(n) = c.connection {
                score(&at.field("connection"), n, 10)?;
            }
            c.step = step(&at.field("step"), &c.step)?;
            for (field, text) in [
                ("prompt_id", &c.prompt_id),
                ("answer", &c.answer),
                ("appreciation", &c.appreciation),
                ("need", &c.need),
                ("note", &c.note),
            ] {
                optional_text(&at.field(field), text)?;
            }
            if !days.insert((c.partner_uuid.clone(), c.date.clone())) {
                return Err(Problem::at(
                    &at,
                    format!(
                        "a second check-in by the same partner on {}; there is one check-in per partner per day",
                        c.date
                    ),
                ));
            }
        }
        Ok(())
    }

    /// A word, an optional strength from 1 to 5.
    fn feelings(&self, list: &mut [FeelingRecord]) -> Result<(), Problem> {
        let mut seen = Uuids::default();
        for (i, f) in list.iter_mut().enumerate() {
            let at = Place::new(RecordKind::Feeling, i);
            record_header(&at, &mut f.uuid, &mut f.created_at, &mut f.updated_at)?;
            seen.insert(&at, &f.uuid)?;
            reference(&at.field("partner_uuid"), &mut f.partner_uuid)?;
            optional_reference(&at.field("checkin_uuid"), &mut f.checkin_uuid)?;
            self.happened(&at.field("date"), &f.date)?;
            required_text(&at.field("word"), &f.word)?;
            if let Some(n) = f.intensity {
                score(&at.field("intensity"), n, 5)?;
            }
            optional_text(&at.field("note"), &f.note)?;
        }
        Ok(())
    }

    /// A text, a known schedule and status.
    fn promises(&self, list: &mut [PromiseRecord]) -> Result<(), Problem> {
        let mut seen = Uuids::default();
        for (i, p) in list.iter_mut().enumerate() {
            let at = Place::new(RecordKind::Promise, i);
            record_header(&at, &mut p.uuid, &mut p.created_at, &mut p.updated_at)?;
            seen.insert(&at, &p.uuid)?;
            reference(&at.field("by_uuid"), &mut p.by_uuid)?;
            optional_reference(&at.field("to_uuid"), &mut p.to_uuid)?;
            date_value(&at.field("date"), &p.date)?;
            required_text(&at.field("text"), &p.text)?;
            if let Some(due) = &p.due {
                date_value(&at.field("due"), due)?;
            }
            if let Some(every) = &mut p.every {
                *every = recurrence(&at.field("every"), every)?;
            }
            one_of(
                &at.field("status"),
                &p.status,
                &["open", "kept", "missed", "cancelled"],
            )?;
            if let Some(closed) = &p.closed_on {
                date_value(&at.field("closed_on"), closed)?;
            }
        }
        Ok(())
    }

    /// One per promise and day, kept, missed or skipped.
    fn outcomes(&self, list: &mut [OutcomeRecord]) -> Result<(), Problem> {
        let mut seen = Uuids::default();
        let mut days = HashSet::new();
        for (i, o) in list.iter_mut().enumerate() {
            let at = Place::new(RecordKind::Outcome, i);
            record_header(&at, &mut o.uuid, &mut o.created_at, &mut o.updated_at)?;
            seen.insert(&at, &o.uuid)?;
            reference(&at.field("promise_uuid"), &mut o.promise_uuid)?;
            reference(&at.field("recorded_by_uuid"), &mut o.recorded_by_uuid)?;
            self.happened(&at.field("date"), &o.date)?;
            one_of(
                &at.field("result"),
                &o.result,
                &["kept", "missed", "skipped"],
            )?;
            optional_text(&at.field("note"), &o.note)?;
            if !days.insert((o.promise_uuid.clone(), o.date.clone())) {
                return Err(Problem::at(
                    &at,
                    format!(
                        "a second outcome for the same promise on {}; a promise has one outcome per day",
                        o.date
                    ),
                ));
            }
        }
        Ok(())
    }

    /// To the other partner, with what happened and what is owned.
    fn apologies(&self, list: &mut [ApologyRecord]) -> Result<(), Problem> {
        let mut seen = Uuids::default();
        for (i, a) in list.iter_mut().enumerate() {
            let at = Place::new(RecordKind::Apology, i);
            record_header(&at, &mut a.uuid, &mut a.created_at, &mut a.updated_at)?;
            seen.insert(&at, &a.uuid)?;
            reference(&at.field("by_uuid"), &mut a.by_uuid)?;
            reference(&at.field("to_uuid"), &mut a.to_uuid)?;
            if a.by_uuid == a.to_uuid {
                return Err(Problem::at(
                    &at.field("to_uuid"),
                    "an apology goes to the other partner, not to the one who wrote it",
                ));
            }
            self.happened(&at.field("date"), &a.date)?;
            required_text(&at.field("what"), &a.what)?;
            optional_text(&at.field("impact"), &a.impact)?;
            required_text(&at.field("responsibility"), &a.responsibility)?;
            optional_text(&at.field("change"), &a.change)?;
            optional_reference(&at.field("promise_uuid"), &mut a.promise_uuid)?;
        }
        Ok(())
    }

    /// Accepted, needs time, or declined.
    fn responses(&self, list: &mut [ResponseRecord]) -> Result<(), Problem> {
        let mut seen = Uuids::default();
        for (i, r) in list.iter_mut().enumerate() {
            let at = Place::new(RecordKind::Response, i);
            record_header(&at, &mut r.uuid, &mut r.created_at, &mut r.updated_at)?;
            seen.insert(&at, &r.uuid)?;
            reference(&at.field("apology_uuid"), &mut r.apology_uuid)?;
            reference(&at.field("by_uuid"), &mut r.by_uuid)?;
            self.happened(&at.field("date"), &r.date)?;
            one_of(
                &at.field("status"),
                &r.status,
                &["accepted", "need-time", "declined"],
            )?;
            optional_text(&at.field("note"), &r.note)?;
        }
        Ok(())
    }

    /// A known step on a real date.
    fn focus(&self, list: &mut [FocusRecord]) -> Result<(), Problem> {
        let mut seen = Uuids::default();
        for (i, f) in list.iter_mut().enumerate() {
            let at = Place::new(RecordKind::Focus, i);
            record_header(&at, &mut f.uuid, &mut f.created_at, &mut f.updated_at)?;
            seen.insert(&at, &f.uuid)?;
            f.step = step(&at.field("step"), &f.step)?;
            date_value(&at.field("date"), &f.date)?;
            optional_reference(&at.field("partner_uuid"), &mut f.partner_uuid)?;
        }
        Ok(())
    }

    /// Each partner once, in their part.
    fn meetings(&self, list: &mut [MeetingRecord]) -> Result<(), Problem> {
        let mut seen = Uuids::default();
        for (i, m) in list.iter_mut().enumerate() {
            let at = Place::new(RecordKind::Meeting, i);
            record_header(&at, &mut m.uuid, &mut m.created_at, &mut m.updated_at)?;
            seen.insert(&at, &m.uuid)?;
            self.happened(&at.field("date"), &m.date)?;
            optional_text(&at.field("went_well"), &m.went_well)?;
            optional_text(&at.field("work_on"), &m.work_on)?;
            let mut who = HashSet::new();
            for (j, part) in m.parts.iter_mut().enumerate() {
                let here = |field: &str| at.field(format!("parts[{j}].{field}"));
                reference(&here("partner_uuid"), &mut part.partner_uuid)?;
                if !who.insert(part.partner_uuid.clone()) {
                    return Err(Problem::at(
                        &here("partner_uuid"),
                        "a partner appears twice in one meeting",
                    ));
                }
                optional_text(&here("appreciation"), &part.appreciation)?;
                optional_text(&here("request"), &part.request)?;
                optional_reference(&here("promise_uuid"), &mut part.promise_uuid)?;
            }
        }
        Ok(())
    }

    /// A known exercise by one partner, with only the parts that exercise has.
    fn exercises(&self, list: &mut [ExerciseRecord]) -> Result<(), Problem> {
        use crate::domain::exercise::Exercise;
        let mut seen = Uuids::default();
        for (i, e) in list.iter_mut().enumerate() {
            let at = Place::new(RecordKind::Exercise, i);
            record_header(&at, &mut e.uuid, &mut e.created_at, &mut e.updated_at)?;
            seen.insert(&at, &e.uuid)?;
            let exercise: Exercise = e
                .exercise
                .parse()
                .map_err(|m: String| Problem::at(&at.field("exercise"), m))?;
            reference(&at.field("partner_uuid"), &mut e.partner_uuid)?;
            self.happened(&at.field("date"), &e.date)?;
            required_text(&at.field("what"), &e.what)?;
            let parts = [
                ("felt", &e.felt),
                ("view", &e.view),
                ("triggers", &e.triggers),
                ("own_part", &e.own_part),
                ("plan", &e.plan),
                ("helps", &e.helps),
                ("repair", &e.repair),
            ];
            for (field, value) in parts {
                optional_text(&at.field(field), value)?;
                if value.is_some() && !exercise.has(field) {
                    return Err(Problem::at(
                        &at.field(field),
                        format!("{} is not a part of a {exercise} exercise", field),
                    ));
                }
            }
            if e.promise_uuid.is_some() && exercise != Exercise::Request {
                return Err(Problem::at(
                    &at.field("promise_uuid"),
                    format!("only a request becomes a promise, and this is a {exercise}"),
                ));
            }
            optional_reference(&at.field("promise_uuid"), &mut e.promise_uuid)?;
        }
        Ok(())
    }
}

/// Uuids already seen in one list, to refuse a repeat.
#[derive(Default)]
struct Uuids(HashMap<String, usize>);

impl Uuids {
    fn insert(&mut self, at: &Place, uuid: &str) -> Result<(), Problem> {
        if let Some(first) = self.0.insert(uuid.to_string(), at.index) {
            return Err(Problem::at(
                &at.field("uuid"),
                format!(
                    "{uuid} is used twice (also by {}[{first}]); every record needs its own uuid",
                    at.kind
                ),
            ));
        }
        Ok(())
    }
}

fn record_header(
    at: &Place,
    uuid: &mut String,
    created_at: &mut String,
    updated_at: &mut String,
) -> Result<(), Problem> {
    reference(&at.field("uuid"), uuid)?;
    *created_at = timestamp_value(&at.field("created_at"), created_at)?;
    *updated_at = timestamp_value(&at.field("updated_at"), updated_at)?;
    Ok(())
}

/// A uuid in its canonical form (lowercase, hyphenated); any standard spelling is accepted.
pub(super) fn reference(at: &Place, uuid: &mut String) -> Result<(), Problem> {
    let parsed = uuid::Uuid::try_parse(uuid.trim()).map_err(|_| {
        Problem::at(
            at,
            format!(
                "\"{uuid}\" is not a uuid (expected 32 hexadecimal digits such as 0b6cf2c4-5e9a-4b1e-9d2a-7c1f8e3a6d40)"
            ),
        )
    })?;
    *uuid = parsed.hyphenated().to_string();
    Ok(())
}

pub(super) fn optional_reference(at: &Place, uuid: &mut Option<String>) -> Result<(), Problem> {
    match uuid {
        Some(u) => reference(at, u),
        None => Ok(()),
    }
}

/// The timestamp format of the journal: UTC with microseconds, so text order is time order.
const TIMESTAMP: &str = "%Y-%m-%dT%H:%M:%S%.6fZ";

/// Any RFC 3339 timestamp, rewritten in the journal's UTC form.
pub(super) fn timestamp_value(at: &Place, text: &str) -> Result<String, Problem> {
    let bad = || {
        Problem::at(
            at,
            format!("\"{text}\" is not a timestamp; use RFC 3339, such as 2026-11-20T18:30:00Z"),
        )
    };
    let parsed = DateTime::parse_from_rfc3339(text.trim()).map_err(|_| bad())?;
    let utc = parsed.with_timezone(&Utc);
    let year = chrono::Datelike::year(&utc);
    if !(1970..=9999).contains(&year) {
        return Err(Problem::at(
            at,
            format!("\"{text}\" is out of range; timestamps from 1970 to 9999 are accepted"),
        ));
    }
    Ok(utc.format(TIMESTAMP).to_string())
}

/// A calendar date, strictly `YYYY-MM-DD`, within the years rekindle accepts.
pub(super) fn date_value(at: &Place, text: &str) -> Result<NaiveDate, Problem> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped {
        return Err(Problem::at(
            at,
            format!("\"{text}\" is not a date; dates are written YYYY-MM-DD"),
        ));
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Problem::at(at, format!("\"{text}\" is not a real calendar date")))?;
    if date < dates::EARLIEST || date > dates::LATEST {
        return Err(Problem::at(
            at,
            format!("\"{text}\" is out of range; dates from 1970-01-01 to 9999-12-31 are accepted"),
        ));
    }
    Ok(date)
}

fn score(at: &Place, value: i64, max: i64) -> Result<(), Problem> {
    if (1..=max).contains(&value) {
        Ok(())
    } else {
        Err(Problem::at(
            at,
            format!("must be a whole number from 1 to {max} (got {value})"),
        ))
    }
}

fn step(at: &Place, text: &str) -> Result<String, Problem> {
    text.parse::<Step>()
        .map(|s| s.id().to_string())
        .map_err(|e| Problem::at(at, e))
}

fn one_of(at: &Place, value: &str, allowed: &[&str]) -> Result<(), Problem> {
    if allowed.contains(&value) {
        return Ok(());
    }
    let (last, rest) = allowed.split_last().unwrap_or((&"", &[]));
    Err(Problem::at(
        at,
        format!(
            "\"{value}\" is not accepted; use {} or {last}",
            rest.join(", ")
        ),
    ))
}

/// Text may hold anything a person can type, newlines and emoji included, but not NUL,
/// which no command line can carry and which would cut text short in some tools.
fn optional_text(at: &Place, text: &Option<String>) -> Result<(), Problem> {
    match text {
        Some(t) if t.contains('\0') => Err(Problem::at(
            at,
            "contains a NUL character (\\u0000), which rekindle does not store",
        )),
        _ => Ok(()),
    }
}

fn required_text(at: &Place, text: &str) -> Result<(), Problem> {
    if text.trim().is_empty() {
        return Err(Problem::at(at, "is empty; this part cannot be left out"));
    }
    optional_text(at, &Some(text.to_string()))
}

/// `day`, `weekday`, `week` or a list of distinct weekdays such as `mon,thu`.
fn recurrence(at: &Place, text: &str) -> Result<String, Problem> {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    if matches!(text, "day" | "weekday" | "week") {
        return Ok(text.to_string());
    }
    let mut seen = HashSet::new();
    let valid = !text.is_empty() && text.split(',').all(|d| DAYS.contains(&d) && seen.insert(d));
    if valid {
        Ok(text.to_string())
    } else {
        Err(Problem::at(
            at,
            format!(
                "\"{text}\" is not a recurrence; use day, weekday, week or weekdays such as mon,thu"
            ),
        ))
    }
}
