//! The export document: the whole journal as one JSON value that people and their own tools
//! can read, and that `import` merges back record by record.
//!
//! This module holds the document's types, parses a file into them (with the place of any
//! problem: `checkins[3].trust`, or the line and column of broken JSON), and checks every
//! record against the rules the command line enforces, all without SQL. Writing the checked
//! document into a journal is `store::exchange`; the CSV and Markdown renderings are
//! `views::export`. docs/export-format.md describes the format for people who write tools on it.

mod check;
mod private;
mod versions;

pub use check::{Today, check};
pub use private::{Held, Privacy, decode as private_decode, encode as private_encode, strip_value};

use std::collections::HashMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::error::UserError;
use crate::domain::kind::RecordKind;

/// The value of `format` in every export.
pub const FORMAT: &str = "rekindle-export";
/// The version of the format this program writes. It reads this one and version 1 (which
/// has no stamps, tombstones or revisions: they are derived on import, see [`check()`]).
pub const VERSION: u64 = 2;

/// The oldest version of the format this program still reads.
pub const OLDEST_VERSION: u64 = 1;

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
    /// The guided exercises (from schema version 4): incidents talked through, trigger
    /// plans and requests.
    #[serde(default)]
    pub exercises: Vec<ExerciseRecord>,
    /// Free entries (from schema version 7); a private one as ciphertext only.
    #[serde(default)]
    pub notes: Vec<NoteRecord>,
    /// Deleted records: what was deleted, whose it was, who deleted it and when; no content.
    #[serde(default)]
    pub tombstones: Vec<TombstoneRecord>,
    /// Earlier versions of the records above, as they were.
    #[serde(default)]
    pub revisions: Vec<RevisionRecord>,
    /// Earlier words taken back with `edit --forget-previous`.
    #[serde(default)]
    pub withdrawals: Vec<WithdrawalRecord>,
    /// Each partner's key as their passphrase protects it (one record per partner who has or
    /// had a passphrase; a removal is a record too), so another journal of the couple can
    /// check that partner's passphrase.
    #[serde(default)]
    pub partner_keys: Vec<PartnerKeyRecord>,
    /// Passphrases set, changed and removed, as the timeline shows them.
    #[serde(default)]
    pub passphrase_events: Vec<PassphraseEventRecord>,
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
            exercises: Vec::new(),
            notes: Vec::new(),
            tombstones: Vec::new(),
            revisions: Vec::new(),
            withdrawals: Vec::new(),
            partner_keys: Vec::new(),
            passphrase_events: Vec::new(),
        }
    }

    /// The private words of every record become their stub (`"ciphertext": null`), in the
    /// records and in their earlier versions: what a sync batch carries.
    pub fn strip_private(&mut self) {
        for c in &mut self.checkins {
            c.privacy.strip();
        }
        for n in &mut self.notes {
            n.ciphertext = None;
        }
        for f in &mut self.feelings {
            f.ciphertext = None;
        }
        for r in &mut self.revisions {
            strip_value(&mut r.record);
        }
    }

    /// How many key records and passphrase events the document holds (they are not kinds of
    /// record in the timeline's sense, so [`Document::len`] does not count them).
    pub fn passphrase_records(&self) -> usize {
        self.partner_keys.len() + self.passphrase_events.len()
    }

    /// How many records of `kind` the document holds.
    pub fn len(&self, kind: RecordKind) -> usize {
        match kind {
            RecordKind::Partner => self.partners.len(),
            RecordKind::Checkin => self.checkins.len(),
            RecordKind::Feeling => self.feelings.len(),
            RecordKind::Promise => self.promises.len(),
            RecordKind::Outcome => self.outcomes.len(),
            RecordKind::Apology => self.apologies.len(),
            RecordKind::Response => self.responses.len(),
            RecordKind::Focus => self.focus.len(),
            RecordKind::Meeting => self.meetings.len(),
            RecordKind::Exercise => self.exercises.len(),
            RecordKind::Note => self.notes.len(),
        }
    }

    /// The document as a reader may read it (CSV, Markdown): no private words (a private
    /// check-in, note or feeling stays, as its stub, so the copy can say that there are
    /// some), and the words of each check-in that `sealed(partner_uuid, date)` says are
    /// sealed for that reader taken out (its scores and feelings stay). Its revisions go too:
    /// they are not printed, and they hold earlier private words as ciphertext.
    /// Returns the uuids of the check-ins whose words were taken out as sealed.
    pub fn for_reader(
        &mut self,
        sealed: impl Fn(&str, &str) -> bool,
    ) -> std::collections::HashSet<String> {
        for n in self.notes.iter_mut().filter(|n| n.private) {
            n.text = None;
            n.ciphertext = None;
        }
        for f in self.feelings.iter_mut().filter(|f| f.private) {
            f.word = crate::domain::private::HIDDEN_WORD.to_string();
            f.intensity = None;
            f.note = None;
            f.ciphertext = None;
        }
        let mut withheld = std::collections::HashSet::new();
        for c in &mut self.checkins {
            c.privacy.strip();
            let words = [&c.answer, &c.appreciation, &c.need, &c.note];
            if words.iter().any(|w| w.is_some()) && sealed(&c.partner_uuid, &c.date) {
                c.answer = None;
                c.appreciation = None;
                c.need = None;
                c.note = None;
                withheld.insert(c.uuid.clone());
            }
        }
        self.revisions.clear();
        self.withdrawals.clear();
        withheld
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
            .chain(self.exercises.iter().map(|r| r.date.as_str()))
            .chain(self.notes.iter().map(|r| r.date.as_str()))
            .filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        dates.fold(None, |span, d| match span {
            None => Some((d, d)),
            Some((first, last)) => Some((first.min(d), last.max(d))),
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerRecord {
    pub uuid: String,
    pub name: String,
    pub role: String,
    pub created_at: String,
    pub updated_at: String,
    /// The stamp of the record's last change (version 2; derived from `updated_at` for
    /// version 1 files).
    #[serde(default)]
    pub hlc: String,
    /// Who made the record's last change.
    #[serde(default)]
    pub changed_by_uuid: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    /// Whether its words are private, their ciphertext, and the day they were revealed.
    #[serde(flatten)]
    pub privacy: Privacy,
    pub created_at: String,
    pub updated_at: String,
    /// The stamp of the record's last change (version 2; derived from `updated_at` for
    /// version 1 files).
    #[serde(default)]
    pub hlc: String,
    /// Who made the record's last change.
    #[serde(default)]
    pub changed_by_uuid: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    /// A private feeling (`feel --private`, schema version 7): `word` is the placeholder
    /// "-", `intensity` and `note` are null, and `ciphertext` holds the whole feeling (the age
    /// file, base64 with the standard alphabet and padding), encrypted to its author; null
    /// where only the stub travels (a sync batch). Absent when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub private: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ciphertext: Option<String>,
    /// The day a private feeling was shared with `reveal`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revealed_on: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// The stamp of the record's last change (version 2; derived from `updated_at` for
    /// version 1 files).
    #[serde(default)]
    pub hlc: String,
    /// Who made the record's last change.
    #[serde(default)]
    pub changed_by_uuid: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    /// The stamp of the record's last change (version 2; derived from `updated_at` for
    /// version 1 files).
    #[serde(default)]
    pub hlc: String,
    /// Who made the record's last change.
    #[serde(default)]
    pub changed_by_uuid: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    /// The stamp of the record's last change (version 2; derived from `updated_at` for
    /// version 1 files).
    #[serde(default)]
    pub hlc: String,
    /// Who made the record's last change.
    #[serde(default)]
    pub changed_by_uuid: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    /// The day its author withdrew it (`apology withdraw`), or null.
    #[serde(default)]
    pub withdrawn_on: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// The stamp of the record's last change (version 2; derived from `updated_at` for
    /// version 1 files).
    #[serde(default)]
    pub hlc: String,
    /// Who made the record's last change.
    #[serde(default)]
    pub changed_by_uuid: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    /// The stamp of the record's last change (version 2; derived from `updated_at` for
    /// version 1 files).
    #[serde(default)]
    pub hlc: String,
    /// Who made the record's last change.
    #[serde(default)]
    pub changed_by_uuid: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FocusRecord {
    pub uuid: String,
    pub step: String,
    pub date: String,
    #[serde(default)]
    pub partner_uuid: Option<String>,
    /// The journal's start: the focus `init` sets. Two journals set up apart have one start
    /// between them, the earlier.
    #[serde(default)]
    pub start: bool,
    /// A move that waits for the other partner's agreement (from schema version 3); the
    /// focus does not move until it is agreed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub waiting: bool,
    /// Who agreed to a move that waited for agreement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed_by_uuid: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// The stamp of the record's last change (version 2; derived from `updated_at` for
    /// version 1 files).
    #[serde(default)]
    pub hlc: String,
    /// Who made the record's last change.
    #[serde(default)]
    pub changed_by_uuid: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    /// The stamp of the record's last change (version 2; derived from `updated_at` for
    /// version 1 files).
    #[serde(default)]
    pub hlc: String,
    /// Who made the record's last change.
    #[serde(default)]
    pub changed_by_uuid: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingPart {
    pub partner_uuid: String,
    #[serde(default)]
    pub appreciation: Option<String>,
    #[serde(default)]
    pub request: Option<String>,
    #[serde(default)]
    pub promise_uuid: Option<String>,
}

/// One guided exercise (schema version 4): `exercise` says which, and which of the text
/// fields it uses (see `domain::exercise`); the fields it does not use are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseRecord {
    pub uuid: String,
    /// `incident`, `trigger` or `request`.
    pub exercise: String,
    pub partner_uuid: String,
    pub date: String,
    pub what: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub felt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub triggers: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_part: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helps: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repair: Option<String>,
    /// The promise a request became.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promise_uuid: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// The stamp of the record's last change.
    #[serde(default)]
    pub hlc: String,
    /// Who made the record's last change.
    #[serde(default)]
    pub changed_by_uuid: Option<String>,
}

/// A note (schema version 7): a free entry by one partner for a day. A private note has
/// `private` true and `text` null; `ciphertext` holds its words (the age file, base64 with the
/// standard alphabet and padding), encrypted to its author, or is null where only the stub
/// travels (a sync batch).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteRecord {
    pub uuid: String,
    pub partner_uuid: String,
    pub date: String,
    pub text: Option<String>,
    #[serde(default)]
    pub private: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ciphertext: Option<String>,
    /// The day a private note was shared with `reveal`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revealed_on: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// The stamp of the record's last change.
    #[serde(default)]
    pub hlc: String,
    /// Who made the record's last change.
    #[serde(default)]
    pub changed_by_uuid: Option<String>,
}

/// A deleted record (version 2): none of its content, only what the timeline says of it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TombstoneRecord {
    /// The kind, as `history --kind` names it: `checkin`, `promise`, ...
    pub kind: String,
    pub uuid: String,
    /// The stamp of the delete. A tombstone wins over every version of its record.
    pub hlc: String,
    /// Who deleted it.
    #[serde(default)]
    pub by_uuid: Option<String>,
    /// Whose record it was.
    #[serde(default)]
    pub author_uuid: Option<String>,
    /// The day the record was for.
    pub date: String,
    /// The day it was deleted.
    pub deleted_on: String,
    /// When it was deleted (a timestamp).
    pub at: String,
    /// Whether the timeline mentions it: false for the other uuids of a record two journals
    /// wrote under two uuids, so the delete is said once.
    #[serde(default = "yes")]
    pub shown: bool,
}

fn yes() -> bool {
    true
}

/// A partner's key (version 2): the public recipient their private words are encrypted to,
/// and their identity wrapped under their passphrase (an age scrypt file, whose work factor
/// is inside it, exactly as stored). One record per partner; the greater stamp wins. A
/// removed passphrase is a record too, with `removed` true and no key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerKeyRecord {
    pub partner_uuid: String,
    /// The passphrase was removed: `recipient` and `wrapped` are null.
    #[serde(default)]
    pub removed: bool,
    /// The `age1…` public key.
    #[serde(default)]
    pub recipient: Option<String>,
    /// The wrapped identity, in base64 (standard alphabet, padded).
    #[serde(default)]
    pub wrapped: Option<String>,
    /// Who set the passphrase (the partner, or the other one): the one who knows it.
    #[serde(default)]
    pub set_by_uuid: Option<String>,
    /// When the partner first had a passphrase.
    pub created_at: String,
    /// When it was last set, changed or removed.
    pub set_at: String,
    /// The stamp of that change.
    pub hlc: String,
    /// Who made that change.
    #[serde(default)]
    pub changed_by_uuid: Option<String>,
}

/// A passphrase set, changed or removed (version 2), as the timeline shows it. No key
/// material.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassphraseEventRecord {
    pub uuid: String,
    /// Whose passphrase.
    pub partner_uuid: String,
    /// Who did it.
    #[serde(default)]
    pub by_uuid: Option<String>,
    /// `set`, `change` or `remove`.
    pub action: String,
    pub date: String,
    pub created_at: String,
    pub hlc: String,
    /// For a passphrase the other partner set: when its owner was told ("your passphrase was
    /// set by …"), the first time on any device; null until then.
    #[serde(default)]
    pub told_hlc: Option<String>,
    #[serde(default)]
    pub told_at: Option<String>,
}

