//! Checking an export document against the rules the command line keeps, record by record,
//! and bringing its values to their canonical forms. Pure: no SQL, no terminal.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};

use super::{
    ApologyRecord, CheckinRecord, Document, ExerciseRecord, FeelingRecord, FocusRecord,
    MeetingRecord, NoteRecord, OutcomeRecord, PartnerRecord, Place, Problem, PromiseRecord,
    ResponseRecord,
};
use crate::domain::dates;
use crate::domain::feelings::check_word;
use crate::domain::input::check_name;
use crate::domain::kind::RecordKind;
use crate::domain::model::{Role, Step, look_alike, names_look_alike, same_name};
use crate::domain::recurrence::{Plan, Rule, Schedule};

/// The dates a document is checked against: this computer's date, and the latest date it
/// can be anywhere on Earth now (see `domain::clock::latest_anywhere`). A date written in
/// another time zone may be a day ahead of this one's; only a date after `anywhere` cannot
/// have happened yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Today {
    pub here: NaiveDate,
    pub anywhere: NaiveDate,
}

impl From<NaiveDate> for Today {
    fn from(date: NaiveDate) -> Today {
        Today {
            here: date,
            anywhere: date,
        }
    }
}

/// Checks every record against the rules rekindle keeps when you write with it, and returns
/// the document with its values in their canonical forms (lowercase uuids, UTC timestamps
/// with microseconds, `YYYY-MM-DD` dates, feeling words as the vocabulary spells them).
/// `today` is the importing computer's date; as everywhere else in rekindle, what already
/// happened cannot be dated after it, allowing for a time zone further ahead.
///
/// `now` is the importing computer's clock: stamps are checked against it, and a version 1
/// file is given the stamps, tombstones and revisions version 2 carries (see `versions`).
pub fn check(
    mut doc: Document,
    today: impl Into<Today>,
    now: &DateTime<Utc>,
) -> Result<Document, Problem> {
    let rules = Rules {
        today: today.into(),
    };
    rules.partners(&mut doc.partners)?;
    rules.checkins(&mut doc.checkins)?;
    rules.feelings(&mut doc.feelings)?;
    let plans = rules.promises(&mut doc.promises)?;
    rules.outcomes(&mut doc.outcomes, &plans)?;
    rules.apologies(&mut doc.apologies)?;
    rules.responses(&mut doc.responses)?;
    rules.focus(&mut doc.focus)?;
    rules.meetings(&mut doc.meetings)?;
    rules.exercises(&mut doc.exercises)?;
    rules.notes(&mut doc.notes)?;
    super::versions::check(&mut doc, now)?;
    Ok(doc)
}

/// The rules each kind of record is checked against, in the order the document lists them.
struct Rules {
    /// The importing computer's date, and the latest date it can be anywhere.
    today: Today,
}

