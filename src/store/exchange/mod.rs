//! Reading the whole journal as an export document, and merging a checked document into a
//! journal.
//!
//! The merge matches records by uuid. An unknown uuid is added under a new local id; a known
//! one is replaced only when the file's version was changed later (`updated_at`), otherwise
//! it is skipped. A few kinds are also one-per-something, so two journals that each wrote
//! "the same" record under different uuids would collide: a partner with the same name, a
//! check-in by the same partner on the same day, an outcome of the same promise on the same
//! day, and a focus change to the same step on the same day are treated as one record. The
//! version changed last wins there too (ties go to the larger uuid, so both journals pick the
//! same one), and its uuid is kept, so two journals settle on one uuid after merging both
//! ways. A check-in's feelings and a meeting's parts travel with it: when the file's version
//! wins they are replaced by the file's, and when the journal's wins the file's are skipped.
//!
//! Everything happens inside the caller's transaction; any refusal rolls all of it back.

mod merge;
mod read;

pub use merge::{file_wins, merge};
pub use read::read_all;

use rusqlite::{Connection, Row, Transaction, TransactionBehavior};

use super::Store;
use crate::domain::exchange::Document;

fn rows<T>(
    conn: &Connection,
    sql: &str,
    mut map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let mut out = Vec::new();
    let mut result = stmt.query([])?;
    while let Some(row) = result.next()? {
        out.push(map(row)?);
    }
    Ok(out)
}

fn rows_with<T, P: rusqlite::Params>(
    conn: &Connection,
    sql: &str,
    params: P,
    map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    stmt.query_map(params, map)?.collect()
}

/// A document holding at least this many records is merged with the search index filled
/// once at the end, whatever the journal holds.
const LARGE: usize = 2000;

/// Merges `doc` (checked) into the journal behind `tx`, as [`merge`] does, as fast as the
/// size calls for: statements are prepared once, and for a new journal or a large import the
/// search index is filled once at the end instead of row by row (a rebuild reads the whole
/// journal, so a few records merged into years of them still update it row by row).
pub fn import(
    tx: &Connection,
    doc: &Document,
) -> rusqlite::Result<Result<crate::domain::exchange::Counts, crate::domain::exchange::Problem>> {
    tx.set_prepared_statement_cache_capacity(64);
    let incoming: usize = crate::domain::kind::RecordKind::ALL
        .into_iter()
        .map(|kind| doc.len(kind))
        .sum();
    let held: i64 = super::inspect::counts(tx)?.iter().map(|(_, n)| n).sum();
    let once = incoming >= LARGE || incoming as i64 * 4 >= held;
    let suspended = if once {
        Some(super::search::suspend(tx)?)
    } else {
        None
    };
    let merged = merge(tx, doc)?;
    if let Some(suspended) = suspended {
        // A refused file is rolled back whole by the caller; the index need not be filled.
        super::search::resume(tx, suspended, merged.is_ok())?;
    }
    Ok(merged)
}

/// The whole journal, read in one transaction so it is consistent even while the other
/// partner writes.
pub fn snapshot(store: &Store) -> anyhow::Result<Document> {
    let tx = Transaction::new_unchecked(store.conn(), TransactionBehavior::Deferred)?;
    let doc = read_all(&tx, super::timestamp())?;
    tx.finish()?;
    Ok(doc)
}

