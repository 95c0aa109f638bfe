//! The JSON shape of each kind of record, in one place: a write command's `--json` prints
//! the record it wrote in exactly the shape `history --json` lists it (docs/contract.md,
//! "Records": `kind`, `id`, `date`, `partner`, then the kind's own fields). `history` and
//! `export` reuse these. Field names are a contract: fields may be added, never renamed.
//!
//! `partner` is always the person the record belongs to: who checked in, who made the
//! promise (an outcome counts for them, whoever recorded it), who apologised, who answered.
//! A meeting belongs to both, so its `partner` is null.

use crate::domain::exercise::Exercise;
use crate::domain::feelings::{self, FeelingEntry, Valence};
use crate::domain::journey;
use crate::domain::kind::RecordKind;
use crate::domain::model::Partner;
use crate::domain::model::Step;
use crate::store::apologies::{Answer, Apology, Response};
use crate::store::checkins::Checkin;
use crate::store::exercises::ExerciseRow;
use crate::store::feelings::Feeling;
use crate::store::focus::FocusChange;
use crate::store::history::{Entry, Tombstone};
use crate::store::meetings::{Meeting, MeetingPart};
use crate::store::notes::{Note, Words};
use crate::store::promises::{Outcome, OutcomeKind, Promise, Status};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Serialize, Serializer};
use std::collections::HashMap;

/// A feeling inside a check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeelingJson {
    pub word: String,
    pub intensity: Option<u8>,
    pub valence: Valence,
}

impl From<&Feeling> for FeelingJson {
    fn from(f: &Feeling) -> Self {
        FeelingJson {
            word: f.word.clone(),
            intensity: f.intensity,
            valence: feelings::valence(&f.word),
        }
    }
}

impl From<&FeelingJson> for FeelingEntry {
    fn from(f: &FeelingJson) -> Self {
        FeelingEntry {
            word: f.word.clone(),
            intensity: f.intensity,
        }
    }
}

/// `{"kind": "checkin", ...}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckinRecord {
    pub kind: &'static str,
    pub id: i64,
    pub uuid: String,
    pub date: NaiveDate,
    pub partner: String,
    pub trust: u8,
    pub connection: Option<u8>,
    pub step: Step,
    pub prompt_id: Option<String>,
    pub answer: Option<String>,
    pub appreciation: Option<String>,
    pub need: Option<String>,
    pub note: Option<String>,
    pub feelings: Vec<FeelingJson>,
    pub created_at: String,
    pub updated_at: String,
    /// Whether the record has earlier versions (`show KIND ID` lists them).
    pub edited: bool,
    /// Its words are private: encrypted to its author, `null` here unless the author reads
    /// them with `history --private`. Absent when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub private: bool,
    /// Its words are sealed for this reader (they have not checked in for that day yet):
    /// `null` here. Absent when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub sealed: bool,
    /// Sealed with no reader named: shown once both have checked in that day, whoever reads.
    #[serde(skip)]
    pub sealed_for_anyone: bool,
    /// Its private words were written on another computer of the couple and stay there (this
    /// journal holds only their stub): shown to their author reading with `--private`.
    /// Absent when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub elsewhere: bool,
    /// The day its private words were shared with `reveal`. Absent when never private.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revealed_on: Option<NaiveDate>,
}

pub fn checkin_record(checkin: &Checkin, partner: &str, feelings: &[Feeling]) -> CheckinRecord {
    let f = &checkin.fields;
    CheckinRecord {
        kind: "checkin",
        id: checkin.id,
        uuid: checkin.uuid.clone(),
        date: checkin.date,
        partner: partner.to_string(),
        trust: f.trust,
        connection: f.connection,
        step: f.step,
        prompt_id: f.prompt_id.clone(),
        answer: f.answer.clone(),
        appreciation: f.appreciation.clone(),
        need: f.need.clone(),
        note: f.note.clone(),
        feelings: feelings.iter().map(FeelingJson::from).collect(),
        created_at: checkin.created_at.clone(),
        updated_at: checkin.updated_at.clone(),
        edited: false,
        private: false,
        sealed: false,
        sealed_for_anyone: false,
        elsewhere: false,
        revealed_on: None,
    }
}

