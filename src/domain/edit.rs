//! `edit KIND ID`: what each kind of record lets its author change, and the record's next
//! version with those changes, checked by the same rules as when it was written. Pure: the
//! version comes in and goes out as the export document holds it ([`Body`]).

use chrono::NaiveDate;

use crate::domain::checkin::{Draft, FeelingEntry, Given};
use crate::domain::error::UserError;
use crate::domain::exchange::{Body, FeelingRecord, part_field, withdrawable};
use crate::domain::kind::RecordKind;
use crate::domain::recurrence::{self, Rule};

/// The changes asked for, each already parsed and checked on its own. `None`: not given.
/// For optional text, `Some(None)` removes it (given as "").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// A check-in's parts, as `checkin --amend` takes them.
    pub checkin: Given,
    /// A quick feeling's word (and strength, when given as WORD:N).
    pub word: Option<FeelingEntry>,
    pub intensity: Option<u8>,
    /// A feeling's, an outcome's or an answer's note (a check-in's is in `checkin`).
    pub note: Option<Option<String>>,
    pub text: Option<String>,
    pub due: Option<Option<NaiveDate>>,
    pub every: Option<Option<Rule>>,
    pub what: Option<String>,
    pub impact: Option<Option<String>>,
    pub responsibility: Option<String>,
    pub change: Option<Option<String>>,
    pub went_well: Option<Option<String>>,
    pub work_on: Option<Option<String>>,
    /// The acting partner's own part of a meeting.
    pub appreciation: Option<Option<String>>,
    pub request: Option<Option<String>>,
    /// An exercise's optional parts, by field name (`felt`, `own_part`, ...).
    pub parts: Vec<(&'static str, Option<String>)>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }

    /// The flags given, for saying which do not fit a kind.
    fn given(&self) -> Vec<&'static str> {
        let c = &self.checkin;
        [
            ("--trust", c.trust.is_some()),
            ("--connection", c.connection.is_some()),
            ("--feeling", c.feelings.is_some()),
            ("--answer", c.answer.is_some()),
            ("--need", c.need.is_some()),
            (
                "--appreciation",
                c.appreciation.is_some() || self.appreciation.is_some(),
            ),
            ("--note", c.note.is_some() || self.note.is_some()),
            ("--word", self.word.is_some()),
            ("--intensity", self.intensity.is_some()),
            ("--text", self.text.is_some()),
            ("--due", self.due.is_some()),
            ("--every", self.every.is_some()),
            ("--what", self.what.is_some()),
            ("--impact", self.impact.is_some()),
            ("--responsibility", self.responsibility.is_some()),
            ("--change", self.change.is_some()),
            ("--went-well", self.went_well.is_some()),
            ("--work-on", self.work_on.is_some()),
            ("--request", self.request.is_some()),
        ]
        .into_iter()
        .filter(|(_, given)| *given)
        .map(|(flag, _)| flag)
        .chain(self.parts.iter().filter_map(|(field, _)| part_flag(field)))
        .collect()
    }
}

/// The flags `edit` takes for a kind of record.
pub fn flags_for(kind: RecordKind) -> &'static [&'static str] {
    match kind {
        RecordKind::Checkin => &[
            "--trust",
            "--connection",
            "--feeling",
            "--answer",
            "--appreciation",
            "--need",
            "--note",
        ],
        RecordKind::Feeling => &["--word", "--intensity", "--note"],
        RecordKind::Promise => &["--text", "--due", "--every"],
        RecordKind::Outcome | RecordKind::Response => &["--note"],
        RecordKind::Apology => &["--what", "--impact", "--responsibility", "--change"],
        RecordKind::Meeting => &["--went-well", "--work-on", "--appreciation", "--request"],
        RecordKind::Exercise => EXERCISE_FLAGS,
        RecordKind::Note => &["--text"],
        RecordKind::Partner | RecordKind::Focus => &[],
    }
}

/// Every flag an exercise's parts are edited with (each exercise takes its own parts).
const EXERCISE_FLAGS: &[&str] = &[
    "--what",
    "--felt",
    "--view",
    "--triggers",
    "--own-part",
    "--plan",
    "--helps",
    "--repair",
];

/// The flag of an exercise's part, by its field name.
fn part_flag(field: &str) -> Option<&'static str> {
    crate::domain::exercise::Exercise::ALL
        .iter()
        .flat_map(|e| e.parts())
        .find(|p| p.field == field)
        .map(|p| p.flag)
}

