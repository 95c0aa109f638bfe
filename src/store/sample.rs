//! A deterministic generator of realistic journals, for benchmarks and tests; not a user
//! command. Two partners check in on most days with drifting trust, name feelings, keep and
//! miss recurring promises, apologise and answer, meet weekly and move through the steps.
//! The same seed and span always give the same journal (apart from uuids and timestamps).

use chrono::{Datelike, Days, NaiveDate, Weekday};
use rusqlite::{Connection, params};

use super::{clock, new_uuid};
use crate::domain::model::{Role, Step};

/// splitmix64: tiny, fast and good enough to make varied data; no dependency needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in 0..n.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const WORDS: &[&str] = &[
    "hurt",
    "hopeful",
    "anxious",
    "calm",
    "grateful",
    "lonely",
    "close",
    "relieved",
    "jealous",
    "safe",
    "numb",
    "respected",
    "tired",
    "angry",
    "tender",
];

const ANSWERS: &[&str] = &[
    "We talked after dinner and I felt heard for once.",
    "It was a hard day; the old memories came back on the drive home.",
    "I noticed you made the effort to call when you said you would.",
    "I kept something small to myself today and I want to tell you about it.",
    "We laughed at the same silly thing and it felt like us again.",
    "I needed more space than usual and I'm grateful you gave it.",
];

const PROMISES: &[&str] = &[
    "Text you when I'm running late",
    "Put the phone away during dinner",
    "Ask how your day went, and listen",
    "Go for a walk together",
    "Say goodnight properly",
];

