//! One record and its versions, for the commands that change what is already written
//! (`edit`, `delete`, `undo`, `apology withdraw`) and for `show`: who it belongs to, what
//! hangs on it, its versions as timeline entries, and writing a new version of it.

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::apologies::{Apology, Response};
use super::checkins::{Checkin, CheckinFields};
use super::clock::Stamp;
use super::exchange::{self, read};
use super::exercises::{ExerciseRow, Texts};
use super::feelings::Feeling;
use super::focus::FocusChange;
use super::history::Entry;
use super::meetings::{Meeting, MeetingPart};
use super::new_uuid;
use super::promises::{Outcome, Promise};
use super::revisions::{self, Action, Revision};
use crate::domain::authorship::{Facts, Hanging};
use crate::domain::exchange::Body;
use crate::domain::kind::RecordKind;

/// A record as it is now: its row, uuid, stamp, and current version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Current {
    pub kind: RecordKind,
    pub id: i64,
    pub uuid: String,
    pub body: Body,
}

/// Record `id` of `kind`, if it is there.
pub fn current(conn: &Connection, kind: RecordKind, id: i64) -> rusqlite::Result<Option<Current>> {
    // A check-in's feelings and a meeting's parts are part of it, never records of their own.
    if kind == RecordKind::Feeling {
        let quick: bool = conn
            .prepare_cached("SELECT count(*) FROM feelings WHERE id = ?1 AND checkin_id IS NULL")?
            .query_row([id], |r| r.get::<_, i64>(0))
            .map(|n| n == 1)?;
        if !quick {
            return Ok(None);
        }
    }
    let Some(body) = read::body(conn, kind, id)? else {
        return Ok(None);
    };
    Ok(Some(Current {
        kind,
        id,
        uuid: revisions::uuid_of(conn, kind, id)?,
        body,
    }))
}

/// Who the record belongs to, for `may_change`.
pub fn facts(conn: &Connection, kind: RecordKind, id: i64) -> rusqlite::Result<Facts> {
    let author = revisions::author(conn, kind, id)?;
    let author_name = match author {
        Some(a) => super::partners::get(conn, a)?.map(|p| p.name),
        None => None,
    };
    Ok(Facts {
        kind,
        id,
        author,
        author_name,
    })
}

/// What the other partner wrote that hangs on the record (see `authorship::may_delete`).
pub fn hanging(
    conn: &Connection,
    kind: RecordKind,
    id: i64,
    author: Option<i64>,
    actor: i64,
) -> rusqlite::Result<Option<Hanging>> {
    let other_name = |other: Option<i64>| -> rusqlite::Result<String> {
        Ok(match other {
            Some(o) => super::partners::get(conn, o)?
                .map_or_else(|| "the other partner".into(), |p| p.name),
            None => "the other partner".into(),
        })
    };
    let first = |sql: &str| -> rusqlite::Result<Option<i64>> {
        let mut stmt = conn.prepare_cached(sql)?;
        let mut rows = stmt.query(params![id, author.unwrap_or(actor)])?;
        Ok(match rows.next()? {
            Some(row) => Some(row.get(0)?),
            None => None,
        })
    };
    Ok(match kind {
        RecordKind::Promise => {
            match first(
                "SELECT recorded_by FROM outcomes WHERE promise_id = ?1 AND recorded_by != ?2",
            )? {
                Some(by) => Some(Hanging::Outcomes {
                    by: other_name(Some(by))?,
                }),
                None => None,
            }
        }
        RecordKind::Apology => {
            match first("SELECT by_id FROM responses WHERE apology_id = ?1 AND ?2 = ?2")? {
                Some(by) => Some(Hanging::Answers {
                    by: other_name(Some(by))?,
                }),
                None => None,
            }
        }
        RecordKind::Meeting => {
            match first(
                "SELECT partner_id FROM meeting_partners WHERE meeting_id = ?1 AND partner_id != ?2
                 AND (appreciation IS NOT NULL OR request IS NOT NULL)",
            )? {
                Some(by) => Some(Hanging::Words {
                    by: other_name(Some(by))?,
                }),
                None => None,
            }
        }
        _ => None,
    })
}

/// Writes `body` as the record's next version, made with `stamp`: the version it had is kept
/// as a revision, the change is logged as `action`, and feelings new to a check-in get their
/// own uuids. Returns the version written.
pub fn replace(
    conn: &Connection,
    stamp: &Stamp,
    current: &Current,
    body: &Body,
    action: Action,
) -> anyhow::Result<Body> {
    revisions::supersede(conn, stamp, current.kind, current.id, action)?;
    let mut next = body.clone();
    let by = match stamp.by {
        Some(by) => super::partners::get(conn, by)?.map(|p| p.uuid),
        None => None,
    };
    next.restamp(&stamp.text(), by.as_deref(), &stamp.at);
    if let Body::Checkin(c, feelings) = &mut next {
        // The version is written under the record's uuid (a merged record's identity).
        c.uuid = current.uuid.clone();
        for f in feelings.iter_mut() {
            if f.uuid.is_empty() {
                f.uuid = new_uuid();
            }
            f.checkin_uuid = Some(current.uuid.clone());
        }
    }
    set_uuid(&mut next, &current.uuid);
    exchange::write_version(conn, &next, current.id)?;
    Ok(next)
}

