//! Parsing and checking export documents, on hand-made files.

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339("2026-11-21T12:00:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc)
}

const SAM: &str = "6f1c2b8e-3d4a-4c5b-9e6f-7a8b9c0d1e2f";
const ALEX: &str = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const CHECKIN: &str = "11111111-2222-4333-8444-555555555555";

fn minimal() -> serde_json::Value {
    serde_json::json!({
        "format": "rekindle-export",
        "version": 1,
        "partners": [
            {"uuid": SAM, "name": "Sam", "role": "repairing",
             "created_at": "2026-11-01T10:00:00Z", "updated_at": "2026-11-01T10:00:00Z"},
            {"uuid": ALEX, "name": "Alex", "role": "healing",
             "created_at": "2026-11-01T10:00:00Z", "updated_at": "2026-11-01T10:00:00Z"}
        ],
        "checkins": [
            {"uuid": CHECKIN, "partner_uuid": SAM, "date": "2026-11-20", "trust": 6,
             "connection": 7, "step": "responsibility", "answer": "We talked.",
             "created_at": "2026-11-20T19:00:00+01:00", "updated_at": "2026-11-20T19:00:00.5+01:00"}
        ]
    })
}

fn problem(value: serde_json::Value) -> String {
    let bytes = serde_json::to_vec(&value).unwrap();
    match parse(&bytes).and_then(|doc| check(doc, today(), &now())) {
        Ok(_) => panic!("accepted: {value}"),
        Err(p) => p.to_string(),
    }
}

fn with(path: &str, value: serde_json::Value) -> serde_json::Value {
    let mut doc = minimal();
    *doc.pointer_mut(path).unwrap() = value;
    doc
}

#[test]
fn a_good_file_is_accepted_and_made_canonical() {
    let bytes = serde_json::to_vec(&minimal()).unwrap();
    let doc = check(parse(&bytes).unwrap(), today(), &now()).unwrap();
    let c = &doc.checkins[0];
    assert_eq!(c.created_at, "2026-11-20T18:00:00.000000Z");
    assert_eq!(c.updated_at, "2026-11-20T18:00:00.500000Z");
    assert_eq!(doc.partners[0].role, "repairing");
    assert!(doc.feelings.is_empty(), "missing lists are empty");
}

#[test]
fn uuids_in_any_standard_spelling_become_lowercase() {
    let upper = SAM.to_uppercase();
    let mut doc = with("/partners/0/uuid", upper.clone().into());
    *doc.pointer_mut("/checkins/0/partner_uuid").unwrap() = upper.into();
    let doc = check(
        parse(&serde_json::to_vec(&doc).unwrap()).unwrap(),
        today(),
        &now(),
    )
    .unwrap();
    assert_eq!(doc.partners[0].uuid, SAM);
    assert_eq!(doc.checkins[0].partner_uuid, SAM);
}

#[test]
fn broken_json_names_line_and_column() {
    let err = parse(b"{\n  \"format\": \"rekindle-export\",\n  \"version\": 1,,\n}").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("the JSON is malformed at line 3, column 16"),
        "{err}"
    );
    let err = parse(b"{\"format\": \"rekindle-export\"").unwrap_err();
    assert!(err.to_string().contains("ends too early"), "{err}");
}

#[test]
fn a_byte_order_mark_from_an_editor_is_ignored() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(serde_json::to_vec(&minimal()).unwrap());
    assert!(parse(&bytes).is_ok());
}

#[test]
fn other_files_are_named_for_what_they_are() {
    assert!(parse(b"").unwrap_err().to_string().contains("empty"));
    let csv = parse(b"date,partner,trust\n2026-11-20,Sam,6\n").unwrap_err();
    assert!(
        csv.to_string()
            .contains("it is not JSON (line 1, column 1)"),
        "{csv}"
    );
    let db = parse(b"SQLite format 3\0....").unwrap_err();
    assert!(db.to_string().contains("SQLite database"), "{db}");
    let array = parse(b"[1, 2]").unwrap_err();
    assert!(
        array.to_string().contains("not a rekindle export"),
        "{array}"
    );
}

#[test]
fn format_and_version_are_checked_first() {
    let err = problem(with("/format", "daylio-backup".into()));
    assert!(err.contains("\"daylio-backup\""), "{err}");
    let err = problem(with("/version", 3.into()));
    assert!(err.contains("newer rekindle"), "{err}");
    let err = problem(with("/version", 0.into()));
    assert!(err.contains("version 0 is not supported"), "{err}");
}

