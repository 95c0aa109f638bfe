//! Writing one version of a record into its row: a new row, or the content of an existing one
//! replaced, with references by uuid turned into this journal's ids. The merge writes the
//! versions it keeps this way, and `undo` and `edit` the versions they go back or on to.

use rusqlite::{Connection, OptionalExtension as _, params};

use super::{Failure, Res, read};
use crate::domain::exchange::{Body, FeelingRecord, Held, MeetingPart, Place, Privacy, Problem};
use crate::domain::kind::RecordKind;
use crate::store::revisions;

fn refuse(at: &Place, message: impl Into<String>) -> Failure {
    Failure::Refused(Problem::at(at, message))
}

/// A partner, by uuid or one of its other uuids.
pub(super) fn partner(conn: &Connection, at: &Place, uuid: &str) -> Res<i64> {
    read::id_of(conn, RecordKind::Partner, uuid)?.ok_or_else(|| {
        refuse(
            at,
            format!("no partner has the uuid {uuid}, in this file or in the journal"),
        )
    })
}

fn partner_opt(conn: &Connection, at: &Place, uuid: Option<&str>) -> Res<Option<i64>> {
    uuid.map(|u| partner(conn, at, u)).transpose()
}

/// Who made a change: a partner this journal knows, or nobody it knows.
fn changed_by(conn: &Connection, uuid: Option<&str>) -> Res<Option<i64>> {
    Ok(match uuid {
        Some(u) => read::id_of(conn, RecordKind::Partner, u)?,
        None => None,
    })
}

/// A record that others point at: refused when it is in neither the file nor the journal.
pub(super) fn target(conn: &Connection, kind: RecordKind, at: &Place, uuid: &str) -> Res<i64> {
    read::id_of(conn, kind, uuid)?.ok_or_else(|| {
        refuse(
            at,
            format!(
                "no {} has the uuid {uuid}, in this file or in the journal",
                kind.label().0
            ),
        )
    })
}

/// A link to a promise that may have been deleted since: then the link goes, not the record.
fn promise_link(conn: &Connection, at: &Place, uuid: Option<&str>) -> Res<Option<i64>> {
    match uuid {
        Some(u) if revisions::is_deleted(conn, RecordKind::Promise, u)? => Ok(None),
        Some(u) => Ok(Some(target(conn, RecordKind::Promise, at, u)?)),
        None => Ok(None),
    }
}

/// Writes a version's private words into the `private` and `revealed_on` columns of row `id`
/// in `table` (any table of a kind that can hold private words). Not private: the column is
/// emptied (the words are the record's own fields). Private with its ciphertext: stored. A
/// stub (private, the words on another device): the row keeps the ciphertext it holds, if
/// any, so words are never lost because their stub arrived; a row without any keeps the
/// empty mark of a stub.
pub(crate) fn privacy(
    conn: &Connection,
    table: &str,
    id: i64,
    privacy: &Privacy,
) -> rusqlite::Result<()> {
    let sql = |set: &str| format!("UPDATE {table} SET {set}, revealed_on = ?2 WHERE id = ?1");
    let revealed = &privacy.revealed_on;
    match privacy.held() {
        Held::Shared => conn
            .prepare_cached(&sql("private = NULL"))?
            .execute(params![id, revealed])?,
        Held::Stub => conn
            .prepare_cached(&sql("private = coalesce(private, x'')"))?
            .execute(params![id, revealed])?,
        Held::Ciphertext(bytes) => conn
            .prepare_cached(&sql("private = ?3"))?
            .execute(params![id, revealed, bytes])?,
    };
    Ok(())
}

/// The row of record `id` in `table`, or a new one: `values` are the content columns.
fn upsert(
    conn: &Connection,
    table: &str,
    columns: &[&str],
    values: &[&dyn rusqlite::ToSql],
    row: Option<i64>,
) -> Res<i64> {
    match row {
        Some(id) => {
            let sets: Vec<String> = columns
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{c} = ?{}", i + 1))
                .collect();
            let mut all = values.to_vec();
            all.push(&id);
            conn.prepare_cached(&format!(
                "UPDATE {table} SET {} WHERE id = ?{}",
                sets.join(", "),
                columns.len() + 1
            ))?
            .execute(rusqlite::params_from_iter(all))?;
            Ok(id)
        }
        None => {
            let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
            conn.prepare_cached(&format!(
                "INSERT INTO {table} ({}) VALUES ({})",
                columns.join(", "),
                marks.join(", ")
            ))?
            .execute(rusqlite::params_from_iter(values.iter()))?;
            Ok(conn.last_insert_rowid())
        }
    }
}

