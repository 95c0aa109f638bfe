//! The property behind "your words are never locked in": any journal, however odd its text,
//! survives import → export → import → export unchanged, and its CSV holds the same words.
//!
//! Journals are generated as export documents with hostile text (quotes, commas, newlines,
//! emoji, control characters other than NUL, bidi overrides, very long text) wherever the
//! command line takes free text, and otherwise as the command line would have written them
//! (feeling words and names hold only what can be seen; a promise's dates are in order and
//! its outcomes fall on its scheduled days, as `import` checks), and run through the real
//! binary. The case count is kept moderate (16; `PROPTEST_CASES` overrides it) so
//! `cargo test` stays quick on a small machine.

use std::collections::HashSet;

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use rekindle::domain::exchange::{
    ApologyRecord, CheckinRecord, Document, FeelingRecord, FocusRecord, MeetingPart, MeetingRecord,
    OutcomeRecord, PartnerRecord, PromiseRecord, ResponseRecord,
};
use rekindle::domain::hlc::Hlc;
use serde_json::Value;

use crate::support::TestEnv;

/// Characters that have broken exports elsewhere: CSV and JSON syntax, line ends, terminal
/// escapes, invisible and direction-changing marks, and characters outside the BMP.
const HOSTILE: &[char] = &[
    '"',
    '\'',
    ',',
    ';',
    ':',
    '\n',
    '\r',
    '\t',
    '\\',
    '/',
    '#',
    '*',
    '_',
    '`',
    '<',
    '>',
    '|',
    '[',
    ']',
    '=',
    '+',
    '-',
    '@',
    '&',
    ' ',
    '\u{1}',
    '\u{7}',
    '\u{1b}',
    '\u{7f}',
    '\u{85}',
    '\u{9b}',
    '\u{200b}',
    '\u{202e}',
    '\u{feff}',
    'é',
    'ß',
    'Ω',
    '中',
    '💛',
    '\u{1f469}',
    '\u{200d}',
    '🏳',
    '\u{301}',
];

fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(HOSTILE),
        4 => proptest::char::range('a', 'z'),
        1 => any::<char>().prop_filter("no NUL", |c| *c != '\0'),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => prop::collection::vec(hostile_char(), 0..30).prop_map(String::from_iter),
        1 => prop::collection::vec(hostile_char(), 2000..6000).prop_map(String::from_iter),
    ]
}

fn optional_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

/// Required text: something besides whitespace.
fn required_text() -> impl Strategy<Value = String> {
    (text(), "[a-zA-Z💛]").prop_map(|(t, anchor)| format!("{t}{anchor}"))
}

/// A name as `init` accepts it: no control characters, trimmed, 1 to 40 characters.
fn name() -> impl Strategy<Value = String> {
    prop::collection::vec(
        // Names hold only what can be seen: no control or invisible characters.
        hostile_char().prop_filter("a visible character", |c| {
            !c.is_control() && !rekindle::text::sanitize::has_hidden(&c.to_string())
        }),
        1..40,
    )
    .prop_map(String::from_iter)
    .prop_filter_map("a trimmed, non-empty name", |n| {
        let n = n.trim().to_string();
        (!n.is_empty()).then_some(n)
    })
}

fn uuid() -> impl Strategy<Value = String> {
    any::<u128>().prop_map(|n| uuid::Uuid::from_u128(n).hyphenated().to_string())
}