/// Fills `tx` (a fresh, migrated journal, inside the caller's transaction) with `days` days
/// of life ending on `until`. Returns the number of check-ins written.
pub fn generate(tx: &Connection, days: u32, until: NaiveDate, seed: u64) -> rusqlite::Result<u64> {
    let mut rng = Rng(seed);
    let start = until - Days::new(u64::from(days.max(1)) - 1);
    let now = clock::wall(&chrono::Utc::now());
    let mut partner = tx.prepare(
        "INSERT INTO partners (uuid, name, role, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
    )?;
    partner.execute(params![new_uuid(), "Sam", Role::Repairing, now])?;
    partner.execute(params![new_uuid(), "Alex", Role::Healing, now])?;
    let (sam, alex) = (1i64, 2i64);

    let mut checkin = tx.prepare(
        "INSERT INTO checkins (uuid, partner_id, date, trust, connection, step, prompt_id, answer,
                               appreciation, need, note, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
    )?;
    let mut feeling = tx.prepare(
        "INSERT INTO feelings (uuid, partner_id, checkin_id, date, word, intensity, note, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?;
    let mut promise = tx.prepare(
        "INSERT INTO promises (uuid, by_id, to_id, date, text, due, every, status, closed_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
    )?;
    let mut outcome = tx.prepare(
        "INSERT INTO outcomes (uuid, promise_id, date, result, note, recorded_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
    )?;
    let mut cancel = tx.prepare(
        "UPDATE promises SET status = 'cancelled', closed_on = ?2, updated_at = ?3 WHERE id = ?1",
    )?;
    let mut apology = tx.prepare(
        "INSERT INTO apologies (uuid, by_id, to_id, date, what, impact, responsibility, change, promise_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, ?9, ?9)",
    )?;
    let mut response = tx.prepare(
        "INSERT INTO responses (uuid, apology_id, by_id, date, status, note, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
    )?;
    let mut focus = tx.prepare(
        "INSERT INTO focus_changes (uuid, step, date, partner_id, created_at, updated_at) VALUES (?1, ?2, ?3, NULL, ?4, ?4)",
    )?;
    let mut meeting = tx.prepare(
        "INSERT INTO meetings (uuid, date, went_well, work_on, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?;
    let mut meeting_part = tx.prepare(
        "INSERT INTO meeting_partners (meeting_id, partner_id, appreciation, request) VALUES (?1, ?2, ?3, ?4)",
    )?;

    // Two recurring promises at a time, each replaced by a new one every ~90 days.
    let mut open: Vec<(i64, i64, &str, NaiveDate)> = Vec::new();
    let mut step_index = 0usize;
    let mut trust = [3.0f64, 2.5f64];
    let mut checkins = 0u64;
    focus.execute(params![new_uuid(), Step::ALL[0], start, now])?;
    tx.execute(
        "UPDATE focus_changes SET start = 1 WHERE id = ?1",
        [tx.last_insert_rowid()],
    )?;

    for offset in 0..u64::from(days.max(1)) {
        let date = start + Days::new(offset);
        let stamp = format!("{}T20:00:00.000000Z", date);
        if offset > 0 && offset % 75 == 0 {
            step_index = (step_index + 1) % Step::ALL.len();
            focus.execute(params![new_uuid(), Step::ALL[step_index], date, stamp])?;
        }
        for (who, level) in [sam, alex].into_iter().zip(trust.iter_mut()) {
            *level = (*level + (rng.below(100) as f64 - 47.0) / 400.0).clamp(1.0, 10.0);
            if !rng.chance(0.88) {
                continue;
            }
            checkins += 1;
            let noise = rng.below(3) as f64 - 1.0;
            let t = (*level + noise).round().clamp(1.0, 10.0) as i64;
            let c = (t + rng.below(3) as i64 - 1).clamp(1, 10);
            let step = Step::ALL[step_index];
            let answer = rng.pick(ANSWERS);
            let appreciation = rng
                .chance(0.5)
                .then_some("Thank you for listening tonight.");
            let need = rng.chance(0.3).then_some("A quiet evening together.");
            checkin.execute(params![
                new_uuid(),
                who,
                date,
                t,
                c,
                step,
                format!("{}.sample-{}", step.id(), rng.below(6)),
                answer,
                appreciation,
                need,
                Option::<&str>::None,
                stamp
            ])?;
            let checkin_id = tx.last_insert_rowid();
            for _ in 0..rng.below(4) {
                feeling.execute(params![
                    new_uuid(),
                    who,
                    checkin_id,
                    date,
                    rng.pick(WORDS),
                    Some(1 + rng.below(5) as i64),
                    Option::<&str>::None,
                    stamp
                ])?;
            }
        }
        if rng.chance(0.05) {
            let who = if rng.chance(0.5) { sam } else { alex };
            feeling.execute(params![
                new_uuid(),
                who,
                Option::<i64>::None,
                date,
                rng.pick(WORDS),
                Option::<i64>::None,
                Some("Just a moment I wanted to note."),
                stamp
            ])?;
        }

        // Promises: keep two recurring ones going, cancelling each after 90 days for a new one.
        for retired in open.iter().filter(|p| (date - p.3).num_days() >= 90) {
            cancel.execute(params![retired.0, date, stamp])?;
        }
        open.retain(|p| (date - p.3).num_days() < 90);
        while open.len() < 2 {
            let by = if open.is_empty() { sam } else { alex };
            let every = if rng.chance(0.5) { "day" } else { "mon,thu" };
            promise.execute(params![
                new_uuid(),
                by,
                3 - by,
                date,
                rng.pick(PROMISES),
                Option::<NaiveDate>::None,
                every,
                "open",
                Option::<NaiveDate>::None,
                stamp
            ])?;
            open.push((tx.last_insert_rowid(), by, every, date));
        }
        for &(id, by, every, _) in &open {
            let scheduled = every == "day" || matches!(date.weekday(), Weekday::Mon | Weekday::Thu);
            if !scheduled || !rng.chance(0.9) {
                continue;
            }
            let result = match rng.below(20) {
                0 => "skipped",
                1..=4 => "missed",
                _ => "kept",
            };
            outcome.execute(params![
                new_uuid(),
                id,
                date,
                result,
                Option::<&str>::None,
                by,
                stamp
            ])?;
        }

        if rng.chance(1.0 / 30.0) {
            apology.execute(params![
                new_uuid(),
                sam,
                alex,
                date,
                "I wasn't honest about where I was on Friday.",
                "It brought back the worst of last year for you.",
                "I chose to hide it. That was my decision and my fault.",
                "I'll tell you my plans before I go, every time.",
                stamp
            ])?;
            let apology_id = tx.last_insert_rowid();
            if date + Days::new(3) <= until && rng.chance(0.9) {
                let status = rng.pick(&["accepted", "need-time", "need-time", "declined"]);
                response.execute(params![
                    new_uuid(),
                    apology_id,
                    alex,
                    date + Days::new(1 + rng.below(3)),
                    status,
                    Some("Thank you for saying it plainly."),
                    stamp
                ])?;
            }
        }

        if date.weekday() == Weekday::Sun && rng.chance(0.8) {
            meeting.execute(params![
                new_uuid(),
                date,
                "We kept our walks going.",
                "Talking before we get defensive.",
                stamp
            ])?;
            let meeting_id = tx.last_insert_rowid();
            for who in [sam, alex] {
                meeting_part.execute(params![
                    meeting_id,
                    who,
                    "You made time for me this week.",
                    "Ask me about my day on Wednesday."
                ])?;
            }
        }
    }
    stamp_as_written(tx)?;
    Ok(checkins)
}

/// Stamps every record from its `updated_at`, as migration 2 stamps a journal written before
/// stamps existed, and moves the clock past them.
fn stamp_as_written(tx: &Connection) -> rusqlite::Result<()> {
    for (table, author) in [
        ("partners", "NULL"),
        ("checkins", "partner_id"),
        ("feelings", "partner_id"),
        ("promises", "by_id"),
        ("outcomes", "recorded_by"),
        ("apologies", "by_id"),
        ("responses", "by_id"),
        ("focus_changes", "partner_id"),
        ("meetings", "NULL"),
    ] {
        tx.execute(
            &format!(
                "UPDATE {table} SET changed_by = {author}, hlc = printf('%012x-%04x-0000000000000000',
                     unixepoch(substr(updated_at, 1, 19)) * 1000 + CAST(substr(updated_at, 21, 3) AS INTEGER),
                     CAST(substr(updated_at, 24, 3) AS INTEGER))
                 WHERE hlc = ''"
            ),
            [],
        )?;
    }
    tx.execute(
        "UPDATE this_device SET clock = (SELECT max(h) FROM (
             SELECT max(hlc) AS h FROM partners UNION ALL SELECT max(hlc) FROM checkins
             UNION ALL SELECT max(hlc) FROM feelings UNION ALL SELECT max(hlc) FROM promises
             UNION ALL SELECT max(hlc) FROM outcomes UNION ALL SELECT max(hlc) FROM apologies
             UNION ALL SELECT max(hlc) FROM responses UNION ALL SELECT max(hlc) FROM focus_changes
             UNION ALL SELECT max(hlc) FROM meetings UNION ALL SELECT clock FROM this_device))",
        [],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Store, counts, integrity_problems};

    #[test]
    fn a_year_of_life_is_varied_and_consistent() {
        let mut store = Store::open_in_memory().unwrap();
        let until = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let written = store.write(|tx| Ok(generate(tx, 365, until, 7)?)).unwrap();
        let counts: std::collections::HashMap<_, _> = counts(store.conn())
            .unwrap()
            .into_iter()
            .map(|(kind, n)| (kind.plural_key(), n))
            .collect();
        assert_eq!(counts["checkins"] as u64, written);
        assert!(
            (600..=700).contains(&written),
            "{written} check-ins for two people over a year"
        );
        assert!(counts["feelings"] > 500);
        assert!(counts["outcomes"] > 200, "{}", counts["outcomes"]);
        assert!(counts["apologies"] >= 5);
        assert!(counts["meetings"] >= 30);
        assert!(integrity_problems(store.conn()).unwrap().is_empty());
        let latest: NaiveDate = store
            .conn()
            .query_row("SELECT max(date) FROM checkins", [], |r| r.get(0))
            .unwrap();
        assert!(latest <= until);
    }

    #[test]
    fn the_same_seed_gives_the_same_journal() {
        let until = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let fingerprint = |seed| {
            let mut store = Store::open_in_memory().unwrap();
            store
                .write(|tx| Ok(generate(tx, 120, until, seed)?))
                .unwrap();
            store
                .conn()
                .query_row(
                    "SELECT group_concat(date || trust || answer, ',') FROM checkins",
                    [],
                    |r| r.get::<_, String>(0),
                )
                .unwrap()
        };
        assert_eq!(fingerprint(1), fingerprint(1));
        assert_ne!(fingerprint(1), fingerprint(2));
    }
}