/// Refuses flags that are not part of this kind of record.
pub fn fits(kind: RecordKind, changes: &Changes) -> Result<(), UserError> {
    let accepted = flags_for(kind);
    let one = kind.one();
    if accepted.is_empty() {
        return Err(UserError::new(match kind {
            RecordKind::Focus => "a focus change is not edited: move the focus again with `rekindle focus STEP`, or delete it".to_string(),
            _ => format!("{one} is not edited with `edit`"),
        }));
    }
    let wrong: Vec<&str> = changes
        .given()
        .into_iter()
        .filter(|f| !accepted.contains(f))
        .collect();
    if let Some(first) = wrong.first() {
        return Err(UserError::new(format!(
            "{first} is not part of {one}; {one} takes {}",
            crate::text::prose::or_list(
                &accepted.iter().map(|f| f.to_string()).collect::<Vec<_>>()
            )
        )));
    }
    Ok(())
}

/// A check-in's version as a draft, to apply `--amend`-like changes to.
pub fn draft_of(c: &crate::domain::exchange::CheckinRecord, feelings: &[FeelingRecord]) -> Draft {
    Draft {
        trust: u8::try_from(c.trust).unwrap_or(1),
        connection: c.connection.and_then(|n| u8::try_from(n).ok()),
        feelings: feelings
            .iter()
            .map(|f| FeelingEntry {
                word: f.word.clone(),
                intensity: f.intensity.and_then(|n| u8::try_from(n).ok()),
            })
            .collect(),
        answer: c.answer.clone(),
        appreciation: c.appreciation.clone(),
        need: c.need.clone(),
        note: c.note.clone(),
        prompt_shown: false,
    }
}

/// The check-in's version saying `draft`. Feelings that stay the same keep their records;
/// new ones get an empty uuid, for the store to give them one.
pub fn with_draft(body: &Body, draft: &Draft) -> Body {
    let Body::Checkin(c, old) = body else {
        return body.clone();
    };
    let mut c = c.clone();
    c.trust = i64::from(draft.trust);
    c.connection = draft.connection.map(i64::from);
    if c.answer != draft.answer && draft.answer.is_none() {
        // The prompt was the question the answer answered.
        c.prompt_id = None;
    }
    c.answer = draft.answer.clone();
    c.appreciation = draft.appreciation.clone();
    c.need = draft.need.clone();
    c.note = draft.note.clone();
    let same = old.len() == draft.feelings.len()
        && old.iter().zip(&draft.feelings).all(|(f, d)| {
            f.word == d.word && f.intensity.and_then(|n| u8::try_from(n).ok()) == d.intensity
        });
    let feelings = if same {
        old.clone()
    } else {
        draft
            .feelings
            .iter()
            .map(|d| FeelingRecord {
                uuid: String::new(),
                partner_uuid: c.partner_uuid.clone(),
                checkin_uuid: Some(c.uuid.clone()),
                date: c.date.clone(),
                word: d.word.clone(),
                intensity: d.intensity.map(i64::from),
                note: None,
                created_at: c.created_at.clone(),
                updated_at: c.updated_at.clone(),
                hlc: c.hlc.clone(),
                changed_by_uuid: c.changed_by_uuid.clone(),
                ..FeelingRecord::default()
            })
            .collect()
    };
    Body::Checkin(c, feelings)
}

fn set<T: Clone>(field: &mut T, given: &Option<T>) {
    if let Some(value) = given {
        *field = value.clone();
    }
}

