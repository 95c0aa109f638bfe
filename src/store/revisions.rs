//! What a record was before, and that it was deleted: revisions, tombstones, withdrawals,
//! the uuids of merged records, and this journal's own log of changes (for `undo`).
//!
//! Every change goes through here: [`supersede`] keeps a record's current version as a
//! revision before it is replaced and logs the change, [`delete`] leaves a tombstone and
//! nothing of the content, [`withdraw`] takes back earlier words. Revisions are a set keyed
//! by (kind, record uuid, stamp, origin uuid): the same version arriving twice is one
//! revision, and the record's row is always its greatest version.

use rusqlite::{Connection, OptionalExtension as _, params};

use super::clock::Stamp;
use super::exchange::read;
use crate::domain::exchange::{Body, withdraw_fields};
use crate::domain::kind::RecordKind;

/// What a logged change did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Add,
    Edit,
    Delete,
    Withdraw,
    Undo,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Add => "add",
            Action::Edit => "edit",
            Action::Delete => "delete",
            Action::Withdraw => "withdraw",
            Action::Undo => "undo",
        }
    }

    fn parse(text: &str) -> Action {
        match text {
            "add" => Action::Add,
            "delete" => Action::Delete,
            "withdraw" => Action::Withdraw,
            "undo" => Action::Undo,
            _ => Action::Edit,
        }
    }
}

/// The table a kind of record lives in.
fn table(kind: RecordKind) -> &'static str {
    super::inspect::table(kind)
}

/// Records a change made here, for `undo` (device-local; never exported).
pub fn log(
    conn: &Connection,
    stamp: &Stamp,
    kind: RecordKind,
    uuid: &str,
    action: Action,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO changes (hlc, partner_id, kind, uuid, action, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        stamp.text(),
        stamp.by,
        kind.as_str(),
        uuid,
        action.as_str(),
        stamp.at
    ])?;
    Ok(())
}

/// The partner a local uuid belongs to, for the `by` of a revision read from a body.
fn partner_id(conn: &Connection, uuid: Option<&str>) -> rusqlite::Result<Option<i64>> {
    match uuid {
        Some(uuid) => read::id_of(conn, RecordKind::Partner, uuid),
        None => Ok(None),
    }
}

/// Keeps `body` as a revision of the record `record_uuid`. The same version kept twice is
/// one revision; when the two copies differ (one had words taken back, or a clone of a
/// journal wrote two versions with one stamp), the copy with more taken back wins, then the
/// greater text, so every journal keeps the same one. A private record's earlier versions
/// keep the stub of its words, never their ciphertext (only the current version holds them).
pub fn keep(
    conn: &Connection,
    record_uuid: &str,
    body: &Body,
    withdrawn: &[String],
) -> rusqlite::Result<()> {
    keep_text(conn, record_uuid, body, &body.to_json(), withdrawn)
}

/// [`keep`] with the version's JSON given: a private check-in's version carries its words'
/// ciphertext beside the fields its record has.
fn keep_text(
    conn: &Connection,
    record_uuid: &str,
    body: &Body,
    text: &str,
    withdrawn: &[String],
) -> rusqlite::Result<()> {
    let by = partner_id(conn, body.changed_by_uuid())?;
    let withdrawn = serde_json::to_string(withdrawn).unwrap_or_else(|_| "[]".into());
    conn.prepare_cached(
        "INSERT INTO revisions (kind, uuid, hlc, origin, by_id, at, body, withdrawn)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (kind, uuid, hlc, origin) DO UPDATE SET
             body = excluded.body, withdrawn = excluded.withdrawn, by_id = excluded.by_id
         WHERE json_array_length(excluded.withdrawn) > json_array_length(withdrawn)
            OR (json_array_length(excluded.withdrawn) = json_array_length(withdrawn)
                AND excluded.body > body
                -- A private version's words beat its stub (which travelled without them).
                AND (json_extract(excluded.body, '$.ciphertext') IS NOT NULL
                     OR json_extract(body, '$.ciphertext') IS NULL))",
    )?
    .execute(params![
        body.kind().as_str(),
        record_uuid,
        body.hlc(),
        body.uuid(),
        by,
        body.updated_at(),
        text,
        withdrawn
    ])?;
    Ok(())
}

