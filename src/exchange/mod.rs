//! The export document: the whole journal as one JSON value that people and their own tools
//! can read, and that `import` merges back record by record.
//!
//! This module holds the document's types, parses a file into them (with the place of any
//! problem: `checkins[3].trust`, or the line and column of broken JSON), and checks every
//! record against the rules the command line enforces, all without SQL. Writing the checked
//! document into a journal is `store::exchange`; the CSV and Markdown renderings live in the
//! submodules. docs/export-format.md describes the format for people who write tools on it.

pub mod csv;
pub mod markdown;

use std::collections::{HashMap, HashSet};
use std::fmt;

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::commands::partners::check_name;
use crate::dates;
use crate::error::UserError;
use crate::model::{Role, Step, same_name};

/// The value of `format` in every export.
pub const FORMAT: &str = "rekindle-export";
/// The version of the format this program writes and reads.
pub const VERSION: u64 = 1;

/// The whole journal. Lists are in the order the records were written (by local id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub version: u64,
    #[serde(default)]
    pub exported_at: Option<String>,
    #[serde(default)]
    pub partners: Vec<PartnerRecord>,
    #[serde(default)]
    pub checkins: Vec<CheckinRecord>,
    #[serde(default)]
    pub feelings: Vec<FeelingRecord>,
    #[serde(default)]
    pub promises: Vec<PromiseRecord>,
    #[serde(default)]
    pub outcomes: Vec<OutcomeRecord>,
    #[serde(default)]
    pub apologies: Vec<ApologyRecord>,
    #[serde(default)]
    pub responses: Vec<ResponseRecord>,
    #[serde(default)]
    pub focus: Vec<FocusRecord>,
    #[serde(default)]
    pub meetings: Vec<MeetingRecord>,
}

impl Document {
    /// An empty document stamped with `exported_at`.
    pub fn new(exported_at: String) -> Document {
        Document {
            format: FORMAT.to_string(),
            version: VERSION,
            exported_at: Some(exported_at),
            partners: Vec::new(),
            checkins: Vec::new(),
            feelings: Vec::new(),
            promises: Vec::new(),
            outcomes: Vec::new(),
            apologies: Vec::new(),
            responses: Vec::new(),
            focus: Vec::new(),
            meetings: Vec::new(),
        }
    }

    /// How many records of `kind` the document holds.
    pub fn len(&self, kind: Kind) -> usize {
        match kind {
            Kind::Partners => self.partners.len(),
            Kind::Checkins => self.checkins.len(),
            Kind::Feelings => self.feelings.len(),
            Kind::Promises => self.promises.len(),
            Kind::Outcomes => self.outcomes.len(),
            Kind::Apologies => self.apologies.len(),
            Kind::Responses => self.responses.len(),
            Kind::Focus => self.focus.len(),
            Kind::Meetings => self.meetings.len(),
        }
    }

    /// The feelings named in each check-in, by the check-in's uuid, in document order.
    pub fn feelings_by_checkin(&self) -> HashMap<&str, Vec<&FeelingRecord>> {
        let mut map: HashMap<&str, Vec<&FeelingRecord>> = HashMap::new();
        for f in &self.feelings {
            if let Some(c) = f.checkin_uuid.as_deref() {
                map.entry(c).or_default().push(f);
            }
        }
        map
    }