/// An earlier version of a record (version 2).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionRecord {
    pub kind: String,
    /// The record it is a version of.
    pub uuid: String,
    /// The version's stamp.
    pub hlc: String,
    /// The uuid the version was written under: the record's own, or, for a record two
    /// journals wrote under two uuids, the other one.
    pub origin_uuid: String,
    /// Who made this version.
    #[serde(default)]
    pub by_uuid: Option<String>,
    /// When it was made (a timestamp).
    pub at: String,
    /// The fields whose words were taken back (`edit --forget-previous`); null in `record`.
    #[serde(default)]
    pub withdrawn: Vec<String>,
    /// The record as it was, in the shape of its list above (a check-in with a `feelings`
    /// list of its own).
    pub record: serde_json::Value,
}

/// Earlier words of one field taken back (version 2): in every version of the record older
/// than `hlc`, that field's words are withdrawn.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithdrawalRecord {
    pub kind: String,
    pub uuid: String,
    pub field: String,
    pub hlc: String,
    #[serde(default)]
    pub by_uuid: Option<String>,
    pub at: String,
}

/// One version of one record, as the lists above hold it: the unit that merges compare, that
/// revisions keep, and that `undo` goes back to. A check-in's version includes its feelings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Partner(PartnerRecord),
    Checkin(CheckinRecord, Vec<FeelingRecord>),
    Feeling(FeelingRecord),
    Promise(PromiseRecord),
    Outcome(OutcomeRecord),
    Apology(ApologyRecord),
    Response(ResponseRecord),
    Focus(FocusRecord),
    Meeting(MeetingRecord),
    Exercise(ExerciseRecord),
    Note(NoteRecord),
}