/// A check-in's version as a revision keeps it: with its private words, when it has any, as
/// `"private": true` and `"ciphertext"` (base64, as the export writes them), so an earlier
/// version of private words is kept encrypted, never in the clear and never lost.
fn version_text(
    conn: &Connection,
    kind: RecordKind,
    id: i64,
    body: &Body,
) -> rusqlite::Result<String> {
    if kind != RecordKind::Checkin {
        return Ok(body.to_json());
    }
    let private: Option<Vec<u8>> = conn
        .prepare_cached("SELECT private FROM checkins WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?;
    let mut value = body.to_value();
    // Empty bytes are a stub (the words are on another device): no ciphertext to keep.
    let private = private.filter(|bytes| !bytes.is_empty());
    if let (Some(ciphertext), Some(object)) = (private, value.as_object_mut()) {
        use base64::Engine as _;
        object.insert("private".into(), serde_json::Value::Bool(true));
        object.insert(
            "ciphertext".into(),
            serde_json::Value::String(base64::engine::general_purpose::STANDARD.encode(ciphertext)),
        );
    }
    Ok(value.to_string())
}

/// One earlier version of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    pub hlc: String,
    pub origin: String,
    pub by: Option<i64>,
    pub at: String,
    pub body: Body,
    pub withdrawn: Vec<String>,
    /// A check-in version's private words, as the ciphertext kept beside its fields.
    pub private_words: Option<Vec<u8>>,
}

/// A record's revisions, oldest first.
pub fn of(conn: &Connection, kind: RecordKind, uuid: &str) -> rusqlite::Result<Vec<Revision>> {
    let mut stmt = conn.prepare_cached(
        "SELECT hlc, origin, by_id, at, body, withdrawn FROM revisions
         WHERE kind = ?1 AND uuid = ?2 ORDER BY hlc, origin",
    )?;
    let rows = stmt.query_map(params![kind.as_str(), uuid], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<i64>>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (hlc, origin, by, at, body, withdrawn) = row?;
        // A body this program cannot read (damage, or a newer rekindle) is left out.
        let private_words = match kind {
            RecordKind::Checkin => serde_json::from_str::<serde_json::Value>(&body)
                .ok()
                .and_then(|v| {
                    v.get("ciphertext")
                        .and_then(|c| c.as_str())
                        .map(str::to_string)
                })
                .and_then(|c| {
                    use base64::Engine as _;
                    base64::engine::general_purpose::STANDARD.decode(c).ok()
                }),
            _ => None,
        };
        if let Ok(body) = Body::from_json(kind, &body) {
            out.push(Revision {
                hlc,
                origin,
                by,
                at,
                body,
                withdrawn: serde_json::from_str(&withdrawn).unwrap_or_default(),
                private_words,
            });
        }
    }
    Ok(out)
}

/// Whether a record was edited, which the timeline marks "(edited)": it has earlier versions,
/// other than the private one that sharing its words (`reveal`) replaced.
pub fn edited(conn: &Connection, kind: RecordKind, uuid: &str) -> rusqlite::Result<bool> {
    let count: i64 = conn
        .prepare_cached("SELECT count(*) FROM revisions WHERE kind = ?1 AND uuid = ?2")?
        .query_row(params![kind.as_str(), uuid], |r| r.get(0))?;
    let may_hold_private = matches!(
        kind,
        RecordKind::Checkin | RecordKind::Feeling | RecordKind::Note
    );
    if count == 0 || !may_hold_private {
        return Ok(count > 0);
    }
    let earlier = of(conn, kind, uuid)?;
    let current = match read::id_of(conn, kind, uuid)? {
        Some(id) => read::body(conn, kind, id)?,
        None => None,
    };
    // A version this program cannot read leaves the question open: edited, to be safe.
    let (Some(current), true) = (current, earlier.len() as i64 == count) else {
        return Ok(true);
    };
    let versions: Vec<&Body> = earlier.iter().map(|r| &r.body).chain([&current]).collect();
    Ok(crate::domain::exchange::edited(&versions))
}

