//! Merging a checked export document into the journal, inside the caller's transaction.
//! The rules are described at the top of `store::exchange`; the merge of each kind of record
//! is in the file named after it.

mod apologies;
mod checkins;
mod meetings;
mod partners;
mod promises;

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension as _, Params, Row, params};

use super::{rows, rows_with};
use crate::domain::exchange::{Counts, Document, FeelingRecord, Place, Problem};
use crate::domain::kind::RecordKind;
use crate::domain::model::{Step, same_name};
use crate::text::prose::and_list;

/// Whether the file's version of a record replaces the journal's: it was changed later, or,
/// for two different records that are one (a tie on time), its uuid sorts last. Comparing
/// both ways gives the same answer on both computers, so merges in either direction agree.
pub fn file_wins(journal: (&str, &str), file: (&str, &str)) -> bool {
    file > journal
}

/// A record already in the journal: its id, `updated_at` and uuid.
#[derive(Debug, Clone)]
struct Local {
    id: i64,
    updated_at: String,
    uuid: String,
}

impl Local {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Local> {
        Ok(Local {
            id: row.get(0)?,
            updated_at: row.get(1)?,
            uuid: row.get(2)?,
        })
    }

    fn loses_to(&self, uuid: &str, updated_at: &str) -> bool {
        file_wins((&self.updated_at, &self.uuid), (updated_at, uuid))
    }
}

/// What happened to one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Added,
    Updated,
    Skipped,
}

/// The rule every record follows once the journal's own version of it is known (`local`,
/// found by uuid or by a natural key): the file's version replaces it when changed later
/// (`update`), is skipped when not, and is added when the journal has none (`insert`, which
/// returns the new row's id). Returns the record's local id and what happened.
fn settle(
    local: Option<Local>,
    (uuid, updated_at): (&str, &str),
    update: impl FnOnce(&Local) -> Res,
    insert: impl FnOnce() -> Res<i64>,
) -> Res<(i64, Verdict)> {
    match local {
        Some(local) if local.loses_to(uuid, updated_at) => {
            update(&local)?;
            Ok((local.id, Verdict::Updated))
        }
        Some(local) => Ok((local.id, Verdict::Skipped)),
        None => Ok((insert()?, Verdict::Added)),
    }
}

/// Merges `doc` (already checked by `exchange::check`) into the journal behind `conn`.
/// A problem that only the journal can reveal (a reference to a record that is in neither
/// the file nor the journal, a third partner) is returned as a [`Problem`] in the outer
/// result, so the caller can refuse and roll back.
pub fn merge(conn: &Connection, doc: &Document) -> rusqlite::Result<Result<Counts, Problem>> {
    let mut merge = Merge {
        conn,
        counts: Counts::default(),
        partners: HashMap::new(),
        checkins: HashMap::new(),
        promises: HashMap::new(),
        apologies: HashMap::new(),
    };
    Ok(match merge.run(doc) {
        Ok(()) => Ok(merge.counts),
        Err(Failure::Refused(problem)) => Err(problem),
        Err(Failure::Sql(e)) => return Err(e),
    })
}

enum Failure {
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

type Res<T = ()> = Result<T, Failure>;

/// The kinds of record that others point at.
#[derive(Debug, Clone, Copy)]
enum Target {
    Partner,
    Checkin,
    Promise,
    Apology,
}

struct Merge<'a> {
    conn: &'a Connection,
    counts: Counts,
    /// File uuid → local id, for every record of the file already merged (skipped ones too).
    partners: HashMap<String, i64>,
    checkins: HashMap<String, i64>,
    promises: HashMap<String, i64>,
    apologies: HashMap<String, i64>,
}

fn refuse(at: &Place, message: impl Into<String>) -> Failure {
    Failure::Refused(Problem::at(at, message))
}