#[test]
fn a_wrong_type_names_the_record_and_field() {
    let err = problem(with("/checkins/0/trust", "high".into()));
    assert_eq!(
        err,
        "checkins[0].trust: invalid type: string \"high\", expected a whole number"
    );
    let err = problem(with("/checkins/0/trust", 6.5.into()));
    assert!(
        err.starts_with("checkins[0].trust: invalid type: floating point"),
        "{err}"
    );
    let mut doc = minimal();
    doc["checkins"][0].as_object_mut().unwrap().remove("date");
    assert_eq!(problem(doc), "checkins[0]: missing field `date`");
}

#[test]
fn values_outside_the_rules_are_refused_with_their_place() {
    let cases = [
        (
            "/checkins/0/trust",
            serde_json::json!(11),
            "checkins[0].trust: must be a whole number from 1 to 10 (got 11)",
        ),
        (
            "/checkins/0/connection",
            serde_json::json!(0),
            "checkins[0].connection: must be a whole number from 1 to 10 (got 0)",
        ),
        (
            "/checkins/0/date",
            serde_json::json!("2026-02-30"),
            "checkins[0].date: \"2026-02-30\" is not a real calendar date",
        ),
        (
            "/checkins/0/date",
            serde_json::json!("20/11/2026"),
            "checkins[0].date: \"20/11/2026\" is not a date; dates are written YYYY-MM-DD",
        ),
        (
            "/checkins/0/date",
            serde_json::json!("2026-11-23"),
            "checkins[0].date: 2026-11-23 is in the future (today is Saturday 21 November 2026)",
        ),
        (
            "/checkins/0/step",
            serde_json::json!("trusting"),
            "checkins[0].step: \"trusting\" is not a step",
        ),
        (
            "/checkins/0/updated_at",
            serde_json::json!("yesterday"),
            "checkins[0].updated_at: \"yesterday\" is not a timestamp",
        ),
        (
            "/checkins/0/partner_uuid",
            serde_json::json!("sam"),
            "checkins[0].partner_uuid: \"sam\" is not a uuid",
        ),
        (
            "/checkins/0/answer",
            serde_json::json!("a\u{0}b"),
            "checkins[0].answer: contains a NUL character",
        ),
        (
            "/partners/1/role",
            serde_json::json!("victim"),
            "partners[1].role: \"victim\" is not a role",
        ),
        (
            "/partners/1/name",
            serde_json::json!("  "),
            "partners[1].name: a partner's name cannot be empty",
        ),
        (
            "/partners/1/name",
            serde_json::json!("SAM"),
            "partners[1].name: both partners are called \"SAM\"",
        ),
        (
            "/partners/1/uuid",
            serde_json::json!(SAM),
            "partners[1].uuid: 6f1c2b8e-3d4a-4c5b-9e6f-7a8b9c0d1e2f is used twice (also by partners[0])",
        ),
    ];
    for (path, value, expected) in cases {
        let err = problem(with(path, value));
        assert!(err.starts_with(expected), "{path}: {err}");
    }
}

#[test]
fn tomorrow_is_refused_like_any_future_date() {
    let doc = with("/checkins/0/date", "2026-11-22".into());
    let err = problem(doc);
    assert!(
        err.starts_with("checkins[0].date: 2026-11-22 is in the future"),
        "{err}"
    );
    let doc = with("/checkins/0/date", "2026-11-21".into());
    assert!(
        check(
            parse(&serde_json::to_vec(&doc).unwrap()).unwrap(),
            today(),
            &now()
        )
        .is_ok()
    );
}

#[test]
fn one_check_in_per_partner_per_day_in_a_file() {
    let mut doc = minimal();
    let mut second = doc["checkins"][0].clone();
    second["uuid"] = "22222222-2222-4333-8444-555555555555".into();
    doc["checkins"].as_array_mut().unwrap().push(second);
    assert!(
        problem(doc)
            .starts_with("checkins[1]: a second check-in by the same partner on 2026-11-20"),
    );
}

