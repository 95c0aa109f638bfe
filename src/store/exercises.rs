//! The guided exercises (incidents talked through, trigger plan entries, requests): one table,
//! told apart by `type`.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension as _, params};

use super::clock::Stamp;
use super::new_uuid;
use super::revisions::{self, Action};
use crate::domain::exercise::Exercise;
use crate::domain::kind::RecordKind;

/// One exercise as the journal holds it. The texts an exercise does not use are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Texts {
    pub what: String,
    pub felt: Option<String>,
    pub view: Option<String>,
    pub triggers: Option<String>,
    pub own_part: Option<String>,
    pub plan: Option<String>,
    pub helps: Option<String>,
    pub repair: Option<String>,
}

impl Texts {
    /// The text of one part, by its field name.
    pub fn get(&self, field: &str) -> Option<&str> {
        match field {
            "what" => Some(&self.what),
            "felt" => self.felt.as_deref(),
            "view" => self.view.as_deref(),
            "triggers" => self.triggers.as_deref(),
            "own_part" => self.own_part.as_deref(),
            "plan" => self.plan.as_deref(),
            "helps" => self.helps.as_deref(),
            "repair" => self.repair.as_deref(),
            _ => None,
        }
    }

    /// Sets one part (`what` only to text; an empty optional part becomes none).
    pub fn set(&mut self, field: &str, value: Option<String>) {
        let value = value.filter(|v| !v.trim().is_empty());
        match field {
            "what" => self.what = value.unwrap_or_default(),
            "felt" => self.felt = value,
            "view" => self.view = value,
            "triggers" => self.triggers = value,
            "own_part" => self.own_part = value,
            "plan" => self.plan = value,
            "helps" => self.helps = value,
            "repair" => self.repair = value,
            _ => {}
        }
    }

    /// Every text that is there, for the safety check.
    pub fn all(&self) -> Vec<&str> {
        [
            Some(self.what.as_str()),
            self.felt.as_deref(),
            self.view.as_deref(),
            self.triggers.as_deref(),
            self.own_part.as_deref(),
            self.plan.as_deref(),
            self.helps.as_deref(),
            self.repair.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseRow {
    pub id: i64,
    pub uuid: String,
    pub exercise: Exercise,
    pub partner_id: i64,
    pub date: NaiveDate,
    pub texts: Texts,
    /// The promise a request became.
    pub promise_id: Option<i64>,
}

const COLUMNS: &str = "id, uuid, type, partner_id, date, what, felt, view, triggers, own_part, \
                       plan, helps, repair, promise_id";

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ExerciseRow> {
    let kind: String = row.get(2)?;
    let exercise = kind.parse::<Exercise>().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, e.into())
    })?;
    Ok(ExerciseRow {
        id: row.get(0)?,
        uuid: row.get(1)?,
        exercise,
        partner_id: row.get(3)?,
        date: super::date_at(row, 4)?,
        texts: Texts {
            what: row.get(5)?,
            felt: row.get(6)?,
            view: row.get(7)?,
            triggers: row.get(8)?,
            own_part: row.get(9)?,
            plan: row.get(10)?,
            helps: row.get(11)?,
            repair: row.get(12)?,
        },
        promise_id: row.get(13)?,
    })
}

pub fn insert(
    conn: &Connection,
    stamp: &Stamp,
    exercise: Exercise,
    partner_id: i64,
    date: NaiveDate,
    texts: &Texts,
) -> rusqlite::Result<ExerciseRow> {
    let uuid = new_uuid();
    conn.execute(
        "INSERT INTO exercises (uuid, type, partner_id, date, what, felt, view, triggers,
                                own_part, plan, helps, repair, created_at, updated_at, hlc,
                                changed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14, ?15)",
        params![
            uuid,
            exercise.as_str(),
            partner_id,
            date,
            texts.what,
            texts.felt,
            texts.view,
            texts.triggers,
            texts.own_part,
            texts.plan,
            texts.helps,
            texts.repair,
            stamp.at,
            stamp.text(),
            stamp.by
        ],
    )?;
    let id = conn.last_insert_rowid();
    revisions::log(conn, stamp, RecordKind::Exercise, &uuid, Action::Add)?;
    Ok(ExerciseRow {
        id,
        uuid,
        exercise,
        partner_id,
        date,
        texts: texts.clone(),
        promise_id: None,
    })
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<ExerciseRow>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM exercises WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
}

/// Links a request to the promise it became: a change to the request, stamped, with the
/// version before kept.
pub fn link_promise(
    conn: &Connection,
    stamp: &Stamp,
    id: i64,
    promise_id: i64,
) -> rusqlite::Result<()> {
    revisions::supersede(conn, stamp, RecordKind::Exercise, id, Action::Edit)?;
    conn.execute(
        "UPDATE exercises SET promise_id = ?2 WHERE id = ?1",
        params![id, promise_id],
    )?;
    revisions::stamp_row(conn, stamp, RecordKind::Exercise, id)
}

/// The trigger plan as it stands on `date`: every entry written on or before it, newest
/// first.
pub fn trigger_plan(conn: &Connection, date: NaiveDate) -> rusqlite::Result<Vec<ExerciseRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM exercises WHERE type = 'trigger' AND date <= ?1
         ORDER BY date DESC, created_at DESC, id DESC"
    ))?;
    stmt.query_map([date], from_row)?.collect()
}

/// Every exercise of one kind, newest first.
pub fn of_type(conn: &Connection, exercise: Exercise) -> rusqlite::Result<Vec<ExerciseRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM exercises WHERE type = ?1
         ORDER BY date DESC, created_at DESC, id DESC"
    ))?;
    stmt.query_map([exercise.as_str()], from_row)?.collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn an_exercise_is_saved_read_back_and_linked_with_its_earlier_version_kept() {
        let mut store = Store::open_in_memory().unwrap();
        let clock = store.clock();
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let (row, promise) = store
            .write(|tx| {
                let first = crate::store::clock::stamp(tx, &clock, None)?;
                let a = crate::store::partners::insert(
                    tx,
                    &first,
                    "Alex",
                    crate::domain::model::Role::Healing,
                )?;
                let stamp = crate::store::clock::stamp(tx, &clock, Some(a.id))?;
                let texts = Texts {
                    what: "call when plans change".into(),
                    ..Texts::default()
                };
                let row = insert(tx, &stamp, Exercise::Request, a.id, day, &texts)?;
                let promise = crate::store::promises::insert(
                    tx,
                    &stamp,
                    &crate::store::promises::NewPromise {
                        by_id: a.id,
                        to_id: None,
                        from: day,
                        text: "call",
                        due: None,
                        every: None,
                    },
                )?;
                let later = crate::store::clock::stamp(tx, &clock, Some(a.id))?;
                link_promise(tx, &later, row.id, promise.id)?;
                Ok((row, promise))
            })
            .unwrap();
        let back = get(store.conn(), row.id).unwrap().unwrap();
        assert_eq!(back.texts.what, "call when plans change");
        assert_eq!(back.exercise, Exercise::Request);
        assert_eq!(back.promise_id, Some(promise.id));
        let versions =
            crate::store::revisions::of(store.conn(), RecordKind::Exercise, &row.uuid).unwrap();
        assert_eq!(versions.len(), 1);
    }
}
