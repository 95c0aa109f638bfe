//! Reading records as the export document lists them: the whole journal (every list in id
//! order), or one record's current version (for its revisions, for `undo`, for a merge).
//!
//! A record two journals wrote under two uuids (see migration 2) is listed under the uuid its
//! current version was written under, its `origin`; each journal works out the record's own
//! uuid (the smallest of them) from the versions it holds.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::rows;
use crate::domain::exchange::{
    ApologyRecord, Body, CheckinRecord, Document, ExerciseRecord, FeelingRecord, FocusRecord,
    MeetingPart, MeetingRecord, NoteRecord, OutcomeRecord, PartnerKeyRecord, PartnerRecord,
    PassphraseEventRecord, Privacy, PromiseRecord, ResponseRecord, RevisionRecord, TombstoneRecord,
    WithdrawalRecord, private_encode,
};
use crate::domain::kind::RecordKind;

/// The whole journal, every list in the order its records were written; revisions,
/// tombstones and withdrawals in the order of their keys.
pub fn read_all(conn: &Connection, exported_at: String) -> rusqlite::Result<Document> {
    read_where(conn, "", params![], &|_| true, exported_at)
}

/// The versions stamped after `from` and up to `to` (stamps in text form, compared as text,
/// which is stamp order): current versions, revisions, tombstones and withdrawals. A sync
/// batch is this range of the journal.
pub fn read_changed(
    conn: &Connection,
    from: &str,
    to: &str,
    exported_at: String,
) -> rusqlite::Result<Document> {
    let within = |hlc: &str| hlc > from && hlc <= to;
    read_where(
        conn,
        "WHERE x.hlc > ?1 AND x.hlc <= ?2",
        params![from, to],
        &within,
        exported_at,
    )
}

/// Every list, its records chosen by `filter` (with `p`), and the revisions, tombstones and
/// withdrawals whose stamps `keep` accepts: one place that names every kind, for the whole
/// journal and for a range alike.
fn read_where(
    conn: &Connection,
    filter: &str,
    p: &[&dyn rusqlite::ToSql],
    keep: &dyn Fn(&str) -> bool,
    exported_at: String,
) -> rusqlite::Result<Document> {
    let mut doc = Document::new(exported_at);
    doc.partners = partners(conn, filter, p)?;
    doc.checkins = checkins(conn, filter, p)?;
    doc.feelings = feelings(conn, filter, p)?;
    doc.promises = promises(conn, filter, p)?;
    doc.outcomes = outcomes(conn, filter, p)?;
    doc.apologies = apologies(conn, filter, p)?;
    doc.responses = responses(conn, filter, p)?;
    doc.focus = focus(conn, filter, p)?;
    doc.meetings = meetings(conn, filter, p)?;
    doc.exercises = exercises(conn, filter, p)?;
    doc.notes = notes(conn, filter, p)?;
    doc.tombstones = tombstones(conn)?;
    doc.tombstones.retain(|t| keep(&t.hlc));
    doc.revisions = revisions(conn)?;
    doc.revisions.retain(|r| keep(&r.hlc));
    doc.withdrawals = withdrawals(conn)?;
    doc.withdrawals.retain(|w| keep(&w.hlc));
    doc.partner_keys = partner_keys(conn)?;
    doc.partner_keys.retain(|k| keep(&k.hlc));
    doc.passphrase_events = passphrase_events(conn)?;
    doc.passphrase_events
        .retain(|e| keep(&e.hlc) || e.told_hlc.as_deref().is_some_and(keep));
    Ok(doc)
}