/// The record's next version with `changes` made by the partner `actor_uuid` (for a
/// meeting, their own part). The changes are checked against the kind first.
pub fn apply(body: &Body, changes: &Changes, actor_uuid: &str) -> Result<Body, UserError> {
    fits(body.kind(), changes)?;
    let mut next = body.clone();
    match &mut next {
        Body::Checkin(c, feelings) => {
            let draft = changes.checkin.clone().apply(&draft_of(c, feelings));
            return Ok(with_draft(body, &draft));
        }
        Body::Feeling(f) => {
            if let Some(entry) = &changes.word {
                f.word = entry.word.clone();
                if entry.intensity.is_some() {
                    f.intensity = entry.intensity.map(i64::from);
                }
            }
            if let Some(n) = changes.intensity {
                f.intensity = Some(i64::from(n));
            }
            set(&mut f.note, &changes.note);
        }
        Body::Promise(p) => {
            set(&mut p.text, &changes.text);
            if let Some(due) = changes.due {
                p.due = due.map(|d| d.to_string());
            }
            if let Some(every) = changes.every {
                p.every = every.map(|r| r.to_string());
            }
            let from = NaiveDate::parse_from_str(&p.date, "%Y-%m-%d").map_err(|_| {
                UserError::new(format!("the promise's date {} is not a date", p.date))
            })?;
            let due = match &p.due {
                Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d").ok(),
                None => None,
            };
            let every = match &p.every {
                Some(e) => e.parse::<Rule>().ok(),
                None => None,
            };
            recurrence::check_schedule(from, due, every).map_err(UserError::new)?;
        }
        Body::Outcome(o) => set(&mut o.note, &changes.note),
        Body::Response(r) => set(&mut r.note, &changes.note),
        Body::Apology(a) => {
            set(&mut a.what, &changes.what);
            set(&mut a.impact, &changes.impact);
            set(&mut a.responsibility, &changes.responsibility);
            set(&mut a.change, &changes.change);
        }
        Body::Meeting(m) => {
            set(&mut m.went_well, &changes.went_well);
            set(&mut m.work_on, &changes.work_on);
            if changes.appreciation.is_some() || changes.request.is_some() {
                match m.parts.iter_mut().find(|p| p.partner_uuid == actor_uuid) {
                    Some(part) => {
                        set(&mut part.appreciation, &changes.appreciation);
                        set(&mut part.request, &changes.request);
                    }
                    None => {
                        return Err(UserError::new(
                            "you have no part in that meeting to change; --appreciation and --request change your own part",
                        ));
                    }
                }
            }
        }
        Body::Exercise(e) => {
            let exercise: crate::domain::exercise::Exercise =
                e.exercise.parse().map_err(UserError::new)?;
            let parts = exercise.parts();
            let wrong = changes
                .given()
                .into_iter()
                .find(|flag| !parts.iter().any(|p| p.flag == *flag));
            if let Some(flag) = wrong {
                let takes: Vec<String> = parts.iter().map(|p| p.flag.to_string()).collect();
                return Err(UserError::new(format!(
                    "{flag} is not part of a {}; it takes {}",
                    exercise.label(),
                    crate::text::prose::or_list(&takes)
                )));
            }
            set(&mut e.what, &changes.what);
            for (field, value) in &changes.parts {
                let value = value.clone();
                match *field {
                    "felt" => e.felt = value,
                    "view" => e.view = value,
                    "triggers" => e.triggers = value,
                    "own_part" => e.own_part = value,
                    "plan" => e.plan = value,
                    "helps" => e.helps = value,
                    "repair" => e.repair = value,
                    _ => {}
                }
            }
        }
        // A private note's new words are set here in the clear; the command encrypts them to
        // their author before anything is written (the domain holds no keys).
        Body::Note(n) => {
            if let Some(text) = &changes.text {
                n.text = Some(text.clone());
            }
        }
        Body::Partner(_) | Body::Focus(_) => {}
    }
    Ok(next)
}

/// The text fields whose words differ between two versions, as withdrawals name them: the
/// fields `edit --forget-previous` takes back from the earlier versions.
pub fn changed_text(before: &Body, after: &Body) -> Vec<String> {
    let (a, b) = (before.to_value(), after.to_value());
    let kind = before.kind();
    let mut fields: Vec<String> = withdrawable(kind)
        .iter()
        .filter(|f| a.get(**f) != b.get(**f))
        .map(|f| f.to_string())
        .collect();
    if kind == RecordKind::Meeting {
        let parts = |v: &serde_json::Value| v.get("parts").and_then(|p| p.as_array()).cloned();
        for part in parts(&a).unwrap_or_default() {
            let partner = part
                .get("partner_uuid")
                .and_then(|u| u.as_str())
                .unwrap_or("");
            let other = parts(&b)
                .unwrap_or_default()
                .into_iter()
                .find(|p| p.get("partner_uuid").and_then(|u| u.as_str()) == Some(partner));
            for field in ["appreciation", "request"] {
                if other.as_ref().and_then(|o| o.get(field)) != part.get(field) {
                    fields.push(part_field(partner, field));
                }
            }
        }
    }
    fields
}

