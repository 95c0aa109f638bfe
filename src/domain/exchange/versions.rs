//! Checking what version 2 of the format adds (stamps, who changed each record, tombstones,
//! revisions, withdrawals), and giving a version 1 file what it lacks: the same stamps a
//! journal's migration to schema 2 gives the same records, so a version 1 export of a journal
//! and that journal upgraded meet as equals.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::check::{date_value, optional_reference, reference, timestamp_value};
use super::{Body, Document, Place, Problem, withdrawable};
use crate::domain::hlc::{self, Hlc, MAX_AHEAD_MS};
use crate::domain::kind::RecordKind;
use crate::domain::model::Step;

/// Runs after the records themselves were checked and made canonical.
pub(super) fn check(doc: &mut Document, now: &DateTime<Utc>) -> Result<(), Problem> {
    let now_ms = hlc::millis(now);
    if doc.version < 2 {
        derive_version_1(doc);
        return within_window(doc, now_ms);
    }
    stamps(doc)?;
    within_window(doc, now_ms)?;
    tombstones(doc)?;
    revisions(doc)?;
    withdrawals(doc)?;
    partner_keys(doc)?;
    passphrase_events(doc)?;
    Ok(())
}

/// What a version 1 file lacks, computed as migration 2 computes it for a journal: each
/// record stamped from its `updated_at` on the legacy device, changed by its author; a
/// check-in's feelings carrying its stamp; the earliest focus change, when it is the first
/// step set by nobody, the journal's start. Version 1 has no tombstones, revisions or
/// withdrawals, so any such lists are left out.
fn derive_version_1(doc: &mut Document) {
    fn legacy(updated_at: &str) -> String {
        DateTime::parse_from_rfc3339(updated_at)
            .map(|t| Hlc::legacy(&t.with_timezone(&Utc)).encode())
            .unwrap_or_default()
    }
    for p in &mut doc.partners {
        p.hlc = legacy(&p.updated_at);
        p.changed_by_uuid = None;
    }
    let mut checkin_stamps = HashMap::new();
    for c in &mut doc.checkins {
        c.hlc = legacy(&c.updated_at);
        c.changed_by_uuid = Some(c.partner_uuid.clone());
        checkin_stamps.insert(c.uuid.clone(), c.hlc.clone());
    }
    for f in &mut doc.feelings {
        f.changed_by_uuid = Some(f.partner_uuid.clone());
        f.hlc = match f.checkin_uuid.as_ref().and_then(|c| checkin_stamps.get(c)) {
            Some(stamp) => stamp.clone(),
            None => legacy(&f.updated_at),
        };
    }
    for p in &mut doc.promises {
        p.hlc = legacy(&p.updated_at);
        p.changed_by_uuid = Some(p.by_uuid.clone());
    }
    for o in &mut doc.outcomes {
        o.hlc = legacy(&o.updated_at);
        o.changed_by_uuid = Some(o.recorded_by_uuid.clone());
    }
    for a in &mut doc.apologies {
        a.hlc = legacy(&a.updated_at);
        a.changed_by_uuid = Some(a.by_uuid.clone());
        a.withdrawn_on = None;
    }
    for r in &mut doc.responses {
        r.hlc = legacy(&r.updated_at);
        r.changed_by_uuid = Some(r.by_uuid.clone());
    }
    for f in &mut doc.focus {
        f.hlc = legacy(&f.updated_at);
        f.changed_by_uuid = f.partner_uuid.clone();
        f.start = false;
    }
    let first = doc
        .focus
        .iter()
        .enumerate()
        .min_by(|(_, a), (_, b)| (&a.date, &a.created_at).cmp(&(&b.date, &b.created_at)))
        .map(|(i, _)| i);
    if let Some(first) = first {
        let f = &mut doc.focus[first];
        f.start = f.partner_uuid.is_none() && f.step == Step::Responsibility.id();
    }
    for m in &mut doc.meetings {
        m.hlc = legacy(&m.updated_at);
        m.changed_by_uuid = None;
    }
    for e in &mut doc.exercises {
        e.hlc = legacy(&e.updated_at);
        e.changed_by_uuid = Some(e.partner_uuid.clone());
    }
    for n in &mut doc.notes {
        n.hlc = legacy(&n.updated_at);
        n.changed_by_uuid = Some(n.partner_uuid.clone());
    }
    doc.tombstones.clear();
    doc.revisions.clear();
    doc.withdrawals.clear();
    doc.partner_keys.clear();
    doc.passphrase_events.clear();
    for c in &mut doc.checkins {
        c.privacy = Default::default();
    }
}