/// The `origin` column of a merged record's row: the version's uuid when it is not the row's.
fn origin_of(conn: &Connection, table: &str, row: Option<i64>, uuid: &str) -> Res<Option<String>> {
    let Some(id) = row else {
        return Ok(None);
    };
    let own: String = conn
        .prepare_cached(&format!("SELECT uuid FROM {table} WHERE id = ?1"))?
        .query_row([id], |r| r.get(0))?;
    Ok((own != uuid).then(|| uuid.to_string()))
}

/// Refuses a version that names a record in neither the file nor the journal, whether or not
/// the version is written: a file is checked whole.
pub(crate) fn references(conn: &Connection, body: &Body, at: &Place) -> Res {
    match body {
        Body::Partner(_) => {}
        Body::Checkin(c, feelings) => {
            partner(conn, &at.field("partner_uuid"), &c.partner_uuid)?;
            for (j, f) in feelings.iter().enumerate() {
                partner(
                    conn,
                    &at.field(format!("feelings[{j}].partner_uuid")),
                    &f.partner_uuid,
                )?;
            }
        }
        Body::Feeling(f) => {
            partner(conn, &at.field("partner_uuid"), &f.partner_uuid)?;
        }
        Body::Promise(p) => {
            partner(conn, &at.field("by_uuid"), &p.by_uuid)?;
            partner_opt(conn, &at.field("to_uuid"), p.to_uuid.as_deref())?;
        }
        Body::Outcome(o) => {
            target(
                conn,
                RecordKind::Promise,
                &at.field("promise_uuid"),
                &o.promise_uuid,
            )?;
            partner(conn, &at.field("recorded_by_uuid"), &o.recorded_by_uuid)?;
        }
        Body::Apology(a) => {
            partner(conn, &at.field("by_uuid"), &a.by_uuid)?;
            partner(conn, &at.field("to_uuid"), &a.to_uuid)?;
            promise_link(conn, &at.field("promise_uuid"), a.promise_uuid.as_deref())?;
        }
        Body::Response(r) => {
            let apology = target(
                conn,
                RecordKind::Apology,
                &at.field("apology_uuid"),
                &r.apology_uuid,
            )?;
            let by = partner(conn, &at.field("by_uuid"), &r.by_uuid)?;
            let author: i64 = conn
                .prepare_cached("SELECT by_id FROM apologies WHERE id = ?1")?
                .query_row([apology], |row| row.get(0))?;
            if author == by {
                return Err(refuse(
                    &at.field("by_uuid"),
                    "an apology is answered by the partner it was written to, not by its author",
                ));
            }
        }
        Body::Focus(f) => {
            partner_opt(conn, &at.field("partner_uuid"), f.partner_uuid.as_deref())?;
        }
        Body::Meeting(m) => {
            for (j, part) in m.parts.iter().enumerate() {
                meeting_part(conn, at, j, part)?;
            }
        }
        Body::Exercise(e) => {
            partner(conn, &at.field("partner_uuid"), &e.partner_uuid)?;
            promise_link(conn, &at.field("promise_uuid"), e.promise_uuid.as_deref())?;
        }
        Body::Note(n) => {
            partner(conn, &at.field("partner_uuid"), &n.partner_uuid)?;
        }
    }
    // A partner's may be the other partner, not merged yet (checked once both are).
    if let Some(by) = body
        .changed_by_uuid()
        .filter(|_| body.kind() != RecordKind::Partner)
    {
        partner(conn, &at.field("changed_by_uuid"), by)?;
    }
    Ok(())
}

/// Writes `body` into row `row` (its content, stamp and who changed it; never its uuid), or
/// into a new row under the version's uuid. Returns the row's id.
pub(crate) fn write(conn: &Connection, body: &Body, row: Option<i64>, at: &Place) -> Res<i64> {
    write_with(conn, body, row, at, true)
}

