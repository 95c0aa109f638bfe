//! The merge's promise, checked: two journals that add, edit, delete and undo records on
//! their own, with clocks that disagree, and exchange exports in any order, end with the same
//! records, revisions, tombstones and withdrawals once each has seen the other's last export.
//!
//! "The same" is the export document without `exported_at`, each list taken as a set: the
//! order of an export's lists follows each journal's own numbering, which is local.
//! The operations are the store's own, the ones the commands call (`edit`, `delete` and
//! `undo` are thin layers over them).

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use proptest::prelude::*;
use serde_json::Value;

use crate::domain::exchange::{Body, check};
use crate::domain::exercise::Exercise;
use crate::domain::kind::RecordKind;
use crate::domain::model::{Role, Step};
use crate::store::checkins::CheckinFields;
use crate::store::clock::{self, Clock};
use crate::store::exercises::Texts;
use crate::store::feelings::NewFeeling;
use crate::store::promises::{NewPromise, OutcomeKind};
use crate::store::revisions::Action;
use crate::store::{
    Store, checkins, exercises, feelings, focus, partners, promises, records, undo,
};

use super::{merge, read_all};

const TODAY: (i32, u32, u32) = (2026, 11, 21);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap()
}

fn base() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-21T08:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// One step of one journal's life.
#[derive(Debug, Clone)]
enum Op {
    Checkin {
        partner: usize,
        day: u32,
        trust: u8,
        note: u8,
        feelings: u8,
    },
    Feel {
        partner: usize,
        day: u32,
        word: u8,
    },
    Promise {
        partner: usize,
        text: u8,
    },
    Outcome {
        promise: usize,
        day: u32,
        kept: bool,
        by: usize,
    },
    Exercise {
        partner: usize,
        which: u8,
        text: u8,
    },
    /// A note, shared or private (its "ciphertext" stands in for real encryption: the merge
    /// never reads it).
    Note {
        partner: usize,
        text: u8,
        private: bool,
    },
    /// A request turned into a promise: the request is linked to it.
    Adopt {
        request: usize,
        promise: usize,
    },
    Edit {
        which: usize,
        note: u8,
        forget: bool,
    },
    Delete {
        which: usize,
    },
    Undo {
        partner: usize,
    },
    /// A partner's passphrase set or changed (`key` picks the wrapped key), or removed.
    Passphrase {
        partner: usize,
        key: u8,
        remove: bool,
    },
    /// A partner's check-in for a day written with private words.
    Private {
        partner: usize,
        day: u32,
        trust: u8,
    },
}

#[derive(Debug, Clone)]
enum Step_ {
    /// Journal 0 or 1 does something, its clock `skew` minutes off.
    Act(usize, Op),
    /// Journal `from`'s export is imported into the other.
    Exchange(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..2usize, 0..4u32, 1..=10u8, 0..4u8, 0..3u8)
            .prop_map(|(partner, day, trust, note, feelings)| Op::Checkin { partner, day, trust, note, feelings }),
        1 => (0..2usize, 0..4u32, 0..4u8).prop_map(|(partner, day, word)| Op::Feel { partner, day, word }),
        1 => (0..2usize, 0..3u8).prop_map(|(partner, text)| Op::Promise { partner, text }),
        1 => (0..3usize, 0..4u32, any::<bool>(), 0..2usize)
            .prop_map(|(promise, day, kept, by)| Op::Outcome { promise, day, kept, by }),
        1 => (0..2usize, 0..3u8, 0..4u8)
            .prop_map(|(partner, which, text)| Op::Exercise { partner, which, text }),
        1 => (0..3usize, 0..3usize).prop_map(|(request, promise)| Op::Adopt { request, promise }),
        1 => (0..2usize, 0..4u8, any::<bool>())
            .prop_map(|(partner, text, private)| Op::Note { partner, text, private }),
        3 => (0..8usize, 0..4u8, prop::bool::weighted(0.2))
            .prop_map(|(which, note, forget)| Op::Edit { which, note, forget }),
        1 => (0..8usize).prop_map(|which| Op::Delete { which }),
        2 => (0..2usize).prop_map(|partner| Op::Undo { partner }),
        2 => (0..2usize, 0..3u8, prop::bool::weighted(0.3))
            .prop_map(|(partner, key, remove)| Op::Passphrase { partner, key, remove }),
        1 => (0..2usize, 0..4u32, 1..=10u8)
            .prop_map(|(partner, day, trust)| Op::Private { partner, day, trust }),
    ]
}

fn step() -> impl Strategy<Value = Step_> {
    prop_oneof![
        6 => (0..2usize, op()).prop_map(|(j, op)| Step_::Act(j, op)),
        2 => (0..2usize).prop_map(Step_::Exchange),
    ]
}