#[test]
fn kinds_with_their_own_rules() {
    let mut doc = minimal();
    doc["feelings"] = serde_json::json!([{"uuid": CHECKIN, "partner_uuid": ALEX, "date": "2026-11-20",
        "word": "hopeful", "intensity": 6, "created_at": "2026-11-20T10:00:00Z", "updated_at": "2026-11-20T10:00:00Z"}]);
    assert!(
        problem(doc.clone())
            .starts_with("feelings[0].intensity: must be a whole number from 1 to 5 (got 6)")
    );
    doc["feelings"][0]["intensity"] = 3.into();
    doc["feelings"][0]["word"] = " ".into();
    assert!(problem(doc.clone()).starts_with("feelings[0].word: is empty"));
    doc["feelings"] = serde_json::json!([]);
    doc["promises"] = serde_json::json!([{"uuid": CHECKIN, "by_uuid": SAM, "date": "2026-11-20",
        "text": "Call at lunch", "every": "mon,mon", "status": "open",
        "created_at": "2026-11-20T10:00:00Z", "updated_at": "2026-11-20T10:00:00Z"}]);
    assert!(problem(doc.clone()).starts_with("promises[0].every: \"mon,mon\" is not a recurrence"));
    doc["promises"][0]["every"] = "mon,thu".into();
    doc["promises"][0]["status"] = "broken".into();
    assert!(problem(doc.clone()).starts_with(
        "promises[0].status: \"broken\" is not accepted; use open, kept, missed or cancelled"
    ));
    doc["promises"][0]["status"] = "open".into();
    doc["apologies"] = serde_json::json!([{"uuid": CHECKIN, "by_uuid": SAM, "to_uuid": SAM, "date": "2026-11-20",
        "what": "I forgot", "responsibility": "It was mine", "created_at": "2026-11-20T10:00:00Z",
        "updated_at": "2026-11-20T10:00:00Z"}]);
    assert!(
        problem(doc.clone())
            .starts_with("apologies[0].to_uuid: an apology goes to the other partner")
    );
    doc["apologies"][0]["to_uuid"] = ALEX.into();
    doc["apologies"][0]["responsibility"] = "".into();
    assert!(problem(doc.clone()).starts_with("apologies[0].responsibility: is empty"));
    doc["apologies"] = serde_json::json!([]);
    doc["meetings"] = serde_json::json!([{"uuid": CHECKIN, "date": "2026-11-20",
        "parts": [{"partner_uuid": SAM}, {"partner_uuid": SAM}],
        "created_at": "2026-11-20T10:00:00Z", "updated_at": "2026-11-20T10:00:00Z"}]);
    assert!(problem(doc).starts_with("meetings[0].parts[1].partner_uuid: a partner appears twice"));
}

#[test]
fn unknown_fields_are_tolerated() {
    let mut doc = minimal();
    doc["app"] = "someone's tool".into();
    doc["checkins"][0]["mood_colour"] = "blue".into();
    assert!(
        check(
            parse(&serde_json::to_vec(&doc).unwrap()).unwrap(),
            today(),
            &now()
        )
        .is_ok()
    );
}

#[test]
fn the_span_covers_every_dated_record() {
    let bytes = serde_json::to_vec(&minimal()).unwrap();
    let mut doc = check(parse(&bytes).unwrap(), today(), &now()).unwrap();
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    assert_eq!(doc.span(), Some((d("2026-11-20"), d("2026-11-20"))));
    doc.focus.push(FocusRecord {
        uuid: CHECKIN.into(),
        step: "healing".into(),
        date: "2026-10-01".into(),
        ..Default::default()
    });
    assert_eq!(doc.span(), Some((d("2026-10-01"), d("2026-11-20"))));
    assert_eq!(Document::new(String::new()).span(), None);
}

const PROMISE: &str = "22222222-3333-4444-8555-666666666666";

/// `minimal()` with a promise by Sam (one-time unless `every` is given) and its outcomes,
/// each `(date, result)`.
fn with_promise(
    start: &str,
    due: Option<&str>,
    every: Option<&str>,
    status: &str,
    outcomes: &[(&str, &str)],
) -> serde_json::Value {
    let stamp = "2026-11-01T10:00:00Z";
    let mut doc = minimal();
    doc["promises"] = serde_json::json!([{
        "uuid": PROMISE, "by_uuid": SAM, "to_uuid": ALEX, "date": start,
        "text": "Walk after dinner", "due": due, "every": every, "status": status,
        "closed_on": null, "created_at": stamp, "updated_at": stamp,
    }]);
    doc["outcomes"] = outcomes
        .iter()
        .enumerate()
        .map(|(i, (date, result))| {
            serde_json::json!({
                "uuid": format!("33333333-4444-4555-8666-77777777777{i}"),
                "promise_uuid": PROMISE, "date": date, "result": result, "note": null,
                "recorded_by_uuid": ALEX, "created_at": stamp, "updated_at": stamp,
            })
        })
        .collect();
    doc
}

fn accepted(value: serde_json::Value) -> bool {
    check(
        parse(&serde_json::to_vec(&value).unwrap()).unwrap(),
        today(),
        &now(),
    )
    .is_ok()
}

