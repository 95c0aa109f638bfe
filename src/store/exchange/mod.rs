//! Reading the whole journal as an export document, and merging a checked document into a
//! journal. The rules of the merge are at the top of `merge`; writing one version of a record
//! into its row, which the merge, `edit` and `undo` share, is `write`.
//!
//! Everything happens inside the caller's transaction; any refusal rolls all of it back.

#[cfg(test)]
mod converge;
mod merge;
pub mod read;
mod write;

pub use merge::{KeyMerged, KeyOutcome, Merged, Touched, merge};
pub use read::read_all;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row, Transaction, TransactionBehavior};

use super::Store;
use crate::domain::exchange::{Body, Document, Place, Problem};
use crate::domain::kind::RecordKind;

/// Why writing a version stopped: a problem with the file, or SQLite's error.
pub(crate) enum Failure {
    Refused(Problem),
    Sql(rusqlite::Error),
}

impl From<rusqlite::Error> for Failure {
    fn from(e: rusqlite::Error) -> Self {
        Failure::Sql(e)
    }
}

impl From<Problem> for Failure {
    fn from(p: Problem) -> Self {
        Failure::Refused(p)
    }
}

pub(crate) type Res<T = ()> = Result<T, Failure>;

/// Writes `body` into the row of record `id` (its content, stamp and author of the change),
/// as `edit` and `undo` do with a version they made from the journal's own. The caller keeps
/// the version it replaces first (`revisions::supersede`).
pub fn write_version(conn: &Connection, body: &Body, id: i64) -> anyhow::Result<()> {
    let at = Place::new(body.kind(), 0);
    match write::write(conn, body, Some(id), &at) {
        Ok(_) => Ok(()),
        Err(Failure::Sql(e)) => Err(e.into()),
        Err(Failure::Refused(p)) => Err(anyhow::anyhow!("{}", p.message)),
    }
}

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

/// A document holding at least this many records is merged with the search index filled
/// once at the end, whatever the journal holds.
const LARGE: usize = 2000;

/// How many prepared statements a merge keeps: every statement it runs per record (reading
/// the journal's version, its revisions, aliases and tombstones, writing the row) stays
/// prepared for the whole import, instead of being prepared again when the default cache
/// of 16 has pushed it out.
const STATEMENTS: usize = 128;

/// Merges `doc` (checked) into the journal behind `tx`, as [`merge`] does, as fast as the
/// size calls for: statements are prepared once, and for a new journal or a large import the
/// search index is filled once at the end instead of row by row (a rebuild reads the whole
/// journal, so a few records merged into years of them still update it row by row). The
/// index filled at once is the one the triggers would write: rebuilt from every entry still
/// there, so the words of a record a tombstone deleted are gone from it too.
pub fn import(
    tx: &Connection,
    doc: &Document,
    now: &DateTime<Utc>,
) -> rusqlite::Result<Result<Merged, Problem>> {
    tx.set_prepared_statement_cache_capacity(STATEMENTS);
    let incoming: usize = RecordKind::ALL.into_iter().map(|kind| doc.len(kind)).sum();
    let held: i64 = super::inspect::counts(tx)?.iter().map(|(_, n)| n).sum();
    let once = incoming >= LARGE || incoming as i64 * 4 >= held;
    let suspended = if once {
        Some(super::search::suspend(tx)?)
    } else {
        None
    };
    let merged = merge(tx, doc, now)?;
    if let Some(suspended) = suspended {
        // A refused file is rolled back whole by the caller; the index need not be filled.
        super::search::resume(tx, suspended, merged.is_ok())?;
    }
    Ok(merged)
}