macro_rules! each_body {
    ($body:expr, $r:ident => $e:expr) => {
        match $body {
            Body::Partner($r) => $e,
            Body::Checkin($r, _) => $e,
            Body::Feeling($r) => $e,
            Body::Promise($r) => $e,
            Body::Outcome($r) => $e,
            Body::Apology($r) => $e,
            Body::Response($r) => $e,
            Body::Focus($r) => $e,
            Body::Meeting($r) => $e,
            Body::Exercise($r) => $e,
            Body::Note($r) => $e,
        }
    };
}

impl Body {
    pub fn kind(&self) -> RecordKind {
        match self {
            Body::Partner(_) => RecordKind::Partner,
            Body::Checkin(..) => RecordKind::Checkin,
            Body::Feeling(_) => RecordKind::Feeling,
            Body::Promise(_) => RecordKind::Promise,
            Body::Outcome(_) => RecordKind::Outcome,
            Body::Apology(_) => RecordKind::Apology,
            Body::Response(_) => RecordKind::Response,
            Body::Focus(_) => RecordKind::Focus,
            Body::Meeting(_) => RecordKind::Meeting,
            Body::Exercise(_) => RecordKind::Exercise,
            Body::Note(_) => RecordKind::Note,
        }
    }

    /// The uuid this version was written under.
    pub fn uuid(&self) -> &str {
        each_body!(self, r => &r.uuid)
    }