/// The current version of the record `id` of `kind`, under the uuid it was written with (its
/// origin: see migration 2, and the lists below), with a check-in's feelings.
pub fn body(conn: &Connection, kind: RecordKind, id: i64) -> rusqlite::Result<Option<Body>> {
    let one = "WHERE x.id = ?1";
    let body = match kind {
        RecordKind::Partner => partners(conn, one, [id])?.pop().map(Body::Partner),
        RecordKind::Checkin => match checkins(conn, one, [id])?.pop() {
            Some(c) => Some(Body::Checkin(
                c,
                feelings(conn, "WHERE x.checkin_id = ?1", [id])?,
            )),
            None => None,
        },
        RecordKind::Feeling => feelings(conn, one, [id])?.pop().map(Body::Feeling),
        RecordKind::Promise => promises(conn, one, [id])?.pop().map(Body::Promise),
        RecordKind::Outcome => outcomes(conn, one, [id])?.pop().map(Body::Outcome),
        RecordKind::Apology => apologies(conn, one, [id])?.pop().map(Body::Apology),
        RecordKind::Response => responses(conn, one, [id])?.pop().map(Body::Response),
        RecordKind::Focus => focus(conn, one, [id])?.pop().map(Body::Focus),
        RecordKind::Meeting => meetings(conn, one, [id])?.pop().map(Body::Meeting),
        RecordKind::Exercise => exercises(conn, one, [id])?.pop().map(Body::Exercise),
        RecordKind::Note => notes(conn, one, [id])?.pop().map(Body::Note),
    };
    Ok(body)
}

fn list<T, P: rusqlite::Params>(
    conn: &Connection,
    sql: &str,
    filter: &str,
    order: &str,
    params: P,
    map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let sql = format!("{sql} {filter} ORDER BY {order}");
    let mut stmt = conn.prepare_cached(&sql)?;
    stmt.query_map(params, map)?.collect()
}

pub fn partners<P: rusqlite::Params>(
    conn: &Connection,
    filter: &str,
    params: P,
) -> rusqlite::Result<Vec<PartnerRecord>> {
    list(
        conn,
        "SELECT x.uuid, x.name, x.role, x.created_at, x.updated_at, x.hlc, cb.uuid
         FROM partners x LEFT JOIN partners cb ON cb.id = x.changed_by",
        filter,
        "x.id",
        params,
        |r| {
            Ok(PartnerRecord {
                uuid: r.get(0)?,
                name: r.get(1)?,
                role: r.get(2)?,
                created_at: r.get(3)?,
                updated_at: r.get(4)?,
                hlc: r.get(5)?,
                changed_by_uuid: r.get(6)?,
            })
        },
    )
}

pub fn checkins<P: rusqlite::Params>(
    conn: &Connection,
    filter: &str,
    params: P,
) -> rusqlite::Result<Vec<CheckinRecord>> {
    list(
        conn,
        "SELECT coalesce(x.origin, x.uuid), p.uuid, x.date, x.trust, x.connection, x.step, x.prompt_id, x.answer,
                x.appreciation, x.need, x.note, x.created_at, x.updated_at, x.hlc, cb.uuid,
                x.private, x.revealed_on
         FROM checkins x JOIN partners p ON p.id = x.partner_id
         LEFT JOIN partners cb ON cb.id = x.changed_by",
        filter,
        "x.id",
        params,
        |r| {
            Ok(CheckinRecord {
                uuid: r.get(0)?,
                partner_uuid: r.get(1)?,
                date: r.get(2)?,
                trust: r.get(3)?,
                connection: r.get(4)?,
                step: r.get(5)?,
                prompt_id: r.get(6)?,
                answer: r.get(7)?,
                appreciation: r.get(8)?,
                need: r.get(9)?,
                note: r.get(10)?,
                privacy: Privacy::from_stored(
                    r.get::<_, Option<Vec<u8>>>(15)?.as_deref(),
                    r.get(16)?,
                ),
                created_at: r.get(11)?,
                updated_at: r.get(12)?,
                hlc: r.get(13)?,
                changed_by_uuid: r.get(14)?,
            })
        },
    )
}