/// `{"kind": "feeling", ...}`: a quick entry from `feel`, not part of a check-in. A private
/// one has `"private": true` and its word, intensity, valence, core and note `null`, for
/// everyone but its author reading with `history --private`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeelingRecord {
    pub kind: &'static str,
    pub id: i64,
    pub uuid: String,
    pub date: NaiveDate,
    pub partner: String,
    pub word: String,
    pub intensity: Option<u8>,
    pub valence: Valence,
    pub core: Option<feelings::Core>,
    pub note: Option<String>,
    /// When it was written (UTC); the words of one `feel` share it.
    pub created_at: String,
    /// Whether the record has earlier versions (`show KIND ID` lists them).
    pub edited: bool,
    /// Kept private (`feel --private`).
    pub private: bool,
    /// The feeling itself is withheld (private, and not opened by its author).
    pub hidden: bool,
    /// The day a private feeling was shared with `reveal`.
    pub revealed_on: Option<NaiveDate>,
    /// The private feeling as stored (never shown): what the author's key opens.
    pub ciphertext: Option<Vec<u8>>,
    /// Whose it is, by id (never shown).
    pub partner_id: i64,
}

impl Serialize for FeelingRecord {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", self.kind)?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("uuid", &self.uuid)?;
        map.serialize_entry("date", &self.date)?;
        map.serialize_entry("partner", &self.partner)?;
        if self.hidden {
            for field in ["word", "intensity", "valence", "core", "note"] {
                map.serialize_entry(field, &None::<()>)?;
            }
        } else {
            map.serialize_entry("word", &self.word)?;
            map.serialize_entry("intensity", &self.intensity)?;
            map.serialize_entry("valence", &self.valence)?;
            map.serialize_entry("core", &self.core)?;
            map.serialize_entry("note", &self.note)?;
        }
        map.serialize_entry("created_at", &self.created_at)?;
        map.serialize_entry("edited", &self.edited)?;
        if self.private {
            map.serialize_entry("private", &true)?;
        }
        if let Some(on) = &self.revealed_on {
            map.serialize_entry("revealed_on", on)?;
        }
        map.end()
    }
}

pub fn feeling_record(feeling: &Feeling, partner: &str) -> FeelingRecord {
    FeelingRecord {
        kind: "feeling",
        id: feeling.id,
        uuid: feeling.uuid.clone(),
        date: feeling.date,
        partner: partner.to_string(),
        word: feeling.word.clone(),
        intensity: feeling.intensity,
        valence: feelings::valence(&feeling.word),
        core: feelings::core(&feeling.word),
        note: feeling.note.clone(),
        created_at: feeling.created_at.clone(),
        edited: false,
        private: feeling.private.is_some(),
        hidden: feeling.private.is_some(),
        revealed_on: feeling.revealed_on,
        ciphertext: feeling.private.clone().filter(|c| !c.is_empty()),
        partner_id: feeling.partner_id,
    }
}

/// `{"kind": "focus", ...}`: a change of the couple's focus step. `partner` is who changed
/// it, when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FocusRecord {
    pub kind: &'static str,
    pub id: i64,
    pub date: NaiveDate,
    pub partner: Option<String>,
    pub step: Step,
    pub title: String,
    /// A move that waits for the other partner's agreement: the focus has not moved yet.
    pub waiting: bool,
    /// Who agreed to a move that waited for agreement; `null` otherwise.
    pub agreed_by: Option<String>,
    /// Whether the record has earlier versions (`show KIND ID` lists them).
    pub edited: bool,
}

pub fn focus_record(
    change: &FocusChange,
    partner: Option<&str>,
    agreed_by: Option<&str>,
    title: &str,
) -> FocusRecord {
    FocusRecord {
        kind: "focus",
        id: change.id,
        date: change.date,
        partner: partner.map(str::to_string),
        step: change.step,
        title: title.to_string(),
        waiting: change.waiting,
        agreed_by: agreed_by.map(str::to_string),
        edited: false,
    }
}

/// One partner's part of a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingPartJson {
    pub partner: String,
    pub appreciation: Option<String>,
    pub request: Option<String>,
    pub promise_id: Option<i64>,
}