impl Rules {
    /// A date that is real and has begun somewhere on Earth.
    fn happened(&self, place: &Place, date: &str) -> Result<NaiveDate, Problem> {
        let parsed = date_value(place, date)?;
        if parsed > self.today.anywhere {
            return Err(Problem::at(
                place,
                format!(
                    "{parsed} is in the future (today is {})",
                    dates::in_words(self.today.here)
                ),
            ));
        }
        Ok(parsed)
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
        if let [a, b] = &*list {
            let at = Place::new(RecordKind::Partner, 1).field("name");
            if same_name(&a.name, &b.name) {
                return Err(Problem::at(
                    &at,
                    format!("both partners are called \"{}\"", b.name),
                ));
            }
            if names_look_alike(&a.name, &b.name) {
                return Err(Problem::at(&at, look_alike(&a.name, &b.name)));
            }
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
            c.privacy.check(
                &at,
                &[
                    ("answer", c.answer.is_some()),
                    ("appreciation", c.appreciation.is_some()),
                    ("need", c.need.is_some()),
                    ("note", c.note.is_some()),
                ],
            )?;
            if let Some(day) = &c.privacy.revealed_on {
                self.happened(&at.field("revealed_on"), day)?;
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

    /// A word as the command line takes it (no control or invisible characters, at most 40
    /// characters), an optional strength from 1 to 5.
    fn feelings(&self, list: &mut [FeelingRecord]) -> Result<(), Problem> {
        let mut seen = Uuids::default();
        for (i, f) in list.iter_mut().enumerate() {
            let at = Place::new(RecordKind::Feeling, i);
            record_header(&at, &mut f.uuid, &mut f.created_at, &mut f.updated_at)?;
            seen.insert(&at, &f.uuid)?;
            reference(&at.field("partner_uuid"), &mut f.partner_uuid)?;
            optional_reference(&at.field("checkin_uuid"), &mut f.checkin_uuid)?;
            self.happened(&at.field("date"), &f.date)?;
            if let Some(day) = &f.revealed_on {
                self.happened(&at.field("revealed_on"), day)?;
            }
            if f.private {
                // The whole feeling is in its ciphertext; nothing readable stands beside it.
                if f.checkin_uuid.is_some() {
                    return Err(Problem::at(
                        &at.field("private"),
                        "only a feeling of its own (from `feel`) can be private, not one named in a check-in",
                    ));
                }
                private_ciphertext(&at.field("ciphertext"), f.ciphertext.as_deref())?;
                f.word = crate::domain::private::HIDDEN_WORD.to_string();
                f.intensity = None;
                f.note = None;
                continue;
            }
            if f.ciphertext.is_some() {
                return Err(Problem::at(
                    &at.field("ciphertext"),
                    "only a private feeling has ciphertext; this one is shared",
                ));
            }
            f.word = feeling_word(&at.field("word"), &f.word)?;
            if let Some(n) = f.intensity {
                score(&at.field("intensity"), n, 5)?;
            }
            optional_text(&at.field("note"), &f.note)?;
        }
        Ok(())
    }

    /// A text, a known schedule and status, and dates in order, as `promise add` keeps them:
    /// a due date (or a recurring promise's last date) not before the start, with at least
    /// one scheduled date between them, and a recurring promise kept or missed date by date
    /// rather than as a whole. Returns each promise's plan, by uuid, for its outcomes.
    fn promises(&self, list: &mut [PromiseRecord]) -> Result<HashMap<String, Plan>, Problem> {
        let mut seen = Uuids::default();
        let mut plans = HashMap::new();
        for (i, p) in list.iter_mut().enumerate() {
            let at = Place::new(RecordKind::Promise, i);
            record_header(&at, &mut p.uuid, &mut p.created_at, &mut p.updated_at)?;
            seen.insert(&at, &p.uuid)?;
            reference(&at.field("by_uuid"), &mut p.by_uuid)?;
            optional_reference(&at.field("to_uuid"), &mut p.to_uuid)?;
            let from = date_value(&at.field("date"), &p.date)?;
            required_text(&at.field("text"), &p.text)?;
            let due = match &p.due {
                Some(due) => Some(date_value(&at.field("due"), due)?),
                None => None,
            };
            if let Some(due) = due
                && due < from
            {
                return Err(Problem::at(
                    &at.field("due"),
                    format!(
                        "{due} is before the promise starts ({from}); a due date or last date comes on or after the start"
                    ),
                ));
            }
            let rule = match &mut p.every {
                Some(every) => {
                    *every = recurrence(&at.field("every"), every)?;
                    Some(
                        every
                            .parse::<Rule>()
                            .map_err(|e| Problem::at(&at.field("every"), e))?,
                    )
                }
                None => None,
            };
            one_of(
                &at.field("status"),
                &p.status,
                &["open", "kept", "missed", "cancelled"],
            )?;
            if let Some(closed) = &p.closed_on {
                let closed = date_value(&at.field("closed_on"), closed)?;
                if closed < from {
                    return Err(Problem::at(
                        &at.field("closed_on"),
                        format!("{closed} is before the promise starts ({from})"),
                    ));
                }
            }
            let plan = match rule {
                None => Plan::Once { from, due },
                Some(rule) => {
                    let schedule = Schedule {
                        rule,
                        from,
                        until: due,
                    };
                    if let Some(due) = due
                        && schedule.first_on_or_after(from).is_none_or(|d| d > due)
                    {
                        return Err(Problem::at(
                            &at.field("every"),
                            format!("\"{rule}\" has no date from {from} to {due}"),
                        ));
                    }
                    if matches!(p.status.as_str(), "kept" | "missed") {
                        return Err(Problem::at(
                            &at.field("status"),
                            format!(
                                "\"{}\" is not accepted for a recurring promise: it is kept or missed date by date, in its outcomes, and as a whole it is open or cancelled",
                                p.status
                            ),
                        ));
                    }
                    Plan::Recurring(schedule)
                }
            };
            plans.insert(p.uuid.clone(), plan);
        }
        Ok(plans)
    }

    /// One per promise and day, kept, missed or skipped, on a date the promise's schedule
    /// holds (as `promise keep` and `miss` take it): not before it started, not after its
    /// last date, on a scheduled day; a one-time promise takes one outcome, never a skip.
    /// A promise the file does not hold is checked against the journal's by the merge.
    fn outcomes(
        &self,
        list: &mut [OutcomeRecord],
        plans: &HashMap<String, Plan>,
    ) -> Result<(), Problem> {
        let mut seen = Uuids::default();
        let mut days = HashSet::new();
        let mut once = HashMap::new();
        for (i, o) in list.iter_mut().enumerate() {
            let at = Place::new(RecordKind::Outcome, i);
            record_header(&at, &mut o.uuid, &mut o.created_at, &mut o.updated_at)?;
            seen.insert(&at, &o.uuid)?;
            reference(&at.field("promise_uuid"), &mut o.promise_uuid)?;
            reference(&at.field("recorded_by_uuid"), &mut o.recorded_by_uuid)?;
            let date = self.happened(&at.field("date"), &o.date)?;
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
            let Some(plan) = plans.get(&o.promise_uuid) else {
                continue;
            };
            plan.check_outcome_date(date, self.today.anywhere)
                .map_err(|e| Problem::at(&at.field("date"), e.to_string()))?;
            if let Plan::Once { .. } = plan {
                if o.result == "skipped" {
                    return Err(Problem::at(
                        &at.field("result"),
                        "\"skipped\" is not accepted for a one-time promise: it is kept, missed or cancelled",
                    ));
                }
                if let Some(first) = once.insert(o.promise_uuid.clone(), i) {
                    return Err(Problem::at(
                        &at,
                        format!(
                            "a second outcome for a one-time promise (also outcomes[{first}]); a one-time promise takes one outcome"
                        ),
                    ));
                }
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

    /// A known step on a date that has begun somewhere: a focus change dated ahead would
    /// stay the current focus until that day came.
    fn focus(&self, list: &mut [FocusRecord]) -> Result<(), Problem> {
        let mut seen = Uuids::default();
        for (i, f) in list.iter_mut().enumerate() {
            let at = Place::new(RecordKind::Focus, i);
            record_header(&at, &mut f.uuid, &mut f.created_at, &mut f.updated_at)?;
            seen.insert(&at, &f.uuid)?;
            f.step = step(&at.field("step"), &f.step)?;
            self.happened(&at.field("date"), &f.date)?;
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

    /// A note by one partner: shared with its text, or private with no text (its words as
    /// base64 ciphertext, or none at all where only the stub travelled).
    fn notes(&self, list: &mut [NoteRecord]) -> Result<(), Problem> {
        let mut seen = Uuids::default();
        for (i, n) in list.iter_mut().enumerate() {
            let at = Place::new(RecordKind::Note, i);
            record_header(&at, &mut n.uuid, &mut n.created_at, &mut n.updated_at)?;
            seen.insert(&at, &n.uuid)?;
            reference(&at.field("partner_uuid"), &mut n.partner_uuid)?;
            self.happened(&at.field("date"), &n.date)?;
            if let Some(day) = &n.revealed_on {
                self.happened(&at.field("revealed_on"), day)?;
            }
            if n.private {
                if n.text.is_some() {
                    return Err(Problem::at(
                        &at.field("text"),
                        "a private note keeps its words only as ciphertext, so text must be null",
                    ));
                }
                private_ciphertext(&at.field("ciphertext"), n.ciphertext.as_deref())?;
            } else {
                match &n.text {
                    Some(t) => required_text(&at.field("text"), t)?,
                    None => required_text(&at.field("text"), "")?,
                }
                if n.ciphertext.is_some() {
                    return Err(Problem::at(
                        &at.field("ciphertext"),
                        "only a private note has ciphertext; this one is shared",
                    ));
                }
            }
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

/// Whether `text` is already a timestamp in the journal's form (as every export rekindle
/// writes holds them): `YYYY-MM-DDTHH:MM:SS.ffffffZ`, a real date from 1970 to 9999 and a
/// time of day (a leap second allowed, as RFC 3339 allows it). Then it is kept as it is,
/// without a parse and a format for each of an import's tens of thousands of timestamps.
fn is_canonical_timestamp(text: &str) -> bool {
    let b = text.as_bytes();
    let shaped = b.len() == 27
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'.',
            26 => *c == b'Z',
            _ => c.is_ascii_digit(),
        });
    if !shaped {
        return false;
    }
    let number = |from: usize, to: usize| {
        b[from..to]
            .iter()
            .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'))
    };
    let year = number(0, 4);
    (1970..=9999).contains(&year)
        && NaiveDate::from_ymd_opt(year as i32, number(5, 7), number(8, 10)).is_some()
        && number(11, 13) < 24
        && number(14, 16) < 60
        && number(17, 19) <= 60
}

/// Any RFC 3339 timestamp, rewritten in the journal's UTC form.
pub(super) fn timestamp_value(at: &Place, text: &str) -> Result<String, Problem> {
    if is_canonical_timestamp(text) {
        return Ok(text.to_string());
    }
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
    // Shaped as ten digits and dashes, so each part is a number.
    let number = |from: usize, to: usize| text[from..to].parse::<u32>().unwrap_or(0);
    let date = NaiveDate::from_ymd_opt(number(0, 4) as i32, number(5, 7), number(8, 10))
        .ok_or_else(|| Problem::at(at, format!("\"{text}\" is not a real calendar date")))?;
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

/// A private entry's ciphertext, when it is there: base64 (standard alphabet, padded) of an
/// age file, as rekindle encrypts private words.
fn private_ciphertext(at: &Place, ciphertext: Option<&str>) -> Result<(), Problem> {
    use base64::Engine as _;
    let Some(c) = ciphertext else {
        return Ok(());
    };
    match base64::engine::general_purpose::STANDARD.decode(c) {
        Err(_) => Err(Problem::at(
            at,
            "is not base64 (standard alphabet, with padding)",
        )),
        Ok(bytes) if !bytes.starts_with(b"age-encryption.org/v1\n") => Err(Problem::at(
            at,
            "is not private words as rekindle encrypts them (an age file)",
        )),
        Ok(_) => Ok(()),
    }
}

/// A feeling word as `feel` and `checkin --feel` take it, in the vocabulary's spelling.
fn feeling_word(at: &Place, word: &str) -> Result<String, Problem> {
    required_text(at, word)?;
    check_word(word).map_err(|e| Problem::at(at, e.to_string()))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What the full parse makes of `text`, as the fast path must agree with it.
    fn slow(text: &str) -> Option<String> {
        let parsed = DateTime::parse_from_rfc3339(text).ok()?.with_timezone(&Utc);
        (1970..=9999)
            .contains(&chrono::Datelike::year(&parsed))
            .then(|| parsed.format(TIMESTAMP).to_string())
    }

    #[test]
    fn a_timestamp_already_in_the_journals_form_is_kept_exactly_as_the_full_parse_would() {
        for text in [
            "2026-11-20T18:00:00.500000Z",
            "1970-01-01T00:00:00.000000Z",
            "9999-12-31T23:59:60.999999Z",
            "2024-02-29T12:30:45.123456Z",
        ] {
            assert!(is_canonical_timestamp(text), "{text}");
            assert_eq!(slow(text).as_deref(), Some(text), "{text}");
        }
        for text in [
            "2026-02-30T18:00:00.000000Z",
            "1969-12-31T23:59:59.999999Z",
            "2026-11-20T24:00:00.000000Z",
            "2026-11-20T18:60:00.000000Z",
            "2026-11-20T18:00:00.5Z",
            "2026-11-20T18:00:00.000000+01:00",
            "2026-11-20 18:00:00.000000Z",
        ] {
            assert!(!is_canonical_timestamp(text), "{text}");
        }
        let at = Place::new(RecordKind::Checkin, 0).field("updated_at");
        assert_eq!(
            timestamp_value(&at, "2026-11-20T19:00:00.5+01:00").unwrap(),
            "2026-11-20T18:00:00.500000Z"
        );
        assert!(timestamp_value(&at, "2026-02-30T18:00:00.000000Z").is_err());
    }
}