fn stamp(at: &Place, text: &mut String) -> Result<Hlc, Problem> {
    let parsed: Hlc = text
        .trim()
        .parse()
        .map_err(|e: String| Problem::at(at, e))?;
    *text = parsed.encode();
    Ok(parsed)
}

/// Every record's stamp is well formed, and who changed it is a uuid.
fn stamps(doc: &mut Document) -> Result<(), Problem> {
    macro_rules! list {
        ($kind:expr, $list:expr) => {
            for (i, r) in $list.iter_mut().enumerate() {
                let at = Place::new($kind, i);
                stamp(&at.field("hlc"), &mut r.hlc)?;
                optional_reference(&at.field("changed_by_uuid"), &mut r.changed_by_uuid)?;
            }
        };
    }
    list!(RecordKind::Partner, doc.partners);
    list!(RecordKind::Checkin, doc.checkins);
    list!(RecordKind::Feeling, doc.feelings);
    list!(RecordKind::Promise, doc.promises);
    list!(RecordKind::Outcome, doc.outcomes);
    list!(RecordKind::Apology, doc.apologies);
    list!(RecordKind::Response, doc.responses);
    list!(RecordKind::Focus, doc.focus);
    list!(RecordKind::Meeting, doc.meetings);
    list!(RecordKind::Exercise, doc.exercises);
    list!(RecordKind::Note, doc.notes);
    for (i, a) in doc.apologies.iter().enumerate() {
        if let Some(day) = &a.withdrawn_on {
            date_value(
                &Place::new(RecordKind::Apology, i).field("withdrawn_on"),
                day,
            )?;
        }
    }
    // A check-in's feelings are part of its version: they carry its stamp.
    let checkins: HashMap<&str, (&str, Option<&String>)> = doc
        .checkins
        .iter()
        .map(|c| {
            (
                c.uuid.as_str(),
                (c.hlc.as_str(), c.changed_by_uuid.as_ref()),
            )
        })
        .collect();
    for f in &mut doc.feelings {
        if let Some((hlc, by)) = f.checkin_uuid.as_deref().and_then(|c| checkins.get(c)) {
            f.hlc = hlc.to_string();
            f.changed_by_uuid = by.cloned();
        }
    }
    Ok(())
}

/// Every stamp in the file, with where it is.
fn all_stamps(doc: &Document) -> Vec<(Place, &str)> {
    let field = if doc.version < 2 { "updated_at" } else { "hlc" };
    let mut all = Vec::new();
    macro_rules! list {
        ($kind:expr, $list:expr) => {
            for (i, r) in $list.iter().enumerate() {
                all.push((Place::new($kind, i).field(field), r.hlc.as_str()));
            }
        };
    }
    list!(RecordKind::Partner, doc.partners);
    list!(RecordKind::Checkin, doc.checkins);
    list!(RecordKind::Feeling, doc.feelings);
    list!(RecordKind::Promise, doc.promises);
    list!(RecordKind::Outcome, doc.outcomes);
    list!(RecordKind::Apology, doc.apologies);
    list!(RecordKind::Response, doc.responses);
    list!(RecordKind::Focus, doc.focus);
    list!(RecordKind::Meeting, doc.meetings);
    list!(RecordKind::Exercise, doc.exercises);
    list!(RecordKind::Note, doc.notes);
    for (i, t) in doc.tombstones.iter().enumerate() {
        all.push((place("tombstones", i).field("hlc"), t.hlc.as_str()));
    }
    for (i, r) in doc.revisions.iter().enumerate() {
        all.push((place("revisions", i).field("hlc"), r.hlc.as_str()));
    }
    for (i, w) in doc.withdrawals.iter().enumerate() {
        all.push((place("withdrawals", i).field("hlc"), w.hlc.as_str()));
    }
    for (i, k) in doc.partner_keys.iter().enumerate() {
        all.push((place("partner_keys", i).field("hlc"), k.hlc.as_str()));
    }
    for (i, e) in doc.passphrase_events.iter().enumerate() {
        all.push((place("passphrase_events", i).field("hlc"), e.hlc.as_str()));
        if let Some(told) = &e.told_hlc {
            all.push((
                place("passphrase_events", i).field("told_hlc"),
                told.as_str(),
            ));
        }
    }
    all
}

/// Stamps from up to two years ahead of this computer's clock are accepted (and will move
/// the journal's clock); a file with one further ahead is refused whole (DESIGN, "Clocks").
fn within_window(doc: &Document, now_ms: u64) -> Result<(), Problem> {
    for (at, text) in all_stamps(doc) {
        let Ok(stamp) = text.parse::<Hlc>() else {
            continue;
        };
        if stamp.ms > now_ms.saturating_add(MAX_AHEAD_MS) {
            return Err(Problem::at(
                &at,
                format!(
                    "this change is dated {} ahead of this computer's clock, and rekindle accepts changes from at most two years ahead (is a clock set wrong, here or where the file was written?)",
                    hlc::ahead_in_words(stamp.ahead_of(now_ms))
                ),
            ));
        }
    }
    Ok(())
}