pub fn feelings<P: rusqlite::Params>(
    conn: &Connection,
    filter: &str,
    params: P,
) -> rusqlite::Result<Vec<FeelingRecord>> {
    list(
        conn,
        "SELECT x.uuid, p.uuid, coalesce(c.origin, c.uuid), x.date, x.word, x.intensity, x.note, x.created_at,
                x.updated_at, x.hlc, cb.uuid, x.private, x.revealed_on
         FROM feelings x JOIN partners p ON p.id = x.partner_id
         LEFT JOIN checkins c ON c.id = x.checkin_id
         LEFT JOIN partners cb ON cb.id = x.changed_by",
        filter,
        "x.id",
        params,
        |r| {
            Ok(FeelingRecord {
                uuid: r.get(0)?,
                partner_uuid: r.get(1)?,
                checkin_uuid: r.get(2)?,
                date: r.get(3)?,
                word: r.get(4)?,
                intensity: r.get(5)?,
                note: r.get(6)?,
                created_at: r.get(7)?,
                updated_at: r.get(8)?,
                hlc: r.get(9)?,
                changed_by_uuid: r.get(10)?,
                private: r.get::<_, Option<Vec<u8>>>(11)?.is_some(),
                // An empty ciphertext is a stub that came without the words.
                ciphertext: r
                    .get::<_, Option<Vec<u8>>>(11)?
                    .filter(|c| !c.is_empty())
                    .map(|c| {
                        use base64::Engine as _;
                        base64::engine::general_purpose::STANDARD.encode(c)
                    }),
                revealed_on: r.get(12)?,
            })
        },
    )
}

pub fn promises<P: rusqlite::Params>(
    conn: &Connection,
    filter: &str,
    params: P,
) -> rusqlite::Result<Vec<PromiseRecord>> {
    list(
        conn,
        "SELECT x.uuid, b.uuid, t.uuid, x.date, x.text, x.due, x.every, x.status,
                x.closed_on, x.created_at, x.updated_at, x.hlc, cb.uuid
         FROM promises x JOIN partners b ON b.id = x.by_id
         LEFT JOIN partners t ON t.id = x.to_id
         LEFT JOIN partners cb ON cb.id = x.changed_by",
        filter,
        "x.id",
        params,
        |r| {
            Ok(PromiseRecord {
                uuid: r.get(0)?,
                by_uuid: r.get(1)?,
                to_uuid: r.get(2)?,
                date: r.get(3)?,
                text: r.get(4)?,
                due: r.get(5)?,
                every: r.get(6)?,
                status: r.get(7)?,
                closed_on: r.get(8)?,
                created_at: r.get(9)?,
                updated_at: r.get(10)?,
                hlc: r.get(11)?,
                changed_by_uuid: r.get(12)?,
            })
        },
    )
}

pub fn outcomes<P: rusqlite::Params>(
    conn: &Connection,
    filter: &str,
    params: P,
) -> rusqlite::Result<Vec<OutcomeRecord>> {
    list(
        conn,
        "SELECT coalesce(x.origin, x.uuid), pr.uuid, x.date, x.result, x.note, p.uuid, x.created_at, x.updated_at,
                x.hlc, cb.uuid
         FROM outcomes x JOIN promises pr ON pr.id = x.promise_id
         JOIN partners p ON p.id = x.recorded_by
         LEFT JOIN partners cb ON cb.id = x.changed_by",
        filter,
        "x.id",
        params,
        |r| {
            Ok(OutcomeRecord {
                uuid: r.get(0)?,
                promise_uuid: r.get(1)?,
                date: r.get(2)?,
                result: r.get(3)?,
                note: r.get(4)?,
                recorded_by_uuid: r.get(5)?,
                created_at: r.get(6)?,
                updated_at: r.get(7)?,
                hlc: r.get(8)?,
                changed_by_uuid: r.get(9)?,
            })
        },
    )
}

pub fn apologies<P: rusqlite::Params>(
    conn: &Connection,
    filter: &str,
    params: P,
) -> rusqlite::Result<Vec<ApologyRecord>> {
    list(
        conn,
        "SELECT x.uuid, b.uuid, t.uuid, x.date, x.what, x.impact, x.responsibility, x.change,
                pr.uuid, x.withdrawn_on, x.created_at, x.updated_at, x.hlc, cb.uuid
         FROM apologies x JOIN partners b ON b.id = x.by_id JOIN partners t ON t.id = x.to_id
         LEFT JOIN promises pr ON pr.id = x.promise_id
         LEFT JOIN partners cb ON cb.id = x.changed_by",
        filter,
        "x.id",
        params,
        |r| {
            Ok(ApologyRecord {
                uuid: r.get(0)?,
                by_uuid: r.get(1)?,
                to_uuid: r.get(2)?,
                date: r.get(3)?,
                what: r.get(4)?,
                impact: r.get(5)?,
                responsibility: r.get(6)?,
                change: r.get(7)?,
                promise_uuid: r.get(8)?,
                withdrawn_on: r.get(9)?,
                created_at: r.get(10)?,
                updated_at: r.get(11)?,
                hlc: r.get(12)?,
                changed_by_uuid: r.get(13)?,
            })
        },
    )
}