    pub fn hlc(&self) -> &str {
        each_body!(self, r => &r.hlc)
    }

    pub fn created_at(&self) -> &str {
        each_body!(self, r => &r.created_at)
    }

    pub fn updated_at(&self) -> &str {
        each_body!(self, r => &r.updated_at)
    }

    pub fn changed_by_uuid(&self) -> Option<&str> {
        each_body!(self, r => r.changed_by_uuid.as_deref())
    }

    /// Whether its words are private, and the day they were shared with `reveal`, for the
    /// kinds that can hold private words (a check-in, a feeling, a note).
    fn privacy(&self) -> Option<(bool, Option<&str>)> {
        match self {
            Body::Checkin(r, _) => Some((r.privacy.private, r.privacy.revealed_on.as_deref())),
            Body::Feeling(r) => Some((r.private, r.revealed_on.as_deref())),
            Body::Note(r) => Some((r.private, r.revealed_on.as_deref())),
            _ => None,
        }
    }

    /// Whether this version is `before` with its private words shared (`reveal`): it is no
    /// longer private, and says a day of sharing that `before` did not.
    pub fn reveals(&self, before: &Body) -> bool {
        match (before.privacy(), self.privacy()) {
            (Some((true, then)), Some((false, Some(on)))) => then != Some(on),
            _ => false,
        }
    }