const NOTES: [&str; 4] = [
    "we walked",
    "a hard evening",
    "I felt heard",
    "OVER-SHARED SECRET",
];
const WORDS: [&str; 4] = ["hopeful", "hurt", "calm", "anxious"];
const TEXTS: [&str; 3] = ["Call at lunch", "Walk on Sunday", "Say goodnight"];

/// A journal and its clock: `skew` minutes from the shared time (set back or ahead).
struct Journal {
    store: Store,
    skew: i64,
}

impl Journal {
    fn clock(&self, tick: i64) -> Clock {
        Clock::Fixed(base() + Duration::minutes(self.skew) + Duration::seconds(tick))
    }
}

fn new_journal(couple_from: Option<&Store>, skew: i64) -> Journal {
    let mut store = Store::open_in_memory().unwrap();
    let clock = Clock::Fixed(base() + Duration::minutes(skew));
    match couple_from {
        // The second journal starts from the first one's export.
        Some(first) => {
            let doc = check(
                read_all(first.conn(), "x".into()).unwrap(),
                today(),
                &base(),
            )
            .unwrap();
            store
                .write(|tx| merge(tx, &doc, &clock.now())?.map_err(|p| anyhow::anyhow!("{p}")))
                .unwrap();
        }
        // A journal set up on its own, with the same names.
        None => {
            store
                .write(|tx| {
                    let stamp = clock::stamp(tx, &clock, None)?;
                    partners::insert(tx, &stamp, "Sam", Role::Repairing)?;
                    partners::insert(tx, &stamp, "Alex", Role::Healing)?;
                    focus::record(
                        tx,
                        &stamp,
                        Step::Responsibility,
                        today() - chrono::Days::new(10),
                        None,
                        true,
                    )?;
                    Ok(())
                })
                .unwrap();
        }
    }
    Journal { store, skew }
}

/// The records `Edit` and `Delete` pick from: this journal's check-ins, quick feelings,
/// promises and outcomes, in a stable order.
fn editable(store: &Store) -> Vec<(RecordKind, i64)> {
    let mut out = Vec::new();
    for (kind, table, extra) in [
        (RecordKind::Checkin, "checkins", ""),
        (RecordKind::Feeling, "feelings", "WHERE checkin_id IS NULL"),
        (RecordKind::Promise, "promises", ""),
        (RecordKind::Outcome, "outcomes", ""),
        (RecordKind::Exercise, "exercises", ""),
        (RecordKind::Note, "notes", ""),
    ] {
        let mut stmt = store
            .conn()
            .prepare(&format!("SELECT id FROM {table} {extra} ORDER BY uuid"))
            .unwrap();
        let ids: Vec<i64> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        out.extend(ids.into_iter().map(|id| (kind, id)));
    }
    out
}

fn partner_id(store: &Store, index: usize) -> i64 {
    let all = partners::all(store.conn()).unwrap();
    all[index.min(all.len() - 1)].id
}