impl Merge<'_> {
    fn run(&mut self, doc: &Document) -> Res {
        self.partners(doc)?;
        self.promises(doc)?;
        self.checkins(doc)?;
        self.outcomes(doc)?;
        self.apologies(doc)?;
        self.responses(doc)?;
        self.focus(doc)?;
        self.meetings(doc)?;
        Ok(())
    }

    fn tally(&mut self, kind: RecordKind, verdict: Verdict) {
        let t = self.counts.get_mut(kind);
        match verdict {
            Verdict::Added => t.added += 1,
            Verdict::Updated => t.updated += 1,
            Verdict::Skipped => t.skipped += 1,
        }
    }

    /// Runs an INSERT and returns the new row's id.
    fn insert(&self, sql: &str, values: impl Params) -> Res<i64> {
        self.exec(sql, values)?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Runs an UPDATE.
    fn update(&self, sql: &str, values: impl Params) -> Res {
        self.exec(sql, values)?;
        Ok(())
    }

    /// Runs a statement prepared once per merge: an import of years runs each of them
    /// thousands of times, and preparing one (its triggers included) costs more than
    /// running it.
    fn exec(&self, sql: &str, values: impl Params) -> rusqlite::Result<usize> {
        self.conn.prepare_cached(sql)?.execute(values)
    }

    /// One row of a query prepared once per merge (see [`Merge::exec`]).
    fn one<T>(
        &self,
        sql: &str,
        values: impl Params,
        map: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        self.conn.prepare_cached(sql)?.query_row(values, map)
    }

    fn by_uuid(&self, table: &str, uuid: &str) -> rusqlite::Result<Option<Local>> {
        self.conn
            .prepare_cached(&format!(
                "SELECT id, updated_at, uuid FROM {table} WHERE uuid = ?1"
            ))?
            .query_row([uuid], Local::from_row)
            .optional()
    }

    /// The local id of a referenced record: one merged from the file, else one already in
    /// the journal; refused when it is in neither.
    fn resolve(&self, target: Target, at: &Place, uuid: &str) -> Res<i64> {
        let (merged, table, what) = match target {
            Target::Partner => (&self.partners, "partners", "partner"),
            Target::Checkin => (&self.checkins, "checkins", "check-in"),
            Target::Promise => (&self.promises, "promises", "promise"),
            Target::Apology => (&self.apologies, "apologies", "apology"),
        };
        if let Some(id) = merged.get(uuid) {
            return Ok(*id);
        }
        match self.by_uuid(table, uuid)? {
            Some(local) => Ok(local.id),
            None => Err(refuse(
                at,
                format!("no {what} has the uuid {uuid}, in this file or in the journal"),
            )),
        }
    }

    fn resolve_opt(&self, target: Target, at: &Place, uuid: Option<&str>) -> Res<Option<i64>> {
        uuid.map(|u| self.resolve(target, at, u)).transpose()
    }
}

fn clash(at: &Place, date: &str) -> Failure {
    refuse(
        at,
        format!(
            "the journal already has another outcome of this promise on {date}, one that this file also lists under another day"
        ),
    )
}

/// A feeling named in a check-in belongs to the same partner and day.
fn same_as_checkin(at: &Place, f: &FeelingRecord, partner: i64, owner: i64, date: &str) -> Res {
    if partner != owner {
        return Err(refuse(
            &at.field("partner_uuid"),
            "this feeling belongs to a check-in by the other partner",
        ));
    }
    if f.date != date {
        return Err(refuse(
            &at.field("date"),
            format!("{} is not the day of its check-in ({date})", f.date),
        ));
    }
    Ok(())
}

/// `values` followed by an id, for an UPDATE ... WHERE id = ?N.
fn with_id<'a>(
    values: &'a [&'a dyn rusqlite::ToSql],
    id: &'a i64,
) -> rusqlite::ParamsFromIter<Vec<&'a dyn rusqlite::ToSql>> {
    let mut all = values.to_vec();
    all.push(id);
    rusqlite::params_from_iter(all)
}