/// What differs between two versions, in words, in the order the record lists its fields:
/// "trust 5 → 7", "note removed", "answer changed", "your request added".
pub fn changes_in_words(before: &Body, after: &Body) -> Vec<String> {
    if let (Body::Checkin(a, fa), Body::Checkin(b, fb)) = (before, after) {
        return crate::domain::checkin::changes(&draft_of(a, fa), &draft_of(b, fb));
    }
    let (a, b) = (
        before.content_with_ciphertext(),
        after.content_with_ciphertext(),
    );
    let mut out = Vec::new();
    let Some(fields) = a.as_object() else {
        return out;
    };
    let described = |field: &str, x: Option<&serde_json::Value>, y: Option<&serde_json::Value>| {
        let present = |v: Option<&serde_json::Value>| v.is_some_and(|v| !v.is_null());
        let name = field_in_words(field);
        match (present(x), present(y)) {
            (false, true) => format!("{name} added"),
            (true, false) => format!("{name} removed"),
            _ => format!("{name} changed"),
        }
    };
    for (key, value) in fields {
        if key == "parts" {
            continue;
        }
        if b.get(key) != Some(value) {
            out.push(described(key, Some(value), b.get(key)));
        }
    }
    if let (Body::Meeting(x), Body::Meeting(y)) = (before, after) {
        for part in &x.parts {
            if let Some(other) = y.parts.iter().find(|p| p.partner_uuid == part.partner_uuid) {
                for (field, p, q) in [
                    ("appreciation", &part.appreciation, &other.appreciation),
                    ("request", &part.request, &other.request),
                ] {
                    if p != q {
                        out.push(described(
                            &part_field(&part.partner_uuid, field),
                            p.as_ref().map(|_| &serde_json::Value::Bool(true)),
                            q.as_ref().map(|_| &serde_json::Value::Bool(true)),
                        ));
                    }
                }
            }
        }
    }
    out
}

/// How the kind's fields are named in words, for saying what changed.
pub fn field_in_words(field: &str) -> String {
    match field
        .strip_prefix("parts[")
        .and_then(|r| r.split_once("]."))
    {
        Some((_, f)) => format!("your {}", f.replace('_', " ")),
        // A private entry's words, encrypted.
        None if field == "ciphertext" => "private words".to_string(),
        None => field.replace('_', " "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::exchange::{ApologyRecord, MeetingPart, MeetingRecord};

    fn apology() -> Body {
        Body::Apology(ApologyRecord {
            uuid: "a".into(),
            what: "I lied".into(),
            responsibility: "It was mine".into(),
            impact: Some("You were hurt".into()),
            ..Default::default()
        })
    }

    #[test]
    fn a_flag_that_is_not_part_of_the_kind_is_refused_by_name() {
        let changes = Changes {
            checkin: Given {
                trust: Some(4),
                ..Default::default()
            },
            ..Default::default()
        };
        let err = apply(&apology(), &changes, "s").unwrap_err();
        assert_eq!(
            err.to_string(),
            "--trust is not part of an apology; an apology takes --what, --impact, --responsibility or --change"
        );
    }

    #[test]
    fn only_the_changed_text_is_named_for_forgetting() {
        let changes = Changes {
            impact: Some(None),
            what: Some("I lied to you".into()),
            ..Default::default()
        };
        let after = apply(&apology(), &changes, "s").unwrap();
        assert_eq!(changed_text(&apology(), &after), ["what", "impact"]);
    }

    #[test]
    fn a_meeting_part_is_changed_only_by_its_partner() {
        let meeting = Body::Meeting(MeetingRecord {
            parts: vec![
                MeetingPart {
                    partner_uuid: "s".into(),
                    appreciation: Some("tea".into()),
                    ..Default::default()
                },
                MeetingPart {
                    partner_uuid: "a".into(),
                    appreciation: Some("walks".into()),
                    ..Default::default()
                },
            ],
            ..Default::default()
        });
        let changes = Changes {
            appreciation: Some(None),
            ..Default::default()
        };
        let after = apply(&meeting, &changes, "s").unwrap();
        let Body::Meeting(m) = &after else { panic!() };
        assert_eq!(m.parts[0].appreciation, None);
        assert_eq!(m.parts[1].appreciation.as_deref(), Some("walks"));
        assert_eq!(changed_text(&meeting, &after), ["parts[s].appreciation"]);
    }
}