pub fn responses<P: rusqlite::Params>(
    conn: &Connection,
    filter: &str,
    params: P,
) -> rusqlite::Result<Vec<ResponseRecord>> {
    list(
        conn,
        "SELECT x.uuid, a.uuid, p.uuid, x.date, x.status, x.note, x.created_at, x.updated_at,
                x.hlc, cb.uuid
         FROM responses x JOIN apologies a ON a.id = x.apology_id
         JOIN partners p ON p.id = x.by_id
         LEFT JOIN partners cb ON cb.id = x.changed_by",
        filter,
        "x.id",
        params,
        |r| {
            Ok(ResponseRecord {
                uuid: r.get(0)?,
                apology_uuid: r.get(1)?,
                by_uuid: r.get(2)?,
                date: r.get(3)?,
                status: r.get(4)?,
                note: r.get(5)?,
                created_at: r.get(6)?,
                updated_at: r.get(7)?,
                hlc: r.get(8)?,
                changed_by_uuid: r.get(9)?,
            })
        },
    )
}

pub fn focus<P: rusqlite::Params>(
    conn: &Connection,
    filter: &str,
    params: P,
) -> rusqlite::Result<Vec<FocusRecord>> {
    list(
        conn,
        "SELECT coalesce(x.origin, x.uuid), x.step, x.date, p.uuid, x.start, x.created_at, x.updated_at, x.hlc,
                cb.uuid, x.waiting, ab.uuid
         FROM focus_changes x LEFT JOIN partners p ON p.id = x.partner_id
         LEFT JOIN partners cb ON cb.id = x.changed_by
         LEFT JOIN partners ab ON ab.id = x.agreed_by",
        filter,
        "x.id",
        params,
        |r| {
            Ok(FocusRecord {
                uuid: r.get(0)?,
                step: r.get(1)?,
                date: r.get(2)?,
                partner_uuid: r.get(3)?,
                start: r.get(4)?,
                created_at: r.get(5)?,
                updated_at: r.get(6)?,
                hlc: r.get(7)?,
                changed_by_uuid: r.get(8)?,
                waiting: r.get(9)?,
                agreed_by_uuid: r.get(10)?,
            })
        },
    )
}

pub fn meetings<P: rusqlite::Params + Clone>(
    conn: &Connection,
    filter: &str,
    params: P,
) -> rusqlite::Result<Vec<MeetingRecord>> {
    let mut parts: HashMap<i64, Vec<MeetingPart>> = HashMap::new();
    for (meeting_id, part) in list(
        conn,
        "SELECT mp.meeting_id, p.uuid, mp.appreciation, mp.request, pr.uuid
         FROM meeting_partners mp JOIN meetings x ON x.id = mp.meeting_id
         JOIN partners p ON p.id = mp.partner_id
         LEFT JOIN promises pr ON pr.id = mp.promise_id",
        filter,
        "mp.id",
        params.clone(),
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                MeetingPart {
                    partner_uuid: r.get(1)?,
                    appreciation: r.get(2)?,
                    request: r.get(3)?,
                    promise_uuid: r.get(4)?,
                },
            ))
        },
    )? {
        parts.entry(meeting_id).or_default().push(part);
    }
    list(
        conn,
        "SELECT x.id, x.uuid, x.date, x.went_well, x.work_on, x.created_at, x.updated_at,
                x.hlc, cb.uuid
         FROM meetings x LEFT JOIN partners cb ON cb.id = x.changed_by",
        filter,
        "x.id",
        params,
        |r| {
            let id: i64 = r.get(0)?;
            Ok(MeetingRecord {
                uuid: r.get(1)?,
                date: r.get(2)?,
                went_well: r.get(3)?,
                work_on: r.get(4)?,
                parts: parts.remove(&id).unwrap_or_default(),
                created_at: r.get(5)?,
                updated_at: r.get(6)?,
                hlc: r.get(7)?,
                changed_by_uuid: r.get(8)?,
            })
        },
    )
}