fn act(journal: &mut Journal, op: &Op, tick: i64) {
    let clock = journal.clock(tick);
    let store = &mut journal.store;
    let result: anyhow::Result<()> = match op {
        Op::Checkin {
            partner,
            day,
            trust,
            note,
            feelings,
        } => {
            let who = partner_id(store, *partner);
            let date = today() - chrono::Days::new(u64::from(*day));
            store.write(|tx| {
                let stamp = clock::stamp(tx, &clock, Some(who))?;
                let fields = CheckinFields {
                    trust: *trust,
                    step: Step::Responsibility,
                    note: Some(NOTES[usize::from(*note)].to_string()),
                    ..Default::default()
                };
                // A second check-in for the day replaces the first, as `--amend` does; words
                // shared now replace private ones kept before, as `checkin` does.
                let checkin = match checkins::find(tx, who, date)? {
                    Some(old) => checkins::replace(tx, &stamp, &old, &fields)?,
                    None => checkins::insert(tx, &stamp, who, date, &fields)?,
                };
                checkins::clear_private(tx, checkin.id)?;
                for word in WORDS.iter().take(usize::from(*feelings)) {
                    feelings::insert(
                        tx,
                        &stamp,
                        &NewFeeling {
                            partner_id: who,
                            checkin_id: Some(checkin.id),
                            date,
                            word,
                            intensity: None,
                            note: None,
                        },
                    )?;
                }
                Ok(())
            })
        }
        Op::Feel { partner, day, word } => {
            let who = partner_id(store, *partner);
            let date = today() - chrono::Days::new(u64::from(*day));
            store.write(|tx| {
                let stamp = clock::stamp(tx, &clock, Some(who))?;
                feelings::insert(
                    tx,
                    &stamp,
                    &NewFeeling {
                        partner_id: who,
                        checkin_id: None,
                        date,
                        word: WORDS[usize::from(*word)],
                        intensity: Some(3),
                        note: Some("just now"),
                    },
                )?;
                Ok(())
            })
        }
        Op::Promise { partner, text } => {
            let who = partner_id(store, *partner);
            let other = partner_id(store, 1 - *partner);
            store.write(|tx| {
                let stamp = clock::stamp(tx, &clock, Some(who))?;
                promises::insert(
                    tx,
                    &stamp,
                    &NewPromise {
                        by_id: who,
                        to_id: Some(other),
                        from: today() - chrono::Days::new(5),
                        text: TEXTS[usize::from(*text)],
                        due: None,
                        every: Some("day".parse().unwrap()),
                    },
                )?;
                Ok(())
            })
        }
        Op::Outcome {
            promise,
            day,
            kept,
            by,
        } => {
            let who = partner_id(store, *by);
            let date = today() - chrono::Days::new(u64::from(*day));
            let all = promises::list(store.conn(), true).unwrap();
            let Some(p) = all.get(*promise % all.len().max(1)).cloned() else {
                return;
            };
            let result = if *kept {
                OutcomeKind::Kept
            } else {
                OutcomeKind::Missed
            };
            store.write(|tx| {
                let stamp = clock::stamp(tx, &clock, Some(who))?;
                match promises::outcome_on(tx, p.id, date)? {
                    Some(o) => {
                        promises::amend_outcome(tx, &stamp, &o, result, Some("amended"))?;
                    }
                    None => {
                        promises::record_outcome(tx, &stamp, p.id, date, result, None, who)?;
                    }
                }
                Ok(())
            })
        }
        Op::Exercise {
            partner,
            which,
            text,
        } => {
            let who = partner_id(store, *partner);
            let exercise = Exercise::ALL[usize::from(*which) % 3];
            let mut texts = Texts {
                what: NOTES[usize::from(*text)].to_string(),
                ..Texts::default()
            };
            for part in exercise.parts().iter().skip(1) {
                texts.set(part.field, Some(WORDS[usize::from(*text)].to_string()));
            }
            store.write(|tx| {
                let stamp = clock::stamp(tx, &clock, Some(who))?;
                exercises::insert(tx, &stamp, exercise, who, today(), &texts)?;
                Ok(())
            })
        }
        Op::Note {
            partner,
            text,
            private,
        } => {
            let who = partner_id(store, *partner);
            let words = NOTES[usize::from(*text)];
            let words = match private {
                true => crate::store::notes::Words::Private(Some(stand_in(words))),
                false => crate::store::notes::Words::Shared(words.to_string()),
            };
            store.write(|tx| {
                let stamp = clock::stamp(tx, &clock, Some(who))?;
                crate::store::notes::insert(tx, &stamp, who, today(), &words)?;
                Ok(())
            })
        }
        Op::Adopt { request, promise } => {
            let requests = exercises::of_type(store.conn(), Exercise::Request).unwrap();
            let all = promises::list(store.conn(), true).unwrap();
            let (Some(r), Some(p)) = (
                requests.get(*request % requests.len().max(1)).cloned(),
                all.get(*promise % all.len().max(1)).cloned(),
            ) else {
                return;
            };
            store.write(|tx| {
                let stamp = clock::stamp(tx, &clock, Some(p.by_id))?;
                exercises::link_promise(tx, &stamp, r.id, p.id)?;
                Ok(())
            })
        }
        Op::Edit {
            which,
            note,
            forget,
        } => {
            let all = editable(store);
            let Some(&(kind, id)) = all.get(*which % all.len().max(1)) else {
                return;
            };
            store.write(|tx| {
                let Some(current) = records::current(tx, kind, id)? else {
                    return Ok(());
                };
                let author = crate::store::revisions::author(tx, kind, id)?;
                let stamp = clock::stamp(tx, &clock, author)?;
                let text = NOTES[usize::from(*note)].to_string();
                let mut next = current.body.clone();
                match &mut next {
                    // `edit` refuses the words of a private check-in (share them first).
                    Body::Checkin(c, _) if c.privacy.private => return Ok(()),
                    Body::Checkin(c, _) => c.note = Some(text),
                    Body::Feeling(f) => f.note = Some(text),
                    Body::Promise(p) => p.text = text,
                    Body::Outcome(o) => o.note = Some(text),
                    Body::Exercise(e) => e.what = text,
                    Body::Note(n) if n.private => {
                        use base64::Engine as _;
                        n.ciphertext =
                            Some(base64::engine::general_purpose::STANDARD.encode(stand_in(&text)));
                    }
                    Body::Note(n) => n.text = Some(text),
                    _ => {}
                }
                if next.content() == current.body.content() {
                    return Ok(());
                }
                let after = records::replace(tx, &stamp, &current, &next, Action::Edit)?;
                if *forget {
                    let fields = crate::domain::edit::changed_text(&current.body, &after);
                    crate::store::revisions::withdraw(tx, &stamp, kind, &current.uuid, &fields)?;
                }
                Ok(())
            })
        }
        Op::Delete { which } => {
            let all = editable(store);
            let Some(&(kind, id)) = all.get(*which % all.len().max(1)) else {
                return;
            };
            store.write(|tx| {
                let author = crate::store::revisions::author(tx, kind, id)?;
                let stamp = clock::stamp(tx, &clock, author)?;
                crate::store::revisions::delete(tx, &stamp, kind, id, today(), Action::Delete)?;
                Ok(())
            })
        }
        Op::Passphrase {
            partner,
            key,
            remove,
        } => {
            let who = partner_id(store, *partner);
            store.write(|tx| {
                let had = crate::store::partner_keys::get(tx, who)?.is_some();
                let stamp = clock::stamp(tx, &clock, Some(who))?;
                let action = match (had, *remove) {
                    (false, true) => return Ok(()),
                    (true, true) => {
                        crate::store::partner_keys::remove(tx, &stamp, who)?;
                        crate::store::partner_keys::Action::Remove
                    }
                    (had, false) => {
                        let recipient = format!("age1{}", "q".repeat(57) + &key.to_string());
                        let wrapped = [b"age-encryption.org/v1\n".as_slice(), &[*key; 8]].concat();
                        crate::store::partner_keys::put(tx, &stamp, who, &recipient, &wrapped)?;
                        match had {
                            true => crate::store::partner_keys::Action::Change,
                            false => crate::store::partner_keys::Action::Set,
                        }
                    }
                };
                crate::store::partner_keys::record_event(tx, &stamp, who, action, today())?;
                Ok(())
            })
        }
        Op::Private {
            partner,
            day,
            trust,
        } => {
            let who = partner_id(store, *partner);
            let date = today() - chrono::Days::new(u64::from(*day));
            store.write(|tx| {
                let stamp = clock::stamp(tx, &clock, Some(who))?;
                let fields = CheckinFields {
                    trust: *trust,
                    step: Step::Responsibility,
                    ..Default::default()
                };
                let checkin = match checkins::find(tx, who, date)? {
                    Some(old) => checkins::replace(tx, &stamp, &old, &fields)?,
                    None => checkins::insert(tx, &stamp, who, date, &fields)?,
                };
                let sealed = [b"age-encryption.org/v1\n".as_slice(), &[*trust; 16]].concat();
                checkins::set_private(tx, checkin.id, &sealed)?;
                Ok(())
            })
        }
        Op::Undo { partner } => {
            let who = partner_id(store, *partner);
            store.write(|tx| {
                if let Ok((_, steps)) = undo::plan(tx, who, "")? {
                    let stamp = clock::stamp(tx, &clock, Some(who))?;
                    undo::apply(tx, &stamp, &steps, today())?;
                }
                Ok(())
            })
        }
    };
    result.unwrap();
}