// Audit row I25: a feeling word follows the rule the command line keeps.
#[test]
fn a_feeling_word_is_held_to_the_command_lines_rule() {
    let feeling = |word: &str| {
        let mut doc = minimal();
        doc["feelings"] = serde_json::json!([{
            "uuid": "44444444-5555-4666-8777-888888888888", "partner_uuid": SAM,
            "checkin_uuid": null, "date": "2026-11-20", "word": word,
            "created_at": "2026-11-20T10:00:00Z", "updated_at": "2026-11-20T10:00:00Z",
        }]);
        doc
    };
    let err = problem(feeling("hurt\u{1b}[2J\u{202e}\u{200b}"));
    assert!(
        err.starts_with("feelings[0].word: the feeling \"hurt\\e[2J\\u{202e}\\u{200b}\" contains control or invisible characters"),
        "{err}"
    );
    let err = problem(feeling(&"a".repeat(100_003)));
    assert!(err.starts_with("feelings[0].word: the feeling"), "{err}");
    assert!(err.contains("is too long"), "{err}");
    let doc = check(
        parse(&serde_json::to_vec(&feeling("  Hurt ")).unwrap()).unwrap(),
        today(),
        &now(),
    )
    .unwrap();
    assert_eq!(
        doc.feelings[0].word, "hurt",
        "the vocabulary's spelling, as `feel` keeps"
    );
}

// Audit rows I23, I24: a promise's dates are in order and its outcomes fall on its days.
#[test]
fn promise_dates_and_outcomes_follow_the_schedule() {
    // Wednesday 18 November to Friday 20 November 2026, every weekday.
    assert!(accepted(with_promise(
        "2026-11-18",
        Some("2026-11-20"),
        Some("weekday"),
        "open",
        &[("2026-11-18", "kept"), ("2026-11-20", "skipped")],
    )));
    let cases = [
        (
            with_promise("2026-11-18", None, None, "open", &[("2026-11-17", "kept")]),
            "outcomes[0].date: Tuesday 17 November 2026 is before the promise started (Wednesday 18 November 2026)",
        ),
        (
            with_promise(
                "2026-11-16",
                None,
                Some("weekday"),
                "open",
                &[("2026-11-21", "kept")],
            ),
            "outcomes[0].date: the promise is not scheduled on Saturday 21 November 2026",
        ),
        (
            with_promise(
                "2026-11-16",
                Some("2026-11-18"),
                Some("day"),
                "open",
                &[("2026-11-19", "kept")],
            ),
            "outcomes[0].date: Thursday 19 November 2026 is after the promise ended",
        ),
        (
            with_promise(
                "2026-11-16",
                None,
                None,
                "open",
                &[("2026-11-19", "skipped")],
            ),
            "outcomes[0].result: \"skipped\" is not accepted for a one-time promise",
        ),
        (
            with_promise(
                "2026-11-16",
                None,
                None,
                "kept",
                &[("2026-11-19", "kept"), ("2026-11-20", "missed")],
            ),
            "outcomes[1]: a second outcome for a one-time promise (also outcomes[0])",
        ),
        (
            with_promise("2026-11-18", Some("2026-11-10"), None, "open", &[]),
            "promises[0].due: 2026-11-10 is before the promise starts (2026-11-18)",
        ),
        (
            with_promise("9999-12-20", Some("9999-12-01"), None, "open", &[]),
            "promises[0].due: 9999-12-01 is before the promise starts",
        ),
        (
            with_promise("2026-11-16", None, Some("day"), "kept", &[]),
            "promises[0].status: \"kept\" is not accepted for a recurring promise",
        ),
        (
            // Monday to Wednesday holds no Sunday.
            with_promise("2026-11-16", Some("2026-11-18"), Some("sun"), "open", &[]),
            "promises[0].every: \"sun\" has no date from 2026-11-16 to 2026-11-18",
        ),
    ];
    for (doc, expected) in cases {
        let err = problem(doc);
        assert!(err.starts_with(expected), "{err}\nexpected: {expected}");
    }
    let mut closed_early = with_promise("2026-11-18", None, None, "cancelled", &[]);
    closed_early["promises"][0]["closed_on"] = "2026-11-10".into();
    assert!(
        problem(closed_early)
            .starts_with("promises[0].closed_on: 2026-11-10 is before the promise starts")
    );
}

