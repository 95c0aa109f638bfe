//! Reading the whole journal into an export document, every list in id order.

use std::collections::HashMap;

use rusqlite::Connection;

use super::rows;
use crate::domain::exchange::{
    ApologyRecord, CheckinRecord, Document, FeelingRecord, FocusRecord, MeetingPart, MeetingRecord,
    OutcomeRecord, PartnerRecord, PromiseRecord, ResponseRecord,
};

/// The whole journal, every list in the order its records were written.
pub fn read_all(conn: &Connection, exported_at: String) -> rusqlite::Result<Document> {
    let mut doc = Document::new(exported_at);
    doc.partners = rows(
        conn,
        "SELECT uuid, name, role, created_at, updated_at FROM partners ORDER BY id",
        |r| {
            Ok(PartnerRecord {
                uuid: r.get(0)?,
                name: r.get(1)?,
                role: r.get(2)?,
                created_at: r.get(3)?,
                updated_at: r.get(4)?,
            })
        },
    )?;
    doc.checkins = rows(
        conn,
        "SELECT c.uuid, p.uuid, c.date, c.trust, c.connection, c.step, c.prompt_id, c.answer,
                c.appreciation, c.need, c.note, c.created_at, c.updated_at
         FROM checkins c JOIN partners p ON p.id = c.partner_id ORDER BY c.id",
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
                created_at: r.get(11)?,
                updated_at: r.get(12)?,
            })
        },
    )?;
    doc.feelings = rows(
        conn,
        "SELECT f.uuid, p.uuid, c.uuid, f.date, f.word, f.intensity, f.note, f.created_at,
                f.updated_at
         FROM feelings f JOIN partners p ON p.id = f.partner_id
         LEFT JOIN checkins c ON c.id = f.checkin_id ORDER BY f.id",
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
            })
        },
    )?;
    doc.promises = rows(
        conn,
        "SELECT pr.uuid, b.uuid, t.uuid, pr.date, pr.text, pr.due, pr.every, pr.status,
                pr.closed_on, pr.created_at, pr.updated_at
         FROM promises pr JOIN partners b ON b.id = pr.by_id
         LEFT JOIN partners t ON t.id = pr.to_id ORDER BY pr.id",
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
            })
        },
    )?;
    doc.outcomes = rows(
        conn,
        "SELECT o.uuid, pr.uuid, o.date, o.result, o.note, p.uuid, o.created_at, o.updated_at
         FROM outcomes o JOIN promises pr ON pr.id = o.promise_id
         JOIN partners p ON p.id = o.recorded_by ORDER BY o.id",
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
            })
        },
    )?;
    doc.apologies = rows(
        conn,
        "SELECT a.uuid, b.uuid, t.uuid, a.date, a.what, a.impact, a.responsibility, a.change,
                pr.uuid, a.created_at, a.updated_at
         FROM apologies a JOIN partners b ON b.id = a.by_id JOIN partners t ON t.id = a.to_id
         LEFT JOIN promises pr ON pr.id = a.promise_id ORDER BY a.id",
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
                created_at: r.get(9)?,
                updated_at: r.get(10)?,
            })
        },
    )?;
    doc.responses = rows(
        conn,
        "SELECT r.uuid, a.uuid, p.uuid, r.date, r.status, r.note, r.created_at, r.updated_at
         FROM responses r JOIN apologies a ON a.id = r.apology_id
         JOIN partners p ON p.id = r.by_id ORDER BY r.id",
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
            })
        },
    )?;
    doc.focus = rows(
        conn,
        "SELECT f.uuid, f.step, f.date, p.uuid, f.created_at, f.updated_at
         FROM focus_changes f LEFT JOIN partners p ON p.id = f.partner_id ORDER BY f.id",
        |r| {
            Ok(FocusRecord {
                uuid: r.get(0)?,
                step: r.get(1)?,
                date: r.get(2)?,
                partner_uuid: r.get(3)?,
                created_at: r.get(4)?,
                updated_at: r.get(5)?,
            })
        },
    )?;
    let mut parts: HashMap<i64, Vec<MeetingPart>> = HashMap::new();
    for (meeting_id, part) in rows(
        conn,
        "SELECT mp.meeting_id, p.uuid, mp.appreciation, mp.request, pr.uuid
         FROM meeting_partners mp JOIN partners p ON p.id = mp.partner_id
         LEFT JOIN promises pr ON pr.id = mp.promise_id ORDER BY mp.id",
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
    doc.meetings = rows(
        conn,
        "SELECT id, uuid, date, went_well, work_on, created_at, updated_at
         FROM meetings ORDER BY id",
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
            })
        },
    )?;
    Ok(doc)
}