pub fn exercises<P: rusqlite::Params>(
    conn: &Connection,
    filter: &str,
    params: P,
) -> rusqlite::Result<Vec<ExerciseRecord>> {
    list(
        conn,
        "SELECT x.uuid, x.type, p.uuid, x.date, x.what, x.felt, x.view, x.triggers, x.own_part,
                x.plan, x.helps, x.repair, pr.uuid, x.created_at, x.updated_at, x.hlc, cb.uuid
         FROM exercises x JOIN partners p ON p.id = x.partner_id
         LEFT JOIN promises pr ON pr.id = x.promise_id
         LEFT JOIN partners cb ON cb.id = x.changed_by",
        filter,
        "x.id",
        params,
        |r| {
            Ok(ExerciseRecord {
                uuid: r.get(0)?,
                exercise: r.get(1)?,
                partner_uuid: r.get(2)?,
                date: r.get(3)?,
                what: r.get(4)?,
                felt: r.get(5)?,
                view: r.get(6)?,
                triggers: r.get(7)?,
                own_part: r.get(8)?,
                plan: r.get(9)?,
                helps: r.get(10)?,
                repair: r.get(11)?,
                promise_uuid: r.get(12)?,
                created_at: r.get(13)?,
                updated_at: r.get(14)?,
                hlc: r.get(15)?,
                changed_by_uuid: r.get(16)?,
            })
        },
    )
}

/// Notes; a private one's words as base64 ciphertext (the standard alphabet, padded).
pub fn notes<P: rusqlite::Params>(
    conn: &Connection,
    filter: &str,
    params: P,
) -> rusqlite::Result<Vec<NoteRecord>> {
    use base64::Engine as _;
    list(
        conn,
        "SELECT x.uuid, p.uuid, x.date, x.text, x.private, x.ciphertext, x.revealed_on,
                x.created_at, x.updated_at, x.hlc, cb.uuid
         FROM notes x JOIN partners p ON p.id = x.partner_id
         LEFT JOIN partners cb ON cb.id = x.changed_by",
        filter,
        "x.id",
        params,
        |r| {
            let ciphertext: Option<Vec<u8>> = r.get(5)?;
            Ok(NoteRecord {
                uuid: r.get(0)?,
                partner_uuid: r.get(1)?,
                date: r.get(2)?,
                text: r.get(3)?,
                private: r.get(4)?,
                ciphertext: ciphertext.map(|c| base64::engine::general_purpose::STANDARD.encode(c)),
                revealed_on: r.get(6)?,
                created_at: r.get(7)?,
                updated_at: r.get(8)?,
                hlc: r.get(9)?,
                changed_by_uuid: r.get(10)?,
            })
        },
    )
}

fn tombstones(conn: &Connection) -> rusqlite::Result<Vec<TombstoneRecord>> {
    rows(
        conn,
        "SELECT t.kind, t.uuid, t.hlc, b.uuid, a.uuid, t.date, t.deleted_on, t.at, t.shown
         FROM tombstones t LEFT JOIN partners b ON b.id = t.by_id
         LEFT JOIN partners a ON a.id = t.author_id ORDER BY t.kind, t.uuid",
        |r| {
            Ok(TombstoneRecord {
                kind: r.get(0)?,
                uuid: r.get(1)?,
                hlc: r.get(2)?,
                by_uuid: r.get(3)?,
                author_uuid: r.get(4)?,
                date: r.get(5)?,
                deleted_on: r.get(6)?,
                at: r.get(7)?,
                shown: r.get(8)?,
            })
        },
    )
}

fn revisions(conn: &Connection) -> rusqlite::Result<Vec<RevisionRecord>> {
    rows(
        conn,
        "SELECT r.kind, r.uuid, r.hlc, r.origin, b.uuid, r.at, r.withdrawn, r.body
         FROM revisions r LEFT JOIN partners b ON b.id = r.by_id
         ORDER BY r.kind, r.uuid, r.hlc, r.origin",
        |r| {
            let withdrawn: String = r.get(6)?;
            let body: String = r.get(7)?;
            Ok(RevisionRecord {
                kind: r.get(0)?,
                uuid: r.get(1)?,
                hlc: r.get(2)?,
                origin_uuid: r.get(3)?,
                by_uuid: r.get(4)?,
                at: r.get(5)?,
                withdrawn: serde_json::from_str(&withdrawn).unwrap_or_default(),
                record: serde_json::from_str(&body).unwrap_or_default(),
            })
        },
    )
}