fn place(list: &'static str, index: usize) -> Place {
    Place {
        kind: list,
        index,
        field: None,
    }
}

/// A kind of record the timeline lists, as tombstones, revisions and withdrawals name it.
fn kind_of(at: &Place, text: &str) -> Result<RecordKind, Problem> {
    RecordKind::TIMELINE
        .iter()
        .copied()
        .find(|k| k.as_str() == text)
        .ok_or_else(|| {
            let all: Vec<&str> = RecordKind::TIMELINE.iter().map(|k| k.as_str()).collect();
            Problem::at(
                at,
                format!("\"{text}\" is not a kind of record; use {}", all.join(", ")),
            )
        })
}

fn tombstones(doc: &mut Document) -> Result<(), Problem> {
    let mut seen = HashMap::new();
    for (i, t) in doc.tombstones.iter_mut().enumerate() {
        let at = place("tombstones", i);
        kind_of(&at.field("kind"), &t.kind)?;
        reference(&at.field("uuid"), &mut t.uuid)?;
        stamp(&at.field("hlc"), &mut t.hlc)?;
        optional_reference(&at.field("by_uuid"), &mut t.by_uuid)?;
        optional_reference(&at.field("author_uuid"), &mut t.author_uuid)?;
        date_value(&at.field("date"), &t.date)?;
        date_value(&at.field("deleted_on"), &t.deleted_on)?;
        t.at = timestamp_value(&at.field("at"), &t.at)?;
        if let Some(first) = seen.insert((t.kind.clone(), t.uuid.clone()), i) {
            return Err(Problem::at(
                &at.field("uuid"),
                format!(
                    "{} is deleted twice (also by tombstones[{first}]); a record has one tombstone",
                    t.uuid
                ),
            ));
        }
    }
    Ok(())
}

fn revisions(doc: &mut Document) -> Result<(), Problem> {
    for (i, r) in doc.revisions.iter_mut().enumerate() {
        let at = place("revisions", i);
        let kind = kind_of(&at.field("kind"), &r.kind)?;
        reference(&at.field("uuid"), &mut r.uuid)?;
        reference(&at.field("origin_uuid"), &mut r.origin_uuid)?;
        stamp(&at.field("hlc"), &mut r.hlc)?;
        optional_reference(&at.field("by_uuid"), &mut r.by_uuid)?;
        r.at = timestamp_value(&at.field("at"), &r.at)?;
        for field in &r.withdrawn {
            field_of(&at.field("withdrawn"), kind, field)?;
        }
        let mut body =
            Body::from_value(kind, &r.record).map_err(|e| Problem::at(&at.field("record"), e))?;
        // The version is the one the entry names: its uuid, stamp, author and time.
        let by = r.by_uuid.clone();
        body.restamp(&r.hlc, by.as_deref(), &r.at);
        set_uuid(&mut body, &r.origin_uuid);
        r.record = body.to_value();
    }
    Ok(())
}

fn set_uuid(body: &mut Body, uuid: &str) {
    match body {
        Body::Partner(r) => r.uuid = uuid.to_string(),
        Body::Checkin(r, feelings) => {
            r.uuid = uuid.to_string();
            for f in feelings {
                f.checkin_uuid = Some(uuid.to_string());
            }
        }
        Body::Feeling(r) => r.uuid = uuid.to_string(),
        Body::Promise(r) => r.uuid = uuid.to_string(),
        Body::Outcome(r) => r.uuid = uuid.to_string(),
        Body::Apology(r) => r.uuid = uuid.to_string(),
        Body::Response(r) => r.uuid = uuid.to_string(),
        Body::Focus(r) => r.uuid = uuid.to_string(),
        Body::Meeting(r) => r.uuid = uuid.to_string(),
        Body::Exercise(r) => r.uuid = uuid.to_string(),
        Body::Note(r) => r.uuid = uuid.to_string(),
    }
}

/// A field `edit --forget-previous` can take back in this kind of record.
fn field_of(at: &Place, kind: RecordKind, field: &str) -> Result<(), Problem> {
    let part = field
        .strip_prefix("parts[")
        .and_then(|rest| rest.split_once("]."))
        .filter(|(uuid, f)| {
            kind == RecordKind::Meeting
                && uuid::Uuid::try_parse(uuid).is_ok()
                && matches!(*f, "appreciation" | "request")
        });
    if part.is_some() || withdrawable(kind).contains(&field) {
        return Ok(());
    }
    Err(Problem::at(
        at,
        format!(
            "\"{field}\" is not a field whose words can be withdrawn from a {}",
            kind.label().0
        ),
    ))
}