/// `{"kind": "meeting", ...}`: a meeting belongs to both partners, so `partner` is null.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingRecord {
    pub kind: &'static str,
    pub id: i64,
    pub uuid: String,
    pub date: NaiveDate,
    pub partner: Option<String>,
    pub went_well: Option<String>,
    pub work_on: Option<String>,
    pub partners: Vec<MeetingPartJson>,
    /// Whether the record has earlier versions (`show KIND ID` lists them).
    pub edited: bool,
}

/// `parts` pairs each part with its partner's name.
pub fn meeting_record(meeting: &Meeting, parts: &[(&MeetingPart, &str)]) -> MeetingRecord {
    MeetingRecord {
        kind: "meeting",
        id: meeting.id,
        uuid: meeting.uuid.clone(),
        date: meeting.date,
        partner: None,
        went_well: meeting.went_well.clone(),
        work_on: meeting.work_on.clone(),
        partners: parts
            .iter()
            .map(|(part, name)| MeetingPartJson {
                partner: name.to_string(),
                appreciation: part.appreciation.clone(),
                request: part.request.clone(),
                promise_id: part.promise_id,
            })
            .collect(),
        edited: false,
    }
}

/// Partner names by id, for turning ids into the names the JSON carries.
#[derive(Debug, Clone, Default)]
pub struct Names(HashMap<i64, String>);

impl Names {
    pub fn new(partners: &[Partner]) -> Names {
        Names(partners.iter().map(|p| (p.id, p.name.clone())).collect())
    }

    pub fn load(conn: &Connection) -> rusqlite::Result<Names> {
        Ok(Names::new(&crate::store::partners::all(conn)?))
    }