/// What stands in for the ciphertext of private words here: an age file's header and the
/// words (the merge never reads it; an import checks that it looks like an age file).
fn stand_in(words: &str) -> Vec<u8> {
    let mut bytes = b"age-encryption.org/v1\n".to_vec();
    bytes.extend_from_slice(words.as_bytes());
    bytes
}

/// Imports `from`'s export into `into`, with `into`'s clock.
fn exchange(from: &Journal, into: &mut Journal, tick: i64) {
    let now = into.clock(tick).now();
    let doc = read_all(from.store.conn(), "x".into()).unwrap();
    let doc = check(doc, today(), &now).unwrap();
    into.store
        .write(|tx| merge(tx, &doc, &now)?.map_err(|p| anyhow::anyhow!("{p}")))
        .unwrap();
}

/// The export as sets: without `exported_at`, each list sorted by its records' text, and
/// private words as their stub. "The same journal" means the same shared records: a journal
/// keeps private words a stub cannot take away, so one may hold words the other lost (by
/// going back to an earlier version, which keeps only the stub); see [`same_words`].
fn as_sets(store: &Store) -> Value {
    let mut doc = read_all(store.conn(), "x".into()).unwrap();
    doc.strip_private();
    let mut value = serde_json::to_value(doc).unwrap();
    let object = value.as_object_mut().unwrap();
    object.shift_remove("exported_at");
    for (_, list) in object.iter_mut() {
        if let Some(items) = list.as_array_mut() {
            items.sort_by_key(|v| v.to_string());
        }
    }
    value
}