// Audit rows I22, I28: what already happened may be dated by a time zone up to 14 hours
// ahead, focus changes included, and not beyond.
#[test]
fn dates_allow_for_a_time_zone_ahead_and_no_further() {
    let here = today();
    let tomorrow = here.succ_opt().unwrap();
    let ahead = Today {
        here,
        anywhere: tomorrow,
    };
    let on = |date: &str| with("/checkins/0/date", date.into());
    let parsed = |v: serde_json::Value| parse(&serde_json::to_vec(&v).unwrap()).unwrap();
    assert!(check(parsed(on("2026-11-22")), ahead, &now()).is_ok());
    let err = check(parsed(on("2026-11-23")), ahead, &now())
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "checkins[0].date: 2026-11-23 is in the future (today is Saturday 21 November 2026)"
    );
    let mut focus = minimal();
    focus["focus"] = serde_json::json!([{
        "uuid": "55555555-6666-4777-8888-999999999999", "step": "healing",
        "date": "9999-12-31", "partner_uuid": SAM,
        "created_at": "2026-11-20T10:00:00Z", "updated_at": "2026-11-20T10:00:00Z",
    }]);
    let err = check(parsed(focus.clone()), ahead, &now())
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("focus[0].date: 9999-12-31 is in the future"),
        "{err}"
    );
    focus["focus"][0]["date"] = "2026-11-22".into();
    assert!(check(parsed(focus), ahead, &now()).is_ok());
}

#[test]
fn a_private_notes_words_win_over_its_stub_of_the_same_version() {
    let words = NoteRecord {
        uuid: CHECKIN.into(),
        partner_uuid: SAM.into(),
        date: "2026-11-20".into(),
        text: None,
        private: true,
        ciphertext: Some("YWdl".into()),
        hlc: "0001".into(),
        ..NoteRecord::default()
    };
    let stub = NoteRecord {
        ciphertext: None,
        ..words.clone()
    };
    let (words, stub) = (Body::Note(words), Body::Note(stub));
    assert!(words.compare(&stub).is_gt());
    assert!(stub.compare(&words).is_lt());
    // A later version wins, words or not.
    let mut later = stub.clone();
    later.restamp("0002", Some(SAM), "2026-11-21T10:00:00Z");
    assert!(later.compare(&words).is_gt());
}

#[test]
fn a_private_note_in_a_file_holds_no_text_and_base64_ciphertext() {
    let note = |text: serde_json::Value, ciphertext: serde_json::Value| {
        serde_json::json!([{
            "uuid": CHECKIN, "partner_uuid": SAM, "date": "2026-11-20",
            "text": text, "private": true, "ciphertext": ciphertext,
            "created_at": "2026-11-20T10:00:00Z", "updated_at": "2026-11-20T10:00:00Z"
        }])
    };
    let with_notes = |notes: serde_json::Value| {
        let mut doc = minimal();
        doc["notes"] = notes;
        doc
    };
    let said = problem(with_notes(note("in the clear".into(), "YWdl".into())));
    assert!(said.contains("notes[0].text"), "{said}");
    let said = problem(with_notes(note(
        serde_json::Value::Null,
        "not base64!".into(),
    )));
    assert!(said.contains("notes[0].ciphertext"), "{said}");
    let shared = serde_json::json!([{
        "uuid": CHECKIN, "partner_uuid": SAM, "date": "2026-11-20", "text": "   ",
        "created_at": "2026-11-20T10:00:00Z", "updated_at": "2026-11-20T10:00:00Z"
    }]);
    let said = problem(with_notes(shared));
    assert!(said.contains("notes[0].text"), "{said}");
}

#[test]
fn sharing_private_words_is_not_an_edit_but_changing_them_is() {
    let note = |private: bool, text: Option<&str>, revealed_on: Option<&str>| {
        Body::Note(NoteRecord {
            uuid: "n".into(),
            partner_uuid: SAM.into(),
            date: "2026-11-21".into(),
            text: text.map(str::to_string),
            private,
            revealed_on: revealed_on.map(str::to_string),
            ..Default::default()
        })
    };
    let private = note(true, None, None);
    let shared = note(false, Some("words"), Some("2026-11-22"));
    let changed = note(false, Some("other words"), Some("2026-11-22"));
    assert!(shared.reveals(&private));
    assert!(!edited(&[&private]));
    assert!(!edited(&[&private, &shared]));
    assert!(edited(&[&private, &shared, &changed]));
    assert!(edited(&[&private, &private, &shared]));
    // Words shared by an edit (not `reveal`) after an earlier sharing: that day is not new.
    let private_again = note(true, None, Some("2026-11-22"));
    assert!(!shared.reveals(&private_again));
    assert!(edited(&[&private, &shared, &private_again, &shared]));
    // Kinds that cannot hold private words are edited by any later version.
    let focus = Body::Focus(FocusRecord::default());
    assert!(edited(&[&focus, &focus]));
}