/// The whole journal, read in one transaction so it is consistent even while the other
/// partner writes. `exported_at` is the moment it is written.
pub fn snapshot(store: &Store, exported_at: String) -> anyhow::Result<Document> {
    let tx = Transaction::new_unchecked(store.conn(), TransactionBehavior::Deferred)?;
    let doc = read_all(&tx, exported_at)?;
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
                let stamp = store::clock::testing(tx)?;
                let sam = store::partners::insert(tx, &stamp, "Sam", Role::Repairing)?;
                let zoe = store::partners::insert(tx, &stamp, "Zoë", Role::Healing)?;
                let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
                store::focus::record(tx, &stamp, Step::Responsibility, day, None, true)?;
                let t = "2026-11-20T20:00:00.000000Z";
                // Stamped as migration 2 stamps what was written before stamps existed.
                let h = "01a1fa8b5e00-0000-0000000000000000";
                tx.execute(
                    "INSERT INTO checkins (uuid, partner_id, date, trust, connection, step, answer, created_at, updated_at, hlc)
                     VALUES ('0b6cf2c4-0000-4000-8000-000000000001', ?1, '2026-11-20', 6, 7, 'responsibility', 'We talked', ?2, ?2, ?3)",
                    params![sam.id, t, h],
                )?;
                let checkin = tx.last_insert_rowid();
                tx.execute(
                    "INSERT INTO feelings (uuid, partner_id, checkin_id, date, word, intensity, created_at, updated_at, hlc)
                     VALUES ('0b6cf2c4-0000-4000-8000-000000000002', ?1, ?2, '2026-11-20', 'hopeful', 3, ?3, ?3, ?4)",
                    params![sam.id, checkin, t, h],
                )?;
                tx.execute(
                    "INSERT INTO promises (uuid, by_id, to_id, date, text, every, status, created_at, updated_at, hlc)
                     VALUES ('0b6cf2c4-0000-4000-8000-000000000003', ?1, ?2, '2026-11-18', 'Call at lunch', 'mon,thu', 'open', ?3, ?3, ?4)",
                    params![sam.id, zoe.id, t, h],
                )?;
                let promise = tx.last_insert_rowid();
                tx.execute(
                    "INSERT INTO outcomes (uuid, promise_id, date, result, recorded_by, created_at, updated_at, hlc)
                     VALUES ('0b6cf2c4-0000-4000-8000-000000000004', ?1, '2026-11-19', 'kept', ?2, ?3, ?3, ?4)",
                    params![promise, zoe.id, t, h],
                )?;
                tx.execute(
                    "INSERT INTO apologies (uuid, by_id, to_id, date, what, responsibility, promise_id, created_at, updated_at, hlc)
                     VALUES ('0b6cf2c4-0000-4000-8000-000000000005', ?1, ?2, '2026-11-18', 'I was late', 'It was mine', ?3, ?4, ?4, ?5)",
                    params![sam.id, zoe.id, promise, t, h],
                )?;
                let apology = tx.last_insert_rowid();
                tx.execute(
                    "INSERT INTO responses (uuid, apology_id, by_id, date, status, created_at, updated_at, hlc)
                     VALUES ('0b6cf2c4-0000-4000-8000-000000000006', ?1, ?2, '2026-11-19', 'accepted', ?3, ?3, ?4)",
                    params![apology, zoe.id, t, h],
                )?;
                tx.execute(
                    "INSERT INTO meetings (uuid, date, went_well, created_at, updated_at, hlc)
                     VALUES ('0b6cf2c4-0000-4000-8000-000000000007', '2026-11-20', 'We listened', ?1, ?1, ?2)",
                    [t, h],
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

    fn now() -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::parse_from_rfc3339("2026-11-21T12:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc)
    }

    fn merged(store: &mut Store, doc: &Document) -> anyhow::Result<Merged> {
        store.write(|tx| merge(tx, doc, &now())?.map_err(|p| anyhow::anyhow!("{p}")))
    }

    fn imported(store: &mut Store, doc: &Document) -> anyhow::Result<Merged> {
        store.write(|tx| import(tx, doc, &now())?.map_err(|p| anyhow::anyhow!("{p}")))
    }

    /// The search index's rows and how many triggers keep it, for "same as row by row".
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

    fn hits(store: &Store, word: &str) -> i64 {
        store
            .conn()
            .query_row(
                "SELECT count(*) FROM search WHERE search MATCH ?1",
                [word],
                |r| r.get(0),
            )
            .unwrap()
    }

    // Filling the search index once at the end of a large import gives exactly the index the
    // triggers write row by row, and puts every trigger back; a tombstone merged that way takes
    // the deleted record's words out of the index; a refused file rolls the triggers' removal
    // back with everything else.
    #[test]
    fn an_import_that_fills_the_index_once_matches_one_that_fills_it_row_by_row() {
        let mut store = written_by_the_commands();
        let doc = check(
            read_all(store.conn(), "now".into()).unwrap(),
            today(),
            &now(),
        )
        .unwrap();
        let all_triggers = index_and_triggers(&Store::open_in_memory().unwrap()).1;
        assert!(all_triggers >= 16, "{all_triggers}");
        let mut by_row = Store::open_in_memory().unwrap();
        merged(&mut by_row, &doc).unwrap();
        let mut at_once = Store::open_in_memory().unwrap();
        imported(&mut at_once, &doc).unwrap();
        let expected = index_and_triggers(&by_row);
        assert_eq!(expected.1, all_triggers);
        assert!(expected.0.len() >= 6, "{:?}", expected.0);
        assert_eq!(index_and_triggers(&at_once), expected);
        assert_eq!(hits(&at_once, "talked"), 1);

        // A deletion arrives: the file holds the tombstone, and the index loses the words.
        store
            .write(|tx| {
                let stamp = store::clock::testing(tx)?;
                let id = read::id_of(
                    tx,
                    RecordKind::Checkin,
                    "0b6cf2c4-0000-4000-8000-000000000001",
                )?
                .unwrap();
                store::revisions::delete(
                    tx,
                    &stamp,
                    RecordKind::Checkin,
                    id,
                    today(),
                    store::revisions::Action::Delete,
                )?;
                Ok(())
            })
            .unwrap();
        let deleting = check(
            read_all(store.conn(), "now".into()).unwrap(),
            today(),
            &now(),
        )
        .unwrap();
        assert!(!deleting.tombstones.is_empty());
        merged(&mut by_row, &deleting).unwrap();
        let outcome = imported(&mut at_once, &deleting).unwrap();
        assert_eq!(outcome.counts.get(RecordKind::Checkin).removed, 1);
        assert_eq!(hits(&at_once, "talked"), 0);
        assert_eq!(index_and_triggers(&at_once), index_and_triggers(&by_row));

        // And the triggers work again afterwards.
        at_once
            .write(|tx| Ok(tx.execute("UPDATE promises SET text = 'a riverside walk'", [])?))
            .unwrap();
        assert_eq!(hits(&at_once, "riverside"), 1);

        let mut refused = doc.clone();
        refused.meetings[0].parts[0].promise_uuid =
            Some("0b6cf2c4-0000-4000-8000-0000000000ff".into());
        let mut fresh = Store::open_in_memory().unwrap();
        assert!(imported(&mut fresh, &refused).is_err());
        assert_eq!(index_and_triggers(&fresh).1, all_triggers);
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
        assert!(check(doc, today(), &now()).is_ok());
    }

    #[test]
    fn a_merge_into_an_empty_journal_copies_it_and_a_second_merge_skips_everything() {
        let store = written_by_the_commands();
        let doc = check(
            read_all(store.conn(), "now".into()).unwrap(),
            today(),
            &now(),
        )
        .unwrap();
        let mut copy = Store::open_in_memory().unwrap();
        let counts = merged(&mut copy, &doc).unwrap().counts;
        assert_eq!(counts.get(RecordKind::Meeting).added, 1);
        assert_eq!(counts.get(RecordKind::Feeling).added, 1);
        assert_eq!(read_all(copy.conn(), "now".into()).unwrap(), doc);
        let again = merged(&mut copy, &doc).unwrap();
        assert!(!again.changed());
        assert_eq!(again.counts.get(RecordKind::Checkin).skipped, 1);
        assert_eq!(
            store::counts(copy.conn()).unwrap(),
            store::counts(store.conn()).unwrap()
        );
    }

    #[test]
    fn a_refusal_found_late_leaves_nothing_written() {
        let store = written_by_the_commands();
        let mut doc = check(
            read_all(store.conn(), "now".into()).unwrap(),
            today(),
            &now(),
        )
        .unwrap();
        doc.meetings[0].parts[0].promise_uuid = Some("0b6cf2c4-0000-4000-8000-0000000000ff".into());
        let mut copy = Store::open_in_memory().unwrap();
        let err = merged(&mut copy, &doc).unwrap_err();
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
}