/// Like [`write`], but a check-in's feelings are left for the caller to write one by one
/// with [`feeling_of`] (a merge writes them in the file's order, so ids keep it).
pub(crate) fn write_without_feelings(
    conn: &Connection,
    body: &Body,
    row: Option<i64>,
    at: &Place,
) -> Res<i64> {
    write_with(conn, body, row, at, false)
}

/// Writes one feeling of the check-in `checkin` (its row), as the check-in's version holds it.
pub(crate) fn feeling_of(
    conn: &Connection,
    checkin: i64,
    hlc: &str,
    f: &FeelingRecord,
    at: &Place,
) -> Res<i64> {
    let (partner, by): (i64, Option<i64>) = conn
        .prepare_cached("SELECT partner_id, changed_by FROM checkins WHERE id = ?1")?
        .query_row([checkin], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let owner = partner_opt(conn, &at.field("partner_uuid"), Some(&f.partner_uuid))?;
    if owner != Some(partner) {
        return Err(refuse(
            &at.field("partner_uuid"),
            "this feeling belongs to a check-in by the other partner",
        ));
    }
    write_feeling(conn, f, partner, Some(checkin), hlc, by, None, at)
}

fn write_with(
    conn: &Connection,
    body: &Body,
    row: Option<i64>,
    at: &Place,
    with_feelings: bool,
) -> Res<i64> {
    let by = changed_by(conn, body.changed_by_uuid())?;
    match body {
        Body::Partner(p) => {
            let mut columns = vec![
                "name",
                "role",
                "created_at",
                "updated_at",
                "hlc",
                "changed_by",
            ];
            let mut values: Vec<&dyn rusqlite::ToSql> =
                vec![&p.name, &p.role, &p.created_at, &p.updated_at, &p.hlc, &by];
            if row.is_none() {
                columns.push("uuid");
                values.push(&p.uuid);
            }
            upsert(conn, "partners", &columns, &values, row)
        }
        Body::Checkin(c, feelings) => {
            let partner = partner(conn, &at.field("partner_uuid"), &c.partner_uuid)?;
            day_is_free(conn, at, "checkins", "partner_id", partner, &c.date, row)?;
            let origin = origin_of(conn, "checkins", row, &c.uuid)?;
            let mut columns = vec![
                "partner_id",
                "date",
                "trust",
                "connection",
                "step",
                "prompt_id",
                "answer",
                "appreciation",
                "need",
                "note",
                "created_at",
                "updated_at",
                "hlc",
                "changed_by",
                "origin",
            ];
            let mut values: Vec<&dyn rusqlite::ToSql> = vec![
                &partner,
                &c.date,
                &c.trust,
                &c.connection,
                &c.step,
                &c.prompt_id,
                &c.answer,
                &c.appreciation,
                &c.need,
                &c.note,
                &c.created_at,
                &c.updated_at,
                &c.hlc,
                &by,
                &origin,
            ];
            if row.is_none() {
                columns.push("uuid");
                values.push(&c.uuid);
            }
            let id = upsert(conn, "checkins", &columns, &values, row)?;
            privacy(conn, "checkins", id, &c.privacy)?;
            conn.prepare_cached("DELETE FROM feelings WHERE checkin_id = ?1")?
                .execute([id])?;
            for (j, f) in feelings.iter().enumerate().filter(|_| with_feelings) {
                let here = at.field(format!("feelings[{j}]"));
                if f.partner_uuid != c.partner_uuid {
                    let owner = partner_opt(conn, &here, Some(&f.partner_uuid))?;
                    if owner != Some(partner) {
                        return Err(refuse(
                            &here.field("partner_uuid"),
                            "this feeling belongs to a check-in by the other partner",
                        ));
                    }
                }
                write_feeling(conn, f, partner, Some(id), &c.hlc, by, None, &here)?;
            }
            Ok(id)
        }
        Body::Feeling(f) => {
            let partner = partner(conn, &at.field("partner_uuid"), &f.partner_uuid)?;
            write_feeling(conn, f, partner, None, &f.hlc, by, row, at)
        }
        Body::Promise(p) => {
            let by_id = partner(conn, &at.field("by_uuid"), &p.by_uuid)?;
            let to = partner_opt(conn, &at.field("to_uuid"), p.to_uuid.as_deref())?;
            let mut columns = vec![
                "by_id",
                "to_id",
                "date",
                "text",
                "due",
                "every",
                "status",
                "closed_on",
                "created_at",
                "updated_at",
                "hlc",
                "changed_by",
            ];
            let mut values: Vec<&dyn rusqlite::ToSql> = vec![
                &by_id,
                &to,
                &p.date,
                &p.text,
                &p.due,
                &p.every,
                &p.status,
                &p.closed_on,
                &p.created_at,
                &p.updated_at,
                &p.hlc,
                &by,
            ];
            if row.is_none() {
                columns.push("uuid");
                values.push(&p.uuid);
            }
            upsert(conn, "promises", &columns, &values, row)
        }
        Body::Outcome(o) => {
            let promise = target(
                conn,
                RecordKind::Promise,
                &at.field("promise_uuid"),
                &o.promise_uuid,
            )?;
            let recorder = partner(conn, &at.field("recorded_by_uuid"), &o.recorded_by_uuid)?;
            day_is_free(conn, at, "outcomes", "promise_id", promise, &o.date, row)?;
            let origin = origin_of(conn, "outcomes", row, &o.uuid)?;
            let mut columns = vec![
                "promise_id",
                "date",
                "result",
                "note",
                "recorded_by",
                "created_at",
                "updated_at",
                "hlc",
                "changed_by",
                "origin",
            ];
            let mut values: Vec<&dyn rusqlite::ToSql> = vec![
                &promise,
                &o.date,
                &o.result,
                &o.note,
                &recorder,
                &o.created_at,
                &o.updated_at,
                &o.hlc,
                &by,
                &origin,
            ];
            if row.is_none() {
                columns.push("uuid");
                values.push(&o.uuid);
            }
            upsert(conn, "outcomes", &columns, &values, row)
        }
        Body::Apology(a) => {
            let by_id = partner(conn, &at.field("by_uuid"), &a.by_uuid)?;
            let to = partner(conn, &at.field("to_uuid"), &a.to_uuid)?;
            if by_id == to {
                return Err(refuse(
                    &at.field("to_uuid"),
                    "an apology goes to the other partner, not to the one who wrote it",
                ));
            }
            let promise = promise_link(conn, &at.field("promise_uuid"), a.promise_uuid.as_deref())?;
            let mut columns = vec![
                "by_id",
                "to_id",
                "date",
                "what",
                "impact",
                "responsibility",
                "change",
                "promise_id",
                "withdrawn_on",
                "created_at",
                "updated_at",
                "hlc",
                "changed_by",
            ];
            let mut values: Vec<&dyn rusqlite::ToSql> = vec![
                &by_id,
                &to,
                &a.date,
                &a.what,
                &a.impact,
                &a.responsibility,
                &a.change,
                &promise,
                &a.withdrawn_on,
                &a.created_at,
                &a.updated_at,
                &a.hlc,
                &by,
            ];
            if row.is_none() {
                columns.push("uuid");
                values.push(&a.uuid);
            }
            upsert(conn, "apologies", &columns, &values, row)
        }
        Body::Response(r) => {
            let apology = target(
                conn,
                RecordKind::Apology,
                &at.field("apology_uuid"),
                &r.apology_uuid,
            )?;
            let by_id = partner(conn, &at.field("by_uuid"), &r.by_uuid)?;
            let author: i64 = conn
                .prepare_cached("SELECT by_id FROM apologies WHERE id = ?1")?
                .query_row([apology], |row| row.get(0))?;
            if author == by_id {
                return Err(refuse(
                    &at.field("by_uuid"),
                    "an apology is answered by the partner it was written to, not by its author",
                ));
            }
            let mut columns = vec![
                "apology_id",
                "by_id",
                "date",
                "status",
                "note",
                "created_at",
                "updated_at",
                "hlc",
                "changed_by",
            ];
            let mut values: Vec<&dyn rusqlite::ToSql> = vec![
                &apology,
                &by_id,
                &r.date,
                &r.status,
                &r.note,
                &r.created_at,
                &r.updated_at,
                &r.hlc,
                &by,
            ];
            if row.is_none() {
                columns.push("uuid");
                values.push(&r.uuid);
            }
            upsert(conn, "responses", &columns, &values, row)
        }
        Body::Focus(f) => {
            let partner = partner_opt(conn, &at.field("partner_uuid"), f.partner_uuid.as_deref())?;
            let origin = origin_of(conn, "focus_changes", row, &f.uuid)?;
            let agreed_by = partner_opt(
                conn,
                &at.field("agreed_by_uuid"),
                f.agreed_by_uuid.as_deref(),
            )?;
            let mut columns = vec![
                "step",
                "date",
                "partner_id",
                "start",
                "waiting",
                "agreed_by",
                "created_at",
                "updated_at",
                "hlc",
                "changed_by",
                "origin",
            ];
            let mut values: Vec<&dyn rusqlite::ToSql> = vec![
                &f.step,
                &f.date,
                &partner,
                &f.start,
                &f.waiting,
                &agreed_by,
                &f.created_at,
                &f.updated_at,
                &f.hlc,
                &by,
                &origin,
            ];
            if row.is_none() {
                columns.push("uuid");
                values.push(&f.uuid);
            }
            upsert(conn, "focus_changes", &columns, &values, row)
        }
        Body::Meeting(m) => {
            let mut parts = Vec::with_capacity(m.parts.len());
            for (j, part) in m.parts.iter().enumerate() {
                parts.push(meeting_part(conn, at, j, part)?);
            }
            let mut seen = std::collections::HashSet::new();
            for (j, (partner, _, _)) in parts.iter().enumerate() {
                if !seen.insert(*partner) {
                    return Err(refuse(
                        &at.field(format!("parts[{j}].partner_uuid")),
                        "a partner appears twice in one meeting",
                    ));
                }
            }
            let mut columns = vec![
                "date",
                "went_well",
                "work_on",
                "created_at",
                "updated_at",
                "hlc",
                "changed_by",
            ];
            let mut values: Vec<&dyn rusqlite::ToSql> = vec![
                &m.date,
                &m.went_well,
                &m.work_on,
                &m.created_at,
                &m.updated_at,
                &m.hlc,
                &by,
            ];
            if row.is_none() {
                columns.push("uuid");
                values.push(&m.uuid);
            }
            let id = upsert(conn, "meetings", &columns, &values, row)?;
            conn.prepare_cached("DELETE FROM meeting_partners WHERE meeting_id = ?1")?
                .execute([id])?;
            for ((partner, part, promise), _) in parts.into_iter().zip(&m.parts) {
                conn.prepare_cached(
                    "INSERT INTO meeting_partners (meeting_id, partner_id, appreciation, request,
                     promise_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![
                    id,
                    partner,
                    part.appreciation,
                    part.request,
                    promise
                ])?;
            }
            Ok(id)
        }
        Body::Exercise(e) => {
            let partner = partner(conn, &at.field("partner_uuid"), &e.partner_uuid)?;
            let promise = promise_link(conn, &at.field("promise_uuid"), e.promise_uuid.as_deref())?;
            let mut columns = vec![
                "type",
                "partner_id",
                "date",
                "what",
                "felt",
                "view",
                "triggers",
                "own_part",
                "plan",
                "helps",
                "repair",
                "promise_id",
                "created_at",
                "updated_at",
                "hlc",
                "changed_by",
            ];
            let mut values: Vec<&dyn rusqlite::ToSql> = vec![
                &e.exercise,
                &partner,
                &e.date,
                &e.what,
                &e.felt,
                &e.view,
                &e.triggers,
                &e.own_part,
                &e.plan,
                &e.helps,
                &e.repair,
                &promise,
                &e.created_at,
                &e.updated_at,
                &e.hlc,
                &by,
            ];
            if row.is_none() {
                columns.push("uuid");
                values.push(&e.uuid);
            }
            upsert(conn, "exercises", &columns, &values, row)
        }
        Body::Note(n) => {
            use base64::Engine as _;
            let partner = partner(conn, &at.field("partner_uuid"), &n.partner_uuid)?;
            let ciphertext = match &n.ciphertext {
                Some(c) => Some(
                    base64::engine::general_purpose::STANDARD
                        .decode(c)
                        .map_err(|_| {
                            refuse(
                                &at.field("ciphertext"),
                                "is not base64 (standard alphabet, with padding)",
                            )
                        })?,
                ),
                None => None,
            };
            let text = if n.private { None } else { n.text.clone() };
            let mut columns = vec![
                "partner_id",
                "date",
                "text",
                "private",
                "ciphertext",
                "revealed_on",
                "created_at",
                "updated_at",
                "hlc",
                "changed_by",
            ];
            let mut values: Vec<&dyn rusqlite::ToSql> = vec![
                &partner,
                &n.date,
                &text,
                &n.private,
                &ciphertext,
                &n.revealed_on,
                &n.created_at,
                &n.updated_at,
                &n.hlc,
                &by,
            ];
            if row.is_none() {
                columns.push("uuid");
                values.push(&n.uuid);
            }
            upsert(conn, "notes", &columns, &values, row)
        }
    }
}

fn meeting_part<'a>(
    conn: &Connection,
    at: &Place,
    j: usize,
    part: &'a MeetingPart,
) -> Res<(i64, &'a MeetingPart, Option<i64>)> {
    let here = |field: &str| at.field(format!("parts[{j}].{field}"));
    let partner = partner(conn, &here("partner_uuid"), &part.partner_uuid)?;
    let promise = promise_link(conn, &here("promise_uuid"), part.promise_uuid.as_deref())?;
    Ok((partner, part, promise))
}