    /// The day the record is for (a partner has none).
    pub fn date(&self) -> Option<&str> {
        match self {
            Body::Partner(_) => None,
            Body::Checkin(r, _) => Some(&r.date),
            Body::Feeling(r) => Some(&r.date),
            Body::Promise(r) => Some(&r.date),
            Body::Outcome(r) => Some(&r.date),
            Body::Apology(r) => Some(&r.date),
            Body::Response(r) => Some(&r.date),
            Body::Focus(r) => Some(&r.date),
            Body::Meeting(r) => Some(&r.date),
            Body::Exercise(r) => Some(&r.date),
            Body::Note(r) => Some(&r.date),
        }
    }

    /// Marks this version as the change `hlc`, made by `by` at `at`; a check-in's feelings
    /// carry its stamp.
    pub fn restamp(&mut self, hlc: &str, by: Option<&str>, at: &str) {
        each_body!(self, r => {
            r.hlc = hlc.to_string();
            r.changed_by_uuid = by.map(str::to_string);
            r.updated_at = at.to_string();
        });
        if let Body::Checkin(_, feelings) = self {
            for f in feelings {
                f.hlc = hlc.to_string();
                f.changed_by_uuid = by.map(str::to_string);
            }
        }
    }

    /// The version as JSON: the record as its list holds it, a check-in with its feelings.
    pub fn to_value(&self) -> serde_json::Value {
        let value = each_body!(self, r => serde_json::to_value(r));
        let mut value = value.unwrap_or(serde_json::Value::Null);
        if let (Body::Checkin(_, feelings), Some(object)) = (self, value.as_object_mut()) {
            object.insert(
                "feelings".into(),
                serde_json::to_value(feelings).unwrap_or_default(),
            );
        }
        value
    }

    /// The version as compact JSON text: what revisions keep, and what breaks a tie between
    /// two versions with one stamp.
    pub fn to_json(&self) -> String {
        self.to_value().to_string()
    }

    /// [`Body::to_json`] with private words as their stub: what revisions keep, since the
    /// earlier versions of a private record do not keep its words.
    pub fn stub_json(&self) -> String {
        let mut value = self.to_value();
        strip_value(&mut value);
        value.to_string()
    }

    /// A version of a record of `kind` from its JSON.
    pub fn from_value(kind: RecordKind, value: &serde_json::Value) -> Result<Body, String> {
        fn typed<T: serde::de::DeserializeOwned>(value: &serde_json::Value) -> Result<T, String> {
            T::deserialize(value).map_err(|e| friendlier(&e.to_string()))
        }
        Ok(match kind {
            RecordKind::Partner => Body::Partner(typed(value)?),
            RecordKind::Checkin => {
                let feelings = match value.get("feelings") {
                    Some(list) => typed(list)?,
                    None => Vec::new(),
                };
                Body::Checkin(typed(value)?, feelings)
            }
            RecordKind::Feeling => Body::Feeling(typed(value)?),
            RecordKind::Promise => Body::Promise(typed(value)?),
            RecordKind::Outcome => Body::Outcome(typed(value)?),
            RecordKind::Apology => Body::Apology(typed(value)?),
            RecordKind::Response => Body::Response(typed(value)?),
            RecordKind::Focus => Body::Focus(typed(value)?),
            RecordKind::Meeting => Body::Meeting(typed(value)?),
            RecordKind::Exercise => Body::Exercise(typed(value)?),
            RecordKind::Note => Body::Note(typed(value)?),
        })
    }