/// Before record `id` changes: its current version becomes a revision (unless this change
/// already wrote it), and the change is logged. Returns the version it had.
pub fn supersede(
    conn: &Connection,
    stamp: &Stamp,
    kind: RecordKind,
    id: i64,
    action: Action,
) -> rusqlite::Result<Body> {
    let body = read::body(conn, kind, id)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
    let uuid = uuid_of(conn, kind, id)?;
    if body.hlc() != stamp.text() {
        if kind != RecordKind::Partner {
            let text = version_text(conn, kind, id, &body)?;
            keep_text(conn, &uuid, &body, &text, &[])?;
        }
        log(conn, stamp, kind, &uuid, action)?;
    }
    Ok(body)
}

/// The uuid of record `id`.
pub fn uuid_of(conn: &Connection, kind: RecordKind, id: i64) -> rusqlite::Result<String> {
    conn.prepare_cached(&format!("SELECT uuid FROM {} WHERE id = ?1", table(kind)))?
        .query_row([id], |r| r.get(0))
}

/// Sets a changed record's stamp and who changed it (its content was written by the caller,
/// under the record's own uuid).
pub fn stamp_row(
    conn: &Connection,
    stamp: &Stamp,
    kind: RecordKind,
    id: i64,
) -> rusqlite::Result<()> {
    let origin = match kind {
        RecordKind::Checkin | RecordKind::Outcome | RecordKind::Focus => ", origin = NULL",
        _ => "",
    };
    conn.prepare_cached(&format!(
        "UPDATE {} SET hlc = ?2, changed_by = ?3, updated_at = ?4{origin} WHERE id = ?1",
        table(kind)
    ))?
    .execute(params![id, stamp.text(), stamp.by, stamp.at])?;
    if kind == RecordKind::Checkin {
        conn.prepare_cached("UPDATE feelings SET hlc = ?2, changed_by = ?3 WHERE checkin_id = ?1")?
            .execute(params![id, stamp.text(), stamp.by])?;
    }
    Ok(())
}

/// A record's other uuids: those of versions two journals wrote under two uuids and that
/// were merged into it.
pub fn aliases(conn: &Connection, kind: RecordKind, uuid: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn
        .prepare_cached("SELECT alias FROM aliases WHERE kind = ?1 AND uuid = ?2 ORDER BY alias")?;
    stmt.query_map(params![kind.as_str(), uuid], |r| r.get(0))?
        .collect()
}

/// The record a uuid names, through its aliases.
pub fn resolve_alias(
    conn: &Connection,
    kind: RecordKind,
    uuid: &str,
) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached("SELECT uuid FROM aliases WHERE kind = ?1 AND alias = ?2")?
        .query_row(params![kind.as_str(), uuid], |r| r.get(0))
        .optional()
}

/// Whether a uuid of `kind` was deleted.
pub fn is_deleted(conn: &Connection, kind: RecordKind, uuid: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM tombstones WHERE kind = ?1 AND uuid = ?2)")?
        .query_row(params![kind.as_str(), uuid], |r| r.get(0))
}

/// A tombstone to write.
#[derive(Debug, Clone)]
pub struct Tombstone<'a> {
    pub kind: RecordKind,
    pub uuid: &'a str,
    pub hlc: &'a str,
    pub by: Option<i64>,
    pub author: Option<i64>,
    pub date: &'a str,
    pub deleted_on: &'a str,
    pub at: &'a str,
    pub shown: bool,
}

/// Writes a tombstone; when the record already has one, the earlier delete is kept (so
/// every journal keeps the same one).
pub fn bury(conn: &Connection, t: &Tombstone<'_>) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO tombstones (kind, uuid, hlc, by_id, author_id, date, deleted_on, at, shown)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (kind, uuid) DO UPDATE SET
             hlc = excluded.hlc, by_id = excluded.by_id, author_id = excluded.author_id,
             date = excluded.date, deleted_on = excluded.deleted_on, at = excluded.at,
             shown = excluded.shown
         WHERE excluded.hlc < hlc",
    )?
    .execute(params![
        t.kind.as_str(),
        t.uuid,
        t.hlc,
        t.by,
        t.author,
        t.date,
        t.deleted_on,
        t.at,
        t.shown
    ])?;
    Ok(())
}