fn withdrawals(doc: &mut Document) -> Result<(), Problem> {
    for (i, w) in doc.withdrawals.iter_mut().enumerate() {
        let at = place("withdrawals", i);
        let kind = kind_of(&at.field("kind"), &w.kind)?;
        reference(&at.field("uuid"), &mut w.uuid)?;
        field_of(&at.field("field"), kind, &w.field)?;
        stamp(&at.field("hlc"), &mut w.hlc)?;
        optional_reference(&at.field("by_uuid"), &mut w.by_uuid)?;
        w.at = timestamp_value(&at.field("at"), &w.at)?;
    }
    Ok(())
}

/// The start of every age file: a wrapped identity is one.
const AGE_FILE: &[u8] = b"age-encryption.org/v1\n";

/// One key record per partner: a key (a recipient and a wrapped identity, as rekindle writes
/// them) or a removal (neither).
fn partner_keys(doc: &mut Document) -> Result<(), Problem> {
    let mut seen = HashMap::new();
    for (i, k) in doc.partner_keys.iter_mut().enumerate() {
        let at = place("partner_keys", i);
        reference(&at.field("partner_uuid"), &mut k.partner_uuid)?;
        stamp(&at.field("hlc"), &mut k.hlc)?;
        optional_reference(&at.field("set_by_uuid"), &mut k.set_by_uuid)?;
        optional_reference(&at.field("changed_by_uuid"), &mut k.changed_by_uuid)?;
        k.created_at = timestamp_value(&at.field("created_at"), &k.created_at)?;
        k.set_at = timestamp_value(&at.field("set_at"), &k.set_at)?;
        if k.removed {
            for (field, value) in [("recipient", &k.recipient), ("wrapped", &k.wrapped)] {
                if value.is_some() {
                    return Err(Problem::at(
                        &at.field(field),
                        "a removed passphrase has no key, so this must be null",
                    ));
                }
            }
        } else {
            let recipient = k.recipient.as_deref().unwrap_or_default();
            let bech32 = recipient.strip_prefix("age1").is_some_and(|rest| {
                rest.len() == 58
                    && rest
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
            });
            if !bech32 {
                return Err(Problem::at(
                    &at.field("recipient"),
                    "must be an age public key (\"age1\" and 58 more letters and digits)",
                ));
            }
            let wrapped = k
                .wrapped
                .as_deref()
                .and_then(super::private::decode)
                .filter(|bytes| bytes.starts_with(AGE_FILE));
            if wrapped.is_none() {
                return Err(Problem::at(
                    &at.field("wrapped"),
                    "must be a key wrapped by a passphrase as rekindle writes it (an age file, in base64)",
                ));
            }
        }
        if let Some(first) = seen.insert(k.partner_uuid.clone(), i) {
            return Err(Problem::at(
                &at.field("partner_uuid"),
                format!(
                    "this partner has a second key record (also partner_keys[{first}]); a partner has one"
                ),
            ));
        }
    }
    Ok(())
}

fn passphrase_events(doc: &mut Document) -> Result<(), Problem> {
    let mut seen = HashMap::new();
    for (i, e) in doc.passphrase_events.iter_mut().enumerate() {
        let at = place("passphrase_events", i);
        reference(&at.field("uuid"), &mut e.uuid)?;
        reference(&at.field("partner_uuid"), &mut e.partner_uuid)?;
        optional_reference(&at.field("by_uuid"), &mut e.by_uuid)?;
        if !matches!(e.action.as_str(), "set" | "change" | "remove") {
            return Err(Problem::at(
                &at.field("action"),
                format!("\"{}\" is not set, change or remove", e.action),
            ));
        }
        date_value(&at.field("date"), &e.date)?;
        e.created_at = timestamp_value(&at.field("created_at"), &e.created_at)?;
        stamp(&at.field("hlc"), &mut e.hlc)?;
        match (&mut e.told_hlc, &mut e.told_at) {
            (Some(hlc), Some(at_text)) => {
                stamp(&at.field("told_hlc"), hlc)?;
                *at_text = timestamp_value(&at.field("told_at"), at_text)?;
            }
            (None, None) => {}
            _ => {
                return Err(Problem::at(
                    &at.field("told_at"),
                    "told_hlc and told_at go together: both or neither",
                ));
            }
        }
        if let Some(first) = seen.insert(e.uuid.clone(), i) {
            return Err(Problem::at(
                &at.field("uuid"),
                format!(
                    "{} is listed twice (also passphrase_events[{first}])",
                    e.uuid
                ),
            ));
        }
    }
    Ok(())
}