    pub fn from_json(kind: RecordKind, text: &str) -> Result<Body, String> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        Body::from_value(kind, &value)
    }

    /// What the version says, without when, by whom or under which uuid it was written: two
    /// versions that say the same thing have the same content.
    pub fn content(&self) -> serde_json::Value {
        let mut value = self.content_with_ciphertext();
        strip_value(&mut value);
        value
    }

    /// [`Body::content`] with a private version's ciphertext kept: what an edit compares to
    /// say that private words changed (their ciphertext differs at every encryption).
    pub fn content_with_ciphertext(&self) -> serde_json::Value {
        const STAMPS: [&str; 6] = [
            "uuid",
            "hlc",
            "changed_by_uuid",
            "created_at",
            "updated_at",
            "checkin_uuid",
        ];
        fn strip(value: &mut serde_json::Value) {
            if let Some(object) = value.as_object_mut() {
                for key in STAMPS {
                    object.remove(key);
                }
                if let Some(serde_json::Value::Array(list)) = object.get_mut("feelings") {
                    list.iter_mut().for_each(strip);
                }
            }
        }
        let mut value = self.to_value();
        strip(&mut value);
        value
    }

    /// Which of two versions of one record is the record. Most kinds keep the later change
    /// (the greater stamp). Two exceptions keep what each journal's `init` set up on its
    /// own: a partner keeps the earlier-written version until someone changes it (a rename,
    /// a role), and the journal's start keeps the earlier day. Two versions with one stamp
    /// are told apart by their text, so every journal picks the same one.
    pub fn compare(&self, other: &Body) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        let order = match (self, other) {
            (Body::Partner(a), Body::Partner(b)) => {
                let (a_changed, b_changed) =
                    (a.created_at != a.updated_at, b.created_at != b.updated_at);
                a_changed.cmp(&b_changed).then_with(|| match a_changed {
                    true => a.hlc.cmp(&b.hlc),
                    false => b.hlc.cmp(&a.hlc),
                })
            }
            // One version of a private note, with its words and as the stub sync carries:
            // the words win, so a stub coming back never takes them away.
            (Body::Note(a), Body::Note(b)) => a
                .hlc
                .cmp(&b.hlc)
                .then_with(|| a.ciphertext.is_some().cmp(&b.ciphertext.is_some())),
            (Body::Feeling(a), Body::Feeling(b)) => a
                .hlc
                .cmp(&b.hlc)
                .then_with(|| a.ciphertext.is_some().cmp(&b.ciphertext.is_some())),
            (Body::Focus(a), Body::Focus(b)) if a.start && b.start => {
                b.date.cmp(&a.date).then_with(|| b.hlc.cmp(&a.hlc))
            }
            _ => self.hlc().cmp(other.hlc()),
        };
        match order {
            // The ciphertext is left out: the same version met as a stub (from a sync batch)
            // and with its words (here) is one version, not two.
            Ordering::Equal => self.stub_json().cmp(&other.stub_json()),
            decided => decided,
        }
    }
}

/// The text fields of a kind whose earlier words `edit --forget-previous` can take back, as
/// export records name them (a meeting's parts are named with [`part_field`]).
pub fn withdrawable(kind: RecordKind) -> &'static [&'static str] {
    match kind {
        RecordKind::Checkin => &["answer", "appreciation", "need", "note"],
        RecordKind::Feeling => &["word", "note"],
        RecordKind::Promise => &["text"],
        RecordKind::Outcome => &["note"],
        RecordKind::Apology => &["what", "impact", "responsibility", "change"],
        RecordKind::Response => &["note"],
        RecordKind::Meeting => &["went_well", "work_on"],
        RecordKind::Exercise => &[
            "what", "felt", "view", "triggers", "own_part", "plan", "helps", "repair",
        ],
        RecordKind::Note => &["text", "ciphertext"],
        RecordKind::Partner | RecordKind::Focus => &[],
    }
}

/// The field name under which `edit --forget-previous` takes back a partner's part of a
/// meeting: `parts[PARTNER_UUID].appreciation`.
pub fn part_field(partner_uuid: &str, field: &str) -> String {
    format!("parts[{partner_uuid}].{field}")
}

/// Fields a record cannot be without: withdrawn, they become empty text rather than null.
const REQUIRED_TEXT: [&str; 4] = ["word", "text", "what", "responsibility"];

