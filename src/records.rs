//! The JSON shape of each kind of record, in one place: a write command's `--json` prints
//! the record it wrote in exactly the shape `history --json` lists it (DESIGN.md "JSON
//! output": `kind`, `id`, `date`, `partner`, then the kind's own fields).
//!
//! `partner` is always the person the record belongs to: who made the promise (an outcome
//! counts for them, whoever recorded it), who apologised, who answered.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use crate::model::Partner;
use crate::store::apologies::{Answer, Apology, Response};
use crate::store::promises::{Outcome, OutcomeKind, Promise, Status};

/// Partner names by id, for turning ids into the names the JSON carries.
#[derive(Debug, Clone, Default)]
pub struct Names(HashMap<i64, String>);

impl Names {
    pub fn new(partners: &[Partner]) -> Names {
        Names(partners.iter().map(|p| (p.id, p.name.clone())).collect())
    }

    pub fn load(conn: &Connection) -> rusqlite::Result<Names> {
        Ok(Names::new(&crate::store::partners::all(conn)?))
    }

    /// The partner's name; a dangling id (which foreign keys prevent) reads as "?".
    pub fn of(&self, id: i64) -> String {
        self.0.get(&id).cloned().unwrap_or_else(|| "?".into())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PromiseRecord {
    pub kind: &'static str,
    pub id: i64,
    /// The date the promise is in force from.
    pub date: NaiveDate,
    pub partner: String,
    pub to: Option<String>,
    pub text: String,
    pub due: Option<NaiveDate>,
    pub every: Option<String>,
    pub status: Status,
    pub closed_on: Option<NaiveDate>,
}

pub fn promise(p: &Promise, names: &Names) -> PromiseRecord {
    PromiseRecord {
        kind: "promise",
        id: p.id,
        date: p.from,
        partner: names.of(p.by_id),
        to: p.to_id.map(|id| names.of(id)),
        text: p.text.clone(),
        due: p.due,
        every: p.every.map(|r| r.to_string()),
        status: p.status,
        closed_on: p.closed_on,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeRecord {
    pub kind: &'static str,
    pub id: i64,
    pub date: NaiveDate,
    /// Who made the promise: the outcome counts for them.
    pub partner: String,
    pub promise_id: i64,
    /// The promise's text, so a timeline reads on its own.
    pub promise: String,
    pub result: OutcomeKind,
    pub note: Option<String>,
    pub recorded_by: String,
}

pub fn outcome(o: &Outcome, p: &Promise, names: &Names) -> OutcomeRecord {
    OutcomeRecord {
        kind: "outcome",
        id: o.id,
        date: o.date,
        partner: names.of(p.by_id),
        promise_id: p.id,
        promise: p.text.clone(),
        result: o.result,
        note: o.note.clone(),
        recorded_by: names.of(o.recorded_by),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApologyRecord {
    pub kind: &'static str,
    pub id: i64,
    pub date: NaiveDate,
    pub partner: String,
    pub to: String,
    pub what: String,
    pub impact: Option<String>,
    pub responsibility: String,
    pub change: Option<String>,
    pub promise_id: Option<i64>,
}

pub fn apology(a: &Apology, names: &Names) -> ApologyRecord {
    ApologyRecord {
        kind: "apology",
        id: a.id,
        date: a.date,
        partner: names.of(a.by_id),
        to: names.of(a.to_id),
        what: a.what.clone(),
        impact: a.impact.clone(),
        responsibility: a.responsibility.clone(),
        change: a.change.clone(),
        promise_id: a.promise_id,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResponseRecord {
    pub kind: &'static str,
    pub id: i64,
    pub date: NaiveDate,
    /// Who answered.
    pub partner: String,
    pub apology_id: i64,
    pub status: Answer,
    pub note: Option<String>,
}

pub fn response(r: &Response, names: &Names) -> ResponseRecord {
    ResponseRecord {
        kind: "response",
        id: r.id,
        date: r.date,
        partner: names.of(r.by_id),
        apology_id: r.apology_id,
        status: r.answer,
        note: r.note.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;
    use serde_json::json;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn records_have_the_history_shape() {
        let names = Names::new(&[
            Partner {
                id: 1,
                uuid: String::new(),
                name: "Sam".into(),
                role: Role::Repairing,
            },
            Partner {
                id: 2,
                uuid: String::new(),
                name: "Alex".into(),
                role: Role::Healing,
            },
        ]);
        let p = Promise {
            id: 4,
            uuid: "u".into(),
            by_id: 1,
            to_id: Some(2),
            from: d(2026, 11, 16),
            text: "Text when I'm late".into(),
            due: None,
            every: Some("weekday".parse().unwrap()),
            status: Status::Open,
            closed_on: None,
        };
        let o = Outcome {
            id: 9,
            uuid: "v".into(),
            promise_id: 4,
            date: d(2026, 11, 20),
            result: OutcomeKind::Kept,
            note: None,
            recorded_by: 2,
        };
        assert_eq!(
            serde_json::to_value(outcome(&o, &p, &names)).unwrap(),
            json!({"kind": "outcome", "id": 9, "date": "2026-11-20", "partner": "Sam",
                   "promise_id": 4, "promise": "Text when I'm late", "result": "kept",
                   "note": null, "recorded_by": "Alex"})
        );
        let record = serde_json::to_value(promise(&p, &names)).unwrap();
        assert_eq!(record["kind"], "promise");
        assert_eq!(record["partner"], "Sam");
        assert_eq!(record["to"], "Alex");
        assert_eq!(record["every"], "weekday");
        assert_eq!(record["status"], "open");
    }
}