    /// The first and last date of anything in the document, if it holds any dated record.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let dates = self
            .checkins
            .iter()
            .map(|r| r.date.as_str())
            .chain(self.feelings.iter().map(|r| r.date.as_str()))
            .chain(self.promises.iter().map(|r| r.date.as_str()))
            .chain(self.outcomes.iter().map(|r| r.date.as_str()))
            .chain(self.apologies.iter().map(|r| r.date.as_str()))
            .chain(self.responses.iter().map(|r| r.date.as_str()))
            .chain(self.focus.iter().map(|r| r.date.as_str()))
            .chain(self.meetings.iter().map(|r| r.date.as_str()))
            .filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        dates.fold(None, |span, d| match span {
            None => Some((d, d)),
            Some((first, last)) => Some((first.min(d), last.max(d))),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerRecord {
    pub uuid: String,
    pub name: String,
    pub role: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckinRecord {
    pub uuid: String,
    pub partner_uuid: String,
    pub date: String,
    pub trust: i64,
    #[serde(default)]
    pub connection: Option<i64>,
    pub step: String,
    #[serde(default)]
    pub prompt_id: Option<String>,
    #[serde(default)]
    pub answer: Option<String>,
    #[serde(default)]
    pub appreciation: Option<String>,
    #[serde(default)]
    pub need: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeelingRecord {
    pub uuid: String,
    pub partner_uuid: String,
    /// The check-in this feeling was named in, or null for a quick `feel` entry.
    #[serde(default)]
    pub checkin_uuid: Option<String>,
    pub date: String,
    pub word: String,
    #[serde(default)]
    pub intensity: Option<i64>,
    #[serde(default)]
    pub note: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromiseRecord {
    pub uuid: String,
    pub by_uuid: String,
    #[serde(default)]
    pub to_uuid: Option<String>,
    pub date: String,
    pub text: String,
    #[serde(default)]
    pub due: Option<String>,
    #[serde(default)]
    pub every: Option<String>,
    pub status: String,
    #[serde(default)]
    pub closed_on: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeRecord {
    pub uuid: String,
    pub promise_uuid: String,
    pub date: String,
    pub result: String,
    #[serde(default)]
    pub note: Option<String>,
    pub recorded_by_uuid: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApologyRecord {
    pub uuid: String,
    pub by_uuid: String,
    pub to_uuid: String,
    pub date: String,
    pub what: String,
    #[serde(default)]
    pub impact: Option<String>,
    pub responsibility: String,
    #[serde(default)]
    pub change: Option<String>,
    #[serde(default)]
    pub promise_uuid: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseRecord {
    pub uuid: String,
    pub apology_uuid: String,
    pub by_uuid: String,
    pub date: String,
    pub status: String,
    #[serde(default)]
    pub note: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FocusRecord {
    pub uuid: String,
    pub step: String,
    pub date: String,
    #[serde(default)]
    pub partner_uuid: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingRecord {
    pub uuid: String,
    pub date: String,
    #[serde(default)]
    pub went_well: Option<String>,
    #[serde(default)]
    pub work_on: Option<String>,
    /// Each partner's part of the meeting; they have no identity of their own and travel
    /// with their meeting.
    #[serde(default)]
    pub parts: Vec<MeetingPart>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingPart {
    pub partner_uuid: String,
    #[serde(default)]
    pub appreciation: Option<String>,
    #[serde(default)]
    pub request: Option<String>,
    #[serde(default)]
    pub promise_uuid: Option<String>,
}

/// The kinds of record, in the order the document lists them (and `import` writes them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Partners,
    Checkins,
    Feelings,
    Promises,
    Outcomes,
    Apologies,
    Responses,
    Focus,
    Meetings,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Partners,
        Kind::Checkins,
        Kind::Feelings,
        Kind::Promises,
        Kind::Outcomes,
        Kind::Apologies,
        Kind::Responses,
        Kind::Focus,
        Kind::Meetings,
    ];

    /// The list's name in the document ("checkins").
    pub fn key(self) -> &'static str {
        match self {
            Kind::Partners => "partners",
            Kind::Checkins => "checkins",
            Kind::Feelings => "feelings",
            Kind::Promises => "promises",
            Kind::Outcomes => "outcomes",
            Kind::Apologies => "apologies",
            Kind::Responses => "responses",
            Kind::Focus => "focus",
            Kind::Meetings => "meetings",
        }
    }

    fn index(self) -> usize {
        Kind::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }
}

/// What an import did (or would do) with one kind of record.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// New to the journal.
    pub added: u64,
    /// Already in the journal, replaced by the file's newer version.
    pub updated: u64,
    /// Already in the journal as recent or more recent; left as it was.
    pub skipped: u64,
    /// Taken out of the journal: feelings of a check-in that the file replaced.
    pub removed: u64,
}

/// An import's tallies for every kind.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Counts([Tally; 9]);

impl Counts {
    pub fn get(&self, kind: Kind) -> Tally {
        self.0[kind.index()]
    }

    pub fn get_mut(&mut self, kind: Kind) -> &mut Tally {
        &mut self.0[kind.index()]
    }

    /// Whether the import changed anything at all.
    pub fn changed(&self) -> bool {
        self.0.iter().any(|t| t.added + t.updated + t.removed > 0)
    }

    /// `{kind: n}` for one of the four tallies, every kind present.
    pub fn column(&self, pick: fn(&Tally) -> u64) -> serde_json::Map<String, serde_json::Value> {
        Kind::ALL
            .iter()
            .map(|k| (k.key().to_string(), pick(&self.get(*k)).into()))
            .collect()
    }
}

/// Where in the document a problem is, written as a jq path: `checkins[3].trust`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub kind: &'static str,
    pub index: usize,
    pub field: Option<String>,
}

impl Place {
    pub fn new(kind: Kind, index: usize) -> Place {
        Place {
            kind: kind.key(),
            index,
            field: None,
        }
    }

    pub fn field(&self, field: impl Into<String>) -> Place {
        Place {
            field: Some(field.into()),
            ..self.clone()
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.kind, self.index)?;
        if let Some(field) = &self.field {
            write!(f, ".{field}")?;
        }
        Ok(())
    }
}

/// A problem found in a file: where, and what is wrong in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: Option<String>,
    pub message: String,
}

impl Problem {
    pub fn at(place: &Place, message: impl Into<String>) -> Problem {
        Problem {
            place: Some(place.to_string()),
            message: message.into(),
        }
    }

    fn whole(message: impl Into<String>) -> Problem {
        Problem {
            place: None,
            message: message.into(),
        }
    }

    /// The refusal a user sees: the file, the place, the problem, and that nothing was
    /// imported.
    pub fn into_user_error(self, file: &str) -> UserError {
        match self.place {
            Some(place) => UserError::new(format!(
                "cannot import {file}: {place}: {}; nothing was imported",
                self.message
            )),
            None => UserError::new(format!(
                "cannot import {file}: {}; nothing was imported",
                self.message
            )),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Some(place) => write!(f, "{place}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";

/// Reads a file's bytes into a document: JSON syntax (with line and column), then the
/// `format` and `version` header, then every record's shape (with its path). The records'
/// values are not judged here; see [`check`].
pub fn parse(bytes: &[u8]) -> Result<Document, Problem> {
    // Some editors save a byte order mark at the start of a file; it is not part of the JSON.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(SQLITE_MAGIC) {
        return Err(Problem::whole(
            "it is an SQLite database (a journal or a backup), not an export; to merge a journal, export it first with `rekindle --journal FILE export --output FILE.json`",
        ));
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        let what = match e.classify() {
            serde_json::error::Category::Eof if line <= 1 && column == 0 => {
                return Problem::whole(
                    "the file is empty; import reads the JSON that `rekindle export` writes",
                );
            }
            serde_json::error::Category::Eof => "the JSON ends too early",
            _ if !looks_like_json(bytes) => {
                return Problem::whole(format!(
                    "it is not JSON (line {line}, column {column}); import reads the JSON that `rekindle export` writes, not CSV or Markdown"
                ));
            }
            _ => "the JSON is malformed",
        };
        Problem::whole(format!("{what} at line {line}, column {column} ({})", json_reason(&e)))
    })?;
    let Some(object) = value.as_object() else {
        return Err(Problem::whole(
            "it is JSON but not a rekindle export (expected an object with \"format\": \"rekindle-export\")",
        ));
    };
    match object.get("format") {
        Some(serde_json::Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(Problem::whole(format!(
                "its format is {other}, not \"{FORMAT}\"; import reads only rekindle exports"
            )));
        }
        None => {
            return Err(Problem::whole(format!(
                "it has no \"format\": \"{FORMAT}\", so it is not a rekindle export"
            )));
        }
    }
    match object.get("version") {
        Some(v) if v.as_u64() == Some(VERSION) => {}
        Some(v) if v.as_u64().is_some_and(|n| n > VERSION) => {
            return Err(Problem::whole(format!(
                "it is export version {v}, written by a newer rekindle; this one reads version {VERSION}, so please update rekindle"
            )));
        }
        Some(v) => {
            return Err(Problem::whole(format!(
                "export version {v} is not supported; this rekindle reads version {VERSION}"
            )));
        }
        None => {
            return Err(Problem::whole(
                "it has no \"version\"; a rekindle export says which version of the format it uses",
            ));
        }
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let place = e.path().to_string();
        let message = friendlier(&e.inner().to_string());
        Problem {
            place: (place != ".").then_some(place),
            message,
        }
    })
}

/// Whether the file starts like JSON at all (an object or array), to tell "not JSON" apart
/// from "broken JSON".
fn looks_like_json(bytes: &[u8]) -> bool {
    matches!(
        bytes.iter().find(|b| !b.is_ascii_whitespace()),
        Some(b'{' | b'[')
    )
}

/// serde_json's message without its own " at line L column C" tail.
fn json_reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

/// serde's wording, with Rust type names turned into words people use.
fn friendlier(message: &str) -> String {
    message
        .replace("expected i64", "expected a whole number")
        .replace("expected u64", "expected a whole number")
        .replace("a sequence", "a list")
        .replace("a map", "an object")
        .replace("struct ", "a record ")
}

/// Checks every record against the rules rekindle keeps when you write with it, and returns
/// the document with its values in their canonical forms (lowercase uuids, UTC timestamps
/// with microseconds, `YYYY-MM-DD` dates). `today` is the importing computer's date; a date
/// one day past it is accepted, since the other computer may be a time zone ahead.
pub fn check(mut doc: Document, today: NaiveDate) -> Result<Document, Problem> {
    let latest = today.checked_add_days(Days::new(1)).unwrap_or(today);
    let happened = |place: &Place, date: &str| -> Result<(), Problem> {
        let parsed = date_value(place, date)?;
        if parsed > latest {
            return Err(Problem::at(
                place,
                format!(
                    "{parsed} is in the future (today is {})",
                    dates::in_words(today)
                ),
            ));
        }
        Ok(())
    };

    if doc.partners.len() > 2 {
        return Err(Problem::whole(format!(
            "it lists {} partners; a journal is for the two of you",
            doc.partners.len()
        )));
    }
    let mut seen = Uuids::default();
    for (i, p) in doc.partners.iter_mut().enumerate() {
        let at = Place::new(Kind::Partners, i);
        record_header(&at, &mut p.uuid, &mut p.created_at, &mut p.updated_at)?;
        seen.insert(&at, &p.uuid)?;
        p.name = check_name(&p.name).map_err(|e| Problem::at(&at.field("name"), e.to_string()))?;
        p.role = p
            .role
            .parse::<Role>()
            .map_err(|e| Problem::at(&at.field("role"), e))?
            .as_str()
            .to_string();
    }
    if let [a, b] = doc.partners.as_slice()
        && same_name(&a.name, &b.name)
    {
        return Err(Problem::at(
            &Place::new(Kind::Partners, 1).field("name"),
            format!("both partners are called \"{}\"", b.name),
        ));
    }

    let mut seen = Uuids::default();
    let mut days = HashSet::new();
    for (i, c) in doc.checkins.iter_mut().enumerate() {
        let at = Place::new(Kind::Checkins, i);
        record_header(&at, &mut c.uuid, &mut c.created_at, &mut c.updated_at)?;
        seen.insert(&at, &c.uuid)?;
        reference(&at.field("partner_uuid"), &mut c.partner_uuid)?;
        happened(&at.field("date"), &c.date)?;
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

    let mut seen = Uuids::default();
    for (i, f) in doc.feelings.iter_mut().enumerate() {
        let at = Place::new(Kind::Feelings, i);
        record_header(&at, &mut f.uuid, &mut f.created_at, &mut f.updated_at)?;
        seen.insert(&at, &f.uuid)?;
        reference(&at.field("partner_uuid"), &mut f.partner_uuid)?;
        optional_reference(&at.field("checkin_uuid"), &mut f.checkin_uuid)?;
        happened(&at.field("date"), &f.date)?;
        required_text(&at.field("word"), &f.word)?;
        if let Some(n) = f.intensity {
            score(&at.field("intensity"), n, 5)?;
        }
        optional_text(&at.field("note"), &f.note)?;
    }

    let mut seen = Uuids::default();
    for (i, p) in doc.promises.iter_mut().enumerate() {
        let at = Place::new(Kind::Promises, i);
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

    let mut seen = Uuids::default();
    let mut days = HashSet::new();
    for (i, o) in doc.outcomes.iter_mut().enumerate() {
        let at = Place::new(Kind::Outcomes, i);
        record_header(&at, &mut o.uuid, &mut o.created_at, &mut o.updated_at)?;
        seen.insert(&at, &o.uuid)?;
        reference(&at.field("promise_uuid"), &mut o.promise_uuid)?;
        reference(&at.field("recorded_by_uuid"), &mut o.recorded_by_uuid)?;
        happened(&at.field("date"), &o.date)?;
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

    let mut seen = Uuids::default();
    for (i, a) in doc.apologies.iter_mut().enumerate() {
        let at = Place::new(Kind::Apologies, i);
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
        happened(&at.field("date"), &a.date)?;
        required_text(&at.field("what"), &a.what)?;
        optional_text(&at.field("impact"), &a.impact)?;
        required_text(&at.field("responsibility"), &a.responsibility)?;
        optional_text(&at.field("change"), &a.change)?;
        optional_reference(&at.field("promise_uuid"), &mut a.promise_uuid)?;
    }

    let mut seen = Uuids::default();
    for (i, r) in doc.responses.iter_mut().enumerate() {
        let at = Place::new(Kind::Responses, i);
        record_header(&at, &mut r.uuid, &mut r.created_at, &mut r.updated_at)?;
        seen.insert(&at, &r.uuid)?;
        reference(&at.field("apology_uuid"), &mut r.apology_uuid)?;
        reference(&at.field("by_uuid"), &mut r.by_uuid)?;
        happened(&at.field("date"), &r.date)?;
        one_of(
            &at.field("status"),
            &r.status,
            &["accepted", "need-time", "declined"],
        )?;
        optional_text(&at.field("note"), &r.note)?;
    }

    let mut seen = Uuids::default();
    for (i, f) in doc.focus.iter_mut().enumerate() {
        let at = Place::new(Kind::Focus, i);
        record_header(&at, &mut f.uuid, &mut f.created_at, &mut f.updated_at)?;
        seen.insert(&at, &f.uuid)?;
        f.step = step(&at.field("step"), &f.step)?;
        date_value(&at.field("date"), &f.date)?;
        optional_reference(&at.field("partner_uuid"), &mut f.partner_uuid)?;
    }

    let mut seen = Uuids::default();
    for (i, m) in doc.meetings.iter_mut().enumerate() {
        let at = Place::new(Kind::Meetings, i);
        record_header(&at, &mut m.uuid, &mut m.created_at, &mut m.updated_at)?;
        seen.insert(&at, &m.uuid)?;
        happened(&at.field("date"), &m.date)?;
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
    Ok(doc)
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
fn reference(at: &Place, uuid: &mut String) -> Result<(), Problem> {
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

fn optional_reference(at: &Place, uuid: &mut Option<String>) -> Result<(), Problem> {
    match uuid {
        Some(u) => reference(at, u),
        None => Ok(()),
    }
}

/// The timestamp format of the journal: UTC with microseconds, so text order is time order.
const TIMESTAMP: &str = "%Y-%m-%dT%H:%M:%S%.6fZ";

/// Any RFC 3339 timestamp, rewritten in the journal's UTC form.
fn timestamp_value(at: &Place, text: &str) -> Result<String, Problem> {
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
fn date_value(at: &Place, text: &str) -> Result<NaiveDate, Problem> {
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

#[cfg(test)]
mod tests;