    /// The partner's name; a dangling id (which foreign keys prevent) reads as "?".
    pub fn of(&self, id: i64) -> String {
        self.0.get(&id).cloned().unwrap_or_else(|| "?".into())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PromiseRecord {
    pub kind: &'static str,
    pub id: i64,
    /// The date the promise is in force from.
    pub date: NaiveDate,
    pub partner: String,
    pub to: Option<String>,
    pub text: String,
    pub due: Option<NaiveDate>,
    pub every: Option<String>,
    pub status: Status,
    pub closed_on: Option<NaiveDate>,
    /// Whether the record has earlier versions (`show KIND ID` lists them).
    pub edited: bool,
}

pub fn promise(p: &Promise, names: &Names) -> PromiseRecord {
    PromiseRecord {
        kind: "promise",
        id: p.id,
        date: p.from,
        partner: names.of(p.by_id),
        to: p.to_id.map(|id| names.of(id)),
        text: p.text.clone(),
        due: p.due,
        every: p.every.map(|r| r.to_string()),
        status: p.status,
        closed_on: p.closed_on,
        edited: false,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeRecord {
    pub kind: &'static str,
    pub id: i64,
    pub date: NaiveDate,
    /// Who made the promise: the outcome counts for them.
    pub partner: String,
    pub promise_id: i64,
    /// The promise's text, so a timeline reads on its own.
    pub promise: String,
    pub result: OutcomeKind,
    pub note: Option<String>,
    pub recorded_by: String,
    /// Whether the record has earlier versions (`show KIND ID` lists them).
    pub edited: bool,
}

pub fn outcome(o: &Outcome, p: &Promise, names: &Names) -> OutcomeRecord {
    OutcomeRecord {
        kind: "outcome",
        id: o.id,
        date: o.date,
        partner: names.of(p.by_id),
        promise_id: p.id,
        promise: p.text.clone(),
        result: o.result,
        note: o.note.clone(),
        recorded_by: names.of(o.recorded_by),
        edited: false,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApologyRecord {
    pub kind: &'static str,
    pub id: i64,
    pub date: NaiveDate,
    pub partner: String,
    pub to: String,
    pub what: String,
    pub impact: Option<String>,
    pub responsibility: String,
    pub change: Option<String>,
    pub promise_id: Option<i64>,
    /// The day its author withdrew it (`apology withdraw`): it stays, visibly taken back.
    pub withdrawn_on: Option<NaiveDate>,
    /// Whether the record has earlier versions (`show KIND ID` lists them).
    pub edited: bool,
}

pub fn apology(a: &Apology, names: &Names) -> ApologyRecord {
    ApologyRecord {
        kind: "apology",
        id: a.id,
        date: a.date,
        partner: names.of(a.by_id),
        to: names.of(a.to_id),
        what: a.what.clone(),
        impact: a.impact.clone(),
        responsibility: a.responsibility.clone(),
        change: a.change.clone(),
        promise_id: a.promise_id,
        withdrawn_on: a.withdrawn_on,
        edited: false,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResponseRecord {
    pub kind: &'static str,
    pub id: i64,
    pub date: NaiveDate,
    /// Who answered.
    pub partner: String,
    pub apology_id: i64,
    pub status: Answer,
    pub note: Option<String>,
    /// Whether the record has earlier versions (`show KIND ID` lists them).
    pub edited: bool,
}

pub fn response(r: &Response, names: &Names) -> ResponseRecord {
    ResponseRecord {
        kind: "response",
        id: r.id,
        date: r.date,
        partner: names.of(r.by_id),
        apology_id: r.apology_id,
        status: r.answer,
        note: r.note.clone(),
        edited: false,
    }
}

/// `{"kind": "exercise", "exercise": "trigger", ...}`: one guided exercise, with every part
/// that exercise has (null when left empty), and a request's `promise_id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseRecord {
    pub id: i64,
    pub uuid: String,
    pub date: NaiveDate,
    pub partner: String,
    pub exercise: Exercise,
    pub parts: Vec<(&'static str, Option<String>)>,
    pub promise_id: Option<i64>,
    /// Whether the record has earlier versions (`show KIND ID` lists them).
    pub edited: bool,
}

impl Serialize for ExerciseRecord {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", "exercise")?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("uuid", &self.uuid)?;
        map.serialize_entry("date", &self.date)?;
        map.serialize_entry("partner", &self.partner)?;
        map.serialize_entry("exercise", self.exercise.as_str())?;
        for (field, value) in &self.parts {
            map.serialize_entry(field, value)?;
        }
        if self.exercise == Exercise::Request {
            map.serialize_entry("promise_id", &self.promise_id)?;
        }
        map.serialize_entry("edited", &self.edited)?;
        map.end()
    }
}

pub fn exercise(e: &ExerciseRow, names: &Names) -> ExerciseRecord {
    ExerciseRecord {
        id: e.id,
        uuid: e.uuid.clone(),
        date: e.date,
        partner: names.of(e.partner_id),
        exercise: e.exercise,
        parts: e
            .exercise
            .parts()
            .iter()
            .map(|p| (p.field, e.texts.get(p.field).map(str::to_string)))
            .collect(),
        promise_id: e.promise_id,
        edited: false,
    }
}

/// `{"kind": "note", ...}`: a free entry. A private note has `"private": true` and its
/// `text` null, for everyone but its author reading with `history --private`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteRecord {
    pub kind: &'static str,
    pub id: i64,
    pub uuid: String,
    pub date: NaiveDate,
    pub partner: String,
    pub text: Option<String>,
    /// Its words are private: encrypted to its author. Absent when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub private: bool,
    /// The day its private words were shared with `reveal`. Absent when never private.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revealed_on: Option<NaiveDate>,
    /// Whether the record has earlier versions (`show KIND ID` lists them).
    pub edited: bool,
    /// The private words as stored (never shown): what the author's key opens.
    #[serde(skip)]
    pub ciphertext: Option<Vec<u8>>,
    /// Whose it is, by id (never shown): who may open `ciphertext`.
    #[serde(skip)]
    pub partner_id: i64,
}

pub fn note(n: &Note, names: &Names) -> NoteRecord {
    let (text, ciphertext) = match &n.words {
        Words::Shared(t) => (Some(t.clone()), None),
        Words::Private(c) => (None, c.clone()),
    };
    NoteRecord {
        kind: "note",
        id: n.id,
        uuid: n.uuid.clone(),
        date: n.date,
        partner: names.of(n.partner_id),
        text,
        private: n.words.is_private(),
        revealed_on: n.revealed_on,
        edited: false,
        ciphertext,
        partner_id: n.partner_id,
    }
}

/// `{"partners": 2, "checkins": 40, ...}`: the `counts` of a `--json` summary, every kind in
/// the order of [`RecordKind::ALL`]; for `serialize_with`.
pub fn counts<S: Serializer, N: Serialize>(
    counts: &[(RecordKind, N)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(counts.iter().map(|(kind, n)| (kind.plural_key(), n)))
}

/// Any record, as the timeline lists it; each variant carries its own `kind`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Record {
    Checkin(CheckinRecord),
    Feeling(FeelingRecord),
    Promise(PromiseRecord),
    Outcome(OutcomeRecord),
    Apology(ApologyRecord),
    Response(ResponseRecord),
    Focus(FocusRecord),
    Meeting(MeetingRecord),
    Exercise(ExerciseRecord),
    Note(NoteRecord),
    Deleted(DeletedRecord),
    Passphrase(PassphraseRecord),
}

/// `{"kind": "passphrase", "partner", "by", "action"}`: a passphrase set, changed or removed
/// (never any key material). In the timeline so that a passphrase set by the other partner
/// is seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PassphraseRecord {
    pub kind: &'static str,
    pub id: i64,
    pub date: NaiveDate,
    pub partner: String,
    pub by: Option<String>,
    /// `set`, `change` or `remove`.
    pub action: String,
}

/// Who deleted a record, and on which day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deletion {
    pub by: Option<String>,
    pub on: NaiveDate,
}

/// `{"kind": "checkin", "id": null, "deleted": {"by", "on"}}`: a deleted record. Nothing of
/// its content is left; `partner` is whose it was, `date` the day it was for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeletedRecord {
    pub kind: &'static str,
    pub id: Option<i64>,
    pub uuid: String,
    pub date: NaiveDate,
    pub partner: Option<String>,
    pub deleted: Deletion,
}

pub fn deleted_record(t: &Tombstone, names: &Names) -> DeletedRecord {
    DeletedRecord {
        kind: t.kind.as_str(),
        id: None,
        uuid: t.uuid.clone(),
        date: t.date,
        partner: t.author.map(|id| names.of(id)),
        deleted: Deletion {
            by: t.by.map(|id| names.of(id)),
            on: t.deleted_on,
        },
    }
}

/// A timeline entry in its `--json` shape, marked edited when it has earlier versions.
pub fn record_of(entry: &Entry, edited: bool, names: &Names) -> Record {
    let mut record = record(entry, names);
    record.set_edited(edited);
    record
}

/// A timeline entry in its `--json` shape.
pub fn record(entry: &Entry, names: &Names) -> Record {
    match entry {
        Entry::Deleted(t) => Record::Deleted(deleted_record(t, names)),
        Entry::Checkin(c, feelings) => {
            Record::Checkin(checkin_record(c, &names.of(c.partner_id), feelings))
        }
        Entry::Feeling(f) => Record::Feeling(feeling_record(f, &names.of(f.partner_id))),
        Entry::Promise(p) => Record::Promise(promise(p, names)),
        Entry::Outcome(o, p) => Record::Outcome(outcome(o, p, names)),
        Entry::Apology(a) => Record::Apology(apology(a, names)),
        Entry::Response(r) => Record::Response(response(r, names)),
        Entry::Focus(f) => {
            let by = f.partner_id.map(|id| names.of(id));
            let agreed = f.agreed_by.map(|id| names.of(id));
            Record::Focus(focus_record(
                f,
                by.as_deref(),
                agreed.as_deref(),
                journey::title(f.step),
            ))
        }
        Entry::Meeting(m, parts) => {
            let partner_names: Vec<String> = parts.iter().map(|p| names.of(p.partner_id)).collect();
            let named: Vec<_> = parts
                .iter()
                .zip(&partner_names)
                .map(|(part, name)| (part, name.as_str()))
                .collect();
            Record::Meeting(meeting_record(m, &named))
        }
        Entry::Exercise(e) => Record::Exercise(exercise(e, names)),
        Entry::Note(n) => Record::Note(note(n, names)),
    }
}

impl Record {
    pub fn edited(&self) -> bool {
        match self {
            Record::Checkin(r) => r.edited,
            Record::Feeling(r) => r.edited,
            Record::Promise(r) => r.edited,
            Record::Outcome(r) => r.edited,
            Record::Apology(r) => r.edited,
            Record::Response(r) => r.edited,
            Record::Focus(r) => r.edited,
            Record::Meeting(r) => r.edited,
            Record::Exercise(r) => r.edited,
            Record::Note(r) => r.edited,
            Record::Deleted(_) | Record::Passphrase(_) => false,
        }
    }

    pub fn set_edited(&mut self, edited: bool) {
        match self {
            Record::Checkin(r) => r.edited = edited,
            Record::Feeling(r) => r.edited = edited,
            Record::Promise(r) => r.edited = edited,
            Record::Outcome(r) => r.edited = edited,
            Record::Apology(r) => r.edited = edited,
            Record::Response(r) => r.edited = edited,
            Record::Focus(r) => r.edited = edited,
            Record::Meeting(r) => r.edited = edited,
            Record::Exercise(r) => r.edited = edited,
            Record::Note(r) => r.edited = edited,
            Record::Deleted(_) | Record::Passphrase(_) => {}
        }
    }

    pub fn date(&self) -> NaiveDate {
        match self {
            Record::Deleted(r) => r.date,
            Record::Passphrase(r) => r.date,
            Record::Checkin(r) => r.date,
            Record::Feeling(r) => r.date,
            Record::Promise(r) => r.date,
            Record::Outcome(r) => r.date,
            Record::Apology(r) => r.date,
            Record::Response(r) => r.date,
            Record::Focus(r) => r.date,
            Record::Meeting(r) => r.date,
            Record::Exercise(r) => r.date,
            Record::Note(r) => r.date,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::tests::sam_and_alex;
    use crate::store::checkins::CheckinFields;
    use serde_json::json;

    #[test]
    fn a_checkin_record_has_the_design_fields_in_order() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let checkin = Checkin {
            id: 3,
            uuid: "u".into(),
            hlc: String::new(),
            partner_id: 1,
            date,
            fields: CheckinFields {
                trust: 6,
                connection: Some(7),
                step: Step::Communication,
                prompt_id: Some("communication.safer-talk".into()),
                answer: Some("a walk".into()),
                ..Default::default()
            },
            created_at: "c".into(),
            updated_at: "u".into(),
        };
        let feeling = |word: &str, intensity| Feeling {
            id: 1,
            uuid: String::new(),
            partner_id: 1,
            checkin_id: Some(3),
            date,
            word: word.into(),
            intensity,
            note: None,
            created_at: String::new(),
            private: None,
            revealed_on: None,
        };
        let json = serde_json::to_value(checkin_record(
            &checkin,
            "Sam",
            &[feeling("hurt", Some(4)), feeling("wistful", None)],
        ))
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "kind": "checkin", "id": 3, "uuid": "u", "date": "2026-11-20", "partner": "Sam",
                "trust": 6, "connection": 7, "step": "communication",
                "prompt_id": "communication.safer-talk", "answer": "a walk",
                "appreciation": null, "need": null, "note": null,
                "feelings": [
                    {"word": "hurt", "intensity": 4, "valence": "unpleasant"},
                    {"word": "wistful", "intensity": null, "valence": "neutral"}
                ],
                "created_at": "c", "updated_at": "u", "edited": false
            })
        );
        let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        assert_eq!(keys[..4], ["kind", "id", "uuid", "date"]);
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn records_have_the_history_shape() {
        let names = Names::new(&sam_and_alex());
        let p = Promise {
            id: 4,
            uuid: "u".into(),
            by_id: 1,
            to_id: Some(2),
            from: d(2026, 11, 16),
            text: "Text when I'm late".into(),
            due: None,
            every: Some("weekday".parse().unwrap()),
            status: Status::Open,
            closed_on: None,
        };
        let o = Outcome {
            id: 9,
            uuid: "v".into(),
            promise_id: 4,
            date: d(2026, 11, 20),
            result: OutcomeKind::Kept,
            note: None,
            recorded_by: 2,
        };
        assert_eq!(
            serde_json::to_value(outcome(&o, &p, &names)).unwrap(),
            json!({"kind": "outcome", "id": 9, "date": "2026-11-20", "partner": "Sam",
                   "promise_id": 4, "promise": "Text when I'm late", "result": "kept",
                   "note": null, "recorded_by": "Alex", "edited": false})
        );
        let record = serde_json::to_value(promise(&p, &names)).unwrap();
        assert_eq!(record["kind"], "promise");
        assert_eq!(record["partner"], "Sam");
        assert_eq!(record["to"], "Alex");
        assert_eq!(record["every"], "weekday");
        assert_eq!(record["status"], "open");
    }
}