/// A version's JSON with the words of `fields` taken back (null, or empty text for a field a
/// record cannot be without). Returns whether any words were there to take.
pub fn withdraw_fields(value: &mut serde_json::Value, fields: &[String]) -> bool {
    fn clear(object: &mut serde_json::Map<String, serde_json::Value>, field: &str) -> bool {
        match object.get_mut(field) {
            Some(v)
                if REQUIRED_TEXT.contains(&field) && v.as_str().is_some_and(|t| !t.is_empty()) =>
            {
                *v = serde_json::Value::String(String::new());
                true
            }
            Some(v) if !v.is_null() && !REQUIRED_TEXT.contains(&field) => {
                *v = serde_json::Value::Null;
                true
            }
            _ => false,
        }
    }
    let mut took = false;
    let Some(object) = value.as_object_mut() else {
        return false;
    };
    for field in fields {
        match field
            .strip_prefix("parts[")
            .and_then(|rest| rest.split_once("]."))
        {
            Some((partner, part_field)) => {
                if let Some(serde_json::Value::Array(parts)) = object.get_mut("parts") {
                    for part in parts.iter_mut().filter_map(|p| p.as_object_mut()) {
                        if part.get("partner_uuid").and_then(|u| u.as_str()) == Some(partner) {
                            took |= clear(part, part_field);
                        }
                    }
                }
            }
            None => took |= clear(object, field),
        }
    }
    took
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
pub struct Counts([Tally; 11]);

impl Counts {
    pub fn get(&self, kind: RecordKind) -> Tally {
        self.0[kind.index()]
    }

    pub fn get_mut(&mut self, kind: RecordKind) -> &mut Tally {
        &mut self.0[kind.index()]
    }

    /// Whether the import changed anything at all.
    pub fn changed(&self) -> bool {
        self.0.iter().any(|t| t.added + t.updated + t.removed > 0)
    }

    /// `{kind: n}` for one of the four tallies, every kind present.
    pub fn column(&self, pick: fn(&Tally) -> u64) -> serde_json::Map<String, serde_json::Value> {
        RecordKind::ALL
            .iter()
            .map(|k| (k.plural_key().to_string(), pick(&self.get(*k)).into()))
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
    pub fn new(kind: RecordKind, index: usize) -> Place {
        Place {
            kind: kind.plural_key(),
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

    pub(crate) fn whole(message: impl Into<String>) -> Problem {
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
/// values are not judged here; see [`check()`].
pub fn parse(bytes: &[u8]) -> Result<Document, Problem> {
    // Some editors save a byte order mark at the start of a file; it is not part of the JSON.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(SQLITE_MAGIC) {
        return Err(Problem::whole(
            "it is an SQLite database (a journal or a backup), not an export; to merge a journal, export it first with `rekindle --journal FILE export --output FILE.json`",
        ));
    }
    // First only the format and version, skipping everything else: this checks the whole
    // file's syntax without building a tree of it, so a large import needs little memory.
    #[derive(serde::Deserialize)]
    struct Header {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    }
    let header: Header = serde_json::from_slice(bytes).map_err(|e| {
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
            serde_json::error::Category::Data => {
                return Problem::whole(
                    "it is JSON but not a rekindle export (expected an object with \"format\": \"rekindle-export\")",
                );
            }
            _ => "the JSON is malformed",
        };
        Problem::whole(format!("{what} at line {line}, column {column} ({})", json_reason(&e)))
    })?;
    // Positional data can fill a struct too: only an object is an export.
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(Problem::whole(
            "it is JSON but not a rekindle export (expected an object with \"format\": \"rekindle-export\")",
        ));
    }
    match &header.format {
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
    match &header.version {
        Some(v)
            if v.as_u64()
                .is_some_and(|n| (OLDEST_VERSION..=VERSION).contains(&n)) => {}
        Some(v) if v.as_u64().is_some_and(|n| n > VERSION) => {
            return Err(Problem::whole(format!(
                "it is export version {v}, written by a newer rekindle; this one reads versions {OLDEST_VERSION} to {VERSION}, so please update rekindle"
            )));
        }
        Some(v) => {
            return Err(Problem::whole(format!(
                "export version {v} is not supported; this rekindle reads versions {OLDEST_VERSION} to {VERSION}"
            )));
        }
        None => {
            return Err(Problem::whole(
                "it has no \"version\"; a rekindle export says which version of the format it uses",
            ));
        }
    }
    let mut records = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(&mut records).map_err(|e| {
        let place = e.path().to_string();
        let message = friendlier(&json_reason(e.inner()));
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

/// Whether a record with these versions (oldest first, the current one last) was edited:
/// some version after the first was made by a change other than sharing private words, which
/// is not an edit of them (the timeline says when they were shared instead).
pub fn edited(versions: &[&Body]) -> bool {
    versions.windows(2).any(|pair| !pair[1].reveals(pair[0]))
}

#[cfg(test)]
mod tests;
