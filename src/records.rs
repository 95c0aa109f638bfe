//! Records as scripts see them: the JSON shapes of DESIGN.md "JSON output".
//!
//! A write command prints the record it wrote in the same shape `history` uses, so the
//! shaping lives here once and `history` and `export` can reuse it. Field names are a
//! contract: fields may be added, never renamed.

use chrono::NaiveDate;
use serde::Serialize;

use crate::feelings::{self, Valence};
use crate::model::Step;
use crate::store::checkins::Checkin;
use crate::store::feelings::Feeling;
use crate::store::focus::FocusChange;
use crate::store::meetings::{Meeting, MeetingPart};

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
    }
}

/// `{"kind": "feeling", ...}`: a quick entry from `feel`, not part of a check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
}

pub fn focus_record(change: &FocusChange, partner: Option<&str>, title: &str) -> FocusRecord {
    FocusRecord {
        kind: "focus",
        id: change.id,
        date: change.date,
        partner: partner.map(str::to_string),
        step: change.step,
        title: title.to_string(),
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::checkins::CheckinFields;

    #[test]
    fn a_checkin_record_has_the_design_fields_in_order() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let checkin = Checkin {
            id: 3,
            uuid: "u".into(),
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
                "created_at": "c", "updated_at": "u"
            })
        );
        let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        assert_eq!(keys[..4], ["kind", "id", "uuid", "date"]);
    }
}