/// Who a record belongs to: who checked in, felt, promised, recorded an outcome, apologised,
/// answered, or moved the focus; `None` for a meeting (both) and a focus set by nobody.
pub fn author(conn: &Connection, kind: RecordKind, id: i64) -> rusqlite::Result<Option<i64>> {
    let column = match kind {
        RecordKind::Checkin
        | RecordKind::Feeling
        | RecordKind::Focus
        | RecordKind::Exercise
        | RecordKind::Note => "partner_id",
        RecordKind::Promise | RecordKind::Apology | RecordKind::Response => "by_id",
        RecordKind::Outcome => "recorded_by",
        RecordKind::Partner => "id",
        RecordKind::Meeting => return Ok(None),
    };
    conn.prepare_cached(&format!(
        "SELECT {column} FROM {} WHERE id = ?1",
        table(kind)
    ))?
    .query_row([id], |r| r.get(0))
    .optional()
    .map(Option::flatten)
}

/// Removes record `id` and what cannot be without it: a check-in's feelings, a meeting's
/// parts, a promise's outcomes, an apology's answers, with their revisions; and the links
/// to a removed promise from apologies and meetings. The search index follows (triggers).
pub fn remove(conn: &Connection, kind: RecordKind, id: i64) -> rusqlite::Result<()> {
    let uuid = uuid_of(conn, kind, id)?;
    match kind {
        RecordKind::Promise => {
            let outcomes: Vec<(i64, String)> = conn
                .prepare("SELECT id, uuid FROM outcomes WHERE promise_id = ?1")?
                .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for (outcome, outcome_uuid) in outcomes {
                forget_versions(conn, RecordKind::Outcome, &outcome_uuid)?;
                conn.execute("DELETE FROM outcomes WHERE id = ?1", [outcome])?;
            }
            conn.execute(
                "UPDATE apologies SET promise_id = NULL WHERE promise_id = ?1",
                [id],
            )?;
            conn.execute(
                "UPDATE meeting_partners SET promise_id = NULL WHERE promise_id = ?1",
                [id],
            )?;
            conn.execute(
                "UPDATE exercises SET promise_id = NULL WHERE promise_id = ?1",
                [id],
            )?;
        }
        RecordKind::Apology => {
            let responses: Vec<(i64, String)> = conn
                .prepare("SELECT id, uuid FROM responses WHERE apology_id = ?1")?
                .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for (response, response_uuid) in responses {
                forget_versions(conn, RecordKind::Response, &response_uuid)?;
                conn.execute("DELETE FROM responses WHERE id = ?1", [response])?;
            }
        }
        _ => {}
    }
    forget_versions(conn, kind, &uuid)?;
    // A check-in's feelings and a meeting's parts go with it (ON DELETE CASCADE).
    conn.execute(&format!("DELETE FROM {} WHERE id = ?1", table(kind)), [id])?;
    Ok(())
}

/// Removes a record's revisions and the aliases that point at it.
fn forget_versions(conn: &Connection, kind: RecordKind, uuid: &str) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM revisions WHERE kind = ?1 AND uuid = ?2",
        params![kind.as_str(), uuid],
    )?;
    conn.execute(
        "DELETE FROM aliases WHERE kind = ?1 AND uuid = ?2",
        params![kind.as_str(), uuid],
    )?;
    Ok(())
}