fn withdrawals(conn: &Connection) -> rusqlite::Result<Vec<WithdrawalRecord>> {
    rows(
        conn,
        "SELECT w.kind, w.uuid, w.field, w.hlc, b.uuid, w.at
         FROM withdrawals w LEFT JOIN partners b ON b.id = w.by_id
         ORDER BY w.kind, w.uuid, w.field, w.hlc",
        |r| {
            Ok(WithdrawalRecord {
                kind: r.get(0)?,
                uuid: r.get(1)?,
                field: r.get(2)?,
                hlc: r.get(3)?,
                by_uuid: r.get(4)?,
                at: r.get(5)?,
            })
        },
    )
}

/// Every partner's key record: their key, or its removal; by partner.
pub fn partner_keys(conn: &Connection) -> rusqlite::Result<Vec<PartnerKeyRecord>> {
    rows(
        conn,
        "SELECT p.uuid, 0, k.recipient, k.wrapped, s.uuid, k.created_at, k.updated_at, k.hlc,
                cb.uuid, p.id
         FROM partner_keys k JOIN partners p ON p.id = k.partner_id
         LEFT JOIN partners s ON s.id = k.set_by LEFT JOIN partners cb ON cb.id = k.changed_by
         UNION ALL
         SELECT p.uuid, 1, NULL, NULL, s.uuid, k.created_at, k.removed_at, k.hlc, cb.uuid, p.id
         FROM partner_key_removals k JOIN partners p ON p.id = k.partner_id
         LEFT JOIN partners s ON s.id = k.set_by LEFT JOIN partners cb ON cb.id = k.changed_by
         ORDER BY 10",
        |r| {
            Ok(PartnerKeyRecord {
                partner_uuid: r.get(0)?,
                removed: r.get(1)?,
                recipient: r.get(2)?,
                wrapped: r.get::<_, Option<Vec<u8>>>(3)?.map(|b| private_encode(&b)),
                set_by_uuid: r.get(4)?,
                created_at: r.get(5)?,
                set_at: r.get(6)?,
                hlc: r.get(7)?,
                changed_by_uuid: r.get(8)?,
            })
        },
    )
}

/// Every passphrase event, in the order of their stamps.
pub fn passphrase_events(conn: &Connection) -> rusqlite::Result<Vec<PassphraseEventRecord>> {
    rows(
        conn,
        "SELECT e.uuid, p.uuid, b.uuid, e.action, e.date, e.created_at, e.hlc, e.told_hlc,
                e.told_at
         FROM passphrase_events e JOIN partners p ON p.id = e.partner_id
         LEFT JOIN partners b ON b.id = e.by_id ORDER BY e.hlc, e.uuid",
        |r| {
            Ok(PassphraseEventRecord {
                uuid: r.get(0)?,
                partner_uuid: r.get(1)?,
                by_uuid: r.get(2)?,
                action: r.get(3)?,
                date: r.get(4)?,
                created_at: r.get(5)?,
                hlc: r.get(6)?,
                told_hlc: r.get(7)?,
                told_at: r.get(8)?,
            })
        },
    )
}

/// The record of `kind` with this uuid (or, for a merged record, one of its other uuids).
pub fn id_of(conn: &Connection, kind: RecordKind, uuid: &str) -> rusqlite::Result<Option<i64>> {
    let table = crate::store::inspect::table(kind);
    let found = conn
        .prepare_cached(&format!("SELECT id FROM {table} WHERE uuid = ?1"))?
        .query_row([uuid], |r| r.get(0))
        .optional()?;
    if found.is_some() {
        return Ok(found);
    }
    conn.prepare_cached(&format!(
        "SELECT t.id FROM aliases a JOIN {table} t ON t.uuid = a.uuid
         WHERE a.kind = ?1 AND a.alias = ?2"
    ))?
    .query_row(params![kind.as_str(), uuid], |r| r.get(0))
    .optional()
}