/// Runs `merge` for real inside a transaction that is then rolled back, so a dry run reports
/// exactly what an import would do.
pub fn rehearse<T>(
    store: &Store,
    merge: impl FnOnce(&Connection) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let tx = Transaction::new_unchecked(store.conn(), TransactionBehavior::Immediate)?;
    let value = merge(&tx)?;
    tx.rollback()?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::exchange::check;
    use crate::domain::kind::RecordKind;
    use crate::domain::model::{Role, Step};
    use crate::store::{self, Store};
    use rusqlite::params;

    /// A journal written the way the other commands write it: straight SQL into every table.
    fn written_by_the_commands() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        store
            .write(|tx| {
                let sam = store::partners::insert(tx, "Sam", Role::Repairing)?;
                let zoe = store::partners::insert(tx, "Zoë", Role::Healing)?;
                let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
                store::focus::record(tx, Step::Responsibility, day, None)?;
                let t = "2026-11-20T20:00:00.000000Z";
                tx.execute(
                    "INSERT INTO checkins (uuid, partner_id, date, trust, connection, step, answer, created_at, updated_at)
                     VALUES ('0b6cf2c4-0000-4000-8000-000000000001', ?1, '2026-11-20', 6, 7, 'responsibility', 'We talked', ?2, ?2)",
                    params![sam.id, t],
                )?;
                let checkin = tx.last_insert_rowid();
                tx.execute(
                    "INSERT INTO feelings (uuid, partner_id, checkin_id, date, word, intensity, created_at, updated_at)
                     VALUES ('0b6cf2c4-0000-4000-8000-000000000002', ?1, ?2, '2026-11-20', 'hopeful', 3, ?3, ?3)",
                    params![sam.id, checkin, t],
                )?;
                tx.execute(
                    "INSERT INTO promises (uuid, by_id, to_id, date, text, every, status, created_at, updated_at)
                     VALUES ('0b6cf2c4-0000-4000-8000-000000000003', ?1, ?2, '2026-11-18', 'Call at lunch', 'mon,thu', 'open', ?3, ?3)",
                    params![sam.id, zoe.id, t],
                )?;
                let promise = tx.last_insert_rowid();
                tx.execute(
                    "INSERT INTO outcomes (uuid, promise_id, date, result, recorded_by, created_at, updated_at)
                     VALUES ('0b6cf2c4-0000-4000-8000-000000000004', ?1, '2026-11-19', 'kept', ?2, ?3, ?3)",
                    params![promise, zoe.id, t],
                )?;
                tx.execute(
                    "INSERT INTO apologies (uuid, by_id, to_id, date, what, responsibility, promise_id, created_at, updated_at)
                     VALUES ('0b6cf2c4-0000-4000-8000-000000000005', ?1, ?2, '2026-11-18', 'I was late', 'It was mine', ?3, ?4, ?4)",
                    params![sam.id, zoe.id, promise, t],
                )?;
                let apology = tx.last_insert_rowid();
                tx.execute(
                    "INSERT INTO responses (uuid, apology_id, by_id, date, status, created_at, updated_at)
                     VALUES ('0b6cf2c4-0000-4000-8000-000000000006', ?1, ?2, '2026-11-19', 'accepted', ?3, ?3)",
                    params![apology, zoe.id, t],
                )?;
                tx.execute(
                    "INSERT INTO meetings (uuid, date, went_well, created_at, updated_at)
                     VALUES ('0b6cf2c4-0000-4000-8000-000000000007', '2026-11-20', 'We listened', ?1, ?1)",
                    [t],
                )?;
                let meeting = tx.last_insert_rowid();
                tx.execute(
                    "INSERT INTO meeting_partners (meeting_id, partner_id, request, promise_id)
                     VALUES (?1, ?2, 'Call me', ?3)",
                    params![meeting, zoe.id, promise],
                )?;
                Ok(())
            })
            .unwrap();
        store
    }

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    #[test]
    fn the_whole_journal_is_read_with_references_by_uuid() {
        let store = written_by_the_commands();
        let doc = read_all(store.conn(), "now".into()).unwrap();
        let sam = &doc.partners[0].uuid;
        let zoe = &doc.partners[1].uuid;
        assert_eq!(&doc.checkins[0].partner_uuid, sam);
        assert_eq!(
            doc.feelings[0].checkin_uuid.as_deref(),
            Some(doc.checkins[0].uuid.as_str())
        );
        assert_eq!(doc.promises[0].to_uuid.as_ref(), Some(zoe));
        assert_eq!(doc.outcomes[0].promise_uuid, doc.promises[0].uuid);
        assert_eq!(&doc.outcomes[0].recorded_by_uuid, zoe);
        assert_eq!(
            doc.apologies[0].promise_uuid.as_ref(),
            Some(&doc.promises[0].uuid)
        );
        assert_eq!(doc.responses[0].apology_uuid, doc.apologies[0].uuid);
        assert_eq!(doc.focus[0].partner_uuid, None);
        assert_eq!(doc.meetings[0].parts.len(), 1);
        assert_eq!(&doc.meetings[0].parts[0].partner_uuid, zoe);
        assert_eq!(
            doc.meetings[0].parts[0].promise_uuid.as_ref(),
            Some(&doc.promises[0].uuid)
        );
        // What the commands write passes the import's own checks.
        assert!(check(doc, today()).is_ok());
    }

    #[test]
    fn a_merge_into_an_empty_journal_copies_it_and_a_second_merge_skips_everything() {
        let store = written_by_the_commands();
        let doc = check(read_all(store.conn(), "now".into()).unwrap(), today()).unwrap();
        let mut copy = Store::open_in_memory().unwrap();
        let counts = copy
            .write(|tx| merge(tx, &doc)?.map_err(|p| anyhow::anyhow!("{p}")))
            .unwrap();
        assert_eq!(counts.get(RecordKind::Meeting).added, 1);
        assert_eq!(counts.get(RecordKind::Feeling).added, 1);
        assert_eq!(read_all(copy.conn(), "now".into()).unwrap(), doc);
        let again = copy
            .write(|tx| merge(tx, &doc)?.map_err(|p| anyhow::anyhow!("{p}")))
            .unwrap();
        assert!(!again.changed());
        assert_eq!(again.get(RecordKind::Checkin).skipped, 1);
        assert_eq!(
            store::counts(copy.conn()).unwrap(),
            store::counts(store.conn()).unwrap()
        );
    }

    /// The search index's rows and the triggers that keep it, for "same as row by row".
    fn index_and_triggers(store: &Store) -> (Vec<(i64, String)>, i64) {
        let triggers = store
            .conn()
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name GLOB '*_search_*'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        (store::search::rows(store.conn()).unwrap(), triggers)
    }

    // Filling the search index once at the end of a large import gives exactly the index
    // the triggers write row by row, and puts every trigger back; a refused file rolls the
    // triggers' removal back with everything else.
    #[test]
    fn an_import_that_fills_the_index_once_matches_one_that_fills_it_row_by_row() {
        let store = written_by_the_commands();
        let doc = check(read_all(store.conn(), "now".into()).unwrap(), today()).unwrap();
        let mut by_row = Store::open_in_memory().unwrap();
        by_row
            .write(|tx| merge(tx, &doc)?.map_err(|p| anyhow::anyhow!("{p}")))
            .unwrap();
        let mut at_once = Store::open_in_memory().unwrap();
        at_once
            .write(|tx| import(tx, &doc)?.map_err(|p| anyhow::anyhow!("{p}")))
            .unwrap();
        let expected = index_and_triggers(&by_row);
        assert_eq!(expected.1, 24);
        assert!(expected.0.len() >= 6, "{:?}", expected.0);
        assert_eq!(index_and_triggers(&at_once), expected);
        // And the triggers work again afterwards.
        at_once
            .write(|tx| Ok(tx.execute("UPDATE checkins SET note = 'a riverside walk'", [])?))
            .unwrap();
        let hits: i64 = at_once
            .conn()
            .query_row(
                "SELECT count(*) FROM search WHERE search MATCH 'riverside'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(hits, 1);

        let mut refused = doc.clone();
        refused.meetings[0].parts[0].promise_uuid =
            Some("0b6cf2c4-0000-4000-8000-0000000000ff".into());
        let mut fresh = Store::open_in_memory().unwrap();
        assert!(
            fresh
                .write(|tx| import(tx, &refused)?.map_err(|p| anyhow::anyhow!("{p}")))
                .is_err()
        );
        assert_eq!(index_and_triggers(&fresh).1, 24);
    }

    #[test]
    fn a_refusal_found_late_leaves_nothing_written() {
        let store = written_by_the_commands();
        let mut doc = check(read_all(store.conn(), "now".into()).unwrap(), today()).unwrap();
        doc.meetings[0].parts[0].promise_uuid = Some("0b6cf2c4-0000-4000-8000-0000000000ff".into());
        let mut copy = Store::open_in_memory().unwrap();
        let err = copy
            .write(|tx| merge(tx, &doc)?.map_err(|p| anyhow::anyhow!("{p}")))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "meetings[0].parts[0].promise_uuid: no promise has the uuid 0b6cf2c4-0000-4000-8000-0000000000ff, in this file or in the journal"
        );
        assert!(
            store::counts(copy.conn())
                .unwrap()
                .iter()
                .all(|(_, n)| *n == 0)
        );
    }

    #[test]
    fn the_later_change_wins_and_ties_go_to_the_larger_uuid() {
        let older = "2026-11-20T08:00:00.000000Z";
        let newer = "2026-11-20T09:00:00.000000Z";
        assert!(file_wins((older, "a"), (newer, "a")));
        assert!(!file_wins((newer, "a"), (older, "a")));
        assert!(
            !file_wins((newer, "a"), (newer, "a")),
            "the same version is skipped"
        );
        assert!(file_wins((newer, "a"), (newer, "b")));
        assert!(!file_wins((newer, "b"), (newer, "a")));
        // Both directions agree on the winner.
        assert_ne!(
            file_wins((newer, "a"), (newer, "b")),
            file_wins((newer, "b"), (newer, "a"))
        );
    }
}
