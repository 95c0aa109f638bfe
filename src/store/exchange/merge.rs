//! Merging a checked export document into the journal, inside the caller's transaction.
//! The rules are described at the top of `store::exchange`.

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension as _, Row, params};

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

    fn partners(&mut self, doc: &Document) -> Res {
        let in_file: HashSet<&str> = doc.partners.iter().map(|p| p.uuid.as_str()).collect();
        let before: Vec<String> = rows(self.conn, "SELECT name FROM partners ORDER BY id", |r| {
            r.get(0)
        })?;
        let mut first_added = None;
        for (i, p) in doc.partners.iter().enumerate() {
            let existing = match self.by_uuid("partners", &p.uuid)? {
                Some(local) => Some(local),
                // Two computers that each ran `init` know the same person by two uuids.
                None => self.partner_named(&p.name, &in_file)?,
            };
            let (id, verdict) = match existing {
                Some(local) if local.uuid != p.uuid && local.loses_to(&p.uuid, &p.updated_at) => {
                    // Matched by name: each journal's `init` set the roles on its own, so the
                    // journal keeps its partner's name and role. It takes the file's uuid and
                    // stamps, so the two journals know this partner as one from now on.
                    self.conn.execute(
                        "UPDATE partners SET uuid = ?2, created_at = ?3, updated_at = ?4
                         WHERE id = ?1",
                        params![local.id, p.uuid, p.created_at, p.updated_at],
                    )?;
                    (local.id, Verdict::Updated)
                }
                Some(local) if local.loses_to(&p.uuid, &p.updated_at) => {
                    // The same person, changed later on the other computer. A real rename
                    // travels; a name that differs only in case keeps this journal's spelling.
                    let ours: String = self.conn.query_row(
                        "SELECT name FROM partners WHERE id = ?1",
                        [local.id],
                        |r| r.get(0),
                    )?;
                    let name = if same_name(&ours, &p.name) {
                        ours.as_str()
                    } else {
                        p.name.as_str()
                    };
                    self.conn.execute(
                        "UPDATE partners SET uuid = ?2, name = ?3, role = ?4, created_at = ?5,
                         updated_at = ?6 WHERE id = ?1",
                        params![local.id, p.uuid, name, p.role, p.created_at, p.updated_at],
                    )?;
                    (local.id, Verdict::Updated)
                }
                Some(local) => (local.id, Verdict::Skipped),
                None => {
                    self.conn.execute(
                        "INSERT INTO partners (uuid, name, role, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![p.uuid, p.name, p.role, p.created_at, p.updated_at],
                    )?;
                    first_added.get_or_insert(i);
                    (self.conn.last_insert_rowid(), Verdict::Added)
                }
            };
            self.partners.insert(p.uuid.clone(), id);
            self.tally(RecordKind::Partner, verdict);
        }
        let names: Vec<String> = rows(self.conn, "SELECT name FROM partners ORDER BY id", |r| {
            r.get(0)
        })?;
        if let (true, Some(i)) = (names.len() > 2, first_added) {
            return Err(refuse(
                &Place::new(RecordKind::Partner, i),
                format!(
                    "\"{}\" would be a third partner in a journal kept by {}; a partner is matched by uuid or by name",
                    doc.partners[i].name,
                    and_list(&before)
                ),
            ));
        }
        if let [a, b] = names.as_slice()
            && same_name(a, b)
        {
            let i = doc
                .partners
                .iter()
                .position(|p| same_name(&p.name, a))
                .unwrap_or(0);
            return Err(refuse(
                &Place::new(RecordKind::Partner, i).field("name"),
                format!("both partners would be called \"{b}\""),
            ));
        }
        Ok(())
    }

    /// A journal partner with this name whose uuid the file does not also list.
    fn partner_named(
        &self,
        name: &str,
        in_file: &HashSet<&str>,
    ) -> rusqlite::Result<Option<Local>> {
        let all = rows(
            self.conn,
            "SELECT id, updated_at, uuid, name FROM partners ORDER BY id",
            |r| Ok((Local::from_row(r)?, r.get::<_, String>(3)?)),
        )?;
        Ok(all
            .into_iter()
            .find(|(local, local_name)| {
                same_name(local_name, name) && !in_file.contains(local.uuid.as_str())
            })
            .map(|(local, _)| local))
    }

    fn promises(&mut self, doc: &Document) -> Res {
        for (i, p) in doc.promises.iter().enumerate() {
            let at = Place::new(RecordKind::Promise, i);
            let by = self.resolve(Target::Partner, &at.field("by_uuid"), &p.by_uuid)?;
            let to =
                self.resolve_opt(Target::Partner, &at.field("to_uuid"), p.to_uuid.as_deref())?;
            let values = params![
                p.uuid,
                by,
                to,
                p.date,
                p.text,
                p.due,
                p.every,
                p.status,
                p.closed_on,
                p.created_at,
                p.updated_at
            ];
            let (id, verdict) = match self.by_uuid("promises", &p.uuid)? {
                Some(local) if local.loses_to(&p.uuid, &p.updated_at) => {
                    self.conn.execute(
                        "UPDATE promises SET uuid = ?1, by_id = ?2, to_id = ?3, date = ?4, text = ?5,
                         due = ?6, every = ?7, status = ?8, closed_on = ?9, created_at = ?10,
                         updated_at = ?11 WHERE uuid = ?1",
                        values,
                    )?;
                    (local.id, Verdict::Updated)
                }
                Some(local) => (local.id, Verdict::Skipped),
                None => {
                    self.conn.execute(
                        "INSERT INTO promises (uuid, by_id, to_id, date, text, due, every, status,
                         closed_on, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                        values,
                    )?;
                    (self.conn.last_insert_rowid(), Verdict::Added)
                }
            };
            self.promises.insert(p.uuid.clone(), id);
            self.tally(RecordKind::Promise, verdict);
        }
        Ok(())
    }

    fn checkins(&mut self, doc: &Document) -> Res {
        let in_file: HashSet<&str> = doc.checkins.iter().map(|c| c.uuid.as_str()).collect();
        // Feelings named in a check-in of this file travel with it: the file's set replaces
        // the journal's when the file's check-in wins, and is skipped when it loses.
        let mut keep: HashMap<&str, HashSet<&str>> = HashMap::new();
        for f in &doc.feelings {
            if let Some(c) = f.checkin_uuid.as_deref().filter(|c| in_file.contains(c)) {
                keep.entry(c).or_default().insert(f.uuid.as_str());
            }
        }
        // File check-in uuid → (local id, local partner id, whether the file's version won,
        // its date).
        let mut written: HashMap<&str, (i64, i64, bool, &str)> = HashMap::new();
        for (i, c) in doc.checkins.iter().enumerate() {
            let at = Place::new(RecordKind::Checkin, i);
            let partner =
                self.resolve(Target::Partner, &at.field("partner_uuid"), &c.partner_uuid)?;
            let existing = match self.by_uuid("checkins", &c.uuid)? {
                Some(local) => Some(local),
                // One check-in per partner per day: another uuid on the same day is the same
                // check-in written on another computer.
                None => self
                    .conn
                    .prepare_cached(
                        "SELECT id, updated_at, uuid FROM checkins WHERE partner_id = ?1 AND date = ?2",
                    )?
                    .query_row(params![partner, c.date], Local::from_row)
                    .optional()?
                    .filter(|local| !in_file.contains(local.uuid.as_str())),
            };
            let values = params![
                c.uuid,
                partner,
                c.date,
                c.trust,
                c.connection,
                c.step,
                c.prompt_id,
                c.answer,
                c.appreciation,
                c.need,
                c.note,
                c.created_at,
                c.updated_at
            ];
            let (id, verdict) = match existing {
                Some(local) if local.loses_to(&c.uuid, &c.updated_at) => {
                    self.day_is_free(&at, partner, &c.date, Some(local.id))?;
                    self.conn.execute(
                        "UPDATE checkins SET uuid = ?1, partner_id = ?2, date = ?3, trust = ?4,
                         connection = ?5, step = ?6, prompt_id = ?7, answer = ?8, appreciation = ?9,
                         need = ?10, note = ?11, created_at = ?12, updated_at = ?13 WHERE id = ?14",
                        with_id(values, &local.id),
                    )?;
                    (local.id, Verdict::Updated)
                }
                Some(local) => (local.id, Verdict::Skipped),
                None => {
                    self.day_is_free(&at, partner, &c.date, None)?;
                    self.conn.execute(
                        "INSERT INTO checkins (uuid, partner_id, date, trust, connection, step,
                         prompt_id, answer, appreciation, need, note, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                        values,
                    )?;
                    (self.conn.last_insert_rowid(), Verdict::Added)
                }
            };
            self.checkins.insert(c.uuid.clone(), id);
            self.tally(RecordKind::Checkin, verdict);
            let won = verdict != Verdict::Skipped;
            if won {
                let wanted = keep.get(c.uuid.as_str());
                self.drop_feelings_except(id, wanted)?;
            }
            written.insert(c.uuid.as_str(), (id, partner, won, c.date.as_str()));
        }
        // The feelings, in the file's order so that local ids keep it.
        for (j, f) in doc.feelings.iter().enumerate() {
            let at = Place::new(RecordKind::Feeling, j);
            let partner =
                self.resolve(Target::Partner, &at.field("partner_uuid"), &f.partner_uuid)?;
            if let Some(&(checkin, owner, won, date)) =
                f.checkin_uuid.as_deref().and_then(|c| written.get(c))
            {
                same_as_checkin(&at, f, partner, owner, date)?;
                let verdict = match self.by_uuid("feelings", &f.uuid)? {
                    _ if !won => Verdict::Skipped,
                    None => {
                        self.write_feeling(f, partner, Some(checkin), None)?;
                        Verdict::Added
                    }
                    Some(local) if self.feeling_is(local.id, f, partner, checkin)? => {
                        Verdict::Skipped
                    }
                    Some(local) => {
                        self.write_feeling(f, partner, Some(checkin), Some(local.id))?;
                        Verdict::Updated
                    }
                };
                self.tally(RecordKind::Feeling, verdict);
                continue;
            }
            // A quick feeling, or one of a check-in that only the journal holds.
            let checkin = self.resolve_opt(
                Target::Checkin,
                &at.field("checkin_uuid"),
                f.checkin_uuid.as_deref(),
            )?;
            if let Some(checkin) = checkin {
                let (owner, date): (i64, String) = self.conn.query_row(
                    "SELECT partner_id, date FROM checkins WHERE id = ?1",
                    [checkin],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                same_as_checkin(&at, f, partner, owner, &date)?;
            }
            let verdict = match self.by_uuid("feelings", &f.uuid)? {
                Some(local) if local.loses_to(&f.uuid, &f.updated_at) => {
                    self.write_feeling(f, partner, checkin, Some(local.id))?;
                    Verdict::Updated
                }
                Some(_) => Verdict::Skipped,
                None => {
                    self.write_feeling(f, partner, checkin, None)?;
                    Verdict::Added
                }
            };
            self.tally(RecordKind::Feeling, verdict);
        }
        Ok(())
    }

    /// Takes out the feelings of check-in `checkin` that the file's version of it does not
    /// name: they belonged to the older version the file replaced.
    fn drop_feelings_except(&mut self, checkin: i64, keep: Option<&HashSet<&str>>) -> Res {
        let current = rows_with(
            self.conn,
            "SELECT id, uuid FROM feelings WHERE checkin_id = ?1 ORDER BY id",
            [checkin],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
        )?;
        for (id, uuid) in current {
            if !keep.is_some_and(|k| k.contains(uuid.as_str())) {
                self.conn
                    .execute("DELETE FROM feelings WHERE id = ?1", [id])?;
                self.counts.get_mut(RecordKind::Feeling).removed += 1;
            }
        }
        Ok(())
    }

    /// Refuses a check-in that would land on a day its partner already has another check-in
    /// for, which only a file that moved a check-in to another day can cause.
    fn day_is_free(&self, at: &Place, partner: i64, date: &str, except: Option<i64>) -> Res {
        let taken: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM checkins WHERE partner_id = ?1 AND date = ?2")?
            .query_row(params![partner, date], |r| r.get(0))
            .optional()?;
        match taken {
            Some(id) if Some(id) != except => Err(refuse(
                at,
                format!(
                    "the journal already has another check-in by this partner on {date}, one that this file also lists under another day"
                ),
            )),
            _ => Ok(()),
        }
    }

    /// Whether the journal's feeling `id` already holds exactly what the file says.
    fn feeling_is(
        &self,
        id: i64,
        f: &FeelingRecord,
        partner: i64,
        checkin: i64,
    ) -> rusqlite::Result<bool> {
        self.conn
            .prepare_cached(
                "SELECT count(*) FROM feelings WHERE id = ?1 AND partner_id = ?2 AND checkin_id = ?3
                 AND date = ?4 AND word = ?5 AND intensity IS ?6 AND note IS ?7
                 AND created_at = ?8 AND updated_at = ?9",
            )?
            .query_row(
                params![id, partner, checkin, f.date, f.word, f.intensity, f.note, f.created_at, f.updated_at],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n == 1)
    }

    fn write_feeling(
        &self,
        f: &FeelingRecord,
        partner: i64,
        checkin: Option<i64>,
        replace: Option<i64>,
    ) -> rusqlite::Result<()> {
        let values = params![
            f.uuid,
            partner,
            checkin,
            f.date,
            f.word,
            f.intensity,
            f.note,
            f.created_at,
            f.updated_at
        ];
        match replace {
            Some(id) => self.conn.execute(
                "UPDATE feelings SET uuid = ?1, partner_id = ?2, checkin_id = ?3, date = ?4,
                 word = ?5, intensity = ?6, note = ?7, created_at = ?8, updated_at = ?9
                 WHERE id = ?10",
                with_id(values, &id),
            )?,
            None => self.conn.execute(
                "INSERT INTO feelings (uuid, partner_id, checkin_id, date, word, intensity, note,
                 created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                values,
            )?,
        };
        Ok(())
    }

    fn outcomes(&mut self, doc: &Document) -> Res {
        let in_file: HashSet<&str> = doc.outcomes.iter().map(|o| o.uuid.as_str()).collect();
        for (i, o) in doc.outcomes.iter().enumerate() {
            let at = Place::new(RecordKind::Outcome, i);
            let promise =
                self.resolve(Target::Promise, &at.field("promise_uuid"), &o.promise_uuid)?;
            let by = self.resolve(
                Target::Partner,
                &at.field("recorded_by_uuid"),
                &o.recorded_by_uuid,
            )?;
            let existing = match self.by_uuid("outcomes", &o.uuid)? {
                Some(local) => Some(local),
                // One outcome per promise per day, as for check-ins.
                None => self
                    .conn
                    .prepare_cached(
                        "SELECT id, updated_at, uuid FROM outcomes WHERE promise_id = ?1 AND date = ?2",
                    )?
                    .query_row(params![promise, o.date], Local::from_row)
                    .optional()?
                    .filter(|local| !in_file.contains(local.uuid.as_str())),
            };
            let taken: Option<i64> = self
                .conn
                .prepare_cached("SELECT id FROM outcomes WHERE promise_id = ?1 AND date = ?2")?
                .query_row(params![promise, o.date], |r| r.get(0))
                .optional()?;
            let values = params![
                o.uuid,
                promise,
                o.date,
                o.result,
                o.note,
                by,
                o.created_at,
                o.updated_at
            ];
            let verdict = match existing {
                Some(local) if local.loses_to(&o.uuid, &o.updated_at) => {
                    if taken.is_some_and(|t| t != local.id) {
                        return Err(clash(&at, &o.date));
                    }
                    self.conn.execute(
                        "UPDATE outcomes SET uuid = ?1, promise_id = ?2, date = ?3, result = ?4,
                         note = ?5, recorded_by = ?6, created_at = ?7, updated_at = ?8 WHERE id = ?9",
                        with_id(values, &local.id),
                    )?;
                    Verdict::Updated
                }
                Some(_) => Verdict::Skipped,
                None => {
                    if taken.is_some() {
                        return Err(clash(&at, &o.date));
                    }
                    self.conn.execute(
                        "INSERT INTO outcomes (uuid, promise_id, date, result, note, recorded_by,
                         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        values,
                    )?;
                    Verdict::Added
                }
            };
            self.tally(RecordKind::Outcome, verdict);
        }
        Ok(())
    }

    fn apologies(&mut self, doc: &Document) -> Res {
        for (i, a) in doc.apologies.iter().enumerate() {
            let at = Place::new(RecordKind::Apology, i);
            let by = self.resolve(Target::Partner, &at.field("by_uuid"), &a.by_uuid)?;
            let to = self.resolve(Target::Partner, &at.field("to_uuid"), &a.to_uuid)?;
            if by == to {
                return Err(refuse(
                    &at.field("to_uuid"),
                    "an apology goes to the other partner, not to the one who wrote it",
                ));
            }
            let promise = self.resolve_opt(
                Target::Promise,
                &at.field("promise_uuid"),
                a.promise_uuid.as_deref(),
            )?;
            let values = params![
                a.uuid,
                by,
                to,
                a.date,
                a.what,
                a.impact,
                a.responsibility,
                a.change,
                promise,
                a.created_at,
                a.updated_at
            ];
            let (id, verdict) = match self.by_uuid("apologies", &a.uuid)? {
                Some(local) if local.loses_to(&a.uuid, &a.updated_at) => {
                    self.conn.execute(
                        "UPDATE apologies SET by_id = ?2, to_id = ?3, date = ?4, what = ?5,
                         impact = ?6, responsibility = ?7, change = ?8, promise_id = ?9,
                         created_at = ?10, updated_at = ?11 WHERE uuid = ?1",
                        values,
                    )?;
                    (local.id, Verdict::Updated)
                }
                Some(local) => (local.id, Verdict::Skipped),
                None => {
                    self.conn.execute(
                        "INSERT INTO apologies (uuid, by_id, to_id, date, what, impact,
                         responsibility, change, promise_id, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                        values,
                    )?;
                    (self.conn.last_insert_rowid(), Verdict::Added)
                }
            };
            self.apologies.insert(a.uuid.clone(), id);
            self.tally(RecordKind::Apology, verdict);
        }
        Ok(())
    }

    fn responses(&mut self, doc: &Document) -> Res {
        for (i, r) in doc.responses.iter().enumerate() {
            let at = Place::new(RecordKind::Response, i);
            let apology =
                self.resolve(Target::Apology, &at.field("apology_uuid"), &r.apology_uuid)?;
            let by = self.resolve(Target::Partner, &at.field("by_uuid"), &r.by_uuid)?;
            let author: i64 = self.conn.query_row(
                "SELECT by_id FROM apologies WHERE id = ?1",
                [apology],
                |row| row.get(0),
            )?;
            if author == by {
                return Err(refuse(
                    &at.field("by_uuid"),
                    "an apology is answered by the partner it was written to, not by its author",
                ));
            }
            let values = params![
                r.uuid,
                apology,
                by,
                r.date,
                r.status,
                r.note,
                r.created_at,
                r.updated_at
            ];
            let verdict = match self.by_uuid("responses", &r.uuid)? {
                Some(local) if local.loses_to(&r.uuid, &r.updated_at) => {
                    self.conn.execute(
                        "UPDATE responses SET apology_id = ?2, by_id = ?3, date = ?4, status = ?5,
                         note = ?6, created_at = ?7, updated_at = ?8 WHERE uuid = ?1",
                        values,
                    )?;
                    Verdict::Updated
                }
                Some(_) => Verdict::Skipped,
                None => {
                    self.conn.execute(
                        "INSERT INTO responses (uuid, apology_id, by_id, date, status, note,
                         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        values,
                    )?;
                    Verdict::Added
                }
            };
            self.tally(RecordKind::Response, verdict);
        }
        Ok(())
    }

    fn focus(&mut self, doc: &Document) -> Res {
        let in_file: HashSet<&str> = doc.focus.iter().map(|f| f.uuid.as_str()).collect();
        // The file's first focus change, when it is on step 1 and made by nobody, is the one
        // its journal's `init` wrote. A journal that already has a focus keeps it: that
        // automatic start is left out rather than sending the focus back to step 1.
        let has_focus: bool =
            self.conn
                .query_row("SELECT EXISTS (SELECT 1 FROM focus_changes)", [], |r| {
                    r.get(0)
                })?;
        let automatic_start = doc
            .focus
            .iter()
            .enumerate()
            .min_by(|(_, a), (_, b)| (&a.date, &a.created_at).cmp(&(&b.date, &b.created_at)))
            .filter(|(_, f)| f.partner_uuid.is_none() && f.step == Step::Responsibility.id())
            .map(|(i, _)| i)
            .filter(|_| has_focus);
        for (i, f) in doc.focus.iter().enumerate() {
            let at = Place::new(RecordKind::Focus, i);
            let partner = self.resolve_opt(
                Target::Partner,
                &at.field("partner_uuid"),
                f.partner_uuid.as_deref(),
            )?;
            let existing = match self.by_uuid("focus_changes", &f.uuid)? {
                Some(local) => Some(local),
                None if automatic_start == Some(i) => {
                    self.tally(RecordKind::Focus, Verdict::Skipped);
                    continue;
                }
                // Both computers ran `init` the same day: one focus change, not two.
                None => rows_with(
                    self.conn,
                    "SELECT id, updated_at, uuid FROM focus_changes WHERE date = ?1 AND step = ?2
                     ORDER BY id",
                    params![f.date, f.step],
                    Local::from_row,
                )?
                .into_iter()
                .find(|local| !in_file.contains(local.uuid.as_str())),
            };
            let values = params![f.uuid, f.step, f.date, partner, f.created_at, f.updated_at];
            let verdict = match existing {
                Some(local) if local.loses_to(&f.uuid, &f.updated_at) => {
                    self.conn.execute(
                        "UPDATE focus_changes SET uuid = ?1, step = ?2, date = ?3, partner_id = ?4,
                         created_at = ?5, updated_at = ?6 WHERE id = ?7",
                        with_id(values, &local.id),
                    )?;
                    Verdict::Updated
                }
                Some(_) => Verdict::Skipped,
                None => {
                    self.conn.execute(
                        "INSERT INTO focus_changes (uuid, step, date, partner_id, created_at,
                         updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        values,
                    )?;
                    Verdict::Added
                }
            };
            self.tally(RecordKind::Focus, verdict);
        }
        Ok(())
    }

    fn meetings(&mut self, doc: &Document) -> Res {
        for (i, m) in doc.meetings.iter().enumerate() {
            let at = Place::new(RecordKind::Meeting, i);
            let mut parts = Vec::with_capacity(m.parts.len());
            let mut who = HashSet::new();
            for (j, part) in m.parts.iter().enumerate() {
                let here = |field: &str| at.field(format!("parts[{j}].{field}"));
                let partner =
                    self.resolve(Target::Partner, &here("partner_uuid"), &part.partner_uuid)?;
                if !who.insert(partner) {
                    return Err(refuse(
                        &here("partner_uuid"),
                        "a partner appears twice in one meeting",
                    ));
                }
                let promise = self.resolve_opt(
                    Target::Promise,
                    &here("promise_uuid"),
                    part.promise_uuid.as_deref(),
                )?;
                parts.push((partner, part, promise));
            }
            let values = params![
                m.uuid,
                m.date,
                m.went_well,
                m.work_on,
                m.created_at,
                m.updated_at
            ];
            let (id, verdict) = match self.by_uuid("meetings", &m.uuid)? {
                Some(local) if local.loses_to(&m.uuid, &m.updated_at) => {
                    self.conn.execute(
                        "UPDATE meetings SET date = ?2, went_well = ?3, work_on = ?4,
                         created_at = ?5, updated_at = ?6 WHERE uuid = ?1",
                        values,
                    )?;
                    self.conn.execute(
                        "DELETE FROM meeting_partners WHERE meeting_id = ?1",
                        [local.id],
                    )?;
                    (local.id, Verdict::Updated)
                }
                Some(local) => (local.id, Verdict::Skipped),
                None => {
                    self.conn.execute(
                        "INSERT INTO meetings (uuid, date, went_well, work_on, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        values,
                    )?;
                    (self.conn.last_insert_rowid(), Verdict::Added)
                }
            };
            if verdict != Verdict::Skipped {
                for (partner, part, promise) in parts {
                    self.conn.execute(
                        "INSERT INTO meeting_partners (meeting_id, partner_id, appreciation, request,
                         promise_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![id, partner, part.appreciation, part.request, promise],
                    )?;
                }
            }
            self.tally(RecordKind::Meeting, verdict);
        }
        Ok(())
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