fn set_uuid(body: &mut Body, uuid: &str) {
    let field = match body {
        Body::Partner(r) => &mut r.uuid,
        Body::Checkin(r, _) => &mut r.uuid,
        Body::Feeling(r) => &mut r.uuid,
        Body::Promise(r) => &mut r.uuid,
        Body::Outcome(r) => &mut r.uuid,
        Body::Apology(r) => &mut r.uuid,
        Body::Response(r) => &mut r.uuid,
        Body::Focus(r) => &mut r.uuid,
        Body::Meeting(r) => &mut r.uuid,
        Body::Exercise(r) => &mut r.uuid,
        Body::Note(r) => &mut r.uuid,
    };
    *field = uuid.to_string();
}

/// A partner's local id from a version's uuid.
fn partner(conn: &Connection, uuid: &str) -> rusqlite::Result<i64> {
    Ok(read::id_of(conn, RecordKind::Partner, uuid)?.unwrap_or(0))
}

fn optional_partner(conn: &Connection, uuid: Option<&str>) -> rusqlite::Result<Option<i64>> {
    match uuid {
        Some(u) => read::id_of(conn, RecordKind::Partner, u),
        None => Ok(None),
    }
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or(crate::domain::dates::EARLIEST)
}

fn optional_date(text: Option<&str>) -> Option<NaiveDate> {
    text.and_then(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
}

/// A version of record `id` as a timeline entry, to show it as the timeline shows records
/// (`show` lists earlier versions this way). Names and numbers are today's: the partner's
/// current name, the promise's current number.
pub fn entry_of(conn: &Connection, id: i64, body: &Body) -> rusqlite::Result<Option<Entry>> {
    let small = |n: Option<i64>| n.and_then(|n| u8::try_from(n).ok());
    Ok(Some(match body {
        Body::Partner(_) => return Ok(None),
        Body::Checkin(c, feelings) => {
            let partner_id = partner(conn, &c.partner_uuid)?;
            let checkin = Checkin {
                id,
                uuid: c.uuid.clone(),
                hlc: c.hlc.clone(),
                partner_id,
                date: date(&c.date),
                fields: CheckinFields {
                    trust: small(Some(c.trust)).unwrap_or(1),
                    connection: small(c.connection),
                    step: c.step.parse().unwrap_or_default(),
                    prompt_id: c.prompt_id.clone(),
                    answer: c.answer.clone(),
                    appreciation: c.appreciation.clone(),
                    need: c.need.clone(),
                    note: c.note.clone(),
                },
                created_at: c.created_at.clone(),
                updated_at: c.updated_at.clone(),
            };
            let feelings = feelings
                .iter()
                .map(|f| Feeling {
                    id: 0,
                    uuid: f.uuid.clone(),
                    partner_id,
                    checkin_id: Some(id),
                    date: date(&f.date),
                    word: f.word.clone(),
                    intensity: small(f.intensity),
                    note: f.note.clone(),
                    created_at: f.created_at.clone(),
                    private: None,
                    revealed_on: None,
                })
                .collect();
            Entry::Checkin(checkin, feelings)
        }
        Body::Feeling(f) => Entry::Feeling(Feeling {
            id,
            uuid: f.uuid.clone(),
            partner_id: partner(conn, &f.partner_uuid)?,
            checkin_id: None,
            date: date(&f.date),
            word: f.word.clone(),
            intensity: small(f.intensity),
            note: f.note.clone(),
            created_at: f.created_at.clone(),
            private: f.private.then(|| {
                use base64::Engine as _;
                f.ciphertext
                    .as_deref()
                    .and_then(|c| base64::engine::general_purpose::STANDARD.decode(c).ok())
                    .unwrap_or_default()
            }),
            revealed_on: f.revealed_on.as_deref().map(date),
        }),
        Body::Promise(p) => Entry::Promise(promise_of(conn, id, p)?),
        Body::Outcome(o) => {
            let promise_id = read::id_of(conn, RecordKind::Promise, &o.promise_uuid)?.unwrap_or(0);
            let Some(promise) = super::promises::get(conn, promise_id)? else {
                return Ok(None);
            };
            Entry::Outcome(
                Outcome {
                    id,
                    uuid: o.uuid.clone(),
                    promise_id,
                    date: date(&o.date),
                    result: o
                        .result
                        .parse()
                        .unwrap_or(super::promises::OutcomeKind::Kept),
                    note: o.note.clone(),
                    recorded_by: partner(conn, &o.recorded_by_uuid)?,
                },
                promise,
            )
        }
        Body::Apology(a) => Entry::Apology(Apology {
            id,
            uuid: a.uuid.clone(),
            by_id: partner(conn, &a.by_uuid)?,
            to_id: partner(conn, &a.to_uuid)?,
            date: date(&a.date),
            what: a.what.clone(),
            impact: a.impact.clone(),
            responsibility: a.responsibility.clone(),
            change: a.change.clone(),
            promise_id: match &a.promise_uuid {
                Some(u) => read::id_of(conn, RecordKind::Promise, u)?,
                None => None,
            },
            withdrawn_on: optional_date(a.withdrawn_on.as_deref()),
        }),
        Body::Response(r) => Entry::Response(Response {
            id,
            uuid: r.uuid.clone(),
            apology_id: read::id_of(conn, RecordKind::Apology, &r.apology_uuid)?.unwrap_or(0),
            by_id: partner(conn, &r.by_uuid)?,
            date: date(&r.date),
            answer: r
                .status
                .parse()
                .unwrap_or(super::apologies::Answer::NeedTime),
            note: r.note.clone(),
        }),
        Body::Focus(f) => Entry::Focus(FocusChange {
            id,
            step: f.step.parse().unwrap_or_default(),
            date: date(&f.date),
            partner_id: optional_partner(conn, f.partner_uuid.as_deref())?,
            waiting: f.waiting,
            agreed_by: optional_partner(conn, f.agreed_by_uuid.as_deref())?,
        }),
        Body::Meeting(m) => {
            let mut parts = Vec::new();
            for part in &m.parts {
                parts.push(MeetingPart {
                    id: 0,
                    meeting_id: id,
                    partner_id: partner(conn, &part.partner_uuid)?,
                    appreciation: part.appreciation.clone(),
                    request: part.request.clone(),
                    promise_id: match &part.promise_uuid {
                        Some(u) => read::id_of(conn, RecordKind::Promise, u)?,
                        None => None,
                    },
                });
            }
            Entry::Meeting(
                Meeting {
                    id,
                    uuid: m.uuid.clone(),
                    date: date(&m.date),
                    went_well: m.went_well.clone(),
                    work_on: m.work_on.clone(),
                },
                parts,
            )
        }
        Body::Exercise(e) => Entry::Exercise(ExerciseRow {
            id,
            uuid: e.uuid.clone(),
            exercise: e
                .exercise
                .parse()
                .unwrap_or(crate::domain::exercise::Exercise::Incident),
            partner_id: partner(conn, &e.partner_uuid)?,
            date: date(&e.date),
            texts: Texts {
                what: e.what.clone(),
                felt: e.felt.clone(),
                view: e.view.clone(),
                triggers: e.triggers.clone(),
                own_part: e.own_part.clone(),
                plan: e.plan.clone(),
                helps: e.helps.clone(),
                repair: e.repair.clone(),
            },
            promise_id: match &e.promise_uuid {
                Some(u) => read::id_of(conn, RecordKind::Promise, u)?,
                None => None,
            },
        }),
        Body::Note(n) => Entry::Note(crate::store::notes::Note {
            id,
            uuid: n.uuid.clone(),
            partner_id: partner(conn, &n.partner_uuid)?,
            date: date(&n.date),
            words: if n.private {
                crate::store::notes::Words::Private(n.ciphertext.as_deref().and_then(|c| {
                    use base64::Engine as _;
                    base64::engine::general_purpose::STANDARD.decode(c).ok()
                }))
            } else {
                crate::store::notes::Words::Shared(n.text.clone().unwrap_or_default())
            },
            revealed_on: n.revealed_on.as_deref().map(date),
        }),
    }))
}

fn promise_of(
    conn: &Connection,
    id: i64,
    p: &crate::domain::exchange::PromiseRecord,
) -> rusqlite::Result<Promise> {
    Ok(Promise {
        id,
        uuid: p.uuid.clone(),
        by_id: partner(conn, &p.by_uuid)?,
        to_id: optional_partner(conn, p.to_uuid.as_deref())?,
        from: date(&p.date),
        text: p.text.clone(),
        due: optional_date(p.due.as_deref()),
        every: p.every.as_deref().and_then(|e| e.parse().ok()),
        status: p.status.parse().unwrap_or(super::promises::Status::Open),
        closed_on: optional_date(p.closed_on.as_deref()),
    })
}

/// A record's earlier versions, oldest first.
pub fn revisions_of(
    conn: &Connection,
    kind: RecordKind,
    id: i64,
) -> rusqlite::Result<Vec<Revision>> {
    let uuid = revisions::uuid_of(conn, kind, id)?;
    revisions::of(conn, kind, &uuid)
}

/// The local number the record named by `uuid` has, through its other uuids.
pub fn id_of(conn: &Connection, kind: RecordKind, uuid: &str) -> rusqlite::Result<Option<i64>> {
    read::id_of(conn, kind, uuid)
}