/// Private words both journals hold are the same words.
fn same_words(a: &Store, b: &Store) -> Result<(), TestCaseError> {
    let words = |store: &Store| -> HashMap<String, String> {
        read_all(store.conn(), "x".into())
            .unwrap()
            .checkins
            .into_iter()
            .filter_map(|c| {
                Some((
                    format!("{}{}", c.partner_uuid, c.date),
                    c.privacy.ciphertext?,
                ))
            })
            .collect()
    };
    let (x, y) = (words(a), words(b));
    for (day, words) in &x {
        if let Some(other) = y.get(day) {
            prop_assert_eq!(words, other, "private words for {}", day);
        }
    }
    Ok(())
}

fn run(steps: &[Step_], shared_start: bool, skew: i64) -> Result<(), TestCaseError> {
    let first = new_journal(None, 0);
    let second = new_journal(shared_start.then_some(&first.store), skew);
    let mut journals = [first, second];
    let mut tick = 0;
    for step in steps {
        tick += 7;
        match step {
            Step_::Act(j, op) => act(&mut journals[*j], op, tick),
            Step_::Exchange(from) => {
                let [a, b] = &mut journals;
                if *from == 0 {
                    exchange(a, b, tick);
                } else {
                    exchange(b, a, tick);
                }
            }
        }
    }
    // Each sees the other's last export.
    let [a, b] = &mut journals;
    exchange(a, b, tick + 1);
    exchange(b, a, tick + 2);
    let (x, y) = (as_sets(&a.store), as_sets(&b.store));
    same_words(&a.store, &b.store)?;
    prop_assert!(
        x == y,
        "the journals differ after exchanging both ways:\n{}\n---\n{}",
        serde_json::to_string_pretty(&x).unwrap(),
        serde_json::to_string_pretty(&y).unwrap()
    );
    for j in [&*a, &*b] {
        prop_assert!(
            crate::store::integrity_problems(j.store.conn())
                .unwrap()
                .is_empty()
        );
    }
    // Merging again changes nothing: idempotent.
    let before = as_sets(&a.store);
    exchange(b, a, tick + 3);
    prop_assert_eq!(as_sets(&a.store), before);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn journals_that_exchange_exports_in_any_order_converge(
        steps in prop::collection::vec(step(), 1..40),
        shared_start in prop::bool::weighted(0.7),
        skew in prop_oneof![Just(0i64), -525_600i64..525_600],
    ) {
        run(&steps, shared_start, skew)?;
    }
}

#[test]
fn words_deleted_on_one_side_never_come_back_from_the_other() {
    // One journal deletes a check-in the other still holds (and edits meanwhile): after
    // exchanging both ways, it is gone from both, and its words are nowhere in either export.
    let steps = [
        Step_::Act(
            0,
            Op::Checkin {
                partner: 0,
                day: 1,
                trust: 5,
                note: 3,
                feelings: 1,
            },
        ),
        Step_::Exchange(0),
        Step_::Act(
            1,
            Op::Edit {
                which: 0,
                note: 1,
                forget: false,
            },
        ),
        Step_::Act(0, Op::Delete { which: 0 }),
    ];
    run(&steps, true, 0).unwrap();
}

#[test]
fn a_journal_whose_clock_runs_a_year_behind_still_wins_with_its_later_change() {
    let mut late = new_journal(None, 0);
    let mut behind = new_journal(Some(&late.store), -525_600);
    act(
        &mut late,
        &Op::Checkin {
            partner: 0,
            day: 0,
            trust: 3,
            note: 0,
            feelings: 0,
        },
        1,
    );
    exchange(&late, &mut behind, 2);
    // Made after seeing the other's change, though its clock says a year earlier.
    act(
        &mut behind,
        &Op::Edit {
            which: 0,
            note: 1,
            forget: false,
        },
        3,
    );
    exchange(&behind, &mut late, 4);
    let notes: HashMap<&str, String> = [("late", &late), ("behind", &behind)]
        .into_iter()
        .map(|(name, j)| {
            let note: String = j
                .store
                .conn()
                .query_row("SELECT note FROM checkins", [], |r| r.get(0))
                .unwrap();
            (name, note)
        })
        .collect();
    assert_eq!(notes["late"], NOTES[1]);
    assert_eq!(notes["behind"], NOTES[1]);
}