#[allow(clippy::too_many_arguments)]
fn write_feeling(
    conn: &Connection,
    f: &FeelingRecord,
    partner: i64,
    checkin: Option<i64>,
    hlc: &str,
    by: Option<i64>,
    row: Option<i64>,
    at: &Place,
) -> Res<i64> {
    // A feeling's uuid is its own: one held by another record cannot be taken over.
    let holder: Option<(i64, Option<i64>)> = conn
        .prepare_cached("SELECT id, checkin_id FROM feelings WHERE uuid = ?1")?
        .query_row([&f.uuid], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((id, _)) = holder
        && Some(id) != row
    {
        return Err(refuse(
            &at.field("uuid"),
            format!("{} is the uuid of another feeling in the journal", f.uuid),
        ));
    }
    // A private feeling: its ciphertext, or an empty one for a stub that came without it.
    let private: Option<Vec<u8>> = match (f.private, &f.ciphertext) {
        (false, _) => None,
        (true, None) => Some(Vec::new()),
        (true, Some(c)) => {
            use base64::Engine as _;
            Some(
                base64::engine::general_purpose::STANDARD
                    .decode(c)
                    .map_err(|_| {
                        refuse(
                            &at.field("ciphertext"),
                            "is not base64 (standard alphabet, with padding)",
                        )
                    })?,
            )
        }
    };
    let (word, intensity, note) = if f.private {
        (crate::domain::private::HIDDEN_WORD.to_string(), None, None)
    } else {
        (f.word.clone(), f.intensity, f.note.clone())
    };
    let mut columns = vec![
        "partner_id",
        "checkin_id",
        "date",
        "word",
        "intensity",
        "note",
        "private",
        "revealed_on",
        "created_at",
        "updated_at",
        "hlc",
        "changed_by",
    ];
    let mut values: Vec<&dyn rusqlite::ToSql> = vec![
        &partner,
        &checkin,
        &f.date,
        &word,
        &intensity,
        &note,
        &private,
        &f.revealed_on,
        &f.created_at,
        &f.updated_at,
        &hlc,
        &by,
    ];
    if row.is_none() {
        columns.push("uuid");
        values.push(&f.uuid);
    }
    upsert(conn, "feelings", &columns, &values, row)
}

/// Refuses a record that would land on a day already taken by another record of the same
/// partner (a check-in) or promise (an outcome), which only a file that moved one to another
/// day can cause.
fn day_is_free(
    conn: &Connection,
    at: &Place,
    table: &str,
    owner: &str,
    owner_id: i64,
    date: &str,
    row: Option<i64>,
) -> Res {
    let taken: Option<i64> = conn
        .prepare_cached(&format!(
            "SELECT id FROM {table} WHERE {owner} = ?1 AND date = ?2"
        ))?
        .query_row(params![owner_id, date], |r| r.get(0))
        .optional()?;
    match taken {
        Some(id) if Some(id) != row => {
            let what = if table == "checkins" {
                "check-in by this partner"
            } else {
                "outcome of this promise"
            };
            Err(refuse(
                at,
                format!(
                    "the journal already has another {what} on {date}, one that this file also lists under another day"
                ),
            ))
        }
        _ => Ok(()),
    }
}