/// A timestamp in the journal's form, some time in 2025 or 2026.
fn stamp() -> impl Strategy<Value = String> {
    (0i64..(2 * 365 * 24 * 3600 * 1_000_000)).prop_map(|micros| {
        let start = NaiveDate::from_ymd_opt(2025, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap();
        (start + Duration::microseconds(micros))
            .format("%Y-%m-%dT%H:%M:%S%.6fZ")
            .to_string()
    })
}

/// A date up to `back` days before Saturday 21 November 2026 (the tests' today).
fn past(back: i64) -> impl Strategy<Value = String> {
    (0..=back).prop_map(|n| {
        (NaiveDate::from_ymd_opt(2026, 11, 21).unwrap() - Duration::days(n)).to_string()
    })
}

const STEPS: [&str; 8] = [
    "responsibility",
    "communication",
    "healing",
    "consistency",
    "forgiveness",
    "intimacy",
    "reassess",
    "renewal",
];

prop_compose! {
    fn checkin()(uuid in uuid(), partner in 0usize..2, date in past(60), trust in 1i64..=10,
                 connection in prop::option::of(1i64..=10), step in prop::sample::select(&STEPS[..]),
                 prompt in prop::option::of("[a-z]{3,12}-[0-9]"), answer in optional_text(),
                 appreciation in optional_text(), need in optional_text(), note in optional_text(),
                 stamps in (stamp(), stamp()))
        -> (usize, CheckinRecord) {
        (partner, CheckinRecord {
            uuid, partner_uuid: String::new(), date, trust, connection, step: step.to_string(),
            prompt_id: prompt, answer, appreciation, need, note, created_at: stamps.0,
            updated_at: stamps.1, ..Default::default()
        })
    }
}

prop_compose! {
    fn feeling()(uuid in uuid(), partner in 0usize..2, checkin in prop::option::of(0usize..8),
                 date in past(60), word in name(), intensity in prop::option::of(1i64..=5),
                 note in optional_text(), stamps in (stamp(), stamp()))
        -> (usize, Option<usize>, FeelingRecord) {
        (partner, checkin, FeelingRecord {
            uuid, partner_uuid: String::new(), checkin_uuid: None, date, word, intensity, note,
            created_at: stamps.0, updated_at: stamps.1, ..Default::default()
        })
    }
}

/// `date` moved `days` later.
fn later(date: &str, days: i64) -> String {
    (NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap() + Duration::days(days)).to_string()
}

prop_compose! {
    // Dates in order as `promise add` keeps them: a due (or last) date a week or more after
    // the start, so every schedule has a date before it; a recurring promise is open or
    // cancelled, never kept or missed as a whole.
    fn promise()(uuid in uuid(), by in 0usize..2, to_other in any::<bool>(), date in past(90),
                 text in required_text(), due in prop::option::of(7i64..60),
                 every in prop::option::of(prop::sample::select(vec!["day", "weekday", "week", "mon,thu", "sun"])),
                 status in prop::sample::select(vec!["open", "kept", "missed", "cancelled"]),
                 closed in prop::option::of(0i64..30), stamps in (stamp(), stamp()))
        -> (usize, bool, PromiseRecord) {
        let status = match (every, status) {
            (Some(_), "kept" | "missed") => "open",
            (_, status) => status,
        };
        (by, to_other, PromiseRecord {
            uuid, by_uuid: String::new(), to_uuid: None, due: due.map(|d| later(&date, d)),
            every: every.map(String::from), status: status.to_string(),
            closed_on: closed.map(|d| later(&date, d)), date, text,
            created_at: stamps.0, updated_at: stamps.1, ..Default::default()
        })
    }
}

/// The `nth` date (counting around) on which `promise` can take an outcome by today, as
/// `promise keep` would accept it; `None` when it has none yet.
fn outcome_date(promise: &PromiseRecord, nth: usize) -> Option<String> {
    use rekindle::domain::recurrence::{Plan, Rule, Schedule};
    let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
    let today = day("2026-11-21");
    let from = day(&promise.date);
    let due = promise.due.as_deref().map(day);
    let plan = match &promise.every {
        None => Plan::Once { from, due },
        Some(every) => Plan::Recurring(Schedule {
            rule: every.parse::<Rule>().unwrap(),
            from,
            until: due,
        }),
    };
    let dates: Vec<NaiveDate> = from
        .iter_days()
        .take_while(|d| *d <= today)
        .filter(|d| plan.check_outcome_date(*d, today).is_ok())
        .collect();
    (!dates.is_empty()).then(|| dates[nth % dates.len()].to_string())
}

prop_compose! {
    fn outcome()(uuid in uuid(), promise in 0usize..4, by in 0usize..2, date in past(30),
                 result in prop::sample::select(vec!["kept", "missed", "skipped"]),
                 note in optional_text(), stamps in (stamp(), stamp()))
        -> (usize, usize, OutcomeRecord) {
        (promise, by, OutcomeRecord {
            uuid, promise_uuid: String::new(), date, result: result.to_string(), note,
            recorded_by_uuid: String::new(), created_at: stamps.0, updated_at: stamps.1,
            ..Default::default()
        })
    }
}

prop_compose! {
    fn apology()(uuid in uuid(), by in 0usize..2, promise in prop::option::of(0usize..4),
                 date in past(90), what in required_text(), impact in optional_text(),
                 responsibility in required_text(), change in optional_text(),
                 stamps in (stamp(), stamp()))
        -> (usize, Option<usize>, ApologyRecord) {
        (by, promise, ApologyRecord {
            uuid, by_uuid: String::new(), to_uuid: String::new(), date, what, impact,
            responsibility, change, promise_uuid: None, created_at: stamps.0, updated_at: stamps.1,
            ..Default::default()
        })
    }
}

prop_compose! {
    fn response()(uuid in uuid(), apology in 0usize..3, date in past(30),
                  status in prop::sample::select(vec!["accepted", "need-time", "declined"]),
                  note in optional_text(), stamps in (stamp(), stamp()))
        -> (usize, ResponseRecord) {
        (apology, ResponseRecord {
            uuid, apology_uuid: String::new(), by_uuid: String::new(), date,
            status: status.to_string(), note, created_at: stamps.0, updated_at: stamps.1,
            ..Default::default()
        })
    }
}

prop_compose! {
    fn meeting()(uuid in uuid(), date in past(60), went_well in optional_text(),
                 work_on in optional_text(),
                 parts in prop::collection::vec((0usize..2, optional_text(), optional_text(), prop::option::of(0usize..4)), 0..3),
                 stamps in (stamp(), stamp()))
        -> (Vec<(usize, Option<String>, Option<String>, Option<usize>)>, MeetingRecord) {
        (parts, MeetingRecord {
            uuid, date, went_well, work_on, parts: Vec::new(), created_at: stamps.0,
            updated_at: stamps.1, ..Default::default()
        })
    }
}

prop_compose! {
    fn journal()(names in (name(), name()).prop_filter("two different names", |(a, b)| a.to_lowercase() != b.to_lowercase()),
                 roles in prop::sample::select(vec![("repairing", "healing"), ("healing", "repairing"), ("mutual", "mutual")]),
                 partner_uuids in (uuid(), uuid()), partner_stamps in (stamp(), stamp()),
                 checkins in prop::collection::vec(checkin(), 0..8),
                 feelings in prop::collection::vec(feeling(), 0..8),
                 promises in prop::collection::vec(promise(), 0..4),
                 outcomes in prop::collection::vec(outcome(), 0..6),
                 apologies in prop::collection::vec(apology(), 0..3),
                 responses in prop::collection::vec(response(), 0..4),
                 focus in prop::collection::vec((uuid(), prop::sample::select(&STEPS[..]), past(90), prop::option::of(0usize..2), stamp()), 0..3),
                 meetings in prop::collection::vec(meeting(), 0..3))
        -> Document {
        let mut doc = Document::new("2026-11-21T09:00:00.000000Z".to_string());
        let p = [partner_uuids.0.clone(), partner_uuids.1.clone()];
        for (i, (name, role)) in [(names.0, roles.0), (names.1, roles.1)].into_iter().enumerate() {
            doc.partners.push(PartnerRecord {
                uuid: p[i].clone(), name, role: role.to_string(),
                created_at: partner_stamps.0.clone(), updated_at: partner_stamps.1.clone(),
                ..Default::default()
            });
        }
        let mut days = HashSet::new();
        for (partner, mut c) in checkins {
            if days.insert((partner, c.date.clone())) {
                c.partner_uuid = p[partner].clone();
                doc.checkins.push(c);
            }
        }
        for (partner, checkin, mut f) in feelings {
            match checkin.and_then(|i| doc.checkins.get(i)) {
                Some(c) => {
                    f.partner_uuid = c.partner_uuid.clone();
                    f.checkin_uuid = Some(c.uuid.clone());
                    f.date = c.date.clone();
                }
                None => f.partner_uuid = p[partner].clone(),
            }
            doc.feelings.push(f);
        }
        for (by, to_other, mut promise) in promises {
            promise.by_uuid = p[by].clone();
            promise.to_uuid = to_other.then(|| p[1 - by].clone());
            doc.promises.push(promise);
        }
        // Each on a day the promise can take an outcome; a one-time promise takes one, and
        // is never skipped.
        let mut once = HashSet::new();
        for (k, (promise, by, mut o)) in outcomes.into_iter().enumerate() {
            let Some(pr) = doc.promises.get(promise) else { continue };
            let Some(date) = outcome_date(pr, k * 7 + o.date.len()) else { continue };
            o.date = date;
            let one_time = pr.every.is_none();
            if one_time && o.result == "skipped" {
                o.result = "missed".to_string();
            }
            let key = if one_time { (promise, String::new()) } else { (promise, o.date.clone()) };
            if once.insert(key) {
                o.promise_uuid = pr.uuid.clone();
                o.recorded_by_uuid = p[by].clone();
                doc.outcomes.push(o);
            }
        }
        for (by, promise, mut a) in apologies {
            a.by_uuid = p[by].clone();
            a.to_uuid = p[1 - by].clone();
            a.promise_uuid = promise.and_then(|i| doc.promises.get(i)).map(|pr| pr.uuid.clone());
            doc.apologies.push(a);
        }
        for (apology, mut r) in responses {
            if let Some(a) = doc.apologies.get(apology) {
                r.apology_uuid = a.uuid.clone();
                r.by_uuid = a.to_uuid.clone();
                doc.responses.push(r);
            }
        }
        for (uuid, step, date, partner, stamp) in focus {
            doc.focus.push(FocusRecord {
                uuid, step: step.to_string(), date, partner_uuid: partner.map(|i| p[i].clone()),
                created_at: stamp.clone(), updated_at: stamp, ..Default::default()
            });
        }
        for (parts, mut m) in meetings {
            let mut who = HashSet::new();
            for (partner, appreciation, request, promise) in parts {
                if who.insert(partner) {
                    m.parts.push(MeetingPart {
                        partner_uuid: p[partner].clone(), appreciation, request,
                        promise_uuid: promise.and_then(|i| doc.promises.get(i)).map(|pr| pr.uuid.clone()),
                    });
                }
            }
            doc.meetings.push(m);
        }
        stamped(&mut doc, &p);
        doc
    }
}

/// Version 2 stamps for a generated document: each record stamped from its `updated_at`, as a
/// version 1 file is on import, and changed by one of the partners; a check-in's feelings
/// carry its stamp.
fn stamped(doc: &mut Document, partners: &[String; 2]) {
    fn hlc(updated_at: &str) -> String {
        let at = chrono::DateTime::parse_from_rfc3339(updated_at)
            .unwrap()
            .with_timezone(&chrono::Utc);
        Hlc::legacy(&at).encode()
    }
    let by = |i: usize| Some(partners[i % 2].clone());
    for (i, r) in doc.partners.iter_mut().enumerate() {
        (r.hlc, r.changed_by_uuid) = (hlc(&r.updated_at), by(i));
    }
    for (i, r) in doc.checkins.iter_mut().enumerate() {
        (r.hlc, r.changed_by_uuid) = (hlc(&r.updated_at), by(i));
    }
    for (i, r) in doc.feelings.iter_mut().enumerate() {
        (r.hlc, r.changed_by_uuid) = match doc
            .checkins
            .iter()
            .find(|c| Some(&c.uuid) == r.checkin_uuid.as_ref())
        {
            Some(c) => (c.hlc.clone(), c.changed_by_uuid.clone()),
            None => (hlc(&r.updated_at), by(i)),
        };
    }
    for (i, r) in doc.promises.iter_mut().enumerate() {
        (r.hlc, r.changed_by_uuid) = (hlc(&r.updated_at), by(i));
    }
    for (i, r) in doc.outcomes.iter_mut().enumerate() {
        (r.hlc, r.changed_by_uuid) = (hlc(&r.updated_at), by(i));
    }
    for (i, r) in doc.apologies.iter_mut().enumerate() {
        (r.hlc, r.changed_by_uuid) = (hlc(&r.updated_at), by(i));
    }
    for (i, r) in doc.responses.iter_mut().enumerate() {
        (r.hlc, r.changed_by_uuid) = (hlc(&r.updated_at), by(i));
    }
    for (i, r) in doc.focus.iter_mut().enumerate() {
        (r.hlc, r.changed_by_uuid) = (hlc(&r.updated_at), by(i));
    }
    for (i, r) in doc.meetings.iter_mut().enumerate() {
        (r.hlc, r.changed_by_uuid) = (hlc(&r.updated_at), by(i));
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(16)
}

fn export_json(env: &TestEnv, journal: &std::path::Path) -> Value {
    let mut doc = env
        .run(["--journal", journal.to_str().unwrap(), "export"])
        .success()
        .json();
    doc.as_object_mut().unwrap().remove("exported_at");
    doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn any_journal_survives_export_and_import_unchanged(doc in journal()) {
        let env = TestEnv::new();
        let file = env.root().join("generated.json");
        std::fs::write(&file, serde_json::to_vec(&doc).unwrap()).unwrap();
        let first = env.root().join("first/journal.db");
        let second = env.root().join("second/journal.db");

        env.run(["--journal", first.to_str().unwrap(), "import", file.to_str().unwrap()]).success();
        let exported = export_json(&env, &first);
        let mut expected = serde_json::to_value(&doc).unwrap();
        expected.as_object_mut().unwrap().remove("exported_at");
        prop_assert!(
            exported == expected,
            "the journal holds exactly what was imported: {:?}",
            crate::support::first_difference(&exported, &expected)
        );

        let again = env.root().join("exported.json");
        std::fs::write(&again, serde_json::to_vec(&exported).unwrap()).unwrap();
        env.run(["--journal", second.to_str().unwrap(), "import", again.to_str().unwrap()]).success();
        prop_assert_eq!(export_json(&env, &second), exported);

        // Importing it once more into the first journal changes nothing.
        let summary = env
            .run(["--journal", first.to_str().unwrap(), "import", again.to_str().unwrap(), "--json"])
            .success()
            .json();
        for column in ["added", "updated", "removed"] {
            prop_assert!(summary[column].as_object().unwrap().values().all(|n| n == 0), "{}: {}", column, summary);
        }

        // The CSV holds every check-in's words, exactly (a formula-like start gets its '),
        // except those still sealed: with no reader named, words are read only for days both
        // partners checked in.
        let csv = env.run(["--journal", first.to_str().unwrap(), "export", "--format", "csv"]).success().stdout.clone();
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let mut answers: Vec<String> = reader.records().map(|r| r.unwrap()[7].to_string()).collect();
        let both_in = |c: &rekindle::domain::exchange::CheckinRecord| doc.checkins.iter()
            .any(|o| o.date == c.date && o.partner_uuid != c.partner_uuid);
        let mut wanted: Vec<String> = doc.checkins.iter()
            .map(|c| match both_in(c) {
                true => rekindle::views::export::csv::defuse(c.answer.clone().unwrap_or_default()),
                false => String::new(),
            })
            .collect();
        answers.sort();
        wanted.sort();
        prop_assert_eq!(answers, wanted);

        // Markdown never carries a raw control character.
        let md = env.run(["--journal", first.to_str().unwrap(), "export", "--format", "markdown"]).success().stdout.clone();
        prop_assert!(!md.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "raw control character in Markdown");
    }
}

/// What the commands themselves write must be what import accepts back: a journal made through
/// every writing command exports, imports into a new path, and exports again identically.
#[test]
fn a_journal_written_through_every_command_survives_export_and_import() {
    let env = TestEnv::with_couple();
    let steps: &[&[&str]] = &[
        &[
            "checkin",
            "--as",
            "Sam",
            "--date",
            "2026-11-19",
            "--trust",
            "4",
            "--connection",
            "5",
            "--feeling",
            "hurt:4",
            "--feeling",
            "wistful",
            "--answer",
            "I'm sorry, \"truly\"; it was me",
            "--appreciation",
            "you listened",
            "--need",
            "time",
            "--note",
            "line one\nline two",
        ],
        &[
            "checkin",
            "--as",
            "Sam",
            "--date",
            "2026-11-19",
            "--trust",
            "5",
            "--feeling",
            "hopeful",
            "--amend",
        ],
        &[
            "checkin",
            "--as",
            "Alex",
            "--date",
            "yesterday",
            "--trust",
            "3",
        ],
        &[
            "feel",
            "--as",
            "Alex",
            "anxious:2",
            "calm",
            "--note",
            "after the call",
        ],
        &["focus", "communication", "--as", "Alex"],
        &[
            "promise",
            "add",
            "--as",
            "Sam",
            "Text you when I'm late",
            "--every",
            "Thursday,mon",
            "--from",
            "2026-11-16",
        ],
        &[
            "promise",
            "add",
            "--as",
            "Alex",
            "Book the counsellor",
            "--due",
            "2026-11-21",
        ],
        &[
            "promise",
            "keep",
            "1",
            "--as",
            "Alex",
            "--date",
            "2026-11-16",
            "--note",
            "on time",
        ],
        &[
            "promise",
            "miss",
            "1",
            "--as",
            "Sam",
            "--date",
            "2026-11-19",
        ],
        &["promise", "keep", "2", "--as", "Alex"],
        &[
            "apology",
            "add",
            "--as",
            "Sam",
            "--what",
            "I hid the messages",
            "--impact",
            "You felt foolish",
            "--responsibility",
            "I chose to hide them",
            "--change",
            "I'll tell you first",
            "--promise",
            "--every",
            "weekday",
        ],
        &[
            "apology",
            "respond",
            "1",
            "--as",
            "Alex",
            "--need-time",
            "--note",
            "not yet",
        ],
        &["apology", "respond", "1", "--as", "Alex", "--accept"],
        &[
            "exercise",
            "incident",
            "--as",
            "Sam",
            "--what",
            "the drive home",
            "--own-part",
            "I was short, \"tired\"",
        ],
        &[
            "exercise",
            "trigger",
            "--as",
            "Alex",
            "--what",
            "a late reply",
            "--repair",
            "reassure me",
        ],
        &[
            "exercise",
            "request",
            "--as",
            "Alex",
            "--what",
            "Call at lunch",
        ],
        &["promise", "add", "--as", "Sam", "--request", "3"],
    ];
    for args in steps {
        env.run(*args).success();
    }
    let first = export_json(&env, &env.default_journal());
    for (kind, n) in [
        ("partners", 2),
        ("checkins", 2),
        ("feelings", 3),
        ("promises", 4),
        ("outcomes", 3),
        ("apologies", 1),
        ("responses", 2),
        ("focus", 2),
        ("exercises", 3),
    ] {
        assert_eq!(first[kind].as_array().unwrap().len(), n, "{kind}");
    }
    let file = env.root().join("export.json");
    std::fs::write(&file, serde_json::to_vec(&first).unwrap()).unwrap();
    let copy = env.root().join("copy/journal.db");
    env.run([
        "--journal",
        copy.to_str().unwrap(),
        "import",
        file.to_str().unwrap(),
    ])
    .success();
    assert_eq!(export_json(&env, &copy), first);
    // Importing it back into the journal it came from changes nothing.
    let again = env
        .run(["import", file.to_str().unwrap(), "--json"])
        .success()
        .json();
    assert_eq!(
        again["added"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_u64().unwrap())
            .sum::<u64>(),
        0,
        "{again}"
    );
    assert_eq!(export_json(&env, &env.default_journal()), first);
}