/// Deletes record `id` for good: a tombstone for it (and one, not shown, for each other uuid
/// it was merged from), then its content, its revisions and what cannot be without it. The
/// change is logged as `action` (a delete, or an undo of an add). Returns the version it
/// had, for saying what was deleted.
pub fn delete(
    conn: &Connection,
    stamp: &Stamp,
    kind: RecordKind,
    id: i64,
    deleted_on: chrono::NaiveDate,
    action: Action,
) -> rusqlite::Result<Body> {
    let body = read::body(conn, kind, id)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
    let uuid = uuid_of(conn, kind, id)?;
    let author = author(conn, kind, id)?;
    let date = body.date().unwrap_or_default().to_string();
    let deleted_on = deleted_on.to_string();
    let mut others: Vec<String> = aliases(conn, kind, &uuid)?;
    others.extend(of(conn, kind, &uuid)?.into_iter().map(|r| r.origin));
    others.push(body.uuid().to_string());
    others.sort();
    others.dedup();
    others.retain(|u| *u != uuid);
    let hlc = stamp.text();
    for (other, shown) in std::iter::once((&uuid, true)).chain(others.iter().map(|u| (u, false))) {
        bury(
            conn,
            &Tombstone {
                kind,
                uuid: other,
                hlc: &hlc,
                by: stamp.by,
                author,
                date: &date,
                deleted_on: &deleted_on,
                at: &stamp.at,
                shown,
            },
        )?;
    }
    remove(conn, kind, id)?;
    log(conn, stamp, kind, &uuid, action)?;
    Ok(body)
}

/// Takes back the earlier words of `fields` of a record (`edit --forget-previous`): in every
/// revision older than this change, and in any that arrives later.
pub fn withdraw(
    conn: &Connection,
    stamp: &Stamp,
    kind: RecordKind,
    uuid: &str,
    fields: &[String],
) -> rusqlite::Result<()> {
    for field in fields {
        conn.prepare_cached(
            "INSERT OR IGNORE INTO withdrawals (kind, uuid, field, hlc, by_id, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            kind.as_str(),
            uuid,
            field,
            stamp.text(),
            stamp.by,
            stamp.at
        ])?;
    }
    apply_withdrawals(conn, kind, uuid)
}

/// Applies every withdrawal of a record (under any of its uuids) to its revisions.
pub fn apply_withdrawals(conn: &Connection, kind: RecordKind, uuid: &str) -> rusqlite::Result<()> {
    let mut names = aliases(conn, kind, uuid)?;
    names.push(uuid.to_string());
    let mut withdrawals: Vec<(String, String)> = Vec::new();
    for name in &names {
        let mut stmt = conn
            .prepare_cached("SELECT field, hlc FROM withdrawals WHERE kind = ?1 AND uuid = ?2")?;
        for row in stmt.query_map(params![kind.as_str(), name], |r| Ok((r.get(0)?, r.get(1)?)))? {
            withdrawals.push(row?);
        }
    }
    if withdrawals.is_empty() {
        return Ok(());
    }
    let revisions: Vec<(String, String, String, String)> = conn
        .prepare_cached(
            "SELECT hlc, origin, body, withdrawn FROM revisions WHERE kind = ?1 AND uuid = ?2",
        )?
        .query_map(params![kind.as_str(), uuid], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (hlc, origin, body, withdrawn_text) in revisions {
        let fields: Vec<String> = withdrawals
            .iter()
            .filter(|(_, w)| *w > hlc)
            .map(|(f, _)| f.clone())
            .collect();
        let mut withdrawn: Vec<String> = serde_json::from_str(&withdrawn_text).unwrap_or_default();
        let before = withdrawn.len();
        for field in &fields {
            if !withdrawn.contains(field) {
                withdrawn.push(field.clone());
            }
        }
        withdrawn.sort();
        let Ok(mut value) = serde_json::from_str::<serde_json::Value>(&body) else {
            continue;
        };
        let took = withdraw_fields(&mut value, &fields);
        if took || withdrawn.len() != before {
            conn.prepare_cached(
                "UPDATE revisions SET body = ?5, withdrawn = ?6
                 WHERE kind = ?1 AND uuid = ?2 AND hlc = ?3 AND origin = ?4",
            )?
            .execute(params![
                kind.as_str(),
                uuid,
                hlc,
                origin,
                value.to_string(),
                serde_json::to_string(&withdrawn).unwrap_or_else(|_| "[]".into())
            ])?;
        }
    }
    Ok(())
}

/// One of this journal's own logged changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: i64,
    pub hlc: String,
    pub kind: RecordKind,
    pub uuid: String,
    pub action: Action,
    pub at: String,
    pub undone: bool,
}

