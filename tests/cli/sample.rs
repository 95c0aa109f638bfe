//! A small but complete journal as an export document, holding every kind of record, for
//! the export, import and backup tests (the commands that write most kinds live elsewhere).

use serde_json::{Value, json};

pub const SAM: &str = "5a0c6f3e-1b7d-4e2a-9c8f-0d1e2f3a4b5c";
pub const ALEX: &str = "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
pub const SAM_CHECKIN: &str = "c1000000-0000-4000-8000-000000000001";
pub const ALEX_CHECKIN: &str = "c1000000-0000-4000-8000-000000000002";
pub const SAM_TODAY: &str = "c1000000-0000-4000-8000-000000000003";
pub const PROMISE: &str = "b1000000-0000-4000-8000-000000000001";
pub const APOLOGY: &str = "a1000000-0000-4000-8000-000000000001";
pub const MEETING: &str = "d1000000-0000-4000-8000-000000000001";

/// A timestamp on 2026-11-`day` at `hour`:00 UTC, in the journal's own form.
pub fn at(day: u32, hour: u32) -> String {
    format!("2026-11-{day:02}T{hour:02}:00:00.000000Z")
}

fn feeling(
    n: u32,
    partner: &str,
    checkin: Option<&str>,
    date: &str,
    word: &str,
    intensity: Option<i64>,
) -> Value {
    json!({
        "uuid": format!("f1000000-0000-4000-8000-00000000000{n}"),
        "partner_uuid": partner,
        "checkin_uuid": checkin,
        "date": date,
        "word": word,
        "intensity": intensity,
        "note": null,
        "created_at": at(20, 20),
        "updated_at": at(20, 20)
    })
}

fn checkin(
    uuid: &str,
    partner: &str,
    date: &str,
    trust: i64,
    answer: &str,
    note: Option<&str>,
    hour: u32,
) -> Value {
    let day: u32 = date[8..].parse().unwrap();
    json!({
        "uuid": uuid,
        "partner_uuid": partner,
        "date": date,
        "trust": trust,
        "connection": 6,
        "step": "responsibility",
        "prompt_id": "responsibility-2",
        "answer": answer,
        "appreciation": "You made tea",
        "need": null,
        "note": note,
        "created_at": at(day, hour),
        "updated_at": at(day, hour)
    })
}

/// The export of Sam (repairing) and Alex (healing) from 18 to 20 November 2026.
pub fn journal() -> Value {
    json!({
        "format": "rekindle-export",
        "version": 1,
        "exported_at": at(21, 9),
        "partners": [
            {"uuid": SAM, "name": "Sam", "role": "repairing", "created_at": at(18, 8), "updated_at": at(18, 8)},
            {"uuid": ALEX, "name": "Alex", "role": "healing", "created_at": at(18, 8), "updated_at": at(18, 8)}
        ],
        "checkins": [
            checkin(SAM_CHECKIN, SAM, "2026-11-19", 5, "I said sorry, and meant it.", None, 20),
            checkin(ALEX_CHECKIN, ALEX, "2026-11-19", 3, "Still raw, \"but\" hopeful, a bit", Some("# not a heading\n- not a list"), 21),
            checkin(SAM_TODAY, SAM, "2026-11-20", 6, "We walked, together 💛", Some("=1+1"), 20)
        ],
        "feelings": [
            feeling(1, SAM, Some(SAM_TODAY), "2026-11-20", "hurt", Some(4)),
            feeling(2, SAM, Some(SAM_TODAY), "2026-11-20", "hopeful", None),
            feeling(3, ALEX, None, "2026-11-20", "lonely", Some(2))
        ],
        "promises": [
            {"uuid": PROMISE, "by_uuid": SAM, "to_uuid": ALEX, "date": "2026-11-18",
             "text": "Text you when I leave work", "due": null, "every": "weekday",
             "status": "open", "closed_on": null, "created_at": at(18, 9), "updated_at": at(18, 9)}
        ],
        "outcomes": [
            {"uuid": "e1000000-0000-4000-8000-000000000001", "promise_uuid": PROMISE, "date": "2026-11-19",
             "result": "kept", "note": null, "recorded_by_uuid": ALEX, "created_at": at(19, 18), "updated_at": at(19, 18)},
            {"uuid": "e1000000-0000-4000-8000-000000000002", "promise_uuid": PROMISE, "date": "2026-11-20",
             "result": "missed", "note": "phone died", "recorded_by_uuid": SAM, "created_at": at(20, 18), "updated_at": at(20, 18)}
        ],
        "apologies": [
            {"uuid": APOLOGY, "by_uuid": SAM, "to_uuid": ALEX, "date": "2026-11-18",
             "what": "I hid the messages", "impact": "You felt foolish and alone",
             "responsibility": "I chose to hide them; that was mine", "change": "I will tell you first",
             "promise_uuid": PROMISE, "created_at": at(18, 10), "updated_at": at(18, 10)}
        ],
        "responses": [
            {"uuid": "a2000000-0000-4000-8000-000000000001", "apology_uuid": APOLOGY, "by_uuid": ALEX,
             "date": "2026-11-19", "status": "need-time", "note": "Thank you. I need time.",
             "created_at": at(19, 9), "updated_at": at(19, 9)}
        ],
        "focus": [
            {"uuid": "f0000000-0000-4000-8000-000000000001", "step": "responsibility", "date": "2026-11-18",
             "partner_uuid": null, "created_at": at(18, 8), "updated_at": at(18, 8)}
        ],
        "meetings": [
            {"uuid": MEETING, "date": "2026-11-20", "went_well": "We listened", "work_on": "Evenings",
             "parts": [
                {"partner_uuid": SAM, "appreciation": "Your patience", "request": null, "promise_uuid": null},
                {"partner_uuid": ALEX, "appreciation": "Your honesty", "request": "Text when you leave",
                 "promise_uuid": PROMISE}
             ],
             "created_at": at(20, 21), "updated_at": at(20, 21)}
        ]
    })
}

/// Writes `value` as pretty JSON to `path`.
pub fn write(path: &std::path::Path, value: &Value) {
    std::fs::write(path, serde_json::to_vec_pretty(value).unwrap()).unwrap();
}

/// An export with its stamps taken out, for comparing two exports, or an export with the
/// version 1 sample above: without `exported_at`, and without what version 2 adds to each
/// record (its change stamp, who made it, the focus's `start`, an apology's `withdrawn_on`)
/// or to the document (its tombstones, revisions, withdrawals, partners' keys and passphrase
/// events, when there are none), and a check-in's `"private": false, "ciphertext": null`.
pub fn without_stamp(mut value: Value) -> Value {
    let doc = value.as_object_mut().unwrap();
    doc.remove("exported_at");
    doc.insert("version".into(), 1.into());
    for list in [
        "exercises",
        "notes",
        "tombstones",
        "revisions",
        "withdrawals",
        "partner_keys",
        "passphrase_events",
    ] {
        if doc
            .get(list)
            .and_then(Value::as_array)
            .is_some_and(Vec::is_empty)
        {
            doc.remove(list);
        }
    }
    for (_, list) in doc.iter_mut() {
        for record in list.as_array_mut().into_iter().flatten() {
            if let Some(record) = record.as_object_mut() {
                for key in ["hlc", "changed_by_uuid", "start", "withdrawn_on"] {
                    record.remove(key);
                }
                if record.get("private") == Some(&Value::Bool(false))
                    && record.get("ciphertext") == Some(&Value::Null)
                {
                    record.remove("private");
                    record.remove("ciphertext");
                }
            }
        }
    }
    value
}