/// A partner's logged changes made at or after `since` (wall clock), newest first.
pub fn changes_since(
    conn: &Connection,
    partner: i64,
    since: &str,
) -> rusqlite::Result<Vec<Change>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, hlc, kind, uuid, action, at, undone FROM changes
         WHERE partner_id = ?1 AND at >= ?2 ORDER BY hlc DESC, id DESC",
    )?;
    let rows = stmt.query_map(params![partner, since], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, bool>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, hlc, kind, uuid, action, at, undone) = row?;
        if let Some(kind) = RecordKind::ALL.into_iter().find(|k| k.as_str() == kind) {
            out.push(Change {
                id,
                hlc,
                kind,
                uuid,
                action: Action::parse(&action),
                at,
                undone,
            });
        }
    }
    Ok(out)
}

/// The changes logged for one record, newest first.
pub fn changes_of(
    conn: &Connection,
    kind: RecordKind,
    uuid: &str,
) -> rusqlite::Result<Vec<Change>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, hlc, action, at, undone FROM changes
         WHERE kind = ?1 AND uuid = ?2 ORDER BY hlc DESC, id DESC",
    )?;
    let rows = stmt.query_map(params![kind.as_str(), uuid], |r| {
        Ok(Change {
            id: r.get(0)?,
            hlc: r.get(1)?,
            kind,
            uuid: uuid.to_string(),
            action: Action::parse(&r.get::<_, String>(2)?),
            at: r.get(3)?,
            undone: r.get(4)?,
        })
    })?;
    rows.collect()
}

/// Marks a logged change as undone.
pub fn mark_undone(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    conn.execute("UPDATE changes SET undone = 1 WHERE id = ?1", [id])?;
    Ok(())
}

/// Changes the uuid of a merged record (to the smaller of its uuids), with its revisions and
/// the aliases that point at it, and keeps the old one as an alias.
pub fn rekey(conn: &Connection, kind: RecordKind, old: &str, new: &str) -> rusqlite::Result<()> {
    if old == new {
        return Ok(());
    }
    let k = kind.as_str();
    // The version the row holds keeps the uuid it was written under.
    let origin = if matches!(
        kind,
        RecordKind::Checkin | RecordKind::Outcome | RecordKind::Focus
    ) {
        "origin = coalesce(origin, uuid), "
    } else {
        ""
    };
    conn.execute(
        &format!(
            "UPDATE {} SET {origin}uuid = ?2 WHERE uuid = ?1",
            table(kind)
        ),
        params![old, new],
    )?;
    if !origin.is_empty() {
        // A row whose version was written under its own (new) uuid needs no origin.
        conn.execute(
            &format!(
                "UPDATE {} SET origin = NULL WHERE uuid = ?1 AND origin = ?1",
                table(kind)
            ),
            [new],
        )?;
    }
    conn.execute(
        "UPDATE revisions SET uuid = ?3 WHERE kind = ?1 AND uuid = ?2",
        params![k, old, new],
    )?;
    conn.execute(
        "UPDATE aliases SET uuid = ?3 WHERE kind = ?1 AND uuid = ?2",
        params![k, old, new],
    )?;
    conn.execute(
        "DELETE FROM aliases WHERE kind = ?1 AND alias = ?2",
        params![k, new],
    )?;
    alias(conn, kind, old, new)?;
    conn.execute(
        "UPDATE changes SET uuid = ?3 WHERE kind = ?1 AND uuid = ?2",
        params![k, old, new],
    )?;
    Ok(())
}

/// Records that `alias` is another uuid of the record `uuid`.
pub fn alias(conn: &Connection, kind: RecordKind, alias: &str, uuid: &str) -> rusqlite::Result<()> {
    if alias == uuid {
        return Ok(());
    }
    conn.prepare_cached(
        "INSERT INTO aliases (kind, alias, uuid) VALUES (?1, ?2, ?3)
         ON CONFLICT (kind, alias) DO UPDATE SET uuid = excluded.uuid
         WHERE uuid != excluded.uuid",
    )?
    .execute(params![kind.as_str(), alias, uuid])?;
    Ok(())
}
